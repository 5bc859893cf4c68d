# SPDX-License-Identifier: Apache-2.0
"""THREATS 5 at the client: the relay serves one KeyPackage twice.

Real engines over the in-memory relay. Bea's second device's KeyPackage is used to add
it to one channel; the relay then hands the same KeyPackage to a second adder for
another channel. The second Welcome must create nothing on the invited device (its
private init key is gone after the first use), the first channel must keep working,
and a device with a fresh KeyPackage joins the second channel normally.
"""

from __future__ import annotations

import pytest

from client.events import ChannelJoined, ErrorEvent
from tests.support.devices import Dev, channel, send
from tests.support.pki import B_M, C_M, Issued, Pki


@pytest.fixture(scope="module")
def people(pki: Pki) -> dict[str, Issued]:
    return {"a": pki.device("alderia", "ana"), "b": pki.device(B_M, "bea"),
            "b2": pki.device(B_M, "bo"), "c": pki.device(C_M, "cy")}


async def test_a_key_package_served_twice_joins_only_once(
        pki: Pki, people: dict[str, Issued]) -> None:
    relay, d, gid1 = await channel(pki, people, names=("a", "b", "c"))
    b2 = await Dev(pki, relay, people["b2"]).register()
    offered = list(relay.key_packages[b2.device_id])
    # Bea's own device adds her new device to the first channel (own-mission rule)
    d["b"].engine.enqueue_membership(gid1)
    await d["b"].flush()
    joined = [e for e in await b2.pull() if isinstance(e, ChannelJoined)]
    assert [e.channel_id for e in joined] == [gid1]
    used = [kp for kp in offered if kp not in relay.key_packages[b2.device_id]]
    assert len(used) == 1

    # the relay serves the used package again, to Cy creating another channel
    relay.key_packages[b2.device_id].insert(0, used[0])
    gid2 = await d["c"].create("caucus", "second", [B_M])
    await d["c"].flush()
    events = await b2.pull()
    assert not [e for e in events if isinstance(e, ChannelJoined)], events
    assert [e.reason for e in events if isinstance(e, ErrorEvent)] == ["invitation refused"]
    assert gid2 not in {ch.channel_id for ch in b2.store.list_channels()}
    # the device with a fresh package (Bea) joined the second channel
    assert gid2 in {e.channel_id for e in await d["b"].pull() if isinstance(e, ChannelJoined)}

    # the first channel still works for the device whose package was reused
    await d["a"].pull()
    (msg,) = await send(d["a"], gid1, "still fine")
    b2.engine.receive([msg])
    assert b2.texts(gid1) == ["still fine"]
