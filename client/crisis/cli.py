# SPDX-License-Identifier: Apache-2.0
"""``corridor`` commands for the crisis workflows, every one with ``--json``:

* ``hotline call CHANNEL SUBJECT [--priority flash|urgent|routine]`` (the other mission
  of a bilateral channel), ``hotline calls`` (ladder and escalation), ``hotline ack
  CALL``, ``hotline answer CALL TEXT``, ``hotline watch`` (rings until acknowledged),
  ``hotline log --out FILE [--html PAGE]`` (the signed log);
* ``verify-log FILE [--root root.pem]``: a third party verifies a hotline log offline
  with nothing but the file and the venue root certificate;
* ``duty sign ROSTER.json --key mission.key --out FILE`` (the mission admin, offline;
  the roster's JSON: ``mission``, ``revision``, ``deputy``, ``head``,
  ``disclose_on_duty``, ``shifts`` of ``starts_at``/``ends_at`` (ISO 8601, +8h or ms),
  ``on_duty`` and an optional ``deputy``), ``duty publish CHANNEL FILE`` (to the
  mission's own channel), ``duty show``;
* ``explain request CHANNEL --to MISSION --what ...``, ``explain reply REQUEST TEXT``,
  ``explain meeting REQUEST``, ``explain list``;
* ``meeting call CHANNEL --at WHEN --agenda ...``, ``meeting attend CHANNEL MEETING
  --answer in-person|remote|represented|cannot [--by WHO]``, ``meeting tally CHANNEL
  MEETING``, ``meeting propose CHANNEL --at WHEN`` (bilateral: a proposal, never a
  call), ``meeting proposals``, ``meeting accept|decline PROPOSAL``, ``meeting calendar
  CALENDAR.json --out venue.ics`` (offline);
* ``available --to MISSION... [--for 1h] [--note WHERE]``: informal contact, told only
  to the chosen missions, inside the encryption;
* ``hotline call``, ``hotline answer``, ``explain request``, ``explain reply`` and
  ``meeting call`` take ``--marking LEVEL[//CAVEAT]`` (the venue's scheme, at most the
  channel's ceiling; default the lowest); ``hotline calls`` and ``explain list`` show
  each item's marking and the hotline log carries the highest of its entries';
* ``handover CHANNEL FILE``: forward the venue's signed chair handover (made by
  ``corridor-relay venue handover``).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import sys
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import TYPE_CHECKING

import msgspec

from client._cli import payload_words
from client.cli_common import (
    deliver_and_report,
    emit,
    open_client,
    parse_when,
    read_crls,
    read_file,
    sync_or_offline,
    venue_root,
    write_file,
)
from client.crisis import hotline, meetings
from client.crisis.hotline_log import LogError, render_html, render_pdf, verify_log
from client.crisis.records import AttendanceAnswer, Priority, RecordError
from client.errors import UsageError

if TYPE_CHECKING:
    from client._cli import Subparsers
    from client.core import Client
    from client.crisis.desk import Desk

__all__ = ["register"]

# A crisis command run against an open client core and its crisis desk.
OnlineCommand = Callable[[argparse.Namespace, "Client", "Desk"], Awaitable[int]]


def _ms(value: object) -> int:
    if isinstance(value, int):
        return value

    return parse_when(str(value))


# -- verify-log ------------------------------------------------------------------------------

def _verify_log(args: argparse.Namespace) -> int:
    root = venue_root(args)
    try:
        log = verify_log(read_file(args.file), root, read_crls(args.crl or []))
    except LogError as exc:
        emit(args, {"verified": False, "reason": str(exc)},
              [f"NOT VERIFIED: {exc}"])
        return 1
    if args.html:
        write_file(args.html, render_html(log).encode())
    if args.pdf:
        write_file(args.pdf, render_pdf(log))
    emit(args, {"verified": True, **log.to_json()},
          [f"verified: {len(log.calls)} call(s), exported by {log.exporter}"]
          + [f"  {c.priority.upper()} {c.caller} -> {c.to_mission}: {c.subject} "
             f"[{log.ladders[c.call_id].to_json()['state']}]" for c in log.calls])
    return 0


# -- duty sign ---------------------------------------------------------------------------------

def _duty_sign(args: argparse.Namespace) -> int:
    from crypto.certs.keyfile import open_key

    try:
        spec = json.loads(read_file(args.roster))
        spec["shifts"] = [{**s, "starts_at": _ms(s["starts_at"]), "ends_at": _ms(s["ends_at"])}
                          for s in spec.get("shifts", [])]
        spec.setdefault("issued_at", _ms("+0s"))
        roster = msgspec.convert(spec, hotline.DutyRoster)
    except json.JSONDecodeError as exc:
        raise UsageError(f"{args.roster} is not a duty roster: it is not JSON (line "
                         f"{exc.lineno}, column {exc.colno})") from None
    except KeyError as exc:
        raise UsageError(f"{args.roster} is not a duty roster: a shift lacks {exc}") from None
    except (ValueError, TypeError, msgspec.ValidationError) as exc:
        raise UsageError(f"{args.roster} is not a duty roster: "
                         f"{payload_words(str(exc))}") from None
    passphrase = os.environ.get("CORRIDOR_PASSPHRASE")
    if passphrase is None:
        import getpass

        passphrase = getpass.getpass("mission key passphrase: ")
    seed = open_key(read_file(args.key), passphrase, label="corridor-mission").secret
    try:
        signed = hotline.sign_roster(seed, roster)
    except RecordError as exc:
        raise UsageError(str(exc)) from None
    write_file(args.out, signed)
    public = ""
    if roster.disclose_on_duty:
        public = args.out + ".public"
        write_file(public, hotline.sign_windows(seed, roster))
    emit(args, {"mission": roster.mission, "revision": roster.revision, "out": args.out,
                 "public": public or None},
          [f"duty roster of {roster.mission}, revision {roster.revision}, signed: {args.out}"]
          + ([f"what other missions may see (on duty: yes/no): {public}"] if public else []))
    return 0


# -- meeting calendar ---------------------------------------------------------------------------

def _calendar(args: argparse.Namespace) -> int:
    try:
        regular = meetings.parse_calendar(read_file(args.file), _ms)
    except ValueError as exc:
        raise UsageError(f"{args.file} is {exc}") from None
    data = meetings.calendar_ics(regular, venue=args.venue, stamp_ms=_ms("+0s"))
    if args.out == "-":
        sys.stdout.write(data.decode())
    else:
        write_file(args.out, data)
    emit(args, {"meetings": len(regular), "out": args.out},
          [f"{len(regular)} meeting(s) written to {args.out}"] if args.out != "-" else [])
    return 0


def register(subparsers: Subparsers) -> None:
    """Add the crisis commands to ``corridor``'s subcommand parser."""

    def opts(p: argparse.ArgumentParser) -> argparse.ArgumentParser:
        p.add_argument("--json", action="store_true", default=argparse.SUPPRESS,
                       help="print JSON (errors too)")
        return p

    p = opts(subparsers.add_parser(
        "verify-log", help="verify an exported hotline log offline against the venue root",
        description="verify an exported hotline log offline: every entry's signature and "
        "certificate chain, the exporter's signature over the whole; exit 1 if any byte "
        "was changed"))
    p.add_argument("file")
    p.add_argument("--root", default=None,
                   help="the venue root certificate (PEM or DER; default: the home's)")
    p.add_argument("--home", default=argparse.SUPPRESS, help="a device home (for its root)")
    p.add_argument("--crl", action="append", default=None, help="a venue CRL (repeatable)")
    p.add_argument("--html", default=None, metavar="OUT", help="also write a readable page")
    p.add_argument("--pdf", default=None, metavar="OUT",
                   help="also write a PDF for printing (its marking on every page)")
    p.set_defaults(func=_verify_log)

    duty = subparsers.add_parser("duty", help="the mission's hotline duty roster")
    dsub = duty.add_subparsers(dest="duty_command", metavar="COMMAND", required=True)
    p = opts(dsub.add_parser("sign", help="sign a duty roster with the mission key (admin)"))
    p.add_argument("--home", default=argparse.SUPPRESS,
                   help="not needed: the roster and the mission key are files")
    p.add_argument("roster", help="the roster as JSON")
    p.add_argument("--key", required=True, help="the mission key file")
    p.add_argument("--out", required=True, help="where to write the signed roster")
    p.set_defaults(func=_duty_sign)

    meeting = subparsers.add_parser("meeting", help="emergency and regular meetings")
    msub = meeting.add_subparsers(dest="meeting_command", metavar="COMMAND", required=True)
    p = opts(msub.add_parser("calendar", help="the venue's regular meetings as iCalendar"))
    p.add_argument("--home", default=argparse.SUPPRESS,
                   help="not needed: the calendar is read from a file")
    p.add_argument("file", help="a JSON list of meetings (uid, title, starts_at, "
                   "duration_min, frequency, interval, count, place, agenda)")
    p.add_argument("--out", required=True, help="the .ics file to write ('-': stdout)")
    p.add_argument("--venue", default="Corridor venue", help="the calendar's name")
    p.set_defaults(func=_calendar)
    # the online commands (hotline, duty show|publish, explain, meeting call|attend|tally)
    # are added by :func:`register_online` once a client core is at hand
    register_online(subparsers, duty_sub=dsub, meeting_sub=msub)


