# SPDX-License-Identifier: Apache-2.0
"""The relay's storage rules written once in portable SQL, run by a group-commit writer.

Both backends share this core so their behaviour cannot drift; they differ in
connection handling, DDL spelling and cross-process notification.

Concurrency::

    coroutines --(op, future)--> queue --> writer thread: BEGIN; op1; op2; ...; COMMIT
                                                         |
    event loop <--- call_soon_threadsafe(events, results)-+  (after COMMIT only)

An op is a plain function of a DB-API cursor. It checks first and writes after, so a
domain refusal (raised as a ServerError) leaves the batch's transaction clean; a
database error rolls the batch back and replays each op in its own transaction, so one
bad write never sinks its neighbours. Reads run on a small pool of reader connections.
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
from typing import Any, TypeVar, cast

from ..errors import (
    BadRequest,
    Conflict,
    EpochConflict,
    Forbidden,
    NotFound,
    QuotaExceeded,
    ServerError,
    StorageUnavailable,
)
from .base import (
    BlobRecord,
    ClaimRecord,
    CommitCheck,
    DeviceRecord,
    Event,
    EventSink,
    GcStats,
    MemberRow,
    MembershipEvent,
    MessageEvent,
    PostOutcome,
    RefusalOutcome,
    RevocationEvent,
    Storage,
    StoredMessage,
    StoredWelcome,
    WelcomeEvent,
    refusal_voids,
)

__all__ = ["WELCOME_COLUMNS", "SqlStorage", "welcome_row"]

T = TypeVar("T")
log = logging.getLogger("corridor.relay.storage")
Cursor = Any
Op = Callable[[Cursor, list[Event]], Any]
MAX_I64 = 2**63 - 1


class Post:
    """An application message to store: an op the writer may run together with the
    consecutive others of its batch (:meth:`SqlStorage._post_many`), or alone."""

    __slots__ = ("client_msg_id", "group_id", "now", "payload", "run", "sender")

    def __init__(self, run: Op, group_id: bytes, sender: str, client_msg_id: str,
                 payload: bytes, now: int) -> None:
        self.run = run
        self.group_id = group_id
        self.sender = sender
        self.client_msg_id = client_msg_id
        self.payload = payload
        self.now = now

    def __call__(self, cur: Cursor, ev: list[Event]) -> Any:
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
CREATE TABLE IF NOT EXISTS blobs (blob_id TEXT PRIMARY KEY, owner TEXT NOT NULL,
    group_id {blob}, size BIGINT NOT NULL, data {blob} NOT NULL, created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL);
CREATE INDEX IF NOT EXISTS blobs_owner ON blobs (owner);
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
    at BIGINT NOT NULL, missions BIGINT NOT NULL, state {blob} NOT NULL,
    PRIMARY KEY (group_id, seq));
DROP TABLE IF EXISTS enrolment_tokens;
"""
# (enrolment tokens were the pre-release admission; a store that still has their table
# loses it on open: a relay admits by certificate chain only)

#: Columns added after the first release, created on open where missing.
WELCOME_COLUMNS = (("group_id", "{blob}"), ("seq", "BIGINT"), ("commit_msg", "{blob}"))

_STOP = object()
#: Public states kept per group (the newest ones): a commit can be voided only while
#: the state before it is kept.
STATES_KEPT = 32


def welcome_row(r: Sequence[Any]) -> StoredWelcome:
    """``id, sender, payload, created_at, group_id, seq, commit_msg`` to a StoredWelcome."""
    return StoredWelcome(int(r[0]), r[1], bytes(r[2]), int(r[3]),
                         bytes(r[4]) if r[4] is not None else b"",
                         int(r[5]) if r[5] is not None else 0,
                         bytes(r[6]) if r[6] is not None else b"")


