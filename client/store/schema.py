# SPDX-License-Identifier: Apache-2.0
"""The store's schema, as an ordered list of migrations from the first release on.

``MIGRATIONS[i]`` takes a database from version ``i`` to ``i + 1``; version 0 is an
empty file. Each step runs in its own transaction together with the version bump, so a
crash mid-migration leaves the previous version intact. A database newer than
:data:`LATEST` is refused rather than guessed at.

Only opaque ids, sequence numbers, epochs and timestamps are plain columns; everything
else sits in ``sealed`` columns (see :mod:`client.store.sealing`).

History:
    1. first release: meta, channels, messages, group_states, outbox.
    2. disappearing messages: ``messages.expires_at`` and its index.
    3. named cursors for non-channel streams (welcomes, directory).
    4. messaging features: ``messages.ord`` (relay order: ``seq``, or after every
       sequenced message while still unsent) and its index; ``annotations`` (sealed
       per-message side state: edits, reactions, receipts, acknowledgements); the
       search index ``search_fts`` (FTS5 over keyed token hashes, never plaintext:
       see :mod:`client.search`), keyed by ``messages.position``.
    5. typed engine state: ``engine_state`` (sealed records by kind and key, see
       :mod:`client.store.engine_state`); the engine's records move there from
       ``group_states``, where they sat under ``b"\\xff"`` keys (a keyed data step:
       the rows are sealed, so :class:`~client.store.sqlite.SqliteStore` supplies it).
    6. the directory's records (its CRLs, its view of the transparency log) move to
       ``engine_state`` from ``group_states`` (``b"\\xffcrls"``, ``b"\\xfflog"``), by
       the same keyed data step.
    7. a smaller search index: ``search_fts`` becomes a contentless FTS5 table
       (``content=''``, ``columnsize=0``): the index keeps its hashed terms, no second
       copy of them sits in a content table; the terms are 64 bits in 13 base32
       characters instead of 96 bits in 24 hex (the first 64 bits of the same MAC,
       :func:`client.search.term_text`, so they are converted without the search key).
       ``messages.terms_check`` (a 4-byte digest of the terms a message was indexed
       with, NULL when it is not indexed) lets the store delete them by recomputing
       them from the sealed body
       (:meth:`client.store.sqlite_rows.SqliteSearchTerms.set_term_source`).
    8. stores that took schema 7's first form (hex terms, on main for an hour of
       session 4) rebuild their index from the bodies.
    9. the mute list and the health warnings move to ``engine_state``.
    10. a smaller message table: every channel gets a small number
        (``channels.number``) and ``messages`` refers to its channel by it
        (``messages.chan``) instead of by the 16-byte id, in the row and in each of its
        indexes; ``messages_by_channel`` becomes an index on ``chan`` alone (SQLite
        orders an index's entries by the row's position after its columns, so it
        still serves a channel's messages by position). About 75 bytes less per
        message. Positions (the search index's keys) are kept, and so is the
        table's position counter, so a deleted message's position is never reused.
    11. the MLS group state in two parts: ``group_ratchets`` (one sealed row per
        group) holds the secret trees, the only part an application message changes,
        and the group's ``group_states`` row then holds the rest (the epoch part,
        rewritten only when it changed; see :mod:`crypto.group.parts`). A table of its
        own, not a column: SQLite rewrites a whole row, overflow pages and all, when
        one of its columns changes. A group without a ``group_ratchets`` row (every
        group before this version) has its whole state in ``group_states``. The row's
        ``binding`` (the epoch part's digest, in the clear: it reveals nothing of the
        part) lets a write of the ratchet part alone be refused over an epoch part it
        was not made for (a rolled-back write the engine had counted as saved).
    12. rows indexed after they are stored: a catch-up stores its rows with
        ``terms_check`` a five-byte marker (:data:`client.store.base.PENDING_TERMS`) and
        indexes them afterwards (:meth:`client.store.sqlite_rows.SqliteSearchTerms.index_pending`);
        ``messages_unindexed``, a partial index on those rows alone, finds them
        without reading the table (and is empty once they are indexed).
"""

from __future__ import annotations

import base64
import hashlib
import sqlite3
from collections.abc import Callable, Mapping, Sequence
from typing import Final

from client.errors import SchemaVersionError

__all__ = ["LATEST", "MIGRATIONS", "PENDING_SQL", "SEARCH_FTS", "current_version", "migrate",
           "terms_check"]


