"""Every form of the service, fed odd input by Hypothesis: no page may answer 500 or raise.

The pages come from the URL configuration, like the isolation walk: every /o/<ods_code>/ page (tests/org_pages.py,
with the data of the walk_data fixture behind it, each profile step and a question of each answer type) and every
other page (PUBLIC below says who visits it and how; a new route that is not listed fails
test_every_public_route_is_fuzzed). For each page the test GETs it, reads its forms from the HTML (inputs,
textareas, selects, buttons, date parts NAME[day]/NAME[month]/NAME[year]) and sends them odd values: digits that
are not ASCII ("²", "٣", "１"), 20- and 5,000-digit numbers, negatives and exponents, 10,000 characters of text,
right-to-left and other non-Latin text, NUL bytes and other control characters, impossible dates, unknown choice
values, several values where one is expected and odd files. Pages that only take a POST get the form that posts to
them from the page that shows it. Path parameters and query strings get odd values too.

The tests run on SQLite, which stores what PostgreSQL refuses. So that a PostgreSQL-only 500 shows here as well,
every query runs through `like_postgresql`, which refuses what PostgreSQL would: a NUL character in any text
parameter (also escaped inside JSON), text longer than its column's max_length, and a number out of range for its
column. The examples are the same on every run; to explore further, run with FUZZ_RANDOM=1 and FUZZ_EXAMPLES=100
(default 6 a form: the whole fuzz takes about 30 s on 2 cores). FUZZ_SHOW_FORMS=1 (with -s) lists the forms found.
"""

import datetime
import os
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import parse_qsl, quote, urlsplit

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.db.utils import DataError
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from tests import like_postgresql
from tests.factories import PASSWORD
from tests.org_pages import ROUTES, fill
from tests.test_support_isolation import ROUTES as SUPPORT_ROUTES
from tests.test_support_isolation import fill as support_fill
from tests.test_support_isolation import support_walk  # noqa: F401 (a fixture)

pytestmark = pytest.mark.django_db

EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "6"))
SHOW_FORMS = bool(os.environ.get("FUZZ_SHOW_FORMS"))  # with pytest -s: print each form and its fields
FUZZ = settings(
    max_examples=EXAMPLES,
    derandomize=not os.environ.get("FUZZ_RANDOM"),  # the same examples each run, unless exploring
    deadline=None,
    database=None,
    phases=[Phase.explicit, Phase.generate],  # no shrinking: a failing example is shown as found, at once
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.data_too_large],
)

# ---- odd input ----------------------------------------------------------------------------------------------

LONG = 10_001
ODD_VALUES = [
    "²",
    "٣",
    "１",
    "𝟘𝟙",
    "9" * 20,
    "9" * 5000,
    "-1",
    "-0",
    "1e3",
    "1e309",
    "NaN",
    "Infinity",
    "0x1F",
    "",
    "   ",
    "x" * LONG,
    "é" * LONG,
    "\u202e" + "a" * LONG,
    "مرحبا بالعالم",
    "שלום עולם",
    "\u202eevil\u202c",
    "\x00",
    "a\x00b",
    "\x01\x02\x1b[31m\x7f",
    "\r\n\t\x0b\x0c",
    "😀" * 10,
    "<script>alert(1)</script>",
    "' OR 1=1 --",
    "%00",
    "../../etc/passwd",
    "not-a-choice",
    "VX101",
    "2025-26",
    "1.1.2",
    "someone@care.example",
    "someone\x00@care.example",
    "x" * 300 + "@care.example",
]
IMPOSSIBLE_DATES = [
    ("31", "2", "2025"),
    ("0", "0", "0"),
    ("29", "2", "2023"),
    ("32", "13", "2025"),
    ("1", "1", "0001"),
    ("31", "12", "9999"),
    ("-1", "-1", "-2025"),
]
odd_text = st.one_of(st.sampled_from(ODD_VALUES), st.text(max_size=30))
odd_value = st.one_of(odd_text, st.lists(odd_text, min_size=2, max_size=3))  # several where one is expected
odd_file = st.builds(
    SimpleUploadedFile,
    st.sampled_from(
        ["evidence.pdf", "évidence ²٣.pdf", "a" * 300 + ".pdf", "..\\..\\evil.pdf", "<b>x</b>.pdf", "x", "x\x00.pdf"]
    ),
    st.sampled_from([b"%PDF-1.7 odd", b"\x00" * 16, b"", b"PK\x03\x04 not really a zip", "مرحبا".encode()]),
)
odd_path_part = st.one_of(
    st.sampled_from(["²", "٣", "１", "9" * 20, "9" * 5000, "-1", "\x00", "a\x00b", "x" * 300, "مرحبا", "%", "..", " "]),
    st.text(min_size=1, max_size=20).filter(lambda s: "/" not in s),
)


