"""``corridor`` client commands on the core: demo, status, channels, create-channel, send,
sync, read, ack, acks, edit, redact, react, fetch-attachment, search, emergency-call, pin,
timer (and ``device claims``, registered with the device commands).

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

    return Client.open(getattr(args, "home", None), getattr(args, "relay", None),
                       prompt=_prompt if sys.stdin.isatty() else None)


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
               + (f"  [ROUTING: {ch.routing_warning}]" if ch.routing_warning else "")
               for ch in chans])
    return 0


async def _status(args: argparse.Namespace) -> int:
    async with _open(args) as c:
        synced = True
        if not args.offline:
            try:
                await c.sync()
            except ClientError as exc:  # still show what is known (expiry, warnings)
                synced = False
                print(f"warning: could not sync: {exc}", file=sys.stderr)
        st = c.status()
        st["synced"] = synced and not args.offline
        cert = st["certificate"]
        lines = [f"device {st['identity'].get('device_id', '')[:16]}  relay {st['relay_url']}",
                 f"certificate: {cert['state']}, valid until {cert['not_after_iso']} "
                 f"({cert['link']} certificate expires first, {cert['days_left']} days left)",
                 f"outbox: {st['outbox']}"]
        lines += [f"WARNING: {w}" for w in st["warnings"]] or ["no warnings"]
        _emit(args, st, lines)
    return 0


async def _claims(args: argparse.Namespace) -> int:
    import time

    async with _open(args) as c:
        since = int(time.time()) - int(args.hours * 3600)
        claims = await c.key_package_claims(since)
        out = [{"target": x.target, "claimer": x.claimer, "claimer_mission": x.claimer_mission,
                "last_resort": x.last_resort, "claimed_at": x.claimed_at} for x in claims]
        _emit(args, {"claims": out, "since": since},
              [f"{x['claimed_at']}  {x['target'][:12]} claimed by {x['claimer'][:12]} "
               f"({x['claimer_mission'] or 'unknown mission'})"
               + ("  [last resort]" if x["last_resort"] else "") for x in out]
              or ["no claims in this period"])
    return 0


def claims_command(args: argparse.Namespace) -> int:
    """``corridor device claims``: who claimed the KeyPackages of this mission's devices."""
    return _run(_claims)(args)


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
        if args.attach:
            mid = await c.send_attachment(args.channel, args.attach, caption=args.text,
                                          requires_ack=args.ack)
        else:
            mid = await c.send_text(args.channel, args.text, requires_ack=args.ack,
                                    reply_to=args.reply_to)
        pending = len(c.store.list_outbox(limit=10_000))
        _emit(args, {"message_id": mid, "queued": pending},
              [f"sent {mid}" + (f" ({pending} still queued)" if pending else "")])
    return 0


async def _ack(args: argparse.Namespace) -> int:
    async with _open(args) as c:
        await c.sync()
        mid = await c.ack(args.message)
        _emit(args, {"ack_id": mid}, [f"acknowledged ({mid})"])
    return 0


async def _acks(args: argparse.Namespace) -> int:
    async with _open(args) as c:
        if not args.offline:
            await c.sync()
        st = c.ack_status(args.message)
        lines = [f"{m.mission:<16} {m.state:<13} read: {', '.join(m.read_by) or '-'}; "
                 f"acknowledged: {', '.join(m.acked_by) or '-'}" for m in st.missions]
        lines.append("pending: " + (", ".join(st.pending) or "none"))
        _emit(args, st.to_json(), lines)
    return 0


async def _edit(args: argparse.Namespace) -> int:
    async with _open(args) as c:
        await c.sync()
        mid = await c.edit(args.message, args.text)
        _emit(args, {"edit_id": mid}, [f"edited ({mid})"])
    return 0


async def _redact(args: argparse.Namespace) -> int:
    async with _open(args) as c:
        await c.sync()
        mid = await c.redact(args.message)
        _emit(args, {"redact_id": mid}, [f"redacted ({mid})"])
    return 0


