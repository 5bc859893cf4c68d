# SPDX-License-Identifier: Apache-2.0
"""``corridor`` commands for decisions between sessions, every one with ``--json``:

* ``silence put CHANNEL TITLE --text ... | --file F --for 24h`` (the chair, or a
  convener the charter names), ``silence break PROC REASON``, ``silence withdraw PROC``,
  ``silence revise PROC --text ...`` (restarts the clock), ``silence status [PROC]``
  (acknowledges breaks and signs closing statements first, and tells you at once when
  your break is not confirmed), ``silence export PROC --out FILE``;
* ``draft new CHANNEL TITLE --text ... [--lock]``, ``draft edit DOC --text ...``,
  ``draft diff DOC A B``, ``draft comment DOC PARAGRAPH TEXT``, ``draft sign-off DOC``,
  ``draft lock DOC [--release]``, ``draft show [DOC]``, ``draft export DOC --out STEM
  [--attach]`` (STEM.pdf, STEM.docx and STEM.corridor, the signed record; ``--attach``
  sends them to the document's channel as ordinary attachments);
* ``verify-decision FILE [--file STEM.pdf]``: a third party verifies an exported record
  offline with nothing but the file and the venue root certificate.

``silence put|break|revise`` and ``draft new|edit|comment`` take ``--marking
LEVEL[//CAVEAT]`` (the venue's scheme, at most the channel's ceiling; default the
lowest), carried inside the encryption; the listings show each item's marking and the
exported PDF and .docx carry the highest marking of the document's records.

Deadlines are shown in the user's time zone and in the venue's (``--venue-tz``, default
``CORRIDOR_VENUE_TZ``, else UTC).
"""

from __future__ import annotations

import argparse
import asyncio
import os
from collections.abc import Awaitable, Callable, Mapping
from datetime import UTC, datetime, tzinfo
from pathlib import Path
from typing import TYPE_CHECKING

from client.cli_common import (
    deliver_and_report,
    emit,
    open_client,
    read_crls,
    read_file,
    sync_or_offline,
    try_sync,
    venue_root,
    write_file,
)
from client.decisions import drafting
from client.decisions.export import ExportError, verify_file, verify_record
from client.errors import UsageError

if TYPE_CHECKING:
    from client._cli import Subparsers
    from client.core import Client
    from client.decisions.desk import Desk
    from client.decisions.silence import Outcome

__all__ = ["both_zones", "register"]

# A decisions command run against an open client core and its decisions desk.
OnlineCommand = Callable[[argparse.Namespace, "Client", "Desk"], Awaitable[int]]


def _zone(name: str | None) -> tzinfo:
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    name = name or os.environ.get("CORRIDOR_VENUE_TZ") or "UTC"
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise UsageError(f"unknown time zone {name!r}") from None


def both_zones(ms: int, venue: tzinfo) -> str:
    """A moment in the user's time zone and in the venue's, e.g.
    "2026-12-05 15:00 CET (venue: 2026-12-05 09:00 EST)"."""
    t = datetime.fromtimestamp(ms / 1000, UTC)
    mine = t.astimezone().strftime("%Y-%m-%d %H:%M %Z")
    theirs = t.astimezone(venue).strftime("%Y-%m-%d %H:%M %Z")
    return mine if mine == theirs else f"{mine} (venue: {theirs})"


def _text(args: argparse.Namespace) -> str:
    if args.file:
        return read_file(args.file).decode()
    if args.text is None:
        raise UsageError("give the text with --text or --file")
    return str(args.text)


def _online(func: OnlineCommand
            ) -> Callable[[argparse.Namespace], int]:
    """Open the home, sync (unless --offline, or the relay is out of reach), run; say
    whether what the command wrote reached the relay or waits in the outbox
    (:func:`~client.cli_common.deliver_and_report`)."""
    from client.decisions.desk import Desk

    async def run(args: argparse.Namespace) -> int:
        async with open_client(args) as c:
            await sync_or_offline(c, args)
            desk = Desk(c)
            return await deliver_and_report(c, args, lambda: func(args, c, desk))

    return lambda args: asyncio.run(run(args))


