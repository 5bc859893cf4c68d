# SPDX-License-Identifier: Apache-2.0
"""``corridor`` client commands on the core: status, channels, markings, create-channel, send,
sync, watch, read, ack, acks, edit, redact, react, fetch-attachment, search, emergency-call, pin,
timer (and ``device claims``, registered with the device commands).

Every command takes ``--json`` (machine-readable output on stdout; an error is one
JSON object with a stable ``error`` code, see client/_cli.py) and ``--help``, which states
the limits. ``--home DIR`` picks the device (default ``CORRIDOR_HOME`` or the platform
data dir); no command creates a missing home. Passphrases come from
``CORRIDOR_PASSPHRASE`` or a prompt. Durations are written 30s, 5m, 2h, 7d. Reading
commands (channels, read, search, acks) show what the device holds, with an "offline"
note, when the relay cannot be reached. Exit status: 0 success, 1 refused or failed
(message on stderr), 2 bad usage.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import sys
from collections.abc import Callable, Coroutine
from typing import TYPE_CHECKING

from client import venue
from client._cli import LIMITS, classify, duration_arg, format_duration
from client.cli_common import emit, number_arg, open_client, parse_when, sync_or_offline
from client.errors import AlreadyDoneError, ClientError, NotFoundError, UsageError
from client.events import Event
from client.policy import MAX_NAME

if TYPE_CHECKING:
    from client._cli import Subparsers
    from client.core import Client

__all__ = ["register"]


def _people(c: Client, channel: str | bytes) -> Callable[[str], str]:
    """Who, as the app writes them: the name the channel members' verified certificates
    give, the id beside a name that clashes, the bare id without one (human output
    only; ``--json`` keeps the ids)."""
    from client.core.names import channel_names, person_label

    names = channel_names(c.engine, c.resolve_channel(channel))
    return lambda who: person_label(who, names)


async def _channels(args: argparse.Namespace) -> int:
    async with open_client(args) as c:
        await sync_or_offline(c, args)
        chans = c.channels()
        emit(args, [ch.to_json() for ch in chans],
              [f"{ch.channel_id[:12]}  {ch.kind:<12} {ch.name}  ({', '.join(ch.missions)})"
               + f"  ceiling {ch.ceiling}"
               + ("  [left]" if ch.left else "") + (f"  [FORK: {ch.forked}]" if ch.forked else "")
               + (f"  [ROUTING: {ch.routing_warning}]" if ch.routing_warning else "")
               for ch in chans])
    return 0


async def _markings(args: argparse.Namespace) -> int:
    """The venue's classification marking scheme, from its signed policy."""
    from crypto.corridor.markings import DEFAULT_SCHEME

    async with open_client(args) as c:
        await sync_or_offline(c, args)
        s = c.engine.marking_scheme
        venue = s != DEFAULT_SCHEME
        data = {"source": "venue" if venue else "default", "levels": list(s.levels),
                "default_ceiling": s.default_ceiling, "issued_at": s.issued_at,
                "caveats": {k: list(v) for k, v in s.caveats.items()},
                "kind_ceilings": dict(s.kind_ceilings)}
        lines = [("the venue's marking scheme (signed by the venue root)" if venue else
                  "the default marking scheme (the venue has signed none)"),
                 "levels, lowest first: " + ", ".join(s.levels),
                 f"default ceiling: {s.default_ceiling}"]
        lines += [f"caveat {k}: in {', '.join(v)} channels" for k, v in sorted(s.caveats.items())]
        lines += [f"{k} channels: at most {v}" for k, v in sorted(s.kind_ceilings.items())]
        emit(args, data, lines)
    return 0