def _v1(conn: sqlite3.Connection) -> None:
    conn.execute("CREATE TABLE meta (name TEXT PRIMARY KEY, value BLOB NOT NULL)")
    conn.execute(
        """CREATE TABLE channels (
            channel_id BLOB PRIMARY KEY,
            group_id   BLOB NOT NULL UNIQUE,
            cursor     INTEGER NOT NULL DEFAULT 0,
            created_at INTEGER NOT NULL,
            sealed     BLOB NOT NULL
        )"""
    )
    conn.execute(
        """CREATE TABLE messages (
            position    INTEGER PRIMARY KEY AUTOINCREMENT,
            channel_id  BLOB NOT NULL REFERENCES channels(channel_id) ON DELETE CASCADE,
            message_id  BLOB NOT NULL,
            seq         INTEGER,
            sent_at     INTEGER NOT NULL,
            received_at INTEGER NOT NULL,
            sealed      BLOB NOT NULL,
            UNIQUE (channel_id, message_id)
        )"""
    )
    conn.execute("CREATE INDEX messages_by_channel ON messages (channel_id, position)")
    conn.execute(
        """CREATE TABLE group_states (
            group_id BLOB PRIMARY KEY,
            epoch    INTEGER NOT NULL,
            sealed   BLOB NOT NULL
        )"""
    )
    conn.execute(
        """CREATE TABLE outbox (
            position   INTEGER PRIMARY KEY AUTOINCREMENT,
            item_id    BLOB NOT NULL UNIQUE,
            channel_id BLOB NOT NULL REFERENCES channels(channel_id) ON DELETE CASCADE,
            created_at INTEGER NOT NULL,
            sealed     BLOB NOT NULL
        )"""
    )


def _v2(conn: sqlite3.Connection) -> None:
    conn.execute("ALTER TABLE messages ADD COLUMN expires_at INTEGER")
    conn.execute(
        "CREATE INDEX messages_expiry ON messages (expires_at) WHERE expires_at IS NOT NULL"
    )


def _v3(conn: sqlite3.Connection) -> None:
    conn.execute("CREATE TABLE cursors (name TEXT PRIMARY KEY, value INTEGER NOT NULL)")


#: Own messages not yet sequenced by the relay sort after every sequenced one.
UNSEQUENCED_BASE: Final = 1 << 40


def _v4(conn: sqlite3.Connection) -> None:
    conn.execute(
        "ALTER TABLE messages ADD COLUMN ord INTEGER GENERATED ALWAYS AS "
        f"(COALESCE(seq, {UNSEQUENCED_BASE} + position)) VIRTUAL"
    )
    conn.execute("CREATE INDEX messages_by_ord ON messages (channel_id, ord)")
    conn.execute(
        """CREATE TABLE annotations (
            channel_id BLOB NOT NULL REFERENCES channels(channel_id) ON DELETE CASCADE,
            message_id BLOB NOT NULL,
            sealed     BLOB NOT NULL,
            PRIMARY KEY (channel_id, message_id)
        )"""
    )
    conn.execute("CREATE VIRTUAL TABLE search_fts USING fts5(terms, detail=none)")


def _v5(conn: sqlite3.Connection) -> None:
    conn.execute(
        """CREATE TABLE engine_state (
            kind   TEXT NOT NULL,
            key    BLOB NOT NULL,
            sealed BLOB NOT NULL,
            PRIMARY KEY (kind, key)
        ) WITHOUT ROWID"""
    )


def _v6(conn: sqlite3.Connection) -> None:
    """No table changes: the step's data move (keyed, like version 5's) takes the
    directory's CRLs and log view out of ``group_states`` into ``engine_state``."""
    del conn


#: The search index from schema 7: FTS5 without a content table or per-row sizes.
SEARCH_FTS: Final = ("CREATE VIRTUAL TABLE search_fts USING fts5("
                     "terms, content='', columnsize=0, detail=none)")


def terms_check(terms: str) -> bytes:
    """What ``messages.terms_check`` holds for a message indexed with ``terms``: enough
    to tell whether terms recomputed from its body are the ones in the index (in any
    order, as the index keeps no order)."""
    canonical = " ".join(sorted(set(terms.split())))
    return hashlib.blake2b(canonical.encode(), digest_size=4,
                           person=b"corridor-terms").digest()


def _short_term(hex_term: str) -> str:
    """A term as schema 6 wrote it (96 bits, hex) as schema 7 writes it (the first 64
    bits of the same MAC in base32: :func:`client.search.term_text`)."""
    return base64.b32encode(bytes.fromhex(hex_term)[:8]).decode().rstrip("=").lower()


