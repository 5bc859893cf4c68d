# SPDX-License-Identifier: Apache-2.0
"""The main window's menus, tray icon and crisis desk wiring.

Functions over :class:`~ui.views.main_window.MainWindow`, which delegates to them."""

from __future__ import annotations

import contextlib
import os
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QIcon, QKeySequence, QPixmap
from PySide6.QtWidgets import (
    QApplication,
    QMenu,
    QSystemTrayIcon,
)

from client.crisis.alarm import DesktopNotifier
from ui.alarm import AppNotifier, CrisisController
from ui.views.crisis import CrisisWindow
from ui.views.decisions import DecisionsWindow, decisions_menu_text
from ui.views.notices import NoticesWindow, notices_menu_text

if TYPE_CHECKING:
    from collections.abc import Callable

    from client.crisis.desk import DeskView
from ui.views.window_common import (
    log,
)

if TYPE_CHECKING:
    from ui.views.main_window import MainWindow


def _t(text: str) -> str:
    return QCoreApplication.translate("MainWindow", text)


def _action(mw: MainWindow, text: str, keys: QKeySequence | QKeySequence.StandardKey | str | None,
            slot: Callable[..., object]) -> QAction:
    act = QAction(text, mw)
    if keys is not None:
        act.setShortcut(QKeySequence(keys))
    act.triggered.connect(slot)
    mw.addAction(act)
    return act


def _build_menus(mw: MainWindow) -> None:
    m = mw.menuBar().addMenu(_t("&Corridor"))
    mw.new_channel_action = mw._action(_t("&New channel…"), "Ctrl+N", mw.open_wizard)
    mw.search_action = mw._action(_t("&Search…"), QKeySequence.StandardKey.Find,
                                      mw.open_search)
    mw.settings_action = mw._action(_t("Se&ttings…"), "Ctrl+,", mw.open_settings)
    mw.leave_action = mw._action(_t("&Leave channel…"), None, mw.leave_channel)
    mw.monitor_action = mw._action(_t("Transparency log: my &mission…"), None,
                                       lambda: mw.open_monitor())
    mw.crisis_action = mw._action(_t("C&risis desk…"), "Ctrl+Shift+H",
                                      lambda: mw.open_crisis_desk())
    mw.decisions_action = mw._action(decisions_menu_text(), "Ctrl+Shift+D",
                                         lambda: mw.open_decisions())
    mw.notices_action = mw._action(notices_menu_text(), "Ctrl+Shift+N",
                                       lambda: mw.open_notices())
    mw.devices_action = mw._action(_t("My &devices…"), None,
                                       lambda: mw.open_devices())
    mw.export_action = mw._action(_t("E&xport channel history…"), None,
                                      lambda: mw.export_history())
    mw.backup_action = mw._action(_t("&Back up history…"), None,
                                      lambda: mw.open_backup())
    mw.restore_action = mw._action(_t("Rest&ore history…"), None,
                                       lambda: mw.open_restore())
    mw.mute_action = mw._action(_t("M&ute this channel"), "Ctrl+Shift+M",
                                    lambda on: mw.set_muted(bool(on)))
    mw.mute_action.setCheckable(True)
    mw.quit_action = mw._action(_t("&Quit"), QKeySequence.StandardKey.Quit, mw.quit)
    for a in (mw.new_channel_action, mw.search_action, mw.settings_action,
              mw.leave_action, mw.monitor_action, mw.crisis_action,
              mw.decisions_action, mw.notices_action, mw.devices_action,
              mw.export_action, mw.mute_action, mw.backup_action,
              mw.restore_action):
        m.addAction(a)
    m.addSeparator()
    m.addAction(mw.quit_action)
    c = mw.menuBar().addMenu(_t("C&hair"))
    mw.agenda_action = mw._action(_t("Post a revised &agenda…"), None,
                                      mw.revise_agenda)
    mw.emergency_action = mw._action(_t("Convene an &emergency meeting…"),
                                         "Ctrl+Shift+E", mw.convene_emergency)
    c.addAction(mw.agenda_action)
    c.addAction(mw.emergency_action)
    mw.chair_menu = c
    g = mw.menuBar().addMenu(_t("&Go"))
    for text, keys, target in (
        (_t("&Channels"), "Ctrl+1", mw.channel_view),
        (_t("&Messages"), "Ctrl+2", mw.conversation),
        (_t("C&ompose"), "Ctrl+L", mw.composer.editor),
        (_t("M&embers"), "Ctrl+3", mw.member_pane.view),
    ):
        g.addAction(mw._action(text, keys, lambda _c=False, w=target: w.setFocus()))
    g.addAction(mw._action(_t("Next &unread channel"), "Ctrl+U", mw.next_unread))
    h = mw.menuBar().addMenu(_t("&Help"))
    mw.shortcuts_action = mw._action(_t("&Keyboard shortcuts…"),
                                         QKeySequence.StandardKey.HelpContents,
                                         lambda: mw.open_shortcuts())
    h.addAction(mw.shortcuts_action)
    mw.about_action = mw._action(_t("&About Corridor"), None, mw.open_about)
    mw.about_action.setMenuRole(QAction.MenuRole.AboutRole)
    h.addAction(mw.about_action)
    mw._set_chair(False)


