#!/usr/bin/env python
import os
import sys
from pathlib import Path

if __name__ == "__main__":
    from dspt.lib import dotenv

    # ENV_FILE names another file of settings; ENV_FILE="" reads none.
    env_file = os.environ.get("ENV_FILE", str(Path(__file__).resolve().parent / ".env"))
    if env_file:
        dotenv.load(Path(env_file))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "dspt.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)
