# SPDX-License-Identifier: Apache-2.0
"""Local full-text search whose index never holds a plaintext word (THREATS 20).

Choice: an FTS5 table *on disk* whose terms are keyed hashes, not an in-memory index
rebuilt at unlock. Why:

* The disk must hold no plaintext. A plain FTS5 table would store every token (and a
  copy of the text) in clear inside the database file; here each normalised token
  becomes ``HMAC-SHA256(search key, "t" 0x00 token)`` truncated to 64 bits, stored as
  13 base32 characters (96 bits in 24 hex characters before store schema 7: the first
  64 bits of the same MAC, so the store converts them without the key; a false match
  needs a 64-bit collision among one device's terms). The search key is a random
  32-byte secret in the keystore (OS keyring or the Argon2id file), next to the store
  key, so whoever can read the index terms can also read the messages, and nobody else
  can test a guessed word.
* An in-memory index would have to decrypt and tokenise every stored message at each
  unlock; the command line opens the store per command, so 100,000 messages would
  cost seconds every time. The hashed index is persistent and a query is one FTS5
  lookup of a few hashed terms.
* Residual leak, accepted: the file shows how many distinct tokens each message has
  and how often each (hashed) term occurs overall. ``detail=none`` keeps no token
  positions, so word order is not recoverable either.
* Since schema 7 the FTS5 table is contentless (``content=''``, ``columnsize=0``): the
  hashed terms sit only in the index's b-trees, not also in a content table (that copy
  was half the file). To delete a message's terms the store recomputes them from its
  sealed body with the term source :class:`client.features.Features` registers,
  checked against a 4-byte digest kept with the row (``messages.terms_check``,
  derivable from the index itself, so it tells nothing new); see
  :mod:`client.store.sqlite_rows`. What the file reveals is unchanged: the same hashed
  terms per message, once instead of twice.

Matching is by whole token (Unicode NFKC, case-folded, ``\\w+`` runs). A query word
ending in ``*`` matches by prefix: each indexed token also contributes hashed prefixes
of 3..:data:`MAX_PREFIX` characters (marked ``"p"`` in the hash input so a prefix
never collides with a whole token); longer prefixes are looked up by their first
:data:`MAX_PREFIX` characters and then checked against the decrypted text.

A redacted, expired or edited message's terms are deleted from the index in the same
transaction as the text (:meth:`client.store.sqlite.SqliteStore.delete_message`,
``update_message``, ``index_message``); FTS5 keeps deleted terms inside older index
segments until a merge, so the client runs
:meth:`~client.store.sqlite.SqliteStore.compact` (FTS5 ``optimize`` and a WAL
checkpoint; ``secure_delete`` is on) after deleting.
"""

from __future__ import annotations

import base64
import re
import unicodedata
from typing import Final

from client import payloads
from client.errors import UsageError
from crypto.suites import HmacSha256

__all__ = ["MAX_PREFIX", "SEARCH_KEY", "SearchIndex", "payload_text", "tokens"]

#: Keystore name of the search key.
SEARCH_KEY: Final = "search-key"
MIN_PREFIX: Final = 3
MAX_PREFIX: Final = 6
MAX_QUERY_WORDS: Final = 16
_TERM_BYTES: Final = 8
_WORD: Final = re.compile(r"\w+")


_B32: Final = "abcdefghijklmnopqrstuvwxyz234567"
#: every pair of base32 letters, indexed by the 10 bits they encode
_B32_PAIRS: Final = tuple(a + b for a in _B32 for b in _B32)
#: distinct (domain, token) terms kept per index: repeated words (most of any text)
#: skip the MAC; bounded so a long catch-up cannot grow it without limit
_CACHE_MAX: Final = 65_536


def term_text(digest: bytes) -> str:
    """How an index term is written: lower-case base32, unpadded (one FTS5 token).

    For the 8-byte terms (the hot path: every word of every message received) it is
    spelt from a table of letter pairs, not by :func:`base64.b32encode`, which is pure
    Python in 3.11 and was a quarter of the term cost; tests hold both equal.
    """
    if len(digest) != _TERM_BYTES:
        return base64.b32encode(digest).decode().rstrip("=").lower()
    n = int.from_bytes(digest, "big") << 6  # 70 bits: 7 pairs, the last letter is padding
    p = _B32_PAIRS
    return (p[n >> 60] + p[(n >> 50) & 1023] + p[(n >> 40) & 1023] + p[(n >> 30) & 1023]
            + p[(n >> 20) & 1023] + p[(n >> 10) & 1023] + p[n & 1023][0])


def tokens(text: str) -> list[str]:
    """Normalised tokens of ``text`` (NFKC, case-folded), in order, duplicates kept."""
    return _WORD.findall(unicodedata.normalize("NFKC", text).casefold())


