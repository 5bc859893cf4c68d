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

from tests.support.client_venue import Venue, start_venue
from tests.support.pki import Pki

PG_DSN = os.environ.get("CORRIDOR_TEST_POSTGRES", "postgresql://postgres@127.0.0.1:5432/test")
os.environ.setdefault("CORRIDOR_INSECURE_FAST_KDF", "1")


@pytest.fixture(scope="module")
def pki() -> Pki:
    """The engine tests' venue PKI: one per module (a module's people share a root)."""
    return Pki()


def _pg_url() -> Iterator[str]:
    """A URL whose search_path is a schema made for one test, dropped after it."""
    try:
        admin = psycopg.connect(PG_DSN, autocommit=True, connect_timeout=5)
    except psycopg.Error as exc:
        msg = f"PostgreSQL unreachable at {PG_DSN}: {type(exc).__name__}"
        if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
            pytest.fail(msg + " (CI is set, so this is a failure)")
        pytest.skip(msg)
    schema = f"corridor_client_{os.getpid()}_{secrets.token_hex(4)}"
    sep = "&" if "?" in PG_DSN else "?"
    with admin:
        admin.execute(f'CREATE SCHEMA "{schema}"')
        try:
            yield f"{PG_DSN}{sep}options={quote(f'-csearch_path={schema}')}"
        finally:
            admin.execute("SET lock_timeout = '60s'")  # a stuck connection fails, not hangs
            admin.execute(f'DROP SCHEMA "{schema}" CASCADE')


@pytest.fixture(params=["sqlite", "postgres"])
def backend(request: pytest.FixtureRequest) -> str:
    return str(request.param)


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
    yield from _pg_url()
