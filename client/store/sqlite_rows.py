# SPDX-License-Identifier: Apache-2.0
"""The SQLite store's channels and messages (with their expiry, annotations and search
terms): the concerns of :class:`~client.store.base.ChannelStore`,
:class:`~client.store.base.MessageStore`, :class:`~client.store.base.ExpiryStore`,
:class:`~client.store.base.AnnotationStore` and :class:`~client.store.base.SearchStore`.
Sender, body, channel name, kind and roster are sealed with the store key; ids, numbers
and times stay plain so they can be indexed.

The search index (schema 7) is a contentless FTS5 table: it holds each indexed
message's hashed terms once, in its b-trees, and nothing else. Deleting them needs the
terms themselves, so the store recomputes them from the message's sealed body with the
function the feature layer registers (:meth:`SqliteMessages.set_term_source`: the
search key never enters the store) and checks them against ``messages.terms_check``
before telling FTS5 to drop them. Should they differ (say a Unicode upgrade changed the
tokeniser) or no function be registered, the whole index is rebuilt from the bodies,
at once or as soon as a function is registered; until then a deleted message's stale
terms can match no row (positions are never reused) but stay in the file.
"""

from __future__ import annotations

import functools
import re
import sqlite3
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Final

import msgspec

from client.errors import (
    ClientError,
    CorruptRecordError,
    InternalError,
    NotFoundError,
    StorageError,
    UsageError,
)
from client.store import rowpack
from client.store.base import (
    MAX_PAGE,
    PENDING_TERMS,
    Channel,
    ChannelKind,
    Message,
    NewRow,
    check_id,
    check_int,
    check_message,
)
from client.store.schema import PENDING_SQL, terms_check
from client.store.sealing import SEALED_MIN, RowCipher
from client.store.sqlite_base import Row, SqliteBase

__all__ = ["SqliteChannels", "SqliteMessages", "seal_message_row"]

_PAGE_ITER: Final = 500
#: whether a row waits for its search terms (schema 12's partial index answers it)
_ANY_PENDING: Final = "SELECT 1 FROM messages WHERE " + PENDING_SQL + " LIMIT 1"  # noqa: S608 - constants
_TERM: Final = re.compile(r"[0-9a-z]{8,64}")
_OPENED_MAX: Final = 4096  # channels whose opened secret is kept (a bound, not a need)


class _ChannelSecret(msgspec.Struct, array_like=True, frozen=True):
    name: str
    kind: str
    roster: bytes


class _MessageSecret(msgspec.Struct, array_like=True, frozen=True):
    sender: bytes
    body: bytes


_channel_decoder: Final = msgspec.msgpack.Decoder(_ChannelSecret)
_message_decoder: Final = msgspec.msgpack.Decoder(_MessageSecret)


def seal_message_row(cipher: RowCipher, channel_id: bytes, message_id: bytes, sender: bytes,
                     body: bytes) -> bytes:
    """A message row's sealed column: its sender and body, packed
    (:mod:`client.store.rowpack`) and sealed to the row. A function of its own so the
    row can be made ready elsewhere (:mod:`client.rowjobs`, on the second core)."""
    if not isinstance(sender, bytes | bytearray) or not isinstance(body, bytes | bytearray):
        raise UsageError("sender and body must be bytes")
    plain = msgspec.msgpack.encode(_MessageSecret(bytes(sender), bytes(body)))
    return cipher.seal(rowpack.pack(plain, message_id), "messages", channel_id, message_id)


def _open_message(cipher: RowCipher, channel_id: bytes, message_id: bytes,
                  sealed: bytes) -> _MessageSecret:
    """A message row's sender and body (packed rows: :mod:`client.store.rowpack`)."""
    plain = cipher.open(sealed, "messages", channel_id, message_id)
    return _message_decoder.decode(rowpack.unpack(plain, message_id))


