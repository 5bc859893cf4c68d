# SPDX-License-Identifier: Apache-2.0
"""PostgreSQL storage: the production store, shared by several relay processes.

Writes use the same group-commit writer as SQLite (one connection per process, many
ops per transaction). Each batch ends with one ``pg_notify`` carrying its events'
coordinates; every process LISTENs on a channel named after the database schema and
turns other processes' notifications into the same events (reading the rows back),
which is how a message sent through one relay is pushed by another, and how a device
revoked through one relay loses its logins and sockets on every other at once.

The schema comes from the connection's ``search_path`` (``?options=-csearch_path=x``
in the URL), which is how tests get a fresh schema each.
"""

from __future__ import annotations

import asyncio
import hashlib
import logging
import os
import secrets
import threading
from collections.abc import Sequence
from typing import TypeAlias

import psycopg
from psycopg.rows import TupleRow

from ..errors import BadRequest, Conflict, NotFound, ServerError, StorageUnavailable
from ._sql import (
    SCHEMA,
    STATE_COLUMNS,
    WELCOME_COLUMNS,
    Cursor,
    Outcome,
    Post,
    SqlStorage,
    welcome_row,
)
from .base import (
    Event,
    EventSink,
    EventsMissed,
    MembershipEvent,
    MessageEvent,
    PostOutcome,
    RevocationEvent,
    StoredMessage,
    WelcomeEvent,
)

__all__ = ["PostgresStorage"]

log = logging.getLogger("corridor.relay.storage")


#: A psycopg connection giving rows as tuples.
PgConn: TypeAlias = psycopg.Connection[TupleRow]


