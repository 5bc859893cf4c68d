# SPDX-License-Identifier: Apache-2.0
"""What the local store holds, and the interfaces both stores implement: one protocol
per concern (channels, messages, expiry, annotations, search), composed into
:class:`Store`. Code that needs one concern asks for that protocol alone.

The sync engine calls these methods from an asyncio thread executor, so they are plain
synchronous calls. Every write is atomic on its own; several writes that must land
together (processing a commit: new group state + cursor + resulting messages) go in
one ``with store.transaction():`` block, which commits all of them or none.

Records are frozen dataclasses. Sensitive fields (channel names and kinds, rosters,
message senders and bodies, MLS group state, outbox payloads) are opaque to the store
and encrypted at rest by :class:`client.store.sqlite.SqliteStore`; ids, sequence
numbers, epochs and timestamps stay plain so they can be indexed.

A record whose ciphertext fails authentication is reported, never silently dropped:
``get_*`` raises :class:`~client.errors.CorruptRecordError` naming the row; ``list_*``
returns it with ``damaged=True`` and empty sensitive fields, so one bad row does not
hide the rest of the channel.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass
from typing import Final, Protocol

import msgspec

from client.errors import UsageError

__all__ = [
    "PENDING_TERMS",
    "AnnotationStore",
    "Channel",
    "ChannelKind",
    "ChannelStore",
    "ExpiryStore",
    "FeatureStore",
    "GroupState",
    "Message",
    "MessageStore",
    "OutboxItem",
    "SearchStore",
    "Store",
    "Transactional",
]

MAX_ID: Final = 255
MAX_PAGE: Final = 10_000


def check_id(value: bytes, what: str) -> bytes:
    if not isinstance(value, bytes) or not 0 < len(value) <= MAX_ID:
        raise UsageError(f"{what} must be 1..{MAX_ID} bytes")
    return value


def check_int(value: int | None, what: str, *, optional: bool = False) -> None:
    if value is None and optional:
        return
    if not isinstance(value, int) or isinstance(value, bool) or not 0 <= value < 2**63:
        raise UsageError(f"{what} must be an integer in [0, 2**63)")


def check_group_state(group_id: bytes, epoch: int, state: object,
                      ratchets: object = None, binding: object = b"") -> None:
    """The arguments of a group state write (``ratchets`` None: not written)."""
    check_id(group_id, "group_id")
    check_int(epoch, "epoch")
    if not isinstance(state, bytes | bytearray) or \
            not isinstance(ratchets, bytes | bytearray | None) or \
            not isinstance(binding, bytes) or len(binding) > 64:
        raise UsageError("a group state and its binding must be bytes (a binding at "
                         "most 64)")


def check_message(channel_id: bytes, message_id: bytes, sender: bytes, body: bytes, *,
                  sent_at: int, received_at: int, seq: int | None,
                  expires_at: int | None) -> None:
    """The argument checks of :meth:`Store.insert_message`, shared by both stores."""
    check_id(channel_id, "channel_id")
    check_id(message_id, "message_id")
    check_int(sent_at, "sent_at")
    check_int(received_at, "received_at")
    check_int(seq, "seq", optional=True)
    check_int(expires_at, "expires_at", optional=True)
    if not isinstance(sender, bytes | bytearray) or not isinstance(body, bytes | bytearray):
        raise UsageError("sender and body must be bytes")


#: ``terms_check`` of a row whose search terms are still to be computed, from its
#: stored body (:meth:`SearchStore.index_pending`): the rows a catch-up stores. Five
#: bytes, never a check (four): the check that replaces it makes the row a byte
#: shorter, never longer, so indexing does not split the table's full pages.
PENDING_TERMS: Final = b"index"


class NewRow(msgspec.Struct, frozen=True):
    """A received message's row with its sealed column made elsewhere
    (:mod:`client.rowjobs`, :func:`client.store.sqlite_rows.seal_message_row`), what
    the store keeps in the clear beside it, and whether it has text to index later
    (it is stored :data:`PENDING_TERMS`)."""

    message_id: bytes
    sealed: bytes
    sent_at: int
    received_at: int
    seq: int | None = None
    expires_at: int | None = None
    searchable: bool = False


class ChannelKind(enum.StrEnum):
    """The four channel kinds of DESIGN.md ("Channels and membership policy")."""

    BILATERAL = "bilateral"
    MULTILATERAL = "multilateral"
    CAUCUS = "caucus"
    NOTICE = "notice"


@dataclass(frozen=True, slots=True, kw_only=True)
class Channel:
    """A channel (one MLS group). ``roster`` is the engine's own encoding, opaque here.

    ``kind`` is ``None`` only for a damaged record.
    """

    channel_id: bytes
    group_id: bytes
    kind: ChannelKind | None
    name: str
    roster: bytes
    cursor: int
    created_at: int
    damaged: bool = False


@dataclass(frozen=True, slots=True, kw_only=True)
class Message:
    """A stored message. ``body`` is usually a :func:`client.payloads.encode` output.

    ``position`` is the store's own monotonic order (arrival order), used for paging;
    ``seq`` is the relay's per-channel sequence number when known.
    """

    position: int
    channel_id: bytes
    message_id: bytes
    sender: bytes
    body: bytes
    sent_at: int
    received_at: int
    seq: int | None
    expires_at: int | None
    damaged: bool = False


@dataclass(frozen=True, slots=True, kw_only=True)
class GroupState:
    """A serialised MLS group at ``epoch``: ``state`` is ``Group.to_bytes()`` when
    ``ratchets`` is None, else ``Group.epoch_part()`` and ``ratchets`` its
    ``Group.ratchet_part()`` (load with ``Group.from_parts``)."""

    group_id: bytes
    epoch: int
    state: bytes
    ratchets: bytes | None = None
    #: the epoch part's digest the ratchet part was stored with (``put_group_ratchets``)
    binding: bytes = b""


@dataclass(frozen=True, slots=True, kw_only=True)
class OutboxItem:
    """Something waiting to be sent; stays until :meth:`Store.mark_sent`."""

    item_id: bytes
    position: int
    channel_id: bytes
    data: bytes
    created_at: int
    damaged: bool = False


class Transactional(Protocol):
    """Atomic groups of writes, and the end of the store's life."""

    def transaction(self) -> AbstractContextManager[None]:
        """All writes inside commit together or, on an exception, not at all. Nests."""
        ...

    def deferred_sync(self) -> AbstractContextManager[None]:
        """Transactions that end inside this block are committed without waiting for
        the disk: they survive the process being killed (the operating system holds
        the written pages) but a power cut may undo them until :meth:`sync`, or any
        later ordinary commit, has flushed them. Undone, they go together with
        everything committed after them and nothing before (the write-ahead log is
        replayed in order). For a step whose loss the caller can repeat (see
        docs/benchmarks.md, send-to-display)."""
        ...

    def sync(self) -> None:
        """Make every commit so far durable (no-op when nothing waits for the disk)."""
        ...

    def close(self) -> None: ...


