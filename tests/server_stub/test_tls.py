# SPDX-License-Identifier: Apache-2.0
"""The relay behind TLS with a certificate from the venue's PKI, on loopback.

A client verifies the relay's TLS chain against the venue root it pinned and nothing
else: the relay of another venue, a certificate for another host name, or one from the
machine's public CAs is refused before a byte of the API is sent.
"""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import httpx
import pytest
from cryptography import x509
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import ExtendedKeyUsageOID

from client.transport import HttpTransport, RelayCertificateError, venue_tls_context
from crypto import certs
from server_stub.cli import _check_bind, build_parser
from server_stub.tls import issue_relay_certificate
from server_stub.venue import main as venue_main
from tests.support.pki import Pki, write_root
from tests.support.relay_process import ROOT, free_port

PASS = "secretariat-pass"


def _tls_files(pki: Pki, tmp: Path, hosts: list[str]) -> tuple[Path, Path]:
    now = datetime.now(UTC)
    der, key = issue_relay_certificate(pki.root, pki.root_seed, hosts=hosts,
                                       not_before=now - timedelta(minutes=5),
                                       not_after=now + timedelta(days=1))
    cert_path, key_path = tmp / "tls.pem", tmp / "tls.key"
    cert_path.write_bytes(certs.pem_of(der, "certificate"))
    key_path.write_bytes(key)
    return cert_path, key_path


class TlsRelay:
    """``corridor-relay serve --tls-cert --tls-key`` as a real process on 127.0.0.1."""

    def __init__(self, tmp: Path, pki: Pki, hosts: list[str]) -> None:
        self.pki = pki
        self.data = tmp / "relay"
        write_root(self.data, pki)
        self.cert, self.key = _tls_files(pki, tmp, hosts)
        self.port = free_port()
        self.log = tmp / "relay.log"
        self.url = f"https://127.0.0.1:{self.port}"

    def __enter__(self) -> TlsRelay:
        cmd = [sys.executable, "-m", "server_stub.cli", "serve", "--port", str(self.port),
               "--data-dir", str(self.data), "--tls-cert", str(self.cert),
               "--tls-key", str(self.key)]
        with open(self.log, "wb") as log:
            self.proc = subprocess.Popen(cmd, stdout=log, stderr=log,
                                         env={**os.environ, "PYTHONPATH": str(ROOT)})
        ctx = venue_tls_context(self.pki.root)
        ctx.check_hostname = False  # only waiting for it to listen
        deadline = time.monotonic() + 30
        while True:
            try:
                if httpx.get(self.url + "/health", verify=ctx, timeout=1).status_code == 200:
                    return self
            except httpx.TransportError:
                pass
            assert self.proc.poll() is None and time.monotonic() < deadline, \
                self.log.read_text()
            time.sleep(0.05)

    def __exit__(self, *exc: object) -> None:
        self.proc.terminate()
        self.proc.wait(10)


@pytest.fixture
def pki() -> Iterator[Pki]:
    yield Pki(missions=("tlsland",), name="TLS Venue")


async def test_client_accepts_the_venue_issued_relay_certificate(tmp_path: Path,
                                                                 pki: Pki) -> None:
    with TlsRelay(tmp_path, pki, ["127.0.0.1", "localhost"]) as relay:
        dev = pki.device()
        t = HttpTransport(relay.url, dev.seed, tls_root=pki.root)
        try:
            await t.register(list(dev.chain))
            await t.login()
            assert await t.key_package_count() == (0, False)
            async with t.push() as frames:  # the push socket over wss:// as well
                first = await anext(frames)
                assert first.kind == "ready"
        finally:
            await t.close()
    assert "POST /v1/auth/token 200" in relay.log.read_text()


@pytest.mark.parametrize("case", ["other venue", "other host", "system CAs"])
async def test_client_refuses_a_relay_whose_tls_key_is_not_the_venues(
    tmp_path: Path, pki: Pki, case: str,
) -> None:
    serving = Pki(missions=("tlsland",), name="Impostor Venue") if case == "other venue" \
        else pki
    hosts = ["relay.example.org"] if case == "other host" else ["127.0.0.1"]
    with TlsRelay(tmp_path, serving, hosts) as relay:
        dev = pki.device()
        pinned = None if case == "system CAs" else pki.root
        t = HttpTransport(relay.url, dev.seed, tls_root=pinned)
        try:
            if case == "system CAs":  # the default store does not know the venue root
                with pytest.raises(RelayCertificateError):
                    await t.register(list(dev.chain))
                return
            with pytest.raises(RelayCertificateError) as refused:
                await t.register(list(dev.chain))
            assert "venue root" in str(refused.value)
            with pytest.raises(RelayCertificateError):
                async with t.push():
                    pass
        finally:
            await t.close()
        log = relay.log.read_text()
        assert "/v1/auth/challenge" not in log and "/v1/devices" not in log


