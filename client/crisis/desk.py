# SPDX-License-Identifier: Apache-2.0
"""The crisis desk of one client: sends and reads the crisis workflows over the client
core, keeping a :class:`~client.crisis.book.Book` of what its channels carried.

Records travel as ``crisis`` payloads (:class:`client.payloads.Crisis`), padded like
every application message, so the relay sees nothing it did not see
before. Each device reads the crisis messages it stored (:meth:`Desk.refresh`, which
takes each message once), so the book survives a restart; an item the book refuses
(:meth:`~client.crisis.book.Book.accept`) is left out of every view.

Clock: the client's (injected in tests); every record and view takes milliseconds.
"""

from __future__ import annotations

import contextlib
import secrets
from collections.abc import Sequence
from typing import TYPE_CHECKING, Final

from client import payloads
from client.crisis import authority, desk_views, explain, hotline, meetings, signing
from client.crisis.book import Book, CallView, Item, decode_item, encode_item
from client.crisis.desk_views import DeskView, MeetingView
from client.crisis.hotline_log import Entry, export_log
from client.crisis.records import (
    Attendance,
    AttendanceAnswer,
    Availability,
    ExplanationReply,
    ExplanationRequest,
    HotlineCall,
    LadderStep,
    MeetingProposal,
    MeetingRequest,
    Priority,
    ProposalAnswer,
    Record,
    RecordError,
    Rung,
    seal,
)
from client.desk_base import StoredDesk, Take
from client.errors import ClientError, NotFoundError, PayloadError, UsageError
from crypto.corridor import markings

if TYPE_CHECKING:
    from client.core import Client
    from client.notices.desk import NoticeDesk
    from client.store.base import Channel, Message

__all__ = ["KIND", "Desk", "DeskView", "MeetingView", "item_of"]

#: The payload kind of crisis items.
KIND: Final = "crisis"


