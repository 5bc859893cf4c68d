"""What the desktop app needs from the client core, Qt-free (the UI imports it; no Qt here).

:class:`ConversationAdapter` is the view-model adapter the app talks to. It wraps a
:class:`client.core.Client` and turns stored payloads into display rows: edits,
redactions, reactions, receipts and acknowledgements are folded into the message they
target, so the UI never decodes a payload itself. Where the core has no API yet for a
feature (acknowledgement tracking per mission, pinned agenda, emergency calls, search,
receipts), the adapter computes it from the stored messages; when the core gains the
feature, the matching adapter method becomes a one-line call into it and the UI does
not change. Every method runs on the client core's asyncio loop (the UI's bridge sees
to that), never on the UI thread.

Also here: the safety number two people compare to verify each other's devices
(:func:`safety_number`), and the demo venue that stays alive while the app runs
(:class:`LiveDemo`: an embedded relay on 127.0.0.1 and the other demo delegates,
driven by real clients, who answer acknowledgements and reply now and then).
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import json
import logging
import random
import socket
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from client import payloads
from client.demo import serve_relay
from client.errors import ClientError, NotFoundError, PayloadError, UsageError
from client.events import Event, MessageReceived
from client.policy import POLICY, Authority
from crypto.words import encode_words, format_hex

if TYPE_CHECKING:
    from server_stub.embedded import EmbeddedRelay

__all__ = [
    "MODIFIER_KINDS",
    "AckStatus",
    "ChannelSummary",
    "ConversationAdapter",
    "LiveDemo",
    "Member",
    "Row",
    "SearchHit",
    "free_port",
    "safety_number",
]

log = logging.getLogger("corridor.ui_support")

#: Payload kinds that change another message rather than being shown on their own.
MODIFIER_KINDS = frozenset({"edit", "redact", "react", "read", "ack"})
_ACKABLE = (payloads.Text, payloads.Reply, payloads.Attachment, payloads.AgendaNotice,
            payloads.EmergencyCall, payloads.Activity)


def safety_number(key_a: bytes, key_b: bytes) -> tuple[list[str], str]:
    """The words and hex two people read to each other to verify a pair of devices.

    Symmetric (both sides compute the same from the two device keys in either order) and
    bound to both keys, so a relay that substituted either key changes it.
    """
    lo, hi = sorted((key_a, key_b))
    digest = hashlib.sha256(b"corridor-safety-number-v1" + lo + hi).digest()[:16]
    return encode_words(digest), format_hex(digest)


@dataclass(frozen=True, slots=True)
class ChannelSummary:
    channel_id: str
    kind: str
    name: str
    missions: tuple[str, ...]
    can_post: bool
    history_note: str
    left: bool
    last_position: int


@dataclass(frozen=True, slots=True)
class Row:
    """One message as shown: its own content plus everything folded into it."""

    message_id: str
    position: int
    sender: str  # mission/delegate
    kind: str
    text: str
    sent_at: int
    own: bool
    sending: bool = False
    reply_to: str = ""
    reply_excerpt: str = ""
    edited: bool = False
    redacted: bool = False
    reactions: tuple[tuple[str, int], ...] = ()
    requires_ack: bool = False
    acked_missions: tuple[str, ...] = ()
    read_by: tuple[str, ...] = ()
    attachment: str = ""  # "name (size)" for attachment references
    detail: str = ""  # meeting time/place of an emergency call, agenda revision

    @property
    def mission(self) -> str:
        return self.sender.split("/", 1)[0]


@dataclass(frozen=True, slots=True)
class Member:
    mission: str
    delegate: str
    device_id: str
    own: bool


@dataclass(frozen=True, slots=True)
class AckStatus:
    """Who has acknowledged a message that needs it, by mission."""

    channel_id: str
    message_id: str
    kind: str
    text: str
    detail: str
    sender: str
    sent_at: int
    answered: dict[str, str]  # mission -> first "mission/delegate" that acknowledged
    waiting: tuple[str, ...]  # missions that have not answered yet

    @property
    def complete(self) -> bool:
        return not self.waiting


@dataclass(frozen=True, slots=True)
class SearchHit:
    channel_id: str
    channel_name: str
    message_id: str
    position: int
    sender: str
    text: str
    sent_at: int


@dataclass
class _Mods:
    body: str | None = None
    redacted: bool = False
    reactions: dict[tuple[str, str], bool] = field(default_factory=dict)  # (who, emoji)
    acks: dict[str, str] = field(default_factory=dict)  # mission -> who
    read_by: set[str] = field(default_factory=set)


@dataclass
class _Track:
    """A message that needs acknowledgement, with what is known of its answers."""

    channel_id: bytes
    message_id: bytes
    kind: str
    text: str
    detail: str
    sender: str
    sent_at: int
    acks: dict[str, str] = field(default_factory=dict)


def _kind(p: payloads.Decoded) -> str:
    if isinstance(p, payloads.Unknown):
        return p.kind
    return str(type(p).__struct_config__.tag)


def _fmt_size(n: int) -> str:
    size = float(n)
    for unit in ("B", "KiB", "MiB", "GiB"):
        if size < 1024 or unit == "GiB":
            return f"{size:.0f} {unit}" if unit == "B" else f"{size:.1f} {unit}"
        size /= 1024
    return f"{n} B"


def _content(p: payloads.Decoded) -> tuple[str, str, str]:
    """(text, detail, attachment) of a shown payload."""
    if isinstance(p, payloads.Text | payloads.Reply):
        return p.body, "", ""
    if isinstance(p, payloads.Attachment):
        return p.caption, "", f"{p.file_name} ({_fmt_size(p.size)})"
    if isinstance(p, payloads.AgendaNotice):
        return p.title + ("\n" + p.body if p.body else ""), f"revision {p.revision}", ""
    if isinstance(p, payloads.EmergencyCall):
        when = time.strftime("%Y-%m-%d %H:%M", time.localtime(p.meeting_at / 1000))
        where = " · ".join(x for x in (p.place, p.link) if x)
        return p.agenda, f"{when} · {where}", ""
    if isinstance(p, payloads.Activity):
        return p.title + ("\n" + p.body if p.body else ""), p.status, ""
    if isinstance(p, payloads.DisappearingTimer):
        return "", "off" if p.seconds is None else f"{p.seconds}", ""
    if isinstance(p, payloads.Unknown):
        return f"[a {p.kind} message from a newer Corridor]", "", ""
    return "", "", ""


class ConversationAdapter:
    """The UI's view of one device (see the module docstring). Use on the core's loop."""

    def __init__(self, client: Any) -> None:
        self.client = client
        self.me: str = client.engine.me.ident.delegate
        self.my_mission: str = client.engine.me.ident.mission_id
        self._mods: dict[bytes, dict[bytes, _Mods]] = {}
        self._tracks: dict[bytes, _Track] = {}
        self._scanned: dict[bytes, int] = {}
        self._names: dict[bytes, str] = {}

    # ------------------------------------------------------------------ channels

    def channels(self) -> list[ChannelSummary]:
        out = []
        for info in self.client.channels():
            cid = bytes.fromhex(info.channel_id)
            self._names[cid] = info.name
            last = self.client.store.list_messages(cid, limit=1)
            out.append(ChannelSummary(
                info.channel_id, info.kind, info.name, tuple(info.missions),
                self.can_post(cid, info.kind) and not info.left, info.history_note, info.left,
                last[0].position if last else 0))
        return out

    def is_chair(self) -> bool:
        """Whether this device holds a verified chair role (a role certificate)."""
        roles = getattr(self.client.engine.me, "role_certs", ())
        if not roles:
            return False
        try:
            return self.me in self.client.engine.trust.chairs(tuple(roles))
        except ClientError:
            return False

    def can_post(self, channel: bytes, kind: str | None = None) -> bool:
        """What the policy lets this device post (the engine refuses the rest anyway)."""
        kind = kind or self.client.engine.roster(channel).kind
        rule = POLICY[kind].post
        if rule is Authority.EVERYONE:
            return True
        if rule is Authority.CHAIRS:
            return self.is_chair()
        return False

    def check_new_channel(self, kind: str, missions: Sequence[str]) -> str:
        """Why the policy would refuse this channel ("" when it is fine), before creating it."""
        rule = POLICY.get(kind)
        if rule is None:
            return "unknown kind"
        chosen = set(missions) | {self.my_mission}
        if len(chosen) < rule.min_missions:
            return f"a {kind} channel needs at least {rule.min_missions} missions"
        if rule.max_missions is not None and len(chosen) > rule.max_missions:
            return f"a {kind} channel has exactly {rule.max_missions} missions"
        if kind == "notice" and not self.is_chair():
            return "only the chair creates notice channels"
        return ""

    async def missions(self) -> list[str]:
        """The venue's missions, from the relay's directory."""
        from client.directory import unverified_identity

        found: set[str] = set()
        for row in await self.client.transport.directory_devices(None):
            with contextlib.suppress(Exception):  # a row we cannot read names no mission
                found.add(unverified_identity(row[2]).mission_id)
        for ch in self.client.channels():
            found.update(ch.missions)
        found.add(self.my_mission)
        return sorted(found)

    async def create_channel(self, kind: str, name: str, missions: Sequence[str]) -> str:
        problem = self.check_new_channel(kind, missions)
        if problem:
            raise UsageError(problem)
        cid: str = await self.client.create_channel(
            kind, name, sorted(set(missions) | {self.my_mission}))
        return cid

    def members(self, channel: bytes) -> list[Member]:
        """The channel's devices (one MLS leaf each), from the group itself."""
        engine = self.client.engine
        try:
            group = engine._group(channel)
        except ClientError:
            return []
        out = []
        for _leaf, key_hex, ident, _chain in engine._members(group):
            out.append(Member(ident.mission_id, ident.delegate_id, key_hex,
                              key_hex == self.client.device_id))
        return sorted(out, key=lambda m: (m.mission, m.delegate, m.device_id))

    # ------------------------------------------------------------------ messages

    def _decode(self, m: Any) -> payloads.Decoded | None:
        if m.damaged:
            return None
        try:
            return payloads.decode(m.body)
        except PayloadError:
            return None

    def _apply_mod(self, channel: bytes, sender: str, p: payloads.Decoded) -> bytes | None:
        """Fold a modifier into its target's record; returns the target id."""
        target: bytes | None = getattr(p, "target", None)
        mods = self._mods.setdefault(channel, {})
        if isinstance(p, payloads.ReadReceipt):
            for t in p.message_ids:
                mods.setdefault(t, _Mods()).read_by.add(sender)
            return p.message_ids[0] if p.message_ids else None
        if target is None:
            return None
        rec = mods.setdefault(target, _Mods())
        if isinstance(p, payloads.Edit):
            rec.body = p.body
        elif isinstance(p, payloads.Redact):
            rec.redacted = True
        elif isinstance(p, payloads.Reaction):
            rec.reactions[(sender, p.emoji)] = not p.remove
        elif isinstance(p, payloads.Ack):
            mission = sender.split("/", 1)[0]
            rec.acks.setdefault(mission, sender)
            track = self._tracks.get(target)
            if track is not None:
                track.acks.setdefault(mission, sender)
        return target

    def _row(self, channel: bytes, m: Any, p: payloads.Decoded,
             excerpts: dict[bytes, str]) -> Row:
        sender = m.sender.decode(errors="replace")
        kind = _kind(p)
        text, detail, attachment = _content(p)
        rec = self._mods.get(channel, {}).get(m.message_id)
        reactions: tuple[tuple[str, int], ...] = ()
        row = Row(m.message_id.hex(), m.position, sender, kind, text, m.sent_at,
                  sender == self.me, sending=sender == self.me and m.seq is None
                  and m.message_id in self._outbox_ids(channel),
                  requires_ack=bool(getattr(p, "requires_ack", False)), attachment=attachment,
                  detail=detail)
        if isinstance(p, payloads.Reply):
            row = replace(row, reply_to=p.in_reply_to.hex(),
                          reply_excerpt=excerpts.get(p.in_reply_to)
                          or self._excerpt(channel, p.in_reply_to))
        if rec is not None:
            counts: dict[str, int] = {}
            for (_who, emoji), on in rec.reactions.items():
                if on:
                    counts[emoji] = counts.get(emoji, 0) + 1
            reactions = tuple(sorted(counts.items()))
            row = replace(row, text=rec.body if rec.body is not None else row.text,
                          edited=rec.body is not None, redacted=rec.redacted,
                          reactions=reactions, acked_missions=tuple(sorted(rec.acks)),
                          read_by=tuple(sorted(rec.read_by)))
            if rec.redacted:
                row = replace(row, text="", attachment="", reply_excerpt="")
        return row

    def _outbox_ids(self, channel: bytes) -> set[bytes]:
        """Ids of this device's messages still waiting in the outbox (shown as sending)."""
        try:
            from client.engine import _out_decoder, _OutApp
        except ImportError:
            return set()
        out = set()
        for it in self.client.store.list_outbox(channel, limit=10_000):
            with contextlib.suppress(Exception):
                item = _out_decoder.decode(it.data)
                if isinstance(item, _OutApp):
                    out.add(item.message_id)
        return out

    def _excerpt(self, channel: bytes, message_id: bytes) -> str:
        """The start of the message a reply answers (as edited; empty when withdrawn)."""
        try:
            m = self.client.store.get_message(channel, message_id)
        except ClientError:
            return ""
        p = self._decode(m)
        if p is None:
            return ""
        rec = self._mods.get(channel, {}).get(message_id)
        if rec is not None and rec.redacted:
            return ""
        text = rec.body if rec is not None and rec.body is not None else _content(p)[0]
        return text[:80]

    def _rows(self, channel: bytes, msgs: Sequence[Any]) -> tuple[list[Row], list[bytes]]:
        """Rows for shown messages; also the ids of targets changed by modifiers here."""
        decoded = [(m, self._decode(m)) for m in msgs]
        touched: list[bytes] = []
        excerpts: dict[bytes, str] = {}
        for m, p in decoded:
            if p is None:
                continue
            if _kind(p) in MODIFIER_KINDS:
                t = self._apply_mod(channel, m.sender.decode(errors="replace"), p)
                if t is not None:
                    touched.append(t)
            else:
                excerpts[m.message_id] = _content(p)[0][:80]
                self._track(channel, m, p)
        rows = []
        for m, p in decoded:
            if p is None or _kind(p) in MODIFIER_KINDS:
                continue
            rows.append(self._row(channel, m, p, excerpts))
        return rows, touched

    def _track(self, channel: bytes, m: Any, p: payloads.Decoded) -> None:
        if not isinstance(p, _ACKABLE) or not getattr(p, "requires_ack", False):
            return
        if m.message_id in self._tracks:
            return
        text, detail, _a = _content(p)
        rec = self._mods.get(channel, {}).get(m.message_id)
        self._tracks[m.message_id] = _Track(
            channel, m.message_id, _kind(p), text, detail, m.sender.decode(errors="replace"),
            m.sent_at, dict(rec.acks) if rec else {})

    def index(self, channel: bytes) -> None:
        """Read what is new in a channel to learn acknowledgement state and modifiers.

        Incremental: each call reads only messages stored since the last one.
        """
        after = self._scanned.get(channel, 0)
        while True:
            msgs = self.client.store.list_messages(channel, after=after, limit=1000)
            if not msgs:
                break
            decoded = [(m, self._decode(m)) for m in msgs]
            for m, p in decoded:
                if p is not None and _kind(p) not in MODIFIER_KINDS:
                    self._track(channel, m, p)
            for m, p in decoded:
                if p is not None and _kind(p) in MODIFIER_KINDS:
                    self._apply_mod(channel, m.sender.decode(errors="replace"), p)
            after = msgs[-1].position
            if len(msgs) < 1000:
                break
        self._scanned[channel] = after

    def page(self, channel: bytes, *, before: int | None = None,
             limit: int = 60) -> tuple[list[Row], bool]:
        """Shown rows of the page just older than ``before`` (the newest page without it).

        Returns the rows and whether older ones remain. A page holds ``limit`` stored
        messages, so it may show fewer rows when many of them are modifiers.
        """
        msgs = self.client.store.list_messages(channel, before=before, limit=limit)
        rows, _t = self._rows(channel, msgs)
        return rows, len(msgs) == limit and msgs[0].position > 1

    def newer(self, channel: bytes, after: int, *, limit: int = 500) -> tuple[list[Row],
                                                                           list[Row], int]:
        """Rows newer than position ``after``, rows they changed, and the new high-water.

        When ``limit`` stored messages came back there may be more (a burst): the caller
        should rather show the newest page again than append them all.
        """
        msgs = self.client.store.list_messages(channel, after=after, limit=limit)
        rows, touched = self._rows(channel, msgs)
        changed = []
        for t in dict.fromkeys(touched):
            if any(r.message_id == t.hex() for r in rows):
                continue
            try:
                m = self.client.store.get_message(channel, t)
            except NotFoundError:
                continue
            p = self._decode(m)
            if p is not None:
                changed.append(self._row(channel, m, p, {}))
        high = msgs[-1].position if msgs else after
        return rows, changed, high

    def count_after(self, channel: bytes, position: int, *, cap: int = 999) -> int:
        """Unread count: shown messages from others after ``position`` (capped)."""
        n = 0
        for m in self.client.store.list_messages(channel, after=position, limit=cap):
            if m.sender.decode(errors="replace") == self.me:
                continue
            p = self._decode(m)
            if p is not None and _kind(p) not in MODIFIER_KINDS | {"timer"}:
                n += 1
        return n

    # ------------------------------------------------------------------ sending

    async def send_text(self, channel: bytes, text: str, *, reply_to: str = "",
                        requires_ack: bool = False) -> str:
        if reply_to:
            p: payloads.Payload = payloads.Reply(
                message_id=payloads.new_message_id(), sent_at=payloads.now_ms(), body=text,
                in_reply_to=bytes.fromhex(reply_to), requires_ack=requires_ack)
            return await self._send(channel, p)
        mid: str = await self.client.send_text(channel, text, requires_ack=requires_ack)
        return mid

    async def _send(self, channel: bytes, p: payloads.Payload) -> str:
        mid: str = await self.client.send_payload(channel, p)
        return mid

    def _base(self) -> dict[str, Any]:
        return {"message_id": payloads.new_message_id(), "sent_at": payloads.now_ms()}

    async def edit(self, channel: bytes, message_id: str, body: str) -> str:
        return await self._send(channel, payloads.Edit(
            **self._base(), target=bytes.fromhex(message_id), body=body))

    async def redact(self, channel: bytes, message_id: str) -> str:
        return await self._send(channel, payloads.Redact(
            **self._base(), target=bytes.fromhex(message_id)))

    async def react(self, channel: bytes, message_id: str, emoji: str, *,
                    remove: bool = False) -> str:
        return await self._send(channel, payloads.Reaction(
            **self._base(), target=bytes.fromhex(message_id), emoji=emoji, remove=remove))

    async def ack(self, channel: bytes, message_id: str) -> str:
        """Acknowledge a hotline message or an emergency call for this device's mission."""
        return await self._send(channel, payloads.Ack(
            **self._base(), target=bytes.fromhex(message_id)))

    async def mark_read(self, channel: bytes, message_ids: Sequence[str]) -> str | None:
        ids = tuple(bytes.fromhex(m) for m in message_ids)[: payloads.MAX_RECEIPT_IDS]
        if not ids or not self.can_post(channel):
            return None
        return await self._send(channel, payloads.ReadReceipt(**self._base(), message_ids=ids))

    async def post_agenda(self, channel: bytes, title: str, body: str) -> str:
        current = self.pinned_agenda()
        revision = current[1].revision + 1 if current else 1
        return await self._send(channel, payloads.AgendaNotice(
            **self._base(), title=title, body=body, revision=revision, pinned=True))

    async def convene_emergency(self, channel: bytes, *, meeting_at: int, place: str,
                                link: str = "", agenda: str = "") -> str:
        return await self._send(channel, payloads.EmergencyCall(
            **self._base(), meeting_at=meeting_at, place=place, link=link, agenda=agenda))

    async def set_timer(self, channel: bytes, seconds: int | None) -> str:
        return await self._send(channel, payloads.DisappearingTimer(
            **self._base(), seconds=seconds))

    async def attach(self, channel: bytes, path: Path) -> str:
        """Upload and send a file. The core has no blob API yet, so this refuses plainly."""
        raise UsageError("sending attachments is not available in this version yet")

    def note_sent(self, channel: bytes) -> None:
        """After an own send: fold it like any received message (the UI asks ``newer``)."""

    # ------------------------------------------------------------------ acks, notices

    def _refresh(self, channel: bytes) -> None:
        self.index(channel)

    def ack_status(self, message_id: str) -> AckStatus | None:
        t = self._tracks.get(bytes.fromhex(message_id))
        if t is None:
            return None
        return self._status(t)

    def _status(self, t: _Track) -> AckStatus:
        try:
            missions = self.client.engine.roster(t.channel_id).missions
        except ClientError:
            missions = ()
        sender_mission = t.sender.split("/", 1)[0]
        waiting = tuple(m for m in sorted(missions)
                        if m != sender_mission and m not in t.acks)
        return AckStatus(t.channel_id.hex(), t.message_id.hex(), t.kind, t.text, t.detail,
                         t.sender, t.sent_at, dict(t.acks), waiting)

    def open_acks(self, kind: str | None = None) -> list[AckStatus]:
        """Messages needing acknowledgement (newest first), optionally of one kind."""
        for ch in self.client.store.list_channels():
            if not ch.damaged:
                self.index(ch.channel_id)
        out = [self._status(t) for t in self._tracks.values() if kind in (None, t.kind)]
        return sorted(out, key=lambda s: -s.sent_at)

    def emergencies(self) -> list[AckStatus]:
        """Emergency calls, newest first (the banner shows the newest)."""
        return self.open_acks("emergency")

    def awaiting_me(self) -> list[AckStatus]:
        """Messages from other missions that this device's mission has not acknowledged."""
        return [s for s in self.open_acks() if self.my_mission in s.waiting]

    def pinned_agenda(self) -> tuple[str, payloads.AgendaNotice, str] | None:
        """The newest pinned agenda notice of the venue: (channel id, notice, sender)."""
        best: tuple[str, payloads.AgendaNotice, str] | None = None
        for info in self.client.channels():
            if info.kind != "notice":
                continue
            cid = bytes.fromhex(info.channel_id)
            for m in self.client.store.list_messages(cid, limit=200):
                p = self._decode(m)
                if isinstance(p, payloads.AgendaNotice) and p.pinned and (
                        best is None or (p.revision, p.sent_at) > (best[1].revision,
                                                                   best[1].sent_at)):
                    best = (info.channel_id, p, m.sender.decode(errors="replace"))
        return best

    # ------------------------------------------------------------------ search

    def search(self, query: str, *, limit: int = 200) -> list[SearchHit]:
        """Local search (case-insensitive substring) over every channel's shown messages."""
        q = query.casefold().strip()
        if not q:
            return []
        hits: list[SearchHit] = []
        for ch in self.client.store.list_channels():
            if ch.damaged:
                continue
            edits: dict[bytes, str] = {}
            redacted: set[bytes] = set()
            found: list[tuple[Any, str]] = []
            for m in self.client.store.iter_messages(ch.channel_id):
                p = self._decode(m)
                if isinstance(p, payloads.Edit):
                    edits[p.target] = p.body
                elif isinstance(p, payloads.Redact):
                    redacted.add(p.target)
                elif p is not None and _kind(p) not in MODIFIER_KINDS:
                    found.append((m, _content(p)[0] + " " + _content(p)[2]))
            for m, text in found:
                if m.message_id in redacted:
                    continue
                text = edits.get(m.message_id, text).strip()
                if q in text.casefold():
                    hits.append(SearchHit(ch.channel_id.hex(), ch.name, m.message_id.hex(),
                                          m.position, m.sender.decode(errors="replace"), text,
                                          m.sent_at))
        hits.sort(key=lambda h: -h.sent_at)
        return hits[:limit]

    def device_key(self) -> bytes:
        return bytes.fromhex(self.client.device_id)


