# SPDX-License-Identifier: Apache-2.0
"""What the enrolment commands (:mod:`client.pki`) share: the home's file names,
passphrase prompts, files written with safe modes and never clobbered, PEM/DER
parsing and the argument types; kept apart so the commands read as the workflow."""

from __future__ import annotations

import argparse
import getpass
import json
import os
import sys
from collections.abc import Mapping, Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import serialization

from client.keystore import (
    PassphraseRequest,
)
from client.paths import Home, resolve_home
from crypto import certs
from crypto.certs.keyfile import open_key
from crypto.certs.words import decode_words, format_hex, parse_hex
from crypto.errors import DecodeError

PASSPHRASE_ENV = "CORRIDOR_PASSPHRASE"  # noqa: S105 (a variable name, not a secret)
MISSION_LABEL, DEVICE_LABEL = "corridor-mission", "corridor-device"
MISSION_KEY, MISSION_REQUEST = "mission.key", "mission-request.pem"
DEVICE_KEY, DEVICE_REQUEST = "device.key", "device-request.pem"  # device.key: old homes only
ROOT, MISSION, DEVICE, CHAIN = "root.pem", "mission.pem", "device.pem", "chain.pem"
ISSUED = "issued"  # beside the mission key: a copy of every device certificate it signed
MISSION_CRL = "mission-crl.pem"
CRL_DAYS = 7


class CommandError(Exception):
    """A refusal reported as ``error: ...`` with exit status 1."""


# --------------------------------------------------------------------------- helpers


def _passphrase(prompt: str, *, confirm: bool) -> str:
    env = os.environ.get(PASSPHRASE_ENV)
    if env is not None:
        if not env:
            raise CommandError(f"{PASSPHRASE_ENV} is set but empty")
        return env
    first = getpass.getpass(prompt)
    if confirm:
        if len(first) < 8:
            raise CommandError("choose a passphrase of at least 8 characters")
        if getpass.getpass("repeat the passphrase: ") != first:
            raise CommandError("the passphrases differ")
    return first


def _write(path: Path, data: bytes, *, secret: bool = False, replace: bool = False) -> None:
    """Create a file (0600 for secrets); ``replace`` swaps atomically instead."""
    path.parent.mkdir(parents=True, exist_ok=True)
    if not replace:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600 if secret else 0o644)
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        return
    tmp = path.with_name(path.name + ".tmp")
    with open(tmp, "wb") as f:
        f.write(data)
        f.flush()
        os.fsync(f.fileno())
    os.replace(tmp, path)


def _new_file(path: Path, data: bytes) -> None:
    if path.exists():
        raise CommandError(f"{path} exists; refusing to overwrite")
    _write(path, data)


def _read(path: str | Path) -> bytes:
    try:
        return Path(path).read_bytes()
    except OSError as e:
        raise CommandError(f"cannot read {path}: {e.strerror}") from None


def _certs_in(data: bytes, what: str) -> list[bytes]:
    """Every certificate in a PEM file (in order), or the one DER certificate."""
    try:
        if b"-----BEGIN" in data:
            found = x509.load_pem_x509_certificates(data)
        else:
            found = [x509.load_der_x509_certificate(data)]
    except ValueError:
        raise CommandError(f"{what} holds no readable certificate") from None
    return [c.public_bytes(serialization.Encoding.DER) for c in found]


def _one_cert(path: str | Path) -> bytes:
    found = _certs_in(_read(path), str(path))
    if len(found) != 1:
        raise CommandError(f"{path} must hold exactly one certificate")
    return found[0]


def _der(data: bytes, kind: str, message: str) -> bytes:
    try:
        return certs.der_of(data, kind)
    except DecodeError:
        raise CommandError(message) from None


def _der_request(data: bytes) -> bytes:
    return _der(data, "request", "not a certificate request")


def _der_crl(data: bytes) -> bytes:
    return _der(data, "crl", "not a CRL")


def _emit(args: argparse.Namespace, data: Mapping[str, object], lines: Sequence[str]) -> None:
    if getattr(args, "json", False):
        print(json.dumps(data, indent=2, sort_keys=True))
    else:
        for line in lines:
            print(line)


def _serial_arg(text: str) -> int:
    try:
        value = int(text, 16) if text.lower().startswith("0x") else int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a serial number") from None
    if value <= 0:
        raise argparse.ArgumentTypeError("serial numbers are positive")
    if value.bit_length() > 159:  # RFC 5280: at most 20 octets, positive
        raise argparse.ArgumentTypeError(f"{text} is too large for a certificate serial "
                                         "number (at most 20 bytes)")
    return value


def _time_arg(text: str) -> datetime:
    try:
        t = datetime.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not an ISO 8601 time") from None
    return t if t.tzinfo is not None else t.replace(tzinfo=UTC)


