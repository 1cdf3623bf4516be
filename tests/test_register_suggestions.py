"""Every suggestion a shipped question set names (rule from_register) is offered by a register."""

from pathlib import Path

import yaml

from dspt.registers import hooks

FILES = sorted(Path("content/frameworks").glob("*.yaml"))


def named_suggestions() -> set[tuple[str, str, str]]:
    found = set()
    for path in FILES:
        for question in yaml.safe_load(path.read_text())["questions"]:
            if "from_register" in question:
                found.add((path.name, str(question["ref"]), question["from_register"]))
    return found


def test_the_shipped_files_use_suggestions():
    assert any(name == "training_share" for _file, _ref, name in named_suggestions())


def test_every_named_suggestion_is_offered():
    offered = hooks.suggestion_keys()
    missing = sorted(found for found in named_suggestions() if found[2] not in offered)
    assert not missing, f"no register offers: {missing}"
