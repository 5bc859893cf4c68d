# SPDX-License-Identifier: Apache-2.0
"""Venue trust: the X.509 chain venue root → mission → device, and role certificates.

This is MLS's Authentication Service for Corridor (RFC 9420 §5.3.1 ``x509``
credentials: ``opaque cert_data<V>``, leaf first). Certificates are built and parsed
with ``cryptography``'s x509 module so a ministry's PKI tools (``openssl x509 -text``)
read them; the chain check is Corridor's own and pure: the pinned root, the chain, the
CRLs and the time go in; a :class:`VerifiedIdentity` or one typed :class:`ChainError`
(naming the failing ``link``: root, mission, device, role or crl) comes out.

Profile (every certificate is X.509 v3, Ed25519 subject key, Ed25519 signature)::

    venue root   self-signed. Subject CN=<venue name>.
                 basicConstraints critical CA, pathLen 1 (or absent);
                 keyUsage critical keyCertSign, cRLSign; subjectKeyIdentifier.
    mission      issued by the root. Subject CN=<mission name>, UID=<mission id>.
                 basicConstraints critical CA, pathLen 0 (it may sign devices only);
                 keyUsage critical keyCertSign, cRLSign;
                 subjectAltName URI corridor:mission/<mission id>; SKI; AKI = root SKI.
    device       issued by a mission. Subject CN=<display name>, UID=<delegate id>.
                 The subject public key IS the device's MLS signature key.
                 basicConstraints critical not-CA; keyUsage critical digitalSignature;
                 extendedKeyUsage critical id-corridor-device;
                 subjectAltName URIs corridor:mission/<mission id>,
                 corridor:delegate/<delegate id>; SKI; AKI = mission SKI.
    role         issued by the root, short-lived. Subject CN=<role>, UID=<delegate id>.
                 basicConstraints critical not-CA; extendedKeyUsage critical
                 id-corridor-role (so no standard stack will use it for anything);
                 subjectAltName URIs corridor:mission/<id>, corridor:delegate/<id>,
                 corridor:role/chair or corridor:role/convener/<channel, %-encoded>.
                 Its subject key is a throwaway (a role is an attribute of a person,
                 not of a key); verification only checks it is Ed25519.

The identity fields travel as subjectAltName URIs (typed, unambiguous, shown by every
tool); the subject DN repeats the id as UID so issuer names are unique per mission
(CRLs are matched by issuer name) and must agree with the URIs. Corridor's OIDs hang
under the UUID arc 2.25.238019447148139815369018827487334369157 (ITU-T X.667: no
registration needed): .1 = device EKU, .2 = role EKU.

Rules beyond the profile: a certificate never outlives its issuer (refused both when
issuing and when verifying); an unknown critical extension, a non-Ed25519 key or
signature, a wrong criticality, a missing required extension are all refused;
unknown non-critical extensions are ignored (RFC 5280). CRLs are issued by the root
(missions, roles) and by each mission (its devices); a CRL whose issuer name is in the
chain must verify under that issuer's key, CRLs of other issuers are ignored, and a
revocation once signed stays in force whatever the CRL's dates (there is no
un-revoking). An optional trailing copy of the root in a chain must equal the pinned
root byte for byte.
"""

from __future__ import annotations

import hashlib
import re
import secrets
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime

import nacl.exceptions
import nacl.signing
from cryptography import x509
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ed25519
from cryptography.x509.oid import (
    ExtensionOID,
    NameOID,
    SignatureAlgorithmOID,
)

from crypto.certs.words import encode_words, format_hex
from crypto.errors import CertificateError, DecodeError, UsageError

__all__ = [
    "CORRIDOR_ARC",
    "DEVICE_EKU",
    "ROLES",
    "ROLE_EKU",
    "BadSignatureError",
    "ChainError",
    "ChainVerifier",
    "CrlSignatureError",
    "ExpiredError",
    "IdentityFieldError",
    "IssuerMismatchError",
    "KeyMismatchError",
    "LifetimeError",
    "MalformedCertificateError",
    "MalformedCrlError",
    "NotYetValidError",
    "PathLengthError",
    "Request",
    "RevokedError",
    "RoleGrant",
    "RoleMismatchError",
    "UnsupportedAlgorithmError",
    "UnsupportedExtensionError",
    "UntrustedRootError",
    "VerifiedIdentity",
    "WrongCertificateKindError",
    "certificate_serial",
    "crl_entries",
    "crl_number",
    "der_of",
    "fingerprint",
    "fingerprint_hex",
    "fingerprint_words",
    "issue_device_certificate",
    "issue_mission_certificate",
    "issue_role_certificate",
    "make_crl",
    "make_device_request",
    "make_mission_request",
    "make_root_certificate",
    "new_signing_key",
    "pem_of",
    "public_key_of",
    "read_request",
    "verify_chain",
    "verify_mls_credential",
]

CORRIDOR_ARC = "2.25.238019447148139815369018827487334369157"
DEVICE_EKU = x509.ObjectIdentifier(CORRIDOR_ARC + ".1")
ROLE_EKU = x509.ObjectIdentifier(CORRIDOR_ARC + ".2")

ROLES = ("chair", "convener")
_ID_RE = re.compile(r"[A-Za-z0-9][A-Za-z0-9._@-]{0,63}")
_URI_MISSION = "corridor:mission/"
_URI_DELEGATE = "corridor:delegate/"
_URI_ROLE = "corridor:role/"
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


# --------------------------------------------------------------------------- helpers


