# SPDX-License-Identifier: Apache-2.0
"""THREATS 11 end to end at the client: a removed member whose leaf slot now belongs to
someone else sends a message; it is refused and never attributed to the new occupant.

Real engines and real MLS over the in-memory relay. The convener removes Borduria's
mission from a multilateral channel, then a new Carpanian device is added and takes
the freed leaf. The removed device keeps a copy of its old group state (a device
that was offline, or restored from a backup) and sends with it; the relay, hostile,
stamps the message as coming from the new occupant.
"""

from __future__ import annotations

from dataclasses import replace

import pytest

from client import payloads
from client.engine.context import load_group
from client.engine.envelope import envelope
from client.errors import NotFoundError, UsageError
from client.events import ErrorEvent, MessageReceived
from client.transport import RelayMessage
from crypto.messages import MLSMessage
from tests.support.devices import Dev, assert_agree, channel, received, send, state, text
from tests.support.memory_relay import MemoryRelay
from tests.support.pki import B_M, C_M, Issued, Pki


@pytest.fixture(scope="module")
def people(pki: Pki) -> dict[str, Issued]:
    return {"a": pki.device("alderia", "ana"), "b": pki.device(B_M, "bea"),
            "c": pki.device(C_M, "cy"), "c2": pki.device(C_M, "cai")}


def leaf_of(dev: Dev, gid: bytes, device_id: str) -> int:
    (leaf,) = [m.leaf_index for m in dev.group(gid).members()
               if m.signature_key.hex() == device_id]
    return leaf


async def reused_slot(pki: Pki, people: dict[str, Issued]
                      ) -> tuple[MemoryRelay, dict[str, Dev], bytes, payloads.Text, bytes]:
    """The channel after b's removal and c2's arrival in b's old leaf; b's stale message."""
    relay, d, gid = await channel(pki, people, names=("a", "b", "c"))
    a, b, c = d["a"], d["b"], d["c"]
    slot = leaf_of(a, gid, b.device_id)
    stale_state = b.store.get_group_state(gid)
    assert stale_state is not None

    # the convener removes Borduria; b learns it has left
    roster = a.engine.roster(gid)
    a.engine.enqueue_membership(gid, roster.with_changes(missions=tuple(
        m for m in roster.missions if m != B_M)))
    await a.flush()
    removing = relay.groups[gid].messages[-1]
    await c.sync()
    # (the in-memory relay drops b at once; the real one hands it the removing commit)
    b.engine.receive([removing])
    assert b.engine.channel_state(gid)[1].left
    with pytest.raises(UsageError):
        b.engine.enqueue_payload(gid, text("still here?"))

    # a new Carpanian device joins and takes the freed leaf
    c2 = await Dev(pki, relay, people["c2"]).register()
    d["c2"] = c2
    a.engine.enqueue_membership(gid)
    await a.flush()
    for dev in (c, c2, a):
        await dev.sync()
    assert_agree([a, c, c2], gid)
    assert leaf_of(a, gid, c2.device_id) == slot

    # the removed device sends with its old state (offline, or restored from a backup)
    old = load_group(stale_state, b.engine.trust)
    p = text("sent by the removed member")
    stale = old.encrypt_application(payloads.encode(p), authenticated_data=envelope(
        old, payloads.build_aad(p.message_id)))
    return relay, d, gid, p, stale


def refused_everywhere(relay: MemoryRelay, d: dict[str, Dev], gid: bytes, p: payloads.Text,
                       raw: bytes) -> None:
    """Every remaining member refuses ``raw`` (stamped by the relay as c2's) with a typed
    error, changes nothing, stores nothing and is not left marked as forked."""
    for name in ("a", "c", "c2"):
        receiver = d[name]
        seq = relay.groups[gid].messages[-1].seq + 1
        before = state(receiver, gid)
        # stamped as the new occupant's (c2 itself would take its own id for an echo)
        stamp = d["c" if name == "c2" else "c2"].device_id
        res = receiver.engine.receive([RelayMessage(gid, seq, stamp,
                                                    f"m.{p.message_id.hex()}.0", raw)])
        assert not received(res.events), res.events
        assert [e.detail for e in res.events if isinstance(e, ErrorEvent)] in (
            ["EpochError"], ["VerificationError"]), (name, res.events)
        assert state(receiver, gid) == before
        assert receiver.engine.channel_state(gid)[1].forked == ""
        assert p.body not in receiver.texts(gid)
        with pytest.raises(NotFoundError):
            receiver.store.get_message(gid, p.message_id)


async def test_stale_member_in_a_reused_slot_is_refused_at_the_client(
        pki: Pki, people: dict[str, Issued]) -> None:
    relay, d, gid, p, stale = await reused_slot(pki, people)
    refused_everywhere(relay, d, gid, p, stale)
    # the new occupant's own message is attributed to it, at every member
    (msg,) = await send(d["c2"], gid, "c2 here")
    for name in ("a", "c"):
        after = d[name].store.get_channel(gid).cursor + 1  # past the refused message
        res = d[name].engine.receive([RelayMessage(gid, after, msg.sender, msg.client_msg_id,
                                                   msg.message)])
        got = [e for e in res.events if isinstance(e, MessageReceived)]
        assert [(e.sender, e.kind) for e in got] == [(d["c2"].ident.delegate, "text")]


async def test_stale_message_relabelled_to_the_current_epoch_is_refused_not_a_fork(
        pki: Pki, people: dict[str, Issued]) -> None:
    relay, d, gid, p, stale = await reused_slot(pki, people)
    pm = MLSMessage.from_bytes(stale).private_message
    assert pm is not None
    moved = MLSMessage.of(replace(pm, epoch=d["a"].epoch(gid))).to_bytes()
    refused_everywhere(relay, d, gid, p, moved)
