# SPDX-License-Identifier: Apache-2.0
"""The conversation pane: a list view with a painting delegate, and the composer.

The view is thin: it keeps the bottom in sight as messages arrive (when the user is
at the bottom), keeps its place when older history is prepended or when new messages
arrive while the user reads older ones (a "N new messages" pill then offers the way
down), and asks the model for older pages only when the user reaches the top (Qt's
default asks at the bottom, which for a chat would pull in the whole history).
Message actions (reply, edit, withdraw, react, acknowledge, save attachment, copy)
are QActions with shortcuts, in the context menu and reachable from the keyboard.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QGuiApplication, QKeyEvent, QKeySequence, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QListView,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from client.model import MessageView
from ui.delegates.message import MessageDelegate
from ui.i18n import tr_n
from ui.models.conversation import ConversationModel
from ui.views.marking_combo import MarkingCombo

__all__ = ["REACTIONS", "Composer", "ConversationView"]

REACTIONS = ("✔", "★", "♥", "☺")


def _t(text: str) -> str:
    return QCoreApplication.translate("Conversation", text)


class ConversationView(QListView):
    """See the module docstring. Emits the user's intent; the window carries it out."""

    replyRequested = Signal(object)
    editRequested = Signal(object)
    redactRequested = Signal(object)
    #: a failed own message (the relay refused it): send it again / delete it here
    retryRequested = Signal(object)
    discardRequested = Signal(object)
    reactRequested = Signal(object, str)
    ackRequested = Signal(object)
    saveRequested = Signal(object)
    #: The user asked for the newest messages (the pill, or the bottom while some wait).
    newestRequested = Signal()

    def __init__(self, model: ConversationModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("conversation")
        self.setAccessibleName(_t("Messages"))
        self.conv = model
        self.setModel(model)
        self.message_delegate = MessageDelegate(self)
        self.setItemDelegate(self.message_delegate)
        self.message_delegate.saveClicked.connect(self.saveRequested)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setUniformItemSizes(False)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.customContextMenuRequested.connect(self._menu)
        self.can_post = True
        self.can_answer = True
        self._stick = True
        self._older_anchor = 0
        self.unseen = 0  # new messages below the viewport (or not loaded) while reading
        self.held = False  # newer messages wait unloaded (the window holds them back)
        self.pill = QPushButton(self)
        self.pill.setObjectName("newMessagesPill")
        self.pill.setAccessibleName(_t("Jump to the newest messages"))
        self.pill.setCursor(Qt.CursorShape.PointingHandCursor)
        self.pill.clicked.connect(self.jump_to_newest)
        self.pill.setVisible(False)
        model.modelReset.connect(self._after_reset)
        model.rowsAboutToBeInserted.connect(self._before_insert)
        model.rowsInserted.connect(self._after_insert)
        self.verticalScrollBar().rangeChanged.connect(self._range_changed)
        self.actions_by_name: dict[str, QAction] = {}
        for name, text, keys, slot in (
            ("reply", _t("&Reply"), "Ctrl+Shift+R", self._reply),
            ("edit", _t("&Edit"), "Ctrl+E", self._edit),
            ("redact", _t("&Withdraw"), "Delete", self._redact),
            ("ack", _t("&Acknowledge"), "Ctrl+K", self._ack),
            ("save", _t("&Save attachment…"), QKeySequence.StandardKey.Save, self._save),
            ("newest", _t("Jump to the &newest messages"), "Ctrl+Shift+End",
             self.jump_to_newest),
            ("copy", _t("&Copy text"), QKeySequence.StandardKey.Copy, self._copy),
            ("retry", _t("Send a&gain"), "Ctrl+Shift+Return", self._retry),
            ("discard", _t("&Discard unsent message"), "Ctrl+Shift+Delete", self._discard),
        ):
            act = QAction(text, self)
            act.setShortcut(QKeySequence(keys))
            act.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            act.triggered.connect(slot)
            self.addAction(act)
            self.actions_by_name[name] = act
        for i, emoji in enumerate(REACTIONS, 1):
            act = QAction(_t("React with %1").replace("%1", emoji), self)
            act.setShortcut(QKeySequence(f"Alt+{i}"))
            act.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            act.triggered.connect(lambda _c=False, e=emoji: self._react(e))
            self.addAction(act)
            self.actions_by_name[f"react{i}"] = act
        self.selectionModel().currentChanged.connect(lambda *_: self.update_actions())
        self.update_actions()

    # ------------------------------------------------------------------ scrolling

    def at_bottom(self) -> bool:
        sb = self.verticalScrollBar()
        return sb.value() >= sb.maximum() - 4

    def verticalScrollbarValueChanged(self, value: int) -> None:
        """Fetch older history at the top (never at the bottom); track stickiness."""
        self._stick = self.at_bottom()
        if self._stick:
            if self.held:
                self.newestRequested.emit()  # reached the bottom: show what waits
            else:
                self.set_unseen(0)
        if value <= self.verticalScrollBar().minimum() and self.conv.has_more:
            self.fetch_older()

    # ------------------------------------------------------------------ new-messages pill

    def set_unseen(self, n: int, *, held: bool | None = None) -> None:
        """How many new messages the user has not scrolled down to (0 hides the pill)."""
        if held is not None:
            self.held = held
        self.unseen = max(0, n)
        if self.unseen:
            self.pill.setText(tr_n("Conversation", "%n new message(s) ↓", self.unseen))
            self.pill.adjustSize()
            self._place_pill()
        self.pill.setVisible(bool(self.unseen))

    def _place_pill(self) -> None:
        vp = self.viewport().geometry()
        self.pill.move(vp.center().x() - self.pill.width() // 2,
                       vp.bottom() - self.pill.height() - 10)
        self.pill.raise_()

    def resizeEvent(self, e: QResizeEvent) -> None:
        """Keep the pill centred above the bottom edge."""
        super().resizeEvent(e)
        self._place_pill()

    def jump_to_newest(self) -> None:
        """The pill (or Ctrl+Shift+End): show the newest messages."""
        if self.held:
            self.newestRequested.emit()
        else:
            self._stick = True
            self.scrollToBottom()
            self.set_unseen(0)

    def fetch_older(self) -> None:
        if self.conv.has_more and not self.conv.fetching:
            self.conv.arm()
            self.conv.fetchMore()

    def _after_reset(self) -> None:
        self.message_delegate.clear_cache()
        self._stick = True
        self.set_unseen(0, held=False)
        self.scrollToBottom()
        QTimer.singleShot(0, self._fill_viewport)

    def _fill_viewport(self) -> None:
        if self.verticalScrollBar().maximum() == 0 and self.conv.has_more:
            self.fetch_older()

    def _before_insert(self, _parent: object, first: int, _last: int) -> None:
        self._stick = self.at_bottom()
        sb = self.verticalScrollBar()
        self._older_anchor = (sb.maximum() - sb.value()) if first == 0 and \
            self.conv.rowCount() else -1

    def _after_insert(self, _parent: object, first: int, _last: int) -> None:
        if first == 0 and self._older_anchor >= 0 and self.conv.rowCount() > _last + 1:
            anchor = self._older_anchor
            QTimer.singleShot(0, lambda: self._restore_anchor(anchor))
        elif self._stick:
            # asked again when it runs: a reader who scrolled up in between stays put
            QTimer.singleShot(0, self._follow_bottom)
        elif _last + 1 == self.conv.rowCount():  # appended below while the user reads
            self.set_unseen(self.unseen + _last - first + 1)
        QTimer.singleShot(0, self._fill_viewport)

    def _follow_bottom(self) -> None:
        if self._stick:
            self.scrollToBottom()

    def _restore_anchor(self, from_bottom: int) -> None:
        sb = self.verticalScrollBar()
        sb.setValue(max(0, sb.maximum() - from_bottom))

    def _range_changed(self, _lo: int, _hi: int) -> None:
        if self._stick:
            self.scrollToBottom()

    # ------------------------------------------------------------------ actions

    def current_row(self) -> MessageView | None:
        idx = self.currentIndex()
        return self.conv.row_at(idx.row()) if idx.isValid() else None

    def update_actions(self) -> None:
        r = self.current_row()
        failed = r is not None and r.own and bool(r.failed)
        live = r is not None and not failed
        a = self.actions_by_name
        a["retry"].setEnabled(failed and self.can_post)
        a["discard"].setEnabled(failed)
        a["reply"].setEnabled(live and self.can_post)
        a["edit"].setEnabled(live and self.can_post and r is not None and r.own
                             and r.kind in ("text", "reply"))
        a["redact"].setEnabled(live and self.can_post and r is not None and r.own)
        a["ack"].setEnabled(live and self.can_answer and r is not None and r.requires_ack
                            and not r.own)
        a["copy"].setEnabled(live or failed)
        a["save"].setEnabled(live and r is not None and r.has_attachment)
        for i in range(1, len(REACTIONS) + 1):
            a[f"react{i}"].setEnabled(live and self.can_post)

    def set_can_post(self, can_post: bool, can_answer: bool = True) -> None:
        """Posting follows the channel's policy; acknowledging is open to every member."""
        self.can_post = can_post
        self.can_answer = can_answer
        self.update_actions()

    def _menu(self, pos: QPoint) -> None:
        idx = self.indexAt(pos)
        if idx.isValid():
            self.setCurrentIndex(idx)
        self.update_actions()
        menu = QMenu(self)
        names = ["reply", "edit", "redact", "ack", "save", "copy"]
        if self.actions_by_name["retry"].isEnabled():  # only for a message that failed
            names = ["retry", "discard", "copy"]
        for name in names:
            menu.addAction(self.actions_by_name[name])
        react = menu.addMenu(_t("Re&act"))
        for i in range(1, len(REACTIONS) + 1):
            react.addAction(self.actions_by_name[f"react{i}"])
        menu.exec(self.viewport().mapToGlobal(pos))

    def _reply(self) -> None:
        if (r := self.current_row()) is not None:
            self.replyRequested.emit(r)

    def _edit(self) -> None:
        if (r := self.current_row()) is not None and r.own:
            self.editRequested.emit(r)

    def _redact(self) -> None:
        if (r := self.current_row()) is not None and r.own:
            self.redactRequested.emit(r)

    def _retry(self) -> None:
        if (r := self.current_row()) is not None and r.own and r.failed:
            self.retryRequested.emit(r)

    def _discard(self) -> None:
        if (r := self.current_row()) is not None and r.own and r.failed:
            self.discardRequested.emit(r)

    def _react(self, emoji: str) -> None:
        if (r := self.current_row()) is not None:
            self.reactRequested.emit(r, emoji)

    def _ack(self) -> None:
        if (r := self.current_row()) is not None and r.requires_ack:
            self.ackRequested.emit(r)

    def _save(self) -> None:
        if (r := self.current_row()) is not None and r.has_attachment:
            self.saveRequested.emit(r)

    def _copy(self) -> None:
        if (r := self.current_row()) is not None:
            # the copied text carries its marking line
            QGuiApplication.clipboard().setText(f"{r.marking}\n{r.text}" if r.marking
                                                else r.text)


class _Editor(QPlainTextEdit):
    """Enter sends; Shift+Enter starts a new line; Escape cancels a reply or an edit."""

    submit = Signal()
    cancel = Signal()

    def keyPressEvent(self, e: QKeyEvent) -> None:
        """See the class docstring."""
        if e.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not (
                e.modifiers() & Qt.KeyboardModifier.ShiftModifier):
            self.submit.emit()
            return
        if e.key() == Qt.Key.Key_Escape:
            self.cancel.emit()
            return
        super().keyPressEvent(e)


class Composer(QWidget):
    """Text box, Send, Attach, and "needs acknowledgement" (hotline) for a message.

    When the channel's policy does not let this device post (a notice channel for
    anyone but the chair), the editor and buttons are hidden and a line says why.
    """

    sendRequested = Signal(str, str, bool, str)  # text, reply-to id, requires ack, marking
    editSubmitted = Signal(str, str)  # message id, new text
    attachRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("composer")
        self._reply_to: MessageView | None = None
        self._editing: MessageView | None = None
        self.context = QLabel(self)
        self.context.setObjectName("composerContext")
        self.context.setVisible(False)
        self.cancel_context = QToolButton(self)
        self.cancel_context.setText(_t("Cancel"))
        self.cancel_context.setVisible(False)
        self.cancel_context.clicked.connect(self.clear_context)
        self.editor = _Editor(self)
        self.editor.setObjectName("composerEditor")
        self.editor.setAccessibleName(_t("Message"))
        self.editor.setPlaceholderText(_t("Write a message — Enter sends, Shift+Enter for a "
                                          "new line"))
        self.editor.setTabChangesFocus(True)
        self.editor.setMaximumHeight(72)
        self.editor.submit.connect(self._submit)
        self.editor.cancel.connect(self.clear_context)
        self.send_button = QPushButton(_t("&Send"), self)
        self.send_button.setObjectName("sendButton")
        self.send_button.clicked.connect(self._submit)
        self.attach_button = QPushButton(_t("A&ttach…"), self)
        self.attach_button.clicked.connect(self.attachRequested)
        self.needs_ack = QCheckBox(_t("Needs ac&knowledgement"), self)
        self.needs_ack.setToolTip(_t("Hotline: the other missions are asked to acknowledge"))
        # The message's classification marking: only what the channel's ceiling allows,
        # the lowest chosen again after each message (a higher one is a deliberate act).
        self.marking = MarkingCombo((), self)
        self.marking.setAccessibleName(_t("Marking"))
        self.marking_label = QLabel(_t("&Marking:"), self)
        self.marking_label.setBuddy(self.marking)
        self.readonly_note = QLabel(self)
        self.readonly_note.setObjectName("readonlyNote")
        self.readonly_note.setWordWrap(True)
        self.readonly_note.setVisible(False)
        top = QHBoxLayout()
        top.addWidget(self.context, 1)
        top.addWidget(self.cancel_context)
        row = QHBoxLayout()
        row.addWidget(self.editor, 1)
        col = QVBoxLayout()
        col.addWidget(self.send_button)
        col.addWidget(self.attach_button)
        row.addLayout(col)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(6, 4, 6, 6)
        lay.addLayout(top)
        lay.addLayout(row)
        bottom = QHBoxLayout()
        bottom.addWidget(self.needs_ack)
        bottom.addStretch(1)
        bottom.addWidget(self.marking_label)
        bottom.addWidget(self.marking)
        lay.addLayout(bottom)
        lay.addWidget(self.readonly_note)
        self.can_post = True
        self._show_marking()

    def set_can_post(self, can_post: bool, why: str = "") -> None:
        self.can_post = can_post
        for w in (self.editor, self.send_button, self.attach_button, self.needs_ack):
            w.setVisible(can_post)
            w.setEnabled(can_post)
        self._show_marking()
        self.readonly_note.setText(why)
        self.readonly_note.setVisible(not can_post)
        if not can_post:
            self.clear_context()

    def set_levels(self, levels: tuple[str, ...]) -> None:
        """The markings the open channel's ceiling allows (none: the box is hidden and
        messages go out at the venue's lowest level)."""
        self.marking.set_levels(levels)
        self.marking.setCurrentIndex(0)
        self._show_marking()

    def _show_marking(self) -> None:
        shown = self.can_post and self.marking.count() > 1
        self.marking.setVisible(shown)
        self.marking.setEnabled(shown)
        self.marking_label.setVisible(shown)

    def reply_to(self, row: MessageView) -> None:
        self._editing = None
        self._reply_to = row
        self._show_context(_t("Replying to %1: %2").replace("%1", row.sender_label).replace(
            "%2", row.text[:60]))

    def edit(self, row: MessageView) -> None:
        self._reply_to = None
        self._editing = row
        self.editor.setPlainText(row.text)
        self._show_context(_t("Editing your message"))

    def _show_context(self, text: str) -> None:
        self.context.setText(text)
        self.context.setVisible(True)
        self.cancel_context.setVisible(True)
        self.editor.setFocus()

    def clear_context(self) -> None:
        if self._editing is not None:
            self.editor.clear()
        self._reply_to = None
        self._editing = None
        self.context.setVisible(False)
        self.cancel_context.setVisible(False)

    def _submit(self) -> None:
        if not self.can_post:
            return
        text = self.editor.toPlainText().strip()
        if not text:
            return
        if self._editing is not None:
            self.editSubmitted.emit(self._editing.message_id, text)
        else:
            reply = self._reply_to.message_id if self._reply_to else ""
            self.sendRequested.emit(text, reply, self.needs_ack.isChecked(),
                                    self.marking.marking())
        self.editor.clear()
        self.needs_ack.setChecked(False)
        self.marking.setCurrentIndex(0)
        self.clear_context()


_ = QObject
