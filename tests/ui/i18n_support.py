# SPDX-License-Identifier: Apache-2.0
"""Finding text that does not fit its widget (for the pseudo-locale's layout test)."""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractButton, QComboBox, QLabel, QWidget


def _shown(w: QWidget, top: QWidget) -> bool:
    return w.isVisibleTo(top) and w.width() > 0


def clipped(top: QWidget) -> list[str]:
    """Every label, button and combo box under ``top`` whose text needs more room than
    it has: wider than the widget (unwrapped), or taller than it (word-wrapped)."""
    out = []
    for w in [top, *top.findChildren(QWidget)]:
        if not _shown(w, top):
            continue
        where = f"{type(w).__name__} {w.objectName() or ''}"
        if isinstance(w, QLabel) and w.text() and w.pixmap().isNull():
            if w.wordWrap():
                need = w.heightForWidth(w.width())
                if need > w.height() + 1:
                    out.append(f"{where} {w.text()[:60]!r}: needs {need}px high, "
                               f"has {w.height()}")
            elif w.sizeHint().width() > w.width() + 1:
                out.append(f"{where} {w.text()[:60]!r}: needs {w.sizeHint().width()}px, "
                           f"has {w.width()}")
        elif isinstance(w, (QAbstractButton, QComboBox)):
            text = w.text() if isinstance(w, QAbstractButton) else w.currentText()
            if text and w.sizeHint().width() > w.width() + 1:
                out.append(f"{where} {text[:60]!r}: needs {w.sizeHint().width()}px, "
                           f"has {w.width()}")
    return out
