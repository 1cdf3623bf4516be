"""`manage.py load_demo` (run by `make run`): fictional data in an empty database, and nothing in any other."""

import datetime
import io
import os
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from dspt.accounts.models import User
from dspt.assessments import progress, rules
from dspt.organisations.models import OdsEntry, Organisation
from dspt.registers.specs import PROCESSING_ACTIVITIES
from tests.factories import make_user

pytestmark = pytest.mark.django_db


def load_demo() -> str:
    out = io.StringIO()
    call_command("load_demo", stdout=out)
    return out.getvalue()


def test_it_fills_an_empty_database_and_prints_how_to_sign_in(frameworks):
    output = load_demo()
    assert "Demo data loaded (26 assessment answers for VX101)" in output
    assert "manager@meadowbrook.example" in output and "demo-password-2026" in output
    assert set(Organisation.objects.values_list("ods_code", flat=True)) == {"VX101", "AX1Y"}
    assert OdsEntry.objects.filter(code="VX101").exists()
    home = Organisation.objects.get(ods_code="VX101")
    assert home.memberships.count() == 2
    assert home.profile.completed_at is not None
    assert progress.load(home.assessments.current()).status == rules.APPROACHING
    assert User.objects.get(email="manager@meadowbrook.example").check_password("demo-password-2026")
    care = PROCESSING_ACTIVITIES.entries(home).get(purpose="Planning and delivering care")
    assert sorted(asset.name for asset in care.assets.all()) == ["Care planning app", "Care plans"]
    # Every register has something to show, and the documents were drafted from them
    from dspt.documents import drafting
    from dspt.registers import specs
    from dspt.training import share

    empty = [spec.slug for spec in specs.ALL if not spec.entries(home).exists()]
    assert not empty, f"no demo entries in {empty}"
    trained = share.share(home, datetime.date.today())
    assert (trained.trained, trained.total) == (19, 20)
    assert len(drafting.latest_versions(home)) >= 8
    from dspt.outbox.models import Email

    assert not Email.objects.exists()  # nothing to send to the demo's fictional people


def test_running_it_again_changes_nothing_and_prints_the_details_again(frameworks):
    load_demo()
    counts = (User.objects.count(), Organisation.objects.count())
    output = load_demo()
    assert "Demo data loaded" not in output
    assert "manager@meadowbrook.example" in output
    assert (User.objects.count(), Organisation.objects.count()) == counts


def test_it_never_touches_a_database_with_real_people_in_it(frameworks):
    make_user("someone@real.example")
    output = load_demo()
    assert "already has people in it, so no demo data was loaded" in output
    assert not Organisation.objects.exists()


def test_without_question_sets_it_still_loads_people_and_organisations(db):
    assert "Demo data loaded (0 assessment answers for VX101)" in load_demo()
    assert Organisation.objects.count() == 2


# ---- never in production ---------------------------------------------------------------------------------------

ROOT = Path(__file__).resolve().parents[3]


def manage(*args, debug: str):
    """Run manage.py in a fresh process with production-like settings and DEBUG as given (no .env file)."""
    data_dir = tempfile.mkdtemp(prefix="open-dspt-demo-")
    env = {
        "PATH": os.environ["PATH"],
        "HOME": os.environ.get("HOME", data_dir),
        "ENV_FILE": "",
        "DATA_DIR": data_dir,
        "DJANGO_SETTINGS_MODULE": "dspt.settings",
        "SECRET_KEY": "a-long-random-production-secret-key-with-enough-entropy-1234567890",
        "DEBUG": debug,
    }
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def test_with_debug_off_the_demo_app_is_not_installed_and_load_demo_does_not_run():
    installed = "from django.conf import settings; print('dspt.demo' in settings.INSTALLED_APPS)"
    assert manage("shell", "--no-imports", "-c", installed, debug="0").stdout.strip() == "False"
    assert manage("shell", "--no-imports", "-c", installed, debug="1").stdout.strip() == "True"
    result = manage("load_demo", debug="0")
    assert result.returncode != 0
    assert "Unknown command: 'load_demo'" in result.stderr


def test_load_demo_refuses_where_demo_data_is_not_allowed(settings, frameworks):
    """Even if the demo app were installed on a production server, load_demo would create nobody there."""
    settings.DEMO_DATA_ALLOWED = False
    with pytest.raises(CommandError, match="Demo data is only for a development machine") as refused:
        load_demo()
    assert refused.value.returncode == 1  # manage.py prints the message and exits with this code
    assert not User.objects.exists()
    assert not Organisation.objects.exists()
