# SPDX-License-Identifier: Apache-2.0
"""What the relay's database holds for an attachment blob: no group id, no uploader id,
an hour-coarse time, no key of its tags (a key file beside it); and a store made by an
older relay migrated on open."""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import secrets
import sqlite3
from pathlib import Path
from typing import Any

import psycopg
import pytest

from server_stub import blobkey
from server_stub.app import create_app
from server_stub.errors import BlobKeyMismatch, QuotaExceeded
from server_stub.settings import Settings
from server_stub.storage.factory import open_storage
from tests.support.relay_process import in_process, shared_blob_key
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


async def test_quota_counts_a_day_and_its_counter_goes_at_collection(store, db_url) -> None:
    s, _ = store
    [a] = await devices(s, 1)
    day = 86400
    start = NOW - NOW % day + 10
    await s.put_blob(blob_id="d" * 43, owner=a, group_id=None, data=b"1" * 60, now=start,
                     expires_at=start + 10 * day, quota=100)
    with pytest.raises(QuotaExceeded):
        await s.put_blob(blob_id="e" * 43, owner=a, group_id=None, data=b"2" * 60,
                         now=start + 60, expires_at=start + 10 * day, quota=100)
    with contextlib.closing(_raw(db_url)) as conn:
        before = conn.execute("SELECT COUNT(*) FROM blob_quota").fetchone()[0]
    await s.gc(start + day, 10**7)
    with contextlib.closing(_raw(db_url)) as conn:
        after = conn.execute("SELECT COUNT(*) FROM blob_quota").fetchone()[0]
    assert before >= 1 and after < before  # yesterday's counters are gone
    await s.put_blob(blob_id="e" * 43, owner=a, group_id=None, data=b"2" * 60,
                     now=start + day, expires_at=start + 10 * day, quota=100)
    assert (await s.get_blob("d" * 43, start + day)) is not None  # blobs outlive the counter


def _all_cells(db_url: str) -> list[tuple[Any, ...]]:
    """Every row of every table of the store (SQLite; the session schema on PostgreSQL)."""
    with contextlib.closing(_raw(db_url)) as conn:
        if db_url.startswith("sqlite"):
            names = [r[0] for r in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table'").fetchall()]
        else:
            names = [r[0] for r in conn.execute(
                "SELECT table_name FROM information_schema.tables "
                "WHERE table_schema = current_schema()").fetchall()]
        return [tuple(r) for n in names
                for r in conn.execute(f'SELECT * FROM "{n}"').fetchall()]


async def test_blob_key_stays_outside_the_store_and_a_restart_with_it_reads(
    db_url: str, tmp_path: Path,
) -> None:
    shared = shared_blob_key(db_url)  # PostgreSQL: the test schema's one key
    key = blobkey.load_or_create(shared or tmp_path / "blob.key")
    s = open_storage(db_url, blob_key=key)
    await s.open()
    bid = secrets.token_urlsafe(32)
    try:
        [a] = await devices(s, 1)
        await s.put_blob(blob_id=bid, owner=a, group_id=GROUP, data=b"sealed", now=NOW,
                         expires_at=NOW + 100, quota=10_000)
    finally:
        await s.close()
    assert not _holds(_all_cells(db_url), key)  # a dump alone holds no blob key
    again = open_storage(db_url, blob_key=key)
    await again.open()
    try:
        rec = await again.get_blob(bid, NOW)
        assert rec is not None and rec.data == b"sealed"
        assert await again.blob_owned_by(rec, a)
    finally:
        await again.close()
    other = open_storage(db_url, blob_key=secrets.token_bytes(32))
    with pytest.raises(BlobKeyMismatch):
        await other.open()
    await other.close()


async def test_blobs_tagged_under_the_database_secret_are_retagged(tmp_path: Path) -> None:
    """A store written by the previous relay (tags under the secret in ``meta``) keeps
    its blobs for their uploader and group once a key file is given."""
    url = f"sqlite:///{tmp_path / 'relay.sqlite3'}"
    s = open_storage(url)
    await s.open()
    a, b = await devices(s, 2)
    secret = await s.relay_secret()
    await s.close()
    gone = "g" * 43

    def tag(kind: bytes, *parts: bytes) -> bytes:
        mac = hmac.new(secret, kind, hashlib.sha256)
        for p in parts:
            mac.update(len(p).to_bytes(4, "big") + p)
        return mac.digest()

    with contextlib.closing(_raw(url)) as conn:
        conn.execute("INSERT INTO groups (group_id, last_seq, created_at) VALUES (?, 0, 0)",
                     (GROUP,))
        conn.execute("INSERT INTO members (group_id, device_id, joined_seq, acked_seq) "
                     "VALUES (?, ?, 0, 0)", (GROUP, b))
        for bid, owner in (("k" * 43, a), (gone, "f" * 64)):
            conn.execute("INSERT INTO blobs VALUES (?, ?, ?, 4, ?, ?, ?)",
                         (bid, tag(b"blob-owner", bid.encode(), owner.encode()),
                          tag(b"blob-group", bid.encode(), GROUP), b"data", NOW, NOW + 99))
        conn.commit()
    key = secrets.token_bytes(32)
    s = open_storage(url, blob_key=key)
    await s.open()
    try:
        rec = await s.get_blob("k" * 43, NOW)
        assert rec is not None and await s.blob_owned_by(rec, a)
        assert await s.may_read_blob(rec, b)  # b is routed in the blob's group
        assert await s.get_blob(gone, NOW) is None  # its uploader is unknown: dropped
    finally:
        await s.close()


async def test_first_serve_makes_a_private_key_file_and_blobs_survive_a_restart(
    tmp_path: Path,
) -> None:
    settings = Settings(data_dir=tmp_path)
    async with in_process(settings) as r:
        a = await r.device()
        blob = await a.upload_blob(b"kept across restarts")
    path = tmp_path / blobkey.BLOB_KEY
    assert path.stat().st_mode & 0o777 == 0o600
    key = path.read_bytes()
    assert len(key) == blobkey.KEY_BYTES
    assert key not in (tmp_path / "relay.sqlite3").read_bytes()
    async with in_process(settings) as r:
        a.http = r.http
        await a.login()
        assert await a.download_blob(blob) == b"kept across restarts"
    path.chmod(0o644)
    with pytest.raises(blobkey.BlobKeyError, match="chmod 600"):
        create_app(settings)
