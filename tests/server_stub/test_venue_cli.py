# SPDX-License-Identifier: Apache-2.0
"""``corridor-relay venue ...``: the secretariat's commands, run for real (main(argv))."""

from __future__ import annotations

import json
import shutil
import stat
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

from crypto import certs
from crypto.certs.words import decode_words, parse_hex
from server_stub.venue import main

PASS = "secretariat-pass"


@pytest.fixture(autouse=True)
def passphrase(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CORRIDOR_PASSPHRASE", PASS)


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def venue(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> tuple[Path, dict[str, str]]:
    data = tmp_path / "relay"
    code, out, _ = run(capsys, "venue", "init", "--data-dir", str(data), "--kdf",
                       "interactive", "--name", "Test Forum", "--json")
    assert code == 0
    return data, json.loads(out)


def openssl(kind: str, path: Path) -> str:
    if shutil.which("openssl") is None:
        pytest.skip("openssl is not installed on this machine")
    return subprocess.run(["openssl", kind, "-noout", "-text", "-in", str(path)],
                          capture_output=True, text=True, check=True).stdout


def test_init_prints_the_fingerprint_of_what_it_wrote(venue: tuple[Path, dict[str, str]]) -> None:
    data, info = venue
    root = x509.load_pem_x509_certificate((data / "root.pem").read_bytes())
    der = root.public_bytes(Encoding.DER)
    fp = certs.fingerprint(der)
    assert parse_hex(info["fingerprint_hex"]) == fp
    assert decode_words(info["fingerprint_words"].split()) == fp
    assert stat.S_IMODE((data / "root.key").stat().st_mode) == 0o600
    assert PASS.encode() not in (data / "root.key").read_bytes()
    text = openssl("x509", data / "root.pem")
    assert "CN=Test Forum" in text.replace(" = ", "=")
    assert "CA:TRUE" in text
    assert "Certificate Sign, CRL Sign" in text
    crl_text = openssl("crl", data / "root.crl.pem")
    assert "No Revoked Certificates" in crl_text


def test_init_refuses_to_replace_a_root(venue: tuple[Path, dict[str, str]],
                                        capsys: pytest.CaptureFixture[str]) -> None:
    data, _ = venue
    before = (data / "root.key").read_bytes()
    code, _, err = run(capsys, "venue", "init", "--data-dir", str(data), "--kdf", "interactive")
    assert code == 1 and "refusing" in err
    assert (data / "root.key").read_bytes() == before


def test_accredit_role_and_revoke(venue: tuple[Path, dict[str, str]], tmp_path: Path,
                                  capsys: pytest.CaptureFixture[str]) -> None:
    data, _ = venue
    seed = certs.new_signing_key()
    req = tmp_path / "req.pem"
    csr = x509.load_der_x509_csr(certs.make_mission_request(seed, mission_id="fra",
                                                            name="France"))
    req.write_bytes(csr.public_bytes(Encoding.PEM))
    # A request for another mission than the secretariat names is refused.
    code, _, err = run(capsys, "venue", "accredit-mission", "--data-dir", str(data),
                       "--request", str(req), "--mission-id", "deu", "--name", "Germany",
                       "--days", "30", "--out", str(tmp_path / "deu.pem"))
    assert code == 1 and "fra" in err and not (tmp_path / "deu.pem").exists()
    code, out, _ = run(capsys, "venue", "accredit-mission", "--data-dir", str(data),
                       "--request", str(req), "--mission-id", "fra", "--name", "France",
                       "--days", "30", "--out", str(tmp_path / "fra.pem"), "--json")
    assert code == 0
    serial = json.loads(out)["serial"]
    mission = x509.load_pem_x509_certificate((tmp_path / "fra.pem").read_bytes())
    assert mission.serial_number == serial
    assert (data / "issued" / f"{serial:x}.pem").exists()
    text = openssl("x509", tmp_path / "fra.pem")
    assert "pathlen:0" in text and "URI:corridor:mission/fra" in text

    # Roles: convener needs a channel, chair takes none.
    code, _, err = run(capsys, "venue", "grant-role", "--data-dir", str(data), "--role",
                       "convener", "--delegate", "alice", "--mission-id", "fra",
                       "--out", str(tmp_path / "c.pem"))
    assert code == 1 and "--channel" in err
    code, out, _ = run(capsys, "venue", "grant-role", "--data-dir", str(data), "--role",
                       "convener", "--channel", "WG 2", "--delegate", "alice",
                       "--mission-id", "fra", "--hours", "3", "--out", str(tmp_path / "c.pem"),
                       "--json")
    assert code == 0
    role = x509.load_pem_x509_certificate((tmp_path / "c.pem").read_bytes())
    assert role.not_valid_after_utc - role.not_valid_before_utc <= timedelta(hours=3,
                                                                          minutes=6)
    assert "corridor:role/convener/WG%202" in openssl("x509", tmp_path / "c.pem")

    # Revoke by certificate, then by serial; the CRL grows and stays root-signed.
    code, _, _ = run(capsys, "venue", "revoke", "--data-dir", str(data), "--cert",
                     str(tmp_path / "fra.pem"))
    assert code == 0
    code, out, _ = run(capsys, "venue", "revoke", "--data-dir", str(data), "--serial",
                       str(role.serial_number), "--json")
    assert code == 0 and json.loads(out)["crl_number"] == 3
    crl = x509.load_pem_x509_crl((data / "root.crl.pem").read_bytes())
    root = x509.load_pem_x509_certificate((data / "root.pem").read_bytes())
    assert crl.is_signature_valid(root.public_key())  # type: ignore[arg-type]
    assert {e.serial_number for e in crl} == {serial, role.serial_number}
    crl_text = openssl("crl", data / "root.crl.pem").replace(":", "").upper()
    assert f"{serial:X}" in crl_text
    assert all(e.revocation_date_utc <= datetime.now(UTC) for e in crl)


def test_wrong_passphrase_changes_nothing(venue: tuple[Path, dict[str, str]],
                                          monkeypatch: pytest.MonkeyPatch,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    data, _ = venue
    before = (data / "root.crl.pem").read_bytes()
    monkeypatch.setenv("CORRIDOR_PASSPHRASE", "not the passphrase")
    code, _, err = run(capsys, "venue", "revoke", "--data-dir", str(data), "--serial", "77")
    assert code == 1 and "passphrase" in err
    assert "Traceback" not in err
    assert (data / "root.crl.pem").read_bytes() == before


def test_revoking_a_foreign_certificate_is_refused(venue: tuple[Path, dict[str, str]],
                                                   tmp_path: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    data, _ = venue
    other = tmp_path / "other"
    assert run(capsys, "venue", "init", "--data-dir", str(other), "--kdf", "interactive")[0] == 0
    code, _, err = run(capsys, "venue", "revoke", "--data-dir", str(data), "--cert",
                       str(other / "root.pem"))
    assert code == 1 and "not issued by this venue root" in err


@pytest.mark.parametrize("sub", ["init", "accredit-mission", "grant-role", "revoke",
                                 "set-markings"])
def test_every_command_has_help(sub: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["venue", sub, "--help"])
    assert exc.value.code == 0
    assert "--data-dir" in capsys.readouterr().out


def test_corridor_relay_entry_point_has_venue(tmp_path: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    from server_stub.cli import main as relay_main

    code = relay_main(["venue", "init", "--data-dir", str(tmp_path / "r"), "--kdf",
                       "interactive", "--json"])
    assert code == 0
    info = json.loads(capsys.readouterr().out)
    der = x509.load_pem_x509_certificate((tmp_path / "r" / "root.pem").read_bytes()
                                         ).public_bytes(Encoding.DER)
    assert parse_hex(info["fingerprint_hex"]) == certs.fingerprint(der)
    # As the console script runs it (``-m server_stub.cli`` would register into __main__).
    code_line = "import sys; from server_stub.cli import main; sys.exit(main(sys.argv[1:]))"
    proc = subprocess.run([sys.executable, "-c", code_line, "venue", "revoke", "--help"],
                          capture_output=True, text=True, cwd=Path(__file__).resolve().parents[2])
    assert proc.returncode == 0 and "--serial" in proc.stdout


def test_accredit_an_observer(venue: tuple[Path, dict[str, str]], tmp_path: Path,
                              capsys: pytest.CaptureFixture[str]) -> None:
    data, _ = venue
    seed = certs.new_signing_key()
    pub = tmp_path / "ngo.pub"
    pub.write_bytes(Ed25519PrivateKey.from_private_bytes(seed).public_key().public_bytes(
        Encoding.PEM, PublicFormat.SubjectPublicKeyInfo))
    code, out, _ = run(capsys, "venue", "accredit-mission", "--data-dir", str(data),
                       "--public-key", str(pub), "--mission-id", "ngo", "--name", "Institute",
                       "--observer", "--out", str(tmp_path / "ngo.pem"), "--json")
    assert code == 0 and json.loads(out)["observer"] is True
    assert "URI:corridor:standing/observer" in openssl("x509", tmp_path / "ngo.pem")


def test_set_markings_re_signs_the_policy_and_refuses_bad_schemes(
        venue: tuple[Path, dict[str, str]], capsys: pytest.CaptureFixture[str]) -> None:
    from crypto.certs.transparency import VenuePolicy
    from crypto.corridor import markings

    data, _info = venue
    der = x509.load_pem_x509_certificate((data / "root.pem").read_bytes()).public_bytes(
        Encoding.DER)
    root_pk = x509.load_der_x509_certificate(der).public_key().public_bytes(
        Encoding.Raw, PublicFormat.Raw)
    before = VenuePolicy.decode((data / "venue-policy.bin").read_bytes())
    assert before.markings == b""  # init without --levels: the default scheme
    for argv, why in (
            ((), "--levels is needed"),
            (("--levels", "A,B", "--default-ceiling", "C"), "not a level"),
            (("--levels", "A,B", "--kind-ceiling", "plenary=A"), "not a channel kind"),
            (("--levels", "A,B", "--caveat", "EYES ONLY"), "NAME=VALUE"),
            (("--levels", "A,A"), "twice")):
        code, _out, err = run(capsys, "venue", "set-markings", "--data-dir", str(data), *argv)
        assert code == 1 and why in err, (argv, err)
    assert (data / "venue-policy.bin").read_bytes() == before.encode()  # unchanged
    code, out, _ = run(capsys, "venue", "set-markings", "--data-dir", str(data), "--levels",
                       "public,internal", "--caveat", "CAUCUS ONLY=caucus", "--kind-ceiling",
                       "bilateral=PUBLIC", "--json")
    assert code == 0 and json.loads(out)["levels"] == ["PUBLIC", "INTERNAL"]
    after = VenuePolicy.decode((data / "venue-policy.bin").read_bytes())
    after.verify(root_pk, certs.fingerprint(der))
    assert after.log_public_key == before.log_public_key
    assert after.issued_at > before.issued_at  # replaces the older one on every device
    scheme = markings.decode_scheme(after.markings)
    assert scheme.default_ceiling == "INTERNAL" and scheme.kind_ceilings == {
        "bilateral": "PUBLIC"} and scheme.caveats == {"CAUCUS ONLY": ("caucus",)}


def test_validity_in_days_or_weeks_and_bounded() -> None:
    """``--days`` takes whole days or 30d / 12w (as ``corridor mission sign-device``
    does), and refuses past 100 years in words, not with an OverflowError."""
    import argparse

    from server_stub.venue import _days, _hours, _order

    assert [_days(t) for t in ("365", "30d", "12w", " 7D ")] == [365, 30, 84, 7]
    for bad, words in (("0", "1 to 36,500 days"), ("9" * 14, "1 to 36,500 days"),
                       ("5x", "not a whole number"), ("", "not a whole number")):
        with pytest.raises(argparse.ArgumentTypeError, match=words):
            _days(bad)
    assert _hours("24") == 24 and _order("40000") == 40000  # a serial is no day count
    with pytest.raises(argparse.ArgumentTypeError, match="out of range"):
        _order(str(2**53 + 1))


@pytest.mark.parametrize("argv", [
    ["serve", "--json", "--port", "not-a-port"],
    ["serve", "--json", "--host", "0.0.0.0"],  # not loopback and no TLS
    ["venue", "accredit-mission", "--json"],  # its required arguments missing
    ["--json", "no-such-command"],
])
def test_relay_usage_errors_are_json_when_asked(argv: list[str],
                                                capsys: pytest.CaptureFixture[str]) -> None:
    from server_stub.cli import main as relay_main

    with pytest.raises(SystemExit) as exit_:
        relay_main(argv)
    assert exit_.value.code == 2
    out, err = capsys.readouterr()
    doc = json.loads(out.strip().splitlines()[-1])
    assert doc["error"] == "usage" and doc["message"] and doc["usage"].startswith("usage:")
    assert "Traceback" not in err


def test_relay_usage_errors_stay_text_without_json(capsys: pytest.CaptureFixture[str]) -> None:
    from server_stub.cli import main as relay_main

    with pytest.raises(SystemExit):
        relay_main(["serve", "--port", "not-a-port"])
    out, err = capsys.readouterr()
    assert out == "" and "is not a port number" in err and "usage:" in err
