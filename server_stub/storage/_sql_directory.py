# SPDX-License-Identifier: Apache-2.0
"""The SQL storage's ops on identities: the relay secret, nonces, devices, the directory
(certificate chains, CRLs), the transparency log and KeyPackages."""

from __future__ import annotations

from collections.abc import Sequence

from ..errors import (
    QuotaExceeded,
)
from ._sql_core import C, Cursor, SqlCore
from .base import (
    ClaimRecord,
    DeviceRecord,
    Event,
    RevocationEvent,
)

__all__ = ["DirectoryOps"]


class DirectoryOps(SqlCore[C]):
    """Devices, the directory, the log and KeyPackages."""

    # -- ops -------------------------------------------------------------------------------
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
            top = self._row(cur, "SELECT COALESCE(MAX(idx), -1) FROM transparency_log")
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
        row = self._row(
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
