# SPDX-License-Identifier: Apache-2.0
"""Local store: behaviour shared by both stores, and the SQLite store's at-rest guarantees."""

from __future__ import annotations

import asyncio
import inspect
import os
import sqlite3
import stat
from collections.abc import Iterator
from pathlib import Path

import msgspec
import nacl.pwhash
import pytest

from client import keystore as ks
from client import paths
from client.errors import (
    CorruptRecordError,
    NotFoundError,
    SchemaVersionError,
    StorageError,
    StoreKeyError,
    UsageError,
)
from client.store import (
    SCHEMA_VERSION,
    ChannelKind,
    MemoryStore,
    SqliteStore,
    Store,
    base,
    open_store,
    schema,
)
from client.store.sealing import RowCipher
from crypto.secret_bytes import Secret

KEY = Secret(bytes(range(32)))


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "store.sqlite3"


@pytest.fixture(params=["sqlite", "memory"])
def store(request: pytest.FixtureRequest, db_path: Path) -> Iterator[Store]:
    s: Store = SqliteStore.open(db_path, KEY) if request.param == "sqlite" else MemoryStore()
    yield s
    s.close()


def mk_channel(store: Store, n: int = 1, kind: ChannelKind = ChannelKind.CAUCUS) -> bytes:
    cid = b"chan-%d" % n
    store.create_channel(
        channel_id=cid, group_id=b"group-%d" % n, kind=kind, name=f"channel {n}", created_at=n
    )
    return cid


def mid(n: int) -> bytes:
    return n.to_bytes(16, "big")


def put_msg(store: Store, cid: bytes, n: int, body: bytes | None = None, **kw: object) -> bool:
    return store.insert_message(
        cid,
        mid(n),
        sender=b"sender-%d" % n,
        body=body if body is not None else b"body-%d" % n,
        sent_at=1000 + n,
        received_at=2000 + n,
        **kw,  # type: ignore[arg-type]
    )


# ----------------------------------------------------------------- shared behaviour


def _protocol_methods(proto: type) -> dict[str, inspect.Signature]:
    """The methods a store protocol declares itself (not those of its bases)."""
    return {name: inspect.signature(fn) for name, fn in vars(proto).items()
            if inspect.isfunction(fn) and not name.startswith("_")}


@pytest.mark.parametrize("impl", [SqliteStore, MemoryStore])
def test_stores_implement_every_concern(impl: type) -> None:
    """Each per-concern protocol is met by both stores, parameter for parameter, and
    together the concerns make up the whole Store."""
    concerns = (base.Transactional, base.ChannelStore, base.MessageStore, base.ExpiryStore,
                base.AnnotationStore, base.SearchStore, base.Store)
    declared: list[str] = []
    for proto in concerns:
        for name, sig in _protocol_methods(proto).items():
            declared.append(name)
            got = inspect.signature(getattr(impl, name))
            assert [(p.name, p.kind) for p in got.parameters.values()] == [
                (p.name, p.kind) for p in sig.parameters.values()], (proto.__name__, name)
    # every method of the Store is declared by exactly one concern
    whole = {n for n in dir(base.Store) if not n.startswith("_")}
    assert sorted(declared) == sorted(whole)
    assert _protocol_methods(base.FeatureStore) == {}  # a composition only


def test_channel_crud(store: Store) -> None:
    created = store.create_channel(
        channel_id=b"c1",
        group_id=b"g1",
        kind=ChannelKind.NOTICE,
        name="Notices ✓",
        created_at=5,
        roster=b"\x00roster",
    )
    got = store.get_channel(b"c1")
    assert got == created
    assert (got.kind, got.name, got.roster, got.cursor) == (
        ChannelKind.NOTICE,
        "Notices ✓",
        b"\x00roster",
        0,
    )
    assert store.get_channel_by_group(b"g1") == got
    mk_channel(store, 2, ChannelKind.BILATERAL)
    assert [c.channel_id for c in store.list_channels()] == [b"chan-2", b"c1"]  # by created_at
    store.update_channel(b"c1", name="renamed")
    store.update_channel(b"c1", roster=b"new roster")
    got = store.get_channel(b"c1")
    assert (got.name, got.roster, got.kind) == ("renamed", b"new roster", ChannelKind.NOTICE)


