# SPDX-License-Identifier: Apache-2.0
"""Corridor's relay beside Matrix Synapse: message ingest on loopback, side by side.

    .venv/bin/python bench/bench_synapse.py [--quick] [--synapse-venv DIR] [--seconds S]

DESIGN.md asks for relay ingest (one process, SQLite, acknowledged only once durable)
of at least 100x Synapse's, measured side by side. This script:

1. makes (once, then reuses) a virtual environment OUTSIDE the repository holding
   ``matrix-synapse`` from PyPI (default ``~/.cache/corridor-bench/synapse-venv``).
   Synapse is never a dependency of Corridor and nothing of it enters the repository;
2. writes a Synapse configuration into a temporary directory: one HTTP listener on
   127.0.0.1 only, the client API only (no federation listener), SQLite, no URL
   previews, no presence, no stats reporting, no trusted key servers, federation
   limited to no domain at all, and rate limits raised so that the server is measured
   and not its limiter;
3. registers N users through the shared-secret admin API and measures how many
   ``PUT /_matrix/client/v3/rooms/{room}/send/m.room.message/{txn}`` Synapse answers
   200 per second, N senders each with one request in flight, in two layouts: one room
   all N users joined (the channel case), and one room per sender;
4. stops Synapse by its process id and removes its directory, then starts a
   ``corridor-relay`` (SQLite) the way bench_relay.py does and measures, the same way,
   ``POST /v1/groups/{g}/messages`` (one HTTP request per message, the line comparable to
   Synapse's) in the same two layouts, and bench_relay.ingest (pipelined WebSocket
   sends, durable group commit: the figure the DESIGN target names).

Only one server runs at a time; the client of both HTTP lines is the same lean
keep-alive HTTP/1.1 client. Every phase is bounded in time and count.
"""

from __future__ import annotations

import argparse
import asyncio
import hashlib
import hmac
import json
import os
import secrets
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from urllib.parse import quote

import httpx

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import bench_relay as br  # noqa: E402

DEFAULT_VENV = Path.home() / ".cache" / "corridor-bench" / "synapse-venv"
SYNAPSE_SPEC = "matrix-synapse==1.163.*"
BIG = 1_000_000  # rate limit that never bites: per second and burst

# ---------------------------------------------------------------------------------------
# a lean HTTP/1.1 keep-alive client, used for Synapse and Corridor alike


class Http1:
    """One keep-alive connection, one request at a time (as a Matrix client sends)."""

    def __init__(self, port: int) -> None:
        self.port = port
        self.reader: asyncio.StreamReader | None = None
        self.writer: asyncio.StreamWriter | None = None

    async def open(self) -> Http1:
        self.reader, self.writer = await asyncio.open_connection("127.0.0.1", self.port)
        return self

    async def request(self, method: str, target: str, body: bytes,
                      headers: str = "") -> tuple[int, bytes]:
        assert self.reader is not None and self.writer is not None
        self.writer.write(
            (f"{method} {target} HTTP/1.1\r\nHost: 127.0.0.1:{self.port}\r\n"
             f"Content-Type: application/json\r\nContent-Length: {len(body)}\r\n"
             f"{headers}\r\n").encode() + body)
        head = await self.reader.readuntil(b"\r\n\r\n")
        lines = head.decode("latin-1").split("\r\n")
        status = int(lines[0].split(" ", 2)[1])
        fields = {}
        for line in lines[1:]:
            if ":" in line:
                k, v = line.split(":", 1)
                fields[k.strip().lower()] = v.strip()
        if "content-length" in fields:
            data = await self.reader.readexactly(int(fields["content-length"]))
        elif fields.get("transfer-encoding", "").lower() == "chunked":
            parts = []
            while True:
                size = int((await self.reader.readuntil(b"\r\n")).split(b";")[0], 16)
                parts.append(await self.reader.readexactly(size + 2))
                if size == 0:
                    break
            data = b"".join(p[:-2] for p in parts)
        else:
            data = b""
        return status, data

    def close(self) -> None:
        if self.writer is not None:
            self.writer.close()


Job = tuple[str, Callable[[int], str], str, Callable[[int], bytes]]  # method, target, hdrs, body