async def _status(args: argparse.Namespace) -> int:
    async with open_client(args) as c:
        synced = True
        if not args.offline:
            try:  # offline: the note says so; still show what is known (expiry, warnings)
                synced = not await sync_or_offline(c, args)
            except ClientError as exc:
                synced = False
                print(f"warning: could not sync: {classify(exc, c.relay_url).message}",
                      file=sys.stderr)
        st = c.status()
        st["synced"] = synced and not args.offline
        cert = st["certificate"]
        lines = [f"device {str(st['identity'].get('device_id', ''))[:16]}  relay {st['relay_url']}",
                 f"certificate: {cert['state']}, valid until {cert['not_after_iso']} "
                 f"({cert['link']} certificate expires first, {cert['days_left']} days left)",
                 f"outbox: {st['outbox']}"]
        lines += [f"WARNING: {w}" for w in st["warnings"]] or ["no warnings"]
        emit(args, st, lines)
    return 0


async def _claims(args: argparse.Namespace) -> int:
    import time

    async with open_client(args) as c:
        since = int(time.time()) - int(args.hours * 3600)
        claims = await c.key_package_claims(since)
        out = [{"target": x.target, "claimer": x.claimer, "claimer_mission": x.claimer_mission,
                "last_resort": x.last_resort, "claimed_at": x.claimed_at} for x in claims]
        emit(args, {"claims": out, "since": since},
              [f"{x.claimed_at}  {x.target[:12]} claimed by {x.claimer[:12]} "
               f"({x.claimer_mission or 'unknown mission'})"
               + ("  [last resort]" if x.last_resort else "") for x in claims]
              or ["no claims in this period"])
    return 0


async def _leave(args: argparse.Namespace) -> int:
    from client.transport import RelayUnavailable

    async with open_client(args) as c:
        with contextlib.suppress(RelayUnavailable):
            await c.sync()
        cid = c.resolve_channel(args.channel)
        info = next(ch for ch in c.channels() if ch.channel_id == cid.hex())
        if info.left:
            raise AlreadyDoneError(f"this device has already left {info.name!r}")
        if not args.yes:
            if getattr(args, "json", False) or not sys.stdin.isatty():
                raise UsageError("leaving needs confirmation: add --yes")
            answer = input(f"Leave {info.name!r} on this device? Its messages stay readable "
                           "here; it receives no new ones, and the other members see this "
                           "device leave. [y/N] ")
            if answer.strip().lower() not in ("y", "yes"):
                emit(args, {"channel_id": cid.hex(), "left": False}, ["not left"])
                return 1
        done = await c.leave(cid)
        emit(args, {"channel_id": cid.hex(), "name": info.name, "left": done,
                     "queued": not done},
              [f"left {info.name!r}: no new messages will reach this device" if done else
               f"queued: the request to leave {info.name!r} goes at the next sync"])
    return 0


async def _device_list(args: argparse.Namespace) -> int:
    async with open_client(args) as c:
        devs = await c.devices()
        lines = []
        for d in devs:
            where = f"in {len(d.channels)} channel(s)"
            mark = "  (this device)" if d.this_device else ""
            bad = f"  [{d.problem}]" if d.problem else ""
            lines.append(f"{d.device_id[:16]}  {d.display_name or '?'}  {where}{mark}{bad}")
        emit(args, {"devices": [d.to_json() for d in devs]},
              lines or ["no devices of yours in the venue directory"])
    return 0


def device_list_command(args: argparse.Namespace) -> int:
    """``corridor device list``: this delegate's devices, this one marked."""
    return _run(_device_list)(args)


async def _device_remove(args: argparse.Namespace) -> int:
    async with open_client(args) as c:
        devs = await c.devices()
        dev = args.device.strip().lower()
        hits = [d for d in devs if d.device_id.startswith(dev)] if len(dev) >= 8 else []
        if len(hits) != 1:
            raise UsageError(f"no single device of yours starts with {args.device!r} "
                             "(at least 8 characters of an id from corridor device list)")
        d = hits[0]
        if d.this_device:
            raise UsageError("this is the device you are using: remove it from another of "
                             "your devices")
        if not args.yes:
            if getattr(args, "json", False) or not sys.stdin.isatty():
                raise UsageError("removing a device needs confirmation: add --yes")
            answer = input(f"Remove your device {d.device_id[:16]} ({d.display_name or '?'}) "
                           f"from the venue and its {len(d.channels)} channel(s)? It will "
                           "decrypt no new message; this cannot be undone. [y/N] ")
            if answer.strip().lower() not in ("y", "yes"):
                emit(args, {"device_id": d.device_id, "removed": False}, ["not removed"])
                return 1
        await c.remove_device(d.device_id)
        emit(args, {"device_id": d.device_id, "removed": True,
                     "channels": list(d.channels)},
              [f"removed {d.device_id[:16]}: it can no longer log in, and the commits "
               f"removing it from {len(d.channels)} channel(s) are sent"])
    return 0


