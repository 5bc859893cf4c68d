"""Enrolment end to end with the real commands: venue init -> two missions, one delegate
each -> ``corridor cert verify`` passes for both and fails, naming the link, once revoked."""

from __future__ import annotations

import contextlib
import io
import json
import shutil
import stat
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from crypto.keyfile import open_key
from server_stub.venue import main as relay
from ui.cli import main as corridor

PASS = "a long enough passphrase"
ROOT_DIR = Path(__file__).resolve().parents[2]


@pytest.fixture(autouse=True)
def passphrase(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CORRIDOR_PASSPHRASE", PASS)


def ok(capsys: pytest.CaptureFixture[str], fn, *argv: str) -> str:  # type: ignore[no-untyped-def]
    code = fn(list(argv))
    out, err = capsys.readouterr()
    assert code == 0, err
    return out


def fails(capsys: pytest.CaptureFixture[str], fn, *argv: str) -> tuple[str, str]:  # type: ignore[no-untyped-def]
    code = fn(list(argv))
    out, err = capsys.readouterr()
    assert code == 1, (out, err)
    assert "Traceback" not in err
    return out, err


@dataclass
class World:
    tmp: Path
    relay_dir: Path
    fingerprint_hex: str
    fingerprint_words: str

    def p(self, *parts: str) -> str:
        return str(self.tmp.joinpath(*parts))


def quiet(fn, *argv: str) -> str:  # type: ignore[no-untyped-def]
    """Run a command, capture its stdout, insist on success (module fixtures lack capsys)."""
    buf = io.StringIO()
    with contextlib.redirect_stdout(buf):
        code = fn(list(argv))
    assert code == 0
    return buf.getvalue()


def enrol(w: World, mid: str, name: str, did: str, display: str) -> None:
    quiet(corridor, "mission", "init", "--out", w.p(mid), "--mission-id", mid,
          "--name", name, "--kdf", "interactive")
    quiet(relay, "venue", "accredit-mission", "--data-dir", str(w.relay_dir),
          "--request", w.p(mid, "mission-request.pem"), "--mission-id", mid, "--name", name,
          "--days", "365", "--out", w.p(mid, "mission.pem"))
    quiet(corridor, "device", "init", "--home", w.p(did), "--delegate-id", did,
          "--display-name", display, "--kdf", "interactive")
    quiet(corridor, "mission", "sign-device", "--request", w.p(did, "device-request.pem"),
          "--mission-cert", w.p(mid, "mission.pem"), "--key", w.p(mid, "mission.key"),
          "--days", "90", "--out", w.p(f"{did}-cert.pem"))
    quiet(corridor, "device", "import", "--home", w.p(did), "--cert", w.p(f"{did}-cert.pem"),
          "--mission-cert", w.p(mid, "mission.pem"), "--root", str(w.relay_dir / "root.pem"),
          "--root-fingerprint", w.fingerprint_hex)


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> World:
    """venue init, then two missions with one delegate each, all by the real commands."""
    tmp = tmp_path_factory.mktemp("venue")
    relay_dir = tmp / "relay"
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("CORRIDOR_PASSPHRASE", PASS)
        info = json.loads(quiet(relay, "venue", "init", "--data-dir", str(relay_dir),
                                "--kdf", "interactive", "--json"))
        w = World(tmp, relay_dir, info["fingerprint_hex"], info["fingerprint_words"])
        enrol(w, "fra", "France", "alice", "Alice Martin")
        enrol(w, "deu", "Germany", "bernd", "Bernd Schulz")
    return w


def verify(capsys: pytest.CaptureFixture[str], w: World, did: str, *extra: str) -> dict:  # type: ignore[type-arg]
    code = corridor(["cert", "verify", "--root", str(w.relay_dir / "root.pem"), "--chain",
                     w.p(did, "chain.pem"), "--json", *extra])
    out, _ = capsys.readouterr()
    result = json.loads(out)
    assert (code == 0) == result["valid"]
    return result  # type: ignore[no-any-return]


def test_both_delegates_verify(world: World, capsys: pytest.CaptureFixture[str]) -> None:
    a = verify(capsys, world, "alice")["identity"]
    b = verify(capsys, world, "bernd")["identity"]
    assert (a["mission_id"], a["delegate_id"], a["display_name"]) == ("fra", "alice",
                                                                      "Alice Martin")
    assert (b["mission_id"], b["mission_name"], b["delegate_id"]) == ("deu", "Germany", "bernd")
    assert a["signature_key"] != b["signature_key"]
    # The certified key is the device's own (the sealed key file opens to it).
    seed = open_key((world.tmp / "alice" / "device.key").read_bytes(), PASS).secret
    from crypto.certs import public_key_of

    assert public_key_of(seed).hex() == a["signature_key"]


def test_device_show(world: World, capsys: pytest.CaptureFixture[str]) -> None:
    out = ok(capsys, corridor, "device", "show", "--home", world.p("bernd"), "--json")
    assert json.loads(out)["identity"]["mission_name"] == "Germany"


def test_keys_on_disk_are_sealed(world: World) -> None:
    for path in (world.tmp / "alice" / "device.key", world.tmp / "fra" / "mission.key",
                 world.relay_dir / "root.key"):
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
        assert path.read_bytes().startswith(b"CORRKEY\x00")


def test_revoked_device_fails_naming_the_link(world: World, tmp_path: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    crl = tmp_path / "fra-crl.pem"
    ok(capsys, corridor, "mission", "revoke-device", "--mission-cert",
       world.p("fra", "mission.pem"), "--key", world.p("fra", "mission.key"),
       "--crl", str(crl), "--cert", world.p("alice-cert.pem"))
    result = verify(capsys, world, "alice", "--crl", str(crl),
                    "--crl", str(world.relay_dir / "root.crl.pem"))
    assert result == {"valid": False, "link": "device", "error": "RevokedError",
                      "reason": result["reason"]}
    # Germany is untouched by France's CRL.
    assert verify(capsys, world, "bernd", "--crl", str(crl))["valid"] is True
    # The real entry point in a subprocess: non-zero, names the link.
    proc = subprocess.run(
        [sys.executable, "-m", "ui.cli", "cert", "verify", "--root",
         str(world.relay_dir / "root.pem"), "--chain", world.p("alice", "chain.pem"),
         "--crl", str(crl)], capture_output=True, text=True, cwd=ROOT_DIR)
    assert proc.returncode == 1
    assert "device link" in proc.stdout and "revoked" in proc.stdout


def test_revoked_mission_fails(world: World, tmp_path: Path,
                               capsys: pytest.CaptureFixture[str]) -> None:
    relay_copy = tmp_path / "relay"
    shutil.copytree(world.relay_dir, relay_copy)
    ok(capsys, relay, "venue", "revoke", "--data-dir", str(relay_copy), "--cert",
       world.p("deu", "mission.pem"))
    result = verify(capsys, world, "bernd", "--crl", str(relay_copy / "root.crl.pem"))
    assert (result["valid"], result["link"]) == (False, "mission")


def test_verify_at_other_times(world: World, capsys: pytest.CaptureFixture[str]) -> None:
    result = verify(capsys, world, "alice", "--at", "2000-01-01T00:00:00Z")
    assert (result["valid"], result["link"], result["error"]) == (False, "root",
                                                                  "NotYetValidError")
    result = verify(capsys, world, "alice", "--at", "2100-01-01")
    assert (result["valid"], result["error"]) == (False, "ExpiredError")


def test_cross_mission_chain_fails(world: World, tmp_path: Path,
                                   capsys: pytest.CaptureFixture[str]) -> None:
    code = corridor(["cert", "verify", "--root", str(world.relay_dir / "root.pem"), "--chain",
                     world.p("alice-cert.pem"), "--chain", world.p("deu", "mission.pem")])
    out, _ = capsys.readouterr()
    assert code == 1 and "device link" in out


def test_import_refuses_a_wrong_root(world: World, tmp_path: Path,
                                     capsys: pytest.CaptureFixture[str]) -> None:
    fake = tmp_path / "fake"
    ok(capsys, relay, "venue", "init", "--data-dir", str(fake), "--kdf", "interactive")
    home = world.tmp / "alice"
    before = (home / "root.pem").read_bytes()
    _, err = fails(capsys, corridor, "device", "import", "--home", str(home), "--cert",
                   world.p("alice-cert.pem"), "--mission-cert", world.p("fra", "mission.pem"),
                   "--root", str(fake / "root.pem"), "--root-fingerprint",
                   world.fingerprint_hex)
    assert "does not match the fingerprint" in err
    # The words form of the real fingerprint works; a one-word change does not.
    words = world.fingerprint_words.split()
    ok(capsys, corridor, "device", "import", "--home", str(home), "--cert",
       world.p("alice-cert.pem"), "--mission-cert", world.p("fra", "mission.pem"),
       "--root", str(world.relay_dir / "root.pem"), "--root-fingerprint", " ".join(words))
    words[5] = "zebra" if words[5] != "zebra" else "acid"
    fails(capsys, corridor, "device", "import", "--home", str(home), "--cert",
          world.p("alice-cert.pem"), "--mission-cert", world.p("fra", "mission.pem"),
          "--root", str(world.relay_dir / "root.pem"), "--root-fingerprint", " ".join(words))
    assert (home / "root.pem").read_bytes() == before


def test_import_refuses_someone_elses_certificate(world: World,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    _, err = fails(capsys, corridor, "device", "import", "--home", world.p("alice"), "--cert",
                   world.p("bernd-cert.pem"), "--mission-cert", world.p("deu", "mission.pem"),
                   "--root", str(world.relay_dir / "root.pem"), "--root-fingerprint",
                   world.fingerprint_hex)
    assert "another key" in err


def test_sign_device_refuses_to_outlive_the_mission(world: World, tmp_path: Path,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "long.pem"
    _, err = fails(capsys, corridor, "mission", "sign-device", "--request",
                   world.p("alice", "device-request.pem"), "--mission-cert",
                   world.p("fra", "mission.pem"), "--key", world.p("fra", "mission.key"),
                   "--days", "400", "--out", str(out))
    assert "outside its issuer's validity" in err and not out.exists()


def test_wrong_passphrase_is_refused(world: World, tmp_path: Path,
                                     monkeypatch: pytest.MonkeyPatch,
                                     capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("CORRIDOR_PASSPHRASE", "guess")
    out = tmp_path / "x.pem"
    _, err = fails(capsys, corridor, "mission", "sign-device", "--request",
                   world.p("alice", "device-request.pem"), "--mission-cert",
                   world.p("fra", "mission.pem"), "--key", world.p("fra", "mission.key"),
                   "--days", "5", "--out", str(out))
    assert "wrong passphrase" in err and not out.exists()


def test_openssl_reads_every_pem(world: World) -> None:
    if shutil.which("openssl") is None:
        pytest.skip("openssl is not installed on this machine")
    pems = [world.relay_dir / "root.pem", world.tmp / "fra" / "mission.pem",
            world.tmp / "deu" / "mission.pem", world.tmp / "alice-cert.pem",
            world.tmp / "bernd-cert.pem"]
    for pem in pems:
        text = subprocess.run(["openssl", "x509", "-noout", "-text", "-in", str(pem)],
                              capture_output=True, text=True, check=True).stdout
        assert "ED25519" in text
    alice = subprocess.run(["openssl", "x509", "-noout", "-text", "-in",
                            str(world.tmp / "alice-cert.pem")],
                           capture_output=True, text=True, check=True).stdout
    assert "URI:corridor:delegate/alice" in alice and "CA:FALSE" in alice
    crl = subprocess.run(["openssl", "crl", "-noout", "-text", "-in",
                          str(world.relay_dir / "root.crl.pem")],
                         capture_output=True, text=True, check=True).stdout
    assert "Certificate Revocation List" in crl
    req = subprocess.run(["openssl", "req", "-noout", "-text", "-verify", "-in",
                          str(world.tmp / "alice" / "device-request.pem")],
                         capture_output=True, text=True, check=True)
    assert "UID=alice" in (req.stdout + req.stderr).replace(" = ", "=")


@pytest.mark.parametrize("argv", [
    ["mission", "init"], ["mission", "sign-device"], ["mission", "revoke-device"],
    ["device", "init"], ["device", "import"], ["device", "show"], ["cert", "verify"],
])
def test_every_command_has_help(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        corridor([*argv, "--help"])
    assert exc.value.code == 0
    assert "--json" in capsys.readouterr().out
