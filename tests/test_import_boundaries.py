# SPDX-License-Identifier: Apache-2.0
"""The layering of DESIGN.md and the client architecture's edges, checked on the source.

crypto imports nothing else of ours and does no I/O; client never imports the relay
(server_stub), ui, demo or Qt; the relay never imports client, ui, demo or Qt; ui never
imports the relay (nor demo, which runs it); only demo imports both client and relay.

The file-by-file checks below look at each module's own imports. :func:`check_edges`
follows them transitively: it walks every import in every module (module level,
function level, ``TYPE_CHECKING`` blocks, relative ones, ``importlib.import_module`` of
a constant), follows those into our own modules, and reports each forbidden import a
package can reach with the chain of modules that leads there. The planted tests write a
small package tree that breaks one edge each and check that the same function says so.
"""

from __future__ import annotations

import ast
import importlib
import os
import subprocess
import sys
from collections import deque
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
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



def test_storage_interface_imports_no_backend() -> None:
    """The relay's storage interface is imported by its backends, never the other way
    round (``storage/factory.py`` is the one module that knows them)."""
    mods = _index(ROOT, ["server_stub"])
    for mod in mods.values():
        _scan(mod, mods)
    base = mods["server_stub.storage.base"]
    backends = {m for m in mods if m.startswith("server_stub.storage.") and m != base.name}
    assert not base.deps & backends, base.deps
    assert "server_stub.storage.base" in mods["server_stub.storage.sqlite"].deps | \
        mods["server_stub.storage._sql"].deps


# ---------------------------------------------------------------------- transitive edges

QT = frozenset({"PySide6", "PyQt6", "PyQt5", "shiboken6", "qasync"})
OURS = frozenset(PACKAGES)
#: What each package must never reach, directly or through our other modules.
FORBIDDEN: dict[str, frozenset[str]] = {
    "crypto": (OURS - {"crypto"}) | IO_MODULES | {"__import__"}
    | {f"clock.{c}" for c in CLOCK_CALLS},
    "client": frozenset({"server_stub", "ui", "demo"}) | QT,
    "server_stub": frozenset({"client", "ui", "demo"}) | QT,
    "ui": frozenset({"server_stub", "demo"}),
    "demo": frozenset(),
}
#: The one package allowed to reach both the client and the relay.
BOTH = ("client", "server_stub")
BOTH_ALLOWED = frozenset({"demo"})


@dataclass
class Module:
    name: str
    path: Path
    is_package: bool
    roots: set[str] = field(default_factory=set)  # top-level names it imports (+ pseudo)
    deps: set[str] = field(default_factory=set)  # our modules it imports


@dataclass(frozen=True)
class Violation:
    package: str
    forbidden: str
    chain: tuple[str, ...]  # from a module of ``package`` to the one that imports it

    def __str__(self) -> str:
        return f"{self.package} reaches {self.forbidden}: {' -> '.join(self.chain)}"


def _index(root: Path, packages: Iterable[str]) -> dict[str, Module]:
    mods: dict[str, Module] = {}
    for pkg in packages:
        for path in sorted((root / pkg).rglob("*.py")):
            parts = list(path.relative_to(root).with_suffix("").parts)
            is_package = parts[-1] == "__init__"
            if is_package:
                parts.pop()
            mods[".".join(parts)] = Module(".".join(parts), path, is_package)
    return mods


def _targets(mod: Module, node: ast.AST) -> list[str]:
    """Absolute module names an import node (or import_module call) names."""
    if isinstance(node, ast.Import):
        return [a.name for a in node.names]
    if isinstance(node, ast.ImportFrom):
        if node.level:
            base = mod.name.split(".")
            if not mod.is_package:
                base.pop()
            base = base[: len(base) - (node.level - 1)]
            prefix = ".".join(base + ([node.module] if node.module else []))
        else:
            prefix = node.module or ""
        return [prefix] + [f"{prefix}.{a.name}" for a in node.names if a.name != "*"]
    if (isinstance(node, ast.Call) and node.args and isinstance(node.args[0], ast.Constant)
            and isinstance(node.args[0].value, str)
            and ((isinstance(node.func, ast.Attribute) and node.func.attr == "import_module")
                 or (isinstance(node.func, ast.Name) and node.func.id == "__import__"))):
        return [node.args[0].value]
    return []


