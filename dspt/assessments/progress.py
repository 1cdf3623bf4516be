"""Everything the assessment pages show about progress, computed from one read of the answers.

`load(assessment)` runs a fixed number of queries however many answers, versions or files there are.
"""

from dataclasses import dataclass, field

from django.db.models import Count
from django.utils import timezone

from dspt.assessments import rules
from dspt.assessments.models import Assessment
from dspt.frameworks.models import Question


@dataclass
class QuestionRow:
    question: Question
    answer: object  # Answer or None
    verdict: rules.Verdict
    answered: bool


@dataclass
class GroupProgress:
    group: object
    rows: list = field(default_factory=list)

    @property
    def total(self):
        return len(self.rows)

    @property
    def answered(self):
        return sum(row.answered for row in self.rows)

    def remaining(self, status: str) -> int:
        """How many questions `status` (rules.APPROACHING, rules.MET) needs whose answers do not count yet."""
        return sum(1 for row in self.rows if rules.needed_for(row.question, status) and not row.verdict.ok)

    @property
    def percent(self) -> int:
        return round(100 * self.answered / self.total) if self.total else 100


@dataclass
class Standing:
    """Where an assessment stands now: its status, a verdict per question and progress per group."""

    assessment: Assessment
    outcome: rules.Outcome
    groups: list
    rows: list

    @property
    def status(self) -> str:
        return self.outcome.status

    @property
    def status_label(self) -> str:
        return rules.STATUS_LABELS[self.status]

    @property
    def is_exceeded(self) -> bool:
        return self.status == rules.EXCEEDED

    def missing_for(self, status: str) -> list[QuestionRow]:
        """Rows of the questions `status` (rules.APPROACHING, rules.MET) needs whose answers do not count yet."""
        return [row for row in self.rows if rules.needed_for(row.question, status) and not row.verdict.ok]

    @property
    def next_target(self) -> str | None:
        """The next status to reach (rules.APPROACHING or rules.MET), or None at Standards Met or above."""
        if self.status == rules.NOT_MET:
            return rules.APPROACHING
        if self.status == rules.APPROACHING:
            return rules.MET
        return None

    @property
    def to_review(self) -> list[QuestionRow]:
        return [row for row in self.rows if row.answer is not None and row.answer.needs_review]

    def row_for(self, question) -> QuestionRow:
        return next(row for row in self.rows if row.question.pk == question.pk)

    def next_after(self, question, working_towards: str | None) -> "NextStep":
        """Where "Save and continue" goes after `question`, for someone who was working towards the status
        `working_towards` (the next target before the save): when the answers now reach it, nowhere (the
        assessment's home page says so and lists what the next status needs); otherwise the next question, in the
        same group, that still stands in the way; when the group has none left, the first such question of the next
        group that has one; when no group has, nowhere."""
        if working_towards is not None and rules.ORDER.index(self.status) >= rules.ORDER.index(working_towards):
            return NextStep(None, working_towards, finished_group=None, new_group=None, reached=True)
        target = working_towards
        if target is None:
            return NextStep(None, target, finished_group=None, new_group=None)
        group = next(g for g in self.groups if g.group.pk == question.group_id)

        def still_needed(rows):
            return [r for r in rows if rules.needed_for(r.question, target) and not r.verdict.ok]

        later = [r for r in group.rows if r.question.position > question.position]
        earlier = [r for r in group.rows if r.question.position < question.position]
        in_group = still_needed(later) + still_needed(earlier)
        if in_group:
            return NextStep(in_group[0].question, target, finished_group=None, new_group=None)
        finished = group.group if not still_needed(group.rows) else None
        index = self.groups.index(group)
        for other in self.groups[index + 1 :] + self.groups[:index]:
            needed = still_needed(other.rows)
            if needed:
                return NextStep(needed[0].question, target, finished_group=finished, new_group=other.group)
        return NextStep(None, target, finished_group=finished, new_group=None)


@dataclass(frozen=True)
class NextStep:
    """Where to go after saving an answer, and what to say about it."""

    question: Question | None  # the next question to answer; None: the assessment's home page
    target: str | None  # the status being worked towards (rules.APPROACHING, rules.MET), None when Met or above
    finished_group: object | None  # the group that now has everything `target` needs, to say so
    new_group: object | None  # the other group `question` is in, to say so
    reached: bool = False  # the save made the answers reach `target`


def answer_state(answer) -> rules.AnswerState | None:
    if answer is None:
        return None
    return rules.AnswerState(
        value=answer.value,
        is_draft=answer.is_draft,
        needs_review=answer.needs_review,
        counts_only_after_review=answer.counts_only_after_review,
        carried=bool(answer.carried_from_year),
        file_count=getattr(answer, "file_count", 0),
    )


def load(assessment: Assessment, today=None, with_files: bool = False) -> Standing:
    """Read the questions and answers once. `with_files` also fetches each answer's file list (one query)."""
    today = today or timezone.localdate()
    framework = assessment.framework
    questions = list(framework.questions.asked().select_related("group", "standard").order_by("position"))
    answer_query = assessment.answers.annotate(file_count=Count("evidence"))
    if with_files:
        answer_query = answer_query.prefetch_related("evidence")
    answers = {a.question_id: a for a in answer_query}
    profile = assessment.organisation.profile
    states = {q.ref: answer_state(answers.get(q.id)) for q in questions}
    states = {ref: state for ref, state in states.items() if state is not None}
    ce_plus = rules.cyber_essentials_plus_current(
        profile.cyber_essentials_plus, profile.cyber_essentials_plus_date, today
    )
    outcome = rules.evaluate(questions, states, framework.thresholds, today, ce_plus)
    rows, groups = [], {}
    for question in questions:
        answer = answers.get(question.id)
        row = QuestionRow(
            question, answer, outcome.verdicts[question.ref], rules.is_answered(question, answer_state(answer))
        )
        rows.append(row)
        groups.setdefault(question.group_id, GroupProgress(question.group)).rows.append(row)
    ordered = sorted(groups.values(), key=lambda g: g.group.order)
    return Standing(assessment, outcome, ordered, rows)
