"""A provisional year: when a new toolkit year has begun but its national question set is not in
content/frameworks/ yet, the operator opens it built from the previous year, every question unchanged.

`build(previous_file, year, opens_on)` returns the new year's file as data; `write()` saves it next to the others,
so the usual loader loads it and, once the national set is out, the same file is revised in place (see loader.py):
answers to unchanged questions keep counting, reworded ones need checking, new ones start empty.
"""

import datetime
from pathlib import Path

import yaml

from dspt.frameworks.calendar import next_year, one_year_later

HEADER = """\
# Open DSPT question bank for {year}: PROVISIONAL.
# Built from {previous} by `manage.py open_provisional_year {year}` on {made}, because the national {year}
# question set was not out yet: every question is {previous}'s, unchanged. When the national set is published,
# edit this file to match it (and set provisional: false); loading it revises the year in place.
"""


def build(previous_file: Path, year: str, opens_on: datetime.date) -> dict:
    previous = yaml.safe_load(Path(previous_file).read_text(encoding="utf-8"))
    if next_year(previous["year"]) != year:
        raise ValueError(f"{year} does not follow {previous['year']}")
    questions = []
    for question in previous["questions"]:
        copied = {key: value for key, value in question.items() if key != "change"}
        copied["change"] = {"status": "unchanged", "previous_ref": question["ref"]}
        questions.append(copied)
    return {
        "year": year,
        "version": "pending",
        "title": f"Data Security and Protection Toolkit {year} (adult social care), provisional",
        "provisional": True,
        "published_on": opens_on,
        "deadline": one_year_later(previous["deadline"]),
        "previous_year": previous["year"],
        "thresholds": previous.get("thresholds", {}),
        "standards": previous["standards"],
        "groups": previous["groups"],
        "questions": questions,
        "removed": [],
    }


def write(data: dict, folder: Path, made: datetime.date) -> Path:
    path = Path(folder) / f"{data['year']}.yaml"
    header = HEADER.format(year=data["year"], previous=data["previous_year"], made=made.isoformat())
    body = yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=115, default_flow_style=False)
    path.write_text(header + body, encoding="utf-8")
    return path
