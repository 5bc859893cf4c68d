# SPDX-License-Identifier: Apache-2.0
"""``GET /metrics``: Prometheus metrics scraped from a real relay process after traffic."""

from __future__ import annotations

import os
from pathlib import Path

import httpx
from prometheus_client.parser import text_string_to_metric_families

from server_stub.settings import Settings
from tests.support.relay_client import APPLICATION, RelayError, private_message
from tests.support.relay_process import RelayProcess, in_process


def _samples(text: str) -> dict[tuple[str, tuple[tuple[str, str], ...]], float]:
    return {(s.name, tuple(sorted(s.labels.items()))): s.value
            for f in text_string_to_metric_families(text) for s in f.samples}


async def test_metrics_scraped_after_traffic(tmp_path: Path) -> None:
    relay = RelayProcess(tmp_path).start()
    try:
        async with httpx.AsyncClient(base_url=relay.url, timeout=10) as http:
            a = await relay.client(http).enrol()
            b = await relay.client(http).enrol()
            g = os.urandom(16)
            await a.create_group(g)
            await a.send_commit(g, add=[b])
            async with b.websocket() as wb:
                await wb.until("ready")
                for i in range(5):
                    await a.send(g, private_message(g, 1, APPLICATION, b"m%d" % i))
                for _ in range(5):
                    assert (await wb.recv())["type"] == "message"
                await wb.send({"type": "nonsense"})  # a refused frame
                assert (await wb.recv())["error"] == "invalid_frame"
                r = await http.get("/v1/devices/me", headers={"Authorization": "Bearer x"})
                assert r.status_code == 401
                try:
                    await a.send(g, private_message(os.urandom(16), 1, APPLICATION, b"x"))
                except RelayError as exc:
                    assert exc.status == 400
                scrape = await http.get("/metrics")
            after = await http.get("/metrics")
        assert scrape.status_code == 200
        assert scrape.headers["content-type"].startswith("text/plain")
        m = _samples(scrape.text)
        assert m[("corridor_relay_ingested_messages_total", ())] == 6
        assert m[("corridor_relay_write_batches_total", ())] >= 6
        assert m[("corridor_relay_connected_devices", ())] == 1
        assert m[("corridor_relay_open_sockets", ())] == 1
        assert m[("corridor_relay_push_latency_seconds_count", ())] >= 5
        assert m[("corridor_relay_pushed_frames_total", ())] == 5
        assert ("corridor_relay_write_queue_depth", ()) in m
        assert ("corridor_relay_push_queue_depth", ()) in m
        refusals = {dict(k[1])["reason"]: v for k, v in m.items()
                    if k[0] == "corridor_relay_refusals_total"}
        assert refusals == {"invalid_frame": 1, "unauthorized": 1, "bad_request": 1}
        assert _samples(after.text)[("corridor_relay_connected_devices", ())] == 0
        # nothing in a scrape names a device or a group
        for ident in (a.device_id, b.device_id, g.hex()):
            assert ident not in scrape.text
    finally:
        relay.stop()


async def test_metrics_are_refused_to_a_remote_peer(tmp_path: Path) -> None:
    async with in_process(Settings(data_dir=tmp_path)) as relay:
        remote = httpx.ASGITransport(app=relay.app, client=("192.0.2.7", 40000))
        async with httpx.AsyncClient(transport=remote, base_url="http://relay") as http:
            r = await http.get("/metrics")
            assert r.status_code == 403 and r.json()["error"] == "forbidden"
            assert (await http.get("/health/ready")).json()["status"] == "ready"
        local = httpx.ASGITransport(app=relay.app, client=("127.0.0.1", 40000))
        async with httpx.AsyncClient(transport=local, base_url="http://relay") as http:
            assert (await http.get("/metrics")).status_code == 200
