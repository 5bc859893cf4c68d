# SPDX-License-Identifier: Apache-2.0
"""Search index terms are keyed hashes: no token of a message reaches the disk in
plain, queries find whole words and prefixes, an edit replaces the terms. Also:
both sides of a conversation show it in the same (relay) order."""

from __future__ import annotations

import secrets
from pathlib import Path

import pytest

from client import payloads
from client.errors import UsageError
from client.features import Features
from client.policy import Ident
from client.search import SearchIndex, tokens
from client.store import SqliteStore
from client.store.base import ChannelKind
from crypto.secret_bytes import Secret
from tests.support.client_venue import Venue


def _text(body: str) -> payloads.Text:
    return payloads.Text(message_id=payloads.new_message_id(), sent_at=payloads.now_ms(),
                         body=body)


def test_hashed_terms_never_put_a_token_on_disk(tmp_path: Path) -> None:
    db = tmp_path / "s.sqlite3"
    store = SqliteStore.open(db, Secret(secrets.token_bytes(32)))
    index = SearchIndex(secrets.token_bytes(32))
    feats = Features(store, index)
    cid = b"c" * 16
    store.create_channel(channel_id=cid, group_id=cid, kind=ChannelKind.CAUCUS, name="x",
                         created_at=1)
    me = Ident("alderia", "ana")
    marker = "Zanzibarmarker" + secrets.token_hex(4)
    msgs = [_text(f"Position on {marker} draft"), _text("Ordinary words here"),
            _text("Ünïcode Straße café")]
    for p in msgs:
        store.insert_message(cid, p.message_id, sender=b"alderia/ana",
                             body=payloads.encode(p), sent_at=p.sent_at, received_at=1,
                             terms=feats.terms(p))
        feats.stored(cid, me, p)

    def find(q: str) -> list[bytes]:
        terms, recheck = index.query(q)
        return [m.message_id for m in store.search_index(terms, channel_id=cid)
                if not recheck or index.recheck(payloads.decode(m.body).body, recheck)]  # type: ignore[union-attr]

    assert find(marker.lower()) == [msgs[0].message_id]
    assert find("DRAFT position") == [msgs[0].message_id]
    assert find("zanzib*") == [msgs[0].message_id]
    assert find("zanzibarmark*") == [msgs[0].message_id]  # long prefix, re-checked
    assert find("strasse") == [msgs[2].message_id]  # NFKC + casefold: ß -> ss
    assert find("words") == [msgs[1].message_id]
    assert find("absent") == []
    with pytest.raises(UsageError):
        index.query("ab*")
    with pytest.raises(UsageError):
        index.query("  ...  ")
    # another key gives other terms: the hashes are keyed
    assert SearchIndex(secrets.token_bytes(32)).terms("draft") != index.terms("draft")

    # an edit (by the author) replaces the terms
    edit = payloads.Edit(message_id=payloads.new_message_id(), sent_at=payloads.now_ms(),
                         target=msgs[1].message_id, body="Replaced wording")
    feats.apply(cid, me, edit, ["alderia"])
    assert find("ordinary") == [] and find("wording") == [msgs[1].message_id]
    store.compact()
    store.close()
    raw = b"".join(p.read_bytes() for p in tmp_path.iterdir() if p.is_file())
    # (common words like "position" are also SQL column names: check distinctive ones)
    for tok in {marker.casefold(), "zanzibarmark", "ordinary", "wording", "straße", "café"}:
        assert tok.encode() not in raw, tok
        assert tok.encode("utf-16-le") not in raw, tok
    assert {marker.casefold(), "ordinary"} <= set(tokens(" ".join(m.body for m in msgs)))
    assert index.terms("ordinary").split()[0].encode()[-9:] not in raw  # old terms gone


