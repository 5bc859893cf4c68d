# SPDX-License-Identifier: Apache-2.0
"""Two relay processes on one PostgreSQL: a message sent through one is pushed by the
other, and a device revoked through one loses access on the other at once."""

from __future__ import annotations

import asyncio
import os
import secrets
import time
from pathlib import Path

import httpx
import pytest
from httpx_ws import WebSocketDisconnect

from tests.support.pki import Pki
from tests.support.relay_client import APPLICATION, RelayError, b64, private_message
from tests.support.relay_process import RelayProcess


async def test_push_crosses_relay_processes(tmp_path: Path, pg_url: str) -> None:
    one = RelayProcess(tmp_path / "one", pg_url)
    two = RelayProcess(tmp_path / "two", pg_url)
    one.start()
    two.start()
    try:
        async with (httpx.AsyncClient(base_url=one.url, timeout=10) as h1,
                    httpx.AsyncClient(base_url=two.url, timeout=10) as h2):
            a = await one.client(h1).enrol()  # talks to relay one
            b = await two.client(h2).enrol()  # listens on relay two
            c = await two.client(h2).enrol()
            g = os.urandom(16)
            await a.create_group(g)
            async with b.websocket() as wb, c.websocket() as wc:
                await wb.until("ready")
                await wc.until("ready")
                await a.send_commit(g, add=[b])
                welcome = await wb.recv()
                assert welcome["type"] == "welcome"
                sent = await a.send(g, private_message(g, 1, APPLICATION, b"hello via one"))
                pushed = await wb.recv()
                assert pushed["type"] == "message" and pushed["seq"] == sent["seq"]
                assert pushed["sender"] == a.device_id
                # routing changes made through one are honoured by two's push cache
                await a.send_commit(g, add=[c], welcome=False)
                assert (await wb.recv())["type"] == "message"
                third = await a.send(g, private_message(g, 2, APPLICATION, b"to b and c"))
                got_b, got_c = await asyncio.gather(wb.recv(), wc.recv())
                assert got_b["seq"] == got_c["seq"] == third["seq"]
                # and a reply through two reaches a member connected to one
                async with a.websocket() as wa:
                    await wa.until("ready")
                    reply = await b.send(g, private_message(g, 2, APPLICATION, b"reply"))
                    frame = await wa.recv()
                    assert frame["seq"] == reply["seq"] and frame["sender"] == b.device_id
    finally:
        one.stop()
        two.stop()


async def test_revocation_through_one_process_drops_the_device_on_every_process(
    tmp_path: Path, pg_url: str,
) -> None:
    """A CRL stored through relay one revokes at once on relay two as well: two drops the
    device's cached authentication (its 30 s "device ok" cache) and closes its sockets,
    because the revocation travels with the store's LISTEN/NOTIFY events."""
    tag = secrets.token_hex(3)
    pki = Pki(missions=(f"revoking{tag}",), name=f"Revocation Venue {tag}")
    one = RelayProcess(tmp_path / "one", pg_url, venue=pki)
    two = RelayProcess(tmp_path / "two", pg_url, venue=pki)
    one.start()
    two.start()
    try:
        async with (httpx.AsyncClient(base_url=one.url, timeout=10) as h1,
                    httpx.AsyncClient(base_url=two.url, timeout=10) as h2):
            admin = await one.client(h1).enrol()
            victim_cert = pki.device(delegate="victim")
            victim = await pki.client(h2, victim_cert).enrol()  # registered through two
            victim_on_one = pki.client(h1, victim_cert)
            victim_on_one.token = victim.token  # one bearer token, honoured by both
            bystander = await two.client(h2).enrol()
            # both processes have checked the victim's standing (and cached it)
            assert (await victim._json("GET", "/v1/devices/me"))["device_id"] == \
                victim.device_id
            assert (await victim_on_one._json("GET", "/v1/devices/me"))["device_id"] == \
                victim.device_id
            async with victim.websocket() as w2, victim_on_one.websocket() as w1:
                await w2.until("ready")
                await w1.until("ready")
                started = time.monotonic()
                crl = pki.crl(pki.default_mission, [victim_cert.serial])
                out = await admin._json("POST", "/v1/directory/crls", {"crl": b64(crl)})
                assert out["revoked"] == [victim.device_id]
                for ws in (w1, w2):  # the socket on two closes too, not only one's
                    with pytest.raises(WebSocketDisconnect) as closed:
                        await ws.recv()
                    assert closed.value.code == 4403
            # two refuses the victim's token now, well inside its 30 s cache period
            with pytest.raises(RelayError) as refused:
                await victim._json("GET", "/v1/devices/me")
            assert refused.value.status == 401
            assert time.monotonic() - started < 30  # before the cache would have expired
            with pytest.raises(RelayError) as refused:
                await victim.login()
            assert refused.value.status == 401
            # others are untouched, on both processes
            assert (await bystander._json("GET", "/v1/devices/me"))["device_id"] == \
                bystander.device_id
            assert (await admin._json("GET", "/v1/devices/me"))["device_id"] == \
                admin.device_id
    finally:
        one.stop()
        two.stop()
    for relay in (one, two):
        assert "Traceback" not in relay.log_path.read_text()


async def test_push_keeps_group_order_across_processes(tmp_path: Path, pg_url: str) -> None:
    """Two devices post to one group at once through two processes: a device on the
    second gets every message once and in seq order (that process's own commits do
    not overtake the first's, which reach it later by NOTIFY)."""
    one = RelayProcess(tmp_path / "one", pg_url).start()
    two = RelayProcess(tmp_path / "two", pg_url).start()
    try:
        async with (httpx.AsyncClient(base_url=one.url, timeout=30) as h1,
                    httpx.AsyncClient(base_url=two.url, timeout=30) as h2):
            a = await one.client(h1).enrol()
            c = await two.client(h2).enrol()
            b = await two.client(h2).enrol()
            g = os.urandom(16)
            await a.create_group(g)
            await a.send_commit(g, add=[b, c])
            async with b.websocket() as wb:
                await wb.until("ready")

                async def burst(dev, n: int) -> None:
                    for i in range(n):
                        await dev.send(g, private_message(g, 1, APPLICATION, b"%d" % i))

                await asyncio.gather(burst(a, 60), burst(c, 60))
                seqs = []
                while len(seqs) < 120:
                    f = await wb.recv()
                    if f["type"] == "message":
                        seqs.append(f["seq"])
            # the commit (seq 1) reached b with its Welcome; then 2..121, in order
            assert seqs == list(range(2, 122))
    finally:
        one.stop()
        two.stop()
