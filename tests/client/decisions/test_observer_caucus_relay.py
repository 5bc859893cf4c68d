# SPDX-License-Identifier: Apache-2.0
"""An observer never joins a caucus, even when a modified member's client commits the
observer's KeyPackage into one and sends it the Welcome (the chair's, the one the
relay lets add devices): over the real relay on
loopback, every honest member refuses the commit (membership unchanged, the channel
still usable) and the observer's own client refuses the Welcome."""

from __future__ import annotations

from typing import cast

import pytest

from client.core import Client
from client.engine import Engine
from client.transport import RelayRefused
from crypto.group import Group
from tests.support.decisions_venue import DecisionsVenue
from tests.support.devices import Dev, raw_commit

CHAIR = "alderia-ana"
MEMBERS = [CHAIR, "borduria-ana", "carpania-ana"]
OBSERVER = "track2-ana"
FORGER = CHAIR  # the only member the relay lets add devices to the caucus


class _Insider:
    """The few parts of a test device :func:`raw_commit` uses, over a real client: the
    modified client builds its commit from its own raw MLS group, skipping its checks."""

    def __init__(self, client: Client) -> None:
        self.engine: Engine = client.engine
        self.t = client.transport

    def group(self, gid: bytes) -> Group:
        return self.engine._group(gid)


async def test_a_modified_client_cannot_bring_an_observer_into_a_caucus(
        observer_venue: DecisionsVenue) -> None:
    v = observer_venue
    for n in [*MEMBERS, OBSERVER]:
        v.client(n)
    await v.sync_all(1)
    observer_device = v.client(OBSERVER).engine.me.device_id
    insider = cast(Dev, _Insider(v.client(FORGER)))

    # a caucus whose charter does not name the observer's mission: the relay refuses
    plain = bytes.fromhex(await v.client(CHAIR).create_channel(
        "caucus", "Inner circle", ["borduria", "carpania"]))
    await v.sync_all(2)
    c = await raw_commit(insider, plain, add=[
        await v.client(FORGER).transport.claim_key_package(observer_device)])
    with pytest.raises(RelayRefused, match="not in the charter"):
        await v.client(FORGER).transport.post(plain, "c.forged-plain", c.message,
                                              welcome=c.welcome, welcome_to=c.welcome_to)

    # a caucus whose charter names it (the relay cannot tell an observer): the clients
    cid = await v.client(CHAIR).create_channel("caucus", "Like-minded",
                                               ["borduria", "carpania", "track2"])
    await v.sync_all(2)
    gid = bytes.fromhex(cid)
    honest = ["borduria-ana", "carpania-ana"]
    before = {n: v.client(n).engine._group(gid).epoch for n in honest}
    assert cid not in [c.channel_id.hex() for c in v.client(OBSERVER).store.list_channels()]

    # the modified client commits the observer's KeyPackage and sends it the Welcome
    forged = await raw_commit(insider, gid, welcome_info=True,
                              add=[await v.client(FORGER).transport.claim_key_package(
                                  observer_device)])
    assert forged.welcome is not None and forged.welcome_to
    await v.client(FORGER).transport.post(gid, "c.forged-observer", forged.message,
                                          welcome=forged.welcome,
                                          welcome_to=forged.welcome_to)
    # the observer takes its Welcome before anyone refuses the commit (the relay would
    # then withdraw it): its own client must refuse to join
    await v.client(OBSERVER).sync()
    assert cid not in [c.channel_id.hex() for c in v.client(OBSERVER).store.list_channels()]
    await v.sync_all(3)

    for n in honest:  # every honest member refused the commit
        eng = v.client(n).engine
        assert eng._group(gid).epoch == before[n], n
        assert {m.ident.mission_id for m in eng.members(gid)} == {
            "alderia", "borduria", "carpania"}, n
    # the observer's client refused the Welcome: no caucus in its store
    assert cid not in [c.channel_id.hex() for c in v.client(OBSERVER).store.list_channels()]

    # the caucus still works for its honest members
    await v.client("borduria-ana").send_text(cid, "Our line for tomorrow.")
    await v.sync_all(2)
    assert "Our line for tomorrow." in [m.text for m in v.client("carpania-ana").messages(cid)]
