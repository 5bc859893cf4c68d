"""Channel policy: the roster extension and the deterministic checks every member runs.

DESIGN.md's table, as data (:data:`POLICY`)::

    kind          missions   who may change the roster     who may post
    bilateral     exactly 2  nobody (fixed pair)           everyone
    multilateral  1..N       the channel's conveners       everyone
    caucus        1..N       the caucus conveners          everyone
    notice        1..N       the chair(s)                  the chair(s) only

The roster and roles live in a private-use group-context extension
(:data:`ROSTER_EXTENSION`), so every member holds the same view and the relay never
sees it (handshakes are PrivateMessages; Welcomes encrypt the GroupInfo). Encoding:
msgpack of :class:`Roster` (versioned; unknown fields of a newer version are refused
rather than guessed at, since a roster is security-relevant).

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
* **Far ahead** (``FAR_FUTURE``, 1 day): the member also sends the relay a refusal (F2)
  while it waits. If a majority does, the relay voids the commit and all skip it. No
  honest member has merged it then: a member that merged it had ``at`` within the
  tolerance of its clock, so every honest member's clock (within the tolerance of that
  one) has ``at`` within twice the tolerance, far less than a day; none of them voted.

Left to local knowledge: which CRLs a member holds when it checks a new device's chain
(revocation *proofs* for removals are carried in the commit and checked at a time the
chain fixes, :meth:`client.directory.Trust.revoked_under`). Posts in a notice channel
are still checked at the receiver's clock (a post changes no group state, so a
disagreement there shows or hides one message, and forks nothing).
"""

from __future__ import annotations

import enum
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Annotated, Final

import msgspec
from msgspec import Meta

from client.errors import PeerError, UsageError
from crypto.messages import Extension

__all__ = [
    "POLICY",
    "ROSTER_EXTENSION",
    "Authority",
    "ChannelRule",
    "Ident",
    "PolicyViolation",
    "Roster",
    "check_commit",
    "check_post",
    "check_state",
    "decode_roster",
    "encode_roster",
    "roster_extension",
    "roster_from_extensions",
    "roster_problem",
]

#: Private-use MLS extension type (RFC 9420 §17.3: 0xF000-0xFFFF); 0xF0C1 is the
#: commit-ref GroupInfo extension of crypto.group.
ROSTER_EXTENSION: Final = 0xF0C2
ROSTER_VERSION: Final = 1
MAX_NAME: Final = 200


class PolicyViolation(PeerError):
    """A commit or message breaks the channel policy; it is refused, nothing changes."""


class Authority(enum.StrEnum):
    NOBODY = "nobody"
    CONVENERS = "conveners"
    CHAIRS = "chairs"
    EVERYONE = "everyone"


@dataclass(frozen=True, slots=True)
class ChannelRule:
    roster_change: Authority
    post: Authority
    min_missions: int
    max_missions: int | None


POLICY: Final[dict[str, ChannelRule]] = {
    "bilateral": ChannelRule(Authority.NOBODY, Authority.EVERYONE, 2, 2),
    "multilateral": ChannelRule(Authority.CONVENERS, Authority.EVERYONE, 1, None),
    "caucus": ChannelRule(Authority.CONVENERS, Authority.EVERYONE, 1, None),
    "notice": ChannelRule(Authority.CHAIRS, Authority.CHAIRS, 1, None),
}

_Id = Annotated[str, Meta(min_length=1, max_length=64, pattern=r"^[A-Za-z0-9][A-Za-z0-9._@-]*$")]
_Delegate = Annotated[str, Meta(min_length=3, max_length=129)]


