"""Apps depend downwards: no app imports one that imports it back, and no module imports one that imports it back.

Imports are read from the source (every import, including those inside functions), leaving out tests and
migrations. Django's own hooks that must import late (AppConfig.ready) count too: they may only reach downwards.
"""

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "dspt"


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _imports(path: Path) -> set[str]:
    """The dspt modules a file imports (`from dspt.x import y` counts as dspt.x.y when that is a module)."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names if alias.name.startswith("dspt."))
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0 and node.module.startswith("dspt"):
            found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
    return found


def module_graph() -> dict[str, set[str]]:
    files = [
        path for path in PACKAGE.rglob("*.py") if not {"tests", "migrations"} & set(path.relative_to(PACKAGE).parts)
    ]
    modules = {_module_name(path): path for path in files}
    return {name: {m for m in _imports(path) if m in modules and m != name} for name, path in modules.items()}


APPS = {path.name for path in PACKAGE.iterdir() if (path / "__init__.py").exists()}


def app_of(module: str) -> str:
    """The app a module belongs to; settings, urls, wsgi and the package itself are the project, above every app."""
    parts = module.split(".")
    return parts[1] if len(parts) > 2 or (len(parts) == 2 and parts[1] in APPS) else "project"


def app_graph(modules: dict[str, set[str]]) -> dict[str, set[str]]:
    apps: dict[str, set[str]] = {}
    for module, targets in modules.items():
        source = app_of(module)
        apps.setdefault(source, set()).update(app_of(t) for t in targets if app_of(t) != source)
    return apps


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected groups of more than one node (Tarjan), each sorted."""
    index, low, stack, on_stack, groups = {}, {}, [], set(), []

    def visit(node):
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in graph.get(node, ()):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                groups.append(sorted(group))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return sorted(groups)


def test_the_cycle_finder_finds_a_cycle():
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    assert cycles({"a": {"b"}, "b": set()}) == []


def test_the_graph_sees_imports_inside_functions():
    graph = module_graph()
    assert "dspt.organisations.models" in graph["dspt.organisations.people"]
    assert {app_of(m) for m in graph} == APPS | {"project"}
    assert app_of("dspt.settings") == app_of("dspt") == "project"


def test_no_two_apps_import_each_other():
    assert cycles(app_graph(module_graph())) == []


def test_no_module_imports_one_that_imports_it_back():
    assert cycles(module_graph()) == []


def test_the_lowest_layers_import_no_app_and_no_app_imports_the_project():
    """dspt/lib (helpers) and dspt/ui (the look) sit under every app; settings and urls sit above them all."""
    apps = app_graph(module_graph())
    assert apps["lib"] == set()
    assert apps["ui"] <= {"lib"}
    assert {app for app, targets in apps.items() if "project" in targets} <= {"project"}
