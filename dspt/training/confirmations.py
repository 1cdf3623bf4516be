"""Confirmations without accounts: a one-time link through which a member of staff confirms what they have read and
done, landing in the staff training register (see docs/adr/0009-staff-confirmations.md).

A link belongs to one member of staff of one organisation. Its secret (32 random bytes) exists in clear only when it
is made; only its SHA-256 hash is stored. It works for LIFETIME and once: using it is a conditional UPDATE (only a
row still unused and unexpired is marked), so two submissions at once cannot both succeed.
"""

import datetime
import hashlib
import secrets
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from dspt.accounts import link_tokens
from dspt.history.models import ChangeRecord
from dspt.history.record import diff
from dspt.lib import emails
from dspt.registers import entries
from dspt.training.models import ConfirmationLink, StaffMember
from dspt.ui.presenters import long_date

LIFETIME = timedelta(days=7)
LIFETIME_TEXT = "7 days"
LINKS_PER_ORGANISATION_PER_DAY = 200  # a busy induction day on a shared tablet, but not a flood of emails
VALID, EXPIRED, USED = "valid", "expired", "used"
SHOWN, EMAILED = "show", "email"


class RuleBroken(Exception):
    """The link cannot be made or used: the message says why, in words for the page."""


class LinkGone(RuleBroken):
    """The link was used (perhaps in another tab, a moment ago) or ran out."""


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def url_for(token: str) -> str:
    return settings.SITE_URL + reverse("training:confirm", args=[token])


def _spec():
    from dspt.registers import specs

    return specs.get("staff-training")


@dataclass(frozen=True)
class Confirmer:
    """Who a confirmation's change record names: the member of staff, through the link (no account)."""

    email: str
    is_authenticated: bool = False


def confirmer(staff: StaffMember) -> Confirmer:
    return Confirmer(email=f"{staff.name}, by confirmation link"[:254])


def sent_to(email: str, since: datetime.datetime) -> int:
    """Confirmation emails to `email` since then: they count towards its hourly limit (link_tokens.check_limit)."""
    return ConfirmationLink.objects.filter(emailed_to=email.lower(), created_at__gte=since).count()


@transaction.atomic
def create_link(staff: StaffMember, by, email: str = "") -> tuple[ConfirmationLink, str]:
    """Make a link for `staff` (and email it when `email` is given). Returns it with its secret token, the only time
    the token exists in clear. Raises RuleBroken for a person no longer current, or too many links."""
    if staff.is_archived or (staff.left_on and staff.left_on <= timezone.localdate()):
        raise RuleBroken(f"{staff.name} is no longer current staff, so they cannot be sent a link")
    now = timezone.now()
    organisation = staff.organisation
    recent = ConfirmationLink.objects.filter(organisation=organisation, created_at__gte=now - timedelta(days=1))
    if recent.count() >= LINKS_PER_ORGANISATION_PER_DAY:
        raise RuleBroken(
            f"{organisation.name} has made {LINKS_PER_ORGANISATION_PER_DAY} links in the last 24 hours, "
            "the most an organisation can make. Try again tomorrow"
        )
    email = email.strip().lower()
    if email:
        try:
            link_tokens.check_limit(email)
        except link_tokens.TooManyLinks as error:
            raise RuleBroken(
                f"{email} has been sent several emails in the last hour. Wait an hour, or show the link "
                "on this screen instead"
            ) from error
    token = secrets.token_urlsafe(32)
    link = ConfirmationLink.objects.create(
        organisation=organisation,
        staff=staff,
        token_hash=_hash(token),
        created_at=now,
        created_by=by,
        expires_at=now + LIFETIME,
        emailed_to=email,
    )
    how = f"Emailed to {email}" if email else "Shown on screen"
    entries.record(
        _spec(),
        staff,
        by,
        ChangeRecord.UPDATED,
        {"Confirmation link": [None, f"{how}, works until {long_date(timezone.localdate(link.expires_at))}"]},
    )
    if email:
        emails.send(
            "training-confirmation",
            [email],
            {
                "url": url_for(token),
                "organisation": organisation,
                "first_name": staff.first_name,
                "lifetime": LIFETIME_TEXT,
            },
        )
    return link, token


def find(token: str) -> ConfirmationLink | None:
    """The link with this secret, if it is one and its member of staff is still in the register (not archived) and
    has not left (a link made before someone's leaving date stops working on it)."""
    if not token or len(token) > 100:
        return None
    link = (
        ConfirmationLink.objects.select_related("staff", "organisation")
        .filter(token_hash=_hash(token), staff__archived_at=None)
        .first()
    )
    if link is not None and link.staff.left_on is not None and link.staff.left_on <= timezone.localdate():
        return None
    return link


def state(link: ConfirmationLink, now: datetime.datetime | None = None) -> str:
    if link.used_at is not None:
        return USED
    if (now or timezone.now()) >= link.expires_at:
        return EXPIRED
    return VALID


@dataclass(frozen=True)
class Confirmation:
    confidentiality: bool = False  # has read the confidentiality clause
    policy: bool = False  # has read the data protection policy
    training_on: datetime.date | None = None  # completed data security training on (None: not confirming training)

    @property
    def anything(self) -> bool:
        return self.confidentiality or self.policy or self.training_on is not None


@transaction.atomic
def confirm(link: ConfirmationLink, confirmation: Confirmation, today: datetime.date | None = None) -> StaffMember:
    """Use the link up and put the confirmed dates in the member of staff's entry, with a change record naming them.

    Raises LinkGone when the link has been used or has run out (also when another submission won a moment ago),
    RuleBroken when nothing is confirmed, and ValidationError when a date breaks the register's rules (nothing is
    used up then)."""
    if not confirmation.anything:
        raise RuleBroken("Tick at least one thing to confirm")
    today = today or timezone.localdate()
    now = timezone.now()
    used = ConfirmationLink.objects.filter(pk=link.pk, used_at__isnull=True, expires_at__gt=now).update(used_at=now)
    if not used:
        raise LinkGone("This link has already been used or has run out")
    link.used_at = now
    spec = _spec()
    staff = spec.entries(link.organisation).select_for_update().get(pk=link.staff_id)
    if staff.is_archived:
        raise LinkGone("This link is no longer valid")
    before = entries.history_values(spec, staff)
    if confirmation.confidentiality:
        staff.confidentiality_confirmed_on = today
    if confirmation.policy:
        staff.policy_read_on = today
    if confirmation.training_on is not None:
        staff.training_completed_on = confirmation.training_on
    staff.full_clean(exclude=["organisation", "created_by", "updated_by"])
    changes = diff(before, entries.history_values(spec, staff))
    staff.updated_at, staff.updated_by = now, None  # not the manager: the change record names the person
    staff.save()
    entries.record(spec, staff, confirmer(staff), ChangeRecord.UPDATED, changes or {"Confirmed": [None, "No change"]})
    return staff


def check(confirmation: Confirmation, today: datetime.date) -> None:
    """Raise ValidationError for a training date the register would refuse (checked before the link is used)."""
    if confirmation.training_on is not None and confirmation.training_on > today:
        raise ValidationError("The date you completed the training must be today or in the past")
