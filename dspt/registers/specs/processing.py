"""Record of Processing Activities (DSPT 1.1.2, 1.1.6)."""

from dspt.registers.models import ProcessingActivity
from dspt.registers.models.processing import CONDITION_HINTS, LAWFUL_BASIS_HINTS
from dspt.registers.spec import RegisterSpec

PROCESSING_ACTIVITIES = RegisterSpec(
    slug="processing-activities",
    name="Record of Processing Activities",
    entry_name="processing activity",
    purpose="Why you use personal data, on which lawful basis, who you share it with and how long you keep it",
    help_text="List each purpose you use personal data for, such as delivering care, employing staff or billing. "
    "For each, choose the lawful basis from UK GDPR Article 6 and, for health and other special category data, "
    "the condition from Article 9, and link the systems and assets from your Information Asset Register.",
    model=ProcessingActivity,
    fields=(
        "purpose",
        "people_categories",
        "data_categories",
        "lawful_basis",
        "special_category_condition",
        "recipients",
        "transfers_outside_uk",
        "transfer_details",
        "retention",
        "security",
        "assets",
    ),
    list_columns=("lawful_basis", "special_category_condition", "assets"),
    search_fields=("purpose", "people_categories", "data_categories", "recipients"),
    filters=("lawful_basis", "special_category_condition"),
    evidences=("1.1.2", "1.1.6"),
    order=20,
    labels={
        "people_categories": "Whose data is it?",
        "data_categories": "What data is used?",
        "lawful_basis": "What is the lawful basis?",
        "special_category_condition": "What is the condition for special category data?",
        "recipients": "Who is it shared with?",
        "transfers_outside_uk": "Does any of it go outside the UK?",
        "transfer_details": "If it does, where does it go and what safeguard protects it there?",
        "retention": "How long is it kept?",
        "security": "How is it kept secure?",
        "assets": "Which systems and assets are used?",
    },
    choice_hints={"lawful_basis": LAWFUL_BASIS_HINTS, "special_category_condition": CONDITION_HINTS},
    examples={
        "purpose": "Planning and delivering care",
        "people_categories": "People we support, their relatives",
        "data_categories": "Contact details, care needs, medication, health",
        "lawful_basis": "6(1)(b) Contract",
        "special_category_condition": "9(2)(h) Health or social care",
        "recipients": "GPs, district nurses, the local authority",
        "transfers_outside_uk": "No, it stays in the UK",
        "transfer_details": "",
        "retention": "8 years after care ends",
        "security": "Care planning system with two-factor sign-in; paper files locked away",
        "assets": "Care plans",
    },
)
