"""Small builders for tests. Never imported by the application."""

from dspt.accounts.models import User
from dspt.organisations import people
from dspt.organisations.models import Membership, OdsEntry, Organisation

PASSWORD = "correct horse battery staple"


def make_user(email: str, password: str = PASSWORD, **extra) -> User:
    return User.objects.create_user(email, password, **extra)


def make_directory_entry(code: str, name: str = "", parent: str = "", is_open: bool = True, **extra) -> OdsEntry:
    return OdsEntry.objects.create(
        code=code, name=name or f"Fictional service {code}", parent_code=parent, is_open=is_open, **extra
    )


def make_organisation(ods_code: str, admin: User, name: str = "") -> Organisation:
    organisation = people.register_organisation(admin, ods_code)
    if name:
        organisation.name = name
        organisation.save(update_fields=["name"])
    return organisation


def add_member(organisation: Organisation, user: User, role: str = Membership.MEMBER) -> Membership:
    return people.join(organisation, user, role, invited_by=None)


def acceptable_value(question) -> dict:
    """A stored answer value that counts for this question (for building assessments in tests)."""
    rules = question.rules or {}
    kind = question.answer_type
    if kind == "confirm":
        return {"confirmed": True}
    if kind in ("yes_no", "choice"):
        return {"choice": (rules.get("acceptable") or ["yes"])[0]}
    if kind == "text":
        return {"text": "x" * max(int(rules.get("min_length") or 1), 40)}
    if kind in ("number", "percentage"):
        return {"number": "100"}
    if kind == "date":
        from django.utils import timezone

        return {"date": timezone.localdate().isoformat()}
    if kind == "ico_number":
        return {"ico": "ZA123456"}
    if kind == "document":
        return {"location": "Policies folder on the office computer"}
    raise ValueError(kind)


def answer_all(assessment, user, levels=("approaching", "met", "optional")):
    """Answer every question of the given levels acceptably."""
    from dspt.assessments import answering

    for question in assessment.framework.questions.filter(level__in=levels):
        current = assessment.answers.filter(question=question).first()
        answering.save_answer(
            assessment,
            question,
            value=acceptable_value(question),
            comment="",
            is_draft=False,
            user=user,
            expected_version=current.version if current else 0,
        )


def make_publication(assessment, user, status="met"):
    """A publication row with a real snapshot of the assessment as it is (skips the journey's rules)."""
    from dspt.publication import publish
    from dspt.publication.models import Publication, PublishedSite

    state = publish.journey(assessment)
    organisation = assessment.organisation
    sites = [{"ods_code": organisation.ods_code, "name": organisation.name}]
    publication = Publication.objects.create(
        organisation=organisation,
        assessment=assessment,
        year=assessment.framework.year,
        status=status,
        published_by=user,
        published_by_label=user.email,
        confirmer_name="Sam Patel",
        confirmer_job_title="Registered manager",
        snapshot=publish.build_snapshot(state, "Sam Patel", "Registered manager", sites),
    )
    PublishedSite.objects.create(publication=publication, **sites[0])
    return publication