#: Messages with their channel's id (schema 10: a message row holds its channel's
#: number, ``chan``; the id, which the rows' seals bind, is in ``channels``).
_MESSAGES: Final = "FROM messages m JOIN channels c ON c.number = m.chan "
#: A message row as :meth:`SqliteMessages._message` reads it.
_MESSAGE_COLUMNS: Final = ("m.position, c.channel_id, m.message_id, m.seq, m.sent_at, "
                           "m.received_at, m.expires_at, m.sealed ")

_SELECT_INDEXED: Final = ("SELECT m.position, c.channel_id, m.message_id, m.sealed, "
                          "m.terms_check " + _MESSAGES + "WHERE m.terms_check IS NOT NULL AND ")
#: The indexed messages of a channel, of one message id, or at one position.
_INDEXED: Final = {
    "channel": _SELECT_INDEXED + "c.channel_id = ?",
    "message": _SELECT_INDEXED + "c.channel_id = ? AND m.message_id = ?",
    "position": _SELECT_INDEXED + "m.position = ?",
}


class SqliteSearchTerms(SqliteBase):
    """Keeping the contentless index in step with the messages (module docstring)."""

    _term_source: Callable[[bytes], Iterable[str]] | None = None

    def set_term_source(self, source: Callable[[bytes], Iterable[str]] | None) -> None:
        """Register how a stored body maps to the terms it was indexed with (the
        feature layer's search key and tokeniser: the current form first, then older
        ones); a pending rebuild runs now."""
        self._term_source = source
        if source is None or not self._read("SELECT 1 FROM meta WHERE name = 'search_stale'"):
            return
        with self.transaction():
            if self._conn.execute(
                "SELECT 1 FROM meta WHERE name = 'search_stale'"
            ).fetchone():
                self._rebuild_search()

    def _terms_now(self, channel_id: bytes, message_id: bytes, sealed: bytes) -> Iterable[str]:
        """The term sets the current body gives (current form first), or none when
        they cannot be computed."""
        if self._term_source is None:
            return ()
        try:
            body = _open_message(self._cipher, channel_id, message_id, sealed).body
            return self._term_source(body)
        except (ClientError, msgspec.MsgspecError, ValueError):
            return ()

    def _unindex(self, which: str, args: tuple[object, ...]) -> bool:
        """Take the messages ``which`` (a key of ``_INDEXED``) out of the index, inside
        the caller's transaction; ``False`` when some terms could not be recomputed
        exactly, and the caller must then :meth:`_rebuild_search` once its rows are gone."""
        self._flush_terms()
        rows = self._conn.execute(_INDEXED[which], args).fetchall()
        exact = True
        for position, channel_id, message_id, sealed, check in rows:
            if check == PENDING_TERMS:  # never indexed: nothing in the index to take out
                self._write("UPDATE messages SET terms_check = NULL WHERE position = ?",
                            (position,))
                continue
            terms = next((t for t in self._terms_now(channel_id, message_id, sealed)
                          if t and terms_check(t) == check), None)
            if terms is not None:
                self._write("INSERT INTO search_fts (search_fts, rowid, terms) "
                            "VALUES ('delete', ?, ?)", (position, terms))
            else:
                exact = False
            self._write("UPDATE messages SET terms_check = NULL WHERE position = ?",
                        (position,))
        return exact

    def index_pending(self, limit: int = 200) -> int:
        """See :meth:`client.store.base.SearchStore.index_pending`. A row whose terms
        cannot be computed (its body does not open, or has no text) is left unindexed,
        as :meth:`_rebuild_search` leaves it."""
        if not isinstance(limit, int) or not 0 < limit <= MAX_PAGE:
            raise UsageError(f"limit must be in 1..{MAX_PAGE}")
        if self._term_source is None or not self._read(_ANY_PENDING):
            return 0  # no write, no transaction: every search asks
        with self.transaction():
            rows = self._conn.execute(
                "SELECT m.position, c.channel_id, m.message_id, m.sealed " + _MESSAGES +
                "WHERE m." + PENDING_SQL + " ORDER BY m.position DESC LIMIT ?",  # its index
                (limit,)).fetchall()
            checks = []
            # the newest slice first, but each slice in rising positions: FTS5 writes
            # its pending terms out as a new segment whenever a rowid is not above the
            # last one (in falling order: a segment per row, three times the cost)
            for position, channel_id, message_id, sealed in reversed(rows):
                terms = next(iter(self._terms_now(channel_id, message_id, sealed)), "")
                if terms:
                    self._terms_pending.append((position, terms))
                checks.append((terms_check(terms) if terms else None, position))
            with self._sql_errors():
                self._conn.executemany("UPDATE messages SET terms_check = ? WHERE position = ?",
                                       checks)
        return len(rows)

    def _rebuild_search(self) -> None:
        """Rebuild the index from the bodies of the indexed messages; without a term
        source, remember to do it when one is registered."""
        if self._term_source is None:
            self._write("INSERT INTO meta (name, value) VALUES ('search_stale', x'01') "
                        "ON CONFLICT (name) DO NOTHING")
            return
        self._terms_pending.clear()  # their rows are re-indexed below with the rest
        self._write("INSERT INTO search_fts (search_fts) VALUES ('delete-all')")
        last = 0
        while True:
            rows = self._conn.execute(
                "SELECT m.position, c.channel_id, m.message_id, m.sealed " + _MESSAGES +
                "WHERE m.terms_check IS NOT NULL AND m.position > ? ORDER BY m.position "
                "LIMIT ?", (last, _PAGE_ITER),
            ).fetchall()
            for position, channel_id, message_id, sealed in rows:
                terms = next(iter(self._terms_now(channel_id, message_id, sealed)), "")
                if terms:
                    self._write("INSERT INTO search_fts (rowid, terms) VALUES (?, ?)",
                                (position, terms))
                self._write("UPDATE messages SET terms_check = ? WHERE position = ?",
                            (terms_check(terms) if terms else None, position))
            if len(rows) < _PAGE_ITER:
                break
            last = rows[-1][0]
        self._write("DELETE FROM meta WHERE name = 'search_stale'")


