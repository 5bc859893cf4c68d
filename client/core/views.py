# SPDX-License-Identifier: Apache-2.0
"""Views: what the device holds, as shown. Channels and their members, messages with
edits, reactions, receipts and acknowledgements folded into one
:class:`~client.model.MessageView`, acknowledgement trackers, the pinned notice, local
search, and the arrival-order queries an app needs for "what is new" and unread counts.

Reads only the local store and the engine's state: nothing here talks to the relay.
"""

from __future__ import annotations

import contextlib
import dataclasses
from collections.abc import Callable, Mapping, Sequence
from functools import partial
from typing import NamedTuple

from client import payloads
from client.core.base import Driver
from client.core.names import SenderName, channel_names, names_from_chains, person_label
from client.errors import ClientError, NotFoundError, PayloadError, UsageError
from client.events import HISTORY_NOTE
from client.features import MODIFIER_KINDS, build_status, kind_of
from client.health import HealthRecord
from client.model import AckStatus, AttachmentInfo, ChannelInfo, MemberView, MessageView, SearchHit
from client.store import Message
from client.store.schema import UNSEQUENCED_BASE
from client.trust import observer_chain
from crypto.corridor import markings

__all__ = ["Views"]



class Views(Driver):
    """The read side of the client core (see the module docstring)."""

    __slots__ = ()

    def channels(self) -> list[ChannelInfo]:
        out = []
        health = HealthRecord.load(self.store)
        for ch in self.store.list_channels():
            if ch.damaged:
                continue
            _c, meta = self.engine.channel_state(ch.channel_id)
            from client.policy import decode_roster

            roster = decode_roster(meta.roster)
            devices, epoch = 0, 0
            if not meta.left:
                devices = len(self.engine.members(ch.group_id))
                epoch = self.engine.epoch(ch.group_id)
            routing = health.routing_status(ch.channel_id.hex())
            out.append(ChannelInfo(
                ch.channel_id.hex(), roster.kind, ch.name, roster.missions, devices, epoch,
                meta.left, meta.forked, HISTORY_NOTE if meta.joined_epoch > 1 else "",
                "" if meta.left else routing.detail, "" if meta.left else routing.problem,
                self._ceiling(roster.ceiling, roster.kind)))
        return out

    def members(self, channel: str | bytes) -> list[MemberView]:
        """The channel's devices (one MLS leaf each), from the group itself; none when
        this device holds no group for it."""
        cid = self.resolve_channel(channel)
        try:
            members = self.engine.members(cid)
        except ClientError:
            return []
        names = names_from_chains(self.engine.trust, (m.chain for m in members))
        out = []
        for m in members:
            name = names.get(f"{m.ident.mission_id}/{m.ident.delegate_id}")
            out.append(MemberView(m.ident.mission_id, m.ident.delegate_id, m.device_id,
                                  m.device_id == self.device_id,
                                  name.display_name if name else "",
                                  bool(name and name.ambiguous)))
        return sorted(out, key=lambda m: (m.mission, m.delegate, m.device_id))

    def resolve_channel(self, ref: str | bytes) -> bytes:
        """A channel id (bytes, hex or unique hex prefix) or an exact channel name."""
        if isinstance(ref, bytes):
            return ref
        chans = self.store.list_channels()
        hits = [c.channel_id for c in chans if c.channel_id.hex().startswith(ref.lower())]
        if len(hits) != 1:
            hits = [c.channel_id for c in chans if c.name == ref]
        if len(hits) != 1:
            raise NotFoundError(f"no single channel matches {ref!r}")
        return hits[0]

    def resolve_message(self, ref: str | bytes,
                        channel: str | bytes | None = None) -> tuple[bytes, bytes]:
        """(channel id, message id) for a message id (bytes, hex, or unique hex prefix of
        at least 6 characters), searched in ``channel`` or in every channel."""
        chans = [self.resolve_channel(channel)] if channel is not None else [
            c.channel_id for c in self.store.list_channels() if not c.damaged]
        if isinstance(ref, bytes):
            ref = ref.hex()
        ref = ref.lower()
        hits: list[tuple[bytes, bytes]] = []
        if len(ref) == 2 * payloads.MESSAGE_ID_LEN:
            try:
                mid = bytes.fromhex(ref)
            except ValueError:
                raise NotFoundError("message ids are hex") from None
            for cid in chans:
                with contextlib.suppress(NotFoundError):
                    self.store.get_message(cid, mid)
                    hits.append((cid, mid))
        elif len(ref) >= 6:
            for cid in chans:
                hits += [(cid, m.message_id) for m in self.store.iter_messages(cid)
                         if m.message_id.hex().startswith(ref)]
        if len(hits) != 1:
            raise NotFoundError(f"no single message matches {ref!r}")
        return hits[0]

    def ack_status(self, message: str | bytes, *,
                   channel: str | bytes | None = None) -> AckStatus:
        """Per mission of the channel: who read, who acknowledged, who is pending."""
        cid, mid = self.resolve_message(message, channel)
        return self.tracked(cid, mid, self.engine.roster(cid).missions)

    def tracked(self, cid: bytes, mid: bytes, missions: Sequence[str]) -> AckStatus:
        """The tracker of one message with the message as shown attached."""
        st = self.engine.features.ack_status(cid, mid, missions)
        m = self.store.get_message(cid, mid)
        return dataclasses.replace(st, message=self.view(cid, _order_key(m), m,
                                                          lambda: missions))

    def open_acks(self, channel: str | bytes | None = None, *,
                  only_pending: bool = True) -> list[AckStatus]:
        """Trackers of the messages that asked for acknowledgement, newest first."""
        chans = [self.resolve_channel(channel)] if channel is not None else [
            c.channel_id for c in self.store.list_channels() if not c.damaged]
        out: list[tuple[int, AckStatus]] = []
        for cid in chans:
            try:
                missions = self.engine.roster(cid).missions
            except ClientError:
                continue
            for m in self.store.iter_messages(cid):
                ann = self.engine.features.annotation(cid, m.message_id)
                if not ann.requires_ack:
                    continue
                st = self.tracked(cid, m.message_id, missions)
                if st.pending or not only_pending:
                    out.append((m.sent_at, st))
        out.sort(key=lambda x: -x[0])
        return [st for _t, st in out]

    def asks_ack(self, channel: str | bytes, message_id: bytes) -> bool:
        """Whether a stored message asked for acknowledgement (a cheap check: the
        tracker's side state only, no view built)."""
        cid = self.resolve_channel(channel)
        return self.engine.features.annotation(cid, message_id).requires_ack

    def timer(self, channel: str | bytes) -> tuple[int | None, str]:
        """(seconds or None, who set it)."""
        meta = self.engine.message_meta(self.resolve_channel(channel))
        return meta.timer, meta.timer_by

    def pinned_notice(self, channel: str | bytes) -> MessageView | None:
        """The channel's pinned agenda notice (highest revision), if any."""
        cid = self.resolve_channel(channel)
        meta = self.engine.message_meta(cid)
        if not meta.pinned:
            return None
        try:
            m = self.store.get_message(cid, meta.pinned)
        except NotFoundError:
            return None
        return self.view(cid, 0, m)

    def search(self, query: str, *, channel: str | bytes | None = None,
               limit: int = 50) -> list[SearchHit]:
        """Local full-text search (whole words; ``word*`` for a prefix), newest first."""
        index = self.engine.features.index
        if index is None:
            raise UsageError("search is not available")
        terms, recheck = index.query(query)
        cid = self.resolve_channel(channel) if channel is not None else None
        names = {c.channel_id: c.name for c in self.store.list_channels()}
        hits = []
        rosters: dict[bytes, _Once] = {}
        for m in self.store.search_index(terms, channel_id=cid, limit=limit):
            missions = rosters.get(m.channel_id)
            if missions is None:
                missions = rosters[m.channel_id] = _Once(partial(self.missions, m.channel_id))
            view = self.view(m.channel_id, m.seq or 0, m, missions)
            if view is None or (recheck and not index.recheck(view.summary, recheck)):
                continue
            hits.append(SearchHit(m.channel_id.hex(), names.get(m.channel_id, ""), view))
        return hits

    def messages(self, channel: str | bytes, *, limit: int = 50,
                 before: int | None = None) -> list[MessageView]:
        """Shown messages in relay order (``seq``; own unsent ones last), oldest first.

        Edits, redactions, reactions, receipts and acks are folded into the message
        they change, not listed. Page back with ``before=views[0].position``.
        """
        cid = self.resolve_channel(channel)
        out: list[MessageView] = []
        missions = _Once(lambda: self.missions(cid))
        observers = _Once(lambda: self.observer_missions(cid))
        names = _Names(lambda: channel_names(self.engine, cid))
        excerpts: dict[str, str] = {}
        # Receipts, reactions and acks are rows too: page back until ``limit`` shown ones.
        while len(out) < limit:
            rows = self.store.list_messages_ordered(cid, limit=limit, before=before)
            page = []
            for order, m in rows:
                v = self.view(cid, order, m, missions, excerpts, observers=observers,
                              names=names)
                if v is not None:
                    page.append(v)
                    excerpts[v.message_id] = v.summary[:80]
            out = page + out
            if len(rows) < limit:
                break
            before = rows[0][0]
        return out[-limit:]

    def has_older(self, channel: str | bytes, before: int) -> bool:
        """Whether anything is stored before relay-order key ``before`` (shown or not)."""
        cid = self.resolve_channel(channel)
        return bool(self.store.list_messages_ordered(cid, before=before, limit=1))

    def high_water(self, channel: str | bytes) -> int:
        """The newest arrival position stored in a channel (modifiers included): what
        :meth:`newer` and :meth:`unread_count` count from."""
        last = self.store.list_messages(self.resolve_channel(channel), limit=1)
        return last[0].position if last else 0

    def newer(self, channel: str | bytes, after: int, *,
              limit: int = 200) -> tuple[list[MessageView], int, bool]:
        """Shown messages that arrived after arrival position ``after``, reading at most
        ``limit`` stored ones: (views in arrival order, the newest arrival position read,
        whether the limit was hit so more may follow)."""
        cid = self.resolve_channel(channel)
        msgs = self.store.list_messages(cid, after=after, limit=limit)
        missions = _Once(lambda: self.missions(cid))
        names = _Names(lambda: channel_names(self.engine, cid))
        views = [v for m in msgs
                 if (v := self.view(cid, _order_key(m), m, missions, names=names)) is not None]
        return views, (msgs[-1].position if msgs else after), len(msgs) == limit

    def unread_count(self, channel: str | bytes, after: int, *, cap: int = 999) -> int:
        """Shown messages from others that arrived after arrival position ``after``
        (timer changes not counted), reading at most ``cap`` stored ones."""
        cid = self.resolve_channel(channel)
        me = self.engine.me.ident.delegate
        n = 0
        for m in self.store.list_messages(cid, after=after, limit=cap):
            if m.damaged or m.sender.decode(errors="replace") == me:
                continue
            try:
                kind = kind_of(payloads.decode(m.body))
            except PayloadError:
                continue
            if kind not in MODIFIER_KINDS | {"timer"}:
                n += 1
        return n

    def message(self, ref: str | bytes, *,
                channel: str | bytes | None = None) -> MessageView:
        """One stored message as shown (edits, reactions folded in), by id: bytes, hex,
        or a unique hex prefix (see :meth:`resolve_message`). Raises NotFoundError for
        an unknown id and for what is not shown on its own (modifiers such as receipts,
        reactions and acks; damaged or unreadable messages)."""
        mid = _full_message_id(ref)
        if channel is not None and mid is not None:
            cid = self.resolve_channel(channel)  # one lookup: the UI asks row by row
        else:
            cid, mid = self.resolve_message(ref, channel)
        m = self.store.get_message(cid, mid)
        view = self.view(cid, _order_key(m), m)
        if view is None:
            raise NotFoundError("that message is not shown on its own")
        return view

    def view(self, cid: bytes, order: int, m: Message,
              missions: Callable[[], Sequence[str]] | None = None,
              excerpts: dict[str, str] | None = None,
              nested: bool = False, *,
              observers: Callable[[], Sequence[str]] | None = None,
              names: Callable[[], Mapping[str, SenderName]] | None = None
              ) -> MessageView | None:
        """The stored message ``m`` as shown, or None for what is not shown on its own.

        ``missions`` gives the channel's roster missions (asked only for a tracked
        message, once per page by the caller); ``excerpts`` the summaries of messages
        already viewed on the page (a reply's excerpt without another lookup).
        ``nested``: only the message itself (the excerpt a reply shows), so a chain of
        replies costs one lookup each, not one per link."""
        if m.damaged:
            return None
        me = self.engine.me.ident.delegate
        sender = m.sender.decode(errors="replace")
        try:
            p = payloads.decode(m.body)
        except PayloadError:
            return None
        if isinstance(p, payloads.Unknown):
            content = _Content(p.kind, f"[a {p.kind} message from a newer Corridor]")
        else:
            content = _content(p)
            if content.kind in MODIFIER_KINDS:
                return None
        ann = self.engine.features.annotation(cid, m.message_id)
        own = sender == me
        requires_ack = bool(getattr(p, "requires_ack", False))
        acked: tuple[str, ...] = ()
        read_by: tuple[str, ...] = ()
        if (requires_ack or own) and not nested:
            if not ann.author:
                ann.author = sender
            roster = missions() if missions is not None else self.missions(cid)
            st = build_status(cid, m.message_id, ann, roster)
            acked = tuple(x.mission for x in st.missions if x.state == "acknowledged")
            read_by = tuple(sorted({w for x in st.missions for w in x.read_by}))
        reply_to = excerpt = ""
        if isinstance(p, payloads.Reply):
            reply_to = p.in_reply_to.hex()
            if not nested:
                excerpt = (excerpts or {}).get(reply_to) or self.excerpt(cid, p.in_reply_to)
        c = content
        known = names() if names is not None else channel_names(self.engine, cid)
        name = known.get(sender)
        # readers and reactors by name too (the sender's own rule, without the mission)
        named = set(read_by).union(*(w for w in ann.reactions.values()))
        people = tuple((w, person_label(w, known)) for w in sorted(named) if w in known)
        return MessageView(
            m.message_id.hex(), sender, c.kind, c.text, m.sent_at, m.seq, own, order,
            edited=bool(ann.edited_at), reply_to=reply_to, reply_excerpt=excerpt,
            requires_ack=requires_ack,
            reactions=tuple((e, tuple(w)) for e, w in sorted(ann.reactions.items())),
            attachment=c.attachment, expires_at=m.expires_at,
            sending=m.seq is None and own and not ann.failed,
            meeting_at=c.meeting_at, place=c.place, link=c.link, title=c.title,
            revision=c.revision, activity=c.activity, timer=c.timer,
            failed=ann.failed if own else "", acked_missions=acked, read_by=read_by,
            marking=self._marking(p), observer=sender.split("/", 1)[0] in (
                observers() if observers is not None else self.observer_missions(cid)),
            sender_name=name.display_name if name else "",
            sender_mission_name=name.mission_name if name else "",
            sender_ambiguous=bool(name and name.ambiguous), people=people)

    def _ceiling(self, ceiling: str, kind: str = "") -> str:
        try:
            return str(markings.ceiling_of(ceiling, self.engine.marking_scheme, kind))
        except markings.MarkingError:
            return ceiling

    def _marking(self, p: payloads.Decoded) -> str:
        scheme = self.engine.marking_scheme
        if isinstance(p, payloads.Unknown):
            return ""
        try:
            return str(markings.parse(p.marking, scheme))
        except markings.MarkingError:
            return p.marking

    def observer_missions(self, cid: bytes) -> tuple[str, ...]:
        """The channel's members' missions the venue accredited as observers (their
        certificates say so; the messages of their delegates carry the badge)."""
        try:
            members = self.engine.members(cid)
        except ClientError:
            return ()
        return tuple(sorted({str(m.ident.mission_id) for m in members
                             if observer_chain(m.chain)}))

    def missions(self, cid: bytes) -> tuple[str, ...]:
        """The channel's roster missions; none when the channel cannot say (left)."""
        try:
            return tuple(self.engine.roster(cid).missions)
        except ClientError:
            return ()

    def excerpt(self, cid: bytes, message_id: bytes) -> str:
        """The start of a message a reply answers ("" when it is not shown here)."""
        try:
            m = self.store.get_message(cid, message_id)
        except ClientError:
            return ""
        view = self.view(cid, _order_key(m), m, nested=True)
        return view.summary[:80] if view is not None else ""


