"""A support organisation's staff: set up by the service's operators from the command line
(`manage.py add_support_organisation`), then managed by its programme leads.

A lead adds someone by email address. When they have an account they are added at once; when they have none, an
account is made with no password (as `add_operator` does) and they choose one with "Forgotten your password?". Either
way they get an email saying so. (Organisations' invitation links are not reused: a JoinLink belongs to an
Organisation and accepting it joins one; a support organisation's staff need no acceptance step.)
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.urls import reverse

from dspt.accounts import link_tokens
from dspt.accounts.models import User
from dspt.history.models import ChangeRecord
from dspt.history.record import record_change
from dspt.lib import emails
from dspt.support.cohort import history_area
from dspt.support.models import SupportMembership, SupportOrganisation

ROLE_DESCRIPTIONS = {
    SupportMembership.LEAD: "Manages the cohort, the staff and the programme, and does everything an adviser does",
    SupportMembership.ADVISER: "Sees the cohort and its dashboard, and works with providers",
}


class RuleBroken(Exception):
    """What was asked breaks a rule; the message says which, in plain words."""


def clean_email(email: str) -> str:
    email = (email or "").strip().lower()
    validate_email(email)
    return email


def _account(email: str, full_name: str = "") -> tuple[User, bool]:
    user = User.objects.filter(email=email).first()
    if user is not None:
        return user, False
    return User.objects.create_user(email, None, full_name=full_name), True


@transaction.atomic
def add_support_organisation(name: str, slug: str, lead_email: str, **details) -> tuple[SupportOrganisation, bool]:
    """Create the support organisation (or find it by slug) with `lead_email` as a programme lead, making their
    account (no password) when they have none. Returns (support organisation, lead's account was created)."""
    email = clean_email(lead_email)
    support_organisation, made = SupportOrganisation.objects.get_or_create(
        slug=slug, defaults={"name": name, **details}
    )
    if made:
        record_change(
            actor=None,
            organisation=None,
            area=history_area(support_organisation),
            action=ChangeRecord.CREATED,
            obj=support_organisation,
            label=name,
            changes={"Support organisation": [None, name]},
        )
    user, created = _account(email)
    _add(support_organisation, user, SupportMembership.LEAD, by=None, created=created)
    return support_organisation, created


def _add(support_organisation, user, role, by, created: bool) -> SupportMembership:
    membership, made = SupportMembership.objects.get_or_create(
        support_organisation=support_organisation, user=user, defaults={"role": role}
    )
    if not made and membership.role != role and role == SupportMembership.LEAD:
        old = membership.get_role_display()
        membership.role = role
        membership.save(update_fields=["role"])
        record_change(
            actor=by,
            organisation=None,
            area=history_area(support_organisation),
            action=ChangeRecord.UPDATED,
            obj=membership,
            label=user.email,
            changes={"Role": [old, membership.get_role_display()]},
        )
    elif made:
        record_change(
            actor=by,
            organisation=None,
            area=history_area(support_organisation),
            action=ChangeRecord.CREATED,
            obj=membership,
            label=user.email,
            changes={"Role": [None, membership.get_role_display()]}
            | ({"Account": [None, "Created"]} if created else {}),
        )
    return membership


@transaction.atomic
def add_staff(support_organisation: SupportOrganisation, email: str, role: str, by, full_name: str = "") -> tuple:
    """Add someone to the staff by email address (see the module's description). Returns (membership, account
    created). Raises RuleBroken when they are on the staff already, or when the address has had its hourly share of
    emails; ValidationError when it is not an email address."""
    email = clean_email(email)
    if role not in dict(SupportMembership.ROLES):
        raise RuleBroken("Choose a role")
    if support_organisation.memberships.filter(user__email=email).exists():
        raise RuleBroken(f"{email} is already on the staff of {support_organisation.name}")
    try:
        link_tokens.check_limit(email)
    except link_tokens.TooManyLinks as error:
        raise RuleBroken("We have sent several emails to this address in the last hour. Try again later") from error
    user, created = _account(email, full_name)
    membership = _add(support_organisation, user, role, by=by, created=created)
    emails.send(
        "support-staff-added",
        [email],
        {
            "support_organisation": support_organisation,
            "role": membership.get_role_display(),
            "role_description": ROLE_DESCRIPTIONS[role],
            "added_by": by.full_name or by.email,
            "new_account": created,
            "sign_in_url": settings.SITE_URL + reverse("accounts:sign_in"),
            "reset_url": settings.SITE_URL + reverse("accounts:forgotten_password"),
            "page_url": settings.SITE_URL + reverse("support:dashboard", args=[support_organisation.slug]),
        },
    )
    return membership, created


@transaction.atomic
def remove_staff(membership: SupportMembership, by) -> None:
    """Take someone off the staff; a support organisation always keeps one programme lead."""
    support_organisation = membership.support_organisation
    leads = support_organisation.memberships.filter(role=SupportMembership.LEAD)
    if membership.is_lead and leads.count() == 1:
        raise RuleBroken(f"{membership.user.email} is the only programme lead: add another one first")
    membership.delete()
    record_change(
        actor=by,
        organisation=None,
        area=history_area(support_organisation),
        action=ChangeRecord.DELETED,
        label=membership.user.email,
        changes={"Role": [membership.get_role_display(), None]},
    )


__all__ = ["RuleBroken", "ValidationError", "add_staff", "add_support_organisation", "remove_staff"]
