# SPDX-License-Identifier: Apache-2.0
"""THREATS 7 after the report: the engine remembers each channel's gaps, catch-up starts
at the oldest one, and a withheld message delivered late is processed if it still can be.

Real engines, real MLS and real certificates over the in-memory relay (the relay's
withholding is played by handing the engine partial batches), plus one end-to-end test
through the real relay process with a withholding view of it.
"""

from __future__ import annotations

from collections.abc import Sequence

import msgspec
import pytest

from client.engine.envelope import envelope
from client.engine.refusals import gap_add, gap_prune, gap_take
from client.events import ErrorEvent, MessageReceived, PossibleWithholding
from client.transport import RelayMessage
from crypto.group import Group
from tests.client.wire import is_commit
from tests.support.client_venue import Venue
from tests.support.devices import Dev, channel, received, send, state
from tests.support.pki import B_M, Issued, Pki
from tests.support.withholding import WithholdingView


@pytest.fixture(scope="module")
def people(pki: Pki) -> dict[str, Issued]:
    return {"a": pki.device("alderia", "ana"), "b": pki.device(B_M, "bea")}


def errors(events: Sequence[object]) -> list[tuple[str, str]]:
    return [(e.reason, e.detail) for e in events if isinstance(e, ErrorEvent)]


async def warm(d: dict[str, Dev], gid: bytes) -> None:
    """b reads one message first: a gap needs a known position to be one."""
    d["b"].engine.receive(await send(d["a"], gid, "warm-up"))
    assert d["b"].store.get_channel(gid).cursor


async def test_late_message_fills_its_gap_and_acks_wait_for_it(
        pki: Pki, people: dict[str, Issued]) -> None:
    _relay, d, gid = await channel(pki, people)
    b = d["b"].engine
    msgs = await send(d["a"], gid, "one", "two", "three", "four")
    res = b.receive([msgs[0], msgs[2], msgs[3]])
    assert [(e.expected_seq, e.got_seq) for e in res.events
            if isinstance(e, PossibleWithholding)] == [(msgs[1].seq, msgs[1].seq + 1)]
    assert b.gaps(gid) == [(msgs[1].seq, msgs[1].seq)]
    assert res.acks == [(gid, msgs[0].seq)]  # not past the gap: the relay keeps "two"
    assert b.catch_up_after(gid) == msgs[0].seq
    res = b.receive([msgs[1]])  # the relay delivers it after all
    assert [e.seq for e in received(res.events)] == [msgs[1].seq]
    assert res.acks == [(gid, msgs[3].seq)]
    assert b.gaps(gid) == [] and b.catch_up_after(gid) == msgs[3].seq
    assert sorted(d["b"].texts(gid)) == ["four", "one", "three", "two"]
    # a second copy of it is a redelivery again
    assert not b.receive([msgs[1]]).events


async def test_catch_up_re_requests_from_the_gap(pki: Pki, people: dict[str, Issued]) -> None:
    relay, d, gid = await channel(pki, people)
    b = d["b"]
    msgs = await send(d["a"], gid, *[f"m{i}" for i in range(6)])
    b.engine.receive([m for m in msgs if m.seq not in (msgs[1].seq, msgs[4].seq)])
    assert b.engine.gaps(gid) == [(msgs[1].seq, msgs[1].seq), (msgs[4].seq, msgs[4].seq)]
    page, _last = await b.t.messages(gid, b.engine.catch_up_after(gid))
    assert page[0].seq == msgs[1].seq
    res = b.engine.receive(page)
    assert sorted(e.seq or 0 for e in received(res.events)) == [msgs[1].seq, msgs[4].seq]
    assert not [e for e in res.events if isinstance(e, PossibleWithholding | ErrorEvent)]
    assert b.engine.gaps(gid) == []
    assert b.texts(gid) == [f"m{i}" for i in (0, 2, 3, 5, 1, 4)]
    assert len(relay.groups[gid].messages) == msgs[-1].seq


async def test_withheld_commit_delivered_late_then_what_it_held_up_decrypts(
        pki: Pki, people: dict[str, Issued]) -> None:
    """Messages after a withheld commit are of an epoch this member has not reached:
    refused, but kept as gaps; once the commit comes they are fetched again and read."""
    relay, d, gid = await channel(pki, people)
    await warm(d, gid)
    a, b = d["a"], d["b"]
    n = len(relay.groups[gid].messages)
    a.engine.enqueue_membership(gid, a.engine.roster(gid).with_changes(name="renamed"))
    await a.flush()
    after = await send(a, gid, "x", "y")
    commit = relay.groups[gid].messages[n]
    assert is_commit(commit.message)
    res = b.engine.receive(after)
    assert errors(res.events) == [(f"message {m.seq} refused", "EpochError") for m in after]
    assert b.engine.gaps(gid) == [(commit.seq, after[-1].seq)]
    res = b.engine.receive([commit])
    assert b.engine.roster(gid).name == "renamed" and b.epoch(gid) == a.epoch(gid)
    page, _ = await b.t.messages(gid, b.engine.catch_up_after(gid))
    res = b.engine.receive(page)
    assert [e.seq for e in received(res.events)] == [m.seq for m in after]
    assert b.texts(gid) == ["warm-up", "x", "y"] and b.engine.gaps(gid) == []


