# SPDX-License-Identifier: Apache-2.0
"""THREATS 1 without false alarms: only a member device's signed statement "I am at
epoch E with epoch fingerprint F", F not ours for E, marks a channel forked.

Real engines, real MLS and real certificates over the in-memory relay; the hostile
relay is played by handing the engine altered ``RelayMessage`` lists. The genuine fork
is made the way the forked-relay integration test makes it: one member is shown another
valid commit by the convener for the epoch than the one everybody else merged.
"""

from __future__ import annotations

from dataclasses import replace

import msgspec
import pytest

from client.engine.envelope import envelope, open_envelope
from client.events import ErrorEvent, ForkDetected
from client.transport import RelayMessage
from crypto.group import Group
from crypto.messages import MLSMessage
from tests.client.wire import is_commit
from tests.support.devices import Dev, channel, received, send, state
from tests.support.memory_relay import MemoryRelay
from tests.support.pki import B_M, C_M, Issued, Pki


@pytest.fixture(scope="module")
def people(pki: Pki) -> dict[str, Issued]:
    return {"a": pki.device("alderia", "ana"), "b": pki.device(B_M, "bea"),
            "c": pki.device(C_M, "cy"), "x": pki.device(C_M, "xi")}


def _flip(data: bytes, at: int) -> bytes:
    b = bytearray(data)
    b[at] ^= 0x01
    return bytes(b)


def _restamp(m: RelayMessage, seq: int, sender: str | None = None,
             message: bytes | None = None) -> RelayMessage:
    return RelayMessage(m.group_id, seq, sender or m.sender, m.client_msg_id,
                        m.message if message is None else message)


def _refused(dev: Dev, gid: bytes, m: RelayMessage, detail: str) -> None:
    before = state(dev, gid)
    res = dev.engine.receive([m])
    assert not [e for e in res.events if isinstance(e, ForkDetected)], res.events
    assert [e.detail for e in res.events if isinstance(e, ErrorEvent)] == [detail], res.events
    assert not received(res.events)
    assert state(dev, gid) == before
    assert dev.engine.channel_state(gid)[1].forked == ""


def _next_seq(relay: MemoryRelay, dev: Dev, gid: bytes) -> int:
    return max(len(relay.groups[gid].messages), dev.store.get_channel(gid).cursor) + 1


async def forked(pki: Pki, people: dict[str, Issued]
                 ) -> tuple[MemoryRelay, dict[str, Dev], bytes]:
    """a, b, c in a channel; b was shown a forged commit of a's for the epoch."""
    relay, d, gid = await channel(pki, people, ("a", "b", "c"))
    a, b = d["a"], d["b"]
    g = Group.from_bytes(a.group(gid).to_bytes(), credential_validator=a.engine.trust)
    other = g.commit(authenticated_data=envelope(g, msgspec.msgpack.encode([])),
                     handshake_encrypted=False).message
    a.engine.enqueue_membership(gid, a.engine.roster(gid).with_changes(name="renamed"))
    await a.flush()
    real = relay.groups[gid].messages[-1]
    res = b.engine.receive([_restamp(real, real.seq, message=other)])
    assert not [e for e in res.events if isinstance(e, ErrorEvent | ForkDetected)]
    await d["c"].pull()
    assert b.epoch(gid) == a.epoch(gid) == d["c"].epoch(gid)
    assert b.group(gid).epoch_authenticator != a.group(gid).epoch_authenticator
    assert d["c"].group(gid).epoch_authenticator == a.group(gid).epoch_authenticator
    return relay, d, gid


async def test_a_signed_message_from_the_other_half_is_fork_evidence(
        pki: Pki, people: dict[str, Issued]) -> None:
    """The genuine fork is detected; forgeries of its evidence are refused first."""
    relay, d, gid = await forked(pki, people)
    b = d["b"]
    (msg,) = await send(d["a"], gid, "from branch one")
    seq = _next_seq(relay, b, gid)
    # the relay names another member (c) as the sender: a's signature is not c's
    _refused(b, gid, _restamp(msg, seq, d["c"].device_id), "VerificationError")
    # ... or a device that is not a member at all
    x = await Dev(pki, relay, people["x"]).register()
    _refused(b, gid, _restamp(msg, seq + 1, x.device_id), "VerificationError")
    # ... or it damages the signature
    pm = MLSMessage.from_bytes(msg.message).private_message
    assert pm is not None
    sig_at = msg.message.index(pm.authenticated_data) + 1 + 16 + 1
    _refused(b, gid, _restamp(msg, seq + 2, message=_flip(msg.message, sig_at + 3)),
             "VerificationError")
    # the real one: a member's signed statement of another history of this epoch
    res = b.engine.receive([_restamp(msg, seq + 3)])
    forks = [e for e in res.events if isinstance(e, ForkDetected)]
    assert [(f.channel_id, f.epoch) for f in forks] == [(gid, pm.epoch)]
    assert b.engine.channel_state(gid)[1].forked
    assert "from branch one" not in b.texts(gid)
    # the honest half reads it normally and is not alarmed
    res = d["c"].engine.receive([msg])
    assert [e.seq for e in received(res.events)] == [msg.seq]
    assert d["c"].engine.channel_state(gid)[1].forked == ""


