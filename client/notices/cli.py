# SPDX-License-Identifier: Apache-2.0
"""``corridor`` commands for the confidence-building notices, every one with ``--json``:

* ``notice new CHANNEL --name N --start WHEN --end WHEN [--area A] [--lat --lon]
  [--force CATEGORY=N ...] [--activity T] [--contact C] [--marking M]``, ``notice amend
  NOTICE [fields] [--reason R]``, ``notice cancel NOTICE [--reason R]``, ``notice
  complete NOTICE``, ``notice list [--mission M] [--from WHEN] [--to WHEN] [--csv FILE]
  [--ics FILE] [--pdf FILE]``, ``notice incident CHANNEL --at WHEN --lat --lon --what T
  [--explains REQUEST]``, ``notice incidents [--request REQUEST]``, ``notice link
  INCIDENT REQUEST``;
* ``aid request CHANNEL --line CATEGORY=N[:UNIT] ... [--location L] [--urgency U]``,
  ``aid offer REQUEST LINE QUANTITY``, ``aid accept REQUEST OFFER``, ``aid deliver
  REQUEST OFFER``, ``aid board``;
* ``exchange due CHANNEL YEAR --by WHEN`` (the chair), ``exchange submit CHANNEL YEAR
  TEXT [--note N]``, ``exchange status YEAR``;
* ``template publish CHANNEL ID --title T --field F ...`` (the chair), ``template
  list``, ``template use CHANNEL ID FIELD=VALUE ...``.
"""

from __future__ import annotations

import argparse
import asyncio
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import TYPE_CHECKING

from client.cli_common import (
    deliver_and_report,
    emit,
    number_arg,
    open_client,
    parse_when,
    sync_or_offline,
)
from client.errors import UsageError
from client.notices.records import MAX_QUANTITY

if TYPE_CHECKING:
    from client._cli import Subparsers
    from client.notices.book import AidRequestRow, ExerciseRow
    from client.notices.desk import LinkedIncident, NoticeDesk

__all__ = ["register"]

Handler = Callable[[argparse.Namespace, "NoticeDesk"], Awaitable[int]]
_YEAR = number_arg(2000, 2100)
_WHEN = " (ISO 8601 such as 2026-05-04T15:30, local time unless a zone is given; +30m)"


def _online(func: Handler) -> Callable[[argparse.Namespace], int]:
    from client.notices.desk import NoticeDesk

    async def run(args: argparse.Namespace) -> int:
        async with open_client(args) as c:
            await sync_or_offline(c, args)
            desk = NoticeDesk(c)
            # stored and queued, a notice whose trailing sync fails is reported queued
            # (exit 0), never failed: a delegate would send it again
            return await deliver_and_report(c, args, lambda: func(args, desk),
                                            sync_after=True)

    return lambda args: asyncio.run(run(args))


def _pairs(items: list[str] | None, what: str) -> list[tuple[str, str]]:
    out = []
    for it in items or []:
        key, sep, value = it.partition("=")
        if not sep or not key.strip():
            raise UsageError(f"{what} is written NAME=VALUE, not {it!r}")
        out.append((key.strip(), value.strip()))
    return out


def _count(value: str, what: str) -> int:
    try:
        n = int(value)
    except ValueError:
        raise UsageError(f"the quantity of {what} is a whole number, not {value!r}") from None
    if n > MAX_QUANTITY:  # past what the record carries (zero: the form check says it)
        raise UsageError(f"the quantity of {what} is at most {MAX_QUANTITY:,}, not {n}")
    return n


def _forces(items: list[str] | None) -> list[tuple[str, int]]:
    return [(k, _count(v, k)) for k, v in _pairs(items, "a force")]


def _notice_line(r: ExerciseRow) -> str:
    from client.notices.export import iso

    return (f"{r['notice_id'][:12]}  [{r['marking'] or 'UNCLASSIFIED'}] {r['mission']}: "
            f"{r['name']}  {iso(r['starts_at'])} .. {iso(r['ends_at'])}  {r['status']} "
            f"(revision {r['revision']})")


