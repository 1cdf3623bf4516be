"""Accounts sits below organisations: organisations may import accounts, never the other way round.

Organisations plugs into accounts when it starts (dspt/organisations/apps.py): its link purposes, its two-factor
rule, its section of the account page and its share of the hourly email limit.
"""

import ast
import re
from pathlib import Path

import dspt.accounts

ACCOUNTS = Path(dspt.accounts.__file__).parent
FORBIDDEN = "dspt.organisations"
MODEL_NAME = re.compile(r"organisations\.[A-Z]\w*")  # as apps.get_model("organisations.Membership") or a lazy FK


def problems_in(tree: ast.AST) -> list[str]:
    """Every import of organisations (even inside a function) and every lookup of one of its models by name."""
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names = [node.module] + [f"{node.module}.{alias.name}" for alias in node.names]
        else:
            names = []
        found += [f"imports {name}" for name in names if name == FORBIDDEN or name.startswith(FORBIDDEN + ".")]
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and MODEL_NAME.fullmatch(node.value):
            found.append(f"names the model {node.value}")
        is_get_model = isinstance(node, ast.Call) and getattr(node.func, "attr", "") == "get_model"
        if is_get_model and node.args and getattr(node.args[0], "value", None) == "organisations":
            found.append("calls get_model('organisations', …)")
    return found


def accounts_sources() -> list[Path]:
    return [path for path in sorted(ACCOUNTS.rglob("*.py")) if "migrations" not in path.relative_to(ACCOUNTS).parts]


def test_accounts_imports_nothing_from_organisations():
    problems = [
        f"{path.relative_to(ACCOUNTS.parent.parent)}: {problem}"
        for path in accounts_sources()
        for problem in problems_in(ast.parse(path.read_text(), filename=str(path)))
    ]
    assert problems == []


def test_the_scan_would_notice_each_way_in():
    tree = ast.parse(
        "import dspt.organisations.people\n"
        "from dspt import organisations\n"
        "def f():\n"
        "    from dspt.organisations.models import Membership\n"
        "    apps.get_model('organisations', 'Membership')\n"
        "    ForeignKey('organisations.Organisation')\n"
    )
    assert sorted(problems_in(tree)) == [
        "calls get_model('organisations', …)",
        "imports dspt.organisations",
        "imports dspt.organisations.models",
        "imports dspt.organisations.models.Membership",
        "imports dspt.organisations.people",
        "names the model organisations.Organisation",
    ]
    assert ACCOUNTS / "link_tokens.py" in accounts_sources()
    assert not [path for path in accounts_sources() if "migrations" in path.parts]
