# SPDX-License-Identifier: Apache-2.0
"""The one test venue builder: a root, missions, certified devices, roles and CRLs.

Every test that needs certificates (the engine and policy tests over the in-memory
relay, the relay tests, the deploy and TLS tests) builds them here with
``crypto.certs``, so a change to the certificate profile is made once and every kind
of test sees it. Beyond the honest chain it makes what attacks need: a device
certificate signed with another mission's key (the right profile, the wrong
signature), short or past expiry, revocations by the root or a mission.

:func:`session_venue` is one venue per test session (cheap: Ed25519), :func:`write_root`
puts a venue's root where a relay looks (``root.pem`` in its data directory), and
:meth:`Pki.client` gives a :class:`~tests.support.relay_client.RelayClient` for a
freshly certified device.
"""

from __future__ import annotations

import functools
import itertools
import secrets
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from cryptography import x509
from cryptography.hazmat.primitives.asymmetric import ed25519
from cryptography.hazmat.primitives.serialization import Encoding
from nacl.signing import SigningKey

from crypto import certs

if TYPE_CHECKING:
    import httpx

    from client.policy import Ident
    from client.trust import Trust

    from .relay_client import RelayClient

__all__ = ["A_M", "B_M", "C_M", "Issued", "Lifetimes", "Pki", "root_pem", "session_venue",
           "write_root"]

#: The three missions of the default venue.
A_M, B_M, C_M = "alderia", "borduria", "carpania"


@dataclass
class Issued:
    """A certified device: its Ed25519 seed and chain (device, mission), leaf first."""

    seed: bytes = field(repr=False)
    chain: tuple[bytes, ...]

    @property
    def device_id(self) -> str:
        return certs.public_key_of(self.seed).hex()

    @property
    def serial(self) -> int:
        return certs.certificate_serial(self.chain[0])

    @property
    def key(self) -> SigningKey:
        return SigningKey(self.seed)


@dataclass(frozen=True)
class Lifetimes:
    """How long before and after the venue's ``now`` each kind of certificate is valid."""

    root: tuple[timedelta, timedelta] = (timedelta(days=1), timedelta(days=365))
    mission: tuple[timedelta, timedelta] = (timedelta(days=1), timedelta(days=200))
    device: tuple[timedelta, timedelta] = (timedelta(hours=1), timedelta(days=90))
    role: tuple[timedelta, timedelta] = (timedelta(hours=1), timedelta(days=7))