def test_channel_errors(store: Store) -> None:
    mk_channel(store)
    with pytest.raises(UsageError):
        mk_channel(store)  # same id
    with pytest.raises(UsageError):
        store.create_channel(
            channel_id=b"other",
            group_id=b"group-1",
            kind=ChannelKind.CAUCUS,
            name="x",
            created_at=1,
        )
    with pytest.raises(NotFoundError):
        store.get_channel(b"nope")
    with pytest.raises(NotFoundError):
        store.get_channel_by_group(b"nope")
    with pytest.raises(NotFoundError):
        store.update_channel(b"nope", name="x")
    with pytest.raises(ValueError):
        store.create_channel(
            channel_id=b"c",
            group_id=b"g",
            kind="secret",
            name="x",
            created_at=1,  # type: ignore[arg-type]
        )
    with pytest.raises(UsageError):
        store.create_channel(
            channel_id=b"", group_id=b"g", kind=ChannelKind.CAUCUS, name="", created_at=1
        )


def test_channel_cursor_is_monotonic(store: Store) -> None:
    cid = mk_channel(store)
    store.set_channel_cursor(cid, 7)
    store.set_channel_cursor(cid, 7)
    with pytest.raises(UsageError):
        store.set_channel_cursor(cid, 6)
    assert store.get_channel(cid).cursor == 7
    with pytest.raises(NotFoundError):
        store.set_channel_cursor(b"nope", 1)


def test_message_insert_dedup_get(store: Store) -> None:
    cid = mk_channel(store)
    assert put_msg(store, cid, 1, seq=3, expires_at=99)
    assert not put_msg(store, cid, 1, body=b"a replayed different body")
    got = store.get_message(cid, mid(1))
    assert (got.body, got.sender, got.seq, got.expires_at) == (b"body-1", b"sender-1", 3, 99)
    assert (got.sent_at, got.received_at) == (1001, 2001)
    assert len(store.list_messages(cid)) == 1
    # The same id in another channel is a different message.
    other = mk_channel(store, 2)
    assert put_msg(store, other, 1)
    with pytest.raises(NotFoundError):
        put_msg(store, b"nope", 2)
    with pytest.raises(NotFoundError):
        store.get_message(cid, mid(2))


def test_message_pagination(store: Store) -> None:
    cid = mk_channel(store)
    other = mk_channel(store, 2)
    for n in range(25):
        put_msg(store, cid, n)
        put_msg(store, other, 100 + n)
    newest = store.list_messages(cid, limit=10)
    assert [m.message_id for m in newest] == [mid(n) for n in range(15, 25)]
    older = store.list_messages(cid, before=newest[0].position, limit=10)
    assert [m.message_id for m in older] == [mid(n) for n in range(5, 15)]
    oldest = store.list_messages(cid, before=older[0].position, limit=10)
    assert [m.message_id for m in oldest] == [mid(n) for n in range(5)]
    newer = store.list_messages(cid, after=oldest[-1].position, limit=3)
    assert [m.message_id for m in newer] == [mid(n) for n in range(5, 8)]
    assert [m.message_id for m in store.iter_messages(cid)] == [mid(n) for n in range(25)]
    positions = [m.position for m in store.iter_messages(cid)]
    assert positions == sorted(positions) and len(set(positions)) == 25
    with pytest.raises(UsageError):
        store.list_messages(cid, limit=0)


def test_message_update_and_delete(store: Store) -> None:
    cid = mk_channel(store)
    put_msg(store, cid, 1)
    put_msg(store, cid, 2)
    store.update_message(cid, mid(1), body=b"edited")
    assert store.get_message(cid, mid(1)).body == b"edited"
    assert store.get_message(cid, mid(1)).sender == b"sender-1"
    assert store.delete_message(cid, mid(1))
    assert not store.delete_message(cid, mid(1))
    with pytest.raises(NotFoundError):
        store.get_message(cid, mid(1))
    with pytest.raises(NotFoundError):
        store.update_message(cid, mid(1), body=b"x")
    assert [m.message_id for m in store.list_messages(cid)] == [mid(2)]


