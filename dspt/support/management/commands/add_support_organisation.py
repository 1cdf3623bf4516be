from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.utils.text import slugify

from dspt.support import staff


class Command(BaseCommand):
    help = (
        "Set up a support organisation (such as a county care association) with a programme lead. Creates the lead's "
        "account (with no password: they choose one with 'Forgotten your password?') when there is none."
    )

    def add_arguments(self, parser):
        parser.add_argument("name", help='Its name, e.g. "Fictional County Care Association"')
        parser.add_argument("--slug", default="", help="The short name in its addresses, /s/SLUG/")
        parser.add_argument("--lead", required=True, help="The programme lead's email address")
        parser.add_argument("--phone", default="", help="Its phone line")
        parser.add_argument("--email", default="", help="Its contact email address")
        parser.add_argument("--hours", default="", help="When the phone line is open")

    def handle(self, *args, name, slug, lead, phone, email, hours, **options):
        slug = slugify(slug or name)[:60]
        if not slug:
            raise CommandError("Give a --slug of letters, numbers and hyphens")
        try:
            support_organisation, created = staff.add_support_organisation(
                name, slug, lead, phone=phone, email=email, hours=hours
            )
        except ValidationError as error:
            raise CommandError(f"{lead!r} is not an email address") from error
        self.stdout.write(f"{support_organisation.name}: its pages are at /s/{support_organisation.slug}/.")
        self.stdout.write(f"{lead.strip().lower()} is a programme lead.")
        if created:
            self.stdout.write(
                "Their account is new and has no password: they choose one with 'Forgotten your password?' on the "
                "sign-in page."
            )
