# SPDX-License-Identifier: Apache-2.0
"""The notices window over a real client session: the main window's menu opens it
(Ctrl+Shift+N) and shows the open channel's classification ceiling; an exercise notice
sent from the form reaches the register with its marking; an aid request from the form
shows each line; a malformed form comes back as the core's clear error; each message
carries its marking in its header and in copied text."""

from __future__ import annotations

from typing import Any

from client.model import MessageView
from tests.support.ui_windows import TIMEOUT


def _cell(table: Any, row: int, column: int) -> str:
    item = table.item(row, column)
    return "" if item is None else str(item.text())


def test_notices_window_forms_and_registers(open_window: Any, qtbot: Any) -> None:
    w = open_window(0)
    assert w.notices_action.shortcut().toString() == "Ctrl+Shift+N"
    assert w.ceiling_banner.isVisible()
    assert w.ceiling_banner.text().startswith("Classification ceiling: ")
    w.notices_action.trigger()
    win, ctl = w.notices_window, w.notices
    assert win.isVisible()
    qtbot.waitUntil(lambda: bool(win.snap.channels), timeout=TIMEOUT)
    cid, _name, ceiling = next(c for c in win.snap.channels)
    assert ceiling in win.snap.levels
    errors: list[str] = []
    ctl.failed.connect(errors.append)
    now = int(w.session.client.engine.clock() * 1000)
    win.exerciseRequested.emit({"channel": cid, "name": "Backwards", "starts_at": now + 10,
                                "ends_at": now, "marking": ""})
    qtbot.waitUntil(lambda: bool(errors), timeout=TIMEOUT)
    assert "must end after it starts" in errors[0]
    assert win.error.isVisible() and "must end after" in win.error.text()
    win.exerciseRequested.emit({"channel": cid, "name": "Shield", "starts_at": now,
                                "ends_at": now + 86_400_000, "lat": 50.0, "lon": 10.0,
                                "forces": [("troops", 100)], "marking": "RESTRICTED"})
    qtbot.waitUntil(lambda: win.register.rowCount() == 1, timeout=TIMEOUT)
    assert (_cell(win.register, 0, 0), _cell(win.register, 0, 2)) == ("RESTRICTED", "Shield")
    win.aidRequested.emit({"channel": cid, "lines": [("water", 100, "litres"),
                                                     ("tents", 3, "")],
                           "location": "here", "urgency": "flash", "contact": ""})
    qtbot.waitUntil(lambda: win.board.rowCount() == 2, timeout=TIMEOUT)
    assert _cell(win.board, 1, 4) == "requested"
    assert "tents: 3" in win.unmet.text()
    win.register.selectRow(0)
    win.cancel_button.click()
    qtbot.waitUntil(lambda: _cell(win.register, 0, 5).startswith("cancelled"), timeout=TIMEOUT)


def test_each_item_carries_its_marking(qapp: Any) -> None:
    from ui.delegates.message import sender_text

    row = MessageView("00", "alderia/ana", "text", "Hello", 0, 1, False, 1,
                      marking="RESTRICTED")
    assert sender_text(row) == "alderia/ana · RESTRICTED"
