from django.core.management.base import BaseCommand, CommandError

from dspt.verification import operators


class Command(BaseCommand):
    help = "Stop someone being an operator of this service (their account and organisations stay)."

    def add_arguments(self, parser):
        parser.add_argument("email", help="The operator's email address")

    def handle(self, *args, email, **options):
        try:
            user = operators.remove_operator(email)
        except operators.NotAnOperator as error:
            raise CommandError(f"{error}. Operators: {', '.join(operators.operator_emails()) or 'none'}") from error
        self.stdout.write(f"{user.email} is no longer an operator.")
