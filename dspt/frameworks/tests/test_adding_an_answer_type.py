"""Adding an answer type is one registry entry: a throwaway type, registered for one test, works everywhere.

The question-set file accepts it (and checks its rule keys), the question page shows its field, saving stores its
value, the status rule, the description, the answer sheet and the demo data all use it, and once unregistered the
file is refused again.
"""

import copy
from urllib.parse import urlsplit

import pytest
from django import forms

from dspt.assessments import carry_over, presenters, progress
from dspt.demo.answers import acceptable_value
from dspt.frameworks import answer_types, validation
from dspt.frameworks.answer_types import AnswerType, Verdict
from dspt.frameworks.loader import FrameworkError, load, validate
from dspt.frameworks.models import Question

URL = "/o/VX101/assessment/2024-25/q/9.2.1/"


class WebAddress(AnswerType):
    """Where something is published online; counts when it is on the question's `domain`."""

    key, label = "web_address", "Web address"
    needs_rules = ("domain",)
    missing_message = "Enter the web address"
    render = {"answer": {"classes": "nhsuk-input--width-20"}}

    def fields(self, rules, thresholds):
        return {"answer": forms.URLField(label="Web address", required=False, assume_scheme="https")}

    def store(self, cleaned, draft):
        return {"url": cleaned["answer"]} if cleaned.get("answer") else {}

    def initial(self, value):
        return {"answer": value.get("url")}

    def has_content(self, value, file_count):
        return bool(value.get("url"))

    def check(self, value, rules, thresholds, today):
        host = urlsplit(value["url"]).hostname or ""
        if host == rules["domain"] or host.endswith("." + rules["domain"]):
            return Verdict(True)
        return Verdict(False, f"The address is not on {rules['domain']}", f"Give an address on {rules['domain']}")

    def describe(self, value, rules, files):
        return value.get("url", "")

    def demo_value(self, rules, today):
        return {"url": f"https://www.{rules['domain']}/privacy"}

    def rule_problems(self, rules, thresholds):
        if "domain" in rules and not (isinstance(rules["domain"], str) and "." in rules["domain"]):
            return [("domain", f"must be a domain name like example.org, got {rules['domain']!r}")]
        return []


@pytest.fixture
def web_address():
    kind = answer_types.register(WebAddress())
    yield kind
    if answer_types.find(kind.key) is kind:
        answer_types.unregister(kind.key)


def _with_web_address_question(sample, **rules):
    question = copy.deepcopy(sample["questions"][0])  # 1.1.1, which has no rule keys
    question.update(ref="9.2.1", standard=9, group="it-systems-and-devices", level="met", **rules)
    question.update(answer_type="web_address", text="Where is your privacy notice published?")
    sample["questions"].append(question)
    return sample


def _post(client, data, version=0):
    return client.post(URL, {"version": version, "action": "continue", **data})


def test_a_registered_answer_type_works_from_the_file_to_the_status(web_address, sample, write, org, owner, client_for):
    with pytest.raises(FrameworkError) as missing:
        validate(write(_with_web_address_question(copy.deepcopy(sample))))
    assert missing.value.problems == [
        "2024-25.yaml: question 9.2.1: domain: is missing (answer_type web_address needs it)"
    ]
    with pytest.raises(FrameworkError) as wrong:
        validate(write(_with_web_address_question(copy.deepcopy(sample), domain=42)))
    assert wrong.value.problems == [
        "2024-25.yaml: question 9.2.1: domain: must be a domain name like example.org, got 42"
    ]

    path = write(_with_web_address_question(sample, domain="example.org"))
    load(path)
    question = Question.objects.get(ref="9.2.1")
    assert (question.answer_type, question.rules) == ("web_address", {"domain": "example.org"})
    assessment = carry_over.start(org, question.framework, owner)
    client = client_for(owner)

    page = client.get(URL).content.decode()
    assert 'name="answer"' in page and "Web address" in page and "nhsuk-input--width-20" in page
    assert "multipart/form-data" not in page
    refused = _post(client, {"answer": ""})
    assert refused.status_code == 200 and "Enter the web address" in refused.content.decode()

    assert _post(client, {"answer": "www.elsewhere.example/privacy"}).status_code == 302
    answer = assessment.answers.get(question=question)
    assert answer.value == {"url": "https://www.elsewhere.example/privacy"}
    row = next(row for row in progress.load(assessment).rows if row.question.ref == "9.2.1")
    assert (row.answered, row.verdict.ok, row.verdict.reason) == (True, False, "The address is not on example.org")
    assert 'value="https://www.elsewhere.example/privacy"' in client.get(URL).content.decode()

    assert _post(client, {"answer": "https://www.example.org/privacy"}, version=1).status_code == 302
    answer.refresh_from_db()
    row = next(row for row in progress.load(assessment).rows if row.question.ref == "9.2.1")
    assert row.verdict.ok
    assert presenters.describe(question, answer.value) == "https://www.example.org/privacy"
    assert "https://www.example.org/privacy" in client.get("/o/VX101/assessment/2024-25/answers/").content.decode()
    assert acceptable_value(question) == {"url": "https://www.example.org/privacy"}

    answer_types.unregister("web_address")
    with pytest.raises(FrameworkError, match=r"answer_type: must be one of confirm, .*, got 'web_address'"):
        validate(path)


def test_the_registry_refuses_a_key_it_already_has_or_that_does_not_fit_the_model(web_address):
    with pytest.raises(ValueError, match="must be new"):
        answer_types.register(WebAddress())
    too_long = type("TooLong", (WebAddress,), {"key": "a_very_long_type"})
    with pytest.raises(ValueError, match="1-12 characters"):
        answer_types.register(too_long())
    assert answer_types.keys()[-1] == "web_address"
    assert validation.rule_keys() == (*validation.RULE_KEYS, "domain")
