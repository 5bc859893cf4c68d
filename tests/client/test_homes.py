# SPDX-License-Identifier: Apache-2.0
"""The known-homes list (one home per venue): kept beside the app's settings, never in a
home; venue names and fingerprints read from each home's pinned root; ``corridor homes``
lists them (with --json) and forgets one without touching its files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from client.homes import forget, homes_path, known_homes, remember, venue_of
from crypto import certs
from demo.cli import main
from tests.support.pki import Pki, root_pem


@pytest.fixture
def config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("CORRIDOR_UI_CONFIG", str(tmp_path / "cfg" / "app.ini"))
    return tmp_path / "cfg"


def _home(tmp_path: Path, name: str, venue: str) -> tuple[Path, Pki]:
    pki = Pki(name=venue)
    home = tmp_path / name
    home.mkdir()
    (home / "root.pem").write_bytes(root_pem(pki))
    (home / "chain.pem").write_bytes(b"")  # enrolled, as far as the list cares
    return home, pki


def test_the_list_lives_beside_the_app_settings(config: Path) -> None:
    assert homes_path() == config / "homes.json"
    assert homes_path({}).name == "homes.json"
    assert homes_path({}).parent != config


def test_remember_reads_the_venue_from_the_pinned_root(config: Path, tmp_path: Path) -> None:
    a, pa = _home(tmp_path, "a", "Arms Control Forum")
    b, pb = _home(tmp_path, "b", "Maritime Talks")
    entry = remember(a)
    assert entry.venue == "Arms Control Forum"
    assert entry.fingerprint == certs.fingerprint_hex(pa.root)
    assert entry.short == " ".join(entry.fingerprint.split()[:2]) and entry.short
    remember(b)
    remember(a)  # once only
    listed = known_homes()
    assert [h.path for h in listed] == [a, b]
    assert [h.venue for h in listed] == ["Arms Control Forum", "Maritime Talks"]
    assert listed[1].fingerprint == certs.fingerprint_hex(pb.root)
    assert not (a / "homes.json").exists()  # nothing written into a home
    assert forget(a) and not forget(a)
    assert [h.path for h in known_homes()] == [b]
    assert (a / "root.pem").exists()  # forgetting leaves the home alone


def test_a_home_without_a_root_or_gone_or_a_damaged_list(config: Path, tmp_path: Path) -> None:
    fresh = tmp_path / "fresh"
    fresh.mkdir()
    assert venue_of(fresh) == ("", "")
    gone, _ = _home(tmp_path, "gone", "Old Forum")
    remember(fresh)
    remember(gone)
    for f in gone.iterdir():
        f.unlink()
    gone.rmdir()
    listed = known_homes()
    assert [h.path for h in listed] == [fresh]
    assert listed[0].venue == "" and not listed[0].enrolled
    homes_path().write_text("{not json")
    assert known_homes() == []
    remember(fresh)  # the list is rebuilt
    assert [h.path for h in known_homes()] == [fresh]


def test_corridor_homes_lists_and_forgets(config: Path, tmp_path: Path,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["homes"]) == 0
    assert "no known homes" in capsys.readouterr().out
    a, pa = _home(tmp_path, "a", "Arms Control Forum")
    remember(a)
    assert main(["homes"]) == 0
    out = capsys.readouterr().out
    assert "Arms Control Forum" in out and str(a) in out
    assert " ".join(certs.fingerprint_hex(pa.root).split()[:2]) in out
    assert main(["--json", "homes"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["homes"][0]["venue"] == "Arms Control Forum"
    assert data["homes"][0]["home"] == str(a) and data["homes"][0]["enrolled"] is True
    assert data["list"] == str(config / "homes.json")
    assert main(["homes", "--json", "--forget", str(a)]) == 0
    assert json.loads(capsys.readouterr().out)["homes"] == []
    assert a.exists()
