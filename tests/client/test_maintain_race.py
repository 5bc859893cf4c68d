# SPDX-License-Identifier: Apache-2.0
"""A message queued while sync reads the directory for membership upkeep: the upkeep
probes its own outbox item, not the channel's first (found by bench/fault_run.py, where
an AssertionError on every sync kept such a device's outbox from ever sending)."""

from __future__ import annotations

from client import payloads
from tests.support.client_venue import Venue

A, B = "alderia-ana", "borduria-ana"


async def test_message_queued_during_membership_upkeep(venue: Venue) -> None:
    v = venue
    a, b = v.client(A), v.client(B)
    await v.sync_all(1)
    cid = await a.create_channel("bilateral", "race", ["borduria"])
    await v.sync_all(1)
    # the demo venue has a transparency log: the directory is read with its proofs
    real = a.transport.logged_devices
    queued: list[bytes] = []

    async def logged_devices(mission_id: str | None, since: int | None):  # a send lands
        if not queued:                                                    # mid-upkeep
            queued.append(a.engine.enqueue_payload(bytes.fromhex(cid), payloads.Text(
                message_id=payloads.new_message_id(), sent_at=payloads.now_ms(),
                body="sent during upkeep")))
        return await real(mission_id, since)

    a.transport.logged_devices = logged_devices  # type: ignore[method-assign]
    await a.sync()
    a.transport.logged_devices = real  # type: ignore[method-assign]
    assert queued
    mid = queued[0].hex()
    assert not a.message(mid).sending  # sent, not stuck behind a failing upkeep
    await b.sync()
    assert b.message(mid).text == "sent during upkeep"
