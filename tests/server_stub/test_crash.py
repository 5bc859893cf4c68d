# SPDX-License-Identifier: Apache-2.0
"""THREATS 17: kill -9 the relay mid-traffic, restart it, lose nothing it acknowledged.

A real ``corridor-relay serve`` subprocess on loopback; three senders post
concurrently over HTTP while a receiver acks over the WebSocket; the relay is killed
with SIGKILL and restarted on the same store. Then: every message the relay
acknowledged is there, at the seq it was acknowledged with; the order has no gaps;
the receiver is never re-sent what it had acked (and the relay confirmed); in-flight
sends retried with the same client_msg_id are de-duplicated.
"""

from __future__ import annotations

import asyncio
import os
from pathlib import Path

import httpx
import pytest

from tests.support.relay_client import APPLICATION, RelayClient, RelayError, b64u, private_message
from tests.support.relay_process import RelayProcess


@pytest.fixture(params=["sqlite", "postgres"])
def database(request: pytest.FixtureRequest) -> str | None:
    if request.param == "sqlite":
        return None
    url: str = request.getfixturevalue("pg_url")
    return url


async def test_kill9_loses_nothing_acknowledged(tmp_path: Path, database: str | None) -> None:
    relay = RelayProcess(tmp_path / "relay", database,
                         env={"CORRIDOR_RELAY_RATE_PER_SECOND": "100000",
                              "CORRIDOR_RELAY_RATE_BURST": "100000"})
    relay.start()
    try:
        await _scenario(relay)
    finally:
        relay.stop()


async def _scenario(relay: RelayProcess) -> None:
    limits = httpx.Limits(max_connections=20)
    async with httpx.AsyncClient(base_url=relay.url, timeout=60, limits=limits) as http:
        senders = [await relay.client(http).enrol() for _ in range(3)]
        receiver = await relay.client(http).enrol()
        g = os.urandom(16)
        await senders[0].create_group(g)
        await senders[0].send_commit(g, add=[*senders[1:], receiver], welcome=False)
        acked_by_relay: dict[str, int] = {}  # client_msg_id -> seq the relay returned
        in_flight: dict[str, bytes] = {}
        received_before: list[int] = []
        confirmed_ack = 0
        stop = asyncio.Event()

        async def sender(idx: int, c: RelayClient) -> None:
            n = 0
            while not stop.is_set():
                cmid = f"s{idx}-{n}"
                msg = private_message(g, 1, APPLICATION, f"{cmid}".encode())
                in_flight[cmid] = msg
                try:
                    out = await c.send(g, msg, cmid)
                except (httpx.TransportError, RelayError):
                    return  # the relay died under us; cmid stays in flight
                del in_flight[cmid]
                acked_by_relay[cmid] = out["seq"]
                n += 1

        async def receive() -> None:
            nonlocal confirmed_ack
            try:
                async with receiver.websocket() as ws:
                    while not stop.is_set():
                        f = await ws.recv()
                        if f["type"] == "message":
                            received_before.append(f["seq"])
                            await ws.send({"type": "ack", "group_id": b64u(g),
                                           "seq": f["seq"]})
                        elif f["type"] == "acked":
                            confirmed_ack = max(confirmed_ack, f["seq"])
            except Exception:
                pass

        recv_task = asyncio.create_task(receive())
        send_tasks = [asyncio.create_task(sender(i, c)) for i, c in enumerate(senders)]
        # Up to 300 acknowledged, or 15 s of traffic once there is enough to judge; a
        # loaded machine gets there slowly, so "enough" may take up to 120 s.
        loop = asyncio.get_running_loop()
        started = loop.time()
        while len(acked_by_relay) < 300:
            enough = len(acked_by_relay) >= 50 and confirmed_ack > 0
            if (enough and loop.time() > started + 15) or loop.time() > started + 120:
                break
            await asyncio.sleep(0.02)
        await asyncio.to_thread(relay.kill9)
        stop.set()
        await asyncio.gather(*send_tasks)
        await asyncio.wait_for(recv_task, 60)
        assert len(acked_by_relay) >= 50, "too little traffic before the kill"
        assert confirmed_ack > 0, "the receiver never had an ack confirmed"

        await asyncio.to_thread(relay.start)

        # in-flight sends are retried with the same id: stored once at most
        for cmid, msg in list(in_flight.items()):
            idx = int(cmid[1:].split("-")[0])
            out = await senders[idx].send(g, msg, cmid)
            acked_by_relay[cmid] = out["seq"]

        # the whole log, read by a member that never acked: no gaps, all acked present
        log: list[dict] = []
        after = 0
        while True:
            page = await senders[0].messages(g, after=after, limit=1000)
            log.extend(page["messages"])
            if not page["messages"]:
                break
            after = page["messages"][-1]["seq"]
        seqs = [m["seq"] for m in log]
        assert seqs == list(range(1, len(seqs) + 1)), "gap or reorder in the group order"
        by_cmid = {m["client_msg_id"]: m["seq"] for m in log}
        assert len(by_cmid) == len(log), "a client_msg_id was stored twice"
        lost = {c: s for c, s in acked_by_relay.items() if by_cmid.get(c) != s}
        assert not lost, f"acknowledged messages lost or moved: {list(lost)[:5]}"

        print(f"acked={len(acked_by_relay)} in_flight={len(in_flight)} log={len(log)} "
              f"confirmed_ack={confirmed_ack} received={len(received_before)}")
        # the receiver reconnects: only what it had not (durably) acked comes back
        async with receiver.websocket() as ws:
            _, backlog = await ws.until("ready")
        redelivered = [f["seq"] for f in backlog if f["type"] == "message"]
        assert len(redelivered) == len(set(redelivered)), "duplicate within redelivery"
        assert all(s > confirmed_ack for s in redelivered), "an acked message came back"
        seen = set(received_before) | set(redelivered)
        assert set(range(2, seqs[-1] + 1)) <= seen, "the receiver missed messages"
