# SPDX-License-Identifier: Apache-2.0
"""Running the real ``corridor`` and ``corridor-relay`` commands in process: success or
failure asserted, output captured, the keyring chosen. The enrolment and transparency
CLI tests share them."""

from __future__ import annotations

import contextlib
import io
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import keyring
import pytest

__all__ = ["PASS", "Command", "World", "fails", "ok", "quiet", "using_keyring"]

#: A command's ``main``: argv in, exit status out.
Command = Callable[[list[str]], int]

#: The passphrase of every key file these tests make.
PASS = "a long enough passphrase"


@contextlib.contextmanager
def using_keyring(backend: keyring.backend.KeyringBackend) -> Iterator[None]:
    """Make ``backend`` the process's keyring (what ``open_keystore`` picks), then restore."""
    old = keyring.get_keyring()
    keyring.set_keyring(backend)
    try:
        yield
    finally:
        keyring.set_keyring(old)


def ok(capsys: pytest.CaptureFixture[str], fn: Command, *argv: str) -> str:
    """Run a command that must succeed; its stdout."""
    code = fn(list(argv))
    out, err = capsys.readouterr()
    assert code == 0, err
    return out


def fails(capsys: pytest.CaptureFixture[str], fn: Command, *argv: str) -> tuple[str, str]:
    """Run a command that must fail cleanly (status 1, no traceback); stdout and stderr."""
    code = fn(list(argv))
    out, err = capsys.readouterr()
    assert code == 1, (out, err)
    assert "Traceback" not in err
    return out, err


@dataclass
class World:
    """A venue made by the real commands in ``tmp`` (the relay's data in ``relay_dir``)."""

    tmp: Path
    relay_dir: Path
    fingerprint_hex: str
    fingerprint_words: str

    def p(self, *parts: str) -> str:
        return str(self.tmp.joinpath(*parts))


def quiet(fn: Command, *argv: str) -> str:
    """Run a command, capture its stdout, insist on success (module fixtures lack capsys)."""
    buf = io.StringIO()
    with contextlib.redirect_stdout(buf):
        code = fn(list(argv))
    assert code == 0
    return buf.getvalue()


