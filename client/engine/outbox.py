# SPDX-License-Identifier: Apache-2.0
"""The outbox: what waits to be sent, and sending application messages.

App items hold the encoded payload (encrypted at rest), not ciphertext, so they
survive epochs and restarts; commits are rebuilt from intent after a lost race
(:mod:`client.engine.commits`). Client message ids are random and recorded before
first use (:mod:`client.msgids`), so a resend after a crash is de-duplicated by the
relay and the relay cannot tell a commit from a message by them. Application messages
are padded to a size bucket. The group state that consumed a ratchet key is saved
before the ciphertext can leave the device (THREATS 18).

**Self-updates** (post-compromise security). A channel where this device has not
committed for ``self_update_seconds`` or has sent ``self_update_messages`` messages
since its last commit gets an empty commit with an update path, queued here like a
roster change: a copy of the old state (a stolen disk image) stops decrypting from the
next epoch on.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from typing import Final

import msgspec

from client.engine.context import EngineContext
from client.engine.envelope import app_aad, app_padding
from client.engine.model import (
    AppWork,
    ChannelMeta,
    CommitWork,
    OutApp,
    Outbound,
    OutOp,
    enc,
    out_decoder,
)
from client.errors import ClientError, NotFoundError, UsageError
from client.events import Event, MessageFailed
from client.msgids import APP
from client.policy import PolicyViolation, Roster, check_commit, encode_roster

__all__ = ["OUTBOX_SCAN", "Outbox"]

#: the outbox is read whole (it is short: the driver flushes it at every sync)
OUTBOX_SCAN: Final = 10_000


class Outbox:
    """Queues payloads and commit intents; encrypts and settles application messages."""

    def __init__(self, ctx: EngineContext) -> None:
        self.ctx = ctx
        #: key transparency (client.transparency): the log head to send in an
        #: application message of a channel (b"" for none)
        self.gossip: Callable[[bytes], bytes] = lambda _channel: b""

    # ------------------------------------------------------------------ queueing

    def enqueue_app(self, channel_id: bytes, item: OutApp) -> bytes:
        return self.ctx.store.enqueue_outbox(channel_id, enc.encode(item),
                                             created_at=self.ctx.now())

    def enqueue_op(self, channel_id: bytes, item: OutOp) -> bytes:
        return self.ctx.store.enqueue_outbox(channel_id, enc.encode(item),
                                             created_at=self.ctx.now())

    def enqueue_membership(self, channel_id: bytes, roster: Roster | None = None,
                           current: Roster | None = None) -> bytes:
        """Queue a membership commit (devices of the roster's missions; with ``roster``,
        a change from ``current`` to it); returns its outbox item id.

        Raises:
            UsageError: a roster change this device's delegate may not make.
        """
        if roster is not None and current is not None:
            try:
                check_commit(before=current, after=roster, committer=self.ctx.me.ident,
                             added=[], removed=[], members_after=[],
                             chairs=self.ctx.chairs(current), founding=False)
            except PolicyViolation as exc:
                raise UsageError(str(exc)) from None
        return self.enqueue_op(channel_id, OutOp(encode_roster(roster) if roster else None))

    def self_update_due(self, channel_id: bytes) -> bool:
        """Whether this device should refresh its leaf key in the channel now."""
        _ch, meta = self.ctx.channel_state(channel_id)
        return self._due(meta)

    def _due(self, meta: ChannelMeta) -> bool:
        if meta.left or meta.forked:
            return False
        s = self.ctx.settings
        if s.self_update_messages and meta.sent >= s.self_update_messages:
            return True
        return bool(s.self_update_seconds) and \
            self.ctx.now() - meta.updated_at >= s.self_update_seconds

    def queue_self_updates(self) -> list[bytes]:
        """Queue a self-update (an empty commit with an update path) in every channel
        where one is due and nothing is queued yet; returns those channels."""
        store = self.ctx.store
        busy = {it.channel_id for it in store.list_outbox(limit=OUTBOX_SCAN)}
        out = []
        for ch in store.list_channels():
            if ch.damaged or ch.channel_id in busy:
                continue
            try:  # the row as listed: every send asks, for every channel
                due = self._due(self.ctx.meta(ch))
            except (ClientError, msgspec.MsgspecError):
                continue
            if due:
                self.enqueue_op(ch.channel_id, OutOp(update=True))
                out.append(ch.channel_id)
        return out

    # ------------------------------------------------------------------ sending

    def work(self) -> list[AppWork | CommitWork]:
        """What to send now, in order: per channel a pending commit blocks app messages."""
        ctx = self.ctx
        work: list[AppWork | CommitWork] = []
        blocked: set[bytes] = set()
        now = ctx.now()
        for item in ctx.store.list_outbox(limit=OUTBOX_SCAN):
            if item.damaged or item.channel_id in blocked:
                continue
            try:
                _ch, meta = ctx.channel_state(item.channel_id)
            except ClientError:
                continue
            if meta.left or meta.forked:
                continue
            g = ctx.group(item.channel_id)
            out = out_decoder.decode(item.data)
            if isinstance(out, OutOp):
                work.append(CommitWork(item.channel_id, item.item_id,
                                       g.pending_commit is not None))
                blocked.add(item.channel_id)
            elif out.not_before > now:
                continue  # held (an attachment's reference): later messages go first
            elif g.pending_commit is not None:
                blocked.add(item.channel_id)
            else:
                work.append(AppWork(item.channel_id, item.item_id, item.data))
        return work

    def next_release(self) -> int | None:
        """When the earliest held message may go (engine clock), None if none waits."""
        now = self.ctx.now()
        held = [out.not_before for it in self.ctx.store.list_outbox(limit=OUTBOX_SCAN)
                if not it.damaged
                for out in (out_decoder.decode(it.data),)
                if isinstance(out, OutApp) and out.not_before > now]
        return min(held, default=None)

    def item(self, channel_id: bytes, item_id: bytes) -> OutApp | OutOp:
        for it in self.ctx.store.list_outbox(channel_id, limit=OUTBOX_SCAN):
            if it.item_id == item_id:
                decoded: OutApp | OutOp = out_decoder.decode(it.data)
                return decoded
        raise NotFoundError("outbox item is gone")

    def encrypt(self, work: AppWork) -> Outbound:
        """Encrypt a queued payload at the current epoch; the used key is forgotten durably."""
        ctx = self.ctx
        item = out_decoder.decode(work.data) if work.data else \
            self.item(work.channel_id, work.item_id)
        assert isinstance(item, OutApp)
        g = ctx.group(work.channel_id)
        aad = app_aad(g, item.message_id, self.gossip(work.channel_id), ctx.signer)
        pad = app_padding(g, len(item.body), len(aad))
        try:
            with ctx.store.transaction():  # the id and the used key: one durable write
                cmid = ctx.send_ids.id_for(APP, work.channel_id, item.message_id,
                                           item.attempt)
                msg = g.encrypt_application(item.body, authenticated_data=aad, padding=pad)
                ctx.crashpoint("send-sealed")
                ctx.save_group(g)
        except BaseException:
            ctx.forget_group(work.channel_id)
            raise
        ctx.crashpoint("send-encrypted")
        return Outbound(work.channel_id, cmid, msg, work.item_id, False,
                        message_id=item.message_id)

    def posted(self, out: Outbound, seq: int | None = None) -> None:
        """The relay accepted ``out`` (at ``seq``). App items are done; commits wait for
        their echo. An own message takes the relay's ``seq`` so it shows in relay order."""
        ctx = self.ctx
        ctx.crashpoint("send-posted")
        if not out.is_commit:
            with ctx.store.transaction():
                ctx.store.mark_sent(out.item_id)
                if seq is not None and out.message_id:
                    with contextlib.suppress(ClientError):
                        ctx.store.set_message_seq(out.group_id, out.message_id, seq)
                with contextlib.suppress(ClientError):  # counts towards a self-update
                    ch, meta = ctx.channel_state(out.group_id)
                    ctx.replace_meta(ch, meta, sent=meta.sent + 1)

    def _discard_commit(self, work: AppWork | CommitWork) -> None:
        if isinstance(work, CommitWork):
            g = self.ctx.group(work.channel_id)
            if g.pending_commit is not None:
                g.discard_pending_commit()
                self.ctx.save_group(g)

    def drop(self, work: AppWork | CommitWork) -> None:
        """The relay refused ``work`` for good: the item is done; a commit built for it
        is discarded (else it would hold the channel's later messages back forever).
        A membership change still wanted is queued again by the next maintenance."""
        with self.ctx.store.transaction():
            self.ctx.store.mark_sent(work.item_id)
            self._discard_commit(work)

    def refused(self, work: AppWork | CommitWork, reason: str) -> list[Event]:
        """The relay refused ``work`` for good: it leaves the outbox; an application
        message is marked failed with ``reason`` (shown with it; :meth:`retry_failed`
        queues it again). Temporary failures never come here: they stay queued."""
        ctx = self.ctx
        events: list[Event] = []
        with ctx.store.transaction():
            ctx.store.mark_sent(work.item_id)
            self._discard_commit(work)  # else it holds the channel back forever
            if isinstance(work, AppWork):
                item = out_decoder.decode(work.data) if work.data else None
                if isinstance(item, OutApp):
                    ann = ctx.features.annotation(work.channel_id, item.message_id)
                    ann.failed = reason or "refused by the relay"
                    ctx.features._put(work.channel_id, item.message_id, ann)
                    events.append(MessageFailed(work.channel_id, item.message_id, ann.failed))
        return events

    def retry_failed(self, channel_id: bytes, message_id: bytes) -> None:
        """Queue a message the relay refused (:meth:`refused`) again, with its stored
        payload and the same message id, so receivers still see it once.

        Raises:
            UsageError: the message is not an own message marked failed.
        """
        ctx = self.ctx
        ann = ctx.features.annotation(channel_id, message_id)
        if not ann.failed:
            raise UsageError("that message has not failed")
        stored = ctx.store.get_message(channel_id, message_id)
        with ctx.store.transaction():
            ann.failed = ""
            ctx.features._put(channel_id, message_id, ann)
            # an attempt number no earlier try used (those count up from 0): a client
            # message id the relay has never seen, so it is not answered as a duplicate
            self.enqueue_app(channel_id, OutApp(message_id, stored.body, max(1, ctx.now())))
