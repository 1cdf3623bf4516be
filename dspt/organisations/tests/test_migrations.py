"""The move of registration and invitation details from accounts.EmailLink to organisations.JoinLink keeps them."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

BEFORE = [("accounts", "0002_initial"), ("organisations", "0003_joinlink")]
AFTER = [("accounts", "0003_remove_emaillink_joining_fields"), ("organisations", "0004_copy_join_links")]


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


@pytest.mark.django_db(transaction=True)
def test_existing_links_keep_their_ods_code_organisation_and_role():
    apps = migrate(BEFORE)
    try:
        User = apps.get_model("accounts", "User")
        EmailLink = apps.get_model("accounts", "EmailLink")
        Organisation = apps.get_model("organisations", "Organisation")
        admin = User.objects.create(email="admin@care.example")
        organisation = Organisation.objects.create(ods_code="VX101", name="Fictional Meadowbrook House")
        register = EmailLink.objects.create(
            purpose="register", email="a@care.example", token_hash="1", ods_code="VX102"
        )
        invite = EmailLink.objects.create(
            purpose="invite",
            email="b@care.example",
            token_hash="2",
            organisation=organisation,
            role="viewer",
            sent_by=admin,
        )
        reset = EmailLink.objects.create(purpose="reset", email="admin@care.example", token_hash="3")

        apps = migrate(AFTER)
        JoinLink = apps.get_model("organisations", "JoinLink")
        moved = {row.link_id: (row.ods_code, row.organisation_id, row.role) for row in JoinLink.objects.all()}
        assert moved == {register.pk: ("VX102", None, ""), invite.pk: ("", organisation.pk, "viewer")}
        assert apps.get_model("accounts", "EmailLink").objects.get(pk=invite.pk).sent_by_id == admin.pk
        assert reset.pk not in moved

        apps = migrate(BEFORE)  # and back again
        EmailLink = apps.get_model("accounts", "EmailLink")
        assert EmailLink.objects.get(pk=register.pk).ods_code == "VX102"
        back = EmailLink.objects.get(pk=invite.pk)
        assert (back.organisation_id, back.role) == (organisation.pk, "viewer")
    finally:
        migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())
