"""Small builders for tests. Never imported by the application."""

from dspt.accounts.models import User
from dspt.demo.answers import acceptable_value, answer_all  # noqa: F401 (re-exported for tests)
from dspt.organisations import joining
from dspt.organisations.models import Membership, OdsEntry, Organisation

PASSWORD = "correct horse battery staple"


def make_user(email: str, password: str = PASSWORD, **extra) -> User:
    return User.objects.create_user(email, password, **extra)


def make_directory_entry(code: str, name: str = "", parent: str = "", is_open: bool = True, **extra) -> OdsEntry:
    return OdsEntry.objects.create(
        code=code, name=name or f"Fictional service {code}", parent_code=parent, is_open=is_open, **extra
    )


def make_organisation(ods_code: str, admin: User, name: str = "") -> Organisation:
    organisation = joining.register_organisation(admin, ods_code)
    if name:
        organisation.name = name
        organisation.save(update_fields=["name"])
    return organisation


def add_member(organisation: Organisation, user: User, role: str = Membership.MEMBER) -> Membership:
    return joining.join(organisation, user, role)


def make_publication(assessment, user, status="met", **snapshot_extra):
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
        snapshot=publish.build_snapshot(state, "Sam Patel", "Registered manager", sites) | snapshot_extra,
    )
    PublishedSite.objects.create(publication=publication, **sites[0])
    return publication


def complete_profile(organisation, **values):
    """Fill in and confirm the organisation profile (publishing needs a finished one)."""
    from django.utils import timezone

    profile = organisation.profile
    defaults = {"size": "10-49", "nhsmail_only": "no", "cyber_essentials_plus": "no", "completed_at": timezone.now()}
    for name, value in (defaults | values).items():
        setattr(profile, name, value)
    profile.save()
    return profile
