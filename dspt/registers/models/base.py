"""What every register entry has: its organisation, who added and last changed it, when, and whether it is archived.

A register's model subclasses Entry and names its title field (TITLE_FIELD, what the entry is called in lists,
links and history). Rules every entry follows live in clean(), which forms and imports both reach through
full_clean(): text is tidied (no surrounding spaces, one kind of line break, no characters a spreadsheet cannot
hold, so an export imports back unchanged), and, where TITLE_UNIQUE is set, no two current entries of an
organisation share a title.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone

from dspt.lib import office
from dspt.organisations.models import Organisation
from dspt.registers.messages import TEXT_MAX_LENGTH


def tidy_text(value) -> str:
    """Text as a register keeps it: no surrounding spaces, line breaks as \\n, nothing Excel or XML cannot hold."""
    if value is None:
        return ""
    return office.text(str(value).replace("\r\n", "\n").replace("\r", "\n")).strip()


def not_in_future(value) -> None:
    """A date that cannot be in the future (a date something was done). Forms show it as a past date."""
    if value is not None and value > timezone.localdate():
        raise ValidationError("must be today or in the past", code="future")


class Entry(models.Model):
    TITLE_FIELD = "name"
    TITLE_UNIQUE = False  # True: no two current entries of an organisation may share a title

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    updated_at = models.DateTimeField(default=timezone.now)
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    archived_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        abstract = True

    def __str__(self):
        return self.title

    @property
    def title(self) -> str:
        return str(getattr(self, self.TITLE_FIELD) or "")

    @property
    def is_archived(self) -> bool:
        return self.archived_at is not None

    def text_fields(self):
        return [
            field
            for field in self._meta.concrete_fields
            if isinstance(field, models.CharField | models.TextField) and not field.choices
        ]

    def clean_fields(self, exclude=None):
        errors = {}
        for field in self.text_fields():
            value = tidy_text(getattr(self, field.attname))
            setattr(self, field.attname, value)
            if isinstance(field, models.TextField) and len(value) > TEXT_MAX_LENGTH:
                limit = {"limit_value": TEXT_MAX_LENGTH}
                errors[field.name] = [ValidationError("too long", code="max_length", params=limit)]
        try:
            super().clean_fields(exclude)
        except ValidationError as invalid:
            errors = invalid.update_error_dict(errors)
        if errors:
            raise ValidationError(errors)

    def clean(self):
        super().clean()
        if self.TITLE_UNIQUE and not self.is_archived and self.title:
            same = (
                type(self)
                .objects.filter(
                    organisation_id=self.organisation_id,
                    archived_at=None,
                    **{f"{self.TITLE_FIELD}__iexact": self.title},
                )
                .exclude(pk=self.pk)
            )
            if same.exists():
                field = self._meta.get_field(self.TITLE_FIELD)
                message = f"'{self.title}' is already in this register: give this one a different {field.verbose_name}"
                raise ValidationError({self.TITLE_FIELD: ValidationError(message, code="duplicate")})
