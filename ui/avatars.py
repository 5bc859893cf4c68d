# SPDX-License-Identifier: Apache-2.0
"""Generated avatars: a person's initials on their mission's colour, and a mission's
"flag" (its initials on a square of its colour). Drawn here, never fetched: no external
images, nothing that could leak who looks at whom."""

from __future__ import annotations

import hashlib
import re
from functools import lru_cache

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor, QFont, QIcon, QPainter, QPixmap

__all__ = ["avatar_icon", "avatar_pixmap", "initials", "mission_color"]


def mission_color(mission: str, dark: bool = False) -> QColor:
    """A stable, readable colour per mission, the same everywhere (sender names, flags,
    avatars): a hue from a hash of the mission id, so similar ids still differ."""
    hue = int.from_bytes(hashlib.sha256(mission.encode()).digest()[:2], "big") % 360
    c = QColor()
    c.setHsl(hue, 150, 170 if dark else 80)
    return c


def initials(name: str) -> str:
    """Up to two letters: "Alice Martin" -> "AM", "alderia/ana" -> "AN", "" -> "?"."""
    tail = name.split("/")[-1]
    words = [w for w in re.split(r"[\s._@-]+", tail) if w]
    if not words:
        return "?"
    if len(words) == 1:
        return words[0][:2].upper()
    return (words[0][0] + words[-1][0]).upper()


@lru_cache(maxsize=512)
def avatar_pixmap(name: str, mission: str, size: int = 28, square: bool = False,
                  dark: bool = False) -> QPixmap:
    """Initials of ``name`` in white on ``mission``'s colour; a circle for a person, a
    rounded square for a mission's flag."""
    pix = QPixmap(size, size)
    pix.fill(Qt.GlobalColor.transparent)
    p = QPainter(pix)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(mission_color(mission, dark))
    if square:
        p.drawRoundedRect(0, 0, size, size, size / 5, size / 5)
    else:
        p.drawEllipse(0, 0, size, size)
    f = QFont()
    f.setBold(True)
    f.setPixelSize(max(8, int(size * 0.42)))
    p.setFont(f)
    p.setPen(QColor("#ffffff"))
    p.drawText(QRect(0, 0, size, size), int(Qt.AlignmentFlag.AlignCenter), initials(name))
    p.end()
    return pix


def avatar_icon(name: str, mission: str, square: bool = False) -> QIcon:
    return QIcon(avatar_pixmap(name, mission, 28, square))