def _aware(t: datetime, what: str) -> datetime:
    if t.tzinfo is None or t.utcoffset() is None:
        raise UsageError(f"{what} must be a timezone-aware datetime")
    return t


def _check_id(value: str, what: str) -> str:
    if not isinstance(value, str) or not _ID_RE.fullmatch(value):
        raise UsageError(f"{what} must be 1..64 of A-Z a-z 0-9 . _ @ - (starting alphanumeric)")
    return value


def _valid_id(value: str) -> bool:
    return bool(_ID_RE.fullmatch(value))


def _valid_name(value: str) -> bool:
    return 1 <= len(value) <= 128 and value.isprintable() and value == value.strip()


def _check_name(value: str, what: str) -> str:
    if not isinstance(value, str) or not _valid_name(value):
        raise UsageError(f"{what} must be 1..128 printable characters, no outer spaces")
    return value


_UNRESERVED = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")


def _pct_encode(text: str) -> str:
    return "".join(
        ch if ch in _UNRESERVED else "".join(f"%{b:02X}" for b in ch.encode("utf-8"))
        for ch in text
    )


def _pct_decode(text: str) -> str | None:
    out = bytearray()
    i = 0
    while i < len(text):
        ch = text[i]
        if ch == "%":
            pair = text[i + 1 : i + 3]
            if len(pair) != 2 or any(c not in "0123456789ABCDEF" for c in pair):
                return None
            out.append(int(pair, 16))
            i += 3
        elif ch in _UNRESERVED:
            out.append(ord(ch))
            i += 1
        else:
            return None
    try:
        decoded = out.decode("utf-8")
    except UnicodeDecodeError:
        return None
    return decoded if _pct_encode(decoded) == text else None  # canonical form only


def _serial(rng: Callable[[int], bytes]) -> int:
    return (int.from_bytes(rng(20), "big") >> 1) | 1  # positive, < 2**159, never zero


def _private(seed: bytes) -> ed25519.Ed25519PrivateKey:
    if len(seed) != 32:
        raise UsageError("an Ed25519 private key seed is 32 bytes")
    return ed25519.Ed25519PrivateKey.from_private_bytes(seed)


def _public(raw: bytes) -> ed25519.Ed25519PublicKey:
    if len(raw) != 32:
        raise UsageError("an Ed25519 public key is 32 bytes")
    try:
        return ed25519.Ed25519PublicKey.from_public_bytes(raw)
    except ValueError:
        raise UsageError("not an Ed25519 public key") from None


def _raw_public(key: object) -> bytes | None:
    if isinstance(key, ed25519.Ed25519PublicKey):
        return key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return None


def new_signing_key(rng: Callable[[int], bytes] = secrets.token_bytes) -> bytes:
    """A fresh Ed25519 private key as its 32-byte seed."""
    seed = rng(32)
    _private(seed)
    return seed


def public_key_of(seed: bytes) -> bytes:
    """The raw 32-byte Ed25519 public key of a seed."""
    raw = _raw_public(_private(seed).public_key())
    assert raw is not None
    return raw


_LOADERS: dict[str, tuple[Callable[[bytes], object], Callable[[bytes], object]]] = {
    "certificate": (x509.load_pem_x509_certificate, x509.load_der_x509_certificate),
    "crl": (x509.load_pem_x509_crl, x509.load_der_x509_crl),
    "request": (x509.load_pem_x509_csr, x509.load_der_x509_csr),
}


def der_of(data: bytes, kind: str) -> bytes:
    """The DER of a certificate, CRL or request given as PEM or DER (file contents).

    One helper for every command line that reads these files; raises
    :class:`DecodeError` naming the kind when ``data`` is neither.
    """
    if kind not in _LOADERS:
        raise UsageError(f"unknown kind {kind!r}")
    pem, der = _LOADERS[kind]
    try:
        obj = pem(data) if b"-----BEGIN" in data else der(data)
    except ValueError:
        raise DecodeError(f"not a {kind}") from None
    out: bytes = obj.public_bytes(serialization.Encoding.DER)  # type: ignore[attr-defined]
    return out


def pem_of(der: bytes, kind: str) -> bytes:
    """PEM text of a DER certificate, CRL or request (for files ``openssl`` reads)."""
    if kind not in _LOADERS:
        raise UsageError(f"unknown kind {kind!r}")
    try:
        obj = _LOADERS[kind][1](der)
    except ValueError:
        raise DecodeError(f"not a {kind}") from None
    out: bytes = obj.public_bytes(serialization.Encoding.PEM)  # type: ignore[attr-defined]
    return out


def fingerprint(cert_der: bytes) -> bytes:
    """SHA-256 of the certificate's DER: what people compare out of band."""
    return hashlib.sha256(cert_der).digest()


def fingerprint_hex(cert_der: bytes) -> str:
    """The fingerprint as grouped upper-case hex."""
    return format_hex(fingerprint(cert_der))


def fingerprint_words(cert_der: bytes) -> str:
    """The fingerprint as 32 words (crypto.certs.words), space separated."""
    return " ".join(encode_words(fingerprint(cert_der)))


def _name(cn: str, uid: str | None = None) -> x509.Name:
    attrs = [x509.NameAttribute(NameOID.COMMON_NAME, cn)]
    if uid is not None:
        attrs.append(x509.NameAttribute(NameOID.USER_ID, uid))
    return x509.Name(attrs)


