# SPDX-License-Identifier: Apache-2.0
"""Help > Keyboard shortcuts: every menu action of the window and its key, generated
from the actions themselves (so the list never goes stale)."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

__all__ = ["ShortcutsDialog", "shortcut_rows"]


def _t(text: str) -> str:
    return QCoreApplication.translate("Shortcuts", text)


def _mnemonic(text: str) -> str:
    plain = text.replace("&&", "")
    i = plain.find("&")
    return plain[i + 1].upper() if 0 <= i < len(plain) - 1 else ""


def shortcut_rows(menus: Iterable[tuple[str, Iterable[QAction]]]) -> list[tuple[str, str, str]]:
    """``(menu, action, key)`` for every action: its shortcut, else the menu's and the
    action's underlined letters (Alt+C, then N)."""
    rows = []
    for menu, actions in menus:
        for a in actions:
            if a.isSeparator() or not a.text():
                continue
            key = a.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            if not key and _mnemonic(menu) and _mnemonic(a.text()):
                key = f"Alt+{_mnemonic(menu)}, {_mnemonic(a.text())}"
            rows.append((menu.replace("&", ""), a.text().replace("&", ""), key))
    return rows


class ShortcutsDialog(QDialog):
    def __init__(self, rows: list[tuple[str, str, str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("shortcutsDialog")
        self.setWindowTitle(_t("Keyboard shortcuts"))
        layout = QVBoxLayout(self)
        intro = QLabel(_t("Everything in the app can be done from the keyboard: Tab moves "
                          "between controls, the arrow keys within lists."), self)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.table = QTableWidget(len(rows), 3, self)
        self.table.setAccessibleName(_t("Keyboard shortcuts"))
        self.table.setHorizontalHeaderLabels([_t("Menu"), _t("Action"), _t("Key")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                self.table.setItem(r, c, QTableWidgetItem(value))
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setMinimumSize(560, 360)
        layout.addWidget(self.table, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
