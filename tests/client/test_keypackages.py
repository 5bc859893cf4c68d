# SPDX-License-Identifier: Apache-2.0
"""THREATS 5 at the client, over a real relay: the last-resort KeyPackage and one-time
packages used once.

A device publishes one last-resort package (the relay's ``last_resort`` field) whose
private part its store keeps: two adders who find no one-time package left both get it,
and the device joins both channels with it. It then replaces it (the relay serves the
new one) and replaces it again on its schedule; one-time packages are topped up when
the relay's count runs low. A one-time package the relay serves twice joins once: the
second Welcome is refused.
"""

from __future__ import annotations

import asyncio

import pytest

from client import core
from client.core import upkeep
from client.events import ChannelJoined, ErrorEvent
from crypto.messages import KeyPackage
from crypto.messages.key_package import KeyPackageBundle
from crypto.suites import get_suite
from demo.venue import add_device
from tests.support.client_venue import Venue

A, B, C = "alderia-ana", "borduria-ana", "carpania-ana"


def _ref(kp: bytes) -> bytes:
    from crypto.messages import make_key_package_ref

    return make_key_package_ref(get_suite(0x0003), KeyPackage.from_bytes(kp))


async def _texts(client: core.Client, cid: str) -> list[str]:
    await client.sync()
    return [m.text for m in client.messages(cid, limit=100)]


async def test_last_resort_package_joins_twice_then_rotates(
        venue: Venue, monkeypatch: pytest.MonkeyPatch) -> None:
    v = venue
    a, c = v.client(A), v.client(C)
    await a.sync()
    await c.sync()
    # a device whose one-time packages are all gone (it publishes none here)
    monkeypatch.setattr(upkeep, "KEY_PACKAGE_LOW", 0)
    x = v.client(add_device(v.layout, "borduria", "ana"))
    await x.sync()
    assert await x.transport.key_package_count() == (0, True)
    first = x.engine._last_resort()
    assert first.current and not first.used
    st = x.store.get_key_package(first.current)
    assert st is not None and st.last_resort  # its private part is in the (encrypted) store
    old_kp = KeyPackageBundle.from_bytes(st.bundle).key_package.to_bytes()

    # two adders, no one-time package left: both get the last-resort one
    claimed: list[bytes] = []
    for adder in (a, c):
        real = adder.transport.claim_key_package

        async def spy(device_id: str, real: object = real) -> bytes:
            kp = await real(device_id)  # type: ignore[operator]
            if device_id == x.device_id:
                claimed.append(kp)
            return kp

        monkeypatch.setattr(adder.transport, "claim_key_package", spy)
    cid1 = await a.create_channel("bilateral", "one", ["borduria"])
    cid2 = await c.create_channel("bilateral", "two", ["borduria"])
    assert claimed == [old_kp, old_kp]

    events = await x.sync()
    joined = {e.channel_id.hex() for e in events if isinstance(e, ChannelJoined)}
    assert joined == {cid1, cid2}, events
    assert not [e for e in events if isinstance(e, ErrorEvent)], events
    await a.send_text(cid1, "to one")
    await c.send_text(cid2, "to two")
    assert await _texts(x, cid1) == ["to one"]
    assert await _texts(x, cid2) == ["to two"]

    # used, so replaced: the relay now serves a new package; the old bundle stays
    second = x.engine._last_resort()
    assert second.current != first.current and not second.used
    assert first.current in second.refs
    got = await a.transport.claim_key_package(x.device_id)
    assert got != old_kp and _ref(got) == second.current

    # ... and on its schedule, without any use
    x.engine.last_resort_seconds = 1
    await asyncio.sleep(1.1)
    await x.sync()
    third = x.engine._last_resort()
    assert third.current not in (first.current, second.current)
    assert _ref(await c.transport.claim_key_package(x.device_id)) == third.current

    # one-time packages are topped up when the relay's count is low
    monkeypatch.setattr(upkeep, "KEY_PACKAGE_LOW", 8)
    x.upkeep.kp_check = True
    await x.sync()
    assert await x.transport.key_package_count() == (core.KEY_PACKAGE_TARGET, True)
    one_time = await a.transport.claim_key_package(x.device_id)
    assert _ref(one_time) != third.current


async def test_a_one_time_package_served_twice_joins_once(
        venue: Venue, monkeypatch: pytest.MonkeyPatch) -> None:
    v = venue
    a, c = v.client(A), v.client(C)
    await a.sync()
    await c.sync()
    x = v.client(add_device(v.layout, "borduria", "ana"))
    await x.sync()
    available, has_last_resort = await x.transport.key_package_count()
    assert available == core.KEY_PACKAGE_TARGET and has_last_resort

    served: dict[str, bytes] = {}
    real_a = a.transport.claim_key_package

    async def record(device_id: str) -> bytes:
        served[device_id] = await real_a(device_id)
        return served[device_id]

    async def replay(device_id: str) -> bytes:  # the relay serves the same one again
        return served[device_id]

    monkeypatch.setattr(a.transport, "claim_key_package", record)
    monkeypatch.setattr(c.transport, "claim_key_package", replay)
    cid1 = await a.create_channel("bilateral", "one", ["borduria"])
    cid2 = await c.create_channel("bilateral", "two", ["borduria"])
    assert _ref(served[x.device_id]) != x.engine._last_resort().current  # a one-time one

    events = await x.sync()
    assert [e.channel_id.hex() for e in events if isinstance(e, ChannelJoined)] == [cid1]
    assert [e.reason for e in events if isinstance(e, ErrorEvent)] == ["invitation refused"]
    assert cid2 not in {ch.channel_id.hex() for ch in x.store.list_channels()}
    await a.send_text(cid1, "still fine")
    assert await _texts(x, cid1) == ["still fine"]
