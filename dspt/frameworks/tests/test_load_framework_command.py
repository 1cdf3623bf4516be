"""`manage.py load_framework`: prints a line per file, is idempotent, loads everything with --all, fails loudly."""

import os
import subprocess
import sys
from io import StringIO

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command

from dspt.frameworks.models import FrameworkVersion, Question


def _run(*args):
    out = StringIO()
    call_command("load_framework", *args, stdout=out)
    return out.getvalue().splitlines()


def test_it_loads_files_in_the_order_given_and_then_does_nothing(db, sample, sample_next, write):
    files = [str(write(sample)), str(write(sample_next))]
    assert _run(*files) == ["2024-25: loaded 9 questions", "2025-26: loaded 9 questions"]
    ids = list(Question.objects.order_by("id").values_list("id", flat=True))
    assert _run(*files) == ["2024-25: unchanged", "2025-26: unchanged"]
    assert list(Question.objects.order_by("id").values_list("id", flat=True)) == ids


def test_it_says_when_a_year_was_updated_in_place(db, sample, write):
    _run(str(write(sample)))
    sample["title"] = "Renamed"
    assert _run(str(write(sample))) == ["2024-25: revised, 9 questions"]
    assert FrameworkVersion.objects.get().title == "Renamed"


def test_all_loads_the_shipped_files(db):
    assert _run("--all") == [
        "2024-25: loaded 51 questions",
        "2025-26: loaded 54 questions",
        "2026-27: loaded 54 questions",
    ]
    assert _run("--all") == ["2024-25: unchanged", "2025-26: unchanged", "2026-27: unchanged"]


def test_a_bad_file_stops_with_every_problem_and_loads_nothing(db, sample, write):
    sample["questions"][0]["level"] = "mandatory"
    sample["deadline"] = "June"
    path = write(sample)
    with pytest.raises(CommandError) as error:
        _run(str(path))
    assert str(error.value).splitlines() == [
        f"{path}: not loaded:",
        "2024-25.yaml: deadline: must be a date written YYYY-MM-DD, got 'June'",
        "2024-25.yaml: question 1.1.1: level: must be one of approaching, met, optional, got 'mandatory'",
    ]
    assert not FrameworkVersion.objects.exists()


def test_a_later_year_given_first_is_refused(db, sample, sample_next, write):
    with pytest.raises(CommandError, match="load 2024-25 first"):
        _run(str(write(sample_next)), str(write(sample)))
    assert not FrameworkVersion.objects.exists()


@pytest.mark.parametrize("args", [(), ("--all", "2024-25.yaml")])
def test_it_needs_files_or_all(db, args):
    with pytest.raises(CommandError, match="Give one or more files, or --all"):
        _run(*args)


def test_a_bad_file_exits_non_zero(sample, write):
    sample.pop("title")
    path = write(sample)
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "dspt.settings_test"}
    done = subprocess.run(
        [sys.executable, "manage.py", "load_framework", str(path)],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 1
    assert "2024-25.yaml: title: is missing" in done.stderr
