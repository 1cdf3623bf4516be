"""A provider's consent to a support organisation: given and withdrawn by the provider's administrators, kept in
the provider's history. Without it a support organisation sees only what the public sees (the published status)."""

from django.db import IntegrityError, transaction
from django.utils import timezone

from dspt.history.models import ChangeRecord
from dspt.history.record import record_change
from dspt.support.models import Consent, SupportOrganisation

AREA = "Support"


def has_consent(organisation, support_organisation: SupportOrganisation) -> bool:
    return Consent.objects.live().filter(organisation=organisation, support_organisation=support_organisation).exists()


def consenting_organisation_ids(support_organisation: SupportOrganisation) -> set[int]:
    """The ids of the registered organisations that let `support_organisation` see their progress (one query)."""
    return set(
        Consent.objects.live()
        .filter(support_organisation=support_organisation)
        .values_list("organisation_id", flat=True)
    )


@transaction.atomic
def grant(organisation, support_organisation: SupportOrganisation, user) -> Consent:
    """Let the support organisation see the organisation's progress; giving it twice changes nothing."""
    live = Consent.objects.live().filter(organisation=organisation, support_organisation=support_organisation).first()
    if live is not None:
        return live
    try:
        with transaction.atomic():
            consent = Consent.objects.create(
                organisation=organisation, support_organisation=support_organisation, granted_by=user
            )
    except IntegrityError:  # given at the same moment in another request
        return Consent.objects.live().get(organisation=organisation, support_organisation=support_organisation)
    record_change(
        actor=user,
        organisation=organisation,
        area=AREA,
        action=ChangeRecord.UPDATED,
        obj=consent,
        label=support_organisation.name,
        changes={f"{support_organisation.name} may see our progress": ["No", "Yes"]},
    )
    return consent


@transaction.atomic
def withdraw(organisation, support_organisation: SupportOrganisation, user) -> bool:
    """Stop the support organisation seeing the organisation's progress, at once. False if it had no consent."""
    live = (
        Consent.objects.live()
        .select_for_update()
        .filter(organisation=organisation, support_organisation=support_organisation)
        .first()
    )
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
        label=support_organisation.name,
        changes={f"{support_organisation.name} may see our progress": ["Yes", "No"]},
    )
    return True


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
