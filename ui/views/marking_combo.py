# SPDX-License-Identifier: Apache-2.0
"""The classification marking a user chooses for what a desk sends (a hotline call, a
request for explanation, a text under silence, a draft): a combo box of the venue's
levels at or under the chosen channel's ceiling, the lowest first and chosen by default,
so a dialog never offers what the client would refuse; and a small text dialog with it
(answering a call, replying to a request)."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QPlainTextEdit,
    QWidget,
)

from ui.views.buttons import ok_cancel

__all__ = ["MarkedTextDialog", "MarkingCombo"]


def _t(text: str) -> str:
    return QCoreApplication.translate("Marking", text)


class MarkingCombo(QComboBox):
    """The levels a channel's ceiling allows; :meth:`follow` keeps them those of the
    channel a channel combo box shows (its items' data are channel ids)."""

    def __init__(self, levels: tuple[str, ...] = (), parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("markingCombo")
        self.setToolTip(_t("Classification marking: only the levels the channel's ceiling "
                           "allows are offered"))
        self.set_levels(levels)

    def set_levels(self, levels: tuple[str, ...]) -> None:
        """Offer ``levels`` (lowest first); keep the choice if still allowed, else the
        lowest."""
        keep = self.currentText()
        self.clear()
        self.addItems(list(levels))
        self.setCurrentIndex(max(self.findText(keep), 0) if keep else 0)

    def follow(self, channel: QComboBox, levels: Mapping[bytes, tuple[str, ...]]) -> None:
        def update() -> None:
            self.set_levels(levels.get(channel.currentData(), ()))

        channel.currentIndexChanged.connect(update)
        update()

    def marking(self) -> str:
        """The chosen level ("" when none is offered: the desk's default, the lowest)."""
        return self.currentText()


class MarkedTextDialog(QDialog):
    """A text and its marking: answering a hotline call, replying to a request."""

    def __init__(self, title: str, label: str, levels: tuple[str, ...],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.text = QPlainTextEdit(self)
        self.marking = MarkingCombo(levels, self)
        form = QFormLayout(self)
        form.addRow(label, self.text)
        form.addRow(_t("&Marking:"), self.marking)
        form.addRow(ok_cancel(self))
        self.resize(520, 300)
