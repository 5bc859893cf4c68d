# SPDX-License-Identifier: Apache-2.0
"""The signatures and certificate checks the crisis records use, in one place.

Records are signed with MLS's SignWithLabel (RFC 9420 section 5.1.2, Ed25519) under a
Corridor label per record type, so a signature made for one purpose can never be
replayed as another (a ladder step as a roster, a roster as a handover). Members sign
with their device key (the MLS signature key their device certificate binds), the
mission admin with the mission key, the secretariat with the venue root key.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Final, TypeVar

import msgspec
from cryptography import x509
from cryptography.hazmat.primitives.asymmetric import ed25519
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

from crypto import certs
from crypto.errors import CryptoError
from crypto.suites import SUITES

__all__ = [
    "HANDOVER_LABEL",
    "LOG_LABEL",
    "RECORD_LABEL",
    "ROSTER_LABEL",
    "WINDOWS_LABEL",
    "cert_identity",
    "cert_public_key",
    "fingerprint",
    "sign",
    "verified_member",
    "verify",
    "verify_device_chain",
]

_SUITE: Final = SUITES[0x0003]
#: A member's hotline call, ladder step, attendance answer or request for explanation.
RECORD_LABEL: Final = "corridor crisis record"
#: A mission's duty roster, signed by the mission key.
ROSTER_LABEL: Final = "corridor duty roster"
#: A mission's duty windows (when someone is on duty, no names), signed by the mission key.
WINDOWS_LABEL: Final = "corridor duty windows"
#: A chair handover, signed by the venue root.
HANDOVER_LABEL: Final = "corridor chair handover"
#: An exported hotline log, signed by the exporting member.
LOG_LABEL: Final = "corridor hotline log"


def sign(seed: bytes, label: str, body: bytes) -> bytes:
    """Ed25519 SignWithLabel over ``body`` with a 32-byte seed (or expanded key)."""
    return _SUITE.sign_with_label(seed, label, body)


def verify(public_key: bytes, label: str, body: bytes, signature: bytes) -> bool:
    try:
        _SUITE.verify_with_label(public_key, label, body, signature)
    except CryptoError:
        return False
    return True


def fingerprint(der: bytes) -> bytes:
    """SHA-256 of a certificate's DER (the form the venue root is pinned by)."""
    return hashlib.sha256(der).digest()


def cert_public_key(der: bytes) -> bytes:
    """The raw Ed25519 subject key of a certificate (ValueError if it has none)."""
    key = x509.load_der_x509_certificate(bytes(der)).public_key()
    if not isinstance(key, ed25519.Ed25519PublicKey):
        raise ValueError("not an Ed25519 certificate")
    return key.public_bytes(Encoding.Raw, PublicFormat.Raw)


def cert_identity(der: bytes) -> tuple[str, str]:
    """(mission id, delegate id or "") from a certificate's subjectAltName URIs, unverified."""
    cert = x509.load_der_x509_certificate(bytes(der))
    san = cert.extensions.get_extension_for_class(x509.SubjectAlternativeName).value
    uris = san.get_values_for_type(x509.UniformResourceIdentifier)
    mission = [u.split("/", 1)[1] for u in uris if u.startswith("corridor:mission/")]
    delegate = [u.split("/", 1)[1] for u in uris if u.startswith("corridor:delegate/")]
    if len(mission) != 1 or len(delegate) > 1:
        raise ValueError("certificate without exactly one mission")
    return mission[0], delegate[0] if delegate else ""


def verify_device_chain(root_der: bytes, chain: Sequence[bytes], at_ms: int,
                        crls: Sequence[bytes] = ()) -> certs.VerifiedIdentity:
    """A device chain checked against the venue root at ``at_ms`` (the record's own time,
    so a record stays verifiable after its signer's certificate expires).

    Raises:
        crypto.errors.CryptoError: the chain does not verify at that time.
    """
    when = datetime.fromtimestamp(at_ms / 1000, UTC)
    return certs.verify_chain(root_der, list(chain), now=when, crls=list(crls))


def verified_member(root_der: bytes, chain: Sequence[bytes], at_ms: int,
                    crls: Sequence[bytes], what: str, named: dict[str, set[str]],
                    error: type[Exception]) -> certs.VerifiedIdentity:
    """The member a signed record's chain verifies as at ``at_ms``, its display name
    added to ``named`` (a record names a member only where all its chains agree).

    Raises:
        error: the chain does not verify; the message names ``what``.
    """
    try:
        ident = verify_device_chain(root_der, chain, at_ms, crls)
    except (CryptoError, ValueError, TypeError) as exc:
        raise error(f"{what}: the certificate chain does not verify "
                    f"({type(exc).__name__})") from None
    if ident.display_name.strip():
        who = f"{ident.mission_id}/{ident.delegate_id}"
        named.setdefault(who, set()).add(ident.display_name.strip())
    return ident


T = TypeVar("T")
_canon_enc: Final = msgspec.msgpack.Encoder()


def decode_canonical(data: bytes, decoder: msgspec.msgpack.Decoder[T], what: str,
                     error: type[Exception]) -> T:
    """Decode a signed export's msgpack, refusing any encoding but the one the exporter
    wrote (another encoding of the same value would verify and still differ in bytes)."""
    try:
        value = decoder.decode(data)
    except (msgspec.MsgspecError, ValueError):
        raise error(f"malformed {what}") from None
    if _canon_enc.encode(value) != data:
        raise error(f"{what} is not in canonical form")
    return value
