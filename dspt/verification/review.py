"""Checking registrations: until an operator confirms that an organisation is who it says it is, nothing it
publishes is shown in public (its own status, nor the branches it covers as a head office).

`shown_in_public` is the one rule every public reader goes through (dspt/publication/public.py). Whether a check is
needed at all is the REGISTRATION_REVIEW setting (on by default when DEBUG is off): with it off, a new registration
is approved as it is made, and is public at once.

A refused organisation stays hidden and keeps working privately. Its administrators are emailed the operator's
reason, which says what to do (the email also gives the service's contact details when OPERATOR_* are set); an
operator can approve it later, from the list of refused registrations.
"""

from dataclasses import dataclass

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from dspt.history.models import ChangeRecord
from dspt.history.record import record_change
from dspt.lib import emails
from dspt.organisations import people
from dspt.organisations.models import OdsEntry, Organisation
from dspt.verification import operators
from dspt.verification.models import RegistrationReview

WAITING, APPROVED, REFUSED = RegistrationReview.WAITING, RegistrationReview.APPROVED, RegistrationReview.REFUSED
STATE_LABELS = dict(RegistrationReview.STATES)
AREA = "Registration check"
REASON_MAX_LENGTH = 1000
REVIEW_OFF = "No check needed: registration review was off"


class CannotDecide(Exception):
    """A decision that cannot be made as asked; the message says why."""


# ---- the rule -------------------------------------------------------------------------------------------------


def review_required() -> bool:
    return bool(getattr(settings, "REGISTRATION_REVIEW", True))


def shown_in_public(state: str, review_required: bool) -> bool:
    """May the public see a status published by an organisation whose registration is in `state`?

    Approved: yes. Refused: never (whatever the setting). Waiting for a check: only while review is off. The state
    that counts is the publisher's: a branch covered by a head office is shown only when the head office is.
    An organisation with no review at all counts as waiting.
    """
    if state == APPROVED:
        return True
    if state == REFUSED:
        return False
    return not review_required


def public_states(review_required: bool) -> set[str]:
    """Every state `shown_in_public` lets through (for database queries)."""
    return {state for state, _label in RegistrationReview.STATES if shown_in_public(state, review_required)}


def publisher_shown(path: str) -> Q:
    """A database condition for rows whose publisher the public may see, `path` leading from the rows to the
    publisher's RegistrationReview.state (no review at all counts as waiting): `shown_in_public` as a query."""
    states = public_states(review_required())
    condition = Q(**{f"{path}__in": sorted(states)})
    if WAITING in states:
        condition |= Q(**{f"{path}__isnull": True})
    return condition


def states_of(codes) -> dict[str, str]:
    """The review state of the organisation registered with each code (one query; WAITING when it has none)."""
    codes = set(codes)
    found = dict(
        RegistrationReview.objects.filter(organisation__ods_code__in=codes).values_list(
            "organisation__ods_code", "state"
        )
    )
    return {code: found.get(code, WAITING) for code in codes}


def review_of(organisation: Organisation) -> RegistrationReview | None:
    return RegistrationReview.objects.filter(organisation=organisation).first()


def state_of(organisation: Organisation) -> str:
    review = review_of(organisation)
    return review.state if review else WAITING


def shown(organisation: Organisation) -> bool:
    """Is what this organisation publishes shown in public now?"""
    return shown_in_public(state_of(organisation), review_required())


# ---- registering ------------------------------------------------------------------------------------------------


def on_registered(organisation: Organisation, user) -> RegistrationReview:
    """A new organisation waits for a check, or, with review off, is approved as it is registered (hooked into
    organisations.joining.register_organisation from VerificationConfig.ready())."""
    required = review_required()
    now = timezone.now()
    return RegistrationReview.objects.create(
        organisation=organisation,
        state=WAITING if required else APPROVED,
        registered_email=user.email,
        created_at=now,
        decided_at=None if required else now,
        decided_by_label="" if required else REVIEW_OFF,
    )


# ---- what operators see -----------------------------------------------------------------------------------------


def waiting():
    """Registrations waiting for a check, oldest first."""
    return RegistrationReview.objects.filter(state=WAITING).select_related("organisation").order_by("created_at", "id")


def refused():
    """Refused registrations, most recently refused first."""
    return (
        RegistrationReview.objects.filter(state=REFUSED)
        .select_related("organisation", "decided_by")
        .order_by("-decided_at", "-id")
    )


