# SPDX-License-Identifier: Apache-2.0
"""Trust on the client: the pinned venue root, CRLs, identities from chains, safety numbers.

The relay serves certificate chains and CRLs (``/v1/directory/...``) but is not
trusted: :class:`Trust` verifies every chain and role certificate itself with
``crypto.certs`` against the venue root pinned at enrolment (``root.pem`` in the
home), and is the MLS credential validator (every leaf the group meets).

:func:`unverified_identity` only *reads* mission and delegate from a device
certificate; the policy checks use it for leaves whose chains the credential
validator has already verified (and for removed leaves, whose certificates may be
revoked by now).

:func:`safety_number` is the person-to-person check that needs no venue at all: two
people read it to each other to verify a pair of devices.
"""

from __future__ import annotations

import contextlib
import hashlib
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from cryptography import x509

from client.errors import ClientError
from client.policy import Ident
from crypto import certs
from crypto.certs.words import encode_words, format_hex
from crypto.errors import CryptoError, PolicyError
from crypto.messages import Credential, CredentialType

if TYPE_CHECKING:
    from client.core import Client

__all__ = [
    "Trust",
    "credential_chain",
    "holds_chair",
    "observer_chain",
    "safety_number",
    "unverified_identity",
    "x509_credential",
]

_ident_cache: dict[bytes, Ident] = {}
_observer_cache: dict[bytes, bool] = {}


def safety_number(key_a: bytes, key_b: bytes) -> tuple[list[str], str]:
    """The words and hex two people read to each other to verify a pair of devices.

    Symmetric (both sides compute the same from the two device keys in either order) and
    bound to both keys, so a relay that substituted either key changes it.
    """
    lo, hi = sorted((key_a, key_b))
    digest = hashlib.sha256(b"corridor-safety-number-v1" + lo + hi).digest()[:16]
    return encode_words(digest), format_hex(digest)


def holds_chair(client: Client) -> bool:
    """Whether this device holds a verified chair role (a role certificate of its own)."""
    roles = getattr(client.engine.me, "role_certs", ())
    if not roles:
        return False
    try:
        return client.engine.me.ident.delegate in client.engine.trust.chairs(tuple(roles))
    except ClientError:
        return False


def x509_credential(chain: Sequence[bytes]) -> Credential:
    return Credential(credential_type=CredentialType.x509, certificates=tuple(chain))


def credential_chain(credential: Credential) -> list[bytes]:
    if credential.credential_type != CredentialType.x509 or not credential.certificates:
        raise PolicyError("Corridor accepts only x509 credentials")
    return list(credential.certificates)


def unverified_identity(chain: Sequence[bytes]) -> Ident:
    """Mission and delegate from the device certificate's subjectAltName URIs."""
    leaf = bytes(chain[0])
    key = hashlib.sha256(leaf).digest()
    hit = _ident_cache.get(key)
    if hit is not None:
        return hit
    try:
        cert = x509.load_der_x509_certificate(leaf)
        san = cert.extensions.get_extension_for_class(x509.SubjectAlternativeName).value
        uris = san.get_values_for_type(x509.UniformResourceIdentifier)
    except (ValueError, x509.ExtensionNotFound):
        raise PolicyError("unreadable device certificate") from None
    mission = [u.split("/", 1)[1] for u in uris if u.startswith("corridor:mission/")]
    delegate = [u.split("/", 1)[1] for u in uris if u.startswith("corridor:delegate/")]
    if len(mission) != 1 or len(delegate) != 1:
        raise PolicyError("device certificate without one mission and one delegate")
    ident = Ident(mission[0], delegate[0])
    if len(_ident_cache) > 10_000:
        _ident_cache.clear()
    _ident_cache[key] = ident
    return ident


def observer_chain(chain: Sequence[bytes]) -> bool:
    """Whether a chain's mission certificate marks the venue's observer standing (read
    unverified: call it on chains the credential validator accepted, whose mission
    certificate the venue root signed, so nobody else can add or drop the mark)."""
    if len(chain) < 2:
        return False
    key = hashlib.sha256(bytes(chain[1])).digest()
    hit = _observer_cache.get(key)
    if hit is not None:
        return hit
    try:
        cert = x509.load_der_x509_certificate(bytes(chain[1]))
        san = cert.extensions.get_extension_for_class(x509.SubjectAlternativeName).value
        uris = san.get_values_for_type(x509.UniformResourceIdentifier)
    except (ValueError, x509.ExtensionNotFound):
        return False
    if len(_observer_cache) > 10_000:
        _observer_cache.clear()
    _observer_cache[key] = found = "corridor:standing/observer" in uris
    return found