class Pki:
    """A venue: a root, one certificate per mission, and whatever devices, roles and CRLs
    tests ask for. Validity windows are relative to ``now`` (default: the moment it was
    made; a fixed time for tests that replay a timeline) by ``lifetimes``."""

    def __init__(self, missions: Sequence[str] = (A_M, B_M, C_M),
                 name: str = "Test Venue", *, now: datetime | None = None,
                 lifetimes: Lifetimes = Lifetimes()) -> None:
        self.now = now or datetime.now(UTC)
        self.lifetimes = lifetimes
        self.root_seed = certs.new_signing_key()
        before, after = lifetimes.root
        self.root = certs.make_root_certificate(
            self.root_seed, name=name, not_before=self.now - before,
            not_after=self.now + after)
        self.missions: dict[str, tuple[bytes, bytes]] = {}
        for m in missions:
            self.mission(m)
        self._crl_numbers: dict[str, int] = {}
        self._serial = itertools.count(1)

    def mission(self, mission_id: str) -> tuple[bytes, bytes]:
        """The mission's certificate and key seed, accredited on first use."""
        if mission_id not in self.missions:
            seed = certs.new_signing_key()
            before, after = self.lifetimes.mission
            der = certs.issue_mission_certificate(
                self.root, self.root_seed, public_key=certs.public_key_of(seed),
                mission_id=mission_id, name=f"Mission of {mission_id}",
                not_before=self.now - before, not_after=self.now + after)
            self.missions[mission_id] = (der, seed)
        return self.missions[mission_id]

    @property
    def default_mission(self) -> str:
        return next(iter(self.missions))

    def reaccredited(self, mission_id: str, not_after: datetime) -> bytes:
        """A new certificate for ``mission_id``'s same key ending at ``not_after`` (as the
        secretariat re-accredits for less); the venue keeps the old one unless the
        caller stores it."""
        _der, seed = self.mission(mission_id)
        return certs.issue_mission_certificate(
            self.root, self.root_seed, public_key=certs.public_key_of(seed),
            mission_id=mission_id, name=f"Mission of {mission_id}",
            not_before=self.now - self.lifetimes.mission[0], not_after=not_after)

    def device(self, mission: str | None = None, delegate: str | None = None, *,
               seed: bytes | None = None, signer: str | None = None,
               display_name: str | None = None, not_before: datetime | None = None,
               not_after: datetime | None = None) -> Issued:
        """A device certificate of ``mission`` (default: the first) for ``delegate``
        (default: a fresh name); ``signer`` signs it with another mission's key (a
        forgery: the right profile, the wrong signature); ``not_before``/``not_after``
        move its validity (an expired or not yet valid certificate)."""
        mission = mission or self.default_mission
        delegate = delegate or f"d{next(self._serial)}"
        mder, mseed = self.mission(mission)
        seed = seed or certs.new_signing_key()
        before, after = self.lifetimes.device
        der = certs.issue_device_certificate(
            mder, mseed, public_key=certs.public_key_of(seed), delegate_id=delegate,
            display_name=display_name or delegate, not_before=not_before or self.now - before,
            not_after=not_after or self.now + after)
        if signer is not None:
            genuine = x509.load_der_x509_certificate(der)
            b = (x509.CertificateBuilder().subject_name(genuine.subject)
                 .issuer_name(genuine.issuer).public_key(genuine.public_key())
                 .serial_number(genuine.serial_number)
                 .not_valid_before(genuine.not_valid_before_utc)
                 .not_valid_after(genuine.not_valid_after_utc))
            for ext in genuine.extensions:
                b = b.add_extension(ext.value, ext.critical)
            wrong = ed25519.Ed25519PrivateKey.from_private_bytes(self.missions[signer][1])
            der = b.sign(wrong, None).public_bytes(Encoding.DER)
        return Issued(seed, (der, mder))

    def role(self, role: str, mission: str, delegate: str, channel: str | None = None, *,
             not_before: datetime | None = None, not_after: datetime | None = None) -> bytes:
        """A root-signed role certificate (chair, or convener of ``channel``); by default
        valid for the venue's role lifetime (a week)."""
        before, after = self.lifetimes.role
        return certs.issue_role_certificate(
            self.root, self.root_seed, role=role, channel=channel, delegate_id=delegate,
            mission_id=mission, not_before=not_before or self.now - before,
            not_after=not_after or self.now + after)

    def crl(self, issuer: str | None, serials: Sequence[int]) -> bytes:
        """A CRL of ``issuer`` (a mission id, or None for the root) revoking ``serials``;
        each call numbers its issuer's CRL one higher."""
        der, seed = (self.root, self.root_seed) if issuer is None else self.missions[issuer]
        key = issuer or ""
        self._crl_numbers[key] = self._crl_numbers.get(key, 0) + 1
        return certs.make_crl(der, seed, revoked=[(s, self.now) for s in serials],
                              this_update=self.now, next_update=self.now + timedelta(days=7),
                              number=self._crl_numbers[key])

    def verifier(self) -> certs.ChainVerifier:
        """What a client that pinned this root checks chains with."""
        return certs.ChainVerifier(self.root, now=datetime.now(UTC))

    def trust(self) -> Trust:
        """The client's trust decisions for a device that pinned this root."""
        from client.trust import Trust

        return Trust(self.root)

    def ident(self, issued: Issued) -> Ident:
        """The (mission, delegate) a client reads from ``issued``'s verified chain."""
        from client.policy import Ident

        v = self.trust().verify_chain(issued.chain)
        return Ident(v.mission_id, v.delegate_id)

    def client(self, http: httpx.AsyncClient, issued: Issued | None = None) -> RelayClient:
        """A relay client for ``issued`` (default: a new device of the default mission)."""
        from .relay_client import RelayClient

        issued = issued or self.device()
        return RelayClient(http, issued.key, issued.chain)


def root_pem(pki: Pki) -> bytes:
    return x509.load_der_x509_certificate(pki.root).public_bytes(Encoding.PEM)


def write_root(data_dir: Path, pki: Pki, *, replace: bool = False) -> Path:
    """Initialise a relay's data directory for ``pki`` (keeps an existing root unless
    ``replace``); returns the path of ``root.pem``."""
    data_dir.mkdir(parents=True, exist_ok=True)
    path = data_dir / "root.pem"
    if replace or not path.exists():
        path.write_bytes(root_pem(pki))
    return path


@functools.cache
def session_venue() -> Pki:
    """One venue for the whole test session, its names unique to it (another session's
    CRLs must never apply here, even on a shared PostgreSQL server)."""
    tag = secrets.token_hex(4)
    return Pki(missions=(f"relaytest{tag}", f"relayother{tag}"), name=f"Relay Test Venue {tag}")
