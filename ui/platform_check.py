# SPDX-License-Identifier: Apache-2.0
"""Before Qt starts on Linux: does its xcb platform plugin find its system libraries?

PySide6's wheels bring Qt but not the X11 client libraries the xcb plugin links to. On a
fresh desktop install some are missing (commonly libxcb-icccm4, libxcb-keysyms1,
libxcb-cursor0, libxcb-xinerama0), and Qt then aborts with "Could not load the Qt
platform plugin "xcb"" and a hint that names the wrong package. This module asks the
dynamic linker (``ldd``) which of the plugin's libraries are missing, and turns the
answer into the one install command. It imports no Qt, so it runs before Qt can abort.
"""

from __future__ import annotations

import importlib.util
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Mapping
from pathlib import Path

__all__ = ["DEBIAN_PACKAGES", "missing_libraries", "needs_xcb", "no_display", "preflight",
           "report", "xcb_plugin"]

#: The Debian/Ubuntu package that provides each library Qt's xcb plugin loads.
DEBIAN_PACKAGES: dict[str, str] = {
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-xinerama.so.0": "libxcb-xinerama0",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-render.so.0": "libxcb-render0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-shm.so.0": "libxcb-shm0",
    "libxcb-sync.so.1": "libxcb-sync1",
    "libxcb-util.so.1": "libxcb-util1",
    "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxcb-xinput.so.0": "libxcb-xinput0",
    "libxcb.so.1": "libxcb1",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libX11.so.6": "libx11-6",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libEGL.so.1": "libegl1",
    "libGL.so.1": "libgl1",
    "libOpenGL.so.0": "libopengl0",
    "libfontconfig.so.1": "libfontconfig1",
    "libfreetype.so.6": "libfreetype6",
    "libdbus-1.so.3": "libdbus-1-3",
    "libglib-2.0.so.0": "libglib2.0-0",
    "libgthread-2.0.so.0": "libglib2.0-0",
}

_NOT_FOUND = re.compile(r"^\s*(\S+)\s+=>\s+not found\s*$")


def xcb_plugin() -> Path | None:
    """Where PySide6's xcb platform plugin is (found without importing Qt)."""
    spec = importlib.util.find_spec("PySide6")
    if spec is None or not spec.submodule_search_locations:
        return None
    for base in spec.submodule_search_locations:
        plugin = Path(base) / "Qt" / "plugins" / "platforms" / "libqxcb.so"
        if plugin.exists():
            return plugin
    return None


def needs_xcb(env: Mapping[str, str] | None = None, platform: str = sys.platform) -> bool:
    """Whether Qt will pick its xcb plugin here (Linux, X11, no other platform asked for)."""
    environ = os.environ if env is None else env
    if not platform.startswith("linux"):
        return False
    asked = environ.get("QT_QPA_PLATFORM", "")
    if asked:
        return asked.split(":", 1)[0].split(";", 1)[0] == "xcb"
    if environ.get("WAYLAND_DISPLAY") and environ.get("XDG_SESSION_TYPE") == "wayland":
        return False
    return bool(environ.get("DISPLAY"))


def missing_libraries(plugin: Path, ldd: str | None = None) -> list[str]:
    """The libraries the dynamic linker cannot find for ``plugin``, each once, in order.

    Empty when everything resolves, and when ``ldd`` is not available (nothing to say).
    """
    tool = ldd or shutil.which("ldd")
    if tool is None:
        return []
    try:
        # ldd on Qt's own plugin file; no shell, no user input in the arguments
        out = subprocess.run([tool, str(plugin)], capture_output=True,  # noqa: S603
                             text=True, timeout=30, check=False).stdout
    except (OSError, subprocess.SubprocessError):
        return []
    missing: list[str] = []
    for line in out.splitlines():
        m = _NOT_FOUND.match(line)
        if m and m.group(1) not in missing:
            missing.append(m.group(1))
    return missing


def report(missing: list[str], *, apt: bool) -> str:
    """What to tell the user: which libraries are missing and the command that installs them."""
    sudo = "sudo " if hasattr(os, "geteuid") and os.geteuid() != 0 else ""
    packages = sorted({DEBIAN_PACKAGES[lib] for lib in missing if lib in DEBIAN_PACKAGES})
    unknown = [lib for lib in missing if lib not in DEBIAN_PACKAGES]
    lines = ["Corridor cannot open its window: Qt's X11 (xcb) platform plugin needs system "
             "libraries this computer lacks:", *(f"  {lib}" for lib in missing)]
    if packages and apt:
        lines += ["Install them with this one command, then start Corridor again:",
                  f"  {sudo}apt-get install " + " ".join(packages)]
    elif packages:
        lines += ["Install the packages that provide them (on Debian and Ubuntu: "
                  + " ".join(packages) + "), then start Corridor again."]
    if unknown:
        lines.append("Install the packages that provide: " + ", ".join(unknown) + ".")
    return "\n".join(lines)


def no_display(env: Mapping[str, str] | None = None, platform: str = sys.platform) -> bool:
    """Linux with no display at all and no platform asked for: Qt could only abort."""
    environ = os.environ if env is None else env
    return (platform.startswith("linux") and not environ.get("QT_QPA_PLATFORM")
            and not environ.get("DISPLAY") and not environ.get("WAYLAND_DISPLAY"))


def preflight(env: Mapping[str, str] | None = None, plugin: Path | None = None) -> str | None:
    """The message to print instead of starting Qt, or None when Qt can start."""
    if no_display(env):
        return ("Corridor cannot open its window: there is no display (neither DISPLAY nor "
                "WAYLAND_DISPLAY is set). Start it from a desktop session, or on a "
                "headless machine under a virtual display: xvfb-run bash tools/run.sh --demo")
    if not needs_xcb(env):
        return None
    plugin = plugin or xcb_plugin()
    if plugin is None:
        return None
    missing = missing_libraries(plugin)
    if not missing:
        return None
    return report(missing, apt=shutil.which("apt-get") is not None)
