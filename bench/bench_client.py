# SPDX-License-Identifier: Apache-2.0
"""Client benchmark: catch-up of 10,000 queued messages, send-to-display latency through
a real relay (p50/p99), and the local store's size per 1,000 messages.

Run: ``.venv/bin/python bench/bench_client.py [--messages N]``. It provisions a demo
venue in a temporary directory and runs the relay as a subprocess on loopback.

Send-to-display is measured three times: with both devices in this process (one event
loop), first with the sender's connection loop not started, so it sends by HTTP POST
(the fallback when its push socket is down; the only mode before session 5, and the one
issue 25 was filed against), then with it started, so it sends on its push socket as
the app does; and with the sender in a process of its own, as two devices are. Times are
``time.perf_counter`` stamps; on Linux that clock (CLOCK_MONOTONIC) is the same in
both processes.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("CORRIDOR_INSECURE_FAST_KDF", "1")

from client.core import Client
from client.events import MessageReceived
from demo.venue import provision
from tests.support.client_venue import UNLIMITED_RELAY, bilateral_pair
from tests.support.relay_process import RelayProcess, free_port


def _size(home: Path) -> int:
    return sum(p.stat().st_size for p in home.glob("store.sqlite3*"))


def _live(home: Path) -> int:
    """Bytes of the pages the database uses (its WAL included, free pages not), read by
    a second connection: what the store holds, however its files stand."""
    conn = sqlite3.connect(home / "store.sqlite3")
    try:
        pages, free, size = (conn.execute(f"PRAGMA {p}").fetchone()[0]
                             for p in ("page_count", "freelist_count", "page_size"))
    finally:
        conn.close()
    return int((pages - free) * size)


async def run(n: int, latency_rounds: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        port = free_port()
        layout = provision(Path(tmp), port, missions=2, delegates=1)
        relay = RelayProcess(layout.relay_dir, port=port, env=UNLIMITED_RELAY).start()
        try:
            names = list(layout.homes)
            a, b, cid = await bilateral_pair(layout)
            b.store.compact()  # checkpoint: the WAL's pages are not the store's own
            size0, live0 = _size(b.home.root), _live(b.home.root)
            t0 = time.perf_counter()
            for i in range(n):
                a.engine.enqueue_payload(bytes.fromhex(cid), __import__("client.payloads").payloads
                                         .Text(message_id=os.urandom(16),
                                               sent_at=int(time.time() * 1000),
                                               body=f"queued message {i:05d} " + "x" * 60))
            await a.flush()
            t_send = time.perf_counter() - t0
            t0, c0 = time.perf_counter(), time.process_time()
            await b.sync()
            t_catch = time.perf_counter() - t0
            # the client's own CPU (the relay is another process): steadier than wall
            # time on a shared machine
            c_catch = time.process_time() - c0
            await b.syncer.indexed()  # the search terms, after the catch-up (session 9)
            t_search = time.perf_counter() - t0
            got = len(b.store.list_messages(bytes.fromhex(cid), limit=n))
            b.store.close()
            b = Client.open(layout.home(names[1]), layout.relay_url, passphrase=layout.passphrase)
            size1, live1 = _size(b.home.root), _live(b.home.root)
            print(f"sender: queued+sent {n} messages in {t_send:.2f} s")
            print(f"catch-up of {n} queued messages: {t_catch:.2f} s "
                  f"({n / t_catch:,.0f} msg/s; {got} stored; client CPU {c_catch:.2f} s)  "
                  f"target <= 1 s; all of them searchable after {t_search:.2f} s")
            print(f"local store: {(size1 - size0) / (n / 1000) / 1024:.1f} KiB per 1,000 messages "
                  f"(files with the WAL; pages in use: {(live1 - live0) / (n / 1000) / 1024:.1f})"
                  "  target <= 300")

            received: asyncio.Queue[float] = asyncio.Queue()
            b.subscribe(lambda e: received.put_nowait(time.perf_counter())
                        if isinstance(e, MessageReceived) else None)
            await b.start()
            await asyncio.wait_for(b.connected.wait(), 30)
            lat = await _in_process(a, cid, received, latency_rounds)
            _report("both devices in this process, sends by POST (the fallback when the "
                    "push socket is down: the sender's loop not started)", lat)
            # the app's path: the sender's connection loop runs, so it sends on its
            # push socket (issue 25, session 5) and learns the seq from "sent"
            await a.start()
            await asyncio.wait_for(a.connected.wait(), 30)
            lat = await _in_process(a, cid, received, latency_rounds)
            _report("both devices in this process, sends on the push socket as the app's",
                    lat)
            await a.close()
            lat = await _from_own_process(layout.home(names[0]), layout.relay_url,
                                          layout.passphrase, cid, received, latency_rounds)
            _report("the sender in its own process", lat)
            await b.close()
        finally:
            relay.stop()


async def _in_process(a: Client, cid: str, received: asyncio.Queue[float],
                      rounds: int) -> list[float]:
    """Seconds from each send's start to the receiver's event, one send at a time."""
    lat = []
    for _ in range(rounds):
        t = time.perf_counter()
        await a.send_text(cid, "ping")
        lat.append(await asyncio.wait_for(received.get(), 10) - t)
    return lat


def _report(how: str, lat: list[float]) -> None:
    lat = sorted(lat)
    p50 = statistics.median(lat) * 1000
    p99 = lat[min(len(lat) - 1, int(len(lat) * 0.99))] * 1000
    print(f"send-to-display latency via relay, {how}: p50 {p50:.1f} ms, p99 {p99:.1f} ms "
          f"({len(lat)} messages)  target p99 <= 5 ms")


async def _from_own_process(home: Path, url: str, passphrase: str, cid: str,
                            received: asyncio.Queue[float], rounds: int,
                            warm: int = 10) -> list[float]:
    """Send-to-display with the sender in a child process (``--sender``), one message
    per line it is given; it answers with the time it started each send."""
    child = subprocess.Popen(
        [sys.executable, __file__, "--sender", str(home), url, passphrase, cid],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
        env={**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1])})
    assert child.stdin is not None and child.stdout is not None
    lat = []
    try:
        for i in range(warm + rounds):
            child.stdin.write("send\n")
            child.stdin.flush()
            shown = await asyncio.wait_for(received.get(), 30)
            started = float(await asyncio.wait_for(
                asyncio.to_thread(child.stdout.readline), 30))
            if i >= warm:  # the first sends log in and warm up
                lat.append(shown - started)
    finally:
        child.stdin.close()
        cpu = child.stdout.readline().split()  # "cpu <seconds>": the sender's own CPU
        child.wait(30)
    if len(cpu) == 2 and rounds:
        print(f"sender process CPU per message: {float(cpu[1]) / (warm + rounds) * 1000:.2f} ms "
              f"(with its connection loop running, as in the app)")
    return lat


async def _sender(home: str, url: str, passphrase: str, cid: str) -> None:
    """The app's way: the connection loop runs (push socket, retries, sweep) while
    messages are sent, so a send finds the socket open as it would in the app."""
    a = Client.open(Path(home), url, passphrase=passphrase)
    try:
        await a.start()
        await asyncio.wait_for(a.connected.wait(), 30)
        c0 = time.process_time()
        while await asyncio.to_thread(sys.stdin.readline):
            t = time.perf_counter()
            await a.send_text(cid, "ping")
            print(repr(t), flush=True)
        print(f"cpu {time.process_time() - c0!r}", flush=True)
    finally:
        await a.close()


def floor(n: int) -> None:
    """What a catch-up of ``n`` messages cannot cost less than on this machine: the
    primitives every received message needs, each timed alone in a tight loop (the
    engine adds its Python around them). Say where the 1 s target stands."""
    import secrets

    from client.search import SearchIndex
    from client.store import SqliteStore
    from client.store.base import ChannelKind
    from crypto.secret_bytes import Secret
    from crypto.suites import get_suite

    suite = get_suite(3)
    sig_key, pub = suite.generate_signature_key_pair()
    content = os.urandom(180)
    signature = suite.sign_with_label(sig_key, "FramedContentTBS", content)
    key, nonce = os.urandom(32), os.urandom(12)
    sealed = suite.aead_seal(key, nonce, b"aad", os.urandom(150))
    secret = os.urandom(32)
    index = SearchIndex(secrets.token_bytes(32))
    texts = [f"queued message {i:05d} " + "x" * 60 for i in range(n)]

    def per(label: str, fn: object, reps: int = n) -> float:
        t = time.process_time()
        for i in range(reps):
            fn(i)  # type: ignore[operator]
        cost = (time.process_time() - t) / reps
        print(f"  {label:58} {cost * 1e6:7.1f} us")
        return cost

    print(f"per received message, client CPU ({n:,} each):")
    sig = per("Ed25519 signature check (PyNaCl; RFC 9420 requires it)",
              lambda _i: suite.verify_with_label(pub, "FramedContentTBS", content, signature))
    total = sig
    total += 2 * per("ChaCha20-Poly1305 open (x2: sender data, content)",
                     lambda _i: suite.aead_open(key, nonce, b"aad", sealed))
    total += per("secret-tree ratchet step and sender-data key (HKDF)",
                 lambda i: (suite.ratchet_step(secret, i), suite.derive_key_nonce(secret, key)))
    terms_cost = per("search terms (keyed hashes of words and prefixes)",
                     lambda i: index.terms(texts[i]))
    with tempfile.TemporaryDirectory() as tmp:
        store = SqliteStore.open(Path(tmp) / "s.sqlite3", Secret(secrets.token_bytes(32)))
        cid = os.urandom(16)
        store.create_channel(channel_id=cid, group_id=cid, kind=ChannelKind.CAUCUS,
                             name="x", created_at=1)
        from client.rowjobs import Preparer, RowJob
        from client.store.base import NewRow

        mids = [os.urandom(16) for _ in range(n)]
        body = os.urandom(110)
        seal = per("row sealing (DEFLATE with dictionary, XChaCha20-Poly1305)",
                   lambda i: store._seal_message(cid, mids[i], b"alderia/ana", body))
        total += seal
        key = store.row_key()
        assert key is not None
        prepared = Preparer(key).prepare(
            [RowJob(cid, mids[i], b"alderia/ana", body) for i in range(n)])
        t = time.process_time()
        for start in range(0, n, 200):  # as a catch-up's slice stores them (session 8)
            with store.transaction():
                store.insert_prepared_messages(cid, [
                    NewRow(mids[i], prepared[i], 1, 1, i + 1, None, True)
                    for i in range(start, min(n, start + 200))])
        row = (time.process_time() - t) / n
        print(f"  {'SQLite: the row and its indexes (terms after the catch-up)':58} "
              f"{row * 1e6:7.1f} us")
        total += row
        store.close()
    print(f"  {'sum':58} {total * 1e6:7.1f} us  -> {total * n:.2f} s for {n:,} "
          f"(target 1 s for 10,000: {total * 10_000:.2f} s of it is these primitives)")
    # client.engine.sigchecks: a long batch's signature checks, and since session 8 its
    # rows' sealing (client.rowjobs), run in a child process; since session 9 the terms
    # are hashed after the catch-up (store.index_pending), not in it
    print(f"  {'after the catch-up: the terms above, and their FTS5 rows':58} "
          f"{terms_cost * 1e6:7.1f} us + FTS5")
    beside = sig + seal
    rest = total - beside
    print(f"  {'of which on the second core (signatures, sealing)':58} "
          f"{beside * 1e6:7.1f} us  -> {beside * 10_000:.2f} s for 10,000")
    print(f"  {'and on the receiving thread':58} {rest * 1e6:7.1f} us  -> "
          f"{rest * 10_000:.2f} s for 10,000")


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("--floor", action="store_true",
                   help="only time the primitives a received message needs, one by one")
    p.add_argument("--messages", type=int, default=10_000)
    p.add_argument("--latency-rounds", type=int, default=1000,
                   help="messages per send-to-display figure (p99 of 1,000 is the 10th worst)")
    p.add_argument("--sender", nargs=4, metavar=("HOME", "URL", "PASSPHRASE", "CHANNEL"),
                   help=argparse.SUPPRESS)  # the child of the own-process measurement
    args = p.parse_args()
    if args.sender:
        asyncio.run(_sender(*args.sender))
        return
    if args.floor:
        floor(args.messages)
        return
    asyncio.run(run(args.messages, args.latency_rounds))


if __name__ == "__main__":
    main()
