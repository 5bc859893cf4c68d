# SPDX-License-Identifier: Apache-2.0
"""Several venues in one app: a delegate accredited to two forums holds a home for each.

Every open venue keeps its own session (client, push loop, relay connection) and its
own main window; only one window is shown, the others stay hidden but alive, so a
hotline call or a message in a venue that is not shown still rings and notifies. The
switcher at the top of each window's sidebar lists the open venues (name, the short
form of the venue root's fingerprint, unread count), the known homes not open yet
(client/homes.py: the list is the app's, not any home's) and "Add a venue…". Closing a
venue closes its session (push loop and connection) and its window; the tray icon is
one for all venues and says which venue each notification is from.
"""

from __future__ import annotations

import contextlib
import functools
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QIcon, QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QMenu,
    QStyle,
    QSystemTrayIcon,
    QToolButton,
    QWidget,
)

from client.errors import UsageError
from client.homes import KnownHome, known_homes, venue_of

if TYPE_CHECKING:
    from ui.bridge import Bridge
    from ui.session import Session
    from ui.views.main_window import MainWindow

__all__ = ["OpenVenue", "VenueSwitcher", "Venues"]


def _t(text: str) -> str:
    return QCoreApplication.translate("Venues", text)


@dataclass
class OpenVenue:
    """One open venue: its session, its window, and how to stop its events."""

    session: Session
    window: MainWindow
    name: str
    fingerprint: str
    unsubscribe: Callable[[], None]

    @property
    def short(self) -> str:
        return " ".join(self.fingerprint.split()[:2])

    @property
    def label(self) -> str:
        return f"{self.name} · {self.short}" if self.short else self.name


def _label(home: KnownHome) -> str:
    name = home.venue or home.path.name
    return f"{name} · {home.short}" if home.short else name


