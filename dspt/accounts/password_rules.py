"""The rules a new password must meet: Django's validators, each saying what to do rather than what is wrong.

settings.AUTH_PASSWORD_VALIDATORS lists these. NewPasswordForm shows every rule a password breaks at once.
"""

from django.contrib.auth import password_validation


class MinimumLength(password_validation.MinimumLengthValidator):
    def get_error_message(self):
        return f"Use at least {self.min_length} characters. A few unrelated words together are easy to remember"

    def get_help_text(self):
        return f"Use at least {self.min_length} characters"


class NotLikePersonalDetails(password_validation.UserAttributeSimilarityValidator):
    def __init__(self, user_attributes=("email", "full_name"), max_similarity=0.7):
        super().__init__(user_attributes, max_similarity)

    def get_error_message(self):
        return "Choose a password that is not like your %(verbose_name)s"

    def get_help_text(self):
        return "Choose a password that is not like your name or email address"


class NotCommon(password_validation.CommonPasswordValidator):
    def get_error_message(self):
        return "This password is one of the most common. Choose one that is harder to guess, like a few unrelated words"

    def get_help_text(self):
        return "Choose a password that is not a common one"


class NotOnlyNumbers(password_validation.NumericPasswordValidator):
    def get_error_message(self):
        return "Use letters as well as numbers"

    def get_help_text(self):
        return "Use letters as well as numbers"