async def _notice_new(args: argparse.Namespace, d: NoticeDesk) -> int:
    nid = await d.notify_exercise(
        args.channel, name=args.name, starts_at=parse_when(args.start),
        ends_at=parse_when(args.end),
        area=args.area, lat=args.lat, lon=args.lon, forces=_forces(args.force),
        activity=args.activity, contact=args.contact, marking=args.marking)
    [row] = [r for r in d.register() if r["notice_id"] == nid]
    emit(args, row, [f"notified {nid}", _notice_line(row)])
    return 0


def _changes(args: argparse.Namespace) -> dict[str, object]:
    out: dict[str, object] = {}
    for name in ("name", "area", "lat", "lon", "activity", "contact"):
        value = getattr(args, name, None)
        if value is not None:
            out[name] = value
    if getattr(args, "start", None):
        out["starts_at"] = parse_when(args.start)
    if getattr(args, "end", None):
        out["ends_at"] = parse_when(args.end)
    if getattr(args, "force", None):
        out["forces"] = _forces(args.force)
    return out


async def _notice_change(args: argparse.Namespace, d: NoticeDesk) -> int:
    nid = await d.change_exercise(args.notice, args.action, reason=args.reason,
                                  **_changes(args))
    [row] = [r for r in d.register() if r["notice_id"] == nid]
    emit(args, row, [f"{row['status']} {nid}", _notice_line(row)])
    return 0


async def _notice_list(args: argparse.Namespace, d: NoticeDesk) -> int:
    from client.notices.export import register_csv, register_ics, register_pdf

    rows = d.register(mission=args.mission or "",
                      start=parse_when(args.start) if args.start else None,
                      end=parse_when(args.end) if args.end else None)
    if args.csv:
        Path(args.csv).write_text(register_csv(rows), encoding="utf-8")
    if args.ics:
        Path(args.ics).write_bytes(register_ics(rows, venue=args.venue, stamp_ms=d.now()))
    if args.pdf:
        Path(args.pdf).write_bytes(register_pdf(
            rows, venue=args.venue, stamp_ms=d.now(),
            scheme=d.client.engine.marking_scheme))
    lines = [_notice_line(r) for r in rows] or ["no exercise notices"]
    emit(args, rows, lines)
    return 0


async def _incident(args: argparse.Namespace, d: NoticeDesk) -> int:
    iid = await d.report_incident(args.channel, occurred_at=parse_when(args.at), lat=args.lat,
                                  lon=args.lon, what=args.what, units=args.units,
                                  contact=args.contact, explains=args.explains,
                                  marking=args.marking)
    emit(args, {"incident_id": iid}, [f"incident {iid} reported"])
    return 0


def _incident_line(r: LinkedIncident, names: dict[str, str]) -> str:
    """One incident; the requester it explains as the certificates name them."""
    from client.notices.export import iso

    req = r["request"]
    who = names.get(req["requester"], req["requester"]) if req else ""
    link = (f"  explains {r['explains'][:12]} ({who} to {req['to_mission']}: "
            f"{req['what']})" if req else
            f"  explains {r['explains'][:12]} (not held here)" if r["explains"] else "")
    return (f"{r['incident_id'][:12]}  [{r['marking'] or 'UNCLASSIFIED'}] {r['mission']} "
            f"{iso(r['occurred_at'])} {r['lat']},{r['lon']}: {r['what']}{link}")


async def _incidents(args: argparse.Namespace, d: NoticeDesk) -> int:
    ref = ""
    if args.notice_command == "link":
        ref = await d.link_incident(args.incident, args.request)
    rows = d.incidents()
    if getattr(args, "request", None):
        want = d.explanation(args.request).request_id.hex()
        rows = [r for r in rows if r["explains"] == want]
    names = d.labels()
    lines = ([f"linked {ref}"] if ref else []) + (
        [_incident_line(r, names) for r in rows] or ["no incidents"])
    emit(args, rows, lines)
    return 0


