# SPDX-License-Identifier: Apache-2.0
"""The exercise register on a month calendar: each day an exercise runs is marked in
the colour of its status (notified or amended, cancelled, completed), filtered by
notifying mission; the chosen day's exercises are listed under it with their status and
revision. It renders the register rows the notices window already holds."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QTextCharFormat
from PySide6.QtWidgets import (
    QCalendarWidget,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from client.notices.book import ExerciseRow
from ui.i18n import tr_n
from ui.views.tables import fill_table, record_table

__all__ = ["STATUS_COLORS", "ExerciseCalendar", "days_of"]

#: the day's colour by the status of the exercise on it (the strongest one wins)
STATUS_COLORS = {"notified": QColor("#fff3cd"), "amended": QColor("#ffe08a"),
                 "completed": QColor("#d4edda"), "cancelled": QColor("#f8d7da")}
_RANK = ("cancelled", "completed", "notified", "amended")


def _t(text: str) -> str:
    return QCoreApplication.translate("Notices", text)


def _date(ms: int) -> QDate:
    return QDateTime.fromMSecsSinceEpoch(int(ms)).date()


def days_of(row: ExerciseRow, limit: int = 366) -> list[QDate]:
    """The local days an exercise runs on (at most ``limit``: a year-long notice does not
    mark a decade)."""
    first, last = _date(row["starts_at"]), _date(row["ends_at"])
    out: list[QDate] = []
    d = first
    while d <= last and len(out) < limit:
        out.append(d)
        d = d.addDays(1)
    return out


class ExerciseCalendar(QWidget):
    """A month calendar of exercise notices with a mission filter and the day's list."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("exerciseCalendar")
        self.rows: list[ExerciseRow] = []
        #: day -> the (filtered) exercises running on it
        self.by_day: dict[QDate, list[ExerciseRow]] = {}
        lay = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.mission = QComboBox(self)
        self.mission.setObjectName("calendarMission")
        self.mission.currentIndexChanged.connect(lambda _i: self._render())
        bar.addWidget(QLabel(_t("Mission"), self))
        bar.addWidget(self.mission, 1)
        legend = QLabel(self)
        legend.setTextFormat(Qt.TextFormat.RichText)
        legend.setText("  ".join(
            f"<span style='background:{STATUS_COLORS[s].name()}'>&nbsp;{label}&nbsp;</span>"
            for s, label in (("notified", _t("notified")), ("amended", _t("amended")),
                             ("completed", _t("completed")),
                             ("cancelled", _t("cancelled")))))
        bar.addWidget(legend)
        lay.addLayout(bar)
        self.calendar = QCalendarWidget(self)
        self.calendar.setGridVisible(True)
        self.calendar.setVerticalHeaderFormat(
            QCalendarWidget.VerticalHeaderFormat.NoVerticalHeader)
        self.calendar.selectionChanged.connect(self._show_day)
        lay.addWidget(self.calendar, 3)
        self.day_label = QLabel(self)
        lay.addWidget(self.day_label)
        self.day: QTableWidget = record_table([_t("Marking"), _t("Mission"), _t("Exercise"),
                                         _t("Status"), _t("Area")])
        self.day.setParent(self)
        lay.addWidget(self.day, 2)

    def show_rows(self, rows: Sequence[ExerciseRow]) -> None:
        self.rows = list(rows)
        current = self.mission.currentData()
        self.mission.blockSignals(True)
        self.mission.clear()
        self.mission.addItem(_t("All missions"), "")
        for m in sorted({r["mission"] for r in self.rows}):
            self.mission.addItem(m, m)
        self.mission.setCurrentIndex(max(self.mission.findData(current), 0))
        self.mission.blockSignals(False)
        self._render()

    def _render(self) -> None:
        want = self.mission.currentData() or ""
        self.by_day = {}
        for r in self.rows:
            if want and r["mission"] != want:
                continue
            for d in days_of(r):
                self.by_day.setdefault(d, []).append(r)
        self.calendar.setDateTextFormat(QDate(), QTextCharFormat())  # clear every day
        for d, rows in self.by_day.items():
            fmt = QTextCharFormat()
            status = max((r["status"] for r in rows), key=_RANK.index)
            fmt.setBackground(QBrush(STATUS_COLORS.get(status, STATUS_COLORS["notified"])))
            fmt.setFontWeight(QFont.Weight.Bold)
            if status == "cancelled":
                fmt.setFontStrikeOut(True)
            self.calendar.setDateTextFormat(d, fmt)
        self._show_day()

    def _show_day(self) -> None:
        d = self.calendar.selectedDate()
        rows = self.by_day.get(d, [])
        self.day_label.setText(tr_n("Notices", "%1: %n exercise(s)", len(rows)).replace(
            "%1", d.toString(Qt.DateFormat.ISODate)))
        fill_table(self.day, [(r["notice_id"], [
            r["marking"] or "UNCLASSIFIED", r["mission"], r["name"],
            _t("%1 (revision %2)").replace("%1", _status(r["status"])).replace(
                "%2", str(r["revision"])), r["area"]],
            STATUS_COLORS.get(r["status"])) for r in rows])

    def status_on(self, d: QDate) -> str:
        """The status colouring ``d`` ("" when no exercise runs that day)."""
        rows = self.by_day.get(d, [])
        return max((r["status"] for r in rows), key=_RANK.index) if rows else ""


def _status(status: str) -> str:
    return {"notified": _t("notified"), "amended": _t("amended"),
            "cancelled": _t("cancelled"), "completed": _t("completed")}.get(status, status)
