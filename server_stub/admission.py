"""Who may register a device: the pluggable admission decision.

The relay checks the signed challenge (the device holds its key) itself; *whether* that
key may join the venue is an :class:`Admission`'s call. Today the gate is a one-time
enrolment token made by ``corridor-relay token create``; the X.509 chain check
(``crypto.certs``) plugs in as another implementation, and :class:`AnyOf` lets both run
side by side during the switch-over. The relay calls ``decide`` once per registration,
after the signature and before the device is stored.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol, runtime_checkable

from .storage.base import Storage

__all__ = [
    "Admission",
    "AllOf",
    "AnyOf",
    "Decision",
    "EnrolmentTokenAdmission",
    "RegistrationRequest",
    "hash_enrolment_token",
]


@dataclass(frozen=True, slots=True, kw_only=True)
class RegistrationRequest:
    """What a registering device presented (signature already verified)."""

    public_key: bytes  # Ed25519, 32 bytes: the device's MLS signature key
    certificate_chain: tuple[bytes, ...]  # DER certificates, leaf first; may be empty
    enrolment_token: str | None
    now: int  # unix seconds, injected so checks are testable


@dataclass(frozen=True, slots=True)
class Decision:
    """Accept or refuse, with a reason the client may see (no secrets in it)."""

    accepted: bool
    reason: str

    @classmethod
    def accept(cls, reason: str = "accepted") -> Decision:
        return cls(True, reason)

    @classmethod
    def refuse(cls, reason: str) -> Decision:
        return cls(False, reason)


@runtime_checkable
class Admission(Protocol):
    """Decides whether a device key may register. Must not raise for bad input."""

    async def decide(self, request: RegistrationRequest) -> Decision: ...


def hash_enrolment_token(token: str) -> bytes:
    """Only the hash is stored, so a database dump yields no usable token."""
    return hashlib.sha256(b"corridor-enrolment-token\x00" + token.encode()).digest()


class EnrolmentTokenAdmission:
    """Accepts a device that presents an unused, unexpired enrolment token (then spends it)."""

    def __init__(self, storage: Storage) -> None:
        self._storage = storage

    async def decide(self, request: RegistrationRequest) -> Decision:
        if not request.enrolment_token:
            return Decision.refuse("an enrolment token is required")
        ok = await self._storage.consume_enrolment_token(
            hash_enrolment_token(request.enrolment_token), request.now
        )
        if not ok:
            return Decision.refuse("enrolment token unknown, used or expired")
        return Decision.accept("enrolment token")


class AnyOf:
    """Accepts when one member accepts (tried in order; later ones are not consulted)."""

    def __init__(self, members: Sequence[Admission]) -> None:
        self._members = tuple(members)

    async def decide(self, request: RegistrationRequest) -> Decision:
        reasons = []
        for m in self._members:
            d = await m.decide(request)
            if d.accepted:
                return d
            reasons.append(d.reason)
        return Decision.refuse("; ".join(reasons) or "no admission configured")


class AllOf:
    """Accepts only when every member accepts (stops at the first refusal)."""

    def __init__(self, members: Sequence[Admission]) -> None:
        self._members = tuple(members)

    async def decide(self, request: RegistrationRequest) -> Decision:
        last = Decision.refuse("no admission configured")
        for m in self._members:
            last = await m.decide(request)
            if not last.accepted:
                return last
        return last
