"""Every kind of document the service writes: one entry each, with the builder that drafts it from the facts.

A builder takes the organisation's Facts (facts.py) and returns its sections, each a heading and plain text: a
blank line between paragraphs, and lines starting "- " as a bulleted list. The words are ours; where a fact is
missing the text asks for it in square brackets. `evidences` are DSPT question references (2025-26 numbering).
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.conf import settings
from django.urls import NoReverseMatch, reverse

from dspt.documents.facts import Facts

SCAM_EMAIL = "scam-email"


@dataclass(frozen=True)
class Section:
    key: str
    heading: str
    text: str

    def as_dict(self) -> dict:
        return {"key": self.key, "heading": self.heading, "text": self.text}


@dataclass(frozen=True)
class Kind:
    slug: str
    title: str
    audience: str  # who it is for, in a phrase
    review_months: int
    evidences: tuple[str, ...]
    build: Callable[[Facts], list[Section]]
    summary: str = ""  # one line on the documents page


def bullets(lines) -> str:
    return "\n".join(f"- {line}" for line in lines)


def scam_report_path(ods_code: str) -> str:
    """Where staff report a scam email (a new incident of that kind), or "" while incidents do not exist."""
    try:
        return reverse("registers:incidents:add", args=[ods_code]) + "?kind=scam_email"
    except NoReverseMatch:
        return ""


def _contacts(facts: Facts) -> str:
    return bullets(
        [
            f"Data Protection Officer: {facts.person('dpo')}",
            f"Information governance lead: {facts.person('ig_lead')}",
            f"Senior Information Risk Owner: {facts.person('siro')}",
            f"Caldicott Guardian: {facts.person('caldicott')}",
        ]
    )


def _who_we_are(facts: Facts) -> Section:
    return Section(
        "who",
        "Who we are",
        f"{facts.name} decides how your personal information is used and is responsible for keeping it safe. "
        f"Our address is {facts.address()}. We are registered with the Information Commissioner's Office (ICO) "
        f"under number {facts.ico()}.\n\nIf you have a question about your information, ask any of us, or contact:\n"
        + _contacts(facts),
    )


def _purposes(facts: Facts, about: str) -> str:
    chosen = [a for a in facts.activities_or_gap() if about.lower() in a.people.lower()] or facts.activities
    if not chosen:
        return "[Add the reasons you use personal data to your Record of Processing Activities]"
    lines = []
    for activity in chosen:
        condition = f"; for health and other sensitive details, {activity.condition}" if activity.condition else ""
        lines.append(f"{activity.purpose}: {activity.data}. Lawful basis: {activity.lawful_basis}{condition}")
    return bullets(lines)


def _sharing(facts: Facts) -> str:
    recipients = sorted({a.recipients.strip() for a in facts.activities if a.recipients.strip()})
    abroad = [f"{a.purpose}: {a.outside_uk}" for a in facts.activities if a.outside_uk]
    text = (
        "We share information only when we need to, and only what is needed:\n" + bullets(recipients)
        if recipients
        else "We do not routinely share your information with anyone outside our organisation."
    )
    if abroad:
        text += "\n\nSome information goes outside the UK, protected as follows:\n" + bullets(abroad)
    else:
        text += "\n\nYour information stays in the UK."
    return text


def _keeping(facts: Facts) -> str:
    kept = [f"{a.purpose}: {a.retention}" for a in facts.activities if a.retention]
    if not kept:
        return "We keep information only as long as we need it. [Add how long you keep each kind of record]"
    return "We keep information only as long as we need it:\n" + bullets(kept)


RIGHTS = bullets(
    [
        "to be told how your information is used (this notice)",
        "to see a copy of the information we hold about you",
        "to have wrong information corrected",
        "to ask us to delete information, or to use less of it, where the law allows",
        "to object to how we use it",
        "to complain to the Information Commissioner's Office at ico.org.uk or on 0303 123 1113",
    ]
)


def people_we_support_notice(facts: Facts) -> list[Section]:
    return [
        _who_we_are(facts),
        Section("what", "What we use your information for", _purposes(facts, "support")),
        Section("sharing", "Who we share it with", _sharing(facts)),
        Section("keeping", "How long we keep it", _keeping(facts)),
        Section(
            "opt-out",
            "The national data opt-out",
            "Your information is used to provide your care. You can choose whether it is also used for research "
            "and planning across health and care. We follow your choice under the national data opt-out: find out "
            "more or change your choice at nhs.uk/your-nhs-data-matters.",
        ),
        Section("rights", "Your rights", "You have the right:\n" + RIGHTS),
    ]


def staff_notice(facts: Facts) -> list[Section]:
    return [
        _who_we_are(facts),
        Section("what", "What we use your information for", _purposes(facts, "staff")),
        Section("sharing", "Who we share it with", _sharing(facts)),
        Section("keeping", "How long we keep it", _keeping(facts)),
        Section("rights", "Your rights", "As someone who works with us, you have the right:\n" + RIGHTS),
    ]


def data_protection_policy(facts: Facts) -> list[Section]:
    return [
        Section(
            "scope",
            "What this policy covers",
            f"This policy applies to everyone who works for {facts.name}: staff, volunteers, directors and "
            "trustees, and agency workers. It covers all personal information we hold, on paper or on computers, "
            "phones and in online systems.",
        ),
        Section(
            "roles",
            "Who is responsible",
            f"{facts.name} is registered with the Information Commissioner's Office under number {facts.ico()}. "
            "These people lead our work on data protection:\n" + _contacts(facts),
        ),
        Section(
            "principles",
            "How we handle personal information",
            bullets(
                [
                    "We use it only for the reasons in our Record of Processing Activities, and tell people why",
                    "We collect only what we need, keep it accurate and up to date, and correct mistakes quickly",
                    "We keep it no longer than our records retention schedule says",
                    "We keep it secure, and only people who need it can see it",
                    "We share it only when there is a lawful reason, and record that we did",
                ]
            ),
        ),
        Section(
            "lawful",
            "Our reasons and lawful bases",
            "Our Record of Processing Activities lists each reason we use personal information and its lawful "
            "basis:\n" + _purposes(facts, ""),
        ),
        Section(
            "risks",
            "Checking risks before we start something new",
            "Before we start a new system, a new way of working or a new kind of sharing that could affect "
            "people's privacy, we check whether a data protection impact assessment is needed, and carry one out "
            f"when it is. {facts.person('dpo')} signs it off.",
        ),
        Section(
            "breaches",
            "When something goes wrong",
            "Anyone who finds that personal information has been lost, sent to the wrong person or seen by someone "
            f"who should not have seen it tells {facts.person('ig_lead')} straight away, the same day. We record "
            "every breach and near miss and learn from it. If a breach must be reported, we report it to the ICO "
            "through the Data Security and Protection Toolkit within 72 hours of finding it; if we are late, we still "
            "report it and say why.",
        ),
        Section(
            "requests",
            "Requests from people about their information",
            "Anyone can ask to see, correct or delete their information. We reply within one month and keep a "
            "record of the request and our reply.",
        ),
        Section(
            "review",
            "Reviewing this policy",
            "We review this policy every year, and sooner if the law or the way we work changes. Staff read it "
            "when they join and confirm that they have.",
        ),
    ]


def security_policy(facts: Facts) -> list[Section]:
    return [
        Section(
            "scope",
            "What this policy covers",
            f"How {facts.name} keeps its computers, phones, systems and paper records safe from loss, theft and "
            f"attack. {facts.person('siro')} owns the risks to our information.",
        ),
        Section(
            "accounts",
            "Passwords and accounts",
            bullets(
                [
                    "Everyone has their own login; we never share accounts or passwords",
                    "Passwords are long (three random words work well) and not used anywhere else",
                    "Two-step sign-in is turned on wherever a system offers it, and always for email",
                    "When someone leaves or changes job, their access is removed or changed the same day",
                ]
            ),
        ),
        Section(
            "devices",
            "Computers, phones and tablets",
            bullets(
                [
                    "Screens lock after a few minutes and whenever a device is left",
                    "Updates are installed as soon as they are offered; devices no longer updated are replaced",
                    "Antivirus protection is switched on and kept up to date",
                    "Laptops, tablets and phones that hold personal information are encrypted",
                ]
            ),
        ),
        Section(
            "paper",
            "Paper records and the building",
            "Paper records are kept in locked cabinets and shredded when no longer needed. Visitors are signed in "
            "and never left alone where records are kept.",
        ),
        Section(
            "email",
            "Email and scam messages",
            "Staff check the sender before opening links or attachments, and report anything suspicious at once "
            "using our 'Scam email: what to do' sheet.",
        ),
        Section(
            "backups",
            "Backups",
            "Important information is backed up, the backups are protected, and we check at least once a year that "
            "we can restore from them.",
        ),
    ]


def byod_policy(facts: Facts) -> list[Section]:
    return [
        Section(
            "who",
            "Who this is for",
            f"Anyone who uses their own phone, tablet or computer for work at {facts.name}, including to read work "
            "email or use the care records app.",
        ),
        Section(
            "rules",
            "What you must do",
            bullets(
                [
                    "Lock the device with a PIN, password, fingerprint or face recognition",
                    "Keep it updated, and stop using it for work when it no longer gets updates",
                    "Use only the apps we approve for work information; never save it to personal storage",
                    "Never take photos of people we support on a personal device",
                    "Do not let family or friends use the device while you are signed in to work apps",
                ]
            ),
        ),
        Section(
            "lost",
            "If the device is lost or stolen",
            f"Tell {facts.person('ig_lead')} straight away, the same day, so that your work accounts can be "
            "signed out and the loss recorded as an incident.",
        ),
        Section(
            "leaving",
            "When you leave",
            "Remove work apps and any work information from the device on your last day; we remove your access.",
        ),
    ]


def retention_schedule(facts: Facts) -> list[Section]:
    assets = facts.assets_or_gap()
    lines = [
        f"{asset.name} ({asset.kind.lower()}): kept {asset.retention or '[add how long it is kept]'}; "
        f"disposed of by {asset.disposal or '[add how it is disposed of]'}"
        for asset in assets
    ]
    activities = [f"{a.purpose}: {a.retention}" for a in facts.activities if a.retention]
    return [
        Section(
            "about",
            "About this schedule",
            f"How long {facts.name} keeps each kind of record, and how it is disposed of at the end. It is drawn "
            "from our Information Asset Register and Record of Processing Activities, and follows the Records "
            "Management Code of Practice for Health and Social Care.",
        ),
        Section(
            "records",
            "Records and how long we keep them",
            bullets(lines) if lines else "[Add the records and systems you keep to your Information Asset Register]",
        ),
        Section(
            "purposes",
            "By reason for keeping them",
            bullets(activities) if activities else "[Add how long you keep information for each reason you use it]",
        ),
        Section(
            "disposal",
            "Disposing of records safely",
            "Paper is shredded or collected by a company that gives us a certificate of destruction. Computers, "
            "phones and storage are wiped or destroyed by a company that certifies it.",
        ),
    ]


def continuity_plan(facts: Facts) -> list[Section]:
    lead, siro = facts.person("ig_lead"), facts.person("siro")
    systems = [a.name for a in facts.assets if a.is_system]
    system_names = ", ".join(systems) if systems else "[add your care records system]"
    return [
        Section(
            "purpose",
            "What this plan is for",
            f"Keeping care safe at {facts.name} when something we rely on stops working. {siro} owns this plan; "
            f"{lead} keeps it up to date. A printed copy is kept in the office with the emergency contact list.",
        ),
        Section(
            "records-system",
            "If the care records system is lost",
            f"Our systems: {system_names}.\n"
            + bullets(
                [
                    "The person in charge of the shift switches to the printed care plans, medication charts and "
                    "paper notes kept for this",
                    f"{lead} calls the system supplier and records the outage as an incident",
                    "If it may be a cyber attack, unplug the affected devices from the network but leave them "
                    "switched on, and call the supplier and Action Fraud (0300 123 2040)",
                    "When the system is back, staff type in what was written on paper the same day",
                ]
            ),
        ),
        Section(
            "phones",
            "If the phones or internet are lost",
            bullets(
                [
                    "Use staff mobile phones; the emergency contact list has the numbers people need",
                    "Tell families, GPs and commissioners how to reach us meanwhile",
                    f"{lead} reports the fault to the phone or internet provider and follows it up",
                ]
            ),
        ),
        Section(
            "building",
            "If the building cannot be used",
            bullets(
                [
                    "The person in charge makes everyone safe first, and follows the fire and evacuation plan",
                    "Take the printed emergency contact list and the grab pack of essential records",
                    "Lock away or take any paper records left behind, so they are not seen by others",
                    f"{siro} decides where the service runs from, and tells commissioners and the CQC",
                ]
            ),
        ),
        Section(
            "testing",
            "How and when we test this plan",
            "At least once a year we walk through one of these situations with the staff who would be involved, "
            "check the emergency contact list is current and that we can restore from our backups, and write down "
            "what worked and what we changed. [Add the date of your last test and what you learned]",
        ),
    ]


def scam_email_sheet(facts: Facts) -> list[Section]:
    path = scam_report_path(facts.ods_code)
    report = (
        f". If you can sign in to Open DSPT, you can also record it yourself at {settings.SITE_URL}{path}"
        if path
        else ""
    )
    return [
        Section(
            "check",
            "What to check",
            bullets(
                [
                    "Do you know the sender, and is their address exactly right?",
                    "Does it rush you, threaten you or promise something too good to be true?",
                    "Does it ask you to sign in, pay, change bank details or open an attachment you did not expect?",
                    "Hover over links before clicking: does the address look right?",
                ]
            ),
        ),
        Section(
            "do",
            "If you think it is a scam",
            bullets(
                [
                    "Do not click links, open attachments or reply",
                    "If you already clicked or typed a password, say so at once: it is never too late, and you "
                    "will not be blamed for telling us",
                    "Forward it to report@phishing.gov.uk, then delete it",
                ]
            ),
        ),
        Section(
            "tell",
            "Who to tell",
            f"Tell {facts.person('ig_lead')} straight away{report}.",
        ),
        Section(
            "next",
            "What happens next",
            "We record it, check whether any information or account was put at risk, change passwords if needed "
            "and warn the rest of the team. If personal information was put at risk and it must be reported, we "
            "report it to the ICO within 72 hours of finding out.",
        ),
    ]


ALL: tuple[Kind, ...] = (
    Kind(
        "privacy-notice-people",
        "Privacy notice for people we support",
        "people we support and their families",
        12,
        ("1.1.3", "1.2.4"),
        people_we_support_notice,
        "Tells the people you support what you do with their information and why.",
    ),
    Kind(
        "privacy-notice-staff",
        "Privacy notice for staff",
        "staff, volunteers and job applicants",
        12,
        ("1.1.3",),
        staff_notice,
        "Tells staff what you do with their information and why.",
    ),
    Kind(
        "data-protection-policy",
        "Data protection policy",
        "everyone who works for you",
        12,
        ("1.3.1", "1.3.7", "1.3.8"),
        data_protection_policy,
        "How everyone looks after personal information, and who is responsible.",
    ),
    Kind(
        "security-policy",
        "Data and cyber security policy",
        "everyone who works for you",
        12,
        ("1.3.1", "4.5.4"),
        security_policy,
        "Passwords, devices, paper records, email and backups.",
    ),
    Kind(
        "byod-policy",
        "Bring your own device policy",
        "anyone using their own phone, tablet or computer for work",
        12,
        ("1.3.11",),
        byod_policy,
        "The rules for using personal phones and tablets for work.",
    ),
    Kind(
        "retention-schedule",
        "Records retention schedule",
        "managers and office staff",
        12,
        ("1.4.1",),
        retention_schedule,
        "How long you keep each kind of record, from your registers.",
    ),
    Kind(
        "business-continuity-plan",
        "Business continuity plan",
        "managers and the person in charge of each shift",
        12,
        ("7.1.2", "7.2.1", "7.3.2"),
        continuity_plan,
        "Who does what when the care records system, the phones or the building are lost.",
    ),
    Kind(
        SCAM_EMAIL,
        "Scam email: what to do",
        "all staff (one page to put up or hand out)",
        12,
        ("6.1.1",),
        scam_email_sheet,
        "One page for staff: what to check, who to tell and what happens next.",
    ),
)
BY_SLUG = {kind.slug: kind for kind in ALL}


def get(slug: str) -> Kind | None:
    return BY_SLUG.get(slug)
