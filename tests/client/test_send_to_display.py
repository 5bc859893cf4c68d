# SPDX-License-Identifier: Apache-2.0
"""Send-to-display (issue 25): what the short path relies on, pinned.

* The store's deferred commits: written to the log (a killed process keeps them) but
  fsynced only by ``sync()`` or the next fsynced commit; every other commit still fsyncs.
* The receiver shows a pushed message before its commit reaches the disk, flushes it
  right after, and only then acknowledges it to the relay (which may then forget it);
  killed at the moment it shows the message, it still holds it once after a restart.
* The sender's queueing commit is durable before the client waits for anything.
* httpcore's per-request ``import sniffio`` (not installed) costs no path search.
"""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from client.core import Client
from client.events import MessageReceived
from client.store import SqliteStore
from crypto.secret_bytes import Secret
from tests.support.client_venue import Venue

A, B = "alderia-ana", "borduria-ana"
ROOT = Path(__file__).resolve().parents[2]


def _store(tmp_path: Path) -> SqliteStore:
    return SqliteStore.open(tmp_path / "s.sqlite3", Secret(b"k" * 32))


def _synchronous(store: SqliteStore) -> int:
    return int(store._conn.execute("PRAGMA synchronous").fetchone()[0])


def test_deferred_commits_wait_for_sync_and_no_other_commit_does(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    store = _store(tmp_path)
    synced: list[str] = []
    real_fsync = os.fsync

    def fsync(fd: int) -> None:
        synced.append(os.readlink(f"/proc/self/fd/{fd}") if sys.platform == "linux" else "")
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", fsync)
    assert _synchronous(store) == 2  # FULL
    with store.deferred_sync():
        store.set_cursor("a", 1)  # its own transaction: committed, not fsynced
        assert store.unsynced
    assert store.unsynced
    assert _synchronous(store) == 2  # every later commit fsyncs again
    store.sync()
    assert not store.unsynced
    if sys.platform == "linux":
        assert synced and synced[0].endswith("s.sqlite3-wal"), synced
    n = len(synced)
    store.sync()  # nothing waits: no fsync
    assert len(synced) == n

    with store.deferred_sync():
        store.set_cursor("a", 2)
    with store.transaction():
        pass  # changes nothing: SQLite writes and syncs nothing either
    assert store.unsynced
    store.set_cursor("b", 1)  # an ordinary commit fsyncs the log, the deferred one with it
    assert not store.unsynced
    store.close()


def test_a_failed_flush_is_a_storage_error_and_is_tried_again(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import errno

    from client.errors import StorageError

    store = _store(tmp_path)
    with store.deferred_sync():
        store.set_cursor("a", 1)
    real_fsync = os.fsync

    def broken(fd: int) -> None:
        raise OSError(errno.EIO, "I/O error")

    monkeypatch.setattr(os, "fsync", broken)
    with pytest.raises(StorageError):
        store.sync()
    assert store.unsynced  # not flushed: the next sync tries again
    monkeypatch.setattr(os, "fsync", real_fsync)
    store.sync()
    assert not store.unsynced
    store.close()


def test_a_deferred_commit_survives_a_killed_process(tmp_path: Path) -> None:
    db = tmp_path / "s.sqlite3"
    SqliteStore.open(db, Secret(b"k" * 32)).close()
    child = textwrap.dedent(f"""
        import os, signal
        from client.store import SqliteStore
        from crypto.secret_bytes import Secret
        store = SqliteStore.open({str(db)!r}, Secret(b"k" * 32))
        with store.deferred_sync():
            store.set_cursor("shown", 7)
        assert store.unsynced
        os.kill(os.getpid(), signal.SIGKILL)
    """)
    r = subprocess.run([sys.executable, "-c", child], env={**os.environ,
                       "PYTHONPATH": str(ROOT)}, capture_output=True, timeout=60)
    assert r.returncode == -9, r.stderr.decode()
    store = SqliteStore.open(db, Secret(b"k" * 32))
    assert store.get_cursor("shown") == 7
    store.close()


async def _pair(venue: Venue) -> tuple[Client, Client, str]:
    a, b = venue.client(A), venue.client(B)
    await a.sync()
    await b.sync()
    cid = await a.create_channel("bilateral", "pair", ["borduria"])
    await b.sync()
    return a, b, cid


async def test_shown_then_flushed_then_acknowledged(venue: Venue,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    from client.core import connection

    monkeypatch.setattr(connection, "ACK_DELAY", 0.5)
    a, b, cid = await _pair(venue)
    order: list[tuple[str, object]] = []
    got: asyncio.Queue[str] = asyncio.Queue()  # message ids

    def shown(e: object) -> None:
        if isinstance(e, MessageReceived):
            order.append(("shown", b.store.unsynced))
            got.put_nowait(e.message_id.hex())

    real_sync, real_ack = b.store.sync, b.transport.ack

    def sync() -> None:
        order.append(("sync", b.store.unsynced))
        real_sync()

    async def ack(acks: list[tuple[bytes, int]], welcomes: list[int]) -> None:
        order.append(("ack", (list(acks), b.store.unsynced)))
        return await real_ack(acks, welcomes)

    monkeypatch.setattr(b.store, "sync", sync)
    monkeypatch.setattr(b.transport, "ack", ack)
    b.subscribe(shown)
    await b.start()
    await asyncio.wait_for(b.connected.wait(), 30)
    order.clear()
    for text in ("one", "two", "three"):
        mid = await a.send_text(cid, text)
        assert await asyncio.wait_for(got.get(), 10) == mid
    await asyncio.sleep(1.0)
    pushes = [o for o in order if o[0] != "ack"]
    # each message: shown while its commit is not on the disk yet, then flushed
    assert pushes == [("shown", True), ("sync", True)] * 3, order
    acks = [o[1] for o in order if o[0] == "ack"]
    # one acknowledgement for the three, after they were all flushed, for the last
    gid = bytes.fromhex(cid)
    last = b.store.get_channel_by_group(gid).cursor
    assert acks == [([(gid, last)], False)], order


async def test_killed_when_it_shows_a_message_it_holds_it_once(venue: Venue) -> None:
    a, b, cid = await _pair(venue)
    await venue.close(B)
    child = textwrap.dedent(f"""
        import asyncio, os, signal
        from client.core import Client
        from client.events import MessageReceived

        async def main():
            b = Client.open({str(venue.layout.home(B))!r}, {venue.layout.relay_url!r},
                            passphrase={venue.layout.passphrase!r})
            def shown(e):
                if isinstance(e, MessageReceived):
                    assert b.store.unsynced  # shown before its commit was flushed
                    os.kill(os.getpid(), signal.SIGKILL)
            b.subscribe(shown)
            await b.start()
            await asyncio.wait_for(b.connected.wait(), 30)
            print("ready", flush=True)
            await asyncio.sleep(60)

        asyncio.run(main())
    """)
    proc = subprocess.Popen([sys.executable, "-c", child], stdout=subprocess.PIPE,
                            env={**os.environ, "PYTHONPATH": str(ROOT),
                                 "CORRIDOR_INSECURE_FAST_KDF": "1"})
    try:
        assert proc.stdout is not None
        line = await asyncio.wait_for(asyncio.to_thread(proc.stdout.readline), 60)
        assert line.strip() == b"ready"
        await a.send_text(cid, "last words")
        assert await asyncio.wait_for(asyncio.to_thread(proc.wait), 30) == -9
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    b = venue.client(B)
    shown: list[bytes] = []
    b.subscribe(lambda e: shown.append(e.message_id)
                if isinstance(e, MessageReceived) else None)
    await b.sync()  # the relay, never acknowledged, may send it again
    assert [m.text for m in b.messages(cid, limit=10)].count("last words") == 1
    assert shown == []  # held already: not shown as new a second time


async def test_the_queued_message_is_durable_before_the_client_waits(
        venue: Venue, monkeypatch: pytest.MonkeyPatch) -> None:
    a, _b, cid = await _pair(venue)
    at_post: list[bool] = []
    real_post = a.transport.post

    async def post(*args: object, **kw: object) -> object:
        at_post.append(a.store.unsynced)
        return await real_post(*args, **kw)  # type: ignore[arg-type]

    monkeypatch.setattr(a.transport, "post", post)
    await a.send_text(cid, "straight through")
    assert at_post == [False]

    # the push loop (or a sync) holds the lock: the send waits for it, durably queued
    async with a.lock:
        task = asyncio.get_running_loop().create_task(a.send_text(cid, "waits"))
        await asyncio.sleep(0.05)
        assert not task.done()
        assert not a.store.unsynced
        assert len(a.store.list_outbox()) == 1
    await asyncio.wait_for(task, 30)
    assert not a.store.list_outbox()


def test_httpcore_asks_for_sniffio_without_a_search() -> None:
    import httpcore._synchronization as sync

    import client.transport  # noqa: F401  (records the absence, if it is absent)

    asked: list[str] = []

    class Finder:
        @staticmethod
        def find_spec(name: str, path: object = None, target: object = None) -> None:
            asked.append(name)

    sys.meta_path.insert(0, Finder())  # type: ignore[arg-type]
    try:
        async def ask() -> str:
            return sync.current_async_library()

        assert asyncio.run(ask()) == "asyncio"
    finally:
        sys.meta_path.pop(0)
    assert "sniffio" not in asked
