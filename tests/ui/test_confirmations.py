# SPDX-License-Identifier: Apache-2.0
"""Where a mistake is costly: the emergency call is reviewed before it goes (a reason is
required, the place shows once, the time is in the user's locale), and saving Settings
posts a timer change only when there is one. Real windows over the real core and relay."""

from __future__ import annotations

import time

from PySide6.QtCore import QDateTime, QLocale, Qt

from tests.support.ui_windows import TIMEOUT
from ui.i18n import when_text
from ui.views.dialogs import EmergencyDialog


def _kind_rows(w, kind: str) -> list:  # type: ignore[no-untyped-def]
    return [r for r in w.conv_model.rows() if r.kind == kind]


def test_an_emergency_call_needs_a_reason_and_a_review(open_window, qtbot) -> None:
    chair = open_window(0)
    chair.convene_emergency()
    dlg = chair.emergency_dialog
    assert isinstance(dlg, EmergencyDialog) and dlg.isVisible()
    notice = chair.channel_model.channel(chair.emergency_channel())
    at = QDateTime.currentDateTime().addSecs(3600)
    dlg.when.setDateTime(at)
    qtbot.keyClicks(dlg.place, "Room 7")
    # no reason: the review is refused and nothing is sent
    dlg.review.click()
    assert dlg.pages.currentIndex() == EmergencyDialog.FORM
    assert "reason" in dlg.problem.text() and dlg.isVisible()
    qtbot.keyClick(dlg.agenda, Qt.Key.Key_Return)  # Enter: still nothing sent
    assert dlg.isVisible() and dlg.result() == 0
    reason = f"Incident at the border crossing {time.time():.0f}"
    qtbot.keyClicks(dlg.agenda, reason)
    # a past time is refused too
    dlg.when.setDateTime(QDateTime.currentDateTime().addSecs(-7200))
    dlg.review.click()
    assert dlg.pages.currentIndex() == EmergencyDialog.FORM and "past" in dlg.problem.text()
    dlg.when.setDateTime(at)
    dlg.review.click()
    assert dlg.pages.currentIndex() == EmergencyDialog.CONFIRM
    summary = dlg.summary.text()
    assert notice is not None and notice.name in summary
    assert summary.count("Room 7") == 1 and reason in summary
    assert when_text(dlg.meeting_at_ms()) in summary  # the user's locale writes the time
    assert QLocale().toString(at.date(), QLocale.FormatType.LongFormat) in summary
    assert "in 60 minutes" in summary or "in 59 minutes" in summary
    dlg.back.click()  # back to the form, nothing sent; then review and convene
    assert dlg.pages.currentIndex() == EmergencyDialog.FORM
    dlg.review.click()
    dlg.send.click()
    assert dlg.result() == 1
    qtbot.waitUntil(lambda: chair.banner.status is not None
                    and chair.banner.status.text == reason, timeout=TIMEOUT)
    assert chair.banner.detail.text().count("Room 7") == 1
    assert when_text(dlg.meeting_at_ms()) in chair.banner.detail.text()


def test_a_call_without_a_reason_from_elsewhere_shows_its_place_once(open_window,
                                                                     qtbot) -> None:
    chair = open_window(0)
    target = chair.emergency_channel()
    meeting = int(time.time() * 1000) + 1800_000
    place = f"Annex {time.time():.0f}"
    # a call without a reason, as a script would send it: refused (every client refuses
    # an emergency call without an agenda), and said so
    chair.convene(target, meeting, place)
    qtbot.waitUntil(lambda: chair.error_box is not None and chair.error_box.isVisible(),
                    timeout=TIMEOUT)
    assert "agenda" in chair.error_box.text()
    chair.error_box.accept()
    assert chair.banner.status is None or place not in chair.banner.detail.text()
    # sent with its reason from elsewhere (not through the dialog): the place shows once
    reason = f"Incident {time.time():.3f}"
    chair.convene(target, meeting, place, agenda=reason)
    qtbot.waitUntil(lambda: chair.banner.status is not None
                    and place in chair.banner.detail.text(), timeout=TIMEOUT)
    assert chair.banner.detail.text().count(place) == 1
    chair.open_channel(target)
    qtbot.waitUntil(lambda: any(place in r.detail for r in _kind_rows(chair, "emergency")),
                    timeout=TIMEOUT)
    row = next(r for r in _kind_rows(chair, "emergency") if place in r.detail)
    assert row.text == reason and row.meeting_at == meeting


