""" "What helps" with a question: the things a question set's `guidance.helps` may name, in our words.

A question set names them by key (e.g. "Information Asset Register"); the page shows the wording here, as a link
when this service has the thing (`url_name`, reversed with the organisation's ODS code) or the place that does
(`external`). Nothing here may suggest the service offers something it does not: a key with neither link is shown
as something the provider keeps itself. The question-set checks refuse keys that are not listed here, so a new
register or document is added here (with its url_name) when it exists, and every question naming it links to it.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Help:
    text: str
    url_name: str = ""  # a page of this service for the organisation (takes the ODS code)
    external: str = ""  # a page elsewhere


HELPS = {
    "Open DSPT organisation profile": Help(
        "Your organisation profile on this service: the roles, ICO number and Cyber Essentials Plus details",
        url_name="organisations:profile",
    ),
    "ICO public register search": Help(
        "The ICO's public register of data protection fee payers",
        external="https://ico.org.uk/ESDWebPages/Search",
    ),
    "Staff and roles list": Help(
        "A list of your staff and who holds each data protection role (the roles are in your organisation profile)",
        url_name="organisations:profile",
    ),
    "Information Asset Register": Help(
        "Your Information Asset Register: what information you hold and where",
        url_name="registers:information-assets:list",
    ),
    "Record of Processing Activities": Help(
        "Your Record of Processing Activities: why you use personal data",
        url_name="registers:processing-activities:list",
    ),
    "Digital asset register": Help("A list of your computers, phones, tablets and the systems on them"),
    "Data protection policy template": Help(
        "Your data protection policy, drafted for you from your profile and registers", url_name="documents:index"
    ),
    "Privacy notice template": Help(
        "Your privacy notices, for the people you support and for staff", url_name="documents:index"
    ),
    "Business continuity plan template": Help("Your business continuity plan", url_name="documents:index"),
    "Privileged access agreement template": Help("A signed agreement from each person with administrator access"),
    "Supplier list": Help(
        "A list of the suppliers who handle personal data for you, with their contracts",
        url_name="registers:suppliers:list",
    ),
    "Incident and breach log": Help(
        "Your log of incidents and near misses, and what you learned from each", url_name="registers:incidents:list"
    ),
    "Staff training records": Help(
        "Your staff training records, with the date each person last trained",
        url_name="registers:staff-training:list",
    ),
    "Spot-check audits": Help(
        "Your spot checks: clear desks, locked cabinets, locked screens, safe disposal",
        url_name="registers:spot-checks:list",
    ),
    "Retention schedule": Help(
        "Your records retention schedule: how long you keep each kind of record", url_name="documents:index"
    ),
    "Unsupported software register": Help(
        "A list of any software or devices no longer supported by their maker, and what you do about each",
        url_name="registers:unsupported-software:list",
    ),
    "Open DSPT risk summary": Help("Your list of data security risks and what you do about each"),
    "DPIA register": Help("Your data protection impact assessments (DPIAs)", url_name="registers:dpias:list"),
}


def keys_of(helps: str) -> list[str]:
    """The keys named in a `guidance.helps` string ("A; B")."""
    return [part.strip() for part in (helps or "").split(";") if part.strip()]


def unknown(helps: str) -> list[str]:
    return [key for key in keys_of(helps) if key not in HELPS]


def items(helps: str) -> list[Help]:
    """What to show for a question's `guidance.helps`, in the order it names them."""
    return [HELPS.get(key, Help(key)) for key in keys_of(helps)]
