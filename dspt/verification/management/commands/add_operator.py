from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from dspt.verification import operators


class Command(BaseCommand):
    help = (
        "Make someone an operator of this service: they check new registrations at /operator/. Creates their account "
        "(with no password: they choose one with 'Forgotten your password?') when there is none."
    )

    def add_arguments(self, parser):
        parser.add_argument("email", help="The operator's email address")
        parser.add_argument("--name", default="", help="Their full name, for a new account")

    def handle(self, *args, email, name, **options):
        try:
            user, created_account, newly = operators.add_operator(email, name)
        except ValidationError as error:
            raise CommandError(f"{email!r} is not an email address") from error
        if not newly:
            self.stdout.write(f"{user.email} is already an operator.")
            return
        self.stdout.write(f"{user.email} is now an operator: they check registrations at /operator/.")
        if created_account:
            self.stdout.write(
                "Their account is new and has no password: they choose one with 'Forgotten your password?' on the "
                "sign-in page."
            )
