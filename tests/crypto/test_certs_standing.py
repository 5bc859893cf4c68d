# SPDX-License-Identifier: Apache-2.0
"""A mission's observer standing: set by the venue root in the mission certificate,
carried into every verified identity of its devices, and never accepted elsewhere."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ed25519

from crypto import certs
from crypto.certs.model import IdentityFieldError, WrongCertificateKindError

NOW = datetime(2026, 12, 5, 12, tzinfo=UTC)


def _venue(observer: bool) -> tuple[bytes, bytes, bytes]:
    root_seed = certs.new_signing_key()
    root = certs.make_root_certificate(root_seed, name="Venue", not_before=NOW - timedelta(1),
                                       not_after=NOW + timedelta(365))
    mseed = certs.new_signing_key()
    mission = certs.issue_mission_certificate(
        root, root_seed, public_key=certs.public_key_of(mseed), mission_id="track2",
        name="Track 2", not_before=NOW - timedelta(1), not_after=NOW + timedelta(300),
        observer=observer)
    dev = certs.issue_device_certificate(
        mission, mseed, public_key=certs.public_key_of(certs.new_signing_key()),
        delegate_id="ana", display_name="Ana", not_before=NOW - timedelta(1),
        not_after=NOW + timedelta(200))
    return root, mission, dev


def test_observer_standing_reaches_the_verified_identity() -> None:
    root, mission, dev = _venue(True)
    ident = certs.verify_chain(root, [dev, mission], now=NOW)
    assert ident.observer and ident.to_json()["observer"] is True
    root, mission, dev = _venue(False)
    assert not certs.verify_chain(root, [dev, mission], now=NOW).observer


def _resign(der: bytes, seed: bytes, uris: list[str]) -> bytes:
    """``der`` with its subjectAltName replaced, signed again by ``seed``."""
    cert = x509.load_der_x509_certificate(der)
    b = x509.CertificateBuilder().subject_name(cert.subject).issuer_name(cert.issuer) \
        .public_key(cert.public_key()).serial_number(cert.serial_number) \
        .not_valid_before(cert.not_valid_before_utc).not_valid_after(cert.not_valid_after_utc)
    for ext in cert.extensions:
        if isinstance(ext.value, x509.SubjectAlternativeName):
            b = b.add_extension(x509.SubjectAlternativeName(
                [x509.UniformResourceIdentifier(u) for u in uris]), critical=ext.critical)
        else:
            b = b.add_extension(ext.value, critical=ext.critical)
    key = ed25519.Ed25519PrivateKey.from_private_bytes(seed)
    return b.sign(key, None).public_bytes(serialization.Encoding.DER)


def test_an_unknown_standing_or_one_on_a_device_is_refused() -> None:
    root_seed = certs.new_signing_key()
    root = certs.make_root_certificate(root_seed, name="Venue", not_before=NOW - timedelta(1),
                                       not_after=NOW + timedelta(365))
    mseed = certs.new_signing_key()
    mission = certs.issue_mission_certificate(
        root, root_seed, public_key=certs.public_key_of(mseed), mission_id="m1", name="M1",
        not_before=NOW - timedelta(1), not_after=NOW + timedelta(300))
    dev = certs.issue_device_certificate(
        mission, mseed, public_key=certs.public_key_of(certs.new_signing_key()),
        delegate_id="ana", display_name="Ana", not_before=NOW - timedelta(1),
        not_after=NOW + timedelta(200))
    chair = _resign(mission, root_seed, ["corridor:mission/m1", "corridor:standing/chair"])
    with pytest.raises(IdentityFieldError):
        certs.verify_chain(root, [dev, chair], now=NOW)
    bad_dev = _resign(dev, mseed, ["corridor:mission/m1", "corridor:delegate/ana",
                                   "corridor:standing/observer"])
    with pytest.raises(WrongCertificateKindError):
        certs.verify_chain(root, [bad_dev, mission], now=NOW)
