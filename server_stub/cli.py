"""``corridor-relay``: run and administer the relay."""

from __future__ import annotations

import argparse
import ipaddress
import sys
from collections.abc import Sequence

from . import __version__

__all__ = ["main"]


def _loopback(host: str) -> str:
    try:
        if not ipaddress.ip_address(host).is_loopback:
            raise argparse.ArgumentTypeError(f"{host} is not a loopback address")
    except ValueError:
        if host != "localhost":
            raise argparse.ArgumentTypeError(f"{host} is not an IP address") from None
    return host


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="corridor-relay", description="Corridor relay.")
    p.add_argument("--version", action="version", version=f"corridor-relay {__version__}")
    sub = p.add_subparsers(dest="command", required=True)
    serve = sub.add_parser("serve", help="serve the relay")
    serve.add_argument("--host", type=_loopback, default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8470)
    return p


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.command == "serve":
        import uvicorn

        from .app import create_app

        print(f"corridor-relay listening on http://{args.host}:{args.port}", flush=True)
        uvicorn.run(create_app(), host=args.host, port=args.port, log_level="warning")
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
