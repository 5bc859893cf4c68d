# SPDX-License-Identifier: Apache-2.0
"""The relay's TLS certificate, issued under the venue root.

Every client already pins the venue root (its fingerprint reached the missions out of
band), so a relay certificate issued by that root needs no public CA and no second trust
decision: clients verify the relay's TLS chain against the pinned root and nothing
else, and refuse any other certificate (a public CA's included).

The certificate is an ordinary TLS server certificate, readable by any PKI tool: an
ECDSA P-256 key (what every TLS stack accepts for a server key), the relay's DNS names
and IP addresses as subjectAltNames, extendedKeyUsage serverAuth, not a CA; it is signed
by the root's Ed25519 key (OpenSSL 1.1.1 and later verify such chains). Its key is not
Ed25519, so Corridor's own chain checks can never take it for a mission, device or
role certificate. ``corridor-relay venue tls-cert`` writes it with its key; ``serve
--tls-cert --tls-key`` (or a reverse proxy, see deploy/) presents it.
"""

from __future__ import annotations

import argparse
import ipaddress
import re
from datetime import datetime, timedelta
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec, ed25519
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

from crypto import certs

__all__ = ["add_tls_cert_arguments", "cmd_tls_cert", "issue_relay_certificate"]

DEFAULT_DAYS = 90
_LABEL = r"[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
_DNS = re.compile(rf"(?=.{{1,253}}$){_LABEL}(?:\.{_LABEL})*")


def _san(host: str) -> x509.GeneralName:
    try:
        return x509.IPAddress(ipaddress.ip_address(host))
    except ValueError:
        return x509.DNSName(host)


def issue_relay_certificate(
    root_der: bytes, root_seed: bytes, *, hosts: list[str], not_before: datetime,
    not_after: datetime,
) -> tuple[bytes, bytes]:
    """A fresh ECDSA P-256 key and its TLS server certificate under the venue root.

    The validity is cut to the root's. Returns (certificate DER, private key PEM).

    Raises:
        ValueError: no host names, or a name that is not a DNS name or IP address.
    """
    if not hosts:
        raise ValueError("the relay certificate needs at least one host name or address")
    for h in hosts:
        if not (_is_ip(h) or _DNS.fullmatch(h)):
            raise ValueError(f"{h!r} is not a host name or IP address")
    root = x509.load_der_x509_certificate(root_der)
    root_key = ed25519.Ed25519PrivateKey.from_private_bytes(root_seed)
    if root_key.public_key().public_bytes(
        serialization.Encoding.Raw, serialization.PublicFormat.Raw
    ) != root.public_key().public_bytes(serialization.Encoding.Raw,
                                        serialization.PublicFormat.Raw):
        raise ValueError("the key does not belong to this venue root")
    key = ec.generate_private_key(ec.SECP256R1())
    not_after = min(not_after, root.not_valid_after_utc)
    cert = (
        x509.CertificateBuilder()
        .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, hosts[0][:64])]))
        .issuer_name(root.subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(max(not_before, root.not_valid_before_utc))
        .not_valid_after(not_after)
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(x509.KeyUsage(
            digital_signature=True, content_commitment=False, key_encipherment=False,
            data_encipherment=False, key_agreement=False, key_cert_sign=False, crl_sign=False,
            encipher_only=False, decipher_only=False), critical=True)
        .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.SERVER_AUTH]),
                       critical=False)
        .add_extension(x509.SubjectAlternativeName([_san(h) for h in hosts]), critical=False)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()),
                       critical=False)
        .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(
            root_key.public_key()), critical=False)
        .sign(root_key, None)
    )
    key_pem = key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                serialization.NoEncryption())
    return cert.public_bytes(serialization.Encoding.DER), key_pem


def _is_ip(host: str) -> bool:
    try:
        ipaddress.ip_address(host)
    except ValueError:
        return False
    return True


def _days(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if not 1 <= value <= 36_500:
        raise argparse.ArgumentTypeError(f"{value} is out of range: 1 to 36,500 days")
    return value


def add_tls_cert_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--host", action="append", required=True, metavar="NAME",
                   help="a DNS name or IP address clients use for the relay (repeatable)")
    p.add_argument("--days", type=_days, default=DEFAULT_DAYS,
                   help=f"validity (default {DEFAULT_DAYS}; cut to the root's)")
    p.add_argument("--out-cert", required=True, help="where to write the certificate (PEM)")
    p.add_argument("--out-key", required=True,
                   help="where to write its private key (PEM, mode 0600)")


def cmd_tls_cert(args: argparse.Namespace) -> int:
    """``corridor-relay venue tls-cert``: the relay's TLS certificate and key."""
    from .venue import CommandError, _emit, _now, _Root, _write_new, _write_out

    if args.days <= 0:
        raise CommandError("--days must be positive")
    root = _Root(Path(args.data_dir))
    out_cert, out_key = Path(args.out_cert), Path(args.out_key)
    if out_key.exists():
        raise CommandError(f"{out_key} exists; refusing to overwrite")
    now = _now()
    try:
        der, key_pem = issue_relay_certificate(
            root.cert, root.seed(), hosts=list(args.host), not_before=now - timedelta(minutes=5),
            not_after=now + timedelta(days=args.days))
    except ValueError as exc:
        raise CommandError(str(exc)) from None
    out_key.parent.mkdir(parents=True, exist_ok=True)
    _write_new(out_key, key_pem, secret=True)
    _write_out(out_cert, certs.pem_of(der, "certificate"))
    root.record(der)
    serial = certs.certificate_serial(der)
    _emit(args, {"hosts": list(args.host), "serial": serial, "cert": str(out_cert),
                 "key": str(out_key)},
          [f"relay TLS certificate for {', '.join(args.host)}, serial {serial}",
           f"certificate: {out_cert}", f"key (keep it secret): {out_key}",
           "serve it with: corridor-relay serve --tls-cert CERT --tls-key KEY"])
    return 0
