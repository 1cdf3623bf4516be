"""Record of Processing Activities: why the organisation uses personal data and on which lawful basis (UK GDPR
Article 30; DSPT 1.1.2). The lawful bases are Article 6(1)(a)-(f) and the conditions for special category data
Article 9(2)(a)-(j), each labelled in our own plain words with its article letter."""

from django.core.exceptions import ValidationError
from django.db import models

from dspt.registers.models.assets import InformationAsset
from dspt.registers.models.base import Entry

LAWFUL_BASES = [
    ("a", "6(1)(a) Consent"),
    ("b", "6(1)(b) Contract"),
    ("c", "6(1)(c) Legal obligation"),
    ("d", "6(1)(d) Vital interests"),
    ("e", "6(1)(e) Public task"),
    ("f", "6(1)(f) Legitimate interests"),
]
LAWFUL_BASIS_HINTS = {
    "a": "The person has clearly agreed to it, and can withdraw that agreement",
    "b": "You need it to carry out a contract with the person, or to do something they asked before one",
    "c": "A law says you must, such as keeping records the Care Quality Commission or HMRC require",
    "d": "You need it to protect someone's life",
    "e": "You need it for a task in the public interest or an official function set out in law, such as care "
    "a council arranges and pays for",
    "f": "You need it for a genuine reason of yours or someone else's, and it does not override the person's "
    "interests and rights",
}
NO_SPECIAL_CATEGORY = "none"
CONDITIONS = [
    (NO_SPECIAL_CATEGORY, "No special category data"),
    ("a", "9(2)(a) Explicit consent"),
    ("b", "9(2)(b) Employment and social protection law"),
    ("c", "9(2)(c) Vital interests"),
    ("d", "9(2)(d) Not-for-profit body"),
    ("e", "9(2)(e) Made public by the person"),
    ("f", "9(2)(f) Legal claims"),
    ("g", "9(2)(g) Substantial public interest"),
    ("h", "9(2)(h) Health or social care"),
    ("i", "9(2)(i) Public health"),
    ("j", "9(2)(j) Archiving, research or statistics"),
]
CONDITION_HINTS = {
    NO_SPECIAL_CATEGORY: "No health, ethnicity, religion, sexuality or similar information is used",
    "a": "The person has clearly agreed to this use of that information, in words",
    "b": "Your duties as an employer, such as staff sickness records and occupational health",
    "c": "To protect someone's life when they cannot agree, for example in an emergency",
    "d": "A charity or other not-for-profit body, about its members or regular contacts",
    "e": "The person has clearly made the information public themselves",
    "f": "To make, defend or act in legal claims, or when a court asks",
    "g": "A substantial public interest set out in the Data Protection Act 2018, such as safeguarding",
    "h": "Providing health or social care, or managing care services: the usual condition for care records",
    "i": "Public health, such as reporting infectious diseases",
    "j": "Archiving in the public interest, research or statistics, with safeguards",
}
NO, YES = "no", "yes"
TRANSFERS = [(NO, "No, it stays in the UK"), (YES, "Yes")]


class ProcessingActivity(Entry):
    TITLE_FIELD = "purpose"

    purpose = models.CharField(
        "purpose",
        max_length=200,
        help_text="Why you use the personal data, for example, planning and delivering care, or paying staff",
        error_messages={"blank": "Enter the purpose"},
    )
    people_categories = models.TextField(
        "whose data",
        help_text="The groups of people, for example, people we support, their relatives, staff",
        error_messages={"blank": "Enter whose data it is"},
    )
    data_categories = models.TextField(
        "what data",
        help_text="The kinds of personal data, for example, contact details, care needs, medication, bank details",
        error_messages={"blank": "Enter what data is used"},
    )
    lawful_basis = models.CharField(
        "lawful basis",
        max_length=1,
        choices=LAWFUL_BASES,
        help_text="UK GDPR Article 6: choose the one that fits best",
        error_messages={"blank": "Select the lawful basis"},
    )
    special_category_condition = models.CharField(
        "special category condition",
        max_length=4,
        choices=CONDITIONS,
        help_text="UK GDPR Article 9: for health, ethnicity, religion, sexuality and similar information",
        error_messages={"blank": "Select the condition for special category data, or that there is none"},
    )
    recipients = models.TextField(
        "who it is shared with",
        blank=True,
        help_text="For example, GPs, district nurses, the local authority, your payroll provider",
    )
    transfers_outside_uk = models.CharField(
        "transferred outside the UK",
        max_length=3,
        choices=TRANSFERS,
        error_messages={"blank": "Select whether the data goes outside the UK"},
    )
    transfer_details = models.CharField(
        "where it goes and the safeguard",
        max_length=500,
        blank=True,
        help_text="The country and what protects the data there, for example, 'USA: the supplier's UK addendum "
        "to the standard contract clauses'",
    )
    retention = models.CharField(
        "how long it is kept", max_length=200, blank=True, help_text="For example, 8 years after care ends"
    )
    security = models.TextField(
        "security measures",
        blank=True,
        help_text="For example, passwords and two-factor sign-in, locked cabinets, staff training",
    )
    assets = models.ManyToManyField(
        InformationAsset,
        verbose_name="systems and assets used",
        blank=True,
        related_name="processing_activities",
        help_text="From your Information Asset Register",
    )

    class Meta:
        verbose_name = "processing activity"
        verbose_name_plural = "processing activities"
        ordering = ["purpose", "pk"]

    def clean(self):
        super().clean()
        if self.transfers_outside_uk == YES and not self.transfer_details:
            raise ValidationError(
                {
                    "transfer_details": ValidationError(
                        "Say where the data goes and what safeguard protects it there", code="needed"
                    )
                }
            )
        if self.transfers_outside_uk == NO:
            self.transfer_details = ""
