# SPDX-License-Identifier: Apache-2.0
"""Hotline acknowledgements and the chair's emergency call, over a real relay process.

Acks and receipts are MLS messages of their own; the sender's tracker follows them
per mission, live (AckUpdated events), and lists the missions that have not answered.
"""

from __future__ import annotations

import time

from client.events import AckUpdated, EmergencyCallReceived, NoticePinned
from tests.support.client_venue import Venue

A, A2, B, B2, C = "alderia-ana", "alderia-ben", "borduria-ana", "borduria-ben", "carpania-ana"


async def test_hotline_ack_moves_from_pending_to_acknowledged(venue: Venue) -> None:
    v = venue
    a, b = v.client(A), v.client(B)
    await v.sync_all(1)
    cid = await a.create_channel("bilateral", "hotline", ["borduria"])
    await v.sync_all(1)
    seen: list[object] = []
    a.subscribe(seen.append)
    mid = await a.send_text(cid, "03:00 please confirm", requires_ack=True)
    st = a.ack_status(mid)
    assert st.requires_ack and st.pending == ("borduria",)
    assert {m.mission: m.state for m in st.missions} == {"alderia": "author",
                                                         "borduria": "pending"}
    assert [s.message_id for s in a.open_acks()] == [mid]

    await b.sync()
    [view] = [m for m in b.messages(cid) if m.message_id == mid]
    assert view.requires_ack and not view.own
    await b.mark_read(cid)  # a receipt first: read, still pending
    await a.sync()
    st = a.ack_status(mid)
    assert {m.mission: m.state for m in st.missions}["borduria"] == "read"
    assert st.pending == ("borduria",)
    assert st.missions[1].read_by == ("borduria/ana",)

    await b.ack(mid)
    await a.sync()
    st = a.ack_status(mid)
    assert st.pending == ()
    bord = next(m for m in st.missions if m.mission == "borduria")
    assert bord.state == "acknowledged" and bord.acked_by == ("borduria/ana",)
    updates = [e for e in seen if isinstance(e, AckUpdated)]
    assert [(e.state, e.pending) for e in updates] == [("read", ("borduria",)),
                                                       ("acknowledged", ())]
    assert a.open_acks() == []
    # the acks and receipts are folded into the message, not listed
    assert [m.text for m in a.messages(cid)] == ["03:00 please confirm"]


async def test_emergency_call_lists_the_mission_that_never_answers(venue: Venue) -> None:
    v = venue
    chair = v.client(v.layout.chair)
    names = [n for n in (A, B, C) if n != v.layout.chair]
    for n in [v.layout.chair, *names]:
        v.client(n)
    await v.sync_all(1)
    missions = list(v.layout.missions)
    assert len(missions) == 3
    notice = await chair.create_channel("notice", "Plenary", missions)
    await v.sync_all(1)
    live: list[AckUpdated] = []
    chair.subscribe(lambda e: live.append(e) if isinstance(e, AckUpdated) else None)
    agenda = await chair.post_agenda(notice, "Agenda", "1. Opening")
    when = int(time.time() * 1000) + 3_600_000
    call = await chair.emergency_call(notice, meeting_at=when, place="Room 3",
                                      link="https://meet.example/x", agenda="Incident")
    st = chair.ack_status(call)
    chair_mission = v.layout.chair.split("-")[0]
    others = sorted(m for m in missions if m != chair_mission)
    assert st.pending == tuple(others)

    answering, silent = names[0], names[1]
    events = await v.client(answering).sync()
    calls = [e for e in events if isinstance(e, EmergencyCallReceived)]
    assert [(e.place, e.agenda, e.meeting_at) for e in calls] == [("Room 3", "Incident", when)]
    assert any(isinstance(e, NoticePinned) for e in events)
    await v.client(answering).ack(call)  # not the chair, yet an ack is allowed in a notice
    await v.client(silent).sync()  # receives, never answers
    await chair.sync()
    st = chair.ack_status(call)
    answered = answering.split("-")[0]
    assert st.pending == tuple(m for m in others if m != answered)
    assert {m.mission: m.state for m in st.missions}[answered] == "acknowledged"
    assert live and live[-1].pending == st.pending
    # the pinned agenda can be revised; every member shows the newest revision
    await chair.post_agenda(notice, "Agenda (rev.)", "1. Opening\n2. Incident")
    await v.client(silent).sync()
    pinned = v.client(silent).pinned_notice(notice)
    assert pinned is not None and pinned.text.startswith("Agenda (rev.)\n")
    assert pinned.message_id != agenda