class Desk(StoredDesk):
    """Crisis workflows over a :class:`client.core.Client` (``client``)."""

    def __init__(self, client: Client) -> None:
        super().__init__(client)
        self.book = Book(client.engine.trust.root_der)
        self._calls: dict[tuple[bytes, bytes], tuple[str, str, payloads.EmergencyCall]] = {}
        self._reminded: set[tuple[bytes, int]] = set()
        #: a record's body fingerprint -> the marking of the message that carried it
        self._marks: dict[bytes, str] = {}
        self._notices: NoticeDesk | None = None  # the incidents linked to requests

    # -- plumbing -----------------------------------------------------------------------

    def reload(self) -> None:
        """Forget the book and read every stored crisis message again."""
        self.book = Book(self.client.engine.trust.root_der)
        self._position.clear()
        self._calls.clear()
        self.refresh()

    def refresh(self) -> Book:
        """Take the messages stored since the last call into the book: each channel is
        read from the store position reached last time, so a tick costs what arrived."""
        self._read_new()
        return self.book

    def _taker(self) -> Take:
        return self._take

    def notice_desk(self) -> NoticeDesk:
        """The notices desk whose incidents link to this desk's requests (sharing
        this desk's crisis book)."""
        if self._notices is None:
            from client.notices.desk import NoticeDesk

            self._notices = NoticeDesk(self.client, crisis=self)
        return self._notices

    async def refresh_async(self) -> None:
        await self._read_async()
        await self.notice_desk()._read_async()

    def _take(self, ch: Channel, m: Message, crls: Sequence[bytes]) -> None:
        try:
            p = payloads.decode(m.body)
        except PayloadError:
            return
        sender = m.sender.decode(errors="replace")
        if isinstance(p, payloads.Crisis):
            with contextlib.suppress(RecordError):
                self.book.accept(ch.channel_id, sender, p.item, crls,
                                 notice=ch.kind == "notice")
                record = decode_item(p.item).record
                if record is not None:
                    self._marks[signing.fingerprint(record.body)] = p.marking
        elif isinstance(p, payloads.EmergencyCall):
            self._calls[(ch.channel_id, p.message_id)] = (ch.name, sender, p)

    def ensure(self) -> Book:
        return self.refresh()

    async def _send(self, channel: str | bytes, item: Item,
                    marking: str | None = None) -> str:
        p = payloads.Crisis(message_id=payloads.new_message_id(), sent_at=self.now(),
                            item=encode_item(item),
                            marking=self.check_marking(channel, marking))
        mid = str(await self.client.send_payload(channel, p))
        self.refresh()
        return mid

    async def _send_record(self, channel: str | bytes, rec: Record,
                           marking: str | None = None) -> str:
        eng = self.client.engine
        return await self._send(channel, Item(record=seal(rec, eng.me.seed),
                                              chain=tuple(eng.me.chain[:2])), marking)

    def marking_where(self, kind: type, key: str, value: bytes) -> str:
        return desk_views.marking_where(self, kind, key, value)

    def item_markings(self) -> dict[bytes, str]:
        return desk_views.item_markings(self)

    def call_marking(self, call_id: bytes) -> str:
        return self.marking_where(HotlineCall, "call_id", call_id)

    def request_marking(self, request_id: bytes) -> str:
        return self.marking_where(ExplanationRequest, "request_id", request_id)

    def _other_mission(self, cid: bytes) -> str:
        charter = self.client.engine.charter(cid)
        others = [m for m in charter.missions if m != self.mission]
        if charter.kind != "bilateral" or len(others) != 1:
            raise UsageError("a hotline runs in a bilateral channel with the called mission")
        return str(others[0])

    def find_call(self, ref: str | bytes) -> CallView:
        book = self.ensure()
        key = ref.hex() if isinstance(ref, bytes) else ref.lower()
        hits = [v for v in book.calls(self.now()) if v.call.call_id.hex().startswith(key)]
        if len(key) < 6 or len(hits) != 1:
            raise NotFoundError(f"no single hotline call matches {key!r}")
        return hits[0]

    # -- hotline ------------------------------------------------------------------------

    async def call(self, channel: str | bytes, subject: str, body: str = "", *,
                   priority: Priority = Priority.FLASH,
                   reply_within_ms: int | None = None, marking: str | None = None) -> str:
        """Call the other mission of a bilateral channel; returns the call id (hex).
        ``marking``: the call's classification (None: the desk's)."""
        cid = self.client.resolve_channel(channel)
        self.check_marking(cid, marking)
        call = hotline.new_call(call_id=secrets.token_bytes(16), caller=self.me,
                                to_mission=self._other_mission(cid), priority=priority,
                                subject=subject, body=body, sent_at=self.now(),
                                reply_within=reply_within_ms)
        await self._send_record(cid, call, marking)
        return call.call_id.hex()

    async def step(self, ref: str | bytes, rung: Rung) -> str:
        """Record a rung of a call to this device's mission (signed by this member)."""
        v = self.find_call(ref)
        if v.call.to_mission != self.mission:
            raise UsageError("only the called mission answers a hotline call")
        if self.book.has_step(v.call.call_id, rung, self.me):
            return ""
        step = LadderStep(call_id=v.call.call_id, rung=rung, member=self.me, at=self.now())
        return await self._send_record(v.channel_id, step)

    async def acknowledge(self, ref: str | bytes) -> str:
        return await self.step(ref, Rung.ACKNOWLEDGED)

    async def answer(self, ref: str | bytes, text: str, *,
                     marking: str | None = None) -> str:
        """Answer a call: the text (so marked) in its channel, and the ``answered`` rung."""
        v = self.find_call(ref)
        mark = self.check_marking(v.channel_id, marking)
        await self.step(ref, Rung.ACKNOWLEDGED)
        await self.client.send_text(v.channel_id, text, marking=mark)
        return await self.step(ref, Rung.ANSWERED)

    async def tick(self) -> list[CallView]:
        """After a sync: mark calls to this mission delivered (and seen, when shown by
        the caller of ``tick``), and return the calls ringing on this device now."""
        book = self.ensure()
        for v in book.calls(self.now()):
            if v.call.to_mission == self.mission and not book.has_step(
                    v.call.call_id, Rung.DELIVERED, self.me):
                with contextlib.suppress(UsageError):
                    await self.step(v.call.call_id, Rung.DELIVERED)
        return book.ringing_for(self.me, self.now())

    def calls(self) -> list[CallView]:
        return self.ensure().calls(self.now())

    def export_log(self, call_ids: Sequence[str] = ()) -> bytes:
        book = self.ensure()
        ids = [self.find_call(c).call.call_id for c in call_ids] if call_ids else None
        entries: list[Entry] = book.log_entries(ids)
        eng = self.client.engine
        mark = markings.highest([self._marks.get(signing.fingerprint(e.record.body), "")
                                 for e in entries], eng.marking_scheme)
        return export_log(entries, root_der=eng.trust.root_der, exporter_chain=eng.me.chain[:2],
                          exporter_seed=eng.me.seed, exported_at=self.now(),
                          marking=str(mark))

    # -- duty roster ----------------------------------------------------------------------

    async def publish_roster(self, channel: str | bytes, signed_roster: bytes,
                             signed_windows: bytes = b"") -> str:
        """Send a roster the mission admin signed to a channel of this mission (its
        devices compute escalation from it), never to another mission; its public
        windows (someone on duty or not, no names), when the mission discloses them, go
        to every bilateral channel."""
        cid = self.client.resolve_channel(channel)
        if tuple(self.client.engine.charter(cid).missions) != (self.mission,):
            raise UsageError("a duty roster goes only to a channel of your own mission")
        chain = tuple(bytes(c) for c in self.client.engine.me.chain[:2])
        hotline.verify_roster(chain[1], signed_roster)
        mid = await self._send(cid, Item(roster=signed_roster, chain=chain))
        if signed_windows:
            hotline.verify_windows(chain[1], signed_windows)
            for other, _name, _m in self.view_channels():
                await self._send(other, Item(windows=signed_windows, chain=chain))
        return mid

    def on_duty(self) -> dict[str, bool]:
        """Other missions' "on duty: yes/no" now, where they disclose it."""
        return self.ensure().on_duty(self.now())

    def roster(self) -> hotline.DutyRoster | None:
        return self.ensure().rosters.get(self.mission)

    # -- chair handovers ------------------------------------------------------------------

    async def publish_handover(self, channel: str | bytes, signed: bytes) -> str:
        authority.verify_handover(self.client.engine.trust.root_der, signed)
        return await self._send(channel, Item(handover=signed))

    def handovers(self) -> list[authority.Handover]:
        return list(self.ensure().handovers)

    # -- requests for explanation ----------------------------------------------------------

    async def request_explanation(self, channel: str | bytes, *, to_mission: str, what: str,
                                  where: str = "", when: str = "", reference: str = "",
                                  deadline_ms: int = explain.DEFAULT_DEADLINE,
                                  notify: Sequence[str] = (),
                                  marking: str | None = None) -> str:
        cid = self.client.resolve_channel(channel)
        self.check_marking(cid, marking)
        if to_mission not in self.client.engine.charter(cid).missions:
            raise UsageError(f"mission {to_mission} is not in this channel")
        now = self.now()
        req = ExplanationRequest(request_id=secrets.token_bytes(16), requester=self.me,
                                 to_mission=to_mission, what=what, where=where, when=when,
                                 reference=reference, sent_at=now, deadline_at=now + deadline_ms,
                                 notify=tuple(notify))
        await self._send_record(cid, req, marking)
        return req.request_id.hex()

    def _request_ref(self, ref: str) -> tuple[bytes, ExplanationRequest]:
        hits = [(k.channel_id, k.record) for k in self.ensure().kept.values()
                if isinstance(k.record, ExplanationRequest)
                and k.record.request_id.hex().startswith(ref.lower())]
        if len(ref) < 6 or len(hits) != 1:
            raise NotFoundError(f"no single request for explanation matches {ref!r}")
        return hits[0]

    async def reply_explanation(self, ref: str, text: str, *,
                                marking: str | None = None) -> str:
        cid, req = self._request_ref(ref)
        self.check_marking(cid, marking)
        reply = ExplanationReply(request_id=req.request_id, member=self.me, body=text,
                                 at=self.now())
        try:
            explain.check_reply(req, reply)
        except RecordError as exc:
            raise UsageError(str(exc)) from None
        return await self._send_record(cid, reply, marking)

    async def request_meeting(self, ref: str,
                              within_ms: int = explain.DEFAULT_MEETING_WITHIN) -> str:
        cid, req = self._request_ref(ref)
        now = self.now()
        ask = MeetingRequest(request_id=req.request_id, member=self.me, at=now,
                             hold_by=now + within_ms)
        replies = [k.record for k in self.book.kept.values()
                   if isinstance(k.record, ExplanationReply)]
        try:
            explain.check_meeting_request(req, replies, ask)
        except RecordError as exc:
            raise UsageError(str(exc)) from None
        return await self._send_record(cid, ask)

    def explanations(self) -> list[tuple[ExplanationRequest, explain.ExplanationStatus]]:
        book = self.ensure()
        return book.explanations(self.now(), self._called())

    def _called(self) -> dict[bytes, int]:
        """Request id -> the meeting time of the chair's call that answers it."""
        return {p.explains: p.meeting_at for (_n, _s, p) in self._calls.values()
                if p.explains}

    async def call_meeting(self, channel: str | bytes, *, meeting_at: int, place: str = "",
                           link: str = "", agenda: str = "", explains: str = "",
                           marking: str | None = None) -> str:
        """A meeting call (chair or convener: every client checks), optionally answering a
        request for explanation, which it then carries (the request's what, where and
        when become the agenda when none is given)."""
        rid = b""
        if explains:
            _cid, req = self._request_ref(explains)
            rid = req.request_id
            parts = ", ".join(x for x in (req.where, req.when) if x)
            agenda = agenda or (f"Request for explanation from {req.requester} to "
                                f"{req.to_mission}: {req.what}"
                                + (f" ({parts})" if parts else ""))
        p = payloads.EmergencyCall(message_id=payloads.new_message_id(), sent_at=self.now(),
                                   meeting_at=meeting_at, place=place, link=link,
                                   agenda=agenda, explains=rid,
                                   marking=self.check_marking(channel, marking))
        mid = str(await self.client.send_payload(channel, p))
        self.refresh()
        return mid

    # -- meetings -------------------------------------------------------------------------

    async def attend(self, channel: str | bytes, meeting: str | bytes,
                     answer: AttendanceAnswer, represented_by: str = "") -> str:
        cid, mid = self.client.resolve_message(meeting, channel)
        rec = Attendance(meeting_id=mid, member=self.me, answer=answer,
                         represented_by=represented_by, at=self.now())
        return await self._send_record(cid, rec)

    def meeting_calls(self) -> list[MeetingView]:
        """Every meeting call (emergency call) this device holds, newest first, with the
        attendance tally of its channel's missions."""
        book = self.ensure()
        out = []
        for (cid, mid), (name, sender, p) in self._calls.items():
            try:
                missions = tuple(self.client.engine.charter(cid).missions)
                self.client.store.get_message(cid, mid)  # still here (not redacted)
            except ClientError:
                continue
            out.append(MeetingView(cid, name, mid, sender, p.meeting_at, p.agenda, p.place,
                                   p.link, book.tally(mid, missions)))
        out.sort(key=lambda x: -x.meeting_at)
        return out

    def view(self) -> DeskView:
        """Everything the app's crisis window shows (:func:`desk_view`)."""
        return desk_views.desk_view(self)

    def incidents_of(self) -> dict[bytes, list[tuple[str, int]]]:
        return desk_views.incidents_of(self)

    # -- proposals and informal contact --------------------------------------------------

    async def propose_meeting(self, channel: str | bytes, *, meeting_at: int, place: str = "",
                              agenda: str = "") -> str:
        """Propose a meeting in a bilateral channel (where nobody convenes one)."""
        cid = self.client.resolve_channel(channel)
        self._other_mission(cid)
        prop = MeetingProposal(proposal_id=secrets.token_bytes(16), member=self.me,
                               meeting_at=meeting_at, place=place, agenda=agenda,
                               at=self.now())
        await self._send_record(cid, prop)
        return prop.proposal_id.hex()

    async def answer_proposal(self, ref: str, accept: bool) -> str:
        hits = [(c, p) for c, p, _a in self.ensure().proposals()
                if p.proposal_id.hex().startswith(ref.lower())]
        if len(ref) < 6 or len(hits) != 1:
            raise NotFoundError(f"no single meeting proposal matches {ref!r}")
        cid, prop = hits[0]
        if prop.member.split("/", 1)[0] == self.mission:
            raise UsageError("the other side answers a proposal")
        return await self._send_record(cid, ProposalAnswer(
            proposal_id=prop.proposal_id, member=self.me, accept=accept, at=self.now()))

    async def set_available(self, missions: Sequence[str], until_ms: int,
                            note: str = "") -> list[str]:
        """Tell the chosen missions (in the bilateral channels with them, encrypted) that
        this delegate is available to talk until ``until_ms`` (0 withdraws it)."""
        wanted = set(missions)
        sent = []
        for cid, _name, other in self.view_channels():
            if other in wanted:
                await self._send_record(cid, Availability(member=self.me, until=until_ms,
                                                          note=note, at=self.now()))
                sent.append(other)
        missing = wanted - set(sent)
        if missing:
            raise UsageError("no bilateral channel with " + ", ".join(sorted(missing)))
        return sorted(sent)

    def view_channels(self) -> list[tuple[bytes, str, str]]:
        return desk_views.view_channels(self)

    def reminders(self) -> list[str]:
        return desk_views.reminders(self)

    def tally(self, channel: str | bytes, meeting: str | bytes) -> meetings.Tally:
        cid, mid = self.client.resolve_message(meeting, channel)
        return self.ensure().tally(mid, self.client.engine.charter(cid).missions)


def item_of(body: bytes) -> bytes | None:
    """The crisis item a stored message body carries, if it is one."""
    try:
        p = payloads.decode(body)
    except PayloadError:
        return None
    return p.item if isinstance(p, payloads.Crisis) else None
