# SPDX-License-Identifier: Apache-2.0
"""Side panels: notice board, emergency banner with its tracker, hotline bar, members."""

from __future__ import annotations

import time
from collections.abc import Mapping

from PySide6.QtCore import (
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
    Signal,
    SignalInstance,
)
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QListView,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from client.model import AckStatus
from ui.i18n import meeting_text
from ui.models.members import MemberModel
from ui.models.tracker import AckTrackerModel

__all__ = ["EmergencyBanner", "HotlineBar", "MemberPane", "NoticeBoard"]

#: An emergency call whose meeting began this long ago (s) no longer shows a banner.
STALE_AFTER = 6 * 3600


def _t(text: str) -> str:
    return QCoreApplication.translate("Panels", text)


class NoticeBoard(QFrame):
    """The venue's pinned agenda (newest revision), and for the chair a way to revise it."""

    reviseRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("noticeBoard")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.title = QLabel(_t("No agenda has been posted yet."), self)
        self.title.setObjectName("agendaTitle")
        f = self.title.font()
        f.setBold(True)
        self.title.setFont(f)
        self.title.setWordWrap(True)
        self.body = QLabel(self)
        self.body.setWordWrap(True)
        self.body.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.meta = QLabel(self)
        self.meta.setObjectName("agendaMeta")
        self.meta.setWordWrap(True)
        self.revise = QPushButton(_t("Post a revised a&genda…"), self)
        self.revise.clicked.connect(self.reviseRequested)
        self.revise.setVisible(False)
        # Title and button on separate rows, every text wrapping: the board sets the
        # conversation pane's minimum width, which must leave the window 1024 px wide in
        # the longer languages (the German and Russian button alone is ~300 px).
        head = QHBoxLayout()
        pin = QLabel(_t("Pinned agenda:"), self)
        pin.setAccessibleName(_t("Pinned agenda"))
        head.addWidget(pin, 0, Qt.AlignmentFlag.AlignTop)
        head.addWidget(self.title, 1)
        foot = QHBoxLayout()
        foot.addWidget(self.meta, 1)
        foot.addWidget(self.revise, 0, Qt.AlignmentFlag.AlignBottom)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(10, 6, 10, 6)
        lay.addLayout(head)
        lay.addWidget(self.body)
        lay.addLayout(foot)

    def set_agenda(self, title: str, body: str, revision: int, sender: str,
                   sent_at: int, sender_id: str = "") -> None:
        """Show the pinned agenda; ``sender`` as the bubbles write the poster (the
        verified name, :attr:`MessageView.sender_label`), ``sender_id`` in the tooltip."""
        self.title.setText(title)
        self.body.setText(body)
        self.body.setVisible(bool(body))
        when = time.strftime("%Y-%m-%d %H:%M", time.localtime(sent_at / 1000))
        self.meta.setText(_t("Revision %1 · posted by %2 · %3").replace("%1", str(revision))
                          .replace("%2", sender).replace("%3", when))
        self.meta.setToolTip(sender_id)

    def set_chair(self, chair: bool) -> None:
        self.revise.setVisible(chair)


class EmergencyBanner(QFrame):
    """A red banner for the newest emergency call, an Acknowledge button, and the tracker.

    The tracker lists the missions that have not answered first. The Acknowledge button
    shows while this device's mission has not answered (and is not the caller's).
    """

    acknowledgeRequested = Signal(str, str)  # channel id, message id
    dismissRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("emergencyBanner")
        self.status: AckStatus | None = None
        self.headline = QLabel(self)
        self.headline.setObjectName("emergencyHeadline")
        self.headline.setWordWrap(True)
        f = self.headline.font()
        f.setBold(True)
        f.setPointSizeF(f.pointSizeF() * 1.15)
        self.headline.setFont(f)
        self.detail = QLabel(self)
        self.detail.setWordWrap(True)
        self.summary = QLabel(self)
        self.summary.setObjectName("trackerSummary")
        self.ack_button = QPushButton(_t("&Acknowledge"), self)
        self.ack_button.setObjectName("acknowledgeButton")
        self.ack_button.clicked.connect(self._ack)
        self.hide_button = QPushButton(_t("&Hide"), self)
        self.hide_button.clicked.connect(self._dismiss)
        self.dismissed = ""
        self.tracker_model = AckTrackerModel(self)
        self.tracker = QListView(self)
        self.tracker.setObjectName("ackTracker")
        self.tracker.setAccessibleName(_t("Acknowledgement tracker"))
        self.tracker.setModel(self.tracker_model)
        self.tracker.setFlow(QListView.Flow.LeftToRight)
        self.tracker.setWrapping(True)
        self.tracker.setSpacing(4)
        self.tracker.setMaximumHeight(44)
        buttons = QVBoxLayout()
        buttons.addWidget(self.ack_button)
        buttons.addWidget(self.hide_button)
        buttons.addStretch(1)
        text = QVBoxLayout()
        text.addWidget(self.headline)
        text.addWidget(self.detail)
        text.addWidget(self.summary)
        text.addWidget(self.tracker)
        lay = QHBoxLayout(self)
        lay.setContentsMargins(12, 8, 12, 8)
        lay.addLayout(text, 1)
        lay.addLayout(buttons)
        self.setVisible(False)

    def set_status(self, status: AckStatus | None, my_mission: str,
                   labels: Mapping[str, str] | None = None) -> None:
        """Show the newest emergency call; ``labels`` write who acknowledged as the
        member pane does ("mission/delegate" -> name; the id where names clash)."""
        if status is not None and status.meeting_at and \
                status.meeting_at < (time.time() - STALE_AFTER) * 1000:
            status = None  # the meeting is long over: no banner
        if status is not None and self.dismissed == status.message_id:
            self.status = status
            self.tracker_model.set_status(status, labels)
            self.setVisible(False)  # hidden by the user until the next call
            return
        self.status = status
        self.tracker_model.set_status(status, labels)
        if status is None:
            self.setVisible(False)
            return
        self.headline.setText(_t("EMERGENCY — meeting convened by %1").replace(
            "%1", status.sender_label))
        self.detail.setText(meeting_text(status.meeting_at, status.detail)
                            + (("\n" + status.text) if status.text else ""))
        total = len(status.waiting) + len(status.answered)
        if status.waiting:
            self.summary.setText(_t("%1 of %2 missions have not yet acknowledged: %3")
                                 .replace("%1", str(len(status.waiting)))
                                 .replace("%2", str(total))
                                 .replace("%3", ", ".join(status.waiting)))
        else:
            self.summary.setText(_t("Every mission has acknowledged."))
        sender_mission = status.sender.split("/", 1)[0]
        self.ack_button.setVisible(my_mission in status.waiting and my_mission != sender_mission)
        self.setVisible(True)

    def _ack(self) -> None:
        if self.status is not None:
            self.acknowledgeRequested.emit(self.status.channel_id, self.status.message_id)

    def _dismiss(self) -> None:
        self.dismissed = self.status.message_id if self.status is not None else ""
        self.setVisible(False)
        self.dismissRequested.emit()


