# SPDX-License-Identifier: Apache-2.0
"""The hotline log as a signed record a third party verifies offline.

An export holds the calls and every ladder step, each exactly as its member signed it
(body, signature) with that member's certificate chain (device, mission), and the
exporting member's signature over the whole. :func:`verify_log` needs nothing but the
file and the venue root certificate (optionally the venue's CRLs): it checks

* the encoding is canonical: decoding and re-encoding gives the same bytes, so no byte
  can change without changing a signed value or failing to decode;
* the export names this venue (the root's SHA-256 fingerprint) and its exporter's
  chain verifies to the root at the export time, and the exporter's signature covers
  every entry, chain included;
* each entry's chain verifies to the root at the entry's own time, its signature
  verifies under that chain's device key, and the member the record names is the one
  the certificate names;
* each ladder step is by a member of the called mission, for a call in the log.

The result (:class:`VerifiedLog`) is what a reader sees: calls, their ladders and the
escalation as it stood at export time when the called mission's roster is included
(:func:`render_html` writes it as a readable page).
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Annotated, Final

import msgspec
from msgspec import Meta

from client.crisis import signing
from client.crisis.hotline import Escalation, Ladder, escalation, ladder
from client.crisis.records import (
    HotlineCall,
    LadderStep,
    Millis,
    RecordError,
    Signed,
    author_of,
    decode_record,
    time_of,
)
from client.errors import PeerError
from client.printing import MARKING_CSS

__all__ = [
    "LOG_VERSION",
    "Entry",
    "LogError",
    "VerifiedLog",
    "export_log",
    "render_html",
    "render_pdf",
    "verify_log",
]

LOG_VERSION: Final = 1
MAX_ENTRIES: Final = 100_000
_Chain = Annotated[tuple[bytes, ...], Meta(min_length=2, max_length=3)]


class LogError(PeerError, ValueError):
    """The log does not verify; the message says where."""


class Entry(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    """One signed record and its author's certificate chain (device first)."""

    record: Signed
    chain: _Chain


class _Body(msgspec.Struct, frozen=True, forbid_unknown_fields=True, omit_defaults=True):
    v: int
    venue: Annotated[bytes, Meta(min_length=32, max_length=32)]
    exported_at: Millis
    exporter: _Chain
    entries: Annotated[tuple[Entry, ...], Meta(max_length=MAX_ENTRIES)]
    #: the highest classification marking of the messages that carried the entries,
    #: signed with them; a log written before markings has none (omitted, so its bytes
    #: and their canonical check are unchanged)
    marking: Annotated[str, Meta(max_length=256)] = ""


