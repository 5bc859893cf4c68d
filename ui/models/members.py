# SPDX-License-Identifier: Apache-2.0
"""Members of a channel grouped by mission, each device with its verification state."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel

from client.model import MemberView
from ui.avatars import avatar_icon

from . import roles

__all__ = ["MemberModel"]


class MemberModel(QStandardItemModel):
    """Mission rows, with one child row per device (``verified`` decides the mark)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.members: list[MemberView] = []

    def set_members(self, members: list[MemberView], verified: set[str]) -> None:
        self.clear()
        self.members = list(members)
        by_mission: dict[str, list[MemberView]] = {}
        for m in members:
            by_mission.setdefault(m.mission, []).append(m)
        for mission in sorted(by_mission):
            head = QStandardItem(mission)
            head.setIcon(avatar_icon(mission, mission, square=True))  # the mission's flag
            head.setEditable(False)
            head.setSelectable(False)
            f = head.font()
            f.setBold(True)
            head.setFont(f)
            for m in by_mission[mission]:
                if m.own:
                    state = QCoreApplication.translate("Members", "this device")
                elif m.device_id in verified:
                    state = QCoreApplication.translate("Members", "✔ verified")
                else:
                    state = QCoreApplication.translate("Members", "not verified")
                item = QStandardItem(f"{m.label}  ·  {m.device_id[:8]}  ·  {state}")
                item.setEditable(False)
                item.setIcon(avatar_icon(m.display_name or m.delegate, m.mission))
                item.setData(m.device_id, roles.DEVICE_ID)
                item.setData(m.device_id in verified or m.own, roles.VERIFIED)
                # the id beside the key: a name is the certificate's, the id is who
                item.setToolTip(f"{m.mission}/{m.delegate}\n" + QCoreApplication.translate(
                    "Members", "Device key %1").replace("%1", m.device_id))
                head.appendRow(item)
            self.appendRow(head)

    def member(self, device_id: str) -> MemberView | None:
        return next((m for m in self.members if m.device_id == device_id), None)


_ = Qt  # re-exported enums are used by callers through this module's types
