# SPDX-License-Identifier: Apache-2.0
"""Fixtures for client integration tests: a demo venue and a REAL relay process.

Key files use fast Argon2id limits (``CORRIDOR_INSECURE_FAST_KDF=1``, tests only) and
the demo passphrase. The relay runs as ``python -m server_stub.cli serve`` on a free
loopback port, on SQLite, or on PostgreSQL when ``CORRIDOR_TEST_POSTGRES`` is
reachable (with ``CI=true`` an unreachable PostgreSQL fails the PostgreSQL variant).
"""

from __future__ import annotations

import os
import secrets
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from urllib.parse import quote

import psycopg
import pytest

from client.core import Client
from demo.venue import DemoLayout, provision
from tests.server_stub.conftest import RelayProcess, free_port

PG_DSN = os.environ.get("CORRIDOR_TEST_POSTGRES", "postgresql://postgres@127.0.0.1:5432/test")
os.environ.setdefault("CORRIDOR_INSECURE_FAST_KDF", "1")


class Venue:
    """A provisioned demo venue plus its running relay and opened clients."""

    def __init__(self, layout: DemoLayout, relay: RelayProcess) -> None:
        self.layout = layout
        self.relay = relay
        self.clients: dict[str, Client] = {}

    def client(self, name: str) -> Client:
        c = self.clients.get(name)
        if c is None:
            c = Client.open(self.layout.home(name), self.layout.relay_url,
                            passphrase=self.layout.passphrase)
            self.clients[name] = c
        return c

    async def close(self, name: str | None = None) -> None:
        for n in [name] if name else list(self.clients):
            c = self.clients.pop(n, None)
            if c is not None:
                await c.close()

    async def sync_all(self, rounds: int = 2) -> None:
        for _ in range(rounds):
            for c in list(self.clients.values()):
                await c.sync()


def _pg_url() -> str:
    try:
        admin = psycopg.connect(PG_DSN, autocommit=True, connect_timeout=5)
    except psycopg.Error as exc:
        msg = f"PostgreSQL unreachable at {PG_DSN}: {type(exc).__name__}"
        if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
            pytest.fail(msg + " (CI is set, so this is a failure)")
        pytest.skip(msg)
    schema = f"corridor_client_{os.getpid()}_{secrets.token_hex(4)}"
    with admin:
        admin.execute(f'CREATE SCHEMA "{schema}"')
    sep = "&" if "?" in PG_DSN else "?"
    return f"{PG_DSN}{sep}options={quote(f'-csearch_path={schema}')}"


@pytest.fixture(params=["sqlite", "postgres"])
def backend(request: pytest.FixtureRequest) -> str:
    return str(request.param)


def start_venue(tmp: Path, database: str | None = None, missions: int = 3) -> Venue:
    # Devices here use the passphrase file: a keyring another test installed globally
    # (a fake, perhaps locked) must not leak into them.
    import keyring
    from keyring.backends import fail

    keyring.set_keyring(fail.Keyring())
    port = free_port()
    layout = provision(tmp, port, missions=missions, delegates=2)
    relay = RelayProcess(layout.relay_dir, database=database, port=port, env={
        "CORRIDOR_RELAY_REGISTER_RATE_PER_MINUTE": "6000"}).start()
    return Venue(layout, relay)


@pytest.fixture
async def venue(tmp_path: Path) -> AsyncIterator[Venue]:
    v = start_venue(tmp_path)
    try:
        yield v
    finally:
        await v.close()
        v.relay.stop()


@pytest.fixture
def pg_database() -> Iterator[str]:
    yield _pg_url()
