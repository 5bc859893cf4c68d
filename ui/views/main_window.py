# SPDX-License-Identifier: Apache-2.0
"""The main window: channels, conversation and composer, members, notices, emergencies.

Everything that touches the core goes through the bridge (results arrive as callbacks
on the UI thread); the window never waits for the network or for crypto. Core events
are coalesced (one refresh per ~40 ms) so a burst of thousands of messages costs a
few small model updates, not one per message. New messages of the open channel are
appended in chunks of :data:`CHUNK` stored messages, one chunk per event-loop turn;
a larger backlog while the reader follows the bottom (a catch-up of ten thousand)
replaces the rows by the newest page, so the window never lays out more than a few
hundred rows in one turn (see bench/bench_ui.py --trace-stalls); a reader scrolled up into
older history keeps their place (the model grows to :data:`MAX_DETACHED` rows, then
newer ones wait behind the "N new messages" pill).
"""

from __future__ import annotations

import contextlib
import gc
import logging
import os
import time
from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray, QCoreApplication, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QIcon, QKeySequence, QPixmap
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QPushButton,
    QSplitter,
    QSystemTrayIcon,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from client import events as ev
from client.attachments import (
    MAX_ATTACHMENT_BYTES,
    AttachmentTampered,
    AttachmentTooLarge,
    QuotaExceeded,
)
from client.crisis.alarm import DesktopNotifier
from client.model import AckStatus, DeviceInfo, MessageView, SearchHit
from client.mute import breaks_through
from client.transport import RelayUnavailable
from client.trust import safety_number
from ui.alarm import AppNotifier, CrisisController
from ui.bridge import Bridge
from ui.delegates.channel import ChannelDelegate
from ui.i18n import size_text, tr_n
from ui.models import roles
from ui.models.channels import ChannelListModel
from ui.models.conversation import ConversationModel
from ui.qtfix import pin_none
from ui.rows import Newer
from ui.session import Session
from ui.theme import apply_theme
from ui.views.attach import AttachDialog
from ui.views.backup import BackupPassphraseDialog
from ui.views.conversation import Composer, ConversationView
from ui.views.crisis import CrisisWindow
from ui.views.decisions import DecisionsWindow, build_decisions, decisions_menu_text
from ui.views.devices import DevicesDialog
from ui.views.dialogs import (
    AgendaDialog,
    ChannelWizard,
    EmergencyDialog,
    SearchDialog,
    SettingsDialog,
    VerificationDialog,
)
from ui.views.notices import NoticesWindow, build_notices, notices_menu_text
from ui.views.panels import EmergencyBanner, HotlineBar, MemberPane, NoticeBoard
from ui.views.shortcuts import ShortcutsDialog, shortcut_rows
from ui.views.transparency import DirectoryBadge, MonitorDialog

__all__ = ["PAGE", "MainWindow"]

log = logging.getLogger("corridor.ui")

PAGE = 60  # stored messages per page
#: Rows shown when a backlog replaces the rows (more than a window's height of bubbles;
#: older ones are paged in on scrolling up): each is laid out anew in that one turn.
BACKLOG_PAGE = 30
#: Stored messages appended per event-loop turn; a backlog of more than this while the
#: reader follows the bottom (a catch-up) shows the newest page instead (see _load_newer).
CHUNK = 100
#: Rows kept while following the bottom (older ones are paged back in on scrolling up).
#: Bubbles differ in height, so each appended chunk makes the list view ask the delegate
#: for the size of every loaded row: that many calls into Python on the UI thread, each
#: taking the interpreter lock from the core's thread while it decrypts a catch-up.
#: bench/bench_ui.py --trace-stalls: at 400 rows (and chunks of 100) these relayouts
#: were the long UI-thread stalls (400 size hints, 40-66 ms with the lock contended).
MAX_ROWS = 150
MAX_DETACHED = 1200  # rows loaded while the user reads older history; then the pill


def _t(text: str) -> str:
    return QCoreApplication.translate("MainWindow", text)


def _warning_label(parent: QWidget, name: str) -> QLabel:
    """A hidden, word-wrapped warning line (routing, certificate, KeyPackages): shown
    while its cause lasts, never a toast that goes by."""
    label = QLabel(parent)
    label.setObjectName(name)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setVisible(False)
    return label