# -- online commands (a device home and the relay) ---------------------------------------------

def _online(func: OnlineCommand, *, report: bool = True
            ) -> Callable[[argparse.Namespace], int]:
    """Open the home, sync (unless --offline, or the relay is out of reach), run; say
    whether what the command wrote reached the relay or waits in the outbox
    (:func:`~client.cli_common.deliver_and_report`; not ``report`` for a command that
    prints as it goes, ``hotline watch``)."""
    from client.crisis.desk import Desk

    async def run(args: argparse.Namespace) -> int:
        async with open_client(args) as c:
            await sync_or_offline(c, args)
            desk = Desk(c)
            if not report:
                return await func(args, c, desk)
            return await deliver_and_report(c, args, lambda: func(args, c, desk))

    return lambda args: asyncio.run(run(args))


def _now_ms(desk: Desk) -> int:
    return int(desk.now())


async def _hotline_call(args: argparse.Namespace, c: Client, desk: Desk) -> int:
    call = await desk.call(args.channel, args.subject, args.body,
                           priority=Priority(args.priority),
                           reply_within_ms=args.reply_within * 1000
                           if args.reply_within else None, marking=args.marking)
    view = desk.ensure().call_view(bytes.fromhex(call), _now_ms(desk))
    assert view is not None, "the call just placed is in the book"
    mark = desk.call_marking(view.call.call_id)
    emit(args, {**view.to_json(_now_ms(desk)), "marking": mark},
          [f"[{mark}] {args.priority.upper()} call {call} to {view.call.to_mission}; "
           f"reply by {_clock(view.call.reply_by)}"])
    return 0


