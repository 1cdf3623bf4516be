"""Which support organisations support a provider: those whose cohort includes its ODS code, and those it has let
see its progress. Only these can offer it surgeries and receive its requests for help."""

from django.db.models import Exists, OuterRef, Q

from dspt.support.models import CohortEntry, Consent, SupportOrganisation


def supporters_of(organisation) -> list[SupportOrganisation]:
    """The support organisations of `organisation`, by name (one query)."""
    in_cohort = CohortEntry.objects.filter(support_organisation=OuterRef("pk"), ods_code=organisation.ods_code)
    consented = Consent.objects.live().filter(support_organisation=OuterRef("pk"), organisation=organisation)
    return list(SupportOrganisation.objects.filter(Q(Exists(in_cohort)) | Q(Exists(consented))).order_by("name"))


def supports(support_organisation: SupportOrganisation, ods_code: str) -> bool:
    """True when the provider `ods_code` is in the support organisation's cohort or has consented to it."""
    ods_code = ods_code.upper()
    return (
        CohortEntry.objects.filter(support_organisation=support_organisation, ods_code=ods_code).exists()
        or Consent.objects.live()
        .filter(support_organisation=support_organisation, organisation__ods_code=ods_code)
        .exists()
    )


def provider_name(support_organisation: SupportOrganisation, ods_code: str) -> str | None:
    """The provider's name as the support organisation knows it, or None when it does not support it."""
    entry = CohortEntry.objects.filter(support_organisation=support_organisation, ods_code=ods_code.upper()).first()
    if entry is not None:
        return entry.name
    consent = (
        Consent.objects.live()
        .select_related("organisation")
        .filter(support_organisation=support_organisation, organisation__ods_code=ods_code.upper())
        .first()
    )
    return consent.organisation.name if consent else None
