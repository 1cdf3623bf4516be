"""Opening an emailed link, whatever it is for.

GET /link/<token>/ only shows a Continue button (mail scanners that follow links use nothing up). Its POST
moves the link into the session and redirects to /link/continue/, so the token never appears in a Referer.
That page belongs to the link's purpose (see link_tokens.Purpose): its form uses the link up, atomically, when
it succeeds.
"""

from django.conf import settings
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from dspt.accounts import link_tokens, request_limits
from dspt.accounts.models import EmailLink

SESSION_KEY = "email_link_id"
BACKEND = "dspt.accounts.backends.EmailBackend"


def link_gone(request):
    """The answer when the link in the session was used or ran out meanwhile (e.g. in another tab)."""
    return render(request, "accounts/link_gone.jinja", {"title": "This link cannot be used"}, status=410)


def forget_link(request) -> None:
    """Call when the link in the session has been used."""
    request.session.pop(SESSION_KEY, None)


def too_many_links(request, error: link_tokens.TooManyLinks | None = None):
    """Too many emails to one address (or, with request_limits.TooManyRequests, asked for by one client)."""
    return render(
        request,
        "accounts/too_many_links.jinja",
        {
            "title": "Please wait before trying again",
            "from_this_client": isinstance(error, request_limits.TooManyRequests),
        },
        status=429,
    )


def open_link(request, token: str):
    link = link_tokens.find(token)
    purpose = link_tokens.purpose_of(link) if link else None
    if purpose is None:
        return render(request, "accounts/link_unknown.jinja", {"title": "This link is not recognised"}, status=404)
    state = link_tokens.state(link)
    if state != link_tokens.VALID:
        renewable = purpose.renewable(link)
        explanation, extra = purpose.not_renewable(link) if purpose.not_renewable and not renewable else ("", {})
        return render(
            request,
            "accounts/link_invalid.jinja",
            {
                "title": "This link has expired" if state == link_tokens.EXPIRED else "This link has already been used",
                "state": state,
                "renewable": renewable,
                "explanation": explanation,
                "link": link,
                "token": token,
                "valid_hours": settings.EMAIL_LINK_VALID_HOURS,
            }
            | extra,
            status=410,
        )
    if request.method == "POST":
        request.session[SESSION_KEY] = link.pk
        return redirect("accounts:link_continue")
    heading = purpose.describe(link)
    return render(
        request,
        "accounts/link_open.jinja",
        {"title": heading[:1].upper() + heading[1:], "link": link, "expires_at": link_tokens.expires_at(link)},
    )


@require_POST
def renew_link(request, token: str):
    link = link_tokens.find(token)
    purpose = link_tokens.purpose_of(link) if link else None
    if purpose is None:
        return redirect("ui:home")
    if not purpose.renewable(link):
        return redirect("accounts:sign_in")
    try:
        request_limits.count_request("fresh link", request_limits.client_address(request))
        purpose.resend(link)
    except link_tokens.TooManyLinks as error:
        return too_many_links(request, error)
    return render(
        request,
        "accounts/link_sent.jinja",
        {"title": "Check your email", "email": link.email, "valid_hours": settings.EMAIL_LINK_VALID_HOURS},
    )


def _pending_link(request) -> EmailLink | None:
    link = link_tokens.get(request.session.get(SESSION_KEY))
    if link is None or link_tokens.state(link) != link_tokens.VALID:
        return None
    return link


def continue_link(request):
    link = _pending_link(request)
    purpose = link_tokens.purpose_of(link) if link else None
    if purpose is None:
        return link_gone(request)
    return purpose.finish(request, link)
