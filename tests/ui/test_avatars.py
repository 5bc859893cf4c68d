# SPDX-License-Identifier: Apache-2.0
"""Generated avatars: initials on the mission's colour (no external image), and the
member pane showing a flag per mission and an avatar per device."""

from __future__ import annotations

from tests.support.ui_windows import TIMEOUT
from ui.avatars import avatar_pixmap, initials, mission_color


def test_initials() -> None:
    assert initials("Alice Martin") == "AM"
    assert initials("alderia/ana") == "AN"
    assert initials("jean-luc picard") == "JP"
    assert initials("") == "?" and initials("   ") == "?"


def test_avatar_is_the_missions_colour_and_stable(qapp) -> None:  # type: ignore[no-untyped-def]
    a = avatar_pixmap("ana", "alderia", 32).toImage()
    b = avatar_pixmap("ana", "borduria", 32).toImage()
    edge = a.pixelColor(16, 2)  # inside the circle, away from the letters
    assert edge.rgb() == mission_color("alderia").rgb()
    assert b.pixelColor(16, 2).rgb() == mission_color("borduria").rgb() != edge.rgb()
    assert a.pixelColor(0, 0).alpha() == 0  # a circle: the corner is transparent
    flag = avatar_pixmap("alderia", "alderia", 32, square=True).toImage()
    assert flag.pixelColor(1, 16).rgb() == mission_color("alderia").rgb()
    assert avatar_pixmap("ana", "alderia", 32) is avatar_pixmap("ana", "alderia", 32)


def test_member_pane_shows_flags_and_avatars(open_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    w = open_window(0)
    model = w.member_pane.model
    # The member list arrives from the client core after the window opens (bridge.submit).
    qtbot.waitUntil(lambda: model.rowCount() > 0, timeout=TIMEOUT)
    for r in range(model.rowCount()):
        head = model.item(r)
        assert not head.icon().isNull()
        for c in range(head.rowCount()):
            assert not head.child(c).icon().isNull()

