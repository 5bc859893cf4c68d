# SPDX-License-Identifier: Apache-2.0
"""Install extras keep a relay host free of Qt and a desktop free of the PostgreSQL driver.

Two checks: the declared extras (pyproject.toml, self-references resolved), and the
runtime import graph (each side imported in a fresh interpreter in which the other
side's libraries are made unimportable, as on a host that never installed them).
"""

from __future__ import annotations

import re
import subprocess
import sys
import textwrap
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
QT = {"pyside6-essentials", "pyside6", "qasync", "qrcode"}
PG = {"psycopg", "psycopg-binary"}
SERVER = {"starlette", "uvicorn"}


def _name(req: str) -> str:
    return re.split(r"[\[<>=!~ ;]", req, maxsplit=1)[0].strip().lower()


def resolved(extras: list[str]) -> set[str]:
    """Distribution names a ``corridor[extras]`` install pulls in (self-references followed)."""
    names = {_name(r) for r in PROJECT["dependencies"]}
    todo, seen = list(extras), set()
    while todo:
        extra = todo.pop()
        if extra in seen:
            continue
        seen.add(extra)
        for req in PROJECT["optional-dependencies"][extra]:
            if _name(req) == "corridor":
                todo += re.search(r"\[(.*)\]", req).group(1).split(",")  # type: ignore[union-attr]
            else:
                names.add(_name(req))
    return names


def test_core_has_no_qt_no_server_no_postgres() -> None:
    core = resolved([])
    assert not core & (QT | PG | SERVER), core


def test_relay_host_installs_no_qt() -> None:
    relay = resolved(["relay", "postgres"])
    assert relay >= SERVER and "psycopg" in relay
    assert not relay & QT, relay


def test_desktop_installs_no_postgres_driver() -> None:
    desktop = resolved(["desktop"])
    assert desktop >= {"pyside6-essentials", "qasync"}
    assert desktop >= SERVER  # the demo venue runs an embedded relay
    assert not desktop & PG, desktop


def test_dev_installs_everything() -> None:
    assert resolved(["dev"]) >= {"pyside6-essentials", "qasync", "psycopg"} | SERVER


def test_planted_violation_is_caught(monkeypatch: pytest.MonkeyPatch) -> None:
    """The resolver would see a Qt dependency planted in the relay extra."""
    bad = dict(PROJECT["optional-dependencies"], relay=["starlette", "PySide6-Essentials>=6"])
    monkeypatch.setitem(PROJECT, "optional-dependencies", bad)
    assert resolved(["relay"]) & QT


BLOCKER = textwrap.dedent(
    """
    import importlib.abc, sys
    BLOCKED = set(sys.argv[1].split(","))
    class Block(importlib.abc.MetaPathFinder):
        def find_spec(self, name, path=None, target=None):
            if name.split(".")[0] in BLOCKED:
                raise ModuleNotFoundError(f"{name} is not installed on this host")
            return None
    sys.meta_path.insert(0, Block())
    for mod in sys.argv[2].split(","):
        __import__(mod)
    print("ok")
    """
)


def _import_without(blocked: set[str], modules: list[str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", BLOCKER, ",".join(sorted(blocked)), ",".join(modules)],
        capture_output=True, text=True, cwd=ROOT, timeout=120,
    )


def test_relay_runs_without_qt_or_client() -> None:
    out = _import_without(
        {"PySide6", "qasync", "qrcode", "client", "ui"},
        ["server_stub.app", "server_stub.cli", "server_stub.storage.sqlite",
         "server_stub.storage.postgres"],
    )
    assert out.returncode == 0 and out.stdout.strip() == "ok", out.stderr


def test_client_core_runs_without_qt_relay_or_postgres() -> None:
    out = _import_without(
        {"PySide6", "qasync", "psycopg", "starlette", "uvicorn", "server_stub"},
        ["client.core", "client.cli", "client.pki", "ui.cli", "demo.cli"],
    )
    assert out.returncode == 0 and out.stdout.strip() == "ok", out.stderr


def test_blocker_really_blocks() -> None:
    """The harness fails when a blocked module is needed (so the two tests above can fail)."""
    out = _import_without({"PySide6"}, ["PySide6.QtCore"])
    assert out.returncode != 0 and "not installed on this host" in out.stderr
