# SPDX-License-Identifier: Apache-2.0
"""Messaging features applied on top of stored messages: edits, redactions, reactions,
read receipts, acknowledgements and the per-mission acknowledgement tracker.

Called by the engine inside the store transaction that processes a message, always
with the sender as MLS authenticated it (the leaf's verified certificate: mission and
delegate), never with anything the payload claims about itself. So:

* an edit or redaction applies only when that sender is the target's stored author
  (THREATS 10 and the issue's "only by the author"); otherwise it is refused and not
  stored;
* receipts and acknowledgements count only as MLS messages of current members; the
  relay cannot make one (it holds no group key), and a replayed ciphertext fails
  MLS's generation check before it reaches this module;
* an edit replaces the target's text in place and deletes the previous edit row, so
  the store and the search index hold only the current text; a redaction deletes the
  target, its latest edit row, its search terms, its annotation and (through
  ``on_purge``) its cached attachment files.

Side state per message lives in an :class:`Annotation`, sealed in the store like
message bodies. The acknowledgement tracker (:func:`ack_status`) is computed from it
and the channel's current roster: per mission, which delegates read and which
acknowledged; missions with no acknowledgement are pending. The author's own mission
counts as acknowledged by the author.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from typing import Final

import msgspec

from client import payloads
from client.errors import ClientError, NotFoundError, PayloadError
from client.events import (
    AckUpdated,
    Event,
    MessageEdited,
    MessageRedacted,
    ReactionChanged,
)
from client.model import AckStatus, MissionAck
from client.policy import Ident, PolicyViolation
from client.search import SearchIndex, payload_text
from client.store.base import FeatureStore

__all__ = [
    "MODIFIER_KINDS",
    "AckStatus",
    "Annotation",
    "Features",
    "MissionAck",
    "kind_of",
]

#: Kinds that change another message instead of being shown on their own (a crisis item
#: is shown by the crisis desk, client.crisis, not as a message).
MODIFIER_KINDS: Final = frozenset({"edit", "redact", "react", "read", "ack", "crisis"})
#: Kinds any member may send in a channel where only the chair posts (notice): answers,
#: and crisis items, of which the crisis desk keeps only attendance answers, meeting
#: requests and the venue's handovers there.
ANSWER_KINDS: Final = frozenset({"read", "ack", "leave", "crisis"})
_EDITABLE: Final = (payloads.Text, payloads.Reply, payloads.AgendaNotice, payloads.Attachment)


class Annotation(msgspec.Struct, kw_only=True):
    """Per-message side state (sealed at rest)."""

    author: str = ""
    kind: str = ""
    requires_ack: bool = False
    edited_at: int = 0
    edit_id: bytes = b""
    reactions: dict[str, list[str]] = msgspec.field(default_factory=dict)
    read: dict[str, int] = msgspec.field(default_factory=dict)
    acked: dict[str, int] = msgspec.field(default_factory=dict)
    #: an own message the relay refused for good: its reason ("" while sending or sent)
    failed: str = ""


_ann_decoder: Final = msgspec.msgpack.Decoder(Annotation)
_enc: Final = msgspec.msgpack.Encoder()


def _term_source(index: SearchIndex) -> Callable[[bytes], Iterator[str]]:
    """A stored body's search terms as :meth:`Features.stored` and edits index them
    (the text of the body's payload), then as they were indexed before schema 9: one
    at a time, as the store mostly wants the first (indexing a catch-up's rows)."""
    def terms(body: bytes) -> Iterator[str]:
        try:
            text = payload_text(payloads.decode(body))
        except PayloadError:
            return
        yield index.terms(text)
        yield index.terms(text, legacy=True)
    return terms


#: payload type -> its kind (msgspec builds ``__struct_config__`` anew on each access)
_KINDS: Final[dict[type, str]] = {}


def kind_of(p: payloads.Decoded) -> str:
    if isinstance(p, payloads.Unknown):
        return p.kind
    kind = _KINDS.get(type(p))
    if kind is None:
        kind = _KINDS[type(p)] = str(type(p).__struct_config__.tag)
    return kind


class Features:
    """Applies feature payloads to the messages, annotations and index of a store."""

    def __init__(self, store: FeatureStore, index: SearchIndex | None = None,
                 on_purge: Callable[[bytes, bytes], None] | None = None) -> None:
        self.store = store
        self._index: SearchIndex | None = None
        self.index = index
        self.on_purge = on_purge
        #: Set when something was deleted: the driver then runs ``store.compact()``
        #: (outside the transaction) so no trace stays in index segments or the WAL.
        self.dirty = False

    @property
    def index(self) -> SearchIndex | None:
        """The search index's key; setting it tells the store how to recompute a
        message's terms (its index keeps no copy of them to delete them by)."""
        return self._index

    @index.setter
    def index(self, index: SearchIndex | None) -> None:
        self._index = index
        self.store.set_term_source(None if index is None else _term_source(index))

    # ------------------------------------------------------------------ annotations

    def annotation(self, channel_id: bytes, message_id: bytes) -> Annotation:
        raw = self.store.get_annotation(channel_id, message_id)
        if raw is None:
            return Annotation()
        try:
            return _ann_decoder.decode(raw)
        except msgspec.MsgspecError:
            return Annotation()

    def _put(self, channel_id: bytes, message_id: bytes, ann: Annotation) -> None:
        self.store.put_annotation(channel_id, message_id, _enc.encode(ann))

    # ------------------------------------------------------------------ new messages

    def terms(self, p: payloads.Decoded) -> str:
        """The search terms to store a shown message with (none without a search key)."""
        if self.index is None:
            return ""
        text = payload_text(p)
        return self.index.terms(text) if text else ""

    def stored(self, channel_id: bytes, author: Ident, p: payloads.Decoded) -> None:
        """A shown message was stored (with :meth:`terms`): open its tracker if it asks."""
        if getattr(p, "requires_ack", False):
            self._put(channel_id, p.message_id, Annotation(
                author=author.delegate, kind=kind_of(p), requires_ack=True))

    # ------------------------------------------------------------------ modifiers

    def apply(self, channel_id: bytes, sender: Ident, p: payloads.Decoded,
              missions: Sequence[str]) -> list[Event]:
        """Apply a modifier sent by ``sender`` (MLS-authenticated).

        Returns the events; raises :class:`PolicyViolation` when the sender may not
        do this (not the author), and :class:`NotFoundError` when the target is not
        here (expired, redacted, or before this device joined): nothing changes then.
        """
        if isinstance(p, payloads.Edit):
            return self._edit(channel_id, sender, p)
        if isinstance(p, payloads.Redact):
            self._author_check(channel_id, p.target, sender, "redact")
            self.purge(channel_id, p.target)
            return [MessageRedacted(channel_id, p.target, sender.delegate)]
        if isinstance(p, payloads.Reaction):
            self.store.get_message(channel_id, p.target)
            ann = self.annotation(channel_id, p.target)
            who = set(ann.reactions.get(p.emoji, ()))
            if p.remove:
                who.discard(sender.delegate)
            else:
                who.add(sender.delegate)
            if who:
                ann.reactions[p.emoji] = sorted(who)
            else:
                ann.reactions.pop(p.emoji, None)
            self._put(channel_id, p.target, ann)
            return [ReactionChanged(channel_id, p.target, sender.delegate, p.emoji, p.remove)]
        if isinstance(p, payloads.ReadReceipt):
            events: list[Event] = []
            for target in dict.fromkeys(p.message_ids):
                events += self._answer(channel_id, target, sender, p.sent_at, False, missions)
            return events
        if isinstance(p, payloads.Ack):
            self.store.get_message(channel_id, p.target)
            return self._answer(channel_id, p.target, sender, p.sent_at, True, missions)
        return []

    def _author_check(self, channel_id: bytes, target: bytes, sender: Ident,
                      what: str) -> payloads.Decoded:
        m = self.store.get_message(channel_id, target)
        if m.sender.decode(errors="replace") != sender.delegate:
            raise PolicyViolation(f"only the author may {what} a message")
        try:
            return payloads.decode(m.body)
        except PayloadError:
            raise PolicyViolation(f"the target cannot be {what}ed") from None

    def _edit(self, channel_id: bytes, sender: Ident, p: payloads.Edit) -> list[Event]:
        old = self._author_check(channel_id, p.target, sender, "edit")
        if not isinstance(old, _EDITABLE):
            raise PolicyViolation("this kind of message cannot be edited")
        new: payloads.Payload
        if isinstance(old, payloads.Attachment):
            new = msgspec.structs.replace(old, caption=p.body)
        else:
            new = msgspec.structs.replace(old, body=p.body)
        self.store.update_message(channel_id, p.target, body=payloads.encode(new))
        if self.index is not None:
            self.store.index_message(channel_id, p.target, self.index.terms(payload_text(new)))
        ann = self.annotation(channel_id, p.target)
        if ann.edit_id and ann.edit_id != p.message_id:
            self.store.delete_message(channel_id, ann.edit_id)  # it holds the older text
        self.dirty = True
        ann.edited_at, ann.edit_id = p.sent_at, p.message_id
        self._put(channel_id, p.target, ann)
        return [MessageEdited(channel_id, p.target, sender.delegate)]

    def _answer(self, channel_id: bytes, target: bytes, sender: Ident, at: int, ack: bool,
                missions: Sequence[str]) -> list[Event]:
        try:
            m = self.store.get_message(channel_id, target)
        except NotFoundError:
            return []
        ann = self.annotation(channel_id, target)
        if not ann.author:
            ann.author = m.sender.decode(errors="replace")
        if sender.delegate == ann.author:
            return []
        first_read = sender.delegate not in ann.read
        ann.read.setdefault(sender.delegate, at)
        first_ack = ack and sender.delegate not in ann.acked
        if ack:
            ann.acked.setdefault(sender.delegate, at)
        self._put(channel_id, target, ann)
        if not ann.requires_ack or not (first_read or first_ack):
            return []
        status = build_status(channel_id, target, ann, missions)
        return [AckUpdated(channel_id, target, sender.mission_id, sender.delegate,
                           "acknowledged" if ack else "read", status.pending)]

    # ------------------------------------------------------------------ deletion

    def purge(self, channel_id: bytes, message_id: bytes) -> bool:
        """Delete a message everywhere on this device: row, latest edit row, search
        terms, annotation, cached attachment files."""
        ann = self.annotation(channel_id, message_id)
        if ann.edit_id:
            self.store.delete_message(channel_id, ann.edit_id)
        gone: bool = self.store.delete_message(channel_id, message_id)
        self.dirty = True
        if self.on_purge is not None:
            self.on_purge(channel_id, message_id)
        return gone

    # ------------------------------------------------------------------ tracker

    def ack_status(self, channel_id: bytes, message_id: bytes,
                   missions: Sequence[str]) -> AckStatus:
        m = self.store.get_message(channel_id, message_id)
        ann = self.annotation(channel_id, message_id)
        if not ann.author:
            ann.author = m.sender.decode(errors="replace")
        if not ann.kind:
            try:
                p = payloads.decode(m.body)
                ann.kind = kind_of(p)
                ann.requires_ack = bool(getattr(p, "requires_ack", False))
            except ClientError:
                pass
        return build_status(channel_id, message_id, ann, missions)


def build_status(channel_id: bytes, message_id: bytes, ann: Annotation,
                 missions: Sequence[str]) -> AckStatus:
    by_mission_read: dict[str, list[str]] = {}
    by_mission_ack: dict[str, list[str]] = {}
    for who in ann.read:
        by_mission_read.setdefault(who.split("/", 1)[0], []).append(who)
    for who in ann.acked:
        by_mission_ack.setdefault(who.split("/", 1)[0], []).append(who)
    author_mission = ann.author.split("/", 1)[0]
    rows = []
    for mission in sorted(set(missions)):
        read = tuple(sorted(by_mission_read.get(mission, ())))
        acked = tuple(sorted(by_mission_ack.get(mission, ())))
        if mission == author_mission:
            state = "author"
        elif acked:
            state = "acknowledged"
        elif read:
            state = "read"
        else:
            state = "pending"
        rows.append(MissionAck(mission, state, read, acked))
    return AckStatus(channel_id.hex(), message_id.hex(), ann.author, ann.kind,
                     ann.requires_ack, tuple(rows))