class ChannelStore(Protocol):
    """Channels (one MLS group each) and their relay cursors."""

    def create_channel(
        self,
        *,
        channel_id: bytes,
        group_id: bytes,
        kind: ChannelKind,
        name: str,
        created_at: int,
        roster: bytes = b"",
    ) -> Channel:
        """Raises UsageError if the channel id or group id exists already."""
        ...

    def get_channel(self, channel_id: bytes) -> Channel:
        """Raises NotFoundError, CorruptRecordError."""
        ...

    def get_channel_by_group(self, group_id: bytes) -> Channel:
        """Raises NotFoundError, CorruptRecordError."""
        ...

    def list_channels(self) -> list[Channel]:
        """Every channel, ordered by ``created_at``; damaged ones flagged, not dropped."""
        ...

    def update_channel(
        self, channel_id: bytes, *, name: str | None = None, roster: bytes | None = None
    ) -> None:
        """Raises NotFoundError, CorruptRecordError."""
        ...

    def set_channel_cursor(self, channel_id: bytes, cursor: int) -> None:
        """Advance the relay cursor. Raises UsageError if it would move backwards."""
        ...

    def delete_channel(self, channel_id: bytes) -> None:
        """Remove the channel, its messages, its outbox items and its group state."""
        ...


class MessageStore(Protocol):
    """Stored messages of a channel: written once, edited in place, paged two ways."""

    def insert_message(
        self,
        channel_id: bytes,
        message_id: bytes,
        *,
        sender: bytes,
        body: bytes,
        sent_at: int,
        received_at: int,
        seq: int | None = None,
        expires_at: int | None = None,
        terms: str = "",
    ) -> bool:
        """Store a message; ``False`` (and no change) if this id is already stored.

        ``terms`` are its search terms as :meth:`index_message` takes them, indexed in
        the same step (a catch-up stores thousands of messages: one statement fewer
        each than storing, then indexing)."""
        ...

    def row_key(self) -> bytes | None:
        """The key received rows are sealed with, for :mod:`client.rowjobs` to seal
        them on the second core; ``None`` where rows are not sealed (then they are
        stored in line)."""
        ...

    def insert_prepared_messages(self, channel_id: bytes, rows: Sequence[NewRow]) -> list[bool]:
        """:meth:`insert_message` for each of ``rows``, sealed elsewhere under
        :meth:`row_key` (:func:`client.store.sqlite_rows.seal_message_row`) and indexed
        later (:meth:`SearchStore.index_pending`); whether each was stored (a second
        copy of an id is not)."""
        ...

    def get_message(self, channel_id: bytes, message_id: bytes) -> Message: ...

    def list_messages(
        self,
        channel_id: bytes,
        *,
        before: int | None = None,
        after: int | None = None,
        limit: int = 50,
    ) -> list[Message]:
        """Up to ``limit`` messages in ascending position (arrival order).

        Without bounds: the newest page. ``before=p``: the page just older than
        position ``p``. ``after=p``: the page just newer than ``p``.
        """
        ...

    def list_messages_ordered(
        self, channel_id: bytes, *, before: int | None = None, limit: int = 50
    ) -> list[tuple[int, Message]]:
        """The newest ``limit`` messages before order key ``before``, in relay order
        (``seq``; unsequenced own messages last), with their order keys."""
        ...

    def iter_messages(self, channel_id: bytes) -> Iterator[Message]:
        """Every message of a channel, oldest first (for local search)."""
        ...

    def update_message(self, channel_id: bytes, message_id: bytes, *, body: bytes) -> None:
        """Replace a message body (edits). Raises NotFoundError."""
        ...

    def set_message_seq(self, channel_id: bytes, message_id: bytes, seq: int) -> None:
        """Record the relay's sequence number of an own message."""
        ...

    def delete_message(self, channel_id: bytes, message_id: bytes) -> bool:
        """Really remove the row (redaction, expiry); ``False`` if absent."""
        ...


