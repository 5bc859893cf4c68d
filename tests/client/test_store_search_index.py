# SPDX-License-Identifier: Apache-2.0
"""The contentless search index (schema 7) with short terms (schema 8): a store of
schema 6 migrates with every message and the same search results; deleting, editing
and redacting take a message's terms out of the index (which keeps no other copy of
them), and terms that can no longer be recomputed exactly make the store rebuild the
index rather than leave them."""

from __future__ import annotations

import hashlib
import hmac
import random
import secrets
import sqlite3
from pathlib import Path

import msgspec
import pytest

from client import payloads
from client.errors import NotFoundError, UsageError
from client.features import Features
from client.policy import Ident
from client.search import SearchIndex, payload_text
from client.store import SqliteStore, schema
from client.store.base import ChannelKind
from client.store.schema import terms_check
from client.store.sealing import RowCipher
from crypto.secret_bytes import Secret

KEY = Secret(bytes(range(32)))
SEARCH_KEY = bytes(range(32, 64))
CHANNELS = [bytes([i]) * 16 for i in (1, 2)]
WORDS = ["plenary", "agenda", "amendment", "paragraph", "coffee", "delegation", "draft",
         "Straße", "café", "recess", "vote", "quorum", "annex", "ministerial", "text"]


class _V6Index(SearchIndex):
    """Terms as schema 6 and 7 wrote them: 96 bits of the MAC in 24 hex characters."""

    def _h(self, domain: bytes, token: str) -> str:
        return hmac.new(self._key, domain + b"\x00" + token.encode(),
                        hashlib.sha256).digest()[:12].hex()

    def terms(self, text: str, *, legacy: bool = True) -> str:
        return super().terms(text, legacy=True)


def _bodies(n: int) -> list[payloads.Text]:
    rng = random.Random(25)
    return [payloads.Text(message_id=payloads.new_message_id(), sent_at=1000 + i,
                          body=" ".join(rng.choices(WORDS, k=rng.randint(2, 8))))
            for i in range(n)]


def _v6_store(db: Path, texts: list[payloads.Text], index: SearchIndex) -> None:
    """A store as schema 6 left it: sealed channels and messages, and the FTS5 table
    with its stored copy of each message's hashed terms (as that release wrote them)."""
    conn = sqlite3.connect(db, isolation_level=None)
    schema.migrate(conn, target=6)
    cipher = RowCipher(KEY)
    conn.execute("INSERT INTO meta VALUES ('key_check', ?)",
                 (cipher.seal(b"corridor store key check v1", "meta", b"key_check"),))
    for i, cid in enumerate(CHANNELS):
        plain = msgspec.msgpack.encode([f"c{i}", "multilateral", b""])
        conn.execute("INSERT INTO channels VALUES (?, ?, 0, ?, ?)",
                     (cid, cid, i, cipher.seal(plain, "channels", cid, cid)))
    for i, p in enumerate(texts):
        cid = CHANNELS[i % 2]
        plain = msgspec.msgpack.encode([b"alderia/ana", payloads.encode(p)])
        cur = conn.execute(
            "INSERT INTO messages (channel_id, message_id, seq, sent_at, received_at, sealed) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            (cid, p.message_id, i + 1, p.sent_at, p.sent_at,
             cipher.seal(plain, "messages", cid, p.message_id)))
        conn.execute("INSERT INTO search_fts (rowid, terms) VALUES (?, ?)",
                     (cur.lastrowid, index.terms(payload_text(p))))
    conn.close()


def _queries(index: SearchIndex) -> list[list[str]]:
    singles = [index.query(w)[0] for w in [*WORDS, "absent", "strasse", "amend*", "para*"]]
    pairs = [index.query(f"{a} {b}")[0] for a, b in zip(WORDS, WORDS[3:], strict=False)]
    return singles + pairs