async def test_fork_evidence_from_an_epoch_already_left(
        pki: Pki, people: dict[str, Issued]) -> None:
    """The other half's message arrives after this member moved on: its fingerprint
    is compared with the one this member had at that epoch."""
    relay, d, gid = await forked(pki, people)
    a, b = d["a"], d["b"]
    (msg,) = await send(a, gid, "late evidence")
    epoch = b.epoch(gid)
    g = b.group(gid)  # b moves on with an empty commit of its own branch
    own = g.commit(authenticated_data=envelope(g, msgspec.msgpack.encode([])),
                   handshake_encrypted=False)
    g.merge_pending_commit()
    b.engine._save_group(g)
    b.engine._remember_fp(g)
    assert own.message and b.epoch(gid) == epoch + 1
    res = b.engine.receive([_restamp(msg, _next_seq(relay, b, gid))])
    assert [f.epoch for f in res.events if isinstance(f, ForkDetected)] == [epoch]


async def test_flipped_fingerprint_of_a_signed_message_is_refused_and_the_channel_reads_on(
        pki: Pki, people: dict[str, Issued]) -> None:
    """THREATS 19: the relay flips a fingerprint byte of a real (signed) message."""
    _relay, d, gid = await channel(pki, people, ("a", "b"))
    b = d["b"]
    (good,) = await send(d["a"], gid, "x")
    env = envelope(d["a"].group(gid), b"")
    at = good.message.index(env[:17])
    seq = good.seq
    for i in (1, 8, 16):
        _refused(b, gid, _restamp(good, seq, message=_flip(good.message, at + i)),
                 "VerificationError")
        seq += 1
    res = b.engine.receive([_restamp(good, seq)])  # the real one: no key was spent
    assert [e.seq for e in received(res.events)] == [seq]
    (after,) = await send(d["a"], gid, "y")
    b.engine.receive([_restamp(after, seq + 1)])
    assert b.texts(gid) == ["x", "y"]


async def test_signed_message_relabelled_to_another_epoch_is_not_a_fork(
        pki: Pki, people: dict[str, Issued]) -> None:
    """The relay moves a real message's epoch to the current one: the signed statement
    names the old epoch, so it is refused, not taken as a fork."""
    relay, d, gid = await channel(pki, people, ("a", "b"))
    a, b = d["a"], d["b"]
    (old,) = await send(a, gid, "before the rename")
    a.engine.enqueue_membership(gid, a.engine.roster(gid).with_changes(name="r"))
    await a.flush()
    await b.pull()
    assert b.texts(gid) == ["before the rename"]
    pm = MLSMessage.from_bytes(old.message).private_message
    assert pm is not None and pm.epoch == b.epoch(gid) - 1
    env = open_envelope(pm.authenticated_data)
    assert env is not None and len(env.sig) == 64  # engines sign every message
    moved = MLSMessage.of(replace(pm, epoch=b.epoch(gid))).to_bytes()
    _refused(b, gid, _restamp(old, _next_seq(relay, b, gid), message=moved),
             "VerificationError")
    # as it was (an old epoch, same fingerprint as ours then): just undecryptable
    _refused(b, gid, _restamp(old, _next_seq(relay, b, gid) + 1), "EpochError")


async def test_a_damaged_copy_of_a_merged_commit_is_not_a_fork(
        pki: Pki, people: dict[str, Issued]) -> None:
    """A commit for an epoch already left that is not the one merged cannot be
    authenticated any more: a typed error, not a fork (the relay can make one by
    flipping a ciphertext byte of the merged commit)."""
    relay, d, gid = await channel(pki, people, ("a", "b"))
    a, b = d["a"], d["b"]
    a.engine.enqueue_membership(gid, a.engine.roster(gid).with_changes(name="r"))
    await a.flush()
    await b.pull()
    commit = relay.groups[gid].messages[-1]
    assert is_commit(commit.message)
    damaged = _flip(commit.message, len(commit.message) - 5)
    _refused(b, gid, _restamp(commit, _next_seq(relay, b, gid), message=damaged), "EpochError")
    (msg,) = await send(a, gid, "still readable")
    b.engine.receive([_restamp(msg, _next_seq(relay, b, gid))])
    assert b.texts(gid) == ["still readable"]
