# SPDX-License-Identifier: Apache-2.0
"""Issuing: the venue root, mission and device certificates from requests, short-lived
role certificates, and CRLs, each never outliving its issuer.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable, Iterable
from datetime import datetime

from cryptography import x509
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ed25519
from cryptography.x509.oid import NameOID, SignatureAlgorithmOID

from crypto.certs.model import (
    _URI_DELEGATE,
    _URI_MISSION,
    _URI_ROLE,
    _URI_STANDING,
    DEVICE_EKU,
    ROLE_EKU,
    ROLES,
    BadSignatureError,
    IdentityFieldError,
    Link,
    MalformedCertificateError,
    Request,
    UnsupportedAlgorithmError,
    _Cert,
)
from crypto.certs.parse import (
    _aware,
    _check_id,
    _check_name,
    _is_ca,
    _name,
    _parse,
    _pct_encode,
    _private,
    _public,
    _raw_public,
    _serial,
    _single,
    _ski,
    _valid_id,
    _valid_name,
    public_key_of,
)
from crypto.certs.verify import _mission_profile
from crypto.errors import UsageError


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
    observer: bool = False,
) -> bytes:
    """The secretariat accredits a mission: an intermediate CA with path length 0;
    ``observer`` accredits it as an observer (partner state, track-2 participant), a
    standing its devices carry in every chain and cannot drop."""
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
            [x509.UniformResourceIdentifier(_URI_MISSION + mission_id)]
            + ([x509.UniformResourceIdentifier(_URI_STANDING + "observer")] if observer
               else [])), critical=False)
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
