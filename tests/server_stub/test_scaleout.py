"""Two relay processes on one PostgreSQL: a message sent through one is pushed by the other."""

from __future__ import annotations

import asyncio
import os
from pathlib import Path

import httpx

from .conftest import RelayProcess
from .relay_client import APPLICATION, COMMIT, private_message


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
                await a.send(g, private_message(g, 0, COMMIT, b"add b"), add=[b.device_id],
                             welcome=b"welcome-b", welcome_to=[b.device_id])
                welcome = await wb.recv()
                assert welcome["type"] == "welcome"
                sent = await a.send(g, private_message(g, 1, APPLICATION, b"hello via one"))
                pushed = await wb.recv(timeout=5)
                assert pushed["type"] == "message" and pushed["seq"] == sent["seq"]
                assert pushed["sender"] == a.device_id
                # routing changes made through one are honoured by two's push cache
                await a.send(g, private_message(g, 1, COMMIT, b"add c"), add=[c.device_id])
                assert (await wb.recv())["type"] == "message"
                third = await a.send(g, private_message(g, 2, APPLICATION, b"to b and c"))
                got_b, got_c = await asyncio.gather(wb.recv(), wc.recv())
                assert got_b["seq"] == got_c["seq"] == third["seq"]
                # and a reply through two reaches a member connected to one
                async with a.websocket() as wa:
                    await wa.until("ready")
                    reply = await b.send(g, private_message(g, 2, APPLICATION, b"reply"))
                    frame = await wa.recv(timeout=5)
                    assert frame["seq"] == reply["seq"] and frame["sender"] == b.device_id
    finally:
        one.stop()
        two.stop()