def test_delete_expired(store: Store) -> None:
    cid = mk_channel(store)
    put_msg(store, cid, 1, expires_at=100)
    put_msg(store, cid, 2, expires_at=200)
    put_msg(store, cid, 3)
    assert store.delete_expired(99) == 0
    assert store.delete_expired(150) == 1
    assert [m.message_id for m in store.list_messages(cid)] == [mid(2), mid(3)]
    assert store.delete_expired(10**12) == 1


def test_group_state(store: Store) -> None:
    assert store.get_group_state(b"g") is None
    store.put_group_state(b"g", 1, b"state-1")
    store.put_group_state(b"g", 2, b"state-2")
    got = store.get_group_state(b"g")
    assert got is not None and (got.epoch, got.state) == (2, b"state-2")
    store.delete_group_state(b"g")
    assert store.get_group_state(b"g") is None


def test_group_state_in_two_parts(store: Store) -> None:
    """Both parts in one write, the ratchet part alone at its epoch; a whole state
    (every row before schema 11) has none."""
    store.put_group_state(b"g", 1, b"whole")
    assert store.get_group_state(b"g") == base.GroupState(group_id=b"g", epoch=1,
                                                          state=b"whole")
    with pytest.raises(NotFoundError):  # no ratchet part to replace: write both
        store.put_group_ratchets(b"g", 1, b"r")
    store.put_group_state(b"g", 2, b"epoch-2", b"ratchets-a")
    store.put_group_ratchets(b"g", 2, b"ratchets-b")
    got = store.get_group_state(b"g")
    assert got is not None and (got.epoch, got.state, got.ratchets) == \
        (2, b"epoch-2", b"ratchets-b")
    with pytest.raises(NotFoundError):  # another epoch than the stored one
        store.put_group_ratchets(b"g", 3, b"ratchets-c")
    with pytest.raises(NotFoundError):
        store.put_group_ratchets(b"other", 2, b"ratchets-c")
    with pytest.raises(UsageError):
        store.put_group_ratchets(b"g", 2, None)  # type: ignore[arg-type]
    with pytest.raises(UsageError):
        store.put_group_state(b"g", 2, None, b"r")  # type: ignore[arg-type]
    with pytest.raises(RuntimeError), store.transaction():
        store.put_group_state(b"g", 3, b"epoch-3", b"ratchets-3")
        store.put_group_ratchets(b"g", 3, b"ratchets-4")
        raise RuntimeError("rolled back")
    assert store.get_group_state(b"g") == got  # both parts, or neither
    store.put_group_state(b"g", 3, b"whole-3")  # a whole state drops the ratchet part
    assert store.get_group_state(b"g") == base.GroupState(group_id=b"g", epoch=3,
                                                          state=b"whole-3")
    # the binding: a ratchet part alone only over the epoch part it was made for
    store.put_group_state(b"g", 4, b"epoch-4", b"ratchets-4", binding=b"d" * 32)
    with pytest.raises(NotFoundError):
        store.put_group_ratchets(b"g", 4, b"ratchets-5", binding=b"e" * 32)
    with pytest.raises(NotFoundError):
        store.put_group_ratchets(b"g", 4, b"ratchets-5")
    store.put_group_ratchets(b"g", 4, b"ratchets-5", binding=b"d" * 32)
    got = store.get_group_state(b"g")
    assert got is not None and (got.ratchets, got.binding) == (b"ratchets-5", b"d" * 32)
    with pytest.raises(UsageError):
        store.put_group_ratchets(b"g", 4, b"r", binding=b"x" * 65)


def test_outbox(store: Store) -> None:
    a, b = mk_channel(store, 1), mk_channel(store, 2)
    ids = [store.enqueue_outbox(a if n % 2 else b, b"out-%d" % n, created_at=n) for n in range(6)]
    assert len(set(ids)) == 6
    assert [i.data for i in store.list_outbox()] == [b"out-%d" % n for n in range(6)]
    assert [i.data for i in store.list_outbox(a)] == [b"out-1", b"out-3", b"out-5"]
    assert [i.data for i in store.list_outbox(limit=2)] == [b"out-0", b"out-1"]
    assert store.mark_sent(ids[0])
    assert not store.mark_sent(ids[0])
    assert [i.item_id for i in store.list_outbox()] == ids[1:]
    with pytest.raises(NotFoundError):
        store.enqueue_outbox(b"nope", b"x", created_at=1)


