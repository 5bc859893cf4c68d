# SPDX-License-Identifier: Apache-2.0
"""What every ``corridor`` command group shares: opening the device's home, syncing or
falling back to what the device holds, printing text or JSON, and reading times,
numbers, certificates and CRLs from the command line.

One module, so the core, crisis, decisions, notices and archive commands behave alike
(the same offline note, the same error words) without importing each other's private
helpers.
"""

from __future__ import annotations

import argparse
import contextlib
import getpass
import json
import sys
import time
from collections.abc import Awaitable, Callable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from client._cli import parse_duration
from client.errors import NotFoundError, UsageError
from client.keystore import PassphraseRequest

if TYPE_CHECKING:
    from client.core import Client

__all__ = ["deliver_and_report", "emit", "number_arg", "open_client", "parse_when",
           "read_certs", "read_crls", "read_file", "sync_or_offline", "try_sync",
           "venue_root", "write_file"]


def _prompt(request: PassphraseRequest) -> str:
    return getpass.getpass("Corridor passphrase: ")


def open_client(args: argparse.Namespace) -> Client:
    """The client core on ``--home``; never creates a missing home (a read-only command
    must not leave an empty device directory behind)."""
    from client.core import Client
    from client.paths import resolve_home

    home = resolve_home(getattr(args, "home", None), create=False)
    if not home.root.is_dir():
        raise NotFoundError(f"no device home at {home.root} (enrol this device first: "
                            "corridor device init, then corridor device import)")
    c = Client.open(home.root, getattr(args, "relay", None),
                    prompt=_prompt if sys.stdin.isatty() else None)
    args.relay_in_use = c.relay_url  # named in a "cannot reach the relay" error
    return c


async def sync_or_offline(c: Client, args: argparse.Namespace) -> bool:
    """Sync for a reading command; True when the relay could not be reached (the
    command then shows what the device holds, and says so)."""
    from client.transport import RelayUnavailable

    if getattr(args, "offline", False):
        return True
    try:
        await c.sync()
    except RelayUnavailable:
        note = (f"offline: the relay at {c.relay_url} cannot be reached; showing what this "
                "device holds")
        print(json.dumps({"note": "offline", "message": note})
              if getattr(args, "json", False) else note, file=sys.stderr)
        return True
    return False


async def try_sync(c: Client) -> str:
    """Sync; "" when it went through, else why not: ``unreachable`` (no connection) or
    ``busy`` (the relay answered 5xx, 408, 409, 425 or 429). A permanent refusal (a
    revoked device, say) is raised: it is no passing fault."""
    from client.transport import RelayRefused, RelayUnavailable

    try:
        await c.sync()
    except RelayUnavailable:
        return "unreachable"
    except RelayRefused as exc:
        if not exc.temporary:
            raise
        return "busy"
    return ""


#: ``args`` attribute under which :func:`emit` holds a command's output while
#: :func:`deliver_and_report` finds out whether what it wrote reached the relay
_HELD = "held_output"


async def deliver_and_report(c: Client, args: argparse.Namespace,
                             action: Callable[[], Awaitable[int]], *,
                             sync_after: bool = False) -> int:
    """Run a desk command's ``action`` and say whether what it wrote reached the relay.

    What a command writes is stored and queued in the device's outbox before anything
    is sent; the relay may then be out of reach or busy (a trailing sync failing).
    Reported as a failure, a delegate would send it again, and the venue would see it
    twice; so, as ``corridor send`` does, the command succeeds (exit 0) and says it is
    ``queued``: its JSON object gets ``"delivery": "queued"`` (``"sent"`` when it went)
    and ``"queued"`` (how many items wait), a JSON list a ``{"note": "queued"}`` line on
    stderr, the text a last line. ``delivery`` rather than ``status``: the desks'
    records have a ``status`` of their own (an exercise notice's, say).

    ``sync_after``: sync once more after the action (what the notices commands do);
    skipped with ``--offline``."""
    from client.events import Event, MessageSent

    before = {it.item_id for it in c.store.list_outbox(limit=10_000)}
    sent: list[Event] = []
    unsubscribe = c.subscribe(lambda e: sent.append(e) if isinstance(e, MessageSent) else None)
    held: list[tuple[object, list[str]]] = []
    setattr(args, _HELD, held)
    why = ""
    try:
        rc = await action()
        if sync_after and not getattr(args, "offline", False):
            # a sync that went through leaves items only when the relay refused them
            # for now (busy): named so if anything still waits
            why = await try_sync(c) or "busy"
    finally:
        delattr(args, _HELD)
        unsubscribe()
        _report(c, args, held, before, bool(sent), why)
    return rc


