# SPDX-License-Identifier: Apache-2.0
"""Paints a channel-list row: its name, and an unread badge when there is something new."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from ui.models import roles

__all__ = ["ChannelDelegate"]


class ChannelDelegate(QStyledItemDelegate):
    """Standard row painting, then a rounded badge with the unread count on the right."""

    def sizeHint(self, option: QStyleOptionViewItem,
                 index: QModelIndex | QPersistentModelIndex) -> QSize:
        """A little taller than the default, for the badge."""
        s = super().sizeHint(option, index)
        return QSize(s.width() + 40, max(s.height(), QFontMetrics(option.font).height() + 10))

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        """Group headers bold; channels plain; the badge over the right edge."""
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        unread = int(index.data(roles.UNREAD) or 0)
        if index.data(roles.IS_GROUP) or unread:
            opt.font.setBold(True)
        badge_w = 0
        small = QFont(option.font)
        small.setBold(True)
        text = str(unread) if unread < 1000 else "999+"
        if unread:
            fm = QFontMetrics(small)
            badge_w = max(fm.horizontalAdvance(text) + 12, fm.height() + 4)
            indent = 28 if not index.data(roles.IS_GROUP) else 20
            opt.text = QFontMetrics(opt.font).elidedText(
                opt.text, Qt.TextElideMode.ElideRight,
                max(20, option.rect.width() - badge_w - 16 - indent))
        style = opt.widget.style() if opt.widget else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        if unread:
            painter.save()
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            fm = QFontMetrics(small)
            h = fm.height() + 2
            r = QRect(option.rect.right() - badge_w - 6, option.rect.center().y() - h // 2,
                      badge_w, h)
            is_group = bool(index.data(roles.IS_GROUP))
            painter.setBrush(QColor("#6b7280") if is_group else
                             option.palette.color(QPalette.ColorRole.Highlight))
            painter.setPen(Qt.PenStyle.NoPen)
            painter.drawRoundedRect(r, h / 2, h / 2)
            painter.setPen(option.palette.color(QPalette.ColorRole.HighlightedText))
            painter.setFont(small)
            painter.drawText(r, int(Qt.AlignmentFlag.AlignCenter), text)
            painter.restore()
