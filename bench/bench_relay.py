# SPDX-License-Identifier: Apache-2.0
"""Relay benchmarks on loopback: ingest, push latency, fan-out, memory per idle socket.

    .venv/bin/python bench/bench_relay.py [--quick] [--skip-postgres] [--only PHASE ...]

Starts real ``corridor-relay serve`` processes (SQLite in a temp dir; PostgreSQL in a
fresh schema of $CORRIDOR_TEST_POSTGRES, dropped afterwards) and drives them from this
process with a lean asyncio WebSocket client (wsproto), so the client costs as little
CPU as possible on a 2-core machine. Every phase is bounded in count and time. Each
relay is initialised for a bench venue (``root.pem``); devices register with a chain.

Figures printed:
  verify      one commit verified at 1,024 members from the public state alone (the
              relay's check, in this process): MLS only, and with the venue's chain
              and charter checks; the state's encoding; the commit posted to a relay
              (HTTP round trip: verified and stored with its state, durable)
  ingest      messages/s acknowledged durable ("sent" frames), pipelined over WebSockets,
              on groups the relay created from verified GroupInfos; and the same with a
              verified commit (a real self-update) every 500 messages per group
  push        p50/p99 latency from send to receipt at each of N connected group members
  fan-out     deliveries/s to those N members for a burst of messages
  memory      relay RSS, and RSS growth per idle authenticated WebSocket

Groups are real MLS groups: the creator posts its GroupInfo and adds members by a real
commit (a PublicMessage the relay verifies); application messages are opaque
PrivateMessage frames, which is all the relay reads of them.
"""

from __future__ import annotations

import argparse
import asyncio
import base64
import contextlib
import os
import secrets
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from urllib.parse import quote

import httpx
import msgspec
import wsproto
import wsproto.events as wse
from nacl.signing import SigningKey

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from crypto import certs  # noqa: E402
from crypto.codec import opaque_v  # noqa: E402
from crypto.corridor.charter import (  # noqa: E402
    CHARTER_EXTENSION,
    Charter,
    CommitStamp,
    charter_extension,
    charter_from_extensions,
)
from crypto.group import Group  # noqa: E402
from crypto.messages import Credential, CredentialType  # noqa: E402
from crypto.messages.key_package import default_capabilities, make_key_package  # noqa: E402

PG_DSN = os.environ.get("CORRIDOR_TEST_POSTGRES", "postgresql://postgres@127.0.0.1:5432/test")
CTX = b"corridor-relay/v1 challenge\x00"


def b64(b: bytes) -> str:
    return base64.b64encode(b).decode()


def b64u(b: bytes) -> str:
    return base64.urlsafe_b64encode(b).rstrip(b"=").decode()


def mls(group_id: bytes, epoch: int, content_type: int, body: bytes) -> bytes:
    return ((1).to_bytes(2, "big") + (2).to_bytes(2, "big") + opaque_v(group_id)
            + epoch.to_bytes(8, "big") + bytes([content_type]) + opaque_v(b"")
            + opaque_v(b"\0" * 16) + opaque_v(body))


def free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class Venue:
    """A venue root and one mission; certifies as many bench devices as asked for."""

    def __init__(self) -> None:
        now = datetime.now(UTC)
        self.root_seed = certs.new_signing_key()
        self.root = certs.make_root_certificate(
            self.root_seed, name="Bench Venue", not_before=now - timedelta(days=1),
            not_after=now + timedelta(days=30))
        self.mission_seed = certs.new_signing_key()
        self.mission = certs.issue_mission_certificate(
            self.root, self.root_seed, public_key=certs.public_key_of(self.mission_seed),
            mission_id="bench", name="Bench Mission", not_before=now - timedelta(hours=12),
            not_after=now + timedelta(days=20))
        self.now = now
        self.count = 0

    def root_pem(self) -> bytes:
        from cryptography import x509
        from cryptography.hazmat.primitives.serialization import Encoding

        return x509.load_der_x509_certificate(self.root).public_bytes(Encoding.PEM)

    def device(self) -> Device:
        self.count += 1
        seed = certs.new_signing_key()
        cert = certs.issue_device_certificate(
            self.mission, self.mission_seed, public_key=certs.public_key_of(seed),
            delegate_id=f"bench{self.count}", display_name=f"Bench {self.count}",
            not_before=self.now - timedelta(hours=1), not_after=self.now + timedelta(days=7))
        return Device(seed, (cert, self.mission))


