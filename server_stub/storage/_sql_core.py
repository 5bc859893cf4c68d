# SPDX-License-Identifier: Apache-2.0
"""The SQL storage's plumbing: schema, the group-commit writer and the reader pool.

See :mod:`server_stub.storage._sql` for the design; the ops themselves live in
``_sql_directory`` (devices, directory, log, KeyPackages) and ``_sql_groups`` (groups,
messages, Welcomes).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import queue
import threading
import time
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from typing import Any, Generic, Protocol, TypeAlias, TypeVar, cast

from ..errors import (
    ServerError,
    StorageUnavailable,
)
from .base import (
    Event,
    EventSink,
    MessageEvent,
    PostOutcome,
    Storage,
    StoredWelcome,
)

__all__ = [
    "MAX_I64", "SCHEMA", "STATES_KEPT", "STATE_COLUMNS", "WELCOME_COLUMNS", "Connection",
    "Cursor", "Op", "Outcome", "Post", "Row", "SqlCore",
    "welcome_row",
]

T = TypeVar("T")
log = logging.getLogger("corridor.relay.storage")
#: A row as the database returns it; each op reads and checks its columns.
Row: TypeAlias = tuple[Any, ...]


class Cursor(Protocol):
    """The part of a DB-API cursor the ops use (sqlite3's and psycopg's both fit)."""

    @property
    def rowcount(self) -> int: ...

    def execute(self, sql: str, params: Sequence[object] = ..., /) -> object: ...

    def fetchone(self) -> Row | None: ...

    def fetchall(self) -> Sequence[Row]: ...

    def close(self) -> None: ...


class Connection(Protocol):
    """The part of a DB-API connection the writer and the readers use."""

    def cursor(self) -> Cursor: ...

    def commit(self) -> None: ...

    def rollback(self) -> None: ...

    def close(self) -> None: ...


#: A backend's connection type (sqlite3.Connection, psycopg.Connection).
C = TypeVar("C", bound=Connection)
#: An op: a function of a cursor that appends the events its write causes.
Op: TypeAlias = Callable[[Cursor, list[Event]], object]
#: An op and the future its caller awaits (typed by the op's result, which the queue
#: does not track).
Job: TypeAlias = "tuple[Op, asyncio.Future[Any]]"
#: What an op came to: (True, its result) or (False, the ServerError it raised).
Outcome: TypeAlias = tuple[bool, object]
MAX_I64 = 2**63 - 1


class Post:
    """An application message to store: an op the writer may run together with the
    consecutive others of its batch (:meth:`GroupOps._post_many`), or alone."""

    __slots__ = ("client_msg_id", "group_id", "now", "payload", "run", "sender")

    def __init__(self, run: Callable[[Cursor, list[Event]], PostOutcome], group_id: bytes,
                 sender: str, client_msg_id: str,
                 payload: bytes, now: int) -> None:
        self.run = run
        self.group_id = group_id
        self.sender = sender
        self.client_msg_id = client_msg_id
        self.payload = payload
        self.now = now

    def __call__(self, cur: Cursor, ev: list[Event]) -> PostOutcome:
        return self.run(cur, ev)

SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value {blob} NOT NULL);
CREATE TABLE IF NOT EXISTS used_nonces (nonce_hash {blob} PRIMARY KEY, expires_at BIGINT NOT NULL);
CREATE TABLE IF NOT EXISTS devices (device_id TEXT PRIMARY KEY, public_key {blob} NOT NULL,
    created_at BIGINT NOT NULL, revoked_at BIGINT);
CREATE TABLE IF NOT EXISTS key_packages (id {serial}, device_id TEXT NOT NULL,
    last_resort SMALLINT NOT NULL, data {blob} NOT NULL, created_at BIGINT NOT NULL);
CREATE INDEX IF NOT EXISTS key_packages_device ON key_packages (device_id, last_resort, id);
CREATE TABLE IF NOT EXISTS key_package_claims (id {serial}, target TEXT NOT NULL,
    claimer TEXT NOT NULL, last_resort SMALLINT NOT NULL, claimed_at BIGINT NOT NULL);
CREATE INDEX IF NOT EXISTS key_package_claims_target ON key_package_claims (target, claimed_at);
CREATE TABLE IF NOT EXISTS groups (group_id {blob} PRIMARY KEY, last_seq BIGINT NOT NULL,
    created_at BIGINT NOT NULL);
CREATE TABLE IF NOT EXISTS members (group_id {blob} NOT NULL, device_id TEXT NOT NULL,
    joined_seq BIGINT NOT NULL, acked_seq BIGINT NOT NULL, left_seq BIGINT,
    PRIMARY KEY (group_id, device_id));
CREATE INDEX IF NOT EXISTS members_device ON members (device_id);
CREATE TABLE IF NOT EXISTS epochs (group_id {blob} NOT NULL, epoch BIGINT NOT NULL,
    seq BIGINT NOT NULL, PRIMARY KEY (group_id, epoch));
CREATE TABLE IF NOT EXISTS messages (group_id {blob} NOT NULL, seq BIGINT NOT NULL,
    sender TEXT NOT NULL, client_msg_id TEXT NOT NULL, payload {blob} NOT NULL,
    created_at BIGINT NOT NULL, PRIMARY KEY (group_id, seq));
CREATE UNIQUE INDEX IF NOT EXISTS messages_dedupe ON messages (group_id, sender, client_msg_id);
CREATE INDEX IF NOT EXISTS messages_created ON messages (created_at);
CREATE TABLE IF NOT EXISTS welcomes (id {serial}, sender TEXT NOT NULL, payload {blob} NOT NULL,
    created_at BIGINT NOT NULL, group_id {blob}, seq BIGINT, commit_msg {blob});
CREATE TABLE IF NOT EXISTS welcome_deliveries (device_id TEXT NOT NULL,
    welcome_id BIGINT NOT NULL, PRIMARY KEY (device_id, welcome_id));
CREATE INDEX IF NOT EXISTS welcome_deliveries_w ON welcome_deliveries (welcome_id);
CREATE TABLE IF NOT EXISTS blobs (blob_id TEXT PRIMARY KEY, owner_tag {blob} NOT NULL,
    group_tag {blob}, size BIGINT NOT NULL, data {blob} NOT NULL,
    stored_hour BIGINT NOT NULL, expires_at BIGINT NOT NULL);
CREATE INDEX IF NOT EXISTS blobs_expiry ON blobs (expires_at);
CREATE TABLE IF NOT EXISTS blob_quota (tag {blob} PRIMARY KEY, day BIGINT NOT NULL,
    used BIGINT NOT NULL);
CREATE TABLE IF NOT EXISTS directory (kind TEXT NOT NULL, key TEXT NOT NULL,
    scope TEXT NOT NULL, value {blob} NOT NULL, version BIGINT NOT NULL,
    updated_at BIGINT NOT NULL, PRIMARY KEY (kind, key));
CREATE INDEX IF NOT EXISTS directory_scope ON directory (kind, scope);
CREATE TABLE IF NOT EXISTS refusals (group_id {blob} NOT NULL, seq BIGINT NOT NULL,
    device_id TEXT NOT NULL, created_at BIGINT NOT NULL, PRIMARY KEY (group_id, seq, device_id));
CREATE TABLE IF NOT EXISTS voided (group_id {blob} NOT NULL, seq BIGINT NOT NULL,
    epoch BIGINT NOT NULL, created_at BIGINT NOT NULL, PRIMARY KEY (group_id, seq));
CREATE TABLE IF NOT EXISTS transparency_log (idx BIGINT PRIMARY KEY,
    leaf_hash {blob} NOT NULL, entry {blob} NOT NULL, added_at BIGINT NOT NULL);
CREATE UNIQUE INDEX IF NOT EXISTS transparency_log_leaf ON transparency_log (leaf_hash);
CREATE TABLE IF NOT EXISTS group_states (group_id {blob} NOT NULL, seq BIGINT NOT NULL,
    at BIGINT NOT NULL, missions BIGINT NOT NULL, state {blob} NOT NULL, base BIGINT,
    PRIMARY KEY (group_id, seq));
DROP TABLE IF EXISTS enrolment_tokens;
"""
# (enrolment tokens were the pre-release admission; a store that still has their table
# loses it on open: a relay admits by certificate chain only)

