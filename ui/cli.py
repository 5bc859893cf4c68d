# SPDX-License-Identifier: Apache-2.0
"""``corridor``: the desktop app (no subcommand), and the scriptable client commands.

The installed ``corridor`` command is :func:`demo.cli.main`, which calls :func:`main`
here with the demo venue's opener and its ``demo`` command: this package never imports
the relay the demo runs on.
"""

from __future__ import annotations

import argparse
import functools
import sys
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from . import __version__

if TYPE_CHECKING:
    from client._cli import Subparsers
    from ui.session import DemoOpener

__all__ = ["Register", "build_parser", "main"]

#: Adds commands to ``corridor``'s subcommand parser (``client.cli.register`` is one).
Register = Callable[["Subparsers"], None]


def build_parser(commands: Sequence[Register] = ()) -> argparse.ArgumentParser:
    from client._cli import Parser

    p = Parser(prog="corridor", description="Corridor secure messaging. Without a command: "
               "the desktop app.")
    p.add_argument("--version", action="version", version=f"corridor {__version__}")
    p.add_argument("--json", action="store_true",
                   help="commands print JSON; errors are {\"error\": CODE, \"message\": ...}")
    p.add_argument("--home", default=None, help="the device's home (default CORRIDOR_HOME "
                   "or the platform data dir)")
    p.add_argument("--relay", default=None, help="relay URL (default: the home's)")
    p.add_argument("--demo", action="store_true",
                   help="open the demo venue (embedded relay on 127.0.0.1) without asking")
    p.add_argument("--data-dir", default=None, help="where the demo venue lives")
    p.add_argument("--quiet-demo", action="store_true",
                   help="do not drive the other demo delegates")
    p.add_argument("--theme", choices=["system", "light", "dark"], default=None)
    p.add_argument("--language", default=None, metavar="CODE",
                   help="the app's language for this run: en, fr, de, ru, es, it, ja, zh_CN, "
                   "ko, or en_XA (a pseudo-locale: every text 40%% longer); default: the one "
                   "chosen in Settings, else the system's")
    p.add_argument("--minimized", "--tray", dest="minimized", action="store_true",
                   help="start in the tray, without the window (as the autostart entry "
                   "does); without a system tray the window shows")
    from client.autostart import register as register_autostart
    from client.cli import register as register_client
    from client.crisis.cli import register as register_crisis
    from client.decisions.cli import register as register_decisions
    from client.homes import register as register_homes
    from client.notices.cli import register as register_notices
    from client.pki import register as register_pki

    sub = p.add_subparsers(dest="command", metavar="COMMAND")
    register_pki(sub)
    register_client(sub)
    register_crisis(sub)
    register_decisions(sub)
    register_notices(sub)
    register_autostart(sub)
    register_homes(sub)
    for register in commands:
        register(sub)
    return p


@functools.lru_cache(maxsize=4)
def _parser(commands: tuple[Register, ...]) -> argparse.ArgumentParser:
    """The parser, built once per process: it holds thousands of arguments (a tenth of a
    second to build) and parsing leaves it as it was, so the app or a test that runs
    commands in process need not pay that for every command."""
    return build_parser(commands)


def main(argv: Sequence[str] | None = None, *, commands: Sequence[Register] = (),
         make_demo: DemoOpener | None = None) -> int:
    """Run ``corridor``; ``commands`` and ``make_demo`` come from the caller (demo.cli)."""
    from client._cli import UsageFailure, run_guarded, usage_failure, wants_json

    try:
        args = _parser(tuple(commands)).parse_args(argv)
    except UsageFailure as exc:  # argparse's complaint, as JSON with --json
        return usage_failure(wants_json(argv), exc)
    if getattr(args, "func", None) is not None:  # a subcommand: errors in words, no traceback
        return run_guarded(args.func, args)
    # No subcommand: the desktop app (first run offers enrolment or a demo venue).
    from ui.platform_check import preflight

    problem = preflight()
    if problem is not None:  # say what Qt would only abort on, before Qt starts
        print(problem, file=sys.stderr)
        return 1
    from ui.qtfix import forget_module_sources

    forget_module_sources()  # before the app's modules are imported: see ui/qtfix.py
    from ui.app import run

    return run(args, make_demo)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
