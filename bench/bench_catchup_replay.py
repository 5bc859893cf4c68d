# SPDX-License-Identifier: Apache-2.0
"""Catch-up replay: one set-up of N queued texts, timed again and again.

``bench_client.py`` provisions a venue and sends its 10,000 messages every run (a
minute here); to compare two code trees on a shared, noisy machine one wants many short,
interleaved trials of the catch-up alone. The first run sets up, into ``--state``, the
relay's data directory and the receiving device's home with N texts queued for it
(``demo.venue.provision`` and the set-up of ``bench_client.run``); every trial copies
that state to a temporary directory, starts a fresh relay process on it and times the
device's ``sync()``: wall time and this process's CPU (the relay and the signature
worker are other processes). The state is plain files, so another checkout can replay
it: ``PYTHONPATH=/other/tree python bench/bench_catchup_replay.py --state S``. A trial
that stored fewer than all N messages prints no figure and makes the run fail.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

if not os.environ.get("PYTHONPATH"):  # else the tree under test comes from PYTHONPATH
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("CORRIDOR_INSECURE_FAST_KDF", "1")

from client import payloads
from client.core import Client
from demo.venue import provision
from tests.support.client_venue import UNLIMITED_RELAY as RELAY_ENV
from tests.support.client_venue import bilateral_pair
from tests.support.relay_process import RelayProcess, free_port

STATE_FILE = "replay.json"


class ShortCatchUp(Exception):
    """A trial stored fewer messages than were queued: its time means nothing."""


async def set_up(state: Path, n: int) -> None:
    """Provision a venue into ``state``, queue ``n`` texts from A to B, keep both dirs."""
    state.mkdir(parents=True, exist_ok=True)
    port = free_port()
    layout = provision(state, port, missions=2, delegates=1)
    relay = RelayProcess(layout.relay_dir, port=port, env=RELAY_ENV).start()
    try:
        a, b, cid = await bilateral_pair(layout)
        for i in range(n):
            a.engine.enqueue_payload(bytes.fromhex(cid), payloads.Text(
                message_id=os.urandom(16), sent_at=int(time.time() * 1000),
                body=f"queued message {i:05d} " + "x" * 60))
        await a.flush()
        await a.close()
        await b.close()
    finally:
        relay.stop()
    home = layout.home(list(layout.homes)[1]).relative_to(state)
    (state / STATE_FILE).write_text(json.dumps({
        "home": str(home), "relay": str(layout.relay_dir.relative_to(state)),
        "passphrase": layout.passphrase, "channel": cid, "messages": n}))


def _wait_for_worker(timeout: float = 30) -> None:
    """Have the signature worker up before the first trial, as ``Client.start`` does in
    the app (a tree without one just checks in line)."""
    try:
        from client.engine.sigchecks import start_worker
    except ImportError:
        return
    deadline = time.monotonic() + timeout
    while not start_worker() and time.monotonic() < deadline:
        time.sleep(0.05)


def _cpu_of(pid: int | None) -> float:
    """A process's CPU seconds so far (Linux; 0 elsewhere or once it is gone)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()
    except (OSError, TypeError):
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _worker_pid() -> int | None:
    """The signature worker's pid, when this tree has one running."""
    try:
        from client.engine import sigchecks
    except ImportError:
        return None
    worker = getattr(sigchecks, "_worker", None)
    return None if worker is None else worker.proc.pid


def _stored(client: Client, channel: bytes) -> int:
    """Messages the device holds in ``channel``, counted page by page."""
    count, before = 0, None
    while page := client.store.list_messages(channel, before=before, limit=1000):
        count += len(page)
        before = page[0].position
    return count


