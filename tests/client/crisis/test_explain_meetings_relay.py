# SPDX-License-Identifier: Apache-2.0
"""Over the real relay with an injected clock: a request for explanation past its
deadline shows as overdue on both sides (and to the missions the requester named);
attendance answers to an emergency call tally alike in three missions."""

from __future__ import annotations

import pytest

from client.crisis.explain import ExplanationState
from client.crisis.records import AttendanceAnswer
from client.errors import UsageError
from tests.support.crisis_venue import CrisisVenue

A, B, C = "alderia-ana", "borduria-ana", "carpania-ana"
MIN = 60.0


async def test_request_for_explanation_past_its_deadline_is_overdue_on_both_sides(
        crisis_venue: CrisisVenue) -> None:
    v = crisis_venue
    for n in (A, B, C):
        v.client(n)
    await v.sync_all(1)
    cid = await v.client(A).create_channel("multilateral", "Confidence-building",
                                           list(v.layout.missions))
    await v.sync_all(2)
    rid = await v.desk(A).request_explanation(
        cid, to_mission="borduria", what="Unannounced troop concentration",
        where="Sector 4", when="night of 4 December", reference="Chapter III",
        deadline_ms=30 * 60_000, notify=["carpania"])
    await v.sync_all(1)
    for n in (A, B, C):
        [(req, st)] = v.desk(n).explanations()
        assert req.request_id.hex() == rid and st.state is ExplanationState.SENT
        assert st.remaining_ms == 30 * 60_000
    # only the requested mission replies; a meeting may not be asked for yet
    with pytest.raises(UsageError):
        await v.desk(C).reply_explanation(rid, "not ours to answer")
    with pytest.raises(UsageError, match="after the reply or the deadline"):
        await v.desk(A).request_meeting(rid)

    v.clock.advance(31 * MIN)
    await v.sync_all(1)
    for n in (A, B, C):
        [(_req, st)] = v.desk(n).explanations()
        assert st.state is ExplanationState.OVERDUE, n
        assert st.notify == ("carpania",)
    # the late reply is marked late on both sides; then the requester asks for a meeting
    await v.desk(B).reply_explanation(rid, "A scheduled exercise; notification follows.")
    await v.sync_all(1)
    for n in (A, B):
        [(_req, st)] = v.desk(n).explanations()
        assert st.state is ExplanationState.REPLIED and st.late
    await v.desk(A).request_meeting(rid, within_ms=48 * 3_600_000)
    await v.sync_all(1)
    for n in (A, B, C):
        [(_req, st)] = v.desk(n).explanations()
        assert st.state is ExplanationState.MEETING_REQUESTED
        assert st.meeting_hold_by == int(v.clock() * 1000) + 48 * 3_600_000
    # the convener's call follows, with the request attached (its agenda from it)
    at = int(v.clock() * 1000) + 24 * 3_600_000
    call = await v.desk(A).call_meeting(cid, meeting_at=at, place="Neuer Saal",
                                        explains=rid[:10])
    await v.sync_all(1)
    for n in (A, B, C):
        [(_req, st)] = v.desk(n).explanations()
        assert st.state is ExplanationState.MEETING_CALLED and st.meeting_at == at
        assert "Unannounced troop concentration (Sector 4, night of 4 December)" in \
            v.client(n).message(call).text


async def test_attendance_tallies_match_across_three_missions(
        crisis_venue: CrisisVenue) -> None:
    v = crisis_venue
    names = [A, B, C, "borduria-ben"]
    for n in names:
        v.client(n)
    await v.sync_all(1)
    cid = await v.client(A).create_channel("multilateral", "Working group",
                                           list(v.layout.missions))
    await v.sync_all(2)
    call = await v.client(A).emergency_call(
        cid, meeting_at=int(v.clock() * 1000) + 3_600_000, place="Room 3",
        agenda="Incident at the border")
    await v.sync_all(1)
    await v.desk(A).attend(cid, call, AttendanceAnswer.IN_PERSON)
    await v.desk(B).attend(cid, call, AttendanceAnswer.CANNOT)
    v.clock.advance(MIN)
    # a later answer of the same mission (another delegate) replaces it
    await v.desk("borduria-ben").attend(cid, call, AttendanceAnswer.REPRESENTED,
                                        represented_by="the Ambassador of Carpania")
    await v.sync_all(2)
    tallies = [v.desk(n).tally(cid, call).to_json() for n in (A, B, C)]
    assert tallies[0] == tallies[1] == tallies[2]
    t = tallies[0]
    assert t["not_answered"] == ["carpania"]
    assert t["counts"] == {"in person": 1, "remotely": 0, "represented": 1,
                           "cannot attend": 0, "not answered": 1}
    await v.desk(C).attend(cid, call, AttendanceAnswer.REMOTE)
    await v.sync_all(1)
    tallies = [v.desk(n).tally(cid, call).to_json() for n in (A, B, C)]
    assert tallies[0] == tallies[1] == tallies[2]
    assert tallies[0]["not_answered"] == []


async def test_bilateral_meeting_is_a_proposal_and_contact_is_informal(
        crisis_venue: CrisisVenue) -> None:
    """In a bilateral channel either side proposes a meeting (never a call) and the other
    side answers; "available to talk" reaches only the missions chosen; reminders of a
    request fall once each, before its deadline."""
    v = crisis_venue
    for n in (A, B, C):
        v.client(n)
    await v.sync_all(1)
    ab = await v.client(A).create_channel("bilateral", "A-B", ["borduria"])
    ac = await v.client(A).create_channel("bilateral", "A-C", ["carpania"])
    await v.sync_all(2)
    with pytest.raises(UsageError, match="propose a meeting"):
        await v.client(B).emergency_call(ab, meeting_at=int(v.clock() * 1000) + 3_600_000,
                                         place="Room 1", agenda="Talks")
    pid = await v.desk(B).propose_meeting(ab, meeting_at=int(v.clock() * 1000) + 3_600_000,
                                          place="Café", agenda="The border incident")
    await v.sync_all(1)
    with pytest.raises(UsageError, match="other side"):
        await v.desk(B).answer_proposal(pid, True)
    await v.desk(A).answer_proposal(pid, True)
    await v.sync_all(1)
    for n in (A, B):
        [(_cid, prop, answers)] = v.desk(n).view().proposals
        assert prop.agenda == "The border incident" and answers == {"alderia/ana": True}
    until = int(v.clock() * 1000) + 30 * 60_000
    assert await v.desk(A).set_available(["borduria"], until, "in the delegates' lounge") \
        == ["borduria"]
    await v.sync_all(1)
    assert v.desk(B).view().available == {
        bytes.fromhex(ab): [("alderia/ana", until, "in the delegates' lounge")]}
    assert v.desk(C).view().available == {}  # carpania was not chosen
    assert bytes.fromhex(ac) not in v.desk(A).view().available
    v.clock.advance(31 * 60)
    assert v.desk(B).view().available == {}  # it expired
    rid = await v.desk(A).request_explanation(ab, to_mission="borduria", what="Flights",
                                              deadline_ms=2 * 3_600_000)
    await v.sync_all(1)
    assert v.desk(B).reminders() == []
    v.clock.advance(3600 + 1)
    assert v.desk(B).reminders() == ["request for explanation to borduria: 1 h to the deadline"]
    assert v.desk(B).reminders() == []  # once
    assert rid
