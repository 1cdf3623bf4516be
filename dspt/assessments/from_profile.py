"""Facts of the organisation profile that a question asks for (its rule `from_profile`), so nobody types them twice.

The question page lists them with a link to the profile; an unanswered question starts with its answer filled in
from them where its answer type can hold them (an ICO number; a text answer naming who holds each role). The person
still checks and saves: nothing is saved for them.
"""

from dataclasses import dataclass

from dspt.frameworks.models import Question
from dspt.organisations.models import Profile


@dataclass(frozen=True)
class Fact:
    name: str  # the rule's name for it: ico_number, caldicott, siro, ig_lead, dpo
    label: str  # "ICO registration number", "Senior Information Risk Owner (SIRO)"
    value: str  # "" when the profile does not say


def facts(question, profile: Profile) -> list[Fact]:
    found = []
    for name in (question.rules or {}).get("from_profile", []):
        if name == "ico_number":
            found.append(Fact(name, "ICO registration number", profile.ico_number or ""))
        elif name in Profile.ROLES:
            holder = ", ".join(part for part in profile.holder(name) if part)
            found.append(Fact(name, Profile.ROLES[name], holder))
    return found


def initial(question, profile: Profile) -> dict:
    """Form data to start an unanswered question with, or {} when the profile has nothing for it."""
    known = [fact for fact in facts(question, profile) if fact.value]
    if not known:
        return {}
    if question.answer_type == Question.ICO_NUMBER:
        ico = next((fact.value for fact in known if fact.name == "ico_number"), "")
        return {"answer": ico} if ico else {}
    if question.answer_type == Question.TEXT:
        roles = [fact for fact in known if fact.name != "ico_number"]
        return {"answer": " ".join(f"Our {fact.label} is {fact.value}." for fact in roles)} if roles else {}
    return {}
