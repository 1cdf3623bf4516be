"""Shared start of every benchmark: a throwaway data folder (SQLite unless DATABASE_URL is set) and Django."""

import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def setup_django() -> Path:
    """Point Django at a new scratch folder, set it up, migrate, and return the folder."""
    sys.path.insert(0, str(ROOT))
    scratch = Path(tempfile.mkdtemp(prefix="open-dspt-bench-"))
    os.environ.setdefault("DATA_DIR", str(scratch))
    os.environ.setdefault("DEBUG", "1")
    os.environ.setdefault("SECRET_KEY", "bench-only")
    os.environ.setdefault("ALLOWED_HOSTS", "testserver,127.0.0.1,localhost")
    os.environ.setdefault("ENV_FILE", "")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "dspt.settings")
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0)
    return scratch
