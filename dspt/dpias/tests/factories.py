"""DPIAs for tests, made through the DPIA's own rules. EXAMPLES and walk_placeholders feed the walks
(tests/conftest.py register_entries)."""

import datetime

from dspt.dpias import risks, screening, signoff
from dspt.dpias.register import DPIAS
from dspt.registers import entries

SECTIONS = {
    "name": "Moving to a digital care planning system",
    "description": "Care plans and daily notes move from paper to the supplier's app on work phones",
    "necessity": "Staff need current care plans on visits; the app holds no more than the paper files",
    "consultation": "People we support, care staff, the supplier and our DPO",
}
RISK = {
    "description": "A work phone is lost with care plans on it",
    "likelihood": "possible",
    "severity": "severe",
    "mitigation": "Phones locked with a PIN and wiped remotely",
    "residual_likelihood": "remote",
    "residual_severity": "significant",
    "measure_approved": True,
}


def add_dpia(organisation, user, **values):
    return entries.add(DPIAS, organisation, user, SECTIONS | values)


def ready_dpia(organisation, user, **values):
    """A DPIA screened as needed, its sections filled and one risk weighed: ready to sign off."""
    dpia = add_dpia(organisation, user, **values)
    dpia = screening.record(dpia, user, ["new_technology", "special_category"])
    risks.add(dpia, user, RISK)
    return dpia


def signed_dpia(organisation, user, **values):
    dpia = ready_dpia(organisation, user, **values)
    return signoff.sign_off(
        dpia, user, name="Priya Shah", role="DPO", on=datetime.date(2026, 3, 27), outcome="approved"
    )


EXAMPLES = {"dpias": lambda org, owner, made: ready_dpia(org, owner)}


def walk_placeholders(org, owner, made) -> dict:
    return {"<int:risk_id>": made["dpias"].risks.get().pk}