def _old_search(db: Path, terms: list[str], channel_id: bytes | None) -> list[bytes]:
    """Schema 6's query, run on the file before it is migrated."""
    conn = sqlite3.connect(db)
    sql = ("SELECT m.message_id FROM search_fts f JOIN messages m ON m.position = f.rowid "
           "WHERE search_fts MATCH ?")
    args: tuple[object, ...] = (" AND ".join(
        "(" + " OR ".join(f'"{x}"' for x in t.split("|")) + ")" for t in terms),)
    if channel_id is not None:
        sql += " AND m.channel_id = ?"
        args += (channel_id,)
    rows = conn.execute(sql + " ORDER BY f.rowid DESC LIMIT 500", args).fetchall()
    conn.close()
    return [bytes(r[0]) for r in rows]


def _integrity(store: SqliteStore) -> None:
    store._conn.execute("INSERT INTO search_fts (search_fts) VALUES ('integrity-check')")


def test_a_schema_6_store_migrates_with_identical_search_results(tmp_path: Path) -> None:
    db = tmp_path / "store.sqlite3"
    old_index, index = _V6Index(SEARCH_KEY), SearchIndex(SEARCH_KEY)
    texts = _bodies(400)
    _v6_store(db, texts, old_index)
    old_queries, queries = _queries(old_index), _queries(index)
    assert len(old_queries[0][0]) == 24 and len(queries[0][0]) == 13
    before = {(i, c): _old_search(db, q, c) for i, q in enumerate(old_queries)
              for c in (None, CHANNELS[1])}
    assert sum(map(len, before.values())) > 400  # the queries do find things
    size_before = db.stat().st_size

    store = SqliteStore.open(db, KEY)
    assert schema.current_version(store._conn) == schema.LATEST == 12
    sql = store._conn.execute(
        "SELECT sql FROM sqlite_master WHERE name = 'search_fts'").fetchone()[0]
    assert "content=''" in sql
    names = {r[0] for r in store._conn.execute("SELECT name FROM sqlite_master")}
    assert "search_fts_content" not in names and "search_fts_v6" not in names
    # every term is the new, shorter one, and each message's check matches its terms
    assert {len(t) for t in _vocab(store)} == {13}
    checks = dict(store._conn.execute(
        "SELECT message_id, terms_check FROM messages WHERE terms_check IS NOT NULL"))
    assert len(checks) == len(texts)
    assert all(checks[p.message_id]
               == schema.terms_check(index.terms(payload_text(p), legacy=True)) for p in texts)
    _integrity(store)
    for (i, c), ids in before.items():
        got = [m.message_id for m in store.search_index(queries[i], channel_id=c, limit=500)]
        assert got == ids, (i, c)
    # no message lost, bodies intact
    kept = [m for cid in CHANNELS for m in store.iter_messages(cid)]
    assert sorted(m.message_id for m in kept) == sorted(p.message_id for p in texts)
    by_id = {p.message_id: p for p in texts}
    assert all(payloads.decode(m.body) == by_id[m.message_id] for m in kept)
    store.close()
    assert db.stat().st_size < size_before  # the old copy of the terms is gone (VACUUM)

    # and the migrated index deletes exactly, with the feature layer's term source
    store = SqliteStore.open(db, KEY)
    feats = Features(store, index)
    victim = texts[0]
    assert feats.purge(CHANNELS[0], victim.message_id)
    _integrity(store)
    # deleted by its (older) terms, not by a rebuild, which would have re-indexed the
    # others with today's terms
    assert checks.pop(victim.message_id) and checks == dict(store._conn.execute(
        "SELECT message_id, terms_check FROM messages WHERE terms_check IS NOT NULL"))
    assert store._conn.execute(
        "SELECT 1 FROM meta WHERE name = 'search_stale'").fetchone() is None
    word = payload_text(victim).split()[0]
    hits = {m.message_id for m in store.search_index(index.query(word)[0], limit=500)}
    assert victim.message_id not in hits and hits
    store.close()


def _fresh(tmp_path: Path) -> tuple[SqliteStore, Features, SearchIndex]:
    store = SqliteStore.open(tmp_path / "s.sqlite3", Secret(secrets.token_bytes(32)))
    index = SearchIndex(secrets.token_bytes(32))
    for cid in CHANNELS:
        store.create_channel(channel_id=cid, group_id=cid, kind=ChannelKind.MULTILATERAL,
                             name="c", created_at=1)
    return store, Features(store, index), index


