# SPDX-License-Identifier: Apache-2.0
"""A catch-up batch processed in one store transaction: what the engine keeps in memory
across the batch's messages (the channel meta, each epoch's members and charter) and
the store's per-message writes without savepoints of their own must give exactly what
message-by-message processing gave, on the real SQLite store."""

from __future__ import annotations

import secrets
from pathlib import Path

import pytest

from client import payloads
from client.errors import StorageError
from client.search import SearchIndex
from client.store import SqliteStore
from crypto.secret_bytes import Secret
from tests.support.devices import channel, received, text
from tests.support.pki import Issued, Pki


@pytest.fixture(scope="module")
def people(pki: Pki) -> dict[str, Issued]:
    return {"a": pki.device("alderia", "ana"), "b": pki.device("borduria", "bea")}


def _store(tmp_path: Path) -> SqliteStore:
    return SqliteStore.open(tmp_path / "b.sqlite3", Secret(secrets.token_bytes(32)))


async def test_a_timer_in_a_batch_applies_to_the_messages_after_it(
        pki: Pki, people: dict[str, Issued], tmp_path: Path) -> None:
    store = _store(tmp_path)
    relay, d, gid = await channel(pki, people, stores={"b": store})
    n = len(relay.groups[gid].messages)
    a = d["a"].engine
    before = a.enqueue_payload(gid, text("before the timer"))
    a.enqueue_payload(gid, payloads.DisappearingTimer(
        message_id=payloads.new_message_id(), sent_at=payloads.now_ms(), seconds=3600))
    after = a.enqueue_payload(gid, text("after the timer"))
    await d["a"].flush()
    msgs = relay.groups[gid].messages[n:]
    assert len(msgs) == 3
    res = d["b"].engine.receive(msgs)  # one call: one transaction, the meta kept in memory
    assert len(received(res.events)) == 3
    assert store.get_message(gid, before).expires_at is None
    assert store.get_message(gid, after).expires_at is not None
    assert d["b"].engine.channel_state(gid)[1].timer == 3600
    store.close()


async def test_a_batch_takes_no_savepoint_per_message_and_indexes_every_one(
        pki: Pki, people: dict[str, Issued], tmp_path: Path) -> None:
    store = _store(tmp_path)
    relay, d, gid = await channel(pki, people, stores={"b": store})
    index = SearchIndex(secrets.token_bytes(32))
    d["b"].engine.features.index = index
    n = len(relay.groups[gid].messages)
    for i in range(12):
        d["a"].engine.enqueue_payload(gid, text(f"minute {i} of the plenary"))
    await d["a"].flush()
    msgs = relay.groups[gid].messages[n:]
    statements: list[str] = []
    store._conn.set_trace_callback(statements.append)
    try:
        res = d["b"].engine.receive(msgs)
    finally:
        store._conn.set_trace_callback(None)
    assert len(received(res.events)) == 12
    # FTS5 writes its pending terms out at every savepoint: none per message, only
    # the batch's own (the group state and the cursor, written once at its end)
    assert sum(s.startswith("SAVEPOINT") for s in statements) <= 3 < len(msgs)
    assert sum(s == "COMMIT" for s in statements) == 1
    terms, _recheck = index.query("plenary")
    assert len(store.search_index(terms, channel_id=gid, limit=50)) == 12
    store.close()


def test_a_single_write_joins_the_callers_transaction(tmp_path: Path) -> None:
    """Without a savepoint of its own, an insert is undone with the enclosing
    transaction; on its own it is committed at once."""
    from client.store.base import ChannelKind

    store = _store(tmp_path)
    cid = secrets.token_bytes(16)
    store.create_channel(channel_id=cid, group_id=cid, kind=ChannelKind("bilateral"),
                         name="c", created_at=1, roster=b"r")

    def insert(mid: bytes) -> bool:
        return store.insert_message(cid, mid, sender=b"s", body=b"b", sent_at=1,
                                    received_at=1)

    undone, kept = secrets.token_bytes(16), secrets.token_bytes(16)
    with pytest.raises(RuntimeError), store.transaction():
        assert insert(undone)
        raise RuntimeError("the batch fails after the insert")
    assert insert(kept)
    assert [m.message_id for m in store.list_messages(cid, limit=10)] == [kept]
    store.close()


async def test_a_store_failure_undoes_the_batch_and_loses_no_message(
        pki: Pki, people: dict[str, Issued], tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Going on past a failed insert would commit the message's used key without it."""
    store = _store(tmp_path)
    relay, d, gid = await channel(pki, people, stores={"b": store})
    n = len(relay.groups[gid].messages)
    for body in ("one", "two", "three"):
        d["a"].engine.enqueue_payload(gid, text(body))
    await d["a"].flush()
    msgs = relay.groups[gid].messages[n:]
    cursor, group_state = store.get_channel(gid).cursor, store.get_group_state(gid)
    real = store.insert_message
    calls = 0

    def failing(*args: object, **kwargs: object) -> bool:
        nonlocal calls
        calls += 1
        if calls == 2:
            raise StorageError("store operation failed: disk I/O error")
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(store, "insert_message", failing)
    with pytest.raises(StorageError):
        d["b"].engine.receive(msgs)
    assert store.list_messages(gid, limit=10) == []
    assert store.get_channel(gid).cursor == cursor
    assert store.get_group_state(gid) == group_state
    res = d["b"].engine.receive(msgs)  # fetched again: every message decrypts
    assert [e.seq for e in received(res.events)] == [m.seq for m in msgs]
    assert d["b"].texts(gid) == ["one", "two", "three"]
    store.close()