# ---------------------------------------------------------------------- demo venue


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


HOTLINE_TEXT = ("Hotline: our patrol vessel reports an unidentified craft near the buoy line. "
                "Please acknowledge receipt.")
AGENDA_TITLE = "Plenary agenda (revised)"
AGENDA_BODY = ("1. Adoption of the agenda\n2. Incident-prevention mechanism: report of the "
               "working group\n3. Confidence-building measures: annual exchange of "
               "information\n4. Any other business")
_CHATTER = (
    "Could we align on paragraph 4 before Thursday?",
    "We can live with the chair's text if the reference to notification stays.",
    "Noted. I will check with capital and come back to you this afternoon.",
    "Our delegation supports the proposal in principle.",
    "Coffee in the delegates' lounge after the session?",
    "The revised draft is on the table; comments by 16:00 please.",
)


@dataclass
class DemoInfo:
    data_dir: Path
    layout: dict[str, Any]
    user: str  # the home the app opens (the chair)
    passphrase: str

    def home(self, name: str) -> Path:
        return Path(self.layout["homes"][name]["home"])


def demo_kdf() -> Any:
    """Demo homes use libsodium's minimum Argon2id limits: their passphrase is public."""
    from client.core import fast_kdf_for_tests

    return fast_kdf_for_tests()