class ExpiryStore(Protocol):
    """Disappearing messages: when each ends, and their removal."""

    def set_message_expiry(self, channel_id: bytes, message_id: bytes,
                           expires_at: int) -> None: ...

    def expired_messages(self, now: int) -> list[tuple[bytes, bytes]]:
        """(channel id, message id) of messages whose ``expires_at <= now``."""
        ...

    def delete_expired(self, now: int) -> int:
        """Remove messages whose ``expires_at <= now``; returns how many."""
        ...


class AnnotationStore(Protocol):
    """Side state of a message (edits, reactions, receipts, acknowledgements)."""

    def put_annotation(self, channel_id: bytes, message_id: bytes, data: bytes) -> None:
        """Replace it (encrypted at rest); deleted with the message."""
        ...

    def get_annotation(self, channel_id: bytes, message_id: bytes) -> bytes | None: ...


class SearchStore(Protocol):
    """The local search index: keyed hashes of words, never plaintext."""

    def index_message(self, channel_id: bytes, message_id: bytes, terms: str) -> None:
        """Replace a stored message's search terms (what the term source gives for its
        body). Updating or deleting the message drops them."""
        ...

    def set_term_source(self, source: Callable[[bytes], Iterable[str]] | None) -> None:
        """How a stored body maps to its search terms (those it is indexed with now,
        then older forms): the store recomputes them to delete them from its index
        (which keeps no other copy)."""
        ...

    def search_index(
        self, terms: Sequence[str], *, channel_id: bytes | None = None, limit: int = 50
    ) -> list[Message]:
        """Messages indexed with all ``terms``, newest first (what is pending is
        indexed first: :meth:`index_pending`)."""
        ...

    def index_pending(self, limit: int = 200) -> int:
        """Index up to ``limit`` rows stored pending (:data:`PENDING_TERMS`), newest
        first, from their bodies by the term source, in one transaction; how many.
        0 without a term source: they wait for one."""
        ...

    def compact(self) -> None:
        """Purge deleted index entries and old page images (after deletions)."""
        ...


class FeatureStore(MessageStore, AnnotationStore, SearchStore, Protocol):
    """What the messaging features (client.features) apply edits, redactions,
    reactions, receipts and acknowledgements to."""


class Store(Transactional, ChannelStore, MessageStore, ExpiryStore, AnnotationStore,
            SearchStore, Protocol):
    """The whole local store. Implementations: ``SqliteStore`` (real), ``MemoryStore``
    (tests). Code that needs one concern takes that protocol, not this one."""

    # -- MLS group state ----------------------------------------------------------
    def put_group_state(self, group_id: bytes, epoch: int, state: bytes,
                        ratchets: bytes | None = None, *, binding: bytes = b"") -> None:
        """Replace the group's row: a whole state, or (``ratchets`` given) both parts
        of a split one, in one write. ``binding``: the epoch part's digest, kept in the
        clear beside the ratchet part (:meth:`put_group_ratchets` checks it)."""
        ...

    def put_group_ratchets(self, group_id: bytes, epoch: int, ratchets: bytes, *,
                           binding: bytes = b"") -> None:
        """Replace the ratchet part alone of a split state at ``epoch`` whose stored
        parts were written with ``binding``. Why: a caller that believes an epoch part
        stored whose write was rolled back (it kept its group in memory) gets an error
        and writes both parts, instead of a pair that no longer loads.

        Raises:
            NotFoundError: no split state of this group at ``epoch`` with ``binding``
                (write both parts).
        """
        ...

    def get_group_state(self, group_id: bytes) -> GroupState | None:
        """Raises CorruptRecordError if the stored state fails authentication."""
        ...

    def delete_group_state(self, group_id: bytes) -> None: ...

    # -- outbox -------------------------------------------------------------------
    def enqueue_outbox(self, channel_id: bytes, data: bytes, *, created_at: int) -> bytes:
        """Queue ``data``; returns the new item's id (16 random bytes)."""
        ...

    def list_outbox(self, channel_id: bytes | None = None, *, limit: int = 100) -> list[OutboxItem]:
        """Pending items, oldest first."""
        ...

    def mark_sent(self, item_id: bytes) -> bool:
        """Remove a sent item; ``False`` if it was not pending."""
        ...

    # -- named cursors (streams other than channels: welcomes, directory, ...) ------
    def get_cursor(self, name: str) -> int:
        """0 when never set."""
        ...

    def set_cursor(self, name: str, value: int) -> None: ...
