# SPDX-License-Identifier: Apache-2.0
"""Client benchmark: catch-up of 10,000 queued messages, send-to-display latency through
a real relay (p50/p99), and the local store's size per 1,000 messages.

Run: ``.venv/bin/python bench/bench_client.py [--messages N]``. It provisions a demo
venue in a temporary directory and runs the relay as a subprocess on loopback.

Send-to-display is measured twice: with both devices in this process (one event loop:
the receiver's push waits while the sender handles the relay's answer, as it always
has here), and with the sender in a process of its own, as two devices are. Times are
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
        relay = RelayProcess(layout.relay_dir, port=port, env={
            "CORRIDOR_RELAY_RATE_PER_SECOND": "100000", "CORRIDOR_RELAY_RATE_BURST": "100000",
            "CORRIDOR_RELAY_REGISTER_RATE_PER_MINUTE": "6000"}).start()
        try:
            names = list(layout.homes)
            a = Client.open(layout.home(names[0]), layout.relay_url, passphrase=layout.passphrase)
            b = Client.open(layout.home(names[1]), layout.relay_url, passphrase=layout.passphrase)
            await a.sync()
            await b.sync()
            cid = await a.create_channel("bilateral", "bench", [layout.homes[names[1]]["mission"]])
            await b.sync()
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
            got = len(b.store.list_messages(bytes.fromhex(cid), limit=n))
            b.store.close()
            b = Client.open(layout.home(names[1]), layout.relay_url, passphrase=layout.passphrase)
            size1, live1 = _size(b.home.root), _live(b.home.root)
            print(f"sender: queued+sent {n} messages in {t_send:.2f} s")
            print(f"catch-up of {n} queued messages: {t_catch:.2f} s "
                  f"({n / t_catch:,.0f} msg/s; {got} stored; client CPU {c_catch:.2f} s)  "
                  f"target <= 1 s")
            print(f"local store: {(size1 - size0) / (n / 1000) / 1024:.1f} KiB per 1,000 messages "
                  f"(files with the WAL; pages in use: {(live1 - live0) / (n / 1000) / 1024:.1f})"
                  "  target <= 300")

            received: asyncio.Queue[float] = asyncio.Queue()
            b.subscribe(lambda e: received.put_nowait(time.perf_counter())
                        if isinstance(e, MessageReceived) else None)
            await b.start()
            await asyncio.wait_for(b.connected.wait(), 30)
            lat = []
            for _ in range(latency_rounds):
                t = time.perf_counter()
                await a.send_text(cid, "ping")
                lat.append(await asyncio.wait_for(received.get(), 10) - t)
            _report("both devices in this process", lat)
            await a.close()
            lat = await _from_own_process(layout.home(names[0]), layout.relay_url,
                                          layout.passphrase, cid, received, latency_rounds)
            _report("the sender in its own process", lat)
            await b.close()
        finally:
            relay.stop()


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
        child.wait(30)
    return lat


async def _sender(home: str, url: str, passphrase: str, cid: str) -> None:
    a = Client.open(Path(home), url, passphrase=passphrase)
    try:
        while await asyncio.to_thread(sys.stdin.readline):
            t = time.perf_counter()
            await a.send_text(cid, "ping")
            print(repr(t), flush=True)
    finally:
        await a.close()


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("--messages", type=int, default=10_000)
    p.add_argument("--latency-rounds", type=int, default=200)
    p.add_argument("--sender", nargs=4, metavar=("HOME", "URL", "PASSPHRASE", "CHANNEL"),
                   help=argparse.SUPPRESS)  # the child of the own-process measurement
    args = p.parse_args()
    if args.sender:
        asyncio.run(_sender(*args.sender))
        return
    asyncio.run(run(args.messages, args.latency_rounds))


if __name__ == "__main__":
    main()
