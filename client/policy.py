# SPDX-License-Identifier: Apache-2.0
"""Channel policy on the client: the roster (charter plus the channel's name) and the
deterministic checks every member runs.

The rules themselves live in :mod:`crypto.corridor.charter`, shared with the relay, which runs
the same checks on every commit (handshakes are PublicMessages). This module keeps the
client's view: a :class:`Roster` is the public charter plus the channel's name, which
the relay never sees (the charter holds only a salted commitment to a
:class:`ChannelInfo`; the information itself rides encrypted: sealed in the commit
that changes it, and in the Welcome's GroupInfo for joiners).

DESIGN.md's table, as data (:data:`POLICY`)::

    kind          missions   who may change the roster     who may post
    bilateral     exactly 2  nobody (fixed pair)           everyone
    multilateral  1..N       the channel's conveners       everyone
    caucus        1..N       the caucus conveners          everyone
    notice        1..N       the chair(s)                  the chair(s) only

The charter and roles live in a private-use group-context extension
(:data:`ROSTER_EXTENSION`), so every member and the relay hold the same view. Encoding:
msgpack (versioned; unknown fields of a newer version are refused rather than guessed
at, since a charter is security-relevant).

Membership is per mission: every certified device of a listed mission belongs. The
checks below take *identities* (mission, delegate) that the engine read from each
leaf's certificate (the credential validator has already verified the chains), so
they are pure functions of the commit and the group state: two honest members always
decide alike and do not fork. Rules for a commit (:func:`check_commit`):

1. Only members commit (no external joins); the kind never changes.
2. A roster change (missions, conveners, chairs, name) needs the kind's authority:
   nobody for bilateral, a convener for multilateral and caucus, a chair for notice.
3. After the commit every leaf's mission is in the roster, and a bilateral channel
   has exactly two missions.
4. Adding a device of a mission already in the roster is the job of that mission's
   own devices (the committer's mission), except in the founding commit of the
   channel's creator; devices of a mission added by this commit may be added by the
   authorised committer.
5. A device may be removed by a device of its own mission, by the roster authority
   (when its mission leaves, or as moderation), or by anyone when the commit carries
   proof that its certificate is revoked (``revoked`` is computed by the engine from
   CRLs carried in the commit itself, so every member sees the same proof).

Posting (:func:`check_post`): in a notice channel only a delegate holding a verified
chair role posts; everything else is refused by every client.

Clocks (certificates near expiry). Certificates (a new device's chain, a chair's role
certificate) are valid for a time window, and members' clocks differ. Checking them at
each member's own clock lets two honest members decide differently about one commit
near an expiry, and fork. So a commit carries its committer's timestamp ``at`` (seconds,
in the MLS authenticated data next to the CRLs: ``client.engine._CommitInfo``, covered
by the commit's signature and AEAD) and every member checks the commit's certificates
and chair roles at ``at`` (``Trust.evaluated_at``), never at its own clock. The verdict
is then a function of the commit and the group state alone. Three rules bound ``at``:

* **Not before the previous commit** (deterministic): ``at`` older than the last merged
  commit's time (kept per channel; a joiner takes it from the commit its Welcome rode
  on) is a :class:`PolicyViolation`, refused by all. An insider can backdate at most to
  the last commit. An honest committer stamps ``max(own clock, previous at)``.
* **Not ahead of my clock by more than the tolerance** (``CLOCK_TOLERANCE``, 10 min):
  a local test, so it must never be a refusal. The member *waits*: the commit stays an
  open gap and is retried at a later catch-up, and judged at ``at`` then, like by
  everyone else. Argument: the honest committer stamps its clock (or the previous
  ``at``, itself an honest clock reading or already accepted), and a receiver reads it
  later; if honest clocks are within the tolerance of each other, an honest commit is
  never ahead of a receiver by more than the tolerance, so honest members merge honest
  commits at once and all agree. A commit stamped further ahead (only an insider does
  that) is merged by everyone later or, see next, by nobody; never by some only.
* **Far ahead** (``FAR_FUTURE``, 1 day): the member also sends the relay a refusal
  while it waits. If the charter's missions do (at least two and more than half, one
  vote per mission), the relay voids the commit and all skip it. No
  honest member has merged it then: a member that merged it had ``at`` within the
  tolerance of its clock, so every honest member's clock (within the tolerance of that
  one) has ``at`` within twice the tolerance, far less than a day; none of them voted.

Left to local knowledge: which CRLs a member holds when it checks a new device's chain
(revocation *proofs* for removals are carried in the commit and checked at a time the
chain fixes, :meth:`client.trust.Trust.revoked_under`). Posts in a notice channel
are still checked at the receiver's clock (a post changes no group state, so a
disagreement there shows or hides one message, and forks nothing).
"""

