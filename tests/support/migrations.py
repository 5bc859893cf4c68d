# SPDX-License-Identifier: Apache-2.0
"""A store migration step that does all its work and then fails as a disk would: what
the migration tests use to show a failed step leaves the store at its old schema."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from client.store import schema
from client.store.sealing import RowCipher
from crypto.secret_bytes import Secret

__all__ = ["fail_after_step", "old_store"]


def fail_after_step(monkeypatch: pytest.MonkeyPatch, index: int) -> None:
    """Make ``schema.MIGRATIONS[index]`` the last step, run it whole, then raise a disk
    error (the steps after it are left out: the store would stop there anyway)."""
    real = schema.MIGRATIONS[index]

    def fails_at_the_end(conn: sqlite3.Connection) -> None:
        real(conn)  # everything of the step is done: then the disk fails
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr(schema, "MIGRATIONS", (*schema.MIGRATIONS[:index], fails_at_the_end))


def old_store(db: Path, target: int, key: Secret) -> tuple[sqlite3.Connection, RowCipher]:
    """A raw connection to a new store at schema ``target``, with its key check row,
    as that schema's ``SqliteStore`` made it: the caller fills it the old way."""
    conn = sqlite3.connect(db, isolation_level=None)
    conn.execute("PRAGMA foreign_keys = ON")
    schema.migrate(conn, target=target)
    cipher = RowCipher(key)
    conn.execute("INSERT INTO meta VALUES ('key_check', ?)",
                 (cipher.seal(b"corridor store key check v1", "meta", b"key_check"),))
    return conn, cipher
