# SPDX-License-Identifier: Apache-2.0
"""``corridor`` commands for the crisis workflows: ``hotline``, ``duty``, ``explain``,
``meeting`` and ``verify-log``.

Every command takes ``--json``. ``verify-log``, ``duty sign`` and ``meeting calendar``
work offline on files: a third party verifies a hotline log with nothing but the file
and the venue root certificate; a mission admin signs the duty roster with the mission
key (the roster's JSON form: ``mission``, ``revision``, ``deputy``, ``head``,
``disclose_on_duty``, ``shifts`` of ``starts_at``/``ends_at`` (ISO 8601 or ms),
``on_duty`` and an optional ``deputy``); the venue's calendar (a JSON list of regular
meetings) becomes an iCalendar file.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path
from typing import Any

import msgspec

from client.crisis import hotline, meetings
from client.crisis.hotline_log import LogError, render_html, verify_log
from client.crisis.records import RecordError
from client.errors import NotFoundError, UsageError

__all__ = ["register"]


def _emit(args: argparse.Namespace, data: Any, lines: list[str]) -> None:
    if getattr(args, "json", False):
        print(json.dumps(data))
    else:
        for line in lines:
            print(line)


def _read(path: str | Path) -> bytes:
    try:
        return Path(path).read_bytes()
    except FileNotFoundError:
        raise NotFoundError(f"no such file: {path}") from None


def _write(path: str | Path, data: bytes) -> None:
    Path(path).write_bytes(data)


def _certs(path: str | Path) -> list[bytes]:
    from cryptography import x509
    from cryptography.hazmat.primitives import serialization

    data = _read(path)
    try:
        found = (x509.load_pem_x509_certificates(data) if b"-----BEGIN" in data
                 else [x509.load_der_x509_certificate(data)])
    except ValueError:
        raise UsageError(f"{path} holds no readable certificate") from None
    return [c.public_bytes(serialization.Encoding.DER) for c in found]


def _crls(paths: list[str]) -> list[bytes]:
    from cryptography import x509
    from cryptography.hazmat.primitives import serialization

    out = []
    for p in paths:
        data = _read(p)
        try:
            crl = (x509.load_pem_x509_crl(data) if b"-----BEGIN" in data
                   else x509.load_der_x509_crl(data))
        except ValueError:
            raise UsageError(f"{p} holds no readable CRL") from None
        out.append(crl.public_bytes(serialization.Encoding.DER))
    return out


def _root_of(args: argparse.Namespace) -> bytes:
    if args.root:
        found = _certs(args.root)
    else:
        from client.paths import resolve_home

        home = resolve_home(getattr(args, "home", None), create=False)
        found = _certs(home.root / "root.pem")
    if len(found) != 1:
        raise UsageError("the venue root file must hold exactly one certificate")
    return found[0]


def _ms(value: object) -> int:
    if isinstance(value, int):
        return value
    from client.cli import _when

    return _when(str(value))


# -- verify-log ------------------------------------------------------------------------------

def _verify_log(args: argparse.Namespace) -> int:
    root = _root_of(args)
    try:
        log = verify_log(_read(args.file), root, _crls(args.crl or []))
    except LogError as exc:
        _emit(args, {"verified": False, "reason": str(exc)},
              [f"NOT VERIFIED: {exc}"])
        return 1
    if args.html:
        _write(args.html, render_html(log).encode())
    _emit(args, {"verified": True, **log.to_json()},
          [f"verified: {len(log.calls)} call(s), exported by {log.exporter}"]
          + [f"  {c.priority.upper()} {c.caller} -> {c.to_mission}: {c.subject} "
             f"[{log.ladders[c.call_id].to_json()['state']}]" for c in log.calls])
    return 0


# -- duty sign ---------------------------------------------------------------------------------

def _duty_sign(args: argparse.Namespace) -> int:
    from crypto.certs.keyfile import open_key

    try:
        spec = json.loads(_read(args.roster))
        spec["shifts"] = [{**s, "starts_at": _ms(s["starts_at"]), "ends_at": _ms(s["ends_at"])}
                          for s in spec.get("shifts", [])]
        spec.setdefault("issued_at", _ms("+0s"))
        roster = msgspec.convert(spec, hotline.DutyRoster)
    except (ValueError, KeyError, TypeError, msgspec.ValidationError) as exc:
        raise UsageError(f"{args.roster} is not a duty roster: {exc}") from None
    passphrase = os.environ.get("CORRIDOR_PASSPHRASE")
    if passphrase is None:
        import getpass

        passphrase = getpass.getpass("mission key passphrase: ")
    seed = open_key(_read(args.key), passphrase, label="corridor-mission").secret
    try:
        signed = hotline.sign_roster(seed, roster)
    except RecordError as exc:
        raise UsageError(str(exc)) from None
    _write(args.out, signed)
    _emit(args, {"mission": roster.mission, "revision": roster.revision, "out": args.out},
          [f"duty roster of {roster.mission}, revision {roster.revision}, signed: {args.out}"])
    return 0


# -- meeting calendar ---------------------------------------------------------------------------

def _calendar(args: argparse.Namespace) -> int:
    try:
        raw = json.loads(_read(args.file))
        items = [{**m, "starts_at": _ms(m["starts_at"])} for m in raw]
        regular = msgspec.convert(items, list[meetings.RegularMeeting])
    except (ValueError, KeyError, TypeError, msgspec.ValidationError) as exc:
        raise UsageError(f"{args.file} is not a list of meetings: {exc}") from None
    data = meetings.calendar_ics(regular, venue=args.venue, stamp_ms=_ms("+0s"))
    if args.out == "-":
        sys.stdout.write(data.decode())
    else:
        _write(args.out, data)
    _emit(args, {"meetings": len(regular), "out": args.out},
          [f"{len(regular)} meeting(s) written to {args.out}"] if args.out != "-" else [])
    return 0


def register(subparsers: Any) -> None:
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
    p.set_defaults(func=_verify_log)

    duty = subparsers.add_parser("duty", help="the mission's hotline duty roster")
    dsub = duty.add_subparsers(dest="duty_command", metavar="COMMAND", required=True)
    p = opts(dsub.add_parser("sign", help="sign a duty roster with the mission key (admin)"))
    p.add_argument("roster", help="the roster as JSON")
    p.add_argument("--key", required=True, help="the mission key file")
    p.add_argument("--out", required=True, help="where to write the signed roster")
    p.set_defaults(func=_duty_sign)

    meeting = subparsers.add_parser("meeting", help="emergency and regular meetings")
    msub = meeting.add_subparsers(dest="meeting_command", metavar="COMMAND", required=True)
    p = opts(msub.add_parser("calendar", help="the venue's regular meetings as iCalendar"))
    p.add_argument("file", help="a JSON list of meetings (uid, title, starts_at, "
                   "duration_min, frequency, interval, count, place, agenda)")
    p.add_argument("--out", required=True, help="the .ics file to write ('-': stdout)")
    p.add_argument("--venue", default="Corridor venue", help="the calendar's name")
    p.set_defaults(func=_calendar)
    # the online commands (hotline, duty show|publish, explain, meeting call|attend|tally)
    # are added by :func:`register_online` once a client core is at hand
    register_online(subparsers, duty_sub=dsub, meeting_sub=msub)


def register_online(subparsers: Any, *, duty_sub: Any, meeting_sub: Any) -> None:
    """The commands that need a device home and the relay."""
    del subparsers, duty_sub, meeting_sub