async def test_both_sides_show_relay_order(venue: Venue) -> None:
    v = venue
    a, b = v.client("alderia-ana"), v.client("borduria-ana")
    await v.sync_all(1)
    cid = await a.create_channel("bilateral", "order", ["borduria"])
    await v.sync_all(1)
    # B queues while A sends; B's message reaches the relay last
    await a.send_text(cid, "a1")
    b.engine.enqueue_payload(bytes.fromhex(cid), _text("b1"))
    await a.send_text(cid, "a2")
    assert [m.text for m in b.messages(cid)] == ["b1"]
    assert b.messages(cid)[0].sending
    await b.sync()
    await a.sync()
    order_a = [(m.text, m.seq) for m in a.messages(cid)]
    order_b = [(m.text, m.seq) for m in b.messages(cid)]
    assert order_a == order_b
    assert [t for t, _s in order_a] == ["a1", "a2", "b1"]
    seqs = [s for _t, s in order_a]
    assert None not in seqs and seqs == sorted(seqs)
    # paging back by position
    last = a.messages(cid, limit=1)
    assert [m.text for m in a.messages(cid, before=last[0].position)] == ["a1", "a2"]


@pytest.mark.parametrize("word", ["agenda", "buoy", "plenary", "abc"])
def test_prefix_query_finds_the_whole_word(word: str) -> None:
    """Regression: ``agenda*`` must match "agenda" itself, not only longer words."""
    idx = SearchIndex(secrets.token_bytes(32))
    indexed = set(idx.terms(f"the {word} today").split())
    wanted, recheck = idx.query(word + "*")
    assert all(any(x in indexed for x in g.split("|")) for g in wanted)
    assert all(SearchIndex.recheck(f"the {word} today", [p]) for p in recheck)
    # and a prefix that is not there does not match
    other, _ = idx.query("zzz*")
    assert not all(any(x in indexed for x in g.split("|")) for g in other)


def test_a_short_word_is_no_prefix_term_of_itself() -> None:
    """A word of up to six characters is found by ``word*`` through its whole-word
    term, so it carries no prefix term of its full length (one term less per short
    word); longer words and older indexes keep theirs."""
    idx = SearchIndex(secrets.token_bytes(32))
    new, old = set(idx.terms("agenda").split()), set(idx.terms("agenda", legacy=True).split())
    assert len(new) == 4 and len(old) == 5 and new < old  # t + p3..p5 | + p6
    assert len(idx.terms("agendas").split()) == 5  # t + p3..p6
    (group,), _ = idx.query("agenda*")
    assert len(group.split("|")) == 2 and all(x in old for x in group.split("|"))
    assert any(x in new for x in group.split("|"))


def test_term_spelling_and_cache_keep_the_terms_stores_already_hold() -> None:
    """The fast spelling and the word cache must give exactly what HMAC-SHA256 and
    base32 gave, or messages indexed before could no longer be found or deleted."""
    import base64
    import hashlib
    import hmac as hmac_mod

    from client.search import term_text

    for _ in range(2000):
        d = secrets.token_bytes(8)
        assert term_text(d) == base64.b32encode(d).decode().rstrip("=").lower()
    key = secrets.token_bytes(32)
    idx = SearchIndex(key)

    def slow(domain: bytes, tok: str) -> str:
        mac = hmac_mod.new(key, domain + b"\x00" + tok.encode(), hashlib.sha256).digest()
        return base64.b32encode(mac[:8]).decode().rstrip("=").lower()

    text = "Agenda agenda AGENDA Überweisung ﬁnal final 2026"
    want = set()
    for tok in tokens(text):
        want.add(slow(b"t", tok))
        top = min(len(tok), 6) - (1 if len(tok) <= 6 else 0)
        want.update(slow(b"p", tok[:n]) for n in range(3, top + 1))
    for _ in range(2):  # the second time from the cache
        assert set(idx.terms(text).split()) == want
    # another key never shares the cache's answers
    assert set(SearchIndex(secrets.token_bytes(32)).terms(text).split()).isdisjoint(want)
