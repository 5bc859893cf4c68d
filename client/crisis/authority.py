# SPDX-License-Identifier: Apache-2.0
"""Chair and convener authority: who may convene, pin or post a chair's notice, per
channel, decided by every receiving client from signed facts alone.

Authority comes from the channel's charter (the group-context extension every member
and the relay hold alike) and from the venue's role certificates, never from what a
payload says about its sender:

    channel                               may convene, pin, post a chair's notice
    notice                                the venue chair
    any channel whose charter names       the venue chair (and, in multilateral and
      the chair (role certificates)         caucus channels, the named conveners)
    multilateral, caucus                  the conveners the charter names
    bilateral                             nobody: either side may *propose* a meeting,
                                            shown as a proposal, never as a call

An emergency call without an agenda is refused whoever sends it: a meeting nobody can
prepare for is not a call.

The chair is an office, and the venue rotates it. A :class:`Handover`, signed by the
venue root, names the outgoing and incoming chair and the moment it takes effect;
it carries the incoming chair's role certificate, so the new chair holds authority in
every channel whose charter named the office, without re-chartering any of them. The
outgoing chair's authority ends at the handover, even while its role certificate is
still valid. Authority is judged at the receiver's clock (as notice-channel posts
already are), not at the sender's claimed time: a former chair cannot backdate a call
to before the handover.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Protocol

from cryptography import x509

from client import payloads
from client.crisis import signing
from client.errors import PeerError
from crypto import certs
from crypto.corridor import handover as _h
from crypto.corridor.charter import Charter, Ident
from crypto.corridor.handover import HANDOVER_VERSION, Handover
from crypto.errors import CryptoError

__all__ = [
    "HANDOVER_VERSION",
    "Act",
    "AuthorityError",
    "CharterLike",
    "Handover",
    "Verdict",
    "act_of",
    "chair_office",
    "decide",
    "refusal",
    "role_chairs",
    "sign_handover",
    "verify_handover",
]


class AuthorityError(PeerError, ValueError):
    """A handover that does not verify against the venue root."""


class Act(enum.StrEnum):
    """What needs the chair's (or a convener's) authority."""

    EMERGENCY_CALL = "emergency call"
    PIN = "pin"
    CHAIR_NOTICE = "chair's notice"


@dataclass(frozen=True, slots=True)
class Verdict:
    """Whether ``sender`` may do ``act`` here; ``reason`` says why not (shown to users)."""

    allowed: bool
    reason: str = ""
    #: who holds the authority in this channel at that moment ("mission/delegate")
    holders: frozenset[str] = frozenset()


def act_of(payload: payloads.Decoded) -> Act | None:
    """The act a payload performs, or None when it needs no authority."""
    if isinstance(payload, payloads.EmergencyCall):
        return Act.EMERGENCY_CALL
    if isinstance(payload, payloads.AgendaNotice):
        return Act.PIN if payload.pinned else Act.CHAIR_NOTICE
    return None


# -- the chair office and its handovers ---------------------------------------------------


def verify_handover(root_der: bytes, data: bytes) -> Handover:
    """A signed handover checked against the pinned venue root (AuthorityError if not):
    :func:`crypto.corridor.handover.verify_handover`."""
    try:
        return _h.verify_handover(root_der, data)
    except _h.HandoverError as exc:
        raise AuthorityError(str(exc)) from None


def sign_handover(root_der: bytes, root_seed: bytes, handover: Handover) -> bytes:
    """The secretariat's signed handover (AuthorityError for another venue)."""
    try:
        return _h.sign_handover(root_der, root_seed, handover)
    except _h.HandoverError as exc:
        raise AuthorityError(str(exc)) from None


def _role_subject(der: bytes) -> str:
    mission, delegate = signing.cert_identity(der)
    if not delegate:
        raise ValueError("a role certificate names a delegate")
    return f"{mission}/{delegate}"


RoleCheck = Callable[[Sequence[bytes], int], frozenset[str]]


