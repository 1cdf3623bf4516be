from django.contrib.auth.backends import ModelBackend


class EmailBackend(ModelBackend):
    """Sign in with an email address, whatever its capitals."""

    def authenticate(self, request, username=None, password=None, **kwargs):
        if username:
            username = username.strip().lower()
        return super().authenticate(request, username=username, password=password, **kwargs)


def lockout_username(request, credentials) -> str | None:
    """The email address django-axes counts failures against, whatever its capitals.

    Credentials come as authenticate() was called ("username") when failures are recorded, and under the user
    model's USERNAME_FIELD ("email") when axes checks for a lockout; pages that check a signed-in person's password
    again have no email in the form, so both must be read.
    """
    credentials = credentials or {}
    value = credentials.get("username") or credentials.get("email") or request.POST.get("email")
    return value.strip().lower() if value else None
