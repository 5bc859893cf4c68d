"""``corridor``: the desktop app, and (later) the scriptable client commands."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from . import __version__

__all__ = ["main"]


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="corridor", description="Corridor secure messaging.")
    p.add_argument("--version", action="version", version=f"corridor {__version__}")
    p.add_argument("--port", type=int, default=8470, help="port of the embedded relay")
    from client.cli import register as register_client
    from client.pki import register as register_pki

    sub = p.add_subparsers(dest="command", metavar="COMMAND")
    register_pki(sub)
    register_client(sub)
    return p


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if getattr(args, "func", None) is not None:  # a subcommand (mission, device, cert)
        result: int = args.func(args)
        return result
    # Until the desktop app lands, the main job is the embedded relay on loopback.
    from server_stub.cli import main as relay_main

    return relay_main(["serve", "--host", "127.0.0.1", "--port", str(args.port)])


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
