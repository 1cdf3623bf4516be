#!/usr/bin/env python
"""Fail when a view reaches an organisation's data without going through the organisation door.

Views must fetch tenant data through `request.organisation` (set by organisations.access.organisation_view)
or a helper that scopes by it, never with `Model.objects` for a model that belongs to an organisation.
A line may opt out with a comment `# scoped-ok: <reason>` (e.g. a public registration check).
"""

import os
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "dspt.settings")
os.environ.setdefault("DEBUG", "1")
os.environ.setdefault("SECRET_KEY", "lint-only")


def tenant_models() -> set[str]:
    import django
    from django.apps import apps

    django.setup()
    organisation = apps.get_model("organisations", "Organisation")
    names = {organisation.__name__}
    for model in apps.get_models():
        for field in model._meta.get_fields():
            if getattr(field, "related_model", None) is organisation and field.concrete:
                names.add(model.__name__)
    return names


def view_files():
    for path in sorted((ROOT / "dspt").rglob("*.py")):
        parts = path.relative_to(ROOT).parts
        if "views" in parts or path.name == "views.py":
            yield path


def main() -> int:
    models = tenant_models()
    pattern = re.compile(r"\b(" + "|".join(sorted(models)) + r")\.objects\b")
    problems = []
    for path in view_files():
        for number, line in enumerate(path.read_text().splitlines(), start=1):
            if pattern.search(line) and "# scoped-ok:" not in line:
                problems.append(f"{path.relative_to(ROOT)}:{number}: {line.strip()}")
    if problems:
        print("Views must reach organisation data through request.organisation (see organisations/access.py):")
        print("\n".join(problems))
        return 1
    print(f"scoped queries: ok ({len(models)} organisation models checked)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