def test_cursors(store: Store) -> None:
    assert store.get_cursor("welcomes") == 0
    store.set_cursor("welcomes", 42)
    store.set_cursor("welcomes", 43)
    assert store.get_cursor("welcomes") == 43
    with pytest.raises(UsageError):
        store.set_cursor("", 1)
    with pytest.raises(UsageError):
        store.set_cursor("x", -1)


def test_delete_channel_cascades(store: Store) -> None:
    cid = mk_channel(store)
    keep = mk_channel(store, 2)
    put_msg(store, cid, 1)
    put_msg(store, keep, 2)
    store.put_group_state(b"group-1", 3, b"s")
    store.put_group_state(b"group-2", 3, b"s")
    store.enqueue_outbox(cid, b"o", created_at=1)
    store.delete_channel(cid)
    with pytest.raises(NotFoundError):
        store.get_channel(cid)
    assert store.list_messages(cid) == []
    assert store.get_group_state(b"group-1") is None
    assert store.list_outbox() == []
    assert store.get_group_state(b"group-2") is not None
    assert len(store.list_messages(keep)) == 1


def snapshot(store: Store, cid: bytes) -> tuple[object, ...]:
    return (
        store.get_channel(cid),
        store.get_group_state(b"group-1"),
        store.list_messages(cid, limit=1000),
        store.list_outbox(),
        store.get_cursor("welcomes"),
    )


def test_transaction_rollback_leaves_state_unchanged(store: Store) -> None:
    cid = mk_channel(store)
    store.put_group_state(b"group-1", 1, b"epoch 1")
    store.set_channel_cursor(cid, 10)
    put_msg(store, cid, 1)
    before = snapshot(store, cid)

    class Boom(Exception):
        pass

    with pytest.raises(Boom), store.transaction():
        store.put_group_state(b"group-1", 2, b"epoch 2")
        store.set_channel_cursor(cid, 11)
        put_msg(store, cid, 2)
        store.update_message(cid, mid(1), body=b"edited")
        store.enqueue_outbox(cid, b"out", created_at=1)
        store.set_cursor("welcomes", 9)
        store.update_channel(cid, name="renamed")
        raise Boom
    assert snapshot(store, cid) == before
    # And the store keeps working: the same commit now lands in full.
    with store.transaction():
        store.put_group_state(b"group-1", 2, b"epoch 2")
        store.set_channel_cursor(cid, 11)
        assert put_msg(store, cid, 2)
    assert store.get_group_state(b"group-1").epoch == 2  # type: ignore[union-attr]
    assert store.get_channel(cid).cursor == 11


def test_nested_transaction_inner_rollback(store: Store) -> None:
    cid = mk_channel(store)
    with store.transaction():
        put_msg(store, cid, 1)
        with pytest.raises(RuntimeError), store.transaction():
            put_msg(store, cid, 2)
            raise RuntimeError
        put_msg(store, cid, 3)
    assert [m.message_id for m in store.list_messages(cid)] == [mid(1), mid(3)]


def test_failed_single_write_changes_nothing(store: Store) -> None:
    cid = mk_channel(store)
    store.set_channel_cursor(cid, 5)
    with pytest.raises(UsageError), store.transaction():
        put_msg(store, cid, 1)
        store.set_channel_cursor(cid, 4)  # refused: backwards
    assert store.list_messages(cid) == [] and store.get_channel(cid).cursor == 5


async def test_usable_from_executor_threads(store: Store) -> None:
    cid = mk_channel(store)

    def writer(base: int) -> None:
        for n in range(base, base + 40):
            with store.transaction():
                put_msg(store, cid, n)
                store.put_group_state(b"group-1", n, b"s%d" % n)

    await asyncio.gather(*(asyncio.to_thread(writer, k * 1000) for k in range(4)))
    assert len(list(store.iter_messages(cid))) == 160


def test_closed_store_refuses(store: Store) -> None:
    store.close()
    with pytest.raises(UsageError):
        store.list_channels()


# ----------------------------------------------------------------- SQLite specifics


def raw(db: Path) -> sqlite3.Connection:
    return sqlite3.connect(db, isolation_level=None)


