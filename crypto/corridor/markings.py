# SPDX-License-Identifier: Apache-2.0
"""Classification markings: the venue's scheme, a channel's ceiling, and the check.

A marking is a level and optional caveats, written ``LEVEL`` or ``LEVEL//CAVEAT/CAVEAT``
(``RESTRICTED//CAUCUS ONLY``). The venue root signs the scheme (levels from lowest to
highest, the caveats and the channel kinds each caveat is allowed in, the default
ceiling of a channel whose charter names none, and a ceiling per channel kind that no
channel of that kind exceeds); it travels in the venue policy
(``crypto.certs.transparency.VenuePolicy`` version 2, :func:`decode_scheme`), and
:data:`DEFAULT_SCHEME` applies until a venue signs its own. A channel's ceiling is in
its charter, so every member and the relay hold the same one. Every payload carries
its marking inside the encryption, covered by the MLS signature of the message, and
every member checks it against the ceiling with :func:`check`, the same pure function
on send and on receipt: an item above the ceiling is refused by its sender's client
and, if a modified client sends it anyway, refused by every receiver as tampering.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Annotated, Final

import msgspec
from msgspec import Meta

from crypto.errors import PolicyError

__all__ = [
    "DEFAULT_SCHEME",
    "Marking",
    "MarkingError",
    "MarkingScheme",
    "check",
    "decode_scheme",
    "encode_scheme",
    "highest",
    "parse",
]

#: SignWithLabel label of a venue's marking scheme (signed by the venue root).
SCHEME_VERSION: Final = 1
SEPARATOR: Final = "//"

_Name = Annotated[str, Meta(min_length=1, max_length=48, pattern=r"^[A-Z0-9][A-Z0-9 ._-]*$")]


class MarkingError(PolicyError):
    """A marking that is malformed, unknown to the scheme, or above a channel's ceiling."""


class MarkingScheme(msgspec.Struct, frozen=True, kw_only=True):
    """Levels (lowest first), caveats with the channel kinds each is allowed in, and
    the ceiling of a channel whose charter names none."""

    v: int = SCHEME_VERSION
    levels: tuple[_Name, ...]
    caveats: dict[_Name, tuple[str, ...]] = {}
    default_ceiling: _Name
    issued_at: int = 0
    #: the highest level a channel of each kind may carry, whatever its charter says
    kind_ceilings: dict[str, _Name] = {}

    def rank(self, level: str) -> int:
        try:
            return self.levels.index(level)
        except ValueError:
            raise MarkingError(f"{level!r} is not a level of the venue's scheme") from None

    @property
    def lowest(self) -> str:
        return self.levels[0]


DEFAULT_SCHEME: Final = MarkingScheme(
    levels=("UNCLASSIFIED", "RESTRICTED", "CONFIDENTIAL", "SECRET"),
    caveats={"CAUCUS ONLY": ("caucus",), "BILATERAL ONLY": ("bilateral",),
             "CHAIR ONLY": ("notice",)},
    default_ceiling="RESTRICTED",
)


class Marking(msgspec.Struct, frozen=True):
    level: str
    caveats: tuple[str, ...] = ()

    def __str__(self) -> str:
        return self.level + (SEPARATOR + "/".join(self.caveats) if self.caveats else "")


def parse(text: str, scheme: MarkingScheme = DEFAULT_SCHEME) -> Marking:
    """A marking from its text ("" is the scheme's lowest level, as an older client's
    unmarked message is). MarkingError when the scheme does not know it."""
    text = text.strip().upper()
    if not text:
        return Marking(scheme.lowest)
    level, _, rest = text.partition(SEPARATOR)
    level = level.strip()
    scheme.rank(level)
    caveats = tuple(sorted({c.strip() for c in rest.split("/") if c.strip()}))
    for c in caveats:
        if c not in scheme.caveats:
            raise MarkingError(f"{c!r} is not a caveat of the venue's scheme")
    return Marking(level, caveats)


def highest(markings: Iterable[str], scheme: MarkingScheme = DEFAULT_SCHEME) -> Marking:
    """The marking of a whole made of items so marked (an export, a printout): the
    highest level among them, with every caveat any of them carries ("" counts as the
    lowest level; no items at all is the lowest level)."""
    parsed = [parse(m, scheme) for m in markings]
    level = max((m.level for m in parsed), key=scheme.rank, default=scheme.lowest)
    caveats = tuple(sorted({c for m in parsed for c in m.caveats}))
    return Marking(level, caveats)


def ceiling_of(charter_ceiling: str, scheme: MarkingScheme = DEFAULT_SCHEME,
               kind: str = "") -> Marking:
    """A channel's ceiling: its charter's, or the scheme's default; never above the
    scheme's ceiling for the channel's ``kind``."""
    ceiling = parse(charter_ceiling or scheme.default_ceiling, scheme)
    cap = scheme.kind_ceilings.get(kind)
    if cap is not None and scheme.rank(ceiling.level) > scheme.rank(cap):
        return Marking(cap)
    return ceiling


def check(marking: str, charter_ceiling: str, kind: str,
          scheme: MarkingScheme = DEFAULT_SCHEME) -> Marking:
    """The parsed marking if a channel of ``kind`` with that ceiling may carry it.

    Raises:
        MarkingError: malformed, unknown, above the ceiling, or a caveat the channel's
            kind does not allow.
    """
    m = parse(marking, scheme)
    ceiling = ceiling_of(charter_ceiling, scheme, kind)
    if scheme.rank(m.level) > scheme.rank(ceiling.level):
        raise MarkingError(f"{m} is above the channel's ceiling {ceiling.level}")
    for c in m.caveats:
        if kind not in scheme.caveats[c]:
            raise MarkingError(f"the caveat {c} is not allowed in a {kind} channel")
    return m


_SCHEME_DEC: Final = msgspec.msgpack.Decoder(MarkingScheme)
_ENC: Final = msgspec.msgpack.Encoder()


def encode_scheme(scheme: MarkingScheme) -> bytes:
    """The scheme as the venue policy carries it (checked first).

    Raises:
        MarkingError: an inconsistent scheme (see :func:`decode_scheme`).
    """
    body = _ENC.encode(scheme)
    decode_scheme(body)
    return body


def decode_scheme(body: bytes) -> MarkingScheme:
    """A scheme from the venue policy (whose signature the caller has checked).

    Raises:
        MarkingError: malformed, of another version, no levels, a level twice, or a
            default or kind ceiling that is not one of its levels.
    """
    try:
        scheme = _SCHEME_DEC.decode(body)
    except (msgspec.MsgspecError, ValueError):
        raise MarkingError("the marking scheme is malformed") from None
    if scheme.v != SCHEME_VERSION or not scheme.levels:
        raise MarkingError("a marking scheme of another version")
    if len(set(scheme.levels)) != len(scheme.levels):
        raise MarkingError("a marking scheme names a level twice")
    scheme.rank(scheme.default_ceiling)
    for cap in scheme.kind_ceilings.values():
        scheme.rank(cap)
    return scheme