class _File(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    body: bytes
    sig: Annotated[bytes, Meta(min_length=64, max_length=64)]


_enc: Final = msgspec.msgpack.Encoder()
_body_decoder: Final = msgspec.msgpack.Decoder(_Body)
_file_decoder: Final = msgspec.msgpack.Decoder(_File)


def export_log(entries: Sequence[Entry], *, root_der: bytes, exporter_chain: Sequence[bytes],
               exporter_seed: bytes, exported_at: int, marking: str = "") -> bytes:
    """The signed export (entries sorted by time, so two exports of one log agree),
    with ``marking``, the highest of its entries', which every rendering prints."""
    ordered = sorted(entries, key=lambda e: (time_of(decode_record(e.record.body)),
                                             e.record.body))
    body = _enc.encode(_Body(LOG_VERSION, signing.fingerprint(root_der), exported_at,
                             tuple(exporter_chain), tuple(ordered), marking))
    return _enc.encode(_File(body, signing.sign(exporter_seed, signing.LOG_LABEL, body)))


@dataclass(frozen=True, slots=True)
class VerifiedLog:
    exported_at: int
    exporter: str
    calls: tuple[HotlineCall, ...]
    ladders: dict[bytes, Ladder]
    #: the signed marking of the whole log ("" in a log from before markings)
    marking: str = ""
    #: member id -> display name, from the certificate chains the log verified (the
    #: exporter's and each entry's author's); one whose chains disagree is left out
    names: dict[str, str] = field(default_factory=dict)

    def label(self, who: str) -> str:
        """A member for people: "Ana (alderia/ana)", the name from their verified chain
        with the id beside it (a log is evidence: the id always shows), else the id."""
        name = self.names.get(who)
        return f"{name} ({who})" if name else who

    def escalation(self, call: HotlineCall) -> Escalation:
        """The call's escalation as it stood at export time: its steps follow from the
        call's times and its ladder alone (the called mission's roster, which names
        who was called, is not part of the log)."""
        return escalation(call, None, self.ladders[call.call_id], self.exported_at)

    def to_json(self) -> dict[str, object]:
        return {"exported_at": self.exported_at, "exporter": self.exporter,
                "names": dict(sorted(self.names.items())),
                "marking": self.marking, "calls": [{"call_id": c.call_id.hex(), "caller": c.caller,
                           "to_mission": c.to_mission, "priority": str(c.priority),
                           "subject": c.subject, "sent_at": c.sent_at,
                           "reply_by": c.reply_by,
                           "ladder": self.ladders[c.call_id].to_json(),
                           "escalation": [{"level": str(s.level), "at": s.at}
                                          for s in self.escalation(c).steps]}
                          for c in self.calls]}




def verify_log(data: bytes, root_der: bytes, crls: Sequence[bytes] = ()) -> VerifiedLog:
    """Verify an exported hotline log offline (LogError naming the first failure)."""
    f = signing.decode_canonical(data, _file_decoder, "log file", LogError)
    assert isinstance(f, _File)
    body = signing.decode_canonical(f.body, _body_decoder, "log body", LogError)
    assert isinstance(body, _Body)
    if body.v != LOG_VERSION:
        raise LogError("a log of another version")
    if body.venue != signing.fingerprint(root_der):
        raise LogError("the log belongs to another venue")
    named: dict[str, set[str]] = {}
    exporter = _identity(root_der, body.exporter, body.exported_at, crls, "the exporter",
                         named)
    if not signing.verify(signing.cert_public_key(body.exporter[0]), signing.LOG_LABEL,
                          f.body, f.sig):
        raise LogError("the exporter's signature does not verify")
    calls: dict[bytes, HotlineCall] = {}
    steps: list[LadderStep] = []
    for i, e in enumerate(body.entries):
        try:
            rec = decode_record(e.record.body)
        except RecordError as exc:
            raise LogError(f"entry {i}: {exc}") from None
        if _enc.encode(e) != _enc.encode(Entry(Signed(e.record.body, e.record.sig), e.chain)):
            raise LogError(f"entry {i} is not in canonical form")
        who = _identity(root_der, e.chain, time_of(rec), crls, f"entry {i}", named)
        if author_of(rec) != who:
            raise LogError(f"entry {i} names {author_of(rec)} but is signed by {who}")
        if not signing.verify(signing.cert_public_key(e.chain[0]), signing.RECORD_LABEL,
                              e.record.body, e.record.sig):
            raise LogError(f"entry {i}: the signature does not verify")
        if isinstance(rec, HotlineCall):
            if rec.call_id in calls:
                raise LogError(f"entry {i}: a second call with the same id")
            calls[rec.call_id] = rec
        elif isinstance(rec, LadderStep):
            steps.append(rec)
        else:
            raise LogError(f"entry {i}: not a hotline record")
    for s in steps:
        call = calls.get(s.call_id)
        if call is None:
            raise LogError("a ladder step for a call not in the log")
        if s.member.split("/", 1)[0] != call.to_mission:
            raise LogError(f"a ladder step by {s.member}, outside the called mission")
    ordered = tuple(sorted(calls.values(), key=lambda c: (c.sent_at, c.call_id)))
    return VerifiedLog(body.exported_at, exporter, ordered,
                       {c.call_id: ladder(c, steps) for c in ordered}, body.marking,
                       {who: next(iter(n)) for who, n in named.items() if len(n) == 1})


def _identity(root_der: bytes, chain: Sequence[bytes], at: int, crls: Sequence[bytes],
              what: str, named: dict[str, set[str]]) -> str:
    """The member a chain verifies as (LogError if it does not)."""
    ident = signing.verified_member(root_der, chain, at, crls, what, named, LogError)
    return f"{ident.mission_id}/{ident.delegate_id}"


def _when(ms: int) -> str:
    return datetime.fromtimestamp(ms / 1000, UTC).strftime("%Y-%m-%d %H:%M:%S UTC")


def _sections(log: VerifiedLog) -> list[tuple[str, str, list[str]]]:
    """Per call: (subject, who called whom when, its ladder and escalation lines)."""
    out = []
    for c in log.calls:
        lad = log.ladders[c.call_id]
        lines = [f"{r.name.lower()}: {log.label(s.member)} at {_when(s.at)}"
                 for r, s in sorted(lad.reached.items())]
        lines += [f"escalated to {s.level} at {_when(s.at)}"
                  for s in log.escalation(c).steps[1:]]
        out.append((c.subject, f"{str(c.priority).upper()} call from {log.label(c.caller)} "
                    f"to mission {c.to_mission} at {_when(c.sent_at)}; reply by "
                    f"{_when(c.reply_by)}",
                    lines or ["no answer on record"]))
    return out


def _marking(log: VerifiedLog) -> str:
    return log.marking or "UNMARKED (exported before markings)"


def render_html(log: VerifiedLog) -> str:
    """A readable rendering of a verified log (every value escaped), its marking at the
    top and the bottom, and on every printed page (:data:`MARKING_CSS`)."""
    e = html.escape
    rows = []
    for (subject, head, lines), c in zip(_sections(log), log.calls, strict=True):
        items = "".join(f"<li>{e(x)}</li>" for x in lines)
        rows.append(f"<section><h2>{e(subject)}</h2><p>{e(head)}</p><pre>{e(c.body)}</pre>"
                    f"<ol>{items}</ol></section>")
    mark = e(_marking(log))
    return ("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
            f"<title>Hotline log</title><style>{MARKING_CSS}</style></head><body>"
            f'<div class="marking top">{mark}</div><h1>Hotline log</h1>'
            f"<p>Exported by {e(log.label(log.exporter))} at {e(_when(log.exported_at))}; "
            "every entry verified against the venue's certificates.</p>" + "".join(rows)
            + f'<div class="marking bottom">{mark}</div></body></html>')


def render_pdf(log: VerifiedLog) -> bytes:
    """The verified log for printing, its marking at the top and the bottom of every
    page."""
    from client.marked_pdf import MarkedPDF

    pdf = MarkedPDF(_marking(log), title="Hotline log", created_ms=log.exported_at)
    pdf.add_page()
    pdf.body(16)
    pdf.para("Hotline log", 9)
    pdf.body(9)
    pdf.para(f"Exported by {log.label(log.exporter)} at {_when(log.exported_at)}; every entry "
             "verified against the venue's certificates.")
    for (subject, head, lines), c in zip(_sections(log), log.calls, strict=True):
        pdf.ln(3)
        pdf.body(12)
        pdf.para(subject, 6)
        pdf.body(9)
        pdf.para(head)
        pdf.para(c.body)
        for x in lines:
            pdf.para(f"- {x}")
    return bytes(pdf.output())