def _scan(mod: Module, mods: Mapping[str, Module]) -> None:
    tree = ast.parse(mod.path.read_text(encoding="utf-8"), filename=str(mod.path))
    for node in ast.walk(tree):
        for target in _targets(mod, node):
            if not target:
                continue
            parts = target.split(".")
            if isinstance(node, ast.ImportFrom) and target != (node.module or "") \
                    and target not in mods:
                continue  # ``from m import name``: a name, not a module
            mod.roots.add(parts[0])
            for i in range(1, len(parts) + 1):  # importing a.b.c runs a, a.b, a.b.c
                if ".".join(parts[:i]) in mods:
                    mod.deps.add(".".join(parts[:i]))
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
            if node.func.id == "open":
                mod.roots.add("builtins")
            elif node.func.id == "__import__":
                mod.roots.add("__import__")
        if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                and node.func.attr in CLOCK_CALLS):
            mod.roots.add(f"clock.{node.func.attr}")
    parent = mod.name.rsplit(".", 1)[0] if "." in mod.name else ""
    if parent in mods:  # a module runs its package's __init__ first
        mod.deps.add(parent)
    mod.deps.discard(mod.name)


def check_edges(root: Path, forbidden: Mapping[str, frozenset[str]] = FORBIDDEN, *,
                both: tuple[str, str] = BOTH, both_allowed: frozenset[str] = BOTH_ALLOWED,
                exempt: Iterable[str] = ("crypto.conformance",)) -> list[Violation]:
    """Every forbidden import each package of ``forbidden`` reaches, with its chain.

    Packages are the top-level directories named in ``forbidden``; a package outside
    ``both_allowed`` must not reach both packages of ``both``. Modules under ``exempt``
    (command-line tools inside a package) are not walked from, only when reached.
    """
    mods = _index(root, forbidden)
    for mod in mods.values():
        _scan(mod, mods)
    skip = tuple(exempt)
    out: list[Violation] = []
    for pkg, bad in forbidden.items():
        starts = [m for m in mods if m.split(".")[0] == pkg
                  and not any(m == e or m.startswith(e + ".") for e in skip)]
        came_from: dict[str, str | None] = dict.fromkeys(starts)
        todo = deque(starts)
        while todo:
            cur = todo.popleft()
            for dep in sorted(mods[cur].deps):
                if dep not in came_from:
                    came_from[dep] = cur
                    todo.append(dep)

        def chain(m: str, came_from: dict[str, str | None] = came_from) -> tuple[str, ...]:
            path = [m]
            while (prev := came_from[path[-1]]) is not None:
                path.append(prev)
            return tuple(reversed(path))

        first: dict[str, str] = {}  # root -> first module (BFS order) that imports it
        for m in came_from:
            for r in sorted(mods[m].roots):
                first.setdefault(r, m)
        for r in sorted(set(first) & bad):
            out.append(Violation(pkg, r, chain(first[r])))
        if pkg not in both_allowed and all(b in first for b in both) and pkg not in both:
            out.append(Violation(pkg, "+".join(both), chain(first[both[1]])))
    return out


@pytest.mark.parametrize("package", PACKAGES)
def test_package_edges_hold_transitively(package: str) -> None:
    found = [str(v) for v in check_edges(ROOT) if v.package == package]
    assert not found, found


def test_edge_rules_cover_every_package() -> None:
    assert set(FORBIDDEN) == set(PACKAGES)
    assert all((ROOT / p / "__init__.py").exists() for p in PACKAGES)


def _tree(root: Path, files: Mapping[str, str]) -> Path:
    """A package tree with every package of ours (empty) plus ``files``."""
    for pkg in (*PACKAGES, "shell"):
        (root / pkg).mkdir(parents=True, exist_ok=True)
        (root / pkg / "__init__.py").write_text("")
        (root / pkg / "x.py").write_text("VALUE = 1\n")
    for rel, text in files.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(text)
    return root


