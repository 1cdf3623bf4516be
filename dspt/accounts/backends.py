from django.contrib.auth.backends import ModelBackend


class EmailBackend(ModelBackend):
    """Sign in with an email address, whatever its capitals."""

    def authenticate(self, request, username=None, password=None, **kwargs):
        if username:
            username = username.strip().lower()
        return super().authenticate(request, username=username, password=password, **kwargs)
