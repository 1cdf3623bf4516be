#!/usr/bin/env python
"""Fail when a view reaches an organisation's data without going through the organisation door.

Views must fetch tenant data through `request.organisation` (set by organisations.access.organisation_view)
or a helper that scopes by it, never with `Model.objects` for a model that belongs to an organisation, directly
(a foreign key to Organisation) or through another such model (Answer -> Assessment -> Organisation).
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
    """Organisation, and every model that points at it, directly or through other such models."""
    import django
    from django.apps import apps

    django.setup()
    tenants = {apps.get_model("organisations", "Organisation")}
    grew = True
    while grew:
        grew = False
        for model in apps.get_models():
            if model in tenants:
                continue
            if any(
                field.concrete and field.is_relation and field.related_model in tenants
                for field in model._meta.get_fields()
            ):
                tenants.add(model)
                grew = True
    return {model.__name__ for model in tenants}


def view_files():
    for path in sorted((ROOT / "dspt").rglob("*.py")):
        parts = path.relative_to(ROOT).parts
        if "views" in parts or path.name == "views.py":
            yield path


def problems(models: set[str], paths) -> list[str]:
    pattern = re.compile(r"\b(" + "|".join(sorted(models)) + r")\.objects\b")
    found = []
    for path in paths:
        for number, line in enumerate(path.read_text().splitlines(), start=1):
            if pattern.search(line) and "# scoped-ok:" not in line:
                found.append(
                    f"{path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}:{number}: {line.strip()}"
                )
    return found


def main() -> int:
    models = tenant_models()
    found = problems(models, view_files())
    if found:
        print("Views must reach organisation data through request.organisation (see organisations/access.py):")
        print("\n".join(found))
        return 1
    print(f"scoped queries: ok ({len(models)} organisation models checked)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
