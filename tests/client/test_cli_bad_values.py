# SPDX-License-Identifier: Apache-2.0
"""Every ``corridor`` command, on an ENROLLED device over a real relay, fed values that
are well-formed for argparse but absurd for Corridor (a 25-digit number, an empty
string) in every positional and every option: each answers with one JSON error of a
known code, or succeeds; never a traceback, an ``internal`` error or a library's words.

The missing-home variant (tests/client/test_cli_usage.py) stops at "no device home";
this one reaches the commands' own parsing of times, counts, years and serials.
"""

from __future__ import annotations

import argparse
import json
import shutil
from pathlib import Path

import pytest

from client._cli import CODES
from demo.cli import build_parser, main
from tests.support.client_venue import start_venue
from tests.support.json_cli import command_leaves

A, B = "alderia-ana", "borduria-ana"
#: Commands that would run for ever (watch), make keys or touch the desktop session.
SKIP = {("demo",), ("device", "init"), ("mission", "init"), ("device", "migrate-keystore"),
        ("autostart",), ("watch",), ("hotline", "watch")}
FLAGS = (argparse._StoreTrueAction, argparse._StoreFalseAction, argparse._StoreConstAction,
         argparse._HelpAction, argparse._VersionAction)


def _argv(parser: argparse.ArgumentParser, value: str, channel: str, out: Path) -> list[str]:
    """Every argument of a command given ``value`` (a real channel where one is named,
    a fresh path where a file is written, a valid choice where choices are fixed)."""
    positional: list[str] = []
    options: list[str] = []
    for a in parser._actions:
        if isinstance(a, FLAGS) or a.dest in ("json", "home", "relay"):
            continue
        if a.dest == "channel":
            given = channel
        elif a.choices:
            given = sorted(a.choices)[0]
        elif a.dest in ("out", "output", "out_cert", "out_key"):
            given = str(out / a.dest)
        else:
            given = value
        if a.option_strings:
            options += [a.option_strings[-1], given]
        else:
            positional.append(given)
    return positional + options


def test_absurd_values_in_every_argument_of_every_command(
        tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CORRIDOR_PASSPHRASE", "corridor-demo")
    monkeypatch.setenv("CORRIDOR_UI_CONFIG", str(tmp_path / "ui" / "settings.ini"))
    monkeypatch.delenv("CORRIDOR_HOME", raising=False)
    v = start_venue(tmp_path, missions=2)
    try:
        home = str(v.layout.home(A))
        assert main(["--home", str(v.layout.home(B)), "sync"]) == 0
        capsys.readouterr()
        assert main(["--json", "--home", home, "create-channel", "multilateral", "--name",
                     "wg", "--missions", "borduria"]) == 0
        channel = json.loads(capsys.readouterr().out)["channel_id"]
        checked = 0
        for path, parser in command_leaves(build_parser()):
            if path in SKIP:
                continue
            for value in ("9" * 25, ""):
                out = tmp_path / "out" / "-".join(path) / str(len(value))
                out.mkdir(parents=True)
                argv = ["--json", "--home", home, *path,
                        *_argv(parser, value, channel, out)]
                rc = main(argv)
                stdout, stderr = capsys.readouterr()
                checked += 1
                assert "Traceback" not in stdout + stderr, argv
                assert rc in (0, 1, 2), (argv, rc, stdout)
                if rc:
                    # the error is the last line (a reading command may have printed what
                    # the device holds before the relay refused, e.g. 429 to this burst)
                    obj = json.loads(stdout.strip().splitlines()[-1])
                    assert obj["error"] in CODES and obj["error"] != "internal", (argv, obj)
                    for word in ("Error", "Exception", "Expected `", "codec",
                                 "Expecting value"):
                        assert word not in obj["message"], (argv, obj)
        assert checked >= 180
        assert not Path(home, "9" * 25).exists()
    finally:
        v.relay.stop()
        shutil.rmtree(tmp_path / "out", ignore_errors=True)