def _single(name: x509.Name, oid: x509.ObjectIdentifier) -> str | None:
    attrs = name.get_attributes_for_oid(oid)
    if len(attrs) != 1 or not isinstance(attrs[0].value, str):
        return None
    return attrs[0].value


# --------------------------------------------------------------------------- parsing


def _parse(der: object, link: Link) -> _Cert:
    """Parse eagerly; every failure of the library becomes MalformedCertificateError."""
    if not isinstance(der, bytes | bytearray | memoryview):
        raise MalformedCertificateError(link, "not bytes")
    der = bytes(der)
    if not der or len(der) > _MAX_DER:
        raise MalformedCertificateError(link, "empty or oversized certificate")
    try:
        cert = x509.load_der_x509_certificate(der)
        if cert.version is not x509.Version.v3:
            raise UnsupportedAlgorithmError(link, "not an X.509 v3 certificate")
        exts: dict[x509.ObjectIdentifier, x509.Extension[x509.ExtensionType]] = {}
        for ext in cert.extensions:
            exts[ext.oid] = ext
        try:
            key = cert.public_key()
        except Exception:  # an unsupported key algorithm
            key = None
        parsed = _Cert(
            der=der,
            cert=cert,
            serial=cert.serial_number,
            subject_name=cert.subject,
            issuer_name=cert.issuer,
            not_before=cert.not_valid_before_utc,
            not_after=cert.not_valid_after_utc,
            sig_oid=cert.signature_algorithm_oid,
            public_key=_raw_public(key),
            exts=exts,
            tbs=cert.tbs_certificate_bytes,
            signature=cert.signature,
        )
        parsed.cn = _single(cert.subject, NameOID.COMMON_NAME)
        parsed.uid = _single(cert.subject, NameOID.USER_ID)
        san = exts.get(ExtensionOID.SUBJECT_ALTERNATIVE_NAME)
        if san is not None and isinstance(san.value, x509.SubjectAlternativeName):
            parsed.uris = list(san.value.get_values_for_type(x509.UniformResourceIdentifier))
    except ChainError:
        raise
    except Exception:  # cryptography raises ValueError and friends on hostile DER
        raise MalformedCertificateError(link, "cannot parse the certificate") from None
    return parsed


def _check_algorithms(c: _Cert, link: Link) -> None:
    if c.sig_oid != SignatureAlgorithmOID.ED25519:
        raise UnsupportedAlgorithmError(link, "signature algorithm is not Ed25519")
    if c.public_key is None:
        raise UnsupportedAlgorithmError(link, "subject key is not Ed25519")


_KNOWN = {
    ExtensionOID.BASIC_CONSTRAINTS,
    ExtensionOID.KEY_USAGE,
    ExtensionOID.EXTENDED_KEY_USAGE,
    ExtensionOID.SUBJECT_ALTERNATIVE_NAME,
    ExtensionOID.SUBJECT_KEY_IDENTIFIER,
    ExtensionOID.AUTHORITY_KEY_IDENTIFIER,
}


def _check_extensions(c: _Cert, link: Link) -> None:
    for oid, ext in c.exts.items():
        if ext.critical and oid not in _KNOWN:
            raise UnsupportedExtensionError(link, f"unknown critical extension {oid.dotted_string}")
    bc = c.exts.get(ExtensionOID.BASIC_CONSTRAINTS)
    if bc is None or not bc.critical:
        raise UnsupportedExtensionError(link, "basicConstraints missing or not critical")
    ku = c.exts.get(ExtensionOID.KEY_USAGE)
    if ku is not None and not ku.critical:
        raise UnsupportedExtensionError(link, "keyUsage not critical")
    san = c.exts.get(ExtensionOID.SUBJECT_ALTERNATIVE_NAME)
    if san is not None and san.critical:
        raise UnsupportedExtensionError(link, "subjectAltName critical")


def _bc(c: _Cert) -> x509.BasicConstraints:
    value = c.exts[ExtensionOID.BASIC_CONSTRAINTS].value
    assert isinstance(value, x509.BasicConstraints)
    return value


def _ku(c: _Cert) -> x509.KeyUsage | None:
    ext = c.exts.get(ExtensionOID.KEY_USAGE)
    if ext is None:
        return None
    assert isinstance(ext.value, x509.KeyUsage)
    return ext.value


def _eku(c: _Cert) -> tuple[bool, set[x509.ObjectIdentifier]] | None:
    ext = c.exts.get(ExtensionOID.EXTENDED_KEY_USAGE)
    if ext is None:
        return None
    assert isinstance(ext.value, x509.ExtendedKeyUsage)
    return ext.critical, set(ext.value)


def _ski(c: _Cert) -> bytes | None:
    ext = c.exts.get(ExtensionOID.SUBJECT_KEY_IDENTIFIER)
    if ext is None:
        return None
    assert isinstance(ext.value, x509.SubjectKeyIdentifier)
    return ext.value.digest


def _aki(c: _Cert) -> bytes | None:
    ext = c.exts.get(ExtensionOID.AUTHORITY_KEY_IDENTIFIER)
    if ext is None or not isinstance(ext.value, x509.AuthorityKeyIdentifier):
        return None
    return ext.value.key_identifier


def _is_ca(c: _Cert) -> bool:
    bc = c.exts.get(ExtensionOID.BASIC_CONSTRAINTS)
    return bc is not None and isinstance(bc.value, x509.BasicConstraints) and bc.value.ca


