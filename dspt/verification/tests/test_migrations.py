"""On upgrade, every organisation registered before registration review counts as approved: nothing that was
public disappears, and none of them waits in the operators' queue."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor


def migrate(targets, models_at=None):
    """Migrate to `targets`; the models as they are at `models_at` (default: the targets)."""
    executor = MigrationExecutor(connection)
    executor.migrate(targets)
    return executor.loader.project_state(models_at or targets).apps


@pytest.mark.django_db(transaction=True)
def test_existing_organisations_are_approved_with_who_registered_them():
    apps = migrate([("verification", None)], models_at=[("verification", "0001_initial")])  # before it
    try:
        User = apps.get_model("accounts", "User")
        Organisation = apps.get_model("organisations", "Organisation")
        Membership = apps.get_model("organisations", "Membership")
        first = User.objects.create(email="first@care.example")
        later = User.objects.create(email="later@care.example")
        home = Organisation.objects.create(ods_code="VX101", name="Fictional Meadowbrook House")
        Membership.objects.create(user=first, organisation=home, role="admin")
        Membership.objects.create(user=later, organisation=home, role="admin")
        nobody = Organisation.objects.create(ods_code="VX102", name="Fictional Old Mill")

        apps = migrate([("verification", "0002_existing_organisations_approved")])
        RegistrationReview = apps.get_model("verification", "RegistrationReview")
        reviews = {
            r.organisation_id: (r.state, r.registered_email, r.decided_by_label)
            for r in RegistrationReview.objects.all()
        }
        upgrade = "Registered before registration review"
        assert reviews == {
            home.pk: ("approved", "first@care.example", upgrade),
            nobody.pk: ("approved", "", upgrade),
        }
        assert all(r.decided_at is not None for r in RegistrationReview.objects.all())

        apps = migrate([("verification", "0001_initial")])  # and back again
        assert not apps.get_model("verification", "RegistrationReview").objects.exists()
    finally:
        migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())
