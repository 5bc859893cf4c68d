# SPDX-License-Identifier: Apache-2.0
"""``corridor-relay venue handover``: the secretariat passes the chair, signed by the root."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives.serialization import Encoding

from crypto import certs
from crypto.corridor.handover import verify_handover
from server_stub.venue import main

PASS = "secretariat-pass"


@pytest.fixture(autouse=True)
def passphrase(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CORRIDOR_PASSPHRASE", PASS)


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_handover_is_signed_by_the_root_and_numbered(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = tmp_path / "relay"
    assert run(capsys, "venue", "init", "--data-dir", str(data), "--kdf", "interactive",
               "--name", "Test Forum")[0] == 0
    for who, mission in (("bob", "deu"), ("carl", "ita")):
        code, _, err = run(capsys, "venue", "grant-role", "--data-dir", str(data), "--role",
                           "chair", "--delegate", who, "--mission-id", mission, "--hours",
                           "2000", "--out", str(tmp_path / f"{who}.pem"))
        assert code == 0, err
    code, out, err = run(capsys, "venue", "handover", "--data-dir", str(data), "--from",
                         "fra/alice", "--to", "deu/bob", "--role", str(tmp_path / "bob.pem"),
                         "--at", "2027-03-01T09:00:00+00:00", "--out", str(tmp_path / "h1"),
                         "--json")
    assert code == 0, err
    report = json.loads(out)
    assert report["serial"] == 1 and report["incoming"] == "deu/bob"
    root = x509.load_pem_x509_certificate((data / "root.pem").read_bytes()).public_bytes(
        Encoding.DER)
    h = verify_handover(root, (tmp_path / "h1").read_bytes())
    assert (h.outgoing, h.incoming, h.serial) == ("fra/alice", "deu/bob", 1)
    assert h.at == int(datetime(2027, 3, 1, 9, tzinfo=UTC).timestamp() * 1000)
    assert h.venue == certs.fingerprint(root)
    assert (data / "handovers" / "000001.bin").read_bytes() == (tmp_path / "h1").read_bytes()
    # the next one is numbered after it; a role naming someone else is refused
    code, out, _ = run(capsys, "venue", "handover", "--data-dir", str(data), "--from",
                       "deu/bob", "--to", "ita/carl", "--role", str(tmp_path / "carl.pem"),
                       "--out", str(tmp_path / "h2"), "--json")
    assert code == 0 and json.loads(out)["serial"] == 2
    code, _, err = run(capsys, "venue", "handover", "--data-dir", str(data), "--from",
                       "ita/carl", "--to", "fra/alice", "--role", str(tmp_path / "carl.pem"),
                       "--out", str(tmp_path / "h3"))
    assert code == 1 and "someone else" in err and not (tmp_path / "h3").exists()
    # never overwrites
    code, _, err = run(capsys, "venue", "handover", "--data-dir", str(data), "--from",
                       "deu/bob", "--to", "ita/carl", "--role", str(tmp_path / "carl.pem"),
                       "--out", str(tmp_path / "h1"))
    assert code == 1 and "exists" in err