def _v7(conn: sqlite3.Connection) -> None:
    """Move the terms, shortened, into a contentless index; the old table's copy of
    them goes with it."""
    conn.execute("ALTER TABLE messages ADD COLUMN terms_check BLOB")
    conn.execute("ALTER TABLE search_fts RENAME TO search_fts_v6")
    conn.execute(SEARCH_FTS)
    last = 0
    while True:
        rows = conn.execute(
            "SELECT f.rowid, f.terms FROM search_fts_v6 f "
            "JOIN messages m ON m.position = f.rowid "
            "WHERE f.rowid > ? ORDER BY f.rowid LIMIT 1000", (last,)
        ).fetchall()
        for position, old in rows:
            terms = " ".join(_short_term(t) for t in str(old or "").split())
            if terms:
                conn.execute("INSERT INTO search_fts (rowid, terms) VALUES (?, ?)",
                             (position, terms))
                conn.execute("UPDATE messages SET terms_check = ? WHERE position = ?",
                             (terms_check(terms), position))
        if len(rows) < 1000:
            break
        last = rows[-1][0]
    conn.execute("DROP TABLE search_fts_v6")
    conn.execute("INSERT INTO search_fts (search_fts) VALUES ('optimize')")


def _v8(conn: sqlite3.Connection) -> None:
    """A store that took schema 7's first form (hex terms) empties its index and
    rebuilds it from the bodies once the term source is registered (``search_stale``,
    :meth:`client.store.sqlite_rows.SqliteSearchTerms.set_term_source`); ``terms_check``
    still marks which messages were indexed."""
    conn.execute("CREATE VIRTUAL TABLE temp.search_v7_vocab "
                 "USING fts5vocab(main, search_fts, row)")
    hex_terms = conn.execute(
        "SELECT 1 FROM temp.search_v7_vocab WHERE length(term) = 24 LIMIT 1").fetchone()
    conn.execute("DROP TABLE temp.search_v7_vocab")
    if hex_terms:
        conn.execute("INSERT INTO search_fts (search_fts) VALUES ('delete-all')")
        conn.execute("INSERT INTO meta (name, value) VALUES ('search_stale', x'01') "
                     "ON CONFLICT (name) DO NOTHING")


def _v9(conn: sqlite3.Connection) -> None:
    """No table changes: the step's data move (keyed, like 5's and 6's) takes the last
    two records with magic keys, the channels' mute list and the health warnings, out
    of ``group_states`` into ``engine_state``; ``group_states`` then holds MLS group
    state only."""
    del conn


def _v10(conn: sqlite3.Connection) -> None:
    """Number the channels and rebuild ``messages`` on the numbers (see History).

    Numbers follow the channels' rowids, so they keep their creation order. Only
    ``messages`` is rebuilt: it is the one table that grows with the history
    (``annotations`` holds a row only for a message with reactions, receipts or
    acknowledgements, ``outbox`` only unsent ones). Nothing refers to ``messages``, so
    dropping the old table deletes nothing else, foreign keys on or off. A row whose
    channel is gone (possible only if written with foreign keys off, which the store
    never does) is not carried over: no channel number could be given to it."""
    conn.execute("ALTER TABLE channels ADD COLUMN number INTEGER")
    conn.execute("UPDATE channels SET number = rowid")
    conn.execute("CREATE UNIQUE INDEX channels_by_number ON channels (number)")
    counter = conn.execute(
        "SELECT seq FROM sqlite_sequence WHERE name = 'messages'").fetchone()
    # schema 9's columns in its order, ``chan`` for ``channel_id``; ``chan`` refers to
    # ``channels.number``, not to the channel's rowid, which VACUUM may renumber
    conn.execute(
        f"""CREATE TABLE messages_v10 (
            position    INTEGER PRIMARY KEY AUTOINCREMENT,
            chan        INTEGER NOT NULL REFERENCES channels(number) ON DELETE CASCADE,
            message_id  BLOB NOT NULL,
            seq         INTEGER,
            sent_at     INTEGER NOT NULL,
            received_at INTEGER NOT NULL,
            sealed      BLOB NOT NULL,
            expires_at  INTEGER,
            ord         INTEGER GENERATED ALWAYS AS
                            (COALESCE(seq, {UNSEQUENCED_BASE} + position)) VIRTUAL,
            terms_check BLOB,
            UNIQUE (chan, message_id)
        )"""
    )
    conn.execute(
        "INSERT INTO messages_v10 (position, chan, message_id, seq, sent_at, received_at, "
        "sealed, expires_at, terms_check) "
        "SELECT m.position, c.number, m.message_id, m.seq, m.sent_at, m.received_at, "
        "m.sealed, m.expires_at, m.terms_check "
        "FROM messages m JOIN channels c ON c.channel_id = m.channel_id ORDER BY m.position")
    conn.execute("DROP TABLE messages")
    conn.execute("ALTER TABLE messages_v10 RENAME TO messages")
    if counter is not None:  # the position counter survives deleted newest messages
        conn.execute("UPDATE sqlite_sequence SET seq = max(seq, ?) WHERE name = 'messages'",
                     (counter[0],))
        conn.execute("INSERT INTO sqlite_sequence (name, seq) SELECT 'messages', ? "
                     "WHERE NOT EXISTS (SELECT 1 FROM sqlite_sequence WHERE name = 'messages')",
                     (counter[0],))
    conn.execute("CREATE INDEX messages_by_channel ON messages (chan)")
    conn.execute("CREATE INDEX messages_by_ord ON messages (chan, ord)")
    conn.execute(
        "CREATE INDEX messages_expiry ON messages (expires_at) WHERE expires_at IS NOT NULL"
    )


