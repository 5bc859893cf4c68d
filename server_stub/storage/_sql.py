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

import hashlib
import hmac
import secrets

from ..errors import (
    BlobKeyMismatch,
    QuotaExceeded,
    StorageUnavailable,
)
from ._sql_core import (
    SCHEMA,
    STATE_COLUMNS,
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

HOUR = 3600
DAY = 24 * HOUR
#: what the database keeps of the blob key: an HMAC of this under it (a check, no key)
_KEY_CHECK = b"corridor blob key check"


def _mac(key: bytes, kind: bytes, *parts: bytes) -> bytes:
    mac = hmac.new(key, kind, hashlib.sha256)
    for p in parts:
        mac.update(len(p).to_bytes(4, "big") + p)
    return mac.digest()

__all__ = [
    "SCHEMA",
    "STATES_KEPT",
    "STATE_COLUMNS",
    "WELCOME_COLUMNS",
    "Cursor",
    "Op",
    "Outcome",
    "Post",
    "SqlCore",
    "SqlStorage",
    "welcome_row",
]


class SqlStorage(DirectoryOps[C], GroupOps[C]):
    """Shared implementation; subclasses supply connections and dialect."""

    # -- blobs --------------------------------------------------------------------------
    def _tag(self, kind: bytes, *parts: bytes) -> bytes:
        """A keyed tag over ``parts``: it stands in for an uploader or group id so the
        row names neither (only a holder of the blob key, kept outside the database,
        can test a guess)."""
        if self._blob_key is None:
            raise StorageUnavailable("storage not open")
        return _mac(self._blob_key, kind, *parts)

    def _op_blob_key(self, cur: Cursor, _ev: list[Event]) -> None:
        """Adopt the blob key given at start-up. The database keeps an HMAC of a
        constant under it, so a relay given another key refuses to start instead of
        losing every blob; rows tagged by an earlier relay under the database's own
        secret are re-tagged under the key the first time one is given."""
        given = self._blob_key_given
        if given is None:  # a key for this process only (tools, tests)
            self._blob_key = secrets.token_bytes(32)
            return
        check = _mac(given, _KEY_CHECK)
        row = self._one(cur, "SELECT value FROM meta WHERE key = 'blob_key_check'")
        if row is None:
            self._blob_key = given
            if not self.legacy_blobs and self._secret is not None:
                self._retag_blobs(cur, self._secret)
            self._exec(cur, "INSERT INTO meta (key, value) VALUES ('blob_key_check', ?) "
                            "ON CONFLICT (key) DO NOTHING", (check,))
            row = self._row(cur, "SELECT value FROM meta WHERE key = 'blob_key_check'")
        if not hmac.compare_digest(bytes(row[0]), check):
            self._blob_key = None
            raise BlobKeyMismatch("the blob key file is not the one this store's blobs "
                                  "were stored under")
        self._blob_key = given

    def _retag_blobs(self, cur: Cursor, old: bytes) -> int:
        """Re-tag blob rows written under the database's secret (an earlier relay) by
        finding their uploader among the devices and their group among the groups.
        A row whose uploader is gone is dropped (nobody could fetch it); a group that
        is gone gets a tag matching nothing. Quota counters start afresh."""
        rows = self._all(cur, "SELECT blob_id, owner_tag, group_tag FROM blobs")
        if not rows:
            return 0
        devices = [str(r[0]).encode() for r in self._all(cur, "SELECT device_id FROM devices")]
        groups = [bytes(r[0]) for r in self._all(cur, "SELECT group_id FROM groups")]
        done = 0
        for blob_id, otag, gtag in rows:
            bid = str(blob_id).encode()
            owner = next((d for d in devices if hmac.compare_digest(
                _mac(old, b"blob-owner", bid, d), bytes(otag))), None)
            if owner is None:
                self._exec(cur, "DELETE FROM blobs WHERE blob_id = ?", (blob_id,))
                continue
            group_tag = None
            if gtag is not None:
                group = next((g for g in groups if hmac.compare_digest(
                    _mac(old, b"blob-group", bid, g), bytes(gtag))), None)
                group_tag = secrets.token_bytes(32) if group is None else \
                    self._tag(b"blob-group", bid, group)
            self._exec(cur, "UPDATE blobs SET owner_tag = ?, group_tag = ? WHERE blob_id = ?",
                       (self._tag(b"blob-owner", bid, owner), group_tag, blob_id))
            done += 1
        self._exec(cur, "DELETE FROM blob_quota")
        return done

    def _blob_tags(self, blob_id: str, owner: str, group_id: bytes | None,
                   now: int) -> tuple[bytes, bytes | None, bytes, int]:
        """(owner tag, group tag, today's quota tag, today) for one upload."""
        day = now // DAY
        bid = blob_id.encode()
        return (self._tag(b"blob-owner", bid, owner.encode()),
                None if group_id is None else self._tag(b"blob-group", bid, group_id),
                self._tag(b"blob-quota", str(day).encode(), owner.encode()), day)

    def _insert_blob(self, cur: Cursor, blob_id: str, owner: str, group_id: bytes | None,
                     data: bytes, now: int, expires_at: int, quota: int | None) -> None:
        owner_tag, group_tag, quota_tag, day = self._blob_tags(blob_id, owner, group_id, now)
        if quota is not None:
            row = self._one(cur, "SELECT used FROM blob_quota WHERE tag = ?", (quota_tag,))
            used = 0 if row is None else int(row[0])
            if used + len(data) > quota:
                raise QuotaExceeded("blob quota for this device exhausted")
            if row is None:
                self._exec(cur, "INSERT INTO blob_quota (tag, day, used) VALUES (?, ?, ?)",
                           (quota_tag, day, len(data)))
            else:
                self._exec(cur, "UPDATE blob_quota SET used = used + ? WHERE tag = ?",
                           (len(data), quota_tag))
        self._exec(
            cur,
            "INSERT INTO blobs (blob_id, owner_tag, group_tag, size, data, stored_hour, "
            "expires_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
            (blob_id, owner_tag, group_tag, len(data), data, now - now % HOUR, expires_at),
        )

    async def put_blob(
        self, *, blob_id: str, owner: str, group_id: bytes | None, data: bytes,
        now: int, expires_at: int, quota: int,
    ) -> None:
        def op(cur: Cursor, _ev: list[Event]) -> None:
            self._insert_blob(cur, blob_id, owner, group_id, data, now, expires_at, quota)

        await self._write(op)

    async def get_blob(self, blob_id: str, now: int) -> BlobRecord | None:
        def fn(cur: Cursor) -> BlobRecord | None:
            row = self._one(
                cur,
                "SELECT owner_tag, group_tag, data, expires_at FROM blobs "
                "WHERE blob_id = ? AND expires_at > ?",
                (blob_id, now),
            )
            if row is None:
                return None
            gtag = None if row[1] is None else bytes(row[1])
            return BlobRecord(blob_id, bytes(row[0]), gtag, bytes(row[2]), int(row[3]))

        return await self._read(fn)

    async def blob_owned_by(self, rec: BlobRecord, device_id: str) -> bool:
        want = self._tag(b"blob-owner", rec.blob_id.encode(), device_id.encode())
        return hmac.compare_digest(want, rec.owner_tag)

    async def may_read_blob(self, rec: BlobRecord, device_id: str) -> bool:
        if await self.blob_owned_by(rec, device_id):
            return True
        if rec.group_tag is None:
            return False
        gtag = rec.group_tag

        def fn(cur: Cursor) -> list[bytes]:
            return [bytes(r[0]) for r in self._all(
                cur, "SELECT group_id FROM members WHERE device_id = ? AND left_seq IS NULL",
                (device_id,))]

        bid = rec.blob_id.encode()
        return any(hmac.compare_digest(self._tag(b"blob-group", bid, g), gtag)
                   for g in await self._read(fn))

    async def delete_blob(self, blob_id: str, owner: str) -> bool:
        tag = self._tag(b"blob-owner", blob_id.encode(), owner.encode())

        def op(cur: Cursor, _ev: list[Event]) -> bool:
            return self._exec(
                cur, "DELETE FROM blobs WHERE blob_id = ? AND owner_tag = ?", (blob_id, tag)
            ) > 0

        return bool(await self._write(op))

    def _op_migrate_blobs(self, cur: Cursor, _ev: list[Event]) -> int:
        """Move the blobs of a store made by an older relay (owner and group in the clear)
        into the new ``blobs`` with tags and an hour-coarse time, then drop the old table.
        Quota counters start afresh (the old rows said nothing about today)."""
        rows = self._all(cur, "SELECT blob_id, owner, group_id, data, created_at, expires_at "
                              "FROM blobs_v1")
        for r in rows:
            self._insert_blob(cur, str(r[0]), str(r[1]), None if r[2] is None else bytes(r[2]),
                              bytes(r[3]), int(r[4]), int(r[5]), None)
        self._exec(cur, "DROP TABLE blobs_v1")
        return len(rows)

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
            self._exec(cur, "DELETE FROM blob_quota WHERE day < ?", (now // DAY,))
            self._exec(
                cur,
                # kept: the newest states, those a Welcome names, and every row their
                # chains read (from the whole state each builds on)
                "DELETE FROM group_states WHERE seq < (SELECT MIN(COALESCE(k.base, k.seq)) "
                "FROM group_states k WHERE k.group_id = group_states.group_id AND "
                "(k.seq >= (SELECT s.seq FROM group_states s WHERE s.group_id = k.group_id "
                "ORDER BY s.seq DESC LIMIT 1 OFFSET ?) OR EXISTS (SELECT 1 FROM welcomes w "
                "WHERE w.group_id = k.group_id AND w.seq = k.seq)))",
                (STATES_KEPT - 1,),
            )
            o = self._exec(cur, "DELETE FROM used_nonces WHERE expires_at < ?", (now,))
            o += self._exec(cur, "DELETE FROM key_package_claims WHERE claimed_at < ?",
                            (cutoff,))
            return GcStats(m, w, b, o)

        result: GcStats = await self._write(op)
        return result
