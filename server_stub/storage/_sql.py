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

The code is split by concern: ``_sql_core`` (schema, writer, readers), ``_sql_directory``
(identities and KeyPackages), ``_sql_groups`` (groups and messages); this module puts
them together with blobs and housekeeping.
"""

from __future__ import annotations

from ..errors import (
    QuotaExceeded,
)
from ._sql_core import (
    SCHEMA,
    STATES_KEPT,
    WELCOME_COLUMNS,
    C,
    Cursor,
    Op,
    Outcome,
    Post,
    SqlCore,
    welcome_row,
)
from ._sql_directory import DirectoryOps
from ._sql_groups import GroupOps
from .base import (
    BlobRecord,
    Event,
    GcStats,
)

__all__ = [
    "SCHEMA", "STATES_KEPT", "WELCOME_COLUMNS", "Cursor", "Op", "Outcome", "Post", "SqlCore",
    "SqlStorage", "welcome_row",
]


class SqlStorage(DirectoryOps[C], GroupOps[C]):
    """Shared implementation; subclasses supply connections and dialect."""

    # -- blobs --------------------------------------------------------------------------
    async def put_blob(
        self, *, blob_id: str, owner: str, group_id: bytes | None, data: bytes,
        now: int, expires_at: int, quota: int,
    ) -> None:
        def op(cur: Cursor, _ev: list[Event]) -> None:
            used = int(self._row(
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
