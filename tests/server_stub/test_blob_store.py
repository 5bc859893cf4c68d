# SPDX-License-Identifier: Apache-2.0
"""What the relay's database holds for an attachment blob: no group id, no uploader id,
an hour-coarse time; and a store made by an older relay migrated on open."""

from __future__ import annotations

import contextlib
import sqlite3
from typing import Any

import psycopg

from server_stub.storage.factory import open_storage
from tests.support.relay_storage import NOW, devices

GROUP = b"G" * 32


def _raw(db_url: str) -> Any:
    if db_url.startswith("sqlite:///"):
        return sqlite3.connect(db_url.removeprefix("sqlite:///"))
    return psycopg.connect(db_url, autocommit=True)


def _cells(db_url: str, table: str, where: str = "") -> list[tuple[Any, ...]]:
    with contextlib.closing(_raw(db_url)) as conn:
        return [tuple(r) for r in conn.execute(f"SELECT * FROM {table} {where}").fetchall()]


def _holds(rows: list[tuple[Any, ...]], needle: bytes) -> bool:
    """Whether any cell of ``rows`` contains ``needle`` (as bytes or as text)."""
    for row in rows:
        for cell in row:
            raw = bytes(cell) if isinstance(cell, (bytes, memoryview)) else str(cell).encode()
            if needle in raw:
                return True
    return False


async def test_stored_blob_names_neither_group_nor_uploader_and_time_is_coarse(
    store, db_url,
) -> None:
    s, _ = store
    a, b = await devices(s, 2)
    now = NOW - NOW % 3600 + 1234  # 20 min 34 s into an hour
    await s.put_blob(blob_id="q" * 43, owner=a, group_id=GROUP, data=b"sealed" * 10, now=now,
                     expires_at=now + 100, quota=10_000)
    await s.put_blob(blob_id="r" * 43, owner=a, group_id=GROUP, data=b"sealed" * 10,
                     now=now + 5, expires_at=now + 100, quota=10_000)
    mine = f"WHERE blob_id IN ('{'q' * 43}', '{'r' * 43}')"  # the PostgreSQL schema is shared
    rows = _cells(db_url, "blobs", mine)
    assert len(rows) == 2
    for needle in (a.encode(), bytes.fromhex(a), GROUP):
        assert not _holds(rows, needle)
    assert not _holds(_cells(db_url, "blob_quota"), a.encode())
    with contextlib.closing(_raw(db_url)) as conn:
        cols = conn.execute(f"SELECT stored_hour, owner_tag, group_tag FROM blobs {mine}")
        got = cols.fetchall()
    hours = [r[0] for r in got]
    tags, gtags = [bytes(r[1]) for r in got], [bytes(r[2]) for r in got]
    assert hours == [now - 1234] * 2  # two uploads 5 s apart: one stored time, the hour
    assert len(set(tags)) == 2 and len(set(gtags)) == 2  # same uploader, group: no shared tag
    rec = await s.get_blob("q" * 43, now)
    assert rec is not None
    assert await s.blob_owned_by(rec, a) and not await s.blob_owned_by(rec, b)
    assert not await s.may_read_blob(rec, b)  # b is not routed in the group


async def test_older_blob_table_is_migrated_on_open(db_url) -> None:
    s = open_storage(db_url)
    await s.open()
    a, b = await devices(s, 2)
    await s.close()
    kind = "BLOB" if db_url.startswith("sqlite") else "BYTEA"
    with contextlib.closing(_raw(db_url)) as conn:
        conn.execute("DROP TABLE blobs")
        conn.execute(f"CREATE TABLE blobs (blob_id TEXT PRIMARY KEY, owner TEXT NOT NULL, "
                     f"group_id {kind}, size BIGINT NOT NULL, data {kind} NOT NULL, "
                     f"created_at BIGINT NOT NULL, expires_at BIGINT NOT NULL)")
        ph = "?" if db_url.startswith("sqlite") else "%s"
        conn.execute(f"INSERT INTO blobs VALUES ({', '.join([ph] * 7)})",
                     ("o" * 22, a, None, 3, b"old", NOW + 61, NOW + 1000))
        conn.commit()
    s = open_storage(db_url)
    await s.open()
    try:
        rec = await s.get_blob("o" * 22, NOW)
        assert rec is not None and rec.data == b"old" and await s.blob_owned_by(rec, a)
        assert not await s.delete_blob("o" * 22, b)
        assert await s.delete_blob("o" * 22, a)
    finally:
        await s.close()
    with contextlib.closing(_raw(db_url)) as conn:
        assert conn.execute("SELECT 1 FROM blobs WHERE blob_id = '" + "o" * 22
                            + "'").fetchall() == []
        table = ("SELECT name FROM sqlite_master WHERE name = 'blobs_v1'"
                 if db_url.startswith("sqlite") else "SELECT to_regclass('blobs_v1')")
        assert conn.execute(table).fetchall() in ([], [(None,)])  # the old table is gone