def _aid_lines(items: list[str]) -> list[tuple[str, int, str]]:
    out = []
    for cat, value in _pairs(items, "an aid line"):
        qty, _, unit = value.partition(":")
        out.append((cat, _count(qty, cat), unit))
    return out


def _board_lines(board: list[AidRequestRow], unmet: dict[str, int],
                 names: dict[str, str]) -> list[str]:
    """The aid board; who offered as the certificates name them."""
    out = []
    for req in board:
        out.append(f"{req['request_id'][:12]}  [{req['marking'] or 'UNCLASSIFIED'}] "
                   f"{req['mission']} ({req['urgency']}) {req['location']}")
        for ln in req["lines"]:
            out.append(f"  {ln['line']}. {ln['category']} {ln['quantity']} {ln['unit']}"
                       f"  {ln['state']}  unmet {ln['unmet']}")
            for o in ln["offers"]:
                flags = "delivered" if o["delivered"] else "accepted" if o["accepted"] else ""
                out.append(f"     offer {o['offer_id'][:12]} {names.get(o['by'], o['by'])} "
                           f"{o['quantity']} {flags}")
    out.append("unmet: " + (", ".join(f"{k} {v}" for k, v in unmet.items()) or "none"))
    return out


async def _aid(args: argparse.Namespace, d: NoticeDesk) -> int:
    verb = args.aid_command
    ref = ""
    if verb == "request":
        ref = await d.request_aid(args.channel, _aid_lines(args.line),
                                  location=args.location, lat=args.lat, lon=args.lon,
                                  urgency=args.urgency, contact=args.contact,
                                  marking=args.marking)
    elif verb == "offer":
        ref = await d.offer_aid(args.request, args.line, args.quantity, note=args.note)
    elif verb == "accept":
        ref = await d.accept_aid(args.request, args.offer)
    elif verb == "deliver":
        ref = await d.deliver_aid(args.request, args.offer)
    board = d.aid_board()
    unmet = d.book.unmet()
    data: dict[str, object] = {"board": board, "unmet": unmet}
    if ref:
        data["id"] = ref
    emit(args, data, ([f"{verb} {ref}"] if ref else []) + _board_lines(board, unmet,
                                                                           d.labels()))
    return 0


async def _exchange(args: argparse.Namespace, d: NoticeDesk) -> int:
    from client.notices.export import iso

    verb = args.exchange_command
    if verb == "due":
        await d.set_exchange_due(args.channel, args.year, parse_when(args.by))
    elif verb == "submit":
        await d.submit_exchange(args.channel, args.year, args.text, note=args.note,
                                marking=args.marking)
    missions = [ch.missions for ch in d.client.channels()]
    st = d.exchange_status(args.year, sorted({m for ms in missions for m in ms}))
    due = iso(st["due_at"]) if st["due_at"] is not None else "not set"
    lines = [f"annual exchange {st['year']}, due {due}"] + [
        f"  {r['mission']:<16} "
        + (f"submitted {iso(r['submitted_at'])}" if r["submitted_at"] else "not submitted")
        + ("  LATE" if r["late"] else "")
        + (f"  amended {len(r['amendments'])}x" if r["amendments"] else "")
        for r in st["missions"]]
    emit(args, st, lines)
    return 0


async def _template(args: argparse.Namespace, d: NoticeDesk) -> int:
    verb = args.template_command
    if verb == "publish":
        await d.publish_template(args.channel, args.id, args.title, args.field,
                                 text=args.text)
    elif verb == "use":
        await d.use_template(args.channel, args.id, dict(_pairs(args.values, "a field")),
                             marking=args.marking)
    tpls = d.refresh().templates()
    emit(args, [{"template_id": t.template_id, "title": t.title, "fields": list(t.fields),
                  "text": t.text} for t in tpls],
          [f"{t.template_id}: {t.title} ({', '.join(t.fields)})" for t in tpls]
          or ["no templates"])
    return 0


