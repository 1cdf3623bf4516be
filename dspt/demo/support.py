"""Demo data for the support programme: Fictional County Care Association (/s/fcca/) with a programme lead and an
adviser, a cohort of the demo providers and a few more from the ODS directory sample, and VX101's consent."""

from dspt.accounts.models import User
from dspt.demo.people import DEMO_PASSWORD
from dspt.organisations.models import OdsEntry, Organisation
from dspt.support import cohort, consent
from dspt.support.models import SupportMembership, SupportOrganisation

NAME, SLUG = "Fictional County Care Association", "fcca"
LEAD = ("lead@fcca.example", "Lee Morris")
ADVISER = ("adviser@fcca.example", "Ada Khan")
MORE_FROM_THE_DIRECTORY = 4


def _person(email: str, name: str) -> User:
    user = User.objects.filter(email=email).first()
    return user or User.objects.create_user(email, DEMO_PASSWORD, full_name=name)


def fill(provider, provider_user) -> tuple[SupportOrganisation, User]:
    association, _ = SupportOrganisation.objects.get_or_create(
        slug=SLUG,
        defaults={
            "name": NAME,
            "area": "Fictional County",
            "phone": "01632 960000",
            "email": "dspt@fcca.example",
            "hours": "Monday to Friday, 9am to 5pm",
            "website": "https://fcca.example/dspt",
        },
    )
    lead, adviser = _person(*LEAD), _person(*ADVISER)
    for user, role in ((lead, SupportMembership.LEAD), (adviser, SupportMembership.ADVISER)):
        SupportMembership.objects.get_or_create(support_organisation=association, user=user, defaults={"role": role})
    registered = list(Organisation.objects.values_list("ods_code", flat=True))
    others = (
        OdsEntry.objects.filter(is_open=True, code__startswith="V")
        .exclude(code__in=registered)
        .order_by("code")
        .values_list("code", flat=True)[:MORE_FROM_THE_DIRECTORY]
    )
    cohort.add(association, [provider.ods_code, *registered, *others], lead)
    consent.grant(provider, association, provider_user)
    return association, lead