def add_device_remove_parser(dsub: Subparsers) -> None:
    """``corridor device remove DEVICE``, registered with the other device commands."""
    p = dsub.add_parser(
        "remove", help="remove another of your devices (a lost laptop)",
        description="Remove another device of your delegate identity from the venue: the "
        "relay refuses its logins and KeyPackages at once, and this device commits its "
        "removal from every channel, so it decrypts no new message. Its certificate "
        "stays valid: ask your mission to revoke it too if it may be in other hands. "
        "Needs the relay.")
    p.add_argument("device", help="the device id, or its first 8+ characters "
                   "(see corridor device list)")
    p.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    p.add_argument("--json", action="store_true", default=argparse.SUPPRESS,
                   help="print JSON (errors too)")
    p.add_argument("--home", default=argparse.SUPPRESS, help="the device's home directory")
    p.add_argument("--relay", default=argparse.SUPPRESS, help="relay URL (default: the home's)")
    p.set_defaults(func=_run(_device_remove))


def claims_command(args: argparse.Namespace) -> int:
    """``corridor device claims``: who claimed the KeyPackages of this mission's devices."""
    return _run(_claims)(args)


async def _create(args: argparse.Namespace) -> int:
    async with open_client(args) as c:
        await c.sync()
        known = await venue.venue_missions(c)
        unknown = sorted(set(args.missions) - set(known))
        if unknown:
            raise NotFoundError(f"no mission {', '.join(unknown)} in this venue (its "
                                f"missions: {', '.join(known)})")
        problem = venue.new_channel_problem(c, args.kind, args.missions)
        if problem:
            raise UsageError(problem)
        cid = await c.create_channel(args.kind, args.name, args.missions, args.ceiling)
        await c.sync()
        ceiling = c.engine.ceiling(bytes.fromhex(cid))
        emit(args, {"channel_id": cid, "kind": args.kind, "name": args.name,
                     "ceiling": ceiling},
              [f"created {args.kind} channel {cid} (ceiling {ceiling})"])
    return 0


async def _send(args: argparse.Namespace) -> int:
    """Send, or queue when the relay cannot be reached (or is busy): the message stays
    in the home's outbox and goes, exactly once, at the next command that reaches it."""
    from client.transport import RelayUnavailable

    if not args.attach and not args.text.strip():
        raise UsageError("the text must not be empty (an empty text goes only as the "
                         "caption of --attach FILE)")
    async with open_client(args) as c:
        offline = False
        try:
            await c.sync()
        except RelayUnavailable:
            offline = True  # queue it; the next sync, send or other command delivers it
        if args.attach:
            mid = await c.send_attachment(args.channel, args.attach, caption=args.text,
                                          requires_ack=args.ack, marking=args.marking)
            if not offline:  # the reference is held after the upload (docs/padding.md)
                with contextlib.suppress(RelayUnavailable):
                    await c.deliver_held()
        else:
            mid = await c.send_text(args.channel, args.text, requires_ack=args.ack,
                                    reply_to=args.reply_to, marking=args.marking)
        view = c.message(mid)
        pending = c.pending_sends()
        status = "queued" if view.status == "sending" else view.status
        data: dict[str, object] = {"message_id": mid, "status": status, "queued": pending}
        if status == "failed":
            data["reason"] = view.failed
            line = f"failed {mid}: the relay refused it: {view.failed}"
        elif status == "queued":
            why = "the relay is unreachable" if offline else "the relay is busy"
            line = (f"queued {mid} ({why}; it is sent at the next `corridor sync` or "
                    "send)")
        else:
            line = f"sent {mid}" + (f" ({pending} still queued)" if pending else "")
        emit(args, data, [line])
    return 1 if status == "failed" else 0