def _put(store: SqliteStore, feats: Features, cid: bytes, body: str) -> payloads.Text:
    p = payloads.Text(message_id=payloads.new_message_id(), sent_at=5, body=body)
    store.insert_message(cid, p.message_id, sender=b"alderia/ana", body=payloads.encode(p),
                         sent_at=5, received_at=5, terms=feats.terms(p))
    feats.stored(cid, Ident("alderia", "ana"), p)
    return p


def _find(store: SqliteStore, index: SearchIndex, q: str) -> set[bytes]:
    return {m.message_id for m in store.search_index(index.query(q)[0], limit=500)}


def _vocab(store: SqliteStore) -> set[str]:
    """Every term the index's b-trees hold (the leaves compress shared prefixes, so
    scanning the raw blocks would not find a whole term)."""
    store._conn.execute("CREATE VIRTUAL TABLE IF NOT EXISTS temp.vocab "
                        "USING fts5vocab(main, search_fts, row)")
    return {r[0] for r in store._conn.execute("SELECT term FROM temp.vocab")}


def test_deletes_and_edits_take_terms_out_of_the_index(tmp_path: Path) -> None:
    store, feats, index = _fresh(tmp_path)
    keep = _put(store, feats, CHANNELS[0], "plenary agenda")
    gone = _put(store, feats, CHANNELS[0], "zanzibar plenary")
    edited = _put(store, feats, CHANNELS[1], "ordinary wording")
    other = _put(store, feats, CHANNELS[1], "quorum")
    assert _find(store, index, "plenary") == {keep.message_id, gone.message_id}

    assert store.delete_message(CHANNELS[0], gone.message_id)
    feats.apply(CHANNELS[1], Ident("alderia", "ana"),
                payloads.Edit(message_id=payloads.new_message_id(), sent_at=6,
                              target=edited.message_id, body="replaced text"), ["alderia"])
    assert _find(store, index, "plenary") == {keep.message_id}
    assert _find(store, index, "ordinary") == set()
    assert _find(store, index, "replaced") == {edited.message_id}
    store.compact()
    _integrity(store)
    vocab = _vocab(store)
    for word in ("zanzibar", "ordinary"):
        assert not set(index.terms(word).split()) & vocab, word
    assert set(index.terms("plenary agenda replaced text").split()) <= vocab  # the check can fail

    store.delete_channel(CHANNELS[1])
    store.compact()
    _integrity(store)
    assert _find(store, index, "quorum") == set() and other.message_id
    assert not set(index.terms("quorum").split()) & _vocab(store)
    assert store._conn.execute(
        "SELECT count(*) FROM messages WHERE terms_check IS NOT NULL").fetchone()[0] == 1
    store.close()


def test_terms_that_no_longer_recompute_make_the_store_rebuild(tmp_path: Path) -> None:
    """A message indexed with terms its body does not give (a tokeniser that changed
    since, or no term source at hand) is not deleted by guesswork: the index is rebuilt
    from the bodies, at once or when a term source is registered."""
    store, feats, index = _fresh(tmp_path)
    keep = _put(store, feats, CHANNELS[0], "plenary agenda")
    odd = _put(store, feats, CHANNELS[0], "recess")
    # index ``odd`` with terms its body would not give today
    store.index_message(CHANNELS[0], odd.message_id, index.terms("recess vanished"))
    assert _find(store, index, "vanished") == {odd.message_id}

    store.set_term_source(None)  # a tool without the search key deletes a message
    assert store.delete_message(CHANNELS[0], odd.message_id)
    assert store._conn.execute(
        "SELECT 1 FROM meta WHERE name = 'search_stale'").fetchone() is not None
    feats.index = index  # registering the source rebuilds
    assert store._conn.execute(
        "SELECT 1 FROM meta WHERE name = 'search_stale'").fetchone() is None
    store.compact()
    _integrity(store)
    assert not set(index.terms("vanished").split()) & _vocab(store)
    assert _find(store, index, "plenary") == {keep.message_id}

    # the same with the source registered: the mismatch is found and rebuilt at once
    odd2 = _put(store, feats, CHANNELS[1], "quorum")
    store.index_message(CHANNELS[1], odd2.message_id, index.terms("quorum stray"))
    assert store.delete_message(CHANNELS[1], odd2.message_id)
    store.compact()
    _integrity(store)
    assert not set(index.terms("stray").split()) & _vocab(store)
    assert _find(store, index, "agenda") == {keep.message_id}
    store.close()