class LiveDemo:
    """A demo venue that stays alive while the app runs (see the module docstring).

    ``provision`` (blocking: run it off the UI thread) creates the venue the first
    time, through :mod:`client.demo`, and seeds it: a pinned agenda notice from the
    chair, a pending hotline message to the chair's mission and some conversation.
    ``run_delegates`` (a coroutine on the core's loop) then drives every other demo
    delegate with a real client: they acknowledge what needs acknowledging (one
    mission always takes its time, so a tracker shows who has not answered) and
    reply now and then.
    """

    def __init__(self, data_dir: Path, *, missions: int = 4, delegates: int = 2,
                 reply_chance: float = 0.3, ack_delay: tuple[float, float] = (2.0, 6.0),
                 slow_ack_delay: float = 45.0) -> None:
        self.data_dir = Path(data_dir)
        self.missions = missions
        self.delegates = delegates
        self.reply_chance = reply_chance
        self.ack_delay = ack_delay
        self.slow_ack_delay = slow_ack_delay
        self.relay: EmbeddedRelay | None = None
        self.info: DemoInfo | None = None
        self._clients: dict[str, Any] = {}
        self._tasks: list[asyncio.Task[Any]] = []
        self.rng = random.Random()

    @property
    def layout_path(self) -> Path:
        return self.data_dir / "layout.json"

    def exists(self) -> bool:
        return self.layout_path.exists()

    def start_relay(self) -> str:
        """Start the embedded relay on a free loopback port; returns its URL."""
        self.relay = serve_relay(self.data_dir / "relay", free_port())
        self.relay.start()
        return self.relay.url

    def provision(self, progress: Callable[[str], None] = lambda _s: None) -> DemoInfo:
        """Create (first run) or reopen the venue, with its relay running. Blocking."""
        from client import demo

        if self.exists():
            layout = json.loads(self.layout_path.read_text())
            url = self.start_relay()
            info = DemoInfo(self.data_dir, layout, layout["chair"], layout_passphrase(layout))
            self.info = info
            progress("relay started on " + url)
            return info
        progress("creating the venue root, missions and delegates")
        port = free_port()
        lay = demo.provision(self.data_dir, port, missions=self.missions,
                             delegates=self.delegates, strength="interactive")
        self.relay = serve_relay(lay.relay_dir, port)
        self.relay.start()
        progress("creating channels of every kind")
        asyncio.run(_create_channels(lay))
        layout = lay.to_json()
        info = DemoInfo(self.data_dir, layout, lay.chair, lay.passphrase)
        self.info = info
        progress("posting the agenda and the hotline message")
        asyncio.run(self._seed(info))
        return info

    def relay_url(self) -> str:
        assert self.relay is not None
        return self.relay.url

    def open_client(self, name: str) -> Any:
        from client.core import Client

        assert self.info is not None
        return Client.open(self.info.home(name), self.relay_url(),
                           passphrase=self.info.passphrase, kdf=demo_kdf())

    def channel(self, kind: str) -> str:
        assert self.info is not None
        for ch in self.info.layout["channels"]:
            if ch["kind"] == kind:
                return str(ch["channel_id"])
        raise NotFoundError(f"the demo has no {kind} channel")

    async def _seed(self, info: DemoInfo) -> None:
        ms = list(info.layout["missions"])
        chair = self.open_client(info.user)
        other_name = f"{ms[-1]}-{info.layout['homes'][info.user]['delegate']}"
        other = self.open_client(other_name)
        second = self.open_client(f"{ms[1]}-" + info.layout["missions"][ms[1]]["delegates"][0])
        try:
            for c in (chair, other, second):
                await c.sync()
            await chair.send_payload(self.channel("notice"), payloads.AgendaNotice(
                message_id=payloads.new_message_id(), sent_at=payloads.now_ms(),
                title=AGENDA_TITLE, body=AGENDA_BODY, revision=2, pinned=True))
            wg = self.channel("multilateral")
            await second.send_text(wg, "Good morning. The working group draft is attached "
                                       "to the agenda; comments welcome before the plenary.")
            await chair.send_text(wg, "Thank you. I suggest we take item 2 first.")
            await other.send_text(self.channel("bilateral"), HOTLINE_TEXT, requires_ack=True)
            cau = self.channel("caucus")
            await second.send_text(cau, "Shall we coordinate our statement on item 3?")
            await chair.send_text(cau, "Yes: I will circulate a draft within the hour.")
            for c in (chair, other, second):
                await c.sync()
        finally:
            for c in (chair, other, second):
                await c.close()

    # ------------------------------------------------------------------ live delegates

    async def run_delegates(self, *, names: Iterable[str] | None = None) -> None:
        """Drive the other demo delegates until cancelled (call on the core's loop)."""
        assert self.info is not None
        names = list(names) if names is not None else [
            n for n in self.info.layout["homes"] if n != self.info.user
            and self.info.layout["homes"][n]["mission"]
            != self.info.layout["homes"][self.info.user]["mission"]]
        # one delegate per mission answers; the last mission is the slow one
        by_mission: dict[str, str] = {}
        for n in names:
            by_mission.setdefault(self.info.layout["homes"][n]["mission"], n)
        slow = sorted(by_mission)[-1] if by_mission else ""
        try:
            for mission, n in sorted(by_mission.items()):
                c = await asyncio.get_running_loop().run_in_executor(None, self.open_client, n)
                self._clients[n] = c
                adapter = ConversationAdapter(c)
                c.subscribe(lambda e, c=c, a=adapter, m=mission: self._on_event(
                    e, c, a, m == slow))
                await c.start()
            await asyncio.Event().wait()
        finally:
            await self.close_delegates()

    def _on_event(self, e: Event, client: Any, adapter: ConversationAdapter,
                  slow: bool) -> None:
        if not isinstance(e, MessageReceived) or e.own:
            return
        if e.sender.split("/", 1)[0] == adapter.my_mission:
            return
        task = asyncio.get_running_loop().create_task(
            self._answer(e, client, adapter, slow))
        self._tasks.append(task)
        task.add_done_callback(self._tasks.remove)

    async def _answer(self, e: MessageReceived, client: Any, adapter: ConversationAdapter,
                      slow: bool) -> None:
        try:
            m = client.store.get_message(e.channel_id, e.message_id)
            p = payloads.decode(m.body)
        except (ClientError, PayloadError):
            return
        if getattr(p, "requires_ack", False):
            lo, hi = self.ack_delay
            await asyncio.sleep(self.slow_ack_delay if slow else self.rng.uniform(lo, hi))
            with contextlib.suppress(ClientError):
                await adapter.ack(e.channel_id, e.message_id.hex())
            return
        if isinstance(p, payloads.Text | payloads.Reply) and adapter.can_post(e.channel_id) \
                and self.rng.random() < self.reply_chance:
            await asyncio.sleep(self.rng.uniform(1.5, 5.0))
            with contextlib.suppress(ClientError):
                await adapter.send_text(e.channel_id, self.rng.choice(_CHATTER))

    async def close_delegates(self) -> None:
        for t in list(self._tasks):
            t.cancel()
        clients, self._clients = self._clients, {}
        for c in clients.values():
            with contextlib.suppress(Exception):
                await c.close()

    def stop(self) -> None:
        if self.relay is not None:
            self.relay.stop()
            self.relay = None


def layout_passphrase(layout: dict[str, Any]) -> str:
    from client.demo import DEFAULT_PASSPHRASE

    return str(layout.get("passphrase") or DEFAULT_PASSPHRASE)


async def _create_channels(layout: Any) -> None:
    """client.demo.create_channels with demo KDF limits (fast to open: public passphrase)."""
    import os

    from client import demo
    from client.core import FAST_KDF_ENV

    old = os.environ.get(FAST_KDF_ENV)
    os.environ[FAST_KDF_ENV] = "1"
    try:
        await demo.create_channels(layout)
    finally:
        if old is None:
            os.environ.pop(FAST_KDF_ENV, None)
        else:
            os.environ[FAST_KDF_ENV] = old