# -- silence --------------------------------------------------------------------------------

def _outcome_lines(o: Outcome, venue: tzinfo, mark: str,
                   names: Mapping[str, str]) -> list[str]:
    """A procedure in lines, members as their certificates name them (``names``)."""

    def label(who: str) -> str:
        return names.get(who, who)

    p = o.put
    lines = [f"{p.proc_id.hex()[:12]}  [{mark}] {p.title} (revision {p.revision}, by "
             f"{label(p.member)}): "
             f"{o.summary(label)}", f"  deadline {both_zones(o.deadline, venue)}"]
    for b in o.breaks:
        state = ("withdrawn" if b.withdrawn_at is not None
                 else "confirmed" if b.confirmed
                 else "NOT CONFIRMED by " + ", ".join(sorted(b.missing)))
        lines.append(f"  break by {label(b.brk.member)} at {both_zones(b.brk.at, venue)}: "
                     f"{b.brk.reason} [{state}]")
    return lines


async def _silence_put(args: argparse.Namespace, c: Client, desk: Desk) -> int:
    pid = await desk.put(args.channel, args.title, _text(args), period_ms=args.seconds * 1000,
                         marking=args.marking)
    out = desk.status(pid)
    mark = desk.procedure_marking(pid)
    emit(args, {**out.to_json(), "marking": mark}, [f"[{mark}] under silence ({pid}) until "
                                f"{both_zones(out.deadline, _zone(args.venue_tz))}"])
    return 0


async def _silence_break(args: argparse.Namespace, c: Client, desk: Desk) -> int:
    bid = await desk.break_silence(args.proc, args.reason, marking=args.marking)
    emit(args, {"break_id": bid, **desk.status(args.proc).to_json()},
          [f"silence broken ({bid}); the other missions acknowledge it as they sync"])
    return 0


async def _silence_withdraw(args: argparse.Namespace, c: Client, desk: Desk) -> int:
    ids = await desk.withdraw(args.proc)
    emit(args, {"withdrawn": ids, **desk.status(args.proc).to_json()},
          [f"break withdrawn ({', '.join(ids)})"])
    return 0


async def _silence_revise(args: argparse.Namespace, c: Client, desk: Desk) -> int:
    rev = await desk.revise(args.proc, _text(args), marking=args.marking)
    out = desk.status(args.proc)
    mark = desk.procedure_marking(args.proc)
    emit(args, {**out.to_json(), "marking": mark}, [f"[{mark}] revision {rev} under silence until "
                                f"{both_zones(out.deadline, _zone(args.venue_tz))}"])
    return 0


async def _silence_status(args: argparse.Namespace, c: Client, desk: Desk) -> int:
    venue = _zone(args.venue_tz)
    alerts = [] if args.offline else await desk.tick()
    if not args.offline and alerts:
        await try_sync(c)  # what the tick queued waits in the outbox if this fails
    rows = [desk.status(args.proc)] if args.proc else [o for _c, o in desk.procedures()]
    warn = [f"YOUR BREAK IS NOT CONFIRMED: sent at {both_zones(a.brk.at, venue)}, not yet "
            f"acknowledged by {', '.join(sorted(a.missing))}; raise it by other means"
            for a in alerts]
    data: dict[str, object] | list[dict[str, object]]
    marks = {o.put.proc_id: desk.procedure_marking(o.put.proc_id) for o in rows}
    names = desk.labels()
    if args.proc:
        data = {**rows[0].to_json(), "marking": marks[rows[0].put.proc_id],
                "alerts": [a.to_json() for a in alerts]}
    else:
        data = [{**o.to_json(), "marking": marks[o.put.proc_id]} for o in rows]
    emit(args, data, warn + [ln for o in rows
                             for ln in _outcome_lines(o, venue, marks[o.put.proc_id], names)]
          or ["no text under silence"])
    return 0


