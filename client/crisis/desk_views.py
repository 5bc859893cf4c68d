# SPDX-License-Identifier: Apache-2.0
"""What the crisis desk shows, computed from its book on the core's thread: the
window's whole view, the bilateral channels, the incidents linked to each request for
explanation, the markings of calls and requests, and the reminders due. Kept apart
from :class:`client.crisis.desk.Desk`, which sends and records, so each stays small.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from client.crisis import explain, hotline, meetings
from client.crisis.book import CallView
from client.crisis.records import ExplanationRequest, HotlineCall, MeetingProposal
from client.errors import ClientError
from crypto.corridor import markings

if TYPE_CHECKING:
    from client.crisis.desk import Desk

__all__ = ["DeskView", "MeetingView", "desk_view", "incidents_of", "item_markings",
           "marking_where", "reminders", "view_channels"]


@dataclass(frozen=True, slots=True)
class MeetingView:
    channel_id: bytes
    channel_name: str
    meeting_id: bytes
    called_by: str
    meeting_at: int
    agenda: str
    place: str
    link: str
    tally: meetings.Tally


@dataclass(frozen=True, slots=True)
class DeskView:
    """A snapshot of the crisis desk at ``now`` (ms)."""

    me: str
    mission: str
    now: int
    calls: list[CallView]
    ringing: frozenset[bytes]
    explanations: list[tuple[ExplanationRequest, explain.ExplanationStatus]]
    roster: hotline.DutyRoster | None
    meetings: list[MeetingView]
    #: (channel id, name, the other mission) of the bilateral channels: where to call
    bilateral: tuple[tuple[bytes, str, str], ...]
    channels: tuple[tuple[bytes, str], ...]
    #: meeting proposals of bilateral channels: (channel, proposal, member -> accepted)
    proposals: list[tuple[bytes, MeetingProposal, dict[str, bool]]] = field(
        default_factory=list)
    #: per channel, who is available to talk: (member, until, note)
    available: dict[bytes, list[tuple[str, int, str]]] = field(default_factory=dict)
    #: other missions' "someone on duty" now, where they disclose it
    others_on_duty: dict[str, bool] = field(default_factory=dict)
    #: request for explanation -> the incidents linked to it (mission, occurred at)
    incidents: dict[bytes, list[tuple[str, int]]] = field(default_factory=dict)
    #: channel id -> the levels at or under its ceiling (what an item may be marked)
    levels: dict[bytes, tuple[str, ...]] = field(default_factory=dict)
    #: call or request id -> the marking of the message that carried it
    marks: dict[bytes, str] = field(default_factory=dict)
    #: request for explanation -> its channel (where the reply goes)
    request_channels: dict[bytes, bytes] = field(default_factory=dict)
    #: member id -> how the window writes it ("Ana (alderia/ana)"), from certificates
    labels: dict[str, str] = field(default_factory=dict)

    def label(self, who: str) -> str:
        """A member id as the window shows it: named by its certificate, else bare."""
        return self.labels.get(who, who)



def desk_view(desk: Desk) -> DeskView:
    """Everything the app's crisis window shows, computed at once on the core's
    thread (the window only renders it)."""
    now = desk.now()
    book = desk.ensure()
    chans = [c for c in desk.client.store.list_channels() if not c.damaged]
    eng = desk.client.engine
    levels: dict[bytes, tuple[str, ...]] = {}
    for c in chans:
        with contextlib.suppress(ClientError):
            levels[c.channel_id] = eng.levels_allowed(c.channel_id)
    marks = desk.item_markings()
    asked = {k.record.request_id: k.channel_id for k in book.kept.values()
             if isinstance(k.record, ExplanationRequest)}
    return DeskView(desk.me, desk.mission, now, book.calls(now),
                    frozenset(v.call.call_id for v in book.ringing_for(desk.me, now)),
                    book.explanations(now, desk._called()), desk.roster(),
                    desk.meeting_calls(),
                    tuple(desk.view_channels()),
                    tuple((c.channel_id, c.name) for c in chans),
                    book.proposals(), book.available(now), book.on_duty(now),
                    desk.incidents_of(), levels, marks, asked,
                    desk.labels())


def incidents_of(desk: Desk) -> dict[bytes, list[tuple[str, int]]]:
    """Request for explanation -> the incidents linked to it, as (reporting mission,
    when it occurred): the request's side of an incident's link."""
    out: dict[bytes, list[tuple[str, int]]] = {}
    for row in desk.notice_desk().refresh().incidents():
        if row["explains"]:
            out.setdefault(bytes.fromhex(row["explains"]), []).append(
                (row["mission"], row["occurred_at"]))
    return out


def view_channels(desk: Desk) -> list[tuple[bytes, str, str]]:
    """(channel id, name, other mission) of this device's bilateral channels."""
    out = []
    for c in desk.client.store.list_channels():
        if c.damaged:
            continue
        with contextlib.suppress(Exception):
            charter = desk.client.engine.charter(c.channel_id)
            others = [m for m in charter.missions if m != desk.mission]
            if charter.kind == "bilateral" and len(others) == 1:
                out.append((c.channel_id, c.name, str(others[0])))
    return out


def reminders(desk: Desk) -> list[str]:
    """Reminders due now, each given once per device: requests for explanation
    made by or to this mission (before their deadline, and when overdue) and
    meeting calls (before they start)."""
    now = desk.now()
    out = []
    for req, st in desk.ensure().explanations(now):
        if desk.mission not in (req.to_mission, req.requester.split("/", 1)[0]):
            continue
        done = {t for i, t in desk._reminded if i == req.request_id}
        for t in explain.reminders_due(req, st.replied_at is not None, now, done):
            desk._reminded.add((req.request_id, t))
            left = req.deadline_at - t
            out.append(f"request for explanation to {req.to_mission}: "
                       + (f"{left // 3_600_000} h to the deadline" if left > 0
                          else "overdue"))
    for m in desk.meeting_calls():
        done = {t for i, t in desk._reminded if i == m.meeting_id}
        for t in meetings.reminders_due(m.meeting_at, now, done):
            desk._reminded.add((m.meeting_id, t))
            out.append(f"meeting in {(m.meeting_at - t) // 60_000} min: {m.agenda}")
    return out


def item_markings(desk: Desk) -> dict[bytes, str]:
    """Call id or request id -> the marking of the message that carried it (one
    pass over the book, for the window's tables)."""
    scheme = desk.client.engine.marking_scheme
    out = {}
    for fp, k in desk.book.kept.items():
        rec = k.record
        key = rec.call_id if isinstance(rec, HotlineCall) else (
            rec.request_id if isinstance(rec, ExplanationRequest) else None)
        if key is not None:
            with contextlib.suppress(markings.MarkingError):
                out[key] = str(markings.parse(desk._marks.get(fp, ""), scheme))
    return out


def marking_where(desk: Desk, kind: type, key: str, value: bytes) -> str:
    """The marking of the message that carried the record of ``kind`` whose ``key``
    field is ``value`` (a call, a request): what the listings show next to it."""
    scheme = desk.client.engine.marking_scheme
    for fp, k in desk.book.kept.items():
        if isinstance(k.record, kind) and getattr(k.record, key) == value:
            with contextlib.suppress(markings.MarkingError):
                return str(markings.parse(desk._marks.get(fp, ""), scheme))
    return scheme.lowest