async def http_ingest(pid: int, port: int, jobs: list[Job], ok: set[int], total: int,
                      limit_s: float, warmup: int = 5) -> tuple[float, int, float]:
    """Each job is one sender with one request in flight.

    Returns (acknowledged/s, acknowledged, the server's CPU ms per acknowledged message).
    ``warmup`` requests per sender go first and are not counted. The run stops at
    ``total`` acknowledged requests or after ``limit_s`` seconds, whichever comes first.
    """
    conns = [await Http1(port).open() for _ in jobs]
    errors = 0
    first_error = ""

    async def one(c: Http1, job: Job, i: int) -> bool:
        nonlocal errors, first_error
        method, target, hdrs, body = job
        status, data = await c.request(method, target(i), body(i), hdrs)
        if status not in ok:
            errors += 1
            first_error = first_error or f"{status} {data[:200]!r}"
            return False
        return True

    for c, job in zip(conns, jobs):
        for i in range(warmup):
            await one(c, job, -1 - i)
    acked = 0
    stop = False

    async def run(c: Http1, job: Job) -> None:
        nonlocal acked, stop
        i = 0
        while not stop:
            i += 1
            if await one(c, job, i):
                acked += 1
                if acked >= total:
                    stop = True

    cpu0, start = cpu_s(pid), time.perf_counter()
    tasks = [asyncio.create_task(run(c, j)) for c, j in zip(conns, jobs)]
    try:
        await asyncio.wait_for(asyncio.gather(*tasks), limit_s)
    except TimeoutError:
        stop = True
    elapsed, cpu = time.perf_counter() - start, cpu_s(pid) - cpu0
    for c in conns:
        c.close()
    if first_error:
        print(f"    ({errors} refused requests; first: {first_error})")
    return acked / elapsed, acked, cpu * 1000 / max(acked, 1)


def cpu_s(pid: int) -> float:
    """User + system CPU seconds of one process so far."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def durable_commits_per_s(where: Path, count: int = 200) -> float:
    """Bare SQLite commits/s here (WAL, synchronous=FULL, one row each): the disk's pace."""
    import sqlite3

    d = Path(tempfile.mkdtemp(dir=where))
    db = sqlite3.connect(d / "probe.db", isolation_level=None)
    db.execute("PRAGMA journal_mode = WAL")
    db.execute("PRAGMA synchronous = FULL")
    db.execute("CREATE TABLE t (x INTEGER)")
    t0 = time.perf_counter()
    for i in range(count):
        db.execute("BEGIN")
        db.execute("INSERT INTO t VALUES (?)", (i,))
        db.execute("COMMIT")
    rate = count / (time.perf_counter() - t0)
    db.close()
    shutil.rmtree(d, ignore_errors=True)
    return rate


# ---------------------------------------------------------------------------------------
# Synapse, in its own virtual environment and a temporary directory


def synapse_python(venv: Path, spec: str) -> Path:
    """The venv's interpreter, creating the venv and installing Synapse on first use."""
    py = venv / "bin" / "python"
    check = [str(py), "-c", "import synapse; print(synapse.__version__)"]
    if py.exists() and subprocess.run(check, capture_output=True, timeout=120).returncode == 0:
        return py
    repo = HERE.parent.resolve()
    if venv.resolve().is_relative_to(repo):
        raise SystemExit(f"refusing to put Synapse inside the repository ({venv})")
    print(f"installing {spec} into {venv} (once) ...", flush=True)
    venv.parent.mkdir(parents=True, exist_ok=True)
    base = getattr(sys, "_base_executable", sys.executable)
    subprocess.run([base, "-m", "venv", str(venv)], check=True, timeout=300)
    subprocess.run([str(py), "-m", "pip", "install", "--quiet", spec], check=True, timeout=1200)
    subprocess.run(check, check=True, timeout=120)
    return py


