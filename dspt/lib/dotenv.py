"""Read KEY=value lines from a .env file into the environment (never overriding what is already set).

`make run` writes a .env for development; in production, set real environment variables instead.
"""

import os
from pathlib import Path


def load(path: Path) -> None:
    if not path.is_file():
        return
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith("#") or "=" not in line:
            continue
        key, value = line.split("=", 1)
        os.environ.setdefault(key.strip(), value.strip().strip("'\""))