def register(subparsers: Subparsers) -> None:
    """Add ``notice``, ``aid``, ``exchange`` and ``template`` to ``corridor``."""

    def cmd(sub: Subparsers, name: str, help_: str, func: Handler) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=help_, description=help_)
        p.add_argument("--json", action="store_true", default=argparse.SUPPRESS,
                       help="print JSON (errors too)")
        p.add_argument("--home", default=argparse.SUPPRESS, help="the device's home directory")
        p.add_argument("--relay", default=argparse.SUPPRESS, help="relay URL")
        p.add_argument("--offline", action="store_true", help="do not sync first")
        p.set_defaults(func=_online(func))
        return p

    def marking(p: argparse.ArgumentParser) -> None:
        p.add_argument("--marking", default="", help="classification marking (default: the "
                       "venue's lowest level; never above the channel's ceiling)")

    def place(p: argparse.ArgumentParser) -> None:
        p.add_argument("--lat", type=float, default=None, help="latitude (-90 to 90)")
        p.add_argument("--lon", type=float, default=None, help="longitude (-180 to 180)")

    def exercise_fields(p: argparse.ArgumentParser, *, new: bool) -> None:
        p.add_argument("--name", required=new, default=None, help="the exercise's name")
        p.add_argument("--start", required=new, default=None, help="when it starts" + _WHEN)
        p.add_argument("--end", required=new, default=None, help="when it ends" + _WHEN)
        p.add_argument("--area", default="" if new else None, help="area (place names)")
        place(p)
        p.add_argument("--force", action="append", metavar="CATEGORY=N",
                       help="forces or equipment by category (repeatable)")
        p.add_argument("--activity", default="" if new else None, help="type of activity")
        p.add_argument("--contact", default="" if new else None, help="contact point")

    notice = subparsers.add_parser("notice", help="exercise notices and incidents")
    nsub = notice.add_subparsers(dest="notice_command", metavar="COMMAND", required=True)
    p = cmd(nsub, "new", "advance notice of a military exercise", _notice_new)
    p.add_argument("channel")
    exercise_fields(p, new=True)
    marking(p)
    p = cmd(nsub, "amend", "amend an exercise notice of your mission", _notice_change)
    p.add_argument("notice", help="notice id (or a prefix of 6+ hex characters)")
    exercise_fields(p, new=False)
    p.add_argument("--reason", default="")
    p.set_defaults(action="amend")
    for verb, help_ in (("cancel", "cancel an exercise notice of your mission"),
                        ("complete", "mark an exercise of your mission completed")):
        p = cmd(nsub, verb, help_, _notice_change)
        p.add_argument("notice")
        p.add_argument("--reason", default="")
        p.set_defaults(action=verb)
    p = cmd(nsub, "list", "the venue's exercise register", _notice_list)
    p.add_argument("--mission", default=None, help="only this notifying mission")
    p.add_argument("--from", dest="start", default=None, help="exercises ending after this" + _WHEN)
    p.add_argument("--to", dest="end", default=None, help="exercises starting before this" + _WHEN)
    p.add_argument("--csv", default=None, metavar="FILE", help="also write CSV")
    p.add_argument("--ics", default=None, metavar="FILE", help="also write iCalendar")
    p.add_argument("--pdf", default=None, metavar="FILE", help="also write a PDF for "
                   "printing (the register's highest marking on every page)")
    p.add_argument("--venue", default="Corridor venue", help="the calendar's name")
    p = cmd(nsub, "incident", "notify an unintentional encounter at sea or in the air",
            _incident)
    p.add_argument("channel")
    p.add_argument("--at", required=True,
                   help="when it happened: ISO 8601 (local time unless a zone is given), "
                   "or '2h ago' (or --at=-2h)")
    p.add_argument("--lat", type=float, required=True)
    p.add_argument("--lon", type=float, required=True)
    p.add_argument("--what", required=True, help="what happened")
    p.add_argument("--units", default="", help="the units involved")
    p.add_argument("--contact", default="")
    p.add_argument("--explains", default="", help="the request for explanation it relates "
                   "to (id or 6+ hex characters; checked against the requests held here)")
    marking(p)
    p = cmd(nsub, "incidents", "incidents and the requests for explanation they link to",
            _incidents)
    p.add_argument("--request", default=None,
                   help="only the incidents linked to this request for explanation")
    p = cmd(nsub, "link", "link an incident of your mission to a request for explanation",
            _incidents)
    p.add_argument("incident", help="incident id (or 6+ hex characters)")
    p.add_argument("request", help="request for explanation id (or 6+ hex characters)")

    aid = subparsers.add_parser("aid", help="the disaster-aid board")
    asub = aid.add_subparsers(dest="aid_command", metavar="COMMAND", required=True)
    p = cmd(asub, "request", "post a request for disaster aid", _aid)
    p.add_argument("channel")
    p.add_argument("--line", action="append", required=True, metavar="CATEGORY=N[:UNIT]",
                   help="a need (repeatable)")
    p.add_argument("--location", default="")
    place(p)
    p.add_argument("--urgency", choices=["routine", "urgent", "flash"], default="urgent")
    p.add_argument("--contact", default="")
    marking(p)
    p = cmd(asub, "offer", "offer aid against a line of a request", _aid)
    p.add_argument("request")
    p.add_argument("line", type=number_arg(1, 1000), help="the line's number (1 to 1,000)")
    p.add_argument("quantity", type=number_arg(1, MAX_QUANTITY),
                   help=f"how many (1 to {MAX_QUANTITY:,})")
    p.add_argument("--note", default="")
    for verb, help_ in (("accept", "accept an offer (the requesting mission)"),
                        ("deliver", "report an accepted offer delivered")):
        p = cmd(asub, verb, help_, _aid)
        p.add_argument("request")
        p.add_argument("offer")
    cmd(asub, "board", "every request, each line's state, unmet needs", _aid)

    ex = subparsers.add_parser("exchange", help="the annual exchange of military information")
    esub = ex.add_subparsers(dest="exchange_command", metavar="COMMAND", required=True)
    p = cmd(esub, "due", "set the year's due date (the chair)", _exchange)
    p.add_argument("channel")
    p.add_argument("year", type=_YEAR, help="the year (2000 to 2100)")
    p.add_argument("--by", required=True, help="the due date" + _WHEN)
    p = cmd(esub, "submit", "submit (or amend) your mission's exchange", _exchange)
    p.add_argument("channel")
    p.add_argument("year", type=_YEAR, help="the year (2000 to 2100)")
    p.add_argument("text")
    p.add_argument("--note", default="", help="what an amendment changes")
    marking(p)
    p = cmd(esub, "status", "who submitted, who is late", _exchange)
    p.add_argument("year", type=_YEAR, help="the year (2000 to 2100)")

    tpl = subparsers.add_parser("template", help="pre-agreed contingency templates")
    tsub = tpl.add_subparsers(dest="template_command", metavar="COMMAND", required=True)
    p = cmd(tsub, "publish", "publish a template (the chair)", _template)
    p.add_argument("channel")
    p.add_argument("id", help="lower-case id, e.g. ship-incident")
    p.add_argument("--title", required=True)
    p.add_argument("--field", action="append", required=True, help="a field (repeatable)")
    p.add_argument("--text", default="")
    cmd(tsub, "list", "the venue's templates", _template)
    p = cmd(tsub, "use", "fill in a template and send it", _template)
    p.add_argument("channel")
    p.add_argument("id")
    p.add_argument("values", nargs="+", metavar="FIELD=VALUE")
    marking(p)
