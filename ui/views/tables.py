# SPDX-License-Identifier: Apache-2.0
"""Read-only record tables shared by the crisis, decisions and notices windows: one
look (whole-row selection, no in-place editing) and a refill that keeps the user's
selected record selected while the core pushes updates."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QTableWidget, QTableWidgetItem

__all__ = ["fill_table", "record_table", "selected_key"]


def record_table(headers: list[str]) -> QTableWidget:
    t = QTableWidget(0, len(headers))
    t.setHorizontalHeaderLabels(headers)
    t.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
    t.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
    t.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
    t.verticalHeader().setVisible(False)
    t.horizontalHeader().setStretchLastSection(True)
    return t


def fill_table(t: QTableWidget, rows: list[tuple[object, list[str], QColor | None]]) -> None:
    """Replace the rows; each row carries its record key (``UserRole``) and an optional
    background colour for its state."""
    keep = selected_key(t)
    t.setRowCount(len(rows))
    for i, (key, cells, color) in enumerate(rows):
        for j, text in enumerate(cells):
            item = QTableWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, key)
            if color is not None:
                item.setBackground(color)
            t.setItem(i, j, item)
        if key == keep:
            t.selectRow(i)
    t.resizeColumnsToContents()


def selected_key(t: QTableWidget) -> object:
    items = t.selectedItems()
    return items[0].data(Qt.ItemDataRole.UserRole) if items else None
