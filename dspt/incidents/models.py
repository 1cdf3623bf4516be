"""Incidents and breaches: what happened, when it was found (the ICO's 72-hour clock runs from then), who and what it
touched, the risk to people, whether and when it was reported to the ICO and in the national toolkit's incident
tool, and what was done and learned (DSPT 6.1.1 to 6.1.3 and 6.3.5; the usual incident log, shared/domain section 7).

Times are kept as typed text beside their dates (14:30, in UK time) so that the register's generic form asks them as
a date input and a time box, which works without JavaScript; clock.moment() puts the two together.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone

from dspt.incidents import clock, risk
from dspt.registers.models.base import Entry, not_in_future

TIME_HINT = "Use the 24-hour clock, for example 14:30, or write 2:30pm"
TIME_MAX_LENGTH = 10


class Incident(Entry):
    LOST_OR_STOLEN, WRONG_PERSON, UNAUTHORISED = "lost_or_stolen", "wrong_person", "unauthorised_access"
    SCAM_EMAIL, CYBER_ATTACK, OUTAGE, OTHER = "scam_email", "cyber_attack", "outage", "other"
    KINDS = [
        (LOST_OR_STOLEN, "Paper records or a device lost or stolen"),
        (WRONG_PERSON, "Sent or given to the wrong person"),
        (UNAUTHORISED, "Seen or used by someone who should not have"),
        (SCAM_EMAIL, "Scam email or phone call"),
        (CYBER_ATTACK, "Hacking, a virus or another cyber attack"),
        (OUTAGE, "A system or service stopped working"),
        (OTHER, "Something else"),
    ]
    YES, NO, UNDECIDED = "yes", "no", "undecided"
    ICO_DECISIONS = [(YES, "Yes"), (NO, "No"), (UNDECIDED, "Not decided yet")]
    OPEN, CLOSED = "open", "closed"
    STATUSES = [(OPEN, "Open"), (CLOSED, "Closed")]

    TITLE_FIELD = "name"

    name = models.CharField(
        "incident title",
        max_length=200,
        help_text="A few words to tell it apart, for example 'Care plan left on the bus'",
        error_messages={"blank": "Enter a title for the incident"},
    )
    what_happened = models.TextField(
        "what happened",
        help_text="Say what happened, how it was found out and what information was involved, as far as you know now",
        error_messages={"blank": "Enter what happened"},
    )
    kind = models.CharField(
        "kind of incident", max_length=20, choices=KINDS, error_messages={"blank": "Select the kind of incident"}
    )
    happened_on = models.DateField(
        "date it happened",
        null=True,
        blank=True,
        validators=[not_in_future],
        help_text="Leave it blank if you do not know. It can be before the date it was found",
    )
    found_on = models.DateField(
        "date it was found",
        null=True,
        validators=[not_in_future],
        help_text="The date your organisation first knew about it: the ICO's 72 hours start then",
        error_messages={"null": "Enter the date it was found"},
    )
    found_time = models.CharField(
        "time it was found",
        max_length=TIME_MAX_LENGTH,
        help_text=TIME_HINT,
        error_messages={"blank": "Enter the time it was found, for example 14:30"},
    )
    found_by = models.CharField(
        "who found it", max_length=200, blank=True, help_text="A name or a role, for example 'Night care worker'"
    )
    people_count = models.CharField(
        "number of people affected",
        max_length=20,
        blank=True,
        help_text="Your best estimate, as a number. Leave it blank if you do not know yet",
    )
    people_whose = models.CharField(
        "whose data", max_length=200, blank=True, help_text="For example, people we support, staff, relatives"
    )
    data_involved = models.TextField(
        "what data was involved",
        blank=True,
        help_text="For example, names and addresses, care plans, medication records, bank details",
    )
    likelihood = models.CharField("likelihood of harm to people", max_length=20, choices=risk.LIKELIHOODS, blank=True)
    severity = models.CharField("severity of harm to people", max_length=20, choices=risk.SEVERITIES, blank=True)
    ico_decision = models.CharField(
        "must it be reported to the ICO",
        max_length=20,
        choices=ICO_DECISIONS,
        default=UNDECIDED,
        error_messages={"blank": "Select whether it must be reported to the ICO"},
    )
    ico_reason = models.TextField(
        "why", blank=True, help_text="Why it must or need not be reported, for example 'Lost paper file found unread'"
    )
    ico_reported_on = models.DateField(
        "date reported to the ICO",
        null=True,
        blank=True,
        validators=[not_in_future],
        help_text="When you reported it, through the national toolkit's incident tool (which passes it to the ICO) "
        "or to the ICO directly: the 72 hours stop then",
    )
    ico_reported_time = models.CharField(
        "time reported to the ICO", max_length=TIME_MAX_LENGTH, blank=True, help_text=TIME_HINT
    )
    ico_reference = models.CharField(
        "ICO reference", max_length=100, blank=True, help_text="The reference the ICO or the national toolkit gave you"
    )
    toolkit_reported = models.BooleanField(
        "reported in the national toolkit's incident tool",
        null=True,
        blank=True,
        help_text="The Data Security and Protection Toolkit has its own incident reporting tool, which passes "
        "reports on to the ICO",
    )
    toolkit_reported_on = models.DateField(
        "date reported in the national toolkit", null=True, blank=True, validators=[not_in_future]
    )
    people_told = models.BooleanField("people affected told", null=True, blank=True)
    people_not_told_reason = models.TextField(
        "why people were not told",
        blank=True,
        help_text="For example, 'Low risk: the letter was returned unopened'",
    )
    actions = models.TextField(
        "actions taken", blank=True, help_text="What you did to stop it, put it right and stop it happening again"
    )
    lessons = models.TextField("lessons learned", blank=True)
    status = models.CharField(
        "status", max_length=10, choices=STATUSES, default=OPEN, error_messages={"blank": "Select the status"}
    )

    class Meta:
        verbose_name = "incident"
        ordering = ["-found_on", "-pk"]

    # ---- the clock --------------------------------------------------------------------------------------------

    @property
    def found_at(self):
        return clock.moment(self.found_on, self.found_time)

    @property
    def ico_reported_at(self):
        return clock.moment(self.ico_reported_on, self.ico_reported_time)

    @property
    def clock_applies(self) -> bool:
        """The 72 hours matter: it must be, or may have to be, reported to the ICO."""
        return self.ico_decision in (self.YES, self.UNDECIDED) and self.found_at is not None

    def ico_clock(self, now=None) -> clock.Clock | None:
        if not self.clock_applies:
            return None
        return clock.ico_clock(self.found_at, now or timezone.now(), self.ico_reported_at)

    @property
    def risk_conclusion(self) -> str:
        return risk.conclusion_text(self.likelihood, self.severity)

    # ---- its rules --------------------------------------------------------------------------------------------

    def clean(self):
        super().clean()
        errors = {}
        for name in ("found_time", "ico_reported_time"):
            errors.update(self._clean_time(name))
        count = self.people_count.replace(",", "").replace(" ", "")
        if count and not (count.isascii() and count.isdigit()):
            errors["people_count"] = "Enter the number of people affected as a number, like 12, or leave it blank"
        elif count:
            self.people_count = str(int(count))
        found_at, reported_at = self.found_at, self.ico_reported_at
        if found_at is not None and found_at > timezone.now() and self.found_on <= timezone.localdate():
            errors["found_time"] = "The time it was found must not be in the future"
        if self.ico_reported_on and not self.ico_reported_time and "ico_reported_time" not in errors:
            errors["ico_reported_time"] = "Enter the time you reported it to the ICO, for example 14:30"
        if self.ico_reported_time and not self.ico_reported_on and "ico_reported_time" not in errors:
            errors["ico_reported_on"] = "Enter the date you reported it to the ICO"
        if reported_at and reported_at > timezone.now() and self.ico_reported_on <= timezone.localdate():
            errors["ico_reported_time"] = "The time it was reported to the ICO must not be in the future"
        elif found_at and reported_at and reported_at < found_at:
            errors["ico_reported_on"] = "The date and time it was reported to the ICO must be after it was found"
        if self.ico_reported_on and self.ico_decision != self.YES:
            errors["ico_decision"] = "Select yes: you have given the date it was reported to the ICO"
        if self.toolkit_reported_on and self.toolkit_reported is not True:
            errors["toolkit_reported"] = "Select yes: you have given the date it was reported in the national toolkit"
        if self.status == self.CLOSED and self.ico_decision == self.UNDECIDED:
            errors["status"] = "Decide whether it must be reported to the ICO before closing the incident"
        elif self.status == self.CLOSED and self.ico_decision == self.YES and not self.ico_reported_on:
            errors["status"] = (
                "Report it to the ICO and give the date you did before closing the incident: it must be reported"
            )
        if errors:
            raise ValidationError(errors)

    def _clean_time(self, name: str) -> dict:
        typed = getattr(self, name)
        if not typed:
            return {}
        try:
            setattr(self, name, clock.time_text(clock.parse_time(typed)))
        except ValueError:
            label = str(self._meta.get_field(name).verbose_name)
            return {name: f"Enter the {label} as hours and minutes, like 14:30 or 2:30pm"}
        return {}