def _verify_sig(issuer_key: bytes, message: bytes, signature: bytes) -> bool:
    try:
        nacl.signing.VerifyKey(issuer_key).verify(message, signature)
    except (nacl.exceptions.BadSignatureError, nacl.exceptions.CryptoError, ValueError):
        return False
    return True


def _check_time(c: _Cert, link: Link, now: datetime) -> None:
    if now < c.not_before:
        raise NotYetValidError(link, f"not valid before {c.not_before.isoformat()}")
    if now > c.not_after:
        raise ExpiredError(link, f"expired at {c.not_after.isoformat()}")


def _check_within(c: _Cert, issuer: _Cert, link: Link) -> None:
    if c.not_before < issuer.not_before or c.not_after > issuer.not_after:
        raise LifetimeError(link, "validity reaches outside its issuer's validity")


def _check_issued_by(c: _Cert, issuer: _Cert, link: Link) -> None:
    """Name and key identifier chaining, then the signature (libsodium: strict Ed25519)."""
    if c.issuer_name != issuer.subject_name:
        raise IssuerMismatchError(link, "issuer name does not match the issuing certificate")
    aki, ski = _aki(c), _ski(issuer)
    if aki is not None and ski is not None and aki != ski:
        raise IssuerMismatchError(link, "authority key identifier does not match the issuer")
    assert issuer.public_key is not None
    if not _verify_sig(issuer.public_key, c.tbs, c.signature):
        raise BadSignatureError(link, "signature does not verify under the issuer's key")


def _uris(c: _Cert, link: Link) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {"mission": [], "delegate": [], "role": []}
    for uri in c.uris:
        for kind, prefix in (("mission", _URI_MISSION), ("delegate", _URI_DELEGATE),
                             ("role", _URI_ROLE)):
            if uri.startswith(prefix):
                found[kind].append(uri[len(prefix):])
                break
        else:
            if uri.startswith("corridor:"):
                raise IdentityFieldError(link, "unknown corridor: URI")
    return found


def _one(values: list[str], link: Link, what: str) -> str:
    if len(values) != 1 or not _valid_id(values[0]):
        raise IdentityFieldError(link, f"needs exactly one valid {what} URI")
    return values[0]


# --------------------------------------------------------------------------- profiles


def _check_root(c: _Cert, now: datetime) -> None:
    _check_algorithms(c, "root")
    _check_extensions(c, "root")
    bc = _bc(c)
    ku = _ku(c)
    if not bc.ca or (bc.path_length is not None and bc.path_length < 1):
        raise WrongCertificateKindError("root", "the venue root must be a CA above missions")
    if ku is None or not ku.key_cert_sign or not ku.crl_sign:
        raise UnsupportedExtensionError("root", "keyUsage must allow keyCertSign and cRLSign")
    if c.issuer_name != c.subject_name:
        raise UntrustedRootError("root", "the pinned root is not self-issued")
    assert c.public_key is not None
    if not _verify_sig(c.public_key, c.tbs, c.signature):
        raise BadSignatureError("root", "self-signature does not verify")
    _check_time(c, "root", now)


@dataclass(frozen=True, slots=True)
class _Mission:
    cert: _Cert
    mission_id: str
    name: str


def _mission_profile(c: _Cert) -> _Mission:
    link = "mission"
    if not _is_ca(c):
        raise WrongCertificateKindError(link, "not a CA: a device or role certificate "
                                              "where a mission certificate belongs")
    _check_algorithms(c, link)
    _check_extensions(c, link)
    bc, ku = _bc(c), _ku(c)
    if bc.path_length != 0:
        raise PathLengthError(link, "a mission certificate must have path length 0")
    if ku is None or not ku.key_cert_sign:
        raise UnsupportedExtensionError(link, "keyUsage must allow keyCertSign")
    eku = _eku(c)
    if eku is not None and eku[0]:
        raise UnsupportedExtensionError(link, "critical extendedKeyUsage on a mission")
    uris = _uris(c, link)
    if uris["delegate"] or uris["role"]:
        raise WrongCertificateKindError(link, "carries delegate or role identity")
    mission_id = _one(uris["mission"], link, "mission")
    if c.uid != mission_id or c.cn is None or not _valid_name(c.cn):
        raise IdentityFieldError(link, "subject UID/CN do not match the mission URI")
    return _Mission(c, mission_id, c.cn)


def _device_profile(c: _Cert, mission: _Mission) -> tuple[str, str]:
    link = "device"
    if _is_ca(c):
        raise WrongCertificateKindError(link, "a CA certificate where a device certificate "
                                              "belongs")
    _check_algorithms(c, link)
    _check_extensions(c, link)
    ku = _ku(c)
    if ku is None or not ku.digital_signature or ku.key_cert_sign or ku.crl_sign:
        raise UnsupportedExtensionError(link, "keyUsage must be digitalSignature only")
    eku = _eku(c)
    if eku is None or not eku[0] or eku[1] != {DEVICE_EKU}:
        raise WrongCertificateKindError(link, "not a Corridor device certificate (EKU)")
    uris = _uris(c, link)
    if uris["role"]:
        raise WrongCertificateKindError(link, "carries a role")
    mission_id = _one(uris["mission"], link, "mission")
    delegate_id = _one(uris["delegate"], link, "delegate")
    if mission_id != mission.mission_id:
        raise IdentityFieldError(link, "names another mission than its issuer")
    if c.uid != delegate_id or c.cn is None or not _valid_name(c.cn):
        raise IdentityFieldError(link, "subject UID/CN do not match the delegate URI")
    return delegate_id, c.cn


