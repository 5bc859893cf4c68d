# SPDX-License-Identifier: Apache-2.0
"""The PySide6 None-refcount workaround (ui/qtfix.py)."""

from __future__ import annotations

import sys

from PySide6.QtCore import Qt
from PySide6.QtGui import QPainter, QPixmap

from ui.qtfix import pin_none


def test_void_calls_cannot_drain_none(qapp) -> None:  # type: ignore[no-untyped-def]
    pin_none()
    pix = QPixmap(8, 8)
    p = QPainter(pix)
    try:
        before = sys.getrefcount(None)
        for _ in range(20_000):  # each may release a reference it never took
            p.setPen(Qt.PenStyle.NoPen)
        assert sys.getrefcount(None) > 1 << 30 or sys.version_info >= (3, 12)
        # at most one per call, give or take what other threads (a session's core loop,
        # relay threads) hold of None at either moment
        assert before - sys.getrefcount(None) <= 20_000 + 1_000
    finally:
        p.end()