def _full_message_id(ref: str | bytes) -> bytes | None:
    """``ref`` as a message id when it is a whole one (bytes or hex), else None."""
    if isinstance(ref, bytes):
        return ref if len(ref) == payloads.MESSAGE_ID_LEN else None
    if len(ref) != 2 * payloads.MESSAGE_ID_LEN:
        return None
    try:
        return bytes.fromhex(ref)
    except ValueError:
        return None


def _order_key(m: Message) -> int:
    """A stored message's relay-order key (see ``store.list_messages_ordered``)."""
    return int(m.seq) if m.seq is not None else UNSEQUENCED_BASE + int(m.position)


class _Once:
    """A value computed on first use, then kept (a channel's roster for one page)."""

    __slots__ = ("_make", "_value")

    def __init__(self, make: Callable[[], tuple[str, ...]]) -> None:
        self._make = make
        self._value: tuple[str, ...] | None = None

    def __call__(self) -> tuple[str, ...]:
        if self._value is None:
            self._value = self._make()
        return self._value


class _Names:
    """A channel's member names, verified on first use, then kept for one page."""

    __slots__ = ("_make", "_value")

    def __init__(self, make: Callable[[], Mapping[str, SenderName]]) -> None:
        self._make = make
        self._value: Mapping[str, SenderName] | None = None

    def __call__(self) -> Mapping[str, SenderName]:
        if self._value is None:
            self._value = self._make()
        return self._value


