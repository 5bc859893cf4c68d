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
                 subjectAltName URI corridor:mission/<mission id> (and, for a mission
                 the venue accredits as an observer, corridor:standing/observer);
                 SKI; AKI = root SKI.
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

Modules: ``model`` (profile constants, typed chain errors, returned values), ``parse``
(keys, DER and PEM, fingerprints, a certificate taken apart), ``verify`` (each link's
profile, CRLs, chain verification), ``issue`` (roots, missions, devices, roles, CRLs);
``keyfile``, ``words`` and ``transparency`` sit beside them. This package re-exports
the certificate names, so ``from crypto import certs`` reads as before.
"""

from crypto.certs.issue import (
    issue_device_certificate,
    issue_mission_certificate,
    issue_role_certificate,
    make_crl,
    make_device_request,
    make_mission_request,
    make_root_certificate,
    read_request,
)
from crypto.certs.model import (
    CORRIDOR_ARC,
    DEVICE_EKU,
    ROLE_EKU,
    ROLES,
    BadSignatureError,
    ChainError,
    CrlSignatureError,
    ExpiredError,
    IdentityFieldError,
    IssuerMismatchError,
    KeyMismatchError,
    LifetimeError,
    MalformedCertificateError,
    MalformedCrlError,
    NotYetValidError,
    PathLengthError,
    Request,
    RevokedError,
    RoleGrant,
    RoleMismatchError,
    UnsupportedAlgorithmError,
    UnsupportedExtensionError,
    UntrustedRootError,
    VerifiedIdentity,
    WrongCertificateKindError,
)
from crypto.certs.parse import (
    der_of,
    fingerprint,
    fingerprint_hex,
    fingerprint_words,
    new_signing_key,
    pem_of,
    public_key_of,
)
from crypto.certs.verify import (
    ChainVerifier,
    certificate_serial,
    crl_entries,
    crl_number,
    verify_chain,
    verify_mls_credential,
)

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
