# SPDX-License-Identifier: Apache-2.0
"""An in-memory store with the same behaviour as SqliteStore, for engine tests.

Nothing is encrypted (nothing reaches a disk). Transactions snapshot the tables and
restore them on an exception, so rollback behaves as in SQLite.
"""

from __future__ import annotations

import dataclasses
import secrets
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import TypeVar

from client.errors import NotFoundError, UsageError
from client.store.base import (
    MAX_PAGE,
    Channel,
    ChannelKind,
    GroupState,
    Message,
    NewRow,
    OutboxItem,
    check_group_state,
    check_id,
    check_int,
    check_message,
)
from client.store.engine_state import EngineStateRecords

__all__ = ["MemoryStore"]


K = TypeVar("K")
V = TypeVar("V")

class _Unsealed:
    """Rows here are not sealed: none is prepared elsewhere (:mod:`client.rowjobs`)."""

    def row_key(self) -> bytes | None:
        return None

    def insert_prepared_messages(self, channel_id: bytes, rows: Sequence[NewRow]) -> list[bool]:
        raise UsageError("the memory store seals nothing: store the message itself")

    def index_pending(self, limit: int = 200) -> int:
        """Nothing is ever pending here: rows are stored, and indexed, in line."""
        return 0


class MemoryStore(_Unsealed, EngineStateRecords):
    """See :class:`client.store.base.Store` and
    :class:`client.store.engine_state.EngineStateStore`."""

    def __init__(self) -> None:
        self._lock = threading.RLock()
        self._channels: dict[bytes, Channel] = {}
        self._messages: dict[tuple[bytes, bytes], Message] = {}
        self._groups: dict[bytes, GroupState] = {}
        self._outbox: dict[bytes, OutboxItem] = {}
        self._cursors: dict[str, int] = {}
        self._annotations: dict[tuple[bytes, bytes], bytes] = {}
        self._terms: dict[tuple[bytes, bytes], frozenset[str]] = {}
        self._engine_state: dict[tuple[str, bytes], bytes] = {}
        self._counters = {"message": 0, "outbox": 0}
        self._closed = False

    def _snapshot(self) -> list[Callable[[], None]]:
        """One restore per table, each putting its table back as it is now."""
        return [
            _keep(self._channels),
            _keep(self._messages),
            _keep(self._groups),
            _keep(self._outbox),
            _keep(self._cursors),
            _keep(self._annotations),
            _keep(self._terms),
            _keep(self._engine_state),
            _keep(self._counters),
        ]

    @contextmanager
    def transaction(self) -> Iterator[None]:
        with self._lock:
            self._ensure_open()
            restores = self._snapshot()
            try:
                yield
            except BaseException:
                for restore in restores:
                    restore()
                raise

    @contextmanager
    def deferred_sync(self) -> Iterator[None]:
        """Nothing here waits for a disk."""
        yield

    def sync(self) -> None:
        """Nothing here waits for a disk."""

    def close(self) -> None:
        self._closed = True

    def _ensure_open(self) -> None:
        if self._closed:
            raise UsageError("the store is closed")

    # channels -------------------------------------------------------------------
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
        check_id(channel_id, "channel_id")
        check_id(group_id, "group_id")
        check_int(created_at, "created_at")
        if not isinstance(name, str) or not isinstance(roster, bytes | bytearray):
            raise UsageError("name must be str and roster bytes")
        channel = Channel(
            channel_id=channel_id,
            group_id=group_id,
            kind=ChannelKind(kind),
            name=name,
            roster=bytes(roster),
            cursor=0,
            created_at=created_at,
        )
        with self.transaction():
            if channel_id in self._channels or any(
                c.group_id == group_id for c in self._channels.values()
            ):
                raise UsageError("a channel with this id or group id exists already")
            self._channels[channel_id] = channel
        return channel

    def get_channel(self, channel_id: bytes) -> Channel:
        with self._lock:
            self._ensure_open()
            try:
                return self._channels[channel_id]
            except KeyError:
                raise NotFoundError("no such channel") from None

    def get_channel_by_group(self, group_id: bytes) -> Channel:
        with self._lock:
            self._ensure_open()
            for channel in self._channels.values():
                if channel.group_id == group_id:
                    return channel
            raise NotFoundError("no channel for this group")

    def list_channels(self) -> list[Channel]:
        with self._lock:
            self._ensure_open()
            return sorted(self._channels.values(), key=lambda c: c.created_at)

    def update_channel(
        self, channel_id: bytes, *, name: str | None = None, roster: bytes | None = None
    ) -> None:
        with self.transaction():
            current = self.get_channel(channel_id)
            self._channels[channel_id] = dataclasses.replace(
                current,
                name=current.name if name is None else name,
                roster=current.roster if roster is None else bytes(roster),
            )

    def set_channel_cursor(self, channel_id: bytes, cursor: int) -> None:
        check_int(cursor, "cursor")
        with self.transaction():
            current = self.get_channel(channel_id)
            if cursor < current.cursor:
                raise UsageError("a channel cursor never moves backwards")
            self._channels[channel_id] = dataclasses.replace(current, cursor=cursor)

    def delete_channel(self, channel_id: bytes) -> None:
        with self.transaction():
            channel = self.get_channel(channel_id)
            for key in [k for k in self._messages if k[0] == channel_id]:
                self.delete_message(*key)
            for item_id in [k for k, v in self._outbox.items() if v.channel_id == channel_id]:
                del self._outbox[item_id]
            self._groups.pop(channel.group_id, None)
            del self._channels[channel_id]

    # messages -------------------------------------------------------------------
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
        check_message(channel_id, message_id, sender, body, sent_at=sent_at,
                      received_at=received_at, seq=seq, expires_at=expires_at)
        if not isinstance(terms, str):
            raise UsageError("terms must be a string of hashed terms")
        with self.transaction():
            self.get_channel(channel_id)
            if (channel_id, message_id) in self._messages:
                return False
            self._counters["message"] += 1
            self._messages[(channel_id, message_id)] = Message(
                position=self._counters["message"],
                channel_id=channel_id,
                message_id=message_id,
                sender=bytes(sender),
                body=bytes(body),
                sent_at=sent_at,
                received_at=received_at,
                seq=seq,
                expires_at=expires_at,
            )
            if terms:
                self._terms[(channel_id, message_id)] = frozenset(terms.split())
            return True

    def get_message(self, channel_id: bytes, message_id: bytes) -> Message:
        with self._lock:
            self._ensure_open()
            try:
                return self._messages[(channel_id, message_id)]
            except KeyError:
                raise NotFoundError("no such message") from None

    def list_messages(
        self,
        channel_id: bytes,
        *,
        before: int | None = None,
        after: int | None = None,
        limit: int = 50,
    ) -> list[Message]:
        if not isinstance(limit, int) or not 0 < limit <= MAX_PAGE:
            raise UsageError(f"limit must be in 1..{MAX_PAGE}")
        check_int(before, "before", optional=True)
        check_int(after, "after", optional=True)
        with self._lock:
            self._ensure_open()
            rows = sorted(
                (
                    m
                    for m in self._messages.values()
                    if m.channel_id == channel_id
                    and (before is None or m.position < before)
                    and (after is None or m.position > after)
                ),
                key=lambda m: m.position,
            )
        return rows[:limit] if after is not None else rows[-limit:]

    def iter_messages(self, channel_id: bytes) -> Iterator[Message]:
        with self._lock:
            self._ensure_open()
            rows = sorted(
                (m for m in self._messages.values() if m.channel_id == channel_id),
                key=lambda m: m.position,
            )
        yield from rows

    def update_message(self, channel_id: bytes, message_id: bytes, *, body: bytes) -> None:
        if not isinstance(body, bytes | bytearray):
            raise UsageError("body must be bytes")
        with self.transaction():
            current = self.get_message(channel_id, message_id)
            self._messages[(channel_id, message_id)] = dataclasses.replace(current, body=body)
            self._terms.pop((channel_id, message_id), None)  # the old text's, as on disk

    def delete_message(self, channel_id: bytes, message_id: bytes) -> bool:
        with self.transaction():
            self._annotations.pop((channel_id, message_id), None)
            self._terms.pop((channel_id, message_id), None)
            return self._messages.pop((channel_id, message_id), None) is not None

    def delete_expired(self, now: int) -> int:
        check_int(now, "now")
        with self.transaction():
            gone = [
                k
                for k, m in self._messages.items()
                if m.expires_at is not None and m.expires_at <= now
            ]
            for key in gone:
                self.delete_message(*key)
            return len(gone)

    # group state ----------------------------------------------------------------
    def put_group_state(self, group_id: bytes, epoch: int, state: bytes,
                        ratchets: bytes | None = None, *, binding: bytes = b"") -> None:
        check_group_state(group_id, epoch, state, ratchets, binding)
        with self.transaction():
            self._groups[group_id] = GroupState(
                group_id=group_id, epoch=epoch, state=bytes(state),
                ratchets=None if ratchets is None else bytes(ratchets), binding=binding)

    def put_group_ratchets(self, group_id: bytes, epoch: int, ratchets: bytes, *,
                           binding: bytes = b"") -> None:
        check_group_state(group_id, epoch, ratchets, None, binding)
        with self.transaction():
            old = self._groups.get(group_id)
            if old is None or old.epoch != epoch or old.ratchets is None or \
                    old.binding != binding:
                raise NotFoundError("no split group state at this epoch")
            self._groups[group_id] = dataclasses.replace(old, ratchets=bytes(ratchets))

    def get_group_state(self, group_id: bytes) -> GroupState | None:
        with self._lock:
            self._ensure_open()
            return self._groups.get(group_id)

    def delete_group_state(self, group_id: bytes) -> None:
        with self.transaction():
            self._groups.pop(group_id, None)

    # engine state ---------------------------------------------------------------
    def _state_get(self, kind: str, key: bytes) -> bytes | None:
        with self._lock:
            self._ensure_open()
            return self._engine_state.get((kind, key))

    def _state_put(self, kind: str, key: bytes, value: bytes) -> None:
        with self.transaction():
            self._engine_state[(kind, bytes(key))] = bytes(value)

    def _state_delete(self, kind: str, key: bytes) -> None:
        with self.transaction():
            self._engine_state.pop((kind, key), None)

    def _state_keys(self, kind: str) -> list[bytes]:
        with self._lock:
            self._ensure_open()
            return sorted(k for (c, k) in self._engine_state if c == kind)

    # outbox ---------------------------------------------------------------------
    def enqueue_outbox(self, channel_id: bytes, data: bytes, *, created_at: int) -> bytes:
        check_id(channel_id, "channel_id")
        check_int(created_at, "created_at")
        if not isinstance(data, bytes | bytearray):
            raise UsageError("data must be bytes")
        item_id = secrets.token_bytes(16)
        with self.transaction():
            self.get_channel(channel_id)
            self._counters["outbox"] += 1
            self._outbox[item_id] = OutboxItem(
                item_id=item_id,
                position=self._counters["outbox"],
                channel_id=channel_id,
                data=bytes(data),
                created_at=created_at,
            )
        return item_id

    def list_outbox(self, channel_id: bytes | None = None, *, limit: int = 100) -> list[OutboxItem]:
        if not isinstance(limit, int) or not 0 < limit <= MAX_PAGE:
            raise UsageError(f"limit must be in 1..{MAX_PAGE}")
        with self._lock:
            self._ensure_open()
            items = sorted(
                (i for i in self._outbox.values() if channel_id in (None, i.channel_id)),
                key=lambda i: i.position,
            )
        return items[:limit]

    def mark_sent(self, item_id: bytes) -> bool:
        with self.transaction():
            return self._outbox.pop(item_id, None) is not None

    # cursors --------------------------------------------------------------------
    def get_cursor(self, name: str) -> int:
        with self._lock:
            self._ensure_open()
            return self._cursors.get(name, 0)

    def set_cursor(self, name: str, value: int) -> None:
        if not isinstance(name, str) or not 0 < len(name) <= 128:
            raise UsageError("cursor names are 1..128 characters")
        check_int(value, "value")
        with self.transaction():
            self._cursors[name] = value

    # messaging features (see SqliteStore) ------------------------------------------
    def expired_messages(self, now: int) -> list[tuple[bytes, bytes]]:
        return [k for k, m in self._messages.items()
                if m.expires_at is not None and m.expires_at <= now]

    def set_message_seq(self, channel_id: bytes, message_id: bytes, seq: int) -> None:
        with self.transaction():
            m = self._messages.get((channel_id, message_id))
            if m is not None:
                self._messages[(channel_id, message_id)] = dataclasses.replace(m, seq=seq)

    def set_message_expiry(self, channel_id: bytes, message_id: bytes, expires_at: int) -> None:
        with self.transaction():
            m = self._messages.get((channel_id, message_id))
            if m is not None:
                self._messages[(channel_id, message_id)] = dataclasses.replace(
                    m, expires_at=expires_at)

    def list_messages_ordered(
        self, channel_id: bytes, *, before: int | None = None, limit: int = 50
    ) -> list[tuple[int, Message]]:
        from client.store.schema import UNSEQUENCED_BASE

        keyed = sorted(
            ((m.seq if m.seq is not None else UNSEQUENCED_BASE + m.position, m.position), m)
            for m in list(self._messages.values()) if m.channel_id == channel_id
        )
        rows = [(k[0], m) for k, m in keyed if before is None or k[0] < before]
        return rows[-limit:]

    def put_annotation(self, channel_id: bytes, message_id: bytes, data: bytes) -> None:
        self._annotations[(channel_id, message_id)] = bytes(data)

    def get_annotation(self, channel_id: bytes, message_id: bytes) -> bytes | None:
        return self._annotations.get((channel_id, message_id))

    def set_term_source(self, source: Callable[[bytes], Iterable[str]] | None) -> None:
        """Not needed: the terms are kept per message here."""

    def index_message(self, channel_id: bytes, message_id: bytes, terms: str) -> None:
        if (channel_id, message_id) in self._messages:
            self._terms[(channel_id, message_id)] = frozenset(terms.split())

    def search_index(
        self, terms: Sequence[str], *, channel_id: bytes | None = None, limit: int = 50
    ) -> list[Message]:
        groups = [g.split("|") for g in terms]
        hits = [self._messages[k] for k, t in self._terms.items()
                if all(any(x in t for x in g) for g in groups) and k in self._messages
                and (channel_id is None or k[0] == channel_id)]
        hits.sort(key=lambda m: -m.position)
        return hits[:limit]

    def compact(self) -> None:
        """Nothing to compact in memory."""


def _keep(table: dict[K, V]) -> Callable[[], None]:
    """A restore of ``table`` to its present content (a rolled-back transaction)."""
    saved = dict(table)

    def restore() -> None:
        table.clear()
        table.update(saved)

    return restore
