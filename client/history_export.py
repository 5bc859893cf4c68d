# SPDX-License-Identifier: Apache-2.0
"""A channel's history as one readable, signed HTML file a third party checks offline.

The file is an HTML page (open it in any browser) that also carries, in a
``<script type="application/x-corridor-export">`` element, the signed record it was
rendered from: the messages as the exporting device holds them, the channel, the export
time, the exporter's certificate chain (device, mission) and the exporter's signature
over all of it (SignWithLabel, the crisis records' scheme: :mod:`client.crisis.signing`).

:func:`verify_export` needs only the file and the venue root certificate: it checks the
record is canonical, names this venue, that the exporter's chain verifies at the export
time and its signature covers the record, and that the page's readable part is exactly
what the record renders to, so no visible word can change unnoticed.

What the signature proves: that this member's device held these messages, from these
senders, when it exported them. MLS authenticated each message to the device when it
arrived, but that proof needs the group's keys and is not carried over: a reader relies
on the exporter's word for who sent what (the hotline log, whose records members sign
individually, does not).

Version 2 (written since session 5) also signs the certificate chains of the senders
the exporting device held them for, and writes each sender as "Ana (alderia/ana)": the
display name their chain gives, verified to the venue root at the export time, with the
id beside it; a sender with no chain in the record, or whose chains give different
names, keeps the bare id. The names come from the record alone, never from the
verifier's own state. Version 1 (bare ids) still verifies and renders as it always did.
"""

from __future__ import annotations

import base64
import contextlib
import html
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Annotated, Final

import msgspec
from msgspec import Meta

from client.crisis import signing
from client.errors import ClientError, PeerError
from client.model import MessageView
from client.printing import MARKING_CSS
from crypto.corridor.markings import DEFAULT_SCHEME, MarkingScheme, highest
from crypto.errors import CryptoError

if TYPE_CHECKING:
    from client.core import Client

__all__ = ["EXPORT_LABEL", "ExportError", "ExportedMessage", "VerifiedExport",
           "export_channel", "export_from", "render_pdf", "verify_export"]

#: the version ``export_channel`` writes; :data:`VERSIONS` are the ones that verify
EXPORT_VERSION: Final = 2
VERSIONS: Final = frozenset({1, 2})
#: SignWithLabel label of a channel export (never valid as any other record)
EXPORT_LABEL: Final = "corridor channel export"
MAX_MESSAGES: Final = 1_000_000
MAX_CHAINS: Final = 10_000
_Chain = Annotated[tuple[bytes, ...], Meta(min_length=2, max_length=3)]


class ExportError(PeerError, ValueError):
    """The export does not verify; the message says where."""


