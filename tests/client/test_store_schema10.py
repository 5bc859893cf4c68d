# SPDX-License-Identifier: Apache-2.0
"""Schema 10: messages refer to their channel by a small number instead of its 16-byte
id. A store of schema 9, with messages in three channels (relay order unlike arrival
order, own unsent ones, expiring ones, deleted ones), annotations, outbox items, group
states and search terms, migrates with every message, order, search result, expiry and
deletion as before; a migration that fails or is killed half-way leaves schema 9 as it
was (THREATS 18: a client killed at any write).

The schema-9 store is written row by row as ``SqliteStore`` of schema 9 wrote it (the
same seals, packing and index terms), and read back before the migration with schema
9's own queries.
"""

from __future__ import annotations

import os
import secrets
import signal
import sqlite3
import struct
import subprocess
import sys
from pathlib import Path
from typing import Any

import msgspec
import pytest

from client import payloads
from client.errors import NotFoundError, StorageError
from client.features import Features
from client.search import SearchIndex, payload_text
from client.store import SqliteStore, rowpack, schema
from client.store.base import ChannelKind
from crypto.secret_bytes import Secret
from tests.support.migrations import fail_after_step, old_store

ROOT = Path(__file__).resolve().parents[2]
KEY = Secret(bytes(range(32)))
SEARCH_KEY = bytes(range(32, 64))
#: created in this order; the first two share a creation time (listed by creation order)
CHANNELS = [bytes([i]) * 16 for i in (7, 5, 9)]
CREATED = [5, 5, 3]
WORDS = ["plenary", "agenda", "amendment", "paragraph", "coffee", "delegation", "draft",
         "recess", "vote", "quorum", "annex", "ministerial"]
N = 150
#: deleted before the migration: a middle one and the newest (the position counter
#: then runs past the last row)
DELETED = (40, N - 1)
NOW = 20_000
#: searches everywhere, and in one channel
_SCOPES: tuple[bytes | None, ...] = (None, CHANNELS[1])


def _seq(i: int) -> int | None:
    """Relay order unlike arrival order; every tenth an own message not sequenced yet."""
    return None if i % 10 == 9 else (i * 37) % 500 + 1


def _expires(i: int) -> int | None:
    return 10_000 + i if i % 7 == 0 else None


def _texts() -> list[payloads.Text]:
    return [payloads.Text(message_id=payloads.new_message_id(), sent_at=1000 + i,
                          body=" ".join(WORDS[(i * k) % len(WORDS)] for k in (1, 3, 5)))
            for i in range(N)]


def _v9_store(db: Path, texts: list[payloads.Text], index: SearchIndex) -> None:
    """A store as schema 9's ``SqliteStore`` left it."""
    conn, cipher = old_store(db, 9, KEY)
    for i, cid in enumerate(CHANNELS):
        plain = msgspec.msgpack.encode([f"c{i}", "multilateral", b""])
        conn.execute("INSERT INTO channels VALUES (?, ?, ?, ?, ?)",
                     (cid, cid, 10 + i, CREATED[i], cipher.seal(plain, "channels", cid, cid)))
        conn.execute("INSERT INTO group_states VALUES (?, 1, ?)",
                     (cid, cipher.seal(b"state", "group_states", cid, struct.pack(">Q", 1))))
        item = bytes([i]) * 16
        conn.execute("INSERT INTO outbox (item_id, channel_id, created_at, sealed) "
                     "VALUES (?, ?, 1, ?)",
                     (item, cid, cipher.seal(b"queued %d" % i, "outbox", item, cid)))
    for i, p in enumerate(texts):
        cid = CHANNELS[i % 3]
        plain = rowpack.pack(msgspec.msgpack.encode([b"alderia/ana", payloads.encode(p)]),
                             p.message_id)
        terms = index.terms(payload_text(p))
        cur = conn.execute(
            "INSERT INTO messages (channel_id, message_id, seq, sent_at, received_at, "
            "expires_at, sealed, terms_check) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (cid, p.message_id, _seq(i), p.sent_at, p.sent_at + 1, _expires(i),
             cipher.seal(plain, "messages", cid, p.message_id), schema.terms_check(terms)))
        conn.execute("INSERT INTO search_fts (rowid, terms) VALUES (?, ?)",
                     (cur.lastrowid, terms))
        if i % 4 == 0:
            conn.execute("INSERT INTO annotations VALUES (?, ?, ?)",
                         (cid, p.message_id,
                          cipher.seal(b"ann %d" % i, "annotations", cid, p.message_id)))
    for i in DELETED:  # as delete_message did: its terms, its annotation, its row
        p = texts[i]
        position, = conn.execute("SELECT position FROM messages WHERE message_id = ?",
                                 (p.message_id,)).fetchone()
        conn.execute("INSERT INTO search_fts (search_fts, rowid, terms) "
                     "VALUES ('delete', ?, ?)", (position, index.terms(payload_text(p))))
        conn.execute("DELETE FROM annotations WHERE message_id = ?", (p.message_id,))
        conn.execute("DELETE FROM messages WHERE message_id = ?", (p.message_id,))
    conn.close()


