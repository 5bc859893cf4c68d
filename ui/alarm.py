# SPDX-License-Identifier: Apache-2.0
"""The crisis desk's controller in the app: it keeps the :class:`ui.views.crisis.CrisisWindow`
current, carries the user's requests to the core, and rings.

Every few seconds (:data:`TICK_MS`) the core marks calls to this mission delivered and
computes which ring on this delegate's devices (:meth:`client.crisis.desk.Desk.tick`);
:class:`client.crisis.alarm.Alarm` decides what to show again. A ring is a critical
desktop notification on the session bus (freedesktop urgency *critical*, which
notification servers let through do-not-disturb where they allow it), the window's
attention request (``QApplication.alert``), the tray's message and a sound; it repeats
until someone of the mission acknowledges, on any device, and is then withdrawn.
"""

from __future__ import annotations

import dataclasses
import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication, QSystemTrayIcon, QWidget

from client.crisis.alarm import Alarm, Notifier, Ring
from client.crisis.desk import Desk, DeskView
from client.crisis.records import AttendanceAnswer, Priority
from ui.bridge import Bridge
from ui.views.crisis import CrisisWindow

if TYPE_CHECKING:
    from collections.abc import Awaitable, Callable

    from client.core import Client
    from client.crisis.book import CallView

__all__ = ["TICK_MS", "AppNotifier", "CrisisController"]

log = logging.getLogger("corridor.ui")
TICK_MS = 5000


class AppNotifier:
    """Rings in the app: desktop notification (critical), attention request, tray, sound."""

    def __init__(self, window: QWidget | None, tray: QSystemTrayIcon | None = None,
                 desktop: Notifier | None = None,
                 venue: Callable[[], str] | None = None) -> None:
        self.window = window
        self.tray = tray
        self.desktop = desktop
        #: the venue a ring is from, named in its title ("" when only one is open)
        self.venue = venue
        self.rung: list[Ring] = []

    def notify(self, ring: Ring, replaces: int) -> int:
        self.rung.append(ring)
        where = self.venue() if self.venue is not None else ""
        if where:
            ring = dataclasses.replace(ring, title=f"{where} — {ring.title}")
        nid = replaces or len(self.rung)
        if self.desktop is not None:
            try:
                nid = self.desktop.notify(ring, replaces)
            except Exception as exc:  # a broken session bus must never stop the ringing
                log.warning("desktop notification failed: %s", type(exc).__name__)
                self.desktop = None
        if self.window is not None:
            QApplication.alert(self.window, 0)  # until the window is activated
        if self.tray is not None:
            self.tray.showMessage(ring.title, ring.body,
                                  QSystemTrayIcon.MessageIcon.Critical, 0)
        QApplication.beep()
        return nid

    def withdraw(self, notification_id: int) -> None:
        if self.desktop is not None:
            try:
                self.desktop.withdraw(notification_id)
            except Exception as exc:
                log.warning("withdrawing a notification failed: %s", type(exc).__name__)


class CrisisController(QObject):
    """Drives a crisis window for one client through the bridge."""

    changed = Signal(object)  # the new DeskView
    reminded = Signal(str)  # a reminder due now (a request's deadline, a meeting's start)

    def __init__(self, bridge: Bridge, client: Client, window: CrisisWindow,
                 notifier: Notifier | None = None, tick_ms: int = TICK_MS) -> None:
        super().__init__(window)
        self.bridge = bridge
        self.client = client
        self.window = window
        self.desk: Desk | None = None
        self.alarm = Alarm()
        self.notifier = notifier or AppNotifier(window.window())
        self.view: DeskView | None = None
        window.calendar.use_home(Path(client.home.root))  # the calendar kept there
        self.timer = QTimer(self)
        self.timer.setInterval(tick_ms)
        self.timer.timeout.connect(self.refresh)
        window.callRequested.connect(self._call)
        window.ackRequested.connect(lambda cid: self._do(lambda d: d.acknowledge(cid)))
        window.answerRequested.connect(lambda cid, text, mark: self._do(
            lambda d: d.answer(cid, text, marking=mark)))
        window.explainRequested.connect(self._explain)
        window.replyRequested.connect(
            lambda rid, text, mark: self._do(
                lambda d: d.reply_explanation(rid.hex(), text, marking=mark)))
        window.meetingRequested.connect(
            lambda rid: self._do(lambda d: d.request_meeting(rid.hex())))
        window.proposalAnswered.connect(
            lambda pid, ok: self._do(lambda d: d.answer_proposal(pid.hex(), ok)))
        window.attendRequested.connect(
            lambda ch, mid, answer, by: self._do(
                lambda d: d.attend(ch, mid, AttendanceAnswer(answer), by)))

    def start(self) -> None:
        self.refresh()
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()

    def refresh(self) -> None:
        async def tick() -> tuple[DeskView, list[CallView], list[str]]:
            if self.desk is None:
                self.desk = Desk(self.client)
            await self.desk.refresh_async()  # a long catch-up's rows, a page at a time
            ringing = await self.desk.tick()
            return self.desk.view(), ringing, self.desk.reminders()

        self.bridge.submit(tick, self._show)

    def _show(self, result: tuple[DeskView, list[CallView], list[str]]) -> None:
        view, ringing, reminders = result
        self.view = view
        self.window.show_view(view)
        self.alarm.run(self.notifier, ringing, view.now / 1000, view.label)
        for text in reminders:
            self.reminded.emit(text)
        self.changed.emit(view)

    def _do(self, action: Callable[[Desk], Awaitable[object]]) -> None:
        async def run() -> None:
            if self.desk is None:
                self.desk = Desk(self.client)
            await action(self.desk)

        self.bridge.submit(run, lambda _r: self.refresh())

    def _call(self, channel: bytes, subject: str, body: str, priority: str,
              marking: str = "") -> None:
        self._do(lambda d: d.call(channel, subject, body, priority=Priority(priority),
                                  marking=marking))

    def _explain(self, channel: bytes, to: str, what: str, where: str, when: str,
                 reference: str, marking: str = "") -> None:
        self._do(lambda d: d.request_explanation(channel, to_mission=to, what=what,
                                                 where=where, when=when,
                                                 reference=reference, marking=marking))
