# SPDX-License-Identifier: Apache-2.0
"""Channels and what is posted in them: creating a channel, queueing this device's
payloads, applying what a payload means beyond being stored (edits, reactions, the
disappearing timer, pinned notices, emergency calls), expiry, and leaving.

Every post is checked with :mod:`client.policy` before it changes anything. The
channel's name is not in the GroupContext: the charter commits to a salted
:class:`~client.policy.ChannelInfo`, which travels sealed in the commit that changes it
and in the Welcome's GroupInfo.
"""

from __future__ import annotations

from collections.abc import Sequence

from client import payloads
from client.engine.context import EngineContext
from client.engine.envelope import SUITE
from client.engine.forks import ForkCheck
from client.engine.model import ChannelMeta, NewChannel, OutApp, OutOp, enc
from client.engine.outbox import Outbox
from client.errors import AlreadyDoneError, NotFoundError, UsageError
from client.events import (
    ChannelLeft,
    EmergencyCallReceived,
    Event,
    MessagesExpired,
    NoticePinned,
    TimerChanged,
)
from client.features import ANSWER_KINDS, MODIFIER_KINDS, kind_of
from client.policy import (
    LEAF_EXTENSIONS,
    POLICY,
    Charter,
    Ident,
    PolicyViolation,
    Roster,
    check_post,
    check_state,
    encode_roster,
    new_info,
    roster_extension,
    roster_problem,
)
from client.store.base import Channel, ChannelKind
from client.trust import x509_credential
from crypto.corridor import markings
from crypto.corridor.charter import LEAVE_LABEL, leave_content
from crypto.group import Group
from crypto.messages.key_package import default_capabilities
from crypto.suites import get_suite

__all__ = ["Channels"]


