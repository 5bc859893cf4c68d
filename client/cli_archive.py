# SPDX-License-Identifier: Apache-2.0
"""``corridor export`` and ``corridor verify-export``: a channel's history as one signed,
readable HTML file (:mod:`client.history_export`), and its offline check;
``corridor backup`` and ``corridor restore``: every channel's history, sealed under a
passphrase, restored as a verified archive on a newly enrolled device
(:mod:`client.backup`); ``corridor mute`` / ``unmute`` (:mod:`client.mute`).

Registered with the other client commands by :func:`client.cli.register`.
"""

from __future__ import annotations

import argparse
import re
import time
from collections.abc import Callable, Coroutine
from pathlib import Path

from client.cli_common import emit, open_client, sync_or_offline
from client.errors import NotFoundError, UsageError

__all__ = ["register_archive"]


def _safe_name(name: str) -> str:
    return re.sub(r"[^A-Za-z0-9._-]+", "-", name).strip("-")[:60] or "channel"


async def _export(args: argparse.Namespace) -> int:
    from client.history_export import export_from

    async with open_client(args) as c:
        await sync_or_offline(c, args)
        page, name, count = export_from(c, args.channel, int(time.time() * 1000))
    out = Path(args.output or f"{_safe_name(name)}-history.html")
    if out.exists() and not args.force:
        raise UsageError(f"{out} exists: choose another file with -o, or add --force")
    out.write_text(page, encoding="utf-8")
    emit(args, {"file": str(out), "name": name, "messages": count},
          [f"exported {count} message(s) of {name!r} to {out} (signed by this device; "
           "check it with corridor verify-export)"])
    return 0


def _verify_export(args: argparse.Namespace) -> int:
    from client.history_export import ExportError, verify_export
    from client.paths import resolve_home
    from crypto import certs

    if args.root:
        root_pem = Path(args.root).read_bytes()
    else:
        home = resolve_home(getattr(args, "home", None), create=False)
        if not (home.root / "root.pem").is_file():
            raise NotFoundError("no venue root: give it with --root root.pem (or --home)")
        root_pem = (home.root / "root.pem").read_bytes()
    root = certs.der_of(root_pem, "certificate")
    crls = [certs.der_of(Path(p).read_bytes(), "crl") for p in args.crl or []]
    try:
        x = verify_export(Path(args.file).read_text(encoding="utf-8"), root, crls)
    except UnicodeDecodeError:
        raise UsageError("the export does not verify: the file is not a Corridor export "
                         "(not text)") from None
    except ExportError as exc:
        raise UsageError(f"the export does not verify: {exc}") from None
    when = time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime(x.exported_at / 1000))
    if args.pdf:
        from client.history_export import render_pdf

        Path(args.pdf).write_bytes(render_pdf(x))
    emit(args, {"verified": True, **x.to_json()},
          [f"verified: {len(x.messages)} message(s) of {x.channel_name!r}, exported by "
           f"{x.exporter_label} at {when}"])
    return 0


BACKUP_PASSPHRASE_ENV = "CORRIDOR_BACKUP_PASSPHRASE"  # noqa: S105 (a variable name)
RESTORE_NOTE = ("A backup holds every channel's history, not the device's key or its MLS "
                "state: a restored device is a new device. Enrol it first (corridor device "
                "init, then import), remove the lost one (corridor device remove), and your "
                "mission's devices add it to your channels; it reads new messages from "
                "then on, and the history from before is in HOME/archive as readable, "
                "verified pages.")


def _backup_passphrase(args: argparse.Namespace, confirm: bool) -> str:
    import getpass
    import os
    import sys

    env = os.environ.get(BACKUP_PASSPHRASE_ENV)
    if env:
        return env
    if getattr(args, "json", False) or not sys.stdin.isatty():
        raise UsageError(f"the backup passphrase: set {BACKUP_PASSPHRASE_ENV} (no terminal "
                         "to ask on)")
    first = getpass.getpass("Backup passphrase: ")
    if confirm and getpass.getpass("Again: ") != first:
        raise UsageError("the two passphrases differ")
    if not first:
        raise UsageError("a backup needs a passphrase")
    return first


def _strength() -> tuple[int, int]:
    from client.keystore import KdfLimits, kdf_from_env
    from crypto.certs.keyfile import STRENGTHS

    k = kdf_from_env(KdfLimits(*STRENGTHS["moderate"]))
    return k.opslimit, k.memlimit


