"""The package layout shows the pipeline: no import cycles, and each stage imports only what it may.

Every import counts, also those under ``if TYPE_CHECKING:`` and inside functions: a cycle hidden in a
function still ties two modules together. Known exceptions are listed with their reason; one that is
no longer true fails too, so the lists only shrink.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from tests.conftest import ROOT

PACKAGE = ROOT / "builder"
STAGES = ("model", "load", "resolve", "render", "runtime", "plugin", "cli", "authoring")
PIPELINE = ("model", "load", "resolve", "render")  # a stage may import the ones before it, not after
SHARED = {"builder.diagnostics"}  # every stage reports problems the same way

# What the adapters still reach past the pipeline for; each is a step of issue 13 still to take.
ADAPTER_EXCEPTIONS = {
    ("builder.cli.bundle", "builder.plugin.bundle"): "bundle builds with MkDocs, as the plugin does",
    ("builder.cli.check", "builder.plugin.page_check"):
        "check converts hand-written pages with MkDocs' own Markdown settings, as the build does",
    ("builder.cli.main", "builder.authoring.scaffold"): "the `new` command",
    ("builder.cli.schemas", "builder.authoring.schema"): "the `schemas` command",
    ("builder.cli.main", "builder.authoring.importing.options"): "the `import` command's options",
    ("builder.cli.main", "builder.authoring.importing.command"): "the `import` command",
    ("builder.cli.main", "builder.authoring.suggesting.command"): "the `suggest` command",
}
ADAPTER_MAY_IMPORT = {"builder.pipeline", "builder.settings", "builder.diagnostics"}


def module_name(path: Path, root: Path) -> str:
    parts = path.relative_to(root.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def modules(root: Path) -> dict[str, Path]:
    return {module_name(path, root): path for path in sorted(root.rglob("*.py"))}


def imports(path: Path, name: str, known: set[str]) -> set[str]:
    """The modules of the package that one module imports, anywhere in its code."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:  # relative: up from the module's package
                parents = package.split(".")[:len(package.split(".")) - node.level + 1]
                base = ".".join([*parents, base] if base else parents)
            for alias in node.names:  # `from builder.render import urls` imports the module builder.render.urls
                found.add(f"{base}.{alias.name}" if f"{base}.{alias.name}" in known else base)
    return {module for module in found if module in known and module != name}


def import_graph(root: Path) -> dict[str, set[str]]:
    found = modules(root)
    return {name: imports(path, name, set(found)) for name, path in found.items()}


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Each strongly connected group of more than one module (Tarjan's algorithm, without recursion)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups: list[list[str]] = []
    for start in sorted(graph):
        if start in index:
            continue
        work = [(start, iter(sorted(graph[start])))]
        index[start] = low[start] = len(index)
        stack.append(start)
        on_stack.add(start)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = len(index)
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph[child]))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
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
    return groups


def stage(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 and parts[1] in STAGES else module


def violations(graph: dict[str, set[str]]) -> dict[tuple[str, str], str]:
    """Each import that breaks a stage rule, with the rule."""
    found: dict[tuple[str, str], str] = {}
    for module, imported in graph.items():
        for target in imported:
            own = stage(module) == stage(target)
            if stage(module) in PIPELINE and stage(target) in PIPELINE \
                    and PIPELINE.index(stage(target)) > PIPELINE.index(stage(module)):
                found[module, target] = "a stage imports no later stage"
            if stage(module) == "model" and not own and target not in SHARED:
                found[module, target] = "model imports no other stage"
            if stage(module) == "runtime" and not own:
                found[module, target] = "runtime imports nothing of the domain"
            if stage(module) in ("plugin", "cli") and not own and target not in ADAPTER_MAY_IMPORT \
                    and stage(target) != "runtime":
                found[module, target] = "adapters import only pipeline, runtime, settings and their own package"
    return found


@pytest.fixture(scope="module")
def graph() -> dict[str, set[str]]:
    return import_graph(PACKAGE)


def test_no_import_cycles(graph: dict[str, set[str]]) -> None:
    assert cycles(graph) == []


def test_each_stage_imports_only_what_it_may(graph: dict[str, set[str]]) -> None:
    found = violations(graph)
    allowed = ADAPTER_EXCEPTIONS
    assert {pair: rule for pair, rule in found.items() if pair not in allowed} == {}
    assert sorted(pair for pair in allowed if pair not in found) == [], "an exception no longer needed"


def test_the_checks_see_what_they_should(tmp_path: Path) -> None:
    """A cycle through a TYPE_CHECKING import and a function-level import, and imports across stages."""
    root = tmp_path / "builder"
    files = {
        "__init__.py": "",
        "pipeline.py": "",
        "model/__init__.py": "",
        "model/site.py": "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from builder.render import pages\n",
        "load/__init__.py": "",
        "load/fields.py": "from builder.render.pages import f\n",
        "render/__init__.py": "",
        "render/pages.py": "def f():\n    from builder.model.site import Site\n",
        "runtime/__init__.py": "",
        "runtime/fork.py": "from ..render.pages import f\n",
        "cli/__init__.py": "",
        "cli/main.py": "import builder.pipeline\nfrom builder.runtime import fork\nfrom builder.model import site\n",
    }
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")
    toy = import_graph(root)
    assert cycles(toy) == [["builder.model.site", "builder.render.pages"]]
    assert violations(toy) == {
        ("builder.load.fields", "builder.render.pages"): "a stage imports no later stage",
        ("builder.model.site", "builder.render.pages"): "model imports no other stage",
        ("builder.runtime.fork", "builder.render.pages"): "runtime imports nothing of the domain",
        ("builder.cli.main", "builder.model.site"):
            "adapters import only pipeline, runtime, settings and their own package",
    }