def _v11(conn: sqlite3.Connection) -> None:
    """The ratchet parts of the groups' states (see History)."""
    conn.execute(
        """CREATE TABLE group_ratchets (
            group_id BLOB PRIMARY KEY,
            epoch    INTEGER NOT NULL,
            sealed   BLOB NOT NULL,
            binding  BLOB NOT NULL
        )"""
    )


def _v12(conn: sqlite3.Connection) -> None:
    """The rows waiting for their search terms (see History)."""
    conn.execute(UNINDEXED_INDEX)


#: the rows stored pending (``PENDING_TERMS``, ``b"index"``); a query must say
#: :data:`PENDING_SQL` in these words for SQLite to use it
PENDING_SQL: Final = "terms_check = x'696e646578'"
UNINDEXED_INDEX: Final = ("CREATE INDEX messages_unindexed ON messages (position) "
                          "WHERE " + PENDING_SQL)

Step = Callable[[sqlite3.Connection], None]

MIGRATIONS: Final[Sequence[Step]] = (_v1, _v2, _v3, _v4, _v5, _v6, _v7, _v8, _v9, _v10,
                                     _v11, _v12)
LATEST: Final = len(MIGRATIONS)


def current_version(conn: sqlite3.Connection) -> int:
    """The schema version of ``conn``'s database (0 for an empty database).

    Raises:
        SchemaVersionError: tables exist but no version is recorded (not our database).
    """
    has_version = conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_version'"
    ).fetchone()
    if not has_version:
        others = conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
        if others:
            raise SchemaVersionError("this database is not a Corridor store")
        return 0
    rows = conn.execute("SELECT version FROM schema_version").fetchall()
    if len(rows) != 1 or not isinstance(rows[0][0], int):
        raise SchemaVersionError("the store's schema version record is damaged")
    return int(rows[0][0])


def migrate(conn: sqlite3.Connection, target: int = LATEST,
            data_steps: Mapping[int, Step] | None = None) -> int:
    """Bring the database up to ``target``; returns the version it started from.

    ``conn`` must be in autocommit mode (``isolation_level=None``). ``data_steps[v]``
    runs right after the step to version ``v``, in its transaction: a data move that
    needs what only the caller has (the store key).

    Raises:
        SchemaVersionError: the database is newer than ``target`` or not ours.
    """
    if not 0 <= target <= LATEST:
        raise ValueError(f"no schema version {target}")
    conn.execute("BEGIN IMMEDIATE")
    try:
        start = current_version(conn)
        if start == 0 and target > 0:
            # Version 0 is an empty file, or a new store killed after this transaction
            # committed and before its first step did: the table may be there already.
            conn.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)")
            conn.execute("INSERT INTO schema_version SELECT 0 "
                         "WHERE NOT EXISTS (SELECT 1 FROM schema_version)")
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    if start > target:
        raise SchemaVersionError(
            f"the store has schema version {start}; this Corridor knows up to {target}"
        )
    for version in range(start, target):
        conn.execute("BEGIN IMMEDIATE")
        try:
            if current_version(conn) != version:  # another process migrated meanwhile
                conn.execute("ROLLBACK")
                continue
            MIGRATIONS[version](conn)
            if data_steps and version + 1 in data_steps:
                data_steps[version + 1](conn)
            conn.execute("UPDATE schema_version SET version = ?", (version + 1,))
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
    return start