def flip(db: Path, table: str, where: str, args: tuple[object, ...], offset: int = -3) -> None:
    conn = raw(db)
    (sealed,) = conn.execute(f"SELECT sealed FROM {table} WHERE {where}", args).fetchone()
    data = bytearray(sealed)
    data[offset] ^= 0x10
    conn.execute(f"UPDATE {table} SET sealed = ? WHERE {where}", (bytes(data), *args))
    conn.close()


def populated(db: Path) -> SqliteStore:
    s = SqliteStore.open(db, KEY)
    for n in (1, 2):
        cid = mk_channel(s, n)
        for m in range(3):
            put_msg(s, cid, n * 10 + m)
        s.put_group_state(b"group-%d" % n, n, b"state-%d" % n)
        s.enqueue_outbox(cid, b"out-%d" % n, created_at=n)
    return s


def test_persists_across_reopen(db_path: Path) -> None:
    populated(db_path).close()
    s = SqliteStore.open(db_path, KEY)
    assert [c.name for c in s.list_channels()] == ["channel 1", "channel 2"]
    assert [m.body for m in s.list_messages(b"chan-1")] == [b"body-10", b"body-11", b"body-12"]
    assert [i.data for i in s.list_outbox()] == [b"out-1", b"out-2"]
    assert s.get_group_state(b"group-2").state == b"state-2"  # type: ignore[union-attr]
    s.close()


def test_wrong_key_is_refused(db_path: Path) -> None:
    populated(db_path).close()
    with pytest.raises(StoreKeyError):
        SqliteStore.open(db_path, Secret(os.urandom(32)))
    with pytest.raises(UsageError):
        SqliteStore.open(db_path, Secret(b"short"))


def test_pragmas(db_path: Path) -> None:
    s = SqliteStore.open(db_path, KEY)
    conn = s._conn
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    assert conn.execute("PRAGMA secure_delete").fetchone()[0] == 1
    assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    s.close()


def test_file_modes(db_path: Path) -> None:
    s = populated(db_path)
    for suffix in ("", "-wal", "-shm"):
        f = Path(str(db_path) + suffix)
        assert f.exists(), suffix
        assert stat.S_IMODE(f.stat().st_mode) == 0o600, suffix
    s.close()


@pytest.mark.parametrize("offset", [0, 5, 30, -1])
def test_bit_flip_in_message_is_detected_and_others_readable(db_path: Path, offset: int) -> None:
    populated(db_path).close()
    flip(db_path, "messages", "message_id = ?", (mid(11),), offset)
    s = SqliteStore.open(db_path, KEY)
    with pytest.raises(CorruptRecordError) as info:
        s.get_message(b"chan-1", mid(11))
    assert info.value.table == "messages" and mid(11).hex() in info.value.row
    page = s.list_messages(b"chan-1")
    assert [m.damaged for m in page] == [False, True, False]
    assert page[1].body == b"" and page[1].message_id == mid(11)
    assert s.get_message(b"chan-1", mid(12)).body == b"body-12"
    assert [m.body for m in s.list_messages(b"chan-2")] == [b"body-20", b"body-21", b"body-22"]
    s.close()


def test_bit_flip_in_channel_group_state_outbox(db_path: Path) -> None:
    populated(db_path).close()
    flip(db_path, "channels", "channel_id = ?", (b"chan-1",))
    flip(db_path, "group_states", "group_id = ?", (b"group-1",))
    flip(db_path, "outbox", "channel_id = ?", (b"chan-1",))
    s = SqliteStore.open(db_path, KEY)
    with pytest.raises(CorruptRecordError) as info:
        s.get_channel(b"chan-1")
    assert info.value.table == "channels" and b"chan-1".hex() in info.value.row
    listed = s.list_channels()
    assert [(c.damaged, c.kind) for c in listed] == [(True, None), (False, ChannelKind.CAUCUS)]
    with pytest.raises(CorruptRecordError) as info:
        s.get_group_state(b"group-1")
    assert info.value.table == "group_states"
    assert s.get_group_state(b"group-2").state == b"state-2"  # type: ignore[union-attr]
    assert [(i.damaged, i.data) for i in s.list_outbox()] == [(True, b""), (False, b"out-2")]
    s.close()