def _clock(ms: int) -> str:
    from datetime import UTC, datetime

    return datetime.fromtimestamp(ms / 1000, UTC).strftime("%Y-%m-%d %H:%M UTC")


async def _hotline_calls(args: argparse.Namespace, c: Client, desk: Desk) -> int:
    await desk.tick()
    now = _now_ms(desk)
    views = desk.calls()
    marks = {v.call.call_id: desk.call_marking(v.call.call_id) for v in views}
    names = desk.labels()
    emit(args, [{**v.to_json(now), "marking": marks[v.call.call_id],
                 "caller_label": names.get(v.call.caller, v.call.caller)} for v in views],
          [f"{v.call.call_id.hex()[:12]}  [{marks[v.call.call_id]}] "
           f"{v.call.priority.upper():7} {names.get(v.call.caller, v.call.caller)} -> "
           f"{v.call.to_mission}: {v.call.subject}  [{v.ladder.to_json()['state']}; "
           f"{v.escalation.summary(now)}]" for v in views] or ["no hotline calls"])
    return 0


async def _hotline_step(args: argparse.Namespace, c: Client, desk: Desk) -> int:
    again = False
    if args.hotline_command == "answer":
        await desk.answer(args.call, args.text, marking=args.marking)
    else:  # a second ack sends nothing (the desk keeps one per member), and says so
        again = not await desk.acknowledge(args.call)
    view = desk.find_call(args.call)
    data = view.to_json(_now_ms(desk))
    if args.hotline_command == "ack":
        data["already_acknowledged"] = again
    done = ("already acknowledged" if again else
            "acknowledged" if args.hotline_command == "ack" else "answered")
    emit(args, data, [f"{done}: {view.call.subject} [{view.ladder.to_json()['state']}]"])
    return 0