# ---- forms, read from the HTML ------------------------------------------------------------------------------

DATE_PART = re.compile(r"^(.*)\[(day|month|year)\]$")


@dataclass
class Field:
    kind: str  # text, textarea, select, choice (radio or checkbox), button, file
    value: str = ""  # what the page filled in
    options: list[str] = field(default_factory=list)


@dataclass
class Form:
    action: str  # path the form goes to
    method: str  # "get" or "post"
    fields: dict[str, Field] = field(default_factory=dict)


class FormReader(HTMLParser):
    def __init__(self, page_path: str):
        super().__init__(convert_charrefs=True)
        self.page_path, self.forms, self.link_parameters = page_path, [], set()
        self._form = self._select = self._textarea = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        name = attrs.get("name")
        if tag == "a" and attrs.get("href"):
            link = urlsplit(attrs["href"])
            if link.path in ("", self.page_path) and link.query:
                self.link_parameters.update(name for name, _ in parse_qsl(link.query, keep_blank_values=True))
        if tag == "form":
            action = urlsplit(attrs.get("action") or self.page_path).path or self.page_path
            self._form = Form(action, (attrs.get("method") or "get").lower())
            self.forms.append(self._form)
        elif self._form is None or not name or name == "csrfmiddlewaretoken":
            return
        elif tag == "input":
            kind = (attrs.get("type") or "text").lower()
            value = attrs.get("value") or ""
            if kind in ("radio", "checkbox"):
                entry = self._form.fields.setdefault(name, Field("choice"))
                entry.options.append(value or "on")
                if "checked" in attrs:
                    entry.value = value or "on"
            elif kind in ("submit", "button"):
                self._form.fields.setdefault(name, Field("button")).options.append(value)
            else:
                self._form.fields[name] = Field("file" if kind == "file" else "text", value)
        elif tag == "button" and attrs.get("type", "submit") == "submit":
            self._form.fields.setdefault(name, Field("button")).options.append(attrs.get("value") or "")
        elif tag == "textarea":
            self._textarea = self._form.fields[name] = Field("textarea")
        elif tag == "select":
            self._select = self._form.fields[name] = Field("select")
        elif tag == "option" and self._select is not None:
            self._select.options.append(attrs.get("value") or "")
            if "selected" in attrs:
                self._select.value = attrs.get("value") or ""

    def handle_data(self, data):
        if self._textarea is not None:
            self._textarea.value += data

    def handle_endtag(self, tag):
        if tag == "form":
            self._form = None
        elif tag == "select":
            self._select = None
        elif tag == "textarea":
            self._textarea = None


def read(response, page_path: str) -> FormReader:
    reader = FormReader(page_path)
    if response.status_code == 200 and "text/html" in response.get("Content-Type", ""):
        reader.feed(response.content.decode())
    return reader


def forms_on(response, page_path: str) -> list[Form]:
    return read(response, page_path).forms


def form_data(form: Form):
    """A strategy for what to send: for each field, what the page had, an odd value, or nothing."""
    parts, dates = {}, {}
    for name, entry in form.fields.items():
        match = DATE_PART.match(name)
        if match:
            dates.setdefault(match.group(1), {})[match.group(2)] = entry.value
            continue
        if entry.kind == "file":
            parts[name] = st.one_of(st.none(), odd_file, st.lists(odd_file, min_size=2, max_size=3))
            continue
        choices = [option for option in entry.options if option] or [entry.value]
        parts[name] = st.one_of(
            st.just(entry.value or choices[0]), st.sampled_from(choices), odd_value, st.none(), st.just(choices)
        )
    for base, kept in dates.items():
        parts[base + "[]"] = st.one_of(
            st.just((kept.get("day", ""), kept.get("month", ""), kept.get("year", ""))),
            st.sampled_from(IMPOSSIBLE_DATES),
            st.tuples(odd_text, odd_text, odd_text),
        )
    parts["an-unexpected-field"] = st.one_of(st.none(), odd_value)
    return st.fixed_dictionaries(parts).map(_flatten)


