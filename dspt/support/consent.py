"""A provider's consent to a support organisation, or to its head office: given and withdrawn by the provider's
administrators, kept in the provider's history. Without it a support organisation or head office sees only what the
public sees (the published status). The recipient is a SupportOrganisation or a head office's Organisation."""

from django.db import IntegrityError, transaction
from django.utils import timezone

from dspt.history.models import ChangeRecord
from dspt.history.record import record_change
from dspt.lib import ods
from dspt.organisations.models import OdsEntry, Organisation
from dspt.support.models import Consent, SupportOrganisation

AREA = "Support"


def _to(recipient) -> dict:
    """The consent fields that name `recipient`: a support organisation or a head office."""
    if isinstance(recipient, SupportOrganisation):
        return {"support_organisation": recipient}
    return {"head_office": recipient}


def has_consent(organisation, recipient) -> bool:
    return Consent.objects.live().filter(organisation=organisation, **_to(recipient)).exists()


def consenting_organisation_ids(support_organisation: SupportOrganisation) -> set[int]:
    """The ids of the registered organisations that let `support_organisation` see their progress (one query)."""
    return set(
        Consent.objects.live()
        .filter(support_organisation=support_organisation)
        .values_list("organisation_id", flat=True)
    )


class NotItsHeadOffice(Exception):
    """Only the head office the ODS directory lists over a site may be given its consent."""


@transaction.atomic
def grant(organisation, recipient, user) -> Consent:
    """Let the support organisation or head office see the organisation's progress; giving it twice changes
    nothing."""
    if not isinstance(recipient, SupportOrganisation) and head_office_of(organisation) != recipient:
        raise NotItsHeadOffice(f"{recipient} is not the head office of {organisation}")
    live = Consent.objects.live().filter(organisation=organisation, **_to(recipient)).first()
    if live is not None:
        return live
    try:
        with transaction.atomic():
            consent = Consent.objects.create(organisation=organisation, granted_by=user, **_to(recipient))
    except IntegrityError:  # given at the same moment in another request
        return Consent.objects.live().get(organisation=organisation, **_to(recipient))
    record_change(
        actor=user,
        organisation=organisation,
        area=AREA,
        action=ChangeRecord.UPDATED,
        obj=consent,
        label=recipient.name,
        changes={f"{recipient.name} may see our progress": ["No", "Yes"]},
    )
    return consent


@transaction.atomic
def withdraw(organisation, recipient, user) -> bool:
    """Stop the support organisation or head office seeing the organisation's progress, at once. False if it had no
    consent."""
    live = Consent.objects.live().select_for_update().filter(organisation=organisation, **_to(recipient)).first()
    if live is None:
        return False
    live.withdrawn_at, live.withdrawn_by = timezone.now(), user
    live.save(update_fields=["withdrawn_at", "withdrawn_by"])
    record_change(
        actor=user,
        organisation=organisation,
        area=AREA,
        action=ChangeRecord.UPDATED,
        obj=live,
        label=recipient.name,
        changes={f"{recipient.name} may see our progress": ["Yes", "No"]},
    )
    return True


def head_office_of(organisation) -> Organisation | None:
    """The registered head office the ODS directory lists over this site, if any (one or two queries)."""
    if ods.kind_of(organisation.ods_code) != ods.SITE:
        return None
    parent = OdsEntry.objects.filter(code=organisation.ods_code).values_list("parent_code", flat=True).first()
    if not parent:
        return None
    return Organisation.objects.filter(ods_code=parent).first()


def branches_consenting(head_office) -> set[int]:
    """The ids of the branches that let `head_office` see their progress now (one query)."""
    return set(Consent.objects.live().filter(head_office=head_office).values_list("organisation_id", flat=True))


def offered_to(organisation) -> list[tuple[SupportOrganisation, bool]]:
    """The support organisations whose cohort includes this organisation, and any it consented to, each with
    whether its consent is live now (two queries)."""
    live = set(
        Consent.objects.live().filter(organisation=organisation).values_list("support_organisation_id", flat=True)
    )
    found = SupportOrganisation.objects.filter(
        cohort__ods_code=organisation.ods_code
    ) | SupportOrganisation.objects.filter(pk__in=live)
    return [(s, s.pk in live) for s in found.distinct().order_by("name")]


def supporting(organisation) -> list[SupportOrganisation]:
    """The support organisations this organisation lets see its progress: their contact details show on its pages."""
    return list(
        SupportOrganisation.objects.filter(consents__organisation=organisation, consents__withdrawn_at=None)
        .distinct()
        .order_by("name")
    )
