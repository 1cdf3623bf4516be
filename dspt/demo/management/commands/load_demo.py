"""Fill an empty database with fictional demo data (used by `make run`). Does nothing if people exist.

Development machines only: the demo people have a password committed to the repository, so the command refuses
unless settings.DEMO_DATA_ALLOWED is on (it follows DEBUG; dspt/settings_test.py turns it on for the tests, and
with DEBUG off the demo app is not even installed).
"""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from dspt.accounts.models import User
from dspt.assessments import carry_over
from dspt.demo import advice, documents, dpias, events, incidents, registers, resources, support, training
from dspt.demo.answers import answer_all
from dspt.demo.people import DEMO_PASSWORD
from dspt.frameworks.models import FrameworkVersion, Question
from dspt.organisations import joining, profile_rules
from dspt.organisations.models import Membership
from dspt.organisations.ods_import import import_csv
from dspt.outbox.models import Email
from dspt.support.models import SupportMembership

SAMPLE = Path(settings.BASE_DIR) / "demo" / "ods-sample.csv"
DEMO_PEOPLE = [
    ("manager@meadowbrook.example", "Sam Patel", "VX101", Membership.ADMIN),
    ("office@meadowbrook.example", "Alex Morgan", "VX101", Membership.MEMBER),
    ("director@meadowbrook.example", "Jo Williams", "AX1Y", Membership.ADMIN),
]


class Command(BaseCommand):
    help = "Load fictional demo data into an empty database and print the demo sign-in details."

    def handle(self, *args, **options):
        if not getattr(settings, "DEMO_DATA_ALLOWED", False):
            raise CommandError(
                "Demo data is only for a development machine (DEBUG=1): its people have a password anyone can read "
                "in the source code. Nothing was loaded."
            )
        if User.objects.exists():
            if User.objects.filter(email=DEMO_PEOPLE[0][0]).exists():
                self._print_details()
            else:
                self.stdout.write("The database already has people in it, so no demo data was loaded.")
            return
        with open(SAMPLE, encoding="utf-8", newline="") as handle:
            import_csv(handle)
        with transaction.atomic():
            organisations = {}
            for email, name, code, role in DEMO_PEOPLE:
                user = User.objects.create_user(email, DEMO_PASSWORD, full_name=name)
                if code not in organisations:
                    organisations[code] = joining.register_organisation(user, code)
                else:
                    joining.join(organisations[code], user, role)
            profile = organisations["VX101"].profile
            profile.size, profile.nhsmail_only, profile.cyber_essentials_plus = "10-49", "no", "no"
            profile.caldicott_name, profile.caldicott_title = "Sam Patel", "Registered manager"
            profile.save()
            profile_rules.confirm(organisations["VX101"], User.objects.get(email=DEMO_PEOPLE[0][0]))
            answered = self._demo_assessment(organisations["VX101"], User.objects.get(email=DEMO_PEOPLE[0][0]))
            keeper = User.objects.get(email=DEMO_PEOPLE[0][0])
            for area in (registers, dpias, training, incidents, documents):  # documents last: drafted from the rest
                area.fill(organisations["VX101"], keeper)
            association, lead = support.fill(organisations["VX101"], keeper)
            for area in (events, advice, resources):
                area.fill(association, lead, organisations["VX101"], keeper)
            # The demo's bookings and requests queued emails to fictional people: none need sending, and printed by
            # the development email backend they would bury the sign-in details below.
            Email.objects.all().delete()
        self.stdout.write(f"Demo data loaded ({answered} assessment answers for VX101).")
        self._print_details()

    def _demo_assessment(self, organisation, user) -> int:
        """Start the latest year's assessment and answer the Approaching Standards questions, if a set is loaded."""
        framework = FrameworkVersion.objects.current()
        if framework is None:
            return 0
        assessment = carry_over.start(organisation, framework, user)
        return answer_all(assessment, user, levels=[Question.LEVEL_APPROACHING])

    def _print_details(self):
        self.stdout.write(f"Demo sign-in at {settings.SITE_URL}/sign-in/ (password for each: {DEMO_PASSWORD}):")
        for email, _name, code, role in DEMO_PEOPLE:
            self.stdout.write(f"  {email:32} {dict(Membership.ROLES)[role]:14} of {code}")
        for membership in SupportMembership.objects.select_related("user", "support_organisation").order_by("pk"):
            role = membership.get_role_display()
            self.stdout.write(f"  {membership.user.email:32} {role:14} of {membership.support_organisation.name}")