class SqliteChannels(SqliteSearchTerms):
    """Channels, sealed name, kind and roster (see the module docstring)."""

    # -------------------------------------------------------------------- channels

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
        kind = ChannelKind(kind)
        sealed = self._seal_channel(channel_id, group_id, name, kind, roster)
        with self.transaction():
            clash = self._conn.execute(
                "SELECT 1 FROM channels WHERE channel_id = ? OR group_id = ?",
                (channel_id, group_id),
            ).fetchone()
            if clash:
                raise UsageError("a channel with this id or group id exists already")
            # the next number (schema 10): a number freed by a deleted channel may come
            # back, but nothing of that channel is left to refer to it
            self._write(
                "INSERT INTO channels (channel_id, group_id, cursor, created_at, sealed, "
                "number) SELECT ?, ?, 0, ?, ?, coalesce(max(number), 0) + 1 FROM channels",
                (channel_id, group_id, created_at, sealed),
            )
        return Channel(
            channel_id=channel_id,
            group_id=group_id,
            kind=kind,
            name=name,
            roster=bytes(roster),
            cursor=0,
            created_at=created_at,
        )

    def _seal_channel(
        self, channel_id: bytes, group_id: bytes, name: str, kind: ChannelKind, roster: bytes
    ) -> bytes:
        if not isinstance(name, str) or not isinstance(roster, bytes | bytearray):
            raise UsageError("name must be str and roster bytes")
        secret = _ChannelSecret(name, kind.value, bytes(roster))
        sealed = self._cipher.seal(msgspec.msgpack.encode(secret), "channels", channel_id,
                                   group_id)
        if self._opened is not None:  # what the next read of the row opens to
            self._opened[channel_id] = (group_id, sealed, secret)
        return sealed

    #: the secret each channel row's sealed value last opened to. A row is read and
    #: opened several times for every message sent or received, and every row at each
    #: send (the self-update check): the same sealed bytes under the same ids can only
    #: open to the same secret, so only a changed value (or another row's) is opened.
    _opened: dict[bytes, tuple[bytes, bytes, _ChannelSecret]] | None = None

    def _open_channel(self, channel_id: bytes, group_id: bytes, sealed: bytes
                      ) -> _ChannelSecret:
        cache = self._opened
        if cache is None:
            cache = self._opened = {}
        hit = cache.get(channel_id)
        if hit is not None and hit[0] == group_id and hit[1] == sealed:
            return hit[2]
        secret = _channel_decoder.decode(
            self._cipher.open(sealed, "channels", channel_id, group_id))
        ChannelKind(secret.kind)  # a value that cannot be a kind is not cached
        if len(cache) >= _OPENED_MAX:
            cache.clear()
        cache[channel_id] = (group_id, bytes(sealed), secret)
        return secret

    def _channel(self, row: Row, *, strict: bool) -> Channel:
        channel_id, group_id, cursor, created_at, sealed = row
        try:
            secret = self._open_channel(channel_id, group_id, sealed)
            kind: ChannelKind | None = ChannelKind(secret.kind)
        except (CorruptRecordError, msgspec.MsgspecError, ValueError):
            if strict:
                raise CorruptRecordError("channels", channel_id.hex()) from None
            return Channel(
                channel_id=channel_id,
                group_id=group_id,
                kind=None,
                name="",
                roster=b"",
                cursor=cursor,
                created_at=created_at,
                damaged=True,
            )
        return Channel(
            channel_id=channel_id,
            group_id=group_id,
            kind=kind,
            name=secret.name,
            roster=secret.roster,
            cursor=cursor,
            created_at=created_at,
        )

    def get_channel(self, channel_id: bytes) -> Channel:
        rows = self._read(
            "SELECT channel_id, group_id, cursor, created_at, sealed "
            "FROM channels WHERE channel_id = ?",
            (channel_id,),
        )
        if not rows:
            raise NotFoundError("no such channel")
        return self._channel(rows[0], strict=True)

    def get_channel_by_group(self, group_id: bytes) -> Channel:
        rows = self._read(
            "SELECT channel_id, group_id, cursor, created_at, sealed "
            "FROM channels WHERE group_id = ?",
            (group_id,),
        )
        if not rows:
            raise NotFoundError("no channel for this group")
        return self._channel(rows[0], strict=True)

    def list_channels(self) -> list[Channel]:
        rows = self._read(
            "SELECT channel_id, group_id, cursor, created_at, sealed "
            "FROM channels ORDER BY created_at, number"
        )
        return [self._channel(row, strict=False) for row in rows]

    def update_channel(
        self, channel_id: bytes, *, name: str | None = None, roster: bytes | None = None
    ) -> None:
        with self._single_write():
            current = self.get_channel(channel_id)
            if current.kind is None:  # pragma: no cover - strict get raises instead
                raise InternalError("strict channel read returned a damaged record")
            sealed = self._seal_channel(
                channel_id,
                current.group_id,
                current.name if name is None else name,
                current.kind,
                current.roster if roster is None else roster,
            )
            self._write("UPDATE channels SET sealed = ? WHERE channel_id = ?", (sealed, channel_id))

    def set_channel_cursor(self, channel_id: bytes, cursor: int) -> None:
        check_int(cursor, "cursor")
        with self._single_write():
            row = self._conn.execute(
                "SELECT cursor FROM channels WHERE channel_id = ?", (channel_id,)
            ).fetchone()
            if row is None:
                raise NotFoundError("no such channel")
            if cursor < row[0]:
                raise UsageError("a channel cursor never moves backwards")
            self._write("UPDATE channels SET cursor = ? WHERE channel_id = ?", (cursor, channel_id))

    def delete_channel(self, channel_id: bytes) -> None:
        with self.transaction():
            row = self._conn.execute(
                "SELECT group_id FROM channels WHERE channel_id = ?", (channel_id,)
            ).fetchone()
            if row is None:
                raise NotFoundError("no such channel")
            exact = self._unindex("channel", (channel_id,))
            self._write("DELETE FROM annotations WHERE channel_id = ?", (channel_id,))
            self._write("DELETE FROM messages WHERE chan = "
                        "(SELECT number FROM channels WHERE channel_id = ?)", (channel_id,))
            self._write("DELETE FROM outbox WHERE channel_id = ?", (channel_id,))
            self._write("DELETE FROM group_ratchets WHERE group_id = ?", (row[0],))
            self._write("DELETE FROM group_states WHERE group_id = ?", (row[0],))
            self._write("DELETE FROM channels WHERE channel_id = ?", (channel_id,))
            if not exact:
                self._rebuild_search()