async def _ack(args: argparse.Namespace) -> int:
    async with open_client(args) as c:
        await c.sync()
        try:
            mid = await c.ack(args.message)
        except AlreadyDoneError as done:
            emit(args, {"ack_id": None, "already_acknowledged": True},
                  [f"{done}; nothing sent"])
            return 0
        emit(args, {"ack_id": mid}, [f"acknowledged ({mid})"])
    return 0


async def _acks(args: argparse.Namespace) -> int:
    async with open_client(args) as c:
        await sync_or_offline(c, args)
        st = c.ack_status(args.message)
        who = _people(c, st.channel_id)
        lines = [f"{m.mission:<16} {m.state:<13} read: {', '.join(map(who, m.read_by)) or '-'}; "
                 f"acknowledged: {', '.join(map(who, m.acked_by)) or '-'}"
                 for m in st.missions]
        lines.append("pending: " + (", ".join(st.pending) or "none"))
        emit(args, st.to_json(), lines)
    return 0


async def _edit(args: argparse.Namespace) -> int:
    async with open_client(args) as c:
        await c.sync()
        mid = await c.edit(args.message, args.text)
        emit(args, {"edit_id": mid}, [f"edited ({mid})"])
    return 0


async def _redact(args: argparse.Namespace) -> int:
    async with open_client(args) as c:
        await c.sync()
        mid = await c.redact(args.message)
        emit(args, {"redact_id": mid}, [f"redacted ({mid})"])
    return 0


async def _react(args: argparse.Namespace) -> int:
    async with open_client(args) as c:
        await c.sync()
        mid = await c.react(args.message, args.emoji, remove=args.remove)
        emit(args, {"reaction_id": mid}, [f"reacted ({mid})"])
    return 0


async def _fetch(args: argparse.Namespace) -> int:
    async with open_client(args) as c:
        await c.sync()
        path = await c.save_attachment(args.message, args.out)
        emit(args, {"path": str(path), "size": path.stat().st_size}, [str(path)])
    return 0


async def _search(args: argparse.Namespace) -> int:
    async with open_client(args) as c:
        await sync_or_offline(c, args)
        hits = c.search(args.text, channel=args.channel, limit=args.limit)
        emit(args, [h.to_json() for h in hits],
              [f"{h.channel_name}  [{'-' if h.message.seq is None else h.message.seq}] "
               f"{h.message.sender_label}: {h.message.summary}  ({h.message.message_id})"
               for h in hits] or ["no match"])
    return 0


async def _emergency(args: argparse.Namespace) -> int:
    at = parse_when(args.at, future=True)  # a wrong time is said before the relay is asked
    async with open_client(args) as c:
        await c.sync()
        mid = await c.emergency_call(args.channel, meeting_at=at,
                                     place=args.place, link=args.link, agenda=args.agenda)
        emit(args, {"message_id": mid}, [f"emergency call sent ({mid})"])
    return 0


async def _pin(args: argparse.Namespace) -> int:
    async with open_client(args) as c:
        await c.sync()
        if args.title is None:
            view = c.pinned_notice(args.channel)
            emit(args, view.to_json() if view else None,
                  [view.summary if view else "nothing pinned"])
            return 0
        mid = await c.post_agenda(args.channel, args.title, args.body, pinned=not args.unpin,
                                  requires_ack=args.ack)
        emit(args, {"message_id": mid}, [f"agenda notice posted ({mid})"])
    return 0


