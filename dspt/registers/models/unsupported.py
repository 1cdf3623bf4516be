"""Unsupported software and devices: anything the maker no longer updates, the risk, what reduces it and the plan to
replace or upgrade it (DSPT 8.1.4 and 8.2.1; the columns of the usual care template, see shared/domain section 7)."""

from django.core.exceptions import ValidationError
from django.db import models

from dspt.registers.models.base import Entry

SOFTWARE, OPERATING_SYSTEM, DEVICE = "software", "os", "device"
KINDS = [(SOFTWARE, "Software or app"), (OPERATING_SYSTEM, "Operating system"), (DEVICE, "Device or equipment")]
HIGH, MEDIUM, LOW = "high", "medium", "low"
RISKS = [(HIGH, "High"), (MEDIUM, "Medium"), (LOW, "Low")]


class UnsupportedItem(Entry):
    TITLE_FIELD = "item"

    item = models.CharField(
        "item",
        max_length=200,
        help_text="For example, the door-entry PC, Windows 10, or an old care tablet",
        error_messages={"blank": "Enter the name of the software or device"},
    )
    kind = models.CharField(
        "kind", max_length=10, choices=KINDS, error_messages={"blank": "Select what kind of item it is"}
    )
    version = models.CharField("version", max_length=100, blank=True, help_text="For example, Windows 7, or 4.2")
    where_used = models.CharField(
        "where it is used",
        max_length=200,
        blank=True,
        help_text="For example, the front office, or carers' work phones",
    )
    supported_until = models.DateField(
        "supported until",
        null=True,
        blank=True,
        help_text="When the maker stops (or stopped) sending security updates. Leave it empty if you do not know",
    )
    risk = models.CharField("risk", max_length=6, choices=RISKS, error_messages={"blank": "Select how big the risk is"})
    mitigation = models.TextField(
        "what reduces the risk",
        blank=True,
        help_text="For example, kept off the internet, not used for email, on a separate network",
    )
    plan = models.TextField(
        "plan",
        blank=True,
        help_text="How you will replace or upgrade it, or why you keep it",
    )
    plan_by = models.DateField("plan done by", null=True, blank=True, help_text="When it will be replaced or upgraded")

    class Meta:
        verbose_name = "unsupported item"
        ordering = ["item", "pk"]

    def clean(self):
        super().clean()
        if self.plan_by is not None and not self.plan:
            raise ValidationError(
                {"plan": ValidationError("Say how you will replace or upgrade it by that date", code="needed")}
            )

    @property
    def is_managed(self) -> bool:
        """Its risk has been weighed up: something reduces it and there is a plan."""
        return bool(self.mitigation and self.plan)
