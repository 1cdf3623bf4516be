"""Information Asset Register: what information the organisation holds, where, whose it is and who looks after it
(DSPT 1.1.2 and 7.1.1; the columns of the usual care templates, see shared/domain section 7)."""

from django.db import models

from dspt.registers.models.base import Entry, not_in_future


class InformationAsset(Entry):
    PAPER, DIGITAL, SYSTEM, DEVICE = "paper", "digital", "system", "device"
    TYPES = [(PAPER, "Paper"), (DIGITAL, "Digital files"), (SYSTEM, "System or app"), (DEVICE, "Device")]

    TITLE_FIELD = "name"
    TITLE_UNIQUE = True  # RoPA entries and imports name assets, so names must tell them apart

    name = models.CharField(
        "asset name",
        max_length=200,
        help_text="For example, care plans, staff files, the care planning system or the office laptop",
        error_messages={"blank": "Enter the asset's name"},
    )
    asset_type = models.CharField(
        "type", max_length=10, choices=TYPES, error_messages={"blank": "Select the type of asset"}
    )
    owner = models.CharField(
        "owner",
        max_length=200,
        help_text="The person or role responsible for it, like 'Registered manager'",
        error_messages={"blank": "Enter who owns the asset: a name or a role"},
    )
    location = models.CharField(
        "where it is kept",
        max_length=200,
        blank=True,
        help_text="For example, the locked cabinet in the office, or the supplier's cloud service",
    )
    personal_data = models.TextField(
        "what personal data", blank=True, help_text="For example, names, addresses, care needs, medication"
    )
    data_subjects = models.CharField(
        "whose data",
        max_length=200,
        blank=True,
        help_text="For example, people we support, staff, relatives",
    )
    special_category = models.BooleanField(
        "special category data",
        null=True,
        help_text="Health and care information, ethnicity, religion, sexuality and similar. Most care records are",
        error_messages={"null": "Select yes if it holds special category data"},
    )
    data_format = models.CharField(
        "format", max_length=200, blank=True, help_text="For example, paper files, spreadsheets, an app"
    )
    volume = models.CharField(
        "rough volume", max_length=200, blank=True, help_text="For example, about 40 files, or 2,000 records"
    )
    access = models.TextField("who can access it", blank=True)
    retention = models.CharField(
        "how long it is kept", max_length=200, blank=True, help_text="For example, 8 years after care ends"
    )
    disposal = models.CharField(
        "how it is disposed of", max_length=200, blank=True, help_text="For example, shredded on site"
    )
    risks = models.TextField(
        "risks",
        blank=True,
        help_text="What could go wrong (loss, theft, damage, the wrong person seeing it) and what you do about it",
    )
    last_reviewed = models.DateField("last reviewed", null=True, blank=True, validators=[not_in_future])

    class Meta:
        verbose_name = "information asset"
        ordering = ["name", "pk"]
