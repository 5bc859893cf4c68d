# SPDX-License-Identifier: Apache-2.0
"""Paints one message: sender, reply excerpt, text, attachment, reactions and states.

MessageView heights depend on the text and the view's width, so :meth:`sizeHint` lays the row
out once per (row, width) and caches the result; painting reuses the same layout.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

from PySide6.QtCore import (
    QAbstractItemModel,
    QCoreApplication,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QFont, QFontMetrics, QMouseEvent, QPainter, QPalette
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from client.model import MessageView
from ui.avatars import mission_color
from ui.i18n import duration_text, meeting_text, size_text
from ui.models import roles

__all__ = ["MessageDelegate", "attachment_text", "footer_text", "mission_color", "sender_text"]

PAD = 8
MARGIN = 6
MAX_BUBBLE = 640


def _t(text: str) -> str:
    return QCoreApplication.translate("Message", text)


def sender_text(row: MessageView) -> str:
    """The sender, with the observer badge every client shows from the certificate, and
    the item's classification marking (the venue's term, never translated)."""
    name = row.sender_label
    who = _t("%1 · observer").replace("%1", name) if row.observer else name
    return f"{who} · {row.marking}" if row.marking else who


def footer_text(row: MessageView) -> str:
    """Time, edited, delivery/read, reactions and acknowledgement state, in words."""
    parts = [time.strftime("%H:%M", time.localtime(row.sent_at / 1000))]
    if row.edited:
        parts.append(_t("edited"))
    if row.own:
        if row.failed:
            parts.append(_t("failed: %1").replace("%1", row.failed))
        elif row.sending:
            parts.append(_t("sending…"))
        elif row.read_by:
            # by their certificates' names (the id beside a clashing one), never bare ids
            parts.append(_t("read by %1").replace("%1", ", ".join(map(row.person,
                                                                      row.read_by))))
        else:
            parts.append(_t("sent"))
    if row.reactions:
        parts.append("  ".join(f"{e} {len(who)}" for e, who in row.reactions))
    if row.requires_ack:
        if row.acked_missions:
            parts.append(_t("acknowledged by %1").replace("%1", ", ".join(row.acked_missions)))
        else:
            parts.append(_t("awaiting acknowledgement"))
    if row.expires_at:
        parts.append(_t("disappears %1").replace("%1", time.strftime(
            "%d %b %H:%M", time.localtime(row.expires_at))))
    return "  ·  ".join(parts)


def attachment_text(row: MessageView) -> str:
    """The attachment line: name, type, size, and how to save it."""
    return _t("File: %1 · %2 · %3 — Save… (Ctrl+S)").replace("%1", row.file_name).replace(
        "%2", row.mime_type).replace("%3", size_text(row.size))


@dataclass
class _Layout:
    bubble: QRect
    header: QRect
    reply: QRect
    body: QRect
    extra: QRect
    footer: QRect
    body_text: str
    extra_text: str


class MessageDelegate(QStyledItemDelegate):
    """See the module docstring. A click on an attachment line asks to save it."""

    saveClicked = Signal(object)  # MessageView

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._cache: dict[tuple[MessageView, int], _Layout] = {}
        #: message id -> (row, width, size): the view asks for every row's size at each
        #: relayout (hundreds of rows per appended chunk), so a hit must cost next to
        #: nothing: no option copy, no hashing of the whole row (an identity check)
        self._sizes: dict[str, tuple[MessageView, int, QSize]] = {}
        self.dark = False

    def clear_cache(self) -> None:
        self._cache.clear()
        self._sizes.clear()

    def _fonts(self, option: QStyleOptionViewItem) -> tuple[QFont, QFont, QFont]:
        base = QFont(option.font)
        bold = QFont(base)
        bold.setBold(True)
        small = QFont(base)
        small.setPointSizeF(max(7.0, base.pointSizeF() * 0.85))
        return base, bold, small

    def _layout(self, row: MessageView, option: QStyleOptionViewItem) -> _Layout:
        width = option.rect.width()
        key = (row, width)
        hit = self._cache.get(key)
        if hit is not None:
            return hit
        base, bold, small = self._fonts(option)
        fm, fb, fs = QFontMetrics(base), QFontMetrics(bold), QFontMetrics(small)
        inner_w = max(120, min(MAX_BUBBLE, int(width * 0.78)) - 2 * PAD)
        flags = Qt.TextFlag.TextWordWrap
        body_text = row.text
        if row.kind == "emergency":
            body_text = _t("EMERGENCY MEETING") + ("\n" + row.text if row.text else "")
        elif row.kind == "agenda":
            body_text = (_t("Agenda notice (revision %1)").replace(
                "%1", str(row.revision or "")) + "\n" + row.text)
        extra = ""
        if row.has_attachment:
            extra = attachment_text(row)
        elif row.kind == "emergency":
            extra = _t("Meeting: %1").replace("%1", meeting_text(row.meeting_at, row.detail))
        elif row.kind == "timer":
            extra = _t("Disappearing messages: %1").replace(
                "%1", duration_text(int(row.detail)) if row.detail.isdigit() else _t("off"))
        header = sender_text(row)
        h_rect = fb.boundingRect(QRect(0, 0, inner_w, 10_000), flags, header)
        r_rect = QRect()
        if row.reply_to:
            excerpt = "↩ " + (row.reply_excerpt or _t("an earlier message"))
            r_rect = fs.boundingRect(QRect(0, 0, inner_w - 8, 10_000), flags, excerpt)
        body_fm = fb if row.kind == "emergency" else fm
        b_rect = body_fm.boundingRect(QRect(0, 0, inner_w, 100_000), flags, body_text) \
            if body_text else QRect()
        e_rect = fs.boundingRect(QRect(0, 0, inner_w, 10_000), flags, extra) if extra else QRect()
        f_rect = fs.boundingRect(QRect(0, 0, inner_w, 10_000), flags, footer_text(row))
        content_w = max(h_rect.width(), r_rect.width() + 8, b_rect.width(), e_rect.width(),
                        f_rect.width())
        bw = min(inner_w, content_w) + 2 * PAD
        y = option.rect.top() + MARGIN + PAD
        x0 = option.rect.right() - MARGIN - bw if row.own else option.rect.left() + MARGIN
        x = x0 + PAD
        cw = bw - 2 * PAD

        def place(r: QRect, gap: int = 3) -> QRect:
            nonlocal y
            if r.isNull() or r.height() == 0:
                return QRect()
            out = QRect(x, y, cw, r.height())
            y += r.height() + gap
            return out

        header_r = place(h_rect)
        reply_r = place(QRect(0, 0, cw, r_rect.height() + 4) if not r_rect.isNull() else QRect())
        body_r = place(b_rect)
        extra_r = place(e_rect)
        footer_r = place(f_rect, 0)
        bubble = QRect(x0, option.rect.top() + MARGIN, bw, y - option.rect.top() - MARGIN + PAD)
        lay = _Layout(bubble, header_r, reply_r, body_r, extra_r, footer_r, body_text, extra)
        if len(self._cache) > 4000:
            self._cache.clear()
        self._cache[key] = lay
        return lay

    def editorEvent(self, event: QEvent, model: QAbstractItemModel,
                    option: QStyleOptionViewItem,
                    index: QModelIndex | QPersistentModelIndex) -> bool:
        """A left click on the attachment line is the Save action."""
        if event.type() == QEvent.Type.MouseButtonRelease and isinstance(event, QMouseEvent) \
                and event.button() == Qt.MouseButton.LeftButton:
            row: MessageView | None = index.data(roles.ROW)
            if row is not None and row.has_attachment:
                opt = QStyleOptionViewItem(option)
                opt.rect = QRect(option.rect.left(), 0, option.rect.width(), 0)
                lay = self._layout(row, opt)
                if lay.extra.translated(0, option.rect.top()).contains(event.position().toPoint()):
                    self.saveClicked.emit(row)
                    return True
        return super().editorEvent(event, model, option, index)

    def sizeHint(self, option: QStyleOptionViewItem,
                 index: QModelIndex | QPersistentModelIndex) -> QSize:
        """The laid-out bubble's height at the view's width (cached)."""
        row: MessageView | None = index.data(roles.ROW)
        if row is None:
            return QSize(0, 0)
        width = max(200, option.rect.width())
        hit = self._sizes.get(row.message_id)
        if hit is not None and hit[0] is row and hit[1] == width:
            return hit[2]
        opt = QStyleOptionViewItem(option)
        opt.rect = QRect(0, 0, width, 0)
        lay = self._layout(row, opt)
        size = QSize(width, lay.bubble.height() + 2 * MARGIN)
        if len(self._sizes) > 4000:
            self._sizes.clear()
        self._sizes[row.message_id] = (row, width, size)
        return size

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        """Bubble, then its parts; focus and selection outline the bubble."""
        row: MessageView | None = index.data(roles.ROW)
        if row is None:
            return
        opt = QStyleOptionViewItem(option)
        opt.rect = QRect(option.rect.left(), 0, option.rect.width(), 0)
        lay = self._layout(row, opt)
        dy = option.rect.top()
        pal = option.palette
        base, bold, small = self._fonts(option)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        bubble = lay.bubble.translated(0, dy)
        if row.kind == "emergency":
            fill = QColor("#7a1c1c") if self.dark else QColor("#fde2e1")
        elif row.requires_ack and not row.acked_missions and not row.own:
            fill = QColor("#5c4813") if self.dark else QColor("#fff4d6")
        elif row.own:
            fill = QColor(pal.color(QPalette.ColorRole.Highlight))
            fill.setAlpha(70 if self.dark else 45)
        else:
            fill = pal.color(QPalette.ColorRole.AlternateBase)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(fill)
        painter.drawRoundedRect(bubble, 8, 8)
        if option.state & QStyle.StateFlag.State_Selected or \
                option.state & QStyle.StateFlag.State_HasFocus:
            pen = painter.pen()
            pen.setStyle(Qt.PenStyle.SolidLine)
            pen.setColor(pal.color(QPalette.ColorRole.Highlight))
            pen.setWidth(2)
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(bubble.adjusted(1, 1, -1, -1), 8, 8)
        text_color = pal.color(QPalette.ColorRole.Text)
        muted = QColor(text_color)
        muted.setAlpha(170)
        flags = int(Qt.TextFlag.TextWordWrap)
        painter.setFont(bold)
        painter.setPen(mission_color(row.mission, self.dark))
        painter.drawText(lay.header.translated(0, dy), flags, sender_text(row))
        if not lay.reply.isNull():
            r = lay.reply.translated(0, dy)
            painter.fillRect(QRect(r.left(), r.top(), 3, r.height()), muted)
            painter.setFont(small)
            painter.setPen(muted)
            painter.drawText(r.adjusted(8, 2, 0, 0), flags,
                             "↩ " + (row.reply_excerpt or _t("an earlier message")))
        if not lay.body.isNull():
            f = QFont(base)
            f.setBold(row.kind == "emergency")
            painter.setFont(f)
            painter.setPen(text_color)
            painter.drawText(lay.body.translated(0, dy), flags, lay.body_text)
        if not lay.extra.isNull():
            painter.setFont(small)
            painter.setPen(pal.color(QPalette.ColorRole.Link) if row.has_attachment
                           and not self.dark else text_color)
            painter.drawText(lay.extra.translated(0, dy), flags, lay.extra_text)
        painter.setFont(small)
        painter.setPen(muted)
        painter.drawText(lay.footer.translated(0, dy), flags, footer_text(row))
        painter.restore()