def test_terms_check_is_a_digest_of_the_terms() -> None:
    a, b = schema.terms_check("aa bb"), schema.terms_check("aa bc")
    assert len(a) == 4 and a != b and schema.terms_check("aa bb") == a


def test_a_store_of_the_first_schema_7_rebuilds_its_hex_index(tmp_path: Path) -> None:
    """Schema 7 first kept the hex terms; such a store empties its index on open and
    rebuilds it from the bodies when the feature layer registers its term source."""
    db = tmp_path / "store.sqlite3"
    old_index, index = _V6Index(SEARCH_KEY), SearchIndex(SEARCH_KEY)
    texts = _bodies(60)
    _v6_store(db, texts, old_index)
    conn = sqlite3.connect(db, isolation_level=None)
    conn.execute("BEGIN")  # schema 7 as it first was: the hex terms, contentless
    conn.execute("ALTER TABLE messages ADD COLUMN terms_check BLOB")
    rows = conn.execute("SELECT rowid, terms FROM search_fts").fetchall()
    conn.execute("DROP TABLE search_fts")
    conn.execute(schema.SEARCH_FTS)
    for position, terms in rows:
        conn.execute("INSERT INTO search_fts (rowid, terms) VALUES (?, ?)", (position, terms))
        conn.execute("UPDATE messages SET terms_check = ? WHERE position = ?",
                     (schema.terms_check(terms), position))
    conn.execute("UPDATE schema_version SET version = 7")
    conn.execute("COMMIT")
    conn.close()

    store = SqliteStore.open(db, KEY)
    assert schema.current_version(store._conn) == schema.LATEST
    assert _vocab(store) == set()  # emptied, to be rebuilt
    assert store._conn.execute(
        "SELECT 1 FROM meta WHERE name = 'search_stale'").fetchone() is not None
    Features(store, index)
    assert store._conn.execute(
        "SELECT 1 FROM meta WHERE name = 'search_stale'").fetchone() is None
    assert {len(t) for t in _vocab(store)} == {13}
    for word in WORDS[:6]:
        want = {p.message_id for p in texts if word in payload_text(p).split()}
        assert _find(store, index, word) == want and want, word
    _integrity(store)
    store.close()


def test_terms_given_at_insert_equal_indexing_after_and_a_duplicate_keeps_its_own(
        tmp_path: Path) -> None:
    """Storing with terms is what storing, then indexing gave; a second insert of the
    same id changes neither row nor terms; an unknown channel is still refused."""
    store, feats, index = _fresh(tmp_path)
    cid = CHANNELS[0]
    p = _put(store, feats, cid, "silence procedure ends friday")
    q = payloads.Text(message_id=payloads.new_message_id(), sent_at=5, body="agenda friday")
    store.insert_message(cid, q.message_id, sender=b"alderia/ana", body=payloads.encode(q),
                         sent_at=5, received_at=5)
    store.index_message(cid, q.message_id, feats.terms(q))
    checks = dict(store._conn.execute(
        "SELECT message_id, terms_check FROM messages").fetchall())
    assert checks[p.message_id] == terms_check(feats.terms(p))
    assert checks[q.message_id] == terms_check(feats.terms(q))
    assert _find(store, index, "friday") == {p.message_id, q.message_id}
    # a duplicate with other terms: refused, the index unchanged
    assert not store.insert_message(cid, p.message_id, sender=b"alderia/ana",
                                    body=b"other", sent_at=6, received_at=6,
                                    terms=feats.terms(q))
    assert _find(store, index, "agenda") == {q.message_id}
    assert store.get_message(cid, p.message_id).body == payloads.encode(p)
    with pytest.raises(NotFoundError):
        store.insert_message(b"z" * 16, payloads.new_message_id(), sender=b"alderia/ana",
                             body=b"x", sent_at=5, received_at=5, terms=feats.terms(q))
    assert _find(store, index, "agenda") == {q.message_id}
    store.close()


