"""ODS codes: the NHS Organisation Data Service codes organisations register with.

Site codes start with V and have 5 characters (V + 4 letters or numbers, e.g. VM195). Head office ("HQ" or
group) codes start with A or C and have 4 characters (e.g. AG0Y); 5-character HQ codes are accepted
because some published guidance writes them that way. See docs in ../shared/domain (section 6).

These shapes are a hint, not a wall: when the ODS directory is loaded, a code it lists as open is accepted
whatever its shape (organisations/forms.py RegisterForm), and check_format's messages are only for codes it
does not list (or when no directory is loaded).
"""

import re
from dataclasses import dataclass

SITE = "site"
HEAD_OFFICE = "head_office"

_SITE = re.compile(r"^V[A-Z0-9]{4}$")
_HEAD_OFFICE = re.compile(r"^[AC][A-Z0-9]{3,4}$")
_ANYTHING_LIKE_A_CODE = re.compile(r"^[A-Z0-9]{3,10}$")
_LONGEST_TYPED = 12  # a 10-character code with a space or hyphen or two


@dataclass(frozen=True)
class OdsCheck:
    code: str
    kind: str | None
    error: str | None = None


def normalise(raw: str) -> str:
    return re.sub(r"[\s-]+", "", raw or "").upper()


def looks_like_code(code: str) -> bool:
    """Could the directory hold this (normalised) code? 3 to 10 letters and numbers, whatever its kind."""
    return bool(_ANYTHING_LIKE_A_CODE.match(code))


def code_from_url(raw: str) -> str | None:
    """The normalised code in a web address (e.g. /status/vm-195/), or None when it cannot be one."""
    if len(raw or "") > _LONGEST_TYPED:
        return None
    code = normalise(raw)
    return code if looks_like_code(code) else None


def kind_of(code: str) -> str | None:
    if _SITE.match(code):
        return SITE
    if _HEAD_OFFICE.match(code):
        return HEAD_OFFICE
    return None


def check_format(raw: str) -> OdsCheck:
    """Normalise a typed code and say what kind it is, or why it cannot be a code we register."""
    code = normalise(raw)
    if not code:
        return OdsCheck(code, None, "Enter your organisation's ODS code")
    kind = kind_of(code)
    if kind:
        return OdsCheck(code, kind)
    if not looks_like_code(code):
        return OdsCheck(code, None, "An ODS code has only letters and numbers, like VM195 or AG0Y")
    if code.startswith("8"):
        return OdsCheck(
            code,
            None,
            "Codes starting with 8 cannot be used for the toolkit. Use your site code (starts with V) "
            "or your head office code (starts with A or C)",
        )
    if code.startswith("V"):
        return OdsCheck(code, None, "A site ODS code is V followed by 4 letters or numbers, like VM195")
    if code[0] in "AC":
        return OdsCheck(code, None, "A head office ODS code is A or C followed by 3 letters or numbers, like AG0Y")
    return OdsCheck(
        code,
        None,
        "Enter a site ODS code (starts with V, like VM195) or a head office code (starts with A or C, like AG0Y)",
    )
