# SPDX-License-Identifier: Apache-2.0
"""The ``corridor`` command groups run in process, as a delegate types them: one runner
per test with the devices' homes, ``--json`` by default, the exit status asserted and
the last JSON line returned (or the text, for the human output)."""

from __future__ import annotations

import argparse
import json
from collections.abc import Iterator, Mapping
from typing import Any

import pytest

from client._cli import Parser, run_guarded
from client.cli import register as register_client
from client.crisis.cli import register as register_crisis
from client.decisions.cli import register as register_decisions
from client.notices.cli import register as register_notices

__all__ = ["CorridorCli", "command_leaves", "corridor_main"]


def command_leaves(parser: argparse.ArgumentParser, prefix: tuple[str, ...] = ()
                   ) -> Iterator[tuple[tuple[str, ...], argparse.ArgumentParser]]:
    """Every subcommand path (``("mission", "init")``, ``("send",)``, ...) and its parser."""
    subs = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    if not subs:
        yield prefix, parser
        return
    for name, p in subs[0].choices.items():
        yield from command_leaves(p, (*prefix, name))


def corridor_main(argv: list[str]) -> int:
    """``corridor`` with every client command group (no relay commands)."""
    p = Parser(prog="corridor")
    p.add_argument("--json", action="store_true")
    sub = p.add_subparsers(dest="command", required=True)
    for register in (register_client, register_crisis, register_decisions, register_notices):
        register(sub)
    args = p.parse_args(argv)
    return run_guarded(args.func, args)


class CorridorCli:
    """``cli(who, "notice new", CHANNEL, "--name", ...)``: the first argument's words are
    the command, ``who`` names the device home (None: no ``--home``)."""

    def __init__(self, capsys: pytest.CaptureFixture[str], homes: Mapping[str, str]) -> None:
        self.capsys = capsys
        self.homes = homes

    def __call__(self, who: str | None, *argv: str, ok: bool = True,
                 as_json: bool = True) -> Any:
        self.capsys.readouterr()
        home = ["--home", self.homes[who]] if who else []
        rc = corridor_main([*argv[0].split(), *(["--json"] if as_json else []), *home,
                            *argv[1:]])
        out, err = self.capsys.readouterr()
        assert (rc == 0) is ok, out + err
        assert "Traceback" not in err
        if as_json and (ok or out.strip()):
            return json.loads(out.strip().splitlines()[-1])
        return out + err

    def human(self, who: str | None, *argv: str) -> str:
        """The text answer of a command that must succeed: its stdout only (what a
        delegate reads; notes and errors go to stderr and are not part of it)."""
        self.capsys.readouterr()
        home = ["--home", self.homes[who]] if who else []
        rc = corridor_main([*argv[0].split(), *home, *argv[1:]])
        out, err = self.capsys.readouterr()
        assert rc == 0, out + err
        assert "Traceback" not in err
        return out
