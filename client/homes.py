# SPDX-License-Identifier: Apache-2.0
"""The homes this user has opened: one per venue a delegate is accredited to.

A delegate accredited to two forums holds two homes (each its own certificates, keys and
store). The desktop app lists them in its venue switcher and ``corridor homes`` prints
them. The list is the app's, not any home's: ``homes.json`` beside the app's settings
(the directory of ``CORRIDOR_UI_CONFIG`` when set, else the platform's per-user
configuration directory). It holds paths and what a home's pinned root says about its
venue, never a secret; each entry is read again from the home's ``root.pem``, so a list
edited by hand cannot rename a venue.
"""

from __future__ import annotations

import argparse
import json
import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import platformdirs

from client.errors import UsageError
from client.paths import atomic_write

if TYPE_CHECKING:
    from client._cli import Subparsers

__all__ = ["KnownHome", "forget", "homes_path", "known_homes", "register", "remember",
           "venue_of"]

UI_CONFIG_ENV = "CORRIDOR_UI_CONFIG"
HOMES_FILE = "homes.json"


@dataclass(frozen=True, slots=True)
class KnownHome:
    """One home in the list, with its venue as the home's pinned root names it."""

    path: Path
    #: the venue root's name ("" when the home has no root yet: an unfinished enrolment)
    venue: str
    #: the root's SHA-256 fingerprint, grouped hex ("" without a root)
    fingerprint: str

    @property
    def short(self) -> str:
        """The fingerprint's first two groups: enough to tell two venues of one name apart
        at a glance (the whole one is in Help > About)."""
        return " ".join(self.fingerprint.split()[:2])

    @property
    def enrolled(self) -> bool:
        return (self.path / "chain.pem").exists()

    def to_json(self) -> dict[str, object]:
        return {"home": str(self.path), "venue": self.venue, "fingerprint": self.fingerprint,
                "short": self.short, "enrolled": self.enrolled}


def homes_path(env: Mapping[str, str] | None = None) -> Path:
    """Where the list lives: beside the app's settings file."""
    environ = os.environ if env is None else env
    ui_config = environ.get(UI_CONFIG_ENV)
    if ui_config:
        return Path(ui_config).expanduser().absolute().parent / HOMES_FILE
    return platformdirs.user_config_path("corridor", appauthor=False) / HOMES_FILE


def venue_of(home: Path) -> tuple[str, str]:
    """(venue name, fingerprint) from the home's pinned ``root.pem``; ("", "") without one.

    Raises:
        UsageError: the file is there but is not a certificate.
    """
    root = Path(home) / "root.pem"
    if not root.exists():
        return "", ""
    from cryptography import x509
    from cryptography.hazmat.primitives.serialization import Encoding
    from cryptography.x509.oid import NameOID

    from crypto import certs

    try:
        cert = x509.load_pem_x509_certificate(root.read_bytes())
    except ValueError:
        raise UsageError(f"{root} is not a certificate") from None
    names = cert.subject.get_attributes_for_oid(NameOID.COMMON_NAME)
    name = str(names[0].value) if names else ""
    return name, certs.fingerprint_hex(cert.public_bytes(Encoding.DER))


def _read_paths(path: Path) -> list[Path]:
    if not path.exists():
        return []
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        entries = data["homes"] if isinstance(data, dict) else []
        return [Path(str(e)) for e in entries if isinstance(e, str) and e]
    except (ValueError, KeyError, TypeError, OSError):
        return []  # a damaged list is rebuilt as homes are opened again


def _write_paths(path: Path, homes: list[Path]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    atomic_write(path, json.dumps({"homes": [str(h) for h in homes]}, indent=1).encode())


def known_homes(env: Mapping[str, str] | None = None) -> list[KnownHome]:
    """The list in the order the homes were first opened; homes whose directory is gone
    are left out (not forgotten: a removable drive may come back)."""
    out: list[KnownHome] = []
    for p in _read_paths(homes_path(env)):
        if not p.is_dir():
            continue
        try:
            venue, fp = venue_of(p)
        except UsageError:
            venue, fp = "", ""
        out.append(KnownHome(p, venue, fp))
    return out


def _norm(home: Path) -> Path:
    return Path(home).expanduser().absolute()


def remember(home: Path, env: Mapping[str, str] | None = None) -> KnownHome:
    """Add a home to the list (once); returns its entry."""
    home = _norm(home)
    path = homes_path(env)
    paths = _read_paths(path)
    if home not in paths:
        _write_paths(path, [*paths, home])
    venue, fp = venue_of(home)
    return KnownHome(home, venue, fp)


def forget(home: Path, env: Mapping[str, str] | None = None) -> bool:
    """Take a home off the list (the home itself is untouched); whether it was on it."""
    home = _norm(home)
    path = homes_path(env)
    paths = _read_paths(path)
    if home not in paths:
        return False
    _write_paths(path, [p for p in paths if p != home])
    return True


def _run(args: argparse.Namespace) -> int:
    if getattr(args, "forget", None) and not forget(Path(args.forget)):
        from client.errors import NotFoundError

        raise NotFoundError(f"{args.forget} is not in the list of known homes "
                            "(corridor homes lists them)")
    homes = known_homes()
    if getattr(args, "json", False):
        print(json.dumps({"homes": [h.to_json() for h in homes],
                          "list": str(homes_path())}))
        return 0
    if not homes:
        print(f"no known homes yet (the app adds each home it opens; list: {homes_path()})")
        return 0
    for h in homes:
        venue = f"{h.venue} [{h.short}]" if h.venue else "(not enrolled yet)"
        print(f"{venue}  {h.path}")
    return 0


def register(subparsers: Subparsers) -> None:
    """``corridor homes``: the homes the app knows, one per venue."""
    help_ = "list the homes (one per venue) the desktop app knows"
    p = subparsers.add_parser("homes", help=help_, description=help_ + "; use one with "
                              "--home DIR in any other command")
    p.add_argument("--json", action="store_true", default=argparse.SUPPRESS,
                   help="print JSON (errors too)")
    p.add_argument("--home", default=argparse.SUPPRESS, help="not needed")
    p.add_argument("--forget", default=None, metavar="DIR",
                   help="take this home off the list (its files are left as they are)")
    p.set_defaults(func=_run)
