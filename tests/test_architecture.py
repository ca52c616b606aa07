"""Layering and the public surface: imports flow one way (architecture.md), `__init__` stays small."""

from __future__ import annotations

import ast
from pathlib import Path

import crisisledger

PACKAGE = Path(crisisledger.__file__).parent
# Layer of each top-level module or subpackage; a module may import only from layers <= its own.
LAYERS = {
    "model": 0,
    "errors": 0,
    "settings": 0,
    "intake": 1,
    "language": 1,
    "gazetteer": 1,
    "lexicon": 1,
    "extract": 2,
    "ledger": 3,
    "link": 4,
    "export": 5,
    "jobs": 6,
    "evaluate": 7,
    "cli": 9,
}


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text("utf-8"))
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("crisisledger."):
            found.add(node.module.split(".")[1])
        elif isinstance(node, ast.Import):
            found |= {a.name.split(".")[1] for a in node.names if a.name.startswith("crisisledger.")}
    return found


def test_imports_flow_one_way() -> None:
    wrong = []
    for path in PACKAGE.rglob("*.py"):
        rel = path.relative_to(PACKAGE)
        layer_name = rel.parts[0].removesuffix(".py")
        if layer_name not in LAYERS:
            continue
        for imported in _imports(path):
            if imported in LAYERS and LAYERS[imported] > LAYERS[layer_name]:
                wrong.append(f"{rel} imports crisisledger.{imported}")
    assert not wrong, wrong


def test_model_imports_nothing_of_ours() -> None:
    assert _imports(PACKAGE / "model.py") == set()


def test_public_surface_is_pinned() -> None:
    assert crisisledger.__all__ == ["__version__"]