#: rows per statement of :meth:`SqliteMessages.insert_prepared_messages`, and the
#: values each row binds (well below SQLite's limit of 32,766 variables)
_ROWS_PER_INSERT: Final = 200
_ROW_VALUES: Final = 7


@functools.lru_cache(maxsize=8)
def _insert_values(rows: int) -> str:
    """One statement inserting ``rows`` rows of one channel, answering the position
    and id of each row stored (a copy of an id already stored is skipped)."""
    values = ",".join(["(?,?,?,?,?,?,?)"] * rows)
    return ("INSERT INTO messages (chan, message_id, seq, sent_at, received_at, expires_at, "  # noqa: S608
            "sealed, terms_check) SELECT c.number, v.column1, v.column2, v.column3, "
            "v.column4, v.column5, v.column6, v.column7 "
            f"FROM (VALUES {values}) AS v, channels AS c WHERE c.channel_id = ? "
            "ON CONFLICT (chan, message_id) DO NOTHING RETURNING position, message_id")


_INSERT_MESSAGE: Final = (
    "INSERT INTO messages (chan, message_id, seq, sent_at, received_at, expires_at, sealed, "
    "terms_check) SELECT number, ?, ?, ?, ?, ?, ?, ? FROM channels WHERE channel_id = ? "
    "ON CONFLICT (chan, message_id) DO NOTHING")


