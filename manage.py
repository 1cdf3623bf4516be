#!/usr/bin/env python
import os
import sys
from pathlib import Path

if __name__ == "__main__":
    from dspt.lib import dotenv

    dotenv.load(Path(__file__).resolve().parent / ".env")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "dspt.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)