class SqlStorage(Storage):
    """Shared implementation; subclasses supply connections and dialect."""

    placeholder = "?"
    savepoints = False  # per-op SAVEPOINTs where they are cheap (in-process SQLite)
    reader_threads = 4
    reconnect_attempts = 3  # fresh writer connections tried for one batch before a 503

    def __init__(self, url: str, *, batch_max: int = 512) -> None:
        self.url = url
        self.batch_max = batch_max
        self._q: queue.SimpleQueue[Any] = queue.SimpleQueue()
        self._writer: threading.Thread | None = None
        self._readers: ThreadPoolExecutor | None = None
        self._local = threading.local()
        self._reader_conns: list[Any] = []
        self._reader_lock = threading.Lock()
        self._loop: asyncio.AbstractEventLoop | None = None
        self._on_events: EventSink | None = None
        self._sql_cache: dict[str, str] = {}
        self._secret: bytes | None = None
        self._ready = threading.Event()
        self._wconn: Any = None
        #: called on the writer thread after each COMMIT: (messages stored, seconds)
        self.on_commit: Callable[[int, float], None] | None = None
        self._start_error: BaseException | None = None

    # -- subclass hooks ------------------------------------------------------------------
    def _connect_writer(self) -> Any:
        raise NotImplementedError

    def _connect_reader(self) -> Any:
        raise NotImplementedError

    def _create_schema(self, conn: Any) -> None:
        raise NotImplementedError

    def _begin(self, cur: Cursor) -> None:
        """Start a write transaction (psycopg starts one implicitly)."""

    def _before_commit(self, cur: Cursor, events: Sequence[Event]) -> None:
        """Last statements of a batch's transaction (PostgreSQL: NOTIFY)."""

    def _map_db_error(self, exc: BaseException) -> ServerError:
        return StorageUnavailable("storage error")

    def _retryable(self, exc: BaseException) -> bool:
        return False

    def _conn_alive(self, conn: Any) -> bool:
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

    async def close(self) -> None:
        if self._writer is not None:
            self._q.put(_STOP)
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

    def _all(self, cur: Cursor, sql: str, params: Sequence[Any] = ()) -> list[Any]:
        cur.execute(self._sql(sql), tuple(params))
        return list(cur.fetchall())

    def _one(self, cur: Cursor, sql: str, params: Sequence[Any] = ()) -> Any:
        cur.execute(self._sql(sql), tuple(params))
        return cur.fetchone()

    def _exec(self, cur: Cursor, sql: str, params: Sequence[Any] = ()) -> int:
        cur.execute(self._sql(sql), tuple(params))
        return int(cur.rowcount)

    async def _write(self, op: Op) -> Any:
        if self._loop is None:
            raise StorageUnavailable("storage is not open")
        fut = self._loop.create_future()
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
            if item is _STOP:
                break
            batch = [item]
            while len(batch) < self.batch_max:
                try:
                    nxt = self._q.get_nowait()
                except queue.Empty:
                    break
                if nxt is _STOP:
                    stop = True
                    break
                batch.append(nxt)
            self._run_batch(batch)
        if self._wconn is not None:
            with contextlib.suppress(Exception):
                self._wconn.close()

    def _writer_connection(self) -> Any:
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

    def _run_batch(self, batch: list[tuple[Op, Any]], attempt: int = 0) -> None:
        """Run ``batch`` in one transaction and answer every op after COMMIT.

        If the connection dies before COMMIT was sent (the database restarted or cut the
        backend while the writer was idle), nothing of the batch was written: it runs
        again, whole, on a fresh connection. If it dies during COMMIT the outcome is
        unknown, so every op gets StorageUnavailable and its client retries (a message
        resent with the same id is answered as the duplicate it may be).
        """
        results: list[tuple[bool, Any]] = []
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
            if alive:
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
        self, batch: list[tuple[Op, Any]], results: list[tuple[bool, Any]], events: list[Event]
    ) -> None:
        assert self._loop is not None
        with contextlib.suppress(RuntimeError):
            self._loop.call_soon_threadsafe(self._complete, batch, results, events)

    def _complete(
        self, batch: list[tuple[Op, Any]], results: list[tuple[bool, Any]], events: list[Event]
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
                fut.set_exception(value)

    def _emit(self, events: list[Event]) -> None:
        if events and self._on_events is not None:
            self._on_events(events)

    # -- ops -------------------------------------------------------------------------------
    def _op_secret(self, cur: Cursor, _ev: list[Event]) -> bytes:
        import secrets

        self._exec(
            cur, "INSERT INTO meta (key, value) VALUES ('secret', ?) ON CONFLICT (key) DO NOTHING",
            (secrets.token_bytes(32),),
        )
        return bytes(self._one(cur, "SELECT value FROM meta WHERE key = 'secret'")[0])

    async def relay_secret(self) -> bytes:
        if self._secret is None:
            self._secret = await self._write(self._op_secret)
        return self._secret

    async def consume_nonce(self, nonce_hash: bytes, expires_at: int) -> bool:
        def op(cur: Cursor, _ev: list[Event]) -> bool:
            row = self._one(
                cur,
                "INSERT INTO used_nonces (nonce_hash, expires_at) VALUES (?, ?) "
                "ON CONFLICT (nonce_hash) DO NOTHING RETURNING nonce_hash",
                (nonce_hash, expires_at),
            )
            return row is not None

        return bool(await self._write(op))

    async def register_device(self, device_id: str, public_key: bytes, now: int) -> bool:
        def op(cur: Cursor, _ev: list[Event]) -> bool:
            row = self._one(
                cur,
                "INSERT INTO devices (device_id, public_key, created_at) VALUES (?, ?, ?) "
                "ON CONFLICT (device_id) DO NOTHING RETURNING device_id",
                (device_id, public_key, now),
            )
            return row is not None

        return bool(await self._write(op))

    async def get_device(self, device_id: str) -> DeviceRecord | None:
        def fn(cur: Cursor) -> DeviceRecord | None:
            row = self._one(
                cur,
                "SELECT device_id, public_key, created_at, revoked_at FROM devices "
                "WHERE device_id = ?",
                (device_id,),
            )
            if row is None:
                return None
            return DeviceRecord(row[0], bytes(row[1]), int(row[2]), row[3] is not None)

        return await self._read(fn)

    async def revoke_device(self, device_id: str, now: int) -> bool:
        def op(cur: Cursor, ev: list[Event]) -> bool:
            done = self._exec(
                cur, "UPDATE devices SET revoked_at = ? WHERE device_id = ? AND revoked_at IS NULL",
                (now, device_id),
            ) > 0
            if done:
                ev.append(RevocationEvent((device_id,)))
            return done

        return bool(await self._write(op))

    # -- directory (certificate chains, CRLs) -----------------------------------------
    async def put_directory_entry(
        self, kind: str, key: str, scope: str, value: bytes, version: int, now: int,
        log: Sequence[tuple[bytes, bytes]] = (),
    ) -> bool:
        def op(cur: Cursor, _ev: list[Event]) -> bool:
            row = self._one(
                cur, "SELECT version FROM directory WHERE kind = ? AND key = ?", (kind, key)
            )
            if row is not None and int(row[0]) >= version:
                return False
            self._log_append(cur, log, now)
            self._exec(
                cur,
                "INSERT INTO directory (kind, key, scope, value, version, updated_at) "
                "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (kind, key) DO UPDATE SET "
                "scope = excluded.scope, value = excluded.value, version = excluded.version, "
                "updated_at = excluded.updated_at",
                (kind, key, scope, value, version, now),
            )
            return True

        return bool(await self._write(op))

    def _log_append(self, cur: Cursor, log: Sequence[tuple[bytes, bytes]], now: int) -> None:
        if not log:
            return
        self._lock_log(cur)
        for leaf_hash, entry in log:
            if self._one(cur, "SELECT idx FROM transparency_log WHERE leaf_hash = ?",
                         (leaf_hash,)) is not None:
                continue
            top = self._one(cur, "SELECT COALESCE(MAX(idx), -1) FROM transparency_log")
            self._exec(cur, "INSERT INTO transparency_log (idx, leaf_hash, entry, added_at) "
                       "VALUES (?, ?, ?, ?)", (int(top[0]) + 1, leaf_hash, entry, now))

    async def append_log(self, log: Sequence[tuple[bytes, bytes]], now: int) -> None:
        def op(cur: Cursor, _ev: list[Event]) -> None:
            self._log_append(cur, log, now)

        await self._write(op)

    async def log_leaves(self, start: int, limit: int = 10_000) -> list[bytes]:
        def fn(cur: Cursor) -> list[bytes]:
            rows = self._all(cur, "SELECT leaf_hash FROM transparency_log WHERE idx >= ? "
                             "ORDER BY idx LIMIT ?", (start, limit))
            return [bytes(r[0]) for r in rows]

        return await self._read(fn)

    async def log_entries(self, start: int, end: int) -> list[bytes]:
        def fn(cur: Cursor) -> list[bytes]:
            rows = self._all(cur, "SELECT entry FROM transparency_log WHERE idx >= ? AND "
                             "idx < ? ORDER BY idx", (start, end))
            return [bytes(r[0]) for r in rows]

        return await self._read(fn)

    async def directory_entry(self, kind: str, key: str) -> tuple[str, bytes, int] | None:
        def fn(cur: Cursor) -> tuple[str, bytes, int] | None:
            row = self._one(
                cur, "SELECT scope, value, version FROM directory WHERE kind = ? AND key = ?",
                (kind, key))
            return None if row is None else (str(row[0]), bytes(row[1]), int(row[2]))

        return await self._read(fn)

    async def directory_entries(
        self, kind: str, scope: str | None = None, limit: int = 10_000,
    ) -> list[tuple[str, str, bytes]]:
        def fn(cur: Cursor) -> list[tuple[str, str, bytes]]:
            if scope is None:
                rows = self._all(
                    cur, "SELECT key, scope, value FROM directory WHERE kind = ? "
                    "ORDER BY key LIMIT ?", (kind, limit))
            else:
                rows = self._all(
                    cur, "SELECT key, scope, value FROM directory WHERE kind = ? AND scope = ? "
                    "ORDER BY key LIMIT ?", (kind, scope, limit))
            return [(str(r[0]), str(r[1]), bytes(r[2])) for r in rows]

        return await self._read(fn)

    # -- KeyPackages ---------------------------------------------------------------------
    def _kp_count(self, cur: Cursor, device_id: str) -> tuple[int, bool]:
        row = self._one(
            cur,
            "SELECT COALESCE(SUM(CASE WHEN last_resort = 0 THEN 1 ELSE 0 END), 0), "
            "COALESCE(SUM(last_resort), 0) FROM key_packages WHERE device_id = ?",
            (device_id,),
        )
        return int(row[0]), int(row[1]) > 0

    async def publish_key_packages(
        self, device_id: str, packages: Sequence[bytes], last_resort: bytes | None,
        now: int, max_stored: int,
    ) -> int:
        def op(cur: Cursor, _ev: list[Event]) -> int:
            count, _ = self._kp_count(cur, device_id)
            if count + len(packages) > max_stored:
                raise QuotaExceeded(f"at most {max_stored} KeyPackages may be stored per device")
            if last_resort is not None:
                self._exec(
                    cur, "DELETE FROM key_packages WHERE device_id = ? AND last_resort = 1",
                    (device_id,),
                )
                self._exec(
                    cur,
                    "INSERT INTO key_packages (device_id, last_resort, data, created_at) "
                    "VALUES (?, 1, ?, ?)",
                    (device_id, last_resort, now),
                )
            for kp in packages:
                self._exec(
                    cur,
                    "INSERT INTO key_packages (device_id, last_resort, data, created_at) "
                    "VALUES (?, 0, ?, ?)",
                    (device_id, kp, now),
                )
            return count + len(packages)

        return int(await self._write(op))

    async def claim_key_package(
        self, device_id: str, claimer: str = "", now: int = 0
    ) -> tuple[bytes, bool] | None:
        def op(cur: Cursor, _ev: list[Event]) -> tuple[bytes, bool] | None:
            got = self._take_key_package(cur, device_id)
            if got is not None and claimer:
                self._exec(
                    cur,
                    "INSERT INTO key_package_claims (target, claimer, last_resort, claimed_at) "
                    "VALUES (?, ?, ?, ?)",
                    (device_id, claimer, int(got[1]), now),
                )
            return got

        result: tuple[bytes, bool] | None = await self._write(op)
        return result

    def _take_key_package(self, cur: Cursor, device_id: str) -> tuple[bytes, bool] | None:
        for _ in range(16):  # another process may take the same row first
            row = self._one(
                cur,
                "SELECT id FROM key_packages WHERE device_id = ? AND last_resort = 0 "
                "ORDER BY id LIMIT 1",
                (device_id,),
            )
            if row is None:
                break
            got = self._one(
                cur, "DELETE FROM key_packages WHERE id = ? RETURNING data", (row[0],)
            )
            if got is not None:
                return bytes(got[0]), False
        # the last-resort package is read, never deleted: a device can always be added
        row = self._one(
            cur,
            "SELECT data FROM key_packages WHERE device_id = ? AND last_resort = 1 "
            "ORDER BY id DESC LIMIT 1",
            (device_id,),
        )
        return (bytes(row[0]), True) if row is not None else None

    async def key_package_claims(
        self, targets: Sequence[str], since: int, limit: int = 1000,
    ) -> list[ClaimRecord]:
        def fn(cur: Cursor) -> list[ClaimRecord]:
            out: list[ClaimRecord] = []
            for t in sorted(set(targets)):
                rows = self._all(
                    cur,
                    "SELECT target, claimer, last_resort, claimed_at FROM key_package_claims "
                    "WHERE target = ? AND claimed_at >= ? ORDER BY claimed_at DESC, id DESC "
                    "LIMIT ?",
                    (t, since, limit),
                )
                out += [ClaimRecord(str(r[0]), str(r[1]), bool(r[2]), int(r[3])) for r in rows]
            out.sort(key=lambda c: -c.claimed_at)
            return out[:limit]

        return await self._read(fn)

    async def count_key_packages(self, device_id: str) -> tuple[int, bool]:
        return await self._read(lambda cur: self._kp_count(cur, device_id))

    # -- groups ----------------------------------------------------------------------------
    async def create_group(self, group_id: bytes, creator: str, now: int,
                           state: bytes = b"", missions: int = 0) -> None:
        def op(cur: Cursor, ev: list[Event]) -> None:
            row = self._one(
                cur,
                "INSERT INTO groups (group_id, last_seq, created_at) VALUES (?, 0, ?) "
                "ON CONFLICT (group_id) DO NOTHING RETURNING last_seq",
                (group_id, now),
            )
            if row is None:
                raise Conflict("a group with this id exists")
            self._exec(
                cur,
                "INSERT INTO members (group_id, device_id, joined_seq, acked_seq) "
                "VALUES (?, ?, 0, 0)",
                (group_id, creator),
            )
            self._exec(
                cur, "INSERT INTO group_states (group_id, seq, at, missions, state) "
                "VALUES (?, 0, 0, ?, ?)", (group_id, missions, state))
            ev.append(MembershipEvent(group_id))

        await self._write(op)

    def _member(self, cur: Cursor, group_id: bytes, device_id: str) -> MemberRow | None:
        row = self._one(
            cur,
            "SELECT joined_seq, acked_seq, left_seq FROM members "
            "WHERE group_id = ? AND device_id = ?",
            (group_id, device_id),
        )
        if row is None:
            return None
        left = None if row[2] is None else int(row[2])
        return MemberRow(device_id, int(row[0]), int(row[1]), left)

    async def group_view(self, group_id: bytes, device_id: str) -> tuple[int, list[str]]:
        def fn(cur: Cursor) -> tuple[int, list[str]]:
            me = self._member(cur, group_id, device_id)
            if me is None or me.left_seq is not None:
                raise NotFound("no such group, or this device is not routed in it")
            last = int(self._one(cur, "SELECT last_seq FROM groups WHERE group_id = ?",
                                 (group_id,))[0])
            rows = self._all(
                cur,
                "SELECT device_id FROM members WHERE group_id = ? AND left_seq IS NULL "
                "ORDER BY device_id",
                (group_id,),
            )
            return last, [r[0] for r in rows]

        return await self._read(fn)

    async def is_member(self, group_id: bytes, device_id: str) -> bool:
        def fn(cur: Cursor) -> bool:
            me = self._member(cur, group_id, device_id)
            return me is not None and me.left_seq is None

        return await self._read(fn)

    async def public_state_for(self, group_id: bytes, device_id: str, seq: int) -> bytes | None:
        def fn(cur: Cursor) -> bytes | None:
            me = self._member(cur, group_id, device_id)
            allowed = me is not None and me.left_seq is None and me.joined_seq <= seq
            if not allowed:
                allowed = self._one(
                    cur, "SELECT 1 FROM welcome_deliveries d JOIN welcomes w "
                    "ON w.id = d.welcome_id WHERE d.device_id = ? AND w.group_id = ? "
                    "AND w.seq = ?", (device_id, group_id, seq)) is not None
            if not allowed:
                return None
            row = self._one(cur, "SELECT state FROM group_states WHERE group_id = ? "
                            "AND seq = ?", (group_id, seq))
            return None if row is None else bytes(row[0])

        return await self._read(fn)

    def _lock_group(self, cur: Cursor, group_id: bytes) -> None:
        """Serialise commits of one group across relay processes (the writer thread
        already serialises them within one)."""

    def _current_state(self, cur: Cursor, group_id: bytes) -> int | None:
        row = self._one(cur, "SELECT MAX(seq) FROM group_states WHERE group_id = ?",
                        (group_id,))
        return None if row is None or row[0] is None else int(row[0])

    def _state_bytes(self, cur: Cursor, group_id: bytes, seq: int) -> bytes:
        row = self._one(cur, "SELECT state FROM group_states WHERE group_id = ? AND seq = ?",
                        (group_id, seq))
        if row is None:
            raise StorageUnavailable("the group's public state is missing")
        return bytes(row[0])

    def _crls(self, cur: Cursor) -> list[bytes]:
        return [bytes(r[0]) for r in self._all(
            cur, "SELECT value FROM directory WHERE kind = 'crl' ORDER BY key")]

    async def post_message(
        self, *, group_id: bytes, sender: str, client_msg_id: str, payload: bytes,
        epoch: int, is_commit: bool, welcome: bytes | None, welcome_to: Sequence[str],
        now: int, check: CommitCheck | None = None,
    ) -> PostOutcome:
        if epoch > MAX_I64:
            raise BadRequest("epoch out of range")
        if is_commit and check is None:
            raise BadRequest("a commit is accepted only once verified")

        def op(cur: Cursor, ev: list[Event]) -> PostOutcome:
            dup, routed = self._one(  # one round trip: resend? still routed?
                cur,
                "SELECT (SELECT seq FROM messages WHERE group_id = ? AND sender = ? "
                "AND client_msg_id = ?), (SELECT COUNT(*) FROM members WHERE group_id = ? "
                "AND device_id = ? AND left_seq IS NULL)",
                (group_id, sender, client_msg_id, group_id, sender),
            )
            if dup is not None:
                return PostOutcome(int(dup), True)
            if not routed:
                raise NotFound("no such group, or this device is not routed in it")
            verdict = None
            if is_commit:
                assert check is not None
                self._lock_group(cur, group_id)
                winner = self._one(
                    cur, "SELECT seq FROM epochs WHERE group_id = ? AND epoch = ?",
                    (group_id, epoch),
                )
                if winner is not None:
                    raise EpochConflict(int(winner[0]), epoch)
                version = self._current_state(cur, group_id)
                if version is None:
                    raise Conflict("this group has no public state: it cannot take commits")
                verdict = check(version, lambda: self._state_bytes(cur, group_id, version),
                                lambda: self._crls(cur))
                if not set(welcome_to) <= set(verdict.added):
                    raise BadRequest("welcome recipients must be devices this commit adds")
            # -- writes from here on --
            seq = self._append(cur, group_id, sender, client_msg_id, payload, now)
            changed = False
            if verdict is not None:
                self._exec(
                    cur, "INSERT INTO epochs (group_id, epoch, seq) VALUES (?, ?, ?)",
                    (group_id, epoch, seq),
                )
                self._exec(
                    cur, "INSERT INTO group_states (group_id, seq, at, missions, state) "
                    "VALUES (?, ?, ?, ?, ?)",
                    (group_id, seq, verdict.at, verdict.missions, verdict.state),
                )
                remove, add = verdict.removed, verdict.added
                for d in dict.fromkeys(remove):
                    changed |= self._exec(
                        cur,
                        "UPDATE members SET left_seq = ? WHERE group_id = ? AND device_id = ? "
                        "AND left_seq IS NULL",
                        (seq, group_id, d),
                    ) > 0
                for d in dict.fromkeys(add):
                    changed = True
                    self._exec(
                        cur,
                        "INSERT INTO members (group_id, device_id, joined_seq, acked_seq) "
                        "VALUES (?, ?, ?, ?) ON CONFLICT (group_id, device_id) DO UPDATE SET "
                        "joined_seq = excluded.joined_seq, acked_seq = excluded.acked_seq, "
                        "left_seq = NULL WHERE members.left_seq IS NOT NULL",
                        (group_id, d, seq, seq),
                    )
            msg = StoredMessage(group_id, seq, sender, client_msg_id, payload, now)
            ev.append(MessageEvent(msg, changed))
            if welcome is not None and welcome_to:
                wid = int(self._one(  # with the commit it rides on (THREATS 6)
                    cur, "INSERT INTO welcomes (sender, payload, created_at, group_id, seq, "
                    "commit_msg) VALUES (?, ?, ?, ?, ?, ?) RETURNING id",
                    (sender, welcome, now, group_id, seq, payload),
                )[0])
                rcpt = tuple(dict.fromkeys(welcome_to))
                for d in rcpt:
                    self._exec(
                        cur,
                        "INSERT INTO welcome_deliveries (device_id, welcome_id) VALUES (?, ?)",
                        (d, wid),
                    )
                ev.append(WelcomeEvent(
                    StoredWelcome(wid, sender, welcome, now, group_id, seq, payload), rcpt))
            return PostOutcome(seq, False)

        if not is_commit and welcome is None:
            result: PostOutcome = await self._write(
                Post(op, group_id, sender, client_msg_id, payload, now))
        else:
            result = await self._write(op)
        return result

    def _post_many(
        self, cur: Cursor, posts: list[Post], events: list[Event]
    ) -> list[tuple[bool, Any]]:
        """Store consecutive application messages of one batch, in order, with the
        same outcome as running each alone (a resend answered with its first seq, a
        device not routed refused); backends override it to take fewer round trips."""
        out: list[tuple[bool, Any]] = []
        for p in posts:
            ev: list[Event] = []
            try:
                out.append((True, p(cur, ev)))
                events.extend(ev)
            except ServerError as exc:
                out.append((False, exc))
        return out

    def _append(
        self, cur: Cursor, group_id: bytes, sender: str, client_msg_id: str, payload: bytes,
        now: int,
    ) -> int:
        """Take the group's next seq and store the message under it."""
        seq = int(self._one(
            cur, "UPDATE groups SET last_seq = last_seq + 1 WHERE group_id = ? "
            "RETURNING last_seq", (group_id,),
        )[0])
        self._exec(
            cur,
            "INSERT INTO messages (group_id, seq, sender, client_msg_id, payload, created_at) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            (group_id, seq, sender, client_msg_id, payload, now),
        )
        return seq

    def _fetch_range(
        self, cur: Cursor, group_id: bytes, after: int, upto: int, limit: int
    ) -> list[StoredMessage]:
        rows = self._all(
            cur,
            "SELECT m.seq, m.sender, m.client_msg_id, m.payload, m.created_at, v.seq "
            "FROM messages m LEFT JOIN voided v ON v.group_id = m.group_id AND v.seq = m.seq "
            "WHERE m.group_id = ? AND m.seq > ? AND m.seq <= ? ORDER BY m.seq LIMIT ?",
            (group_id, after, upto, limit),
        )
        return [
            StoredMessage(group_id, int(r[0]), r[1], r[2], bytes(r[3]), int(r[4]),
                          r[5] is not None)
            for r in rows
        ]

    async def refuse_commit(
        self, group_id: bytes, seq: int, device_id: str, now: int
    ) -> RefusalOutcome:
        if not 0 < seq <= MAX_I64:
            raise BadRequest("seq out of range")

        def op(cur: Cursor, ev: list[Event]) -> RefusalOutcome:
            me = self._member(cur, group_id, device_id)
            if me is None or me.left_seq is not None:
                raise NotFound("no such group, or this device is not routed in it")
            if self._one(cur, "SELECT 1 FROM voided WHERE group_id = ? AND seq = ?",
                         (group_id, seq)) is not None:
                return RefusalOutcome(seq, 0, 0, True)
            row = self._one(
                cur,
                "SELECT e.epoch, m.sender FROM epochs e JOIN messages m "
                "ON m.group_id = e.group_id AND m.seq = e.seq WHERE e.group_id = ? AND e.seq = ?",
                (group_id, seq),
            )
            if row is None:
                raise NotFound("no accepted commit at this seq")
            committer = row[1]
            if committer == device_id:
                raise Forbidden("a device cannot refuse its own commit")
            if me.joined_seq >= seq:
                raise Forbidden("only devices routed before a commit may refuse it")
            before = self._one(
                cur, "SELECT missions FROM group_states WHERE group_id = ? AND seq < ? "
                "ORDER BY seq DESC LIMIT 1", (group_id, seq))
            if before is None:
                raise Conflict("the state before this commit is no longer kept")
            self._exec(
                cur,
                "INSERT INTO refusals (group_id, seq, device_id, created_at) VALUES (?, ?, ?, ?) "
                "ON CONFLICT (group_id, seq, device_id) DO NOTHING",
                (group_id, seq, device_id, now),
            )
            # one vote per mission: the verified directory says whose device refused
            refused = int(self._one(
                cur,
                "SELECT COUNT(DISTINCT d.scope) FROM refusals r JOIN members m "
                "ON m.group_id = r.group_id AND m.device_id = r.device_id "
                "JOIN directory d ON d.kind = 'device' AND d.key = r.device_id "
                "WHERE r.group_id = ? AND r.seq = ? AND m.left_seq IS NULL "
                "AND m.joined_seq < ? AND r.device_id <> ?",
                (group_id, seq, seq, committer),
            )[0])
            electorate = int(before[0])
            if not refusal_voids(refused, electorate):
                return RefusalOutcome(seq, refused, electorate, False)
            self._void_from(cur, group_id, seq, now)
            ev.append(MembershipEvent(group_id))
            return RefusalOutcome(seq, refused, electorate, True)

        result: RefusalOutcome = await self._write(op)
        return result

    def _void_from(self, cur: Cursor, group_id: bytes, seq: int, now: int) -> None:
        """Void the commit at ``seq`` and every later commit of the group (they can only
        build on it: its epoch was taken, so no other commit for it or later was accepted).
        Their epochs are free again; the routing they changed is undone."""
        rows = self._all(
            cur, "SELECT epoch, seq FROM epochs WHERE group_id = ? AND seq >= ? ORDER BY seq DESC",
            (group_id, seq),
        )
        for epoch, s in rows:
            self._exec(
                cur,
                "INSERT INTO voided (group_id, seq, epoch, created_at) VALUES (?, ?, ?, ?) "
                "ON CONFLICT (group_id, seq) DO NOTHING",
                (group_id, s, epoch, now),
            )
            self._exec(
                cur,
                "DELETE FROM welcome_deliveries WHERE welcome_id IN "
                "(SELECT id FROM welcomes WHERE group_id = ? AND seq = ?)",
                (group_id, s),
            )
            self._exec(cur, "DELETE FROM members WHERE group_id = ? AND joined_seq = ?",
                       (group_id, s))
            self._exec(cur, "UPDATE members SET left_seq = NULL WHERE group_id = ? "
                       "AND left_seq = ?", (group_id, s))
        self._exec(cur, "DELETE FROM epochs WHERE group_id = ? AND seq >= ?", (group_id, seq))
        self._exec(cur, "DELETE FROM group_states WHERE group_id = ? AND seq >= ?",
                   (group_id, seq))

    async def messages_after(
        self, group_id: bytes, device_id: str, after: int, limit: int
    ) -> tuple[list[StoredMessage], int]:
        def fn(cur: Cursor) -> tuple[list[StoredMessage], int]:
            me = self._member(cur, group_id, device_id)
            if me is None:
                raise NotFound("no such group, or this device is not routed in it")
            last = int(self._one(cur, "SELECT last_seq FROM groups WHERE group_id = ?",
                                 (group_id,))[0])
            upto = last if me.left_seq is None else min(last, me.left_seq)
            lower = max(after, me.joined_seq)
            return self._fetch_range(cur, group_id, lower, upto, limit), last

        return await self._read(fn)

    async def group_range(self, group_id: bytes, after: int, upto: int) -> list[StoredMessage]:
        return await self._read(
            lambda cur: self._fetch_range(cur, group_id, after, upto, max(1, upto - after)))

    def fetch_range_sync(
        self, cur: Cursor, group_id: bytes, after: int, upto: int, limit: int
    ) -> list[StoredMessage]:
        return self._fetch_range(cur, group_id, after, upto, limit)

    async def memberships(self, device_id: str) -> list[tuple[bytes, MemberRow]]:
        def fn(cur: Cursor) -> list[tuple[bytes, MemberRow]]:
            rows = self._all(
                cur,
                "SELECT group_id, joined_seq, acked_seq, left_seq FROM members "
                "WHERE device_id = ? ORDER BY group_id",
                (device_id,),
            )
            return [
                (bytes(r[0]), MemberRow(device_id, int(r[1]), int(r[2]),
                                        None if r[3] is None else int(r[3])))
                for r in rows
            ]

        return await self._read(fn)

    def _group_members(self, cur: Cursor, group_id: bytes) -> list[MemberRow]:
        rows = self._all(
            cur,
            "SELECT device_id, joined_seq, acked_seq, left_seq FROM members WHERE group_id = ?",
            (group_id,),
        )
        return [
            MemberRow(r[0], int(r[1]), int(r[2]), None if r[3] is None else int(r[3]))
            for r in rows
        ]

    async def group_members(self, group_id: bytes) -> list[MemberRow]:
        return await self._read(lambda cur: self._group_members(cur, group_id))

    async def pending_welcomes(self, device_id: str, limit: int) -> list[StoredWelcome]:
        def fn(cur: Cursor) -> list[StoredWelcome]:
            rows = self._all(
                cur,
                "SELECT w.id, w.sender, w.payload, w.created_at, w.group_id, w.seq, w.commit_msg "
                "FROM welcome_deliveries d JOIN welcomes w ON w.id = d.welcome_id "
                "WHERE d.device_id = ? ORDER BY w.id LIMIT ?",
                (device_id, limit),
            )
            return [welcome_row(r) for r in rows]

        return await self._read(fn)

    async def ack(self, device_id: str, group_id: bytes, seq: int) -> int:
        def op(cur: Cursor, _ev: list[Event]) -> int:
            me = self._member(cur, group_id, device_id)
            if me is None:
                raise NotFound("no such group, or this device is not routed in it")
            last = int(self._one(cur, "SELECT last_seq FROM groups WHERE group_id = ?",
                                 (group_id,))[0])
            target = min(seq, last if me.left_seq is None else min(last, me.left_seq))
            if target <= me.acked_seq:
                return me.acked_seq
            self._exec(
                cur,
                "UPDATE members SET acked_seq = ? WHERE group_id = ? AND device_id = ? "
                "AND acked_seq < ?",
                (target, group_id, device_id, target),
            )
            if me.left_seq is not None and target >= me.left_seq:
                self._exec(
                    cur, "DELETE FROM members WHERE group_id = ? AND device_id = ?",
                    (group_id, device_id),
                )
            return target

        return int(await self._write(op))

    async def ack_welcome(self, device_id: str, welcome_id: int) -> bool:
        def op(cur: Cursor, _ev: list[Event]) -> bool:
            return self._exec(
                cur, "DELETE FROM welcome_deliveries WHERE device_id = ? AND welcome_id = ?",
                (device_id, welcome_id),
            ) > 0

        return bool(await self._write(op))

    # -- blobs --------------------------------------------------------------------------
    async def put_blob(
        self, *, blob_id: str, owner: str, group_id: bytes | None, data: bytes,
        now: int, expires_at: int, quota: int,
    ) -> None:
        def op(cur: Cursor, _ev: list[Event]) -> None:
            used = int(self._one(
                cur, "SELECT COALESCE(SUM(size), 0) FROM blobs WHERE owner = ? AND expires_at > ?",
                (owner, now),
            )[0])
            if used + len(data) > quota:
                raise QuotaExceeded("blob quota for this device exhausted")
            self._exec(
                cur,
                "INSERT INTO blobs (blob_id, owner, group_id, size, data, created_at, expires_at) "
                "VALUES (?, ?, ?, ?, ?, ?, ?)",
                (blob_id, owner, group_id, len(data), data, now, expires_at),
            )

        await self._write(op)

    async def get_blob(self, blob_id: str, now: int) -> BlobRecord | None:
        def fn(cur: Cursor) -> BlobRecord | None:
            row = self._one(
                cur,
                "SELECT owner, group_id, data, expires_at FROM blobs "
                "WHERE blob_id = ? AND expires_at > ?",
                (blob_id, now),
            )
            if row is None:
                return None
            gid = None if row[1] is None else bytes(row[1])
            return BlobRecord(blob_id, row[0], gid, bytes(row[2]), int(row[3]))

        return await self._read(fn)

    async def delete_blob(self, blob_id: str, owner: str) -> bool:
        def op(cur: Cursor, _ev: list[Event]) -> bool:
            return self._exec(
                cur, "DELETE FROM blobs WHERE blob_id = ? AND owner = ?", (blob_id, owner)
            ) > 0

        return bool(await self._write(op))

    # -- housekeeping -----------------------------------------------------------------------
    async def gc(self, now: int, retention: int) -> GcStats:
        cutoff = now - retention

        def op(cur: Cursor, _ev: list[Event]) -> GcStats:
            m = self._exec(cur, "DELETE FROM messages WHERE created_at < ?", (cutoff,))
            m += self._exec(
                cur,
                "DELETE FROM messages WHERE NOT EXISTS (SELECT 1 FROM members r "
                "WHERE r.group_id = messages.group_id AND r.acked_seq < messages.seq "
                "AND (r.left_seq IS NULL OR messages.seq <= r.left_seq))",
            )
            self._exec(
                cur,
                "DELETE FROM welcome_deliveries WHERE welcome_id IN "
                "(SELECT id FROM welcomes WHERE created_at < ?)",
                (cutoff,),
            )
            w = self._exec(
                cur,
                "DELETE FROM welcomes WHERE NOT EXISTS (SELECT 1 FROM welcome_deliveries d "
                "WHERE d.welcome_id = welcomes.id)",
            )
            b = self._exec(cur, "DELETE FROM blobs WHERE expires_at <= ?", (now,))
            self._exec(
                cur,
                "DELETE FROM group_states WHERE seq < (SELECT s.seq FROM group_states s "
                "WHERE s.group_id = group_states.group_id ORDER BY s.seq DESC LIMIT 1 "
                "OFFSET ?) AND NOT EXISTS (SELECT 1 FROM welcomes w WHERE "
                "w.group_id = group_states.group_id AND w.seq = group_states.seq)",
                (STATES_KEPT - 1,),
            )
            o = self._exec(cur, "DELETE FROM used_nonces WHERE expires_at < ?", (now,))
            o += self._exec(cur, "DELETE FROM key_package_claims WHERE claimed_at < ?",
                            (cutoff,))
            return GcStats(m, w, b, o)

        result: GcStats = await self._write(op)
        return result
