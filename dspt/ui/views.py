"""Public pages: the start page, footer pages and error pages."""

import datetime

from django.conf import settings
from django.db import connection
from django.http import JsonResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_safe


def home(request):
    if request.user.is_authenticated:
        return redirect("organisations:choose")
    return render(request, "pages/home.jinja", {"title": "Complete your Data Security and Protection Toolkit"})


# The day the accessibility statement was last reviewed against the service (shown on the statement).
ACCESSIBILITY_REVIEWED = datetime.date(2026, 12, 1)


def help_page(request):
    return render(
        request,
        "pages/help.jinja",
        {"title": "Get help", "support_programmes": settings.SUPPORT_PROGRAMMES},
    )


def accessibility(request):
    return render(
        request,
        "pages/accessibility.jinja",
        {"title": "Accessibility statement", "reviewed_on": ACCESSIBILITY_REVIEWED},
    )


def privacy(request):
    return render(request, "pages/privacy.jinja", {"title": "Privacy notice"})


def cookies(request):
    return render(request, "pages/cookies.jinja", {"title": "Cookies"})


@require_safe
def health(request):
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return JsonResponse({"status": "ok"})


def bad_request(request, exception=None):
    return render(request, "errors/400.jinja", {"title": "Sorry, there is a problem with the request"}, status=400)


def permission_denied(request, exception=None):
    return render(request, "errors/403.jinja", {"title": "You cannot do this"}, status=403)


def not_found(request, exception=None):
    return render(request, "errors/404.jinja", {"title": "Page not found"}, status=404)


def server_error(request):
    return render(request, "errors/500.jinja", {"title": "Sorry, there is a problem with the service"}, status=500)


def csrf_failure(request, reason=""):
    return render(request, "errors/csrf.jinja", {"title": "Sorry, that form had expired"}, status=403)
