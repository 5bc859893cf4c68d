# SPDX-License-Identifier: Apache-2.0
"""Fixtures: storage URLs for both backends and an in-process relay (the relay helpers
themselves are in :mod:`tests.support.relay_process`).

Every relay here is initialised for a real venue (``root.pem`` in its data directory,
from :mod:`tests.support.pki`; by default the session's venue) and admits devices only
by certificate chain, like a deployed relay.

PostgreSQL: DSN from ``CORRIDOR_TEST_POSTGRES`` (default
``postgresql://postgres@127.0.0.1:5432/test``). Each test gets a fresh schema, dropped
at its end, so neither tests nor parallel runs see each other's rows. If the server is
unreachable the PostgreSQL tests fail when ``CI`` is set and are skipped (with the
reason) otherwise.
"""

from __future__ import annotations

import asyncio
import os
import secrets
from collections.abc import AsyncIterator, Iterator, Sequence
from pathlib import Path
from urllib.parse import quote

import psycopg
import pytest

from server_stub.settings import Settings
from server_stub.storage.base import Event, Storage
from server_stub.storage.factory import open_storage
from tests.support.pki import Pki, session_venue
from tests.support.relay_process import PG_DSN, InProcess, in_process


def _with_schema(dsn: str, schema: str) -> str:
    sep = "&" if "?" in dsn else "?"
    return f"{dsn}{sep}options={quote(f'-csearch_path={schema}')}"


@pytest.fixture
def pg_url() -> Iterator[str]:
    """A PostgreSQL URL whose search_path is a schema made for this test alone.

    One schema per test, not per session: tests that read whole tables (the directory,
    the routing list, the devices of a venue) saw the rows other tests left behind, so
    test_admission_by_chain[postgres] failed after test_refusals.py.
    """
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
            # A relay's connection left idle in a transaction would block the drop for
            # ever: fail the teardown loudly instead of hanging the run.
            admin.execute("SET lock_timeout = '60s'")
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


@pytest.fixture
async def store(db_url: str) -> AsyncIterator[tuple[Storage, list[Event]]]:
    """The storage contract of ``db_url``, opened, with the events it reported."""
    events: list[Event] = []

    def sink(evs: Sequence[Event]) -> None:
        events.extend(evs)

    s = open_storage(db_url)
    await s.open(sink)
    try:
        yield s, events
    finally:
        await s.close()