def _role_profile(c: _Cert) -> tuple[str, str, str, str | None]:
    """(mission id, delegate id, role, channel)."""
    link = "role"
    if _is_ca(c):
        raise WrongCertificateKindError(link, "a CA certificate where a role belongs")
    _check_algorithms(c, link)
    _check_extensions(c, link)
    ku = _ku(c)
    if ku is not None and (ku.key_cert_sign or ku.crl_sign):
        raise UnsupportedExtensionError(link, "a role cannot sign certificates")
    eku = _eku(c)
    if eku is None or not eku[0] or eku[1] != {ROLE_EKU}:
        raise WrongCertificateKindError(link, "not a Corridor role certificate (EKU)")
    uris = _uris(c, link)
    mission_id = _one(uris["mission"], link, "mission")
    delegate_id = _one(uris["delegate"], link, "delegate")
    if len(uris["role"]) != 1 or c.uid != delegate_id:
        raise IdentityFieldError(link, "needs exactly one role URI and a matching UID")
    role_uri = uris["role"][0]
    if role_uri == "chair":
        return mission_id, delegate_id, "chair", None
    if role_uri.startswith("convener/"):
        channel = _pct_decode(role_uri[len("convener/"):])
        if channel is not None and _valid_name(channel):
            return mission_id, delegate_id, "convener", channel
    raise IdentityFieldError(link, "unknown role")


# --------------------------------------------------------------------------- CRLs


@dataclass(frozen=True, slots=True)
class _Crl:
    issuer_name: x509.Name
    tbs: bytes
    signature: bytes
    revoked: frozenset[int]


def _parse_crl(der: object) -> _Crl:
    link = "crl"
    if not isinstance(der, bytes | bytearray | memoryview) or not der:
        raise MalformedCrlError(link, "not bytes")
    try:
        crl = x509.load_der_x509_crl(bytes(der))
        if crl.signature_algorithm_oid != SignatureAlgorithmOID.ED25519:
            raise MalformedCrlError(link, "CRL signature algorithm is not Ed25519")
        for ext in crl.extensions:
            if ext.critical:  # delta CRLs, issuing distribution points: not ours
                raise MalformedCrlError(link, f"critical CRL extension {ext.oid.dotted_string}")
        serials = set()
        for entry in crl:
            for ext in entry.extensions:
                if ext.critical:  # e.g. certificateIssuer (indirect CRLs)
                    raise MalformedCrlError(link, "critical CRL entry extension")
            serials.add(entry.serial_number)
        return _Crl(crl.issuer, crl.tbs_certlist_bytes, crl.signature,
                    frozenset(serials))
    except ChainError:
        raise
    except Exception:
        raise MalformedCrlError(link, "cannot parse the CRL") from None


def _revoked_by(crls: Sequence[_Crl], issuer: _Cert) -> frozenset[int]:
    """Serials revoked by ``issuer``; CRLs naming it must carry its signature."""
    out: set[int] = set()
    assert issuer.public_key is not None
    for crl in crls:
        if crl.issuer_name != issuer.subject_name:
            continue
        if not _verify_sig(issuer.public_key, crl.tbs, crl.signature):
            raise CrlSignatureError("crl", "a CRL naming an issuer of the chain is not signed "
                                           "by that issuer's key")
        out |= crl.revoked
    return frozenset(out)


def crl_entries(crl_der: bytes) -> list[tuple[int, datetime]]:
    """The (serial, revocation date) pairs of a CRL, for re-issuing it with one more."""
    try:
        crl = x509.load_der_x509_crl(crl_der)
        return [(e.serial_number, e.revocation_date_utc) for e in crl]
    except Exception:
        raise MalformedCrlError("crl", "cannot parse the CRL") from None


def crl_number(crl_der: bytes) -> int:
    """The CRL's cRLNumber (0 when absent)."""
    try:
        crl = x509.load_der_x509_crl(crl_der)
        ext = crl.extensions.get_extension_for_class(x509.CRLNumber)
        return ext.value.crl_number
    except x509.ExtensionNotFound:
        return 0
    except Exception:
        raise MalformedCrlError("crl", "cannot parse the CRL") from None


# --------------------------------------------------------------------------- verification