async def _react(args: argparse.Namespace) -> int:
    async with _open(args) as c:
        await c.sync()
        mid = await c.react(args.message, args.emoji, remove=args.remove)
        _emit(args, {"reaction_id": mid}, [f"reacted ({mid})"])
    return 0


async def _fetch(args: argparse.Namespace) -> int:
    async with _open(args) as c:
        await c.sync()
        path = await c.save_attachment(args.message, args.out)
        _emit(args, {"path": str(path), "size": path.stat().st_size}, [str(path)])
    return 0


async def _search(args: argparse.Namespace) -> int:
    async with _open(args) as c:
        if not args.offline:
            await c.sync()
        hits = c.search(args.text, channel=args.channel, limit=args.limit)
        _emit(args, [h.to_json() for h in hits],
              [f"{h.channel_name}  [{h.message.seq}] {h.message.sender}: {h.message.text}"
               f"  ({h.message.message_id})" for h in hits] or ["no match"])
    return 0


def _when(text: str) -> int:
    """Milliseconds since the epoch from an ISO 8601 time or a number of ms."""
    from datetime import UTC, datetime

    if text.isdigit():
        return int(text)
    try:
        dt = datetime.fromisoformat(text)
    except ValueError:
        raise ClientError(f"not a time: {text!r} (use ISO 8601)") from None
    if dt.tzinfo is None:
        dt = dt.replace(tzinfo=UTC)
    return int(dt.timestamp() * 1000)


async def _emergency(args: argparse.Namespace) -> int:
    async with _open(args) as c:
        await c.sync()
        mid = await c.emergency_call(args.channel, meeting_at=_when(args.at),
                                     place=args.place, link=args.link, agenda=args.agenda)
        _emit(args, {"message_id": mid}, [f"emergency call sent ({mid})"])
    return 0


async def _pin(args: argparse.Namespace) -> int:
    async with _open(args) as c:
        await c.sync()
        if args.title is None:
            view = c.pinned_notice(args.channel)
            _emit(args, view.to_json() if view else None,
                  [view.text if view else "nothing pinned"])
            return 0
        mid = await c.post_agenda(args.channel, args.title, args.body, pinned=not args.unpin,
                                  requires_ack=args.ack)
        _emit(args, {"message_id": mid}, [f"agenda notice posted ({mid})"])
    return 0


