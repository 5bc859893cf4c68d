# SPDX-License-Identifier: Apache-2.0
"""The chain check: each link's profile, CRLs (revocation stays in force), and
:class:`ChainVerifier` from the pinned root to a device or role.
"""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime

from cryptography import x509
from cryptography.x509.oid import SignatureAlgorithmOID

from crypto.certs.model import (
    _MAX_CHAIN,
    DEVICE_EKU,
    ROLE_EKU,
    STANDINGS,
    BadSignatureError,
    ChainError,
    CrlSignatureError,
    IdentityFieldError,
    KeyMismatchError,
    MalformedCertificateError,
    MalformedCrlError,
    PathLengthError,
    RevokedError,
    RoleGrant,
    RoleMismatchError,
    UnsupportedExtensionError,
    UntrustedRootError,
    VerifiedIdentity,
    WrongCertificateKindError,
    _Cert,
)
from crypto.certs.parse import (
    _aki,
    _aware,
    _bc,
    _check_algorithms,
    _check_extensions,
    _check_issued_by,
    _check_time,
    _check_within,
    _eku,
    _is_ca,
    _ku,
    _one,
    _parse,
    _pct_decode,
    _ski,
    _uris,
    _valid_name,
    _verify_sig,
    fingerprint,
)


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
    observer: bool = False


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
    if len(uris["standing"]) > 1 or any(s not in STANDINGS for s in uris["standing"]):
        raise IdentityFieldError(link, "an unknown or repeated standing")
    return _Mission(c, mission_id, c.cn, observer=uris["standing"] == ["observer"])


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
    if uris["role"] or uris["standing"]:
        raise WrongCertificateKindError(link, "carries a role or a standing")
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
    if uris["standing"]:
        raise WrongCertificateKindError(link, "a role certificate carries no standing")
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
            observer=mission.observer,
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