def _desks(client: Client) -> float:
    """Seconds for the app's five desks to take what the catch-up brought (the alarm's
    crisis desk and its notices desk, the notices view's pair, the decisions view's),
    each refreshed in one go as the command line does."""
    from client.crisis.desk import Desk
    from client.decisions.desk import Desk as DecisionsDesk
    from client.notices.desk import NoticeDesk

    t0 = time.perf_counter()
    alarm, view = Desk(client), NoticeDesk(client)
    for desk in (alarm, alarm.notice_desk(), view, view.crisis_desk(), DecisionsDesk(client)):
        desk.refresh()
    return time.perf_counter() - t0


async def trial(state: Path, desks: bool = False
                ) -> tuple[float, float, float, float, float, int, float | None]:
    """One catch-up of the kept state: (wall s, this process's CPU s, the signature
    worker's CPU s, the relay's CPU s, wall s until every message is searchable,
    messages stored, seconds for the five desks to read it when ``desks``). Since
    session 9 a catch-up's rows are indexed for search after it, in the background; a
    tree without that has them searchable at once."""
    info = json.loads((state / STATE_FILE).read_text())
    with tempfile.TemporaryDirectory(prefix="catchup-replay-") as tmp:
        work = Path(tmp) / "s"
        shutil.copytree(state, work, symlinks=True)
        relay = RelayProcess(work / info["relay"], env=RELAY_ENV).start()
        try:
            b = Client.open(work / info["home"], relay.url, passphrase=info["passphrase"])
            try:
                assert relay.proc is not None
                w0, r0 = _cpu_of(_worker_pid()), _cpu_of(relay.proc.pid)
                t0, c0 = time.perf_counter(), time.process_time()
                await b.sync()
                wall, cpu = time.perf_counter() - t0, time.process_time() - c0
                worker = _cpu_of(_worker_pid()) - w0
                served = _cpu_of(relay.proc.pid) - r0
                indexed = getattr(b.syncer, "indexed", None)
                if indexed is not None:
                    await indexed()
                searchable = time.perf_counter() - t0
                got = _stored(b, bytes.fromhex(info["channel"]))
                read = _desks(b) if desks else None
            finally:
                await b.close()
        finally:
            relay.stop()
    if got < info["messages"]:
        raise ShortCatchUp(f"only {got} of {info['messages']} messages stored: no figure")
    return wall, cpu, worker, served, searchable, got, read


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--state", type=Path, required=True,
                   help="directory of the kept set-up (made on the first run)")
    p.add_argument("--messages", type=int, default=10_000, help="queued texts (set-up only)")
    p.add_argument("--trials", type=int, default=3)
    p.add_argument("--label", default="", help="printed with each trial (which tree)")
    p.add_argument("--desks", action="store_true",
                   help="also time the app's five desks reading what arrived")
    args = p.parse_args()
    state = args.state.resolve()
    if not (state / STATE_FILE).exists():
        if state.exists() and any(state.iterdir()):
            sys.exit(f"{state} is neither empty nor a replay state")
        t0 = time.perf_counter()
        asyncio.run(set_up(state, args.messages))
        print(f"set up {args.messages} queued messages in {state} "
              f"({time.perf_counter() - t0:.0f} s)", flush=True)
    import client
    tree = Path(client.__file__).resolve().parents[1]
    _wait_for_worker()
    for i in range(args.trials):
        load = Path("/proc/loadavg").read_text().split()[0] if os.path.exists(
            "/proc/loadavg") else "?"
        try:
            wall, cpu, worker, served, searchable, got, read = asyncio.run(
                trial(state, args.desks))
        except ShortCatchUp as exc:
            sys.exit(f"trial {i + 1}: {exc}")
        print(f"{args.label or tree} trial {i + 1}: catch-up of {got} messages "
              f"{wall:.2f} s wall, {cpu:.2f} s CPU (this process; worker {worker:.2f}, "
              f"relay {served:.2f}; all searchable after {searchable:.2f} s; "
              + ("" if read is None else f"five desks read it in {read:.2f} s; ")
              + f"load {load}; "
              f"{time.strftime('%H:%M:%S', time.gmtime())} UTC)", flush=True)


if __name__ == "__main__":
    main()
