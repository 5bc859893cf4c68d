# SPDX-License-Identifier: Apache-2.0
"""SQLite storage: one file in WAL mode, a single writer thread, fsync on every commit.

``synchronous=FULL`` makes each COMMIT durable before the relay acknowledges it;
group commit (many ops per transaction, see :mod:`._sql`) pays that fsync once per
batch instead of once per message. One relay process per file.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from ..errors import BadRequest, Conflict, ServerError, StorageUnavailable
from ._sql import SCHEMA, STATE_COLUMNS, WELCOME_COLUMNS, Cursor, SqlStorage

__all__ = ["SQLiteStorage"]


class SQLiteStorage(SqlStorage[sqlite3.Connection]):
    placeholder = "?"
    savepoints = False  # ops check before they write, so refusals leave nothing to undo

    def __init__(self, url: str, *, batch_max: int = 512, blob_key: bytes | None = None
                 ) -> None:
        super().__init__(url, batch_max=batch_max, blob_key=blob_key)
        self.path = Path(url.removeprefix("sqlite:///"))  # sqlite:////abs or sqlite:///rel

    def _connect(self) -> sqlite3.Connection:
        conn = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False,
                               timeout=10)
        conn.execute("PRAGMA busy_timeout = 10000")
        conn.execute("PRAGMA synchronous = FULL")
        return conn

    def _connect_writer(self) -> sqlite3.Connection:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        conn = self._connect()
        conn.execute("PRAGMA journal_mode = WAL")
        return conn

    def _connect_reader(self) -> sqlite3.Connection:
        conn = self._connect()
        conn.execute("PRAGMA query_only = ON")
        return conn

    def _create_schema(self, conn: sqlite3.Connection) -> None:
        if "owner" in {r[1] for r in conn.execute("PRAGMA table_info(blobs)")}:
            conn.execute("ALTER TABLE blobs RENAME TO blobs_v1")  # moved by the first write
            self.legacy_blobs = True
        conn.executescript(
            SCHEMA.format(blob="BLOB", serial="INTEGER PRIMARY KEY AUTOINCREMENT")
        )
        for table, columns in (("welcomes", WELCOME_COLUMNS), ("group_states", STATE_COLUMNS)):
            have = {r[1] for r in conn.execute(f"PRAGMA table_info({table})")}
            for name, kind in columns:  # a store made by an older relay
                if name not in have:
                    conn.execute(f"ALTER TABLE {table} ADD COLUMN {name} "
                                 f"{kind.format(blob='BLOB')}")

    def _begin(self, cur: Cursor) -> None:
        cur.execute("BEGIN IMMEDIATE")

    def _map_db_error(self, exc: BaseException) -> ServerError:
        if isinstance(exc, sqlite3.IntegrityError):
            return Conflict("conflicting write")
        if isinstance(exc, (sqlite3.DataError, OverflowError)):
            return BadRequest("value out of range")
        return StorageUnavailable("storage error")

    def _retryable(self, exc: BaseException) -> bool:
        return isinstance(exc, sqlite3.OperationalError) and "locked" in str(exc)
