# SPDX-License-Identifier: Apache-2.0
"""What the desktop app needs from the client core, Qt-free (the UI imports it; no Qt here).

:class:`ConversationAdapter` is the view-model adapter the app talks to. It wraps a
:class:`client.core.Client` and turns the core's :class:`client.core.MessageView`
(edits, reactions, receipts and acknowledgements already folded in by the core) into
display rows (:mod:`ui.rows`). Every feature comes from the core's API, the one source
of truth: acknowledgement trackers (``ack_status`` / ``open_acks``), the pinned notice,
search over the core's hashed-term index, the disappearing-message timer, attachments.
The adapter only shapes the answers for display (and caches which messages carry a
tracker, so the window's refreshes stay cheap). Every method runs on the client core's
asyncio loop (the UI's bridge sees to that), never on the UI thread.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from client import payloads, trust, venue
from client.errors import ClientError, NotFoundError, PayloadError, UsageError
from client.events import (
    AckUpdated,
    EmergencyCallReceived,
    Event,
    MessageReceived,
    MessageRedacted,
    MessagesExpired,
)
from client.features import MODIFIER_KINDS, kind_of
from client.policy import POLICY, Authority
from client.store.schema import UNSEQUENCED_BASE
from ui.rows import AckStatus, ChannelSummary, Member, Newer, Row, SearchHit, fmt_size

__all__ = [
    "MODIFIER_KINDS",
    "AckStatus",
    "ChannelSummary",
    "ConversationAdapter",
    "Member",
    "Newer",
    "Row",
    "SearchHit",
    "fmt_size",
]

#: Kinds whose rows carry the emergency-call/agenda details the MessageView lacks.
_DETAIL_KINDS = frozenset({"emergency", "agenda", "activity", "timer"})
#: kinds whose details the core's MessageView does not carry
_PAYLOAD_DETAIL_KINDS = frozenset({"activity", "timer"})



def _detail(view: Any, p: payloads.Decoded | None = None) -> str:
    """Display details of a row: an emergency call's time, place and link and an agenda
    notice's revision come with the core's MessageView; the few kinds whose view has no
    field for them (activity status, timer seconds) come from the payload ``p``."""
    if view.kind == "agenda" and view.revision is not None:
        return f"revision {view.revision}"
    if view.kind == "emergency" and view.meeting_at is not None:
        # the time is written by the UI, in the user's locale (Row/AckStatus.meeting_at)
        return " · ".join(x for x in (view.place, view.link) if x)
    if isinstance(p, payloads.Activity):
        return p.status
    if isinstance(p, payloads.DisappearingTimer):
        return "off" if p.seconds is None else f"{p.seconds}"
    return ""


def _own_text(view: Any) -> str:
    """The text a row shows. An emergency call without a reason has the core fall back to
    its place or link, which the row's detail shows already: show it once."""
    if view.kind == "emergency" and view.text in (view.place, view.link):
        return ""
    return str(view.text)


def order_key(m: Any) -> int:
    """The relay-order key of a stored message (the store's ``ord``: seq, or after all
    sequenced ones while the relay has not numbered an own message yet)."""
    return int(m.seq) if m.seq is not None else UNSEQUENCED_BASE + int(m.position)