async def _silence_export(args: argparse.Namespace, c: Client, desk: Desk) -> int:
    data = desk.export_outcome(args.proc)
    write_file(args.out, data)
    rec = verify_record(data, c.engine.trust.root_der)
    assert rec.outcome is not None
    names = desk.labels()
    emit(args, {"out": args.out, "bytes": len(data), "state": str(rec.outcome.state)},
          [f"outcome ({rec.outcome.summary(lambda w: names.get(w, w))}) written to "
           f"{args.out}; verify it with "
           f"corridor verify-decision {args.out}"])
    return 0


# -- drafting -------------------------------------------------------------------------------

async def _draft_new(args: argparse.Namespace, c: Client, desk: Desk) -> int:
    did = await desk.new_document(args.channel, args.title, _text(args), lock=args.lock,
                                  marking=args.marking)
    mark = desk.marking_of(did)
    emit(args, {**desk.document(did).to_json(desk.now()), "marking": mark},
         [f"[{mark}] document created ({did})"])
    return 0


async def _draft_edit(args: argparse.Namespace, c: Client, desk: Desk) -> int:
    n = await desk.edit(args.doc, _text(args), marking=args.marking)
    doc = desk.document(args.doc)
    mark = desk.marking_of(args.doc)
    emit(args, {**doc.to_json(desk.now()), "marking": mark},
         [f"[{mark}] version {n} sent; {doc.summary()}"])
    return 0


async def _draft_diff(args: argparse.Namespace, c: Client, desk: Desk) -> int:
    doc = desk.document(args.doc)
    try:
        a, b = doc.version(args.a), doc.version(args.b or doc.latest.version)
    except KeyError as exc:
        raise UsageError(f"no version {exc.args[0]}") from None
    text = drafting.diff(a, b)
    emit(args, {"from": a.version, "to": b.version, "diff": text},
          [text.rstrip("\n") or "no difference"])
    return 0


async def _draft_comment(args: argparse.Namespace, c: Client, desk: Desk) -> int:
    mid = await desk.comment(args.doc, args.paragraph - 1, args.text, args.version,
                             marking=args.marking)
    emit(args, {"message_id": mid}, [f"comment on paragraph {args.paragraph} sent"])
    return 0


async def _draft_sign_off(args: argparse.Namespace, c: Client, desk: Desk) -> int:
    await desk.sign_off(args.doc, args.version)
    doc = desk.document(args.doc)
    emit(args, doc.to_json(desk.now()), [f"signed off; {doc.summary()}"])
    return 0


async def _draft_lock(args: argparse.Namespace, c: Client, desk: Desk) -> int:
    await desk.lock(args.doc, for_ms=args.seconds * 1000, release=args.release)
    emit(args, {"released": args.release}, ["lock released" if args.release else "lock taken"])
    return 0


async def _draft_show(args: argparse.Namespace, c: Client, desk: Desk) -> int:
    now = desk.now()
    if args.doc:
        doc = desk.document(args.doc)
        mark = desk.marking_of(args.doc)
        names = desk.labels()
        lines = [f"[{mark}] {doc.summary()}", ""]
        for i, para in enumerate(drafting.paragraphs(doc.latest.text), 1):
            lines.append(f"{i}. {para}")
            lines += [f"   [{'observer ' if cm.member in desk.book.observers else ''}"
                      f"{names.get(cm.member, cm.member)}] {cm.text}"
                      for cm in doc.comments_on(doc.latest.version) if cm.paragraph == i - 1]
        emit(args, {**doc.to_json(now), "marking": mark}, lines)
        return 0
    docs = desk.documents()
    marks = {d.latest.doc_id: desk.marking_of(d.latest.doc_id) for _c, d in docs}
    emit(args, [{**d.to_json(now), "marking": marks[d.latest.doc_id]} for _c, d in docs],
          [f"{d.latest.doc_id.hex()[:12]}  [{marks[d.latest.doc_id]}] "
           f"{d.versions[0].title}: {d.summary()}" for _c, d in docs] or ["no documents"])
    return 0


