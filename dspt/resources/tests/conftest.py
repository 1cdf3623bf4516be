import pytest


@pytest.fixture(autouse=True)
def private_files(settings, tmp_path):
    """Uploaded files go to a temporary folder, never the developer's data directory."""
    settings.PRIVATE_FILES_ROOT = tmp_path / "private"
    return settings.PRIVATE_FILES_ROOT


@pytest.fixture
def association(db):
    from dspt.support.tests.factories import make_support_organisation

    return make_support_organisation(area="Fictional County", hours="Monday to Friday, 9am to 5pm")


@pytest.fixture
def lead(association):
    from dspt.support.models import SupportMembership
    from dspt.support.tests.factories import add_staff

    return add_staff(association, "lead@fcca.example", SupportMembership.LEAD, full_name="Lee Lead")


@pytest.fixture
def adviser(association):
    from dspt.support.tests.factories import add_staff

    return add_staff(association, "adviser@fcca.example")
