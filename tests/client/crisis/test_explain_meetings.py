# SPDX-License-Identifier: Apache-2.0
"""Requests for explanation (state machine, reminders) and meetings (tally, calendar)."""

from __future__ import annotations

import icalendar
import pytest

from client.crisis import explain as ex
from client.crisis import meetings as mt
from client.crisis.records import (
    Attendance,
    AttendanceAnswer,
    ExplanationReply,
    ExplanationRequest,
    MeetingRequest,
    RecordError,
)
from tests.client.crisis.pki import HOUR, MIN, T0_MS

RID = b"r" * 16


def _req(**kw: object) -> ExplanationRequest:
    base: dict[str, object] = dict(
        request_id=RID, requester="A/alice", to_mission="B", what="Troop movement",
        where="Sector 4", when="2026-12-04 night", reference="VD 16.1",
        sent_at=T0_MS, deadline_at=T0_MS + ex.DEFAULT_DEADLINE, notify=("C", "D"))
    base.update(kw)
    return ExplanationRequest(**base)  # type: ignore[arg-type]


def test_request_sent_then_overdue_at_the_deadline() -> None:
    req = _req()
    s = ex.status(req, [], [], T0_MS + HOUR)
    assert s.state is ex.ExplanationState.SENT and s.remaining_ms == 47 * HOUR
    assert s.notify == ()
    s = ex.status(req, [], [], req.deadline_at)
    assert s.state is ex.ExplanationState.OVERDUE and s.overdue_since == req.deadline_at
    assert s.notify == ("C", "D") and s.remaining_ms == 0


def test_reply_only_from_the_requested_mission_and_late_replies_are_marked() -> None:
    req = _req()
    stranger = ExplanationReply(request_id=RID, member="C/carl", body="none of yours",
                                at=T0_MS + HOUR)
    assert ex.status(req, [stranger], [], T0_MS + 2 * HOUR).state is ex.ExplanationState.SENT
    with pytest.raises(RecordError):
        ex.check_reply(req, stranger)
    on_time = ExplanationReply(request_id=RID, member="B/bob", body="An exercise.",
                               at=T0_MS + 3 * HOUR)
    s = ex.status(req, [on_time], [], T0_MS + 50 * HOUR)
    assert s.state is ex.ExplanationState.REPLIED and not s.late and s.notify == ()
    late = ExplanationReply(request_id=RID, member="B/bob", body="Late.",
                            at=req.deadline_at + HOUR)
    s = ex.status(req, [late], [], req.deadline_at + 2 * HOUR)
    assert s.state is ex.ExplanationState.REPLIED and s.late
    assert s.overdue_since == req.deadline_at


def test_meeting_request_after_reply_or_deadline_only_by_the_requester() -> None:
    req = _req()
    early = MeetingRequest(request_id=RID, member="A/alice", at=T0_MS + HOUR,
                           hold_by=T0_MS + 49 * HOUR)
    assert ex.status(req, [], [early], T0_MS + 2 * HOUR).state is ex.ExplanationState.SENT
    wrong = MeetingRequest(request_id=RID, member="B/bob", at=req.deadline_at + 1,
                           hold_by=req.deadline_at + ex.DEFAULT_MEETING_WITHIN)
    assert ex.status(req, [], [wrong], req.deadline_at + HOUR).state \
        is ex.ExplanationState.OVERDUE
    ok = MeetingRequest(request_id=RID, member="A/ann", at=req.deadline_at + 1,
                        hold_by=req.deadline_at + ex.DEFAULT_MEETING_WITHIN)
    s = ex.status(req, [], [ok], req.deadline_at + HOUR)
    assert s.state is ex.ExplanationState.MEETING_REQUESTED and s.meeting_hold_by == ok.hold_by


def test_reminders_at_set_points() -> None:
    req = _req()
    d = req.deadline_at
    assert ex.reminders_due(req, False, T0_MS + HOUR) == []
    assert ex.reminders_due(req, False, d - 24 * HOUR) == [d - 24 * HOUR]
    assert ex.reminders_due(req, False, d - 30 * MIN, already=[d - 24 * HOUR]) \
        == [d - 6 * HOUR, d - HOUR]
    assert ex.reminders_due(req, False, d, already=[d - 24 * HOUR, d - 6 * HOUR, d - HOUR]) \
        == [d]
    assert ex.reminders_due(req, True, d + HOUR) == []
    short = _req(deadline_at=T0_MS + 2 * HOUR)  # only the 1-hour point after sending
    assert ex.reminders_due(short, False, T0_MS + 2 * HOUR - 1) == [T0_MS + HOUR]


MID = b"m" * 16


def _att(who: str, answer: AttendanceAnswer, at: int, by: str = "") -> Attendance:
    return Attendance(meeting_id=MID, member=who, answer=answer, represented_by=by, at=at)


def test_tally_latest_answer_per_mission_and_who_has_not_answered() -> None:
    answers = [_att("A/alice", AttendanceAnswer.IN_PERSON, T0_MS),
               _att("B/bob", AttendanceAnswer.CANNOT, T0_MS + 1),
               _att("B/bea", AttendanceAnswer.REPRESENTED, T0_MS + 2, by="Ambassador of C"),
               _att("X/xena", AttendanceAnswer.REMOTE, T0_MS + 3),  # not in the channel
               _att("C/carl", AttendanceAnswer.REPRESENTED, T0_MS + 4)]  # by whom? ignored
    t = mt.tally(MID, ["A", "B", "C", "D"], answers)
    assert t.answers["B"].member == "B/bea" and t.not_answered == ("C", "D")
    assert t.counts == {"in person": 1, "remotely": 0, "represented": 1, "cannot attend": 0,
                        "not answered": 2}
    # the same answers in another order give the same tally
    assert mt.tally(MID, ["D", "C", "B", "A"], list(reversed(answers))) == t


def test_meeting_reminders_before_the_start() -> None:
    start = T0_MS + 48 * HOUR
    assert mt.reminders_due(start, T0_MS) == []
    assert mt.reminders_due(start, start - 24 * HOUR) == [start - 24 * HOUR]
    assert mt.reminders_due(start, start - 10 * MIN, already=[start - 24 * HOUR]) \
        == [start - HOUR, start - 15 * MIN]
    assert mt.reminders_due(start, start + 1) == []


def test_calendar_exports_to_ics_that_icalendar_reads_back() -> None:
    weekly = mt.RegularMeeting(uid="pr-weekly", title="Permanent Council", starts_at=T0_MS,
                               duration_min=180, place="Hofburg, Neuer Saal",
                               agenda="1. Adoption of the agenda\n2. Current issues")
    committee = mt.RegularMeeting(uid="sec-cttee", title="Security Committee",
                                  starts_at=T0_MS + 2 * HOUR, duration_min=90,
                                  frequency="monthly", count=6)
    data = mt.calendar_ics([committee, weekly], venue="Test Forum", stamp_ms=T0_MS)
    assert data == mt.calendar_ics([weekly, committee], venue="Test Forum", stamp_ms=T0_MS)
    cal = icalendar.Calendar.from_ical(data)
    events = list(cal.walk("VEVENT"))
    assert [str(e["summary"]) for e in events] == ["Permanent Council", "Security Committee"]
    first = events[0]
    assert first.get("rrule").to_ical() == b"FREQ=WEEKLY;INTERVAL=1"
    assert "Current issues" in str(first["description"])
    assert (first.decoded("dtend") - first.decoded("dtstart")).total_seconds() == 3 * 3600
    assert b"COUNT=6" in events[1].get("rrule").to_ical()
