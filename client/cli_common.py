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
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from client._cli import parse_duration
from client.errors import NotFoundError, UsageError
from client.keystore import PassphraseRequest

if TYPE_CHECKING:
    from client.core import Client

__all__ = ["emit", "number_arg", "open_client", "parse_when", "read_certs", "read_crls",
           "read_file", "sync_or_offline", "venue_root", "write_file"]


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


def emit(args: argparse.Namespace, data: object, lines: list[str]) -> None:
    """``data`` as one JSON document with ``--json``, else the human ``lines``."""
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
