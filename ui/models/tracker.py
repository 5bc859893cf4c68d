# SPDX-License-Identifier: Apache-2.0
"""Acknowledgement tracker: which missions have answered a message that needs it."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QAbstractListModel, QCoreApplication, QModelIndex, QObject, Qt
from PySide6.QtCore import QPersistentModelIndex as QPIndex

from client.model import AckStatus

__all__ = ["AckTrackerModel"]

Index = QModelIndex | QPIndex
_ROOT = QModelIndex()  # the invisible root (a shared default argument)
ANSWERED_ROLE = Qt.ItemDataRole.UserRole.value + 40


class AckTrackerModel(QAbstractListModel):
    """Missions that have not answered first, then those that have (with who answered,
    written as the member pane writes them: the verified name, the id beside a name that
    clashes, the id without a name; the id in the tooltip)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._items: list[tuple[str, str]] = []  # (mission, who answered or "")
        self._labels: Mapping[str, str] = {}
        self._read: set[str] = set()
        self.status: AckStatus | None = None

    def rowCount(self, parent: Index = _ROOT) -> int:
        """One row per mission expected to answer."""
        return 0 if parent.isValid() else len(self._items)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        """'mission — waiting' or 'mission — acknowledged by delegate'."""
        if not index.isValid() or not 0 <= index.row() < len(self._items):
            return None
        mission, who = self._items[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            if who:
                return QCoreApplication.translate(
                    "Tracker", "✓ %1 — acknowledged by %2").replace("%1", mission).replace(
                    "%2", self._labels.get(who) or who)
            if mission in self._read:
                return QCoreApplication.translate(
                    "Tracker", "✗ %1 — read, not yet acknowledged").replace("%1", mission)
            return QCoreApplication.translate("Tracker", "✗ %1 — not yet answered").replace(
                "%1", mission)
        if role == ANSWERED_ROLE:
            return bool(who)
        if role == Qt.ItemDataRole.ToolTipRole:
            return who or None  # the id behind the name
        if role == Qt.ItemDataRole.ForegroundRole:
            return None
        return None

    def set_status(self, status: AckStatus | None,
                   labels: Mapping[str, str] | None = None) -> None:
        """Show ``status``; ``labels``: "mission/delegate" -> how to write them (the
        channel's members, :meth:`ui.adapter.UiAdapter.member_labels`)."""
        self.beginResetModel()
        self.status = status
        self._labels = dict(labels or {})
        self._read = set(status.read) if status is not None else set()
        if status is None:
            self._items = []
        else:
            self._items = [(m, "") for m in status.waiting] + sorted(status.answered.items())
        self.endResetModel()

    def waiting(self) -> list[str]:
        return [m for m, who in self._items if not who]