class ConversationAdapter:
    """The UI's view of one device (see the module docstring). Use on the core's loop."""

    def __init__(self, client: Any) -> None:
        self.client = client
        self.me: str = client.engine.me.ident.delegate
        self.my_mission: str = client.engine.me.ident.mission_id
        #: message id -> channel id of messages that asked for acknowledgement (learned
        #: once from the core's open_acks, then from new messages and AckUpdated events)
        self._tracked: dict[bytes, bytes] | None = None
        self._pending_check: list[tuple[bytes, bytes]] = []
        self._unsubscribe = client.subscribe(self._on_core_event)

    def close(self) -> None:
        self._unsubscribe()

    # ------------------------------------------------------------------ channels

    def channels(self) -> list[ChannelSummary]:
        out = []
        for info in self.client.channels():
            cid = bytes.fromhex(info.channel_id)
            last = self.client.store.list_messages(cid, limit=1)
            out.append(ChannelSummary(
                info.channel_id, info.kind, info.name, tuple(info.missions),
                self.can_post(cid, info.kind) and not info.left, info.history_note, info.left,
                last[0].position if last else 0, not info.left, info.routing_warning))
        return out

    def device_warnings(self) -> list[str]:
        """Warnings about this device itself (certificate expiry, KeyPackage drain), for
        the window's banner; routing warnings belong to their channels."""
        cert = self.client.certificate_status()
        out = [cert.advice] if cert.warning else []
        drain = self.client.key_package_warning()
        if drain is not None:
            out.append(drain.detail)
        return out

    def is_chair(self) -> bool:
        """Whether this device holds a verified chair role (a role certificate)."""
        return trust.holds_chair(self.client)

    def can_post(self, channel: bytes, kind: str | None = None) -> bool:
        """What the policy lets this device post (the engine refuses the rest anyway).
        Acknowledgements and read receipts are allowed to every member everywhere."""
        kind = kind or self.client.engine.roster(channel).kind
        rule = POLICY[kind].post
        if rule is Authority.EVERYONE:
            return True
        if rule is Authority.CHAIRS:
            return self.is_chair()
        return False

    def check_new_channel(self, kind: str, missions: Sequence[str]) -> str:
        """Why the policy would refuse this channel ("" when it is fine), before creating it."""
        return venue.new_channel_problem(self.client, kind, missions)

    async def missions(self) -> list[str]:
        """The venue's missions, from the relay's directory."""
        return await venue.venue_missions(self.client)

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
            members = engine.members(channel)
        except ClientError:
            return []
        out = []
        for m in members:
            out.append(Member(m.ident.mission_id, m.ident.delegate_id, m.device_id,
                              m.device_id == self.client.device_id))
        return sorted(out, key=lambda m: (m.mission, m.delegate, m.device_id))

    # ------------------------------------------------------------------ rows

    def _row(self, channel: bytes, view: Any, m: Any | None = None,
             excerpts: dict[str, str] | None = None) -> Row:
        """A display row from the core's MessageView (plus what it has no field for)."""
        detail = ""
        if view.kind in _PAYLOAD_DETAIL_KINDS:
            with contextlib.suppress(ClientError):
                m = m or self.client.store.get_message(channel, bytes.fromhex(view.message_id))
                detail = _detail(view, payloads.decode(m.body))
        elif view.kind in _DETAIL_KINDS:
            detail = _detail(view)
        acked: tuple[str, ...] = ()
        read_by: tuple[str, ...] = ()
        if view.requires_ack or view.own:
            with contextlib.suppress(ClientError):
                st = self.client.ack_status(view.message_id, channel=channel)
                acked = tuple(x.mission for x in st.missions if x.state == "acknowledged")
                read_by = tuple(sorted({who for x in st.missions for who in x.read_by}))
        excerpt = ""
        if view.reply_to:
            excerpt = (excerpts or {}).get(view.reply_to) or self._excerpt(channel,
                                                                         view.reply_to)
        att = view.attachment or {}
        file_name = str(att.get("file_name", ""))
        mime = str(att.get("mime_type", "") or "application/octet-stream")
        size = int(att.get("size", 0) or 0)
        label = f"{file_name} · {mime} · {fmt_size(size)}" if file_name else ""
        text = _own_text(view)
        if file_name:
            text = str(att.get("caption", "") or "")
        return Row(view.message_id, view.position, view.sender, view.kind, text, view.sent_at,
                   view.own, sending=view.sending, failed=view.failed,
                   reply_to=view.reply_to,
                   reply_excerpt=excerpt, edited=view.edited,
                   reactions=tuple(view.reactions), requires_ack=view.requires_ack,
                   acked_missions=acked, read_by=read_by, attachment=label,
                   file_name=file_name, mime_type=mime, size=size, detail=detail,
                   expires_at=view.expires_at, arrival=m.position if m is not None else 0,
                   meeting_at=view.meeting_at if view.kind == "emergency" else None)

    def _excerpt(self, channel: bytes, message_id: str) -> str:
        view = self._view(channel, bytes.fromhex(message_id))
        return view.text[:80] if view is not None else ""

    def _view(self, channel: bytes, message_id: bytes) -> Any | None:
        """The core's MessageView of one stored message (None if not shown)."""
        try:
            return self.client.message(message_id, channel=channel)
        except NotFoundError:
            return None

    def row(self, channel: bytes, message_id: str) -> Row | None:
        """One message's current row (after an edit, reaction, receipt, acknowledgement)."""
        try:
            m = self.client.store.get_message(channel, bytes.fromhex(message_id))
        except NotFoundError:
            return None
        view = self._view(channel, m.message_id)
        return self._row(channel, view, m) if view is not None else None

    def rows(self, channel: bytes, message_ids: Iterable[str]) -> list[Row]:
        out = []
        for mid in dict.fromkeys(message_ids):
            r = self.row(channel, mid)
            if r is not None:
                out.append(r)
        return out

    def page(self, channel: bytes, *, before: int | None = None,
             limit: int = 60) -> tuple[list[Row], bool]:
        """Shown rows of the page just older than ``before`` (the newest page without it),
        in relay order, and whether older ones remain."""
        views: list[Any] = []
        cursor = before
        while True:
            views = self.client.messages(channel, limit=limit, before=cursor)
            if views:
                break
            # a page of nothing but modifiers (receipts, reactions): look further back
            raw = self.client.store.list_messages_ordered(channel, before=cursor, limit=limit)
            if not raw:
                return [], False
            cursor = raw[0][0]
        excerpts = {v.message_id: v.text[:80] for v in views}
        rows = [self._row(channel, v, excerpts=excerpts) for v in views]
        more = bool(self.client.store.list_messages_ordered(channel, before=views[0].position,
                                                            limit=1))
        return rows, more

    def high_water(self, channel: bytes) -> int:
        """The newest arrival position stored in a channel (modifiers included)."""
        last = self.client.store.list_messages(channel, limit=1)
        return int(last[0].position) if last else 0

    def newer(self, channel: bytes, after: int, *, limit: int = 200) -> Newer:
        """Rows that arrived after arrival position ``after``, at most ``limit`` stored
        messages at a time (the UI appends them chunk by chunk)."""
        msgs = self.client.store.list_messages(channel, after=after, limit=limit)
        rows = []
        for m in msgs:
            view = self._view(channel, m.message_id)
            if view is not None:
                rows.append(self._row(channel, view, m))
        high = msgs[-1].position if msgs else after
        return Newer(rows, high, len(msgs) == limit)

    def count_after(self, channel: bytes, position: int, *, cap: int = 999) -> int:
        """Unread count: shown messages from others after arrival ``position`` (capped)."""
        n = 0
        for m in self.client.store.list_messages(channel, after=position, limit=cap):
            if m.damaged or m.sender.decode(errors="replace") == self.me:
                continue
            try:
                kind = kind_of(payloads.decode(m.body))
            except PayloadError:
                continue
            if kind not in MODIFIER_KINDS | {"timer"}:
                n += 1
        return n

    # ------------------------------------------------------------------ sending

    async def send_text(self, channel: bytes, text: str, *, reply_to: str = "",
                        requires_ack: bool = False) -> str:
        mid: str = await self.client.send_text(channel, text, requires_ack=requires_ack,
                                               reply_to=reply_to or None)
        return mid

    async def edit(self, channel: bytes, message_id: str, body: str) -> str:
        mid: str = await self.client.edit(message_id, body, channel=channel)
        return mid

    async def redact(self, channel: bytes, message_id: str) -> str:
        mid: str = await self.client.redact(message_id, channel=channel)
        return mid

    async def retry(self, channel: bytes, message_id: str) -> None:
        """Send a failed own message again (same message id)."""
        await self.client.retry_message(message_id, channel=channel)

    def discard(self, channel: bytes, message_id: str) -> None:
        """Delete a failed own message from this device (it never reached anyone)."""
        self.client.discard_message(message_id, channel=channel)

    async def react(self, channel: bytes, message_id: str, emoji: str, *,
                    remove: bool = False) -> str:
        mid: str = await self.client.react(message_id, emoji, remove=remove, channel=channel)
        return mid

    async def ack(self, channel: bytes, message_id: str) -> str:
        """Acknowledge a hotline message, an emergency call or a notice for this mission."""
        mid: str = await self.client.ack(message_id, channel=channel)
        return mid

    async def mark_read(self, channel: bytes, message_ids: Sequence[str]) -> str | None:
        """A read receipt for these messages (allowed to every member, notices too)."""
        if not message_ids:
            return None
        mid: str | None = await self.client.mark_read(channel, list(message_ids))
        return mid

    async def post_agenda(self, channel: bytes, title: str, body: str) -> str:
        mid: str = await self.client.post_agenda(channel, title, body)
        return mid

    async def convene_emergency(self, channel: bytes, *, meeting_at: int, place: str,
                                link: str = "", agenda: str = "") -> str:
        mid: str = await self.client.emergency_call(channel, meeting_at=meeting_at,
                                                    place=place, link=link, agenda=agenda)
        self._track(channel, bytes.fromhex(mid))
        return mid

    async def set_timer(self, channel: bytes, seconds: int | None) -> str:
        mid: str = await self.client.set_timer(channel, seconds)
        return mid

    async def monitor_log(self, issued_dir: Path | None) -> tuple[int, list[Any]]:
        """The mission monitor (``corridor mission monitor``) for this device's mission:
        ``(tree size, findings)``; without ``issued_dir`` every device is unknown."""
        from client.pki import issued_serials
        from client.transparency import monitor_mission
        from crypto import certs

        head, entries = await self.client.verified_log()
        mission = certs.der_of((self.client.home.root / "mission.pem").read_bytes(),
                               "certificate")
        issued = issued_serials(issued_dir) if issued_dir is not None else set()
        return head.size, monitor_mission(entries, mission, issued)

    def directory_status(self, channel: bytes) -> Any:
        """Key transparency for the conversation (client.transparency.DirectoryStatus)."""
        return self.client.directory_status(channel)

    def timer(self, channel: bytes) -> tuple[int | None, str]:
        """(seconds or None, who set it) of the channel's disappearing-message timer."""
        seconds, by = self.client.timer(channel)
        return seconds, by

    async def attach(self, channel: bytes, path: Path, caption: str = "") -> str:
        """Encrypt, upload and send a file (AttachmentTooLarge / QuotaExceeded say why not)."""
        mid: str = await self.client.send_attachment(channel, path, caption=caption)
        return mid

    async def save_attachment(self, channel: bytes, message_id: str,
                              dest: Path | None = None) -> Path:
        """Fetch, verify (AttachmentTampered when the relay's blob was swapped) and write."""
        out: Path = await self.client.save_attachment(message_id, dest, channel=channel)
        return out

    async def fetch_attachment(self, channel: bytes, message_id: str) -> bytes:
        data: bytes = await self.client.fetch_attachment(message_id, channel=channel)
        return data

    # ------------------------------------------------------------------ acks, notices

    def _on_core_event(self, e: Event) -> None:
        """Keep the set of tracked messages current (runs on the core's loop)."""
        if self._tracked is None:
            return
        if isinstance(e, EmergencyCallReceived | AckUpdated):
            self._tracked[e.message_id] = e.channel_id
        elif isinstance(e, MessageReceived) and e.kind not in MODIFIER_KINDS:
            self._pending_check.append((e.channel_id, e.message_id))
        elif isinstance(e, MessageRedacted):
            self._tracked.pop(e.message_id, None)
        elif isinstance(e, MessagesExpired):
            for mid in e.message_ids:
                self._tracked.pop(mid, None)

    def _track(self, channel: bytes, message_id: bytes) -> None:
        if self._tracked is not None:
            self._tracked[message_id] = channel

    def _tracked_ids(self) -> dict[bytes, bytes]:
        if self._tracked is None:
            self._pending_check = []
            self._tracked = {bytes.fromhex(s.message_id): bytes.fromhex(s.channel_id)
                             for s in self.client.open_acks(only_pending=False)}
        checks, self._pending_check = self._pending_check, []
        feats = self.client.engine.features
        for cid, mid in checks:
            if feats.annotation(cid, mid).requires_ack:
                self._tracked[mid] = cid
        return self._tracked

    def _status(self, channel: bytes, message_id: bytes) -> AckStatus | None:
        try:
            st = self.client.ack_status(message_id, channel=channel)
            view = self.client.message(message_id, channel=channel)
        except ClientError:
            return None
        detail = _detail(view)
        answered = {x.mission: x.acked_by[0] for x in st.missions
                    if x.state == "acknowledged" and x.acked_by}
        read = tuple(x.mission for x in st.missions if x.state == "read")
        return AckStatus(st.channel_id, st.message_id, st.kind or view.kind, _own_text(view),
                         detail, st.author or view.sender, view.sent_at, answered,
                         tuple(st.pending), read, int(view.meeting_at or 0))

    def ack_status(self, message_id: str, channel: bytes | None = None) -> AckStatus | None:
        mid = bytes.fromhex(message_id)
        cid = channel or self._tracked_ids().get(mid)
        if cid is None:
            try:
                cid, mid = self.client.resolve_message(mid)
            except ClientError:
                return None
        return self._status(cid, mid)

    def open_acks(self, kind: str | None = None) -> list[AckStatus]:
        """Trackers of messages that asked for acknowledgement (newest first), from the
        core's ack tracker, optionally of one kind."""
        out = []
        for mid, cid in list(self._tracked_ids().items()):
            st = self._status(cid, mid)
            if st is None:
                self._tracked_ids().pop(mid, None)
            elif kind in (None, st.kind):
                out.append(st)
        return sorted(out, key=lambda s: -s.sent_at)

    def emergencies(self) -> list[AckStatus]:
        """Emergency calls, newest first (the banner shows the newest)."""
        return self.open_acks("emergency")

    def awaiting_me(self) -> list[AckStatus]:
        """Messages from other missions that this device's mission has not acknowledged."""
        return [s for s in self.open_acks() if self.my_mission in s.waiting]

    def pinned_agenda(self) -> tuple[str, Any, str] | None:
        """The newest pinned notice of the venue's notice channels (the core's
        ``pinned_notice``): (channel id, MessageView, revision detail)."""
        best: tuple[str, Any, str] | None = None
        best_key = (-1, -1)
        for info in self.client.channels():
            if info.kind != "notice" or info.left:
                continue
            view = self.client.pinned_notice(info.channel_id)
            if view is None:
                continue
            detail = str(view.revision) if view.revision is not None else ""
            key = (int(detail or 0), view.sent_at)
            if key > best_key:
                best, best_key = (info.channel_id, view, detail), key
        return best

    # ------------------------------------------------------------------ search

    @staticmethod
    def search_query(text: str) -> str:
        """The core matches whole words; a plain word of 3+ letters also matches as a
        prefix ("agen" finds "agenda"), as people expect from a search box."""
        words = []
        for w in text.split():
            if not w.endswith("*") and len(w) >= 3 and w.isalnum():
                w += "*"
            words.append(w)
        return " ".join(words)

    def search(self, query: str, *, limit: int = 200) -> list[SearchHit]:
        """Local search through the core's index (hashed terms, never plaintext)."""
        if not query.strip():
            return []
        hits = self.client.search(query, limit=limit)
        prefixed = self.search_query(query)
        if prefixed != query:
            # the core's "word*" does not match the word itself when it is short: ask both
            seen = {h.message.message_id for h in hits}
            hits += [h for h in self.client.search(prefixed, limit=limit)
                     if h.message.message_id not in seen]
            hits.sort(key=lambda h: -h.message.sent_at)
        return [SearchHit(h.channel_id, h.channel_name, h.message.message_id,
                          h.message.position, h.message.sender, h.message.text,
                          h.message.sent_at) for h in hits]

    def device_key(self) -> bytes:
        return bytes.fromhex(self.client.device_id)
