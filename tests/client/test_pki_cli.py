# SPDX-License-Identifier: Apache-2.0
"""Enrolment end to end with the real commands: venue init -> two missions, one delegate
each -> ``corridor cert verify`` passes for both and fails, naming the link, once revoked."""

from __future__ import annotations

import asyncio
import base64
import json
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import serialization
from keyring.backends import fail as keyring_fail

from client import keystore as ks
from client.paths import resolve_home
from crypto import certs
from crypto.certs.keyfile import peek_label, seal_key
from server_stub.venue import main as relay
from tests.support.commands import PASS, World, fails, ok, quiet, using_keyring
from tests.support.keyrings import DictKeyring, legacy_file
from ui.cli import main as corridor

ROOT_DIR = Path(__file__).resolve().parents[2]


@pytest.fixture(autouse=True)
def passphrase(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CORRIDOR_PASSPHRASE", PASS)


def device_seed(home: Path) -> bytes:
    """The signature key ``device init`` put in a file-backed home's keystore."""
    store = ks.open_keystore(resolve_home(home), env={ks.PASSPHRASE_ENV: PASS},
                             keyring_backend=keyring_fail.Keyring())
    seed = store.get(ks.DEVICE_SIGNATURE_KEY)
    assert seed is not None
    return seed.value


def request_key(home: Path) -> bytes:
    csr = x509.load_pem_x509_csr((home / "device-request.pem").read_bytes())
    return csr.public_key().public_bytes(serialization.Encoding.Raw,
                                         serialization.PublicFormat.Raw)


def forms(value: bytes) -> list[bytes]:
    return [value, value.hex().encode(), value.hex().upper().encode(),
            base64.b64encode(value).rstrip(b"="), base64.urlsafe_b64encode(value).rstrip(b"=")]


def files_under(root: Path) -> list[Path]:
    return sorted(p for p in root.rglob("*") if p.is_file())


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
    with pytest.MonkeyPatch.context() as mp, using_keyring(keyring_fail.Keyring()):
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
    # The certified key is the device's own (its keystore holds it).
    assert certs.public_key_of(device_seed(world.tmp / "alice")).hex() == a["signature_key"]


def test_device_show(world: World, capsys: pytest.CaptureFixture[str]) -> None:
    out = ok(capsys, corridor, "device", "show", "--home", world.p("bernd"), "--json")
    assert json.loads(out)["identity"]["mission_name"] == "Germany"


def test_keys_on_disk_are_sealed(world: World) -> None:
    for path in (world.tmp / "alice" / "secrets.key", world.tmp / "fra" / "mission.key",
                 world.relay_dir / "root.key"):
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
        assert path.read_bytes().startswith(b"CORRKEY\x00")
    assert peek_label((world.tmp / "alice" / "secrets.key").read_bytes()) == ks.KEYSTORE_LABEL
    assert not (world.tmp / "alice" / "device.key").exists()


# ------------------------------------------------------------------ device init: keystore


def init_device(capsys: pytest.CaptureFixture[str], home: Path, *extra: str) -> str:
    return ok(capsys, corridor, "device", "init", "--home", str(home), "--delegate-id",
              "carla", "--display-name", "Carla Rossi", "--kdf", "interactive", *extra)


def test_device_init_with_a_keyring_writes_no_key_file(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    ring = DictKeyring()
    home = tmp_path / "carla"
    with using_keyring(ring):
        info = json.loads(init_device(capsys, home, "--json"))
    assert (info["keystore"], info["key_file"]) == ("keyring", None)
    assert "OS keyring" in info["keystore_description"]
    assert [p.name for p in files_under(home)] == ["device-request.pem", "keystore.json"]
    ((_service, user),) = ring.items
    assert user.endswith("/" + ks.DEVICE_SIGNATURE_KEY)
    store = ks.open_keystore(resolve_home(home), env={}, keyring_backend=ring)
    seed = store.get(ks.DEVICE_SIGNATURE_KEY)
    assert seed is not None
    # The request is made from the stored key.
    assert request_key(home) == certs.public_key_of(seed.value)
    assert info["signature_key"] == certs.public_key_of(seed.value).hex()
    for path in files_under(home):
        data = path.read_bytes()
        assert not any(f in data for f in forms(seed.value)), path
    # Text output says where the key went.
    home2 = tmp_path / "carla2"
    with using_keyring(ring):
        out = init_device(capsys, home2)
    assert "device key: in the OS keyring" in out and "DictKeyring" in out


def test_device_init_without_a_keyring_writes_one_passphrase_file(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    home = tmp_path / "carla"
    with using_keyring(keyring_fail.Keyring()):
        out = init_device(capsys, home)
    assert "no usable os keyring" in out.lower() and "passphrase-protected file" in out
    assert str(home / "secrets.key") in out
    assert out.lower().count("keyring") == 1  # said once, not twice over
    assert [p.name for p in files_under(home)] == ["device-request.pem", "keystore.json",
                                                   "secrets.key"]
    key_file = home / "secrets.key"
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    assert stat.S_IMODE(home.stat().st_mode) == 0o700
    assert key_file.read_bytes().startswith(b"CORRKEY\x00")
    assert peek_label(key_file.read_bytes()) == ks.KEYSTORE_LABEL
    seed = device_seed(home)
    assert request_key(home) == certs.public_key_of(seed)


def test_home_scan_after_device_init_finds_no_key_material(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    home = tmp_path / "carla"
    with using_keyring(keyring_fail.Keyring()):
        init_device(capsys, home)
    seed = device_seed(home)
    needles = [*forms(seed), PASS.encode()]
    for path in files_under(tmp_path):
        data = path.read_bytes()
        for needle in needles:
            assert needle not in data, path


def test_device_init_twice_is_refused(tmp_path: Path,
                                      capsys: pytest.CaptureFixture[str]) -> None:
    home = tmp_path / "carla"
    with using_keyring(keyring_fail.Keyring()):
        init_device(capsys, home)
        before = {p: p.read_bytes() for p in files_under(home)}
        _, err = fails(capsys, corridor, "device", "init", "--home", str(home),
                       "--delegate-id", "x", "--display-name", "X")
    assert "already has a device key" in err
    assert {p: p.read_bytes() for p in files_under(home)} == before


def test_device_init_wrong_passphrase_is_refused(tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    home = tmp_path / "carla"
    with using_keyring(keyring_fail.Keyring()):
        ks.open_keystore(resolve_home(home), env={ks.PASSPHRASE_ENV: PASS})  # made earlier
        monkeypatch.setenv("CORRIDOR_PASSPHRASE", "guess")
        before = (home / "secrets.key").read_bytes()
        _, err = fails(capsys, corridor, "device", "init", "--home", str(home),
                       "--delegate-id", "x", "--display-name", "X")
    assert "passphrase" in err and (home / "secrets.key").read_bytes() == before
    assert not (home / "device-request.pem").exists()


# ------------------------------------------------------------------ homes with a device.key


def legacy_home(world: World, dest: Path) -> bytes:
    """A copy of alice's home as earlier builds made it: device.key, no keystore."""
    dest.mkdir(mode=0o700)
    for name in ("root.pem", "chain.pem", "mission.pem", "device.pem",
                 "device-request.pem"):
        shutil.copy(world.tmp / "alice" / name, dest / name)
    seed = device_seed(world.tmp / "alice")
    (dest / "device.key").write_bytes(seal_key(seed, PASS, label="corridor-device",
                                               strength="interactive"))
    return seed


def test_client_open_moves_an_old_device_key_into_the_keystore(world: World,
                                                                tmp_path: Path) -> None:
    from client.core import Client

    home = tmp_path / "old"
    seed = legacy_home(world, home)
    with using_keyring(keyring_fail.Keyring()):
        client = Client.open(home, "http://127.0.0.1:9", passphrase=PASS)
        try:
            assert client.device_id == certs.public_key_of(seed).hex()
        finally:
            asyncio.run(client.close())
        assert not (home / "device.key").exists()
        assert device_seed(home) == seed
        again = Client.open(home, passphrase=PASS)  # from the keystore alone now
        try:
            assert client.device_id == again.device_id
        finally:
            asyncio.run(again.close())


def test_migrate_keystore_command(world: World, tmp_path: Path,
                                  capsys: pytest.CaptureFixture[str]) -> None:
    home = tmp_path / "old"
    seed = legacy_home(world, home)
    with using_keyring(keyring_fail.Keyring()):
        ks.open_keystore(resolve_home(home), env={ks.PASSPHRASE_ENV: PASS})
        legacy_file(home / "secrets.key", PASS, {ks.STORE_KEY: b"s" * 32})
        with pytest.raises(ks.OldKeystoreFormatError):
            ks.open_keystore(resolve_home(home), env={ks.PASSPHRASE_ENV: PASS})
        info = json.loads(ok(capsys, corridor, "device", "migrate-keystore", "--home",
                             str(home), "--json"))
        assert (info["rewritten"], info["device_key_moved"]) == (True, True)
        assert not (home / "device.key").exists()
        assert device_seed(home) == seed
        store = ks.open_keystore(resolve_home(home), env={ks.PASSPHRASE_ENV: PASS})
        assert store.get(ks.STORE_KEY).value == b"s" * 32  # type: ignore[union-attr]
        info = json.loads(ok(capsys, corridor, "device", "migrate-keystore", "--home",
                             str(home), "--json"))
        assert (info["rewritten"], info["device_key_moved"]) == (False, False)


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
    ["device", "migrate-keystore"],
])
def test_every_command_has_help(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        corridor([*argv, "--help"])
    assert exc.value.code == 0
    assert "--json" in capsys.readouterr().out
