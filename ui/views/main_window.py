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

import concurrent.futures
import contextlib
import time
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QCoreApplication, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QApplication,
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
from client.attachments import Uploaded
from client.crisis.alarm import DesktopNotifier
from client.model import AckStatus, MessageView, SearchHit
from ui.alarm import CrisisController
from ui.bridge import Bridge
from ui.delegates.channel import ChannelDelegate
from ui.models import roles
from ui.models.channels import ChannelListModel
from ui.models.conversation import ConversationModel
from ui.qtfix import pin_none
from ui.session import Session
from ui.theme import apply_theme
from ui.views import window_actions, window_dialogs, window_events, window_menus
from ui.views.attach import AttachDialog
from ui.views.backup import BackupPassphraseDialog
from ui.views.conversation import Composer, ConversationView
from ui.views.crisis import CrisisWindow
from ui.views.decisions import DecisionsWindow, build_decisions
from ui.views.devices import DevicesDialog
from ui.views.dialogs import (
    ChannelWizard,
    EmergencyDialog,
    SearchDialog,
    SettingsDialog,
    VerificationDialog,
)
from ui.views.notices import NoticesWindow, build_notices
from ui.views.panels import EmergencyBanner, HotlineBar, MemberPane, NoticeBoard
from ui.views.shortcuts import ShortcutsDialog
from ui.views.transparency import DirectoryBadge, MonitorDialog
from ui.views.window_common import (
    PAGE,
    _as_list,
    _warning_label,
    settle_heap,
)

if TYPE_CHECKING:
    from collections.abc import Callable

    from client.crisis.desk import DeskView
    from ui.adapter import ChannelSummary
    from ui.venues import Venues, VenueSwitcher

__all__ = ["LINK_CHECK_MS", "PAGE", "MainWindow"]

#: how often the window reads the core's relay link to correct its status label
LINK_CHECK_MS = 3000

#: what the acknowledgement refresh reads on the core's thread: emergency calls, the
#: names of the newest one's channel members, calls awaiting this mission, the agenda
_Acks = tuple[list[AckStatus], dict[str, str], list[AckStatus],
              tuple[str, MessageView, str] | None]


def _t(text: str) -> str:
    return QCoreApplication.translate("MainWindow", text)


