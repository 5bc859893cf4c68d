"""``corridor-relay``: run and administer the relay.

Other modules add subcommands without editing this file: append
``(name, add_arguments, run)`` to :data:`EXTRA_COMMANDS` (or call :func:`register`)
before :func:`main` runs, where ``add_arguments(parser)`` fills an
``argparse.ArgumentParser`` and ``run(args) -> int`` executes. Modules listed in
:data:`EXTENSION_MODULES` are imported (if present) so they can register themselves.
"""

from __future__ import annotations

import argparse
import importlib
import ipaddress
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from . import __version__

__all__ = ["EXTENSION_MODULES", "EXTRA_COMMANDS", "build_parser", "main", "register"]

AddArguments = Callable[[argparse.ArgumentParser], None]
Run = Callable[[argparse.Namespace], int]
EXTRA_COMMANDS: list[tuple[str, AddArguments, Run]] = []
EXTENSION_MODULES: tuple[str, ...] = ("server_stub.venue",)


def register(name: str, add_arguments: AddArguments, run: Run) -> None:
    """Add a ``corridor-relay <name>`` subcommand."""
    if any(n == name for n, _a, _r in EXTRA_COMMANDS):
        return
    EXTRA_COMMANDS.append((name, add_arguments, run))


def _load_extensions() -> None:
    for mod in EXTENSION_MODULES:
        try:
            importlib.import_module(mod)
        except ModuleNotFoundError as exc:
            if exc.name != mod:
                raise


def _is_loopback(host: str) -> bool:
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return host == "localhost"


def _check_bind(p: argparse.ArgumentParser, args: argparse.Namespace) -> None:
    """Plain HTTP only on loopback (behind a reverse proxy); any other address needs TLS,
    so bearer tokens and routing metadata never cross a network in clear."""
    if (args.tls_cert is None) != (args.tls_key is None):
        p.error("--tls-cert and --tls-key go together")
    if not _is_loopback(args.host) and args.tls_cert is None:
        p.error(f"{args.host} is not a loopback address: serve TLS there "
                "(--tls-cert/--tls-key) or put a reverse proxy in front (docs/deployment.md)")


def add_store_arguments(p: argparse.ArgumentParser) -> None:
    """``--data-dir`` and ``--database``, shared by every command that opens the store."""
    p.add_argument("--data-dir", type=Path, default=None,
                   help="directory of the SQLite store (default: the platform data dir)")
    p.add_argument("--database", default=None, metavar="URL",
                   help="postgresql://... to use PostgreSQL instead of SQLite")


def build_parser() -> argparse.ArgumentParser:
    _load_extensions()
    p = argparse.ArgumentParser(prog="corridor-relay", description="Corridor relay.")
    p.add_argument("--version", action="version", version=f"corridor-relay {__version__}")
    sub = p.add_subparsers(dest="command", required=True)

    serve = sub.add_parser("serve", help="serve the relay (loopback only)")
    serve.add_argument("--host", default="127.0.0.1",
                       help="address to bind (default 127.0.0.1; others need TLS)")
    serve.add_argument("--port", type=int, default=8470)
    serve.add_argument("--log-level", default="info",
                       choices=["debug", "info", "warning", "error"])
    serve.add_argument("--log-json", action="store_true",
                       help="log one JSON object per line (ts, level, logger, msg)")
    serve.add_argument("--tls-cert", type=Path, default=None, metavar="PEM",
                       help="serve HTTPS with this certificate (corridor-relay venue tls-cert)")
    serve.add_argument("--tls-key", type=Path, default=None, metavar="PEM",
                       help="the certificate's private key")
    add_store_arguments(serve)

    for name, add_arguments, _run in EXTRA_COMMANDS:
        add_arguments(sub.add_parser(name))
    return p


def _settings(args: argparse.Namespace) -> object:
    from .settings import Settings

    return Settings.from_env(data_dir=args.data_dir, database_url=args.database)


def _serve(args: argparse.Namespace) -> int:
    import uvicorn

    from .admission import NoVenueRoot
    from .app import create_app
    from .embedded import uvicorn_config
    from .logs import configure_logging
    from .settings import Settings

    configure_logging(args.log_level, json_lines=args.log_json)
    settings = _settings(args)
    assert isinstance(settings, Settings)
    try:
        app = create_app(settings)
    except NoVenueRoot as exc:  # nobody could register: refuse to serve
        print(f"corridor-relay: {exc}", file=sys.stderr)
        return 2
    scheme = "http"
    options: dict[str, object] = {"log_config": None}  # uvicorn's lines go through ours
    if args.tls_cert is not None:
        scheme = "https"
        options |= {"ssl_certfile": str(args.tls_cert), "ssl_keyfile": str(args.tls_key),
                    "ssl_ciphers": "ECDHE+AESGCM:ECDHE+CHACHA20"}  # for TLS 1.2 peers
    print(f"corridor-relay listening on {scheme}://{args.host}:{args.port}", flush=True)
    uvicorn.Server(uvicorn_config(app, settings, args.host, args.port, **options)).run()
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command == "serve":
        _check_bind(parser, args)
        return _serve(args)
    for name, _add, run in EXTRA_COMMANDS:
        if args.command == name:
            return run(args)
    return 2


if __name__ == "__main__":  # pragma: no cover
    # run the importable module's main, so extensions register where it looks
    from server_stub.cli import main as _main

    sys.exit(_main())
