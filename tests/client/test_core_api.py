# SPDX-License-Identifier: Apache-2.0
"""The core API the desktop app uses: Client.message, MessageView's emergency-call and
agenda fields, agenda revisions from 1, and the MessageSent event."""

from __future__ import annotations

import time

import pytest

from client.errors import NotFoundError
from client.events import MessageSent
from tests.support.client_venue import Venue

A, B, C = "alderia-ana", "borduria-ana", "carpania-ana"


async def _notice(v: Venue) -> str:
    chair = v.client(v.layout.chair)
    for n in (A, B, C):
        v.client(n)
    await v.sync_all(1)
    cid = await chair.create_channel("notice", "Plenary", list(v.layout.missions))
    await v.sync_all(1)
    return cid


async def test_message_returns_the_view_by_id_hex_or_prefix(venue: Venue) -> None:
    v = venue
    a, b = v.client(A), v.client(B)
    await v.sync_all(1)
    cid = await a.create_channel("bilateral", "hotline", ["borduria"])
    await v.sync_all(1)
    mid = await a.send_text(cid, "good morning")
    await a.react(mid, "★")
    await b.sync()
    view = b.message(mid)
    assert (view.message_id, view.text, view.kind, view.own) == (mid, "good morning",
                                                                 "text", False)
    assert view.reactions == (("★", ("alderia/ana",)),)
    assert b.message(bytes.fromhex(mid), channel=cid) == view
    assert b.message(mid[:10]) == view
    assert a.message(mid).own and not a.message(mid).sending
    # the same view the message list shows
    assert [m for m in b.messages(cid) if m.message_id == mid] == [view]
    with pytest.raises(NotFoundError):
        b.message("00" * 16)


async def test_message_refuses_modifiers(venue: Venue) -> None:
    v = venue
    a = v.client(A)
    v.client(B)
    await v.sync_all(1)
    cid = await a.create_channel("bilateral", "hotline", ["borduria"])
    await v.sync_all(1)
    mid = await a.send_text(cid, "hello")
    react = await a.react(mid, "♥")
    with pytest.raises(NotFoundError):
        a.message(react)  # folded into the message it changes, not shown on its own


async def test_emergency_and_agenda_fields(venue: Venue) -> None:
    v = venue
    cid = await _notice(v)
    chair = v.client(v.layout.chair)
    when = int(time.time() * 1000) + 3_600_000
    call = await chair.emergency_call(cid, meeting_at=when, place="Room 3",
                                      link="https://meet.example/x", agenda="Incident")
    agenda = await chair.post_agenda(cid, "Plenary 14", "1. Opening")
    other = v.client(B if v.layout.chair != B else C)
    await other.sync()
    view = other.message(call)
    assert (view.kind, view.meeting_at, view.place, view.link, view.text) == (
        "emergency", when, "Room 3", "https://meet.example/x", "Incident")
    assert view.revision is None and view.title == ""
    assert view.to_json()["meeting_at"] == when
    notice = other.message(agenda)
    assert (notice.kind, notice.title, notice.revision) == ("agenda", "Plenary 14", 1)
    assert notice.meeting_at is None and notice.place == ""
    assert notice.to_json()["revision"] == 1
    text = chair.message(await chair.send_text(cid, "plain"))
    assert "revision" not in text.to_json() and "meeting_at" not in text.to_json()


async def test_agenda_revisions_start_at_one_and_the_highest_wins(venue: Venue) -> None:
    v = venue
    cid = await _notice(v)
    chair = v.client(v.layout.chair)
    first = await chair.post_agenda(cid, "Agenda", "1. Opening")
    assert chair.message(first).revision == 1
    second = await chair.post_agenda(cid, "Agenda (rev.)", "1. Opening\n2. Incident")
    assert chair.message(second).revision == 2
    other = v.client(B if v.layout.chair != B else C)
    await other.sync()
    pinned = other.pinned_notice(cid)
    assert pinned is not None and pinned.message_id == second and pinned.revision == 2
    # a notice with a lower revision arriving later does not replace the pinned one
    from client import payloads

    await chair.send_payload(cid, payloads.AgendaNotice(
        message_id=payloads.new_message_id(), sent_at=payloads.now_ms(), title="Old",
        body="", revision=1, pinned=True))
    await other.sync()
    pinned = other.pinned_notice(cid)
    assert pinned is not None and pinned.message_id == second
    third = await chair.post_agenda(cid, "Agenda (rev. 3)")
    assert chair.message(third).revision == 3


async def test_message_sent_when_the_relay_numbers_an_own_message(venue: Venue) -> None:
    v = venue
    a = v.client(A)
    v.client(B)
    await v.sync_all(1)
    cid = await a.create_channel("bilateral", "hotline", ["borduria"])
    await v.sync_all(1)
    sent: list[MessageSent] = []
    a.subscribe(lambda e: sent.append(e) if isinstance(e, MessageSent) else None)
    mid = await a.send_text(cid, "numbered")
    mine = [e for e in sent if e.message_id == bytes.fromhex(mid)]
    assert len(mine) == 1
    e = mine[0]
    assert e.channel_id == bytes.fromhex(cid)
    view = a.message(mid)
    assert view.seq == e.seq and not view.sending
    # commits (the channel's creation, roster changes) raise no MessageSent
    assert all(x.seq is not None for x in sent)


async def test_one_view_carries_tracker_excerpt_and_arrivals(venue: Venue) -> None:
    """The MessageView the CLI prints is the one the app paints: acknowledgements,
    receipts and a reply's excerpt are folded in by the core, the same in ``message``,
    ``messages``, ``newer`` and the tracker's attached view."""
    v = venue
    a, b = v.client(A), v.client(B)
    await v.sync_all(1)
    cid = await a.create_channel("bilateral", "hotline", ["borduria"])
    await v.sync_all(1)
    start = b.high_water(cid)
    hot = await a.send_text(cid, "03:00 please confirm " + "x" * 100, requires_ack=True)
    await b.sync()
    reply = await b.send_text(cid, "confirmed", reply_to=hot)
    await b.ack(hot)
    await b.mark_read(cid)
    await a.sync()
    view = a.message(hot)
    assert view.acked_missions == ("borduria",) and view.read_by == ("borduria/ana",)
    answer = a.message(reply)
    assert answer.reply_excerpt == view.summary[:80] and len(answer.reply_excerpt) == 80
    assert [m for m in a.messages(cid) if m.message_id in (hot, reply)] == [view, answer]
    st = a.ack_status(hot)
    assert st.message == view and st.answered == {"borduria": "borduria/ana"}
    assert st.complete and st.text == view.text and st.sender == "alderia/ana"
    shown, high, more = b.newer(cid, start)
    assert [m.message_id for m in shown] == [hot, reply] and not more
    assert high == b.high_water(cid) > start
    assert b.unread_count(cid, start) == 1  # the hotline message; its own reply is not
    assert not b.has_older(cid, shown[0].position)