async def _draft_export(args: argparse.Namespace, c: Client, desk: Desk) -> int:
    stem = Path(args.out)
    files = desk.export_files(args.doc, stem.name)
    for name, data in files.items():
        write_file(stem.parent / name, data)
    doc = desk.document(args.doc)
    attached = []
    if args.attach:  # the regular attachment path: its encryption and hash checks
        channel = desk.find_doc(args.doc)[1]
        for name in files:
            attached.append(await c.send_attachment(
                channel, stem.parent / name, caption=f"{doc.versions[0].title}: "
                f"{doc.summary()}"))
    emit(args, {"files": [str(stem.parent / n) for n in files], "summary": doc.summary(),
                 "attachments": attached},
          [f"{doc.summary()}: " + ", ".join(str(stem.parent / n) for n in files),
           f"verify with corridor verify-decision {stem}.corridor --file {stem}.pdf"]
          + ([f"sent to the document's channel as {len(attached)} attachments"]
             if attached else []))
    return 0


# -- verify-decision --------------------------------------------------------------------------

def _verify(args: argparse.Namespace) -> int:
    root = venue_root(args)
    try:
        rec = verify_record(read_file(args.record), root, read_crls(args.crl or []))
        for f in args.file or []:
            verify_file(rec, Path(f).name, read_file(f))
    except ExportError as exc:
        emit(args, {"verified": False, "reason": str(exc)}, [f"NOT VERIFIED: {exc}"])
        return 1
    what = rec.outcome.summary() if rec.outcome else rec.document.summary() \
        if rec.document else ""
    emit(args, {"verified": True, **rec.to_json()},
          [f"verified: {rec.kind} record exported by {rec.exporter}: {what}"]
          + [f"  {Path(f).name} matches the record" for f in args.file or []])
    return 0


