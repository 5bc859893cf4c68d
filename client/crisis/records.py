# SPDX-License-Identifier: Apache-2.0
"""Signed records: the typed payloads of the crisis workflows and their envelope.

Every record is a msgspec Struct with a schema version ``v``, encoded as msgpack, and
travels as a :class:`Signed` envelope: the encoded body exactly as its author made it,
and the author's signature over it (:mod:`client.crisis.signing`). The body bytes are
what is kept, forwarded and exported, never a re-encoding, so fields a newer client
adds are kept intact (and its signature still verifies) even where this version
ignores them when it decodes.
"""

from __future__ import annotations

import enum
from collections.abc import Sequence
from typing import Annotated, Final, Literal, TypeVar

import msgspec
from msgspec import Meta

from client.crisis import signing
from client.errors import PeerError

__all__ = [
    "DEFAULT_REPLY_BY",
    "SCHEMA",
    "Attendance",
    "AttendanceAnswer",
    "Availability",
    "ExplanationReply",
    "ExplanationRequest",
    "HotlineCall",
    "LadderStep",
    "MeetingProposal",
    "MeetingRequest",
    "Priority",
    "ProposalAnswer",
    "Record",
    "RecordError",
    "Rung",
    "Signed",
    "decode_record",
    "open_signed",
    "seal",
]

SCHEMA: Final = 1
MINUTE: Final = 60_000
HOUR: Final = 60 * MINUTE

Millis = Annotated[int, Meta(ge=0, le=2**53)]
RecordId = Annotated[bytes, Meta(min_length=16, max_length=16)]
Delegate = Annotated[str, Meta(min_length=3, max_length=129, pattern=r"^[^/]+/[^/]+$")]
Mission = Annotated[str, Meta(min_length=1, max_length=64,
                              pattern=r"^[A-Za-z0-9][A-Za-z0-9._@-]*$")]
Short = Annotated[str, Meta(max_length=512)]
Long = Annotated[str, Meta(max_length=32 * 1024)]


class RecordError(PeerError, ValueError):
    """A record that is malformed, of an unknown schema, or whose signature fails."""


class Priority(enum.StrEnum):
    ROUTINE = "routine"
    URGENT = "urgent"
    FLASH = "flash"


#: Reply-by windows when the caller sets none (ms).
DEFAULT_REPLY_BY: Final[dict[Priority, int]] = {
    Priority.ROUTINE: 24 * HOUR,
    Priority.URGENT: HOUR,
    Priority.FLASH: 10 * MINUTE,
}


class Rung(enum.IntEnum):
    """The ladder of a hotline call, in order: each rung implies the ones below."""

    DELIVERED = 1  # a device of the called mission has it
    SEEN = 2  # shown on a screen
    ACKNOWLEDGED = 3  # a person pressed Acknowledge (the alarm stops)
    ANSWERED = 4  # a person replied


class _Record(msgspec.Struct, frozen=True, kw_only=True, tag_field="t"):
    v: int = SCHEMA


class HotlineCall(_Record, frozen=True, kw_only=True, tag="call"):
    """A hotline call from one mission to another."""

    call_id: RecordId
    caller: Delegate
    to_mission: Mission
    priority: Priority
    subject: Annotated[str, Meta(min_length=1, max_length=256)]
    body: Long = ""
    sent_at: Millis
    reply_by: Millis

    @property
    def from_mission(self) -> str:
        return self.caller.split("/", 1)[0]

    @property
    def window(self) -> int:
        return max(self.reply_by - self.sent_at, MINUTE)


class LadderStep(_Record, frozen=True, kw_only=True, tag="step"):
    """One rung reached, by ``member`` (a device of the called mission), at ``at``."""

    call_id: RecordId
    rung: Rung
    member: Delegate
    at: Millis


class AttendanceAnswer(enum.StrEnum):
    IN_PERSON = "in person"
    REMOTE = "remotely"
    REPRESENTED = "represented"
    CANNOT = "cannot attend"


class Attendance(_Record, frozen=True, kw_only=True, tag="attend"):
    """A mission's answer to a meeting call (the latest one of the mission counts)."""

    meeting_id: RecordId
    member: Delegate
    answer: AttendanceAnswer
    represented_by: Short = ""
    at: Millis