class HotlineBar(QFrame):
    """Amber bar: messages from other missions that this mission must acknowledge."""

    acknowledgeRequested = Signal(str, str)
    showRequested = Signal(str, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("hotlineBar")
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.show_button = QPushButton(_t("Sh&ow"), self)
        self.ack_button = QPushButton(_t("Ac&knowledge"), self)
        self.ack_button.setObjectName("hotlineAckButton")
        self.show_button.clicked.connect(lambda: self._emit(self.showRequested))
        self.ack_button.clicked.connect(lambda: self._emit(self.acknowledgeRequested))
        lay = QHBoxLayout(self)
        lay.setContentsMargins(12, 6, 12, 6)
        lay.addWidget(self.label, 1)
        lay.addWidget(self.show_button)
        lay.addWidget(self.ack_button)
        self.pending: list[AckStatus] = []
        self.setVisible(False)

    def set_pending(self, pending: list[AckStatus]) -> None:
        self.pending = [p for p in pending if p.kind != "emergency"]
        if not self.pending:
            self.setVisible(False)
            return
        first = self.pending[0]
        more = len(self.pending) - 1
        text = _t("Hotline: %1 awaits your mission's acknowledgement: “%2”").replace(
            "%1", first.sender_label).replace("%2", first.text if len(first.text) <= 90
                                         else first.text[:89].rstrip() + "…")
        if more:
            text += " " + _t("(+%1 more)").replace("%1", str(more))
        self.label.setText(text)
        self.setVisible(True)

    def _emit(self, signal: SignalInstance) -> None:
        if self.pending:
            signal.emit(self.pending[0].channel_id, self.pending[0].message_id)


class _WrappingTree(QTreeView):
    """A tree whose rows wrap their text to the view's width (QTreeView asks its delegate
    for row heights without a width, so wrapped rows would stay one line high and a
    longer translation of a device's state would be cut off)."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setItemDelegate(_WrappingDelegate(self))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self.scheduleDelayedItemsLayout()  # heights for the new width


class _WrappingDelegate(QStyledItemDelegate):
    def sizeHint(self, option: QStyleOptionViewItem,
                 index: QModelIndex | QPersistentModelIndex) -> QSize:
        view = self.parent()
        assert isinstance(view, QTreeView)
        depth, parent = int(view.rootIsDecorated()), index.parent()
        while parent.isValid():
            depth, parent = depth + 1, parent.parent()
        opt = QStyleOptionViewItem(option)
        opt.rect = QRect(0, 0, max(1, view.viewport().width() - view.indentation() * depth), 1)
        return super().sizeHint(opt, index)


class MemberPane(QWidget):
    """Members grouped by mission; Verify… opens the verification dialog for a device."""

    verifyRequested = Signal(str)  # device id

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("memberPane")
        self.model = MemberModel(self)
        self.title = QLabel(_t("Members"), self)
        f = self.title.font()
        f.setBold(True)
        self.title.setFont(f)
        self.view = _WrappingTree(self)
        self.view.setObjectName("memberView")
        self.view.setAccessibleName(_t("Members by mission"))
        self.view.setHeaderHidden(True)
        self.view.setModel(self.model)
        self.view.activated.connect(lambda idx: self._verify())
        self.verify_button = QPushButton(_t("&Verify device…"), self)
        self.verify_button.clicked.connect(self._verify)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(4, 4, 4, 4)
        lay.addWidget(self.title)
        lay.addWidget(self.view, 1)
        lay.addWidget(self.verify_button)

    def set_members(self, members: list, verified: set[str]) -> None:  # type: ignore[type-arg]
        self.model.set_members(members, verified)
        self.view.expandAll()

    def _verify(self) -> None:
        from ui.models import roles

        idx = self.view.currentIndex()
        device = idx.data(roles.DEVICE_ID) if idx.isValid() else None
        if device:
            self.verifyRequested.emit(device)
