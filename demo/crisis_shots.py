# SPDX-License-Identifier: Apache-2.0
"""Screenshots of the crisis desk on a real demo venue, into docs/screenshots/ (run under
Xvfb like demo.screenshots, or offscreen): a flash call ringing on the called side,
the caller's view once acknowledged, a request for explanation past its deadline, and a
meeting call's attendance tally. Everything is real: relay on 127.0.0.1, MLS,
certificates, signed records."""

from __future__ import annotations

import os
import sys
import tempfile
import time
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QPoint, QRect
from PySide6.QtGui import QPainter, QPixmap
from PySide6.QtWidgets import QApplication, QWidget

from client.crisis.desk import Desk
from client.crisis.records import AttendanceAnswer, Priority
from demo.live import LiveDemo, demo_kdf
from ui.alarm import CrisisController
from ui.app import make_app
from ui.bridge import Bridge
from ui.session import open_session
from ui.views.crisis import CallDialog, CrisisWindow

if TYPE_CHECKING:
    from collections.abc import Callable

    from client.crisis.alarm import Ring
    from ui.session import Session


def _spin(app: QApplication, seconds: float,
          until: Callable[[], bool] | None = None) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        app.processEvents()
        if until is not None and until():
            return
        time.sleep(0.01)


def _save(w: QWidget, path: Path) -> None:
    w.grab().save(str(path), "PNG", 9)
    print(f"{path} ({path.stat().st_size // 1024} KiB)")


class _Quiet:
    """The screenshots ring silently (a notifier that only counts)."""

    def notify(self, ring: Ring, replaces: int) -> int:
        return replaces or 1

    def withdraw(self, notification_id: int) -> None:
        del notification_id


#: a venue calendar of regular meetings, as the venue hands it out (``corridor meeting
#: calendar`` and the desk's Calendar tab read it); times relative to the first Monday
#: after the shot is taken
CALENDAR = [
    {"uid": "pc", "title": "Permanent Council", "at": (0, 10), "duration_min": 180,
     "place": "Neuer Saal", "agenda": "1. Adoption of the agenda; 2. Current issues; "
     "3. Reports of the heads of field operations"},
    {"uid": "fsc", "title": "Forum for Security Co-operation", "at": (2, 10),
     "duration_min": 120, "place": "Ratsaal", "agenda": "Security dialogue: "
     "confidence- and security-building measures"},
    {"uid": "ctte", "title": "Security Committee", "at": (3, 15), "duration_min": 90,
     "place": "Room 531", "agenda": "Border management; mine action", "interval": 2},
]


def calendar_shot(app: QApplication, w: CrisisWindow, out_dir: Path) -> None:
    """The Calendar tab with :data:`CALENDAR` loaded."""
    import json
    from datetime import UTC, datetime, timedelta

    today = datetime.now(UTC).replace(hour=0, minute=0, second=0, microsecond=0)
    monday = today + timedelta(days=(7 - today.weekday()) % 7 or 7)
    items = [{k: v for k, v in m.items() if k != "at"} | {
        "starts_at": int((monday + timedelta(days=m["at"][0], hours=m["at"][1])  # type: ignore[index]
                          ).timestamp() * 1000)} for m in CALENDAR]
    path = Path(tempfile.mkdtemp(prefix="corridor-calendar-")) / "calendar.json"
    path.write_text(json.dumps(items), encoding="utf-8")
    w.calendar.load(path, keep=False)
    w.tabs.setCurrentWidget(w.calendar)
    _spin(app, 1)
    _save(w, out_dir / "crisis-calendar.png")


def call_dialog_shot(app: QApplication, w: CrisisWindow, out_dir: Path) -> None:
    """The hotline-call dialog with its marking choice open: the levels the chosen
    channel's ceiling allows. The open list is a window of its own, so the dialog and the
    list are grabbed separately and painted together where they stand on the screen."""
    assert w.view is not None
    d = CallDialog(w.view.bilateral, w, w.view.levels)
    d.priority.setCurrentIndex(1)
    d.subject.setText("Convoy movement near crossing point 4")
    d.body.setPlainText("Please confirm the route and timing of the convoy announced "
                        "for tonight.")
    d.resize(560, 380)
    d.show()
    _spin(app, 1)
    d.marking.showPopup()
    popup = d.marking.view().window()
    _spin(app, 5, popup.isVisible)
    _spin(app, 1)
    origin = d.frameGeometry().topLeft()
    inner = d.geometry().topLeft() - origin
    where = popup.geometry().topLeft() - origin
    area = QRect(QPoint(0, 0), d.geometry().size()).translated(inner).united(
        QRect(where, popup.size()))
    image = QPixmap(area.size())
    image.fill(d.palette().window().color())
    painter = QPainter(image)
    painter.drawPixmap(inner - area.topLeft(), d.grab())
    painter.drawPixmap(where - area.topLeft(), popup.grab())
    painter.end()
    path = out_dir / "crisis-call-marking.png"
    image.save(str(path), "PNG", 9)
    print(f"{path} ({path.stat().st_size // 1024} KiB)")
    d.marking.hidePopup()
    d.reject()