def _report(c: Client, args: argparse.Namespace, held: list[tuple[object, list[str]]],
            before: set[bytes], sent: bool, why: str) -> None:
    """Print the held output with the delivery (see :func:`deliver_and_report`)."""
    waiting = any(it.item_id not in before for it in c.store.list_outbox(limit=10_000))
    delivery = "queued" if waiting else "sent" if sent else ""
    json_out = getattr(args, "json", False)
    note = ""
    if waiting:
        cause = {"unreachable": "the relay cannot be reached",
                 "busy": "the relay is busy"}.get(why, "the relay has not taken it yet")
        note = (f"queued: {cause}; it is stored on this device and goes, once, at the next "
                "`corridor sync` or command that reaches the relay (do not send it again)")
    pending = c.pending_sends()
    for data, lines in held:
        if json_out and delivery and isinstance(data, dict):
            data = {**data, "delivery": delivery, "queued": pending}
        elif json_out and note:
            print(json.dumps({"note": "queued", "delivery": "queued", "queued": pending,
                              "message": note}), file=sys.stderr)
        emit(args, data, lines + ([note] if note else []))


def emit(args: argparse.Namespace, data: object, lines: list[str]) -> None:
    """``data`` as one JSON document with ``--json``, else the human ``lines`` (held
    instead while :func:`deliver_and_report` runs the command)."""
    held = getattr(args, _HELD, None)
    if held is not None:
        held.append((data, lines))
        return
    if getattr(args, "json", False):
        print(json.dumps(data))
    else:
        for line in lines:
            print(line)


#: The latest time a command accepts (the end of year 9999), in ms since the epoch.
_LATEST_MS = 253_402_300_799_999


def parse_when(text: str, *, future: bool = False) -> int:
    """Milliseconds since the epoch: an ISO 8601 time (local time if no zone), ``+30m`` /
    ``in 2h`` from now, ``-1h`` / ``1h ago`` before now (an incident that has happened),
    or a number of ms. ``future``: refuse a time more than a minute past (a meeting
    convened for yesterday is a typo, as the app's dialog says)."""
    t = text.strip()
    when: int | None = None
    if t.isdigit():
        when = int(t)
    low = t.lower()
    sign, rel = 1, None
    if t.startswith("+") or low.startswith("in "):
        rel = t[1:] if t.startswith("+") else t[3:]
    elif t.startswith("-") or low.endswith(" ago"):
        sign, rel = -1, (t[1:] if t.startswith("-") else t[:-4])
    if when is None and rel is not None:
        with contextlib.suppress(ValueError):
            when = int(time.time() * 1000) + sign * parse_duration(rel) * 1000
    if when is None:
        try:
            dt = datetime.fromisoformat(t)
            if dt.tzinfo is None:
                dt = dt.astimezone()  # the user's local time zone
            when = int(dt.timestamp() * 1000)
        except (ValueError, OverflowError, OSError):
            raise UsageError(f"{text!r} is not a time: write 2026-05-04T15:30 (local time, "
                             "or add +02:00), +30m for 30 minutes from now, or '1h ago'") \
                from None
    if not 0 <= when <= _LATEST_MS:
        raise UsageError(f"{text!r} is out of range: a time from 1970 to the year 9999")
    if future and when < time.time() * 1000 - 60_000:
        raise UsageError(f"{text!r} is in the past: give a time to come (e.g. +30m)")
    return when


def number_arg(lo: int, hi: int) -> Callable[[str], int]:
    """An argparse type for a whole number in ``lo..hi``, with the range in the error."""
    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
        if not lo <= value <= hi:
            raise argparse.ArgumentTypeError(f"{value} is out of range ({lo} to {hi})")
        return value
    return parse


def read_file(path: str | Path) -> bytes:
    try:
        return Path(path).read_bytes()
    except FileNotFoundError:
        raise NotFoundError(f"no such file: {path}") from None


def write_file(path: str | Path, data: bytes) -> None:
    Path(path).write_bytes(data)


def read_certs(path: str | Path) -> list[bytes]:
    """DER of every certificate in a PEM bundle or one DER file."""
    from cryptography import x509
    from cryptography.hazmat.primitives import serialization

    data = read_file(path)
    try:
        found = (x509.load_pem_x509_certificates(data) if b"-----BEGIN" in data
                 else [x509.load_der_x509_certificate(data)])
    except ValueError:
        raise UsageError(f"{path} holds no readable certificate") from None
    return [c.public_bytes(serialization.Encoding.DER) for c in found]


def read_crls(paths: list[str]) -> list[bytes]:
    """DER of each CRL file (PEM or DER)."""
    from cryptography import x509
    from cryptography.hazmat.primitives import serialization

    out = []
    for p in paths:
        data = read_file(p)
        try:
            crl = (x509.load_pem_x509_crl(data) if b"-----BEGIN" in data
                   else x509.load_der_x509_crl(data))
        except ValueError:
            raise UsageError(f"{p} holds no readable CRL") from None
        out.append(crl.public_bytes(serialization.Encoding.DER))
    return out


def venue_root(args: argparse.Namespace) -> bytes:
    """The venue root an offline verifier checks against: ``--root FILE``, else the one
    in the device's home."""
    if args.root:
        found = read_certs(args.root)
    else:
        from client.paths import resolve_home

        home = resolve_home(getattr(args, "home", None), create=False)
        found = read_certs(home.root / "root.pem")
    if len(found) != 1:
        raise UsageError("the venue root file must hold exactly one certificate")
    return found[0]