from __future__ import annotations

import re
import secrets
from collections.abc import Iterable, Sequence
from typing import Annotated, Final

import msgspec
from msgspec import Meta

from client.errors import PeerError, UsageError
from crypto.corridor import charter as _c
from crypto.corridor.charter import POLICY, Authority, ChannelRule, Charter, Ident
from crypto.messages import Extension

__all__ = [
    "INFO_EXTENSION",
    "LEAF_EXTENSIONS",
    "POLICY",
    "ROSTER_EXTENSION",
    "Authority",
    "ChannelInfo",
    "ChannelRule",
    "Charter",
    "Ident",
    "PolicyViolation",
    "Roster",
    "check_commit",
    "check_post",
    "check_state",
    "decode_info",
    "decode_roster",
    "encode_info",
    "encode_roster",
    "new_info",
    "roster_extension",
    "roster_from_extensions",
    "roster_problem",
]

#: The charter's group-context extension (crypto.corridor.charter.CHARTER_EXTENSION).
ROSTER_EXTENSION: Final = _c.CHARTER_EXTENSION
#: Private-use GroupInfo extension of Corridor's Welcomes: the :class:`ChannelInfo`
#: (encrypted with the GroupInfo; the relay never sees it).
INFO_EXTENSION: Final = 0xF0C3
#: GroupContext extension types every Corridor leaf lists in its capabilities: RFC 9420
#: section 13.4 lets no member be added unless it supports each one the group uses.
LEAF_EXTENSIONS: Final = (ROSTER_EXTENSION,)
ROSTER_VERSION: Final = 1
MAX_NAME: Final = 200


class PolicyViolation(PeerError):
    """A commit or message breaks the channel policy; it is refused, nothing changes."""


_Id = Annotated[str, Meta(min_length=1, max_length=64, pattern=r"^[A-Za-z0-9][A-Za-z0-9._@-]*$")]
_Delegate = Annotated[str, Meta(min_length=3, max_length=129)]


class ChannelInfo(msgspec.Struct, frozen=True, kw_only=True, forbid_unknown_fields=True):
    """What members know of a channel and the relay does not: its name, salted so that
    the charter's commitment to it cannot be tested against guesses."""

    name: Annotated[str, Meta(min_length=1, max_length=MAX_NAME)]
    salt: Annotated[bytes, Meta(min_length=16, max_length=16)]


_info_decoder: Final = msgspec.msgpack.Decoder(ChannelInfo)


def new_info(name: str) -> bytes:
    """The encoded :class:`ChannelInfo` for ``name`` with a fresh salt."""
    return _encoder.encode(ChannelInfo(name=name, salt=secrets.token_bytes(16)))


def encode_info(info: ChannelInfo) -> bytes:
    return _encoder.encode(info)


def decode_info(data: bytes) -> ChannelInfo:
    try:
        return _info_decoder.decode(data)
    except (msgspec.MsgspecError, ValueError):
        raise PolicyViolation("malformed channel information") from None


class Roster(msgspec.Struct, frozen=True, kw_only=True, forbid_unknown_fields=True):
    """This device's view of a channel: the charter's fields plus the channel's name.

    ``conveners`` are delegates as ``"<mission>/<delegate>"``; ``chairs`` are role
    certificates (DER, issued by the venue root), checked by every client.
    """

    v: int = ROSTER_VERSION
    kind: str
    name: Annotated[str, Meta(min_length=1, max_length=MAX_NAME)]
    missions: tuple[_Id, ...]
    conveners: tuple[_Delegate, ...] = ()
    chairs: tuple[bytes, ...] = ()
    created_by: _Delegate
    ceiling: Annotated[str, Meta(max_length=128)] = ""

    def with_changes(self, **kw: object) -> Roster:
        return msgspec.structs.replace(self, **kw)

    def charter(self, info: bytes | None = None) -> Charter:
        """The public charter; ``info`` is the encoded :class:`ChannelInfo` it commits
        to (without it, an unsalted commitment to the name: for comparisons only)."""
        data = info if info is not None else self.name.encode()
        return Charter(kind=self.kind, missions=self.missions, conveners=self.conveners,
                       chairs=self.chairs, created_by=self.created_by,
                       info=_c.info_commitment(data), ceiling=self.ceiling)

    @classmethod
    def of(cls, charter: Charter, name: str) -> Roster:
        return cls(kind=charter.kind, name=name or "(unnamed)", missions=charter.missions,
                   conveners=charter.conveners, chairs=charter.chairs,
                   created_by=charter.created_by, ceiling=charter.ceiling)