class ChainVerifier:
    """Verifies chains against one pinned root, one set of CRLs, at one time.

    Everything it caches (the parsed root, CRLs, and mission certificates that
    verified, keyed by SHA-256 of their DER) depends only on those three inputs, which
    are fixed for the object's life, so reusing it for every leaf of a tree is safe.
    Make a new one when the time or the CRLs change. A failed check caches nothing.
    """

    def __init__(self, root: bytes, *, now: datetime, crls: Iterable[bytes] = ()) -> None:
        self.now = _aware(now, "now")
        self.root = _parse(root, "root")
        _check_root(self.root, self.now)
        self.root_fingerprint = fingerprint(self.root.der)
        self._crls = tuple(_parse_crl(c) for c in crls)
        self._root_revoked = _revoked_by(self._crls, self.root)
        self._missions: dict[bytes, tuple[_Mission, frozenset[int]]] = {}
        self._parsed_missions: dict[bytes, _Cert] = {}  # DER -> parsed, verified missions only

    def _mission(self, c: _Cert) -> tuple[_Mission, frozenset[int]]:
        key = hashlib.sha256(c.der).digest()
        hit = self._missions.get(key)
        if hit is not None:
            return hit
        link = "mission"
        mission = _mission_profile(c)
        if c.issuer_name != self.root.subject_name or (
            _aki(c) is not None and _aki(c) != _ski(self.root)
        ):
            raise UntrustedRootError("root", "the mission certificate was not issued by the "
                                             "pinned venue root")
        _check_issued_by(c, self.root, link)
        _check_time(c, link, self.now)
        _check_within(c, self.root, link)
        if c.serial in self._root_revoked:
            raise RevokedError(link, f"mission certificate serial {c.serial} is revoked")
        result = (mission, _revoked_by(self._crls, c))
        self._missions[key] = result
        self._parsed_missions[c.der] = c
        return result

    def verify(self, chain: Sequence[bytes], roles: Sequence[bytes] = ()) -> VerifiedIdentity:
        """Verify ``chain`` (device first, then mission, optionally the root) and roles."""
        if not isinstance(chain, Sequence) or isinstance(chain, bytes | str):
            raise MalformedCertificateError("device", "the chain must be a list of DER")
        if not chain:
            raise MalformedCertificateError("device", "empty chain")
        if len(chain) > _MAX_CHAIN:
            raise PathLengthError("mission", "chain too long")
        items = list(chain)
        if len(items) >= 2 and isinstance(items[-1], bytes) and items[-1] == self.root.der:
            items.pop()  # a trailing copy of the pinned root is allowed
        links = ["device", "mission"] + ["mission"] * (len(items) - 2)
        certs: list[_Cert] = []
        for i, (der, link) in enumerate(zip(items, links)):
            hit = self._parsed_missions.get(der) if i == 1 and isinstance(der, bytes) else None
            certs.append(hit if hit is not None else _parse(der, link))
        if len(certs) == 1:
            c = certs[0]
            if _is_ca(c) or c.issuer_name == self.root.subject_name:
                raise WrongCertificateKindError("device", "a CA or root-issued certificate "
                                                          "where a device certificate belongs")
            raise MalformedCertificateError("mission", "the mission certificate is missing")
        if _self_signed(certs[-1]) and certs[-1].der != self.root.der:
            raise UntrustedRootError("root", "the chain ends at another root")
        if len(certs) > 2:
            # device <- X <- mission: a mission (path length 0) certified a CA.
            raise PathLengthError("mission", "a mission certificate (path length 0) cannot "
                                             "certify another CA")
        device_c, mission_c = certs
        mission, device_revoked = self._mission(mission_c)
        link = "device"
        if _is_ca(device_c) and device_c.issuer_name == mission_c.subject_name:
            raise PathLengthError("mission", "a mission certificate (path length 0) issued a "
                                             "CA certificate")
        if device_c.issuer_name == self.root.subject_name:
            raise WrongCertificateKindError(link, "a root-issued certificate where a device "
                                                  "certificate belongs")
        _check_algorithms(device_c, link)
        _check_issued_by(device_c, mission_c, link)
        delegate_id, display_name = _device_profile(device_c, mission)
        _check_time(device_c, link, self.now)
        _check_within(device_c, mission_c, link)
        if device_c.serial in device_revoked:
            raise RevokedError(link, f"device certificate serial {device_c.serial} is revoked")
        grants = tuple(
            self._role(r, mission.mission_id, delegate_id) for r in roles
        )
        assert device_c.public_key is not None
        return VerifiedIdentity(
            mission_id=mission.mission_id,
            mission_name=mission.name,
            delegate_id=delegate_id,
            display_name=display_name,
            signature_key=device_c.public_key,
            roles=grants,
            device_serial=device_c.serial,
            mission_serial=mission_c.serial,
            not_after=min(device_c.not_after, mission_c.not_after, self.root.not_after),
            root_fingerprint=self.root_fingerprint,
        )

    def _role(self, der: bytes, mission_id: str, delegate_id: str) -> RoleGrant:
        link = "role"
        c = _parse(der, link)
        if c.issuer_name != self.root.subject_name:
            raise UntrustedRootError(link, "role certificate not issued by the venue root")
        r_mission, r_delegate, role, channel = _role_profile(c)
        _check_issued_by(c, self.root, link)
        _check_time(c, link, self.now)
        _check_within(c, self.root, link)
        if c.serial in self._root_revoked:
            raise RevokedError(link, f"role certificate serial {c.serial} is revoked")
        if r_mission != mission_id or r_delegate != delegate_id:
            raise RoleMismatchError(link, "the role is granted to another delegate or mission")
        return RoleGrant(role, channel, c.not_after, c.serial)

    def validate_credential(
        self, cert_chain: Sequence[bytes], signature_key: bytes, roles: Sequence[bytes] = ()
    ) -> VerifiedIdentity:
        """The MLS hook: verify an x509 credential and bind it to the leaf's signature key."""
        identity = self.verify(cert_chain, roles)
        if not isinstance(signature_key, bytes) or not _constant_eq(
            identity.signature_key, signature_key
        ):
            raise KeyMismatchError("device", "the leaf's signature key is not the certified "
                                             "device key")
        return identity

    __call__ = validate_credential


def _self_signed(c: _Cert) -> bool:
    """Self-issued and its signature verifies under its own key."""
    return (
        c.issuer_name == c.subject_name
        and c.public_key is not None
        and _verify_sig(c.public_key, c.tbs, c.signature)
    )


def _constant_eq(a: bytes, b: bytes) -> bool:
    return len(a) == len(b) and secrets.compare_digest(a, b)