async def _timer(args: argparse.Namespace) -> int:
    async with _open(args) as c:
        await c.sync()
        if args.seconds is None:
            seconds, by = c.timer(args.channel)
            _emit(args, {"seconds": seconds, "set_by": by},
                  [f"{seconds} s (set by {by})" if seconds else "off"])
            return 0
        seconds = None if args.seconds == "off" else int(args.seconds)
        mid = await c.set_timer(args.channel, seconds)
        _emit(args, {"message_id": mid, "seconds": seconds}, [f"timer set ({mid})"])
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
        if not args.offline and not args.no_receipts:
            await c.mark_read(args.channel)
        _emit(args, [m.to_json() for m in msgs],
              [f"[{m.seq if m.seq is not None else '-'}] {m.sender}: {m.text}"
               + (" (edited)" if m.edited else "") + ("  [ack requested]" if m.requires_ack
                                                        else "")
               + f"  ({m.message_id[:12]})" for m in msgs])
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
            # SUPPRESS: given before the subcommand (``corridor --home H send``), the
            # value must not be overwritten by this parser's default
            p.add_argument("--home", default=argparse.SUPPRESS,
                           help="the device's home directory")
            p.add_argument("--relay", default=argparse.SUPPRESS,
                           help="relay URL (default: the home's)")
        p.set_defaults(func=func)
        return p

    p = cmd("demo", "provision a local demo venue and print its layout as JSON", _demo,
            home=False)
    p.add_argument("--data-dir", required=True)
    p.add_argument("--port", type=int, required=True, help="relay port on 127.0.0.1")
    p.add_argument("--missions", type=int, default=3)
    p.add_argument("--serve", action="store_true", help="keep serving the relay")
    p = cmd("status", "this device: certificate expiry, routing and KeyPackage warnings",
            _run(_status))
    p.add_argument("--offline", action="store_true", help="do not sync first")
    p = cmd("channels", "list this device's channels", _run(_channels))
    p.add_argument("--offline", action="store_true", help="do not sync first")
    p = cmd("create-channel", "create a channel of the given kind", _run(_create))
    p.add_argument("kind", choices=["bilateral", "multilateral", "caucus", "notice"])
    p.add_argument("--name", required=True)
    p.add_argument("--missions", nargs="+", required=True, help="member missions")
    p = cmd("send", "send a text message (or a file with --attach)", _run(_send))
    p.add_argument("channel", help="channel id (or unique prefix) or exact name")
    p.add_argument("text", help="the text (with --attach: the caption)")
    p.add_argument("--ack", action="store_true", help="ask every mission to acknowledge")
    p.add_argument("--reply-to", default=None, metavar="ID", help="answer this message")
    p.add_argument("--attach", default=None, metavar="FILE", help="send FILE, encrypted")
    msg_help = "message id (or unique prefix of 6+ hex characters)"
    p = cmd("ack", "acknowledge a message that asked for it", _run(_ack))
    p.add_argument("message", help=msg_help)
    p = cmd("acks", "per mission: who read, who acknowledged, who is pending", _run(_acks))
    p.add_argument("message", help=msg_help)
    p.add_argument("--offline", action="store_true", help="do not sync first")
    p = cmd("edit", "replace the text of your own message", _run(_edit))
    p.add_argument("message", help=msg_help)
    p.add_argument("text")
    p = cmd("redact", "withdraw your own message (deleted on every device)", _run(_redact))
    p.add_argument("message", help=msg_help)
    p = cmd("react", "react to a message with an emoji", _run(_react))
    p.add_argument("message", help=msg_help)
    p.add_argument("emoji")
    p.add_argument("--remove", action="store_true", help="withdraw the reaction")
    p = cmd("fetch-attachment", "download, verify and save an attachment", _run(_fetch))
    p.add_argument("message", help=msg_help)
    p.add_argument("--out", default=None,
                   help="file or directory (default: the home's downloads, removed when "
                        "the message expires or is redacted)")
    p = cmd("search", "search this device's messages (word, or prefix*)", _run(_search))
    p.add_argument("text")
    p.add_argument("--channel", default=None)
    p.add_argument("--limit", type=int, default=50)
    p.add_argument("--offline", action="store_true", help="do not sync first")
    p = cmd("emergency-call", "convene an emergency meeting (chair)", _run(_emergency))
    p.add_argument("channel")
    p.add_argument("--at", required=True, help="meeting time, ISO 8601 (UTC if no zone)")
    p.add_argument("--place", default="")
    p.add_argument("--link", default="")
    p.add_argument("--agenda", default="")
    p = cmd("pin", "post or revise the pinned agenda notice; without TITLE show it",
            _run(_pin))
    p.add_argument("channel")
    p.add_argument("title", nargs="?", default=None)
    p.add_argument("--body", default="")
    p.add_argument("--unpin", action="store_true", help="post it unpinned (unpins)")
    p.add_argument("--ack", action="store_true", help="ask every mission to acknowledge")
    p = cmd("timer", "show or set the channel's disappearing-message timer", _run(_timer))
    p.add_argument("channel")
    p.add_argument("seconds", nargs="?", default=None, help="seconds, or 'off'")
    cmd("sync", "catch up, keep memberships right, send the outbox", _run(_sync))
    p = cmd("read", "show a channel's messages (and send read receipts)", _run(_read))
    p.add_argument("channel")
    p.add_argument("--limit", type=int, default=50)
    p.add_argument("--no-receipts", action="store_true", help="send no read receipts")
    p.add_argument("--offline", action="store_true", help="do not sync first")
