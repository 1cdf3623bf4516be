"""The confirmation pages: a manager makes a one-time link for one member of staff; the member of staff, with no
account, opens it and confirms. Views only translate HTTP: the rules are in confirmations.py."""

from io import BytesIO

import qrcode
import qrcode.image.svg
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import render
from django.utils import timezone
from django.utils.cache import add_never_cache_headers

from dspt.organisations.access import organisation_view
from dspt.organisations.models import Membership
from dspt.organisations.presenters import navigation
from dspt.training import confirmations, forms, presenters
from dspt.training.models import StaffMember
from dspt.training.spec import STAFF_TRAINING
from dspt.ui.forms import posted


def qr_svg(url: str) -> str:
    image = qrcode.make(url, image_factory=qrcode.image.svg.SvgPathImage, box_size=10)
    buffer = BytesIO()
    image.save(buffer)
    svg = buffer.getvalue().decode()
    return svg[svg.index("<svg") :]


def _staff_or_404(request, staff_id: int) -> StaffMember:
    staff = STAFF_TRAINING.entries(request.organisation).filter(pk=staff_id).first()
    if staff is None:
        raise Http404("No such member of staff")
    return staff


@organisation_view(Membership.MEMBER)
def confirmation_link(request, staff_id: int):
    """GET asks how to give the link; POST makes it and shows it (the only time its secret exists in clear)."""
    staff = _staff_or_404(request, staff_id)
    form = forms.LinkForm(posted(request), initial={"email": staff.email})
    context = {
        "staff": staff,
        "navigation_items": navigation(request.organisation, request.membership, "registers"),
        "back_href": presenters.staff_url(request.organisation, staff),
        "back_text": f"Back to {staff.name}",
        "lifetime": confirmations.LIFETIME_TEXT,
    }
    if request.method == "POST" and form.is_valid():
        emailing = form.cleaned_data["how"] == confirmations.EMAILED
        try:
            link, token = confirmations.create_link(staff, request.user, form.cleaned_data["email"] if emailing else "")
        except confirmations.RuleBroken as problem:
            form.add_error(None, str(problem))
        else:
            url = confirmations.url_for(token)
            return render(
                request,
                "training/link_made.jinja",
                context
                | {
                    "title": f"Link for {staff.name}" if not emailing else f"We have emailed a link to {staff.name}",
                    "link": link,
                    "link_url": url,
                    "qr_svg": "" if emailing else qr_svg(url),
                    "emailed": emailing,
                },
            )
    context |= {"title": f"Get a link for {staff.name}", "form": form}
    return render(request, "training/link_form.jinja", context)


def _public(response):
    """A confirmation page: never stored by a browser or proxy, never indexed, its address never sent on."""
    add_never_cache_headers(response)
    response["X-Robots-Tag"] = "noindex, nofollow"
    response["Referrer-Policy"] = "same-origin"
    return response


def _gone(request, title: str, state: str, link=None, status: int = 410):
    context = {"title": title, "state": state, "link": link, "lifetime": confirmations.LIFETIME_TEXT}
    return _public(render(request, "training/link_gone.jinja", context, status=status))


def confirm(request, token: str):
    """The page a member of staff opens from the link: no account, just their organisation and first name."""
    from dspt.training import public_limits

    if not public_limits.allowed(request):
        context = {"title": "Please wait before trying again"}
        return _public(render(request, "training/too_many.jinja", context, status=429))
    link = confirmations.find(token)
    if link is None:
        return _gone(request, "This link is not recognised", "unknown", status=404)
    state = confirmations.state(link)
    if state == confirmations.USED:
        return _gone(request, "This link has already been used", state, link)
    if state == confirmations.EXPIRED:
        return _gone(request, "This link has expired", state, link)
    form = forms.ConfirmForm(posted(request))
    if request.method == "POST" and form.is_valid():
        confirmation = form.confirmation()
        try:
            confirmations.check(confirmation, timezone.localdate())
            confirmations.confirm(link, confirmation)
        except confirmations.LinkGone:
            return _gone(request, "This link has already been used", confirmations.USED, link)
        except (confirmations.RuleBroken, ValidationError) as problem:
            form.add_error(None, problem.messages[0] if isinstance(problem, ValidationError) else str(problem))
        else:
            context = {"title": "Thank you, your confirmation is saved", "link": link, "confirmation": confirmation}
            return _public(render(request, "training/confirmed.jinja", context))
    context = {
        "title": "Confirm your data security training",
        "form": form,
        "link": link,
        "first_name": link.staff.first_name,
        "organisation_name": link.organisation.name,
        "expires_at": link.expires_at,
        "lifetime": confirmations.LIFETIME_TEXT,
    }
    return _public(render(request, "training/confirm.jinja", context))