class Channels:
    """Channel lifecycle and posting."""

    def __init__(self, ctx: EngineContext, outbox: Outbox, forks: ForkCheck) -> None:
        self.ctx = ctx
        self.outbox = outbox
        self.forks = forks
        #: Events caused by this device's own actions (enqueue_payload); the driver
        #: publishes them with :meth:`take_local_events`.
        self.local_events: list[Event] = []

    # ------------------------------------------------------------------ creating

    def prepare(self, group_id: bytes, kind: str, name: str,
                missions: Sequence[str], ceiling: str = "") -> NewChannel:
        """A new channel's MLS group and records, not stored yet: its
        :attr:`NewChannel.group_info` is what the relay group is created from."""
        ctx = self.ctx
        if kind not in POLICY:
            raise UsageError(f"unknown channel kind {kind!r}")
        me = ctx.me.ident
        ms = tuple(sorted(set(missions) | {me.mission_id}))
        chairs: tuple[bytes, ...] = ()
        if kind == "notice":
            chairs = tuple(ctx.me.role_certs)
            if me.delegate not in ctx.trust.chairs(chairs):
                raise UsageError("only a chair (with a valid role certificate) opens a notice "
                                 "channel")
        if ceiling:
            try:
                ceiling = str(markings.parse(ceiling, ctx.markings))
            except markings.MarkingError as exc:
                raise UsageError(f"channel ceiling: {exc}") from None
        roster = Roster(kind=kind, name=name, missions=ms, created_by=me.delegate,
                        ceiling=ceiling,
                        conveners=(me.delegate,) if kind in ("multilateral", "caucus") else (),
                        chairs=chairs)
        problem = roster_problem(roster)  # a roster no member could decode would wedge it
        if problem:
            raise UsageError(problem)
        check_state(roster, [me])
        info = new_info(name)
        g = Group.create(SUITE, group_id, x509_credential(ctx.me.chain), ctx.me.seed,
                         extensions=[roster_extension(roster, info)],
                         credential_validator=ctx.trust,
                         capabilities=default_capabilities(SUITE, LEAF_EXTENSIONS))
        meta = ChannelMeta(roster=encode_roster(roster), info=info, updated_at=ctx.now())
        return NewChannel(g, kind, name, meta)

    def store(self, new: NewChannel) -> bytes:
        """Store a prepared channel (the relay group exists) and queue its population."""
        ctx = self.ctx
        g, group_id = new.group, new.group.group_id
        with ctx.store.transaction():
            ctx.store.create_channel(channel_id=group_id, group_id=group_id,
                                     kind=ChannelKind(new.kind), name=new.name,
                                     created_at=ctx.now(), roster=enc.encode(new.meta))
            ctx.save_group(g)
            self.forks.remember(g)
            self.outbox.enqueue_op(group_id, OutOp())
        ctx.groups[group_id] = g
        return group_id

    # ------------------------------------------------------------------ posting

    def enqueue_payload(self, channel_id: bytes, payload: payloads.Decoded, *,
                        check_policy: bool = True, not_before: int = 0) -> bytes:
        """Queue a payload; it is stored at once as our own message (shown as sending).
        ``not_before``: it is not sent before then (an attachment's held reference)."""
        ctx = self.ctx
        _ch, meta = ctx.channel_state(channel_id)
        if meta.left:
            raise UsageError("this device is no longer in the channel")
        roster = ctx.charter(channel_id)
        kind = kind_of(payload)
        if check_policy and kind not in ANSWER_KINDS:
            try:
                check_post(roster, ctx.me.ident, ctx.post_chairs(roster))
            except PolicyViolation as exc:
                raise UsageError(str(exc)) from None
        if check_policy:
            reason = ctx.act_refusal(roster, ctx.me.ident, payload)
            if reason:
                raise UsageError(reason)
        body = payloads.encode(payload)
        mid = payload.message_id
        with ctx.store.transaction():
            ch, meta = ctx.channel_state(channel_id)
            try:
                store_row, events, meta = self.apply(ch, meta, roster, ctx.me.ident, payload)
            except PolicyViolation as exc:
                raise UsageError(str(exc)) from None
            except NotFoundError:
                raise UsageError("the message it refers to is not on this device") from None
            if store_row:
                self.store_row(ch, meta, ctx.me.ident, payload, body, None)
            self.outbox.enqueue_app(channel_id, OutApp(mid, body, not_before=not_before))
        if not_before:
            ctx.crashpoint("reference-held")
        self.local_events += events
        return mid

    def take_local_events(self) -> list[Event]:
        """Events of this device's own actions since the last call."""
        out, self.local_events = self.local_events, []
        return out

    def store_row(self, ch: Channel, meta: ChannelMeta, author: Ident,
                  payload: payloads.Decoded, body: bytes, seq: int | None) -> bool:
        ctx = self.ctx
        now = ctx.now()
        expires = now + meta.timer if meta.timer else None
        shown = kind_of(payload) not in MODIFIER_KINDS
        fresh = ctx.store.insert_message(ch.channel_id, payload.message_id,
                                         sender=author.delegate.encode(), body=body,
                                         sent_at=payload.sent_at, received_at=now, seq=seq,
                                         expires_at=expires,
                                         terms=ctx.features.terms(payload) if shown else "")
        if fresh and shown:
            ctx.features.stored(ch.channel_id, author, payload)
        return bool(fresh)

    def apply(self, ch: Channel, meta: ChannelMeta, roster: Roster | Charter, sender: Ident,
              payload: payloads.Decoded) -> tuple[bool, list[Event], ChannelMeta]:
        """Apply what a payload means beyond being stored (modifiers, timer, notices).

        Returns whether to store it as a row, the events, and the channel meta.
        Raises PolicyViolation / NotFoundError to refuse a modifier.
        """
        ctx = self.ctx
        cid = ch.channel_id
        kind = kind_of(payload)
        events: list[Event] = []
        if isinstance(payload, payloads.LeaveRequest):
            return False, events, meta  # never a row (members keep it in the meta)
        if kind in MODIFIER_KINDS:
            events = ctx.features.apply(cid, sender, payload, roster.missions)
            if isinstance(payload, payloads.Crisis):
                ctx.note_crisis_item(payload.item)
            return True, events, meta
        if isinstance(payload, payloads.DisappearingTimer):
            meta = ctx.replace_meta(ch, meta, timer=payload.seconds, timer_by=sender.delegate)
            events.append(TimerChanged(cid, payload.seconds, sender.delegate))
        elif isinstance(payload, payloads.AgendaNotice) and payload.revision >= meta.pinned_rev:
            meta = ctx.replace_meta(ch, meta, pinned=payload.message_id if payload.pinned
                                    else b"", pinned_rev=payload.revision)
            events.append(NoticePinned(cid, payload.message_id, payload.title, payload.revision,
                                       payload.pinned, sender.delegate))
        elif isinstance(payload, payloads.EmergencyCall):
            events.append(EmergencyCallReceived(cid, payload.message_id, sender.delegate,
                                                payload.meeting_at, payload.place, payload.link,
                                                payload.agenda))
        return True, events, meta

    # ------------------------------------------------------------------ expiry

    def sweep_expired(self) -> list[Event]:
        """Delete expired messages (store, search index, cached attachments)."""
        ctx = self.ctx
        gone = ctx.store.expired_messages(ctx.now())
        if not gone:
            return []
        by_channel: dict[bytes, list[bytes]] = {}
        with ctx.store.transaction():
            for cid, mid in gone:
                if ctx.features.purge(cid, mid):
                    by_channel.setdefault(cid, []).append(mid)
        self.compact()
        return [MessagesExpired(cid, tuple(mids)) for cid, mids in by_channel.items()]

    def compact(self) -> None:
        """After deletions (redaction, edit, expiry): purge index segments and the WAL."""
        features = self.ctx.features
        if features.dirty:
            self.ctx.store.compact()
            features.dirty = False

    # ------------------------------------------------------------------ leaving

    def leave_request(self, channel_id: bytes) -> payloads.LeaveRequest:
        """This device's request to leave the channel (to send in it, then :meth:`left`)."""
        ctx = self.ctx
        _ch, meta = ctx.channel_state(channel_id)
        if meta.left:
            raise AlreadyDoneError("this device has already left the channel")
        g = ctx.group(channel_id)
        own = next(x for x in g.members() if x.signature_key.hex() == ctx.me.device_id)
        sig = get_suite(SUITE).sign_with_label(
            ctx.signer, LEAVE_LABEL, leave_content(g.group_id, own.encryption_key))
        return payloads.LeaveRequest(message_id=payloads.new_message_id(),
                                     sent_at=payloads.now_ms(), signature=sig)

    def left(self, channel_id: bytes) -> list[Event]:
        """This device has left the channel: its keys for it are deleted, it stops
        receiving (what it holds stays readable here)."""
        ctx = self.ctx
        ch, meta = ctx.channel_state(channel_id)
        if meta.left:
            return []
        with ctx.store.transaction():
            ctx.store.delete_group_state(channel_id)
            ctx.replace_meta(ch, meta, left=True)
        ctx.forget_group(channel_id)
        return [ChannelLeft(channel_id, "left by this device")]
