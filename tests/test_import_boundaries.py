# SPDX-License-Identifier: Apache-2.0
"""The layering of DESIGN.md, checked on the source: crypto is pure, client has no Qt."""

from __future__ import annotations

import ast
import importlib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("crypto", "client", "ui", "server_stub", "demo")

# Modules that perform I/O or reach the outside world; crypto/ must not import them.
IO_MODULES = {
    "os", "io", "socket", "ssl", "subprocess", "pathlib", "shutil", "tempfile", "glob",
    "sqlite3", "asyncio", "threading", "multiprocessing", "http", "urllib", "logging",
    "time", "random", "select", "selectors", "signal", "httpx", "keyring",
    "platformdirs", "PySide6", "uvicorn", "starlette", "psycopg", "builtins",
}
# Tool entry points inside crypto/ that read vector files on the command line.
CRYPTO_TOOL_MODULES = {"conformance"}


def imported_roots(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    roots: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            roots.update(a.name.split(".")[0] for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            roots.add(node.module.split(".")[0])
        elif (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id in {"open", "__import__"}
        ):
            roots.add("builtins" if node.func.id == "open" else "__import__")
    return roots


CLOCK_CALLS = {"now", "utcnow", "today", "time", "monotonic", "perf_counter"}


def clock_calls(path: Path) -> set[str]:
    """Calls that read the clock (``datetime.now()`` and friends): crypto takes time as input."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    return {
        node.func.attr
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr in CLOCK_CALLS
    }


def sources(package: str) -> list[Path]:
    return sorted((ROOT / package).rglob("*.py"))


@pytest.mark.parametrize("package", PACKAGES)
def test_package_imports(package: str) -> None:
    mod = importlib.import_module(package)
    assert isinstance(mod.__version__, str)


def test_crypto_is_pure() -> None:
    offenders = []
    for path in sources("crypto"):
        rel = path.relative_to(ROOT / "crypto").parts
        if rel[0].removesuffix(".py") in CRYPTO_TOOL_MODULES:
            continue
        bad = imported_roots(path) & (IO_MODULES | {"client", "ui", "server_stub", "__import__"})
        bad |= clock_calls(path)
        if bad:
            offenders.append(f"{path.relative_to(ROOT)}: {sorted(bad)}")
    assert not offenders, offenders


def test_client_has_no_qt() -> None:
    offenders = [
        str(p.relative_to(ROOT)) for p in sources("client")
        if imported_roots(p) & {"PySide6", "PyQt6", "PyQt5", "qasync", "ui"}
    ]
    assert not offenders, offenders


def test_server_imports_no_client_or_ui() -> None:
    offenders = [
        str(p.relative_to(ROOT)) for p in sources("server_stub")
        if imported_roots(p) & {"client", "ui", "PySide6"}
    ]
    assert not offenders, offenders


def test_checker_sees_forbidden_imports(tmp_path: Path) -> None:
    bad = tmp_path / "bad.py"
    bad.write_text("import os\nfrom PySide6 import QtCore\nopen('x')\ndatetime.now()\n")
    assert {"os", "PySide6", "builtins"} <= imported_roots(bad)
    assert clock_calls(bad) == {"now"}