async def _hotline_log(args: argparse.Namespace, c: Client, desk: Desk) -> int:
    data = desk.export_log(args.calls)
    write_file(args.out, data)
    log = verify_log(data, c.engine.trust.root_der)
    if args.html:
        write_file(args.html, render_html(log).encode())
    if args.pdf:
        write_file(args.pdf, render_pdf(log))
    emit(args, {"out": args.out, "calls": len(log.calls), "bytes": len(data)},
          [f"hotline log of {len(log.calls)} call(s) written to {args.out} (verify it with "
           f"corridor verify-log {args.out})"])
    return 0


async def _hotline_watch(args: argparse.Namespace, c: Client, desk: Desk) -> int:
    """Ring until acknowledged: sync, mark delivered, notify (critical), repeat."""
    import time

    from client.crisis.alarm import Alarm, DesktopNotifier, Notifier, Ring

    class _Print:
        def notify(self, ring: Ring, replaces: int) -> int:
            emit(args, {"ring": ring.call_id.hex(), "title": ring.title, "body": ring.body,
                         "count": ring.count}, [f"\a{ring.title}: {ring.body}"])
            return replaces or 1

        def withdraw(self, notification_id: int) -> None:
            del notification_id

    notifier: Notifier
    try:
        notifier = DesktopNotifier()
    except Exception:  # no session bus: ring on the terminal
        notifier = _Print()
    alarm = Alarm()
    names: dict[str, str] = {}

    def label(who: str) -> str:
        return names.get(who, who)

    end = time.monotonic() + args.seconds if args.seconds else None
    while end is None or time.monotonic() < end:
        await c.sync()
        ringing = await desk.tick()
        names = desk.labels()
        alarm.run(notifier, ringing, desk.now() / 1000, label)
        for text in desk.reminders():
            emit(args, {"reminder": text}, [f"reminder: {text}"])
        await asyncio.sleep(5)
    return 0


async def _duty_publish(args: argparse.Namespace, c: Client, desk: Desk) -> int:
    public = Path(args.file + ".public")
    mid = await desk.publish_roster(args.channel, read_file(args.file),
                                    public.read_bytes() if public.exists() else b"")
    roster = desk.roster()
    emit(args, {"message_id": mid, "revision": roster.revision if roster else None},
          [f"duty roster published ({mid})"])
    return 0


async def _duty_show(args: argparse.Namespace, c: Client, desk: Desk) -> int:
    roster = desk.roster()
    now = _now_ms(desk)
    others = desk.on_duty()
    lines = [f"mission {m}: {'someone on duty' if yes else 'nobody on duty'}"
             for m, yes in others.items()]
    if roster is None:
        emit(args, {"others": others}, ["no duty roster of your mission on this device",
                                         *lines])
        return 0
    on = list(hotline.on_duty(roster, now))
    data = {"mission": roster.mission, "revision": roster.revision, "on_duty": on,
            "deputy": hotline.deputy(roster, now), "head": roster.head,
            "disclosed": hotline.duty_view(roster, now), "others": others}
    names = desk.labels()

    def label(who: str) -> str:
        return names.get(who, who)

    emit(args, data, [f"on duty now: {', '.join(map(label, on))}; deputy "
                       f"{label(str(data['deputy']))}; head of mission {label(roster.head)} "
                       f"(revision {roster.revision})", *lines])
    return 0


async def _explain_request(args: argparse.Namespace, c: Client, desk: Desk) -> int:
    rid = await desk.request_explanation(
        args.channel, to_mission=args.to, what=args.what, where=args.where, when=args.when,
        reference=args.reference, deadline_ms=args.deadline * 1000, notify=args.notify or (),
        marking=args.marking)
    mark = desk.request_marking(bytes.fromhex(rid))
    emit(args, {"request_id": rid, "marking": mark},
         [f"[{mark}] request for explanation sent ({rid})"])
    return 0


async def _explain_reply(args: argparse.Namespace, c: Client, desk: Desk) -> int:
    mid = await desk.reply_explanation(args.request, args.text, marking=args.marking)
    emit(args, {"message_id": mid}, [f"reply sent ({mid})"])
    return 0


