"""Registration review is new: every organisation registered before it counts as approved, so nothing that was
already public disappears on upgrade. Only registrations made from now on wait for an operator's check (when
REGISTRATION_REVIEW is on). Going back removes the reviews this migration made."""

from django.db import migrations
from django.db.models import OuterRef, Subquery
from django.utils import timezone

UPGRADE = "Registered before registration review"


def approve_existing(apps, schema_editor):
    Organisation = apps.get_model("organisations", "Organisation")
    Membership = apps.get_model("organisations", "Membership")
    RegistrationReview = apps.get_model("verification", "RegistrationReview")
    now = timezone.now()
    reviewed = RegistrationReview.objects.values_list("organisation_id", flat=True)
    # Who registered it: its first member (the registration made them its administrator).
    first_member = Membership.objects.filter(organisation=OuterRef("pk")).order_by("created_at", "pk")
    organisations = (
        Organisation.objects.exclude(pk__in=reviewed)
        .annotate(first_email=Subquery(first_member.values("user__email")[:1]))
        .values_list("pk", "created_at", "first_email")
    )
    RegistrationReview.objects.bulk_create(
        [
            RegistrationReview(
                organisation_id=organisation_id,
                state="approved",
                registered_email=email or "",
                created_at=created_at,
                decided_at=now,
                decided_by_label=UPGRADE,
            )
            for organisation_id, created_at, email in organisations
        ],
        batch_size=500,
    )


def forget_them(apps, schema_editor):
    apps.get_model("verification", "RegistrationReview").objects.filter(decided_by_label=UPGRADE).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("verification", "0001_initial"),
    ]

    operations = [migrations.RunPython(approve_existing, forget_them)]