def role_chairs(root_der: bytes, crls: Sequence[bytes] = ()) -> RoleCheck:
    """A :data:`RoleCheck` over the venue root: the delegates whose chair role
    certificate (among those given) is valid, unrevoked, at a moment in ms."""

    def check(role_certs: Sequence[bytes], at_ms: int) -> frozenset[str]:
        when = datetime.fromtimestamp(at_ms / 1000, UTC)
        try:
            verifier = certs.ChainVerifier(root_der, now=when, crls=list(crls))
        except CryptoError:
            return frozenset()
        out = set()
        for der in role_certs:
            try:
                who = _role_subject(der)
                mission, delegate = who.split("/", 1)
                grant = verifier._role(bytes(der), mission, delegate)
            except (CryptoError, ValueError, x509.ExtensionNotFound):
                continue
            if grant.role == "chair":
                out.add(who)
        return frozenset(out)

    return check


def chair_office(role_certs: Sequence[bytes], handovers: Iterable[Handover], at_ms: int,
                 roles: RoleCheck) -> frozenset[str]:
    """Who holds the chair at ``at_ms``: a valid chair role certificate (from the
    charter or from a handover already in effect), unless a later handover in effect
    took the office from them."""
    effective = sorted((h for h in handovers if h.at <= at_ms), key=lambda h: (h.at, h.serial))
    candidates = [*role_certs, *(h.incoming_role for h in effective)]
    holders = set(roles(candidates, at_ms))
    last: dict[str, bool] = {}  # delegate -> holds the office after its latest handover
    for h in effective:
        last[h.outgoing] = False
        last[h.incoming] = True
    return frozenset(d for d in holders if last.get(d, True))


# -- the rule ---------------------------------------------------------------------------

class CharterLike(Protocol):
    """What the rule reads of a channel: the charter (or the client's roster view)."""

    @property
    def kind(self) -> str: ...
    @property
    def conveners(self) -> tuple[str, ...]: ...
    @property
    def chairs(self) -> tuple[bytes, ...]: ...


def decide(charter: Charter | CharterLike, sender: Ident, act: Act, *, at_ms: int, roles: RoleCheck,
           handovers: Iterable[Handover] = (), has_agenda: bool = True) -> Verdict:
    """May ``sender`` (as MLS authenticated it) do ``act`` in this channel at ``at_ms``?

    Args:
        roles: checks chair role certificates at a moment (:func:`role_chairs`).
        handovers: verified chair handovers (:func:`verify_handover`).
        has_agenda: an emergency call carries an agenda.
    """
    if act is Act.EMERGENCY_CALL and not has_agenda:
        return Verdict(False, "an emergency call needs an agenda")
    if charter.kind == "bilateral":
        return Verdict(False, "nobody convenes, pins or posts a chair's notice in a bilateral "
                              "channel: either side may propose a meeting")
    holders: set[str] = set()
    if charter.kind == "notice" or charter.chairs:
        holders |= chair_office(charter.chairs, handovers, at_ms, roles)
    if charter.kind in ("multilateral", "caucus"):
        holders |= set(charter.conveners)
    frozen = frozenset(holders)
    if sender.delegate in frozen:
        return Verdict(True, holders=frozen)
    who = "the chair" if charter.kind == "notice" else "the chair or a convener"
    return Verdict(False, f"only {who} may send a{'n' if act is Act.EMERGENCY_CALL else ''} "
                          f"{act} in a {charter.kind} channel", frozen)


def refusal(charter: Charter | CharterLike, sender: Ident, payload: payloads.Decoded, *,
            at_ms: int, roles: RoleCheck, handovers: Iterable[Handover] = ()) -> str:
    """Why every client refuses ``payload`` from ``sender`` here ("" when it may pass):
    the one call the engine makes, when sending and when receiving."""
    act = act_of(payload)
    if act is None:
        return ""
    agenda = payload.agenda if isinstance(payload, payloads.EmergencyCall) else "-"
    verdict = decide(charter, sender, act, at_ms=at_ms, roles=roles, handovers=handovers,
                     has_agenda=bool(agenda.strip()))
    return "" if verdict.allowed else verdict.reason
