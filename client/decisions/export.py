# SPDX-License-Identifier: Apache-2.0
"""Decision records a third party verifies offline: a silence procedure's outcome, or a
document with its sign-offs, and the hashes of the files rendered from it (PDF, .docx).

The format follows the hotline log's (:mod:`client.crisis.hotline_log`): every record
exactly as its member signed it, with that member's certificate chain, and the
exporter's signature over the whole, in canonical msgpack (re-encoding gives the same
bytes, so no byte can change unnoticed). :func:`verify_record` needs only the file and
the venue root certificate: it checks every chain and signature, refuses an
observer's break or sign-off as every client does, and recomputes the outcome or the
agreement from the records alone, at the export time.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Annotated, Final, Literal

import msgspec
from msgspec import Meta

from client.crisis import signing
from client.crisis.hotline_log import Entry
from client.crisis.records import Millis, RecordError, Signed
from client.decisions import drafting, silence
from client.decisions.book import NOT_FOR_OBSERVERS
from client.decisions.records import (
    DECISION_LABEL,
    EXPORT_LABEL,
    Break,
    BreakSeen,
    Close,
    Comment,
    Lock,
    Put,
    SignOff,
    Version,
    Withdraw,
    decode,
)
from client.errors import PeerError

__all__ = ["EXPORT_VERSION", "Entry", "ExportError", "Verified", "export_record",
           "verify_file", "verify_record"]

EXPORT_VERSION: Final = 1
_Chain = Annotated[tuple[bytes, ...], Meta(min_length=2, max_length=3)]
_Names = Annotated[tuple[str, ...], Meta(max_length=10_000)]
Kind = Literal["silence", "draft"]


class ExportError(PeerError, ValueError):
    """The record does not verify; the message says where."""


class _Body(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    v: int
    kind: Kind
    venue: Annotated[bytes, Meta(min_length=32, max_length=32)]
    exported_at: Millis
    exporter: _Chain
    participants: _Names
    closers: _Names
    entries: Annotated[tuple[Entry, ...], Meta(max_length=100_000)]
    #: (file name, SHA-256) of the documents rendered from this record
    attachments: Annotated[tuple[tuple[str, bytes], ...], Meta(max_length=16)] = ()


class _File(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    body: bytes
    sig: Annotated[bytes, Meta(min_length=64, max_length=64)]


_enc: Final = msgspec.msgpack.Encoder()
_body_dec: Final = msgspec.msgpack.Decoder(_Body)
_file_dec: Final = msgspec.msgpack.Decoder(_File)


def export_record(kind: Kind, entries: Sequence[Entry], *, root_der: bytes,
                  exporter_chain: Sequence[bytes], exporter_seed: bytes, exported_at: int,
                  participants: Sequence[str], closers: Sequence[str] = (),
                  attachments: Sequence[tuple[str, bytes]] = ()) -> bytes:
    """The signed record; ``attachments`` are (file name, file bytes) whose hashes it
    binds."""
    ordered = sorted(entries, key=lambda e: (decode(e.record.body).at, e.record.body))
    body = _enc.encode(_Body(
        EXPORT_VERSION, kind, signing.fingerprint(root_der), exported_at,
        tuple(exporter_chain), tuple(sorted(participants)), tuple(sorted(closers)),
        tuple(ordered), tuple((n, hashlib.sha256(d).digest()) for n, d in attachments)))
    return _enc.encode(_File(body, signing.sign(exporter_seed, EXPORT_LABEL, body)))


@dataclass(frozen=True, slots=True)
class Verified:
    kind: str
    exporter: str
    exported_at: int
    outcome: silence.Outcome | None
    document: drafting.Document | None
    attachments: dict[str, bytes]
    #: member id -> display name, from the chains the record verified (the exporter's
    #: and each entry's author's); one whose chains disagree is left out
    names: dict[str, str] = field(default_factory=dict)

    def label(self, who: str) -> str:
        """A member for people: "Ana (alderia/ana)", the name from their verified chain
        with the id beside it (a record is evidence: the id always shows), else the id."""
        name = self.names.get(who)
        return f"{name} ({who})" if name else who

    def to_json(self) -> dict[str, object]:
        out: dict[str, object] = {"kind": self.kind, "exporter": self.exporter,
                                  "names": dict(sorted(self.names.items())),
                                  "exported_at": self.exported_at,
                                  "attachments": {n: h.hex()
                                                  for n, h in self.attachments.items()}}
        if self.outcome is not None:
            out["outcome"] = self.outcome.to_json()
        if self.document is not None:
            out["document"] = self.document.to_json(self.exported_at)
        return out




def _who(root_der: bytes, chain: Sequence[bytes], at: int, crls: Sequence[bytes],
         what: str, named: dict[str, set[str]]) -> tuple[str, bool]:
    """The member a chain verifies as and whether an observer (ExportError if it does
    not verify)."""
    ident = signing.verified_member(root_der, chain, at, crls, what, named, ExportError)
    return f"{ident.mission_id}/{ident.delegate_id}", ident.observer


def verify_record(data: bytes, root_der: bytes, crls: Sequence[bytes] = ()) -> Verified:
    """Verify an exported decision record offline (ExportError naming the first failure)."""
    f = signing.decode_canonical(data, _file_dec, "record file", ExportError)
    body = signing.decode_canonical(f.body, _body_dec, "record body", ExportError)
    if body.v != EXPORT_VERSION:
        raise ExportError("a record of another version")
    if body.venue != signing.fingerprint(root_der):
        raise ExportError("the record belongs to another venue")
    named: dict[str, set[str]] = {}
    exporter, _obs = _who(root_der, body.exporter, body.exported_at, crls, "the exporter",
                          named)
    if not signing.verify(signing.cert_public_key(body.exporter[0]), EXPORT_LABEL, f.body,
                          f.sig):
        raise ExportError("the exporter's signature does not verify")
    recs = []
    observers = set()
    for i, e in enumerate(body.entries):
        try:
            rec = decode(e.record.body)
        except RecordError as exc:
            raise ExportError(f"entry {i}: {exc}") from None
        if _enc.encode(e) != _enc.encode(Entry(Signed(e.record.body, e.record.sig), e.chain)):
            raise ExportError(f"entry {i} is not in canonical form")
        who, observer = _who(root_der, e.chain, rec.at, crls, f"entry {i}", named)
        if rec.member != who:
            raise ExportError(f"entry {i} names {rec.member} but is signed by {who}")
        if not signing.verify(signing.cert_public_key(e.chain[0]), DECISION_LABEL,
                              e.record.body, e.record.sig):
            raise ExportError(f"entry {i}: the signature does not verify")
        if observer:
            observers.add(who)
            if isinstance(rec, NOT_FOR_OBSERVERS):
                raise ExportError(f"entry {i}: an observer's {type(rec).__name__.lower()}")
        recs.append(rec)
    outcome = document = None
    if body.kind == "silence":
        outcome = silence.outcome(
            [r for r in recs if isinstance(r, Put)], [r for r in recs if isinstance(r, Break)],
            [r for r in recs if isinstance(r, Withdraw)],
            [r for r in recs if isinstance(r, BreakSeen)],
            [r for r in recs if isinstance(r, Close)], participants=body.participants,
            closers=body.closers, now=body.exported_at)
        if outcome is None:
            raise ExportError("no text under silence in the record")
    else:
        document = drafting.document(
            [r for r in recs if isinstance(r, Version)],
            [r for r in recs if isinstance(r, Comment)],
            [r for r in recs if isinstance(r, Lock)],
            [r for r in recs if isinstance(r, SignOff)],
            participants=body.participants, observers=frozenset(observers))
        if document is None:
            raise ExportError("no document in the record")
    return Verified(body.kind, exporter, body.exported_at, outcome, document,
                    dict(body.attachments),
                    {who: next(iter(n)) for who, n in named.items() if len(n) == 1})


def verify_file(record: Verified, name: str, data: bytes) -> None:
    """Check a rendered file (PDF, .docx) against the hash the record binds."""
    want = record.attachments.get(name)
    if want is None:
        raise ExportError(f"the record binds no file named {name}")
    if hashlib.sha256(data).digest() != want:
        raise ExportError(f"{name} differs from the file the record was signed with")