class ExplanationRequest(_Record, frozen=True, kw_only=True, tag="explain"):
    """A structured request for explanation of unusual activity (what, where, when)."""

    request_id: RecordId
    requester: Delegate
    to_mission: Mission
    what: Annotated[str, Meta(min_length=1, max_length=4096)]
    where: Short = ""
    when: Short = ""
    reference: Short = ""
    sent_at: Millis
    deadline_at: Millis
    #: missions to be told when the request becomes overdue
    notify: tuple[Mission, ...] = ()


class ExplanationReply(_Record, frozen=True, kw_only=True, tag="explained"):
    request_id: RecordId
    member: Delegate
    body: Annotated[str, Meta(min_length=1, max_length=32 * 1024)]
    at: Millis


class MeetingRequest(_Record, frozen=True, kw_only=True, tag="meetreq"):
    """After a reply or an overdue request, the requester asks the chair for a meeting
    of all missions, to be held by ``hold_by``."""

    request_id: RecordId
    member: Delegate
    at: Millis
    hold_by: Millis


class MeetingProposal(_Record, frozen=True, kw_only=True, tag="propose"):
    """Either side of a bilateral channel proposes a meeting: a proposal, never a
    chair's call (nobody convenes there); the other side accepts or declines."""

    proposal_id: RecordId
    member: Delegate
    meeting_at: Millis
    place: Short = ""
    agenda: Annotated[str, Meta(max_length=4096)] = ""
    at: Millis


class ProposalAnswer(_Record, frozen=True, kw_only=True, tag="proposed"):
    proposal_id: RecordId
    member: Delegate
    accept: bool
    at: Millis


class Availability(_Record, frozen=True, kw_only=True, tag="avail"):
    """Informal contact without an appointment: ``member`` is available to talk until
    ``until`` (0: no longer), said only in the channels of the missions chosen."""

    member: Delegate
    until: Millis
    note: Short = ""
    at: Millis


Record = HotlineCall | LadderStep | Attendance | ExplanationRequest | ExplanationReply \
    | MeetingRequest | MeetingProposal | ProposalAnswer | Availability
R = TypeVar("R", HotlineCall, LadderStep, Attendance, ExplanationRequest, ExplanationReply,
            MeetingRequest, MeetingProposal, ProposalAnswer, Availability)

_enc: Final = msgspec.msgpack.Encoder()
_record_decoder: Final[msgspec.msgpack.Decoder[Record]] = msgspec.msgpack.Decoder(Record)


class _Version(msgspec.Struct):
    v: int


_version_decoder: Final = msgspec.msgpack.Decoder(_Version)


class Signed(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    """A record's body as its author encoded it, and the author's signature."""

    body: bytes
    sig: Annotated[bytes, Meta(min_length=64, max_length=64)]
    kind: Literal["record"] = "record"


def decode_record(body: bytes) -> Record:
    """The typed record (RecordError if malformed or of a newer schema)."""
    try:
        version = _version_decoder.decode(body).v
        if version == SCHEMA:
            return _record_decoder.decode(body)
    except (msgspec.MsgspecError, ValueError) as exc:
        raise RecordError(f"malformed record: {str(exc)[:120]}") from None
    raise RecordError(f"a record of schema version {version}, not {SCHEMA}")


def seal(record: Record, seed: bytes) -> Signed:
    """Encode and sign ``record`` with the author's device key."""
    body = _enc.encode(record)
    decode_record(body)  # a receiver would refuse it: never sign what cannot be read
    return Signed(body, signing.sign(seed, signing.RECORD_LABEL, body))


def open_signed(signed: Signed, public_key: bytes, expect: type[R]) -> R:
    """Check the signature with the author's key and decode (RecordError if either fails)."""
    if not signing.verify(public_key, signing.RECORD_LABEL, signed.body, signed.sig):
        raise RecordError("the record's signature does not verify")
    rec = decode_record(signed.body)
    if not isinstance(rec, expect):
        raise RecordError(f"expected a {expect.__name__}")
    return rec


def author_of(record: Record) -> str:
    """The member the record says made it (checked against the signer's certificate)."""
    if isinstance(record, HotlineCall):
        return record.caller
    if isinstance(record, ExplanationRequest):
        return record.requester
    return record.member


def time_of(record: Record) -> int:
    if isinstance(record, HotlineCall | ExplanationRequest):
        return record.sent_at
    return record.at


def sorted_steps(steps: Sequence[LadderStep]) -> list[LadderStep]:
    return sorted(steps, key=lambda s: (s.at, int(s.rung), s.member))