class MainWindow(QMainWindow):
    """See the module docstring."""

    #: The first page of a channel was painted (channel id): for tests and the benchmark.
    channelShown = Signal(str)
    #: A refresh triggered by core events finished.
    refreshed = Signal()

    def __init__(self, bridge: Bridge, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        pin_none()  # see ui/qtfix.py (also when the window is made without ui.app)
        self.setObjectName("mainWindow")
        self.bridge = bridge
        self.session = session
        self.adapter = session.adapter
        self.settings = session.settings()
        self.theme = str(self.settings.value("theme", "system"))
        self.notifications = self.settings.value("notifications", "true") in (True, "true")
        #: muted channels (hex ids), kept in the device's store: the CLI shares them
        self.muted: set[str] = set(self.adapter.muted_channels())
        self.desktop: DesktopNotifier | None = None
        self.verified: set[str] = {str(v) for v in _as_list(self.settings.value("verified", []))}
        self.read_pos: dict[str, int] = {}
        self.is_chair = False
        self._quitting = False
        self.current = ""
        self._opening = ""
        self._pending_channels: set[str] = set()
        self._refresh_all = False
        self._open_started = 0.0
        self._newer_busy = False
        self._newer_again = False
        self._changed: set[str] = set()  # message ids of the open channel to repaint
        self._gone: set[str] = set()  # message ids of the open channel to drop
        self.error_box: QMessageBox | None = None
        self.about_box: QMessageBox | None = None
        self.current_timer: int | None = None
        self._receipted: set[str] = set()  # read receipts sent for tracked messages
        self.last_saved: Path | None = None
        self.first_paint_ms: float | None = None
        self.setWindowTitle(_t("Corridor — %1").replace("%1", session.title))

        # ---- models and views
        self.channel_model = ChannelListModel(self)
        self.channel_view = QTreeView(self)
        self.channel_view.setObjectName("channelList")
        self.channel_view.setAccessibleName(_t("Channels"))
        self.channel_view.setHeaderHidden(True)
        self.channel_view.setModel(self.channel_model)
        self.channel_view.setItemDelegate(ChannelDelegate(self.channel_view))
        self.channel_view.setRootIsDecorated(False)
        self.channel_view.setIndentation(12)
        self.channel_view.expandAll()
        self.channel_model.rowsInserted.connect(lambda *_: self.channel_view.expandAll())
        self.channel_view.selectionModel().currentChanged.connect(self._channel_selected)
        self.new_channel_button = QPushButton(_t("&New channel…"), self)
        self.new_channel_button.clicked.connect(self.open_wizard)
        left = QWidget(self)
        ll = QVBoxLayout(left)
        ll.setContentsMargins(4, 4, 4, 4)
        ll.addWidget(self.channel_view, 1)
        ll.addWidget(self.new_channel_button)

        self.conv_model = ConversationModel(self)
        self.conversation = ConversationView(self.conv_model, self)
        self.composer = Composer(self)
        self.channel_title = QLabel(self)
        self.channel_title.setObjectName("channelTitle")
        f = self.channel_title.font()
        f.setBold(True)
        f.setPointSizeF(f.pointSizeF() * 1.2)
        self.channel_title.setFont(f)
        self.timer_label = QLabel(self)
        self.timer_label.setObjectName("timerLabel")
        self.timer_label.setVisible(False)
        self.history_note = QLabel(self)
        self.history_note.setWordWrap(True)
        self.history_note.setVisible(False)
        self.routing_banner = _warning_label(self, "routingBanner")
        self.ceiling_banner = QLabel(self)
        self.ceiling_banner.setObjectName("ceilingBanner")
        self.ceiling_banner.setVisible(False)
        self.device_banner = _warning_label(self, "deviceBanner")
        self.notice_board = NoticeBoard(self)
        center = QWidget(self)
        cl = QVBoxLayout(center)
        cl.setContentsMargins(4, 4, 4, 4)
        cl.addWidget(self.notice_board)
        self.directory_badge = DirectoryBadge(self)
        head = QHBoxLayout()
        head.addWidget(self.channel_title, 1)
        head.addWidget(self.timer_label)
        head.addWidget(self.directory_badge)
        cl.addLayout(head)
        cl.addWidget(self.history_note)
        cl.addWidget(self.routing_banner)
        cl.addWidget(self.ceiling_banner)
        cl.addWidget(self.conversation, 1)
        cl.addWidget(self.composer)

        self.member_pane = MemberPane(self)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.addWidget(left)
        self.splitter.addWidget(center)
        self.splitter.addWidget(self.member_pane)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([240, 640, 260])

        self.banner = EmergencyBanner(self)
        self.hotline = HotlineBar(self)
        root = QWidget(self)
        rl = QVBoxLayout(root)
        rl.setContentsMargins(6, 6, 6, 6)
        rl.addWidget(self.device_banner)
        rl.addWidget(self.banner)
        rl.addWidget(self.hotline)
        rl.addWidget(self.splitter, 1)
        self.setCentralWidget(root)
        self.connection = QLabel(_t("Connecting…"), self)
        self.connection.setObjectName("connectionStatus")
        self.connection.setAccessibleName(_t("Connection to the relay"))
        self.statusBar().addPermanentWidget(self.connection)

        # ---- wiring
        self.composer.sendRequested.connect(self.send_text)
        self.composer.editSubmitted.connect(self._edit)
        self.composer.attachRequested.connect(self._attach)
        self.conversation.replyRequested.connect(self.composer.reply_to)
        self.conversation.editRequested.connect(self.composer.edit)
        self.conversation.redactRequested.connect(self._redact)
        self.conversation.retryRequested.connect(self._retry_failed)
        self.conversation.discardRequested.connect(self._discard_failed)
        self.conversation.reactRequested.connect(self._react)
        self.conversation.ackRequested.connect(lambda r: self.acknowledge(self.current,
                                                                           r.message_id))
        self.conversation.saveRequested.connect(self.save_attachment)
        self.conversation.newestRequested.connect(self.jump_to_newest)
        self.banner.acknowledgeRequested.connect(self.acknowledge)
        self.banner.dismissRequested.connect(lambda: self.banner.setVisible(False))
        self.hotline.acknowledgeRequested.connect(self.acknowledge)
        self.hotline.showRequested.connect(lambda c, m: self.open_channel(c, focus_message=m))
        self.notice_board.reviseRequested.connect(self.revise_agenda)
        self.member_pane.verifyRequested.connect(self.open_verification)
        self.bridge.coreEvent.connect(self._on_event)
        # the state so far (the push loop may have connected before this window
        # subscribed); later changes arrive as ConnectionChanged events, in order
        client = self.session.client
        self.bridge.submit(lambda: client.link, self._show_link)
        self.bridge.failed.connect(lambda msg: self.statusBar().showMessage(msg, 8000))
        self._refresh_timer = QTimer(self)
        self._refresh_timer.setSingleShot(True)
        self._refresh_timer.setInterval(40)
        self._refresh_timer.timeout.connect(self._refresh)
        self._build_menus()
        self._build_tray()
        self._build_crisis()
        self.decisions_window, self.decisions = build_decisions(self.bridge,
                                                                self.session.client)
        self.notices_window, self.notices = build_notices(self.bridge, self.session.client)
        self.dark = apply_theme(QApplication.instance(), self.theme)  # type: ignore[arg-type]
        self.conversation.message_delegate.dark = self.dark
        self._restore_window()
        self.load()
        QTimer.singleShot(0, settle_heap)

    # ------------------------------------------------------------------ menus, tray

    def _action(self, text: str, keys: QKeySequence | QKeySequence.StandardKey | str | None,
                slot: Any) -> QAction:
        act = QAction(text, self)
        if keys is not None:
            act.setShortcut(QKeySequence(keys))
        act.triggered.connect(slot)
        self.addAction(act)
        return act

    def _build_menus(self) -> None:
        m = self.menuBar().addMenu(_t("&Corridor"))
        self.new_channel_action = self._action(_t("&New channel…"), "Ctrl+N", self.open_wizard)
        self.search_action = self._action(_t("&Search…"), QKeySequence.StandardKey.Find,
                                          self.open_search)
        self.settings_action = self._action(_t("Se&ttings…"), "Ctrl+,", self.open_settings)
        self.leave_action = self._action(_t("&Leave channel…"), None, self.leave_channel)
        self.monitor_action = self._action(_t("Transparency log: my &mission…"), None,
                                           lambda: self.open_monitor())
        self.crisis_action = self._action(_t("C&risis desk…"), "Ctrl+Shift+H",
                                          lambda: self.open_crisis_desk())
        self.decisions_action = self._action(decisions_menu_text(), "Ctrl+Shift+D",
                                             lambda: self.open_decisions())
        self.notices_action = self._action(notices_menu_text(), "Ctrl+Shift+N",
                                           lambda: self.open_notices())
        self.devices_action = self._action(_t("My &devices…"), None,
                                           lambda: self.open_devices())
        self.export_action = self._action(_t("E&xport channel history…"), None,
                                          lambda: self.export_history())
        self.backup_action = self._action(_t("&Back up history…"), None,
                                          lambda: self.open_backup())
        self.restore_action = self._action(_t("Rest&ore history…"), None,
                                           lambda: self.open_restore())
        self.mute_action = self._action(_t("M&ute this channel"), "Ctrl+Shift+M",
                                        lambda on: self.set_muted(bool(on)))
        self.mute_action.setCheckable(True)
        self.quit_action = self._action(_t("&Quit"), QKeySequence.StandardKey.Quit, self.quit)
        for a in (self.new_channel_action, self.search_action, self.settings_action,
                  self.leave_action, self.monitor_action, self.crisis_action,
                  self.decisions_action, self.notices_action, self.devices_action,
                  self.export_action, self.mute_action, self.backup_action,
                  self.restore_action):
            m.addAction(a)
        m.addSeparator()
        m.addAction(self.quit_action)
        c = self.menuBar().addMenu(_t("C&hair"))
        self.agenda_action = self._action(_t("Post a revised &agenda…"), None,
                                          self.revise_agenda)
        self.emergency_action = self._action(_t("Convene an &emergency meeting…"),
                                             "Ctrl+Shift+E", self.convene_emergency)
        c.addAction(self.agenda_action)
        c.addAction(self.emergency_action)
        self.chair_menu = c
        g = self.menuBar().addMenu(_t("&Go"))
        for text, keys, target in (
            (_t("&Channels"), "Ctrl+1", self.channel_view),
            (_t("&Messages"), "Ctrl+2", self.conversation),
            (_t("C&ompose"), "Ctrl+L", self.composer.editor),
            (_t("M&embers"), "Ctrl+3", self.member_pane.view),
        ):
            g.addAction(self._action(text, keys, lambda _c=False, w=target: w.setFocus()))
        g.addAction(self._action(_t("Next &unread channel"), "Ctrl+U", self.next_unread))
        h = self.menuBar().addMenu(_t("&Help"))
        self.shortcuts_action = self._action(_t("&Keyboard shortcuts…"),
                                             QKeySequence.StandardKey.HelpContents,
                                             lambda: self.open_shortcuts())
        h.addAction(self.shortcuts_action)
        self.about_action = self._action(_t("&About Corridor"), None, self.open_about)
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)
        h.addAction(self.about_action)
        self._set_chair(False)

    def _set_chair(self, chair: bool) -> None:
        self.is_chair = chair
        self.chair_menu.menuAction().setVisible(chair)
        self.agenda_action.setEnabled(chair)
        self.emergency_action.setEnabled(chair)
        self.notice_board.set_chair(chair)

    def _build_tray(self) -> None:
        self.tray: QSystemTrayIcon | None = None
        if not QSystemTrayIcon.isSystemTrayAvailable():
            return
        pix = QPixmap(32, 32)
        pix.fill(Qt.GlobalColor.darkBlue)
        self.tray = QSystemTrayIcon(QIcon(pix), self)
        self.tray.setToolTip(_t("Corridor"))
        self.tray.activated.connect(lambda *_: self._raise())
        menu = QMenu(self)
        menu.addAction(_t("&Open Corridor"), self._raise)
        menu.addAction(_t("C&risis desk…"), self.open_crisis_desk)
        menu.addSeparator()
        menu.addAction(_t("&Quit"), self.quit)
        self.tray.setContextMenu(menu)
        self.tray.show()

    def _build_crisis(self) -> None:
        """The crisis desk: its window opens from the menu, and its controller runs from
        the start, so a hotline call rings (and the desk comes up) even while the desk's
        window is closed."""
        desktop = None
        if os.environ.get("DBUS_SESSION_BUS_ADDRESS"):
            with contextlib.suppress(Exception):  # no notification server: the app rings
                desktop = DesktopNotifier()
        self.desktop = desktop
        self.crisis_window = CrisisWindow()
        self.crisis = CrisisController(self.bridge, self.session.client, self.crisis_window,
                                       notifier=AppNotifier(self, self.tray, desktop))
        self.crisis.changed.connect(self._crisis_changed)
        self.crisis.reminded.connect(lambda text: self.notify(_t("Reminder"), text))
        self.crisis.start()

    def _crisis_changed(self, view: Any) -> None:
        if view.ringing and not self.crisis_window.isVisible():
            self.open_crisis_desk()

    def open_decisions(self) -> DecisionsWindow:
        """The decisions window (silence procedure, drafting); its controller runs from
        the start, acknowledging breaks and signing closing statements."""
        w = self.decisions_window
        w.show()
        w.raise_()
        w.activateWindow()
        return w

    def open_notices(self) -> NoticesWindow:
        """The exercise register, the disaster-aid board and the annual exchange."""
        w = self.notices_window
        w.show()
        w.raise_()
        w.activateWindow()
        return w

    def open_crisis_desk(self) -> CrisisWindow:
        w = self.crisis_window
        w.show()
        w.raise_()
        w.activateWindow()
        return w

    def _raise(self) -> None:
        self.showNormal()
        self.activateWindow()

    def notify(self, title: str, text: str, critical: bool = False) -> None:
        """A desktop notification with sound (when enabled): freedesktop notifications
        on the session bus where a server answers (the crisis desk's notifier, the
        sound named in the notification), else the tray's message and a beep."""
        self.last_notification = (title, text)
        if not self.notifications and not critical:
            return
        if self.desktop is not None:
            from client.crisis.alarm import Ring

            sound = "phone-incoming-call" if critical else "message-new-instant"
            try:
                self.desktop.notify(Ring(b"", title, text, critical, 1, sound), 0)
                return
            except Exception as exc:  # a broken session bus: fall back to the tray
                log.warning("desktop notification failed: %s", type(exc).__name__)
                self.desktop = None
        if self.tray is not None:
            icon = QSystemTrayIcon.MessageIcon.Critical if critical else \
                QSystemTrayIcon.MessageIcon.Information
            self.tray.showMessage(title, text, icon, 8000)
        QApplication.beep()

    # ------------------------------------------------------------------ state

    def _restore_window(self) -> None:
        geo = self.settings.value("geometry")
        if isinstance(geo, QByteArray) and not geo.isEmpty():
            self.restoreGeometry(geo)
        else:
            self.resize(1200, 760)
        state = self.settings.value("windowState")
        if isinstance(state, QByteArray):
            self.restoreState(state)
        split = self.settings.value("splitter")
        if isinstance(split, QByteArray):
            self.splitter.restoreState(split)
        for key in self.settings.allKeys():
            if key.startswith("read/"):
                self.read_pos[key[5:]] = int(str(self.settings.value(key, 0)))

    def save_state(self) -> None:
        s = self.settings
        s.setValue("geometry", self.saveGeometry())
        s.setValue("windowState", self.saveState())
        s.setValue("splitter", self.splitter.saveState())
        s.setValue("channel", self.current)
        s.setValue("theme", self.theme)
        s.setValue("notifications", "true" if self.notifications else "false")
        s.setValue("verified", sorted(self.verified))
        for cid, pos in self.read_pos.items():
            s.setValue(f"read/{cid}", pos)
        s.sync()

    def quit(self) -> None:
        """End the app (closing the window only hides it while a tray keeps it)."""
        self._quitting = True
        self.close()

    def closeEvent(self, e: QCloseEvent) -> None:
        """Remember the window and where the user was. With a system tray, closing the
        window keeps the app running there, so a hotline call can still ring; Quit ends
        it."""
        if self.tray is not None and not self._quitting:
            e.ignore()
            self.hide()
            self.notify(_t("Corridor"), _t("Corridor keeps running in the tray, so a hotline "
                                           "call can ring. Quit ends it."))
            return
        self.save_state()
        self._refresh_timer.stop()
        self.crisis.stop()
        self.crisis_window.close()
        with contextlib.suppress(RuntimeError, TypeError):
            self.bridge.coreEvent.disconnect(self._on_event)
        if self.tray is not None:
            self.tray.hide()
        super().closeEvent(e)

    # ------------------------------------------------------------------ loading

    def load(self) -> None:
        a = self.adapter
        self.bridge.submit(lambda: (a.channels(), a.is_chair(), a.device_warnings()),
                           self._loaded)

    def _loaded(self, result: tuple[list[Any], bool, list[str]]) -> None:
        channels, chair, device_warnings = result
        self.device_banner.setText("\n".join(device_warnings))
        self.device_banner.setVisible(bool(device_warnings))
        self.channel_model.set_channels(channels)
        current = self.channel_model.channel(self.current) if self.current else None
        if current is not None:
            self._show_routing(current.routing_warning)
        self.channel_view.expandAll()
        self._set_chair(chair)
        want = self.current or str(self.settings.value("channel", "") or "")
        if not self.channel_model.channel(want) and channels:
            want = channels[0].channel_id
        if want and want != self.current:
            self.open_channel(want)
        self._refresh_unread([c.channel_id for c in channels])
        self._refresh_acks()

    def _refresh_unread(self, channel_ids: list[str]) -> None:
        a = self.adapter
        read = dict(self.read_pos)
        current = self.current

        def counts() -> dict[str, int]:
            return {cid: (0 if cid == current else
                          a.count_after(bytes.fromhex(cid), read.get(cid, 0)))
                    for cid in channel_ids}

        self.bridge.submit(counts, self._set_unread)

    def _set_unread(self, counts: dict[str, int]) -> None:
        for cid, n in counts.items():
            if cid != self.current:
                self.channel_model.set_unread(cid, n)
        total = self.channel_model.total_unread()
        if self.tray is not None:
            self.tray.setToolTip(_t("Corridor — %1 unread").replace("%1", str(total)))

    def _refresh_acks(self) -> None:
        a = self.adapter

        def work() -> tuple[list[AckStatus], list[AckStatus], Any]:
            return a.emergencies(), a.awaiting_me(), a.pinned_agenda()

        self.bridge.submit(work, self._acks_loaded)

    def _acks_loaded(self, result: tuple[list[AckStatus], list[AckStatus], Any]) -> None:
        emergencies, awaiting, agenda = result
        self.banner.set_status(emergencies[0] if emergencies else None, self.adapter.my_mission)
        self.hotline.set_pending(awaiting)
        if agenda is not None:
            _cid, view, revision = agenda
            title, _nl, body = view.text.partition("\n")
            self.notice_board.set_agenda(title, body, int(revision or 0), view.sender,
                                         view.sent_at)
        self.refreshed.emit()

    # ------------------------------------------------------------------ channels

    def _channel_selected(self, current: QModelIndex, _prev: QModelIndex) -> None:
        cid = current.data(roles.CHANNEL_ID) if current.isValid() else ""
        if cid and cid != self.current:
            self.open_channel(cid)

    def open_channel(self, channel_id: str, *, focus_message: str = "") -> None:
        """Show a channel: its newest page first, older pages as the user scrolls up."""
        info = self.channel_model.channel(channel_id)
        if info is None:
            return
        self._open_started = time.perf_counter()
        self.current = channel_id
        self._opening = channel_id
        idx = self.channel_model.index_of(channel_id)
        if idx.isValid() and self.channel_view.currentIndex() != idx:
            self.channel_view.setCurrentIndex(idx)
        self.channel_title.setText(info.name)
        self.mute_action.setChecked(channel_id in self.muted)
        self.history_note.setText(info.history_note)
        self.history_note.setVisible(bool(info.history_note))
        self._show_routing(info.routing_warning)
        self.ceiling_banner.setText(_t("Classification ceiling: %1").replace(
            "%1", info.ceiling))
        self.ceiling_banner.setVisible(bool(info.ceiling))
        can_post = info.can_post
        why = "" if can_post else (_t("Only the chair posts in this notice channel.")
                                   if info.kind == "notice" else
                                   _t("You can no longer post in this channel."))
        self.composer.set_can_post(can_post, why)
        self.conversation.set_can_post(can_post, info.can_answer)
        self._changed.clear()
        self._gone.clear()
        cid = bytes.fromhex(channel_id)
        a = self.adapter
        self.timer_label.setVisible(False)
        self.current_timer = None
        self._load_timer(channel_id)
        self._load_directory(channel_id)

        def first_page() -> tuple[list[MessageView], bool, int]:
            high = a.high_water(cid)  # first: a message landing meanwhile is read later
            rows, more = a.page(cid, limit=PAGE)
            return rows, more, high

        self.bridge.submit(first_page, lambda res: self._page_loaded(
            channel_id, res, focus_message))
        self.bridge.submit(lambda: a.members(cid), lambda ms: self.member_pane.set_members(
            ms, self.verified) if self.current == channel_id else None)

    def _page_loaded(self, channel_id: str, res: tuple[list[MessageView], bool, int],
                     focus_message: str) -> None:
        if channel_id != self.current:
            return
        rows, more, high = res
        self.conv_model.reset_channel(channel_id, rows, more, self._fetcher(channel_id), high)
        self._mark_read(channel_id, high)
        self._send_receipts(channel_id, rows)
        if focus_message:
            row = self.conv_model.row_of(focus_message)
            if row >= 0:
                self.conversation.setCurrentIndex(self.conv_model.index(row, 0))
                self.conversation.scrollTo(self.conv_model.index(row, 0))
        QTimer.singleShot(0, lambda: self._painted(channel_id))

    def _fetcher(self, channel_id: str) -> Any:
        a = self.adapter
        cid = bytes.fromhex(channel_id)

        def fetcher(before: int, deliver: Any) -> None:
            self.bridge.submit(lambda: a.page(cid, before=before, limit=PAGE),
                               lambda r: deliver(*r))

        return fetcher

    def _painted(self, channel_id: str) -> None:
        self.conversation.viewport().repaint()
        if channel_id == self.current:
            self.first_paint_ms = (time.perf_counter() - self._open_started) * 1000
            self.channelShown.emit(channel_id)

    def _mark_read(self, channel_id: str, position: int) -> None:
        if position > self.read_pos.get(channel_id, 0):
            self.read_pos[channel_id] = position
        self.channel_model.set_unread(channel_id, 0)

    def next_unread(self) -> None:
        for c in self.channel_model.channels():
            if self.channel_model.unread(c.channel_id):
                self.open_channel(c.channel_id)
                return

    # ------------------------------------------------------------------ events

    def _on_event(self, client: Any, batch: list[Any]) -> None:
        if client is not self.session.client:
            return  # another device on the same core loop (tests, several windows)
        notified = 0
        for e in batch:
            if isinstance(e, ev.MessageReceived) and not e.own and notified < 3:
                notified += 1  # a burst raises a few notifications, not thousands
            elif isinstance(e, ev.MessageReceived):
                self._pending_channels.add(e.channel_id.hex())
                continue
            self._on_one_event(e)
        if not self._refresh_timer.isActive():
            self._refresh_timer.start()

    def _on_one_event(self, e: Any) -> None:
        cid = getattr(e, "channel_id", b"").hex() if isinstance(
            getattr(e, "channel_id", None), bytes) else ""
        if isinstance(e, ev.MessageEdited | ev.ReactionChanged | ev.AckUpdated):
            if cid == self.current:
                self._changed.add(e.message_id.hex())
            return
        if isinstance(e, ev.MessageRedacted):
            if cid == self.current:
                self._gone.add(e.message_id.hex())
            return
        if isinstance(e, ev.ConnectionChanged):
            self._show_link(e.connected, e.detail)
            return
        if isinstance(e, ev.MessageFailed):
            # the relay refused an own message for good: its row shows why
            if cid == self.current:
                self._changed.add(e.message_id.hex())
            self.statusBar().showMessage(
                _t("A message was not sent: %1").replace("%1", e.reason), 10000)
            return
        if isinstance(e, ev.MessageSent):
            # the relay numbered an own message: its row leaves "sending" and moves to
            # its relay place (repainted with the next refresh; nothing is polled)
            if cid == self.current:
                self._changed.add(e.message_id.hex())
            return
        if isinstance(e, ev.MessagesExpired):
            if cid == self.current:
                self._gone.update(m.hex() for m in e.message_ids)
            self._pending_channels.add(cid)
            return
        if isinstance(e, ev.TimerChanged):
            if cid == self.current:
                self._load_timer(cid)
            return
        if isinstance(e, ev.NoticePinned | ev.EmergencyCallReceived):
            return  # the refresh after this batch reads the notice board and trackers
        if isinstance(e, ev.MessageReceived) and e.kind == "read" and cid == self.current:
            # someone read something: repaint own rows' "read by" (the newest ones)
            own = self.conv_model.ids_where(lambda r: r.own)[-30:]
            self._changed.update(own)
        if isinstance(e, ev.MessageReceived):
            self._pending_channels.add(e.channel_id.hex())
            if not e.own and e.kind not in ("read", "ack", "react", "edit", "redact"):
                self._notify_message(e)
        elif isinstance(e, ev.ChannelJoined | ev.ChannelLeft | ev.MembershipChanged
                        | ev.RoutingMismatch | ev.RoutingRestored):
            self._refresh_all = True
            self._pending_channels.add(e.channel_id.hex())
        elif isinstance(e, ev.CertificateExpiring | ev.KeyPackagesDraining):
            self._refresh_all = True  # the banner is read again with the channels
        elif isinstance(e, ev.ErrorEvent):
            self.statusBar().showMessage(e.reason, 6000)
            return
        elif isinstance(e, ev.DirectoryAlarm):
            self.statusBar().showMessage(_t("Security alarm: the relay's directory — %1")
                                         .replace("%1", e.detail), 15000)
            if self.current:
                self._load_directory(self.current)
        elif isinstance(e, ev.CommitVoided):  # the vote's outcome, shown to every member
            self.statusBar().showMessage(
                _t("A change to this channel was voided by its missions"), 10000)
        elif isinstance(e, ev.ForkDetected | ev.PolicyRefused | ev.PossibleWithholding):
            self.statusBar().showMessage(_t("Warning: %1").replace("%1", type(e).__name__),
                                         10000)

    def _show_link(self, up: bool | None, detail: str = "") -> None:
        """The relay connection in the status bar, as the core last reported it (only
        ConnectionChanged moves it: a message or an error says nothing about the link)."""
        if up is None:
            text = _t("Connecting…")
        elif up:
            text = _t("Connected")
        else:
            text = _t("Offline — reconnecting…")
        self.connection.setText(text)
        self.connection.setToolTip(detail)

    def _show_routing(self, warning: str) -> None:
        """The open channel's routing warning, above its messages (until it is gone)."""
        self.routing_banner.setText(_t("Warning: %1").replace("%1", warning) if warning else "")
        self.routing_banner.setVisible(bool(warning))

    def _notify_message(self, e: ev.MessageReceived) -> None:
        cid = e.channel_id.hex()
        visible = cid == self.current and self.isActiveWindow()
        info = self.channel_model.channel(cid)
        name = info.name if info else ""
        if cid in self.muted and not breaks_through(
                e.kind, self.adapter.asks_ack(e.channel_id, e.message_id)):
            return  # muted: emergency meetings and acknowledgement requests still notify
        if e.kind == "emergency":
            self.notify(_t("Emergency meeting"), _t("%1 convened an emergency meeting")
                        .replace("%1", e.sender), critical=True)
        elif not visible:
            self.notify(name, _t("New message from %1").replace("%1", e.sender))

    def _refresh(self) -> None:
        pending, self._pending_channels = self._pending_channels, set()
        if self._refresh_all:
            self._refresh_all = False
            self.load()
            if self.current:
                cid = bytes.fromhex(self.current)
                current = self.current
                self.bridge.submit(lambda: self.adapter.members(cid),
                                   lambda ms: self.member_pane.set_members(ms, self.verified)
                                   if self.current == current else None)
        if self.current and self.conv_model.channel_id == self.current:
            self._apply_changes(self.current)
        if self.current in pending and self.conv_model.channel_id == self.current:
            self._load_newer(self.current)
        others = [c for c in pending if c != self.current]
        if others:
            self._refresh_unread(others)
        self._refresh_acks()

    def _apply_changes(self, channel_id: str) -> None:
        """Repaint rows that edits, reactions, receipts, acks or the relay's numbering
        (MessageSent) changed; drop redacted and expired ones (both batched per refresh)."""
        gone, self._gone = self._gone, set()
        if gone:
            self.conv_model.remove_ids(gone)
        changed, self._changed = self._changed - gone, set()
        ids = [m for m in changed if self.conv_model.row_of(m) >= 0]
        if not ids:
            return
        a = self.adapter
        cid = bytes.fromhex(channel_id)
        self.bridge.submit(lambda: a.rows(cid, ids),
                           lambda rows: self.conv_model.replace_rows(channel_id, rows))

    def _load_newer(self, channel_id: str) -> None:
        """Append what arrived, one chunk per event-loop turn (see the module docstring)."""
        if self._newer_busy:
            self._newer_again = True
            return
        if self.conversation.held:
            self._count_held(channel_id)
            return
        self._newer_busy = True
        a = self.adapter
        cid = bytes.fromhex(channel_id)
        after = self.conv_model.high_water

        def done(res: Newer) -> None:
            self._newer_busy = False
            if channel_id != self.current or self.conv_model.channel_id != channel_id:
                return
            follow = self.conversation.at_bottom() or self.conversation._stick
            if not follow and self.conv_model.rowCount() >= MAX_DETACHED:
                # the reader is far up in older history: hold newer messages back
                self.conversation.set_unseen(self.conversation.unseen, held=True)
                self._count_held(channel_id)
                return
            if follow and res.more:
                # a backlog (a catch-up of thousands): show the newest page rather than
                # stream every message through the list (each chunk re-lays out every
                # loaded row on the UI thread); older ones are paged in on scrolling up
                self._newer_busy = True
                self._show_newest_page(channel_id)
                return
            self.conv_model.apply_newer(channel_id, res.rows, (), res.high_water)
            if follow:
                self.conv_model.trim_top(MAX_ROWS)
            self._mark_read(channel_id, res.high_water)
            self._send_receipts(channel_id, res.rows)
            if res.more or self._newer_again:
                self._newer_again = False
                QTimer.singleShot(0, lambda: self._load_newer(channel_id)
                                  if channel_id == self.current else None)

        def failed(exc: BaseException) -> None:
            self._newer_busy = False
            self.bridge.failed.emit(str(exc) or type(exc).__name__)

        self.bridge.submit(lambda: a.newer(cid, after, limit=CHUNK), done, failed)

    def _show_newest_page(self, channel_id: str) -> None:
        """Replace the rows by the channel's newest page (the reader follows the bottom
        and a backlog arrived); then carry on with what lands after it."""
        a = self.adapter
        cid = bytes.fromhex(channel_id)

        def newest() -> tuple[list[MessageView], bool, int]:
            high = a.high_water(cid)
            rows, more = a.page(cid, limit=BACKLOG_PAGE)
            return rows, more, high

        def done(res: tuple[list[MessageView], bool, int]) -> None:
            self._newer_busy = False
            if channel_id != self.current or self.conv_model.channel_id != channel_id:
                return
            rows, more, high = res
            self.conv_model.reset_channel(channel_id, rows, more, self._fetcher(channel_id),
                                          high)
            self._mark_read(channel_id, high)
            self._send_receipts(channel_id, rows)
            if self._newer_again:
                self._newer_again = False
                QTimer.singleShot(0, lambda: self._load_newer(channel_id)
                                  if channel_id == self.current else None)

        def failed(exc: BaseException) -> None:
            self._newer_busy = False
            self.bridge.failed.emit(str(exc) or type(exc).__name__)

        self.bridge.submit(newest, done, failed)

    def _send_receipts(self, channel_id: str, rows: list[MessageView]) -> None:
        """Shown messages that ask for acknowledgement get a read receipt (once), so the
        sender's tracker can say "read, not yet acknowledged"."""
        ids = [r.message_id for r in rows if r.requires_ack and not r.own
               and r.message_id not in self._receipted
               and self.adapter.me not in r.read_by]
        info = self.channel_model.channel(channel_id)
        if not ids or info is None or not info.can_answer:
            return
        self._receipted.update(ids)
        cid = bytes.fromhex(channel_id)
        self.bridge.submit(lambda: self.adapter.mark_read(cid, ids), None, lambda _e: None)

    def _count_held(self, channel_id: str) -> None:
        """How many messages wait behind the pill (counted on the core's thread)."""
        a = self.adapter
        cid = bytes.fromhex(channel_id)
        after = self.conv_model.high_water
        loaded = self.conversation.unseen

        def show(n: int) -> None:
            if channel_id == self.current and self.conversation.held:
                self.conversation.set_unseen(max(n, loaded, 1))

        self.bridge.submit(lambda: a.count_after(cid, after, cap=9999), show)

    def jump_to_newest(self) -> None:
        """Leave older history for the newest page (the pill, or the bottom reached)."""
        if self.current:
            self.conversation.set_unseen(0, held=False)
            self.open_channel(self.current)

    def _load_directory(self, channel_id: str) -> None:
        """Key transparency for the open conversation: verified, or the evidence."""
        cid = bytes.fromhex(channel_id)
        a = self.adapter
        self.directory_badge.set_status(None)

        def show(status: Any) -> None:
            if channel_id == self.current:
                self.directory_badge.set_status(status)

        self.bridge.submit(lambda: a.directory_status(cid), show,
                           lambda _exc: show(None))

    def _load_timer(self, channel_id: str) -> None:
        a = self.adapter
        cid = bytes.fromhex(channel_id)

        def show(res: tuple[int | None, str]) -> None:
            if channel_id != self.current:
                return
            seconds, by = res
            self.timer_label.setVisible(bool(seconds))
            if seconds:
                self.timer_label.setText(_t("⏱ Messages disappear after %1 (set by %2)")
                                         .replace("%1", _duration(seconds))
                                         .replace("%2", by or _t("a member")))
            self.current_timer = seconds

        self.bridge.submit(lambda: a.timer(cid), show)

    # ------------------------------------------------------------------ actions

    def _cid(self) -> bytes | None:
        return bytes.fromhex(self.current) if self.current else None

    def _after_send(self, _mid: Any = None) -> None:
        self._pending_channels.add(self.current)
        self._refresh_timer.start()

    def _error(self, exc: BaseException) -> None:
        self.show_error(str(exc) or type(exc).__name__)

    def open_shortcuts(self) -> ShortcutsDialog:
        """Help > Keyboard shortcuts (F1): every menu action and its key."""
        menus = [(m.text(), menu.actions()) for m in self.menuBar().actions()
                 if isinstance(menu := m.menu(), QMenu)]
        dlg = ShortcutsDialog(shortcut_rows(menus), self)
        self.shortcuts_dialog = dlg
        dlg.open()
        return dlg

    def open_about(self) -> QMessageBox:
        """Version and licence; the version is the one ``corridor --version`` prints."""
        from crypto import __version__

        box = QMessageBox(QMessageBox.Icon.Information, _t("About Corridor"),
                          _t("Corridor %1").replace("%1", __version__),
                          QMessageBox.StandardButton.Ok, self)
        box.setObjectName("aboutBox")
        box.setInformativeText(_t(
            "End-to-end-encrypted messaging (MLS, RFC 9420) for the delegations of a "
            "multilateral forum.\nLicensed under the Apache License, Version 2.0."))
        words, hex_ = self.adapter.venue_fingerprint()
        box.setDetailedText(_t(
            "This device trusts the venue whose root certificate has the fingerprint:\n"
            "%1\n%2\nCompare it with the one the secretariat published.").replace(
                "%1", words).replace("%2", hex_))
        self.about_box = box
        box.open()
        return box

    def show_error(self, text: str, title: str = "") -> QMessageBox:
        """A window-modal message (never blocks the event loop: the core keeps going)."""
        box = QMessageBox(QMessageBox.Icon.Warning, title or _t("Corridor"), text,
                          QMessageBox.StandardButton.Ok, self)
        box.setObjectName("errorBox")
        self.error_box = box
        box.open()
        return box

    def send_text(self, text: str, reply_to: str = "", requires_ack: bool = False) -> None:
        cid = self._cid()
        if cid is None:
            return
        a = self.adapter
        self.bridge.submit(lambda: a.send_text(cid, text, reply_to=reply_to,
                                               requires_ack=requires_ack),
                           self._after_send, self._error)
        self._after_send()

    def _edit(self, message_id: str, text: str) -> None:
        if (cid := self._cid()) is not None:
            self.bridge.submit(lambda: self.adapter.edit(cid, message_id, text),
                               self._after_send, self._error)

    def _redact(self, row: MessageView) -> None:
        if self._cid() is None:
            return
        ok = QMessageBox.question(self, _t("Withdraw message"),
                                  _t("Withdraw this message for everyone in the channel?"))
        if ok == QMessageBox.StandardButton.Yes:
            self._redact_confirmed(row)

    def _redact_confirmed(self, row: MessageView) -> None:
        if (cid := self._cid()) is not None:
            self.bridge.submit(lambda: self.adapter.redact(cid, row.message_id),
                               self._after_send, self._error)

    def leave_channel(self) -> QMessageBox | None:
        """Ask before leaving the open channel: it names the channel and says what
        happens (history kept here, no new messages, the others see the device go)."""
        cid = self._cid()
        if cid is None:
            return None
        ch = self.channel_model.channel(cid.hex())
        name = ch.name if ch is not None else cid.hex()[:12]
        box = QMessageBox(QMessageBox.Icon.Question, _t("Leave channel"),
                          _t("Leave “%1” on this device?").replace("%1", name),
                          QMessageBox.StandardButton.NoButton, self)
        box.setInformativeText(_t(
            "The messages you have stay readable on this device. It will receive no new "
            "messages in this channel, and the other members will see this device leave. "
            "Your other devices stay in the channel."))
        box.setObjectName("leaveBox")
        self.leave_button = box.addButton(_t("Leave"), QMessageBox.ButtonRole.DestructiveRole)
        cancel = box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(cancel)
        box.setEscapeButton(cancel)
        self.leave_box = box

        def done() -> None:
            if box.clickedButton() is self.leave_button:
                self._leave_confirmed(cid, name)

        box.finished.connect(done)
        box.open()
        return box

    def _leave_confirmed(self, cid: bytes, name: str) -> None:
        client = self.session.client

        def after(done: bool) -> None:
            self.statusBar().showMessage(
                (_t("You left “%1” on this device.") if done else
                 _t("Offline: leaving “%1” goes at the next connection.")).replace("%1", name),
                8000)
            self._refresh_all = True
            self._refresh_timer.start()

        self.bridge.submit(lambda: client.leave(cid), after, self._error)

    def _retry_failed(self, row: MessageView) -> None:
        """Send a message the relay refused again (its row goes back to "sending…")."""
        if (cid := self._cid()) is not None:
            mid = row.message_id
            self._changed.add(mid)
            self.bridge.submit(lambda: self.adapter.retry(cid, mid), self._after_send,
                               self._error)

    def _discard_failed(self, row: MessageView) -> None:
        if self._cid() is None:
            return
        ok = QMessageBox.question(self, _t("Discard message"), _t(
            "This message was never delivered. Delete it from this device?"))
        if ok == QMessageBox.StandardButton.Yes:
            self._discard_confirmed(row)

    def _discard_confirmed(self, row: MessageView) -> None:
        if (cid := self._cid()) is not None:
            self.bridge.submit(lambda: self.adapter.discard(cid, row.message_id),
                               self._after_send, self._error)

    def _react(self, row: MessageView, emoji: str) -> None:
        if (cid := self._cid()) is not None:
            self.bridge.submit(lambda: self.adapter.react(cid, row.message_id, emoji),
                               self._after_send, self._error)

    def acknowledge(self, channel_id: str, message_id: str) -> None:
        """Acknowledge for this device's mission (hotline message or emergency call)."""
        cid = bytes.fromhex(channel_id)
        self.bridge.submit(lambda: self.adapter.ack(cid, message_id),
                           lambda _m: self._after_ack(channel_id), self._error)

    def _after_ack(self, channel_id: str) -> None:
        self._pending_channels.add(channel_id)
        self._refresh_timer.start()

    def _attach(self) -> None:
        if self._cid() is None:
            return
        path, _f = QFileDialog.getOpenFileName(self, _t("Attach a file"))
        if path:
            self.confirm_attachment(Path(path))

    def confirm_attachment(self, path: Path) -> AttachDialog | None:
        """Ask before sending a file: preview, name, size, channel, caption."""
        if (cid := self._cid()) is None:
            return None
        ch = self.channel_model.channel(cid.hex())
        dlg = AttachDialog(path, ch.name if ch is not None else cid.hex()[:12], self)
        dlg.accepted.connect(lambda: self.attach(path, dlg.caption.text().strip()))
        self.attach_dialog = dlg
        dlg.open()
        return dlg

    def attach(self, path: Path, caption: str = "") -> None:
        """Encrypt, upload and send a file in the open channel."""
        if (cid := self._cid()) is None:
            return
        self.statusBar().showMessage(_t("Sending “%1”…").replace("%1", path.name))
        def sent(mid: str) -> None:
            self.statusBar().showMessage(_t("Sent “%1”.").replace("%1", path.name), 4000)
            self._after_send(mid)

        self.bridge.submit(lambda: self.adapter.attach(cid, path, caption),
                           sent, lambda exc: self._attach_failed(path, exc))

    def _attach_failed(self, path: Path, exc: BaseException) -> None:
        self.statusBar().clearMessage()
        if isinstance(exc, AttachmentTooLarge):
            text = _t("“%1” is too large to send. Files up to %2 can be attached.").replace(
                "%1", path.name).replace("%2", size_text(MAX_ATTACHMENT_BYTES))
        elif isinstance(exc, QuotaExceeded):
            text = _t("The relay's storage for your attachments is full, so “%1” was not "
                      "sent. Ask the secretariat, or try again later.").replace("%1", path.name)
        elif isinstance(exc, RelayUnavailable):
            text = _t("The relay cannot be reached, so “%1” was not sent. Try again when "
                      "you are back online.").replace("%1", path.name)
        elif isinstance(exc, OSError):
            text = _t("“%1” cannot be read: %2").replace("%1", path.name).replace(
                "%2", exc.strerror or str(exc))
        else:
            text = _t("“%1” was not sent: %2").replace("%1", path.name).replace(
                "%2", str(exc) or type(exc).__name__)
        self.show_error(text, _t("Attachment not sent"))

    def save_attachment(self, row: MessageView, dest: Path | None = None) -> None:
        """Fetch, verify and save an attachment (asks where, unless ``dest`` is given)."""
        if (cid := self._cid()) is None or not row.has_attachment:
            return
        if dest is None:
            start = str(Path.home() / row.file_name)
            chosen, _f = QFileDialog.getSaveFileName(self, _t("Save attachment"), start)
            if not chosen:
                return
            dest = Path(chosen)
        target = dest
        self.statusBar().showMessage(_t("Downloading “%1”…").replace("%1", row.file_name))
        self.bridge.submit(lambda: self.adapter.save_attachment(cid, row.message_id, target),
                           self._saved, lambda exc: self._save_failed(row, exc))

    def _saved(self, path: Path) -> None:
        self.last_saved = Path(path)
        self.statusBar().showMessage(_t("Saved to %1").replace("%1", str(path)), 8000)

    def _save_failed(self, row: MessageView, exc: BaseException) -> None:
        self.statusBar().clearMessage()
        if isinstance(exc, AttachmentTampered):
            text = _t("“%1” was NOT saved: the file the relay returned does not match what "
                      "the sender sent (it was altered or damaged on the way). Nothing was "
                      "written. Ask the sender to send it again.").replace("%1", row.file_name)
        elif isinstance(exc, RelayUnavailable):
            text = _t("The relay cannot be reached, so “%1” could not be downloaded.").replace(
                "%1", row.file_name)
        else:
            text = _t("“%1” could not be saved: %2").replace("%1", row.file_name).replace(
                "%2", str(exc) or type(exc).__name__)
        self.show_error(text, _t("Attachment not saved"))

    def revise_agenda(self) -> None:
        notice = next((c for c in self.channel_model.channels() if c.kind == "notice"), None)
        if notice is None or not self.is_chair:
            return
        dlg = AgendaDialog(self.notice_board.title.text(), self.notice_board.body.text(), self)
        if dlg.exec():
            cid = bytes.fromhex(notice.channel_id)
            title, body = dlg.title.text().strip(), dlg.body.toPlainText().strip()
            if title:
                self.bridge.submit(lambda: self.adapter.post_agenda(cid, title, body),
                                   lambda _m: self._after_ack(notice.channel_id), self._error)

    def emergency_channel(self) -> str:
        """Where the chair convenes: the notice channel with the most missions (every
        member acknowledges there), else the widest multilateral channel."""
        for kind in ("notice", "multilateral"):
            chans = [c for c in self.channel_model.channels() if c.kind == kind]
            chans.sort(key=lambda c: (-len(c.missions), c.name))
            if chans:
                return chans[0].channel_id
        return ""

    def convene_emergency(self) -> None:
        target = self.emergency_channel()
        if not target or not self.is_chair:
            return
        info = self.channel_model.channel(target)
        dlg = EmergencyDialog(info.name if info else "", self)
        self.emergency_dialog = dlg
        dlg.accepted.connect(lambda: self.convene(
            target, dlg.meeting_at_ms(), dlg.place.text().strip(), dlg.link.text().strip(),
            dlg.agenda.toPlainText().strip()))
        dlg.open()

    def convene(self, channel_id: str, meeting_at: int, place: str, link: str = "",
                agenda: str = "") -> None:
        cid = bytes.fromhex(channel_id)
        self.bridge.submit(lambda: self.adapter.convene_emergency(
            cid, meeting_at=meeting_at, place=place, link=link, agenda=agenda),
            lambda _m: self._after_ack(channel_id), self._error)

    def open_wizard(self) -> ChannelWizard | None:
        a = self.adapter

        def show(missions: list[str]) -> None:
            wiz = ChannelWizard(missions, a.my_mission, self.is_chair, a.check_new_channel, self)
            wiz.created.connect(self._create_channel)
            self.wizard = wiz
            wiz.open()

        self.bridge.submit(a.missions, show, self._error)
        return None

    def _create_channel(self, kind: str, name: str, missions: list[str]) -> None:
        self.statusBar().showMessage(_t("Creating “%1”…").replace("%1", name))
        self.bridge.submit(lambda: self.adapter.create_channel(kind, name, missions),
                           self._created, self._error)

    def _created(self, cid: str) -> None:
        self.current = ""
        self.settings.setValue("channel", cid)
        self.load()

    def open_search(self) -> SearchDialog:
        dlg = SearchDialog(self)
        dlg.searchRequested.connect(lambda q: self.bridge.submit(
            lambda: self.adapter.search(q), dlg.show_hits,
            lambda exc: self.search_failed(dlg, exc)))
        dlg.hitActivated.connect(lambda h: self._open_hit(dlg, h))
        self.search_dialog = dlg
        dlg.open()
        return dlg

    def _open_hit(self, dlg: SearchDialog, hit: SearchHit) -> None:
        dlg.accept()
        self.open_channel(hit.channel_id, focus_message=hit.message_id)

    def search_failed(self, dlg: SearchDialog, exc: BaseException) -> None:
        dlg.show_error(str(exc) or type(exc).__name__)

    def open_settings(self) -> SettingsDialog:
        info = self.channel_model.channel(self.current)
        from ui.app import language_setting

        dlg = SettingsDialog(self.notifications, self.theme, self.current_timer,
                             info.name if info else "", bool(info and info.can_post), self,
                             language=language_setting())
        dlg.accepted.connect(lambda: self._apply_settings(dlg))
        self.settings_dialog = dlg
        dlg.open()
        return dlg

    def _apply_settings(self, dlg: SettingsDialog) -> None:
        self.notifications = dlg.notifications.isChecked()
        self.set_theme(str(dlg.theme.currentData()))
        if (language := dlg.chosen_language()) is not None:
            from ui.app import app_settings

            prefs = app_settings()  # the app's, not the home's: read before any window
            prefs.setValue("language", language)
            prefs.sync()
        if dlg.timer_changed() and (cid := self._cid()) is not None:
            secs = dlg.chosen_timer()
            self.bridge.submit(lambda: self.adapter.set_timer(cid, secs), self._after_send,
                               self._error)
        self.save_state()

    def set_theme(self, theme: str) -> None:
        self.theme = theme
        self.dark = apply_theme(QApplication.instance(), theme)  # type: ignore[arg-type]
        self.conversation.message_delegate.dark = self.dark
        self.conversation.message_delegate.clear_cache()
        self.conversation.viewport().update()

    def open_monitor(self, issued_dir: Path | None = None) -> MonitorDialog:
        """The mission monitor as a screen (``corridor mission monitor``)."""
        dlg = MonitorDialog(self)
        a = self.adapter

        def run(folder: Path | None) -> None:
            self.bridge.submit(lambda: a.monitor_log(folder),
                               lambda res: dlg.set_findings(*res),
                               lambda exc: dlg.set_error(str(exc) or type(exc).__name__))

        dlg.refreshRequested.connect(lambda p: run(Path(p) if p else None))
        self.monitor_dialog = dlg
        dlg.show()
        run(issued_dir)
        return dlg

    def open_backup(self) -> None:
        """Corridor > Back up history…: a file, a passphrase (twice), then the backup."""
        chosen, _f = QFileDialog.getSaveFileName(self, _t("Back up history"),
                                                 "corridor-history.backup")
        if not chosen:
            return
        dlg = BackupPassphraseDialog(True, self)
        dlg.accepted.connect(lambda: self.back_up(Path(chosen), dlg.passphrase.text()))
        self.backup_dialog = dlg
        dlg.open()

    def back_up(self, path: Path, passphrase: str) -> None:
        def done(count: int) -> None:
            self.statusBar().showMessage(tr_n(
                "MainWindow", "Backed up the history of %n channel(s) to %1.", count)
                .replace("%1", str(path)), 10000)

        self.bridge.submit(lambda: self.adapter.back_up(path, passphrase), done, self._error)

    def open_restore(self) -> None:
        """Corridor > Restore history…: a backup file and its passphrase."""
        chosen, _f = QFileDialog.getOpenFileName(self, _t("Restore history"))
        if not chosen:
            return
        dlg = BackupPassphraseDialog(False, self)
        dlg.accepted.connect(lambda: self.restore(Path(chosen), dlg.passphrase.text()))
        self.backup_dialog = dlg
        dlg.open()

    def restore(self, path: Path, passphrase: str) -> None:
        def done(names: list[str]) -> None:
            folder = self.session.client.home.root / "archive"
            self.statusBar().showMessage(tr_n(
                "MainWindow", "Restored the history of %n channel(s) into %1.", len(names))
                .replace("%1", str(folder)), 10000)

        self.bridge.submit(lambda: self.adapter.restore(path, passphrase), done, self._error)

    def set_muted(self, on: bool) -> None:
        """Mute or unmute the open channel's notifications (``corridor mute``)."""
        cid = self._cid()
        if cid is None:
            return
        (self.muted.add if on else self.muted.discard)(cid.hex())
        self.mute_action.setChecked(on)
        self.bridge.submit(lambda: self.adapter.set_muted(cid, on), None, self._error)
        self.statusBar().showMessage(
            _t("Muted: only emergency meetings, acknowledgement requests and hotline calls "
               "notify from this channel.") if on else _t("Notifications on for this "
                                                          "channel."), 8000)

    def export_history(self, path: Path | None = None) -> None:
        """Save the open channel's history as a signed, readable HTML file."""
        cid = self._cid()
        if cid is None:
            return
        if path is None:
            ch = self.channel_model.channel(cid.hex())
            name = (ch.name if ch is not None else "channel").replace("/", "-")
            chosen, _f = QFileDialog.getSaveFileName(
                self, _t("Export channel history"), f"{name}-history.html",
                _t("Web page (*.html)"))
            if not chosen:
                return
            path = Path(chosen)
        target = path

        def done(count: int) -> None:
            self.statusBar().showMessage(tr_n(
                "MainWindow", "Exported %n message(s) to %1, signed by this device.",
                count).replace("%1", str(target)), 10000)

        self.bridge.submit(lambda: self.adapter.export_history(cid, target), done,
                           self._error)

    def open_devices(self) -> DevicesDialog:
        """This delegate's devices, and removing a lost one (``corridor device ...``)."""
        dlg = DevicesDialog(self)
        a = self.adapter

        def load() -> None:
            self.bridge.submit(a.devices, dlg.set_devices,
                               lambda exc: dlg.set_error(str(exc) or type(exc).__name__))

        def removed(device: DeviceInfo) -> None:
            def listed(devs: list[DeviceInfo]) -> None:
                dlg.set_devices(devs)
                dlg.set_removed(device)

            dlg.set_removed(device)
            self.bridge.submit(a.devices, listed)

        dlg.removeRequested.connect(lambda dev: self.bridge.submit(
            lambda: a.remove_device(dev), removed,
            lambda exc: dlg.set_error(str(exc) or type(exc).__name__)))
        self.devices_dialog = dlg
        dlg.show()
        load()
        return dlg

    def open_verification(self, device_id: str) -> VerificationDialog | None:
        m = self.member_pane.model.member(device_id)
        if m is None or m.own:
            return None
        mine = self.adapter.device_key()
        words, hex_ = safety_number(mine, bytes.fromhex(device_id))
        dlg = VerificationDialog(self.adapter.me, f"{m.mission}/{m.delegate}", words, hex_,
                                 "corridor-verify:v1:" + hex_.replace(" ", ""),
                                 device_id in self.verified, self)
        dlg.accepted.connect(lambda: self._verified(device_id))
        self.verification_dialog = dlg
        dlg.open()
        return dlg

    def _verified(self, device_id: str) -> None:
        self.verified.add(device_id)
        self.save_state()
        self.member_pane.set_members(self.member_pane.model.members, self.verified)




