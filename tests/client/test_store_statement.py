# SPDX-License-Identifier: Apache-2.0
"""One-statement writes inside a transaction take no savepoint (client.store.sqlite_base
``_single_write``): the send path ran seven savepoints in its three transactions. What
must still hold: a write made alone is its own durable transaction; inside a
transaction a failing statement leaves nothing of itself and the rest of the
transaction commits; a rolled-back transaction undoes those writes too."""

from __future__ import annotations

from pathlib import Path

import pytest

from client.errors import NotFoundError, StorageError
from client.store import ChannelKind, SqliteStore
from crypto.secret_bytes import Secret

KEY = Secret(bytes(range(32)))
CID = b"c" * 16


@pytest.fixture
def store(tmp_path: Path) -> SqliteStore:
    s = SqliteStore.open(tmp_path / "store.sqlite3", KEY)
    s.create_channel(channel_id=CID, group_id=b"g" * 16, kind=ChannelKind.CAUCUS,
                     name="c", created_at=1)
    s.insert_message(CID, b"m" * 16, sender=b"alderia/ana", body=b"x", sent_at=1,
                     received_at=1)
    return s


def _trace(store: SqliteStore) -> list[str]:
    seen: list[str] = []
    store._conn.set_trace_callback(seen.append)
    return seen


def test_one_statement_writes_in_a_transaction_take_no_savepoint(store: SqliteStore) -> None:
    item = store.enqueue_outbox(CID, b"queued", created_at=1)
    seen = _trace(store)
    with store.transaction():
        store.mark_sent(item)
        store.set_message_seq(CID, b"m" * 16, 7)
        store.set_cursor("x", 3)
        store._state_put("send_id", b"k", b"v")
        store.update_channel(CID, name="renamed")
        store.set_channel_cursor(CID, 4)
    assert not [s for s in seen if "SAVEPOINT" in s or "RELEASE" in s]
    assert [s for s in seen if s.startswith(("BEGIN", "COMMIT"))] == [
        "BEGIN IMMEDIATE", "COMMIT"]
    assert store.list_outbox() == []
    assert store.get_message(CID, b"m" * 16).seq == 7
    assert store.get_channel(CID).name == "renamed"
    assert store._state_get("send_id", b"k") == b"v"


def test_alone_each_is_its_own_transaction(store: SqliteStore) -> None:
    seen = _trace(store)
    store.set_message_seq(CID, b"m" * 16, 9)
    assert [s for s in seen if s.startswith(("BEGIN", "COMMIT"))] == [
        "BEGIN IMMEDIATE", "COMMIT"]
    assert not store.unsynced  # committed with its fsync, as before


def test_a_failing_statement_leaves_nothing_and_the_rest_commits(
        store: SqliteStore) -> None:
    item = store.enqueue_outbox(CID, b"queued", created_at=1)
    with store.transaction():
        store.set_message_seq(CID, b"m" * 16, 5)
        with pytest.raises(StorageError), store._single_write():
            # a second row with the same primary key: SQLite refuses the statement
            store._write("INSERT INTO outbox (item_id, channel_id, created_at, sealed) "
                         "SELECT item_id, channel_id, created_at, sealed FROM outbox")
        with pytest.raises(NotFoundError):
            store.put_group_ratchets(b"g" * 16, 1, b"r")  # no split state: no write
        assert store._undone  # as after a savepoint rolled back
    assert store.get_message(CID, b"m" * 16).seq == 5
    assert [i.item_id for i in store.list_outbox()] == [item]


def test_a_rolled_back_transaction_undoes_them(store: SqliteStore) -> None:
    item = store.enqueue_outbox(CID, b"queued", created_at=1)
    with pytest.raises(RuntimeError), store.transaction():
        store.mark_sent(item)
        store.set_message_seq(CID, b"m" * 16, 11)
        raise RuntimeError("the caller fails after them")
    assert [i.item_id for i in store.list_outbox()] == [item]
    assert store.get_message(CID, b"m" * 16).seq is None