class Relay:
    def __init__(self, data_dir: Path, database: str | None, venue: Venue) -> None:
        self.data_dir, self.database, self.port = data_dir, database, free_port()
        self.venue = venue
        self.env = {**os.environ, "PYTHONPATH": str(ROOT),
                    "CORRIDOR_RELAY_RATE_PER_SECOND": "1000000",
                    "CORRIDOR_RELAY_RATE_BURST": "1000000",
                    "CORRIDOR_RELAY_REGISTER_RATE_PER_MINUTE": "1000000",
                    "CORRIDOR_RELAY_WS_SEND_QUEUE": "100000"}
        self.proc: subprocess.Popen[bytes] | None = None

    def _store_args(self) -> list[str]:
        args = ["--data-dir", str(self.data_dir)]
        return args + (["--database", self.database] if self.database else [])

    def start(self) -> None:
        self.data_dir.mkdir(parents=True, exist_ok=True)
        (self.data_dir / "root.pem").write_bytes(self.venue.root_pem())
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "server_stub.cli", "serve", "--port", str(self.port),
             "--log-level", "warning", *self._store_args()],
            env=self.env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                if httpx.get(f"http://127.0.0.1:{self.port}/health", timeout=1).is_success:
                    return
            except httpx.TransportError:
                time.sleep(0.05)
        raise RuntimeError("relay did not start")

    def rss_kib(self) -> int:
        assert self.proc is not None
        for line in Path(f"/proc/{self.proc.pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
        return 0

    def cpu_s(self) -> float:
        """CPU seconds the relay process has used (user + system): what a loaded,
        shared machine does not inflate, unlike wall-clock latency."""
        assert self.proc is not None
        fields = Path(f"/proc/{self.proc.pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def stop(self) -> None:
        if self.proc is not None:
            self.proc.terminate()
            self.proc.wait(15)


def _accept(_c: Credential, _k: bytes) -> None:
    return None


def credential(dev: Device) -> Credential:
    return Credential(credential_type=CredentialType.x509, certificates=dev.chain)


def stamp_aad(at: int | None = None) -> bytes:
    """Corridor's authenticated data with a commit stamp (no fork signature)."""
    stamp = CommitStamp([], int(time.time()) if at is None else at)
    return b"\x02" + bytes(16) + b"\x00" + msgspec.msgpack.encode(stamp)


#: Corridor's leaves list the charter extension (RFC 9420 §13.4: members support every
#: GroupContext extension).
CAPS = default_capabilities(3, (CHARTER_EXTENSION,))


def mls_group(owner: Device, g: bytes) -> Group:
    charter = Charter(kind="multilateral", missions=("bench",), conveners=(owner.delegate,),
                      created_by=owner.delegate, info=bytes(32))
    return Group.create(3, g, credential(owner), owner.seed,
                        extensions=[charter_extension(charter)], credential_validator=_accept,
                        capabilities=CAPS)


def add_commit(group: Group, members: list[Device]) -> tuple[bytes, bytes | None]:
    now = int(time.time())
    kps = [make_key_package(3, credential(m), m.seed, lifetime=(now - 60, now + 86400),
                            capabilities=CAPS).key_package for m in members]
    out = group.commit(add=kps, authenticated_data=stamp_aad(), handshake_encrypted=False,
                       ratchet_tree_in_welcome=False)
    group.merge_pending_commit()
    return out.message, out.welcome


class Device:
    def __init__(self, seed: bytes, chain: tuple[bytes, ...]) -> None:
        self.seed = seed
        self.key = SigningKey(seed)
        self.chain = chain  # device and mission certificates, to the venue root
        self.pk = bytes(self.key.verify_key)
        self.id = self.pk.hex()
        self.token = ""
        from crypto.corridor.charter import ident_of_certificate

        self.delegate = ident_of_certificate(chain[0]).delegate

    async def _answer(self, http: httpx.AsyncClient, purpose: str) -> dict[str, str]:
        r = await http.post("/v1/auth/challenge", json={"public_key": b64(self.pk),
                                                         "purpose": purpose})
        nonce = base64.b64decode(r.json()["nonce"])
        sig = self.key.sign(CTX + purpose.encode() + b"\0" + nonce).signature
        return {"public_key": b64(self.pk), "nonce": b64(nonce), "signature": b64(sig)}

    async def enrol(self, http: httpx.AsyncClient) -> Device:
        body = {**await self._answer(http, "register"),
                "certificate_chain": [b64(c) for c in self.chain]}
        (await http.post("/v1/devices", json=body)).raise_for_status()
        r = await http.post("/v1/auth/token", json=await self._answer(http, "login"))
        r.raise_for_status()
        self.token = r.json()["token"]
        return self

    def auth(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.token}"}


class Ws(asyncio.Protocol):
    """Just enough of a WebSocket client: text frames in, text frames out."""

    def __init__(self, on_text: Callable[[str], None]) -> None:
        self.conn = wsproto.WSConnection(wsproto.ConnectionType.CLIENT)
        self.on_text = on_text
        self.opened = asyncio.get_running_loop().create_future()
        self.transport: asyncio.Transport | None = None
        self._parts: list[str] = []

    @classmethod
    async def open(cls, port: int, token: str, on_text: Callable[[str], None]) -> Ws:
        loop = asyncio.get_running_loop()
        _, proto = await loop.create_connection(lambda: cls(on_text), "127.0.0.1", port)
        assert isinstance(proto, Ws)
        proto.transport.write(proto.conn.send(wse.Request(  # type: ignore[union-attr]
            host="127.0.0.1", target="/v1/ws",
            extra_headers=[(b"authorization", f"Bearer {token}".encode())])))
        await asyncio.wait_for(proto.opened, 30)
        return proto

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        assert isinstance(transport, asyncio.Transport)
        self.transport = transport

    def data_received(self, data: bytes) -> None:
        self.conn.receive_data(data)
        for ev in self.conn.events():
            if isinstance(ev, wse.AcceptConnection):
                self.opened.set_result(True)
            elif isinstance(ev, wse.RejectConnection):
                self.opened.set_exception(RuntimeError("websocket rejected"))
            elif isinstance(ev, wse.TextMessage):
                self._parts.append(ev.data)
                if ev.message_finished:
                    text, self._parts = "".join(self._parts), []
                    self.on_text(text)
            elif isinstance(ev, wse.Ping):
                assert self.transport is not None
                self.transport.write(self.conn.send(ev.response()))

    def send(self, text: str) -> None:
        assert self.transport is not None
        self.transport.write(self.conn.send(wse.Message(data=text)))

    def close(self) -> None:
        if self.transport is not None:
            self.transport.close()


async def enrol_many(http: httpx.AsyncClient, venue: Venue, n: int) -> list[Device]:
    sem = asyncio.Semaphore(16)

    async def one(d: Device) -> Device:
        async with sem:
            return await d.enrol(http)

    return list(await asyncio.gather(*(one(venue.device()) for _ in range(n))))


async def group_with(http: httpx.AsyncClient, owner: Device, members: list[Device]
                     ) -> tuple[bytes, Group]:
    """A real MLS group: the relay verifies the creator's GroupInfo, then the commit
    adding ``members`` (without Welcomes: the bench members never decrypt)."""
    g = os.urandom(16)
    group = mls_group(owner, g)
    (await http.post("/v1/groups", json={"group_id": b64u(g),
                                         "group_info": b64(group.group_info())},
                     headers=owner.auth())).raise_for_status()
    for i in range(0, len(members), 300):  # a commit stays under the 1 MiB message cap
        msg, _welcome = add_commit(group, members[i:i + 300])
        body = {"client_msg_id": f"add{i}", "message": b64(msg)}
        (await http.post(f"/v1/groups/{b64u(g)}/messages", json=body, headers=owner.auth())
         ).raise_for_status()
    return g, group


async def ingest(relay: Relay, senders: int, total: int, window: int, limit_s: float,
                 commit_every: int = 0, stats: dict[str, float] | None = None) -> float:
    """Application messages/s acknowledged durable; with ``commit_every``, each group also
    takes a real self-update commit (verified and stored with its state) after every
    that many messages, sent in order on the same socket. ``stats`` gets the relay's
    CPU per acknowledged message (``cpu_us``: what a shared machine does not inflate)."""
    async with httpx.AsyncClient(base_url=f"http://127.0.0.1:{relay.port}", timeout=30) as http:
        devs = await enrol_many(http, relay.venue, senders)
        made = [await group_with(http, d, []) for d in devs]
    groups = [g for g, _grp in made]
    per = total // senders
    commits: dict[bytes, list[str]] = {}
    if commit_every:
        for g, grp in made:  # made beforehand: the bench measures the relay, not MLS
            out = []
            for _ in range(per // commit_every + 1):
                c = grp.commit(authenticated_data=stamp_aad(), handshake_encrypted=False)
                grp.merge_pending_commit()
                out.append(b64(c.message))
            commits[g] = out
    done = asyncio.Event()
    acked = 0
    payload = b64(mls(b"", 0, 1, os.urandom(256)))  # placeholder; rebuilt per group below

    async def run(dev: Device, g: bytes) -> None:
        nonlocal acked
        body = b64(mls(g, 1, 1, os.urandom(256)))
        gid = b64u(g)
        inflight = asyncio.Semaphore(window)
        mine = 0

        def on_text(text: str) -> None:
            nonlocal acked, mine
            if '"sent"' in text:
                acked += 1
                mine += 1
                inflight.release()
                if acked >= per * senders:
                    done.set()

        ws = await Ws.open(relay.port, dev.token, on_text)
        mine_commits = commits.get(g, [])
        for i in range(per):
            await inflight.acquire()
            if done.is_set():
                break
            if commit_every and i % commit_every == commit_every - 1 and mine_commits:
                ws.send(f'{{"type":"send","group_id":"{gid}","client_msg_id":"c{i}",'
                        f'"message":"{mine_commits.pop(0)}"}}')
                continue
            ws.send(f'{{"type":"send","group_id":"{gid}","client_msg_id":"m{i}",'
                    f'"message":"{body}"}}')
        await done.wait()
        ws.close()

    del payload
    start = time.perf_counter()
    cpu0 = relay.cpu_s()
    tasks = [asyncio.create_task(run(d, g)) for d, g in zip(devs, groups)]
    try:
        await asyncio.wait_for(done.wait(), limit_s)
    except TimeoutError:
        done.set()
    elapsed = time.perf_counter() - start
    if stats is not None:
        stats["cpu_us"] = (relay.cpu_s() - cpu0) / max(1, acked) * 1e6
    await asyncio.gather(*tasks, return_exceptions=True)
    return acked / elapsed


async def fanout(relay: Relay, n: int, messages: int, burst: int) -> dict[str, float]:
    limits = httpx.Limits(max_connections=32)
    async with httpx.AsyncClient(base_url=f"http://127.0.0.1:{relay.port}", timeout=60,
                                 limits=limits) as http:
        devs = await enrol_many(http, relay.venue, n + 1)
        sender, members = devs[0], devs[1:]
        g, _group = await group_with(http, sender, members)
        sent_at: dict[str, float] = {}
        lat: list[float] = []
        received = 0
        all_in = asyncio.Event()
        expected = 0

        def on_text(text: str) -> None:
            nonlocal received
            if text.startswith('{"type":"message"'):
                now = time.perf_counter()
                i = text.index('"client_msg_id":"') + 17
                cmid = text[i:text.index('"', i)]
                t0 = sent_at.get(cmid)
                if t0 is not None:
                    lat.append(now - t0)
                received += 1
                if received >= expected:
                    all_in.set()

        rss0 = relay.rss_kib()
        socks = []
        for i in range(0, len(members), 50):
            socks += await asyncio.gather(*(Ws.open(relay.port, m.token, on_text)
                                            for m in members[i:i + 50]))
        await asyncio.sleep(1.0)  # backlogs done ("ready"), the relay idle
        rss1 = relay.rss_kib()
        sender_ws = await Ws.open(relay.port, sender.token, lambda _t: None)
        body = b64(mls(g, 1, 1, os.urandom(256)))
        gid = b64u(g)

        # latency: one message at a time, spaced out
        expected = received + messages * n
        cpu0 = relay.cpu_s()
        for i in range(messages):
            cmid = f"lat{i}"
            sent_at[cmid] = time.perf_counter()
            sender_ws.send(f'{{"type":"send","group_id":"{gid}","client_msg_id":"{cmid}",'
                           f'"message":"{body}"}}')
            await asyncio.sleep(0.1)
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(all_in.wait(), 60)
        cpu_per = (relay.cpu_s() - cpu0) / max(1, received - (expected - messages * n))
        lat_ms = sorted(x * 1000 for x in lat)
        # throughput: a burst, all at once
        all_in.clear()
        before = received
        expected = received + burst * n
        t0 = time.perf_counter()
        for i in range(burst):
            sender_ws.send(f'{{"type":"send","group_id":"{gid}","client_msg_id":"b{i}",'
                           f'"message":"{body}"}}')
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(all_in.wait(), 60)
        dt = time.perf_counter() - t0
        for s in [*socks, sender_ws]:
            s.close()
        q = statistics.quantiles(lat_ms, n=100) if len(lat_ms) > 2 else [0.0] * 99
        return {"p50_ms": statistics.median(lat_ms) if lat_ms else float("nan"),
                "p99_ms": q[98], "samples": len(lat_ms),
                "deliveries_per_s": (received - before) / dt, "cpu_us": cpu_per * 1e6,
                "rss_mib": rss1 / 1024, "kib_per_ws": (rss1 - rss0) / len(members)}


async def idle_memory(relay: Relay, n: int) -> tuple[float, float]:
    async with httpx.AsyncClient(base_url=f"http://127.0.0.1:{relay.port}", timeout=60) as http:
        devs = await enrol_many(http, relay.venue, n)
    ready = 0

    def on_text(text: str) -> None:
        nonlocal ready
        ready += text == '{"type":"ready"}'

    # warm up: one round of connections, closed, so allocator pools exist already
    warm = await asyncio.gather(*(Ws.open(relay.port, d.token, on_text) for d in devs[:50]))
    await asyncio.sleep(0.5)
    for s in warm:
        s.close()
    await asyncio.sleep(1.0)
    ready = 0
    rss0 = relay.rss_kib()
    socks = []
    for i in range(0, n, 50):
        socks += await asyncio.gather(*(Ws.open(relay.port, d.token, on_text)
                                        for d in devs[i:i + 50]))
    deadline = time.monotonic() + 30
    while ready < n and time.monotonic() < deadline:
        await asyncio.sleep(0.1)
    await asyncio.sleep(1.0)
    rss1 = relay.rss_kib()
    assert ready == n, f"only {ready}/{n} sockets authenticated"
    for s in socks:
        s.close()
    return rss1 / 1024, (rss1 - rss0) / n


def verify_at(venue: Venue, n: int, rounds: int, filled: bool) -> dict[str, float]:
    """One verified commit (a self-update with its path) at ``n`` members: the relay's
    check from the public state alone, timed in this process (median of ``rounds``).

    ``filled``: every parent node holds a key, as after everyone committed once (the
    steady state DESIGN.md's targets speak of; set directly, as ``bench_group.py`` does);
    otherwise the tree right after one commit added everyone, where a path encrypts to
    every leaf (the worst case)."""
    from bench_group import fill_tree

    from crypto.corridor.routing import ChannelState, verifiers_for, verify_channel_commit
    from crypto.group.public_group import PublicGroup

    devs = [venue.device() for _ in range(n)]
    group = mls_group(devs[0], os.urandom(16))
    add_commit(group, devs[1:])
    if filled:
        fill_tree(group, group)
        st = group._state
        public = PublicGroup(st.suite, st.context, st.tree, st.interim_transcript_hash)
    else:
        public = PublicGroup.from_group_info(group.group_info(), credential_validator=_accept)
    verifiers = verifiers_for(venue.root, [])
    state = ChannelState(public, charter_from_extensions(group.extensions), 0)
    mls_only, full, full_cpu, encode, size = [], [], [], [], []
    blob = b""
    for _ in range(rounds):
        msg = group.commit(authenticated_data=stamp_aad(), handshake_encrypted=False).message
        size.append(len(msg))
        t0 = time.perf_counter()
        state.group.verify_commit(msg, credential_validator=_accept)
        t1 = time.perf_counter()
        c1 = time.process_time()
        change = verify_channel_commit(state, msg, verifiers=verifiers, now=int(time.time()))
        c2 = time.process_time()
        t2 = time.perf_counter()
        blob = change.state.to_bytes()
        t3 = time.perf_counter()
        mls_only.append(t1 - t0)
        full.append(t2 - t1)
        full_cpu.append(c2 - c1)
        encode.append(t3 - t2)
        group.merge_pending_commit()
        state = change.state
    return {"mls_ms": statistics.median(mls_only) * 1000,
            "full_ms": statistics.median(full) * 1000,
            "full_cpu_ms": statistics.median(full_cpu) * 1000,
            "encode_ms": statistics.median(encode) * 1000, "state_kib": len(blob) / 1024,
            "commit_bytes": statistics.median(size)}


async def commit_roundtrip(relay: Relay, n: int, rounds: int) -> dict[str, float]:
    """A verified commit posted over HTTP to a relay holding an ``n``-member group:
    verified, stored with the new state, acknowledged durable (median ms)."""
    async with httpx.AsyncClient(base_url=f"http://127.0.0.1:{relay.port}", timeout=120
                                 ) as http:
        owner = (await enrol_many(http, relay.venue, 1))[0]
        members = [relay.venue.device() for _ in range(n - 1)]  # need not register
        t0 = time.perf_counter()
        g, group = await group_with(http, owner, members)
        add_s = time.perf_counter() - t0
        times = []
        for i in range(rounds):
            msg = group.commit(authenticated_data=stamp_aad(), handshake_encrypted=False).message
            body = {"client_msg_id": f"u{i}", "message": b64(msg)}
            t0 = time.perf_counter()
            r = await http.post(f"/v1/groups/{b64u(g)}/messages", json=body,
                                headers=owner.auth())
            times.append(time.perf_counter() - t0)
            r.raise_for_status()
            group.merge_pending_commit()
    stored = stored_state_bytes(relay, g)[-rounds:]
    return {"post_ms": statistics.median(times) * 1000, "add_s": add_s,
            "stored_kib": statistics.mean(stored) / 1024, "stored_max_kib": max(stored) / 1024}


def stored_state_bytes(relay: Relay, group_id: bytes) -> list[int]:
    """Bytes of each public-state row the relay stored for the group, in commit order
    (what each commit costs its SQLite store beside the commit message itself)."""
    import sqlite3

    with contextlib.closing(sqlite3.connect(relay.data_dir / "relay.sqlite3")) as db:
        return [int(n) for (n,) in db.execute(
            "SELECT LENGTH(state) FROM group_states WHERE group_id = ? ORDER BY seq",
            (group_id,))]


def pg_schema() -> tuple[str, Callable[[], None]] | None:
    import psycopg

    try:
        admin = psycopg.connect(PG_DSN, autocommit=True, connect_timeout=5)
    except psycopg.Error as exc:
        print(f"PostgreSQL unreachable ({type(exc).__name__}); skipping its figures")
        return None
    schema = f"corridor_bench_{secrets.token_hex(4)}"
    admin.execute(f'CREATE SCHEMA "{schema}"')

    def drop() -> None:
        admin.execute(f'DROP SCHEMA "{schema}" CASCADE')
        admin.close()

    sep = "&" if "?" in PG_DSN else "?"
    return f"{PG_DSN}{sep}options={quote(f'-csearch_path={schema}')}", drop


PHASES = ("verify", "commit", "ingest", "fanout", "memory")


async def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="smaller counts")
    ap.add_argument("--skip-postgres", action="store_true")
    ap.add_argument("--fanout-devices", type=int, nargs="*", default=[300, 1000])
    ap.add_argument("--members", type=int, default=1024, help="group size for 'verify'")
    ap.add_argument("--only", nargs="*", choices=PHASES, default=list(PHASES),
                    help="run only these phases (default: all)")
    args = ap.parse_args()
    only = set(args.only)
    total = 8_000 if args.quick else 30_000
    tmp = Path(tempfile.mkdtemp(prefix="corridor-bench-"))
    print(f"corridor relay bench (loopback, {os.cpu_count()} cores)")
    venue = Venue()
    pg = None
    try:
        if "verify" in only:
            await phase_verify(venue, args.members, 5 if args.quick else 15)
        if "commit" in only:
            await phase_commit(tmp, venue, args.members, 5 if args.quick else 15)
        if "ingest" in only:
            pg = None if args.skip_postgres else pg_schema()
            await phase_ingest(tmp, venue, total, None if pg is None else pg[0])
        if "fanout" in only:
            await phase_fanout(tmp, venue, args.fanout_devices, args.quick)
        if "memory" in only:
            await phase_memory(tmp, venue, 300 if args.quick else 1000)
    finally:
        if pg is not None:
            pg[1]()
        shutil.rmtree(tmp, ignore_errors=True)


async def phase_verify(venue: Venue, members: int, rounds: int) -> None:
    for filled in (True, False):
        v = verify_at(venue, members, rounds, filled)
        print(f"verify {members} members, "
              f"{'filled tree' if filled else 'tree right after adds'} "
              f"(commit {v['commit_bytes'] / 1024:.1f} KiB): {v['mls_ms']:.2f} ms MLS "
              f"only (signature, path, tree and transcript hashes); {v['full_ms']:.2f} ms "
              f"with chains and charter (the relay's check; {v['full_cpu_ms']:.2f} ms of "
              f"CPU, what a loaded machine does not inflate); state encoding "
              f"{v['encode_ms']:.2f} ms ({v['state_kib']:.0f} KiB)")


async def phase_commit(tmp: Path, venue: Venue, members: int, rounds: int) -> None:
    relay = Relay(tmp / "commit", None, venue)
    relay.data_dir.mkdir(parents=True)
    relay.start()
    try:
        c = await commit_roundtrip(relay, members, rounds)
        print(f"commit at {members} members posted to the relay (SQLite): "
              f"{c['post_ms']:.1f} ms per commit (HTTP, verified, stored with its "
              f"state, durable); adding {members - 1} (commits of 300): "
              f"{c['add_s']:.2f} s; public state stored per self-update commit: "
              f"{c['stored_kib']:.1f} KiB mean, {c['stored_max_kib']:.1f} KiB largest "
              f"({rounds} commits)")
    finally:
        relay.stop()


async def phase_ingest(tmp: Path, venue: Venue, total: int, pg_url: str | None) -> None:
    backends: list[tuple[str, str | None]] = [("sqlite", None)]
    if pg_url is not None:
        backends.append(("postgres", pg_url))
    for name, db in backends:
        relay = Relay(tmp / name, db, venue)
        relay.data_dir.mkdir(parents=True)
        relay.start()
        try:
            n = total if name == "sqlite" else total // 3
            st: dict[str, float] = {}
            rate = await ingest(relay, senders=8, total=n, window=256, limit_s=60, stats=st)
            print(f"ingest {name:8s}: {rate:9.0f} msgs/s durable (8 senders, pipelined "
                  f"WebSocket sends, group commit; relay CPU {st['cpu_us']:.1f} us/msg)")
            rate = await ingest(relay, senders=8, total=n, window=256, limit_s=60,
                                commit_every=500, stats=st)
            print(f"ingest {name:8s}: {rate:9.0f} msgs/s durable with a verified "
                  f"commit every 500 messages per group (relay CPU {st['cpu_us']:.1f} "
                  "us/msg)")
        finally:
            relay.stop()


async def phase_fanout(tmp: Path, venue: Venue, sizes: list[int], quick: bool) -> None:
    relay = Relay(tmp / "fanout", None, venue)
    relay.data_dir.mkdir(parents=True)
    relay.start()
    try:
        for n in sizes:
            r = await fanout(relay, n, messages=20 if quick else 60, burst=20 if quick else 50)
            print(f"push to {n:5d} devices: p50 {r['p50_ms']:6.1f} ms  p99 "
                  f"{r['p99_ms']:6.1f} ms  ({r['samples']:.0f} deliveries, one message "
                  f"per 100 ms; relay CPU {r['cpu_us']:.1f} us per delivery);  fan-out "
                  f"{r['deliveries_per_s']:8.0f} deliveries/s (burst)")
    finally:
        relay.stop()


async def phase_memory(tmp: Path, venue: Venue, n: int) -> None:
    # a fresh process, so earlier phases do not blur it
    relay = Relay(tmp / "memory", None, venue)
    relay.data_dir.mkdir(parents=True)
    relay.start()
    try:
        rss, per = await idle_memory(relay, n)
        print(f"memory: relay RSS {rss:.1f} MiB with the sockets open; {per:.1f} KiB per "
              "idle authenticated WebSocket")
    finally:
        relay.stop()


if __name__ == "__main__":
    asyncio.run(main())