class Roster(msgspec.Struct, frozen=True, kw_only=True, forbid_unknown_fields=True):
    """The channel's roster and roles (group-context extension payload).

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

    def with_changes(self, **kw: object) -> Roster:
        return msgspec.structs.replace(self, **kw)


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
        raise PolicyViolation("malformed roster extension") from None
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


def roster_extension(roster: Roster) -> Extension:
    return Extension(extension_type=ROSTER_EXTENSION, extension_data=encode_roster(roster))


def roster_from_extensions(extensions: Iterable[Extension]) -> Roster:
    found = [e for e in extensions if e.extension_type == ROSTER_EXTENSION]
    if len(found) != 1:
        raise PolicyViolation("the group has no (or more than one) roster extension")
    return decode_roster(found[0].extension_data)


@dataclass(frozen=True, slots=True)
class Ident:
    """Who a leaf is: mission and delegate, read from its (verified) certificate."""

    mission_id: str
    delegate_id: str

    @property
    def delegate(self) -> str:
        return f"{self.mission_id}/{self.delegate_id}"


def _authorised(authority: Authority, who: Ident, roster: Roster, chairs: frozenset[str]) -> bool:
    if authority is Authority.EVERYONE:
        return True
    if authority is Authority.CONVENERS:
        return who.delegate in roster.conveners
    if authority is Authority.CHAIRS:
        return who.delegate in chairs
    return False


def check_state(roster: Roster, members: Sequence[Ident]) -> None:
    """A group as joined (Welcome) or after a commit: roster shape and every leaf's mission."""
    rule = POLICY[roster.kind]
    n = len(set(roster.missions))
    if n < rule.min_missions or (rule.max_missions is not None and n > rule.max_missions):
        raise PolicyViolation(f"a {roster.kind} channel cannot have {n} missions")
    allowed = set(roster.missions)
    for m in members:
        if m.mission_id not in allowed:
            raise PolicyViolation(f"a device of mission {m.mission_id} is not in the roster")


def check_commit(
    *,
    before: Roster,
    after: Roster,
    committer: Ident | None,
    added: Sequence[Ident],
    removed: Sequence[tuple[Ident, bool]],
    members_after: Sequence[Ident],
    chairs: frozenset[str],
    founding: bool,
) -> None:
    """Refuse (PolicyViolation) a commit that breaks the channel's policy; see module doc.

    Args:
        chairs: delegates (``mission/delegate``) holding a verified chair role.
        founding: the commit creating epoch 1 (the creator populating the channel).
        removed: each removed leaf's identity and whether the commit proves it revoked.
    """
    if committer is None:
        raise PolicyViolation("external commits are not allowed in Corridor channels")
    if after.kind != before.kind:
        raise PolicyViolation("a channel's kind never changes")
    rule = POLICY[before.kind]
    changed = after != before
    authorised = _authorised(rule.roster_change, committer, before, chairs)
    if founding and committer.delegate == before.created_by:
        authorised = authorised or rule.roster_change is not Authority.NOBODY
    if changed and not authorised:
        raise PolicyViolation(f"{committer.delegate} may not change this {before.kind} roster")
    check_state(after, members_after)
    new_missions = set(after.missions) - set(before.missions)
    for ident in added:
        if ident.mission_id == committer.mission_id or ident.mission_id in new_missions:
            continue
        if founding and committer.delegate == before.created_by:
            continue
        if authorised and rule.roster_change is not Authority.NOBODY:
            continue
        raise PolicyViolation(
            f"{committer.delegate} may not add a device of mission {ident.mission_id}")
    for ident, revoked in removed:
        if revoked or ident.mission_id == committer.mission_id:
            continue
        if authorised and rule.roster_change is not Authority.NOBODY:
            continue
        raise PolicyViolation(
            f"{committer.delegate} may not remove a device of mission {ident.mission_id}")


def check_post(roster: Roster, sender: Ident, chairs: frozenset[str]) -> None:
    """Refuse a post the channel's kind does not allow from ``sender``."""
    rule = POLICY[roster.kind]
    if not _authorised(rule.post, sender, roster, chairs):
        raise PolicyViolation(f"only the chair may post in a {roster.kind} channel")
