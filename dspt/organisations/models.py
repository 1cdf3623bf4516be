"""Organisations known to the NHS (the ODS directory), those registered here, their profiles and people, and the
links that let people register or join them."""

from django.conf import settings
from django.db import models
from django.utils import timezone

from dspt.lib import ods


class OdsEntryQuerySet(models.QuerySet):
    def imported(self):
        """Only rows from the ODS directory itself (not ones added for organisations that published)."""
        return self.filter(source=OdsEntry.IMPORTED)


class OdsEntry(models.Model):
    """One row of the ODS directory, imported with `manage.py import_ods`.

    Organisations that publish without being in an imported directory get a row too (source "registration"), so
    the public search finds them; those rows never count as "the directory is loaded".
    """

    code = models.CharField(max_length=10, unique=True)
    name = models.CharField(max_length=200)
    postcode = models.CharField(max_length=10, blank=True)
    parent_code = models.CharField(max_length=10, blank=True, db_index=True)
    is_open = models.BooleanField(default=True)
    kind = models.CharField(max_length=60, blank=True, help_text="The directory's type, e.g. 'Care home'")
    IMPORTED, REGISTERED = "ods", "registration"
    SOURCES = [
        (IMPORTED, "Imported from the ODS directory"),
        (REGISTERED, "Added when a registered organisation published"),
    ]
    source = models.CharField(max_length=12, choices=SOURCES, default=IMPORTED)
    updated_at = models.DateTimeField(auto_now=True)

    objects = OdsEntryQuerySet.as_manager()

    class Meta:
        ordering = ["code"]
        verbose_name = "ODS directory entry"
        verbose_name_plural = "ODS directory entries"

    def __str__(self):
        return f"{self.name} ({self.code})"


class OrganisationQuerySet(models.QuerySet):
    def for_user(self, user):
        return self.filter(memberships__user=user)


class Organisation(models.Model):
    ods_code = models.CharField("ODS code", max_length=10, unique=True)
    name = models.CharField("organisation name", max_length=200)
    created_at = models.DateTimeField(default=timezone.now)
    require_two_factor = models.BooleanField(
        "everyone must use two-factor sign-in",
        default=False,
    )

    objects = OrganisationQuerySet.as_manager()

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return f"{self.name} ({self.ods_code})"

    @property
    def is_head_office(self) -> bool:
        return ods.kind_of(self.ods_code) == ods.HEAD_OFFICE

    def branches(self):
        """The V-code sites the ODS directory lists under this head office (empty for a site)."""
        if not self.is_head_office:
            return OdsEntry.objects.none()
        return OdsEntry.objects.filter(parent_code=self.ods_code).order_by("name")


class Membership(models.Model):
    ADMIN, MEMBER, VIEWER = "admin", "member", "viewer"
    ROLES = [(ADMIN, "Administrator"), (MEMBER, "Member"), (VIEWER, "Viewer")]
    ROLE_DESCRIPTIONS = {
        ADMIN: "Can manage people, the organisation profile and publishing, as well as answers and registers",
        MEMBER: "Can answer questions and keep the registers up to date",
        VIEWER: "Can read everything but cannot change anything",
    }
    RANK = {VIEWER: 1, MEMBER: 2, ADMIN: 3}

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships")
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField(max_length=10, choices=ROLES, default=MEMBER)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "organisation"], name="one_membership_per_person")]
        ordering = ["organisation__name"]

    def __str__(self):
        return f"{self.user} – {self.organisation} ({self.get_role_display()})"

    def can(self, role: str) -> bool:
        """True when this membership's role is at least `role`."""
        return self.RANK[self.role] >= self.RANK[role]

    @property
    def is_admin(self) -> bool:
        return self.role == self.ADMIN


YES, NO, NOT_SURE = "yes", "no", "not_sure"
YES_NO_NOT_SURE = [(YES, "Yes"), (NO, "No"), (NOT_SURE, "Not sure")]