async def _explain_meeting(args: argparse.Namespace, c: Client, desk: Desk) -> int:
    mid = await desk.request_meeting(args.request, args.within * 1000)
    emit(args, {"message_id": mid}, [f"meeting of all missions requested ({mid})"])
    return 0


async def _explain_list(args: argparse.Namespace, c: Client, desk: Desk) -> int:
    from client.notices.desk import NoticeDesk

    rows = desk.explanations()
    # the other direction of an incident's link: the incidents naming each request
    links = NoticeDesk(c).explanation_links()
    marks = {r.request_id: desk.request_marking(r.request_id) for r, _st in rows}
    names = desk.labels()
    emit(args, [{"requester": r.requester,
                 "requester_label": names.get(r.requester, r.requester),
                 "to_mission": r.to_mission, "what": r.what,
                 "marking": marks[r.request_id],
                 "where": r.where, "when": r.when, "reference": r.reference,
                 "incidents": links.get(r.request_id.hex(), []),
                 **st.to_json()} for r, st in rows],
         [f"{r.request_id.hex()[:12]}  [{marks[r.request_id]}] "
          f"{names.get(r.requester, r.requester)} -> "
          f"{r.to_mission}: {r.what}  "
          f"[{st.state}{' (late)' if st.late else ''}; deadline {_clock(st.deadline_at)}]"
          + "".join(f"  incident {i[:12]}" for i in links.get(r.request_id.hex(), []))
          for r, st in rows] or ["no requests for explanation"])
    return 0


async def _meeting_call(args: argparse.Namespace, c: Client, desk: Desk) -> int:

    mid = await desk.call_meeting(args.channel, meeting_at=parse_when(args.at, future=True),
                                  place=args.place, link=args.link, agenda=args.agenda or "",
                                  explains=args.request or "", marking=args.marking)
    emit(args, {"message_id": mid}, [f"meeting called ({mid}); missions are asked to "
                                      "answer with corridor meeting attend"])
    return 0


_ANSWERS = {"in-person": AttendanceAnswer.IN_PERSON, "remote": AttendanceAnswer.REMOTE,
            "represented": AttendanceAnswer.REPRESENTED, "cannot": AttendanceAnswer.CANNOT}


async def _meeting_attend(args: argparse.Namespace, c: Client, desk: Desk) -> int:
    if args.answer == "represented" and not args.by:
        raise UsageError("--answer represented needs --by (who represents your mission)")
    mid = await desk.attend(args.channel, args.meeting, _ANSWERS[args.answer], args.by or "")
    emit(args, {"message_id": mid}, [f"answered: {_ANSWERS[args.answer]}"])
    return 0


async def _meeting_tally(args: argparse.Namespace, c: Client, desk: Desk) -> int:
    t = desk.tally(args.channel, args.meeting)
    data = t.to_json()
    emit(args, data, [", ".join(f"{k}: {n}" for k, n in t.counts.items()),
                       f"not answered: {', '.join(t.not_answered) or 'none'}"])
    return 0


async def _meeting_propose(args: argparse.Namespace, c: Client, desk: Desk) -> int:

    pid = await desk.propose_meeting(args.channel, meeting_at=parse_when(args.at, future=True),
                                     place=args.place, agenda=args.agenda)
    emit(args, {"proposal_id": pid}, [f"meeting proposed ({pid})"])
    return 0


async def _meeting_proposals(args: argparse.Namespace, c: Client, desk: Desk) -> int:
    rows = desk.ensure().proposals()
    names = desk.labels()

    def said(answers: dict[str, bool]) -> str:
        return ", ".join(f"{names.get(w, w)} {'accepts' if a else 'declines'}"
                         for w, a in answers.items()) or "no answer"

    emit(args, [{"channel_id": cid.hex(), "proposal_id": p.proposal_id.hex(),
                  "by": p.member, "meeting_at": p.meeting_at, "place": p.place,
                  "agenda": p.agenda, "answers": answers} for cid, p, answers in rows],
          [f"{p.proposal_id.hex()[:12]}  {names.get(p.member, p.member)} proposes "
           f"{_clock(p.meeting_at)} "
           f"{p.place}: {p.agenda}  [{said(answers)}]" for _cid, p, answers in rows]
          or ["no proposals"])
    return 0


