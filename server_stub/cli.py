"""``corridor-relay``: run and administer the relay.

Other modules add subcommands without editing this file: append
``(name, add_arguments, run)`` to :data:`EXTRA_COMMANDS` (or call :func:`register`)
before :func:`main` runs, where ``add_arguments(parser)`` fills an
``argparse.ArgumentParser`` and ``run(args) -> int`` executes. Modules listed in
:data:`EXTENSION_MODULES` are imported (if present) so they can register themselves.
"""

from __future__ import annotations

import argparse
import errno
import importlib
import ipaddress
import json
import logging
import os
import socket
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from . import __version__

__all__ = ["EXTENSION_MODULES", "EXTRA_COMMANDS", "build_parser", "main", "register"]

AddArguments = Callable[[argparse.ArgumentParser], None]
Run = Callable[[argparse.Namespace], int]
EXTRA_COMMANDS: list[tuple[str, AddArguments, Run]] = []
EXTRA_HELP: dict[str, str] = {}
EXTENSION_MODULES: tuple[str, ...] = ("server_stub.venue",)


def register(name: str, add_arguments: AddArguments, run: Run, help_: str = "") -> None:
    """Add a ``corridor-relay <name>`` subcommand (``help_``: its line in ``--help``)."""
    if help_:
        EXTRA_HELP[name] = help_
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


def _loopback(host: str) -> str:
    try:
        if not ipaddress.ip_address(host).is_loopback:
            raise argparse.ArgumentTypeError(f"{host} is not a loopback address")
    except ValueError:
        if host != "localhost":
            raise argparse.ArgumentTypeError(f"{host} is not an IP address") from None
    return host


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
    sub = p.add_subparsers(dest="command", required=True, metavar="COMMAND")

    serve = sub.add_parser("serve", help="serve the relay (loopback only)",
                           description="Serve the relay. It prints one line (with --json: "
                           "one JSON object) once it is listening; a busy port is reported "
                           "as \"address in use\" with exit status 1.")
    serve.add_argument("--host", type=_loopback, default="127.0.0.1",
                       help="a loopback address (default 127.0.0.1)")
    serve.add_argument("--port", type=_port, default=8470,
                       help="TCP port, 0 for any free one (default 8470)")
    serve.add_argument("--json", action="store_true",
                       help="print start-up (and a start-up failure) as JSON")
    serve.add_argument("--log-level", default="info",
                       choices=["debug", "info", "warning", "error"])
    add_store_arguments(serve)

    for name, add_arguments, _run in EXTRA_COMMANDS:
        help_ = EXTRA_HELP.get(name)
        add_arguments(sub.add_parser(name, help=help_, description=help_))
    return p


def _port(text: str) -> int:
    try:
        port = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a port number") from None
    if not 0 <= port <= 65535:
        raise argparse.ArgumentTypeError(f"{port} is not a port (0 to 65535)")
    return port


def _say(args: argparse.Namespace, data: dict[str, object], line: str, *,
         error: bool = False) -> None:
    if args.json:
        print(json.dumps(data), flush=True)
    else:
        print(line, file=sys.stderr if error else sys.stdout, flush=True)


def _bind(args: argparse.Namespace) -> socket.socket | None:
    """The listening socket, bound before anything says "listening" (None: reported)."""
    family = socket.AF_INET6 if ":" in args.host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((args.host, args.port))
        sock.listen(2048)
    except OSError as exc:
        sock.close()
        where = f"{args.host}:{args.port}"
        if exc.errno == errno.EADDRINUSE:
            _say(args, {"error": "address_in_use", "host": args.host, "port": args.port,
                        "message": f"address in use: {where}"},
                 f"corridor-relay: address in use: {where} (another relay or program "
                 "listens there; choose another --port)", error=True)
        else:
            _say(args, {"error": "cannot_listen", "host": args.host, "port": args.port,
                        "message": f"cannot listen on {where}: {exc.strerror}"},
                 f"corridor-relay: cannot listen on {where}: {exc.strerror}", error=True)
        return None
    sock.setblocking(False)
    return sock


def _settings(args: argparse.Namespace) -> object:
    from .settings import Settings

    return Settings.from_env(data_dir=args.data_dir, database_url=args.database)


def _serve(args: argparse.Namespace) -> int:
    import uvicorn

    from .admission import NoVenueRoot
    from .app import create_app
    from .embedded import uvicorn_config
    from .settings import Settings

    logging.basicConfig(
        level=args.log_level.upper(), stream=sys.stderr,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )
    settings = _settings(args)
    assert isinstance(settings, Settings)
    try:
        app = create_app(settings)
    except NoVenueRoot as exc:  # nobody could register: refuse to serve
        print(f"corridor-relay: {exc}", file=sys.stderr)
        return 2
    sock = _bind(args)
    if sock is None:
        return 1
    port = int(sock.getsockname()[1])
    database = "postgresql" if settings.database_url else "sqlite"
    url = f"http://{args.host}:{port}" if ":" not in args.host else f"http://[{args.host}]:{port}"

    class Server(uvicorn.Server):
        async def startup(self, sockets: list[socket.socket] | None = None) -> None:
            await super().startup(sockets)
            if self.started and not self.should_exit:  # bound, and the app started
                _say(args, {"event": "listening", "url": url, "host": args.host,
                            "port": port, "pid": os.getpid(), "version": __version__,
                            "database": database},
                     f"corridor-relay listening on {url}")

    try:
        Server(uvicorn_config(app, settings, args.host, port)).run(sockets=[sock])
    except SystemExit as exc:  # uvicorn: the app's start-up failed (logged above)
        _say(args, {"error": "startup_failed", "message": "the relay could not start"},
             "corridor-relay: the relay could not start (see the log above)", error=True)
        return int(exc.code) if isinstance(exc.code, int) else 1
    finally:
        sock.close()
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.command == "serve":
        return _serve(args)
    for name, _add, run in EXTRA_COMMANDS:
        if args.command == name:
            return run(args)
    return 2


if __name__ == "__main__":  # pragma: no cover
    # run the importable module's main, so extensions register where it looks
    from server_stub.cli import main as _main

    sys.exit(_main())
