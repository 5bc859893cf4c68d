# SPDX-License-Identifier: Apache-2.0
"""A device's book of crisis records: what arrived in its channels, checked, indexed,
and the views the command line and the app show (calls and their escalation, alarms,
requests for explanation, attendance tallies, the exportable log).

Records travel inside MLS as :class:`Item` (one field set per item): a member's signed
record with the member's certificate chain, a mission's signed duty roster with the
mission certificate, or the venue's signed chair handover. :meth:`Book.accept` checks
an item against the sender as MLS authenticated it (the leaf's verified chain) before
anything is kept: a record must be signed by that leaf's key and name that member; a
roster must be signed by the key of the sender's own mission; a handover by the venue
root. The book holds no clock: every view takes ``now`` (ms).
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
    ExplanationReply,
    ExplanationRequest,
    HotlineCall,
    LadderStep,
    MeetingRequest,
    Record,
    RecordError,
    Rung,
    Signed,
    author_of,
    decode_record,
)

__all__ = ["ITEM_VERSION", "Book", "CallView", "Item", "Kept", "decode_item", "encode_item"]

ITEM_VERSION: Final = 1
_Chain = Annotated[tuple[bytes, ...], Meta(max_length=3)]


class Item(msgspec.Struct, frozen=True, kw_only=True):
    """What a crisis payload carries (exactly one of record, roster, handover)."""

    v: int = ITEM_VERSION
    record: Signed | None = None
    chain: _Chain = ()
    roster: bytes = b""
    mission_cert: bytes = b""
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
    if sum(map(bool, (item.record is not None, item.roster, item.handover))) != 1:
        raise RecordError("a crisis item carries one record, roster or handover")
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

    def accept(self, channel_id: bytes, sender: str, sender_chain: Sequence[bytes],
               data: bytes) -> Record | hotline.DutyRoster | authority.Handover:
        """Check and keep an item from ``sender`` ("mission/delegate", as MLS
        authenticated it, with the leaf's verified chain). RecordError if refused."""
        item = decode_item(data)
        if item.handover:
            try:
                h = authority.verify_handover(self.root_der, item.handover)
            except authority.AuthorityError as exc:
                raise RecordError(str(exc)) from None
            if h not in self.handovers:
                self.handovers.append(h)
            return h
        if item.roster:
            if len(sender_chain) < 2 or item.mission_cert != bytes(sender_chain[1]):
                raise RecordError("a roster comes with the sender's own mission certificate")
            roster = hotline.verify_roster(item.mission_cert, item.roster)
            cur = self.rosters.get(roster.mission)
            if cur is None or (roster.revision, roster.issued_at) > (cur.revision,
                                                                      cur.issued_at):
                self.rosters[roster.mission] = roster
                self.roster_bytes[roster.mission] = item.roster
            return roster
        assert item.record is not None
        if not item.chain or bytes(item.chain[0]) != bytes(sender_chain[0]):
            raise RecordError("a record comes with its sender's own certificate chain")
        key = signing.cert_public_key(item.chain[0])
        if not signing.verify(key, signing.RECORD_LABEL, item.record.body, item.record.sig):
            raise RecordError("the record's signature does not verify")
        rec = decode_record(item.record.body)
        if author_of(rec) != sender:
            raise RecordError(f"a record naming {author_of(rec)} sent by {sender}")
        self._check(rec)
        self.kept[signing.fingerprint(item.record.body)] = Kept(
            channel_id, rec, item.record, tuple(bytes(c) for c in item.chain))
        return rec

    def restore(self, channel_id: bytes, sender: str, data: bytes) -> None:
        """Keep an item this device accepted earlier (read back from its own store): the
        binding to the sender's MLS leaf was checked on arrival; signatures and the
        sender's name are checked again."""
        item = decode_item(data)
        chain: tuple[bytes, ...] = tuple(item.chain)
        if item.roster:
            mission, _ = signing.cert_identity(item.mission_cert)
            if sender.split("/", 1)[0] != mission:
                raise RecordError("a roster restored from another mission's member")
            chain = (b"", item.mission_cert)
        elif not chain:
            chain = (b"",)
        self.accept(channel_id, sender, chain, data)

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

    def explanations(self, now: int) -> list[tuple[ExplanationRequest, explain.ExplanationStatus]]:
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
            out.append((req, explain.status(req, replies, asks, now)))
        out.sort(key=lambda x: -x[0].sent_at)
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
