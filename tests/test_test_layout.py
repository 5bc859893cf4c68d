# SPDX-License-Identifier: Apache-2.0
"""The test tree's own layout: no test module imports another test module or a conftest.

A helper defined in a test module and imported by others ties the tests together: moving
or renaming one test file breaks unrelated ones, and pytest then collects (and runs the
module fixtures of) the imported module twice under two names. Shared helpers live in
``tests/support/`` and fixtures in ``conftest.py`` files, which pytest finds by itself.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _module_of(path: Path, root: Path) -> str:
    return ".".join(path.relative_to(root).with_suffix("").parts)


def _imported(path: Path, root: Path) -> Iterator[tuple[int, str]]:
    """Every module ``path`` imports (absolute dotted names, relative ones resolved);
    for ``from X import a`` both ``X`` and ``X.a`` (``a`` may be a module)."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    package = _module_of(path, root).split(".")[:-1]
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, alias.name
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[: len(package) - node.level + 1]
                module = ".".join([*base, *([node.module] if node.module else [])])
            else:
                module = node.module or ""
            yield node.lineno, module
            for alias in node.names:
                yield node.lineno, f"{module}.{alias.name}"


def _is_test_module(module: str) -> bool:
    last = module.rsplit(".", 1)[-1]
    return module.startswith("tests.") and (last.startswith("test_") or last == "conftest")


def layout_violations(root: Path) -> list[str]:
    """``file:line imports module`` for each import of a test module or conftest by any
    file under ``root/tests``, and of anything outside ``tests.support`` by a support
    module (support must not lean on one directory's helpers)."""
    out = []
    for path in sorted((root / "tests").rglob("*.py")):
        in_support = path.relative_to(root).parts[:2] == ("tests", "support")
        for line, module in _imported(path, root):
            bad = _is_test_module(module) or (
                in_support and module.startswith("tests.")
                and not module.startswith("tests.support"))
            if bad:
                out.append(f"{path.relative_to(root)}:{line} imports {module}")
    return sorted(set(out))


def test_no_test_module_imports_another() -> None:
    scanned = list((ROOT / "tests").rglob("test_*.py"))
    assert len(scanned) > 100  # the walk really saw the suite
    assert layout_violations(ROOT) == []


def test_layout_check_catches_planted_imports(tmp_path: Path) -> None:
    """Each way of importing a test module is caught: absolute, relative, a conftest,
    inside a function, and a support module reaching into a test directory."""
    files = {
        "tests/__init__.py": "",
        "tests/a/__init__.py": "",
        "tests/a/conftest.py": "X = 1\n",
        "tests/a/helper.py": "Y = 1\n",
        "tests/a/test_one.py": "def helper() -> int:\n    return 1\n",
        "tests/a/test_abs.py": "from tests.a.test_one import helper\n",
        "tests/a/test_rel.py": "from .test_one import helper\n",
        "tests/a/test_pkg.py": "from tests.a import test_one\n",
        "tests/a/test_conf.py": "from .conftest import X\n",
        "tests/a/test_late.py": "def f() -> None:\n    import tests.a.test_one\n",
        "tests/a/test_fine.py": "from .helper import Y\nfrom tests.support.s import Z\n",
        "tests/support/__init__.py": "",
        "tests/support/s.py": "from tests.a.helper import Y\nZ = Y\n",
    }
    for name, text in files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text)
    found = layout_violations(tmp_path)
    assert found == [
        "tests/a/test_abs.py:1 imports tests.a.test_one",
        "tests/a/test_conf.py:1 imports tests.a.conftest",
        "tests/a/test_late.py:2 imports tests.a.test_one",
        "tests/a/test_pkg.py:1 imports tests.a.test_one",
        "tests/a/test_rel.py:1 imports tests.a.test_one",
        "tests/support/s.py:1 imports tests.a.helper",
        "tests/support/s.py:1 imports tests.a.helper.Y",
    ]