def _new(store: SqliteStore, feats: Features, cid: bytes, body: str) -> payloads.Text:
    p = payloads.Text(message_id=payloads.new_message_id(), sent_at=5, body=body)
    assert store.insert_message(cid, p.message_id, sender=b"alderia/ana",
                                body=payloads.encode(p), sent_at=5, received_at=5,
                                terms=feats.terms(p))
    return p


def _index_holds(store: SqliteStore) -> None:
    """FTS5's own check of the index against itself, and every term of it found."""
    store._conn.execute("INSERT INTO search_fts (search_fts, rank) VALUES "
                        "('integrity-check', 0)")


def test_terms_written_at_commit_stay_in_step_with_their_rows(tmp_path: Path) -> None:
    """Terms of a catch-up's rows go to the index together before the commit: a row
    stored and deleted in one transaction, a savepoint rolled back after a search
    inside it, a failed transaction and a search inside the transaction all leave the
    index holding exactly the rows there are."""
    store, feats, index = _fresh(tmp_path)
    cid = CHANNELS[0]

    def hashed(word: str) -> str:
        return index.query(word)[0][0]

    with store.transaction():
        kept = _new(store, feats, cid, "alpha kept")
        gone = _new(store, feats, cid, "alpha redacted")
        feats.purge(cid, gone.message_id)  # stored and redacted in one batch
        late = _new(store, feats, cid, "alpha late")
    assert _find(store, index, "alpha") == {kept.message_id, late.message_id}
    assert hashed("redacted") not in _vocab(store)

    with store.transaction():
        outer = _new(store, feats, cid, "gamma outer")
        with pytest.raises(RuntimeError), store.transaction():
            _new(store, feats, cid, "gamma inner")
            assert len(_find(store, index, "gamma")) == 2  # a search inside sees both
            raise RuntimeError
    assert _find(store, index, "gamma") == {outer.message_id}
    assert hashed("inner") not in _vocab(store)

    with pytest.raises(RuntimeError), store.transaction():
        _new(store, feats, cid, "beta never")
        raise RuntimeError
    assert _find(store, index, "beta") == set() and hashed("never") not in _vocab(store)
    assert store._terms_pending == []
    after = _new(store, feats, cid, "beta after")  # a transaction of its own
    assert _find(store, index, "beta") == {after.message_id}
    _index_holds(store)
    before = _vocab(store)  # what a rebuild from the bodies gives
    with store.transaction():
        store._rebuild_search()
    assert _vocab(store) == before
    store.close()


def _put_pending(store: SqliteStore, cid: bytes, body: str) -> payloads.Text:
    """A row as a catch-up stores it: sealed elsewhere, its terms left pending."""
    from client.rowjobs import Preparer, RowJob
    from client.store.base import NewRow

    p = payloads.Text(message_id=payloads.new_message_id(), sent_at=5, body=body)
    key = store.row_key()
    assert key is not None
    (sealed,) = Preparer(key).prepare(
        [RowJob(cid, p.message_id, b"alderia/ana", payloads.encode(p))])
    with store.transaction():
        assert store.insert_prepared_messages(
            cid, [NewRow(p.message_id, sealed, 5, 5, searchable=True)])
    return p


def _pending(store: SqliteStore) -> int:
    return int(store._conn.execute(
        "SELECT count(*) FROM messages WHERE terms_check = x'696e646578'").fetchone()[0])