def _now() -> datetime:
    return datetime.now(UTC).replace(microsecond=0)


def _fingerprint_arg(text: str) -> bytes:
    """Hex (any grouping) or the 32 fingerprint words."""
    try:
        fp = decode_words(text.split()) if any(c.isalpha() and c.lower() not in "abcdef"
                                               for c in text) else parse_hex(text)
    except DecodeError as e:
        raise CommandError(f"unreadable root fingerprint: {e}") from None
    if len(fp) != 32:
        raise CommandError("a root fingerprint is 32 bytes (64 hex digits or 32 words)")
    return fp


def _identity_lines(ident: certs.VerifiedIdentity) -> list[str]:
    lines = [
        f"mission:   {ident.mission_id} ({ident.mission_name})",
        f"delegate:  {ident.delegate_id} ({ident.display_name})",
        f"device key (Ed25519): {format_hex(ident.signature_key)}",
        f"device serial: {ident.device_serial}",
        f"valid until: {ident.not_after.isoformat()}",
        f"venue root: {format_hex(ident.root_fingerprint)}",
    ]
    lines += [f"role: {r.role}" + (f" of {r.channel}" if r.channel else "") +
              f" until {r.not_after.isoformat()}" for r in ident.roles]
    return lines


def _keystore_prompt(request: PassphraseRequest) -> str:
    """The keystore file's passphrase (asked only where no OS keyring is used)."""
    if request is PassphraseRequest.CREATE:
        print("No usable OS keyring: this device's secrets go into a passphrase-protected "
              "file.", file=sys.stderr)
        return _passphrase("new passphrase for this device's key file: ", confirm=True)
    return _passphrase("this device's key file passphrase: ", confirm=False)


def _open(path: Path, label: str, prompt: str) -> bytes:
    return open_key(_read(path), _passphrase(prompt, confirm=False), label=label).secret


def _update_crl(crl_path: Path, issuer: bytes, seed: bytes, serial: int) -> tuple[int, int, bool]:
    old = _der_crl(_read(crl_path)) if crl_path.exists() else None
    if old is not None:
        issuer_name = x509.load_der_x509_certificate(issuer).subject
        if x509.load_der_x509_crl(old).issuer != issuer_name:
            raise CommandError(f"{crl_path} is another issuer's CRL")
    entries = certs.crl_entries(old) if old else []
    number = (certs.crl_number(old) if old else 0) + 1
    now = _now()
    already = any(s == serial for s, _ in entries)
    if not already:
        entries.append((serial, now))
    crl = certs.make_crl(issuer, seed, revoked=entries, this_update=now,
                         next_update=now + timedelta(days=CRL_DAYS), number=number)
    _write(crl_path, certs.pem_of(crl, "crl"),
           replace=True)
    return number, len(entries), already


def _home_arg(p: argparse.ArgumentParser, *, mission: bool = False) -> None:
    # SUPPRESS: ``corridor --home H device show`` must keep the H given before the command
    p.add_argument("--home", default=argparse.SUPPRESS,
                   help="the mission admin's directory (mission.key, mission.pem)" if mission
                   else "the device's home (default: CORRIDOR_HOME or the platform data dir)")


def _existing_home(args: argparse.Namespace) -> Home:
    """The device's home, which a command that only uses it never creates."""
    home = resolve_home(getattr(args, "home", None), create=False)
    if not home.root.is_dir():
        raise CommandError(f"no device home at {home.root} (make one with: corridor device "
                           "init)")
    return home


def _mission_file(args: argparse.Namespace, attr: str, name: str) -> str:
    """An explicit option, else ``name`` in the ``--home`` directory."""
    value = getattr(args, attr, None)
    if value:
        return str(value)
    home = getattr(args, "home", None)
    if home:
        return str(Path(home) / name) if name else str(home)
    option = "--" + attr.replace("_", "-")
    raise CommandError(f"say which file: {option} PATH, or --home DIR of the mission admin")


def _hours_arg(text: str) -> float:
    """Hours: a number of hours (``24``) or a duration (``90m``, ``7d``)."""
    from client._cli import parse_duration

    try:
        hours = float(int(text)) if text.strip().isdigit() else parse_duration(text) / 3600
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None
    if not 0 < hours <= 365 * 24:
        raise argparse.ArgumentTypeError(f"{text} is out of range: up to 365 days")
    return hours


def _validity_arg(text: str) -> int:
    """Seconds: whole days (``90``) or a duration (``12w``, ``2160h``)."""
    from client._cli import parse_duration

    try:
        seconds = int(text) * 86400 if text.strip().isdigit() else parse_duration(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None
    if not 3600 <= seconds <= 3653 * 86400:
        raise argparse.ArgumentTypeError(f"{text} is out of range: from 1 hour to 10 years")
    return seconds
