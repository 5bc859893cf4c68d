# SPDX-License-Identifier: Apache-2.0
"""A relay to test against: in this process (ASGI, no sockets) or as a real process.

Every relay here is initialised for a real venue (``root.pem`` in its data directory,
from :mod:`tests.support.pki`; by default the session's venue) and admits devices only
by certificate chain, like a deployed relay. Relay, client, deploy and benchmark tests
share these, so they live here rather than in one directory's ``conftest.py``.
"""

from __future__ import annotations

import contextlib
import os
import random
import signal
import socket
import subprocess
import sys
import time
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
from httpx_ws.transport import ASGIWebSocketTransport

from server_stub.app import create_app
from server_stub.relay import Relay
from server_stub.settings import Settings

from .pki import Pki, session_venue, write_root
from .relay_client import RelayClient

__all__ = ["PG_DSN", "ROOT", "InProcess", "RelayProcess", "free_port", "in_process",
           "shared_blob_key"]

#: The PostgreSQL server the tests use (a schema per test is made in it).
PG_DSN = os.environ.get("CORRIDOR_TEST_POSTGRES", "postgresql://postgres@127.0.0.1:5432/test")
#: The repository root (what a relay subprocess needs on its PYTHONPATH).
ROOT = Path(__file__).resolve().parents[2]


@dataclass
class InProcess:
    app: Any
    relay: Relay
    http: httpx.AsyncClient
    venue: Pki

    def client(self, mission: str | None = None) -> RelayClient:
        """A client for a newly certified device of the venue (not yet registered)."""
        return self.venue.client(self.http, self.venue.device(mission))

    async def device(self, mission: str | None = None) -> RelayClient:
        """A newly certified device, registered with its chain and logged in."""
        return await self.client(mission).enrol()


@contextlib.asynccontextmanager
async def in_process(settings: Settings, venue: Pki | None = None,
                     **kw: Any) -> AsyncIterator[InProcess]:
    """The relay app in this process, its data directory initialised for ``venue``
    (default: the session's; a ``root.pem`` already there is kept)."""
    venue = venue or session_venue()
    write_root(settings.data_dir, venue)
    shared = shared_blob_key(settings.database_url)
    if shared is not None and settings.blob_key_file is None:
        settings = settings.replace(blob_key_file=shared)
    app = create_app(settings, **kw)
    async with app.router.lifespan_context(app):
        transport = ASGIWebSocketTransport(app)
        async with httpx.AsyncClient(transport=transport, base_url="http://relay") as http:
            yield InProcess(app, app.state.relay, http, venue)


def shared_blob_key(database: str | None) -> Path | None:
    """The blob key file every relay on one PostgreSQL test schema shares (a deployment
    gives all its relay processes one key; server_stub.blobkey). None for SQLite: the
    key is made in the relay's own data directory."""
    if not database or database.startswith("sqlite"):
        return None
    import hashlib
    import tempfile
    from urllib.parse import parse_qs, urlsplit

    # one schema per test session: key by it (tests reach it by proxies and names too)
    schema = parse_qs(urlsplit(database).query).get("options", [database])[0]
    folder = Path(tempfile.gettempdir()) / f"corridor-test-blob-keys-{os.getuid()}"
    folder.mkdir(mode=0o700, exist_ok=True)
    return folder / (hashlib.sha256(schema.encode()).hexdigest()[:24] + ".key")


#: loopback ports this process handed out (a relay may not have bound one yet)
_HANDED: set[int] = set()


def _port_range() -> range:
    """The ports this test process draws from: with pytest-xdist each worker has a
    range of its own (gw0, gw1, ...), all below Linux's ephemeral ports (32768 on),
    so two workers never pick the same free port in the moment before one's relay
    binds it, and a relay's health check never reaches another worker's relay."""
    worker = os.environ.get("PYTEST_XDIST_WORKER", "")
    if worker.startswith("gw") and worker[2:].isdigit():
        start = 20_000 + int(worker[2:]) % 4 * 3_000
        return range(start, start + 3_000)
    return range(14_000, 20_000)


def free_port() -> int:
    """A loopback port free now and not handed out before by this process."""
    ports = _port_range()
    first = random.randrange(len(ports))
    for i in range(len(ports)):
        port = ports[(first + i) % len(ports)]
        if port in _HANDED:
            continue
        with socket.socket() as s:
            try:
                s.bind(("127.0.0.1", port))
            except OSError:
                continue
        _HANDED.add(port)
        return port
    _HANDED.clear()  # every port handed out once: the earliest are long bound or gone
    return free_port()


class RelayProcess:
    """``corridor-relay serve`` as a real subprocess on loopback, its log in a file; its
    data directory is initialised for ``venue`` (default: the session's) on start."""

    def __init__(self, data_dir: Path, database: str | None = None,
                 env: dict[str, str] | None = None, port: int | None = None,
                 log_level: str = "info", venue: Pki | None = None,
                 args: tuple[str, ...] = (), module: str = "server_stub.cli") -> None:
        self.data_dir = data_dir
        self.module = module  # a test module may wrap the relay app (fault injection)
        self.venue = venue or session_venue()
        self.database = database
        self.port = port or free_port()
        self.env = {**os.environ, "PYTHONPATH": str(ROOT), **(env or {})}
        shared = shared_blob_key(database)
        if shared is not None:
            self.env.setdefault("CORRIDOR_RELAY_BLOB_KEY_FILE", str(shared))
        self.log_path = data_dir / f"relay-{self.port}.log"
        self.proc: subprocess.Popen[bytes] | None = None
        self.log_level = log_level
        self.args = args

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self, timeout: float = 120) -> RelayProcess:
        """Start the relay and wait for its health check (generously: a Python process
        that imports the relay can take tens of seconds on a loaded runner)."""
        write_root(self.data_dir, self.venue)
        cmd = [sys.executable, "-m", self.module, "serve", "--port", str(self.port),
               "--data-dir", str(self.data_dir), "--log-level", self.log_level]
        if self.database:
            cmd += ["--database", self.database]
        cmd += self.args
        log = open(self.log_path, "ab")  # noqa: SIM115 - handed to the child
        self.proc = subprocess.Popen(cmd, stdout=log, stderr=log, env=self.env)
        log.close()
        deadline = time.monotonic() + timeout
        with httpx.Client(timeout=1) as http:  # one client: each new one loads the CA bundle
            while True:
                try:
                    if http.get(self.url + "/health").status_code == 200:
                        return self
                except httpx.TransportError:
                    pass
                if self.proc.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(f"relay did not start:\n{self.log_path.read_text()}")
                time.sleep(0.02)

    def kill9(self) -> None:
        assert self.proc is not None
        self.proc.send_signal(signal.SIGKILL)
        self.proc.wait(10)

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(10)

    def client(self, http: httpx.AsyncClient, mission: str | None = None) -> RelayClient:
        """A client (of ``http``) for a newly certified device of this relay's venue."""
        return self.venue.client(http, self.venue.device(mission))
