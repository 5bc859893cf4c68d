# SPDX-License-Identifier: Apache-2.0
"""The client core stays readable in parts: no class in client/ over 400 lines, no module
of the core (the facade and its drivers, the engine, the store, the message model) over
800. A class that outgrows this should be split by concern, as the facade and the store
were."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
MAX_CLASS = 400
MAX_MODULE = 800
CORE = ("client/core", "client/engine", "client/store", "client/model.py",
        "client/features.py")


def oversized_classes(source: str, limit: int = MAX_CLASS) -> list[tuple[str, int]]:
    """(name, lines) of every class in ``source`` longer than ``limit`` lines."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.ClassDef):
            assert node.end_lineno is not None
            lines = node.end_lineno - node.lineno + 1
            if lines > limit:
                found.append((node.name, lines))
    return found


def _core_modules() -> list[Path]:
    out: list[Path] = []
    for part in CORE:
        p = ROOT / part
        out += sorted(p.rglob("*.py")) if p.is_dir() else [p]
    return out


def test_no_client_class_over_400_lines() -> None:
    big = {str(p.relative_to(ROOT)): oversized_classes(p.read_text())
           for p in sorted((ROOT / "client").rglob("*.py"))}
    assert {k: v for k, v in big.items() if v} == {}


def test_no_core_module_over_800_lines() -> None:
    modules = _core_modules()
    assert len(modules) > 20  # the facade's drivers, the engine's parts, the store's
    long = {str(p.relative_to(ROOT)): n for p in modules
            if (n := len(p.read_text().splitlines())) > MAX_MODULE}
    assert long == {}


def test_the_size_check_catches_a_planted_class() -> None:
    planted = "class Big:\n" + "    x = 1\n" * MAX_CLASS + "\n\nclass Small:\n    y = 2\n"
    assert oversized_classes(planted) == [("Big", MAX_CLASS + 1)]