def settle_heap() -> None:
    """Take what exists once the window is up (Qt wrappers, the core's state, the demo
    relay's) out of the cyclic garbage collector's full passes (``gc.freeze``).

    A full collection walks every tracked object and holds the interpreter lock while it
    does, whichever thread triggers it: measured with bench/bench_ui.py during a
    10,000-message catch-up, 32-37 ms passes on the UI thread and on the demo relay's
    thread, each a UI stall. Frozen objects are still freed by reference counting; only
    cycles among them are no longer collected (there are few: the long-lived ones).
    """
    gc.collect()
    gc.freeze()


def _duration(seconds: int) -> str:
    if seconds % 86400 == 0:
        return tr_n("MainWindow", "%n day(s)", seconds // 86400)
    if seconds % 3600 == 0:
        return tr_n("MainWindow", "%n hour(s)", seconds // 3600)
    if seconds % 60 == 0:
        return tr_n("MainWindow", "%n minute(s)", seconds // 60)
    return tr_n("MainWindow", "%n second(s)", seconds)


def _as_list(value: object) -> list[object]:
    """QSettings gives a string for a one-element list and None for an empty one."""
    if value is None:
        return []
    if isinstance(value, str):
        return [value] if value else []
    if isinstance(value, list | tuple):
        return list(value)
    return []
