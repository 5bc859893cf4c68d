# SPDX-License-Identifier: Apache-2.0
"""Finding text that does not fit its widget (for the pseudo-locale's layout test)."""

from __future__ import annotations

from PySide6.QtCore import QRect
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QLabel,
    QStyleOptionViewItem,
    QWidget,
)


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


def clipped_rows(view: QAbstractItemView) -> list[str]:
    """Every row of ``view`` whose text needs more room than its row has at its width."""
    model = view.model()
    out = []
    pending = [model.index(r, 0) for r in range(model.rowCount())]
    while pending:
        index = pending.pop()
        pending += [model.index(r, 0, index) for r in range(model.rowCount(index))]
        rect = view.visualRect(index)
        if not rect.isValid():
            continue
        option = QStyleOptionViewItem()
        view.initViewItemOption(option)
        option.rect = QRect(0, 0, rect.width(), 1)
        need = view.itemDelegate().sizeHint(option, index)
        if need.width() > rect.width() + 1 or need.height() > rect.height() + 1:
            out.append(f"row {index.data()!r}: needs {need.width()}x{need.height()}px, "
                       f"has {rect.width()}x{rect.height()}")
    return out
