# SPDX-License-Identifier: Apache-2.0
"""Start Corridor with the desktop session (an XDG autostart entry), so a hotline call
can ring on a device whose owner has not opened the app since logging in.

Off until the user turns it on: starting a messenger at every login is the user's
choice to make, and a shared or borrowed machine must not start ringing by itself. The
app offers it where it matters (Settings, and the crisis desk when a device is on duty).
The entry starts the app minimised to the tray (``corridor --minimized``).
"""

from __future__ import annotations

import argparse
import json
import os
import shlex
import shutil
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from client._cli import Subparsers

__all__ = ["ENTRY_NAME", "disable", "enable", "enabled", "entry_path", "entry_text",
           "register", "supported"]

ENTRY_NAME = "corridor.desktop"


def entry_path(env: Mapping[str, str] | None = None) -> Path:
    """``$XDG_CONFIG_HOME/autostart/corridor.desktop`` (``~/.config`` when unset or not
    absolute, as the XDG base directory specification says)."""
    env = os.environ if env is None else env
    base = env.get("XDG_CONFIG_HOME", "")
    root = Path(base) if base and os.path.isabs(base) else Path.home() / ".config"
    return root / "autostart" / ENTRY_NAME


def start_command() -> list[str]:
    """The command the entry runs: the installed ``corridor`` if on PATH, else this
    Python running the app's module."""
    exe = shutil.which("corridor")
    base = [exe] if exe else [sys.executable, "-m", "demo.cli"]
    return [*base, "--minimized"]


def entry_text(command: list[str] | None = None) -> str:
    """The desktop entry (freedesktop Desktop Entry 1.5)."""
    cmd = " ".join(shlex.quote(a) for a in (command or start_command()))
    return ("[Desktop Entry]\nType=Application\nName=Corridor\n"
            "Comment=Secure messaging; stays in the tray so hotline calls can ring\n"
            f"Exec={cmd}\nIcon=corridor\nTerminal=false\nX-GNOME-Autostart-enabled=true\n")


def supported() -> bool:
    """Whether the desktop reads XDG autostart entries (Linux and the BSDs)."""
    return sys.platform.startswith(("linux", "freebsd", "openbsd", "netbsd"))


def enabled(env: Mapping[str, str] | None = None) -> bool:
    return entry_path(env).is_file()


def enable(env: Mapping[str, str] | None = None, command: list[str] | None = None) -> Path:
    """Write the entry (atomically: a session starting meanwhile reads a whole file)."""
    path = entry_path(env)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    tmp.write_text(entry_text(command), encoding="utf-8")
    tmp.replace(path)
    return path


def disable(env: Mapping[str, str] | None = None) -> Path:
    path = entry_path(env)
    path.unlink(missing_ok=True)
    return path


def _run(args: argparse.Namespace) -> int:
    if args.state == "on":
        path = enable()
    elif args.state == "off":
        path = disable()
    else:
        path = entry_path()
    on = path.is_file()
    if getattr(args, "json", False):
        print(json.dumps({"autostart": on, "path": str(path)}))
    else:
        print(f"start with the session: {'on' if on else 'off'} ({path})")
    return 0


def register(subparsers: Subparsers) -> None:
    p = subparsers.add_parser(
        "autostart", help="start Corridor minimised to the tray when you log in",
        description="start Corridor (minimised to the tray) with the desktop session, so "
        "hotline calls ring; writes or removes an XDG autostart entry")
    p.add_argument("state", choices=["on", "off", "status"])
    p.add_argument("--json", action="store_true", default=argparse.SUPPRESS,
                   help="print JSON (errors too)")
    p.add_argument("--home", default=argparse.SUPPRESS, help="not needed")
    p.set_defaults(func=_run)
