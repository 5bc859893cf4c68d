# SPDX-License-Identifier: Apache-2.0
"""The venue profile's constants, the typed chain errors (one per failing link),
and the values a verification or a request returns.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime

from cryptography import x509

from crypto.errors import CertificateError

CORRIDOR_ARC = "2.25.238019447148139815369018827487334369157"
DEVICE_EKU = x509.ObjectIdentifier(CORRIDOR_ARC + ".1")
ROLE_EKU = x509.ObjectIdentifier(CORRIDOR_ARC + ".2")

ROLES = ("chair", "convener")
_ID_RE = re.compile(r"[A-Za-z0-9][A-Za-z0-9._@-]{0,63}")
_URI_MISSION = "corridor:mission/"
_URI_DELEGATE = "corridor:delegate/"
_URI_ROLE = "corridor:role/"
#: A mission certificate's standing at the venue, set by the root: only "observer".
_URI_STANDING = "corridor:standing/"
STANDINGS = ("observer",)
_MAX_CHAIN = 8
_MAX_DER = 16 * 1024

Link = str  # "root" | "mission" | "device" | "role" | "crl"


# --------------------------------------------------------------------------- errors


class ChainError(CertificateError):
    """A link of the chain failed. ``link`` names it; ``reason`` says why (no key bytes)."""

    def __init__(self, link: Link, reason: str) -> None:
        super().__init__(f"{link}: {reason}")
        self.link = link
        self.reason = reason


class MalformedCertificateError(ChainError):
    """The bytes are not a DER X.509 certificate (or not one we can read)."""


class UnsupportedAlgorithmError(ChainError):
    """Not an Ed25519 key, not an Ed25519 signature, or not X.509 v3."""


class UnsupportedExtensionError(ChainError):
    """An unknown critical extension, a wrong criticality or a missing required extension."""


class WrongCertificateKindError(ChainError):
    """A certificate of one kind in the place of another (a mission cert as a device...)."""


class PathLengthError(ChainError):
    """A CA below the mission level: a mission (path length 0) certified another CA."""


class IssuerMismatchError(ChainError):
    """The certificate names another issuer than the next certificate of the chain."""


class UntrustedRootError(ChainError):
    """The chain leads to another root than the pinned venue root."""


class BadSignatureError(ChainError):
    """The issuer's signature over the certificate (or request) does not verify."""


class ExpiredError(ChainError):
    """The time is after the certificate's notAfter."""


class NotYetValidError(ChainError):
    """The time is before the certificate's notBefore."""


class LifetimeError(ChainError):
    """The certificate's validity reaches outside its issuer's."""


class RevokedError(ChainError):
    """A CRL of the issuer lists the certificate's serial number."""


class IdentityFieldError(ChainError):
    """Identity fields (subject, subjectAltName URIs) are missing, repeated or inconsistent."""


class RoleMismatchError(ChainError):
    """A role certificate for another delegate or another mission."""


class MalformedCrlError(ChainError):
    """The bytes are not a DER CRL we can read, or the CRL breaks the profile."""


class CrlSignatureError(ChainError):
    """A CRL naming an issuer of the chain is not signed by that issuer's key."""


class KeyMismatchError(ChainError):
    """The MLS leaf's signature key differs from the device certificate's key."""


# --------------------------------------------------------------------------- values


@dataclass(frozen=True, slots=True)
class RoleGrant:
    """A verified role: ``chair``, or ``convener`` of ``channel``, until ``not_after``."""

    role: str
    channel: str | None
    not_after: datetime
    serial: int


@dataclass(frozen=True, slots=True)
class VerifiedIdentity:
    """What a verified chain proves about a device."""

    mission_id: str
    mission_name: str
    delegate_id: str
    display_name: str
    signature_key: bytes  # raw 32-byte Ed25519 public key = the MLS leaf's signature key
    roles: tuple[RoleGrant, ...]
    device_serial: int
    mission_serial: int
    not_after: datetime  # when the earliest link of the chain expires
    root_fingerprint: bytes
    #: the venue accredited the mission as an observer (its mission certificate says so)
    observer: bool = False

    def to_json(self) -> dict[str, object]:
        """A JSON-ready dict (the command lines print it)."""
        return {
            "mission_id": self.mission_id,
            "mission_name": self.mission_name,
            "delegate_id": self.delegate_id,
            "display_name": self.display_name,
            "signature_key": self.signature_key.hex(),
            "roles": [
                {"role": r.role, "channel": r.channel, "not_after": r.not_after.isoformat(),
                 "serial": r.serial}
                for r in self.roles
            ],
            "device_serial": self.device_serial,
            "mission_serial": self.mission_serial,
            "not_after": self.not_after.isoformat(),
            "root_fingerprint": self.root_fingerprint.hex(),
            "observer": self.observer,
        }


@dataclass(frozen=True, slots=True)
class Request:
    """A checked certificate request (proof of possession verified)."""

    public_key: bytes
    kind: str  # "mission" or "device"
    id: str
    name: str


@dataclass(slots=True)
class _Cert:
    """Everything the checks need, read eagerly so a malformed field fails at parse time."""

    der: bytes
    cert: x509.Certificate
    serial: int
    subject_name: x509.Name
    issuer_name: x509.Name
    not_before: datetime
    not_after: datetime
    sig_oid: x509.ObjectIdentifier
    public_key: bytes | None  # raw Ed25519, None for another key type
    exts: dict[x509.ObjectIdentifier, x509.Extension[x509.ExtensionType]]
    tbs: bytes
    signature: bytes
    cn: str | None = None
    uid: str | None = None
    uris: list[str] = field(default_factory=list)