class PostgresStorage(SqlStorage[PgConn]):
    placeholder = "%s"
    savepoints = False

    def __init__(self, url: str, *, batch_max: int = 512, blob_key: bytes | None = None
                 ) -> None:
        super().__init__(url, batch_max=batch_max, blob_key=blob_key)
        self.origin = f"{os.getpid():x}.{secrets.token_hex(4)}"
        self.channel = "corridor"
        self._listener: threading.Thread | None = None
        self._stop = threading.Event()

    def _connect_writer(self) -> PgConn:
        return psycopg.connect(self.url, autocommit=False, connect_timeout=10)

    def _connect_reader(self) -> PgConn:
        return psycopg.connect(self.url, autocommit=True, connect_timeout=10)

    def _create_schema(self, conn: PgConn) -> None:
        with conn.cursor() as cur:
            cur.execute("SELECT pg_advisory_xact_lock(7426157)")  # one creator at a time
            cur.execute("SELECT 1 FROM information_schema.columns WHERE table_schema = "
                        "current_schema() AND table_name = 'blobs' AND column_name = 'owner'")
            if cur.fetchone() is not None:  # a store made by an older relay
                cur.execute("ALTER TABLE blobs RENAME TO blobs_v1")
                cur.execute("ALTER INDEX IF EXISTS blobs_pkey RENAME TO blobs_v1_pkey")
            cur.execute("SELECT to_regclass('blobs_v1') IS NOT NULL")
            found = cur.fetchone()
            self.legacy_blobs = bool(found and found[0])
            for stmt in SCHEMA.format(blob="BYTEA", serial="BIGSERIAL PRIMARY KEY").split(";"):
                if stmt.strip():
                    cur.execute(stmt)
            for table, columns in (("welcomes", WELCOME_COLUMNS),
                                   ("group_states", STATE_COLUMNS)):
                for name, kind in columns:  # a store made by an older relay
                    cur.execute(f"ALTER TABLE {table} ADD COLUMN IF NOT EXISTS {name} "
                                f"{kind.format(blob='BYTEA')}")
            cur.execute("SELECT current_schema()")
            row = cur.fetchone()
            if row is None:
                raise LookupError("no current schema")
            schema = row[0]
        conn.commit()
        self.channel = "corridor_" + hashlib.sha256(str(schema).encode()).hexdigest()[:16]

    def _lock_log(self, cur: Cursor) -> None:
        cur.execute("SELECT pg_advisory_xact_lock(7426158)")

    def _append(
        self, cur: Cursor, group_id: bytes, sender: str, client_msg_id: str, payload: bytes,
        now: int,
    ) -> int:
        """One round trip: the seq increment and the insert in one statement."""
        cur.execute(
            "WITH s AS (UPDATE groups SET last_seq = last_seq + 1 WHERE group_id = %s "
            "RETURNING last_seq) INSERT INTO messages (group_id, seq, sender, client_msg_id, "
            "payload, created_at) SELECT %s, s.last_seq, %s, %s, %s, %s FROM s RETURNING seq",
            (group_id, group_id, sender, client_msg_id, payload, now),
        )
        row = cur.fetchone()
        if row is None:
            raise LookupError("the group's row is gone")
        return int(row[0])

    def _post_many(
        self, cur: Cursor, posts: list[Post], events: list[Event]
    ) -> list[Outcome]:
        """Three statements for the run instead of two round trips per message: resends
        and routing looked up for all, each group's seqs taken by one UPDATE (the row
        lock orders them against other processes, as one message's would), every row
        inserted from arrays. Outcomes and events are those of running each in turn."""
        cur.execute(
            "SELECT (SELECT seq FROM messages m WHERE m.group_id = t.g AND m.sender = t.s "
            "AND m.client_msg_id = t.c), EXISTS (SELECT 1 FROM members b WHERE "
            "b.group_id = t.g AND b.device_id = t.s AND b.left_seq IS NULL) "
            "FROM unnest(%s::bytea[], %s::text[], %s::text[]) WITH ORDINALITY AS t(g, s, c, i) "
            "ORDER BY t.i",
            ([p.group_id for p in posts], [p.sender for p in posts],
             [p.client_msg_id for p in posts]),
        )
        out: list[Outcome] = []
        first: dict[tuple[bytes, str, str], int] = {}  # stored by this run: its index
        resent: list[tuple[int, int]] = []  # (index, index of the first with its id)
        counts: dict[bytes, int] = {}
        for i, (p, (dup, routed)) in enumerate(zip(posts, cur.fetchall(), strict=True)):
            key = (p.group_id, p.sender, p.client_msg_id)
            if dup is not None:
                out.append((True, PostOutcome(int(dup), True)))
            elif key in first:
                resent.append((i, first[key]))
                out.append((False, None))  # answered below, once the first has its seq
            elif not routed:
                out.append((False, NotFound("no such group, or this device is not routed "
                                            "in it")))
            else:
                first[key] = i
                counts[p.group_id] = counts.get(p.group_id, 0) + 1
                out.append((False, None))
        if not first:
            return out
        gids = sorted(counts)  # a fixed lock order across processes
        cur.execute(
            "UPDATE groups g SET last_seq = g.last_seq + t.n FROM unnest(%s::bytea[], "
            "%s::bigint[]) AS t(id, n) WHERE g.group_id = t.id RETURNING g.group_id, g.last_seq",
            (gids, [counts[g] for g in gids]),
        )
        nxt = {bytes(r[0]): int(r[1]) - counts[bytes(r[0])] for r in cur.fetchall()}
        seqs: dict[int, int] = {}
        for i in first.values():
            g = posts[i].group_id
            nxt[g] += 1
            seqs[i] = nxt[g]
        stored = [posts[i] for i in first.values()]
        cur.execute(
            "INSERT INTO messages (group_id, seq, sender, client_msg_id, payload, created_at) "
            "SELECT * FROM unnest(%s::bytea[], %s::bigint[], %s::text[], %s::text[], "
            "%s::bytea[], %s::bigint[])",
            ([p.group_id for p in stored], list(seqs.values()), [p.sender for p in stored],
             [p.client_msg_id for p in stored], [p.payload for p in stored],
             [p.now for p in stored]),
        )
        for i, seq in seqs.items():
            p = posts[i]
            out[i] = (True, PostOutcome(seq, False))
            events.append(MessageEvent(StoredMessage(
                p.group_id, seq, p.sender, p.client_msg_id, p.payload, p.now), False))
        for i, j in resent:
            out[i] = (True, PostOutcome(seqs[j], True))
        return out

    def _lock_group(self, cur: Cursor, group_id: bytes) -> None:
        """Several relay processes may post commits to one group at once: the group row
        lock orders them (the loser then sees the winner's epoch and state)."""
        cur.execute("SELECT 1 FROM groups WHERE group_id = %s FOR UPDATE", (group_id,))

    def _conn_alive(self, conn: PgConn) -> bool:
        return not (conn.closed or conn.broken)

    def _map_db_error(self, exc: BaseException) -> ServerError:
        if isinstance(exc, psycopg.errors.IntegrityError):
            return Conflict("conflicting write")
        if isinstance(exc, (psycopg.errors.DataError, OverflowError)):
            return BadRequest("value out of range")
        return StorageUnavailable("storage error")

    def _retryable(self, exc: BaseException) -> bool:
        return isinstance(
            exc,
            (psycopg.errors.IntegrityError, psycopg.errors.DeadlockDetected,
             psycopg.errors.SerializationFailure),
        )

    def _before_commit(self, cur: Cursor, events: Sequence[Event]) -> None:
        notes = []
        for e in events:
            if isinstance(e, MessageEvent):
                m = e.message
                flag = int(e.membership_changed)
                notes.append(f"{self.origin} m {m.group_id.hex()} {m.seq} {flag}")
            elif isinstance(e, WelcomeEvent):
                notes.append(f"{self.origin} w {e.welcome.id}")
            elif isinstance(e, RevocationEvent):
                notes.extend(f"{self.origin} r {d}" for d in e.device_ids)
            elif isinstance(e, MembershipEvent):
                notes.append(f"{self.origin} g {e.group_id.hex()}")
        if not notes:
            return
        chunks: list[str] = []
        cur_chunk: list[str] = []
        size = 0
        for n in notes:  # NOTIFY payloads must stay under 8000 bytes
            if size + len(n) > 7000:
                chunks.append("\n".join(cur_chunk))
                cur_chunk, size = [], 0
            cur_chunk.append(n)
            size += len(n) + 1
        chunks.append("\n".join(cur_chunk))
        cur.execute(
            "SELECT pg_notify(%s, x) FROM unnest(%s::text[]) AS t(x)", (self.channel, chunks)
        )

    # -- cross-process events -----------------------------------------------------------
    async def open(self, on_events: EventSink | None = None) -> None:
        await super().open(on_events)
        self._stop.clear()
        ready = threading.Event()
        self._listener = threading.Thread(
            target=self._listen_main, args=(ready,), name="relay-listen", daemon=True
        )
        self._listener.start()
        await asyncio.to_thread(ready.wait, 15)

    async def close(self) -> None:
        self._stop.set()
        if self._listener is not None:
            await asyncio.to_thread(self._listener.join, 10)
            self._listener = None
        await super().close()

    def _listen_main(self, ready: threading.Event) -> None:
        lost = False
        while not self._stop.is_set():
            try:
                with psycopg.connect(self.url, autocommit=True, connect_timeout=10) as conn:
                    conn.execute(f'LISTEN "{self.channel}"')
                    ready.set()
                    if lost:  # NOTIFYs sent while we were away are gone: resynchronise
                        lost = False
                        log.warning("listener reconnected; sockets will catch up")
                        assert self._loop is not None
                        missed: list[Event] = [EventsMissed()]
                        self._loop.call_soon_threadsafe(self._emit, missed)
                    while not self._stop.is_set():
                        # the generator holds the connection: collect, then query
                        notes = list(conn.notifies(timeout=0.2, stop_after=1))
                        if not notes:
                            continue
                        notes += conn.notifies(timeout=0.001, stop_after=1024)
                        events = [e for n in notes for e in self._decode(conn, n.payload)]
                        if events:
                            assert self._loop is not None
                            self._loop.call_soon_threadsafe(self._emit, events)
            except Exception as exc:
                lost = True
                log.warning("listener reconnecting after %s", type(exc).__name__)
                ready.set()
                self._stop.wait(1.0)

    def _decode(self, conn: PgConn, payload: str) -> list[Event]:
        out: list[Event] = []
        with conn.cursor() as cur:
            for line in payload.split("\n"):
                parts = line.split(" ")
                if len(parts) < 3 or parts[0] == self.origin:
                    continue
                kind = parts[1]
                if kind == "m" and len(parts) == 5:
                    gid, seq = bytes.fromhex(parts[2]), int(parts[3])
                    for m in self._fetch_range(cur, gid, seq - 1, seq, 1):
                        out.append(MessageEvent(m, parts[4] == "1"))
                elif kind == "w":
                    wid = int(parts[2])
                    cur.execute(
                        "SELECT id, sender, payload, created_at, group_id, seq, commit_msg "
                        "FROM welcomes WHERE id = %s", (wid,)
                    )
                    row = cur.fetchone()
                    if row is None:
                        continue
                    cur.execute(
                        "SELECT device_id FROM welcome_deliveries WHERE welcome_id = %s", (wid,)
                    )
                    rcpt = tuple(r[0] for r in cur.fetchall())
                    out.append(WelcomeEvent(welcome_row(row), rcpt))
                elif kind == "g":
                    out.append(MembershipEvent(bytes.fromhex(parts[2])))
                elif kind == "r":
                    out.append(RevocationEvent((parts[2],)))
        return out
