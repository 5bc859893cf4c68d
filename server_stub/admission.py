# SPDX-License-Identifier: Apache-2.0
"""Who may register a device: the pluggable admission decision.

The relay checks the signed challenge (the device holds its key) itself; *whether* that
key may join the venue is an :class:`Admission`'s call, made once per registration,
after the signature and before the device is stored.

A relay initialised for a venue (``corridor-relay venue init`` wrote ``root.pem`` into
its data directory) admits by certificate only: :class:`CertificateAdmission` verifies
the device's chain to that pinned root with ``crypto.certs``, under the CRLs published
through the relay, and checks that the certified key is the key that signed the
challenge. The accepted chain goes into the relay's public directory
(:mod:`server_stub.directory`), where other devices find a mission's devices; a CRL
published later revokes the devices it names at once. There is no other way in: a
relay without a venue root does not serve (:class:`NoVenueRoot`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Protocol, runtime_checkable

if TYPE_CHECKING:
    from .directory import VenueDirectory

__all__ = [
    "Admission",
    "AllOf",
    "AnyOf",
    "CertificateAdmission",
    "Decision",
    "NoVenueRoot",
    "RegistrationRequest",
    "default_admission",
]


class NoVenueRoot(Exception):
    """The relay's data directory holds no usable venue root (``root.pem``): nobody
    could join, so the relay refuses to serve."""

    def __init__(self, data_dir: Path, problem: str = "no venue root") -> None:
        self.data_dir = data_dir
        super().__init__(
            f"{problem} in {data_dir}: run `corridor-relay venue init --data-dir "
            f"{data_dir}` first")


@dataclass(frozen=True, slots=True, kw_only=True)
class RegistrationRequest:
    """What a registering device presented (signature already verified)."""

    public_key: bytes  # Ed25519, 32 bytes: the device's MLS signature key
    certificate_chain: tuple[bytes, ...]  # DER certificates, leaf first; may be empty
    now: int  # unix seconds, injected so checks are testable


@dataclass(frozen=True, slots=True)
class Decision:
    """Accept or refuse, with a reason the client may see (no secrets in it)."""

    accepted: bool
    reason: str
    #: refused only because the device's current chain is as new (re-registration)
    conflict: bool = False

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


class CertificateAdmission:
    """Accepts a device whose chain verifies to the venue root and certifies its key.

    The chain is checked against the CRLs the directory holds at this moment, so a
    device revoked before it ever registered is refused too. An accepted chain is
    recorded in the directory (public data: the relay learns certified identities anyway).
    """

    def __init__(self, directory: VenueDirectory) -> None:
        self._directory = directory

    async def decide(self, request: RegistrationRequest) -> Decision:
        from crypto.errors import CryptoError

        if not request.certificate_chain:
            return Decision.refuse("a certificate chain to the venue root is required")
        try:
            verifier = await self._directory.verifier(request.now)
            identity = verifier.validate_credential(
                list(request.certificate_chain), request.public_key
            )
        except CryptoError as exc:
            link = getattr(exc, "link", "chain")
            return Decision.refuse(f"certificate chain refused ({link}): {type(exc).__name__}")
        stored = await self._directory.record_device(
            request.public_key.hex(), identity.mission_id, request.certificate_chain,
            request.now, int(identity.not_after.timestamp()),
        )
        if not stored:
            return Decision(False, "a chain valid as long or longer is already recorded",
                            conflict=True)
        return Decision.accept(f"certified device of mission {identity.mission_id}")


def default_admission(directory: VenueDirectory) -> Admission:
    """The relay's admission: a certificate chain to its venue root, nothing else."""
    return CertificateAdmission(directory)