async def _timer(args: argparse.Namespace) -> int:
    async with open_client(args) as c:
        await c.sync()
        if args.seconds is _SHOW:
            seconds, by = c.timer(args.channel)
            emit(args, {"seconds": seconds, "set_by": by},
                  [f"{format_duration(seconds)} (set by {_people(c, args.channel)(by)})"
                   if seconds else "off"])
            return 0
        seconds = args.seconds
        current, _by = c.timer(args.channel)
        if current == seconds:
            emit(args, {"message_id": None, "seconds": seconds, "unchanged": True},
                  ["the timer is already " + (format_duration(seconds) if seconds else "off")
                   + "; nothing sent"])
            return 0
        mid = await c.set_timer(args.channel, seconds)
        emit(args, {"message_id": mid, "seconds": seconds},
              ["disappearing messages: " + (format_duration(seconds) if seconds else "off")
               + f" ({mid})"])
    return 0


def _summary(c: Client, events: list[Event], outbox: int) -> list[str]:
    """What a sync did, in a few lines (``--json`` gives the events themselves)."""
    from client import events as ev

    names: dict[bytes, str] = {}
    with contextlib.suppress(ClientError):
        names = {bytes.fromhex(ch.channel_id): ch.name for ch in c.channels()}
    new: dict[str, int] = {}
    lines: list[str] = []
    sent = 0
    for e in events:
        where = names.get(getattr(e, "channel_id", b"") or b"", "a channel")
        if isinstance(e, ev.MessageReceived) and not e.own:
            new[where] = new.get(where, 0) + 1
        elif isinstance(e, ev.MessageSent):
            sent += 1
        elif isinstance(e, ev.ChannelJoined):
            lines.append(f"joined {e.kind} channel “{e.name}”"
                         + (f" ({e.history_note})" if e.history_note else ""))
        elif isinstance(e, ev.ChannelLeft):
            lines.append(f"left “{where}”: {e.reason}")
        elif isinstance(e, ev.EmergencyCallReceived):
            lines.append(f"EMERGENCY MEETING called in “{where}” by "
                         f"{_people(c, e.channel_id)(e.by)}")
        elif isinstance(e, ev.ForkDetected | ev.PossibleWithholding | ev.PolicyRefused
                        | ev.ErrorEvent):
            detail = getattr(e, "reason", "") or getattr(e, "detail", "") or (
                "messages may be missing" if isinstance(e, ev.PossibleWithholding) else "")
            lines.append(f"warning in “{where}”: {detail}")
    for where, n in sorted(new.items()):
        lines.insert(0, f"{n} new message{'s' if n != 1 else ''} in “{where}”")
    if sent:
        lines.append(f"{sent} sent")
    if outbox:
        lines.append(f"{outbox} waiting to be sent")
    return lines or ["up to date"]


async def _sync(args: argparse.Namespace) -> int:
    from dataclasses import asdict

    async with open_client(args) as c:
        events = await c.sync()
        outbox = len(c.store.list_outbox(limit=10_000))
        out = [{"event": type(e).__name__, **{k: (v.hex() if isinstance(v, bytes) else v)
                                             for k, v in asdict(e).items()}} for e in events]
        emit(args, {"events": out, "outbox": outbox}, _summary(c, events, outbox))
    return 0


async def _read(args: argparse.Namespace) -> int:
    from client.transport import RelayUnavailable

    async with open_client(args) as c:
        offline = await sync_or_offline(c, args)
        msgs = c.messages(args.channel, limit=args.limit)
        if not offline and not args.no_receipts:
            with contextlib.suppress(RelayUnavailable):  # the receipt waits for next time
                await c.mark_read(args.channel)
        emit(args, [m.to_json() for m in msgs],
              [f"[{m.seq if m.seq is not None else '-'}] [{m.marking}] {m.sender_label}: "
               f"{m.summary}"
               + (" (edited)" if m.edited else "") + ("  [ack requested]" if m.requires_ack
                                                        else "")
               + f"  ({m.message_id[:12]})" for m in msgs]
             or ["no messages yet in this channel"])  # an empty state, not silence
    return 0


def _event_json(e: Event) -> dict[str, object]:
    from dataclasses import asdict

    return {"event": type(e).__name__, **{k: (v.hex() if isinstance(v, bytes) else v)
                                         for k, v in asdict(e).items()}}