def _set_chair(mw: MainWindow, chair: bool) -> None:
    mw.is_chair = chair
    mw.chair_menu.menuAction().setVisible(chair)
    mw.agenda_action.setEnabled(chair)
    mw.emergency_action.setEnabled(chair)
    mw.notice_board.set_chair(chair)


def _build_tray(mw: MainWindow) -> None:
    mw.tray = None
    if mw.venues is not None:  # one tray icon for every open venue
        mw.tray = mw.venues.tray()
        return
    if not QSystemTrayIcon.isSystemTrayAvailable():
        return
    pix = QPixmap(32, 32)
    pix.fill(Qt.GlobalColor.darkBlue)
    mw.tray = QSystemTrayIcon(QIcon(pix), mw)
    mw.tray.setToolTip(_t("Corridor"))
    mw.tray.activated.connect(lambda *_: mw._raise())
    menu = QMenu(mw)
    menu.addAction(_t("&Open Corridor"), mw._raise)
    menu.addAction(_t("C&risis desk…"), mw.open_crisis_desk)
    menu.addSeparator()
    menu.addAction(_t("&Quit"), mw.quit)
    mw.tray.setContextMenu(menu)
    mw.tray.show()


def _build_crisis(mw: MainWindow) -> None:
    """The crisis desk: its window opens from the menu, and its controller runs from
    the start, so a hotline call rings (and the desk comes up) even while the desk's
    window is closed."""
    desktop = None
    if os.environ.get("DBUS_SESSION_BUS_ADDRESS"):
        with contextlib.suppress(Exception):  # no notification server: the app rings
            desktop = DesktopNotifier()
    mw.desktop = desktop
    mw.crisis_window = CrisisWindow()
    mw.crisis = CrisisController(mw.bridge, mw.session.client, mw.crisis_window,
                                   notifier=AppNotifier(mw, mw.tray, desktop,
                                                        venue=lambda: _venue(mw)))
    mw.crisis.changed.connect(mw._crisis_changed)
    mw.crisis.reminded.connect(lambda text: mw.notify(_t("Reminder"), text))
    mw.crisis.start()


def _crisis_changed(mw: MainWindow, view: DeskView) -> None:
    if view.ringing and not mw.crisis_window.isVisible():
        mw.open_crisis_desk()


def open_decisions(mw: MainWindow) -> DecisionsWindow:
    """The decisions window (silence procedure, drafting); its controller runs from
    the start, acknowledging breaks and signing closing statements."""
    w = mw.decisions_window
    w.show()
    w.raise_()
    w.activateWindow()
    return w


def open_notices(mw: MainWindow) -> NoticesWindow:
    """The exercise register, the disaster-aid board and the annual exchange."""
    w = mw.notices_window
    w.show()
    w.raise_()
    w.activateWindow()
    return w


def open_crisis_desk(mw: MainWindow) -> CrisisWindow:
    w = mw.crisis_window
    w.show()
    w.raise_()
    w.activateWindow()
    return w


def _raise(mw: MainWindow) -> None:
    mw.showNormal()
    mw.activateWindow()


def _venue(mw: MainWindow) -> str:
    """The window's venue for notifications ("" unless several venues are open)."""
    return mw.venues.venue_label(mw) if mw.venues is not None else ""


def notify(mw: MainWindow, title: str, text: str, critical: bool = False) -> None:
    """A desktop notification with sound (when enabled): freedesktop notifications
    on the session bus where a server answers (the crisis desk's notifier, the
    sound named in the notification), else the tray's message and a beep. With
    several venues open, the title starts with the venue's."""
    venue = _venue(mw)
    if venue:
        title = _t("%1 — %2").replace("%1", venue).replace("%2", title)
    mw.last_notification = (title, text)
    if not mw.notifications and not critical:
        return
    if mw.desktop is not None:
        from client.crisis.alarm import Ring

        sound = "phone-incoming-call" if critical else "message-new-instant"
        try:
            mw.desktop.notify(Ring(b"", title, text, critical, 1, sound), 0)
            return
        except Exception as exc:  # a broken session bus: fall back to the tray
            log.warning("desktop notification failed: %s", type(exc).__name__)
            mw.desktop = None
    if mw.tray is not None:
        icon = QSystemTrayIcon.MessageIcon.Critical if critical else \
            QSystemTrayIcon.MessageIcon.Information
        mw.tray.showMessage(title, text, icon, 8000)
    QApplication.beep()
