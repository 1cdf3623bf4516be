"""The demo resources load once, and the public page then has something under each kind it uses."""

import pytest

from dspt.demo import resources as demo_resources
from dspt.resources import catalogue
from dspt.resources.models import Resource

pytestmark = pytest.mark.django_db


def test_the_demo_fills_once(association, lead, org, owner):
    assert demo_resources.fill(association, lead, org, owner) == 5
    assert demo_resources.fill(association, lead, org, owner) == 0
    listing = catalogue.public_listing(association)
    assert [group.kind for group in listing.groups] == [
        Resource.TEMPLATE,
        Resource.GUIDE,
        Resource.RECORDING,
        Resource.PHISHING,
    ]
    template = Resource.objects.get(kind=Resource.TEMPLATE)
    assert template.file_kind == "PDF document"
