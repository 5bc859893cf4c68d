"""``corridor`` client commands on the core: demo, channels, create-channel, send, sync, read.

Every command takes ``--json`` (machine-readable output on stdout) and ``--help``.
``--home DIR`` picks the device (default ``CORRIDOR_HOME`` or the platform data dir);
passphrases come from ``CORRIDOR_PASSPHRASE`` or a prompt. Exit status: 0 success,
1 refused or failed (message on stderr), 2 bad usage.
"""

from __future__ import annotations

import argparse
import asyncio
import getpass
import json
import sys
from collections.abc import Callable, Coroutine
from pathlib import Path
from typing import Any

from client.errors import ClientError

__all__ = ["register"]


def _prompt(request: Any) -> str:
    return getpass.getpass("Corridor passphrase: ")


def _open(args: argparse.Namespace) -> Any:
    from client.core import Client

    return Client.open(args.home, args.relay, prompt=_prompt if sys.stdin.isatty() else None)


def _emit(args: argparse.Namespace, data: Any, lines: list[str]) -> None:
    if args.json:
        print(json.dumps(data))
    else:
        for line in lines:
            print(line)


async def _channels(args: argparse.Namespace) -> int:
    async with _open(args) as c:
        if not args.offline:
            await c.sync()
        chans = c.channels()
        _emit(args, [ch.to_json() for ch in chans],
              [f"{ch.channel_id[:12]}  {ch.kind:<12} {ch.name}  ({', '.join(ch.missions)})"
               + ("  [left]" if ch.left else "") + (f"  [FORK: {ch.forked}]" if ch.forked else "")
               for ch in chans])
    return 0


async def _create(args: argparse.Namespace) -> int:
    async with _open(args) as c:
        await c.sync()
        cid = await c.create_channel(args.kind, args.name, args.missions)
        await c.sync()
        _emit(args, {"channel_id": cid, "kind": args.kind, "name": args.name},
              [f"created {args.kind} channel {cid}"])
    return 0


async def _send(args: argparse.Namespace) -> int:
    async with _open(args) as c:
        await c.sync()
        mid = await c.send_text(args.channel, args.text)
        pending = len(c.store.list_outbox(limit=10_000))
        _emit(args, {"message_id": mid, "queued": pending},
              [f"sent {mid}" + (f" ({pending} still queued)" if pending else "")])
    return 0


async def _sync(args: argparse.Namespace) -> int:
    from dataclasses import asdict

    async with _open(args) as c:
        events = await c.sync()
        out = [{"event": type(e).__name__, **{k: (v.hex() if isinstance(v, bytes) else v)
                                             for k, v in asdict(e).items()}} for e in events]
        _emit(args, {"events": out, "outbox": len(c.store.list_outbox(limit=10_000))},
              [f"{e['event']}: " + ", ".join(f"{k}={v}" for k, v in e.items() if k != "event")
               for e in out] or ["up to date"])
    return 0


async def _read(args: argparse.Namespace) -> int:
    async with _open(args) as c:
        if not args.offline:
            await c.sync()
        msgs = c.messages(args.channel, limit=args.limit)
        _emit(args, [m.to_json() for m in msgs],
              [f"[{m.seq if m.seq is not None else '-'}] {m.sender}: {m.text}" for m in msgs])
    return 0


def _demo(args: argparse.Namespace) -> int:
    from client.demo import run_demo

    try:
        layout = run_demo(Path(args.data_dir), args.port, args.missions, serve=args.serve)
    except (ClientError, RuntimeError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    if not args.serve:
        print(json.dumps(layout.to_json(), indent=None if args.json else 2))
    return 0


def _run(func: Callable[[argparse.Namespace], Coroutine[Any, Any, int]]) -> Callable[
        [argparse.Namespace], int]:
    def wrapped(args: argparse.Namespace) -> int:
        try:
            return asyncio.run(func(args))
        except ClientError as exc:
            print(f"error: {exc}", file=sys.stderr)
            return 1
    return wrapped


def register(subparsers: Any) -> None:
    """Add the client commands to ``corridor``'s subcommand parser."""

    def cmd(name: str, help_: str, func: Callable[[argparse.Namespace], int],
            home: bool = True) -> argparse.ArgumentParser:
        p: argparse.ArgumentParser = subparsers.add_parser(name, help=help_, description=help_)
        p.add_argument("--json", action="store_true", help="print JSON")
        if home:
            p.add_argument("--home", default=None, help="the device's home directory")
            p.add_argument("--relay", default=None, help="relay URL (default: the home's)")
        p.set_defaults(func=func)
        return p

    p = cmd("demo", "provision a local demo venue and print its layout as JSON", _demo,
            home=False)
    p.add_argument("--data-dir", required=True)
    p.add_argument("--port", type=int, required=True, help="relay port on 127.0.0.1")
    p.add_argument("--missions", type=int, default=3)
    p.add_argument("--serve", action="store_true", help="keep serving the relay")
    p = cmd("channels", "list this device's channels", _run(_channels))
    p.add_argument("--offline", action="store_true", help="do not sync first")
    p = cmd("create-channel", "create a channel of the given kind", _run(_create))
    p.add_argument("kind", choices=["bilateral", "multilateral", "caucus", "notice"])
    p.add_argument("--name", required=True)
    p.add_argument("--missions", nargs="+", required=True, help="member missions")
    p = cmd("send", "send a text message", _run(_send))
    p.add_argument("channel", help="channel id (or unique prefix) or exact name")
    p.add_argument("text")
    cmd("sync", "catch up, keep memberships right, send the outbox", _run(_sync))
    p = cmd("read", "show a channel's messages", _run(_read))
    p.add_argument("channel")
    p.add_argument("--limit", type=int, default=50)
    p.add_argument("--offline", action="store_true", help="do not sync first")
