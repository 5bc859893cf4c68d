# SPDX-License-Identifier: Apache-2.0
"""``corridor backup`` / ``corridor restore`` over a real relay: the history of every
channel sealed under a passphrase (no message text readable in the file), restored into
a newly enrolled device's archive as pages that verify against the venue root; the new
device joins the channels as any new device does and reads from then on. A wrong
passphrase, a file that is not a backup and a home that is not enrolled are refused."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import pytest

from client._cli import run_guarded
from client.backup import BackupError, open_backup, seal_backup
from client.cli import register
from client.history_export import verify_export
from crypto import certs
from demo.venue import add_device
from tests.support.client_venue import start_venue

A, B = "alderia-ana", "borduria-ana"


def _main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="corridor")
    register(parser.add_subparsers(dest="command", required=True))
    args = parser.parse_args(argv)
    return run_guarded(args.func, args)


def test_backup_and_restore_on_a_new_device(
        tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    v = start_venue(tmp_path, missions=2)
    monkeypatch.setenv("CORRIDOR_PASSPHRASE", v.layout.passphrase)
    monkeypatch.setenv("CORRIDOR_INSECURE_FAST_KDF", "1")
    monkeypatch.setenv("CORRIDOR_BACKUP_PASSPHRASE", "a long backup passphrase")
    home = {n: str(v.layout.home(n)) for n in (A, B)}

    def run(who: str, *argv: str) -> tuple[int, dict[str, object]]:
        capsys.readouterr()
        rc = _main([argv[0], "--json", "--home", home[who], *argv[1:]])
        return rc, json.loads(capsys.readouterr().out)

    try:
        run(B, "sync")
        assert run(A, "create-channel", "bilateral", "--name", "hotline",
                   "--missions", "borduria")[0] == 0
        run(B, "sync")
        assert run(A, "send", "hotline", "the secret clause")[0] == 0
        run(B, "sync")
        assert run(B, "send", "hotline", "noted")[0] == 0
        run(A, "sync")
        file = tmp_path / "ana.backup"
        rc, out = run(A, "backup", str(file))
        assert rc == 0 and out["channels"] == 1
        data = file.read_bytes()
        assert b"secret clause" not in data and b"hotline" not in data
        assert file.stat().st_mode & 0o077 == 0
        assert run(A, "backup", str(file))[0] != 0  # never overwrites silently

        # a new laptop for the same delegate, enrolled, then restored into
        new = add_device(v.layout, "alderia", "ana")
        home[new] = str(v.layout.home(new))
        rc, got = run(new, "restore", str(file))
        assert rc == 0 and got["identity"] == "alderia/ana"
        [chan] = got["channels"]  # type: ignore[misc]
        assert chan["name"] == "hotline" and chan["messages"] == 2
        page = Path(chan["file"]).read_text(encoding="utf-8")
        root = certs.der_of((Path(home[new]) / "root.pem").read_bytes(), "certificate")
        assert [m.text for m in verify_export(page, root).messages] == [
            "the secret clause", "noted"]
        # it joins as a new device (the mission's device adds it) and reads from then on
        run(new, "sync")
        run(A, "sync")
        run(new, "sync")
        assert run(B, "send", "hotline", "after the restore")[0] == 0
        rc, read = run(new, "read", "hotline")
        assert rc == 0
        assert "after the restore" in [m["text"] for m in read]  # type: ignore[attr-defined]

        monkeypatch.setenv("CORRIDOR_BACKUP_PASSPHRASE", "not it")
        rc, err = run(new, "restore", str(file))
        assert rc != 0 and "wrong passphrase" in str(err["message"])
        rc, err = run(new, "restore", str(Path(home[new]) / "root.pem"))
        assert rc != 0 and "not a Corridor backup" in str(err["message"])
        monkeypatch.setenv("CORRIDOR_BACKUP_PASSPHRASE", "a long backup passphrase")
        capsys.readouterr()
        nowhere = tmp_path / "not-enrolled"
        assert _main(["restore", "--json", "--home", str(nowhere), str(file)]) != 0
        assert "enrol this device first" in json.loads(capsys.readouterr().out)["message"]
        assert not nowhere.exists()
    finally:
        v.relay.stop()


def test_a_backup_whose_pages_were_altered_is_not_restored(tmp_path: Path) -> None:
    """A page changed inside a (re-sealed) backup fails verification: nothing written."""
    from client.backup import restore_archive

    sealed = seal_backup(["<html>forged</html>"], device_id="00" * 32,
                         identity="alderia/ana", passphrase="pw", strength=(1, 8192))
    device, who, pages = open_backup(sealed, "pw")
    assert (device, who) == ("00" * 32, "alderia/ana")
    with pytest.raises(BackupError, match="does not verify"):
        restore_archive(pages, b"root", tmp_path / "archive")
    assert not (tmp_path / "archive").exists()