def _flatten(drawn: dict) -> dict:
    data = {}
    for name, value in drawn.items():
        if value is None:
            continue
        if name.endswith("[]") and isinstance(value, tuple):
            base = name[:-2]
            data.update({f"{base}[day]": value[0], f"{base}[month]": value[1], f"{base}[year]": value[2]})
        else:
            data[name] = value
    return data


@pytest.fixture
def postgresql_rules():
    with connection.execute_wrapper(like_postgresql.rules()):
        yield


def test_the_postgresql_rules_catch_what_postgresql_refuses(postgresql_rules, owner):
    owner.full_name = "a\x00b"
    with pytest.raises(DataError, match="NUL"):
        owner.save()
    owner.full_name = "x" * 1000
    with pytest.raises(DataError, match="too long"):
        owner.save(update_fields=["full_name"])


@pytest.fixture
def generous_limits(settings):
    """Lockouts and email limits would soon stop every form from being reached: raise them for the fuzz."""
    for name in (
        "AXES_FAILURE_LIMIT",
        "EMAIL_LINKS_PER_HOUR",
        "EMAIL_REQUESTS_PER_IP_PER_HOUR",
        "INVITATIONS_PER_ORGANISATION_PER_DAY",
        "INVITATIONS_PER_SENDER_PER_DAY",
    ):
        setattr(settings, name, 10**6)


# ---- the fuzz ------------------------------------------------------------------------------------------------


def check(response, what):
    assert response.status_code < 500, (_short(what), response.status_code)
    return response


