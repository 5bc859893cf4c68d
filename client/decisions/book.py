# SPDX-License-Identifier: Apache-2.0
"""A device's book of decision records: what its channels carried, checked, and the
silence outcomes and drafts computed from it.

Decision items travel in the crisis workflows' payload (:class:`client.payloads.Crisis`),
as :class:`Item` (a signed record and its author's certificate chain), so the relay
sees one more padded application message and nothing else. :meth:`Book.accept` checks
an item against the sender as MLS authenticated the message, like the crisis book: the
chain verifies to the venue root at the record's own time and names that sender, the
record is signed by the chain's device key and names that member. On top of that:

* an observer (a mission certificate the venue marked so) never breaks silence,
  acknowledges or closes one, puts a text under silence, or signs off: refused here,
  from the certificate, by every client;
* a text is put under silence (or revised) only by whom the chair rule allows
  (``refuse_put``, :mod:`client.crisis.authority`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Annotated, Final

import msgspec
from msgspec import Meta

from client.crisis import signing
from client.crisis.records import RecordError, Signed
from client.decisions import drafting, silence
from client.decisions.records import (
    Break,
    BreakSeen,
    Close,
    Comment,
    Decision,
    Lock,
    Put,
    SignOff,
    Version,
    Withdraw,
    open_record,
)
from crypto.errors import CryptoError

__all__ = ["ITEM_VERSION", "Book", "Item", "Kept", "decode_item", "encode_item"]

ITEM_VERSION: Final = 1
#: What an observer may never do.
NOT_FOR_OBSERVERS: Final = (Put, Break, Withdraw, BreakSeen, Close, SignOff)


class Item(msgspec.Struct, frozen=True, kw_only=True):
    """A decision payload: one signed record and its author's chain (device, mission)."""

    v: int = ITEM_VERSION
    decision: Signed
    chain: Annotated[tuple[bytes, ...], Meta(min_length=2, max_length=3)]


_enc: Final = msgspec.msgpack.Encoder()
_item_decoder: Final = msgspec.msgpack.Decoder(Item)


def encode_item(item: Item) -> bytes:
    return _enc.encode(item)


def decode_item(data: bytes) -> Item | None:
    """The decision item, or None when ``data`` is another crisis item."""
    try:
        item = _item_decoder.decode(data)
    except (msgspec.MsgspecError, ValueError):
        return None
    return item if item.v == ITEM_VERSION else None


@dataclass(frozen=True, slots=True)
class Kept:
    channel_id: bytes
    record: Decision
    signed: Signed
    chain: tuple[bytes, ...]
    observer: bool


#: (channel id, sender, time) -> why a put is refused ("" when allowed)
PutRule = Callable[[bytes, str, int], str]


@dataclass
class Book:
    """Accepted decision records of one device (rebuilt from its store on open)."""

    root_der: bytes
    kept: dict[bytes, Kept] = field(default_factory=dict)  # body hash -> kept
    #: members whose certificates mark them observers (seen in any accepted item)
    observers: set[str] = field(default_factory=set)

    def accept(self, channel_id: bytes, sender: str, item: Item, crls: Sequence[bytes] = (),
               *, refuse_put: PutRule | None = None) -> Decision:
        """Check and keep ``item`` that ``sender`` (as MLS authenticated it) sent in a
        channel (RecordError if refused)."""
        chain = tuple(bytes(c) for c in item.chain)
        try:
            key = signing.cert_public_key(chain[0])
        except ValueError:
            raise RecordError("a decision item with an unreadable certificate") from None
        rec = open_record(item.decision, key)
        try:
            ident = signing.verify_device_chain(self.root_der, chain, rec.at, crls)
        except (CryptoError, ValueError, TypeError):
            raise RecordError("the sender's certificate chain does not verify") from None
        who = f"{ident.mission_id}/{ident.delegate_id}"
        if who != sender or rec.member != sender:
            raise RecordError(f"a decision record naming {rec.member} sent by {sender}")
        observer = ident.observer
        if observer:
            self.observers.add(who)
            if isinstance(rec, NOT_FOR_OBSERVERS):
                raise RecordError("an observer may not break silence, sign off or vote")
        if isinstance(rec, Put) and refuse_put is not None:
            why = refuse_put(channel_id, sender, rec.at)
            if why:
                raise RecordError(why)
        self.kept[signing.fingerprint(item.decision.body)] = Kept(channel_id, rec,
                                                                   item.decision, chain,
                                                                   observer)
        return rec

    # -- lookups ---------------------------------------------------------------------------

    def of(self, kind: type[Decision] | tuple[type[Decision], ...],
           channel_id: bytes | None = None) -> list[Kept]:
        return [k for k in self.kept.values() if isinstance(k.record, kind)
                and (channel_id is None or k.channel_id == channel_id)]

    def procedures(self) -> dict[bytes, bytes]:
        """proc id -> channel id of every procedure put (revision 1) here."""
        return {k.record.proc_id: k.channel_id for k in self.of(Put)
                if isinstance(k.record, Put) and k.record.revision == 1}

    def records_of(self, proc_id: bytes) -> list[Kept]:
        return [k for k in self.kept.values()
                if getattr(k.record, "proc_id", None) == proc_id]

    def outcome(self, proc_id: bytes, *, participants: Sequence[str], closers: Sequence[str],
                now: int) -> silence.Outcome | None:
        recs = [k.record for k in self.records_of(proc_id)]
        return silence.outcome(
            [r for r in recs if isinstance(r, Put)], [r for r in recs if isinstance(r, Break)],
            [r for r in recs if isinstance(r, Withdraw)],
            [r for r in recs if isinstance(r, BreakSeen)],
            [r for r in recs if isinstance(r, Close)],
            participants=participants, closers=closers, now=now)

    def documents(self) -> dict[bytes, bytes]:
        """doc id -> channel id of every document created (version 1) here."""
        return {k.record.doc_id: k.channel_id for k in self.of(Version)
                if isinstance(k.record, Version) and k.record.version == 1}

    def document(self, doc_id: bytes, *, participants: Sequence[str]) -> drafting.Document | None:
        recs = [k for k in self.kept.values() if getattr(k.record, "doc_id", None) == doc_id]
        return drafting.document(
            [k.record for k in recs if isinstance(k.record, Version)],
            [k.record for k in recs if isinstance(k.record, Comment)],
            [k.record for k in recs if isinstance(k.record, Lock)],
            [k.record for k in recs if isinstance(k.record, SignOff)],
            participants=participants, observers=frozenset(self.observers))
