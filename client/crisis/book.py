# SPDX-License-Identifier: Apache-2.0
"""A device's book of crisis records: what arrived in its channels, checked, indexed,
and the views the command line and the app show (calls and their escalation, alarms,
requests for explanation, attendance tallies, the exportable log).

Records travel inside MLS as :class:`Item` (one field set per item): a member's signed
record or a mission's signed duty roster, each with the sender's certificate chain, or
the venue's signed chair handover. :meth:`Book.accept` checks an item against the
sender as MLS authenticated the message before anything is kept: the chain must verify
to the venue root and name that sender; a record must be signed by the chain's device
key and name that member; a roster by the chain's mission key (so only a mission's own
members carry its roster); a handover by the venue root. The book holds no clock:
every view takes ``now`` (ms).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Annotated, Final

import msgspec
from msgspec import Meta

from client.crisis import authority, explain, hotline, meetings, signing
from client.crisis.hotline_log import Entry
from client.crisis.records import (
    Attendance,
    Availability,
    ExplanationReply,
    ExplanationRequest,
    HotlineCall,
    LadderStep,
    MeetingProposal,
    MeetingRequest,
    ProposalAnswer,
    Record,
    RecordError,
    Rung,
    Signed,
    author_of,
    decode_record,
    time_of,
)
from crypto.errors import CryptoError

__all__ = ["ITEM_VERSION", "Book", "CallView", "Item", "Kept", "decode_item", "encode_item"]

ITEM_VERSION: Final = 1
_Chain = Annotated[tuple[bytes, ...], Meta(max_length=3)]


class Item(msgspec.Struct, frozen=True, kw_only=True):
    """What a crisis payload carries: exactly one of a member's record, a signed duty
    roster, a chair handover; with the sender's certificate chain (device, mission) for
    a record or roster."""

    v: int = ITEM_VERSION
    record: Signed | None = None
    chain: _Chain = ()
    roster: bytes = b""
    windows: bytes = b""
    handover: bytes = b""


_enc: Final = msgspec.msgpack.Encoder()
_item_decoder: Final = msgspec.msgpack.Decoder(Item)


def encode_item(item: Item) -> bytes:
    return _enc.encode(item)


def decode_item(data: bytes) -> Item:
    try:
        item = _item_decoder.decode(data)
    except (msgspec.MsgspecError, ValueError):
        raise RecordError("malformed crisis item") from None
    if item.v != ITEM_VERSION:
        raise RecordError("a crisis item of another version")
    if sum(map(bool, (item.record is not None, item.roster, item.windows,
                      item.handover))) != 1:
        raise RecordError("a crisis item carries one record, roster, duty windows or "
                          "handover")
    return item


@dataclass(frozen=True, slots=True)
class Kept:
    """One accepted member record, where it came from."""

    channel_id: bytes
    record: Record
    signed: Signed
    chain: tuple[bytes, ...]


@dataclass(frozen=True, slots=True)
class CallView:
    channel_id: bytes
    call: HotlineCall
    ladder: hotline.Ladder
    escalation: hotline.Escalation

    def to_json(self, now: int) -> dict[str, object]:
        c = self.call
        return {"channel_id": self.channel_id.hex(), "call_id": c.call_id.hex(),
                "caller": c.caller, "to_mission": c.to_mission, "priority": str(c.priority),
                "subject": c.subject, "body": c.body, "sent_at": c.sent_at,
                "reply_by": c.reply_by, "ladder": self.ladder.to_json(),
                "escalation": self.escalation.to_json(now)}


@dataclass
class Book:
    """Accepted crisis records of one device (rebuilt from its store on open)."""

    root_der: bytes
    kept: dict[bytes, Kept] = field(default_factory=dict)  # record body hash -> kept
    rosters: dict[str, hotline.DutyRoster] = field(default_factory=dict)
    roster_bytes: dict[str, bytes] = field(default_factory=dict)
    handovers: list[authority.Handover] = field(default_factory=list)
    #: other missions' duty windows (what they disclose: someone on duty, or not)
    windows: dict[str, hotline.DutyWindows] = field(default_factory=dict)

    def accept(self, channel_id: bytes, sender: str, data: bytes,
               crls: Sequence[bytes] = (), *, notice: bool = False
               ) -> Record | hotline.DutyRoster | hotline.DutyWindows | authority.Handover:
        """Check and keep an item that ``sender`` ("mission/delegate", as MLS
        authenticated the message) sent in a channel. RecordError if refused.

        In a notice channel, where only the chair posts, members answer: an item there
        is kept only if it is an attendance answer, a meeting request or a handover.

        A record or roster carries its sender's certificate chain, which must verify to
        the venue root at the record's own time and name ``sender``; the record is
        signed by that device key, a roster by that chain's mission key."""
        item = decode_item(data)
        if item.handover:
            try:
                h = authority.verify_handover(self.root_der, item.handover)
            except authority.AuthorityError as exc:
                raise RecordError(str(exc)) from None
            if h not in self.handovers:
                self.handovers.append(h)
            return h
        if notice and (item.roster or item.windows or (item.record is not None and not isinstance(
                decode_record(item.record.body), Attendance | MeetingRequest))):
            raise RecordError("only attendance answers and meeting requests in a notice "
                              "channel")
        if len(item.chain) < 2:
            raise RecordError("a crisis item comes with its sender's certificate chain")
        chain = tuple(bytes(c) for c in item.chain)
        if item.roster:
            roster = hotline.verify_roster(chain[1], item.roster)
            self._signer(chain, roster.issued_at, sender, crls)
            cur = self.rosters.get(roster.mission)
            if cur is None or (roster.revision, roster.issued_at) > (cur.revision,
                                                                      cur.issued_at):
                self.rosters[roster.mission] = roster
                self.roster_bytes[roster.mission] = item.roster
            return roster
        if item.windows:
            w = hotline.verify_windows(chain[1], item.windows)
            self._signer(chain, w.issued_at, sender, crls)
            cur_w = self.windows.get(w.mission)
            if cur_w is None or (w.revision, w.issued_at) > (cur_w.revision, cur_w.issued_at):
                self.windows[w.mission] = w
            return w
        assert item.record is not None
        rec = decode_record(item.record.body)
        self._signer(chain, time_of(rec), sender, crls)
        if not signing.verify(signing.cert_public_key(chain[0]), signing.RECORD_LABEL,
                              item.record.body, item.record.sig):
            raise RecordError("the record's signature does not verify")
        if author_of(rec) != sender:
            raise RecordError(f"a record naming {author_of(rec)} sent by {sender}")
        self._check(rec)
        self.kept[signing.fingerprint(item.record.body)] = Kept(channel_id, rec, item.record,
                                                                 chain)
        return rec

    def _signer(self, chain: Sequence[bytes], at: int, sender: str,
                crls: Sequence[bytes]) -> None:
        try:
            ident = signing.verify_device_chain(self.root_der, chain, at, crls)
        except (CryptoError, ValueError, TypeError):
            raise RecordError("the sender's certificate chain does not verify") from None
        if f"{ident.mission_id}/{ident.delegate_id}" != sender:
            raise RecordError("a crisis item with another member's certificate chain")

    def _check(self, rec: Record) -> None:
        if isinstance(rec, LadderStep):
            call = self.call(rec.call_id)
            if call is not None and rec.member.split("/", 1)[0] != call.to_mission:
                raise RecordError("only the called mission climbs a call's ladder")
        elif isinstance(rec, ExplanationReply):
            req = self.request(rec.request_id)
            if req is not None:
                explain.check_reply(req, rec)

    # -- lookups -------------------------------------------------------------------------

    def _of(self, kind: type[Record]) -> list[Kept]:
        return [k for k in self.kept.values() if isinstance(k.record, kind)]

    def call(self, call_id: bytes) -> HotlineCall | None:
        for k in self._of(HotlineCall):
            assert isinstance(k.record, HotlineCall)
            if k.record.call_id == call_id:
                return k.record
        return None

    def request(self, request_id: bytes) -> ExplanationRequest | None:
        for k in self._of(ExplanationRequest):
            assert isinstance(k.record, ExplanationRequest)
            if k.record.request_id == request_id:
                return k.record
        return None

    def steps(self, call_id: bytes) -> list[LadderStep]:
        return [k.record for k in self.kept.values()
                if isinstance(k.record, LadderStep) and k.record.call_id == call_id]

    def has_step(self, call_id: bytes, rung: Rung, member: str) -> bool:
        return any(s.rung is rung and s.member == member for s in self.steps(call_id))

    # -- views ---------------------------------------------------------------------------

    def calls(self, now: int) -> list[CallView]:
        out = []
        for k in self._of(HotlineCall):
            call = k.record
            assert isinstance(call, HotlineCall)
            lad = hotline.ladder(call, self.steps(call.call_id))
            esc = hotline.escalation(call, self.rosters.get(call.to_mission), lad, now)
            out.append(CallView(k.channel_id, call, lad, esc))
        out.sort(key=lambda v: (-v.call.sent_at, v.call.call_id))
        return out

    def call_view(self, call_id: bytes, now: int) -> CallView | None:
        return next((v for v in self.calls(now) if v.call.call_id == call_id), None)

    def ringing_for(self, who: str, now: int) -> list[CallView]:
        """Calls whose alarm rings on ``who``'s devices now. Without a roster of the
        called mission, every delegate of it is called."""
        out = []
        for v in self.calls(now):
            if v.call.to_mission != who.split("/", 1)[0] or v.escalation.acknowledged_at:
                continue
            if who in v.escalation.ringing or v.call.to_mission not in self.rosters:
                out.append(v)
        return out

    def explanations(self, now: int, called: dict[bytes, int] | None = None
                     ) -> list[tuple[ExplanationRequest, explain.ExplanationStatus]]:
        out = []
        for k in self._of(ExplanationRequest):
            req = k.record
            assert isinstance(req, ExplanationRequest)
            replies = [r.record for r in self._of(ExplanationReply)
                       if isinstance(r.record, ExplanationReply)
                       and r.record.request_id == req.request_id]
            asks = [r.record for r in self._of(MeetingRequest)
                    if isinstance(r.record, MeetingRequest)
                    and r.record.request_id == req.request_id]
            out.append((req, explain.status(req, replies, asks, now,
                                            (called or {}).get(req.request_id))))
        out.sort(key=lambda x: -x[0].sent_at)
        return out

    def on_duty(self, now: int) -> dict[str, bool]:
        """Other missions' "on duty: yes/no" at ``now``, where they disclose it."""
        return {m: hotline.on_duty_now(w, now) for m, w in sorted(self.windows.items())}

    def proposals(self) -> list[tuple[bytes, MeetingProposal, dict[str, bool]]]:
        """Meeting proposals (channel, proposal, member -> accepted), newest first; an
        answer counts only from the other side of the channel's proposer."""
        out = []
        for k in self._of(MeetingProposal):
            prop = k.record
            assert isinstance(prop, MeetingProposal)
            side = prop.member.split("/", 1)[0]
            answers = {}
            for a in sorted((r.record for r in self._of(ProposalAnswer)
                             if r.channel_id == k.channel_id),
                            key=lambda r: r.at if isinstance(r, ProposalAnswer) else 0):
                if isinstance(a, ProposalAnswer) and a.proposal_id == prop.proposal_id \
                        and a.member.split("/", 1)[0] != side:
                    answers[a.member] = a.accept
            out.append((k.channel_id, prop, answers))
        out.sort(key=lambda x: -x[1].at)
        return out

    def available(self, now: int) -> dict[bytes, list[tuple[str, int, str]]]:
        """Per channel, who said they are available to talk, until when (the latest
        word of each member counts; expired ones are left out)."""
        latest: dict[tuple[bytes, str], Availability] = {}
        for k in self._of(Availability):
            a = k.record
            assert isinstance(a, Availability)
            cur = latest.get((k.channel_id, a.member))
            if cur is None or a.at >= cur.at:
                latest[(k.channel_id, a.member)] = a
        out: dict[bytes, list[tuple[str, int, str]]] = {}
        for (cid, who), a in sorted(latest.items()):
            if a.until > now:
                out.setdefault(cid, []).append((who, a.until, a.note))
        return out

    def tally(self, meeting_id: bytes, missions: Sequence[str]) -> meetings.Tally:
        answers = [k.record for k in self._of(Attendance) if isinstance(k.record, Attendance)]
        return meetings.tally(meeting_id, missions, answers)

    def log_entries(self, call_ids: Iterable[bytes] | None = None) -> list[Entry]:
        """The signed entries of the hotline log (every call, or those named)."""
        wanted = set(call_ids) if call_ids is not None else None
        out = []
        for k in self.kept.values():
            rec = k.record
            if not isinstance(rec, HotlineCall | LadderStep):
                continue
            if wanted is not None and rec.call_id not in wanted:
                continue
            out.append(Entry(k.signed, k.chain))
        return out
