# SPDX-License-Identifier: Apache-2.0
"""crypto.certs: every link of venue root -> mission -> device (and roles, CRLs) under attack.

Each refusal must be its own typed ChainError naming the failing link, never a crash.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec, ed25519
from cryptography.x509.oid import NameOID
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from crypto import certs as C
from crypto.certs.words import WORDS, decode_words, encode_words, parse_hex, words_digest
from crypto.errors import CertificateError, DecodeError, UsageError

FIXTURES = [HealthCheck.function_scoped_fixture]
NOW = datetime(2026, 6, 1, 12, 0, tzinfo=UTC)
DAY = timedelta(days=1)


@dataclass
class Mission:
    seed: bytes
    cert: bytes
    mid: str


@dataclass
class Device:
    seed: bytes
    cert: bytes
    mission: Mission

    @property
    def chain(self) -> list[bytes]:
        return [self.cert, self.mission.cert]

    @property
    def public(self) -> bytes:
        return C.public_key_of(self.seed)


@dataclass
class Venue:
    seed: bytes
    root: bytes

    def mission(self, mid: str, name: str, nb: datetime = NOW - 30 * DAY,
                na: datetime = NOW + 365 * DAY) -> Mission:
        seed = C.new_signing_key()
        req = C.read_request(C.make_mission_request(seed, mission_id=mid, name=name),
                             kind="mission")
        cert = C.issue_mission_certificate(self.root, self.seed, public_key=req.public_key,
                                           mission_id=req.id, name=req.name,
                                           not_before=nb, not_after=na)
        return Mission(seed, cert, mid)

    def device(self, m: Mission, did: str, name: str, nb: datetime = NOW - DAY,
               na: datetime = NOW + 90 * DAY) -> Device:
        seed = C.new_signing_key()
        req = C.read_request(C.make_device_request(seed, delegate_id=did, display_name=name),
                             kind="device")
        cert = C.issue_device_certificate(m.cert, m.seed, public_key=req.public_key,
                                          delegate_id=req.id, display_name=req.name,
                                          not_before=nb, not_after=na)
        return Device(seed, cert, m)

    def role(self, role: str, did: str, mid: str, channel: str | None = None,
             nb: datetime = NOW - DAY, na: datetime = NOW + DAY) -> bytes:
        return C.issue_role_certificate(self.root, self.seed, role=role, channel=channel,
                                        delegate_id=did, mission_id=mid,
                                        not_before=nb, not_after=na)

    def crl(self, serials: list[int], seed: bytes | None = None,
            issuer: bytes | None = None) -> bytes:
        return C.make_crl(issuer or self.root, seed or self.seed,
                          revoked=[(s, NOW - DAY) for s in serials],
                          this_update=NOW - DAY, next_update=NOW + 7 * DAY, number=1)


def make_venue(name: str = "Test venue") -> Venue:
    seed = C.new_signing_key()
    root = C.make_root_certificate(seed, name=name, not_before=NOW - 60 * DAY,
                                   not_after=NOW + 3650 * DAY)
    return Venue(seed, root)


@pytest.fixture(scope="module")
def venue() -> Venue:
    return make_venue()


@pytest.fixture(scope="module")
def fra(venue: Venue) -> Mission:
    return venue.mission("fra", "France")


@pytest.fixture(scope="module")
def deu(venue: Venue) -> Mission:
    return venue.mission("deu", "Germany")


@pytest.fixture(scope="module")
def alice(venue: Venue, fra: Mission) -> Device:
    return venue.device(fra, "alice", "Alice Martin")


@pytest.fixture(scope="module")
def bernd(venue: Venue, deu: Mission) -> Device:
    return venue.device(deu, "bernd", "Bernd Schulz")


def refuse(exc: type[C.ChainError], link: str, venue: Venue, chain: list[bytes], *,
           crls: list[bytes] | None = None, roles: list[bytes] | None = None,
           now: datetime = NOW) -> C.ChainError:
    with pytest.raises(exc) as info:
        C.verify_chain(venue.root, chain, now=now, crls=crls or [], roles=roles or [])
    assert info.value.link == link, info.value
    assert isinstance(info.value, CertificateError)
    assert info.value.reason
    return info.value


def flip(der: bytes, index: int) -> bytes:
    b = bytearray(der)
    b[index] ^= 0x01
    return bytes(b)


def _pub(key: object) -> object:
    return key.public_key()  # type: ignore[attr-defined]


def handmade(
    *,
    subject: x509.Name,
    issuer: x509.Name,
    public_key: object,
    signer: object,
    nb: datetime = NOW - DAY,
    na: datetime = NOW + 30 * DAY,
    ca: bool = False,
    path_length: int | None = None,
    eku: list[x509.ObjectIdentifier] | None = None,
    uris: list[str] | None = None,
    digital_signature: bool = True,
    extra: list[tuple[x509.ExtensionType, bool]] | None = None,
    aki_from: object | None = None,
) -> bytes:
    """A certificate built by hand, for the shapes the issuing API refuses to make."""
    b = (
        x509.CertificateBuilder().subject_name(subject).issuer_name(issuer)
        .public_key(public_key).serial_number(x509.random_serial_number())  # type: ignore[arg-type]
        .not_valid_before(nb).not_valid_after(na)
        .add_extension(x509.BasicConstraints(ca=ca, path_length=path_length), critical=True)
        .add_extension(x509.KeyUsage(
            digital_signature=digital_signature and not ca, content_commitment=False,
            key_encipherment=False, data_encipherment=False, key_agreement=False,
            key_cert_sign=ca, crl_sign=ca, encipher_only=False, decipher_only=False),
            critical=True)
    )
    if eku:
        b = b.add_extension(x509.ExtendedKeyUsage(eku), critical=True)
    if uris:
        b = b.add_extension(x509.SubjectAlternativeName(
            [x509.UniformResourceIdentifier(u) for u in uris]), critical=False)
    if aki_from is not None:
        b = b.add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(
            aki_from), critical=False)  # type: ignore[arg-type]
    for ext, critical in extra or []:
        b = b.add_extension(ext, critical=critical)
    algorithm = None if isinstance(signer, ed25519.Ed25519PrivateKey) else _sha256()
    return b.sign(signer, algorithm).public_bytes(serialization.Encoding.DER)  # type: ignore[arg-type]


def _sha256() -> object:
    from cryptography.hazmat.primitives import hashes

    return hashes.SHA256()


def name_of(der: bytes) -> x509.Name:
    return x509.load_der_x509_certificate(der).subject


def priv(seed: bytes) -> ed25519.Ed25519PrivateKey:
    return ed25519.Ed25519PrivateKey.from_private_bytes(seed)


def device_shape(fra: Mission, key: object, signer: object, **kw: object) -> bytes:
    return handmade(
        subject=x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Mallory"),
                           x509.NameAttribute(NameOID.USER_ID, "mallory")]),
        issuer=name_of(fra.cert), public_key=key, signer=signer, eku=[C.DEVICE_EKU],
        uris=["corridor:mission/fra", "corridor:delegate/mallory"], **kw)  # type: ignore[arg-type]


# ------------------------------------------------------------------------- good paths


def test_valid_chain_gives_identity(venue: Venue, alice: Device) -> None:
    ident = C.verify_chain(venue.root, alice.chain, now=NOW)
    assert (ident.mission_id, ident.mission_name) == ("fra", "France")
    assert (ident.delegate_id, ident.display_name) == ("alice", "Alice Martin")
    assert ident.signature_key == alice.public
    assert ident.roles == ()
    assert ident.root_fingerprint == C.fingerprint(venue.root)
    assert ident.device_serial == C.certificate_serial(alice.cert)
    assert ident.not_after == NOW + 90 * DAY
    assert ident.to_json()["signature_key"] == alice.public.hex()


def test_trailing_root_copy_accepted(venue: Venue, alice: Device) -> None:
    ident = C.verify_chain(venue.root, [*alice.chain, venue.root], now=NOW)
    assert ident.delegate_id == "alice"


def test_roles_verified(venue: Venue, alice: Device) -> None:
    chair = venue.role("chair", "alice", "fra")
    conv = venue.role("convener", "alice", "fra", channel="Working group #2 / Ärzte")
    ident = C.verify_chain(venue.root, alice.chain, now=NOW, roles=[chair, conv])
    assert [(r.role, r.channel) for r in ident.roles] == [
        ("chair", None), ("convener", "Working group #2 / Ärzte")]


def test_unrelated_crls_are_ignored(venue: Venue, alice: Device, bernd: Device) -> None:
    deu_crl = venue.crl([C.certificate_serial(bernd.cert)], seed=bernd.mission.seed,
                        issuer=bernd.mission.cert)
    assert C.verify_chain(venue.root, alice.chain, now=NOW, crls=[deu_crl]).delegate_id == "alice"
    refuse(C.RevokedError, "device", venue, bernd.chain, crls=[deu_crl])


# ------------------------------------------------------------------------- forged signatures


def test_forged_root_signature(venue: Venue, alice: Device) -> None:
    with pytest.raises(C.BadSignatureError) as info:
        C.verify_chain(flip(venue.root, len(venue.root) - 1), alice.chain, now=NOW)
    assert info.value.link == "root"


def test_forged_mission_signature(venue: Venue, alice: Device) -> None:
    m = alice.mission.cert
    refuse(C.BadSignatureError, "mission", venue, [alice.cert, flip(m, len(m) - 1)])


def test_forged_device_signature(venue: Venue, alice: Device) -> None:
    refuse(C.BadSignatureError, "device", venue,
           [flip(alice.cert, len(alice.cert) - 1), alice.mission.cert])


def test_forged_role_signature(venue: Venue, alice: Device) -> None:
    r = venue.role("chair", "alice", "fra")
    refuse(C.BadSignatureError, "role", venue, alice.chain, roles=[flip(r, len(r) - 1)])


def test_forged_crl_signature(venue: Venue, alice: Device) -> None:
    crl = venue.crl([12345])
    refuse(C.CrlSignatureError, "crl", venue, alice.chain, crls=[flip(crl, len(crl) - 1)])


def test_altered_device_field_breaks_signature(venue: Venue, alice: Device) -> None:
    altered = alice.cert.replace(b"alice", b"alicf")
    assert altered != alice.cert
    with pytest.raises(C.ChainError) as info:
        C.verify_chain(venue.root, [altered, alice.mission.cert], now=NOW)
    assert info.value.link == "device"


# ------------------------------------------------------------------------- validity periods


def test_root_expired_and_not_yet_valid(venue: Venue, alice: Device) -> None:
    refuse(C.ExpiredError, "root", venue, alice.chain, now=NOW + 3651 * DAY)
    refuse(C.NotYetValidError, "root", venue, alice.chain, now=NOW - 61 * DAY)


def test_mission_expired_and_not_yet_valid(venue: Venue) -> None:
    old = venue.mission("old", "Old", nb=NOW - 40 * DAY, na=NOW - 2 * DAY)
    dev = venue.device(old, "o1", "O One", nb=NOW - 30 * DAY, na=NOW - 3 * DAY)
    refuse(C.ExpiredError, "mission", venue, dev.chain)
    new = venue.mission("new", "New", nb=NOW + DAY, na=NOW + 40 * DAY)
    dev2 = venue.device(new, "n1", "N One", nb=NOW + 2 * DAY, na=NOW + 3 * DAY)
    refuse(C.NotYetValidError, "mission", venue, dev2.chain)


def test_device_expired_and_not_yet_valid(venue: Venue, fra: Mission) -> None:
    expired = venue.device(fra, "e1", "E One", nb=NOW - 10 * DAY, na=NOW - DAY)
    refuse(C.ExpiredError, "device", venue, expired.chain)
    future = venue.device(fra, "f1", "F One", nb=NOW + DAY, na=NOW + 10 * DAY)
    refuse(C.NotYetValidError, "device", venue, future.chain)
    # ...and both are fine at a time inside their window: the clock is the input.
    assert C.verify_chain(venue.root, expired.chain, now=NOW - 2 * DAY).delegate_id == "e1"


def test_role_expired_and_not_yet_valid(venue: Venue, alice: Device) -> None:
    old = venue.role("chair", "alice", "fra", nb=NOW - 3 * DAY, na=NOW - DAY)
    refuse(C.ExpiredError, "role", venue, alice.chain, roles=[old])
    soon = venue.role("chair", "alice", "fra", nb=NOW + DAY, na=NOW + 2 * DAY)
    refuse(C.NotYetValidError, "role", venue, alice.chain, roles=[soon])


def test_device_outliving_mission_refused_at_issue_and_verify(venue: Venue) -> None:
    short = venue.mission("short", "Short", nb=NOW - DAY, na=NOW + 10 * DAY)
    with pytest.raises(UsageError, match="outside"):
        venue.device(short, "s1", "S One", na=NOW + 11 * DAY)
    dkey = priv(C.new_signing_key())
    forged = handmade(
        subject=x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "S Two"),
                           x509.NameAttribute(NameOID.USER_ID, "s2")]),
        issuer=name_of(short.cert), public_key=dkey.public_key(), signer=priv(short.seed),
        na=NOW + 400 * DAY, eku=[C.DEVICE_EKU],
        uris=["corridor:mission/short", "corridor:delegate/s2"])
    refuse(C.LifetimeError, "device", venue, [forged, short.cert])


def test_mission_outliving_root_refused_at_issue(venue: Venue) -> None:
    with pytest.raises(UsageError):
        venue.mission("long", "Long", na=NOW + 4000 * DAY)


# ------------------------------------------------------------------------- wrong issuers / kinds


def test_device_signed_by_another_missions_key(venue: Venue, fra: Mission, deu: Mission,
                                               bernd: Device) -> None:
    # Germany's device presented under France's mission certificate.
    refuse(C.IssuerMismatchError, "device", venue, [bernd.cert, fra.cert])
    # Germany's key signs a certificate that claims France as issuer.
    dkey = priv(C.new_signing_key())
    forged = device_shape(fra, dkey.public_key(), priv(deu.seed))
    refuse(C.BadSignatureError, "device", venue, [forged, fra.cert])


def test_mission_certificate_as_device(venue: Venue, fra: Mission) -> None:
    refuse(C.WrongCertificateKindError, "device", venue, [fra.cert, venue.root])
    refuse(C.WrongCertificateKindError, "device", venue, [fra.cert, fra.cert])


def test_device_certificate_as_mission(venue: Venue, alice: Device) -> None:
    # Alice's device key tries to act as a mission and certify another device.
    victim_key = priv(C.new_signing_key())
    forged = handmade(
        subject=x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Eve"),
                           x509.NameAttribute(NameOID.USER_ID, "eve")]),
        issuer=name_of(alice.cert), public_key=victim_key.public_key(),
        signer=priv(alice.seed), eku=[C.DEVICE_EKU],
        uris=["corridor:mission/fra", "corridor:delegate/eve"])
    refuse(C.WrongCertificateKindError, "mission", venue, [forged, alice.cert])


def test_role_certificate_as_device(venue: Venue, fra: Mission) -> None:
    role = venue.role("chair", "alice", "fra")
    refuse(C.WrongCertificateKindError, "device", venue, [role, fra.cert])


def test_path_length_violation(venue: Venue, fra: Mission) -> None:
    sub_key = priv(C.new_signing_key())
    sub_name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Sub CA"),
                          x509.NameAttribute(NameOID.USER_ID, "sub")])
    sub = handmade(subject=sub_name, issuer=name_of(fra.cert), public_key=sub_key.public_key(),
                   signer=priv(fra.seed), ca=True, path_length=0,
                   uris=["corridor:mission/sub"])
    dkey = priv(C.new_signing_key())
    dev = handmade(
        subject=x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "D"),
                           x509.NameAttribute(NameOID.USER_ID, "d")]),
        issuer=sub_name, public_key=dkey.public_key(), signer=sub_key, eku=[C.DEVICE_EKU],
        uris=["corridor:mission/sub", "corridor:delegate/d"])
    refuse(C.PathLengthError, "mission", venue, [dev, sub, fra.cert])
    refuse(C.PathLengthError, "mission", venue, [sub, fra.cert])
    refuse(C.PathLengthError, "mission", venue, [dev, sub, fra.cert, venue.root])


def test_chain_to_another_root(venue: Venue) -> None:
    other = make_venue(name="Test venue")  # same name, different key
    m = other.mission("fra", "France")
    d = other.device(m, "alice", "Alice Martin")
    refuse(C.UntrustedRootError, "root", venue, d.chain)
    refuse(C.UntrustedRootError, "root", venue, [*d.chain, other.root])


def test_missing_mission_link(venue: Venue, alice: Device) -> None:
    refuse(C.MalformedCertificateError, "mission", venue, [alice.cert])
    refuse(C.MalformedCertificateError, "device", venue, [])


# ------------------------------------------------------------------------- revocation


def test_revoked_mission(venue: Venue, alice: Device) -> None:
    crl = venue.crl([C.certificate_serial(alice.mission.cert)])
    refuse(C.RevokedError, "mission", venue, alice.chain, crls=[crl])


def test_revoked_device(venue: Venue, alice: Device) -> None:
    crl = venue.crl([C.certificate_serial(alice.cert)], seed=alice.mission.seed,
                    issuer=alice.mission.cert)
    refuse(C.RevokedError, "device", venue, alice.chain, crls=[crl])
    # The same serial on the ROOT's CRL does not revoke a device (serials are per issuer).
    root_crl = venue.crl([C.certificate_serial(alice.cert)])
    assert C.verify_chain(venue.root, alice.chain, now=NOW, crls=[root_crl])


def test_revoked_role(venue: Venue, alice: Device) -> None:
    role = venue.role("chair", "alice", "fra")
    crl = venue.crl([C.certificate_serial(role)])
    refuse(C.RevokedError, "role", venue, alice.chain, roles=[role], crls=[crl])


def test_expired_crl_still_revokes(venue: Venue, alice: Device) -> None:
    crl = C.make_crl(alice.mission.cert, alice.mission.seed,
                     revoked=[(C.certificate_serial(alice.cert), NOW - 20 * DAY)],
                     this_update=NOW - 20 * DAY, next_update=NOW - 13 * DAY, number=3)
    refuse(C.RevokedError, "device", venue, alice.chain, crls=[crl])


def test_crl_signed_by_wrong_key(venue: Venue, alice: Device, deu: Mission) -> None:
    # Claims to be France's CRL, signed by Germany's key.
    forged = (
        x509.CertificateRevocationListBuilder().issuer_name(name_of(alice.mission.cert))
        .last_update(NOW - DAY).next_update(NOW + DAY).sign(priv(deu.seed), None)
        .public_bytes(serialization.Encoding.DER))
    refuse(C.CrlSignatureError, "crl", venue, alice.chain, crls=[forged])
    # Claims to be the root's CRL, signed by a mission key.
    forged_root = (
        x509.CertificateRevocationListBuilder().issuer_name(name_of(venue.root))
        .last_update(NOW - DAY).next_update(NOW + DAY).sign(priv(deu.seed), None)
        .public_bytes(serialization.Encoding.DER))
    refuse(C.CrlSignatureError, "crl", venue, alice.chain, crls=[forged_root])


def test_crl_with_critical_extension_refused(venue: Venue, alice: Device) -> None:
    delta = (
        x509.CertificateRevocationListBuilder().issuer_name(name_of(venue.root))
        .last_update(NOW - DAY).next_update(NOW + DAY)
        .add_extension(x509.DeltaCRLIndicator(1), critical=True)
        .sign(priv(venue.seed), None).public_bytes(serialization.Encoding.DER))
    refuse(C.MalformedCrlError, "crl", venue, alice.chain, crls=[delta])


# ------------------------------------------------------------------------- roles


def test_role_for_wrong_mission_or_delegate(venue: Venue, alice: Device) -> None:
    refuse(C.RoleMismatchError, "role", venue, alice.chain,
           roles=[venue.role("chair", "alice", "deu")])
    refuse(C.RoleMismatchError, "role", venue, alice.chain,
           roles=[venue.role("convener", "bob", "fra", channel="plenary")])


def test_role_from_another_root(venue: Venue, alice: Device) -> None:
    other = make_venue("Elsewhere")
    refuse(C.UntrustedRootError, "role", venue, alice.chain,
           roles=[other.role("chair", "alice", "fra")])


def test_role_issuing_rules(venue: Venue) -> None:
    with pytest.raises(UsageError):
        venue.role("chair", "alice", "fra", channel="x")
    with pytest.raises(UsageError):
        venue.role("convener", "alice", "fra")
    with pytest.raises(UsageError):
        venue.role("king", "alice", "fra")


# ------------------------------------------------------------------------- unexpected shapes


def test_unknown_critical_extension(venue: Venue, fra: Mission) -> None:
    dkey = priv(C.new_signing_key())
    ext = x509.UnrecognizedExtension(x509.ObjectIdentifier("1.3.6.1.4.1.99999.1"), b"\x05\x00")
    forged = device_shape(fra, dkey.public_key(), priv(fra.seed), extra=[(ext, True)],
                          aki_from=priv(fra.seed).public_key())
    refuse(C.UnsupportedExtensionError, "device", venue, [forged, fra.cert])
    # The same extension non-critical is ignored, as RFC 5280 says.
    ok = device_shape(fra, dkey.public_key(), priv(fra.seed), extra=[(ext, False)])
    assert C.verify_chain(venue.root, [ok, fra.cert], now=NOW).delegate_id == "mallory"


def test_wrong_key_type(venue: Venue, fra: Mission) -> None:
    ec_key = ec.generate_private_key(ec.SECP256R1())
    forged = device_shape(fra, ec_key.public_key(), priv(fra.seed))
    refuse(C.UnsupportedAlgorithmError, "device", venue, [forged, fra.cert])


def test_wrong_signature_algorithm(venue: Venue, fra: Mission) -> None:
    ec_key = ec.generate_private_key(ec.SECP256R1())
    dkey = priv(C.new_signing_key())
    forged = device_shape(fra, dkey.public_key(), ec_key)
    refuse(C.UnsupportedAlgorithmError, "device", venue, [forged, fra.cert])


def test_device_without_corridor_eku(venue: Venue, fra: Mission) -> None:
    dkey = priv(C.new_signing_key())
    forged = handmade(
        subject=x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "X"),
                           x509.NameAttribute(NameOID.USER_ID, "x")]),
        issuer=name_of(fra.cert), public_key=dkey.public_key(), signer=priv(fra.seed),
        uris=["corridor:mission/fra", "corridor:delegate/x"])
    refuse(C.WrongCertificateKindError, "device", venue, [forged, fra.cert])


def test_device_claiming_another_mission(venue: Venue, fra: Mission) -> None:
    dkey = priv(C.new_signing_key())
    forged = handmade(
        subject=x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "X"),
                           x509.NameAttribute(NameOID.USER_ID, "x")]),
        issuer=name_of(fra.cert), public_key=dkey.public_key(), signer=priv(fra.seed),
        eku=[C.DEVICE_EKU], uris=["corridor:mission/deu", "corridor:delegate/x"])
    refuse(C.IdentityFieldError, "device", venue, [forged, fra.cert])


@pytest.mark.parametrize("position", ["device", "mission"])
@pytest.mark.parametrize("junk", [b"", b"\x30", b"\x30\x03\x02\x01\x01", b"not a cert" * 5])
def test_malformed_der_in_chain(venue: Venue, alice: Device, position: str, junk: bytes) -> None:
    chain = [junk, alice.mission.cert] if position == "device" else [alice.cert, junk]
    refuse(C.MalformedCertificateError, position, venue, chain)


def test_malformed_der_elsewhere(venue: Venue, alice: Device) -> None:
    with pytest.raises(C.MalformedCertificateError) as info:
        C.verify_chain(venue.root[:-10], alice.chain, now=NOW)
    assert info.value.link == "root"
    refuse(C.MalformedCertificateError, "role", venue, alice.chain, roles=[b"\x30\x00"])
    refuse(C.MalformedCrlError, "crl", venue, alice.chain, crls=[b"\x30\x00"])
    refuse(C.MalformedCertificateError, "device", venue,
           [alice.cert[: len(alice.cert) // 2], alice.mission.cert])
    refuse(C.MalformedCertificateError, "device", venue, ["text", alice.mission.cert])  # type: ignore[list-item]


def test_chain_must_be_a_list(venue: Venue, alice: Device) -> None:
    with pytest.raises(C.MalformedCertificateError):
        C.verify_chain(venue.root, alice.cert, now=NOW)  # type: ignore[arg-type]


def test_naive_time_is_a_usage_error(venue: Venue, alice: Device) -> None:
    with pytest.raises(UsageError):
        C.verify_chain(venue.root, alice.chain, now=datetime(2026, 6, 1))


# ------------------------------------------------------------------------- fuzzing


def _mutate(der: bytes, data: st.DataObject) -> bytes:
    kind = data.draw(st.sampled_from(["flip", "cut", "insert", "replace"]))
    # Drawn independently of len(der): role certificates and CRLs are re-made per example
    # and vary in length, and Hypothesis needs the same draws to replay a failure.
    i = data.draw(st.integers(0, 1 << 16)) % len(der)
    if kind == "flip":
        return flip(der, i)
    if kind == "cut":
        return der[:i]
    if kind == "insert":
        return der[:i] + data.draw(st.binary(min_size=1, max_size=4)) + der[i:]
    return der[:i] + bytes([data.draw(st.integers(0, 255))]) + der[i + 1 :]


@settings(max_examples=80, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data(), position=st.sampled_from(["device", "mission", "root", "crl", "role"]))
def test_fuzzed_der_never_crashes(venue: Venue, alice: Device, data: st.DataObject,
                                  position: str) -> None:
    root, chain = venue.root, list(alice.chain)
    crl = venue.crl([1])
    role = venue.role("chair", "alice", "fra") if position == "role" else None
    if position == "device":
        chain[0] = _mutate(chain[0], data)
    elif position == "mission":
        chain[1] = _mutate(chain[1], data)
    elif position == "root":
        root = _mutate(root, data)
    elif position == "crl":
        crl = _mutate(crl, data)
    else:
        assert role is not None
        role = _mutate(role, data)
    try:
        ident = C.verify_chain(root, chain, now=NOW, crls=[crl], roles=[role] if role else [])
    except C.ChainError as e:
        assert e.link in {"root", "mission", "device", "role", "crl"}
    else:
        # A mutation may only survive if it changed nothing the chain vouches for.
        assert ident.signature_key == alice.public and ident.delegate_id == "alice"


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(junk=st.lists(st.binary(max_size=64), min_size=1, max_size=4))
def test_random_chains_never_crash(venue: Venue, junk: list[bytes]) -> None:
    with pytest.raises(C.ChainError):
        C.verify_chain(venue.root, junk, now=NOW)


# ------------------------------------------------------------------------- MLS hook, state


def test_mls_hook_accepts_the_right_key(venue: Venue, alice: Device) -> None:
    validator = C.ChainVerifier(venue.root, now=NOW)
    assert validator(alice.chain, alice.public).delegate_id == "alice"
    ident = C.verify_mls_credential(venue.root, alice.chain, alice.public, now=NOW)
    assert ident.signature_key == alice.public


def test_mls_hook_refuses_substituted_key(venue: Venue, alice: Device, bernd: Device) -> None:
    with pytest.raises(C.KeyMismatchError) as info:
        C.verify_mls_credential(venue.root, alice.chain, bernd.public, now=NOW)
    assert info.value.link == "device"
    relay_key = C.public_key_of(C.new_signing_key())
    with pytest.raises(C.KeyMismatchError):
        C.verify_mls_credential(venue.root, alice.chain, relay_key, now=NOW)


def test_mls_hook_refuses_attacker_root(venue: Venue, alice: Device) -> None:
    attacker = make_venue("Test venue")
    m = attacker.mission("fra", "France")
    d = attacker.device(m, "alice", "Alice Martin")
    with pytest.raises(C.UntrustedRootError):
        C.verify_mls_credential(venue.root, d.chain, d.public, now=NOW)
    with pytest.raises(C.UntrustedRootError):
        C.verify_mls_credential(venue.root, [*d.chain, attacker.root], d.public, now=NOW)


def test_failures_change_no_state(venue: Venue, alice: Device, bernd: Device) -> None:
    v = C.ChainVerifier(venue.root, now=NOW)
    first = v.verify(alice.chain)
    cached = dict(v._missions)
    m = alice.mission.cert
    for bad in ([alice.cert, flip(m, len(m) - 1)], [bernd.cert, m], [b"junk", m]):
        with pytest.raises(C.ChainError):
            v.verify(bad)
    assert v._missions == cached
    assert v.verify(alice.chain) == first


def test_cache_is_per_verifier(venue: Venue, alice: Device) -> None:
    ok = C.ChainVerifier(venue.root, now=NOW)
    ok.verify(alice.chain)
    crl = venue.crl([C.certificate_serial(alice.mission.cert)])
    revoked = C.ChainVerifier(venue.root, now=NOW, crls=[crl])
    with pytest.raises(C.RevokedError):
        revoked.verify(alice.chain)


# ------------------------------------------------------------------------- issuing and requests


def test_request_with_bad_signature_refused() -> None:
    seed = C.new_signing_key()
    csr = C.make_device_request(seed, delegate_id="alice", display_name="Alice")
    with pytest.raises(C.BadSignatureError):
        C.read_request(flip(csr, len(csr) - 1), kind="device")
    with pytest.raises(C.MalformedCertificateError):
        C.read_request(b"\x30\x00", kind="device")


def test_issuer_key_must_match(venue: Venue, fra: Mission) -> None:
    with pytest.raises(UsageError):
        C.issue_device_certificate(fra.cert, C.new_signing_key(),
                                   public_key=C.public_key_of(C.new_signing_key()),
                                   delegate_id="x", display_name="X", not_before=NOW,
                                   not_after=NOW + DAY)


@pytest.mark.parametrize("bad", ["", "has space", "x" * 65, "-lead", "a/b", "é"])
def test_bad_ids_refused(bad: str) -> None:
    with pytest.raises(UsageError):
        C.make_device_request(C.new_signing_key(), delegate_id=bad, display_name="X")


# ------------------------------------------------------------------------- fingerprints


def test_fingerprint_words_round_trip(venue: Venue) -> None:
    fp = C.fingerprint(venue.root)
    words = C.fingerprint_words(venue.root).split()
    assert len(words) == 32
    assert decode_words(words) == fp
    assert parse_hex(C.fingerprint_hex(venue.root)) == fp
    assert encode_words(bytes(range(256))) == list(WORDS)


def test_word_table_is_frozen_and_distinct() -> None:
    assert len(set(WORDS)) == 256
    assert all(w.isalpha() and w.islower() and len(w) <= 8 for w in WORDS)
    assert words_digest() == "092084f55e7e87965287b8d31144af553e86cf4836b8dd5e202d812b2712de0d"
    with pytest.raises(DecodeError):
        decode_words(["acid", "notaword"])
    with pytest.raises(DecodeError):
        parse_hex("zz")


def test_der_of_reads_pem_or_der_and_refuses_garbage(venue: Venue) -> None:
    root = venue.root
    pem = C.pem_of(root, "certificate")
    assert pem.startswith(b"-----BEGIN CERTIFICATE-----")
    assert C.der_of(pem, "certificate") == root
    assert C.der_of(root, "certificate") == root
    crl = venue.crl([1])
    assert C.der_of(C.pem_of(crl, "crl"), "crl") == crl
    for kind, data in [("certificate", crl), ("crl", root), ("request", b"\x30\x03junk"),
                       ("certificate", b"-----BEGIN CERTIFICATE-----\nAAAA\n")]:
        with pytest.raises(DecodeError, match=kind):
            C.der_of(data, kind)
    with pytest.raises(UsageError):
        C.der_of(root, "key")