class _Content(NamedTuple):
    """What a payload shows on its own (before edits, reactions and the tracker)."""

    kind: str
    text: str
    attachment: AttachmentInfo | None = None
    meeting_at: int | None = None
    place: str = ""
    link: str = ""
    title: str = ""
    revision: int | None = None
    activity: str = ""
    timer: int | None = None


def _content(p: payloads.Payload) -> _Content:
    kind = kind_of(p)
    if isinstance(p, payloads.AgendaNotice):
        return _Content(kind, p.title + (f"\n{p.body}" if p.body else ""), title=p.title,
                        revision=p.revision)
    if isinstance(p, payloads.Activity):
        return _Content(kind, p.title + (f"\n{p.body}" if p.body else ""), activity=p.status)
    if isinstance(p, payloads.EmergencyCall):
        return _Content(kind, p.agenda, meeting_at=p.meeting_at, place=p.place, link=p.link)
    if isinstance(p, payloads.Attachment):
        return _Content(kind, p.caption, AttachmentInfo(p.file_name, p.mime_type, p.size,
                                                        p.caption))
    if isinstance(p, payloads.DisappearingTimer):
        return _Content(kind, f"disappearing messages: {p.seconds} s" if p.seconds
                        else "disappearing messages: off", timer=p.seconds)
    return _Content(kind, getattr(p, "body", "") or getattr(p, "title", ""))