class ExportedMessage(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    message_id: str
    sender: str  # mission/delegate
    kind: str
    text: str
    sent_at: int  # ms
    seq: int  # -1: not yet sent when exported
    edited: bool = False
    reply_to: str = ""
    attachment: str = ""  # the attachment's file name (its bytes are not exported)


class _Body(msgspec.Struct, frozen=True, forbid_unknown_fields=True, omit_defaults=True):
    v: int
    venue: Annotated[bytes, Meta(min_length=32, max_length=32)]
    channel_id: str
    channel_name: str
    exported_at: int  # ms
    exporter: _Chain
    messages: Annotated[tuple[ExportedMessage, ...], Meta(max_length=MAX_MESSAGES)]
    #: the highest classification marking of the messages; left out when empty, as in
    #: an export from before markings, which keeps its bytes and its page
    marking: Annotated[str, Meta(max_length=256)] = ""
    #: version 2: the senders' certificate chains (device first) their names come from;
    #: left out when empty, and never in a version-1 record
    chains: Annotated[tuple[_Chain, ...], Meta(max_length=MAX_CHAINS)] = ()


class _File(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    body: bytes
    sig: Annotated[bytes, Meta(min_length=64, max_length=64)]


_enc: Final = msgspec.msgpack.Encoder()
_body_decoder: Final = msgspec.msgpack.Decoder(_Body)
_file_decoder: Final = msgspec.msgpack.Decoder(_File)
_RECORD = re.compile(r'<script type="application/x-corridor-export">([A-Za-z0-9+/=\s]*)'
                     r"</script>")


@dataclass(frozen=True, slots=True)
class VerifiedExport:
    """What a verified export says: the channel, who exported it when, its messages."""

    channel_id: str
    channel_name: str
    exporter: str  # mission/delegate
    exported_at: int
    messages: tuple[ExportedMessage, ...]
    #: the signed marking of the whole export ("" in one from before markings)
    marking: str = ""
    #: the exporter's display name from their verified certificate chain ("" if none)
    exporter_name: str = ""
    #: the record's version (1: senders by bare id; 2: by the names of their chains)
    version: int = EXPORT_VERSION
    #: member id -> display name, from the chains the record carries and that verified
    #: (the exporter's and, in version 2, the senders'); a member whose chains disagree
    #: is left out. Empty for version 1, whose page shows bare ids.
    names: dict[str, str] = field(default_factory=dict)

    def label(self, who: str) -> str:
        """A member for people: "Ana (alderia/ana)" (an export is evidence: the id always
        stands beside the name), the bare id when the record names them not, or not
        alike on all their chains."""
        name = self.names.get(who)
        return f"{name} ({who})" if name else who

    @property
    def exporter_label(self) -> str:
        """Who exported it, for people: "Ana (alderia/ana)" (the id beside the name: the
        signature vouches for it), the bare id when the certificate gives no name (in
        version 2, :meth:`label`'s rule, the one its page follows)."""
        if self.version >= 2:
            return self.label(self.exporter)
        return f"{self.exporter_name} ({self.exporter})" if self.exporter_name \
            else self.exporter

    def to_json(self) -> dict[str, object]:
        """The keys of version 1 unchanged; ``version``, ``names`` and each message's
        ``sender_name`` ("" when the record names them not) added."""
        return {"channel_id": self.channel_id, "channel_name": self.channel_name,
                "exporter": self.exporter, "exporter_name": self.exporter_name,
                "exported_at": self.exported_at,
                "marking": self.marking,
                "version": self.version,
                "names": dict(sorted(self.names.items())),
                "messages": [{**msgspec.to_builtins(m),
                              "sender_name": self.names.get(m.sender, "")}
                             for m in self.messages]}


def _message(v: MessageView) -> ExportedMessage:
    return ExportedMessage(v.message_id, v.sender, v.kind, v.text or v.summary, v.sent_at,
                           -1 if v.seq is None else v.seq, v.edited, v.reply_to,
                           v.attachment.file_name if v.attachment is not None else "")


def _sender_chains(views: Sequence[MessageView], chains: Iterable[Sequence[bytes]],
                   root_der: bytes, at: int, crls: Sequence[bytes]
                   ) -> tuple[tuple[bytes, ...], ...]:
    """The chains of the senders of ``views`` that verify at ``at`` (others left out:
    their senders keep their bare id), each once, in a fixed order (two exports of one
    history agree)."""
    senders = {v.sender for v in views}
    out: dict[tuple[bytes, ...], None] = {}
    for chain in chains:
        c = tuple(bytes(x) for x in chain)
        if not 2 <= len(c) <= 3:
            continue
        try:
            ident = signing.verify_device_chain(root_der, c, at, crls)
        except (CryptoError, ValueError, TypeError):
            continue
        if f"{ident.mission_id}/{ident.delegate_id}" in senders:
            out[c] = None
    return tuple(sorted(out))[:MAX_CHAINS]


def export_channel(views: Sequence[MessageView], *, channel_id: str, channel_name: str,
                   root_der: bytes, exporter_chain: Sequence[bytes], exporter_seed: bytes,
                   exported_at: int, scheme: MarkingScheme = DEFAULT_SCHEME,
                   member_chains: Iterable[Sequence[bytes]] = (),
                   crls: Sequence[bytes] = ()) -> str:
    """The signed, readable export (HTML, version 2) of ``views``, oldest first, marked
    with the highest of their markings; its senders named by those of ``member_chains``
    (the channel's members as the device holds them) that verify at the export time."""
    mark = str(highest([v.marking for v in views], scheme))
    chains = _sender_chains(views, member_chains, root_der, exported_at, crls)
    body = _enc.encode(_Body(EXPORT_VERSION, signing.fingerprint(root_der), channel_id,
                             channel_name, exported_at, tuple(exporter_chain),
                             tuple(_message(v) for v in views), mark, chains))
    record = _enc.encode(_File(body, signing.sign(exporter_seed, EXPORT_LABEL, body)))
    decoded = _body_decoder.decode(body)
    named: dict[str, set[str]] = {}
    for c in (tuple(exporter_chain), *chains):
        # the senders' verified above; the exporter's, if it does not, names nobody
        with contextlib.suppress(ExportError):
            _identity(root_der, c, exported_at, crls, "a chain", named)
    exporter = "/".join(signing.cert_identity(exporter_chain[0]))
    return _render(_verified(decoded, exporter, "", named), record)


def export_from(client: Client, channel: str | bytes, exported_at: int
                ) -> tuple[str, str, int]:
    """``(page, channel name, messages)``: every message the device holds in ``channel``,
    exported and signed by this device (the CLI's and the app's one way to export)."""
    cid = client.resolve_channel(channel)
    name = next(ch.name for ch in client.channels() if ch.channel_id == cid.hex())
    views = client.messages(cid, limit=10_000)
    while views and client.has_older(cid, views[0].position):
        older = client.messages(cid, limit=10_000, before=views[0].position)
        if not older:
            break
        views = older + views
    eng = client.engine
    try:
        members = [m.chain for m in eng.members(cid)]
    except ClientError:  # left the channel: named by those it saw, former members' below
        members = []
    # senders who have left (or everyone, once this device left) by the chains their
    # leaves carried; each still has to verify at the export's time to name anyone
    members += [tuple(c) for c in eng.former_chains(cid)]
    page = export_channel(views, channel_id=cid.hex(), channel_name=name,
                          root_der=eng.trust.root_der, exporter_chain=eng.me.chain[:2],
                          exporter_seed=eng.me.seed, exported_at=exported_at,
                          scheme=eng.marking_scheme, member_chains=members,
                          crls=eng.trust.crls)
    return page, name, len(views)


def _verified(body: _Body, exporter: str, exporter_name: str = "",
              named: dict[str, set[str]] | None = None) -> VerifiedExport:
    """What ``body`` says; ``named`` (member -> the display names their verified chains
    give) names members in version 2 only, and only those all of whose chains agree."""
    names = {who: next(iter(n)) for who, n in (named or {}).items() if len(n) == 1} \
        if body.v >= 2 else {}
    return VerifiedExport(body.channel_id, body.channel_name, exporter, body.exported_at,
                          body.messages, body.marking, exporter_name, body.v, names)


def _identity(root_der: bytes, chain: Sequence[bytes], at: int, crls: Sequence[bytes],
              what: str, named: dict[str, set[str]]) -> str:
    """The member a chain verifies as at ``at`` (ExportError if it does not)."""
    ident = signing.verified_member(root_der, chain, at, crls, what, named, ExportError)
    return f"{ident.mission_id}/{ident.delegate_id}"


def _when(ms: int) -> str:
    return datetime.fromtimestamp(ms / 1000, UTC).strftime("%Y-%m-%d %H:%M:%S UTC")


def _summary(x: VerifiedExport) -> str:
    """The paragraph under the title: version 1's exactly as it was written (its pages
    must render again byte for byte), version 2's with names and the right command."""
    e = html.escape
    if x.version == 1:
        return (f"<p>Channel {e(x.channel_id)}: {len(x.messages)} message(s), exported by "
                f"{e(x.exporter)} at {e(_when(x.exported_at))}. Signed by the exporter's "
                "device: check it with <code>corridor export --verify FILE --root "
                "root.pem</code>. The signature vouches that the exporter's device held "
                "these messages from these senders.</p>\n")
    return (f"<p>Channel {e(x.channel_id)}: {len(x.messages)} message(s), exported by "
            f"{e(x.label(x.exporter))} at {e(_when(x.exported_at))}. Signed by the "
            "exporter's device: check it with <code>corridor verify-export FILE --root "
            "root.pem</code>. The signature vouches that the exporter's device held these "
            "messages from these senders. Each name is the one the sender's certificate, "
            "signed into this file, gives; a sender it does not name, or names "
            "differently on different devices, is shown by id.</p>\n")


def _render(x: VerifiedExport, record: bytes) -> str:
    """Deterministic: verification renders again and compares, byte for byte."""
    e = html.escape
    rows = []
    for m in x.messages:
        extra = ""
        if m.attachment:
            extra += f" <em>[attachment: {e(m.attachment)}]</em>"
        if m.edited:
            extra += " <em>(edited)</em>"
        if m.reply_to:
            extra += f" <em>(reply to {e(m.reply_to[:16])})</em>"
        sent = _when(m.sent_at) + ("" if m.seq >= 0 else " (not sent)")
        rows.append(f'<tr><td>{e(sent)}</td><td>{e(x.label(m.sender))}</td>'
                    f'<td>{e(m.kind)}</td><td><pre>{e(m.text)}</pre>{extra}</td></tr>')
    b64 = base64.b64encode(record).decode()
    wrapped = "\n".join(b64[i:i + 76] for i in range(0, len(b64), 76))
    # a marked export shows its marking at the top and the bottom (fixed when printed,
    # so on every page); one from before markings renders as it always did
    style = f"<style>{MARKING_CSS}</style>" if x.marking else ""
    top = f'<div class="marking top">{e(x.marking)}</div>\n' if x.marking else ""
    bottom = f'<div class="marking bottom">{e(x.marking)}</div>\n' if x.marking else ""
    return ("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
            f"<title>{e(x.channel_name)}: channel history</title>{style}</head><body>\n"
            f"{top}<h1>{e(x.channel_name)}</h1>\n"
            + _summary(x) +
            "<table><tr><th>Sent</th><th>From</th><th>Kind</th><th>Message</th></tr>\n"
            + "\n".join(rows) + "\n</table>\n" + bottom
            + f'<script type="application/x-corridor-export">\n{wrapped}\n</script>\n'
            "</body></html>\n")


def render_pdf(x: VerifiedExport) -> bytes:
    """A verified export for printing: its marking at the top and the bottom of every
    page (unmarked, from before markings, says so)."""
    from client.marked_pdf import MarkedPDF

    pdf = MarkedPDF(x.marking or "UNMARKED (exported before markings)",
                    title=f"{x.channel_name}: channel history", created_ms=x.exported_at)
    pdf.add_page()
    pdf.body(15)
    pdf.para(x.channel_name, 8)
    pdf.body(8)
    pdf.para(f"Channel {x.channel_id}: {len(x.messages)} message(s), exported by "
             f"{x.exporter_label} at {_when(x.exported_at)}; verified against the venue's "
             "certificates.")
    pdf.ln(2)
    for m in x.messages:
        pdf.body(8)
        pdf.para(f"{_when(m.sent_at)}{'' if m.seq >= 0 else ' (not sent)'}  "
                 f"{x.label(m.sender)}  "
                 f"{m.kind}{' (edited)' if m.edited else ''}")
        pdf.body(10)
        pdf.para(m.text + (f" [attachment: {m.attachment}]" if m.attachment else ""))
        pdf.ln(1.5)
    return bytes(pdf.output())




def verify_export(page: str, root_der: bytes, crls: Sequence[bytes] = ()) -> VerifiedExport:
    """Verify an exported channel history offline (ExportError naming the failure)."""
    found = _RECORD.findall(page)
    if len(found) != 1:
        raise ExportError("no signed record in this file (not a Corridor channel export)")
    try:
        record = base64.b64decode("".join(found[0].split()), validate=True)
    except ValueError:
        raise ExportError("the signed record is not base64") from None
    f = signing.decode_canonical(record, _file_decoder, "export record", ExportError)
    assert isinstance(f, _File)
    body = signing.decode_canonical(f.body, _body_decoder, "export body", ExportError)
    assert isinstance(body, _Body)
    if body.v not in VERSIONS:
        raise ExportError("an export of another version")
    if body.v == 1 and body.chains:
        raise ExportError("a version-1 export carries no sender certificates")
    if body.venue != signing.fingerprint(root_der):
        raise ExportError("the export belongs to another venue")
    try:
        ident = signing.verify_device_chain(root_der, body.exporter, body.exported_at, crls)
    except (CryptoError, ValueError, TypeError) as exc:
        raise ExportError("the exporter's certificate chain does not verify "
                          f"({type(exc).__name__})") from None
    if not signing.verify(signing.cert_public_key(body.exporter[0]), EXPORT_LABEL, f.body,
                          f.sig):
        raise ExportError("the exporter's signature does not verify")
    exporter = f"{ident.mission_id}/{ident.delegate_id}"
    named: dict[str, set[str]] = {}
    if ident.display_name.strip():
        named[exporter] = {ident.display_name.strip()}
    for i, chain in enumerate(body.chains):
        _identity(root_der, chain, body.exported_at, crls, f"sender certificate {i}", named)
    out = _verified(body, exporter, ident.display_name.strip(), named)
    if _render(out, record) != page:
        raise ExportError("the readable text differs from the signed record")
    return out
