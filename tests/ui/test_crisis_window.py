# SPDX-License-Identifier: Apache-2.0
"""The crisis desk window over real client sessions: a flash call rings on the called
delegate's screen (banner, critical notification) until Acknowledge, then stops; the
caller's window shows the call acknowledged."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt

from client.crisis.alarm import Ring
from client.crisis.desk import Desk
from client.crisis.records import Priority
from demo.live import LiveDemo, demo_kdf
from tests.support.ui_windows import TIMEOUT


class Recorder:
    def __init__(self) -> None:
        self.rings: list[Ring] = []
        self.withdrawn: list[int] = []

    def notify(self, ring: Ring, replaces: int) -> int:
        self.rings.append(ring)
        return replaces or len(self.rings)

    def withdraw(self, notification_id: int) -> None:
        self.withdrawn.append(notification_id)


def _session(venue: LiveDemo, bridge: Any, mission_index: int) -> Any:
    from ui.session import open_session

    assert venue.info is not None
    homes = venue.info.layout["homes"]
    mission = list(venue.info.layout["missions"])[mission_index]
    name = next(n for n in homes if homes[n]["mission"] == mission)

    async def start() -> Any:
        s = open_session(Path(venue.info.home(name)), venue.relay_url(),  # type: ignore[union-attr]
                         passphrase=venue.info.passphrase, kdf=demo_kdf())  # type: ignore[union-attr]
        await s.start()
        return s

    return bridge.run_sync(start)


def test_flash_call_rings_in_the_window_until_acknowledged(
        venue: LiveDemo, bridge: Any, qtbot: Any) -> None:
    from ui.alarm import CrisisController
    from ui.views.crisis import CrisisWindow

    caller, called = _session(venue, bridge, 0), _session(venue, bridge, 2)
    window = CrisisWindow()
    qtbot.addWidget(window)
    rec = Recorder()
    ctl = CrisisController(bridge, called.client, window, notifier=rec, tick_ms=200)
    try:
        ctl.start()
        window.show()
        qtbot.waitUntil(lambda: ctl.view is not None, timeout=TIMEOUT)
        assert window.banner.isHidden()
        caller_desk: Desk = bridge.run_sync(lambda: Desk(caller.client))
        channel = next(c for c, _n, other in bridge.run_sync(caller_desk.view).bilateral
                       if other == list(venue.info.layout["missions"])[2])  # type: ignore[union-attr]
        call = bridge.run_sync(lambda: caller_desk.call(channel, "Shots fired",
                                                         priority=Priority.FLASH,
                                                         marking="RESTRICTED"))

        async def sync_called() -> None:
            await called.client.sync()

        bridge.run_sync(sync_called)
        qtbot.waitUntil(lambda: window.banner.isVisible(), timeout=TIMEOUT)
        assert "FLASH HOTLINE CALL" in window.banner.text() and "Shots fired" in \
            window.banner.text()
        # the caller is named as their certificate names them, their id beside the name
        who = caller_desk.me
        label = f"{who.split('/', 1)[1].capitalize()} ({who})"
        assert f"HOTLINE CALL from {label}: Shots fired" in window.banner.text()
        to = list(venue.info.layout["missions"])[2]  # type: ignore[union-attr]
        assert window.calls.item(0, 2).text() == f"{label} → {to}"
        assert rec.rings[0].title == f"FLASH hotline call from {label}"  # the notification
        assert rec.rings and rec.rings[0].critical and rec.rings[0].call_id.hex() == call
        assert window.calls.rowCount() == 1
        assert window.calls.item(0, 0).text() == "RESTRICTED"  # the call's marking
        # the call dialog offers the levels up to the channel's ceiling, lowest first
        assert ctl.view is not None and ctl.view.levels[channel][0] == "UNCLASSIFIED"
        qtbot.mouseClick(window.banner_ack, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: window.banner.isHidden(), timeout=TIMEOUT)
        qtbot.waitUntil(lambda: bool(rec.withdrawn), timeout=TIMEOUT)
        rings = len(rec.rings)
        qtbot.wait(600)  # three more ticks: no more ringing
        assert len(rec.rings) == rings

        async def caller_sees() -> str:
            await caller.client.sync()
            v = caller_desk.ensure().call_view(bytes.fromhex(call), caller_desk.now())
            return v.escalation.summary(caller_desk.now()) if v else ""

        assert bridge.run_sync(caller_sees) == "acknowledged"
    finally:
        ctl.stop()
        bridge.run_sync(caller.close)
        bridge.run_sync(called.close)


def test_the_main_window_brings_up_the_desk_when_a_call_rings(
        venue: LiveDemo, bridge: Any, qtbot: Any, open_window: Any) -> None:
    """The desk's controller runs with the main window: a call rings (and the desk comes
    up) without the user opening it; Ctrl+Shift+H opens it too."""
    w = open_window(2)
    w.crisis.timer.setInterval(200)
    assert not w.crisis_window.isVisible()
    assert w.crisis_action.shortcut().toString() == "Ctrl+Shift+H"
    caller = _session(venue, bridge, 0)
    try:
        desk: Desk = bridge.run_sync(lambda: Desk(caller.client))
        missions = list(venue.info.layout["missions"])  # type: ignore[union-attr]
        channel = next(c for c, _n, other in bridge.run_sync(desk.view).bilateral
                       if other == missions[2])
        bridge.run_sync(lambda: desk.call(channel, "Convoy stopped", priority=Priority.URGENT))

        async def sync_called() -> None:
            await w.session.client.sync()

        bridge.run_sync(sync_called)
        qtbot.waitUntil(lambda: w.crisis_window.isVisible()
                        and w.crisis_window.banner.isVisible(), timeout=TIMEOUT)
        assert "URGENT HOTLINE CALL" in w.crisis_window.banner.text()
        qtbot.mouseClick(w.crisis_window.banner_ack, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: w.crisis_window.banner.isHidden(), timeout=TIMEOUT)
    finally:
        bridge.run_sync(caller.close)


def test_closing_the_window_keeps_the_app_ringing_in_the_tray(
        open_window: Any, qtbot: Any) -> None:
    """With a system tray, closing the window hides it: the desk keeps ticking, so a call
    still rings; Quit (the menu, the tray) ends the app."""
    from PySide6.QtGui import QIcon
    from PySide6.QtWidgets import QSystemTrayIcon

    w = open_window(1)
    w.tray = QSystemTrayIcon(QIcon(), w)  # the offscreen platform has no tray: give one
    w.close()
    assert w.isHidden() and w.crisis.timer.isActive()
    assert "keeps running in the tray" in w.last_notification[1]
    w.quit_action.trigger()
    assert not w.crisis.timer.isActive()
    w.tray = None


def test_proposals_contact_and_the_other_sides_duty_are_shown(qtbot: Any) -> None:
    """A rendered view: a bilateral meeting proposal with Accept, who is available to
    talk, and other missions' "on duty" without names."""
    from client.crisis.desk import DeskView
    from client.crisis.records import MeetingProposal
    from ui.views.crisis import CrisisWindow

    prop = MeetingProposal(proposal_id=b"p" * 16, member="borduria/ana",
                           meeting_at=1_796_000_000_000, place="Café", agenda="The convoy",
                           at=1_795_990_000_000)
    view = DeskView("alderia/ana", "alderia", 1_795_999_000_000, [], frozenset(), [], None,
                    [], (), (), [(b"c" * 16, prop, {})],
                    {b"c" * 16: [("borduria/ben", 1_796_000_500_000, "lounge")]},
                    {"borduria": True, "carpania": False},
                    labels={"borduria/ana": "Ana (borduria/ana)"})
    w = CrisisWindow()
    qtbot.addWidget(w)
    w.show_view(view)
    assert w.proposals.rowCount() == 1 and w.proposals.item(0, 1).text() == "Ana (borduria/ana)"
    assert w.proposals.item(0, 2).text() == "Café · The convoy"
    # Ben has no name in this view: his bare id stands
    assert "borduria/ben is available" in w.contact.text() and "lounge" in w.contact.text()
    assert "Mission borduria: someone on duty" in w.duty.text()
    assert "Mission carpania: nobody on duty" in w.duty.text()
    got: list[tuple[bytes, bool]] = []
    w.proposalAnswered.connect(lambda pid, ok: got.append((pid, ok)))
    w.proposals.selectRow(0)
    w.accept_btn.click()
    assert got == [(b"p" * 16, True)]
