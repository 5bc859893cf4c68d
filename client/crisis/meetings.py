# SPDX-License-Identifier: Apache-2.0
"""Meetings: attendance answers to a meeting call, their tally, reminders before the
start, and the venue's calendar of regular meetings exported to iCalendar.

Each mission answers for itself (attending in person, remotely, represented by someone,
cannot attend); the latest answer of a mission counts, and the tally is a pure function
of the signed answers and the channel's missions (:func:`tally`), so every mission's
client shows the same numbers and the same list of who has not answered.

The calendar (:func:`calendar_ics`) is written with the ``icalendar`` library, so a
delegate's calendar application reads it: one VEVENT per regular meeting with its
weekly (or other) recurrence and its agenda.
"""

from __future__ import annotations

import itertools
import json
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Annotated, Final, Literal

import msgspec
from msgspec import Meta

from client.crisis.records import MINUTE, Attendance, AttendanceAnswer, Millis

__all__ = [
    "CALENDAR_VERSION",
    "REMINDERS",
    "RegularMeeting",
    "Tally",
    "calendar_ics",
    "parse_calendar",
    "reminders_due",
    "tally",
    "upcoming",
]

CALENDAR_VERSION: Final = 1
#: Reminders before a meeting's start (ms before it).
REMINDERS: Final = (24 * 60 * MINUTE, 60 * MINUTE, 15 * MINUTE)


@dataclass(frozen=True, slots=True)
class Tally:
    meeting_id: bytes
    #: mission -> its latest answer
    answers: dict[str, Attendance]
    not_answered: tuple[str, ...]

    @property
    def counts(self) -> dict[str, int]:
        out = {str(a): 0 for a in AttendanceAnswer}
        for att in self.answers.values():
            out[str(att.answer)] += 1
        out["not answered"] = len(self.not_answered)
        return out

    def to_json(self) -> dict[str, object]:
        return {"meeting_id": self.meeting_id.hex(), "counts": self.counts,
                "answers": {m: {"answer": str(a.answer), "by": a.member,
                                "represented_by": a.represented_by, "at": a.at}
                            for m, a in sorted(self.answers.items())},
                "not_answered": list(self.not_answered)}


def tally(meeting_id: bytes, missions: Sequence[str], answers: Iterable[Attendance]) -> Tally:
    """Per mission of the channel, its latest answer (by time, then by member for a
    deterministic tie-break); answers from outside the channel's missions do not count.
    The calling mission is asked like every other one (who attends for it)."""
    allowed = set(missions)
    latest: dict[str, Attendance] = {}
    for a in answers:
        mission = a.member.split("/", 1)[0]
        if a.meeting_id != meeting_id or mission not in allowed:
            continue
        if a.answer is AttendanceAnswer.REPRESENTED and not a.represented_by:
            continue
        cur = latest.get(mission)
        if cur is None or (a.at, a.member) > (cur.at, cur.member):
            latest[mission] = a
    pending = tuple(sorted(m for m in allowed if m not in latest))
    return Tally(meeting_id, dict(sorted(latest.items())), pending)


def reminders_due(meeting_at: int, now: int, already: Iterable[int] = (),
                  points: Sequence[int] = REMINDERS, called_at: int = 0) -> list[int]:
    """Reminder times before ``meeting_at`` reached by ``now`` and not yet given."""
    done = set(already)
    return [t for t in (meeting_at - p for p in points)
            if called_at < t <= now < meeting_at and t not in done]


class RegularMeeting(msgspec.Struct, frozen=True, kw_only=True):
    """A meeting of the venue's calendar (weekly meetings of permanent
    representatives, committees), with its agenda."""

    v: int = CALENDAR_VERSION
    uid: Annotated[str, Meta(min_length=1, max_length=128, pattern=r"^[A-Za-z0-9._@-]+$")]
    title: Annotated[str, Meta(min_length=1, max_length=256)]
    starts_at: Millis
    duration_min: Annotated[int, Meta(ge=1, le=24 * 60)]
    frequency: Literal["once", "daily", "weekly", "monthly"] = "weekly"
    interval: Annotated[int, Meta(ge=1, le=52)] = 1
    count: Annotated[int, Meta(ge=1, le=1000)] | None = None
    place: Annotated[str, Meta(max_length=512)] = ""
    agenda: Annotated[str, Meta(max_length=32 * 1024)] = ""