def test_saving_settings_unchanged_posts_nothing(open_window, qtbot) -> None:
    w = open_window(0)
    cid = next(c.channel_id for c in w.channel_model.channels() if c.kind == "caucus")
    w.open_channel(cid)
    qtbot.waitUntil(lambda: w.conv_model.channel_id == cid, timeout=TIMEOUT)
    # a timer set elsewhere (the command line, another device) that the menu does not list
    w.bridge.run_sync(lambda: w.adapter.set_timer(bytes.fromhex(cid), 300))
    w.open_channel(cid)
    qtbot.waitUntil(lambda: w.current_timer == 300, timeout=TIMEOUT)
    qtbot.waitUntil(lambda: len(_kind_rows(w, "timer")) >= 1, timeout=TIMEOUT)
    before = len(_kind_rows(w, "timer"))
    dlg = w.open_settings()
    assert dlg.chosen_timer() == 300 and "5 minutes" in dlg.timer.currentText()
    dlg.accept()  # nothing changed
    qtbot.wait(1500)
    assert len(_kind_rows(w, "timer")) == before
    dlg = w.open_settings()
    dlg.timer.setCurrentIndex(dlg.timer.findData(3600))
    dlg.accept()  # a real change: posted once
    qtbot.waitUntil(lambda: len(_kind_rows(w, "timer")) == before + 1, timeout=TIMEOUT)
    qtbot.waitUntil(lambda: w.current_timer == 3600, timeout=TIMEOUT)
    w.bridge.run_sync(lambda: w.adapter.set_timer(bytes.fromhex(cid), None))


def test_leaving_a_channel_asks_first(open_window, venue, bridge, qtbot) -> None:  # type: ignore[no-untyped-def]
    """The dialog names the channel and says what happens; Cancel leaves nothing, Leave
    leaves on this device (the channel goes from the list, the core shows it left)."""
    w = open_window(0)
    client = w.session.client
    other = next(m for m in venue.info.layout["missions"] if m != w.adapter.my_mission)
    # named to sort last: the other tests share this venue and pick a kind's first channel
    cid = bridge.run_sync(lambda: client.create_channel("multilateral", "zz Leave me",
                                                        [other]))
    qtbot.waitUntil(lambda: w.channel_model.channel(cid) is not None, timeout=TIMEOUT)
    w.open_channel(cid)
    qtbot.waitUntil(lambda: w.current == cid, timeout=TIMEOUT)

    def left() -> bool:  # read on the core's thread, which owns the client
        return bridge.run_sync(lambda: next(c.left for c in client.channels()
                                            if c.channel_id == cid))

    box = w.leave_channel()
    assert box is not None and box.isVisible()
    assert "zz Leave me" in box.text()
    assert "stay readable" in box.informativeText() and "no new" in box.informativeText()
    assert box.defaultButton() is not w.leave_button  # Enter does not leave
    box.button(box.StandardButton.Cancel).click()
    qtbot.wait(500)
    assert not left() and w.channel_model.channel(cid) is not None

    box = w.leave_channel()
    assert box is not None
    w.leave_button.click()
    qtbot.waitUntil(left, timeout=TIMEOUT)
    qtbot.waitUntil(lambda: w.channel_model.channel(cid) is None, timeout=TIMEOUT)
    assert "zz Leave me" in w.statusBar().currentMessage()