#: One planted violation per edge: (package, forbidden import, the statement planted).
PLANTED = [
    ("crypto", "client", "from client import x"),
    ("crypto", "ui", "import ui.x"),
    ("crypto", "server_stub", "from server_stub.x import VALUE"),
    ("crypto", "demo", "import demo"),
    ("crypto", "os", "import os"),
    ("crypto", "builtins", "open('vectors.json')"),
    ("crypto", "clock.now", "datetime.now()"),
    ("client", "server_stub", "from server_stub import x"),
    ("client", "ui", "import ui.x"),
    ("client", "demo", "from demo.x import VALUE"),
    ("client", "PySide6", "from PySide6 import QtCore"),
    ("server_stub", "client", "import client.x"),
    ("server_stub", "ui", "from ui import x"),
    ("server_stub", "demo", "import demo.x"),
    ("server_stub", "PySide6", "import PySide6.QtWidgets"),
    ("ui", "server_stub", "from server_stub.x import VALUE"),
    ("ui", "demo", "from demo import x"),
]


@pytest.mark.parametrize(("package", "forbidden", "statement"), PLANTED,
                         ids=[f"{p}->{f}" for p, f, _s in PLANTED])
def test_checker_reports_a_planted_violation(tmp_path: Path, package: str, forbidden: str,
                                             statement: str) -> None:
    """Planted where only a transitive walk finds it: ``package/a.py`` imports a module of
    ``shell`` (a package with no rules of its own), whose function makes the import."""
    root = _tree(tmp_path, {
        f"{package}/a.py": "from shell import b\n",
        "shell/b.py": f"def later() -> None:\n    {statement}\n",
    })
    found = check_edges(root, {**FORBIDDEN, "shell": frozenset()})
    hits = [v for v in found if v.package == package and v.forbidden == forbidden]
    assert hits == [Violation(package, forbidden, (f"{package}.a", "shell.b"))], found
    assert not [v for v in found if v.package == "shell"], found  # shell may import it


def test_checker_reports_a_package_that_reaches_client_and_relay(tmp_path: Path) -> None:
    """Only demo may import both: another package (here ``shell``, with no other rule)
    that reaches both is reported, and demo doing the same is not."""
    both = "import client.x\nimport server_stub.x\n"
    root = _tree(tmp_path, {"shell/app.py": both, "demo/app.py": both})
    rules = {**FORBIDDEN, "shell": frozenset()}
    found = check_edges(root, rules)
    assert [(v.package, v.forbidden) for v in found] == [("shell", "client+server_stub")]


def test_checker_follows_relative_and_dynamic_imports(tmp_path: Path) -> None:
    root = _tree(tmp_path, {
        "client/sub/__init__.py": "",
        "client/sub/a.py": "from ..c import helper\n",
        "client/c.py": "import importlib\ndef helper():\n"
                       "    return importlib.import_module('server_stub.x')\n",
    })
    found = check_edges(root)
    assert [(v.package, v.forbidden) for v in found] == [("client", "server_stub")]
    assert found[0].chain[-1] == "client.c"


def test_checker_passes_a_clean_tree(tmp_path: Path) -> None:
    """The planted tests fail for the planted import, not for the tree around it."""
    root = _tree(tmp_path, {
        "ui/a.py": "from client import x\nfrom crypto import x as y\n",
        "client/a.py": "import os\nfrom crypto.x import VALUE\n",
        "server_stub/a.py": "from crypto import x\n",
        "demo/a.py": "import client.x, server_stub.x, ui.x\n",
        "crypto/a.py": "from crypto import x\nfrom . import x as y\n",
    })
    assert check_edges(root) == []


# ------------------------------------------------------------------ what starting loads

#: Libraries only an export needs (PDF, Word, iCalendar), imported in the functions that
#: make one: with the modules they pull in, fpdf2 is 24 MiB of RSS and icalendar 4 MiB.
EXPORT_ONLY = ("fpdf", "PIL", "fontTools", "lxml", "docx", "icalendar", "dateutil")
#: httpx's command-line client, which httpx imports when rich and pygments are installed
#: (client/_httpx.py keeps it out: 4.7 MiB).
NEVER_USED = ("httpx._main", "rich", "pygments")


@pytest.mark.parametrize("entry", ["client.core", "ui.app"])
def test_starting_imports_no_export_library_nor_httpx_cli(entry: str) -> None:
    """The core and the app import without the export libraries, nor httpx's command line
    client (in a fresh interpreter)."""
    code = (f"import sys, {entry}\n"
            f"print(' '.join(m for m in {EXPORT_ONLY + NEVER_USED!r} if m in sys.modules))")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True, env=env, cwd=ROOT, timeout=120)
    assert out.stdout.split() == [], f"importing {entry} imports {out.stdout.strip()}"