def register(subparsers: Subparsers) -> None:
    """Add ``silence``, ``draft`` and ``verify-decision`` to ``corridor``."""
    from client._cli import duration_arg

    def cmd(sub: Subparsers, name: str, help_: str, func: OnlineCommand,
            offline: bool = False, marked: bool = False) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=help_, description=help_)
        if marked:
            p.add_argument("--marking", default=None, metavar="LEVEL[//CAVEAT]",
                           help="classification marking from the venue's scheme (corridor "
                           "markings), at most the channel's ceiling (default: the lowest)")
        p.add_argument("--json", action="store_true", default=argparse.SUPPRESS,
                       help="print JSON (errors too)")
        p.add_argument("--home", default=argparse.SUPPRESS, help="the device's home directory")
        p.add_argument("--relay", default=argparse.SUPPRESS, help="relay URL")
        p.add_argument("--venue-tz", default=None, metavar="ZONE",
                       help="the venue's time zone (default CORRIDOR_VENUE_TZ, else UTC)")
        if offline:
            p.add_argument("--offline", action="store_true", help="do not sync first")
        p.set_defaults(func=_online(func))
        return p

    def text_opts(p: argparse.ArgumentParser) -> None:
        p.add_argument("--text", default=None, help="the text")
        p.add_argument("--file", default=None, help="read the text from a file")

    sil = subparsers.add_parser("silence", help="the silence procedure: a text adopted unless "
                                "a mission breaks silence by the deadline")
    ssub = sil.add_subparsers(dest="silence_command", metavar="COMMAND", required=True)
    p = cmd(ssub, "put", "put a text under silence (the chair, or a named convener)",
            _silence_put, marked=True)
    p.add_argument("channel")
    p.add_argument("title")
    text_opts(p)
    p.add_argument("--for", dest="seconds", type=duration_arg(60, 90 * 86400), required=True,
                   metavar="DURATION", help="the silence period (1m to 90d)")
    p = cmd(ssub, "break", "break silence, with a reason", _silence_break, marked=True)
    p.add_argument("proc", help="procedure id (or unique prefix of 6+ hex characters)")
    p.add_argument("reason")
    p = cmd(ssub, "withdraw", "withdraw your break before the deadline", _silence_withdraw)
    p.add_argument("proc")
    p = cmd(ssub, "revise", "revise the text (the clock restarts)", _silence_revise,
            marked=True)
    p.add_argument("proc")
    text_opts(p)
    p = cmd(ssub, "status", "where each procedure stands (acknowledges breaks and signs "
            "closing statements first)", _silence_status, offline=True)
    p.add_argument("proc", nargs="?", default=None)
    p = cmd(ssub, "export", "export the signed outcome (verifiable offline)", _silence_export,
            offline=True)
    p.add_argument("proc")
    p.add_argument("--out", required=True)

    dr = subparsers.add_parser("draft", help="joint drafting with per-mission sign-off")
    dsub = dr.add_subparsers(dest="draft_command", metavar="COMMAND", required=True)
    p = cmd(dsub, "new", "a new document in a caucus or multilateral channel", _draft_new,
            marked=True)
    p.add_argument("channel")
    p.add_argument("title")
    text_opts(p)
    p.add_argument("--lock", action="store_true", help="editors must take the lock first")
    p = cmd(dsub, "edit", "a new version (clears every sign-off)", _draft_edit,
            marked=True)
    p.add_argument("doc", help="document id (or unique prefix)")
    text_opts(p)
    p = cmd(dsub, "diff", "what changed between two versions", _draft_diff, offline=True)
    p.add_argument("doc")
    p.add_argument("a", type=int)
    p.add_argument("b", type=int, nargs="?", default=None, help="default: the latest")
    p = cmd(dsub, "comment", "comment on a paragraph", _draft_comment, marked=True)
    p.add_argument("doc")
    p.add_argument("paragraph", type=int, help="1 for the first paragraph")
    p.add_argument("text")
    p.add_argument("--version", type=int, default=None, help="default: the latest")
    p = cmd(dsub, "sign-off", "sign off on the latest version for your mission",
            _draft_sign_off)
    p.add_argument("doc")
    p.add_argument("--version", type=int, default=None,
                   help="refuse unless this is the latest version")
    p = cmd(dsub, "lock", "take (or release) the editing lock", _draft_lock)
    p.add_argument("doc")
    p.add_argument("--for", dest="seconds", type=duration_arg(60, 86400), default=1800,
                   metavar="DURATION", help="how long the lock holds (1m to 24h; default 30m)")
    p.add_argument("--release", action="store_true")
    p = cmd(dsub, "show", "documents, or one with its comments", _draft_show, offline=True)
    p.add_argument("doc", nargs="?", default=None)
    p = cmd(dsub, "export", "the agreed text as PDF and .docx with its signed record",
            _draft_export, offline=True)
    p.add_argument("doc")
    p.add_argument("--out", required=True, help="file stem: STEM.pdf, STEM.docx, "
                   "STEM.corridor")
    p.add_argument("--attach", action="store_true",
                   help="also send the three files to the document's channel as attachments")

    p = subparsers.add_parser(
        "verify-decision", help="verify an exported decision record offline",
        description="verify a silence outcome or an agreed text offline against the venue "
        "root; --file checks a PDF or .docx against the record; exit 1 if any byte changed")
    p.add_argument("--json", action="store_true", default=argparse.SUPPRESS,
                   help="print JSON (errors too)")
    p.add_argument("record")
    p.add_argument("--file", action="append", default=None, help="a rendered file to check")
    p.add_argument("--root", default=None,
                   help="the venue root certificate (PEM or DER; default: the home's)")
    p.add_argument("--home", default=argparse.SUPPRESS, help="a device home (for its root)")
    p.add_argument("--crl", action="append", default=None, help="a venue CRL (repeatable)")
    p.set_defaults(func=_verify)