async def _meeting_answer_proposal(args: argparse.Namespace, c: Client, desk: Desk) -> int:
    mid = await desk.answer_proposal(args.proposal, args.meeting_command == "accept")
    emit(args, {"message_id": mid}, [f"{args.meeting_command}ed"])
    return 0


async def _available(args: argparse.Namespace, c: Client, desk: Desk) -> int:
    until = 0 if args.off else _now_ms(desk) + args.seconds * 1000
    told = await desk.set_available(args.to, until, args.note)
    emit(args, {"told": told, "until": until},
          [f"available to talk until {_clock(until)}, told {', '.join(told)}" if until
           else f"no longer available (told {', '.join(told)})"])
    return 0


async def _handover(args: argparse.Namespace, c: Client, desk: Desk) -> int:
    mid = await desk.publish_handover(args.channel, read_file(args.file))
    h = desk.handovers()[-1] if desk.handovers() else None
    emit(args, {"message_id": mid, "incoming": h.incoming if h else None},
          [f"chair handover forwarded ({mid})"])
    return 0


def register_online(subparsers: Subparsers, *, duty_sub: Subparsers,
                    meeting_sub: Subparsers) -> None:
    """The commands that need a device home and the relay."""
    from client._cli import duration_arg

    def cmd(sub: Subparsers, name: str, help_: str, func: OnlineCommand,
            offline: bool = False, marked: bool = False,
            report: bool = True) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=help_, description=help_)
        if marked:
            p.add_argument("--marking", default=None, metavar="LEVEL[//CAVEAT]",
                           help="classification marking from the venue's scheme (corridor "
                           "markings), at most the channel's ceiling (default: the lowest)")
        p.add_argument("--json", action="store_true", default=argparse.SUPPRESS,
                       help="print JSON (errors too)")
        p.add_argument("--home", default=argparse.SUPPRESS, help="the device's home directory")
        p.add_argument("--relay", default=argparse.SUPPRESS, help="relay URL")
        if offline:
            p.add_argument("--offline", action="store_true", help="do not sync first")
        p.set_defaults(func=_online(func, report=report))
        return p

    hot = subparsers.add_parser("hotline", help="hotline calls that ring until answered")
    hsub = hot.add_subparsers(dest="hotline_command", metavar="COMMAND", required=True)
    p = cmd(hsub, "call", "call the other mission of a bilateral channel", _hotline_call,
            marked=True)
    p.add_argument("channel")
    p.add_argument("subject", help="what the call is about (at most 256 characters)")
    p.add_argument("--body", default="", help="details")
    p.add_argument("--priority", choices=[str(x) for x in Priority], default="flash",
                   help="reply-by default: flash 10 min, urgent 1 h, routine 24 h")
    p.add_argument("--reply-within", type=duration_arg(60, 7 * 86400), default=None,
                   metavar="DURATION", help="override the priority's reply-by (1m to 7d)")
    cmd(hsub, "calls", "calls, their ladder and escalation", _hotline_calls, offline=True)
    p = cmd(hsub, "ack", "acknowledge a call (stops the alarm on every device)",
            _hotline_step)
    p.add_argument("call", help="call id (or unique prefix of 6+ hex characters)")
    p = cmd(hsub, "answer", "answer a call (acknowledges it too)", _hotline_step,
            marked=True)
    p.add_argument("call")
    p.add_argument("text")
    p = cmd(hsub, "log", "export the signed hotline log (verifiable offline)", _hotline_log,
            offline=True)
    p.add_argument("calls", nargs="*", help="only these calls (default: all)")
    p.add_argument("--out", required=True)
    p.add_argument("--html", default=None, help="also write a readable page")
    p.add_argument("--pdf", default=None,
                   help="also write a PDF for printing (its marking on every page)")
    p = cmd(hsub, "watch", "ring (critical desktop notification) until acknowledged",
            _hotline_watch, report=False)
    p.add_argument("--for", dest="seconds", type=duration_arg(1, 366 * 86400), default=None,
                   metavar="DURATION", help="stop after this long (1s to 366d; default: "
                   "until interrupted)")

    p = cmd(duty_sub, "publish", "post a signed roster to your mission's own channel",
            _duty_publish)
    p.add_argument("channel")
    p.add_argument("file", help="the roster signed with duty sign")
    cmd(duty_sub, "show", "who is on duty now", _duty_show, offline=True)

    ex = subparsers.add_parser("explain", help="requests for explanation")
    esub = ex.add_subparsers(dest="explain_command", metavar="COMMAND", required=True)
    p = cmd(esub, "request", "ask a mission to explain an activity", _explain_request,
            marked=True)
    p.add_argument("channel")
    p.add_argument("--to", required=True, help="the mission asked")
    p.add_argument("--what", required=True)
    p.add_argument("--where", default="")
    p.add_argument("--when", default="")
    p.add_argument("--reference", default="")
    p.add_argument("--deadline", type=duration_arg(60, 30 * 86400), default=48 * 3600,
                   metavar="DURATION", help="reply within (1m to 30d; default 48h)")
    p.add_argument("--notify", nargs="*", default=None,
                   help="missions to be told if it becomes overdue")
    p = cmd(esub, "reply", "reply to a request made to your mission", _explain_reply,
            marked=True)
    p.add_argument("request", help="request id (or unique prefix)")
    p.add_argument("text")
    p = cmd(esub, "meeting", "after the reply or the deadline, ask the chair for a meeting",
            _explain_meeting)
    p.add_argument("request")
    p.add_argument("--within", type=duration_arg(3600, 30 * 86400), default=48 * 3600,
                   metavar="DURATION", help="to be held within (1h to 30d; default 48h)")
    cmd(esub, "list", "requests, their state and clock", _explain_list, offline=True)

    p = cmd(meeting_sub, "call", "call an emergency meeting (chair or convener); "
            "missions answer with their attendance", _meeting_call, marked=True)
    p.add_argument("channel")
    p.add_argument("--at", required=True, help="ISO 8601, or +30m / 'in 2h'")
    p.add_argument("--agenda", default=None,
                   help="what the meeting is about (required unless --request gives it)")
    p.add_argument("--request", default=None, metavar="REQUEST",
                   help="the request for explanation this meeting answers (attached)")
    p.add_argument("--place", default="")
    p.add_argument("--link", default="")
    p = cmd(meeting_sub, "attend", "answer a meeting call for your mission", _meeting_attend)
    p.add_argument("channel")
    p.add_argument("meeting", help="the call's message id")
    p.add_argument("--answer", required=True, choices=list(_ANSWERS))
    p.add_argument("--by", default="", help="who represents your mission (with represented)")
    p = cmd(meeting_sub, "tally", "answers per mission and who has not answered",
            _meeting_tally, offline=True)
    p.add_argument("channel")
    p.add_argument("meeting")
    p = cmd(meeting_sub, "propose", "propose a meeting in a bilateral channel (nobody "
            "convenes there)", _meeting_propose)
    p.add_argument("channel")
    p.add_argument("--at", required=True, help="ISO 8601, or +30m / 'in 2h'")
    p.add_argument("--place", default="")
    p.add_argument("--agenda", default="")
    cmd(meeting_sub, "proposals", "meeting proposals and their answers", _meeting_proposals,
        offline=True)
    for verb in ("accept", "decline"):
        p = cmd(meeting_sub, verb, f"{verb} the other side's proposal",
                _meeting_answer_proposal)
        p.add_argument("proposal", help="proposal id (or unique prefix)")

    p = cmd(subparsers, "handover", "forward the venue's signed chair handover to a channel "
            "(every client checks it against the venue root)", _handover)
    p.add_argument("channel")
    p.add_argument("file", help="the handover from corridor-relay venue handover")

    p = cmd(subparsers, "available", "tell chosen missions you are available to talk "
            "(inside the encryption)", _available)
    p.add_argument("--to", nargs="+", required=True, help="the missions told")
    p.add_argument("--for", dest="seconds", type=duration_arg(60, 24 * 3600),
                   default=3600, metavar="DURATION",
                   help="how long (1m to 24h; default 1h)")
    p.add_argument("--note", default="", help="where, for instance")
    p.add_argument("--off", action="store_true", help="no longer available")
