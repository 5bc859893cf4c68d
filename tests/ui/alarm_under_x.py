# SPDX-License-Identifier: Apache-2.0
"""Run by test_alarm_xvfb in a subprocess on an X server (Xvfb): the app's notifier rings
a flash call through the real session bus, the window's attention request and the tray,
repeats it, and withdraws it once acknowledged. Prints what it did as JSON."""

from __future__ import annotations

import json
import secrets
import sys

from PySide6.QtWidgets import QApplication, QWidget

from client.crisis import hotline as hl
from client.crisis.alarm import Alarm, DesktopNotifier
from client.crisis.book import CallView
from client.crisis.records import LadderStep, Priority, Rung
from ui.alarm import AppNotifier


def main() -> int:
    app = QApplication(sys.argv[:1])
    window = QWidget()
    window.setWindowTitle("Corridor")
    window.show()
    app.processEvents()
    t0 = 1_796_000_000_000
    call = hl.new_call(call_id=secrets.token_bytes(16), caller="alderia/ana",
                       to_mission="borduria", priority=Priority.FLASH,
                       subject="Shots fired at crossing point 4", sent_at=t0)

    def view(steps: list[LadderStep], now: int) -> CallView:
        lad = hl.ladder(call, steps)
        return CallView(b"c" * 16, call, lad, hl.escalation(call, None, lad, now))

    notifier = AppNotifier(window, desktop=DesktopNotifier())
    alarm = Alarm()
    rung = []
    for dt in (0, 10, 30, 45, 60):  # seconds after the call, no one acknowledging
        now = t0 + dt * 1000
        rung += [r.count for r in alarm.run(notifier, [view([], now)], now / 1000)]
        app.processEvents()
    ack = LadderStep(call_id=call.call_id, rung=Rung.ACKNOWLEDGED, member="borduria/ben",
                     at=t0 + 61_000)
    acked = view([ack], t0 + 62_000)
    after = alarm.run(notifier, [acked] if acked.escalation.ringing else [], t0 / 1000 + 62)
    later = alarm.run(notifier, [], t0 / 1000 + 200)
    print(json.dumps({"platform": app.platformName(), "rings": rung,
                      "after_ack": len(after) + len(later),
                      "shown": notifier.desktop is not None}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
