# SPDX-License-Identifier: Apache-2.0
"""The channel list: four groups (Notices, Bilateral, Multilateral, Caucus) with channels.

A two-level tree. Group rows are fixed; channel rows change as the core reports
joins and leaves (:meth:`ChannelListModel.set_channels` diffs by id, so selection and
expansion survive). Unread counts are per channel and summed on the group row. A channel
whose routing by the relay differs from its MLS roster carries a warning icon, and the
warning in its tooltip (client.health).
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QCoreApplication, QModelIndex, QObject, Qt
from PySide6.QtCore import QPersistentModelIndex as QPIndex
from PySide6.QtWidgets import QApplication, QStyle

from ui.rows import ChannelSummary

from . import roles

__all__ = ["GROUP_KINDS", "ChannelListModel", "group_title"]

GROUP_KINDS: tuple[str, ...] = ("notice", "bilateral", "multilateral", "caucus")
_NO_PARENT = 0xFFFFFFFF  # internal id of group rows; channel rows carry their group row

Index = QModelIndex | QPIndex
_ROOT = QModelIndex()  # the invisible root (a shared default argument)


def group_title(kind: str) -> str:
    titles = {
        "notice": QCoreApplication.translate("ChannelList", "Notices"),
        "bilateral": QCoreApplication.translate("ChannelList", "Bilateral"),
        "multilateral": QCoreApplication.translate("ChannelList", "Multilateral"),
        "caucus": QCoreApplication.translate("ChannelList", "Caucus"),
    }
    return titles[kind]


class ChannelListModel(QAbstractItemModel):
    """Groups of channels by kind; see the module docstring."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._groups: dict[str, list[ChannelSummary]] = {k: [] for k in GROUP_KINDS}
        self._unread: dict[str, int] = {}

    # ------------------------------------------------------------------ structure

    def index(self, row: int, column: int, parent: Index = _ROOT) -> QModelIndex:
        """Group rows at the top level; channel rows under their group."""
        if column != 0 or row < 0:
            return QModelIndex()
        if not parent.isValid():
            if row >= len(GROUP_KINDS):
                return QModelIndex()
            return self.createIndex(row, 0, _NO_PARENT)
        if parent.internalId() != _NO_PARENT:
            return QModelIndex()
        kind = GROUP_KINDS[parent.row()]
        if row >= len(self._groups[kind]):
            return QModelIndex()
        return self.createIndex(row, 0, parent.row())

    def parent(self, child: Index = _ROOT) -> QModelIndex:  # type: ignore[override]
        """The group row of a channel row; nothing for group rows."""
        if not child.isValid() or child.internalId() == _NO_PARENT:
            return QModelIndex()
        return self.createIndex(int(child.internalId()), 0, _NO_PARENT)

    def rowCount(self, parent: Index = _ROOT) -> int:
        """Four groups; each group's channels."""
        if not parent.isValid():
            return len(GROUP_KINDS)
        if parent.column() != 0 or parent.internalId() != _NO_PARENT:
            return 0
        return len(self._groups[GROUP_KINDS[parent.row()]])

    def columnCount(self, parent: Index = _ROOT) -> int:
        """One column: the name (the delegate paints the badge)."""
        return 1

    def flags(self, index: Index) -> Qt.ItemFlag:
        """Group rows are not selectable; channel rows are."""
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        if index.internalId() == _NO_PARENT:
            return Qt.ItemFlag.ItemIsEnabled
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        """Name, tooltip, and the custom roles of models.roles."""
        if not index.isValid():
            return None
        if index.internalId() == _NO_PARENT:
            kind = GROUP_KINDS[index.row()]
            if role == Qt.ItemDataRole.DisplayRole:
                return group_title(kind)
            if role == roles.IS_GROUP:
                return True
            if role == roles.KIND:
                return kind
            if role == roles.CHANNEL_ID:
                return ""
            if role == roles.UNREAD:
                return sum(self._unread.get(c.channel_id, 0) for c in self._groups[kind])
            return None
        ch = self._groups[GROUP_KINDS[int(index.internalId())]][index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return ch.name
        if role == Qt.ItemDataRole.ToolTipRole:
            tip = QCoreApplication.translate("ChannelList", "Missions: %1").replace(
                "%1", ", ".join(ch.missions))
            if ch.routing_warning:
                tip += "\n" + QCoreApplication.translate("ChannelList", "Warning: %1").replace(
                    "%1", ch.routing_warning)
            return tip
        if role == Qt.ItemDataRole.DecorationRole and ch.routing_warning:
            return QApplication.style().standardIcon(
                QStyle.StandardPixmap.SP_MessageBoxWarning)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            n = self._unread.get(ch.channel_id, 0)
            text = QCoreApplication.translate("ChannelList", "%1, %2 unread").replace(
                "%1", ch.name).replace("%2", str(n))
            if ch.routing_warning:
                text += ", " + QCoreApplication.translate("ChannelList", "routing warning")
            return text
        if role == roles.WARNING:
            return ch.routing_warning
        if role == roles.IS_GROUP:
            return False
        if role == roles.CHANNEL_ID:
            return ch.channel_id
        if role == roles.KIND:
            return ch.kind
        if role == roles.UNREAD:
            return self._unread.get(ch.channel_id, 0)
        if role == roles.CAN_POST:
            return ch.can_post
        return None

    # ------------------------------------------------------------------ updates

    def set_channels(self, channels: list[ChannelSummary]) -> None:
        """Replace the channel list, row by row, so views keep their state."""
        for g, kind in enumerate(GROUP_KINDS):
            new = sorted((c for c in channels if c.kind == kind and not c.left),
                         key=lambda c: c.name.casefold())
            old = self._groups[kind]
            parent = self.index(g, 0)
            new_ids = {c.channel_id for c in new}
            for i in reversed(range(len(old))):
                if old[i].channel_id not in new_ids:
                    self.beginRemoveRows(parent, i, i)
                    del old[i]
                    self.endRemoveRows()
            for i, ch in enumerate(new):
                pos = next((j for j, c in enumerate(old) if c.channel_id == ch.channel_id), -1)
                if pos == -1:
                    self.beginInsertRows(parent, i, i)
                    old.insert(i, ch)
                    self.endInsertRows()
                else:
                    if pos != i:
                        self.beginMoveRows(parent, pos, pos, parent, i if i < pos else i + 1)
                        old.insert(i, old.pop(pos))
                        self.endMoveRows()
                    old[i] = ch
                    idx = self.index(i, 0, parent)
                    self.dataChanged.emit(idx, idx)

    def channel(self, channel_id: str) -> ChannelSummary | None:
        for chans in self._groups.values():
            for c in chans:
                if c.channel_id == channel_id:
                    return c
        return None

    def channels(self) -> list[ChannelSummary]:
        return [c for k in GROUP_KINDS for c in self._groups[k]]

    def index_of(self, channel_id: str) -> QModelIndex:
        for g, kind in enumerate(GROUP_KINDS):
            for i, c in enumerate(self._groups[kind]):
                if c.channel_id == channel_id:
                    return self.index(i, 0, self.index(g, 0))
        return QModelIndex()

    def set_unread(self, channel_id: str, count: int) -> None:
        if self._unread.get(channel_id, 0) == count:
            return
        self._unread[channel_id] = count
        idx = self.index_of(channel_id)
        if idx.isValid():
            self.dataChanged.emit(idx, idx, [roles.UNREAD])
            group = idx.parent()
            self.dataChanged.emit(group, group, [roles.UNREAD])

    def unread(self, channel_id: str) -> int:
        return self._unread.get(channel_id, 0)

    def total_unread(self) -> int:
        return sum(self._unread.values())