def test_rows_stored_pending_are_found_edited_and_deleted_like_the_rest(
        tmp_path: Path) -> None:
    """A catch-up's rows are indexed after it (client.rowjobs): until then a search
    indexes them first, so it never misses one; an edit, a delete or an expiry of a
    row still pending takes nothing wrong out of the index and rebuilds nothing."""
    store, feats, index = _fresh(tmp_path)
    indexed = _put(store, feats, CHANNELS[0], "plenary agenda")
    waiting = [_put_pending(store, CHANNELS[0], f"plenary item {i}") for i in range(5)]
    edited = _put_pending(store, CHANNELS[1], "ordinary wording")
    gone = _put_pending(store, CHANNELS[1], "zanzibar recess")
    assert _pending(store) == 7
    assert not set(index.terms("item wording recess").split()) & _vocab(store)
    feats.apply(CHANNELS[1], Ident("alderia", "ana"),
                payloads.Edit(message_id=payloads.new_message_id(), sent_at=6,
                              target=edited.message_id, body="replaced text"), ["alderia"])
    assert store.delete_message(CHANNELS[1], gone.message_id)
    assert store._conn.execute(
        "SELECT 1 FROM meta WHERE name = 'search_stale'").fetchone() is None  # no rebuild
    assert _pending(store) == 5
    # the search indexes what is pending first
    assert _find(store, index, "plenary") == {indexed.message_id} | {
        p.message_id for p in waiting}
    assert _pending(store) == 0
    assert _find(store, index, "replaced") == {edited.message_id}
    assert _find(store, index, "ordinary") == set() and _find(store, index, "zanzibar") == set()
    store.compact()
    _integrity(store)
    vocab = _vocab(store)
    assert not set(index.terms("zanzibar recess ordinary wording").split()) & vocab
    # each row's check is its terms', as if it had been indexed at insert
    for p in [indexed, *waiting]:
        (check,) = store._conn.execute(
            "SELECT terms_check FROM messages WHERE message_id = ?", (p.message_id,)).fetchone()
        assert check == terms_check(feats.terms(p))
    store.close()


def test_pending_rows_survive_a_restart_and_wait_for_a_term_source(tmp_path: Path) -> None:
    key = Secret(secrets.token_bytes(32))
    index = SearchIndex(secrets.token_bytes(32))
    store = SqliteStore.open(tmp_path / "s.sqlite3", key)
    store.create_channel(channel_id=CHANNELS[0], group_id=CHANNELS[0],
                         kind=ChannelKind.MULTILATERAL, name="c", created_at=1)
    rows = [_put_pending(store, CHANNELS[0], f"communique draft {i}") for i in range(3)]
    broken = _put_pending(store, CHANNELS[0], "damaged later")
    store._conn.execute("UPDATE messages SET sealed = zeroblob(80) WHERE message_id = ?",
                        (broken.message_id,))
    store.close()  # a crash or a quit before the background indexing: rows stay pending

    store = SqliteStore.open(tmp_path / "s.sqlite3", key)
    assert _pending(store) == 4
    assert store.index_pending() == 0  # no term source yet (no search key): they wait
    assert _pending(store) == 4
    Features(store, index)  # the feature layer registers its term source
    assert store.index_pending(2) == 2 and _pending(store) == 2
    assert store.index_pending() == 2 and _pending(store) == 0
    # the damaged row is left unindexed (it reads as damaged, as before)
    (check,) = store._conn.execute(
        "SELECT terms_check FROM messages WHERE message_id = ?", (broken.message_id,)
    ).fetchone()
    assert check is None
    assert _find(store, index, "communique") == {p.message_id for p in rows}
    with pytest.raises(UsageError):
        store.index_pending(0)
    store.close()


def test_pending_rows_are_found_by_their_own_index(tmp_path: Path) -> None:
    """Every search asks whether anything is pending: the partial index answers it
    without reading the table, and the store holds nothing else in it."""
    store, _feats, _index = _fresh(tmp_path)
    _put_pending(store, CHANNELS[0], "one")
    plan = " ".join(str(r) for r in store._conn.execute(
        "EXPLAIN QUERY PLAN SELECT 1 FROM messages WHERE terms_check = x'696e646578' LIMIT 1"))
    assert "messages_unindexed" in plan
    plan = " ".join(str(r) for r in store._conn.execute(
        "EXPLAIN QUERY PLAN SELECT m.position FROM messages m JOIN channels c "
        "ON c.number = m.chan WHERE m.terms_check = x'696e646578' "
        "ORDER BY m.position DESC LIMIT 5"))
    assert "messages_unindexed" in plan
    store.close()
