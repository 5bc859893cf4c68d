# SPDX-License-Identifier: Apache-2.0
"""What the desktop app needs from the client core, Qt-free (the UI imports it; no Qt here).

:class:`ConversationAdapter` is the view-model adapter the app talks to. It wraps a
:class:`client.core.Client` and hands the app the core's own shapes
(:mod:`client.model`: the :class:`~client.model.MessageView` with edits, reactions,
receipts and acknowledgements folded in, trackers, members, search hits), adding only
what the app alone needs (:mod:`ui.rows`). Every feature comes from the core's API, the
one source of truth: acknowledgement trackers (``ack_status`` / ``open_acks``), the pinned notice,
search over the core's hashed-term index, the disappearing-message timer, attachments.
The adapter only shapes the answers for display (and caches which messages carry a
tracker, so the window's refreshes stay cheap). Every method runs on the client core's
asyncio loop (the UI's bridge sees to that), never on the UI thread.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Awaitable, Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from client import trust, venue
from client.archive import Archive
from client.attachments import Uploaded
from client.errors import ClientError, NotFoundError, UsageError
from client.events import (
    AckUpdated,
    EmergencyCallReceived,
    Event,
    MessageReceived,
    MessageRedacted,
    MessagesExpired,
)
from client.features import MODIFIER_KINDS
from client.model import AckStatus, DeviceInfo, MemberView, MessageView, SearchHit
from client.policy import POLICY, Authority
from client.transparency import DirectoryStatus, MonitorFinding
from ui.rows import ChannelSummary, Newer

if TYPE_CHECKING:
    from client.core import Client

__all__ = [
    "MODIFIER_KINDS",
    "ChannelSummary",
    "ConversationAdapter",
    "Newer",
]


class ConversationAdapter:
    """The UI's view of one device (see the module docstring). Use on the core's loop."""

    def __init__(self, client: Client) -> None:
        self.client = client
        self.me: str = client.engine.me.ident.delegate
        self.my_mission: str = client.engine.me.ident.mission_id
        #: message id -> channel id of messages that asked for acknowledgement (learned
        #: once from the core's open_acks, then from new messages and AckUpdated events)
        self._tracked: dict[bytes, bytes] | None = None
        self._pending_check: list[tuple[bytes, bytes]] = []
        self._archive: Archive | None = None
        self._unsubscribe = client.subscribe(self._on_core_event)

    def close(self) -> None:
        self._unsubscribe()

    # ------------------------------------------------------------------ channels

    def channels(self) -> list[ChannelSummary]:
        out = []
        levels = tuple(self.client.engine.marking_scheme.levels)  # the venue's scheme
        for info in self.client.channels():
            cid = bytes.fromhex(info.channel_id)
            out.append(ChannelSummary(
                info.channel_id, info.kind, info.name, tuple(info.missions),
                self.can_post(cid, info.kind) and not info.left, info.history_note, info.left,
                self.client.high_water(cid), not info.left, info.routing_warning,
                info.ceiling, levels, self._allowed(cid)))
        return out

    def _allowed(self, cid: bytes) -> tuple[str, ...]:
        try:
            return tuple(self.client.engine.levels_allowed(cid))
        except ClientError:  # a channel this device left keeps no group state
            return ()

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

    def members(self, channel: bytes) -> list[MemberView]:
        """The channel's devices (one MLS leaf each), from the group itself."""
        members: list[MemberView] = self.client.members(channel)
        return members

    def member_labels(self, channel: bytes) -> dict[str, str]:
        """"mission/delegate" -> how the member pane writes the channel's members
        (:attr:`MemberView.label`: the verified certificate's name, the id beside a name
        that clashes, the id alone when no certificate names them)."""
        return {f"{m.mission}/{m.delegate}": m.label for m in self.members(channel)}

    # ------------------------------------------------------------------ messages

    def _view(self, channel: bytes, message_id: bytes) -> MessageView | None:
        """The core's MessageView of one stored message (None if not shown)."""
        try:
            view: MessageView = self.client.message(message_id, channel=channel)
        except NotFoundError:
            return None
        return view

    def row(self, channel: bytes, message_id: str) -> MessageView | None:
        """One message as shown now (after an edit, reaction, receipt, acknowledgement)."""
        return self._view(channel, bytes.fromhex(message_id))

    def rows(self, channel: bytes, message_ids: Iterable[str]) -> list[MessageView]:
        out = []
        for mid in dict.fromkeys(message_ids):
            r = self.row(channel, mid)
            if r is not None:
                out.append(r)
        return out

    def page(self, channel: bytes, *, before: int | None = None,
             limit: int = 60) -> tuple[list[MessageView], bool]:
        """Shown messages of the page just older than ``before`` (the newest page without
        it), in relay order, and whether older ones remain. Past the oldest message the
        device holds, the restored archive's messages of the channel follow
        (client/archive.py: their paging keys are negative)."""
        if before is not None and before < 0:  # paging inside the archive
            return self._archived(channel, below_seq=None, before=before, limit=limit)
        views: list[MessageView] = self.client.messages(channel, limit=limit, before=before)
        if views and self.client.has_older(channel, views[0].position):
            return views, True
        # nothing older is held (the core pages back over modifiers): the archive's
        # messages from before the oldest held one fill the page
        below = views[0].position if views else before
        room = limit - len(views)
        if room <= 0:
            return views, bool(self.archive().page(channel.hex(), below_seq=below,
                                                   before=None, limit=1)[0])
        older, more = self._archived(channel, below_seq=below, before=None, limit=room)
        return older + views, more

    def archive(self) -> Archive:
        """This home's restored history (read again when its pages change)."""
        if self._archive is None:
            c = self.client
            self._archive = Archive(c.home.root / "archive", c.engine.trust.root_der,
                                    self.me)  # "mission/delegate"
        return self._archive

    def _archived(self, channel: bytes, *, below_seq: int | None, before: int | None,
                  limit: int) -> tuple[list[MessageView], bool]:
        rows, more = self.archive().page(channel.hex(), below_seq=below_seq, before=before,
                                         limit=limit)
        if rows:  # names from the members' verified certificates, as for live messages
            from client.core.names import channel_names

            names = channel_names(self.client.engine, channel)
            rows = [dataclasses.replace(v, sender_name=n.display_name,
                                        sender_mission_name=n.mission_name,
                                        sender_ambiguous=n.ambiguous)
                    if (n := names.get(v.sender)) is not None else v for v in rows]
        return rows, more

    def high_water(self, channel: bytes) -> int:
        """The newest arrival position stored in a channel (modifiers included)."""
        return int(self.client.high_water(channel))

    def newer(self, channel: bytes, after: int, *, limit: int = 200) -> Newer:
        """Messages that arrived after arrival position ``after``, at most ``limit`` stored
        messages at a time (the UI appends them chunk by chunk)."""
        views, high, more = self.client.newer(channel, after, limit=limit)
        return Newer(views, high, more)

    def count_after(self, channel: bytes, position: int, *, cap: int = 999) -> int:
        """Unread count: shown messages from others after arrival ``position`` (capped)."""
        return int(self.client.unread_count(channel, position, cap=cap))

    # ------------------------------------------------------------------ sending

    async def send_text(self, channel: bytes, text: str, *, reply_to: str = "",
                        requires_ack: bool = False, marking: str = "") -> str:
        mid: str = await self.client.send_text(channel, text, requires_ack=requires_ack,
                                               reply_to=reply_to or None, marking=marking)
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

    async def monitor_log(self, issued_dir: Path | None) -> tuple[int, list[MonitorFinding]]:
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

    def export_history(self, channel: bytes, path: Path) -> int:
        """Write the channel's signed, readable history to ``path`` (``corridor export``);
        returns how many messages it holds."""
        import time

        from client.history_export import export_from

        page, _name, count = export_from(self.client, channel, int(time.time() * 1000))
        path.write_text(page, encoding="utf-8")
        return count

    def back_up(self, path: Path, passphrase: str) -> int:
        """Write a backup of every channel's history to ``path`` (``corridor backup``)."""
        import time

        from client.backup import back_up
        from client.keystore import KdfLimits, kdf_from_env
        from crypto.certs.keyfile import STRENGTHS

        k = kdf_from_env(KdfLimits(*STRENGTHS["moderate"]))
        data, count = back_up(self.client, passphrase, int(time.time() * 1000),
                              (k.opslimit, k.memlimit))
        path.write_bytes(data)
        path.chmod(0o600)
        return count

    def restore(self, path: Path, passphrase: str) -> list[str]:
        """Restore a backup's history into this home's archive (``corridor restore``);
        the restored channels' names."""
        from client.backup import restore_into

        _dev, _who, done = restore_into(self.client.home.root, path.read_bytes(), passphrase)
        return [r.channel_name for r in done]

    def venue_fingerprint(self) -> tuple[str, str]:
        """The pinned venue root's fingerprint, as words and as hex (Help > About)."""
        from crypto import certs

        root = self.client.engine.trust.root_der
        return certs.fingerprint_words(root), certs.fingerprint_hex(root)

    def muted_channels(self) -> frozenset[str]:
        return self.client.muted_channels()

    def set_muted(self, channel: bytes, on: bool) -> bool:
        return self.client.set_muted(channel, on)

    def asks_ack(self, channel: bytes, message_id: bytes) -> bool:
        """Whether the message asks for an acknowledgement (it breaks through mute)."""
        try:
            return self.client.asks_ack(channel, message_id)
        except ClientError:
            return False

    async def devices(self) -> list[DeviceInfo]:
        """This delegate's devices (``corridor device list``)."""
        return await self.client.devices()

    async def remove_device(self, device_id: str) -> DeviceInfo:
        """Remove another device of this delegate (``corridor device remove``)."""
        return await self.client.remove_device(device_id)

    def directory_status(self, channel: bytes) -> DirectoryStatus:
        """Key transparency for the conversation (client.transparency.DirectoryStatus)."""
        return self.client.directory_status(channel)

    def timer(self, channel: bytes) -> tuple[int | None, str]:
        """(seconds or None, who set it) of the channel's disappearing-message timer; who
        by their verified name (:func:`client.core.names.person_label`), "" if unknown."""
        from client.core.names import channel_names, person_label

        seconds, by = self.client.timer(channel)
        return seconds, person_label(by, channel_names(self.client.engine, channel)) if by \
            else ""

    async def attach(self, channel: bytes, path: Path, caption: str = "") -> str:
        """Encrypt, upload and send a file (AttachmentTooLarge / QuotaExceeded say why not)."""
        mid: str = await self.client.send_attachment(channel, path, caption=caption)
        return mid

    async def upload(self, channel: bytes, path: Path) -> Uploaded:
        """Encrypt and upload a file the user picked, before they confirm it: its
        reference then goes a random time after the upload (docs/padding.md)."""
        up: Uploaded = await self.client.upload_attachment(channel, path)
        return up

    async def send_uploaded(self, uploaded: Awaitable[Uploaded], caption: str = "") -> str:
        """Send the reference to a file uploaded by :meth:`upload` (awaited here: the
        upload may still be running when the user confirms)."""
        mid: str = await self.client.send_uploaded(await uploaded, caption=caption)
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
        for cid, mid in checks:
            if self.client.asks_ack(cid, mid):
                self._tracked[mid] = cid
        return self._tracked

    def _status(self, channel: bytes, message_id: bytes) -> AckStatus | None:
        """The core's tracker with the message attached (None: not shown any more)."""
        try:
            st = self.client.ack_status(message_id, channel=channel)
        except ClientError:
            return None
        return st if st.message is not None else None

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

    def pinned_agenda(self) -> tuple[str, MessageView, str] | None:
        """The newest pinned notice of the venue's notice channels (the core's
        ``pinned_notice``): (channel id, MessageView, revision detail)."""
        best: tuple[str, MessageView, str] | None = None
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
        hits: list[SearchHit] = self.client.search(query, limit=limit)
        prefixed = self.search_query(query)
        if prefixed != query:
            # the core's "word*" does not match the word itself when it is short: ask both
            seen = {h.message.message_id for h in hits}
            hits += [h for h in self.client.search(prefixed, limit=limit)
                     if h.message.message_id not in seen]
            hits.sort(key=lambda h: -h.message.sent_at)
        return hits

    def device_key(self) -> bytes:
        return bytes.fromhex(self.client.device_id)