def verify_chain(
    root: bytes,
    chain: Sequence[bytes],
    *,
    now: datetime,
    crls: Iterable[bytes] = (),
    roles: Sequence[bytes] = (),
) -> VerifiedIdentity:
    """Verify one chain (leaf first) to the pinned ``root`` DER at ``now``."""
    return ChainVerifier(root, now=now, crls=crls).verify(chain, roles)


def verify_mls_credential(
    root: bytes,
    cert_chain: Sequence[bytes],
    signature_key: bytes,
    *,
    now: datetime,
    crls: Iterable[bytes] = (),
    roles: Sequence[bytes] = (),
) -> VerifiedIdentity:
    """MLS credential validation for one leaf: the chain verifies and its key is the leaf's."""
    return ChainVerifier(root, now=now, crls=crls).validate_credential(
        cert_chain, signature_key, roles
    )


def certificate_serial(cert_der: bytes) -> int:
    """Serial number of a certificate (MalformedCertificateError if unreadable)."""
    return _parse(cert_der, "device").serial


# --------------------------------------------------------------------------- issuing


def _builder(
    subject: x509.Name,
    issuer: x509.Name,
    public_key: ed25519.Ed25519PublicKey,
    not_before: datetime,
    not_after: datetime,
    rng: Callable[[int], bytes],
) -> x509.CertificateBuilder:
    _aware(not_before, "not_before")
    _aware(not_after, "not_after")
    if not_after <= not_before:
        raise UsageError("not_after must be after not_before")
    return (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(issuer)
        .public_key(public_key)
        .serial_number(_serial(rng))
        .not_valid_before(not_before)
        .not_valid_after(not_after)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(public_key), critical=False)
    )


def _issuer(issuer_der: bytes, issuer_seed: bytes, link: Link) -> _Cert:
    c = _parse(issuer_der, link)
    if c.public_key != public_key_of(issuer_seed):
        raise UsageError(f"the key does not belong to the {link} certificate")
    if not _is_ca(c):
        raise UsageError(f"the {link} certificate is not a CA")
    return c


def _within_issuer(issuer: _Cert, not_before: datetime, not_after: datetime, what: str) -> None:
    if not_before < issuer.not_before or not_after > issuer.not_after:
        raise UsageError(
            f"the {what} certificate would reach outside its issuer's validity "
            f"({issuer.not_before.isoformat()} .. {issuer.not_after.isoformat()})"
        )


def _aki_of(issuer: _Cert) -> x509.AuthorityKeyIdentifier:
    ski = _ski(issuer)
    assert ski is not None
    return x509.AuthorityKeyIdentifier(ski, None, None)


def make_root_certificate(
    seed: bytes,
    *,
    name: str,
    not_before: datetime,
    not_after: datetime,
    rng: Callable[[int], bytes] = secrets.token_bytes,
) -> bytes:
    """The venue root: a self-signed Ed25519 CA (DER)."""
    key = _private(seed)
    subject = _name(_check_name(name, "venue name"))
    cert = (
        _builder(subject, subject, key.public_key(), not_before, not_after, rng)
        .add_extension(x509.BasicConstraints(ca=True, path_length=1), critical=True)
        .add_extension(_ca_usage(), critical=True)
        .sign(key, None)
    )
    return cert.public_bytes(serialization.Encoding.DER)


def _ca_usage() -> x509.KeyUsage:
    return x509.KeyUsage(
        digital_signature=False, content_commitment=False, key_encipherment=False,
        data_encipherment=False, key_agreement=False, key_cert_sign=True, crl_sign=True,
        encipher_only=False, decipher_only=False,
    )


def _request(seed: bytes, subject: x509.Name) -> bytes:
    csr = x509.CertificateSigningRequestBuilder().subject_name(subject).sign(_private(seed), None)
    return csr.public_bytes(serialization.Encoding.DER)


def make_mission_request(seed: bytes, *, mission_id: str, name: str) -> bytes:
    """A CSR (DER) from a mission admin to the secretariat."""
    return _request(seed, _name(_check_name(name, "mission name"),
                                _check_id(mission_id, "mission id")))


def make_device_request(seed: bytes, *, delegate_id: str, display_name: str) -> bytes:
    """A CSR (DER) from a new device to its mission admin."""
    return _request(seed, _name(_check_name(display_name, "display name"),
                                _check_id(delegate_id, "delegate id")))


def read_request(csr_der: bytes, *, kind: str) -> Request:
    """Parse a CSR and check its self-signature (proof of possession) and fields."""
    link = "mission" if kind == "mission" else "device"
    try:
        csr = x509.load_der_x509_csr(csr_der)
        sig_ok = csr.is_signature_valid
        key = _raw_public(csr.public_key())
        cn = _single(csr.subject, NameOID.COMMON_NAME)
        uid = _single(csr.subject, NameOID.USER_ID)
        sig_oid = csr.signature_algorithm_oid
    except Exception:
        raise MalformedCertificateError(link, "cannot parse the certificate request") from None
    if sig_oid != SignatureAlgorithmOID.ED25519 or key is None:
        raise UnsupportedAlgorithmError(link, "the request is not Ed25519")
    if not sig_ok:
        raise BadSignatureError(link, "the request's self-signature does not verify")
    if cn is None or uid is None or not _valid_name(cn) or not _valid_id(uid):
        raise IdentityFieldError(link, "the request lacks a valid name (CN) and id (UID)")
    return Request(public_key=key, kind=kind, id=uid, name=cn)