def _queries(index: SearchIndex) -> list[list[str]]:
    return [index.query(q)[0] for q in [*WORDS, "absent", "amend*", "vote quorum"]]


def _v9_view(db: Path, queries: list[list[str]]) -> dict[str, Any]:
    """What schema 9's queries return on the file."""
    conn = sqlite3.connect(db)
    cols = ("position, channel_id, message_id, seq, sent_at, received_at, expires_at, "
            "sealed")
    view: dict[str, Any] = {}
    for cid in CHANNELS:
        view[f"positions {cid.hex()}"] = conn.execute(
            f"SELECT {cols} FROM messages WHERE channel_id = ? ORDER BY position",
            (cid,)).fetchall()
        view[f"ord {cid.hex()}"] = conn.execute(
            "SELECT ord, message_id FROM messages WHERE channel_id = ? ORDER BY ord",
            (cid,)).fetchall()
    view["expired"] = sorted(conn.execute(
        "SELECT channel_id, message_id FROM messages WHERE expires_at IS NOT NULL "
        "AND expires_at <= ?", (NOW,)).fetchall())
    for n, terms in enumerate(queries):
        match = " AND ".join("(" + " OR ".join(f'"{x}"' for x in t.split("|")) + ")"
                             for t in terms)
        for scope in _SCOPES:
            sql = ("SELECT m.message_id FROM search_fts f JOIN messages m "
                   "ON m.position = f.rowid WHERE search_fts MATCH ?")
            args: tuple[object, ...] = (match,)
            if scope is not None:
                sql += " AND m.channel_id = ?"
                args += (scope,)
            view[f"search {n} {scope!r}"] = [bytes(r[0]) for r in conn.execute(
                sql + " ORDER BY f.rowid DESC LIMIT 500", args)]
    view["annotations"] = sorted(conn.execute(
        "SELECT channel_id, message_id FROM annotations").fetchall())
    view["counter"] = conn.execute(
        "SELECT seq FROM sqlite_sequence WHERE name = 'messages'").fetchone()[0]
    conn.close()
    return view


def _search(store: SqliteStore, terms: list[str], cid: bytes | None) -> list[bytes]:
    return [m.message_id for m in store.search_index(terms, channel_id=cid, limit=500)]


