# SPDX-License-Identifier: Apache-2.0
"""Starting with the desktop session: ``corridor autostart on|off|status`` writes and
removes the XDG autostart entry (under ``$XDG_CONFIG_HOME``), and the entry starts the
app minimised to the tray."""

from __future__ import annotations

import json
import shlex
from pathlib import Path

import pytest

from client import autostart
from ui.cli import build_parser, main


def _entry(path: Path) -> dict[str, str]:
    lines = path.read_text(encoding="utf-8").splitlines()
    assert lines[0] == "[Desktop Entry]"
    return dict(line.split("=", 1) for line in lines[1:])


def test_autostart_on_off_status_write_and_remove_the_entry(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "cfg"))
    path = tmp_path / "cfg" / "autostart" / "corridor.desktop"
    assert main(["autostart", "status", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == {"autostart": False, "path": str(path)}

    assert main(["autostart", "on", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == {"autostart": True, "path": str(path)}
    entry = _entry(path)
    assert entry["Type"] == "Application" and entry["Name"] == "Corridor"
    # the Exec line starts the app (no subcommand) minimised to the tray
    argv = shlex.split(entry["Exec"])
    assert argv[-1] == "--minimized"
    args = build_parser().parse_args(argv[argv.index("--minimized"):])
    assert args.minimized is True and getattr(args, "func", None) is None
    assert main(["autostart", "status"]) == 0
    assert capsys.readouterr().out.startswith("start with the session: on")

    assert main(["autostart", "off", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == {"autostart": False, "path": str(path)}
    assert not path.exists()
    assert main(["autostart", "off"]) == 0  # already off: no error
    assert not path.exists()


def test_the_entry_path_honours_xdg_config_home_and_falls_back_to_dot_config(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    assert autostart.entry_path({"XDG_CONFIG_HOME": "/x/y"}) == Path(
        "/x/y/autostart/corridor.desktop")
    for env in ({}, {"XDG_CONFIG_HOME": ""}, {"XDG_CONFIG_HOME": "relative"}):
        assert autostart.entry_path(env) == tmp_path / ".config/autostart/corridor.desktop"
    assert build_parser().parse_args(["--tray"]).minimized is True
    assert build_parser().parse_args([]).minimized is False
