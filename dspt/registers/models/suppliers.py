"""Suppliers and contracts: the outside companies that handle personal data for the organisation, what their
contracts say and the security certificates they hold (DSPT 1.4.2, 10.1.2, 10.2.1, 10.2.2).

Certifications are a short fixed list (a row each, added by a migration) that a supplier links to, so the generic
register form offers them as checkboxes and the files carry them one per line, as for any other link."""

from django.db import models

from dspt.registers.models.base import Entry

YES, NO, NOT_SURE = "yes", "no", "not_sure"
CLAUSES = [(YES, "Yes"), (NO, "No"), (NOT_SURE, "Not sure")]

CERTIFICATIONS = [  # (code, name), in the order they are offered; a migration adds them
    ("cyber_essentials", "Cyber Essentials"),
    ("cyber_essentials_plus", "Cyber Essentials Plus"),
    ("iso_27001", "ISO 27001"),
    ("dspt", "Data Security and Protection Toolkit: standards met or exceeded"),
]


class Certification(models.Model):
    """A security certificate or assurance a supplier can hold. The same list for every organisation."""

    TITLE_FIELD = "name"

    code = models.CharField(max_length=30, unique=True)
    name = models.CharField(max_length=100, unique=True)

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name

    @property
    def title(self) -> str:
        return self.name


class Supplier(Entry):
    TITLE_FIELD = "supplier"
    TITLE_UNIQUE = True

    supplier = models.CharField(
        "supplier",
        max_length=200,
        help_text="The company's name, for example, the care planning app's maker or your IT support firm",
        error_messages={"blank": "Enter the supplier's name"},
    )
    service = models.CharField(
        "service",
        max_length=200,
        help_text="What they do for you, for example, payroll, IT support, confidential waste collection",
        error_messages={"blank": "Enter what the supplier does for you"},
    )
    contact = models.CharField(
        "contact", max_length=200, blank=True, help_text="A phone number or email address to reach them"
    )
    personal_data = models.TextField(
        "personal data they handle",
        blank=True,
        help_text="For example, care notes of people we support, staff bank details. Leave empty if none",
    )
    contract_clauses = models.CharField(
        "contract has data protection clauses",
        max_length=8,
        choices=CLAUSES,
        help_text="Terms saying they only use the data as you instruct, keep it secure and help you if it is lost",
        error_messages={"blank": "Select whether the contract has data protection clauses"},
    )
    contract_review = models.DateField(
        "contract review date", null=True, blank=True, help_text="When the contract is next due to be checked"
    )
    certifications = models.ManyToManyField(
        Certification,
        verbose_name="certifications",
        blank=True,
        related_name="+",
        help_text="Choose all the supplier can show you. Ask them if you do not know",
    )
    notes = models.TextField("notes", blank=True)

    class Meta:
        verbose_name = "supplier"
        ordering = ["supplier", "pk"]
