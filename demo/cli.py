# SPDX-License-Identifier: Apache-2.0
"""The installed ``corridor`` command: :func:`ui.cli.main` with the demo venue wired in.

It adds the ``corridor demo`` command and hands the desktop app the opener of the live
demo venue ("Open a demo venue", ``--demo``). Both run a relay in this process, so they
live here, in the one package that imports both the client and the relay; ``ui`` and
``client`` reach the relay only through what this module passes them. Imports stay
lazy: a client-only host (no relay libraries) still runs every other command.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from client.cli_common import number_arg

if TYPE_CHECKING:
    from client._cli import Subparsers
    from demo.live import LiveDemo

__all__ = ["main", "open_live_demo", "register"]


def _demo(args: argparse.Namespace) -> int:
    from demo.venue import run_demo

    layout = run_demo(Path(args.data_dir), args.port, args.missions, serve=args.serve)
    if not args.serve:
        print(json.dumps(layout.to_json(), indent=None if getattr(args, "json", False)
                         else 2))
    return 0


def register(subparsers: Subparsers) -> None:
    """Add ``corridor demo`` to ``corridor``'s subcommand parser."""

    help_ = "provision a local demo venue and print its layout as JSON"
    p: argparse.ArgumentParser = subparsers.add_parser("demo", help=help_, description=help_)
    # SUPPRESS: ``corridor --json demo`` sets it before the command (as the client commands)
    p.add_argument("--json", action="store_true", default=argparse.SUPPRESS,
                   help="print JSON (errors too: {\"error\": CODE, \"message\": ...})")
    p.set_defaults(func=_demo)
    p.add_argument("--data-dir", required=True)
    p.add_argument("--port", type=number_arg(1, 65535), required=True,
                   help="relay port on 127.0.0.1 (1-65535)")
    p.add_argument("--missions", type=number_arg(1, 8), default=3, help="1 to 8 (default 3)")
    p.add_argument("--serve", action="store_true", help="keep serving the relay")


def open_live_demo(data_dir: Path) -> LiveDemo:
    """The app's demo venue: kept in ``data_dir``, its other delegates replying now and then."""
    from demo.live import LiveDemo

    return LiveDemo(data_dir, reply_chance=0.3)


def build_parser() -> argparse.ArgumentParser:
    """``corridor``'s whole parser, the ``demo`` command included."""
    from ui.cli import build_parser as ui_parser

    return ui_parser((register,))


def main(argv: Sequence[str] | None = None) -> int:
    from ui.cli import main as ui_main

    return ui_main(argv, commands=(register,), make_demo=open_live_demo)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
