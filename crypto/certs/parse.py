# SPDX-License-Identifier: Apache-2.0
"""Keys, DER and PEM, fingerprints, and one certificate taken apart into the parts
the profile checks (extensions, names, signature, validity).
"""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Callable
from datetime import datetime

import nacl.exceptions
import nacl.signing
from cryptography import x509
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ed25519
from cryptography.x509.oid import ExtensionOID, NameOID, SignatureAlgorithmOID

from crypto.certs.model import (
    _ID_RE,
    _MAX_DER,
    _URI_DELEGATE,
    _URI_MISSION,
    _URI_ROLE,
    _URI_STANDING,
    BadSignatureError,
    ChainError,
    ExpiredError,
    IdentityFieldError,
    IssuerMismatchError,
    LifetimeError,
    Link,
    MalformedCertificateError,
    NotYetValidError,
    UnsupportedAlgorithmError,
    UnsupportedExtensionError,
    _Cert,
)
from crypto.certs.words import encode_words, format_hex
from crypto.errors import DecodeError, UsageError


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
    found: dict[str, list[str]] = {"mission": [], "delegate": [], "role": [], "standing": []}
    for uri in c.uris:
        for kind, prefix in (("mission", _URI_MISSION), ("delegate", _URI_DELEGATE),
                             ("role", _URI_ROLE), ("standing", _URI_STANDING)):
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