def test_swapped_ciphertexts_are_detected(db_path: Path) -> None:
    populated(db_path).close()
    conn = raw(db_path)
    a = conn.execute("SELECT sealed FROM messages WHERE message_id = ?", (mid(10),)).fetchone()[0]
    b = conn.execute("SELECT sealed FROM messages WHERE message_id = ?", (mid(20),)).fetchone()[0]
    conn.execute("UPDATE messages SET sealed = ? WHERE message_id = ?", (b, mid(10)))
    conn.execute("UPDATE messages SET sealed = ? WHERE message_id = ?", (a, mid(20)))
    # A channel's sealed name moved to another channel, and an epoch rewritten.
    c1 = conn.execute("SELECT sealed FROM channels WHERE channel_id = ?", (b"chan-1",)).fetchone()
    conn.execute("UPDATE channels SET sealed = ? WHERE channel_id = ?", (c1[0], b"chan-2"))
    conn.execute("UPDATE group_states SET epoch = 7 WHERE group_id = ?", (b"group-1",))
    conn.close()
    s = SqliteStore.open(db_path, KEY)
    for cid, m in ((b"chan-1", mid(10)), (b"chan-2", mid(20))):
        with pytest.raises(CorruptRecordError):
            s.get_message(cid, m)
    with pytest.raises(CorruptRecordError):
        s.get_channel(b"chan-2")
    assert s.get_channel(b"chan-1").name == "channel 1"
    with pytest.raises(CorruptRecordError):
        s.get_group_state(b"group-1")
    s.close()


def test_ratchet_parts_flipped_or_swapped_are_detected(db_path: Path) -> None:
    s = SqliteStore.open(db_path, KEY)
    for n in (1, 2):
        s.put_group_state(b"group-%d" % n, 4, b"epoch-%d" % n, b"ratchets-%d" % n)
    s.close()
    conn = raw(db_path)
    (r1,) = conn.execute("SELECT sealed FROM group_ratchets WHERE group_id = ?",
                         (b"group-1",)).fetchone()
    (e1,) = conn.execute("SELECT sealed FROM group_states WHERE group_id = ?",
                         (b"group-1",)).fetchone()
    conn.execute("UPDATE group_ratchets SET sealed = ? WHERE group_id = ?", (r1, b"group-2"))
    # a ratchet part is never opened as an epoch part (its own name in the AAD)
    conn.execute("UPDATE group_states SET sealed = ? WHERE group_id = ?", (r1, b"group-1"))
    conn.close()
    s = SqliteStore.open(db_path, KEY)
    for n in (1, 2):
        with pytest.raises(CorruptRecordError):
            s.get_group_state(b"group-%d" % n)
    s.close()
    conn = raw(db_path)
    conn.execute("UPDATE group_states SET sealed = ? WHERE group_id = ?", (e1, b"group-1"))
    conn.execute("UPDATE group_ratchets SET epoch = 5 WHERE group_id = ?", (b"group-2",))
    data = bytearray(r1)
    data[-3] ^= 0x10
    conn.execute("UPDATE group_ratchets SET sealed = ? WHERE group_id = ?",
                 (bytes(data), b"group-1"))
    conn.close()
    s = SqliteStore.open(db_path, KEY)
    for n in (1, 2):  # a flipped bit; a ratchet row of another epoch
        with pytest.raises(CorruptRecordError) as info:
            s.get_group_state(b"group-%d" % n)
        assert info.value.table == "group_ratchets"
    s.delete_group_state(b"group-1")  # both rows go
    assert s._conn.execute("SELECT count(*) FROM group_ratchets").fetchone()[0] == 1
    s.close()


def test_secure_delete_removes_ciphertext(db_path: Path) -> None:
    s = populated(db_path)
    conn = raw(db_path)
    sealed = conn.execute("SELECT sealed FROM messages WHERE message_id = ?", (mid(11),)).fetchone()
    conn.close()
    assert s.delete_message(b"chan-1", mid(11))
    s.close()
    for f in db_path.parent.iterdir():
        assert sealed[0][1:25] not in f.read_bytes(), f.name  # its nonce is gone too


MARKERS = ["QZXV-caucus-name-8841", "JWQK-secret-body-1193", "PLMN-sender-name-5526"]


