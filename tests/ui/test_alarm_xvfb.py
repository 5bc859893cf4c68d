# SPDX-License-Identifier: Apache-2.0
"""The alarm under Xvfb: the app's notifier, on a real X server and a private session
bus, sends a critical notification (seen by a fake notification server), repeats it
every 30 s of a flash call until someone acknowledges, then withdraws it."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from tests.client.crisis.fake_notifications import notification_server, session_bus

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.skipif(
    shutil.which("Xvfb") is None or shutil.which("dbus-daemon") is None,
    reason="needs Xvfb and dbus-daemon")


@contextmanager
def xvfb() -> Iterator[str]:
    display = 150
    while Path(f"/tmp/.X11-unix/X{display}").exists() or Path(f"/tmp/.X{display}-lock").exists():
        display += 1
    proc = subprocess.Popen(["Xvfb", f":{display}", "-screen", "0", "1024x768x24",
                             "-nolisten", "tcp"], stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    try:
        for _ in range(100):
            if Path(f"/tmp/.X11-unix/X{display}").exists():
                break
            time.sleep(0.05)
        yield f":{display}"
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def test_critical_notification_repeats_until_acknowledged_under_xvfb() -> None:
    with xvfb() as display, session_bus(), notification_server() as seen:
        env = {**os.environ, "DISPLAY": display, "QT_QPA_PLATFORM": "xcb",
               "PYTHONPATH": str(ROOT)}
        out = subprocess.run([sys.executable, "-m", "tests.ui.alarm_under_x"], cwd=ROOT,
                             env=env, capture_output=True, text=True, timeout=120,
                             check=False)
        assert out.returncode == 0, out.stderr
        report = json.loads(out.stdout.strip().splitlines()[-1])
        assert report["platform"] == "xcb" and report["shown"] is True
        assert report["rings"] == [1, 2, 3]  # at 0 s, 30 s and 60 s; not at 10 s or 45 s
        assert report["after_ack"] == 0
        with seen.lock:
            notes = list(seen.notify)
            closed = list(seen.closed)
        assert len(notes) == 3
        for _app, _replaces, _icon, title, _body, actions, hints, expire in notes:
            assert hints["urgency"] == ("y", 2) and expire == 0
            assert "FLASH hotline call" in title and "acknowledge" in actions
        # the repeats replace the first notification, which is withdrawn once acknowledged
        assert [n[1] for n in notes] == [0, 1, 1] and closed == [1]
