# SPDX-License-Identifier: Apache-2.0
"""The notices window's forms and calendar, without a relay: each form refuses bad input
with the error under the field it names (dates out of order, a coordinate out of range
or not a number, a quantity that is not positive, an empty required field) and stays
open; a good form passes its values on; the template form prefills what it knows and
puts the cursor on the first empty field; the calendar marks each exercise day in its
status's colour and filters by mission."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QDate, QDateTime
from PySide6.QtWidgets import QApplication, QDialog, QWidget

from client.notices.book import ExerciseRow
from tests.ui.i18n_support import clipped
from ui.i18n import install_translation, remove_translation
from ui.views.notice_calendar import STATUS_COLORS, ExerciseCalendar
from ui.views.notice_forms import (
    AidDialog,
    DueDateDialog,
    ExchangeDialog,
    ExerciseDialog,
    IncidentDialog,
    TemplateFillDialog,
    TemplatePublishDialog,
)
from ui.views.notices import NoticesSnapshot, NoticesWindow

RID = "ab" * 16


def _snap(**kw: Any) -> NoticesSnapshot:
    base: dict[str, Any] = dict(
        channels=[(b"\x01" * 16, "plenary", "RESTRICTED")],
        levels=("UNCLASSIFIED", "RESTRICTED"), me="borduria/ana", mission="borduria",
        explanations=[(RID, "alderia/ana", "borduria", "aircraft near the border")],
        templates=[("ship-incident", "Incident at sea", ("time", "position", "ship",
                                                         "contact"), "Use at once.")])
    base.update(kw)
    return NoticesSnapshot(**base)


def _shown(dlg: QDialog) -> dict[str, str]:
    return {k: lab.text() for k, lab in dlg.messages.items()  # type: ignore[attr-defined]
            if not lab.isHidden()}


def test_exercise_form_errors_sit_under_their_fields(qtbot: Any) -> None:
    dlg = ExerciseDialog(_snap())
    qtbot.addWidget(dlg)
    dlg.accept()
    assert _shown(dlg) == {"name": "the exercise's name is required"}
    assert dlg.result() != QDialog.DialogCode.Accepted
    dlg.name.setText("Shield")
    dlg.end.setDateTime(dlg.start.dateTime().addDays(-1))
    dlg.accept()
    assert _shown(dlg) == {"ends_at": "the exercise must end after it starts"}
    dlg.end.setDateTime(dlg.start.dateTime().addDays(2))
    dlg.lat.setText("95")
    dlg.lon.setText("10")
    dlg.accept()
    assert "out of range" in _shown(dlg)["lat"]
    dlg.lat.setText("north")
    dlg.accept()
    assert _shown(dlg) == {"lat": "“north” is not a number"}
    dlg.lat.setText("50")
    dlg.forces.setText("troops=0")
    dlg.accept()
    assert "must be positive" in _shown(dlg)["forces"]
    dlg.forces.setText("troops=300")
    dlg.accept()
    assert _shown(dlg) == {} and dlg.result() == QDialog.DialogCode.Accepted
    v = dlg.values()
    assert (v["lat"], v["lon"], v["forces"], v["contact"]) == (50.0, 10.0,
                                                               [("troops", 300)],
                                                               "borduria/ana")


def test_aid_form_refuses_no_lines_and_a_zero_quantity(qtbot: Any) -> None:
    dlg = AidDialog(_snap())
    qtbot.addWidget(dlg)
    dlg.accept()
    assert _shown(dlg) == {"lines": "a request has at least one line"}
    dlg.lines.setPlainText("water=1000:litres, tents=none")
    dlg.accept()
    assert "quantity of line 2 (tents) must be positive" in _shown(dlg)["lines"]
    dlg.lines.setPlainText("water=1000:litres, tents=4")
    dlg.accept()
    assert dlg.result() == QDialog.DialogCode.Accepted
    assert dlg.values()["lines"] == [("water", 1000, "litres"), ("tents", 4, "")]


def test_incident_form_position_required_and_link_offered(qtbot: Any) -> None:
    dlg = IncidentDialog(_snap())
    qtbot.addWidget(dlg)
    dlg.accept()
    assert _shown(dlg) == {"lat": "the position needs a latitude and a longitude"}
    dlg.lat.setText("43.1")
    dlg.lon.setText("200")
    dlg.accept()
    assert "longitude 200.0 is out of range" in _shown(dlg)["lon"]
    dlg.lon.setText("16.4")
    dlg.accept()
    assert _shown(dlg) == {"what": "what happened is required"}
    dlg.occurred.setDateTime(QDateTime.currentDateTime().addDays(1))
    dlg.what.setPlainText("close pass of two aircraft")
    dlg.accept()
    assert _shown(dlg) == {"occurred_at": "the incident cannot be in the future"}
    dlg.occurred.setDateTime(QDateTime.currentDateTime())
    dlg.explains.setCurrentIndex(dlg.explains.findData(RID))
    dlg.accept()
    assert dlg.result() == QDialog.DialogCode.Accepted
    assert dlg.values()["explains"] == RID


def test_exchange_form_amendment_needs_a_note(qtbot: Any) -> None:
    ex = {"year": 2027, "due_at": None, "missions": [
        {"mission": "borduria", "submitted_at": 1, "late": False, "amendments": [],
         "current": "holdings v1"}]}
    dlg = ExchangeDialog(_snap(exchange=ex))
    qtbot.addWidget(dlg)
    assert dlg.amending and dlg.body.toPlainText() == "holdings v1"
    assert dlg.windowTitle() == "Amend the annual exchange"
    dlg.body.setPlainText("")
    dlg.accept()
    assert _shown(dlg) == {"note": "Say what the amendment changes"}
    dlg.note.setText("corrected tanks")
    dlg.accept()
    assert _shown(dlg) == {"body": "the submission is required"}
    dlg.body.setPlainText("holdings v2")
    dlg.accept()
    assert dlg.result() == QDialog.DialogCode.Accepted
    assert dlg.values()["year"] == 2027


def test_due_date_form_refuses_a_date_past(qtbot: Any) -> None:
    dlg = DueDateDialog(_snap())
    qtbot.addWidget(dlg)
    dlg.due.setDateTime(QDateTime.currentDateTime().addDays(-2))
    dlg.accept()
    assert _shown(dlg) == {"due_at": "The due date must be in the future"}
    dlg.due.setDateTime(QDateTime.currentDateTime().addDays(20))
    dlg.accept()
    assert dlg.result() == QDialog.DialogCode.Accepted


def test_template_forms(qtbot: Any) -> None:
    pub = TemplatePublishDialog(_snap())
    qtbot.addWidget(pub)
    pub.template_id.setText("Ship Incident")
    pub.field_list.setText("time, ship")
    pub.accept()
    assert "lower-case" in _shown(pub)["template_id"]
    pub.template_id.setText("ship-incident")
    pub.field_list.setText("ship, ship")
    pub.title.setText("Incident at sea")
    pub.accept()
    assert _shown(pub) == {"fields": "a template's fields have distinct names"}

    fill = TemplateFillDialog(_snap(), "ship-incident")
    qtbot.addWidget(fill)
    fill.show()
    qtbot.waitUntil(fill.isVisible)
    assert list(fill.edits) == ["time", "position", "ship", "contact"]
    assert fill.edits["time"].text().endswith("UTC")
    assert fill.edits["contact"].text() == "borduria/ana"
    # the cursor waits in the first field left to fill
    qtbot.waitUntil(lambda: fill.focusWidget() is fill.edits["position"])
    fill.accept()
    assert _shown(fill) == {"position": "Fill in position", "ship": "Fill in ship"}
    fill.edits["position"].setText("43.1N 16.4E")
    fill.edits["ship"].setText("Aurora")
    fill.accept()
    assert fill.result() == QDialog.DialogCode.Accepted
    assert fill.values()["values"]["ship"] == "Aurora"


def _row(nid: str, mission: str, status: str, start: QDate, days: int) -> ExerciseRow:
    s = QDateTime(start.startOfDay()).addSecs(9 * 3600).toMSecsSinceEpoch()
    return {"notice_id": nid, "mission": mission, "status": status, "revision": 0,
            "name": nid, "starts_at": s, "ends_at": s + days * 86_400_000, "area": "",
            "lat": None, "lon": None, "activity": "", "contact": "", "forces": [],
            "marking": "", "history": []}


def test_calendar_marks_days_by_status_and_filters_by_mission(qtbot: Any) -> None:
    cal = ExerciseCalendar()
    qtbot.addWidget(cal)
    d = QDate(2027, 3, 8)
    cal.calendar.setSelectedDate(d)
    cal.show_rows([_row("shield", "borduria", "amended", d, 2),
                   _row("storm", "carpania", "cancelled", d.addDays(10), 0)])
    assert cal.status_on(d.addDays(2)) == "amended" and cal.status_on(d.addDays(3)) == ""
    assert cal.status_on(d.addDays(10)) == "cancelled"
    fmt = cal.calendar.dateTextFormat(d.addDays(10))
    assert fmt.background().color() == STATUS_COLORS["cancelled"] and fmt.fontStrikeOut()
    assert cal.day.rowCount() == 1 and cal.day.item(0, 2).text() == "shield"
    assert cal.day.item(0, 3).text() == "amended (revision 0)"
    cal.mission.setCurrentIndex(cal.mission.findData("carpania"))
    assert cal.status_on(d) == "" and cal.day.rowCount() == 0
    assert cal.calendar.dateTextFormat(d).background().style().name == "NoBrush"
    assert cal.status_on(d.addDays(10)) == "cancelled"


@pytest.mark.parametrize("code", ["en_XA", "de", "ru"])
def test_no_form_or_tab_is_clipped_in_long_languages(code: str, qapp: Any, qtbot: Any,
                                                     tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    """In the 40%-longer pseudo-locale, German and Russian, every new form (errors
    shown) and the window's tabs fit 1280x800 without a clipped label or button."""
    monkeypatch.setenv("CORRIDOR_TRANSLATIONS_CACHE", str(tmp_path / "qm"))
    assert install_translation(qapp, code) == code
    try:
        snap = _snap()
        forms: dict[str, QWidget] = {
            "exercise": ExerciseDialog(snap), "aid": AidDialog(snap),
            "incident": IncidentDialog(snap), "exchange": ExchangeDialog(snap),
            "due": DueDateDialog(snap), "publish": TemplatePublishDialog(snap),
            "fill": TemplateFillDialog(snap, "ship-incident")}
        found: dict[str, list[str]] = {}
        for name, dlg in forms.items():
            qtbot.addWidget(dlg)
            dlg.show()
            qtbot.waitExposed(dlg)
            dlg.accept()  # empty or half-filled: the errors show under the fields
            QApplication.processEvents()
            assert dlg.width() <= 1280 and dlg.height() <= 800, (name, dlg.size())
            found[name] = clipped(dlg)
        win = NoticesWindow()
        qtbot.addWidget(win)
        win.resize(1180, 560)
        win.show_snapshot(snap)
        win.show()
        qtbot.waitExposed(win)
        for i in range(win.tabs.count()):
            win.tabs.setCurrentIndex(i)
            QApplication.processEvents()
            found[f"tab {i}"] = clipped(win)
        assert not any(found.values()), "\n".join(
            f"{n}: {c}" for n, cs in found.items() for c in cs)
    finally:
        remove_translation(qapp)


