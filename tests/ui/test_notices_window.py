# SPDX-License-Identifier: Apache-2.0
"""The notices window over a real client session: the main window's menu opens it
(Ctrl+Shift+N) and shows the open channel's classification ceiling; an exercise notice
sent from the form reaches the register with its marking; an aid request from the form
shows each line; a malformed form comes back as the core's clear error; each message
carries its marking in its header and in copied text."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from client.model import MessageView
from tests.support.pdf_pages import pages
from tests.support.ui_windows import TIMEOUT


def _cell(table: Any, row: int, column: int) -> str:
    item = table.item(row, column)
    return "" if item is None else str(item.text())


def test_notices_window_forms_and_registers(open_window: Any, qtbot: Any,
                                           tmp_path: Path) -> None:
    w = open_window(0)
    assert w.notices_action.shortcut().toString() == "Ctrl+Shift+N"
    assert w.ceiling_banner.isVisible()
    assert w.ceiling_banner.text().startswith("Classification ceiling: ")
    levels = ", ".join(w.session.client.engine.marking_scheme.levels)  # the venue's scheme
    assert levels in w.ceiling_banner.toolTip()
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
    # the register exported from the window: its highest marking on every PDF page
    written: list[str] = []
    win.exported.connect(written.append)
    pdf, csv = tmp_path / "register.pdf", tmp_path / "register.csv"
    win.exportRequested.emit(str(pdf), "")
    win.exportRequested.emit(str(csv), "")
    qtbot.waitUntil(lambda: len(written) == 2, timeout=TIMEOUT)
    printed = pages(pdf.read_bytes())
    assert printed and all(p.at_top("RESTRICTED") and p.at_bottom("RESTRICTED")
                           for p in printed)
    assert "RESTRICTED" in csv.read_text(encoding="utf-8")
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


def test_incident_template_and_exchange_forms_over_the_relay(open_window: Any,
                                                             qtbot: Any) -> None:
    """The new forms' signals reach the core and come back in the registers: an
    incident linked to a request for explanation (shown both ways), a template the
    chair publishes and fills in, the annual exchange submitted then amended."""
    w = open_window(0)
    w.notices_action.trigger()
    win, ctl = w.notices_window, w.notices
    qtbot.waitUntil(lambda: bool(win.snap.channels), timeout=TIMEOUT)
    assert win.snap.is_chair and win.publish_button.isEnabled()
    cid = win.snap.channels[0][0]
    client = w.session.client
    other = next(m for ch in client.channels() if ch.channel_id == cid.hex()
                 for m in ch.missions if m != win.snap.mission)
    errors: list[str] = []
    ctl.failed.connect(errors.append)

    async def ask() -> str:
        from client.crisis.desk import Desk

        return await Desk(client).request_explanation(cid, to_mission=other,
                                                      what="ships in the strait")

    rid = w.bridge.run_sync(ask)
    now = int(client.engine.clock() * 1000)
    win.incidentRequested.emit({"channel": cid, "occurred_at": now, "lat": 43.1,
                                "lon": 16.4, "what": "close pass", "units": "",
                                "contact": "", "explains": "", "marking": ""})
    qtbot.waitUntil(lambda: win.incidents.rowCount() == 1, timeout=TIMEOUT)
    assert _cell(win.incidents, 0, 6) == ""
    ctl.refresh()
    qtbot.waitUntil(lambda: win.link_request.findData(rid) >= 0, timeout=TIMEOUT)
    win.incidents.selectRow(0)
    win.link_request.setCurrentIndex(win.link_request.findData(rid))
    win.link_button.click()
    qtbot.waitUntil(lambda: "ships in the strait" in _cell(win.incidents, 0, 6),
                    timeout=TIMEOUT)
    row = next(i for i in range(win.requests.rowCount())
               if win.requests.item(i, 0).data(256) == rid)
    assert _cell(win.requests, row, 3).startswith(win.snap.mission)

    # the crisis desk's requests name their incidents too
    async def crisis_view() -> Any:
        from client.crisis.desk import Desk

        return Desk(client).view()

    from ui.views.crisis import CrisisWindow

    view = w.bridge.run_sync(crisis_view)
    assert [m for m, _at in view.incidents[bytes.fromhex(rid)]] == [win.snap.mission]
    desk_win = CrisisWindow()
    qtbot.addWidget(desk_win)
    desk_win.show_view(view)
    col = desk_win.requests.columnCount() - 1
    assert any(_cell(desk_win.requests, i, col).startswith(win.snap.mission)
               for i in range(desk_win.requests.rowCount()))

    win.templateRequested.emit({"channel": cid, "template_id": "ship-incident",
                                "title": "Incident at sea", "fields": ["time", "ship"],
                                "text": ""})
    qtbot.waitUntil(lambda: win.templates.rowCount() == 1, timeout=TIMEOUT)
    win.fillRequested.emit({"channel": cid, "template_id": "ship-incident",
                            "values": {"time": "now", "ship": "Aurora"}, "marking": ""})
    qtbot.waitUntil(lambda: win.fills.rowCount() == 1, timeout=TIMEOUT)
    assert "ship: Aurora" in _cell(win.fills, 0, 4)
    # who filled it in, as their certificate names them, the id beside the name
    me = win.snap.me
    label = f"{me.split('/', 1)[1].capitalize()} ({me})"
    assert _cell(win.fills, 0, 2) == label
    assert _cell(win.incidents, 0, 6).startswith(f"{label} to ")

    year = win.snap.exchange["year"]
    assert not win.due_button.isHidden()  # the chair sets the due date
    win.dueRequested.emit({"channel": cid, "year": year, "due_at": now + 86_400_000})
    qtbot.waitUntil(lambda: win.snap.exchange["due_at"] == now + 86_400_000, timeout=15000)
    win.exchangeRequested.emit({"channel": cid, "year": year, "body": "holdings",
                                "note": "", "marking": ""})
    qtbot.waitUntil(lambda: win.submit_button.text() == "&Amend submission…",
                    timeout=TIMEOUT)
    win.exchangeRequested.emit({"channel": cid, "year": year, "body": "holdings v2",
                                "note": "tanks corrected", "marking": ""})

    def amended() -> bool:
        return any(_cell(win.exchange, i, 0) == win.snap.mission
                   and _cell(win.exchange, i, 3) == "1"
                   for i in range(win.exchange.rowCount()))

    qtbot.waitUntil(amended, timeout=TIMEOUT)
    assert errors == []
