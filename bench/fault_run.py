# SPDX-License-Identifier: Apache-2.0
"""The multi-process fault run: real clients under load while relays and the database fail.

Anchor: Jepsen's checking of acknowledged writes (its queue and broker analyses: record
every operation a client attempted and every acknowledgement it got, inject faults,
then check the final reads against the history). Here an operation is a message a
device sends; its acknowledgement is the relay's seq reaching the sender
(``MessageSent``); the final reads are every routed device's stored channel.

PostgreSQL (default): three ``corridor-relay serve`` processes on one PostgreSQL schema,
behind HAProxy with the venue-issued TLS certificate (``deploy/haproxy.cfg``; without
haproxy the clients are spread over the three ports). Devices (real ``client.core.Client``
instances: MLS, encrypted store, outbox, push loop) in channels send at a steady rate
while relay processes are SIGKILLed and restarted and the relays' PostgreSQL backends
are terminated (``pg_terminate_backend``); ``--restart-postgres`` also restarts the
server (opt-in: other work on the machine shares it).

SQLite (``--backend sqlite``): one relay process, kill -9 at random points under load.

Then the load stops, the relays stay up, clients settle, and the history is checked:

- sent: messages devices queued; acknowledged: those the relay numbered for the sender
- delivered: (message, routed device) pairs stored at the device; lost: acknowledged
  pairs missing; duplicates: a message shown twice at one device; reordered: a device
  received a channel's messages out of seq order (``MessageReceived`` events with a
  lower seq after a higher one); a repeated ``MessageReceived`` for one message is
  counted apart
- given up: messages still unsent in an outbox after settling (the outbox must never
  give up on a temporary failure)
- reconnect times: from a device's push connection going down (``Client.connected``
  cleared) to it being up again

Bounded (``--duration``, default 90 s of load plus at most ``--settle`` s), loopback only.
Not part of the test suite: ``python bench/fault_run.py [--short]``.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import itertools
import json
import math
import os
import random
import secrets
import shutil
import signal
import statistics
import subprocess
import sys
import time
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import quote

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("CORRIDOR_INSECURE_FAST_KDF", "1")

import httpx  # noqa: E402
import psycopg  # noqa: E402

from client.core import Client  # noqa: E402
from client.events import ErrorEvent, MessageReceived, MessageSent  # noqa: E402
from crypto import certs  # noqa: E402
from crypto.certs.keyfile import open_key  # noqa: E402
from demo import venue as demo  # noqa: E402
from server_stub.tls import issue_relay_certificate  # noqa: E402

PG_DSN = os.environ.get("CORRIDOR_TEST_POSTGRES", "postgresql://postgres@127.0.0.1:5432/test")


def free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class Relay:
    """One ``corridor-relay serve`` process on a fixed loopback port."""

    def __init__(self, data_dir: Path, port: int, database: str | None, log: Path) -> None:
        self.data_dir, self.port, self.database, self.log = data_dir, port, database, log
        self.proc: subprocess.Popen[bytes] | None = None
        self.kills = 0

    def start(self, timeout: float = 30) -> None:
        cmd = [sys.executable, "-m", "server_stub.cli", "serve", "--port", str(self.port),
               "--data-dir", str(self.data_dir), "--log-json", "--log-level", "warning"]
        if self.database:
            cmd += ["--database", self.database]
        env = {**os.environ, "PYTHONPATH": str(ROOT),
               "CORRIDOR_RELAY_REGISTER_RATE_PER_MINUTE": "60000",
               "CORRIDOR_RELAY_RATE_PER_SECOND": "5000", "CORRIDOR_RELAY_RATE_BURST": "10000",
               "CORRIDOR_RELAY_CLAIM_RATE_PER_MINUTE": "60000",
               "CORRIDOR_RELAY_CLAIM_TARGET_PER_MINUTE": "60000"}
        with open(self.log, "ab") as log:
            self.proc = subprocess.Popen(cmd, stdout=log, stderr=log, env=env)
        deadline = time.monotonic() + timeout
        while True:
            with contextlib.suppress(httpx.TransportError):
                if httpx.get(f"http://127.0.0.1:{self.port}/health/ready",
                             timeout=1).status_code == 200:
                    return
            if self.proc.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"relay on {self.port} did not start: {self.log}")
            time.sleep(0.05)

    def kill9(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGKILL)
            self.proc.wait(10)
            self.kills += 1

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(10)


@dataclass
class History:
    sent: dict[str, tuple[str, bytes, float]] = field(default_factory=dict)  # mid -> dev, cid, t
    acked: dict[str, int] = field(default_factory=dict)  # mid -> seq
    received: dict[tuple[str, str], int] = field(default_factory=lambda: defaultdict(int))
    order: dict[tuple[str, bytes], list[int]] = field(default_factory=lambda: defaultdict(list))
    lost_at: dict[str, float] = field(default_factory=dict)  # devices offline now
    errors: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    settle_seconds: float = 0.0
    unsettled: dict[str, int] = field(default_factory=dict)
    live: set[tuple[str, str]] = field(default_factory=set)
    reconnects: list[float] = field(default_factory=list)
    faults: list[str] = field(default_factory=list)


def watch(h: History, name: str, c: Client) -> None:
    def on(e: Any) -> None:
        if isinstance(e, MessageSent):
            h.acked[e.message_id.hex()] = e.seq
        elif isinstance(e, MessageReceived) and not e.own and e.seq is not None:
            h.received[(name, e.message_id.hex())] += 1
            h.order[(name, e.channel_id)].append(e.seq)
        elif isinstance(e, ErrorEvent):
            h.errors[e.reason] += 1

    c.subscribe(on)


async def monitor_reconnects(h: History, clients: dict[str, Client]) -> None:
    """Time each push connection outage: ``connected`` cleared, then set again."""
    down: dict[str, float] = {}
    up: set[str] = set()  # connected once: the first connection is no reconnect
    while True:
        await asyncio.sleep(0.02)
        now = time.monotonic()
        for name, c in clients.items():
            if not c.connected.is_set():
                if name in up:
                    down.setdefault(name, now)
            elif name in down:
                h.reconnects.append(now - down.pop(name))
            else:
                up.add(name)
        h.lost_at = dict(down)


def pg_schema_url(tag: str) -> tuple[str, str]:
    schema = f"fault_run_{tag}"
    with psycopg.connect(PG_DSN, autocommit=True) as admin:
        admin.execute(f'CREATE SCHEMA "{schema}"')
    sep = "&" if "?" in PG_DSN else "?"
    name = f"corridor-fault-{tag}"
    return f"{PG_DSN}{sep}options={quote(f'-csearch_path={schema}')}&application_name={name}", \
        schema


def cut_backends(app_name: str) -> int:
    with psycopg.connect(PG_DSN, autocommit=True) as admin:
        rows = admin.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                             "WHERE application_name = %s", (app_name,)).fetchall()
    return len(rows)


def restart_postgres() -> None:
    cluster = sorted(os.listdir("/etc/postgresql"))[0]
    subprocess.run(["pg_ctlcluster", "--skip-systemctl-redirect", cluster, "main", "restart"],
                   check=True, capture_output=True)


def start_haproxy(tmp: Path, layout: demo.DemoLayout, relays: list[Relay], front: int) -> Any:
    root_seed = open_key((layout.relay_dir / "root.key").read_bytes(), layout.passphrase,
                         label="corridor-venue-root").secret
    root_der = certs.der_of((layout.relay_dir / "root.pem").read_bytes(), "certificate")
    now = datetime.now(UTC)
    der, key = issue_relay_certificate(root_der, root_seed, hosts=["127.0.0.1"],
                                       not_before=now - timedelta(minutes=5),
                                       not_after=now + timedelta(days=1))
    bundle = tmp / "corridor.pem"
    bundle.write_bytes(certs.pem_of(der, "certificate") + key)
    bundle.chmod(0o600)
    cfg = (ROOT / "deploy" / "haproxy.cfg").read_text()
    cfg = cfg.replace("bind :443", f"bind 127.0.0.1:{front}")
    cfg = cfg.replace("/etc/haproxy/corridor.pem", str(bundle))
    cfg = cfg.replace("log stdout format raw local0 info", "").replace("maxconn 20000",
                                                                        "maxconn 2000")
    for i, r in enumerate(relays, 1):
        cfg = cfg.replace(f"server relay{i} 127.0.0.1:847{i}", f"server relay{i} "
                                                                  f"127.0.0.1:{r.port}")
    conf = tmp / "haproxy.cfg"
    conf.write_text(cfg)
    log = open(tmp / "haproxy.log", "wb")  # noqa: SIM115 - handed to the child
    proc = subprocess.Popen([shutil.which("haproxy") or "haproxy", "-db", "-f", str(conf)],
                            stdout=log, stderr=log)
    return proc


async def run(args: argparse.Namespace) -> dict[str, Any]:
    rng = random.Random(args.seed)
    tag = f"{os.getpid()}_{secrets.token_hex(3)}"
    tmp = Path(args.workdir or f"/tmp/corridor-fault-run-{tag}")
    tmp.mkdir(parents=True, exist_ok=True)
    postgres = args.backend == "postgres"
    n_relays = 3 if postgres else 1
    ports = [free_port() for _ in range(n_relays)]
    use_proxy = postgres and args.proxy == "haproxy" and shutil.which("haproxy") is not None
    front = free_port()
    missions = min(8, max(2, args.devices // 4 + (1 if args.devices % 4 else 0)))
    per = min(4, -(-args.devices // missions))
    layout = demo.provision(tmp / "venue", front, missions=missions, delegates=per)
    names = list(layout.homes)
    while len(names) < args.devices:  # second devices for the same delegates
        base = layout.homes[names[len(names) % (missions * per)]]
        names.append(demo.add_device(layout, base["mission"], base["delegate"]))
    names = names[:args.devices]
    database, schema = (pg_schema_url(tag) if postgres else (None, ""))
    app_name = f"corridor-fault-{tag}"
    relays = [Relay(layout.relay_dir, p, database, tmp / f"relay-{p}.log") for p in ports]
    for r in relays:
        r.start()
    proxy = start_haproxy(tmp, layout, relays, front) if use_proxy else None
    if proxy is not None:
        await asyncio.sleep(3)  # health checks mark the relays up
    h = History()
    clients: dict[str, Client] = {}
    result: dict[str, Any] = {}
    try:
        for i, n in enumerate(names):
            url = f"https://127.0.0.1:{front}" if use_proxy else \
                f"http://127.0.0.1:{ports[i % n_relays]}"
            clients[n] = Client.open(layout.home(n), url, passphrase=layout.passphrase)
            watch(h, n, clients[n])
        for c in clients.values():
            await c.sync()
        # channels: each of several missions, created by one of their devices
        mission_ids = list(layout.missions)
        channels: dict[bytes, list[str]] = {}
        for k in range(args.channels):
            members = sorted(rng.sample(mission_ids, min(len(mission_ids), 3)))
            creator = next(n for n in names if layout.homes[n]["mission"] == members[0])
            cid_hex = await clients[creator].create_channel("multilateral", f"ch{k}",
                                                             members[1:])
            channels[bytes.fromhex(cid_hex)] = [n for n in names
                                                if layout.homes[n]["mission"] in members]
        for _ in range(3):
            for c in clients.values():
                await c.sync()
        for cid, members in channels.items():
            for n in members:
                assert cid.hex() in {x.channel_id for x in clients[n].channels()}, \
                    f"{n} did not join {cid.hex()[:8]}"
        for c in clients.values():
            await c.start()
        mon = asyncio.get_running_loop().create_task(monitor_reconnects(h, clients))
        stop = asyncio.Event()
        load_started = time.monotonic()
        counter = 0
        sends: set[asyncio.Task[Any]] = set()

        async def send_one(n: str, cid: bytes, text: str) -> None:
            mid = await clients[n].send_text(cid, text)
            h.sent[mid] = (n, cid, time.monotonic())

        async def load() -> None:
            nonlocal counter
            interval = 1.0 / args.rate
            nxt = time.monotonic()
            chans = list(channels.items())
            while not stop.is_set():
                cid, members = rng.choice(chans)
                n = rng.choice(members)
                counter += 1
                t = asyncio.get_running_loop().create_task(send_one(n, cid, f"m{counter}"))
                sends.add(t)
                t.add_done_callback(sends.discard)
                nxt += interval
                await asyncio.sleep(max(0.0, nxt - time.monotonic()))

        async def faults() -> None:
            end = load_started + args.duration - 5
            restarted_pg = False
            while time.monotonic() < end:
                await asyncio.sleep(min(rng.uniform(*args.fault_gap),
                                        max(0.0, end - time.monotonic())))
                if time.monotonic() >= end:
                    break
                roll = rng.random()
                if postgres and args.restart_postgres and not restarted_pg and \
                        time.monotonic() > load_started + args.duration / 2:
                    restarted_pg = True
                    await asyncio.to_thread(restart_postgres)
                    h.faults.append("postgres restart")
                elif postgres and roll < 0.4:
                    n = await asyncio.to_thread(cut_backends, app_name)
                    h.faults.append(f"cut {n} backends")
                else:
                    r = rng.choice(relays)
                    r.kill9()
                    h.faults.append(f"SIGKILL relay :{r.port}")
                    await asyncio.sleep(rng.uniform(0.2, 2.0) if postgres else 0.05)
                    await asyncio.to_thread(r.start)

        load_task = asyncio.get_running_loop().create_task(load())
        await faults()
        remaining = args.duration - (time.monotonic() - load_started)
        if remaining > 0:
            await asyncio.sleep(remaining)
        stop.set()
        await load_task
        for r in relays:  # everything back for the settle phase
            if r.proc is None or r.proc.poll() is not None:
                await asyncio.to_thread(r.start)
        if sends:
            await asyncio.wait(sends, timeout=args.settle)
        settle_deadline = time.monotonic() + args.settle
        while time.monotonic() < settle_deadline:
            pending = [mid for mid in h.sent if mid not in h.acked]
            missing = sum(1 for mid, (s, cid, _t) in h.sent.items() if mid in h.acked
                          for n in channels[cid] if n != s and (n, mid) not in h.received)
            h.unsettled = {"unacknowledged": len(pending), "undelivered": missing,
                           "offline": len(h.lost_at)}
            if not pending and not missing and not h.lost_at:
                break
            await asyncio.sleep(1)
        mon.cancel()  # devices still down now never reconnected by themselves
        h.live = {k for k, v in h.received.items() if v}  # before the last catch-up
        h.settle_seconds = round(time.monotonic() - settle_deadline + args.settle, 1)
        for c in clients.values():
            await c.stop()
        for c in clients.values():  # a last catch-up: what reached the device's store
            with contextlib.suppress(Exception):
                await c.sync()
        result = check(h, clients, channels, layout)
        result.update({
            "backend": args.backend, "relay_processes": n_relays,
            "proxy": "haproxy (TLS, venue-issued certificate)" if use_proxy else "none",
            "devices": len(names), "channels": len(channels), "rate_per_s": args.rate,
            "load_seconds": args.duration, "faults": h.faults,
            "relay_kills": sum(r.kills for r in relays),
            "backend_cuts": sum(1 for f in h.faults if f.startswith("cut")),
            "postgres_restarts": sum(1 for f in h.faults if f == "postgres restart"),
            "relay_tracebacks": sum(r.log.read_text().count("Traceback") for r in relays),
            "relay_500s": sum(r.log.read_text().count('" 500 ') for r in relays),
        })
    finally:
        for c in clients.values():
            with contextlib.suppress(Exception):
                await c.close()
        if proxy is not None:
            proxy.terminate()
            proxy.wait(10)
        for r in relays:
            r.stop()
        if postgres and schema and not args.keep:
            with psycopg.connect(PG_DSN, autocommit=True) as admin:
                admin.execute(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')
        if not args.keep:
            shutil.rmtree(tmp, ignore_errors=True)
    return result


def all_views(c: Client, cid: bytes) -> list[Any]:
    out: list[Any] = []
    before = None
    while True:
        page = c.messages(cid, limit=10_000, before=before)
        out = page + out
        if len(page) < 10_000:
            return out
        before = page[0].position


def check(h: History, clients: dict[str, Client], channels: dict[bytes, list[str]],
          layout: demo.DemoLayout) -> dict[str, Any]:
    acked = {mid for mid in h.sent if mid in h.acked}
    views: dict[tuple[str, bytes], dict[str, int]] = {}
    for cid, members in channels.items():
        for n in members:
            counts: dict[str, int] = defaultdict(int)
            for v in all_views(clients[n], cid):
                counts[v.message_id] += 1
            views[(n, cid)] = counts
    delivered = lost = duplicates = reannounced = late = 0
    for mid in acked:
        sender, cid, _t = h.sent[mid]
        for n in channels[cid]:
            if n == sender:
                continue
            shown = views[(n, cid)].get(mid, 0)
            got = max(shown, 1 if h.received.get((n, mid)) else 0)
            if got == 0:
                lost += 1
            else:
                delivered += 1
                late += (n, mid) not in h.live
            duplicates += max(0, shown - 1)
            reannounced += max(0, h.received.get((n, mid), 0) - 1)
    reorders = [(n, cid.hex()[:8], a, b) for (n, cid), seqs in h.order.items()
                for a, b in itertools.pairwise(seqs) if b <= a]
    given_up = [mid for mid in h.sent if mid not in h.acked]
    still_sending = 0
    for mid in given_up:
        sender, cid, _t = h.sent[mid]
        still_sending += any(v.message_id == mid and v.sending
                             for v in all_views(clients[sender], cid))
    rec = sorted(h.reconnects)
    return {
        "sent": len(h.sent), "acknowledged": len(acked),
        "deliveries_expected": delivered + lost, "delivered": delivered,
        "delivered_only_by_final_sync": late,
        "duplicates": duplicates, "reordered": len(reorders), "lost": lost,
        "received_events_repeated": reannounced,
        "reorder_samples": reorders[:5],
        "given_up": len(given_up), "given_up_still_in_outbox": still_sending,
        "never_reconnected": len(h.lost_at), "settle_s": h.settle_seconds,
        "unsettled_at_end_of_settling": h.unsettled,
        "reconnects": len(rec), "client_error_events": dict(h.errors),
        "reconnect_s": {"p50": round(statistics.median(rec), 2) if rec else None,
                        "p95": round(rec[max(0, math.ceil(0.95 * len(rec)) - 1)], 2)
                        if rec else None,
                        "max": round(rec[-1], 2) if rec else None},
    }


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--backend", choices=["postgres", "sqlite"], default="postgres")
    p.add_argument("--devices", type=int, default=50)
    p.add_argument("--channels", type=int, default=10)
    p.add_argument("--rate", type=float, default=10.0, help="messages per second, in all")
    p.add_argument("--duration", type=float, default=90.0, help="seconds of load")
    p.add_argument("--settle", type=float, default=90.0, help="seconds allowed to settle")
    p.add_argument("--fault-gap", type=float, nargs=2, default=None, metavar=("MIN", "MAX"),
                   help="seconds between faults (default 6-12; SQLite 2-6)")
    p.add_argument("--proxy", choices=["haproxy", "none"], default="haproxy")
    p.add_argument("--restart-postgres", action="store_true",
                   help="also restart the PostgreSQL server once (opt-in: shared server)")
    p.add_argument("--short", action="store_true",
                   help="a CI-sized run: 12 devices, 4 channels, 30 s of load")
    p.add_argument("--seed", type=int, default=None)
    p.add_argument("--workdir", default=None)
    p.add_argument("--keep", action="store_true", help="keep the work directory and schema")
    p.add_argument("--json", action="store_true")
    args = p.parse_args()
    if args.short:
        args.devices, args.channels, args.duration, args.settle = 12, 4, 30.0, 60.0
        args.rate = 5.0
        args.fault_gap = args.fault_gap or (4.0, 7.0)
    if args.fault_gap is None:
        args.fault_gap = (2.0, 6.0) if args.backend == "sqlite" else (6.0, 12.0)
    started = time.monotonic()
    result = asyncio.run(run(args))
    result["wall_seconds"] = round(time.monotonic() - started, 1)
    if args.json:
        print(json.dumps(result, indent=2))
    else:
        for k, v in result.items():
            print(f"{k:28} {v}")
    ok = all(result.get(k) == 0 for k in ("lost", "duplicates", "reordered",
                                          "given_up", "never_reconnected"))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
