# SPDX-License-Identifier: Apache-2.0
"""The crisis desk's calendar of regular meetings: the upcoming meetings with their
agendas from the venue's calendar file, kept in the device's home, and "Export to
calendar…" writing the iCalendar file; and the one-click offer to start with the
session (the Settings checkbox too)."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import icalendar
import pytest
from PySide6.QtWidgets import QFileDialog

from client.crisis import meetings

MS = 1000
WEEK = 7 * 86400 * MS
T0 = int(datetime(2026, 12, 7, 9, 0, tzinfo=UTC).timestamp() * MS)  # a Monday


def _calendar(path: Path) -> Path:
    path.write_text(json.dumps([
        {"uid": "pc-weekly", "title": "Permanent Council", "starts_at": T0,
         "duration_min": 120, "frequency": "weekly", "count": 10, "place": "Hall A",
         "agenda": "1. Adoption of the agenda\n2. Current issues"},
        {"uid": "fsc", "title": "Security Co-operation Forum", "starts_at": T0 + 2 * 86400 * MS,
         "duration_min": 90, "frequency": "monthly", "place": "Room 3",
         "agenda": "Confidence-building measures"},
        {"uid": "old", "title": "Opening session", "starts_at": T0 - WEEK,
         "duration_min": 60, "frequency": "once"}]), encoding="utf-8")
    return path


def test_the_calendar_tab_lists_upcoming_meetings_and_exports_ics(
        qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    from ui.views.crisis import CrisisWindow

    w = CrisisWindow()
    qtbot.addWidget(w)
    panel = w.calendar
    assert w.tabs.indexOf(panel) >= 0
    assert not panel.export_btn.isEnabled() and panel.table.rowCount() == 0
    home = tmp_path / "home"
    home.mkdir()
    panel.use_home(home, "Vienna forum")
    monkeypatch.setattr(QFileDialog, "getOpenFileName",
                        lambda *_a, **_k: (str(_calendar(tmp_path / "cal.json")), ""))
    panel.open_btn.click()
    assert (home / "calendar.json").is_file()  # kept for the next start
    panel.show_calendar(panel.meetings, now_ms=T0 + 3 * 3600 * MS)  # the first one is over
    rows = [[panel.table.item(r, c).text() for c in range(4)]
            for r in range(panel.table.rowCount())]
    assert rows[0][1:] == ["Security Co-operation Forum", "Room 3",
                           "Confidence-building measures"]
    assert rows[1][1] == "Permanent Council" and rows[1][0].startswith("14 ")
    assert "Adoption of the agenda" in rows[1][3]
    assert rows[1][0].endswith("09:00 UTC")
    assert "Opening session" not in [r[1] for r in rows]  # past
    assert sum(r[1] == "Permanent Council" for r in rows) == 9  # ten weekly, one gone

    out = tmp_path / "venue"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(out), ""))
    written: list[str] = []
    panel.exported.connect(written.append)
    assert panel.export_btn.isEnabled()
    panel.export_btn.click()
    ics = tmp_path / "venue.ics"
    assert written == [str(ics)] and str(ics) in panel.note.text()
    cal = icalendar.Calendar.from_ical(ics.read_bytes())
    events = {str(e["summary"]): e for e in cal.walk("VEVENT")}
    assert set(events) == {"Permanent Council", "Security Co-operation Forum",
                           "Opening session"}
    assert str(events["Permanent Council"]["description"]).startswith("1. Adoption")
    assert events["Permanent Council"]["rrule"]["FREQ"] == ["WEEKLY"]
    assert str(cal["x-wr-calname"]) == "Vienna forum"

    # a second desk (the next start) shows the kept calendar
    again = CrisisWindow()
    qtbot.addWidget(again)
    again.calendar.use_home(home)
    assert again.calendar.meetings == panel.meetings and again.calendar.table.rowCount() > 0


def test_a_file_that_is_not_a_calendar_is_said_and_nothing_kept(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from ui.views.calendar import CalendarPanel

    p = CalendarPanel()
    qtbot.addWidget(p)
    p.use_home(tmp_path)
    bad = tmp_path / "bad.json"
    bad.write_text('[{"title": "no uid"}]')
    assert p.load(bad) is False
    assert "Could not read the calendar" in p.note.text()
    assert not (tmp_path / "calendar.json").exists() and p.meetings == []


def test_monthly_meetings_skip_months_without_their_day() -> None:
    start = int(datetime(2027, 1, 31, 10, tzinfo=UTC).timestamp() * MS)
    m = meetings.RegularMeeting(uid="m", title="Monthly", starts_at=start, duration_min=60,
                                frequency="monthly", count=3)
    got = [datetime.fromtimestamp(at / MS, UTC).month for at, _m in meetings.upcoming([m], 0)]
    assert got == [1, 3, 5]  # February and April have no 31st


def test_the_desk_offers_autostart_once_and_settings_toggles_it(
        qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    from ui.views.crisis import CrisisWindow
    from ui.views.dialogs import SettingsDialog

    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))
    entry = tmp_path / "autostart" / "corridor.desktop"
    w = CrisisWindow()
    qtbot.addWidget(w)
    w.show()
    assert w.autostart_btn.isVisible()  # off by default: offered
    w.autostart_btn.click()
    assert entry.is_file() and "--minimized" in entry.read_text()
    assert not w.autostart_btn.isVisible()

    d = SettingsDialog(True, "system", None, "Plenary", False)
    qtbot.addWidget(d)
    assert d.autostart.isChecked()
    d.autostart.setChecked(False)
    d.accept()
    assert not entry.exists()
    d2 = SettingsDialog(True, "system", None, "Plenary", False)
    qtbot.addWidget(d2)
    assert not d2.autostart.isChecked()
    d2.reject()  # cancelled: nothing written
    assert not entry.exists()
