# SPDX-License-Identifier: Apache-2.0
"""A store migration step that does all its work and then fails as a disk would: what
the migration tests use to show a failed step leaves the store at its old schema."""

from __future__ import annotations

import sqlite3

import pytest

from client.store import schema

__all__ = ["fail_after_step"]


def fail_after_step(monkeypatch: pytest.MonkeyPatch, index: int) -> None:
    """Make ``schema.MIGRATIONS[index]`` the last step, run it whole, then raise a disk
    error (the steps after it are left out: the store would stop there anyway)."""
    real = schema.MIGRATIONS[index]

    def fails_at_the_end(conn: sqlite3.Connection) -> None:
        real(conn)  # everything of the step is done: then the disk fails
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr(schema, "MIGRATIONS", (*schema.MIGRATIONS[:index], fails_at_the_end))