def _short(value):
    """What was sent, with long values cut, for a readable failure message."""
    if isinstance(value, dict):
        return {key: _short(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return type(value)(_short(item) for item in value)
    text = repr(value)
    return text if len(text) <= 80 else f"{text[:60]}… ({len(text)} characters)"


def fuzz_form(make_client, form: Form) -> None:
    """Send the form odd values, as many times as FUZZ says."""

    # A form without fields varies only in the unexpected extra field: a few examples are enough.
    @FUZZ if form.fields else settings(FUZZ, max_examples=min(EXAMPLES, 2))
    @given(form_data(form))
    def send(data):
        client = make_client()
        if form.method == "get":
            check(client.get(form.action, data), (form.action, data))
        else:
            check(client.post(form.action, data), (form.action, data))

    send()


def fuzz_forms(make_client, forms: list[Form]) -> int:
    """Fuzz each form; return how many were fuzzed."""
    for form in forms:
        if SHOW_FORMS:
            print("fuzzing", form.method.upper(), form.action, sorted(form.fields))
        fuzz_form(make_client, form)
    return len(forms)


def fuzz_query_and_path(make_client, route: str, url: str, names: list[str], query_too: bool = True) -> None:
    """GET the page with odd query parameters (unless not `query_too`: a download, slow to make and reading none),
    and with odd values in each <str:…> or <int:…> part of its path."""
    names = sorted(set(names) | {"page", "q", "next"})
    params = re.findall(r"<(?:str|int|slug):\w+>", route)

    @FUZZ
    @given(
        query=st.fixed_dictionaries({}, optional=dict.fromkeys(names, odd_value)), part=odd_path_part, data=st.data()
    )
    def send(query, part, data):
        client = make_client()
        if query_too:
            check(client.get(url, query), (url, query))
        if params:
            param = data.draw(st.sampled_from(params))
            odd = str(data.draw(st.sampled_from([10**20, -1, 0]))) if param.startswith("<int:") else part
            path = url_with(route, url, param, quote(odd, safe=""))
            check(client.get(path), path)
            check(client.post(path, query), path)

    send()


def url_with(route: str, url: str, param: str, value: str) -> str:
    """`url` (route filled in) with the one path part that came from `param` replaced by `value`."""
    route_parts, url_parts = route.strip("/").split("/"), url.strip("/").split("/")
    for index, part in enumerate(route_parts):
        if param in part:
            prefix, _, suffix = part.partition(param)
            url_parts[index] = prefix + value + suffix
            break
    return "/" + "/".join(url_parts) + ("/" if url.endswith("/") else "")


def fuzz_page(make_client, route: str, url: str, parent: str | None = None) -> int:
    """GET `url`, fuzz the forms that post to it (or, for a POST-only page, those on `parent` that do); return how
    many forms were found (0: none, and a POST of odd fields was sent anyway)."""
    path = urlsplit(url).path
    response = check(make_client().get(url), url)
    page = read(response, path)
    forms = [form for form in page.forms if form.action == path]
    if not forms and parent:
        forms = [form for form in forms_on(check(make_client().get(parent), parent), parent) if form.action == path]
    found = len(forms)
    if not forms:
        forms = [Form(path, "post")]  # no form for it anywhere: it still must survive a POST of odd fields
    names = [name for form in forms for name in form.fields] + sorted(page.link_parameters)
    download = "attachment" in response.get("Content-Disposition", "")
    fuzz_query_and_path(make_client, route, url, names, query_too=not download)
    fuzz_forms(make_client, forms)
    return found


# ---- organisation pages ---------------------------------------------------------------------------------------

# A POST-only page, and the page that shows the form posting to it.
SHOWN_ON = {
    "o/<str:ods_code>/assessment/<str:year>/q/<str:ref>/files/<int:evidence_id>/remove/": "/o/VX101/assessment/"
    "2025-26/q/1.1.2/",
    "o/<str:ods_code>/assessment/<str:year>/start/": "/o/VX101/assessment/2025-26/",
    "o/<str:ods_code>/people/invitations/<int:invitation_id>/cancel/": "/o/VX101/people/",
    "o/<str:ods_code>/people/two-factor/": "/o/VX101/people/",
    "o/<str:ods_code>/profile/confirm/": "/o/VX101/profile/check/",
    "o/<str:ods_code>/publish/action-plan/remove-document/": "/o/VX101/publish/action-plan/",
    "o/<str:ods_code>/publish/action-plan/upload/": "/o/VX101/publish/action-plan/",
}


def urls_for(route: str, walk_data: dict) -> list[str]:
    """The route's URLs: each profile step, and a question of each answer type, rather than just one."""
    if route.endswith("profile/<slug:slug>/"):
        from dspt.organisations.views.profile import STEP_SLUGS

        return [fill(route, walk_data).replace("/about/", f"/{slug}/") for slug in STEP_SLUGS]
    if route.endswith("q/<str:ref>/"):
        questions = walk_data["evidence"].answer.assessment.framework.questions.order_by("ref")
        refs = {question.answer_type: question.ref for question in questions}
        return [fill(route, walk_data).replace("/1.1.2/", f"/{ref}/") for ref in refs.values()]
    return [fill(route, walk_data)]


@pytest.mark.parametrize(("route", "view"), ROUTES, ids=[route for route, _ in ROUTES])
def test_organisation_pages_survive_odd_input(
    client_for, owner, walk_data, postgresql_rules, generous_limits, route, view
):
    urls = urls_for(route, walk_data)
    for url in urls:
        fuzz_page(lambda: client_for(owner), route, url, SHOWN_ON.get(route))
    assert urls


def test_starting_choosing_services_and_publishing_survive_odd_input(
    client_for, frameworks, postgresql_rules, generous_limits
):
    """The forms walk_data's site organisation never shows: starting a year, a head office choosing the services it
    publishes for, and the confirmation of publishing (walk_data has already published)."""
    from dspt.assessments import carry_over
    from dspt.publication import publish
    from tests.factories import answer_all, complete_profile, make_directory_entry, make_organisation, make_user

    make_directory_entry("AX1Y", "Fictional Group")
    make_directory_entry("VX111", "Fictional House One", parent="AX1Y")
    make_directory_entry("VX112", "Fictional House Two", parent="AX1Y")
    director = make_user("director@care.example")
    group = make_organisation("AX1Y", director)
    complete_profile(group)
    visit = lambda: client_for(director)  # noqa: E731
    start = "/o/AX1Y/assessment/2025-26/start/"
    assert fuzz_page(visit, "o/<str:ods_code>/assessment/<str:year>/start/", start, "/o/AX1Y/assessment/")
    assessment = group.assessments.first() or carry_over.start(group, frameworks["2025-26"], director)
    answer_all(assessment, director)
    publish.mark_profile_checked(assessment, director)
    services, confirm = "/o/AX1Y/publish/services/", "/o/AX1Y/publish/confirm/"
    assert fuzz_page(visit, "o/<str:ods_code>/publish/services/", services) == 1
    publish.choose_branches(assessment, ["VX111"], director)  # in case no example chose one
    assert fuzz_page(visit, "o/<str:ods_code>/publish/confirm/", confirm) == 1


def test_a_register_import_waiting_to_be_confirmed_survives_odd_input(client_for, owner, walk_data, postgresql_rules):
    """The form confirming an import appears only in the answer to an upload: upload, then fuzz that form."""
    path = "/o/VX101/registers/information-assets/import/"
    content = b"Asset name,Type,Owner,Special category data\nRota,Paper,Office,No\n"
    page = client_for(owner).post(path, {"file": SimpleUploadedFile("new.csv", content)})
    (confirm,) = [form for form in forms_on(page, path) if "import_id" in form.fields]
    assert fuzz_forms(lambda: client_for(owner), [confirm]) == 1


# ---- every other page ------------------------------------------------------------------------------------------


@pytest.fixture
def people(owner, org, client_for):
    """Ways to visit: signed out, signed in, signed in with two-factor sign-in done, and still to enter the code."""
    from dspt.accounts.tests.test_mfa import set_up_two_factor, sign_in
    from dspt.organisations import joining
    from dspt.organisations.models import JoinLink
    from dspt.status_search.tests.conftest import directory, publish_rows

    _invitation, token = joining.issue(JoinLink.INVITE, "new@care.example", organisation=org, role="member")
    directory("VX101", org.name, postcode="ZZ1 1AB")  # so the public pages of VX101 show its status
    publish_rows(org, "met", "2025-26", datetime.date(2025, 7, 1))
    with_two_factor = make_user_with_org("two@care.example", "VX301")
    verified = client_for(with_two_factor)
    set_up_two_factor(verified)
    unverified = sign_in(with_two_factor.email)

    def copy_of(client):
        def make():
            fresh = Client()
            fresh.cookies = type(client.cookies)(client.cookies)
            return fresh

        return make

    def link_in_session():
        client = Client()
        client.post(f"/link/{token}/")
        return client

    from dspt.verification import operators
    from tests.factories import make_user

    operator = make_user("operator@service.example")
    operators.add_operator(operator.email)
    # A support organisation with a published file, for its public pages
    from dspt.resources.tests.factories import make_file_resource
    from dspt.support.models import SupportMembership
    from dspt.support.tests.factories import add_staff, make_support_organisation

    association = make_support_organisation()
    resource = make_file_resource(association, add_staff(association, "lead@fcca.example", SupportMembership.LEAD))
    from dspt.events.tests.factories import make_event

    event = make_event(association)
    return {
        "event_id": str(event.pk),
        "resource_id": str(resource.pk),
        "anyone": Client,
        "operator": lambda: client_for(operator),
        "signed in": lambda: client_for(owner),
        "two-factor done": copy_of(verified),
        "two-factor to do": copy_of(unverified),
        "opened a link": link_in_session,
        "token": token,
    }


def make_user_with_org(email: str, code: str):
    from tests.factories import make_organisation, make_user

    user = make_user(email, PASSWORD)
    make_organisation(code, user)
    return user


# route: (who visits, the page showing the form for a POST-only route)
PUBLIC = {
    "": ("anyone", None),
    "operator/": ("operator", None),
    "operator/refused/": ("operator", None),
    "operator/registrations/<str:ods_code>/": ("operator", None),
    "accessibility/": ("anyone", None),
    "help/": ("anyone", None),
    "cookies/": ("anyone", None),
    "events/": ("anyone", None),
    "events/<int:event_id>/": ("anyone", None),
    # the event links' pages with an unknown token (dspt/events tests use real ones)
    "events/booking/<str:token>/": ("anyone", None),
    "events/booking/<str:token>/calendar.ics": ("anyone", None),
    "events/cancel/<str:token>/": ("anyone", None),
    "events/offer/<str:token>/": ("anyone", None),
    "support/<str:support_slug>/resources/": ("anyone", None),
    "support/<str:support_slug>/resources/<int:resource_id>/file/": ("anyone", None),
    "confirm-training/<str:token>/": ("anyone", None),  # with a real token: dspt/training/tests/test_confirm_fuzz.py
    "privacy/": ("anyone", None),
    "health/": ("anyone", None),
    "healthz": ("anyone", None),
    "account/": ("two-factor done", None),
    "account/name/": ("signed in", None),
    "account/password/": ("signed in", None),
    "account/two-factor/backup-codes/": ("two-factor done", "/account/"),
    "account/two-factor/set-up/": ("signed in", None),
    "account/two-factor/turn-off/": ("two-factor done", "/account/"),
    "account/two-factor/verify/": ("two-factor to do", None),
    "api/v1/openapi.json": ("anyone", None),
    "api/v1/statuses": ("anyone", None),
    "api/v1/statuses/<str:ods_code>": ("anyone", None),
    "forgotten-password/": ("anyone", None),
    "link/<str:token>/": ("anyone", None),
    "link/<str:token>/new/": ("anyone", None),
    "link/continue/": ("opened a link", None),
    "organisations/": ("signed in", None),
    "register/": ("anyone", None),
    "register/ask-to-join/": ("anyone", "/register/"),
    "register/check-your-email/": ("anyone", None),
    "sign-in/": ("anyone", None),
    "sign-out/": ("signed in", "/account/name/"),
    "status/": ("anyone", None),
    "status/<str:ods_code>/": ("anyone", None),
    "status/<str:ods_code>/badge.svg": ("anyone", None),
    "status/statuses.csv": ("anyone", None),
}


def public_routes() -> list[str]:
    def walk(patterns, prefix=""):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                yield from walk(pattern.url_patterns, prefix + str(pattern.pattern))
            elif isinstance(pattern, URLPattern):
                yield prefix + str(pattern.pattern)

    return sorted(
        route for route in walk(get_resolver().url_patterns) if not route.startswith(("o/", "s/<str:support_slug>/"))
    )


def test_every_public_route_is_fuzzed():
    assert set(public_routes()) == set(PUBLIC), "add the new route to PUBLIC, saying who visits it"


@pytest.mark.parametrize("route", sorted(PUBLIC))
def test_other_pages_survive_odd_input(people, postgresql_rules, generous_limits, route):
    visitor, shown_on = PUBLIC[route]
    url = "/" + (
        route.replace("<str:ods_code>", "VX101")
        .replace("<str:token>", people["token"])
        .replace("<str:support_slug>", "fcca")
        .replace("<int:resource_id>", people["resource_id"])
        .replace("<int:event_id>", people["event_id"])
    )
    fuzz_page(people[visitor], route, url, shown_on)
    if route == "register/ask-to-join/":
        # Its form appears only after registering a code that is taken; it posts the register form's fields.
        page = people["anyone"]().get("/register/")
        (register,) = [form for form in forms_on(page, "/register/") if form.action == "/register/"]
        assert fuzz_forms(people["anyone"], [Form(url, "post", register.fields)]) == 1


def test_the_form_reader_finds_date_parts_choices_and_buttons(client_for, owner, org):
    page = client_for(owner).get("/o/VX101/profile/cyber-essentials/")
    path = "/o/VX101/profile/cyber-essentials/"
    (form,) = [form for form in forms_on(page, path) if form.action == path]
    assert {"cyber_essentials_plus_date[day]", "cyber_essentials_plus_date[month]"} <= set(form.fields)
    assert set(form.fields["cyber_essentials_plus"].options) == {"yes", "no", "not_sure"}
    assert form.method == "post"


# ---- support organisations' pages ------------------------------------------------------------------------------


@pytest.mark.parametrize(("route", "view"), SUPPORT_ROUTES, ids=[route for route, _ in SUPPORT_ROUTES])
def test_support_pages_survive_odd_input(client_for, support_walk, postgresql_rules, generous_limits, route, view):  # noqa: F811
    """Every /s/<slug>/ page, as its programme lead (tests/test_support_isolation.py's walk data)."""
    fuzz_page(lambda: client_for(support_walk["lead"]), route, support_fill(route, support_walk))
