"""What lets the public trust a status: the people who run the service (operators), their check of each
registration, and a branch's word that a head office does not speak for it."""

from django.conf import settings
from django.db import models
from django.utils import timezone

from dspt.organisations.models import Organisation


class Operator(models.Model):
    """Someone who runs this service (not a role in any organisation): they check registrations.

    Added and removed with `manage.py add_operator` and `manage.py remove_operator` (dspt/verification/operators.py).
    """

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="operator")
    added_at = models.DateTimeField(default=timezone.now)

    def __str__(self):
        return f"Operator {self.user.email}"


class RegistrationReview(models.Model):
    """An operator's check of one registered organisation (dspt/verification/review.py).

    Until it is approved, and whenever it is refused, nothing the organisation publishes is shown in public.
    """

    WAITING, APPROVED, REFUSED = "waiting", "approved", "refused"
    STATES = [(WAITING, "Waiting for a check"), (APPROVED, "Approved"), (REFUSED, "Refused")]

    organisation = models.OneToOneField(Organisation, on_delete=models.CASCADE, related_name="registration_review")
    state = models.CharField(max_length=10, choices=STATES, default=WAITING)
    registered_email = models.EmailField(blank=True, help_text="The email address the organisation registered with")
    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    decided_at = models.DateTimeField(null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    decided_by_label = models.CharField(
        max_length=254, blank=True, help_text="The operator's email, or why no operator was needed"
    )
    reason = models.TextField(blank=True, help_text="Why the registration was refused (emailed to its administrators)")

    class Meta:
        ordering = ["created_at", "id"]

    def __str__(self):
        return f"{self.organisation}: {self.get_state_display()}"


class EndedCover(models.Model):
    """A branch registered here on its own has ended a head office's cover: none of that head office's publications
    speaks for the branch in public any more (dspt/publication/cover.py)."""

    branch = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="ended_covers")
    head_office = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    ended_at = models.DateTimeField(default=timezone.now)
    ended_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["branch", "head_office"], name="one_ended_cover_each")]

    def __str__(self):
        return f"{self.branch} ended the cover of {self.head_office}"
