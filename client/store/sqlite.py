# SPDX-License-Identifier: Apache-2.0
"""The local store on SQLite, sensitive columns encrypted with the store key.

Durability: WAL journal with ``synchronous=FULL`` (every commit is fsynced before it
returns, so what the engine was told is committed survives power loss), and one
explicit transaction per API call or per ``with store.transaction():`` block. The
exception is a commit ending in ``with store.deferred_sync():``: it survives the
process being killed but reaches the disk only with :meth:`sync` or the next fsynced
commit; the core uses it for a pushed message it shows before flushing (and
acknowledges after), for the queueing of a send whose encryption commit follows
before anything waits, and for marking a send done (a loss re-sends it under the same
client message id). See docs/benchmarks.md, send-to-display.
``secure_delete`` overwrites deleted content in the database file; :meth:`close`
checkpoints and truncates the WAL so old page images do not linger there either.

The database file is created with mode 0600 before SQLite opens it; SQLite gives its
``-wal`` and ``-shm`` files the same mode.

Thread safety: one connection, guarded by a re-entrant lock; a transaction holds the
lock for its whole block, so the engine may call from several executor threads
(:mod:`client.store.sqlite_base`).
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import nacl.utils

from client.errors import (
    CorruptRecordError,
    EnvironmentFault,
    NotFoundError,
    StorageError,
    StoreKeyError,
    UsageError,
)
from client.store import schema
from client.store.base import (
    MAX_PAGE,
    GroupState,
    OutboxItem,
    check_group_state,
    check_id,
    check_int,
)
from client.store.engine_state import EngineStateRecords
from client.store.sealing import RowCipher
from client.store.sqlite_base import _u64
from client.store.sqlite_rows import SqliteChannels, SqliteMessages
from client.store.upgrade import KEY_CHECK as _KEY_CHECK
from client.store.upgrade import move_engine_records, verify_key
from crypto.secret_bytes import Secret

__all__ = ["SqliteStore"]

class SqliteStore(SqliteChannels, SqliteMessages, EngineStateRecords):
    """The real store. Open with :meth:`open`; see :class:`client.store.base.Store` and
    :class:`client.store.engine_state.EngineStateStore`. Channels and messages live in
    :mod:`client.store.sqlite_rows`, the connection in :mod:`client.store.sqlite_base`."""

    # ------------------------------------------------------------------ lifecycle

    @classmethod
    def open(cls, path: os.PathLike[str] | str, key: Secret) -> SqliteStore:
        """Open (creating and migrating as needed) the store at ``path``.

        Raises:
            StoreKeyError: ``key`` is not this database's key.
            SchemaVersionError: the database is newer than this code, or not ours.
            StorageError: SQLite failed (disk, locking).
        """
        cipher = RowCipher(key)
        db = Path(path)
        try:
            fd = os.open(db, os.O_RDWR | os.O_CREAT, 0o600)
            os.close(fd)
        except OSError as exc:
            raise EnvironmentFault(f"cannot create the store: {exc.strerror}") from None
        try:
            conn = sqlite3.connect(db, isolation_level=None, check_same_thread=False)
        except sqlite3.Error as exc:
            raise StorageError(f"cannot open the store: {exc}") from None
        try:
            for pragma in (
                "PRAGMA busy_timeout = 10000",
                "PRAGMA journal_mode = WAL",
                "PRAGMA synchronous = FULL",
                "PRAGMA secure_delete = ON",
                "PRAGMA foreign_keys = ON",
                "PRAGMA temp_store = MEMORY",
            ):
                conn.execute(pragma)
            if schema.current_version(conn) >= 1:  # a wrong key must not run data steps
                verify_key(conn, cipher)
            def move(c: sqlite3.Connection) -> None:
                move_engine_records(c, cipher)

            start = schema.migrate(conn, data_steps={5: move, 6: move, 9: move})
            if 0 < start < 10:  # schemas 7, 8 and 10 made the index and rows smaller
                conn.execute("VACUUM")
            store = cls(conn, cipher, db)
            store._check_key()
        except sqlite3.DatabaseError as exc:
            conn.close()
            raise StorageError(f"the store cannot be opened: {exc}") from None
        except BaseException:
            conn.close()
            raise
        return store

    def _check_key(self) -> None:
        row = self._conn.execute("SELECT value FROM meta WHERE name = 'key_check'").fetchone()
        if row is None:
            with self.transaction():
                sealed = self._cipher.seal(_KEY_CHECK, "meta", b"key_check")
                self._conn.execute("INSERT INTO meta VALUES ('key_check', ?)", (sealed,))
            return
        try:
            ok = self._cipher.open(row[0], "meta", b"key_check") == _KEY_CHECK
        except CorruptRecordError:
            ok = False
        if not ok:
            raise StoreKeyError("the store key does not open this store")

    # ----------------------------------------------------------------- group state

    def put_group_state(self, group_id: bytes, epoch: int, state: bytes,
                        ratchets: bytes | None = None, *, binding: bytes = b"") -> None:
        check_group_state(group_id, epoch, state, ratchets, binding)
        sealed = self._cipher.seal(bytes(state), "group_states", group_id, _u64(epoch))
        with self.transaction():  # both parts or neither
            self._write(
                "INSERT INTO group_states (group_id, epoch, sealed) VALUES (?, ?, ?) "
                "ON CONFLICT (group_id) DO UPDATE SET epoch = excluded.epoch, "
                "sealed = excluded.sealed",
                (group_id, epoch, sealed),
            )
            if ratchets is None:
                self._write("DELETE FROM group_ratchets WHERE group_id = ?", (group_id,))
            else:
                self._put_ratchets(group_id, epoch, ratchets, binding, insert=True)

    def put_group_ratchets(self, group_id: bytes, epoch: int, ratchets: bytes, *,
                           binding: bytes = b"") -> None:
        check_group_state(group_id, epoch, ratchets, None, binding)
        with self._single_write():
            if not self._put_ratchets(group_id, epoch, ratchets, binding, insert=False):
                raise NotFoundError("no split group state at this epoch")

    def _put_ratchets(self, group_id: bytes, epoch: int, ratchets: bytes, binding: bytes,
                      *, insert: bool) -> int:
        # Its own table name in the AAD: a ratchet part is never opened as a state.
        sealed = self._cipher.seal(bytes(ratchets), "group_ratchets", group_id, _u64(epoch))
        if insert:
            return self._write(
                "INSERT INTO group_ratchets (group_id, epoch, sealed, binding) "
                "VALUES (?, ?, ?, ?) ON CONFLICT (group_id) DO UPDATE SET "
                "epoch = excluded.epoch, sealed = excluded.sealed, "
                "binding = excluded.binding", (group_id, epoch, sealed, binding))
        return self._write("UPDATE group_ratchets SET sealed = ? WHERE group_id = ? "
                           "AND epoch = ? AND binding = ?", (sealed, group_id, epoch, binding))

    def get_group_state(self, group_id: bytes) -> GroupState | None:
        rows = self._read(  # one statement: both parts from one snapshot
            "SELECT s.epoch, s.sealed, r.epoch, r.sealed, r.binding FROM group_states s "
            "LEFT JOIN group_ratchets r ON r.group_id = s.group_id WHERE s.group_id = ?",
            (group_id,))
        if not rows:
            return None
        epoch, sealed, r_epoch, r_sealed, binding = rows[0]
        state = self._cipher.open(sealed, "group_states", group_id, _u64(epoch))
        ratchets = None
        if r_sealed is not None:
            if r_epoch != epoch:
                raise CorruptRecordError("group_ratchets", group_id.hex())
            ratchets = self._cipher.open(r_sealed, "group_ratchets", group_id, _u64(epoch))
        return GroupState(group_id=group_id, epoch=epoch, state=state, ratchets=ratchets,
                          binding=b"" if binding is None else bytes(binding))

    def delete_group_state(self, group_id: bytes) -> None:
        with self.transaction():
            self._write("DELETE FROM group_ratchets WHERE group_id = ?", (group_id,))
            self._write("DELETE FROM group_states WHERE group_id = ?", (group_id,))

    # ---------------------------------------------------------------- engine state

    def _state_get(self, kind: str, key: bytes) -> bytes | None:
        rows = self._read("SELECT sealed FROM engine_state WHERE kind = ? AND key = ?",
                          (kind, key))
        if not rows:
            return None
        return self._cipher.open(rows[0][0], "engine_state", kind.encode(), key)

    def _state_put(self, kind: str, key: bytes, value: bytes) -> None:
        sealed = self._cipher.seal(value, "engine_state", kind.encode(), key)
        with self._single_write():
            self._write(
                "INSERT INTO engine_state (kind, key, sealed) VALUES (?, ?, ?) "
                "ON CONFLICT (kind, key) DO UPDATE SET sealed = excluded.sealed",
                (kind, key, sealed),
            )

    def _state_delete(self, kind: str, key: bytes) -> None:
        with self._single_write():
            self._write("DELETE FROM engine_state WHERE kind = ? AND key = ?", (kind, key))

    def _state_keys(self, kind: str) -> list[bytes]:
        return [bytes(r[0]) for r in self._read(
            "SELECT key FROM engine_state WHERE kind = ? ORDER BY key", (kind,))]

    # ---------------------------------------------------------------------- outbox

    def enqueue_outbox(self, channel_id: bytes, data: bytes, *, created_at: int) -> bytes:
        check_id(channel_id, "channel_id")
        check_int(created_at, "created_at")
        if not isinstance(data, bytes | bytearray):
            raise UsageError("data must be bytes")
        item_id = nacl.utils.random(16)
        sealed = self._cipher.seal(bytes(data), "outbox", item_id, channel_id)
        with self._single_write():
            self._require_channel(channel_id)
            self._write(
                "INSERT INTO outbox (item_id, channel_id, created_at, sealed) VALUES (?, ?, ?, ?)",
                (item_id, channel_id, created_at, sealed),
            )
        return item_id

    def list_outbox(self, channel_id: bytes | None = None, *, limit: int = 100) -> list[OutboxItem]:
        if not isinstance(limit, int) or not 0 < limit <= MAX_PAGE:
            raise UsageError(f"limit must be in 1..{MAX_PAGE}")
        if channel_id is None:
            rows = self._read(
                "SELECT position, item_id, channel_id, created_at, sealed FROM outbox "
                "ORDER BY position LIMIT ?",
                (limit,),
            )
        else:
            rows = self._read(
                "SELECT position, item_id, channel_id, created_at, sealed FROM outbox "
                "WHERE channel_id = ? ORDER BY position LIMIT ?",
                (channel_id, limit),
            )
        items = []
        for position, item_id, chan, created_at, sealed in rows:
            try:
                data, damaged = self._cipher.open(sealed, "outbox", item_id, chan), False
            except CorruptRecordError:
                data, damaged = b"", True
            items.append(
                OutboxItem(
                    item_id=item_id,
                    position=position,
                    channel_id=chan,
                    data=data,
                    created_at=created_at,
                    damaged=damaged,
                )
            )
        return items

    def mark_sent(self, item_id: bytes) -> bool:
        with self._single_write():
            return self._write("DELETE FROM outbox WHERE item_id = ?", (item_id,)) == 1

    # --------------------------------------------------------------------- cursors

    def get_cursor(self, name: str) -> int:
        rows = self._read("SELECT value FROM cursors WHERE name = ?", (name,))
        return int(rows[0][0]) if rows else 0

    def set_cursor(self, name: str, value: int) -> None:
        if not isinstance(name, str) or not 0 < len(name) <= 128:
            raise UsageError("cursor names are 1..128 characters")
        check_int(value, "value")
        with self._single_write():
            self._write(
                "INSERT INTO cursors (name, value) VALUES (?, ?) "
                "ON CONFLICT (name) DO UPDATE SET value = excluded.value",
                (name, value),
            )

