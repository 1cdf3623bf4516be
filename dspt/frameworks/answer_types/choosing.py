"""Answers chosen from a list: yes or no, or the question's own choices (stored as {"choice": value})."""

from django import forms

from dspt.frameworks.answer_types.base import NOT_APPLICABLE, AnswerType, Verdict

YES_NO, CHOICE = "yes_no", "choice"
YES_NO_CHOICES = (("yes", "Yes"), ("no", "No"))


class Choosing(AnswerType):
    """One answer from a list: yes or no, or the question's own choices. Stored as {"choice": value}."""

    def options(self, rules) -> list[tuple[str, str]]:
        return [*self.fixed_choices, *((c["value"], c["label"]) for c in rules.get("choices", []))]

    def labels(self, rules) -> dict[str, str]:
        """Value -> label: the question's own labels, with Yes and No for values it does not name."""
        return dict(YES_NO_CHOICES) | dict(self.options(rules))

    def _quoted(self, rules, values) -> str:
        labels = self.labels(rules)
        return " or ".join(f"'{labels.get(v, v)}'" for v in values)

    def fields(self, rules, thresholds):
        choices = self.options(rules)
        if rules.get("not_applicable_allowed"):
            choices.append((NOT_APPLICABLE, "Not applicable to us"))
        return {
            "answer": forms.ChoiceField(label="Your answer", choices=choices, widget=forms.RadioSelect, required=False)
        }

    def store(self, cleaned, draft):
        answer = cleaned.get("answer")
        value = {"choice": answer} if answer else {}
        if (cleaned.get("explanation") or "").strip():
            value["explanation"] = cleaned["explanation"].strip()
        return value

    def initial(self, value):
        return {"answer": value.get("choice"), "explanation": value.get("explanation", "")}

    def has_content(self, value, file_count):
        return bool(value.get("choice"))

    def check(self, value, rules, thresholds, today):
        acceptable = rules.get("acceptable") or ["yes"]
        choice = value.get("choice")
        if choice in acceptable:
            return Verdict(True)
        return Verdict(
            False, f"The answer is {self._quoted(rules, [choice])}", f"Answer {self._quoted(rules, acceptable)}"
        )

    def describe(self, value, rules, files):
        text = self.labels(rules).get(value.get("choice"), value.get("choice") or "")
        if value.get("explanation"):
            text += f". {value['explanation']}"
        return text

    def demo_value(self, rules, today):
        return {"choice": (rules.get("acceptable") or ["yes"])[0]}


class YesNo(Choosing):
    key, label = YES_NO, "Yes or no"
    needs_rules = ("explanation_required_on_no", "acceptable")
    fixed_choices = YES_NO_CHOICES
    missing_message = "Select yes or no"
    render = {"explanation": {"hint": "Only needed if you answer no"}}

    def fields(self, rules, thresholds):
        explanation = forms.CharField(
            label="Explain why, and what you plan to do"
            if rules.get("explanation_required_on_no")
            else "Explain (optional)",
            required=False,
            max_length=5000,
            widget=forms.Textarea(attrs={"rows": 4}),
        )
        return super().fields(rules, thresholds) | {"explanation": explanation}

    def problems(self, cleaned, rules, draft):
        must_explain = rules.get("explanation_required_on_no") and not draft
        if cleaned.get("answer") == "no" and must_explain and not (cleaned.get("explanation") or "").strip():
            return [("explanation", "Explain why the answer is no, and what you plan to do")]
        return []


class Choice(Choosing):
    key, label = CHOICE, "Choice"
    needs_rules = ("choices", "acceptable")
    missing_message = "Select an answer"
