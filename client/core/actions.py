# SPDX-License-Identifier: Apache-2.0
"""Actions: what the user does to channels and messages. Each queues its payload or
membership change in the engine's outbox and sends it at once when the relay can be
reached (it stays queued otherwise: :mod:`client.core.sync` sends it later).
"""

from __future__ import annotations

import contextlib
import math
import os
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TypedDict

import msgspec

from client import attachments, payloads
from client.core.base import Driver
from client.engine import new_group_id
from client.errors import AlreadyDoneError, NotFoundError, PayloadError, UsageError
from client.events import MessageRedacted
from client.features import MODIFIER_KINDS, kind_of
from client.paths import atomic_write
from client.transport import RelayUnavailable

__all__ = ["Actions"]



class Actions(Driver):
    """The write side of the client core (see the module docstring)."""

    __slots__ = ()

    async def create_channel(self, kind: str, name: str, missions: Sequence[str],
                             ceiling: str = "") -> str:
        """Create a channel of ``kind`` with every certified device of ``missions``
        (``ceiling``: its highest classification marking; "" the venue's default)."""
        gid = new_group_id()
        await self.syncer.ensure_login()
        new = self.engine.prepare_channel(gid, kind, name, missions, ceiling)
        # the relay keeps the group's public state from the creator's GroupInfo; the
        # channel is stored only once the relay routes it (a sync never sees it before)
        await self.transport.create_group(gid, new.group_info)
        self.engine.store_channel(new)
        with contextlib.suppress(RelayUnavailable):
            await self.syncer.flush()
        return gid.hex()

    async def change_roster(self, channel: str | bytes, *, add_missions: Sequence[str] = (),
                            remove_missions: Sequence[str] = (),
                            name: str | None = None) -> None:
        """Change a channel's missions or name (only its conveners / chairs may)."""
        cid = self.views.resolve_channel(channel)
        r = self.engine.roster(cid)
        missions = tuple(sorted((set(r.missions) | set(add_missions)) - set(remove_missions)))
        new = r.with_changes(missions=missions, name=name or r.name)
        self.engine.enqueue_membership(cid, new)
        with contextlib.suppress(RelayUnavailable):
            await self.syncer.flush()

    async def leave(self, channel: str | bytes) -> bool:
        """Leave the channel on this device; returns whether it is done now.

        The device sends the channel its signed request to leave; any member's next
        membership commit removes its leaf, carrying the request as proof (charter rule
        5, checked alike by members and relay), and the relay stops routing to it. Once
        the request is sent, this device deletes its keys for the channel and stops
        receiving it; what it holds stays readable here. If the relay cannot be reached
        the request stays queued (False): it goes at the next sync, and the commit that
        removes the device then shows the channel as left."""
        cid = self.views.resolve_channel(channel)
        request = self.engine.leave_request(cid)
        self.engine.enqueue_payload(cid, request)
        with contextlib.suppress(RelayUnavailable):
            await self.syncer.flush()
        if self.store.list_outbox(cid, limit=1):  # the request (or what precedes it) waits
            return False
        self.emit(self.engine.left(cid))
        return True

    async def send_text(self, channel: str | bytes, text: str, *,
                        requires_ack: bool = False, reply_to: str | bytes | None = None,
                        marking: str = "") -> str:
        """Queue a text message (kept in the outbox until the relay has it) and send it.

        ``requires_ack`` makes it a hotline message (tracked per mission, see
        :meth:`ack_status`); ``reply_to`` (a message id) makes it a reply; ``marking``
        is its classification ("" the lowest level).
        """
        base = _base()
        payload: payloads.Payload
        if reply_to is not None:
            cid = self.views.resolve_channel(channel)
            _c, target = self.views.resolve_message(reply_to, cid)
            payload = payloads.Reply(**base, body=text, in_reply_to=target,
                                     requires_ack=requires_ack, marking=marking)
        else:
            payload = payloads.Text(**base, body=text, requires_ack=requires_ack,
                                    marking=marking)
        return await self.send_payload(channel, payload)

    async def send_payload(self, channel: str | bytes, payload: payloads.Payload, *,
                           _check_policy: bool = True, not_before: int = 0) -> str:
        cid = self.views.resolve_channel(channel)
        # Queued without waiting for the disk: the flush below reaches the encryption's
        # fsynced commit (which flushes the log, this commit with it) or calls sync()
        # before it first yields to the loop, so the message is durable before
        # anything else runs, and one fsync is saved on the way to the relay.
        with self.store.deferred_sync():
            mid = self.engine.enqueue_payload(cid, payload, check_policy=_check_policy,
                                              not_before=not_before)
        try:
            self.engine.compact()
            self.emit(self.engine.take_local_events())
        except BaseException:
            self.store.sync()
            raise
        with contextlib.suppress(RelayUnavailable):
            await self.syncer.flush()
        return mid.hex()

    async def _modify(self, ref: str | bytes, channel: str | bytes | None,
                      make: Callable[[bytes], payloads.Payload]) -> str:
        cid, mid = self.views.resolve_message(ref, channel)
        return await self.send_payload(cid, make(mid))

    async def edit(self, message: str | bytes, text: str, *,
                   channel: str | bytes | None = None) -> str:
        """Replace the text of an own message (refused with UsageError otherwise)."""
        return await self._modify(message, channel, lambda t: payloads.Edit(
            **_base(), target=t, body=text))

    async def redact(self, message: str | bytes, *, channel: str | bytes | None = None) -> str:
        """Withdraw an own message: every member deletes it (store, index, cache)."""
        return await self._modify(message, channel, lambda t: payloads.Redact(
            **_base(), target=t))

    async def react(self, message: str | bytes, emoji: str, *, remove: bool = False,
                    channel: str | bytes | None = None) -> str:
        return await self._modify(message, channel, lambda t: payloads.Reaction(
            **_base(), target=t, emoji=emoji, remove=remove))

    async def ack(self, message: str | bytes, *, channel: str | bytes | None = None) -> str:
        """Acknowledge a message that asked for it (hotline, emergency call, notice).

        Raises:
            AlreadyDoneError: this delegate has acknowledged it already (one
                acknowledgement per person; nothing is sent).
        """
        cid, mid = self.views.resolve_message(message, channel)
        if self.engine.me.ident.delegate in self.engine.features.annotation(cid, mid).acked:
            raise AlreadyDoneError("you have already acknowledged this message")
        return await self._modify(mid, cid, lambda t: payloads.Ack(**_base(), target=t))

    async def mark_read(self, channel: str | bytes,
                        message_ids: Sequence[str | bytes] | None = None) -> str | None:
        """Send a read receipt for ``message_ids`` (default: every message from others
        not yet receipted by this device). Returns the receipt's id, or None."""
        cid = self.views.resolve_channel(channel)
        me = self.engine.me.ident.delegate
        if message_ids is None:
            ids = []
            for m in self.store.iter_messages(cid):
                if m.damaged or m.sender.decode(errors="replace") == me:
                    continue
                try:
                    if kind_of(payloads.decode(m.body)) in MODIFIER_KINDS:
                        continue
                except PayloadError:
                    continue
                if me not in self.engine.features.annotation(cid, m.message_id).read:
                    ids.append(m.message_id)
        else:
            ids = [self.views.resolve_message(r, cid)[1] for r in message_ids]
        if not ids:
            return None
        last = None
        for i in range(0, len(ids), payloads.MAX_RECEIPT_IDS):
            chunk = tuple(ids[i:i + payloads.MAX_RECEIPT_IDS])
            last = await self.send_payload(cid, payloads.ReadReceipt(**_base(),
                                                                     message_ids=chunk))
            self._note_own_read(cid, chunk)
        return last

    def _note_own_read(self, cid: bytes, ids: Sequence[bytes]) -> None:
        me = self.engine.me.ident.delegate
        feats = self.engine.features
        with self.store.transaction():
            for mid in ids:
                with contextlib.suppress(NotFoundError):
                    self.store.get_message(cid, mid)
                    ann = feats.annotation(cid, mid)
                    if me not in ann.read:
                        ann.read[me] = payloads.now_ms()
                        feats._put(cid, mid, ann)

    async def send_attachment(self, channel: str | bytes, path: str | os.PathLike[str], *,
                              caption: str = "", requires_ack: bool = False,
                              mime_type: str | None = None, marking: str = "") -> str:
        """Encrypt ``path`` with a fresh key, upload it, queue the reference held for
        a random time after the upload (:meth:`send_uploaded`; docs/padding.md).

        Raises:
            AttachmentTooLarge, QuotaExceeded (``client.attachments``), RelayUnavailable.
        """
        cid = self.views.resolve_channel(channel)
        self.engine.check_marking(cid, marking)  # never upload above the ceiling
        up = await self.upload_attachment(cid, path, mime_type=mime_type)
        return await self.send_uploaded(up, caption=caption, requires_ack=requires_ack,
                                        marking=marking)

    async def upload_attachment(self, channel: str | bytes, path: str | os.PathLike[str], *,
                                mime_type: str | None = None) -> attachments.Uploaded:
        """Encrypt and upload ``path`` now; nothing is sent in the channel yet (the
        app calls this when the user picks a file, before the caption and confirmation).

        Raises:
            AttachmentTooLarge, QuotaExceeded (``client.attachments``), RelayUnavailable.
        """
        cid = self.views.resolve_channel(channel)
        await self.syncer.ensure_login()
        ref = await attachments.upload(self.transport, cid, Path(path), mime_type=mime_type)
        return attachments.Uploaded(cid, ref, self.engine.clock())

    async def send_uploaded(self, uploaded: attachments.Uploaded, *, caption: str = "",
                            requires_ack: bool = False, marking: str = "") -> str:
        """Queue the reference to an uploaded blob, not sent before the upload time
        plus a hold drawn from the engine's random source (exponential, mean and cap
        in the engine settings): the relay does not see the reference follow its upload
        (docs/padding.md). It shows at once as this device's own message, "sending"."""
        cid = uploaded.channel_id
        marking = self.engine.check_marking(cid, marking)
        s = self.engine.settings
        hold = attachments.reference_hold(self.engine.random, s.attachment_hold_mean,
                                          s.attachment_hold_max)
        ref = msgspec.structs.replace(uploaded.ref, caption=caption, marking=marking,
                                      requires_ack=requires_ack, sent_at=payloads.now_ms())
        release = math.ceil(uploaded.uploaded_at + hold) if hold else 0
        return await self.send_payload(cid, ref, not_before=release)

    def _attachment_ref(self, message: str | bytes,
                        channel: str | bytes | None) -> payloads.Attachment:
        cid, mid = self.views.resolve_message(message, channel)
        p = payloads.decode(self.store.get_message(cid, mid).body)
        if not isinstance(p, payloads.Attachment):
            raise UsageError("this message has no attachment")
        return p

    async def fetch_attachment(self, message: str | bytes, *,
                               channel: str | bytes | None = None) -> bytes:
        """The verified plaintext of an attachment (kept in memory, not on disk).

        Raises:
            AttachmentTampered: the relay's blob does not match the reference's hash.
        """
        ref = self._attachment_ref(message, channel)
        await self.syncer.ensure_login()
        return await attachments.fetch(self.transport, self.home.root, ref)

    async def save_attachment(self, message: str | bytes, dest: str | os.PathLike[str] | None
                              = None, *, channel: str | bytes | None = None) -> Path:
        """Write a verified attachment to ``dest`` (a file or directory), by default
        ``home/downloads/<message id>/<file name>``, which expiry and redaction remove."""
        ref = self._attachment_ref(message, channel)
        data = await self.fetch_attachment(message, channel=channel)
        if dest is None:
            target = attachments.downloads_dir(self.home.root, ref.message_id)
            target.mkdir(parents=True, exist_ok=True, mode=0o700)
            out = target / ref.file_name
        else:
            out = Path(dest)
            if out.is_dir():
                out = out / ref.file_name

        atomic_write(out, data)
        return out

    async def set_timer(self, channel: str | bytes, seconds: int | None) -> str:
        """Set the channel's disappearing-message timer for every member (None: off)."""
        return await self.send_payload(channel, payloads.DisappearingTimer(
            **_base(), seconds=seconds))

    async def emergency_call(self, channel: str | bytes, *, meeting_at: int, place: str = "",
                             link: str = "", agenda: str = "") -> str:
        """The chair convenes an emergency meeting; every mission is asked to ack."""
        return await self.send_payload(channel, payloads.EmergencyCall(
            **_base(), meeting_at=meeting_at, place=place, link=link, agenda=agenda))

    async def post_agenda(self, channel: str | bytes, title: str, body: str = "", *,
                          pinned: bool = True, requires_ack: bool = False) -> str:
        """Post (or revise) the channel's agenda notice: the first is revision 1, each
        revision one more than the highest seen (the highest revision is the pinned one)."""
        cid = self.views.resolve_channel(channel)
        rev = max(self.engine.message_meta(cid).pinned_rev, 0) + 1
        return await self.send_payload(cid, payloads.AgendaNotice(
            **_base(), title=title, body=body, revision=rev, pinned=pinned,
            requires_ack=requires_ack))

    async def retry_message(self, ref: str | bytes, *,
                            channel: str | bytes | None = None) -> None:
        """Queue a failed own message again (same message id) and try to send it."""
        cid, mid = self.views.resolve_message(ref, channel)
        self.engine.retry_failed(cid, mid)
        with contextlib.suppress(RelayUnavailable):
            await self.syncer.flush()

    def discard_message(self, ref: str | bytes, *, channel: str | bytes | None = None) -> None:
        """Delete a failed own message from this device (nobody else ever had it).

        Raises:
            UsageError: the message has not failed.
        """
        cid, mid = self.views.resolve_message(ref, channel)
        if not self.engine.features.annotation(cid, mid).failed:
            raise UsageError("only a message that failed to send can be discarded")
        with self.store.transaction():
            self.engine.features.purge(cid, mid)
        self.emit([MessageRedacted(cid, mid, self.engine.me.ident.delegate)])


class _Base(TypedDict):
    """The fields every payload a user sends starts with."""

    message_id: bytes
    sent_at: int


def _base() -> _Base:
    return {"message_id": payloads.new_message_id(), "sent_at": payloads.now_ms()}