def _dt(ms: int) -> datetime:
    return datetime.fromtimestamp(ms / 1000, UTC)


def calendar_ics(meetings: Iterable[RegularMeeting], *, venue: str, stamp_ms: int) -> bytes:
    """The calendar as iCalendar (RFC 5545) bytes; ``stamp_ms`` is DTSTAMP (injected so
    an export is reproducible)."""
    # imported here, not with the module: icalendar (with dateutil and zoneinfo) is 4 MiB
    # of RSS that every start of the app and the core would carry for an export
    import icalendar

    cal = icalendar.Calendar()
    cal.add("prodid", "-//Corridor//Venue calendar//EN")
    cal.add("version", "2.0")
    cal.add("x-wr-calname", venue)
    for m in sorted(meetings, key=lambda m: (m.starts_at, m.uid)):
        ev = icalendar.Event()
        ev.add("uid", f"{m.uid}@corridor")
        ev.add("dtstamp", _dt(stamp_ms))
        ev.add("dtstart", _dt(m.starts_at))
        ev.add("dtend", _dt(m.starts_at) + timedelta(minutes=m.duration_min))
        ev.add("summary", m.title)
        if m.place:
            ev.add("location", m.place)
        if m.agenda:
            ev.add("description", m.agenda)
        if m.frequency != "once":
            rule: dict[str, object] = {"freq": m.frequency, "interval": m.interval}
            if m.count is not None:
                rule["count"] = m.count
            ev.add("rrule", rule)
        cal.add_component(ev)
    return bytes(cal.to_ical())


def parse_calendar(raw: bytes, to_ms: Callable[[object], int]) -> list[RegularMeeting]:
    """The meetings of a calendar file (a JSON list; ``to_ms`` reads each ``starts_at``,
    a time in milliseconds or as the command line writes one). ValueError when it is
    not one."""
    try:
        items = [{**m, "starts_at": to_ms(m["starts_at"])} for m in json.loads(raw)]
        return msgspec.convert(items, list[RegularMeeting])
    except (ValueError, KeyError, TypeError, msgspec.ValidationError) as exc:
        raise ValueError(f"not a list of meetings: {exc}") from None


def _occurrences(m: RegularMeeting) -> Iterator[int]:
    """Each start of ``m`` (ms), as RFC 5545 expands its rule: a monthly meeting on a
    day a month lacks (the 31st) skips that month, and the skip does not count."""
    if m.frequency == "once":
        yield m.starts_at
        return
    first = _dt(m.starts_at)
    n = 0
    for k in itertools.count():
        if m.count is not None and n >= m.count:
            return
        if m.frequency == "monthly":
            months = first.month - 1 + k * m.interval
            try:
                at = first.replace(year=first.year + months // 12, month=months % 12 + 1)
            except ValueError:
                continue
        else:
            days = 7 if m.frequency == "weekly" else 1
            at = first + timedelta(days=days * m.interval * k)
        n += 1
        yield int(at.timestamp() * 1000)


def upcoming(meetings: Iterable[RegularMeeting], now: int, *,
             limit: int = 20) -> list[tuple[int, RegularMeeting]]:
    """The next ``limit`` starts at or after ``now`` (ms) across the calendar, in order
    (a meeting under way counts until its end)."""
    out: list[tuple[int, RegularMeeting]] = []
    for m in meetings:
        span, mine = m.duration_min * MINUTE, 0
        for at in _occurrences(m):
            if at + span <= now:
                continue
            out.append((at, m))
            mine += 1
            if mine >= limit:  # no more of this one can make the first ``limit``
                break
    return sorted(out, key=lambda x: (x[0], x[1].uid))[:limit]
