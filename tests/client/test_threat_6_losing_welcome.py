# SPDX-License-Identifier: Apache-2.0
"""THREATS 6 at the client: a forged Welcome, or the Welcome of a commit the relay did
not accept, must create no channel on the invited device.

Real engines over the in-memory relay. Bea's device commits the Add of her new device,
but the convener's commit wins the epoch; the hostile relay hands the loser's Welcome
to the new device anyway. ``crypto.group.Group.join`` can refuse it when given the
accepted commit (``commit_message``, tested in tests/crypto/test_group_adversarial.py)
but ``client.engine.Engine.receive_welcome`` never passes one.
"""

from __future__ import annotations

import dataclasses
from typing import Any

import msgspec
import pytest

from client.engine.envelope import envelope
from client.events import ChannelJoined, ErrorEvent
from client.transport import RelayWelcome
from crypto.group import Group
from crypto.messages import KeyPackage
from tests.support.devices import Dev, channel
from tests.support.pki import B_M, Issued, Pki

# The Welcome-routing work adds the accepted commit to RelayWelcome; until it lands
# the engine has no commit to check against and the losing Welcome is joined.
_CARRIES_COMMIT = "commit" in {f.name for f in dataclasses.fields(RelayWelcome)}


def welcome(wid: int, message: bytes, commit: bytes) -> RelayWelcome:
    """The Welcome as the relay delivers it, with the commit its log shows as accepted."""
    if _CARRIES_COMMIT:
        extra: dict[str, Any] = {"commit": commit}
        return RelayWelcome(wid, "relay", message, **extra)
    return RelayWelcome(wid, "relay", message)


@pytest.fixture(scope="module")
def people(pki: Pki) -> dict[str, Issued]:
    return {"a": pki.device("alderia", "ana"), "b": pki.device(B_M, "bea"),
            "b2": pki.device(B_M, "bo")}


async def losing_welcome(pki: Pki, people: dict[str, Issued]
                         ) -> tuple[bytes, Dev, bytes, bytes]:
    relay, d, gid = await channel(pki, people)
    a, b = d["a"], d["b"]
    b2 = await Dev(pki, relay, people["b2"]).register()
    g = Group.from_bytes(b.group(gid).to_bytes(), credential_validator=b.engine.trust)
    kp = KeyPackage.from_bytes(await b.t.claim_key_package(b2.device_id))
    lost = g.commit(add=[kp], authenticated_data=envelope(g, msgspec.msgpack.encode([])),
                    handshake_encrypted=False)
    assert lost.welcome is not None
    # the convener's commit takes the epoch
    a.engine.enqueue_membership(gid, a.engine.roster(gid).with_changes(name="renamed"))
    await a.flush()
    winner = relay.groups[gid].messages[-1].message
    await b.pull()
    assert b.epoch(gid) == a.epoch(gid) == g.epoch + 1  # the winner took the epoch
    assert b.group(gid).epoch_authenticator == a.group(gid).epoch_authenticator
    return winner, b2, gid, lost.welcome


async def test_a_forged_welcome_creates_nothing(pki: Pki, people: dict[str, Issued]) -> None:
    winner, b2, gid, lost = await losing_welcome(pki, people)
    forged = bytearray(lost)
    forged[len(forged) // 2] ^= 0x04
    events = b2.engine.receive_welcome(welcome(1, bytes(forged), winner))
    assert [e.reason for e in events if isinstance(e, ErrorEvent)] == ["invitation refused"]
    assert not [e for e in events if isinstance(e, ChannelJoined)]
    assert gid not in {c.channel_id for c in b2.store.list_channels()}


async def test_the_losing_commits_welcome_creates_nothing(
        pki: Pki, people: dict[str, Issued]) -> None:
    _a, b2, gid, welcome = await losing_welcome(pki, people)
    events = b2.engine.receive_welcome(RelayWelcome(1, "relay", welcome))
    assert not [e for e in events if isinstance(e, ChannelJoined)], events
    assert gid not in {c.channel_id for c in b2.store.list_channels()}