class Venues(QObject):
    """The open venues (see the module docstring); the app's controller owns it."""

    #: the list, the shown venue or an unread count changed (switchers repopulate)
    changed = Signal()
    #: a venue was shown (its window)
    switched = Signal(object)

    def __init__(self, bridge: Bridge, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.bridge = bridge
        self.open: list[OpenVenue] = []
        self.shown: MainWindow | None = None
        #: opens a home directory (the controller: passphrase, enrolment); set by it
        self.request_open: Callable[[Path], None] = lambda _p: None
        self._tray: QSystemTrayIcon | None = None
        self._menu = QMenu()
        self._tray_made = False
        self._update = QTimer(self)
        self._update.setSingleShot(True)
        self._update.setInterval(0)
        self._update.timeout.connect(self._changed)
        self.file_dialog: QFileDialog | None = None

    # ------------------------------------------------------------------ the list

    def add(self, session: Session) -> MainWindow:
        """A window for a newly opened session (not shown yet: see :meth:`show`)."""
        from ui.views.main_window import MainWindow

        unsubscribe = self.bridge.forward_events(session.client)
        try:
            name, fp = venue_of(session.home)
        except UsageError:
            name, fp = "", ""
        window = MainWindow(self.bridge, session, venues=self)
        entry = OpenVenue(session, window, name or session.title, fp, unsubscribe)
        self.open.append(entry)
        window.channel_model.dataChanged.connect(lambda *_: self._update.start())
        window.channel_model.modelReset.connect(lambda *_: self._update.start())
        self._update.start()
        return window

    def entry(self, window: MainWindow) -> OpenVenue | None:
        return next((v for v in self.open if v.window is window), None)

    def find(self, home: Path) -> OpenVenue | None:
        home = Path(home).expanduser().absolute()
        return next((v for v in self.open
                     if Path(v.session.home).expanduser().absolute() == home), None)

    def venue_label(self, window: MainWindow) -> str:
        """The venue's name, for notifications: only when more than one venue is open
        (with one, every notification is from it)."""
        entry = self.entry(window)
        return entry.label if entry is not None and len(self.open) > 1 else ""

    def known_closed(self) -> list[KnownHome]:
        """Known homes (client/homes.py) that are enrolled and not open now."""
        return [h for h in known_homes() if h.enrolled and self.find(h.path) is None]

    # ------------------------------------------------------------------ showing

    def show(self, window: MainWindow) -> None:
        """Show this venue's window in place of the one shown (same place and size)."""
        before = self.shown
        self.shown = window
        if before is not None and before is not window and before.isVisible():
            window.setGeometry(before.geometry())
            window.show()
            before.hide()
        else:
            window.show()
        window.raise_()
        window.activateWindow()
        self._update.start()
        self.switched.emit(window)

    def close_venue(self, window: MainWindow) -> None:
        """Close one venue: its window, its event forwarding, then its session (push
        loop and relay connection), on the core's thread. The last venue is the app's
        end, as closing its window always was."""
        entry = self.entry(window)
        if entry is None:
            return
        others = [v for v in self.open if v is not entry]
        if others and self.shown is window:
            self.show(others[0].window)
        self.open.remove(entry)
        window.closing_venue = bool(others)  # keep the shared tray for the others
        window.quit()
        session = entry.session

        async def close() -> None:  # on the core's thread, where events are emitted
            entry.unsubscribe()
            await session.close()

        self.bridge.submit(close, lambda _r: self._update.start(),
                           lambda _e: self._update.start())
        self._update.start()

    def unread(self, entry: OpenVenue) -> int:
        return entry.window.channel_model.total_unread()

    def _changed(self) -> None:
        if self._tray is not None:
            lines = [_t("%1: %2 unread").replace("%1", v.label).replace(
                "%2", str(self.unread(v))) for v in self.open]
            self._tray.setToolTip("\n".join([_t("Corridor"), *lines]))
        self.changed.emit()

    # ------------------------------------------------------------------ adding

    def choose_home(self, parent: QWidget) -> QFileDialog:
        """"Add a venue…": pick a home directory (an enrolled home opens with its
        passphrase; an empty one starts the enrolment wizard)."""
        dlg = QFileDialog(parent, _t("Add a venue — choose its home directory"))
        dlg.setObjectName("addVenueDialog")
        dlg.setFileMode(QFileDialog.FileMode.Directory)
        dlg.setOption(QFileDialog.Option.ShowDirsOnly, True)
        dlg.setOption(QFileDialog.Option.DontUseNativeDialog, True)
        dlg.setLabelText(QFileDialog.DialogLabel.Accept, _t("Open venue"))
        dlg.fileSelected.connect(lambda path: self.request_open(Path(path)))
        self.file_dialog = dlg
        dlg.open()
        return dlg

    # ------------------------------------------------------------------ tray

    def tray(self) -> QSystemTrayIcon | None:
        """The one tray icon of all venues (None without a system tray)."""
        if self._tray_made:
            return self._tray
        self._tray_made = True
        if not QSystemTrayIcon.isSystemTrayAvailable():
            return None
        pix = QPixmap(32, 32)
        pix.fill(QColor(Qt.GlobalColor.darkBlue))
        tray = QSystemTrayIcon(QIcon(pix), self)
        tray.setToolTip(_t("Corridor"))
        tray.activated.connect(lambda *_: self._raise())
        menu = QMenu()  # no parent: it outlives whichever window made the tray
        self._menu = menu
        menu.aboutToShow.connect(self._fill_tray_menu)
        self._fill_tray_menu()
        tray.setContextMenu(menu)
        tray.show()
        self._tray = tray
        return tray

    def _fill_tray_menu(self) -> None:
        """The tray's menu: each open venue with its unread count (choosing one shows
        it), then Open and Quit."""
        menu = self._menu
        menu.clear()
        if len(self.open) > 1:
            for v in self.open:
                n = self.unread(v)
                act = menu.addAction(f"{v.label} ({n})" if n else v.label,
                                     functools.partial(self.show, v.window))
                act.setCheckable(True)
                act.setChecked(v.window is self.shown)
            menu.addSeparator()
        menu.addAction(_t("&Open Corridor"), self._raise)
        menu.addSeparator()
        menu.addAction(_t("&Quit"), lambda: self.shown.quit() if self.shown else None)

    def _raise(self) -> None:
        if self.shown is not None:
            self.shown.showNormal()
            self.shown.activateWindow()

    def shutdown(self) -> list[Session]:
        """Remember every window's state; the sessions to close (the controller closes
        them on the core's thread)."""
        sessions = []
        for v in self.open:
            with contextlib.suppress(RuntimeError):  # a window Qt already deleted
                v.window.save_state()
                v.window.crisis.stop()
            sessions.append(v.session)  # closing it ends its events too
        self.open.clear()
        if self._tray is not None:
            self._tray.hide()
        return sessions


class VenueSwitcher(QWidget):
    """The venue list at the top of a window's sidebar (see the module docstring)."""

    OPEN, KNOWN, ADD = "open", "known", "add"

    def __init__(self, venues: Venues, window: MainWindow) -> None:
        super().__init__(window)
        self.venues = venues
        self.window_ = window
        self.combo = QComboBox(self)
        self.combo.setObjectName("venueSwitcher")
        self.combo.setAccessibleName(_t("Venue"))
        self.combo.setToolTip(_t("Venues: switch, open a known one, or add one"))
        self.combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.combo.setMinimumContentsLength(12)
        # an icon, so the venue's name and fingerprint keep the sidebar's width
        self.close_button = QToolButton(self)
        self.close_button.setIcon(self.style().standardIcon(
            QStyle.StandardPixmap.SP_TitleBarCloseButton))
        self.close_button.setText(_t("Close"))
        self.close_button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.close_button.setObjectName("closeVenueButton")
        self.close_button.setAccessibleName(_t("Close this venue"))
        self.close_button.setToolTip(_t("Close this venue (its connection ends; the "
                                        "others keep running)"))
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.combo, 1)
        lay.addWidget(self.close_button)
        self.combo.activated.connect(self._activated)
        self.close_button.clicked.connect(lambda: venues.close_venue(window))
        venues.changed.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        combo = self.combo
        with contextlib.suppress(RuntimeError):  # the window is being deleted
            combo.blockSignals(True)
            combo.clear()
            here = 0
            for i, v in enumerate(self.venues.open):
                n = self.venues.unread(v)
                combo.addItem(f"{v.label} ({n})" if n else v.label, (self.OPEN, i))
                combo.setItemData(i, v.fingerprint, Qt.ItemDataRole.ToolTipRole)
                if v.window is self.window_:
                    here = i
            for h in self.venues.known_closed():
                combo.addItem(_t("%1 (not open)").replace("%1", _label(h)),
                              (self.KNOWN, str(h.path)))
            combo.addItem(_t("Add a venue…"), (self.ADD, ""))
            combo.setCurrentIndex(here)
            if self.venues.open:  # the closed box may clip a long name: the whole label
                shown = self.venues.open[here]
                combo.setToolTip(_t("Venues: switch, open a known one, or add one") + "\n"
                                 + shown.label + "\n" + shown.fingerprint)
            combo.blockSignals(False)
            several = len(self.venues.open) > 1
            self.close_button.setEnabled(several)
            self.close_button.setVisible(several)  # one venue: closing the window ends it

    def _activated(self, index: int) -> None:
        kind, value = self.combo.itemData(index)
        self.refresh()  # the shown venue stays selected until another is shown
        if kind == self.OPEN and 0 <= int(value) < len(self.venues.open):
            self.venues.show(self.venues.open[int(value)].window)
        elif kind == self.KNOWN:
            self.venues.request_open(Path(str(value)))
        elif kind == self.ADD:
            self.venues.choose_home(self.window_)
