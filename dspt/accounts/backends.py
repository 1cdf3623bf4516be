from django.contrib.auth.backends import ModelBackend


class EmailBackend(ModelBackend):
    """Sign in with an email address, whatever its capitals."""

    def authenticate(self, request, username=None, password=None, **kwargs):
        if username:
            username = username.strip().lower()
        return super().authenticate(request, username=username, password=password, **kwargs)


def lockout_username(request, credentials) -> str | None:
    """The email address django-axes counts failures against, whatever its capitals."""
    value = (credentials or {}).get("username") or request.POST.get("email")
    return value.strip().lower() if value else None