def test_a_schema_9_store_migrates_keeping_every_message_order_result_and_expiry(
        tmp_path: Path) -> None:
    db = tmp_path / "store.sqlite3"
    index, texts = SearchIndex(SEARCH_KEY), _texts()
    _v9_store(db, texts, index)
    queries = _queries(index)
    before = _v9_view(db, queries)
    assert before["counter"] == N and before["expired"]
    assert sum(len(v) for k, v in before.items() if k.startswith("search")) > N

    store = SqliteStore.open(db, KEY)
    feats = Features(store, index)
    conn = store._conn
    assert schema.current_version(conn) == schema.LATEST == 12
    columns = {r[1] for r in conn.execute("PRAGMA table_xinfo(messages)")}
    assert "channel_id" not in columns and {"chan", "ord", "terms_check"} <= columns
    assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    conn.execute("INSERT INTO search_fts (search_fts) VALUES ('integrity-check')")
    assert [c.channel_id for c in store.list_channels()] == [CHANNELS[2], CHANNELS[0],
                                                            CHANNELS[1]]
    assert [store.get_channel(c).cursor for c in CHANNELS] == [10, 11, 12]

    # every message, at its position, with every field; relay order as before
    by_id = {p.message_id: p for p in texts}
    for cid in CHANNELS:
        rows = before[f"positions {cid.hex()}"]
        got = store.list_messages(cid, limit=500)
        assert [(m.position, m.channel_id, m.message_id, m.seq, m.sent_at, m.received_at,
                 m.expires_at) for m in got] == [tuple(r[:7]) for r in rows]
        assert all(payloads.decode(m.body) == by_id[m.message_id] and not m.damaged
                   and m.sender == b"alderia/ana" for m in got)
        assert [(o, m.message_id) for o, m in store.list_messages_ordered(cid, limit=500)] \
            == before[f"ord {cid.hex()}"]
        page = store.list_messages(cid, after=got[10].position, before=got[20].position)
        assert page == got[11:20]
        assert store.list_messages(cid, limit=1) == got[-1:]
        assert store.get_message(cid, got[5].message_id) == got[5]
    with pytest.raises(NotFoundError):
        store.get_message(CHANNELS[1], texts[0].message_id)  # in another channel
    for i in DELETED:
        with pytest.raises(NotFoundError):
            store.get_message(CHANNELS[i % 3], texts[i].message_id)

    # the same search results (positions, the index's keys, are kept), the same expiry
    for n, terms in enumerate(queries):
        for scope in _SCOPES:
            assert _search(store, terms, scope) == before[f"search {n} {scope!r}"], n
    assert sorted(store.expired_messages(NOW)) == before["expired"]
    number = {p.message_id: i for i, p in enumerate(texts)}
    assert all(store.get_annotation(c, m) == b"ann %d" % number[m]
               for c, m in before["annotations"])
    assert sorted(i.data for i in store.list_outbox()) == [b"queued 0", b"queued 1",
                                                          b"queued 2"]

    # a new message takes a position past the old counter, none is reused
    fresh = payloads.Text(message_id=payloads.new_message_id(), sent_at=9, body="agenda")
    assert store.insert_message(CHANNELS[0], fresh.message_id, sender=b"x",
                                body=payloads.encode(fresh), sent_at=9, received_at=9,
                                terms=feats.terms(fresh))
    assert store.get_message(CHANNELS[0], fresh.message_id).position == N + 1
    # uniqueness per channel and message id: a duplicate is refused, another channel's
    # message may carry the same id
    assert not store.insert_message(CHANNELS[0], fresh.message_id, sender=b"x", body=b"",
                                    sent_at=9, received_at=9)
    assert store.insert_message(CHANNELS[1], fresh.message_id, sender=b"y", body=b"b",
                                sent_at=9, received_at=9)
    with pytest.raises(NotFoundError):
        store.insert_message(secrets.token_bytes(16), fresh.message_id, sender=b"x",
                             body=b"", sent_at=9, received_at=9)
    agenda = index.query("agenda")[0]
    assert _search(store, agenda, None)[0] == fresh.message_id

    # expiry deletes the rows, their terms and their annotations
    expired = store.expired_messages(NOW)
    assert store.delete_expired(NOW) == len(expired)
    assert store.expired_messages(NOW) == []
    gone = {m for _c, m in expired}
    assert not gone & {m for t in queries for m in _search(store, t, None)}
    assert not any(store.get_annotation(c, m) for c, m in expired)
    conn.execute("INSERT INTO search_fts (search_fts) VALUES ('integrity-check')")
    store.close()

    # VACUUM renumbers no channel: everything reads the same afterwards
    store = SqliteStore.open(db, KEY)
    Features(store, index)
    kept = {c: store.list_messages(c, limit=500) for c in CHANNELS}
    store._conn.execute("VACUUM")
    assert {c: store.list_messages(c, limit=500) for c in CHANNELS} == kept

    # deleting a channel takes its messages, annotations, outbox items, group state and
    # search terms; the others keep theirs
    victim = CHANNELS[1]
    victim_ids = {m.message_id for m in kept[victim]} - {fresh.message_id}
    store.delete_channel(victim)
    for t in queries:
        assert not victim_ids & set(_search(store, t, None))
    assert _count(store, "messages") == len(kept[CHANNELS[0]]) + len(kept[CHANNELS[2]])
    assert {i.channel_id for i in store.list_outbox()} == {CHANNELS[0], CHANNELS[2]}
    assert store.get_group_state(victim) is None
    assert store.get_annotation(victim, texts[1].message_id) is None
    assert store._conn.execute("SELECT 1 FROM meta WHERE name = 'search_stale'").fetchone() \
        is None  # its terms were deleted exactly, not by a rebuild
    # the schema's own cascade too: removing the channel row removes its messages
    store._conn.execute("DELETE FROM channels WHERE channel_id = ?", (CHANNELS[2],))
    assert _count(store, "messages") == len(kept[CHANNELS[0]])
    # a new channel gets a number no live channel has
    store.create_channel(channel_id=b"n" * 16, group_id=b"n" * 16,
                         kind=ChannelKind.CAUCUS, name="new", created_at=1)
    numbers = [r[0] for r in store._conn.execute("SELECT number FROM channels")]
    assert len(set(numbers)) == len(numbers) == 2
    assert store.insert_message(b"n" * 16, fresh.message_id, sender=b"z", body=b"c",
                                sent_at=1, received_at=1)
    assert [m.body for m in store.list_messages(b"n" * 16)] == [b"c"]
    store.close()


