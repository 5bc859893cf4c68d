# SPDX-License-Identifier: Apache-2.0
"""Code-health limits on the product code, checked on the source.

``typing.Any`` switches the type checker off for whatever it touches, so it is kept for
values that are truly untyped; JSON shapes get TypedDicts, collaborators Protocols and
unknown values ``object``. Modules stay small enough to read in one sitting. Both
limits are counted here on the AST (not by grepping, which would count the word in
docstrings and miss ``typing.Any``), and each counter is checked on a planted violation.
"""

from __future__ import annotations

import ast
from collections.abc import Iterable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PRODUCT_PACKAGES = ("crypto", "client", "server_stub", "ui", "demo")
MAX_ANY = 30
MAX_MODULE_LINES = 800


def product_modules(root: Path = ROOT) -> list[Path]:
    return sorted(
        path
        for package in PRODUCT_PACKAGES
        if (root / package).is_dir()
        for path in (root / package).rglob("*.py")
    )


def any_uses(source: str) -> int:
    """Uses of ``typing.Any`` in one module, the import itself not counted.

    Counts the bare name when it was imported from ``typing`` (or
    ``typing_extensions``), under any alias, and ``typing.Any`` / ``t.Any`` attribute
    access when ``typing`` itself was imported.
    """
    tree = ast.parse(source)
    any_names: set[str] = set()
    typing_names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module in {"typing", "typing_extensions"}:
            any_names.update(a.asname or a.name for a in node.names if a.name == "Any")
        elif isinstance(node, ast.Import):
            typing_names.update(
                a.asname or a.name for a in node.names
                if a.name in {"typing", "typing_extensions"}
            )
    count = 0
    for node in ast.walk(tree):
        if (isinstance(node, ast.Name) and node.id in any_names) or (
            isinstance(node, ast.Attribute)
            and node.attr == "Any"
            and isinstance(node.value, ast.Name)
            and node.value.id in typing_names
        ):
            count += 1
        elif isinstance(node, ast.Constant) and isinstance(node.value, str):
            # String annotations ("dict[str, Any]") under ``from __future__`` or quotes.
            count += _any_in_string_annotation(node.value, any_names)
    return count


def _any_in_string_annotation(text: str, any_names: set[str]) -> int:
    if not any_names or not any(name in text for name in any_names):
        return 0
    try:
        expr = ast.parse(text, mode="eval")
    except SyntaxError:
        return 0  # prose, not an annotation
    return sum(
        1 for node in ast.walk(expr) if isinstance(node, ast.Name) and node.id in any_names
    )


def count_any(paths: Iterable[Path]) -> dict[Path, int]:
    counts = {path: any_uses(path.read_text(encoding="utf-8")) for path in paths}
    return {path: n for path, n in counts.items() if n}


def long_modules(paths: Iterable[Path], limit: int = MAX_MODULE_LINES) -> dict[Path, int]:
    lengths = {path: len(path.read_text(encoding="utf-8").splitlines()) for path in paths}
    return {path: n for path, n in lengths.items() if n > limit}


def test_any_is_rare_in_product_code() -> None:
    counts = count_any(product_modules())
    total = sum(counts.values())
    worst = sorted(counts.items(), key=lambda item: -item[1])[:10]
    listing = ", ".join(f"{p.relative_to(ROOT)}: {n}" for p, n in worst)
    assert total <= MAX_ANY, f"{total} uses of typing.Any (limit {MAX_ANY}); {listing}"


def test_no_product_module_is_too_long() -> None:
    too_long = long_modules(product_modules())
    assert not too_long, {str(p.relative_to(ROOT)): n for p, n in too_long.items()}


def test_any_counter_sees_a_planted_violation(tmp_path: Path) -> None:
    package = tmp_path / "client"
    package.mkdir()
    (package / "planted.py").write_text(
        "from __future__ import annotations\n"
        "import typing as t\n"
        "from typing import Any, Any as Whatever\n"
        "def f(x: Any) -> dict[str, Whatever]:\n"
        "    '''Mentions Any in prose, which is not a use.'''\n"
        "    y: t.Any = x\n"
        "    return {'k': y}\n"
        "def g(x: 'list[Any]') -> None: ...\n",
        encoding="utf-8",
    )
    (package / "clean.py").write_text(
        "from typing import Protocol\nclass Any2(Protocol): ...\nAny = 3\n", encoding="utf-8"
    )
    counts = count_any(product_modules(tmp_path))
    assert counts == {package / "planted.py": 4}


def test_length_check_sees_a_planted_violation(tmp_path: Path) -> None:
    package = tmp_path / "server_stub"
    package.mkdir()
    (package / "long.py").write_text("x = 1\n" * (MAX_MODULE_LINES + 1), encoding="utf-8")
    (package / "short.py").write_text("x = 1\n" * MAX_MODULE_LINES, encoding="utf-8")
    assert long_modules(product_modules(tmp_path)) == {package / "long.py": MAX_MODULE_LINES + 1}