class Profile(models.Model):
    """What the organisation tells us about itself (the national toolkit's organisation profile)."""

    SOCIAL_CARE = "social_care"
    ORGANISATION_TYPES = [
        (SOCIAL_CARE, "Social care provider"),
        ("health_care", "Independent health care provider"),
        ("other", "Another kind of organisation"),
    ]
    CARE_HOME, HOME_CARE, BOTH = "care_home", "home_care", "both"
    SERVICES = [
        (CARE_HOME, "A care home (with or without nursing)"),
        (HOME_CARE, "Care in people's own homes (home care, domiciliary care, supported living)"),
        (BOTH, "Both"),
    ]
    SIZES = [
        ("1-9", "1 to 9 staff"),
        ("10-49", "10 to 49 staff"),
        ("50-249", "50 to 249 staff"),
        ("250+", "250 staff or more"),
    ]
    ROLES = {
        "caldicott": "Caldicott Guardian",
        "siro": "Senior Information Risk Owner (SIRO)",
        "ig_lead": "Information governance lead",
        "dpo": "Data Protection Officer (DPO)",
    }

    organisation = models.OneToOneField(Organisation, on_delete=models.CASCADE, related_name="profile")
    organisation_type = models.CharField(
        "type of organisation", max_length=20, choices=ORGANISATION_TYPES, default=SOCIAL_CARE
    )
    services = models.CharField("kind of care", max_length=10, choices=SERVICES, blank=True)
    size = models.CharField("number of staff", max_length=10, choices=SIZES, blank=True)
    caldicott_name = models.CharField("Caldicott Guardian's name", max_length=150, blank=True)
    caldicott_title = models.CharField("Caldicott Guardian's job title", max_length=150, blank=True)
    siro_name = models.CharField("SIRO's name", max_length=150, blank=True)
    siro_title = models.CharField("SIRO's job title", max_length=150, blank=True)
    ig_lead_name = models.CharField("information governance lead's name", max_length=150, blank=True)
    ig_lead_title = models.CharField("information governance lead's job title", max_length=150, blank=True)
    dpo_name = models.CharField("DPO's name", max_length=150, blank=True)
    dpo_title = models.CharField("DPO's job title", max_length=150, blank=True)
    nhsmail_only = models.CharField(
        "NHSmail is the only email system", max_length=10, choices=YES_NO_NOT_SURE, blank=True
    )
    cyber_essentials_plus = models.CharField(
        "holds Cyber Essentials Plus", max_length=10, choices=YES_NO_NOT_SURE, blank=True
    )
    cyber_essentials_plus_date = models.DateField("Cyber Essentials Plus certificate date", null=True, blank=True)
    ico_number = models.CharField("ICO registration number", max_length=8, blank=True)
    completed_at = models.DateTimeField(null=True, blank=True)

    def __str__(self):
        return f"Profile of {self.organisation}"

    def holder(self, role: str) -> tuple[str, str]:
        return getattr(self, f"{role}_name"), getattr(self, f"{role}_title")


class JoinRequest(models.Model):
    """Someone tried to register an organisation that already has an account and asked to be invited."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="join_requests")
    email = models.EmailField()
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["email", "created_at"])]

    def __str__(self):
        return f"{self.email} asked to join {self.organisation}"


class JoinLink(models.Model):
    """What an emailed registration or invitation link is for. The link itself is accounts' EmailLink."""

    REGISTER, INVITE = "register", "invite"  # EmailLink.purpose
    PURPOSES = [(REGISTER, "Register an organisation"), (INVITE, "Join an organisation")]

    link = models.OneToOneField("accounts.EmailLink", on_delete=models.CASCADE, primary_key=True, related_name="join")
    ods_code = models.CharField(max_length=10, blank=True)  # the organisation to register
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, null=True, blank=True, related_name="+")
    role = models.CharField(max_length=10, blank=True)  # the role an invitation offers

    def __str__(self):
        return f"{dict(self.PURPOSES).get(self.link.purpose, 'Join')} link for {self.link.email}"
