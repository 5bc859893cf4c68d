# SPDX-License-Identifier: Apache-2.0
"""Light and dark palettes (Fusion style, so both look the same on every platform), and
a focus ring on buttons and check boxes, drawn whenever they hold the keyboard focus
(Fusion draws none on them after a click, or on flat buttons): a keyboard user always
sees where the focus is."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPainter, QPalette, QPen
from PySide6.QtWidgets import (
    QApplication,
    QProxyStyle,
    QStyle,
    QStyleFactory,
    QStyleOption,
    QStyleOptionComplex,
    QWidget,
)

__all__ = ["FocusRingStyle", "apply_theme", "is_dark"]

_DARK = {
    QPalette.ColorRole.Window: "#1f2329",
    QPalette.ColorRole.WindowText: "#e6e9ef",
    QPalette.ColorRole.Base: "#171a1f",
    QPalette.ColorRole.AlternateBase: "#2a2f37",
    QPalette.ColorRole.Text: "#e6e9ef",
    QPalette.ColorRole.Button: "#2a2f37",
    QPalette.ColorRole.ButtonText: "#e6e9ef",
    QPalette.ColorRole.Highlight: "#3d7bd9",
    QPalette.ColorRole.HighlightedText: "#ffffff",
    QPalette.ColorRole.ToolTipBase: "#2a2f37",
    QPalette.ColorRole.ToolTipText: "#e6e9ef",
    QPalette.ColorRole.PlaceholderText: "#8b93a1",
    QPalette.ColorRole.Link: "#7fb0ff",
}
_LIGHT = {
    QPalette.ColorRole.Window: "#f3f4f6",
    QPalette.ColorRole.WindowText: "#111827",
    QPalette.ColorRole.Base: "#ffffff",
    QPalette.ColorRole.AlternateBase: "#eceff3",
    QPalette.ColorRole.Text: "#111827",
    QPalette.ColorRole.Button: "#e5e7eb",
    QPalette.ColorRole.ButtonText: "#111827",
    QPalette.ColorRole.Highlight: "#2563eb",
    QPalette.ColorRole.HighlightedText: "#ffffff",
    QPalette.ColorRole.ToolTipBase: "#ffffff",
    QPalette.ColorRole.ToolTipText: "#111827",
    QPalette.ColorRole.PlaceholderText: "#6b7280",
    QPalette.ColorRole.Link: "#1d4ed8",
}

_SHEET = """
#emergencyBanner { background: %(emerg)s; border-radius: 6px; }
#emergencyBanner QLabel { color: %(emerg_text)s; }
#hotlineBar { background: %(hot)s; border-radius: 6px; }
#hotlineBar QLabel { color: %(hot_text)s; }
#noticeBoard { background: %(notice)s; border-radius: 6px; }
#readonlyNote { color: %(muted)s; font-style: italic; padding: 8px; }
#routingBanner, #deviceBanner { background: %(hot)s; color: %(hot_text)s;
    border-radius: 6px; padding: 6px; }
"""


_RINGED = (QStyle.ControlElement.CE_PushButton, QStyle.ControlElement.CE_PushButtonBevel,
           QStyle.ControlElement.CE_CheckBox,
           QStyle.ControlElement.CE_RadioButton)


class FocusRingStyle(QProxyStyle):
    """Fusion, plus a 2-pixel ring in the highlight colour around a focused button or
    check box."""

    def __init__(self) -> None:
        # The base style stays referenced from Python too: handed over as a temporary,
        # its wrapper could be collected with the C++ style still in use (a crash in
        # the next style-sheet polish, seen under xcb).
        self._base = QStyleFactory.create("Fusion")
        super().__init__(self._base)

    def drawControl(self, element: QStyle.ControlElement, option: QStyleOption,
                    painter: QPainter, widget: QWidget | None = None) -> None:
        super().drawControl(element, option, painter, widget)
        if element in _RINGED and option.state & QStyle.StateFlag.State_HasFocus:
            _ring(option, painter)

    def drawComplexControl(self, control: QStyle.ComplexControl,
                           option: QStyleOptionComplex, painter: QPainter,
                           widget: QWidget | None = None) -> None:
        super().drawComplexControl(control, option, painter, widget)
        # a small combo box (a message's marking) shows Fusion's focus too faintly
        if control == QStyle.ComplexControl.CC_ComboBox \
                and option.state & QStyle.StateFlag.State_HasFocus:
            _ring(option, painter)


def _ring(option: QStyleOption, painter: QPainter) -> None:
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    pen = QPen(option.palette.color(QPalette.ColorRole.Highlight))
    pen.setWidth(2)
    painter.setPen(pen)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawRoundedRect(option.rect.adjusted(1, 1, -1, -1), 3, 3)
    painter.restore()


def is_dark(theme: str) -> bool:
    if theme == "dark":
        return True
    if theme == "light":
        return False
    hints = QGuiApplication.styleHints()
    return bool(hints.colorScheme().name == "Dark") if hints is not None else False


_STYLE: FocusRingStyle | None = None


def apply_theme(app: QApplication, theme: str) -> bool:
    """Apply ``system``, ``light`` or ``dark``; returns whether the result is dark."""
    dark = is_dark(theme)
    global _STYLE
    if _STYLE is None:  # (app.style() answers the style-sheet style that wraps it)
        # Once per application: replacing the style deletes the one every widget was
        # polished with, and the next style sheet re-polish used it after its deletion
        # (a crash under xcb when a second window or a theme change applied the theme
        # again). Kept referenced here as well as by the application.
        _STYLE = FocusRingStyle()
        app.setStyle(_STYLE)
    pal = QPalette()
    for role, color in (_DARK if dark else _LIGHT).items():
        pal.setColor(role, QColor(color))
    pal.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text,
                 QColor("#6b7280" if dark else "#9ca3af"))
    pal.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.ButtonText,
                 QColor("#6b7280" if dark else "#9ca3af"))
    pal.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.WindowText,
                 QColor("#6b7280" if dark else "#9ca3af"))
    # Set only what changed: every window applies the theme as it opens (a second
    # venue, a desk), and re-polishing the whole application for the same palette and
    # sheet each time is work for nothing (and once crashed a screenshot run under xcb).
    if app.palette() != pal:
        app.setPalette(pal)
    sheet = _SHEET % {
        "emerg": "#7f1d1d" if dark else "#fee2e2",
        "emerg_text": "#fee2e2" if dark else "#7f1d1d",
        "hot": "#5b4a12" if dark else "#fef3c7",
        "hot_text": "#fef3c7" if dark else "#78350f",
        "notice": "#1e3a5f" if dark else "#e0ecff",
        "muted": "#8b93a1" if dark else "#6b7280",
    }
    if app.styleSheet() != sheet:
        app.setStyleSheet(sheet)
    return dark