def main(out: str = "docs/screenshots") -> int:
    out_dir = Path(out)
    out_dir.mkdir(parents=True, exist_ok=True)
    app = make_app()
    bridge = Bridge()
    demo = LiveDemo(Path(tempfile.mkdtemp(prefix="corridor-crisis-shots-")), missions=3,
                    delegates=1, reply_chance=0.0, emergency=False)
    info = demo.provision()
    homes = info.layout["homes"]
    missions = list(info.layout["missions"])

    def start(mission: str) -> Session:
        name = next(n for n in homes if homes[n]["mission"] == mission)

        async def go() -> Session:
            s = open_session(info.home(name), demo.relay_url(), passphrase=info.passphrase,
                             kdf=demo_kdf())
            await s.start()
            return s
        return bridge.run_sync(go)

    caller_s, called_s, third_s = start(missions[0]), start(missions[2]), start(missions[1])
    windows, controllers = {}, {}
    for key, s in (("caller", caller_s), ("called", called_s)):
        w = CrisisWindow()
        w.resize(1100, 560)
        ctl = CrisisController(bridge, s.client, w, notifier=_Quiet(), tick_ms=500)
        ctl.start()
        w.show()
        windows[key], controllers[key] = w, ctl
    _spin(app, 10, lambda: all(c.view is not None for c in controllers.values()))
    def make_desk(session: Session) -> Desk:
        return Desk(session.client)

    desk: dict[str, Desk] = {
        k: bridge.run_sync(partial(make_desk, s))
        for k, s in (("caller", caller_s), ("called", called_s), ("third", third_s))}
    view = bridge.run_sync(desk["caller"].view)
    hotline = next(c for c, _n, other in view.bilateral if other == missions[2])
    wg = next(c for c, n in view.channels if n.startswith("Working group"))

    async def sync_all() -> None:
        for s in (caller_s, called_s, third_s):
            await s.client.sync()

    bridge.run_sync(lambda: desk["caller"].call(
        hotline, "Armed incident at crossing point 4", "Request immediate contact with "
        "your duty officer.", priority=Priority.FLASH, marking="RESTRICTED"))
    bridge.run_sync(sync_all)
    _spin(app, 10, lambda: windows["called"].banner.isVisible())
    _spin(app, 1)
    _save(windows["called"], out_dir / "crisis-hotline-ringing.png")

    w = windows["called"]
    w.banner_ack.click()
    _spin(app, 10, lambda: w.banner.isHidden())
    bridge.run_sync(sync_all)
    _spin(app, 2)
    windows["caller"].calls.selectRow(0)
    _spin(app, 1)
    _save(windows["caller"], out_dir / "crisis-hotline-acknowledged.png")
    call_dialog_shot(app, windows["caller"], out_dir)

    bridge.run_sync(lambda: desk["caller"].request_explanation(
        wg, to_mission=missions[2], what="Unannounced concentration of armoured units",
        where="Sector 4, 20 km from the border", when="night of 4 to 5 December",
        reference="Chapter III, para. 16", deadline_ms=60_000, notify=[missions[1]]))
    bridge.run_sync(sync_all)
    _spin(app, 62)  # past its (short, demo) deadline: overdue on every side
    w = windows["called"]
    w.tabs.setCurrentIndex(1)
    _spin(app, 2)
    _save(w, out_dir / "crisis-explanation-overdue.png")

    meeting = bridge.run_sync(lambda: caller_s.client.emergency_call(
        wg, meeting_at=int(time.time() * 1000) + 2 * 3_600_000, place="Neuer Saal",
        agenda="The incident at crossing point 4"))
    bridge.run_sync(sync_all)
    bridge.run_sync(lambda: desk["caller"].attend(wg, meeting, AttendanceAnswer.IN_PERSON))
    bridge.run_sync(lambda: desk["called"].attend(wg, meeting, AttendanceAnswer.REMOTE))
    bridge.run_sync(lambda: desk["called"].propose_meeting(
        hotline, meeting_at=int(time.time() * 1000) + 26 * 3_600_000, place="Café Landtmann",
        agenda="Follow-up on crossing point 4"))
    bridge.run_sync(lambda: desk["called"].set_available(
        [missions[0]], int(time.time() * 1000) + 3_600_000, "in the delegates' lounge"))
    bridge.run_sync(sync_all)
    w = windows["caller"]
    w.tabs.setCurrentIndex(2)
    _spin(app, 3)
    w.meetings.selectRow(0)
    _save(w, out_dir / "crisis-meeting-attendance.png")
    calendar_shot(app, w, out_dir)

    for ctl in controllers.values():
        ctl.stop()
    for s in (caller_s, called_s, third_s):
        bridge.run_sync(s.close)
    sys.stdout.flush()
    os._exit(0)


if __name__ == "__main__":
    raise SystemExit(main(*sys.argv[1:2]))
