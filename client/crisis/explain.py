# SPDX-License-Identifier: Apache-2.0
"""Requests for explanation (after the Vienna Document's mechanism for unusual military
activity): a mission asks another what, where and when; the other must reply within a
deadline set by the venue (48 hours by default); then, or when no reply comes, the
requester may ask the chair for a meeting of all missions, to be held within another
deadline (48 hours by default).

The state is a pure function of the signed records and the clock (:func:`status`), so
both missions see the same clock and the same verdict::

    sent --reply--> replied --ask the chair--> meeting requested --chair's call--> meeting called
      \\--deadline--> overdue --reply (late)--> replied
                         \\--ask the chair--> meeting requested

Reminders fall at set points before the deadline (:data:`REMINDERS`); an overdue
request is shown to every mission the requester named in ``notify``.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Final

from client.crisis.records import (
    HOUR,
    ExplanationReply,
    ExplanationRequest,
    MeetingRequest,
    RecordError,
)

__all__ = [
    "DEFAULT_DEADLINE",
    "DEFAULT_MEETING_WITHIN",
    "REMINDERS",
    "ExplanationState",
    "ExplanationStatus",
    "check_meeting_request",
    "check_reply",
    "reminders_due",
    "status",
]

DEFAULT_DEADLINE: Final = 48 * HOUR
DEFAULT_MEETING_WITHIN: Final = 48 * HOUR
#: Reminders before the deadline (ms before it), earliest first.
REMINDERS: Final = (24 * HOUR, 6 * HOUR, 1 * HOUR)


class ExplanationState(enum.StrEnum):
    SENT = "sent"
    REPLIED = "replied"
    OVERDUE = "overdue"
    MEETING_REQUESTED = "meeting requested"
    MEETING_CALLED = "meeting called"


@dataclass(frozen=True, slots=True)
class ExplanationStatus:
    request_id: bytes
    state: ExplanationState
    deadline_at: int
    remaining_ms: int  # negative once past the deadline
    replied_at: int | None
    late: bool  # replied after the deadline
    overdue_since: int | None  # the deadline, when no reply came before it
    meeting_hold_by: int | None
    #: missions to be told it is overdue (the requester's choice), while it is
    notify: tuple[str, ...]
    #: the chair's meeting call that answers the request (its time), if one came
    meeting_at: int | None = None

    def to_json(self) -> dict[str, object]:
        return {"request_id": self.request_id.hex(), "state": str(self.state),
                "deadline_at": self.deadline_at, "remaining_ms": self.remaining_ms,
                "replied_at": self.replied_at, "late": self.late,
                "overdue_since": self.overdue_since, "meeting_hold_by": self.meeting_hold_by,
                "notify": list(self.notify), "meeting_at": self.meeting_at}


def check_reply(req: ExplanationRequest, reply: ExplanationReply) -> None:
    """Only the requested mission replies (RecordError otherwise)."""
    if reply.request_id != req.request_id:
        raise RecordError("a reply to another request")
    if reply.member.split("/", 1)[0] != req.to_mission:
        raise RecordError("only the requested mission replies")


def check_meeting_request(req: ExplanationRequest, replies: Sequence[ExplanationReply],
                          meeting: MeetingRequest) -> None:
    """Only the requesting mission asks for the meeting, and only once the request is
    replied to or overdue."""
    if meeting.request_id != req.request_id:
        raise RecordError("a meeting request for another request")
    if meeting.member.split("/", 1)[0] != req.requester.split("/", 1)[0]:
        raise RecordError("only the requesting mission asks for the meeting")
    replied = any(r.at <= meeting.at for r in replies)
    if not replied and meeting.at < req.deadline_at:
        raise RecordError("a meeting may be requested after the reply or the deadline")
    if meeting.hold_by <= meeting.at:
        raise RecordError("the meeting must be held after it is requested")


def status(req: ExplanationRequest, replies: Iterable[ExplanationReply],
           meetings: Iterable[MeetingRequest], now: int,
           called: int | None = None) -> ExplanationStatus:
    """Where the request stands at ``now``; records that break the rules do not count.
    ``called`` is the time of the meeting a chair's call (with the request attached)
    convened, once one was received."""
    good = []
    for r in replies:
        try:
            check_reply(req, r)
        except RecordError:
            continue
        if r.at <= now:
            good.append(r)
    replied_at = min((r.at for r in good), default=None)
    valid_meetings = []
    for m in meetings:
        try:
            check_meeting_request(req, good, m)
        except RecordError:
            continue
        if m.at <= now:
            valid_meetings.append(m)
    meeting = min(valid_meetings, key=lambda m: m.at, default=None)
    overdue = replied_at is None and now >= req.deadline_at
    if called is not None:
        state = ExplanationState.MEETING_CALLED
    elif meeting is not None:
        state = ExplanationState.MEETING_REQUESTED
    elif replied_at is not None:
        state = ExplanationState.REPLIED
    elif overdue:
        state = ExplanationState.OVERDUE
    else:
        state = ExplanationState.SENT
    late = replied_at is not None and replied_at > req.deadline_at
    overdue_since = req.deadline_at if (overdue or late) else None
    return ExplanationStatus(req.request_id, state, req.deadline_at, req.deadline_at - now,
                             replied_at, late, overdue_since,
                             meeting.hold_by if meeting else None,
                             tuple(req.notify) if overdue else (), called)


def reminders_due(req: ExplanationRequest, replied: bool, now: int,
                  already: Iterable[int] = (),
                  points: Sequence[int] = REMINDERS) -> list[int]:
    """Reminder times (ms) reached by ``now`` and not yet given (``already``); none
    after a reply, and none that would fall before the request was sent."""
    if replied:
        return []
    done = set(already)
    out = []
    for p in points:
        t = req.deadline_at - p
        if req.sent_at < t <= now and t not in done:
            out.append(t)
    if req.deadline_at <= now and req.deadline_at not in done:
        out.append(req.deadline_at)  # the overdue notice itself
    return out