async def test_late_commit_for_a_past_epoch_is_a_reported_typed_error(
        pki: Pki, people: dict[str, Issued]) -> None:
    relay, d, gid = await channel(pki, people)
    await warm(d, gid)
    a, b = d["a"], d["b"]
    g = Group.from_bytes(a.group(gid).to_bytes(), credential_validator=a.engine.trust)
    second = g.commit(authenticated_data=envelope(g, msgspec.msgpack.encode([])),
                      handshake_encrypted=False).message
    (x,) = await send(a, gid, "before")
    a.engine.enqueue_membership(gid, a.engine.roster(gid).with_changes(name="renamed"))
    await a.flush()
    (y,) = await send(a, gid, "after")
    commit = relay.groups[gid].messages[-2]
    b.engine.receive([commit, y])  # "before" withheld
    assert b.engine.gaps(gid) == [(x.seq, x.seq)]
    before = state(b, gid)
    # the relay fills the gap with another commit for the epoch b has left
    res = b.engine.receive([RelayMessage(gid, x.seq, a.device_id, "c.late", second)])
    assert errors(res.events) == [(f"late message {x.seq} refused", "EpochError")]
    assert state(b, gid) == before
    assert b.engine.gaps(gid) == [] and b.engine.channel_state(gid)[1].forked == ""
    assert b.texts(gid) == ["warm-up", "after"]


async def test_a_late_message_of_a_past_epoch_is_reported_not_lost_silently(
        pki: Pki, people: dict[str, Issued]) -> None:
    relay, d, gid = await channel(pki, people)
    await warm(d, gid)
    a, b = d["a"], d["b"]
    (x,) = await send(a, gid, "before")
    a.engine.enqueue_membership(gid, a.engine.roster(gid).with_changes(name="renamed"))
    await a.flush()
    commit = relay.groups[gid].messages[-1]
    b.engine.receive([commit])
    res = b.engine.receive([x])
    assert errors(res.events) == [(f"late message {x.seq} refused", "EpochError")]
    assert b.engine.gaps(gid) == []


def test_gap_bookkeeping() -> None:
    gaps: list[list[int]] = []
    gap_add(gaps, 5, 7)
    gap_add(gaps, 8, 8)
    gap_add(gaps, 2, 2)
    assert gaps == [[2, 2], [5, 8]]
    assert gap_take(gaps, 6) and gaps == [[2, 2], [5, 5], [7, 8]]
    assert not gap_take(gaps, 6)
    gap_prune(gaps, 1006)  # only what is more than 1000 seqs behind is given up
    assert gaps == [[7, 8]]
    for i in range(100):
        gap_add(gaps, 10 + 2 * i, 10 + 2 * i)
    gap_prune(gaps, 300)
    assert len(gaps) == 64 and gaps[-1] == [208, 208]


async def test_withheld_then_delivered_through_the_real_relay(venue: Venue) -> None:
    a, b = venue.client("alderia-ana"), venue.client("borduria-ana")
    bt = WithholdingView(venue.layout.relay_url, b.engine.me.seed)
    await b.transport.close()
    b.transport = bt
    await a.sync()
    await b.sync()
    cid = await a.create_channel("multilateral", "wg", ["borduria"])
    await b.sync()
    gid = bytes.fromhex(cid)
    for t in ("one", "two", "three"):
        await a.send_text(cid, t)
    _msgs, last = await a.transport.messages(gid, 0)
    bt.withhold = (gid, last - 1)  # "two"
    events = await b.sync()
    assert [(e.expected_seq, e.got_seq) for e in events
            if isinstance(e, PossibleWithholding)] == [(last - 1, last)]
    assert [m.text for m in b.messages(cid)] == ["one", "three"]
    bt.withhold = None
    events = await b.sync()
    assert [e.seq for e in events if isinstance(e, MessageReceived)] == [last - 1]
    assert sorted(m.text for m in b.messages(cid)) == ["one", "three", "two"]
    assert b.engine.gaps(gid) == []