#: Columns added after the first release, created on open where missing.
WELCOME_COLUMNS = (("group_id", "{blob}"), ("seq", "BIGINT"), ("commit_msg", "{blob}"))
#: ``base``: the seq of the whole state a row of changes builds on (NULL: a whole state).
STATE_COLUMNS = (("base", "BIGINT"),)

#: Public states kept per group (the newest ones): a commit can be voided only while
#: the state before it is kept.
STATES_KEPT = 32


def welcome_row(r: Row) -> StoredWelcome:
    """``id, sender, payload, created_at, group_id, seq, commit_msg`` to a StoredWelcome."""
    return StoredWelcome(int(r[0]), r[1], bytes(r[2]), int(r[3]),
                         bytes(r[4]) if r[4] is not None else b"",
                         int(r[5]) if r[5] is not None else 0,
                         bytes(r[6]) if r[6] is not None else b"")


class SqlCore(Storage, Generic[C]):
    """The plumbing every storage op runs on: the group-commit writer thread, the reader
    pool and the dialect hooks the backends fill in."""

    placeholder = "?"
    savepoints = False  # per-op SAVEPOINTs where they are cheap (in-process SQLite)
    reader_threads = 4
    reconnect_attempts = 3  # fresh writer connections tried for one batch before a 503

    def __init__(self, url: str, *, batch_max: int = 512, blob_key: bytes | None = None
                 ) -> None:
        self.url = url
        self.batch_max = batch_max
        #: keys the blob rows' tags; kept outside the database (server_stub.blobkey), so
        #: a dump alone links no blob to its uploader or group. None: a key for this
        #: process only (tools and tests; blobs stored under it do not outlive it)
        self._blob_key_given = blob_key
        self._blob_key: bytes | None = None
        self._q: queue.SimpleQueue[Job | None] = queue.SimpleQueue()  # None: stop
        self._writer: threading.Thread | None = None
        self._readers: ThreadPoolExecutor | None = None
        self._local = threading.local()
        self._reader_conns: list[C] = []
        self._reader_lock = threading.Lock()
        self._loop: asyncio.AbstractEventLoop | None = None
        self._on_events: EventSink | None = None
        self._sql_cache: dict[str, str] = {}
        self._secret: bytes | None = None
        self._ready = threading.Event()
        self._wconn: C | None = None
        #: called on the writer thread after each COMMIT: (messages stored, seconds)
        self.on_commit: Callable[[int, float], None] | None = None
        self._start_error: BaseException | None = None
        #: the store still has the older ``blobs`` table (set by ``_create_schema``)
        self.legacy_blobs = False

    # -- subclass hooks ------------------------------------------------------------------
    def _connect_writer(self) -> C:
        raise NotImplementedError

    def _connect_reader(self) -> C:
        raise NotImplementedError

    def _create_schema(self, conn: C) -> None:
        raise NotImplementedError

    def _begin(self, cur: Cursor) -> None:
        """Start a write transaction (psycopg starts one implicitly)."""

    def _before_commit(self, cur: Cursor, events: Sequence[Event]) -> None:
        """Last statements of a batch's transaction (PostgreSQL: NOTIFY)."""

    def _map_db_error(self, exc: BaseException) -> ServerError:
        return StorageUnavailable("storage error")

    def _retryable(self, exc: BaseException) -> bool:
        return False

    def _conn_alive(self, conn: C) -> bool:
        return True

    def _lock_log(self, cur: Cursor) -> None:
        """Serialise log appends across relay processes (SQLite's writer lock does)."""

    # -- lifecycle -----------------------------------------------------------------------
    async def open(self, on_events: EventSink | None = None) -> None:
        self._loop = asyncio.get_running_loop()
        self._on_events = on_events
        self._readers = ThreadPoolExecutor(self.reader_threads, thread_name_prefix="relay-read")
        self._writer = threading.Thread(target=self._writer_main, name="relay-write", daemon=True)
        self._writer.start()
        await asyncio.to_thread(self._ready.wait)
        if self._start_error is not None:
            raise self._start_error
        self._secret = await self._write(self._op_secret)
        await self._write(self._op_blob_key)
        if self.legacy_blobs:
            await self._write(self._op_migrate_blobs)
            self.legacy_blobs = False

    def _op_migrate_blobs(self, cur: Cursor, ev: list[Event]) -> int:
        raise NotImplementedError

    def _op_blob_key(self, cur: Cursor, ev: list[Event]) -> None:
        raise NotImplementedError

    async def close(self) -> None:
        if self._writer is not None:
            self._q.put(None)  # stop
            await asyncio.to_thread(self._writer.join, 30)
            self._writer = None
        if self._readers is not None:
            self._readers.shutdown(wait=True)
            self._readers = None
        with self._reader_lock:
            for c in self._reader_conns:
                with contextlib.suppress(Exception):
                    c.close()
            self._reader_conns.clear()

    # -- plumbing ------------------------------------------------------------------------
    def _sql(self, s: str) -> str:
        out = self._sql_cache.get(s)
        if out is None:
            out = s if self.placeholder == "?" else s.replace("?", self.placeholder)
            self._sql_cache[s] = out
        return out

    def _all(self, cur: Cursor, sql: str, params: Sequence[object] = ()) -> list[Row]:
        cur.execute(self._sql(sql), tuple(params))
        return list(cur.fetchall())

    def _one(self, cur: Cursor, sql: str, params: Sequence[object] = ()) -> Row | None:
        cur.execute(self._sql(sql), tuple(params))
        return cur.fetchone()

    def _row(self, cur: Cursor, sql: str, params: Sequence[object] = ()) -> Row:
        """The one row of a query that always has one (an aggregate, a row just
        written); none is a storage fault, answered 503 like any other."""
        row = self._one(cur, sql, params)
        if row is None:
            raise LookupError("the query returned no row")
        return row

    def _exec(self, cur: Cursor, sql: str, params: Sequence[object] = ()) -> int:
        cur.execute(self._sql(sql), tuple(params))
        return int(cur.rowcount)

    async def _write(self, op: Callable[[Cursor, list[Event]], T]) -> T:
        if self._loop is None:
            raise StorageUnavailable("storage is not open")
        fut: asyncio.Future[T] = self._loop.create_future()
        self._q.put((op, fut))
        return await fut

    async def _read(self, fn: Callable[[Cursor], T]) -> T:
        if self._readers is None or self._loop is None:
            raise StorageUnavailable("storage is not open")
        return await self._loop.run_in_executor(self._readers, self._read_sync, fn)

    def _read_sync(self, fn: Callable[[Cursor], T]) -> T:
        """Run ``fn`` on this thread's reader connection.

        A connection the database dropped (a restart, a terminated backend) is replaced
        and the read tried once more (reads have no effects); a database that cannot
        be reached at all is a StorageUnavailable (503), never a traceback.
        """
        for attempt in (0, 1):
            conn = getattr(self._local, "conn", None)
            try:
                if conn is None:
                    conn = self._connect_reader()
                    self._local.conn = conn
                    with self._reader_lock:
                        self._reader_conns.append(conn)
                cur = conn.cursor()
                try:
                    return fn(cur)
                finally:
                    cur.close()
            except ServerError:
                raise
            except Exception as exc:
                self._local.conn = None
                dropped = conn is not None and not self._conn_alive(conn)
                if conn is not None:
                    with self._reader_lock, contextlib.suppress(ValueError):
                        self._reader_conns.remove(conn)
                    with contextlib.suppress(Exception):
                        conn.close()
                if attempt == 0 and dropped:
                    continue
                log.warning("read failed: %s", type(exc).__name__)
                raise self._map_db_error(exc) from None
        raise AssertionError("unreachable")  # pragma: no cover

    def _writer_main(self) -> None:
        try:
            self._wconn = self._connect_writer()
            self._create_schema(self._wconn)
        except BaseException as exc:
            self._start_error = exc
            self._ready.set()
            return
        self._ready.set()
        stop = False
        while not stop:
            item = self._q.get()
            if item is None:
                break
            batch = [item]
            while len(batch) < self.batch_max:
                try:
                    nxt = self._q.get_nowait()
                except queue.Empty:
                    break
                if nxt is None:
                    stop = True
                    break
                batch.append(nxt)
            self._run_batch(batch)
        if self._wconn is not None:
            with contextlib.suppress(Exception):
                self._wconn.close()

    def _writer_connection(self) -> C:
        """The writer's connection; a new one if the last is gone or known broken."""
        conn = self._wconn
        if conn is not None and self._conn_alive(conn):
            return conn
        self._wconn = None
        if conn is not None:
            with contextlib.suppress(Exception):
                conn.close()
        self._wconn = self._connect_writer()
        return self._wconn

    def _run_batch(self, batch: list[Job], attempt: int = 0) -> None:
        """Run ``batch`` in one transaction and answer every op after COMMIT.

        If the connection dies before COMMIT was sent (the database restarted or cut the
        backend while the writer was idle), nothing of the batch was written: it runs
        again, whole, on a fresh connection. If it dies during COMMIT the outcome is
        unknown, so every op gets StorageUnavailable and its client retries (a message
        resent with the same id is answered as the duplicate it may be).
        """
        results: list[Outcome] = []
        events: list[Event] = []
        committing = False
        started = time.perf_counter()
        try:
            conn = self._writer_connection()
            cur = conn.cursor()
            self._begin(cur)
            i = 0
            while i < len(batch):
                op = batch[i][0]
                if isinstance(op, Post) and not self.savepoints:
                    j = i + 1
                    while j < len(batch) and isinstance(batch[j][0], Post):
                        j += 1
                    if j - i > 1:
                        run = [cast(Post, o) for o, _fut in batch[i:j]]
                        results.extend(self._post_many(cur, run, events))
                        i = j
                        continue
                ev: list[Event] = []
                if self.savepoints:
                    cur.execute(f"SAVEPOINT op{i}")
                try:
                    results.append((True, op(cur, ev)))
                    events.extend(ev)
                except ServerError as exc:
                    if self.savepoints:
                        cur.execute(f"ROLLBACK TO SAVEPOINT op{i}")
                    results.append((False, exc))
                if self.savepoints:
                    cur.execute(f"RELEASE SAVEPOINT op{i}")
                i += 1
            self._before_commit(cur, events)
            committing = True
            conn.commit()
        except Exception as exc:
            alive = self._wconn is not None and self._conn_alive(self._wconn)
            if alive and self._wconn is not None:
                with contextlib.suppress(Exception):
                    self._wconn.rollback()
            elif not committing and attempt < self.reconnect_attempts:
                log.warning("writer reconnecting after %s", type(exc).__name__)
                if attempt:
                    time.sleep(min(1.0, 0.1 * 2 ** attempt))
                self._run_batch(batch, attempt + 1)
                return
            if alive and len(batch) > 1:
                for item in batch:
                    self._run_batch([item])
                return
            if alive and attempt < 3 and self._retryable(exc):
                self._run_batch(batch, attempt + 1)
                return
            log.warning("write failed: %s", type(exc).__name__)
            results = [(False, self._map_db_error(exc))] * len(batch)
            events = []
        else:
            if self.on_commit is not None:
                stored = sum(isinstance(e, MessageEvent) for e in events)
                with contextlib.suppress(Exception):
                    self.on_commit(stored, time.perf_counter() - started)
        self._deliver(batch, results, events)

    def pending_writes(self) -> int:
        """Writes queued for the writer thread (a gauge for operators)."""
        return self._q.qsize()

    def _deliver(
        self, batch: list[Job], results: list[Outcome], events: list[Event]
    ) -> None:
        assert self._loop is not None
        with contextlib.suppress(RuntimeError):
            self._loop.call_soon_threadsafe(self._complete, batch, results, events)

    def _complete(
        self, batch: list[Job], results: list[Outcome], events: list[Event]
    ) -> None:
        if events and self._on_events is not None:
            try:
                self._on_events(events)
            except Exception:
                log.exception("event sink failed")
        for (_op, fut), (ok, value) in zip(batch, results):
            if fut.done():
                continue
            if ok:
                fut.set_result(value)
            else:
                assert isinstance(value, BaseException)
                fut.set_exception(value)

    def _emit(self, events: list[Event]) -> None:
        if events and self._on_events is not None:
            self._on_events(events)

    def _post_many(
        self, cur: Cursor, posts: list[Post], events: list[Event]
    ) -> list[Outcome]:
        """Store consecutive application messages of one batch, in order, with the
        same outcome as running each alone (a resend answered with its first seq, a
        device not routed refused); backends override it to take fewer round trips."""
        out: list[Outcome] = []
        for p in posts:
            ev: list[Event] = []
            try:
                out.append((True, p(cur, ev)))
                events.extend(ev)
            except ServerError as exc:
                out.append((False, exc))
        return out

    def _op_secret(self, cur: Cursor, _ev: list[Event]) -> bytes:
        import secrets

        self._exec(
            cur, "INSERT INTO meta (key, value) VALUES ('secret', ?) ON CONFLICT (key) DO NOTHING",
            (secrets.token_bytes(32),),
        )
        return bytes(self._row(cur, "SELECT value FROM meta WHERE key = 'secret'")[0])