_roster_decoder: Final = msgspec.msgpack.Decoder(Roster)
_encoder: Final = msgspec.msgpack.Encoder()


def encode_roster(roster: Roster) -> bytes:
    if roster.kind not in POLICY:
        raise UsageError(f"unknown channel kind {roster.kind!r}")
    canonical = roster.with_changes(missions=tuple(sorted(set(roster.missions))),
                                    conveners=tuple(sorted(set(roster.conveners))))
    return _encoder.encode(canonical)


def decode_roster(data: bytes) -> Roster:
    try:
        roster = _roster_decoder.decode(data)
    except (msgspec.MsgspecError, ValueError):
        raise PolicyViolation("malformed roster") from None
    if roster.v != ROSTER_VERSION or roster.kind not in POLICY:
        raise PolicyViolation("roster of an unknown version or kind")
    return roster


def roster_problem(roster: Roster) -> str:
    """Why ``roster`` would not decode on other devices ("" when it is fine).

    msgspec checks a struct's constraints when it decodes, not when it is built: a
    channel made with an empty name or a malformed mission id would be refused by every
    member, the creator included, at each sync.
    """
    if not 1 <= len(roster.name) <= MAX_NAME:
        return f"a channel name has 1 to {MAX_NAME} characters"
    for m in roster.missions:
        if not re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9._@-]{0,63}", m):
            return f"{m!r} is not a mission id"
    try:
        decode_roster(encode_roster(roster))
    except (PolicyViolation, UsageError) as exc:
        return f"the channel's roster is invalid: {exc}"
    return ""


def roster_extension(roster: Roster, info: bytes) -> Extension:
    """The charter extension for ``roster`` committing to ``info`` (encoded ChannelInfo)."""
    try:
        return _c.charter_extension(roster.charter(info))
    except _c.CharterViolation as exc:
        raise UsageError(str(exc)) from None


def roster_from_extensions(extensions: Iterable[Extension]) -> Charter:
    """The group's charter (PolicyViolation if missing or malformed)."""
    try:
        return _c.charter_from_extensions(extensions)
    except _c.CharterViolation as exc:
        raise PolicyViolation(str(exc)) from None


def _charter(x: Roster | Charter) -> Charter:
    return x.charter() if isinstance(x, Roster) else x


def check_state(roster: Roster | Charter, members: Sequence[Ident]) -> None:
    """A group as joined (Welcome) or after a commit: roster shape and every leaf's mission."""
    try:
        _c.check_state(_charter(roster), members)
    except _c.CharterViolation as exc:
        raise PolicyViolation(str(exc)) from None


def check_commit(
    *,
    before: Roster | Charter,
    after: Roster | Charter,
    committer: Ident | None,
    added: Sequence[Ident],
    removed: Sequence[tuple[Ident, bool]],
    members_after: Sequence[Ident],
    chairs: frozenset[str],
    founding: bool,
) -> None:
    """Refuse (PolicyViolation) a commit that breaks the channel's policy: the rules of
    :func:`crypto.corridor.charter.check_commit`, which the relay runs too."""
    try:
        _c.check_commit(before=_charter(before), after=_charter(after), committer=committer,
                        added=added, removed=removed, members_after=members_after,
                        chairs=chairs, founding=founding)
    except _c.CharterViolation as exc:
        raise PolicyViolation(str(exc).replace(" charter", " roster")) from None


def check_post(roster: Roster | Charter, sender: Ident, chairs: frozenset[str]) -> None:
    """Refuse a post the channel's kind does not allow from ``sender``."""
    try:
        _c.check_post(_charter(roster), sender, chairs)
    except _c.CharterViolation as exc:
        raise PolicyViolation(str(exc)) from None