#: kinds whose text is their body, and those with a title too (tuples, built once:
#: ``A | B`` makes a new union on every call, and this runs for every message stored)
_BODIES: Final = (payloads.Text, payloads.Reply, payloads.Edit)
_TITLED: Final = (payloads.AgendaNotice, payloads.Activity)


def payload_text(p: payloads.Decoded) -> str:
    """The searchable text of a payload (empty for kinds that carry none)."""
    if isinstance(p, _BODIES):
        return p.body
    if isinstance(p, payloads.Attachment):
        return f"{p.file_name} {p.caption}"
    if isinstance(p, _TITLED):
        return f"{p.title} {p.body}"
    if isinstance(p, payloads.EmergencyCall):
        return f"{p.place} {p.link} {p.agenda}"
    return ""


class SearchIndex:
    """Turns text into hashed index terms and queries into hashed lookups."""

    __slots__ = ("_cache", "_key", "_mac", "_token_terms")

    def __init__(self, key: bytes) -> None:
        if len(key) < 32:
            raise UsageError("the search key must be at least 32 bytes")
        self._key = bytes(key)
        self._mac = HmacSha256(self._key)  # the key's MAC states, hashed once
        # Plaintext words in memory only, as the messages they come from already are;
        # never written anywhere.
        self._cache: dict[tuple[bytes, str], str] = {}
        self._token_terms: dict[str, tuple[str, ...]] = {}

    def _h(self, domain: bytes, token: str) -> str:
        hit = self._cache.get((domain, token))
        if hit is not None:
            return hit
        mac = self._mac.digest(domain + b"\x00" + token.encode())
        term = term_text(mac[:_TERM_BYTES])
        if len(self._cache) >= _CACHE_MAX:
            self._cache.clear()
        self._cache[(domain, token)] = term
        return term

    def terms(self, text: str, *, legacy: bool = False) -> str:
        """Space-separated hashed terms (whole tokens and bounded prefixes) for ``text``.

        A token of up to :data:`MAX_PREFIX` characters is no prefix term of itself:
        its whole-token term answers a prefix query for it (:meth:`query` asks for
        either). ``legacy`` gives the terms as messages indexed before 2026-12-05
        hold them, with that prefix term too (the store deletes their terms by them;
        a query finds them either way).
        """
        out: dict[str, None] = {}
        if legacy:
            for tok in tokens(text):
                out[self._h(b"t", tok)] = None
                for n in range(MIN_PREFIX, min(len(tok), MAX_PREFIX) + 1):
                    out[self._h(b"p", tok[:n])] = None
            return " ".join(out)
        cache = self._token_terms
        for tok in tokens(text):
            terms = cache.get(tok)
            if terms is None:
                terms = self._terms_of(tok)
                if len(cache) >= _CACHE_MAX:
                    cache.clear()
                cache[tok] = terms
            for t in terms:
                out[t] = None
        return " ".join(out)

    def _terms_of(self, tok: str) -> tuple[str, ...]:
        """A token's whole-token term, then its prefix terms."""
        top = min(len(tok), MAX_PREFIX) - (1 if len(tok) <= MAX_PREFIX else 0)
        return (self._h(b"t", tok),
                *(self._h(b"p", tok[:n]) for n in range(MIN_PREFIX, top + 1)))

    def query(self, query: str) -> tuple[list[str], list[str]]:
        """Hashed terms for ``query`` (all must match; ``a|b`` matches either) and the
        long prefixes to re-check.

        Raises:
            UsageError: nothing searchable in the query, or a prefix shorter than 3.
        """
        terms: list[str] = []
        recheck: list[str] = []
        words = query.split()
        if len(words) > MAX_QUERY_WORDS:
            raise UsageError(f"at most {MAX_QUERY_WORDS} search words")
        for word in words:
            prefix = word.endswith("*")
            toks = tokens(word)
            if not toks:
                continue
            for i, tok in enumerate(toks):
                if prefix and i == len(toks) - 1:
                    if len(tok) < MIN_PREFIX:
                        raise UsageError(f"a prefix search needs {MIN_PREFIX} characters")
                    if len(tok) > MAX_PREFIX:
                        terms.append(self._h(b"p", tok[:MAX_PREFIX]))
                        recheck.append(tok)
                    else:  # a longer word, or this one ("agenda*" finds "agenda")
                        terms.append(f"{self._h(b'p', tok)}|{self._h(b't', tok)}")
                else:
                    terms.append(self._h(b"t", tok))
        if not terms:
            raise UsageError("nothing to search for")
        return list(dict.fromkeys(terms)), recheck

    @staticmethod
    def recheck(text: str, prefixes: list[str]) -> bool:
        """Whether ``text`` has a token starting with each of ``prefixes``."""
        toks = tokens(text)
        return all(any(t.startswith(p) for t in toks) for p in prefixes)
