"""How answers, statuses and progress are shown. No HTTP, no queries."""

from django.urls import reverse

from dspt.assessments import rules
from dspt.assessments.rules import NOT_APPLICABLE
from dspt.frameworks import answer_types, helps
from dspt.frameworks.models import Question
from dspt.ui.presenters import lower_first

STATUS_TAG_CLASSES = {
    rules.NOT_MET: "nhsuk-tag--red",
    rules.APPROACHING: "nhsuk-tag--yellow",
    rules.MET: "nhsuk-tag--green",
    rules.EXCEEDED: "nhsuk-tag--aqua-green",
}
# A question's level (Question.level), as the answer sheet and publications name it
LEVEL_LABELS = {
    Question.LEVEL_APPROACHING: "Approaching Standards",
    Question.LEVEL_MET: "Standards Met",
    Question.LEVEL_OPTIONAL: "Optional",
}
TARGETS = (rules.APPROACHING, rules.MET)  # the statuses a question can be needed for, lowest first


def status_tag(status: str) -> dict:
    return {"text": rules.STATUS_LABELS[status], "classes": STATUS_TAG_CLASSES[status]}


def describe(question, value: dict | None, files: list | None = None) -> str:
    """The answer as one line of plain text (answer sheet, exports, history, conflict page)."""
    value = value or {}
    if value.get(NOT_APPLICABLE):
        return "Not applicable"
    kind = answer_types.find(question.answer_type)
    return kind.describe(value, question.rules or {}, files or []) if kind else ""


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
    """ "Needed for Approaching Standards and Standards Met", "Needed for Standards Met" or "Optional", with
    " (level not confirmed)" when the level is our best reading (the page shows question.level_note as why)."""
    needed = [rules.STATUS_LABELS[status] for status in TARGETS if rules.needed_for(question, status)]
    label = "Needed for " + " and ".join(needed) if needed else LEVEL_LABELS[question.level]
    return label + ("" if question.level_confirmed else " (level not confirmed)")


def still_needed(group_progress) -> str:
    """What a group of questions still needs, for the assessment's task list."""
    left = {status: group_progress.remaining(status) for status in TARGETS}
    if left[rules.MET] == 0:
        return "Everything needed for Standards Met is done."
    return f"Still needed: {left[rules.APPROACHING]} for Approaching Standards, {left[rules.MET]} for Standards Met."


def after_saving(row, step) -> tuple[str, str]:
    """The one message after "Save and continue": ("success" or "warning", text). Says at once when the answer does
    not count yet and why, and when the group is finished or the next question is in another group."""
    ref = row.question.ref
    if row.verdict.ok:
        level, parts = "success", [f"Your answer to {ref} has been saved."]
    else:
        fix = f" To make it count: {lower_first(row.verdict.fix)}." if row.verdict.fix else ""
        level, parts = (
            "warning",
            [f"Your answer to {ref} has been saved, but it does not count yet: {row.verdict.reason}.{fix}"],
        )
    if step.target is None:
        parts.append("Every question needed for Standards Met has an answer that counts.")
        return level, " ".join(parts)
    target = rules.STATUS_LABELS[step.target]
    if step.reached:
        parts.append(f"Your answers now reach {target}.")
        return level, " ".join(parts)
    if step.finished_group is not None:
        parts.append(f"That is everything in {step.finished_group.title} needed for {target}.")
    if step.new_group is not None:
        parts.append(f"Next: {step.new_group.title}.")
    elif step.question is None:
        parts.append(f"Nothing else is missing for {target}: see what is left on the assessment's home page.")
    return level, " ".join(parts)


def what_helps(question, ods_code: str) -> list[dict]:
    """The question's "What helps" as {"text", "href"} items: a link where this service (or the place named) has
    the thing, plain text where it is something the provider keeps itself."""
    shown = []
    for item in helps.items((question.guidance or {}).get("helps", "")):
        href = reverse(item.url_name, args=[ods_code]) if item.url_name else item.external
        shown.append({"text": item.text, "href": href or None})
    return shown


def what_helps_text(question) -> str:
    """The same, as one line of text (inside a task-list row, where links cannot go)."""
    return "; ".join(item.text for item in helps.items((question.guidance or {}).get("helps", "")))


# Links other areas add below a question's guidance (asking a support organisation for help with it): each build
# gets (organisation, membership, assessment, question) and returns {"href": …, "text": …} or None. Areas above this
# one add theirs from their AppConfig.ready(), so this app never imports them.
_question_links: dict[str, tuple[int, object]] = {}


def add_question_link(key: str, order: int, build) -> None:
    _question_links[key] = (order, build)


def question_links(organisation, membership, assessment, question) -> list[dict]:
    ordered = sorted(_question_links.values(), key=lambda item: item[0])
    built = (build(organisation, membership, assessment, question) for _order, build in ordered)
    return [link for link in built if link]
