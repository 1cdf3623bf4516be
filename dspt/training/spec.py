"""The staff training register's spec: its pages, list, files and template come from the generic registers."""

from dspt.registers.spec import RegisterSpec
from dspt.training import presenters
from dspt.training.models import StaffMember

STAFF_TRAINING = RegisterSpec(
    slug="staff-training",
    name="Staff training register",
    guidance_key="Staff training records",
    entry_name="member of staff",
    purpose="Who works for you, when they last did data security training, and what they have read",
    help_text="List everyone who works for you or with you, including bank staff, volunteers, directors and "
    "trustees, with the day each finished their data security training and read your confidentiality clause and "
    "data protection policy. Training counts for 12 months. A member of staff can confirm these themselves "
    "through a one-time link, without an account.",
    model=StaffMember,
    fields=(
        "name",
        "job_role",
        "email",
        "started_on",
        "left_on",
        "training_completed_on",
        "training_course",
        "confidentiality_confirmed_on",
        "policy_read_on",
    ),
    list_columns=("job_role", "training_completed_on", "confidentiality_confirmed_on", "policy_read_on", "left_on"),
    search_fields=("name", "job_role", "email", "training_course"),
    evidences=("2.1.1", "3.1.1", "3.2.1", "3.4.1", "4.5.4"),
    order=50,
    labels={
        "name": "Name",
        "job_role": "Job role",
        "started_on": "When did they start?",
        "left_on": "When did they leave?",
        "training_completed_on": "When did they last complete data security training?",
        "training_course": "Which course, or who provided it?",
        "confidentiality_confirmed_on": "When did they confirm they had read the confidentiality clause?",
        "policy_read_on": "When did they read the data protection policy?",
    },
    examples={
        "name": "Sam Jones",
        "job_role": "Senior care worker",
        "email": "sam.jones@example.com",
        "started_on": "04/01/2021",
        "left_on": "",
        "training_completed_on": "27/03/2026",
        "training_course": "Data Security Awareness e-learning",
        "confidentiality_confirmed_on": "04/01/2021",
        "policy_read_on": "27/03/2026",
    },
    list_notice=presenters.list_notice,  # the live share above the entries
    entry_template="training/_entry_section.jinja",  # a person's page offers a confirmation link
    entry_section=presenters.entry_section,
)
