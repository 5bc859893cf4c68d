# SPDX-License-Identifier: Apache-2.0
"""THREATS 6 end to end: the real relay routes each Welcome with the commit it rode on,
and a device joins only from a Welcome that names that accepted commit.

The attacker is a view of the real relay (a wrapper around the device's real
HttpTransport) that hands the invited device the Welcome of a commit that lost its
epoch (409) instead of the winner's. No channel may come of it; the honest Welcome,
delivered afterwards, still works.
"""

from __future__ import annotations

import msgspec
import pytest

from client.engine import new_group_id
from client.engine.envelope import envelope
from client.events import ChannelJoined, ErrorEvent, MessageReceived
from client.transport import EpochConflictError, HttpTransport, RelayMessage, RelayWelcome
from crypto.group import Group
from crypto.messages import KeyPackage
from tests.support.client_venue import Venue

A, B = "alderia-ana", "borduria-ana"


class LosingWelcomeView(HttpTransport):
    """While ``substitute`` is set, every Welcome's bytes are replaced by it (the
    accepted commit stays) and its ack is swallowed, so the real one stays queued."""

    substitute: bytes | None = None
    swallowed: frozenset[int] = frozenset()

    async def inbox(self, *, messages: bool = True,
                    ) -> tuple[list[RelayMessage], list[RelayWelcome]]:
        msgs, welcomes = await super().inbox(messages=messages)
        if self.substitute is None:
            return msgs, welcomes
        self.swallowed = frozenset(w.id for w in welcomes)
        return msgs, [RelayWelcome(w.id, w.sender, self.substitute, w.commit)
                      for w in welcomes]

    async def ack(self, acks: list[tuple[bytes, int]], welcomes: list[int]) -> None:
        keep = [w for w in welcomes if self.substitute is None or w not in self.swallowed]
        await super().ack(acks, keep)


async def test_the_losing_commits_welcome_creates_no_channel(venue: Venue) -> None:
    a, b = venue.client(A), venue.client(B)
    bt = LosingWelcomeView(venue.layout.relay_url, b.engine.me.seed)
    await b.transport.close()
    b.transport = bt
    await b.sync()  # registered, KeyPackages published
    await a.sync()
    gid = new_group_id()
    a.engine.create_channel(gid, "multilateral", "wg", ["borduria"])
    await a.transport.create_group(gid, a.engine.group_info(gid))
    # the attacker's Add of b, built by a on the same epoch, with a KeyPackage of b's
    g = Group.from_bytes(a.engine._group(gid).to_bytes(), credential_validator=a.engine.trust)
    kp = KeyPackage.from_bytes(await a.transport.claim_key_package(b.device_id))
    lost = g.commit(add=[kp], authenticated_data=envelope(g, msgspec.msgpack.encode([])),
                    handshake_encrypted=False)
    assert lost.welcome is not None
    await a.flush()  # the engine's founding commit (adding b too) takes epoch 0
    with pytest.raises(EpochConflictError):
        await a.transport.post(gid, "c.lost", lost.message,
                               welcome=lost.welcome, welcome_to=[b.device_id])
    bt.substitute = lost.welcome
    events = await b.sync()
    assert [(e.reason, e.detail) for e in events if isinstance(e, ErrorEvent)
            and e.channel_id is None] == [("invitation refused", "ProtocolError")]
    assert not [e for e in events if isinstance(e, ChannelJoined)]
    assert gid not in {c.channel_id for c in b.store.list_channels()}
    # the honest path: the real Welcome (still queued at the relay) joins
    bt.substitute = None
    events = await b.sync()
    assert [e.channel_id for e in events if isinstance(e, ChannelJoined)] == [gid]
    assert b.engine._group(gid).epoch_authenticator == \
        a.engine._group(gid).epoch_authenticator
    await a.send_text(gid.hex(), "hello")
    events = await b.sync()
    assert [e.kind for e in events if isinstance(e, MessageReceived)] == ["text"]


async def test_a_welcome_without_its_commit_creates_no_channel(venue: Venue) -> None:
    """A relay that leaves the commit out gets nothing joined either."""
    a, b = venue.client(A), venue.client(B)
    await b.sync()
    await a.sync()
    cid = await a.create_channel("caucus", "c", ["borduria"])
    _m, welcomes = await b.transport.inbox()
    (w,) = welcomes
    assert w.commit is not None  # the real relay sends it
    events = b.engine.receive_welcome(RelayWelcome(w.id, w.sender, w.message, None))
    assert [e.reason for e in events if isinstance(e, ErrorEvent)] == ["invitation refused"]
    assert bytes.fromhex(cid) not in {c.channel_id for c in b.store.list_channels()}
    events = b.engine.receive_welcome(w)
    assert [e.channel_id for e in events if isinstance(e, ChannelJoined)] == [bytes.fromhex(cid)]
