"""The DPIA register's spec: the generic list, search, filters, archive, history, import and export (DSPT 1.3.8).

Only the DPIA's written sections are in `fields` (asked by the generic form, exported and imported); its screening,
risks and sign-off have their own pages, so a spreadsheet cannot sign a DPIA off.
"""

from dspt.dpias.models import Dpia
from dspt.registers.spec import RegisterSpec

DPIAS = RegisterSpec(
    slug="dpias",
    name="DPIA register",  # the guidance names it so (frameworks/helps.py)
    entry_name="DPIA",
    purpose="Checking a new project or change for risks to people's information before you start",
    help_text="Before you bring in a new system or way of working that uses personal information, answer the "
    "screening questions. If they show a DPIA is needed, describe the processing, say why it is necessary, who you "
    "asked, weigh the risks and how you reduce them, and have your DPO or IG lead sign it off.",
    model=Dpia,
    fields=("name", "description", "necessity", "consultation", "review_date"),
    list_columns=("status", "review_date"),
    filters=("status",),
    search_fields=("name", "description", "necessity", "consultation"),
    evidences=("1.3.8",),
    order=30,
    labels={
        "name": "What is the project or change?",
        "description": "Describe the processing",
        "necessity": "Why is it necessary and proportionate?",
        "consultation": "Who did you consult?",
        "review_date": "When will you review this DPIA?",
    },
    examples={
        "name": "Moving to a digital care planning system",
        "description": "Care plans, daily notes and medication records of the people we support move from paper "
        "to the supplier's app, used by care staff on work phones",
        "necessity": "Staff need up-to-date care plans on visits; the app holds no more than the paper file did",
        "consultation": "People we support and their families, care staff, the supplier, our DPO",
        "review_date": "27/03/2027",
    },
)
