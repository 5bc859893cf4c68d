# SPDX-License-Identifier: Apache-2.0
"""Accessibility (offscreen, real window over the demo venue): every interactive control
of the main window and of its dialogs has a name a screen reader announces (what
QAccessible reports: an accessible name, a button's text or a label's buddy) and can be
reached from the keyboard (it takes focus by Tab); every action of the menus is
reachable by a key (a shortcut, or a menu mnemonic); list headings move with the arrow
keys."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QHeaderView,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QTextEdit,
    QWidget,
)

from tests.support.ui_windows import TIMEOUT

_INTERACTIVE = (QAbstractButton, QAbstractItemView, QAbstractSpinBox, QComboBox, QLineEdit,
                QPlainTextEdit, QTextEdit)


def _name(w: QWidget) -> str:
    iface = QAccessible.queryAccessibleInterface(w)
    return iface.text(QAccessible.Text.Name).strip() if iface is not None else ""


def _tab(w: QWidget) -> bool:
    """Tab reaches it; in an exclusive group of radio buttons Tab reaches the group (Qt
    gives Tab focus to one of them) and the arrow keys move within it."""
    if w.focusPolicy() & Qt.FocusPolicy.TabFocus:
        return True
    if isinstance(w, QRadioButton) and w.autoExclusive():
        group = w.group()
        peers = group.buttons() if group is not None else [
            p for p in w.parentWidget().findChildren(QRadioButton) if p.autoExclusive()]
        return any(p.focusPolicy() & Qt.FocusPolicy.TabFocus for p in peers)
    return False


def problems(top: QWidget) -> list[str]:
    """Every shown, enabled interactive control under ``top`` a screen reader cannot name
    or the keyboard cannot reach."""
    out = []
    for w in [top, *top.findChildren(QWidget)]:
        if not isinstance(w, _INTERACTIVE) or not w.isVisibleTo(top) or not w.isEnabled():
            continue
        if isinstance(w, (QTextEdit, QPlainTextEdit)) and w.isReadOnly() and \
                w.focusPolicy() == Qt.FocusPolicy.NoFocus:
            continue  # display only
        if isinstance(w, QHeaderView) or w.objectName() in (
                "qt_scrollarea_viewport", "qt_tableview_cornerbutton"):
            continue  # parts of a view: a screen reader reads them with the view
        where = f"{type(w).__name__} {w.objectName() or ''} in {type(top).__name__}"
        if not _name(w):
            out.append(f"{where}: no accessible name")
        if not _tab(w):
            out.append(f"{where}: not reachable by Tab")
    return out


def test_every_control_of_the_main_window_is_named_and_reachable(open_window) -> None:  # type: ignore[no-untyped-def]
    w = open_window(0)
    assert problems(w) == []


def test_every_control_of_the_dialogs_is_named_and_reachable(open_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    w = open_window(0)
    found: list[str] = []
    w.open_wizard()  # opens once the venue's missions are read
    qtbot.waitUntil(lambda: getattr(w, "wizard", None) is not None
                    and w.wizard.isVisible(), timeout=TIMEOUT)
    dialogs = [w.wizard]
    for open_ in (w.open_settings, w.open_search, w.open_devices,
                  lambda: w.open_monitor(None), w.open_about, w.leave_channel):
        dialogs.append(open_())
    from pathlib import Path

    from ui.views.backup import BackupPassphraseDialog

    backup = BackupPassphraseDialog(True, w)
    backup.show()
    dialogs.append(backup)
    picture = Path(__file__)  # any file: the question before sending it
    dialogs.append(w.confirm_attachment(picture))
    qtbot.waitUntil(lambda: w.devices_dialog.table.rowCount() > 0, timeout=TIMEOUT)
    for dlg in dialogs:
        assert isinstance(dlg, QWidget)
        found += problems(dlg)
        dlg.close()
    assert found == [], "\n".join(found)


def test_every_menu_action_has_a_key(open_window) -> None:  # type: ignore[no-untyped-def]
    w = open_window(0)
    missing = []
    for menu_action in w.menuBar().actions():
        assert "&" in menu_action.text(), menu_action.text()
        menu = menu_action.menu()
        for a in menu.actions():
            if a.isSeparator():
                continue
            if "&" not in a.text().replace("&&", "") and a.shortcut().isEmpty():
                missing.append(a.text())
    assert missing == []


def test_arrow_keys_move_across_the_channel_list(open_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    w = open_window(0)
    view = w.channel_view
    view.setFocus()
    start = view.currentIndex()
    qtbot.keyClick(view, Qt.Key.Key_Down)
    moved = view.currentIndex()
    assert moved != start
    qtbot.keyClick(view, Qt.Key.Key_Up)
    assert view.currentIndex() == start


def test_the_walk_finds_an_unnamed_or_unreachable_control(qtbot) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QPushButton, QVBoxLayout

    top = QWidget()
    qtbot.addWidget(top)
    lay = QVBoxLayout(top)
    lay.addWidget(QLineEdit(top))  # no label, no name
    unreachable = QPushButton("Go", top)
    unreachable.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    lay.addWidget(unreachable)
    named = QLineEdit(top)
    named.setAccessibleName("Name")
    lay.addWidget(named)
    found = problems(top)
    assert found == ["QLineEdit  in QWidget: no accessible name",
                     "QPushButton  in QWidget: not reachable by Tab"]


def test_focus_is_visible_on_every_control_of_the_main_window(open_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    """A control with the keyboard focus looks different from the same control without
    it (Fusion draws the focus frame; nothing in the theme hides it)."""
    w = open_window(0)
    w.activateWindow()
    qtbot.waitUntil(w.isActiveWindow, timeout=TIMEOUT)
    # the member list fills a moment after the channel (under load, after this point):
    # an empty tree has no current row to draw the focus on
    members = w.findChild(QWidget, "memberView")
    qtbot.waitUntil(lambda: members.model().rowCount() > 0, timeout=TIMEOUT)
    qtbot.keyClick(w.channel_view, Qt.Key.Key_Tab)  # a keyboard user: focus frames shown
    parking = w.channel_view
    unseen = []
    checked = 0
    for c in w.findChildren(QWidget):
        if not isinstance(c, _INTERACTIVE) or not c.isVisibleTo(w) or not c.isEnabled() \
                or isinstance(c, QHeaderView) or c is parking or not _tab(c) or \
                c.objectName() in ("qt_scrollarea_viewport", "qt_tableview_cornerbutton"):
            continue
        parking.setFocus()
        qtbot.waitUntil(parking.hasFocus, timeout=TIMEOUT)
        before = c.grab().toImage()
        c.setFocus(Qt.FocusReason.TabFocusReason)
        qtbot.waitUntil(c.hasFocus, timeout=TIMEOUT)
        after = c.grab().toImage()
        checked += 1
        if before == after:
            unseen.append(f"{type(c).__name__} {c.objectName() or _name(c)}")
    assert checked >= 5 and unseen == [], "\n".join(unseen)


def test_help_lists_every_menu_action_and_its_key(open_window) -> None:  # type: ignore[no-untyped-def]
    w = open_window(0)
    assert w.shortcuts_action.shortcut().toString() == "F1"
    dlg = w.open_shortcuts()
    rows = {dlg.table.item(r, 1).text(): dlg.table.item(r, 2).text()
            for r in range(dlg.table.rowCount())}
    assert rows["Search…"] == "Ctrl+F" and rows["Mute this channel"] == "Ctrl+Shift+M"
    assert rows["My devices…"] == "Alt+C, D"  # no shortcut: the menu letters
    assert all(rows.values()), [k for k, v in rows.items() if not v]
    assert problems(dlg) == []
    dlg.close()
