"""Support organisations for tests."""

from dspt.support.models import SupportMembership, SupportOrganisation
from tests.factories import make_user


def make_support_organisation(name="Fictional County Care Association", slug="fcca", **values):
    defaults = {"area": "Fictional County", "phone": "01632 960000", "email": "dspt@fcca.example"}
    return SupportOrganisation.objects.create(name=name, slug=slug, **(defaults | values))


def add_staff(support_organisation, email, role=SupportMembership.ADVISER, full_name="Ada Adviser"):
    user = make_user(email, full_name=full_name)
    SupportMembership.objects.create(support_organisation=support_organisation, user=user, role=role)
    return user