def _forms(marker: str) -> list[bytes]:
    out = []
    for enc in ("utf-8", "utf-16-le", "utf-16-be"):
        whole = marker.encode(enc)
        out.append(whole)
        width = 10 * (1 if enc == "utf-8" else 2)
        out.extend(whole[i : i + width] for i in range(0, len(whole) - width + 1, 2))
    return out


def test_no_plaintext_on_disk(tmp_path: Path) -> None:
    home = paths.resolve_home(tmp_path / "home")
    keystore = ks.open_keystore(
        home,
        env={ks.PASSPHRASE_ENV: "marker test passphrase"},
        keyring_backend=__import__("keyring.backends.fail", fromlist=["Keyring"]).Keyring(),
        kdf=ks.KdfLimits(nacl.pwhash.argon2id.OPSLIMIT_MIN, nacl.pwhash.argon2id.MEMLIMIT_MIN),
    )
    s = open_store(home, keystore)
    name, body, sender = MARKERS
    s.create_channel(
        channel_id=b"c",
        group_id=b"g",
        kind=ChannelKind.CAUCUS,
        name=name,
        created_at=1,
        roster=f"roster of {name}".encode(),
    )
    for n in range(50):
        s.insert_message(
            b"c",
            mid(n),
            sender=sender.encode(),
            body=f"{body} #{n}".encode("utf-16-le"),
            sent_at=n,
            received_at=n,
        )
        s.insert_message(
            b"c",
            mid(1000 + n),
            sender=sender.encode(),
            body=f"{body} #{n}".encode(),
            sent_at=n,
            received_at=n,
        )
    s.update_message(b"c", mid(3), body=body.encode())
    s.delete_message(b"c", mid(4))
    s.put_group_state(b"g", 1, f"group secret {body}".encode())
    s.enqueue_outbox(b"c", f"outgoing {body}".encode(), created_at=1)
    s.set_cursor("welcomes", 3)
    # The plaintext kind is not stored either.
    s.close()
    files = [f for f in home.root.rglob("*") if f.is_file()]
    assert {f.name for f in files} >= {"store.sqlite3", "secrets.key", "keystore.json"}
    store_key = keystore.get(ks.STORE_KEY)
    assert store_key is not None
    for f in files:
        data = f.read_bytes()
        for marker in MARKERS:
            for form in _forms(marker):
                assert form not in data, (f.name, marker, form)
        assert b"caucus" not in data, f.name
        assert store_key.value not in data, f.name


def test_open_store_refuses_missing_key(tmp_path: Path) -> None:
    home = paths.resolve_home(tmp_path / "home")

    class Dict:
        backend = "keyring"
        description = "test"

        def __init__(self) -> None:
            self.items: dict[str, bytes] = {}

        def get(self, name: str) -> Secret | None:
            return Secret(self.items[name]) if name in self.items else None

        def put(self, name: str, value: bytes) -> None:
            self.items[name] = value

        def delete(self, name: str) -> None:
            self.items.pop(name, None)

        def get_or_create(self, name: str, length: int = 32) -> Secret:
            if name not in self.items:
                self.items[name] = os.urandom(length)
            return Secret(self.items[name])

    keys = Dict()
    s = open_store(home, keys)  # type: ignore[arg-type]
    mk_channel(s)
    s.close()
    assert open_store(home, keys).get_channel(b"chan-1").name == "channel 1"  # type: ignore[arg-type]
    keys.items.clear()
    with pytest.raises(StoreKeyError):
        open_store(home, keys)  # type: ignore[arg-type]


# ----------------------------------------------------------------- migrations


def test_migrates_v1_database(db_path: Path) -> None:
    conn = raw(db_path)
    schema.migrate(conn, target=1)
    assert schema.current_version(conn) == 1
    cipher = RowCipher(KEY)
    sealed = cipher.seal(
        msgspec.msgpack.encode(["old channel", "bilateral", b"r"]), "channels", b"c", b"g"
    )
    conn.execute("INSERT INTO channels VALUES (?, ?, 4, 1, ?)", (b"c", b"g", sealed))
    body = cipher.seal(
        msgspec.msgpack.encode([b"alice", b"hello from v1"]), "messages", b"c", mid(1)
    )
    conn.execute(
        "INSERT INTO messages (channel_id, message_id, seq, sent_at, received_at, sealed) "
        "VALUES (?, ?, 1, 10, 11, ?)",
        (b"c", mid(1), body),
    )
    conn.close()
    s = SqliteStore.open(db_path, KEY)
    assert schema.current_version(s._conn) == SCHEMA_VERSION == 12
    ch = s.get_channel(b"c")
    assert (ch.name, ch.kind, ch.roster, ch.cursor) == (
        "old channel",
        ChannelKind.BILATERAL,
        b"r",
        4,
    )
    old = s.get_message(b"c", mid(1))
    assert (old.sender, old.body, old.expires_at) == (b"alice", b"hello from v1", None)
    put_msg(s, b"c", 2, expires_at=5)  # v2 column
    s.set_cursor("welcomes", 1)  # v3 table
    assert s.delete_expired(6) == 1
    assert s.get_cursor("welcomes") == 1
    s.close()


