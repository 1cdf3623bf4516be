"""Who runs this installation and where providers can get help: read from settings, checked when the service starts.

Each installation is run by someone (a care association, a council, a support programme): OPERATOR_NAME,
OPERATOR_EMAIL, OPERATOR_PHONE and OPERATOR_URL say who and how to reach them, FEEDBACK_EMAIL where feedback goes
(their email unless set), and SUPPORT_PROGRAMMES lists the local support programmes they want providers to know of,
as "name|address|area" entries separated by ";" (address and area may be left empty: "Name||Area"). All are
optional; a value that would make a broken link stops the service starting with a message saying which setting.
"""

import re
from dataclasses import dataclass

from django.core.exceptions import ImproperlyConfigured

_EMAIL = re.compile(r"[^@\s<>\"]+@[^@\s<>\"]+\.[^@\s<>\"]+")
_WEB_ADDRESS = re.compile(r"https?://[^\s<>\"]+", re.IGNORECASE)
_PHONE = re.compile(r"[0-9+() -]{6,30}")
MAX_LENGTH = 200


@dataclass(frozen=True)
class SupportProgramme:
    name: str
    url: str = ""
    area: str = ""


@dataclass(frozen=True)
class Contact:
    """How to reach whoever runs this installation; every part may be empty."""

    name: str = ""
    email: str = ""
    phone: str = ""
    url: str = ""

    @property
    def given(self) -> bool:
        """True when there is at least one way to reach them (a name alone is not one)."""
        return bool(self.email or self.phone or self.url)

    @property
    def phone_href(self) -> str:
        return "tel:" + re.sub(r"[^0-9+]", "", self.phone) if self.phone else ""


def _text(setting: str, value: str) -> str:
    value = " ".join((value or "").split())
    if len(value) > MAX_LENGTH:
        raise ImproperlyConfigured(f"{setting} must be at most {MAX_LENGTH} characters (got {len(value)})")
    return value


def email(setting: str, value: str) -> str:
    """An email address, or "" when not set."""
    value = _text(setting, value)
    if value and not _EMAIL.fullmatch(value):
        raise ImproperlyConfigured(f"{setting} must be an email address like help@example.org (got {value!r})")
    return value


def web_address(setting: str, value: str) -> str:
    """A web address starting https:// (or http://), or "" when not set."""
    value = _text(setting, value)
    if value and not _WEB_ADDRESS.fullmatch(value):
        raise ImproperlyConfigured(f"{setting} must be a web address starting https:// (got {value!r})")
    return value


def phone(setting: str, value: str) -> str:
    """A telephone number (digits, spaces, +, brackets and dashes), or "" when not set."""
    value = _text(setting, value)
    if value and not (_PHONE.fullmatch(value) and re.search(r"[0-9]{3}", value.replace(" ", ""))):
        raise ImproperlyConfigured(f"{setting} must be a telephone number like 0300 123 4567 (got {value!r})")
    return value


def contact(name: str = "", email_address: str = "", phone_number: str = "", url: str = "") -> Contact:
    """The operator's contact details from the OPERATOR_* settings, checked."""
    return Contact(
        name=_text("OPERATOR_NAME", name),
        email=email("OPERATOR_EMAIL", email_address),
        phone=phone("OPERATOR_PHONE", phone_number),
        url=web_address("OPERATOR_URL", url),
    )


def support_programmes(raw: str, setting: str = "SUPPORT_PROGRAMMES") -> list[SupportProgramme]:
    """The local support programmes: "name|address|area;name|address|area" (empty entries are skipped)."""
    programmes = []
    for number, entry in enumerate((raw or "").split(";"), start=1):
        if not entry.strip():
            continue
        parts = entry.split("|")
        if len(parts) > 3:
            raise ImproperlyConfigured(
                f"{setting}: entry {number} has {len(parts)} parts; give name|address|area, separated by ;"
            )
        name, url, area = [*parts, "", ""][:3]
        name = _text(setting, name)
        if not name:
            raise ImproperlyConfigured(f"{setting}: entry {number} has no name; give name|address|area")
        programmes.append(SupportProgramme(name, web_address(f"{setting} ({name})", url), _text(setting, area)))
    return programmes


def feedback_address(feedback_email: str, operator: Contact) -> str:
    """Where feedback is emailed: FEEDBACK_EMAIL, else the operator's email, else nowhere ("")."""
    return feedback_email or operator.email


def feedback_href(feedback_email: str, operator: Contact, help_url: str) -> str:
    """Where the "give feedback" link goes: an email to the feedback address, else the help page (which says none
    was given)."""
    address = feedback_address(feedback_email, operator)
    return f"mailto:{address}" if address else help_url