class SqliteMessages(SqliteSearchTerms):
    """Messages and what hangs on them (see the module docstring)."""

    # -------------------------------------------------------------------- messages

    def _require_channel(self, channel_id: bytes) -> None:
        if not self._conn.execute(
            "SELECT 1 FROM channels WHERE channel_id = ?", (channel_id,)
        ).fetchone():
            raise NotFoundError("no such channel")

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
        sealed = self._seal_message(channel_id, message_id, sender, body)
        args = (message_id, seq, sent_at, received_at, expires_at, sealed,
                terms_check(terms) if terms else None, channel_id)
        with self._lock:
            if self._depth:  # in the caller's transaction (a catch-up: every message)
                self._ensure_open()
                return self._insert_row(args, terms)
        with self._single_write():
            return self._insert_row(args, terms)

    def insert_prepared_messages(self, channel_id: bytes, rows: Sequence[NewRow]) -> list[bool]:
        """:meth:`insert_message` for each row, sealed elsewhere (:mod:`client.rowjobs`),
        in one statement per :data:`_ROWS_PER_INSERT`; the same answers (a second copy
        of an id, here or before, is not stored). A searchable row is stored pending
        and indexed later (:meth:`index_pending`). The sealed column is checked for
        shape only: a row sealed under another key or for another row would show as
        damaged when read, as a flipped bit would.

        Raises:
            UsageError: a row of the wrong shape (a sealed column too short to be one).
            NotFoundError: no such channel.
        """
        check_id(channel_id, "channel_id")
        args: list[object] = []
        for r in rows:
            check_message(channel_id, r.message_id, b"", b"", sent_at=r.sent_at,
                          received_at=r.received_at, seq=r.seq, expires_at=r.expires_at)
            if not isinstance(r.sealed, bytes) or len(r.sealed) < SEALED_MIN:
                raise UsageError("a prepared row's sealed column is too short")
            args += (r.message_id, r.seq, r.sent_at, r.received_at, r.expires_at, r.sealed,
                     PENDING_TERMS if r.searchable else None)
        if not rows:
            return []
        positions: dict[bytes, int] = {}
        with self._lock:
            if self._depth:  # in the caller's transaction (a catch-up: every batch)
                self._ensure_open()
                self._insert_many(channel_id, args, len(rows), positions)
            else:
                with self._single_write():
                    self._insert_many(channel_id, args, len(rows), positions)
            # an id twice in the batch: only its first copy is stored
            return [positions.pop(r.message_id, None) is not None for r in rows]

    def _insert_many(self, channel_id: bytes, args: list[object], count: int,
                     positions: dict[bytes, int]) -> None:
        """Insert ``count`` rows of :data:`_ROW_VALUES` values each; the positions of
        those stored, by message id. Inside a transaction."""
        width = _ROW_VALUES
        for start in range(0, count, _ROWS_PER_INSERT):
            n = min(_ROWS_PER_INSERT, count - start)
            try:
                cur = self._conn.execute(
                    _insert_values(n), [*args[start * width:(start + n) * width], channel_id])
                got = cur.fetchall()
            except sqlite3.Error as exc:
                raise StorageError(f"store operation failed: {exc}") from None
            if not got and not positions:
                self._require_channel(channel_id)
            positions.update((message_id, position) for position, message_id in got)

    def row_key(self) -> bytes | None:
        """The store key, for a worker that seals received rows beside this thread
        (:mod:`client.rowjobs`; docs/threats.md, 20)."""
        return self._cipher.key_bytes()

    def _insert_row(self, args: tuple[object, ...], terms: str) -> bool:
        """The row's one statement for the common case (a new message of a known
        channel): the channel check rides in it, and is asked apart only when nothing
        was inserted (a duplicate, or no such channel). Inside a transaction."""
        try:
            cur = self._conn.execute(_INSERT_MESSAGE, args)
        except sqlite3.Error as exc:
            raise StorageError(f"store operation failed: {exc}") from None
        if cur.rowcount != 1:
            self._require_channel(args[-1])  # type: ignore[arg-type]
            return False
        if terms:  # a fresh row has no terms to take out first
            assert cur.lastrowid is not None
            self._terms_pending.append((cur.lastrowid, terms))
        return True

    def _seal_message(
        self, channel_id: bytes, message_id: bytes, sender: bytes, body: bytes
    ) -> bytes:
        return seal_message_row(self._cipher, channel_id, message_id, sender, body)

    def _message(self, row: Row, *, strict: bool) -> Message:
        position, channel_id, message_id, seq, sent_at, received_at, expires_at, sealed = row
        try:
            secret = _open_message(self._cipher, channel_id, message_id, sealed)
        except (CorruptRecordError, msgspec.MsgspecError, ValueError):
            if strict:
                raise CorruptRecordError(
                    "messages", f"{channel_id.hex()}/{message_id.hex()}"
                ) from None
            sender, body, damaged = b"", b"", True
        else:
            sender, body, damaged = secret.sender, secret.body, False
        return Message(
            position=position,
            channel_id=channel_id,
            message_id=message_id,
            sender=sender,
            body=body,
            sent_at=sent_at,
            received_at=received_at,
            seq=seq,
            expires_at=expires_at,
            damaged=damaged,
        )

    def get_message(self, channel_id: bytes, message_id: bytes) -> Message:
        rows = self._read(
            "SELECT " + _MESSAGE_COLUMNS + _MESSAGES +
            "WHERE c.channel_id = ? AND m.message_id = ?",
            (channel_id, message_id),
        )
        if not rows:
            raise NotFoundError("no such message")
        return self._message(rows[0], strict=True)

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
        # Bounds as a half-open range over position; 2**63-1 is past any position.
        low = -1 if after is None else after
        high = 2**63 - 1 if before is None else before
        if after is not None:
            rows = self._read(
                "SELECT " + _MESSAGE_COLUMNS + _MESSAGES +
                "WHERE c.channel_id = ? AND m.position > ? AND m.position < ? "
                "ORDER BY m.position ASC LIMIT ?",
                (channel_id, low, high, limit),
            )
        else:
            rows = self._read(
                "SELECT " + _MESSAGE_COLUMNS + _MESSAGES +
                "WHERE c.channel_id = ? AND m.position > ? AND m.position < ? "
                "ORDER BY m.position DESC LIMIT ?",
                (channel_id, low, high, limit),
            )
            rows.reverse()
        return [self._message(row, strict=False) for row in rows]

    def iter_messages(self, channel_id: bytes) -> Iterator[Message]:
        last = 0
        while True:
            page = self.list_messages(channel_id, after=last, limit=_PAGE_ITER)
            yield from page
            if len(page) < _PAGE_ITER:
                return
            last = page[-1].position

    def update_message(self, channel_id: bytes, message_id: bytes, *, body: bytes) -> None:
        with self.transaction():
            current = self.get_message(channel_id, message_id)
            sealed = self._seal_message(channel_id, message_id, current.sender, body)
            # the terms of the old text leave with it; the caller indexes the new text
            exact = self._unindex("message", (channel_id, message_id))
            self._write(
                "UPDATE messages SET sealed = ? WHERE chan = "
                "(SELECT number FROM channels WHERE channel_id = ?) AND message_id = ?",
                (sealed, channel_id, message_id),
            )
            if not exact:
                self._rebuild_search()

    def delete_message(self, channel_id: bytes, message_id: bytes) -> bool:
        """Remove the row, its search terms and its annotation (redaction, expiry)."""
        with self.transaction():
            exact = self._unindex("message", (channel_id, message_id))
            self._write(
                "DELETE FROM annotations WHERE channel_id = ? AND message_id = ?",
                (channel_id, message_id),
            )
            gone = self._write(
                "DELETE FROM messages WHERE chan = "
                "(SELECT number FROM channels WHERE channel_id = ?) AND message_id = ?",
                (channel_id, message_id),
            ) == 1
            if not exact:
                self._rebuild_search()
            return gone

    def delete_expired(self, now: int) -> int:
        check_int(now, "now")
        with self.transaction():
            gone = self.expired_messages(now)
            for channel_id, message_id in gone:
                self.delete_message(channel_id, message_id)
            return len(gone)

    # ------------------------------------------------- messaging features (schema 4)

    def expired_messages(self, now: int) -> list[tuple[bytes, bytes]]:
        """(channel id, message id) of every message whose ``expires_at <= now``."""
        check_int(now, "now")
        rows = self._read(
            "SELECT c.channel_id, m.message_id " + _MESSAGES +
            "WHERE m.expires_at IS NOT NULL AND m.expires_at <= ?",
            (now,),
        )
        return [(bytes(c), bytes(m)) for c, m in rows]

    def set_message_seq(self, channel_id: bytes, message_id: bytes, seq: int) -> None:
        """Record the relay's sequence number of an own message (fixes its display order)."""
        check_int(seq, "seq")
        with self._single_write():
            self._write(
                "UPDATE messages SET seq = ? WHERE chan = "
                "(SELECT number FROM channels WHERE channel_id = ?) AND message_id = ?",
                (seq, channel_id, message_id),
            )

    def set_message_expiry(self, channel_id: bytes, message_id: bytes, expires_at: int) -> None:
        check_int(expires_at, "expires_at")
        with self._single_write():
            self._write(
                "UPDATE messages SET expires_at = ? WHERE chan = "
                "(SELECT number FROM channels WHERE channel_id = ?) AND message_id = ?",
                (expires_at, channel_id, message_id),
            )

    def list_messages_ordered(
        self, channel_id: bytes, *, before: int | None = None, limit: int = 50
    ) -> list[tuple[int, Message]]:
        """The newest ``limit`` messages older than order key ``before``, in relay order.

        The order key is the relay's ``seq``; own messages the relay has not sequenced
        yet sort after all others (see :data:`client.store.schema.UNSEQUENCED_BASE`).
        """
        if not isinstance(limit, int) or not 0 < limit <= MAX_PAGE:
            raise UsageError(f"limit must be in 1..{MAX_PAGE}")
        check_int(before, "before", optional=True)
        rows = self._read(
            "SELECT m.ord, " + _MESSAGE_COLUMNS + _MESSAGES +
            "WHERE c.channel_id = ? AND m.ord < ? ORDER BY m.ord DESC LIMIT ?",
            (channel_id, 2**63 - 1 if before is None else before, limit),
        )
        rows.reverse()
        return [(int(r[0]), self._message(r[1:], strict=False)) for r in rows]

    def put_annotation(self, channel_id: bytes, message_id: bytes, data: bytes) -> None:
        """Sealed side state of a message (reactions, receipts, acks, edit marks)."""
        sealed = self._cipher.seal(bytes(data), "annotations", channel_id, message_id)
        with self._single_write():
            self._write(
                "INSERT INTO annotations (channel_id, message_id, sealed) VALUES (?, ?, ?) "
                "ON CONFLICT (channel_id, message_id) DO UPDATE SET sealed = excluded.sealed",
                (channel_id, message_id, sealed),
            )

    def get_annotation(self, channel_id: bytes, message_id: bytes) -> bytes | None:
        rows = self._read(
            "SELECT sealed FROM annotations WHERE channel_id = ? AND message_id = ?",
            (channel_id, message_id),
        )
        if not rows:
            return None
        return self._cipher.open(rows[0][0], "annotations", channel_id, message_id)

    def index_message(self, channel_id: bytes, message_id: bytes, terms: str) -> None:
        """Replace the search terms (already keyed hashes) of a stored message; they
        must be what the registered term source gives for its body, which is how they
        are deleted again (module docstring)."""
        # No savepoint of its own inside a transaction (FTS5 writes its pending terms
        # out at each one, so a catch-up paid for it per message): a failure here
        # undoes the caller's whole transaction or savepoint (the engine's receive
        # does not go on past a store failure).
        with self._single_write():
            row = self._conn.execute(
                "SELECT position FROM messages WHERE chan = "
                "(SELECT number FROM channels WHERE channel_id = ?) AND message_id = ?",
                (channel_id, message_id),
            ).fetchone()
            if row is None:
                return
            exact = self._unindex("position", (row[0],))
            if terms:
                self._write("INSERT INTO search_fts (rowid, terms) VALUES (?, ?)",
                            (row[0], terms))
                self._write("UPDATE messages SET terms_check = ? WHERE position = ?",
                            (terms_check(terms), row[0]))
            if not exact:
                self._rebuild_search()

    def search_index(
        self, terms: Sequence[str], *, channel_id: bytes | None = None, limit: int = 50
    ) -> list[Message]:
        """Messages indexed with every one of ``terms`` (encoded hashes), newest first."""
        if not isinstance(limit, int) or not 0 < limit <= MAX_PAGE:
            raise UsageError(f"limit must be in 1..{MAX_PAGE}")
        groups = [t.split("|") for t in terms]
        if not groups or not all(_TERM.fullmatch(x) for g in groups for x in g):
            raise UsageError("search terms are encoded token hashes")
        match = " AND ".join("(" + " OR ".join(f'"{x}"' for x in g) + ")" for g in groups)
        while self.index_pending(_PAGE_ITER) == _PAGE_ITER:  # a catch-up's rows, first
            pass
        with self._lock:
            self._flush_terms()  # inside a transaction: what it stored so far counts
        sql = (
            "SELECT " + _MESSAGE_COLUMNS + "FROM search_fts f "
            "JOIN messages m ON m.position = f.rowid JOIN channels c ON c.number = m.chan "
            "WHERE search_fts MATCH ?"
        )
        args: tuple[object, ...] = (match,)
        if channel_id is not None:
            sql += " AND c.channel_id = ?"
            args += (channel_id,)
        sql += " ORDER BY f.rowid DESC LIMIT ?"
        return [self._message(r, strict=False) for r in self._read(sql, (*args, limit))]

    def compact(self) -> None:
        """Purge deleted entries from the index b-trees and the WAL (after deletions).

        FTS5 keeps a deleted document's terms in older segments until a merge;
        ``optimize`` rewrites the index without them, and the checkpoint moves the
        overwritten pages out of the WAL (``secure_delete`` zeroes freed space).
        """
        with self.transaction():
            self._flush_terms()
            self._write("INSERT INTO search_fts (search_fts) VALUES ('optimize')")
        with self._lock, self._sql_errors():
            self._conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