async def _backup(args: argparse.Namespace) -> int:
    from client.backup import back_up

    out = Path(args.file)
    if out.exists() and not args.force:
        raise UsageError(f"{out} exists: choose another file, or add --force")
    passphrase = _backup_passphrase(args, confirm=True)
    async with open_client(args) as c:
        await sync_or_offline(c, args)
        data, count = back_up(c, passphrase, int(time.time() * 1000), _strength())
    out.write_bytes(data)
    out.chmod(0o600)
    emit(args, {"file": str(out), "channels": count},
          [f"backed up the history of {count} channel(s) to {out}", RESTORE_NOTE])
    return 0


def _restore(args: argparse.Namespace) -> int:
    from client.backup import restore_into
    from client.paths import resolve_home

    home = resolve_home(getattr(args, "home", None), create=False)
    if not (home.root / "root.pem").is_file():
        raise NotFoundError(f"no enrolled device home at {home.root}: enrol this device "
                            "first (corridor device init, then corridor device import), "
                            "then restore into it")
    data = Path(args.file).read_bytes()
    device, who, done = restore_into(home.root, data, _backup_passphrase(args, confirm=False))
    emit(args, {"from_device": device, "identity": who, "archive": str(home.root / "archive"),
                 "channels": [{"name": r.channel_name, "messages": r.messages,
                               "file": str(r.file)} for r in done]},
          [f"restored the history of {len(done)} channel(s) backed up by {who} "
           f"(device {device[:16]}) into {home.root / 'archive'}:",
           *[f"  {r.channel_name}: {r.messages} message(s), {r.file.name}" for r in done],
           RESTORE_NOTE])
    return 0


async def _mute(args: argparse.Namespace) -> int:

    on = bool(args.mute_on)
    async with open_client(args) as c:
        cid = c.resolve_channel(args.channel)
        name = next(ch.name for ch in c.channels() if ch.channel_id == cid.hex())
        changed = c.set_muted(cid, on)
    word = "muted" if on else "unmuted"
    emit(args, {"channel_id": cid.hex(), "name": name, "muted": on, "changed": changed},
          [f"{name!r} {'is now' if changed else 'was already'} {word}"
           + (": no notification for its messages, except emergency meetings and "
              "messages asking for an acknowledgement; hotline calls always ring" if on
              else "")])
    return 0


def register_archive(cmd: Callable[..., argparse.ArgumentParser],
                     run: Callable[[Callable[[argparse.Namespace], Coroutine[object, object, int]]],
                                   Callable[[argparse.Namespace], int]]) -> None:
    """Add ``export`` and ``verify-export`` (``cmd`` and ``run`` are client.cli's)."""
    p = cmd("export", "export a channel's history as a signed, readable HTML file",
            run(_export))
    p.add_argument("channel", help="channel id (or unique prefix) or exact name")
    p.add_argument("-o", "--output", help="the file (default: NAME-history.html here)")
    p.add_argument("--force", action="store_true", help="overwrite the file")
    p.add_argument("--offline", action="store_true", help="do not sync first")
    p = cmd("verify-export", "check an exported channel history offline: the exporter's "
            "certificate and signature, and that the readable text is what was signed",
            _verify_export)
    p.add_argument("file")
    p.add_argument("--root", help="the venue root certificate (PEM; default: the home's)")
    p.add_argument("--crl", action="append", help="a CRL to apply (repeatable)")
    p.add_argument("--pdf", metavar="OUT", help="also write the verified history as a PDF "
                   "for printing (its marking on every page)")
    p = cmd("mute", "mute a channel's notifications on this device (emergency meetings, "
            "acknowledgement requests and hotline calls still notify)", run(_mute))
    p.add_argument("channel", help="channel id (or unique prefix) or exact name")
    p.set_defaults(mute_on=True)
    p = cmd("unmute", "notify again for a muted channel's messages", run(_mute))
    p.add_argument("channel", help="channel id (or unique prefix) or exact name")
    p.set_defaults(mute_on=False)
    p = cmd("backup", "back up every channel's history, sealed under a passphrase "
            f"(asked, or {BACKUP_PASSPHRASE_ENV}); not the device key nor MLS state",
            run(_backup))
    p.description = ("Back up the history of every channel this device holds into FILE, "
                     "encrypted under a passphrase (Argon2id). " + RESTORE_NOTE)
    p.add_argument("file")
    p.add_argument("--force", action="store_true", help="overwrite the file")
    p.add_argument("--offline", action="store_true", help="do not sync first")
    p = cmd("restore", "restore a backup's history into this (newly enrolled) device's "
            "archive", _restore)
    p.description = ("Open a backup (its passphrase asked, or " + BACKUP_PASSPHRASE_ENV
                     + "), verify every channel's history against this home's venue root "
                     "and write it into HOME/archive. " + RESTORE_NOTE)
    p.add_argument("file")