class Synapse:
    def __init__(self, python: Path, workdir: Path) -> None:
        self.python, self.dir, self.port = python, workdir, br.free_port()
        self.secret = secrets.token_urlsafe(32)
        self.proc: subprocess.Popen[bytes] | None = None
        self.version = subprocess.run(
            [str(python), "-c", "import synapse; print(synapse.__version__)"],
            capture_output=True, text=True, check=True, timeout=120).stdout.strip()

    def config(self) -> dict[str, object]:
        d = self.dir
        rate = {"per_second": BIG, "burst_count": BIG}
        return {
            "server_name": "localhost",
            "pid_file": str(d / "homeserver.pid"),
            "listeners": [{"port": self.port, "bind_addresses": ["127.0.0.1"], "type": "http",
                           "tls": False, "x_forwarded": False,
                           "resources": [{"names": ["client"], "compress": False}]}],
            "database": {"name": "sqlite3", "args": {"database": str(d / "homeserver.db")}},
            "log_config": str(d / "log.config"),
            "media_store_path": str(d / "media_store"),
            "signing_key_path": str(d / "localhost.signing.key"),
            "registration_shared_secret": self.secret,
            "macaroon_secret_key": secrets.token_urlsafe(32),
            "form_secret": secrets.token_urlsafe(32),
            "report_stats": False,
            "enable_metrics": False,
            "enable_registration": False,
            "bcrypt_rounds": 4,  # setup speed only; never touched while measuring
            # nothing leaves loopback
            "trusted_key_servers": [],
            "suppress_key_server_warning": True,
            "federation_domain_whitelist": [],
            "url_preview_enabled": False,
            "presence": {"enabled": False},
            "stats": {"enabled": False},
            "user_directory": {"enabled": False},
            "enable_media_repo": False,
            # measure the server, not its limiter
            "rc_message": rate, "rc_registration": rate, "rc_room_creation": rate,
            "rc_joins": {"local": rate, "remote": rate}, "rc_joins_per_room": rate,
            "rc_login": {"address": rate, "account": rate, "failed_attempts": rate},
            "rc_invites": {"per_room": rate, "per_user": rate, "per_issuer": rate},
        }

    def start(self, limit_s: float) -> None:
        d = self.dir
        d.mkdir(parents=True, exist_ok=True)
        log = {"version": 1, "disable_existing_loggers": False,
               "formatters": {"p": {"format": "%(asctime)s %(name)s %(levelname)s %(message)s"}},
               "handlers": {"f": {"class": "logging.FileHandler", "formatter": "p",
                                  "filename": str(d / "homeserver.log")}},
               "root": {"level": "WARNING", "handlers": ["f"]}}
        (d / "log.config").write_text(json.dumps(log))  # JSON is YAML
        (d / "homeserver.yaml").write_text(json.dumps(self.config(), indent=1))
        args = [str(self.python), "-m", "synapse.app.homeserver", "-c",
                str(d / "homeserver.yaml")]
        subprocess.run([*args, "--generate-keys"], cwd=d, check=True, timeout=120,
                       stdout=subprocess.DEVNULL)
        with open(d / "stderr.log", "wb") as err:  # the child keeps its own descriptor
            self.proc = subprocess.Popen(args, cwd=d, stdout=subprocess.DEVNULL, stderr=err)
        deadline = time.monotonic() + limit_s
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                break
            try:
                if httpx.get(f"http://127.0.0.1:{self.port}/health", timeout=1).is_success:
                    return
            except httpx.TransportError:
                pass
            time.sleep(0.2)
        tail = (d / "stderr.log").read_text(errors="replace")[-2000:]
        raise RuntimeError(f"synapse did not start within {limit_s:.0f} s:\n{tail}")

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.terminate()  # SIGTERM to this pid only
            try:
                self.proc.wait(20)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(10)

    async def register(self, http: httpx.AsyncClient, name: str) -> str:
        """A user through the shared-secret admin API; returns its access token."""
        nonce = (await http.get("/_synapse/admin/v1/register")).json()["nonce"]
        password = secrets.token_urlsafe(12)
        mac = hmac.new(self.secret.encode(), digestmod=hashlib.sha1)
        mac.update(b"\x00".join([nonce.encode(), name.encode(), password.encode(),
                                 b"notadmin"]))
        r = await http.post("/_synapse/admin/v1/register", json={
            "nonce": nonce, "username": name, "password": password, "admin": False,
            "mac": mac.hexdigest()})
        r.raise_for_status()
        return str(r.json()["access_token"])


def text_body(size: int) -> Callable[[int], bytes]:
    body = json.dumps({"msgtype": "m.text", "body": br.b64(os.urandom(size))}).encode()
    return lambda _i: body