def test_failed_migration_keeps_previous_version(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    conn = raw(db_path)
    schema.migrate(conn, target=2)
    conn.close()

    def broken(conn: sqlite3.Connection) -> None:
        conn.execute("CREATE TABLE cursors (name TEXT PRIMARY KEY, value INTEGER NOT NULL)")
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr(schema, "MIGRATIONS", (*schema.MIGRATIONS[:2], broken))
    with pytest.raises(StorageError):
        SqliteStore.open(db_path, KEY)
    conn = raw(db_path)
    assert schema.current_version(conn) == 2
    assert not conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'cursors'").fetchone()
    conn.close()
    monkeypatch.undo()
    s = SqliteStore.open(db_path, KEY)
    assert s.get_cursor("x") == 0
    s.close()


def test_newer_schema_is_refused(db_path: Path) -> None:
    SqliteStore.open(db_path, KEY).close()
    conn = raw(db_path)
    conn.execute("UPDATE schema_version SET version = 99")
    conn.close()
    with pytest.raises(SchemaVersionError):
        SqliteStore.open(db_path, KEY)


def test_foreign_database_is_refused(db_path: Path) -> None:
    conn = raw(db_path)
    conn.execute("CREATE TABLE something (x)")
    conn.close()
    with pytest.raises(SchemaVersionError):
        SqliteStore.open(db_path, KEY)


def test_garbage_file_is_storage_error(db_path: Path) -> None:
    db_path.write_bytes(os.urandom(4096))
    with pytest.raises(StorageError):
        SqliteStore.open(db_path, KEY)


def test_channel_rows_changed_under_an_open_store_are_opened_again(db_path: Path) -> None:
    """The store keeps what each channel row last opened to (it is read several times a
    message): a row rewritten behind its back (flipped, swapped with another channel's,
    or updated by the store itself) is opened again and judged on its own bytes."""
    s = populated(db_path)
    assert s.get_channel(b"chan-1").name == "channel 1"  # both rows opened and kept
    assert s.get_channel(b"chan-2").name == "channel 2"
    conn = raw(db_path)
    c1 = conn.execute("SELECT sealed FROM channels WHERE channel_id = ?", (b"chan-1",)).fetchone()
    conn.execute("UPDATE channels SET sealed = ? WHERE channel_id = ?", (c1[0], b"chan-2"))
    conn.close()
    with pytest.raises(CorruptRecordError):
        s.get_channel(b"chan-2")  # chan-1's value under chan-2's ids
    assert [c.damaged for c in s.list_channels()] == [False, True]
    flip(db_path, "channels", "channel_id = ?", (b"chan-1",))
    with pytest.raises(CorruptRecordError):
        s.get_channel(b"chan-1")
    s.close()
    s = SqliteStore.open(db_path, KEY)
    with pytest.raises(CorruptRecordError):
        s.get_channel(b"chan-1")
    s.close()


def test_a_channel_update_is_read_back_and_a_rolled_back_one_is_not(db_path: Path) -> None:
    s = populated(db_path)
    s.update_channel(b"chan-1", name="renamed")
    assert s.get_channel(b"chan-1").name == "renamed"
    with pytest.raises(RuntimeError), s.transaction():
        s.update_channel(b"chan-1", name="never")
        assert s.get_channel(b"chan-1").name == "never"
        raise RuntimeError("undo")
    assert s.get_channel(b"chan-1").name == "renamed"
    assert [c.name for c in s.list_channels()] == ["renamed", "channel 2"]
    s.close()