def _plain(detail: str) -> str:
    """The transport's detail without the library's exception name ("…: ConnectError")."""
    import re

    head, sep, tail = detail.rpartition(": ")
    return head if sep and re.fullmatch(r"[A-Z]\w*(Error|Exception|Group|Timeout)", tail) \
        else detail


async def _watch(args: argparse.Namespace) -> int:
    """Stay connected and print what arrives, and every time the connection to the relay
    drops or comes back, until interrupted (or ``--for`` seconds have passed)."""
    from client import events as ev
    from client.features import MODIFIER_KINDS

    async with open_client(args) as c:
        names = {ch.channel_id: ch.name for ch in c.channels()}

        def line(e: Event) -> str | None:
            if isinstance(e, ev.ConnectionChanged):
                return "connected to the relay" if e.connected else \
                    f"offline ({_plain(e.detail)}); reconnecting…"
            if isinstance(e, ev.MessageFailed):
                return f"not sent {e.message_id.hex()[:12]}: the relay refused it: {e.reason}"
            if isinstance(e, ev.ErrorEvent):
                return f"warning: {e.reason}"
            if isinstance(e, ev.ChannelJoined):
                names[e.channel_id.hex()] = e.name
                return f"joined {e.kind} channel {e.name}"
            if isinstance(e, ev.MessageReceived) and not e.own and \
                    e.kind not in MODIFIER_KINDS:
                try:
                    m = c.message(e.message_id, channel=e.channel_id)
                except ClientError:
                    return None
                where = names.get(e.channel_id.hex(), e.channel_id.hex()[:12])
                flag = "  [acknowledgement requested]" if m.requires_ack else ""
                return (f"{where}  [{m.seq}] {m.sender_label}: {m.summary}{flag}  "
                        f"({m.message_id[:12]})")
            return None

        queue: asyncio.Queue[Event] = asyncio.Queue()
        c.subscribe(queue.put_nowait)
        await c.start()
        loop = asyncio.get_running_loop()
        deadline = loop.time() + args.seconds if args.seconds else None
        print(json.dumps({"event": "Watching", "relay_url": c.relay_url})
              if getattr(args, "json", False) else
              f"watching {c.relay_url} (Ctrl+C ends)", flush=True)
        while True:
            left = None if deadline is None else deadline - loop.time()
            if left is not None and left <= 0:
                break
            try:
                e = await asyncio.wait_for(queue.get(), left)
            except TimeoutError:
                break
            if getattr(args, "json", False):
                print(json.dumps(_event_json(e)), flush=True)
            elif (text := line(e)) is not None:
                print(text, flush=True)
    return 0


def _watch_command(args: argparse.Namespace) -> int:
    """Ctrl+C is how watching normally ends: exit 0, no "interrupted" error."""
    try:
        return _run(_watch)(args)
    except KeyboardInterrupt:
        return 0


def _run(func: Callable[[argparse.Namespace], Coroutine[object, object, int]]) -> Callable[
        [argparse.Namespace], int]:
    def wrapped(args: argparse.Namespace) -> int:
        return asyncio.run(func(args))  # errors: reported by client._cli.run_guarded
    return wrapped


_SHOW = object()  # ``timer CHANNEL`` without a duration: show it


def _text(limit: int, what: str, *, empty: bool = False) -> Callable[[str], str]:
    def parse(text: str) -> str:
        if not empty and not text.strip():
            raise argparse.ArgumentTypeError(f"{what} must not be empty")
        if len(text) > limit:
            raise argparse.ArgumentTypeError(
                f"{what} is too long: {len(text):,} characters, at most {limit:,}")
        return text
    return parse


def _mission(text: str) -> str:
    import re

    if not re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9._@-]{0,63}", text):
        raise argparse.ArgumentTypeError(f"{text!r} is not a mission id (letters, digits and "
                                         "._@- up to 64 characters)")
    return text


