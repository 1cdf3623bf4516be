"""Forms for signing in and looking after an account."""

from django import forms
from django.contrib.auth import password_validation

from dspt.accounts import password_checks
from dspt.accounts.models import User


class SignInForm(forms.Form):
    email = forms.EmailField(
        label="Email address",
        error_messages={
            "required": "Enter your email address",
            "invalid": "Enter an email address in the correct format, like name@example.com",
        },
        widget=forms.EmailInput(attrs={"autocomplete": "username"}),
    )
    password = forms.CharField(
        label="Password",
        strip=False,
        error_messages={"required": "Enter your password"},
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )


class EmailOnlyForm(forms.Form):
    email = SignInForm.base_fields["email"]


class NewPasswordForm(forms.Form):
    """Choose a password (new accounts and resets)."""

    full_name = forms.CharField(
        label="Your full name",
        max_length=150,
        error_messages={"required": "Enter your full name"},
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    password1 = forms.CharField(
        label="Create a password",
        strip=False,
        help_text="Use at least 12 characters. A few unrelated words together are easy to remember and hard to guess",
        error_messages={"required": "Enter a password"},
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )
    password2 = forms.CharField(
        label="Type the password again",
        strip=False,
        error_messages={"required": "Type the password again"},
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    def __init__(self, *args, user=None, email="", ask_name=True, **kwargs):
        """`user` whose password it is; for a new account, `email` is theirs (a password must not be like it)."""
        super().__init__(*args, **kwargs)
        self.user = user
        self.email = email
        if not ask_name:
            del self.fields["full_name"]

    def clean_password2(self):
        first, second = self.cleaned_data.get("password1"), self.cleaned_data.get("password2")
        if first and second and first != second:
            raise forms.ValidationError("The two passwords are different. Type the same password twice")
        return second

    def clean(self):
        """Every rule the password breaks is shown at once, as well as the two copies being different."""
        cleaned = super().clean()
        password = cleaned.get("password1")
        if password:
            user = self.user or User(email=self.email, full_name=cleaned.get("full_name", ""))
            try:
                password_validation.validate_password(password, user)
            except forms.ValidationError as error:
                self.add_error("password1", error)
        return cleaned


class ExistingPasswordForm(forms.Form):
    password = forms.CharField(
        label="Your password",
        strip=False,
        error_messages={"required": "Enter your password"},
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )

    def __init__(self, *args, user, request, **kwargs):
        """Checks `user`'s password; wrong ones count with sign-in failures from `request`'s client."""
        super().__init__(*args, **kwargs)
        self.user = user
        self.request = request

    def clean_password(self):
        password = self.cleaned_data["password"]
        if not password_checks.is_theirs(self.request, self.user, password):
            raise forms.ValidationError("The password is not right. Try again, or reset your password")
        return password


class TokenForm(forms.Form):
    code = forms.CharField(
        label="Code",
        max_length=20,
        help_text="The 6-digit code from your authenticator app, or one of your backup codes",
        error_messages={"required": "Enter the code from your authenticator app"},
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
    )

    def clean_code(self):
        return "".join(self.cleaned_data["code"].split())


class NameForm(forms.Form):
    full_name = NewPasswordForm.base_fields["full_name"]