def test_venue_tls_cert_command(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("CORRIDOR_PASSPHRASE", PASS)
    data = tmp_path / "relay"
    assert venue_main(["venue", "init", "--data-dir", str(data), "--kdf", "interactive",
                       "--name", "Test Forum"]) == 0
    capsys.readouterr()
    cert_path, key_path = tmp_path / "tls" / "relay.pem", tmp_path / "tls" / "relay.key"
    argv = ["venue", "tls-cert", "--data-dir", str(data), "--host", "relay.forum.example",
            "--host", "127.0.0.1", "--days", "30", "--out-cert", str(cert_path),
            "--out-key", str(key_path), "--json"]
    assert venue_main(argv) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["hosts"] == ["relay.forum.example", "127.0.0.1"]
    assert stat.S_IMODE(key_path.stat().st_mode) == 0o600
    cert = x509.load_pem_x509_certificate(cert_path.read_bytes())
    root = x509.load_pem_x509_certificate((data / "root.pem").read_bytes())
    cert.verify_directly_issued_by(root)
    assert isinstance(cert.public_key(), ec.EllipticCurvePublicKey)
    assert cert.public_key().curve.name == "secp256r1"
    assert cert.extensions.get_extension_for_class(x509.BasicConstraints).value.ca is False
    assert ExtendedKeyUsageOID.SERVER_AUTH in cert.extensions.get_extension_for_class(
        x509.ExtendedKeyUsage).value
    san = cert.extensions.get_extension_for_class(x509.SubjectAlternativeName).value
    assert san.get_values_for_type(x509.DNSName) == ["relay.forum.example"]
    assert [str(a) for a in san.get_values_for_type(x509.IPAddress)] == ["127.0.0.1"]
    assert cert.not_valid_after_utc - cert.not_valid_before_utc <= timedelta(days=30, minutes=6)
    assert (data / "issued" / f"{cert.serial_number:x}.pem").exists()
    # never overwritten; a bad host name or the wrong passphrase is refused
    assert venue_main(argv) == 1
    assert "exists" in capsys.readouterr().err
    bad = [*argv[:5], "relay/../etc", "--out-cert", str(tmp_path / "x.pem"), "--out-key",
           str(tmp_path / "x.key")]
    assert venue_main(bad) == 1
    assert "not a host name" in capsys.readouterr().err
    assert not (tmp_path / "x.key").exists()


def test_the_tls_certificate_is_no_corridor_credential(pki: Pki, tmp_path: Path) -> None:
    """Signed by the venue root, but never a mission, device or role certificate."""
    cert_path, _key = _tls_files(pki, tmp_path, ["127.0.0.1"])
    der = certs.der_of(cert_path.read_bytes(), "certificate")
    verifier = pki.verifier()
    dev = pki.device()
    with pytest.raises(certs.ChainError):
        verifier.verify([der, der])
    with pytest.raises(certs.ChainError):
        verifier.verify([dev.chain[0], der])
    with pytest.raises(certs.ChainError):
        verifier.verify(list(dev.chain), roles=[der])


def test_a_key_that_is_not_the_roots_issues_nothing(pki: Pki) -> None:
    other = Pki(missions=("x",), name="Other")
    now = datetime.now(UTC)
    with pytest.raises(ValueError, match="venue root"):
        issue_relay_certificate(pki.root, other.root_seed, hosts=["127.0.0.1"],
                                not_before=now, not_after=now + timedelta(days=1))
    with pytest.raises(ValueError, match="host"):
        issue_relay_certificate(pki.root, pki.root_seed, hosts=[],
                                not_before=now, not_after=now + timedelta(days=1))


@pytest.mark.parametrize(("argv", "ok"), [
    (["serve"], True),
    (["serve", "--host", "::1"], True),
    (["serve", "--host", "192.0.2.10"], False),  # plain HTTP off loopback: refused
    (["serve", "--host", "192.0.2.10", "--tls-cert", "c.pem", "--tls-key", "k.pem"], True),
    (["serve", "--tls-cert", "c.pem"], False),  # a certificate without its key
])
def test_serve_binds_off_loopback_only_with_tls(argv: list[str], ok: bool,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    parser = build_parser()
    args = parser.parse_args(argv)
    if ok:
        _check_bind(parser, args)
        return
    with pytest.raises(SystemExit) as exc:
        _check_bind(parser, args)
    assert exc.value.code == 2
    assert "--tls" in capsys.readouterr().err
