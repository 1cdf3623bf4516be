"""How answers, statuses and progress are shown. No HTTP, no queries."""

from dspt.assessments import rules
from dspt.assessments.rules import NOT_APPLICABLE
from dspt.ui.presenters import long_date

STATUS_TAG_CLASSES = {
    rules.NOT_MET: "nhsuk-tag--red",
    rules.APPROACHING: "nhsuk-tag--yellow",
    rules.MET: "nhsuk-tag--green",
    rules.EXCEEDED: "nhsuk-tag--aqua-green",
}
LEVEL_LABELS = {"approaching": "Approaching Standards", "met": "Standards Met", "optional": "Optional"}


def status_tag(status: str) -> dict:
    return {"text": rules.STATUS_LABELS[status], "classes": STATUS_TAG_CLASSES[status]}


def describe(question, value: dict | None, files: list | None = None) -> str:
    """The answer as one line of plain text (answer sheet, exports, history, conflict page)."""
    value = value or {}
    if value.get(NOT_APPLICABLE):
        return "Not applicable"
    kind = question.answer_type
    if kind == "confirm":
        return {True: "Confirmed", False: "Not confirmed"}.get(value.get("confirmed"), "")
    if kind in ("yes_no", "choice"):
        labels = {c["value"]: c["label"] for c in (question.rules or {}).get("choices", [])} | {
            "yes": "Yes",
            "no": "No",
        }
        text = labels.get(value.get("choice"), value.get("choice") or "")
        if value.get("explanation"):
            text += f". {value['explanation']}"
        return text
    if kind == "text":
        return value.get("text", "")
    if kind == "date":
        if not value.get("date"):
            return ""
        import datetime

        return long_date(datetime.date.fromisoformat(value["date"]))
    if kind == "percentage":
        return f"{value['number']}%" if value.get("number") not in (None, "") else ""
    if kind == "number":
        return str(value.get("number", ""))
    if kind == "ico_number":
        return value.get("ico", "")
    if kind == "document":
        parts = []
        if value.get("location"):
            parts.append(f"Kept at: {value['location']}")
        if value.get("link"):
            parts.append(f"Link: {value['link']}")
        if files:
            parts.append("Files: " + ", ".join(files))
        return ". ".join(parts)
    return ""


def row_status(row) -> dict:
    """Task-list status of one question."""
    answer = row.answer
    if answer is not None and answer.needs_review:
        return {"tag": {"text": "Check carried-over answer", "classes": "nhsuk-tag--orange"}}
    if row.verdict.ok:
        return {"text": "Completed"}
    if answer is not None and answer.is_draft:
        return {"tag": {"text": "Draft", "classes": "nhsuk-tag--light-blue"}}
    if row.answered:
        return {"tag": {"text": "Does not count yet", "classes": "nhsuk-tag--red"}}
    return {"tag": {"text": "Not started", "classes": "nhsuk-tag--blue"}}


def level_hint(question) -> str:
    label = LEVEL_LABELS[question.level]
    if question.level == "approaching":
        label = "Needed for Approaching Standards and Standards Met"
    elif question.level == "met":
        label = "Needed for Standards Met"
    return label + ("" if question.level_confirmed else " (our best reading)")
