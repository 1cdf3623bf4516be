"""ICO registration numbers (the data protection fee certificate), e.g. ZA123456."""

import re

_ICO = re.compile(r"^Z[A-Z0-9]\d{6}$")

ICO_FORMAT_MESSAGE = (
    "An ICO registration number is 8 characters: Z, then a letter or number, then 6 numbers, like ZA123456. "
    "It is on your data protection fee certificate from the ICO"
)


def normalise(raw: str) -> str:
    return re.sub(r"\s+", "", raw or "").upper()


def is_valid(raw: str) -> bool:
    return bool(_ICO.match(normalise(raw)))
