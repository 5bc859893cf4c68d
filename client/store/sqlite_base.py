# SPDX-License-Identifier: Apache-2.0
"""The SQLite store's connection and transactions, shared by its per-concern parts
(:mod:`client.store.sqlite_rows`, :mod:`client.store.sqlite`).

Thread safety: one connection, guarded by a re-entrant lock; a transaction holds the
lock for its whole block, so the engine may call from several executor threads.

Durability: every commit is fsynced (``synchronous=FULL``) except those ending inside
:meth:`SqliteBase.deferred_sync`, committed at ``synchronous=NORMAL``: written to the
write-ahead log, so a killed process loses nothing, but flushed to the disk only by
:meth:`SqliteBase.sync` or the next fsynced commit (the log is one file, fsynced whole,
and replayed in order: a power cut undoes a deferred commit only together with all
that came after it).
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import struct
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Self, TypeAlias

from client.errors import StorageError, UsageError
from client.store.sealing import RowCipher

__all__ = ["SqliteBase"]


def _u64(value: int) -> bytes:
    return struct.pack(">Q", value)


#: A row as SQLite returns it; the row decoders read and check each column.
Row: TypeAlias = tuple[Any, ...]

class SqliteBase:
    """One SQLite connection, its row cipher, and all-or-nothing transactions."""


    def __init__(self, conn: sqlite3.Connection, cipher: RowCipher, path: Path) -> None:
        self._conn = conn
        self._cipher = cipher
        self._path = path
        self._lock = threading.RLock()
        self._depth = 0
        self._closed = False
        #: search terms of rows inserted in the open transaction, written to the FTS5
        #: table together before it commits (see :meth:`_flush_terms`)
        self._terms_pending: list[tuple[int, str]] = []
        self._deferring = 0  # depth of deferred_sync() blocks
        #: a commit made at synchronous=NORMAL has not reached the disk yet
        self.unsynced = False
        self._undone = False  # a savepoint of the open transaction was rolled back
        self._dir_synced = False

    def close(self) -> None:
        """Checkpoint and truncate the WAL, then close. Idempotent."""
        with self._lock:
            if self._closed:
                return
            if self._depth:
                raise UsageError("close() inside a transaction")
            with contextlib.suppress(sqlite3.Error):  # the WAL is replayed on next open
                self._conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            with contextlib.suppress(StorageError):
                self.sync()  # the checkpoint may have been refused (busy): flush the log
            self._conn.close()
            self._closed = True

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


    # ---------------------------------------------------------------- transactions

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """All-or-nothing block; nested blocks become savepoints."""
        with self._lock:
            self._ensure_open()
            depth = self._depth
            savepoint = f"sp{depth}"
            if depth:
                # terms pending from before the savepoint are written first, so a
                # rollback to it undoes only terms of rows it undoes
                self._flush_terms()
            deferred = depth == 0 and self._deferring > 0
            changes = self._conn.total_changes
            try:
                with self._sql_errors():
                    if deferred:
                        self._conn.execute("PRAGMA synchronous = NORMAL")
                    self._conn.execute("BEGIN IMMEDIATE" if depth == 0
                                       else f"SAVEPOINT {savepoint}")
                if depth == 0:
                    self._undone = False
                self._depth += 1
                mark = len(self._terms_pending)
                try:
                    yield
                except BaseException:
                    self._depth = depth
                    self._undone = True
                    del self._terms_pending[mark:]  # their rows are undone too
                    with self._sql_errors():
                        if depth == 0:
                            self._conn.execute("ROLLBACK")
                        else:
                            self._conn.execute(f"ROLLBACK TO {savepoint}")
                            self._conn.execute(f"RELEASE {savepoint}")
                    raise
                self._depth = depth
                if depth == 0:
                    try:
                        self._flush_terms()
                        self._conn.execute("COMMIT")
                    except (sqlite3.Error, StorageError) as exc:
                        self._terms_pending.clear()
                        if self._conn.in_transaction:
                            self._conn.execute("ROLLBACK")
                        raise StorageError(f"commit failed: {exc}") from None
                else:
                    with self._sql_errors():
                        self._conn.execute(f"RELEASE {savepoint}")
            finally:
                if deferred:  # every other commit, and autocommit statements, fsync
                    with self._sql_errors():
                        self._conn.execute("PRAGMA synchronous = FULL")
            if deferred:
                self.unsynced = True
            elif depth == 0 and self._conn.total_changes != changes and not self._undone:
                # it wrote log frames and fsynced the log, which holds the deferred
                # commits before it too (a commit that changed nothing, or whose
                # changes a savepoint undid, may have written and synced nothing)
                self.unsynced = False

    def _flush_terms(self) -> None:
        """Write the pending search terms in one statement.

        Why not at each insert: any other statement in between opens a statement
        savepoint, and FTS5 writes its pending terms out as a new index segment at
        every savepoint, so a catch-up that interleaved them made one tiny segment
        per message and spent as long merging them as storing the messages. Called
        before the transaction commits and before anything reads or deletes index
        terms (a message stored and redacted in one batch)."""
        if not self._terms_pending:
            return
        rows, self._terms_pending = self._terms_pending, []
        with self._sql_errors():
            self._conn.executemany("INSERT INTO search_fts (rowid, terms) VALUES (?, ?)", rows)

    @contextmanager
    def deferred_sync(self) -> Iterator[None]:
        """Commits ending inside this block wait for no fsync (see the module
        docstring); the caller makes them durable with :meth:`sync` before anything
        relies on them outside this device (an acknowledgement, a send)."""
        with self._lock:
            self._deferring += 1
            try:
                yield
            finally:
                self._deferring -= 1

    def sync(self) -> None:
        """Flush deferred commits to the disk: fsync the write-ahead log (and, the
        first time, its directory, as SQLite does for a log it created). A no-op
        when every commit was fsynced already."""
        with self._lock:
            if not self.unsynced or self._closed:
                return
            try:
                self._fsync_log()
            except OSError as exc:
                raise StorageError(f"flushing the store failed: {exc.strerror}") from None
            self.unsynced = False

    def _fsync_log(self) -> None:
        wal = self._path.with_name(self._path.name + "-wal")
        try:
            # SQLite keeps no POSIX lock on the log (its locks are on the database
            # and the -shm file), so opening and closing it here releases none
            fd = os.open(wal, os.O_RDWR)
        except FileNotFoundError:
            return  # checkpointed and removed: the checkpoint synced the database
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
        if not self._dir_synced and os.name == "posix":
            dfd = os.open(self._path.parent, os.O_RDONLY)
            try:
                os.fsync(dfd)
            finally:
                os.close(dfd)
            self._dir_synced = True

    @contextmanager
    def _single_write(self) -> Iterator[None]:
        """A block that needs no savepoint of its own inside a transaction (its only
        write is one statement, which SQLite undoes whole if it fails, or its caller
        undoes it as a whole); outside one, it is a transaction of its own, durable as
        any other. For the per-message writes of a catch-up and the send path's (seven
        a send in its three transactions): a savepoint costs two statements and makes
        FTS5 write out its pending terms."""
        with self._lock:
            if not self._depth:
                with self.transaction():
                    yield
                return
            self._ensure_open()
            try:
                yield
            except BaseException:
                self._undone = True  # as after a savepoint rolled back: transaction()
                raise

    @contextmanager
    def _sql_errors(self) -> Iterator[None]:
        try:
            yield
        except sqlite3.Error as exc:
            raise StorageError(f"store operation failed: {exc}") from None

    def _ensure_open(self) -> None:
        if self._closed:
            raise UsageError("the store is closed")

    def _read(self, sql: str, args: tuple[object, ...] = ()) -> list[Row]:
        with self._lock:
            self._ensure_open()
            with self._sql_errors():
                return self._conn.execute(sql, args).fetchall()

    def _write(self, sql: str, args: tuple[object, ...] = ()) -> int:
        """Run one statement (inside the caller's transaction); returns rowcount."""
        with self._sql_errors():
            return self._conn.execute(sql, args).rowcount