async def synapse_phase(syn: Synapse, senders: int, total: int, limit_s: float,
                        payload: int) -> dict[str, float]:
    out: dict[str, float] = {}
    async with httpx.AsyncClient(base_url=f"http://127.0.0.1:{syn.port}", timeout=60) as http:
        tokens = [await syn.register(http, f"bench{i}") for i in range(senders)]

        def auth(t: str) -> dict[str, str]:
            return {"Authorization": f"Bearer {t}"}

        async def create_room(token: str) -> str:
            r = await http.post("/_matrix/client/v3/createRoom", headers=auth(token),
                                json={"preset": "public_chat"})
            r.raise_for_status()
            return str(r.json()["room_id"])

        shared = await create_room(tokens[0])
        for t in tokens[1:]:
            (await http.post(f"/_matrix/client/v3/join/{quote(shared, safe='')}",
                             headers=auth(t), json={})).raise_for_status()
        own = [await create_room(t) for t in tokens]

    for layout, rooms in (("one shared room", [shared] * senders), ("a room per sender", own)):
        jobs: list[Job] = []
        for k, (t, room) in enumerate(zip(tokens, rooms)):
            base = f"/_matrix/client/v3/rooms/{quote(room, safe='')}/send/m.room.message/"
            prefix = f"{layout[0]}{k}-"
            jobs.append(("PUT", lambda i, b=base, p=prefix: f"{b}{p}{i}",
                         f"Authorization: Bearer {t}\r\n", text_body(payload)))
        assert syn.proc is not None
        rate, n, ms = await http_ingest(syn.proc.pid, syn.port, jobs, {200}, total, limit_s)
        out[layout] = rate
        print(f"  synapse {syn.version}, {layout:18s}: {rate:9.1f} msgs/s  ({n} sends answered "
              f"200; server CPU {ms:.2f} ms/msg)", flush=True)
    return out


# ---------------------------------------------------------------------------------------
# Corridor's relay, set up as bench_relay.py sets it up


async def corridor_http_phase(relay: br.Relay, senders: int, total: int, limit_s: float,
                              payload: int) -> dict[str, float]:
    out: dict[str, float] = {}
    async with httpx.AsyncClient(base_url=f"http://127.0.0.1:{relay.port}", timeout=60) as http:
        devs = await br.enrol_many(http, relay.venue, senders)
        shared, _group = await br.group_with(http, devs[0], devs[1:])
        own = [(await br.group_with(http, d, []))[0] for d in devs]
    for layout, groups in (("one shared group", [shared] * senders),
                           ("a group per sender", own)):
        jobs: list[Job] = []
        for k, (d, g) in enumerate(zip(devs, groups)):
            msg = br.b64(br.mls(g, 1, 1, os.urandom(payload)))
            prefix = f"{layout[0]}{k}-"

            def body(i: int, m: str = msg, p: str = prefix) -> bytes:
                return f'{{"client_msg_id":"{p}{i}","message":"{m}"}}'.encode()

            target = f"/v1/groups/{br.b64u(g)}/messages"
            jobs.append(("POST", lambda _i, t=target: t,
                         f"Authorization: Bearer {d.token}\r\n", body))
        assert relay.proc is not None
        rate, n, ms = await http_ingest(relay.proc.pid, relay.port, jobs, {201}, total, limit_s)
        out[layout] = rate
        print(f"  corridor HTTP, {layout:18s}: {rate:9.1f} msgs/s  ({n} POSTs answered 201 "
              f"once durable; server CPU {ms:.2f} ms/msg)", flush=True)
    return out


# ---------------------------------------------------------------------------------------


def ratio(a: float, b: float) -> str:
    return f"{a / b:7.1f}x" if b > 0 else "    n/a"


