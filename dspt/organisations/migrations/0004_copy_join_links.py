# Copy each registration or invitation link's ODS code, organisation and role from accounts.EmailLink into a
# JoinLink (before accounts 0003 drops those columns); the reverse copies them back.

from django.db import migrations

PURPOSES = ["register", "invite"]


def copy_to_join_links(apps, schema_editor):
    EmailLink = apps.get_model("accounts", "EmailLink")
    JoinLink = apps.get_model("organisations", "JoinLink")
    JoinLink.objects.bulk_create(
        JoinLink(link_id=link.pk, ods_code=link.ods_code, organisation_id=link.organisation_id, role=link.role)
        for link in EmailLink.objects.filter(purpose__in=PURPOSES, join__isnull=True).iterator()
    )


def copy_back(apps, schema_editor):
    EmailLink = apps.get_model("accounts", "EmailLink")
    JoinLink = apps.get_model("organisations", "JoinLink")
    for join in JoinLink.objects.iterator():
        EmailLink.objects.filter(pk=join.link_id).update(
            ods_code=join.ods_code, organisation_id=join.organisation_id, role=join.role
        )
    JoinLink.objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0002_initial"),
        ("organisations", "0003_joinlink"),
    ]

    operations = [migrations.RunPython(copy_to_join_links, copy_back)]