def test_forms_offer_only_the_markings_the_channels_ceiling_allows(qtbot: Any) -> None:
    low, high = b"\x01" * 16, b"\x02" * 16
    snap = _snap(channels=[(low, "plenary", "UNCLASSIFIED"), (high, "caucus", "RESTRICTED")],
                 allowed={low: ("UNCLASSIFIED",), high: ("UNCLASSIFIED", "RESTRICTED")})
    for make in (ExerciseDialog, IncidentDialog, ExchangeDialog, TemplateFillDialog):
        dlg = make(snap)
        qtbot.addWidget(dlg)
        items = lambda d=dlg: [d.marking.itemText(i) for i in range(d.marking.count())]  # noqa: E731
        dlg.channel.setCurrentIndex(dlg.channel.findData(low))
        assert items() == ["UNCLASSIFIED"], make
        dlg.channel.setCurrentIndex(dlg.channel.findData(high))
        assert items() == ["UNCLASSIFIED", "RESTRICTED"], make
        dlg.marking.setCurrentText("RESTRICTED")
        assert dlg.values()["marking"] == "RESTRICTED"
        dlg.channel.setCurrentIndex(dlg.channel.findData(low))  # no longer allowed there
        assert dlg.values()["marking"] == "UNCLASSIFIED", make