async def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--synapse-venv", type=Path, default=DEFAULT_VENV,
                    help=f"Synapse's virtual environment, outside the repo ({DEFAULT_VENV})")
    ap.add_argument("--synapse-spec", default=SYNAPSE_SPEC, help="pip requirement for Synapse")
    ap.add_argument("--senders", type=int, default=8)
    ap.add_argument("--seconds", type=float, default=20.0, help="time bound of each phase")
    ap.add_argument("--payload", type=int, default=256, help="random bytes per message")
    ap.add_argument("--quick", action="store_true", help="smaller counts, shorter phases")
    args = ap.parse_args()
    limit = min(args.seconds, 8.0) if args.quick else args.seconds
    syn_total = 1_000 if args.quick else 5_000
    http_total = 5_000 if args.quick else 30_000
    ws_total = 8_000 if args.quick else 30_000

    python = synapse_python(args.synapse_venv.expanduser(), args.synapse_spec)
    tmp = Path(tempfile.mkdtemp(prefix="corridor-vs-synapse-"))
    print(f"corridor relay vs synapse: ingest on loopback ({os.cpu_count()} cores), one server "
          "process at a time, SQLite for both", flush=True)
    try:
        syn = Synapse(python, tmp / "synapse")
        print(f"  {args.senders} senders, one request in flight each (HTTP); payload "
              f"{args.payload} random bytes, base64", flush=True)
        print(f"  disk now: {durable_commits_per_s(tmp):.0f} bare durable SQLite commits/s "
              f"(one row each; it moves on shared machines); load average "
              f"{os.getloadavg()[0]:.2f} (other work on the machine skews every figure)",
              flush=True)
        try:
            t0 = time.monotonic()
            syn.start(limit_s=120)
            print(f"  synapse {syn.version} up on 127.0.0.1:{syn.port} in "
                  f"{time.monotonic() - t0:.1f} s (pid {syn.proc.pid if syn.proc else '?'})",
                  flush=True)
            s = await synapse_phase(syn, args.senders, syn_total, limit, args.payload)
        finally:
            syn.stop()
            shutil.rmtree(syn.dir, ignore_errors=True)

        print(f"  disk now: {durable_commits_per_s(tmp):.0f} bare durable SQLite commits/s; "
              f"load average {os.getloadavg()[0]:.2f}", flush=True)
        venue = br.Venue()
        relay = br.Relay(tmp / "relay-http", None, venue)
        try:
            relay.start()
            c = await corridor_http_phase(relay, args.senders, http_total, limit, args.payload)
        finally:
            relay.stop()
        relay = br.Relay(tmp / "relay-ws", None, venue)
        try:
            relay.start()
            ws = await br.ingest(relay, senders=args.senders, total=ws_total, window=256,
                                 limit_s=limit)
        finally:
            relay.stop()
        print(f"  corridor WebSocket, a group per sender: {ws:9.1f} msgs/s  (bench_relay.ingest; "
              "up to 256 sends pipelined per sender, 'sent' once durable)", flush=True)

        best = max(s.values())
        print("\nsummary (msgs/s acknowledged; ratio = Corridor / Synapse)")
        print(f"  Synapse, one shared room        {s['one shared room']:9.1f}")
        print(f"  Synapse, a room per sender      {s['a room per sender']:9.1f}")
        print(f"  Corridor HTTP, one shared group {c['one shared group']:9.1f}   "
              f"{ratio(c['one shared group'], s['one shared room'])} Synapse's shared room")
        print(f"  Corridor HTTP, group per sender {c['a group per sender']:9.1f}   "
              f"{ratio(c['a group per sender'], s['a room per sender'])} Synapse's room per sender")
        print(f"  Corridor WebSocket, per sender  {ws:9.1f}   {ratio(ws, best)} Synapse's best "
              f"layout   (DESIGN target: >= 10,000 msgs/s and >= 100x)")
        print("""
what the figures mean
  Synapse: PUT /_matrix/client/v3/rooms/{room}/send/m.room.message/{txn}, JSON over
    HTTP/1.1 keep-alive, one request in flight per sender; counted when answered 200,
    i.e. once Synapse has persisted the event (its SQLite in WAL mode, Python's default
    synchronous=FULL unless the build differs). Synapse creates a room's events one at
    a time (a per-room linearizer), hence the two layouts, and on SQLite it holds one
    database connection, so its several transactions per event queue behind each
    other's fsync: on a disk with slow fsync it waits more than it computes (compare
    its CPU per message with the elapsed time per message). Its per-event work (auth
    rules, state, push rules, hashing and signing) is part of what is measured, and
    PostgreSQL, which Synapse recommends for production, is not measured here.
  Corridor HTTP: POST /v1/groups/{g}/messages, one request per message, the same
    client and concurrency; counted on 201, which the relay sends only after the
    write is durable (SQLite WAL, synchronous=FULL). The relay stores opaque MLS
    ciphertext and checks only group_id, epoch and content_type.
  Corridor WebSocket: pipelined "send" frames, acknowledged by "sent" once the
    group commit holding them is durable; the figure DESIGN.md's target names.
  The client runs on the same machine and takes CPU from the server; each server
  was alone while measured. Figures move from run to run; the ratios matter.""")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    asyncio.run(main())
