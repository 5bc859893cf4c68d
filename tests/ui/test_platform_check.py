# SPDX-License-Identifier: Apache-2.0
"""The check before Qt starts: missing xcb libraries are named with the command that
installs them, instead of Qt's abort (which names the wrong package)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from ui import platform_check
from ui.cli import main


def test_the_report_names_each_missing_library_and_one_apt_command() -> None:
    text = platform_check.report(["libxcb-icccm.so.4", "libxcb-keysyms.so.1",
                                  "libxcb-cursor.so.0", "libxcb-xinerama.so.0"], apt=True)
    assert "libxcb-icccm.so.4" in text and "libxcb-keysyms.so.1" in text
    commands = [line.strip() for line in text.splitlines() if "apt-get install" in line]
    assert len(commands) == 1
    assert commands[0].endswith("apt-get install libxcb-cursor0 libxcb-icccm4 "
                                "libxcb-keysyms1 libxcb-xinerama0")
    assert "Could not load" not in text and "xcb-cursor0 or" not in text
    other = platform_check.report(["libxcb-icccm.so.4", "libodd.so.9"], apt=False)
    assert "apt-get" not in other and "libxcb-icccm4" in other and "libodd.so.9" in other


def test_only_an_x11_start_on_linux_is_checked() -> None:
    assert platform_check.needs_xcb({"DISPLAY": ":0"}, "linux")
    assert platform_check.needs_xcb({"QT_QPA_PLATFORM": "xcb"}, "linux")
    assert not platform_check.needs_xcb({"DISPLAY": ":0", "QT_QPA_PLATFORM": "offscreen"},
                                        "linux")
    assert not platform_check.needs_xcb({"DISPLAY": ":0"}, "darwin")
    assert not platform_check.needs_xcb({"WAYLAND_DISPLAY": "wayland-0", "DISPLAY": ":0",
                                         "XDG_SESSION_TYPE": "wayland"}, "linux")


@pytest.fixture
def plugin_missing_a_library(tmp_path: Path) -> Path:
    """A shared object linked to a library that is then removed: ldd says "not found"."""
    cc = shutil.which("cc") or shutil.which("gcc")
    if cc is None or shutil.which("ldd") is None:
        pytest.skip("needs a C compiler and ldd to build a plugin with a missing library")
    (tmp_path / "dep.c").write_text("int corridor_dep(void) { return 1; }\n")
    (tmp_path / "plugin.c").write_text("int corridor_dep(void);\n"
                                       "int plugin(void) { return corridor_dep(); }\n")
    dep = tmp_path / "libcorridor-absent.so.1"
    subprocess.run([cc, "-shared", "-fPIC", "-Wl,-soname,libcorridor-absent.so.1", "-o",
                    str(dep), str(tmp_path / "dep.c")], check=True)
    plugin = tmp_path / "libqxcb.so"
    subprocess.run([cc, "-shared", "-fPIC", "-o", str(plugin), str(tmp_path / "plugin.c"),
                    str(dep)], check=True)
    dep.unlink()
    return plugin


def test_the_app_reports_a_missing_library_before_qt_starts(
        plugin_missing_a_library: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    assert platform_check.missing_libraries(plugin_missing_a_library) == [
        "libcorridor-absent.so.1"]
    monkeypatch.setattr(platform_check, "xcb_plugin", lambda: plugin_missing_a_library)
    monkeypatch.setenv("QT_QPA_PLATFORM", "xcb")
    assert main(["--home", "/nonexistent/corridor-home"]) == 1
    err = capsys.readouterr().err
    assert "libcorridor-absent.so.1" in err and "Traceback" not in err
    assert not Path("/nonexistent/corridor-home").exists()


def test_nothing_is_said_when_every_library_is_there(tmp_path: Path) -> None:
    ldd = shutil.which("ldd")
    if ldd is None:
        pytest.skip("needs ldd")
    libc = subprocess.run([ldd, "/bin/sh"], capture_output=True, text=True).stdout
    assert "not found" not in libc
    assert platform_check.missing_libraries(Path("/bin/sh")) == []


def test_no_display_at_all_is_said_before_qt_starts() -> None:
    text = platform_check.preflight({}, None) if platform_check.sys.platform.startswith(
        "linux") else "no display"
    assert text is not None and "no display" in text and "xvfb-run" in text
    assert platform_check.preflight({"QT_QPA_PLATFORM": "offscreen"}) is None
    assert not platform_check.no_display({"DISPLAY": ":0"}, "linux")
    assert not platform_check.no_display({}, "darwin")
