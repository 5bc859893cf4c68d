# SPDX-License-Identifier: Apache-2.0
"""Schema 11: the MLS group state in two parts (``group_states.ratchets``). A store of
schema 10, written row by row as schema 10's ``SqliteStore`` sealed them, with whole
group states of real groups, migrates; the old rows load as before, and the next save
of a group writes both parts (read back from the reopened store). A failed migration
leaves schema 10 as it was."""

from __future__ import annotations

import sqlite3
import struct
from pathlib import Path

import pytest

from client.errors import StorageError
from client.store import SqliteStore, schema
from crypto.group import ApplicationMessage, Group
from crypto.secret_bytes import Secret
from tests.support.migrations import fail_after_step, old_store
from tests.support.mls_groups import NOW, accept, make_group

KEY = Secret(bytes(range(32)))
GROUPS = [bytes([i]) * 16 for i in (3, 4)]


def _v10_store(db: Path, states: list[bytes]) -> None:
    """A store as schema 10's ``SqliteStore`` left it: whole states, one per group."""
    conn, cipher = old_store(db, 10, KEY)
    for gid, state in zip(GROUPS, states, strict=True):
        conn.execute("INSERT INTO group_states VALUES (?, 2, ?)",
                     (gid, cipher.seal(state, "group_states", gid, struct.pack(">Q", 2))))
    conn.close()


def _groups() -> list[Group]:
    a, b = make_group(2)
    assert isinstance(b.process(a.encrypt_application(b"before"), now=NOW),
                      ApplicationMessage)
    return [a, b]


def test_a_schema_10_store_migrates_and_its_whole_states_load(tmp_path: Path) -> None:
    db = tmp_path / "store.sqlite3"
    a, b = _groups()
    stored_a = a.to_bytes()
    _v10_store(db, [stored_a, b.to_bytes()])
    store = SqliteStore.open(db, KEY)
    assert schema.current_version(store._conn) == schema.LATEST == 12
    st = store.get_group_state(GROUPS[1])
    assert st is not None and st.ratchets is None and st.epoch == 2
    loaded = Group.from_bytes(st.state, credential_validator=accept)
    assert loaded.to_bytes() == b.to_bytes()
    # the next save writes both parts; a message later, the ratchet part alone
    store.put_group_state(GROUPS[1], loaded.epoch, loaded.epoch_part(),
                          loaded.ratchet_part())
    assert isinstance(loaded.process(a.encrypt_application(b"after"), now=NOW),
                      ApplicationMessage)
    store.put_group_ratchets(GROUPS[1], loaded.epoch, loaded.ratchet_part())
    store.close()
    store = SqliteStore.open(db, KEY)
    st = store.get_group_state(GROUPS[1])
    assert st is not None and st.ratchets is not None
    again = Group.from_parts(st.state, st.ratchets, credential_validator=accept)
    assert again.to_bytes() == loaded.to_bytes()
    other = store.get_group_state(GROUPS[0])  # untouched: still whole
    assert other is not None and other.ratchets is None and other.state == stored_a
    store.close()


def test_a_failed_migration_to_11_leaves_schema_10_readable(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    db = tmp_path / "store.sqlite3"
    a, b = _groups()
    _v10_store(db, [a.to_bytes(), b.to_bytes()])
    fail_after_step(monkeypatch, 10)
    with pytest.raises(StorageError):
        SqliteStore.open(db, KEY)
    conn = sqlite3.connect(db)
    assert schema.current_version(conn) == 10
    assert not conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'group_ratchets'"
                            ).fetchall()
    conn.close()
    monkeypatch.undo()
    store = SqliteStore.open(db, KEY)
    st = store.get_group_state(GROUPS[0])
    assert st is not None and st.state == a.to_bytes()
    store.close()