def register(subparsers: Subparsers) -> None:
    """Add the client commands to ``corridor``'s subcommand parser."""

    def cmd(name: str, help_: str, func: Callable[[argparse.Namespace], int],
            home: bool = True) -> argparse.ArgumentParser:
        p: argparse.ArgumentParser = subparsers.add_parser(name, help=help_, description=help_)
        # SUPPRESS: ``corridor --json CMD`` sets it before the command, as --home below
        p.add_argument("--json", action="store_true", default=argparse.SUPPRESS,
                       help="print JSON (errors too: {\"error\": CODE, \"message\": ...})")
        if home:
            # SUPPRESS: given before the subcommand (``corridor --home H send``), the
            # value must not be overwritten by this parser's default
            p.add_argument("--home", default=argparse.SUPPRESS,
                           help="the device's home directory")
            p.add_argument("--relay", default=argparse.SUPPRESS,
                           help="relay URL (default: the home's)")
        p.set_defaults(func=func)
        return p

    p = cmd("status", "this device: certificate expiry, routing and KeyPackage warnings",
            _run(_status))
    p.add_argument("--offline", action="store_true", help="do not sync first")
    p = cmd("channels", "list this device's channels", _run(_channels))
    p.add_argument("--offline", action="store_true", help="do not sync first")
    p = cmd("markings", "the venue's classification levels, caveats and ceilings",
            _run(_markings))
    p.add_argument("--offline", action="store_true", help="do not sync first")
    p = cmd("create-channel", "create a channel of the given kind", _run(_create))
    p.add_argument("kind", choices=["bilateral", "multilateral", "caucus", "notice"])
    p.add_argument("--name", required=True, type=_text(MAX_NAME, "the name"),
                   help=f"the channel's name (1 to {MAX_NAME} characters)")
    p.add_argument("--missions", nargs="+", required=True, type=_mission,
                   help="member missions (ids; yours is always in)")
    p.add_argument("--ceiling", default="", metavar="MARKING",
                   help="the highest classification marking the channel carries (default: "
                        "the venue's default ceiling)")
    p = cmd("leave", "leave a channel on this device (history stays readable here)",
            _run(_leave))
    p.add_argument("channel", help="channel id (or unique prefix) or exact name")
    p.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    p = cmd("send", "send a text message (or a file with --attach)", _run(_send))
    p.add_argument("channel", help="channel id (or unique prefix) or exact name")
    p.add_argument("text", type=_text(LIMITS.text_chars, "the text", empty=True),
                   help=f"the text, at most {LIMITS.text_chars:,} characters (with "
                        "--attach: the caption)")
    p.add_argument("--ack", action="store_true", help="ask every mission to acknowledge")
    p.add_argument("--reply-to", default=None, metavar="ID", help="answer this message")
    p.add_argument("--marking", default="", metavar="MARKING",
                   help="classification marking, e.g. RESTRICTED or 'RESTRICTED//CAUCUS "
                        "ONLY' (default: the venue's lowest level; never above the "
                        "channel's ceiling)")
    p.add_argument("--attach", default=None, metavar="FILE",
                   help="send FILE, encrypted (at most 16 MiB: "
                        f"{LIMITS.attachment_bytes:,} bytes); the file is uploaded "
                        "first and its reference sent after a random hold (10 s on "
                        "average, at most 60 s; CORRIDOR_ATTACHMENT_HOLD_SECONDS sets "
                        "the mean), so the relay cannot pair the two by time")
    msg_help = "message id (or unique prefix of 6+ hex characters)"
    p = cmd("ack", "acknowledge a message that asked for it", _run(_ack))
    p.add_argument("message", help=msg_help)
    p = cmd("acks", "per mission: who read, who acknowledged, who is pending", _run(_acks))
    p.add_argument("message", help=msg_help)
    p.add_argument("--offline", action="store_true", help="do not sync first")
    p = cmd("edit", "replace the text of your own message", _run(_edit))
    p.add_argument("message", help=msg_help)
    p.add_argument("text", type=_text(LIMITS.text_chars, "the text"),
                   help=f"the new text, at most {LIMITS.text_chars:,} characters")
    p = cmd("redact", "withdraw your own message (deleted on every device)", _run(_redact))
    p.add_argument("message", help=msg_help)
    p = cmd("react", "react to a message with an emoji", _run(_react))
    p.add_argument("message", help=msg_help)
    p.add_argument("emoji", type=_text(LIMITS.emoji_chars, "the emoji"),
                   help=f"at most {LIMITS.emoji_chars} characters")
    p.add_argument("--remove", action="store_true", help="withdraw the reaction")
    p = cmd("fetch-attachment", "download, verify and save an attachment", _run(_fetch))
    p.add_argument("message", help=msg_help)
    p.add_argument("--out", default=None,
                   help="file or directory (default: the home's downloads, removed when "
                        "the message expires or is redacted)")
    p = cmd("search", "search this device's messages (word, or prefix*)", _run(_search))
    p.add_argument("text")
    p.add_argument("--channel", default=None)
    p.add_argument("--limit", type=number_arg(1, 1000), default=50,
                   help="at most this many results (1-1000, default 50)")
    p.add_argument("--offline", action="store_true", help="do not sync first")
    p = cmd("emergency-call", "convene an emergency meeting (chair)", _run(_emergency))
    p.add_argument("channel")
    p.add_argument("--at", required=True,
                   help="meeting time: ISO 8601 such as 2026-05-04T15:30 (local time unless "
                        "a zone is given), or +30m / 'in 2h' from now")
    p.add_argument("--place", default="", type=_text(LIMITS.place_chars, "the place",
                                                     empty=True),
                   help=f"at most {LIMITS.place_chars} characters")
    p.add_argument("--link", default="", type=_text(LIMITS.link_chars, "the link", empty=True),
                   help=f"at most {LIMITS.link_chars} characters")
    p.add_argument("--agenda", required=True, type=_text(LIMITS.text_chars, "the agenda"),
                   help=f"the reason (every client refuses a call without one), at most "
                        f"{LIMITS.text_chars:,} characters")
    p = cmd("pin", "post or revise the pinned agenda notice; without TITLE show it",
            _run(_pin))
    p.add_argument("channel")
    p.add_argument("title", nargs="?", default=None,
                   type=_text(LIMITS.title_chars, "the title"),
                   help=f"at most {LIMITS.title_chars} characters")
    p.add_argument("--body", default="", type=_text(LIMITS.text_chars, "the body", empty=True),
                   help=f"at most {LIMITS.text_chars:,} characters")
    p.add_argument("--unpin", action="store_true", help="post it unpinned (unpins)")
    p.add_argument("--ack", action="store_true", help="ask every mission to acknowledge")
    p = cmd("timer", "show or set the channel's disappearing-message timer", _run(_timer))
    p.add_argument("channel")
    p.add_argument("seconds", nargs="?", default=_SHOW, metavar="DURATION",
                   type=duration_arg(LIMITS.timer_min, LIMITS.timer_max, off=True),
                   help="how long messages live: 30s, 5m, 2h, 7d (from 1 second to 365 "
                        "days), or 'off'; without it, show the timer")
    cmd("sync", "catch up, keep memberships right, send the outbox", _run(_sync))
    p = cmd("watch", "stay connected and print new messages, and when the connection to "
            "the relay drops or comes back (reconnects by itself; Ctrl+C ends)",
            _watch_command)
    p.add_argument("--for", dest="seconds", type=duration_arg(1, 366 * 86400), default=None,
                   metavar="DURATION", help="stop after this long (30s, 5m, 2h; 1s to 366d; "
                   "default: until interrupted)")
    p = cmd("read", "show a channel's messages (and send read receipts)", _run(_read))
    p.add_argument("channel")
    p.add_argument("--limit", type=number_arg(1, 10_000), default=50,
                   help="the newest N messages (1-10000, default 50)")
    p.add_argument("--no-receipts", action="store_true", help="send no read receipts")
    p.add_argument("--offline", action="store_true", help="do not sync first")
    from client.cli_archive import register_archive

    register_archive(cmd, _run)
