# SPDX-License-Identifier: Apache-2.0
"""``corridor export`` and ``corridor verify-export``: a channel's history as one signed,
readable HTML file (:mod:`client.history_export`), and its offline check.

Registered with the other client commands by :func:`client.cli.register`.
"""

from __future__ import annotations

import argparse
import re
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from client.errors import NotFoundError, UsageError

__all__ = ["register_archive"]


def _safe_name(name: str) -> str:
    return re.sub(r"[^A-Za-z0-9._-]+", "-", name).strip("-")[:60] or "channel"


async def _export(args: argparse.Namespace) -> int:
    from client.cli import _emit, _open, _sync_or_offline
    from client.history_export import export_from

    async with _open(args) as c:
        await _sync_or_offline(c, args)
        page, name, count = export_from(c, args.channel, int(time.time() * 1000))
    out = Path(args.output or f"{_safe_name(name)}-history.html")
    if out.exists() and not args.force:
        raise UsageError(f"{out} exists: choose another file with -o, or add --force")
    out.write_text(page, encoding="utf-8")
    _emit(args, {"file": str(out), "name": name, "messages": count},
          [f"exported {count} message(s) of {name!r} to {out} (signed by this device; "
           "check it with corridor verify-export)"])
    return 0


def _verify_export(args: argparse.Namespace) -> int:
    from client.cli import _emit
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
    except (ExportError, UnicodeDecodeError) as exc:
        raise UsageError(f"the export does not verify: {exc}") from None
    when = time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime(x.exported_at / 1000))
    _emit(args, {"verified": True, **x.to_json()},
          [f"verified: {len(x.messages)} message(s) of {x.channel_name!r}, exported by "
           f"{x.exporter} at {when}"])
    return 0


def register_archive(cmd: Callable[..., argparse.ArgumentParser],
                     run: Callable[[Any], Callable[[argparse.Namespace], int]]) -> None:
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
