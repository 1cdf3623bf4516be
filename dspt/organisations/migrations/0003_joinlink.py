# Registration and invitation details move from accounts.EmailLink to organisations.JoinLink (issue 8): this
# creates the model, 0004 copies the rows across, then accounts 0003 drops the old columns.

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0002_initial"),
        ("organisations", "0002_ods_entry_source"),
    ]

    operations = [
        migrations.CreateModel(
            name="JoinLink",
            fields=[
                (
                    "link",
                    models.OneToOneField(
                        on_delete=django.db.models.deletion.CASCADE,
                        primary_key=True,
                        related_name="join",
                        serialize=False,
                        to="accounts.emaillink",
                    ),
                ),
                ("ods_code", models.CharField(blank=True, max_length=10)),
                ("role", models.CharField(blank=True, max_length=10)),
                (
                    "organisation",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="+",
                        to="organisations.organisation",
                    ),
                ),
            ],
        ),
    ]
