# SPDX-License-Identifier: Apache-2.0
"""The emergency banner's tracker writes who acknowledged as the member pane does: the
verified name alone when it singles the delegate out, the id beside a name that clashes,
the id alone when no certificate names them (never a name a message could choose)."""

from __future__ import annotations

from PySide6.QtCore import Qt

from client.model import AckStatus, MemberView, MissionAck
from ui.models.tracker import AckTrackerModel
from ui.views.panels import EmergencyBanner


def _status() -> AckStatus:
    return AckStatus(channel_id="00" * 16, message_id="11" * 16, author="alderia/ana",
                     kind="emergency", requires_ack=True, missions=(
                         MissionAck("borduria", "acknowledged", (), ("borduria/ben",)),
                         MissionAck("carpathia", "acknowledged", (), ("carpathia/ana",)),
                         MissionAck("dalmatia", "acknowledged", (), ("dalmatia/eve",)),
                         MissionAck("elbonia", "pending", (), ())))


def _labels() -> dict[str, str]:
    """What UiAdapter.member_labels makes of the channel's members."""
    members = [MemberView("borduria", "ben", "aa", False, "Ben", False),
               MemberView("carpathia", "ana", "bb", False, "Ana", True),
               MemberView("dalmatia", "eve", "cc", False, "", False)]
    return {f"{m.mission}/{m.delegate}": m.label for m in members}


def test_tracker_names_who_acknowledged_as_the_member_pane_does(qtbot) -> None:
    m = AckTrackerModel()
    m.set_status(_status(), _labels())
    shown = {m.index(r, 0).data(): m.index(r, 0).data(Qt.ItemDataRole.ToolTipRole)
             for r in range(m.rowCount())}
    assert shown == {
        "✗ elbonia — not yet answered": None,
        "✓ borduria — acknowledged by Ben": "borduria/ben",  # unique: the name alone
        "✓ carpathia — acknowledged by Ana (carpathia/ana)": "carpathia/ana",  # clash
        "✓ dalmatia — acknowledged by eve": "dalmatia/eve",  # no certified name
    }
    m.set_status(_status())  # no names known (a member who left): the id
    assert "✓ borduria — acknowledged by borduria/ben" in [
        m.index(r, 0).data() for r in range(m.rowCount())]


def test_banner_passes_the_names_to_its_tracker(qtbot) -> None:
    banner = EmergencyBanner()
    qtbot.addWidget(banner)
    banner.set_status(_status(), "elbonia", _labels())
    rows = [banner.tracker_model.index(r, 0).data()
            for r in range(banner.tracker_model.rowCount())]
    assert "✓ borduria — acknowledged by Ben" in rows
    assert not any(r.endswith("borduria/ben") for r in rows)
