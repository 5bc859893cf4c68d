# SPDX-License-Identifier: Apache-2.0
"""Fingerprints people can read aloud: one short English word per byte.

The venue root's fingerprint reaches a mission out of band (the accreditation letter,
a phone call). Hex is exact but hard to compare by voice; words are easy to say and
to hear. The encoding is a fixed table of 256 distinct lower-case words, one per byte
value, so it is deterministic, reversible and the same on every machine. The table is
Corridor's own; changing it would change every printed fingerprint, so it is frozen
(a test pins its digest).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable

from crypto.errors import DecodeError, InternalError

__all__ = ["WORDS", "decode_words", "encode_words", "format_hex", "parse_hex", "words_digest"]

_TABLE = """
    acid acorn actor adobe agent alarm album alley amber angle apple april arch arena arrow
    atlas attic aunt autumn avenue bacon badge bagel baker bamboo banjo barn basil beach
    beard bench berry bison blade blank blimp bloom board boat bonus boot bottle brain brave
    bread brick bridge brook brush bucket bugle cabin cactus camel canal candy canoe carbon
    cargo carpet castle cedar cello chalk cherry chess chief cider circle cliff clock cloud
    clover coast cobalt cocoa comet copper coral cotton crane crater cream crown cube daisy
    dance delta denim desert diary dinner donkey dove dragon dream drum eagle easel echo
    elbow ember engine falcon fabric fern ferry fiddle field fig flame flute forest fossil
    fox frost garden garlic gecko ginger globe goat gold grape gravel guitar hammer harbor
    hazel helmet heron hollow honey hotel igloo indigo island ivory jacket jaguar jelly
    jewel jungle kayak kettle kiwi koala ladder lagoon lantern lemon lily linen lion lizard
    magnet mango maple marble meadow melon meteor mint mirror mitten monkey moose mosaic
    muffin napkin nectar needle nickel noodle oasis ocean olive onion orange orbit orchid
    otter owl oyster paddle palace panda paper parrot peach pebble pepper piano pickle
    pigeon pillow pilot planet plum pocket polar pony poppy prism puzzle quartz quill rabbit
    radio raisin raven ribbon river robin rocket saddle salmon satin scarf shadow shell
    silver sketch sloth spider spoon squash statue stone sugar summit sunset swan tablet
    tango teapot tiger timber toast tomato topaz tulip tunnel turtle valley velvet violin
    walnut walrus whale willow window winter wizard yacht zebra
"""
WORDS: tuple[str, ...] = tuple(_TABLE.split())

_INDEX = {w: i for i, w in enumerate(WORDS)}
if len(WORDS) != 256 or len(_INDEX) != 256:  # a broken table must never load
    raise InternalError("fingerprint word table is not 256 distinct words")


def encode_words(data: bytes) -> list[str]:
    """One word per byte, in order."""
    return [WORDS[b] for b in data]


def decode_words(words: Iterable[str]) -> bytes:
    """Inverse of :func:`encode_words`; case-insensitive; DecodeError on an unknown word."""
    out = bytearray()
    for w in words:
        i = _INDEX.get(w.strip().lower())
        if i is None:
            raise DecodeError("not a fingerprint word")
        out.append(i)
    return bytes(out)


def format_hex(data: bytes, group: int = 2) -> str:
    """Upper-case hex in space-separated groups of ``group`` bytes (easier to compare)."""
    h = data.hex().upper()
    step = 2 * group
    return " ".join(h[i : i + step] for i in range(0, len(h), step))


def parse_hex(text: str) -> bytes:
    """Hex with any spaces, colons or dashes as separators; DecodeError otherwise."""
    cleaned = "".join(ch for ch in text if ch not in " :-\t\n")
    try:
        return bytes.fromhex(cleaned)
    except ValueError:
        raise DecodeError("not a hex fingerprint") from None


def words_digest() -> str:
    """SHA-256 of the table, so a test can notice an accidental edit."""
    return hashlib.sha256(" ".join(WORDS).encode()).hexdigest()
