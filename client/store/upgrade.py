# SPDX-License-Identifier: Apache-2.0
"""Schema steps that need the store key: checking it before anything is migrated, and
moving sealed rows between tables (schema 5: the engine's records leave
``group_states`` for ``engine_state``; schema 6: the directory's CRLs and log view;
schema 9: the mute list and the health warnings)."""

from __future__ import annotations

import sqlite3
import struct
from typing import Final

from client.errors import CorruptRecordError, StoreKeyError
from client.store.engine_state import records_from_group_state
from client.store.sealing import RowCipher

__all__ = ["KEY_CHECK", "move_engine_records", "verify_key"]

KEY_CHECK: Final = b"corridor store key check v1"


def verify_key(conn: sqlite3.Connection, cipher: RowCipher) -> None:
    """Refuse a key that does not open an existing store, before anything is migrated."""
    row = conn.execute("SELECT value FROM meta WHERE name = 'key_check'").fetchone()
    if row is None:
        return
    try:
        ok = cipher.open(row[0], "meta", b"key_check") == KEY_CHECK
    except CorruptRecordError:
        ok = False
    if not ok:
        raise StoreKeyError("the store key does not open this store")


def move_engine_records(conn: sqlite3.Connection, cipher: RowCipher) -> None:
    """Schemas 5, 6 and 9's data step: the engine's records (and from 6 the directory's)
    leave ``group_states`` (magic keys) for ``engine_state`` (typed records). A row that
    fails authentication stays where it is, as it was: reading it reported it then and
    would now."""
    rows = conn.execute(
        "SELECT group_id, epoch, sealed FROM group_states WHERE substr(group_id, 1, 1) = x'ff'"
    ).fetchall()
    for group_id, epoch, sealed in rows:
        try:
            state = cipher.open(sealed, "group_states", group_id, struct.pack(">Q", epoch))
        except CorruptRecordError:
            continue
        records = records_from_group_state(group_id, state)
        if records is None:
            continue  # not the engine's
        for kind, key, value in records:
            conn.execute(
                "INSERT INTO engine_state (kind, key, sealed) VALUES (?, ?, ?) "
                "ON CONFLICT (kind, key) DO UPDATE SET sealed = excluded.sealed",
                (kind, key, cipher.seal(value, "engine_state", kind.encode(), key)),
            )
        conn.execute("DELETE FROM group_states WHERE group_id = ?", (group_id,))