def issue_mission_certificate(
    root_der: bytes,
    root_seed: bytes,
    *,
    public_key: bytes,
    mission_id: str,
    name: str,
    not_before: datetime,
    not_after: datetime,
    rng: Callable[[int], bytes] = secrets.token_bytes,
) -> bytes:
    """The secretariat accredits a mission: an intermediate CA with path length 0."""
    root = _issuer(root_der, root_seed, "root")
    _within_issuer(root, not_before, not_after, "mission")
    _check_id(mission_id, "mission id")
    _check_name(name, "mission name")
    cert = (
        _builder(_name(name, mission_id), root.subject_name, _public(public_key), not_before,
                 not_after, rng)
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .add_extension(_ca_usage(), critical=True)
        .add_extension(_aki_of(root), critical=False)
        .add_extension(x509.SubjectAlternativeName(
            [x509.UniformResourceIdentifier(_URI_MISSION + mission_id)]), critical=False)
        .sign(_private(root_seed), None)
    )
    return cert.public_bytes(serialization.Encoding.DER)


def issue_device_certificate(
    mission_der: bytes,
    mission_seed: bytes,
    *,
    public_key: bytes,
    delegate_id: str,
    display_name: str,
    not_before: datetime,
    not_after: datetime,
    rng: Callable[[int], bytes] = secrets.token_bytes,
) -> bytes:
    """A mission admin certifies a device key; refuses to outlive the mission certificate."""
    issuer = _issuer(mission_der, mission_seed, "mission")
    mission = _mission_profile(issuer)
    _within_issuer(issuer, not_before, not_after, "device")
    _check_id(delegate_id, "delegate id")
    _check_name(display_name, "display name")
    cert = (
        _builder(_name(display_name, delegate_id), issuer.subject_name, _public(public_key),
                 not_before, not_after, rng)
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(x509.KeyUsage(
            digital_signature=True, content_commitment=False, key_encipherment=False,
            data_encipherment=False, key_agreement=False, key_cert_sign=False, crl_sign=False,
            encipher_only=False, decipher_only=False), critical=True)
        .add_extension(x509.ExtendedKeyUsage([DEVICE_EKU]), critical=True)
        .add_extension(_aki_of(issuer), critical=False)
        .add_extension(x509.SubjectAlternativeName([
            x509.UniformResourceIdentifier(_URI_MISSION + mission.mission_id),
            x509.UniformResourceIdentifier(_URI_DELEGATE + delegate_id),
        ]), critical=False)
        .sign(_private(mission_seed), None)
    )
    return cert.public_bytes(serialization.Encoding.DER)


def issue_role_certificate(
    root_der: bytes,
    root_seed: bytes,
    *,
    role: str,
    channel: str | None,
    delegate_id: str,
    mission_id: str,
    not_before: datetime,
    not_after: datetime,
    rng: Callable[[int], bytes] = secrets.token_bytes,
) -> bytes:
    """The secretariat names a chair or a channel's convener (short-lived)."""
    root = _issuer(root_der, root_seed, "root")
    _within_issuer(root, not_before, not_after, "role")
    _check_id(delegate_id, "delegate id")
    _check_id(mission_id, "mission id")
    if role == "chair":
        if channel is not None:
            raise UsageError("the chair role takes no channel")
        role_uri, cn = "chair", "chair"
    elif role == "convener":
        if channel is None:
            raise UsageError("the convener role needs a channel")
        _check_name(channel, "channel name")
        role_uri = "convener/" + _pct_encode(channel)
        cn = f"convener of {channel}"[:128].rstrip()
    else:
        raise UsageError(f"role must be one of {', '.join(ROLES)}")
    throwaway = _private(rng(32)).public_key()  # a role binds a person, not a key
    cert = (
        _builder(_name(cn, delegate_id), root.subject_name, throwaway,
                 not_before, not_after, rng)
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(x509.ExtendedKeyUsage([ROLE_EKU]), critical=True)
        .add_extension(_aki_of(root), critical=False)
        .add_extension(x509.SubjectAlternativeName([
            x509.UniformResourceIdentifier(_URI_MISSION + mission_id),
            x509.UniformResourceIdentifier(_URI_DELEGATE + delegate_id),
            x509.UniformResourceIdentifier(_URI_ROLE + role_uri),
        ]), critical=False)
        .sign(_private(root_seed), None)
    )
    return cert.public_bytes(serialization.Encoding.DER)


def make_crl(
    issuer_der: bytes,
    issuer_seed: bytes,
    *,
    revoked: Iterable[tuple[int, datetime]],
    this_update: datetime,
    next_update: datetime,
    number: int,
) -> bytes:
    """A CRL (DER) signed by the root or a mission key."""
    issuer = _issuer(issuer_der, issuer_seed, "crl")
    _aware(this_update, "this_update")
    _aware(next_update, "next_update")
    if next_update <= this_update:
        raise UsageError("next_update must be after this_update")
    builder = (
        x509.CertificateRevocationListBuilder()
        .issuer_name(issuer.subject_name)
        .last_update(this_update)
        .next_update(next_update)
        .add_extension(x509.CRLNumber(number), critical=False)
        .add_extension(_aki_of(issuer), critical=False)
    )
    seen: set[int] = set()
    for serial, when in revoked:
        if serial in seen:
            continue
        seen.add(serial)
        builder = builder.add_revoked_certificate(
            x509.RevokedCertificateBuilder().serial_number(serial)
            .revocation_date(_aware(when, "revocation date")).build()
        )
    return builder.sign(_private(issuer_seed), None).public_bytes(serialization.Encoding.DER)
