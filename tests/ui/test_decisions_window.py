# SPDX-License-Identifier: Apache-2.0
"""The decisions window over real client sessions: a text the chair puts under silence
appears in another mission's window, which breaks silence from the window (its client
signs the break, the chair's client acknowledges it, the row says who broke); a
document, its sign-off from the window and the agreement line; the main window's menu
opens the window (Ctrl+Shift+D); the deadline is shown in both time zones."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from client.decisions.desk import Desk
from demo.live import LiveDemo, demo_kdf
from tests.support.ui_windows import TIMEOUT


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


def _cell(table: Any, row: int, column: int) -> str:
    item = table.item(row, column)
    return "" if item is None else str(item.text())


def test_break_silence_and_sign_off_from_the_window(
        venue: LiveDemo, bridge: Any, qtbot: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    from ui.views.decisions import DecisionsController, DecisionsWindow, both_zones

    monkeypatch.setenv("CORRIDOR_VENUE_TZ", "Asia/Tokyo")
    chair, other = _session(venue, bridge, 0), _session(venue, bridge, 1)
    window = DecisionsWindow()
    qtbot.addWidget(window)
    ctl = DecisionsController(bridge, other.client, window, tick_ms=200)
    chair_desk: Desk = bridge.run_sync(lambda: Desk(chair.client))
    try:
        ctl.start()
        window.show()
        qtbot.waitUntil(lambda: ctl.view is not None, timeout=TIMEOUT)
        channel = next(c for c, _n, kind in bridge.run_sync(chair_desk.view).channels
                       if kind == "multilateral")
        proc = bridge.run_sync(lambda: chair_desk.put(channel, "Annual report", "Text.",
                                                      period_ms=3_600_000,
                                                      marking="RESTRICTED"))
        bridge.run_sync(other.client.sync)
        qtbot.waitUntil(lambda: window.procs.rowCount() == 1, timeout=TIMEOUT)
        assert _cell(window.procs, 0, 3) == "under silence"
        assert _cell(window.procs, 0, 0) == "RESTRICTED"  # the text's marking
        deadline = bridge.run_sync(lambda: chair_desk.status(proc)).deadline
        assert "(venue: " in both_zones(deadline) and "JST" in both_zones(deadline)
        window.procs.selectRow(0)
        window.breakRequested.emit(bytes.fromhex(proc), "Instructions awaited", "")
        qtbot.waitUntil(lambda: "broken so far by" in _cell(window.procs, 0, 3),
                        timeout=TIMEOUT)
        # members are named as their certificates name them, their ids beside the names
        assert ctl.view is not None
        me, chair_id = ctl.view.me, chair_desk.me
        mine = f"{me.split('/', 1)[1].capitalize()} ({me})"
        chairs = f"{chair_id.split('/', 1)[1].capitalize()} ({chair_id})"
        assert _cell(window.procs, 0, 3) == f"under silence; broken so far by {mine}"

        async def chair_acks() -> bool:
            # the window shows the break once it is stored here; it reaches the relay
            # when the outbox is flushed, which may still wait behind a sync: flush first,
            # or the chair's one sync can miss the break and never acknowledge it
            await other.client.flush()
            await chair.client.sync()
            await chair_desk.tick()
            return True

        bridge.run_sync(chair_acks)
        bridge.run_sync(other.client.sync)
        chair_mission = next(iter(venue.info.layout["missions"]))  # type: ignore[union-attr]

        def acked() -> bool:
            view = ctl.view
            return view is not None and chair_mission in view.procedures[0][1].breaks[0].seen_by

        qtbot.waitUntil(acked, timeout=TIMEOUT)
        assert "Instructions awaited" in window.proc_detail.text()
        assert f"put by {chairs} ·" in window.proc_detail.text()
        assert f"{mine} broke silence at" in window.proc_detail.text()

        doc = bridge.run_sync(lambda: chair_desk.new_document(channel, "Joint statement",
                                                              "One.\n\nTwo."))
        bridge.run_sync(other.client.sync)
        qtbot.waitUntil(lambda: window.docs.rowCount() == 1, timeout=TIMEOUT)
        window.signOffRequested.emit(bytes.fromhex(doc))
        qtbot.waitUntil(lambda: _cell(window.docs, 0, 3).startswith("agreed by 1 of"),
                        timeout=TIMEOUT)
        assert _cell(window.docs, 0, 0) == "UNCLASSIFIED"
        window.docs.selectRow(0)
        assert f"Signed off: {mine}" in window.doc_text.toPlainText()
        # a new version marked from the window raises the document's marking
        window.editRequested.emit(bytes.fromhex(doc), "One.\n\nTwo, marked.", "RESTRICTED")
        qtbot.waitUntil(lambda: _cell(window.docs, 0, 0) == "RESTRICTED", timeout=TIMEOUT)
        # a comment above the channel's ceiling: the desk refuses it, the window says why
        failures: list[str] = []
        ctl.failed.connect(failures.append)
        window.commentRequested.emit(bytes.fromhex(doc), 0, "Too high", "SECRET")
        qtbot.waitUntil(lambda: bool(failures), timeout=TIMEOUT)
        assert "above the channel's ceiling" in failures[0]
        window.tabs.setCurrentIndex(1)
        window.docs.selectRow(0)
        assert "1. One." in window.doc_text.toPlainText()
        assert f"Version 2 by {mine} at" in window.doc_text.toPlainText()
        assert window.sign_btn.isEnabled() and window.banner.isHidden()
    finally:
        ctl.stop()
        bridge.run_sync(chair.close)
        bridge.run_sync(other.close)


def test_the_main_window_opens_the_decisions_window(open_window: Any) -> None:
    w = open_window(1)
    assert w.decisions_action.shortcut().toString() == "Ctrl+Shift+D"
    assert not w.decisions_window.isVisible()
    w.decisions_action.trigger()
    assert w.decisions_window.isVisible()
    assert w.decisions.timer.isActive()


def test_an_observers_message_carries_the_badge(qapp: Any) -> None:
    from client.model import MessageView
    from ui.delegates.message import sender_text

    row = MessageView("00", "track2/ana", "text", "Hello", 0, 1, False, 1, observer=True)
    assert sender_text(row) == "track2/ana · observer"
    plain = MessageView("00", "alderia/ana", "text", "Hello", 0, 1, False, 1)
    assert sender_text(plain) == "alderia/ana"
