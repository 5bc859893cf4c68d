# SPDX-License-Identifier: Apache-2.0
"""crypto/'s layers (its package docstring) import only the layers below them.

A lower layer reaching up (the tree importing the group, say) is how import cycles and
hidden couplings start; this checks every import in every crypto module, function-level
ones included, against the allowed edges.
"""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CRYPTO = ROOT / "crypto"

_FOUNDATION = frozenset({"foundation"})
#: Layer -> the layers its modules may import (itself included).
ALLOWED: dict[str, frozenset[str]] = {
    "foundation": _FOUNDATION,
    "certs": _FOUNDATION | {"certs"},
    "messages": _FOUNDATION | {"messages"},
    "tree": _FOUNDATION | {"messages", "tree"},
    "schedule": _FOUNDATION | {"messages", "tree", "schedule"},
    "framing": _FOUNDATION | {"messages", "tree", "schedule", "framing"},
    "group": _FOUNDATION | {"messages", "tree", "schedule", "framing", "group"},
    "corridor": _FOUNDATION | {"certs", "messages", "tree", "schedule", "framing", "group",
                               "corridor"},
}
#: The vector runner is a tool on top of everything.
TOOLS = frozenset({"conformance"})


def layer_of(module: str, root: Path = CRYPTO) -> str:
    """The layer of ``crypto.x.y``: its sub-package ``x``, or the foundation for a
    module directly under crypto/."""
    parts = module.split(".")
    if len(parts) >= 2 and (root / parts[1]).is_dir():
        return parts[1]
    return "foundation"


def crypto_imports(path: Path, module: str, root: Path = CRYPTO) -> list[tuple[int, str]]:
    """(line, imported crypto module) for every import in ``path``."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    package = module if path.name == "__init__.py" else module.rsplit(".", 1)[0]
    out: list[tuple[int, str]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            out += [(node.lineno, a.name) for a in node.names if a.name.split(".")[0] == "crypto"]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            if target.split(".")[0] != "crypto":
                continue
            if target == "crypto":
                # ``from crypto import messages``: each name may be a sub-package
                out += [(node.lineno, f"crypto.{a.name}") for a in node.names
                        if (root / a.name).is_dir() or (root / f"{a.name}.py").is_file()]
                continue
            out.append((node.lineno, target))
    return out


def violations(root: Path = CRYPTO) -> list[str]:
    found = []
    for path in sorted(root.rglob("*.py")):
        rel = path.relative_to(root.parent).with_suffix("")
        parts = list(rel.parts)
        if parts[-1] == "__init__":
            parts = parts[:-1]
        module = ".".join(parts)
        own = layer_of(module, root)
        if own in TOOLS:
            continue
        for line, target in crypto_imports(path, module, root):
            other = layer_of(target, root)
            if other not in ALLOWED[own]:
                found.append(f"{path.relative_to(root.parent)}:{line}: {own} imports {other} "
                             f"({target})")
    return found


def test_every_crypto_package_is_a_known_layer() -> None:
    packages = {p.name for p in CRYPTO.iterdir()
                if p.is_dir() and (p / "__init__.py").is_file()}
    assert packages == (set(ALLOWED) - {"foundation"}) | TOOLS


def test_crypto_layers_import_only_downwards() -> None:
    assert violations() == []


def test_the_checker_notices_an_upward_import(tmp_path: Path) -> None:
    root = tmp_path / "crypto"
    for pkg in ("tree", "group"):
        (root / pkg).mkdir(parents=True)
        (root / pkg / "__init__.py").write_text("")
    (root / "__init__.py").write_text("")
    (root / "codec.py").write_text("")
    (root / "group" / "state.py").write_text("from crypto.tree import RatchetTree\n")
    assert violations(root) == []
    (root / "tree" / "base.py").write_text(
        "def f():\n    from crypto.group.state import X\n")
    (root / "codec.py").write_text("from crypto import tree\n")
    (root / "tree" / "math.py").write_text("from ..group import state\n")
    assert violations(root) == [
        "crypto/codec.py:1: foundation imports tree (crypto.tree)",
        "crypto/tree/base.py:2: tree imports group (crypto.group.state)",
        "crypto/tree/math.py:1: tree imports group (crypto.group)",
    ]