def find(ods_code: str) -> RegistrationReview | None:
    """The review of the organisation registered with this code; None when no organisation has it. An organisation
    registered before reviews existed and somehow missed by the migration gets an unsaved one, waiting."""
    organisation = Organisation.objects.filter(ods_code=ods_code).first()
    if organisation is None:
        return None
    review = RegistrationReview.objects.select_related("decided_by").filter(organisation=organisation).first()
    return review or RegistrationReview(organisation=organisation, created_at=organisation.created_at)


@dataclass(frozen=True)
class Registration:
    """One registration as an operator checks it: what the ODS directory says beside what was typed here."""

    review: RegistrationReview
    directory: OdsEntry | None  # the imported directory's row for the code (never one made from what was typed)
    parent: OdsEntry | None  # the directory's row for the parent code

    @property
    def organisation(self) -> Organisation:
        return self.review.organisation

    @property
    def email(self) -> str:
        return self.review.registered_email

    @property
    def email_domain(self) -> str:
        return self.email.rpartition("@")[2] if "@" in self.email else ""

    @property
    def name_differs(self) -> bool:
        return self.directory is not None and self.directory.name.casefold() != self.organisation.name.casefold()


def registrations(reviews) -> list[Registration]:
    """Each review with its directory rows (two queries whatever the number)."""
    reviews = list(reviews)
    entries = OdsEntry.objects.imported().in_bulk([r.organisation.ods_code for r in reviews], field_name="code")
    parent_codes = {entry.parent_code for entry in entries.values() if entry.parent_code}
    parents = OdsEntry.objects.imported().in_bulk(parent_codes, field_name="code") if parent_codes else {}
    found = []
    for review in reviews:
        entry = entries.get(review.organisation.ods_code)
        found.append(Registration(review, entry, parents.get(entry.parent_code) if entry else None))
    return found


# ---- deciding ---------------------------------------------------------------------------------------------------


def _locked(review: RegistrationReview) -> RegistrationReview:
    """The review, locked for the decision (saved first if the organisation had none)."""
    if review.pk is None:
        review, _ = RegistrationReview.objects.get_or_create(
            organisation=review.organisation, defaults={"created_at": review.created_at}
        )
    return RegistrationReview.objects.select_for_update().select_related("organisation").get(pk=review.pk)


def _only_operators(by) -> None:
    if not operators.is_operator(by):
        raise CannotDecide("Only an operator of this service can approve or refuse a registration")


def _decide(review: RegistrationReview, by, state: str, reason: str) -> tuple[RegistrationReview, str]:
    review = _locked(review)
    before = review.state
    if before == state:  # decided meanwhile, perhaps by another operator
        raise CannotDecide(f"{review.organisation.name} is already {STATE_LABELS[state].lower()}")
    review.state, review.reason = state, reason
    review.decided_at, review.decided_by, review.decided_by_label = timezone.now(), by, by.email
    review.save(update_fields=["state", "reason", "decided_at", "decided_by", "decided_by_label"])
    return review, before


@transaction.atomic
def approve(review: RegistrationReview, by) -> RegistrationReview:
    """The operator `by` confirms the registration: what the organisation publishes is shown in public from now."""
    _only_operators(by)
    review, before = _decide(review, by, APPROVED, "")
    record_change(
        actor=by,
        organisation=review.organisation,
        area=AREA,
        action=ChangeRecord.UPDATED,
        obj=review,
        label=review.organisation.name,
        changes={"Registration": [STATE_LABELS[before], STATE_LABELS[APPROVED]]},
    )
    return review


def clean_reason(reason: str) -> str:
    """The reason as it will be emailed: spaces tidied at the ends; CannotDecide when empty or too long."""
    reason = (reason or "").strip()
    if not reason:
        raise CannotDecide("Enter the reason: it is emailed to the organisation's administrators")
    if len(reason) > REASON_MAX_LENGTH:
        raise CannotDecide(f"The reason must be {REASON_MAX_LENGTH} characters or fewer")
    return reason


@transaction.atomic
def refuse(review: RegistrationReview, by, reason: str) -> RegistrationReview:
    """The operator `by` cannot confirm the registration: nothing the organisation publishes is shown in public,
    and its administrators are emailed the reason (which should say what they can do)."""
    _only_operators(by)
    reason = clean_reason(reason)
    review, before = _decide(review, by, REFUSED, reason)
    record_change(
        actor=by,
        organisation=review.organisation,
        area=AREA,
        action=ChangeRecord.UPDATED,
        obj=review,
        label=review.organisation.name,
        changes={"Registration": [STATE_LABELS[before], STATE_LABELS[REFUSED]], "Reason": [None, reason]},
    )
    recipients = [admin.email for admin in people.admins(review.organisation)]
    if recipients:
        emails.registration_refused(recipients, review.organisation, reason, getattr(settings, "OPERATOR", None))
    return review
