# SPDX-License-Identifier: Apache-2.0
"""The relay under database faults, against the real PostgreSQL on loopback.

The server is shared with other tests, so it is never stopped here: an outage is a cut
forwarder between one relay process and the server (:mod:`.tcp_cut`), and "backends
cut" is ``pg_terminate_backend`` on this relay's own connections (found by the
``application_name`` its URL sets). Stopping and restarting the server itself is the
opt-in fault run's business (``bench/fault_run.py --restart-postgres``).
"""

from __future__ import annotations

import asyncio
import os
import secrets
import time
import uuid
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import httpx
import psycopg
import pytest
from httpx_ws import WebSocketDisconnect

from tests.support.relay_client import APPLICATION, RelayClient, RelayError, private_message
from tests.support.relay_process import PG_DSN, RelayProcess

from .tcp_cut import Forwarder

pytestmark = pytest.mark.postgres


def _via(url: str, port: int) -> str:
    parts = urlsplit(url)
    host = parts.hostname or "127.0.0.1"
    user = f"{parts.username}@" if parts.username else ""
    return urlunsplit(parts._replace(netloc=f"{user}{host}:{port}"))


def _named(url: str, name: str) -> str:
    return f"{url}{'&' if '?' in url else '?'}application_name={name}"


def _terminate(name: str) -> int:
    """Cut every backend of the connections named ``name``; wait until they are gone."""
    with psycopg.connect(PG_DSN, autocommit=True) as admin:
        pids = [r[0] for r in admin.execute(
            "SELECT pid FROM pg_stat_activity WHERE application_name = %s", (name,))]
        for pid in pids:
            admin.execute("SELECT pg_terminate_backend(%s)", (pid,))
        deadline = time.monotonic() + 10
        while admin.execute("SELECT count(*) FROM pg_stat_activity WHERE pid = ANY(%s)",
                            (pids,)).fetchone()[0]:
            assert time.monotonic() < deadline, "backends survived pg_terminate_backend"
            time.sleep(0.02)
    return len(pids)


async def _status(c: RelayClient, method: str, path: str, **kw: object) -> int:
    r = await c.http.request(method, path, headers=c.headers, **kw)  # type: ignore[arg-type]
    if r.status_code >= 500:
        assert r.json()["error"] == "unavailable", r.text
        assert "Traceback" not in r.text
    return r.status_code


def _clean_log(relay: RelayProcess) -> None:
    text = relay.log_path.read_text()
    assert "Traceback" not in text
    assert "unhandled" not in text


async def test_database_down_is_503_then_back_without_a_failed_batch(
    tmp_path: Path, pg_url: str,
) -> None:
    cut = Forwarder(("127.0.0.1", urlsplit(pg_url).port or 5432)).up()
    relay = RelayProcess(tmp_path, _via(pg_url, cut.port)).start()
    try:
        async with httpx.AsyncClient(base_url=relay.url, timeout=30) as http:
            a = await relay.client(http).enrol()
            g = os.urandom(16)
            await a.create_group(g)
            first = await a.send(g, private_message(g, 0, APPLICATION, b"before"))
            cut.down()
            # reads, writes, registration and the push socket: 503/1013, never a 500
            assert await _status(a, "GET", "/v1/devices/me") == 503
            assert await _status(a, "GET", f"/v1/groups/{_b64u(g)}/messages") == 503
            resend_id = uuid.uuid4().hex
            body = a.send_body(private_message(g, 0, APPLICATION, b"during"), resend_id)
            assert await _status(a, "POST", f"/v1/groups/{_b64u(g)}/messages",
                                 json=body) == 503
            with pytest.raises(RelayError) as refused:
                await relay.client(http).register()
            assert refused.value.status == 503
            async with a.websocket() as ws:
                with pytest.raises(WebSocketDisconnect) as closed:
                    await ws.recv()
            assert closed.value.code == 1013
            assert (await http.get("/health")).status_code == 200  # alive, not ready
            not_ready = await http.get("/health/ready")
            assert not_ready.status_code == 503 and not_ready.json()["error"] == "unavailable"
            cut.up()
            assert (await http.get("/health/ready")).json()["status"] == "ready"
            # the first write after the database is back succeeds (no failed batch)
            resent = await a.send(g, private_message(g, 0, APPLICATION, b"during"),
                                  resend_id)
            assert resent["duplicate"] is False and resent["seq"] == first["seq"] + 1
            again = await a.send(g, private_message(g, 0, APPLICATION, b"during"), resend_id)
            assert again == {**resent, "duplicate": True}
            page = await a.messages(g)
            assert [m["seq"] for m in page["messages"]] == [first["seq"], resent["seq"]]
    finally:
        relay.stop()
        cut.down()
    _clean_log(relay)


async def test_terminated_backends_fail_no_request(tmp_path: Path, pg_url: str) -> None:
    """Every backend of the relay is cut while it is idle: the next writes (a whole
    concurrent batch of them) and reads succeed on fresh connections."""
    name = f"corridor-faults-{secrets.token_hex(4)}"
    relay = RelayProcess(tmp_path, _named(pg_url, name)).start()
    try:
        async with httpx.AsyncClient(base_url=relay.url, timeout=30) as http:
            a = await relay.client(http).enrol()
            g = os.urandom(16)
            await a.create_group(g)
            await a.send(g, private_message(g, 0, APPLICATION, b"m0"))
            assert _terminate(name) >= 3  # the writer, a reader, the listener
            for _round in range(2):
                sent = await asyncio.gather(*(
                    a.send(g, private_message(g, 0, APPLICATION, f"m{i}".encode()))
                    for i in range(20)))
                assert all(not s["duplicate"] for s in sent)
                assert _terminate(name) >= 1
                page = await a.messages(g)  # a read on a cut connection is retried
                seqs = [m["seq"] for m in page["messages"]]
                assert seqs == list(range(1, len(seqs) + 1))
                assert _terminate(name) >= 1
            assert len(seqs) == 41
    finally:
        relay.stop()
    _clean_log(relay)


async def test_listener_cut_makes_sockets_catch_up(tmp_path: Path, pg_url: str) -> None:
    """A relay whose LISTEN connection was cut may have missed pushes from another
    process: it closes its sockets with 1012, and the reconnecting device's backlog holds
    the message sent through the other process meanwhile."""
    name = f"corridor-faults-{secrets.token_hex(4)}"
    one = RelayProcess(tmp_path / "one", pg_url).start()
    two = RelayProcess(tmp_path / "two", _named(pg_url, name)).start()
    try:
        async with (httpx.AsyncClient(base_url=one.url, timeout=30) as h1,
                    httpx.AsyncClient(base_url=two.url, timeout=30) as h2):
            a = await one.client(h1).enrol()
            b = await two.client(h2).enrol()
            g = os.urandom(16)
            await a.create_group(g)
            await a.send_commit(g, add=[b])
            async with b.websocket() as wb:
                await wb.until("ready")
                _terminate(name)
                sent = await a.send(g, private_message(g, 1, APPLICATION, b"meanwhile"))
                with pytest.raises(WebSocketDisconnect) as closed:
                    while True:
                        await wb.recv()
                assert closed.value.code == 1012
            async with b.websocket() as wb:
                _ready, backlog = await wb.until("ready")
            assert sent["seq"] in [f["seq"] for f in backlog if f["type"] == "message"]
    finally:
        one.stop()
        two.stop()
    _clean_log(one)
    _clean_log(two)


def _b64u(data: bytes) -> str:
    import base64

    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()