class MainWindow(QMainWindow):
    """See the module docstring."""

    #: The first page of a channel was painted (channel id): for tests and the benchmark.
    channelShown = Signal(str)
    #: A refresh triggered by core events finished.
    refreshed = Signal()

    # Set by the window's parts (menus, tray, crisis desk, dialogs) when first built.
    tray: QSystemTrayIcon | None
    crisis_window: CrisisWindow
    crisis: CrisisController
    last_notification: tuple[str, str]
    chair_menu: QMenu
    new_channel_action: QAction
    search_action: QAction
    settings_action: QAction
    leave_action: QAction
    monitor_action: QAction
    crisis_action: QAction
    decisions_action: QAction
    notices_action: QAction
    devices_action: QAction
    export_action: QAction
    backup_action: QAction
    restore_action: QAction
    mute_action: QAction
    quit_action: QAction
    agenda_action: QAction
    emergency_action: QAction
    shortcuts_action: QAction
    about_action: QAction
    shortcuts_dialog: ShortcutsDialog
    attach_dialog: AttachDialog
    leave_box: QMessageBox
    leave_button: QPushButton
    emergency_dialog: EmergencyDialog
    wizard: ChannelWizard
    search_dialog: SearchDialog
    settings_dialog: SettingsDialog
    monitor_dialog: MonitorDialog
    backup_dialog: BackupPassphraseDialog
    devices_dialog: DevicesDialog
    verification_dialog: VerificationDialog

    def __init__(self, bridge: Bridge, session: Session, parent: QWidget | None = None,
                 venues: Venues | None = None) -> None:
        super().__init__(parent)
        pin_none()  # see ui/qtfix.py (also when the window is made without ui.app)
        self.setObjectName("mainWindow")
        self.bridge = bridge
        self.session = session
        self.adapter = session.adapter
        #: the app's open venues (ui/venues.py), when this window is one of them
        self.venues = venues
        #: closed as one venue of several: the shared tray stays
        self.closing_venue = False
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
        self.venue_switcher: VenueSwitcher | None = None
        if venues is not None:
            from ui.venues import VenueSwitcher

            self.venue_switcher = VenueSwitcher(venues, self)
            ll.addWidget(self.venue_switcher)
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
        # the link so far (the push loop may have connected before this window
        # subscribed), read now and every few seconds; changes arrive as events too
        self._shown_link: bool | None = None
        self._link_check = window_events.watch_link(self, self.session.client,
                                                    LINK_CHECK_MS)
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
                slot: Callable[..., object]) -> QAction:
        return window_menus._action(self, text, keys, slot)

    def _build_menus(self) -> None:
        window_menus._build_menus(self)

    def _set_chair(self, chair: bool) -> None:
        window_menus._set_chair(self, chair)

    def _build_tray(self) -> None:
        window_menus._build_tray(self)

    def _build_crisis(self) -> None:
        window_menus._build_crisis(self)

    def _crisis_changed(self, view: DeskView) -> None:
        window_menus._crisis_changed(self, view)

    def open_decisions(self) -> DecisionsWindow:
        return window_menus.open_decisions(self)

    def open_notices(self) -> NoticesWindow:
        return window_menus.open_notices(self)

    def open_crisis_desk(self) -> CrisisWindow:
        return window_menus.open_crisis_desk(self)

    def _raise(self) -> None:
        window_menus._raise(self)

    def notify(self, title: str, text: str, critical: bool = False) -> None:
        window_menus.notify(self, title, text, critical)

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
        self._link_check.stop()
        self.crisis.stop()
        self.crisis_window.close()
        # their ticks would reach a closed session (a venue closed while others run)
        for ticking in (self.decisions.timer, self.notices.timer):
            ticking.stop()
        self.decisions_window.close()
        self.notices_window.close()
        with contextlib.suppress(RuntimeError, TypeError):
            self.bridge.coreEvent.disconnect(self._on_event)
        if self.tray is not None and not self.closing_venue:
            self.tray.hide()
        super().closeEvent(e)

    # ------------------------------------------------------------------ loading

    def load(self) -> None:
        a = self.adapter
        self.bridge.submit(lambda: (a.channels(), a.is_chair(), a.device_warnings()),
                           self._loaded)

    def _loaded(self, result: tuple[list[ChannelSummary], bool, list[str]]) -> None:
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

    def reading(self) -> str:
        """The channel the user is reading: the open one, unless this venue's window is
        hidden (behind another venue's, or in the tray), where nothing is read."""
        return self.current if self.venues is None or self.isVisible() else ""

    def showEvent(self, e: QShowEvent) -> None:
        """Shown again (a venue switched to, the tray's window raised): what arrived in
        the open channel meanwhile is read now (marked, receipts sent)."""
        super().showEvent(e)
        if self.venues is not None and self.current and self.channel_model.unread(
                self.current):
            QTimer.singleShot(0, lambda: self.open_channel(self.current))

    def _refresh_unread(self, channel_ids: list[str]) -> None:
        a = self.adapter
        read = dict(self.read_pos)
        current = self.reading()

        def counts() -> dict[str, int]:
            return {cid: (0 if cid == current else
                          a.count_after(bytes.fromhex(cid), read.get(cid, 0)))
                    for cid in channel_ids}

        self.bridge.submit(counts, self._set_unread)

    def _set_unread(self, counts: dict[str, int]) -> None:
        for cid, n in counts.items():
            if cid != self.reading():
                self.channel_model.set_unread(cid, n)
        total = self.channel_model.total_unread()
        if self.tray is not None:
            self.tray.setToolTip(_t("Corridor — %1 unread").replace("%1", str(total)))

    def _refresh_acks(self) -> None:
        a = self.adapter

        def work() -> _Acks:
            emergencies = a.emergencies()
            # who acknowledged the banner's call, by name as the member pane writes them
            labels = (a.member_labels(bytes.fromhex(emergencies[0].channel_id))
                      if emergencies else {})
            return emergencies, labels, a.awaiting_me(), a.pinned_agenda()

        self.bridge.submit(work, self._acks_loaded)

    def _acks_loaded(self, result: _Acks) -> None:
        emergencies, labels, awaiting, agenda = result
        self.banner.set_status(emergencies[0] if emergencies else None, self.adapter.my_mission,
                               labels)
        self.hotline.set_pending(awaiting)
        if agenda is not None:
            _cid, view, revision = agenda
            title, _nl, body = view.text.partition("\n")
            self.notice_board.set_agenda(title, body, int(revision or 0), view.sender_label,
                                         view.sent_at, view.sender)
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
        levels = _t("The venue's classification levels, lowest first: %1").replace(
            "%1", ", ".join(info.levels))
        self.ceiling_banner.setToolTip(levels)
        self.ceiling_banner.setAccessibleDescription(levels)
        self.ceiling_banner.setVisible(bool(info.ceiling))
        self.composer.set_levels(info.allowed)
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
        if self.reading() == channel_id:
            self._mark_read(channel_id, high)
            self._send_receipts(channel_id, rows)
        else:  # hidden: read when shown (showEvent)
            self._refresh_unread([channel_id])
        if focus_message:
            row = self.conv_model.row_of(focus_message)
            if row >= 0:
                self.conversation.setCurrentIndex(self.conv_model.index(row, 0))
                self.conversation.scrollTo(self.conv_model.index(row, 0))
        QTimer.singleShot(0, lambda: self._painted(channel_id))

    def _fetcher(self, channel_id: str) -> Callable[[int, Callable[..., None]], None]:
        a = self.adapter
        cid = bytes.fromhex(channel_id)

        def fetcher(before: int, deliver: Callable[..., None]) -> None:
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

    def _on_event(self, client: object, batch: list[ev.Event]) -> None:
        window_events._on_event(self, client, batch)

    def _on_one_event(self, e: ev.Event) -> None:
        window_events._on_one_event(self, e)

    def _show_link(self, up: bool | None, detail: str = "") -> None:
        window_events._show_link(self, up, detail)

    def _show_routing(self, warning: str) -> None:
        window_events._show_routing(self, warning)

    def _notify_message(self, e: ev.MessageReceived) -> None:
        window_events._notify_message(self, e)

    def _refresh(self) -> None:
        window_events._refresh(self)

    def _apply_changes(self, channel_id: str) -> None:
        window_events._apply_changes(self, channel_id)

    def _load_newer(self, channel_id: str) -> None:
        window_events._load_newer(self, channel_id)

    def _show_newest_page(self, channel_id: str) -> None:
        window_events._show_newest_page(self, channel_id)

    def _send_receipts(self, channel_id: str, rows: list[MessageView]) -> None:
        window_events._send_receipts(self, channel_id, rows)

    def _count_held(self, channel_id: str) -> None:
        window_events._count_held(self, channel_id)

    def jump_to_newest(self) -> None:
        window_events.jump_to_newest(self)

    def _load_directory(self, channel_id: str) -> None:
        window_events._load_directory(self, channel_id)

    def _load_timer(self, channel_id: str) -> None:
        window_events._load_timer(self, channel_id)

    # ------------------------------------------------------------------ actions

    def _cid(self) -> bytes | None:
        return window_actions._cid(self)

    def _after_send(self, _mid: object = None) -> None:
        window_actions._after_send(self, _mid)

    def _error(self, exc: BaseException) -> None:
        window_actions._error(self, exc)

    def open_shortcuts(self) -> ShortcutsDialog:
        return window_actions.open_shortcuts(self)

    def open_about(self) -> QMessageBox:
        return window_actions.open_about(self)

    def show_error(self, text: str, title: str = "") -> QMessageBox:
        return window_actions.show_error(self, text, title)

    def send_text(self, text: str, reply_to: str = "", requires_ack: bool = False,
                  marking: str = "") -> None:
        window_actions.send_text(self, text, reply_to, requires_ack, marking)

    def _edit(self, message_id: str, text: str) -> None:
        window_actions._edit(self, message_id, text)

    def _redact(self, row: MessageView) -> None:
        window_actions._redact(self, row)

    def _redact_confirmed(self, row: MessageView) -> None:
        window_actions._redact_confirmed(self, row)

    def leave_channel(self) -> QMessageBox | None:
        return window_actions.leave_channel(self)

    def _leave_confirmed(self, cid: bytes, name: str) -> None:
        window_actions._leave_confirmed(self, cid, name)

    def _retry_failed(self, row: MessageView) -> None:
        window_actions._retry_failed(self, row)

    def _discard_failed(self, row: MessageView) -> None:
        window_actions._discard_failed(self, row)

    def _discard_confirmed(self, row: MessageView) -> None:
        window_actions._discard_confirmed(self, row)

    def _react(self, row: MessageView, emoji: str) -> None:
        window_actions._react(self, row, emoji)

    def acknowledge(self, channel_id: str, message_id: str) -> None:
        window_actions.acknowledge(self, channel_id, message_id)

    def _after_ack(self, channel_id: str) -> None:
        window_actions._after_ack(self, channel_id)

    def _attach(self) -> None:
        window_actions._attach(self)

    def confirm_attachment(self, path: Path) -> AttachDialog | None:
        return window_actions.confirm_attachment(self, path)

    def attach(self, path: Path, caption: str = "",
               upload: concurrent.futures.Future[Uploaded] | None = None) -> None:
        window_actions.attach(self, path, caption, upload)

    def _attach_failed(self, path: Path, exc: BaseException) -> None:
        window_actions._attach_failed(self, path, exc)

    def save_attachment(self, row: MessageView, dest: Path | None = None) -> None:
        window_actions.save_attachment(self, row, dest)

    def _saved(self, path: Path) -> None:
        window_actions._saved(self, path)

    def _save_failed(self, row: MessageView, exc: BaseException) -> None:
        window_actions._save_failed(self, row, exc)

    def revise_agenda(self) -> None:
        window_dialogs.revise_agenda(self)

    def emergency_channel(self) -> str:
        return window_dialogs.emergency_channel(self)

    def convene_emergency(self) -> None:
        window_dialogs.convene_emergency(self)

    def convene(self, channel_id: str, meeting_at: int, place: str, link: str = "",
                agenda: str = "") -> None:
        window_dialogs.convene(self, channel_id, meeting_at, place, link, agenda)

    def open_wizard(self) -> ChannelWizard | None:
        return window_dialogs.open_wizard(self)

    def _create_channel(self, kind: str, name: str, missions: list[str]) -> None:
        window_dialogs._create_channel(self, kind, name, missions)

    def _created(self, cid: str) -> None:
        window_dialogs._created(self, cid)

    def open_search(self) -> SearchDialog:
        return window_dialogs.open_search(self)

    def _open_hit(self, dlg: SearchDialog, hit: SearchHit) -> None:
        window_dialogs._open_hit(self, dlg, hit)

    def search_failed(self, dlg: SearchDialog, exc: BaseException) -> None:
        window_dialogs.search_failed(self, dlg, exc)

    def open_settings(self) -> SettingsDialog:
        return window_dialogs.open_settings(self)

    def _apply_settings(self, dlg: SettingsDialog) -> None:
        window_dialogs._apply_settings(self, dlg)

    def set_theme(self, theme: str) -> None:
        window_dialogs.set_theme(self, theme)

    def open_monitor(self, issued_dir: Path | None = None) -> MonitorDialog:
        return window_dialogs.open_monitor(self, issued_dir)

    def open_backup(self) -> None:
        window_dialogs.open_backup(self)

    def back_up(self, path: Path, passphrase: str) -> None:
        window_dialogs.back_up(self, path, passphrase)

    def open_restore(self) -> None:
        window_dialogs.open_restore(self)

    def restore(self, path: Path, passphrase: str) -> None:
        window_dialogs.restore(self, path, passphrase)

    def set_muted(self, on: bool) -> None:
        window_dialogs.set_muted(self, on)

    def export_history(self, path: Path | None = None) -> None:
        window_dialogs.export_history(self, path)

    def open_devices(self) -> DevicesDialog:
        return window_dialogs.open_devices(self)

    def open_verification(self, device_id: str) -> VerificationDialog | None:
        return window_dialogs.open_verification(self, device_id)

    def _verified(self, device_id: str) -> None:
        window_dialogs._verified(self, device_id)
