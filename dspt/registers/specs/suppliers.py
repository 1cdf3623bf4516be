"""Suppliers and contracts (DSPT 1.4.2, 4.3.1, 4.4.1, 10.1.2, 10.2.1, 10.2.2)."""

from dspt.registers.models import Supplier, suppliers
from dspt.registers.spec import RegisterSpec

SUPPLIERS = RegisterSpec(
    slug="suppliers",
    name="Supplier list",
    entry_name="supplier",
    purpose="The companies that handle personal data for you, what their contracts say and their certificates",
    help_text="List each outside company that handles personal data for you or supplies your IT: the care planning "
    "app, IT support, payroll, confidential waste collection, the phone provider. Record whether the contract has "
    "data protection terms, when you next check it, and any security certificates the supplier can show you.",
    model=Supplier,
    fields=(
        "supplier",
        "service",
        "contact",
        "personal_data",
        "contract_clauses",
        "contract_review",
        "certifications",
        "notes",
    ),
    list_columns=("service", "contract_clauses", "contract_review", "certifications"),
    search_fields=("supplier", "service", "contact", "personal_data", "notes"),
    filters=("contract_clauses",),
    evidences=("1.4.2", "4.3.1", "4.4.1", "10.1.2", "10.2.1", "10.2.2"),
    order=60,
    labels={
        "service": "What do they do for you?",
        "personal_data": "What personal data do they handle for you?",
        "contract_clauses": "Does the contract have data protection clauses?",
        "contract_review": "When is the contract next due for review?",
        "certifications": "Which certificates can they show you?",
    },
    choice_hints={
        "contract_clauses": {
            suppliers.NOT_SURE: "Ask the supplier for their data processing agreement or terms",
        }
    },
    examples={
        "supplier": "CarePlan Cloud Ltd",
        "service": "Care planning app",
        "contact": "support@careplan.example",
        "personal_data": "Care notes and medication records of people we support",
        "contract_clauses": "Yes",
        "contract_review": "31/03/2027",
        "certifications": "Cyber Essentials Plus\nData Security and Protection Toolkit: standards met or exceeded",
        "notes": "",
    },
    flags=lambda entry, today: (
        ["Review overdue"] if entry.contract_review is not None and entry.contract_review < today else []
    ),
)
