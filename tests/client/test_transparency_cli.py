# SPDX-License-Identifier: Apache-2.0
"""The venue policy pinning the transparency log key, through the real commands.

``venue init`` makes the log key and the root-signed policy; ``venue
enable-transparency`` adds them to a venue made before (and refuses to replace them);
``device import --policy`` pins the policy at enrolment and refuses one signed by
another root; ``mission sign-device`` keeps the copy ``mission monitor`` compares with.
"""

from __future__ import annotations

import json
import stat
from pathlib import Path

import pytest
from keyring.backends import fail as keyring_fail

from crypto import certs
from crypto.certs.transparency import VenuePolicy
from server_stub.venue import main as relay
from tests.support.commands import PASS, World, fails, ok, quiet, using_keyring
from ui.cli import main as corridor


@pytest.fixture(autouse=True)
def passphrase(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CORRIDOR_PASSPHRASE", PASS)


def _root(relay_dir: Path) -> bytes:
    return certs.der_of((relay_dir / "root.pem").read_bytes(), "certificate")


def test_policy_made_pinned_and_migrated(tmp_path: Path,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    relay_dir = tmp_path / "relay"
    info = json.loads(ok(capsys, relay, "venue", "init", "--data-dir", str(relay_dir),
                         "--kdf", "interactive", "--json"))
    root = _root(relay_dir)
    key = relay_dir / "log.key"
    assert stat.S_IMODE(key.stat().st_mode) == 0o600
    pol = VenuePolicy.decode((relay_dir / "venue-policy.bin").read_bytes())
    pol.verify(_pk(root), certs.fingerprint(root))
    assert pol.log_public_key == certs.public_key_of(key.read_bytes())

    # a venue from before key transparency: no log files; the command adds them once
    key.unlink()
    (relay_dir / "venue-policy.bin").unlink()
    out = json.loads(ok(capsys, relay, "venue", "enable-transparency", "--data-dir",
                        str(relay_dir), "--json"))
    assert bytes.fromhex(out["log_public_key"]) == certs.public_key_of(key.read_bytes())
    _out, err = fails(capsys, relay, "venue", "enable-transparency", "--data-dir",
                      str(relay_dir))
    assert "already has a transparency log key" in err

    # device import --policy: the right one is pinned, another root's is refused
    w = World(tmp_path, relay_dir, info["fingerprint_hex"], info["fingerprint_words"])
    with using_keyring(keyring_fail.Keyring()):
        quiet(corridor, "mission", "init", "--out", w.p("fra"), "--mission-id", "fra",
              "--name", "France", "--kdf", "interactive")
        quiet(relay, "venue", "accredit-mission", "--data-dir", str(relay_dir), "--request",
              w.p("fra", "mission-request.pem"), "--mission-id", "fra", "--name", "France",
              "--out", w.p("fra", "mission.pem"))
        quiet(corridor, "device", "init", "--home", w.p("alice"), "--delegate-id", "alice",
              "--display-name", "Alice", "--kdf", "interactive")
        quiet(corridor, "mission", "sign-device", "--request",
              w.p("alice", "device-request.pem"), "--mission-cert", w.p("fra", "mission.pem"),
              "--key", w.p("fra", "mission.key"), "--out", w.p("alice-cert.pem"))
        issued = list((tmp_path / "fra" / "issued").glob("*.pem"))
        assert len(issued) == 1 and issued[0].read_bytes() == (
            tmp_path / "alice-cert.pem").read_bytes()
        other = tmp_path / "other"
        quiet(relay, "venue", "init", "--data-dir", str(other), "--kdf", "interactive")
        args = ["device", "import", "--home", w.p("alice"), "--cert", w.p("alice-cert.pem"),
                "--mission-cert", w.p("fra", "mission.pem"), "--root",
                str(relay_dir / "root.pem"), "--root-fingerprint", w.fingerprint_hex]
        _out, err = fails(capsys, corridor, *args, "--policy",
                          str(other / "venue-policy.bin"))
        assert "not signed by the pinned root" in err
        assert not (tmp_path / "alice" / "venue-policy.bin").exists()
        ok(capsys, corridor, *args, "--policy", str(relay_dir / "venue-policy.bin"))
        assert (tmp_path / "alice" / "venue-policy.bin").read_bytes() == (
            relay_dir / "venue-policy.bin").read_bytes()


def _pk(root_der: bytes) -> bytes:
    from cryptography import x509
    from cryptography.hazmat.primitives import serialization

    return x509.load_der_x509_certificate(root_der).public_key().public_bytes(
        serialization.Encoding.Raw, serialization.PublicFormat.Raw)
