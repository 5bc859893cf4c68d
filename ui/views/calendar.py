# SPDX-License-Identifier: Apache-2.0
"""The venue's calendar of regular meetings in the crisis desk: the upcoming meetings
with their agendas, and "Export to calendar…" writing the iCalendar file a delegate's
calendar application imports (:func:`client.crisis.meetings.calendar_ics`).

The venue hands its calendar out as a file (the one ``corridor meeting calendar``
reads); opened here, it is kept in the device's home so the next start shows it again.
"""

from __future__ import annotations

import time
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from client.cli_common import parse_when
from client.crisis import meetings
from client.crisis.meetings import RegularMeeting

__all__ = ["CalendarPanel"]

#: where an opened calendar is kept, in the device's home
KEPT = "calendar.json"


def _t(text: str) -> str:
    return QCoreApplication.translate("Calendar", text)


def _to_ms(value: object) -> int:
    if isinstance(value, int):
        return value

    return parse_when(str(value))


class CalendarPanel(QWidget):
    """The calendar tab; ``exported`` carries the path of each .ics written."""

    exported = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("calendarPanel")
        self.meetings: list[RegularMeeting] = []
        self.home: Path | None = None
        self.venue = "Corridor"
        self.table = QTableWidget(0, 4, self)
        self.table.setObjectName("calendarTable")
        self.table.setHorizontalHeaderLabels([_t("When"), _t("Meeting"), _t("Place"),
                                              _t("Agenda")])
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().setVisible(False)
        self.open_btn = QPushButton(_t("&Open the venue's calendar…"), self)
        self.export_btn = QPushButton(_t("E&xport to calendar…"), self)
        self.export_btn.setObjectName("exportCalendar")
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(self.open_btn)
        row.addWidget(self.export_btn)
        row.addStretch(1)
        lay = QVBoxLayout(self)
        lay.addLayout(row)
        lay.addWidget(self.table, 1)
        lay.addWidget(self.note)
        self.open_btn.clicked.connect(self._open)
        self.export_btn.clicked.connect(self._export)
        self.show_calendar([])

    def use_home(self, home: Path, venue: str = "") -> None:
        """Keep opened calendars in ``home``, and show the one kept there."""
        self.home, self.venue = home, venue or self.venue
        kept = home / KEPT
        if kept.is_file():
            self.load(kept, keep=False)

    def load(self, path: Path, *, keep: bool = True) -> bool:
        """Read a calendar file (a JSON list of meetings); False, said, if it is not one."""
        try:
            raw = path.read_bytes()
            found = meetings.parse_calendar(raw, _to_ms)
        except (OSError, ValueError) as exc:
            self.note.setText(_t("Could not read the calendar: %1").replace("%1", str(exc)))
            return False
        if keep and self.home is not None:
            (self.home / KEPT).write_bytes(raw)
        self.show_calendar(found)
        return True

    def show_calendar(self, found: list[RegularMeeting], now_ms: int | None = None) -> None:
        from ui.views.crisis import when

        self.meetings = list(found)
        now = int(time.time() * 1000) if now_ms is None else now_ms
        rows = meetings.upcoming(self.meetings, now)
        self.table.setRowCount(len(rows))
        for i, (at, m) in enumerate(rows):
            for j, text in enumerate((when(at), m.title, m.place, m.agenda)):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                item.setData(Qt.ItemDataRole.UserRole, m.uid)
                self.table.setItem(i, j, item)
        self.table.resizeColumnsToContents()  # the agenda, last, takes what is left
        self.export_btn.setEnabled(bool(self.meetings))
        if not self.meetings:
            self.note.setText(_t("No calendar yet: open the file of regular meetings your "
                                 "venue hands out."))
        else:
            self.note.setText(_t("Times in UTC. The export keeps each meeting's recurrence "
                                 "and agenda."))

    def export(self, path: Path) -> bool:
        """Write the calendar as iCalendar to ``path``."""
        data = meetings.calendar_ics(self.meetings, venue=self.venue,
                                     stamp_ms=int(time.time() * 1000))
        try:
            path.write_bytes(data)
        except OSError as exc:
            self.note.setText(_t("Could not write %1: %2").replace("%1", str(path)).replace(
                "%2", exc.strerror or str(exc)))
            return False
        self.note.setText(_t("Calendar written to %1").replace("%1", str(path)))
        self.exported.emit(str(path))
        return True

    def _open(self) -> None:
        name, _f = QFileDialog.getOpenFileName(self, _t("Open the venue's calendar"), "",
                                               _t("Calendar (*.json)"))
        if name:
            self.load(Path(name))

    def _export(self) -> None:
        name, _f = QFileDialog.getSaveFileName(self, _t("Export to calendar"), "venue.ics",
                                               _t("iCalendar (*.ics)"))
        if name:
            self.export(Path(name if name.endswith(".ics") else name + ".ics"))