class Trust:
    """The pinned root plus known CRLs; verifies chains, roles and MLS credentials."""

    def __init__(self, root_der: bytes, crls: Iterable[bytes] = (),
                 clock: Callable[[], float] = time.time) -> None:
        self.root_der = root_der
        self.clock = clock
        self._crls: list[bytes] = list(crls)
        self._verifier: certs.ChainVerifier | None = None
        self._made_at = 0.0
        self._fixed: float | None = None
        self._fixed_verifier: tuple[float, certs.ChainVerifier] | None = None

    @property
    def crls(self) -> list[bytes]:
        return list(self._crls)

    def set_crls(self, crls: Iterable[bytes]) -> None:
        """Replace the CRLs (those that do not parse are dropped, never trusted)."""
        good = []
        for c in crls:
            try:
                certs.ChainVerifier(self.root_der, now=self._now(), crls=[c])
            except CryptoError:
                continue
            good.append(c)
        self._crls = good
        self._verifier = None
        self._fixed_verifier = None

    def _now(self) -> datetime:
        return datetime.fromtimestamp(self.clock(), UTC)

    @contextlib.contextmanager
    def evaluated_at(self, at: float) -> Iterator[None]:
        """Check every chain and role certificate at ``at`` instead of this device's
        clock while the block runs: a commit's timestamp (see :mod:`client.policy`), so
        every member judges its certificates at the same moment."""
        before = self._fixed
        self._fixed = at
        try:
            yield
        finally:
            self._fixed = before

    def verifier(self) -> certs.ChainVerifier:
        if self._fixed is not None:
            fv = self._fixed_verifier
            if fv is None or fv[0] != self._fixed:
                fv = (self._fixed, certs.ChainVerifier(
                    self.root_der, now=datetime.fromtimestamp(self._fixed, UTC),
                    crls=self._crls))
                self._fixed_verifier = fv
            return fv[1]
        now = self.clock()
        if self._verifier is None or now - self._made_at > 60:
            self._verifier = certs.ChainVerifier(self.root_der, now=self._now(), crls=self._crls)
            self._made_at = now
        return self._verifier

    def verify_chain(self, chain: Sequence[bytes]) -> certs.VerifiedIdentity:
        return self.verifier().verify(list(chain))

    def validate_credential(self, credential: Credential, signature_key: bytes) -> None:
        """The MLS credential validator: x509 only, chain to the root, key bound."""
        chain = credential_chain(credential)
        try:
            self.verifier().validate_credential(chain, signature_key)
        except CryptoError as exc:
            raise PolicyError(f"credential refused: {type(exc).__name__}") from None

    __call__ = validate_credential

    # The MLS identity provider (crypto.group.validation.IdentityProvider): the venue's
    # trust chain is the one authority on members, senders and successors.

    def validate_member(self, credential: Credential, signature_key: bytes) -> None:
        """A leaf's credential: a device certificate chaining to the venue root."""
        self.validate_credential(credential, signature_key)

    def validate_external_sender(self, credential: Credential, signature_key: bytes) -> None:
        """Corridor groups have no external senders: every one is refused."""
        del credential, signature_key
        raise PolicyError("Corridor groups accept no external senders")

    def valid_successor(self, old: Credential, new: Credential) -> bool:
        """A leaf may change its certificate, never its mission or delegate."""
        try:
            before = unverified_identity(credential_chain(old))
            after = unverified_identity(credential_chain(new))
        except PolicyError:
            return False
        return (before.mission_id, before.delegate_id) == (after.mission_id, after.delegate_id)

    def revoked_under(self, chain: Sequence[bytes], crls: Sequence[bytes]) -> bool:
        """Whether ``crls`` (only those) revoke this chain: deterministic proof in a commit.

        Checked at a moment the chain itself fixes (its latest ``notBefore``), never at
        this device's clock: members whose clocks straddle the certificate's expiry
        must still agree on the proof, or they fork.
        """
        try:
            at = max(x509.load_der_x509_certificate(bytes(c)).not_valid_before_utc
                     for c in [*chain, self.root_der])
        except (ValueError, TypeError):
            return False
        try:
            certs.ChainVerifier(self.root_der, now=at, crls=list(crls)).verify(list(chain))
        except certs.RevokedError:
            return True
        except CryptoError:
            return False
        return False

    def chairs(self, role_certs: Sequence[bytes]) -> frozenset[str]:
        """Delegates (``mission/delegate``) holding a valid chair role certificate."""
        out = set()
        for der in role_certs:
            try:
                cert = x509.load_der_x509_certificate(der)
                san = cert.extensions.get_extension_for_class(x509.SubjectAlternativeName).value
                uris = san.get_values_for_type(x509.UniformResourceIdentifier)
                mission = next(u.split("/", 1)[1] for u in uris
                               if u.startswith("corridor:mission/"))
                delegate = next(u.split("/", 1)[1] for u in uris
                                if u.startswith("corridor:delegate/"))
                grant = self.verifier()._role(der, mission, delegate)
            except (CryptoError, ValueError, StopIteration, x509.ExtensionNotFound):
                continue
            if grant.role == "chair":
                out.add(f"{mission}/{delegate}")
        return frozenset(out)