def _count(store: SqliteStore, table: str) -> int:
    return int(store._conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])


def test_a_failed_migration_to_10_leaves_schema_9_readable(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    db = tmp_path / "store.sqlite3"
    index, texts = SearchIndex(SEARCH_KEY), _texts()
    _v9_store(db, texts, index)
    before = _v9_view(db, _queries(index))
    fail_after_step(monkeypatch, 9)  # the old table dropped, the new filled, then a failure
    with pytest.raises(StorageError):
        SqliteStore.open(db, KEY)
    conn = sqlite3.connect(db)
    assert schema.current_version(conn) == 9
    conn.close()
    assert _v9_view(db, _queries(index)) == before
    monkeypatch.undo()
    store = SqliteStore.open(db, KEY)
    assert len(store.list_messages(CHANNELS[0], limit=500)) == len(
        before[f"positions {CHANNELS[0].hex()}"])
    store.close()


_KILLED_IN_STEP_10 = """
import os, signal, sys
from client.store import SqliteStore, schema
from crypto.secret_bytes import Secret

real = schema.MIGRATIONS[9]

def killed(conn):
    # SIGKILL at the last statement of the step, the old table dropped and the new
    # one filled, the transaction not committed
    conn.set_trace_callback(lambda sql: os.kill(os.getpid(), signal.SIGKILL)
                            if sql.startswith("CREATE INDEX messages_expiry") else None)
    real(conn)

schema.MIGRATIONS = (*schema.MIGRATIONS[:9], killed)
SqliteStore.open(sys.argv[1], Secret(bytes.fromhex(sys.argv[2])))
"""


@pytest.mark.timeout(60)
def test_a_client_killed_in_the_migration_to_10_keeps_schema_9(tmp_path: Path) -> None:
    db = tmp_path / "store.sqlite3"
    index, texts = SearchIndex(SEARCH_KEY), _texts()
    _v9_store(db, texts, index)
    queries = _queries(index)
    before = _v9_view(db, queries)
    proc = subprocess.run(
        [sys.executable, "-c", _KILLED_IN_STEP_10, str(db), bytes(range(32)).hex()],
        env={**os.environ, "PYTHONPATH": str(ROOT)}, cwd=ROOT, capture_output=True,
        timeout=50)
    assert proc.returncode == -signal.SIGKILL, proc.stderr.decode(errors="replace")
    conn = sqlite3.connect(db)
    assert schema.current_version(conn) == 9
    assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    conn.close()
    assert _v9_view(db, queries) == before
    store = SqliteStore.open(db, KEY)  # and the next open migrates it
    assert schema.current_version(store._conn) == schema.LATEST
    for n, terms in enumerate(queries):
        assert _search(store, terms, None) == before[f"search {n} None"]
    store.close()
