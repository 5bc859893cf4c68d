# SPDX-License-Identifier: Apache-2.0
"""The signed records of the decision workflows: the silence procedure and joint drafting.

Records are msgspec Structs encoded as msgpack and carried in the crisis workflows'
:class:`~client.crisis.records.Signed` envelope (the body exactly as its author made it,
and the author's signature), signed under a label of their own so that a decision
record can never be replayed as a crisis record or the other way round.
"""

from __future__ import annotations

import hashlib
from typing import Annotated, Final

import msgspec
from msgspec import Meta

from client.crisis import signing
from client.crisis.records import Delegate, Millis, RecordError, RecordId, Signed

__all__ = [
    "DECISION_LABEL",
    "EXPORT_LABEL",
    "SCHEMA",
    "Break",
    "BreakSeen",
    "Close",
    "Comment",
    "Decision",
    "Lock",
    "Put",
    "SignOff",
    "Version",
    "Withdraw",
    "author_of",
    "decode",
    "open_record",
    "seal",
    "text_hash",
]

SCHEMA: Final = 1
#: Every member record of the decision workflows.
DECISION_LABEL: Final = "corridor decision record"
#: An exported decision record (outcome or agreed text), signed by its exporter.
EXPORT_LABEL: Final = "corridor decision export"

Text = Annotated[str, Meta(min_length=1, max_length=64 * 1024)]
Title = Annotated[str, Meta(min_length=1, max_length=256)]
Reason = Annotated[str, Meta(min_length=1, max_length=4096)]
Hash = Annotated[bytes, Meta(min_length=32, max_length=32)]
Count = Annotated[int, Meta(ge=1, le=10_000)]


def text_hash(text: str) -> bytes:
    """SHA-256 of a text's UTF-8: what a break, a closing statement or a sign-off names."""
    return hashlib.sha256(text.encode()).digest()


class _Rec(msgspec.Struct, frozen=True, kw_only=True, tag_field="t"):
    v: int = SCHEMA


# -- the silence procedure ---------------------------------------------------------------


class Put(_Rec, frozen=True, kw_only=True, tag="silence"):
    """A text put under silence (``revision`` 1) or revised (2, 3, ...): the silence
    runs ``period`` ms from ``at``; a revision restarts it for the full period.
    ``closers`` are the channel's members (of participating missions) when it was put:
    the members whose closing statements adoption waits for (a device that joins later
    cannot read the text, so it is never waited for)."""

    proc_id: RecordId
    member: Delegate
    revision: Count
    title: Title
    text: Text
    period: Annotated[int, Meta(ge=60_000, le=90 * 86_400_000)]
    closers: Annotated[tuple[Delegate, ...], Meta(max_length=10_000)] = ()
    at: Millis

    @property
    def deadline(self) -> int:
        return self.at + self.period


class Break(_Rec, frozen=True, kw_only=True, tag="break"):
    """A mission breaks silence on a revision, with a reason."""

    proc_id: RecordId
    break_id: RecordId
    revision: Count
    member: Delegate
    reason: Reason
    at: Millis


class Withdraw(_Rec, frozen=True, kw_only=True, tag="unbreak"):
    """The breaking mission withdraws its break before the deadline."""

    proc_id: RecordId
    break_id: RecordId
    member: Delegate
    at: Millis


class BreakSeen(_Rec, frozen=True, kw_only=True, tag="seen"):
    """Another mission's client acknowledges, inside MLS, that it holds a break."""

    proc_id: RecordId
    break_id: RecordId
    member: Delegate
    at: Millis


class Close(_Rec, frozen=True, kw_only=True, tag="close"):
    """A member's closing statement after the deadline: the revision and text it holds,
    and every break of it (id, time) it holds that was not withdrawn."""

    proc_id: RecordId
    revision: Count
    text_hash: Hash
    member: Delegate
    breaks: Annotated[tuple[tuple[RecordId, Millis], ...], Meta(max_length=1024)] = ()
    at: Millis


# -- joint drafting ------------------------------------------------------------------------


class Version(_Rec, frozen=True, kw_only=True, tag="draft"):
    """Version ``version`` of a document (1 creates it; ``lock`` only on version 1: the
    document asks an editor to hold the lock)."""

    doc_id: RecordId
    version: Count
    member: Delegate
    title: Title
    text: Annotated[str, Meta(max_length=256 * 1024)]
    lock: bool = False
    at: Millis


class Comment(_Rec, frozen=True, kw_only=True, tag="comment"):
    """A comment on paragraph ``paragraph`` (0-based) of a version."""

    doc_id: RecordId
    version: Count
    paragraph: Annotated[int, Meta(ge=0, le=100_000)]
    member: Delegate
    text: Reason
    at: Millis


class Lock(_Rec, frozen=True, kw_only=True, tag="lock"):
    """A mission takes the editing lock until ``until`` (0 releases it)."""

    doc_id: RecordId
    member: Delegate
    until: Millis
    at: Millis


class SignOff(_Rec, frozen=True, kw_only=True, tag="signoff"):
    """A mission signs off on a version, by its text's hash."""

    doc_id: RecordId
    version: Count
    text_hash: Hash
    member: Delegate
    at: Millis


Decision = Put | Break | Withdraw | BreakSeen | Close | Version | Comment | Lock | SignOff

_enc: Final = msgspec.msgpack.Encoder()
_dec: Final[msgspec.msgpack.Decoder[Decision]] = msgspec.msgpack.Decoder(Decision)


class _V(msgspec.Struct):
    v: int


_vdec: Final = msgspec.msgpack.Decoder(_V)


def decode(body: bytes) -> Decision:
    """The typed record (RecordError if malformed or of another schema)."""
    try:
        version = _vdec.decode(body).v
        if version == SCHEMA:
            return _dec.decode(body)
    except (msgspec.MsgspecError, ValueError) as exc:
        raise RecordError(f"malformed decision record: {str(exc)[:120]}") from None
    raise RecordError(f"a decision record of schema version {version}, not {SCHEMA}")


def seal(record: Decision, seed: bytes) -> Signed:
    body = _enc.encode(record)
    decode(body)
    return Signed(body, signing.sign(seed, DECISION_LABEL, body))


def open_record(signed: Signed, public_key: bytes) -> Decision:
    if not signing.verify(public_key, DECISION_LABEL, signed.body, signed.sig):
        raise RecordError("the decision record's signature does not verify")
    return decode(signed.body)


def author_of(record: Decision) -> str:
    return record.member
