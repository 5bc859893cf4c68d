# SPDX-License-Identifier: Apache-2.0
"""The SQLite store's connection and transactions, shared by its per-concern parts
(:mod:`client.store.sqlite_rows`, :mod:`client.store.sqlite`).

Thread safety: one connection, guarded by a re-entrant lock; a transaction holds the
lock for its whole block, so the engine may call from several executor threads.
"""

from __future__ import annotations

import contextlib
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

    def close(self) -> None:
        """Checkpoint and truncate the WAL, then close. Idempotent."""
        with self._lock:
            if self._closed:
                return
            if self._depth:
                raise UsageError("close() inside a transaction")
            with contextlib.suppress(sqlite3.Error):  # the WAL is replayed on next open
                self._conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
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
            with self._sql_errors():
                self._conn.execute("BEGIN IMMEDIATE" if depth == 0 else f"SAVEPOINT {savepoint}")
            self._depth += 1
            mark = len(self._terms_pending)
            try:
                yield
            except BaseException:
                self._depth = depth
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
    def _single_write(self) -> Iterator[None]:
        """A block that needs no savepoint of its own inside a transaction (its only
        write is one statement, or its caller undoes it as a whole); outside one, it
        is a transaction of its own. For the per-message writes of a catch-up: a
        savepoint per message costs two statements and makes FTS5 write out its
        pending terms each time."""
        with self._lock:
            if not self._depth:
                with self.transaction():
                    yield
                return
            self._ensure_open()
            yield

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
