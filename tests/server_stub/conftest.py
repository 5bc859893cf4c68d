# SPDX-License-Identifier: Apache-2.0
"""Fixtures: storage URLs for both backends, an in-process relay, real relay processes.

Every relay here is initialised for a real venue (``root.pem`` in its data directory,
from :mod:`.venue_helpers`; by default the session's venue) and admits devices only
by certificate chain, like a deployed relay.

PostgreSQL: DSN from ``CORRIDOR_TEST_POSTGRES`` (default
``postgresql://postgres@127.0.0.1:5432/test``). Each test session gets a fresh schema,
dropped at the end, so parallel runs never collide. If the server is unreachable the
PostgreSQL tests fail when ``CI`` is set and are skipped (with the reason) otherwise.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import secrets
import signal
import socket
import subprocess
import sys
import time
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote

import httpx
import psycopg
import pytest
from httpx_ws.transport import ASGIWebSocketTransport

from server_stub.app import create_app
from server_stub.relay import Relay
from server_stub.settings import Settings

from .relay_client import RelayClient
from .venue_helpers import Pki, session_venue, write_root

PG_DSN = os.environ.get("CORRIDOR_TEST_POSTGRES", "postgresql://postgres@127.0.0.1:5432/test")
ROOT = Path(__file__).resolve().parents[2]


def _with_schema(dsn: str, schema: str) -> str:
    sep = "&" if "?" in dsn else "?"
    return f"{dsn}{sep}options={quote(f'-csearch_path={schema}')}"


@pytest.fixture(scope="session")
def pg_url() -> Iterator[str]:
    """A PostgreSQL URL whose search_path is a schema made for this session."""
    try:
        admin = psycopg.connect(PG_DSN, autocommit=True, connect_timeout=5)
    except psycopg.Error as exc:
        msg = f"PostgreSQL unreachable at {PG_DSN}: {type(exc).__name__}"
        if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
            pytest.fail(msg + " (CI is set, so this is a failure)")
        pytest.skip(msg + " (set CI=true to make this a failure)")
    schema = f"corridor_test_{os.getpid()}_{secrets.token_hex(4)}"
    with admin:
        admin.execute(f'CREATE SCHEMA "{schema}"')
        try:
            yield _with_schema(PG_DSN, schema)
        finally:
            admin.execute(f'DROP SCHEMA "{schema}" CASCADE')


@pytest.fixture(scope="session")
def venue() -> Pki:
    """The session's venue: every relay fixture is initialised with its root."""
    return session_venue()


@pytest.fixture(params=["sqlite", "postgres"])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'relay.sqlite3'}"
    url: str = request.getfixturevalue("pg_url")
    return url


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
    app = create_app(settings, **kw)
    async with app.router.lifespan_context(app):
        transport = ASGIWebSocketTransport(app)
        async with httpx.AsyncClient(transport=transport, base_url="http://relay") as http:
            yield InProcess(app, app.state.relay, http, venue)


async def _hold(settings: Settings) -> AsyncIterator[InProcess]:
    """Enter and leave the contexts in one task (anyio cancel scopes demand it), while
    pytest-asyncio runs fixture setup and teardown in different tasks."""
    got: asyncio.Future[InProcess] = asyncio.get_running_loop().create_future()
    done = asyncio.Event()

    async def runner() -> None:
        try:
            async with in_process(settings) as r:
                got.set_result(r)
                await done.wait()
        except BaseException as exc:
            if not got.done():
                got.set_exception(exc)
            raise

    task = asyncio.get_running_loop().create_task(runner())
    try:
        yield await got
    finally:
        done.set()
        await task


@pytest.fixture
async def relay_sqlite(tmp_path: Path) -> AsyncIterator[InProcess]:
    async for r in _hold(Settings(data_dir=tmp_path)):
        yield r


@pytest.fixture
async def relay_any(db_url: str, tmp_path: Path) -> AsyncIterator[InProcess]:
    async for r in _hold(Settings(data_dir=tmp_path, database_url=db_url)):
        yield r


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


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
        self.log_path = data_dir / f"relay-{self.port}.log"
        self.proc: subprocess.Popen[bytes] | None = None
        self.log_level = log_level
        self.args = args

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self, timeout: float = 30) -> RelayProcess:
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
        while True:
            try:
                if httpx.get(self.url + "/health", timeout=1).status_code == 200:
                    return self
            except httpx.TransportError:
                pass
            if self.proc.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"relay did not start:\n{self.log_path.read_text()}")
            time.sleep(0.05)

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
