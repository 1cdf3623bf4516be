"""A DPIA's steps as an NHS.UK task list: screening, the three written sections, the risks and the sign-off, each
with whether it is done and a link to do it (for members)."""

from django.template.loader import render_to_string
from django.urls import reverse
from markupsafe import Markup

from dspt.dpias import screening, signoff
from dspt.dpias.models import Dpia
from dspt.dpias.register import DPIAS
from dspt.organisations.models import Membership
from dspt.ui.presenters import long_date

DONE = {"text": "Completed"}
TO_DO = {"tag": {"text": "Not started", "classes": "nhsuk-tag--blue"}}
CANNOT_YET = {"text": "Cannot start yet"}
NOT_NEEDED = {"text": "Not needed"}


def url(page: str, dpia: Dpia, **more) -> str:
    return reverse(f"dpias:{page}", args=[dpia.organisation.ods_code, dpia.pk, *more.values()])


def tasks(dpia: Dpia, can_change: bool) -> list[dict]:
    org = dpia.organisation
    screened = screening.is_done(dpia)
    needed = bool(dpia.dpia_needed)
    live = can_change and not dpia.is_archived
    items = []

    if screened:
        result = "A DPIA is needed" if needed else "A DPIA is not needed: keep the screening as your record"
        status = DONE
    else:
        result, status = "Answer the questions that decide whether a full DPIA is needed", TO_DO
    items.append(_item("Screening", result, url("screening", dpia) if live else "", status))

    edit = DPIAS.url("edit", org, dpia)
    for name in signoff.SECTIONS:
        heading = DPIAS.heading(name)
        status = _status(screened, needed, bool(getattr(dpia, name)))
        items.append(
            _item(heading, str(DPIAS.field(name).help_text), f"{edit}#id_{name}" if live and needed else "", status)
        )

    count = len(dpia.risks.all())
    status = _status(screened, needed, bool(count))
    hint = f"{count} risk{'s' if count != 1 else ''} weighed" if count else "Each risk scored before and after"
    items.append(_item("Risks", hint, url("risks", dpia) if needed else "", status))

    if dpia.status == Dpia.SIGNED_OFF:
        hint = f"{dpia.get_outcome_display()} by {dpia.signed_off_by} on {long_date(dpia.signed_off_on)}"
        status = DONE
    elif not needed:
        hint, status = "By your DPO or IG lead", (CANNOT_YET if not screened else NOT_NEEDED)
    else:
        hint, status = "By your DPO or IG lead", TO_DO
    items.append(_item("Sign-off", hint, url("sign_off", dpia) if live and needed else "", status))
    return items


def _status(screened: bool, needed: bool, done: bool) -> dict:
    if not needed:
        return NOT_NEEDED if screened else CANNOT_YET
    return DONE if done else TO_DO


def _item(title: str, hint: str, href: str, status: dict) -> dict:
    item = {"title": {"text": title}, "hint": {"text": hint}, "status": status}
    if href:
        item["href"] = href
    return item


def entry_section(spec, dpia: Dpia, can_change: bool) -> dict:
    """What the DPIA's page in the register shows below its fields (dpias/_entry_section.jinja): its steps, its PDF
    and its history."""
    return {
        "dpia": dpia,
        "tasks": tasks(dpia, can_change),
        "pdf_href": url("pdf", dpia),
        "history_href": DPIAS.url("history", dpia.organisation, dpia),
    }


def panel(request, dpia: Dpia) -> Markup:
    """The task list with the PDF and history links, as HTML for the steps page and the register's entry page."""
    return Markup(  # noqa: S704 (a template of ours, autoescaped)
        render_to_string(
            "dpias/_progress.jinja",
            {
                "dpia": dpia,
                "tasks": tasks(dpia, request.membership.can(Membership.MEMBER)),
                "pdf_href": url("pdf", dpia),
                "history_href": DPIAS.url("history", dpia.organisation, dpia),
            },
            request,
        )
    )
