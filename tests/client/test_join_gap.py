# SPDX-License-Identifier: Apache-2.0
"""THREATS 7 right after a join: the relay sends the Welcome's seq (the commit that added
the device), and the new channel's cursor starts there, so the first message after the
join, if withheld, is a reported gap like any other (it used to start at 0, where no gap
is ever seen). Real relay, real MLS, real certificates."""

from __future__ import annotations

from client.events import MessageReceived, PossibleWithholding
from tests.support.client_venue import Venue
from tests.support.withholding import WithholdingView


async def test_a_message_withheld_right_after_the_join_is_a_reported_gap(venue: Venue) -> None:
    a, b = venue.client("alderia-ana"), venue.client("borduria-ana")
    bt = WithholdingView(venue.layout.relay_url, b.engine.me.seed)
    await b.transport.close()
    b.transport = bt
    await a.sync()
    await b.sync()
    cid = await a.create_channel("multilateral", "wg", ["borduria"])
    gid = bytes.fromhex(cid)
    _msgs, joined_at = await a.transport.messages(gid, 0)
    await a.send_text(cid, "first")
    await a.send_text(cid, "second")
    bt.withhold = (gid, joined_at + 1)  # "first", the message right after b's Welcome
    _m, welcomes = await bt.inbox()
    assert [w.seq for w in welcomes] == [joined_at]
    events = await b.sync()
    assert b.engine.store.get_channel(gid).cursor == joined_at + 2
    assert [(e.expected_seq, e.got_seq) for e in events
            if isinstance(e, PossibleWithholding)] == [(joined_at + 1, joined_at + 2)]
    assert [m.text for m in b.messages(cid)] == ["second"]
    assert b.engine.gaps(gid) == [(joined_at + 1, joined_at + 1)]
    bt.withhold = None
    events = await b.sync()
    assert [e.seq for e in events if isinstance(e, MessageReceived)] == [joined_at + 1]
    assert sorted(m.text for m in b.messages(cid)) == ["first", "second"]
    assert b.engine.gaps(gid) == []
