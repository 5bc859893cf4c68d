# SPDX-License-Identifier: Apache-2.0
"""``corridor-relay``: run and administer the relay.

The relay's own commands are listed here: ``serve``, and ``venue``
(:mod:`server_stub.venue`, named in :func:`_commands`, not registered by importing
it). Code that embeds the relay may add subcommands with :func:`register` before
:func:`main` runs: ``add_arguments(parser)`` fills an ``argparse.ArgumentParser`` and
``run(args) -> int`` executes.
"""

from __future__ import annotations

import argparse
import errno
import ipaddress
import json
import os
import socket
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import NoReturn

from . import __version__

__all__ = ["EXTRA_COMMANDS", "build_parser", "main", "register"]

AddArguments = Callable[[argparse.ArgumentParser], None]
Run = Callable[[argparse.Namespace], int]
EXTRA_COMMANDS: list[tuple[str, AddArguments, Run]] = []
EXTRA_HELP: dict[str, str] = {}


def register(name: str, add_arguments: AddArguments, run: Run, help_: str = "") -> None:
    """Add a ``corridor-relay <name>`` subcommand (``help_``: its line in ``--help``)."""
    if help_:
        EXTRA_HELP[name] = help_
    if any(n == name for n, _a, _r in EXTRA_COMMANDS):
        return
    EXTRA_COMMANDS.append((name, add_arguments, run))


def _commands() -> list[tuple[str, AddArguments, Run, str]]:
    """Every subcommand besides ``serve``: the venue commands, then registered ones."""
    from . import venue

    own = [("venue", venue.add_arguments, venue.run, venue.HELP)]
    return own + [(n, a, r, EXTRA_HELP.get(n, "")) for n, a, r in EXTRA_COMMANDS
                  if n != "venue"]


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


class _JsonUsageParser(argparse.ArgumentParser):
    """Usage errors as one JSON object on stdout (``{"error": "usage", ...}``, status 2)
    when the command line asks for ``--json``, so a deployment script reading JSON never
    has to parse argparse's text; plain argparse otherwise."""

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        print(json.dumps({"error": "usage", "message": message,
                          "usage": self.format_usage().strip()}), flush=True)
        sys.exit(2)


def build_parser(*, json_errors: bool = False) -> argparse.ArgumentParser:
    cls = _JsonUsageParser if json_errors else argparse.ArgumentParser
    p = cls(prog="corridor-relay", description="Corridor relay.")
    p.add_argument("--version", action="version", version=f"corridor-relay {__version__}")
    sub = p.add_subparsers(dest="command", required=True, metavar="COMMAND")

    serve = sub.add_parser("serve", help="serve the relay",
                           description="Serve the relay. It prints one line (with --json: "
                           "one JSON object) once it is listening; a busy port is reported "
                           "as \"address in use\" with exit status 1.")
    serve.add_argument("--host", default="127.0.0.1",
                       help="address to bind (default 127.0.0.1; others need TLS)")
    serve.add_argument("--port", type=_port, default=8470,
                       help="TCP port, 0 for any free one (default 8470)")
    serve.add_argument("--json", action="store_true",
                       help="print start-up (and a start-up failure) as JSON")
    serve.add_argument("--log-level", default="info",
                       choices=["debug", "info", "warning", "error"])
    serve.add_argument("--log-json", action="store_true",
                       help="log one JSON object per line (ts, level, logger, msg)")
    serve.add_argument("--tls-cert", type=Path, default=None, metavar="PEM",
                       help="serve HTTPS with this certificate (corridor-relay venue tls-cert)")
    serve.add_argument("--tls-key", type=Path, default=None, metavar="PEM",
                       help="the certificate's private key")
    add_store_arguments(serve)

    for name, add_arguments, _run, help_ in _commands():
        add_arguments(sub.add_parser(name, help=help_ or None, description=help_ or None))
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
    # IPPROTO_TCP named: asyncio turns Nagle off only on sockets that say TCP (proto 0
    # does not), and with Nagle on, uvicorn's response (headers, then body) waits for the
    # client's delayed ACK: every request took 40 ms more on loopback.
    sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)  # inherited by accepted ones
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
    from .blobkey import BlobKeyError
    from .embedded import uvicorn_config
    from .logs import configure_logging
    from .settings import Settings

    configure_logging(args.log_level, json_lines=args.log_json)
    settings = _settings(args)
    assert isinstance(settings, Settings)
    try:
        app = create_app(settings)
    except (NoVenueRoot, BlobKeyError) as exc:  # nobody could register / link-safe blobs
        code = "no_venue_root" if isinstance(exc, NoVenueRoot) else "blob_key"
        _say(args, {"error": code, "message": str(exc)}, f"corridor-relay: {exc}",
             error=True)
        return 2
    scheme = "http"
    options: dict[str, object] = {"log_config": None}  # uvicorn's lines go through ours
    if args.tls_cert is not None:
        scheme = "https"
        options |= {"ssl_certfile": str(args.tls_cert), "ssl_keyfile": str(args.tls_key),
                    "ssl_ciphers": "ECDHE+AESGCM:ECDHE+CHACHA20"}  # for TLS 1.2 peers
    sock = _bind(args)
    if sock is None:
        return 1
    port = int(sock.getsockname()[1])
    database = "postgresql" if settings.database_url else "sqlite"
    host = f"[{args.host}]" if ":" in args.host else args.host
    url = f"{scheme}://{host}:{port}"

    class Server(uvicorn.Server):
        async def startup(self, sockets: list[socket.socket] | None = None) -> None:
            await super().startup(sockets)
            if self.started and not self.should_exit:  # bound, and the app started
                _say(args, {"event": "listening", "url": url, "host": args.host,
                            "port": port, "pid": os.getpid(), "version": __version__,
                            "database": database},
                     f"corridor-relay listening on {url}")

    try:
        Server(uvicorn_config(app, settings, args.host, port, **options)).run(sockets=[sock])
    except SystemExit as exc:  # uvicorn: the app's start-up failed (logged above)
        _say(args, {"error": "startup_failed", "message": "the relay could not start"},
             "corridor-relay: the relay could not start (see the log above)", error=True)
        return int(exc.code) if isinstance(exc.code, int) else 1
    finally:
        sock.close()
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser(json_errors="--json" in argv)
    args = parser.parse_args(argv)
    if args.command == "serve":
        _check_bind(parser, args)
        return _serve(args)
    for name, _add, run, _help in _commands():
        if args.command == name:
            return run(args)
    return 2


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
