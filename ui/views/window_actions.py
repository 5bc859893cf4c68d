# SPDX-License-Identifier: Apache-2.0
"""What the main window does with a message: send, edit, redact, retry, react,
acknowledge, attach and save attachments; leaving a channel.

Functions over :class:`~ui.views.main_window.MainWindow`, which delegates to them."""

from __future__ import annotations

import asyncio
import concurrent.futures
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QFileDialog,
    QMenu,
    QMessageBox,
)

from client.attachments import (
    MAX_ATTACHMENT_BYTES,
    AttachmentTampered,
    AttachmentTooLarge,
    QuotaExceeded,
    Uploaded,
)
from client.model import MessageView
from client.transport import RelayUnavailable
from ui.i18n import size_text
from ui.views.attach import AttachDialog
from ui.views.shortcuts import ShortcutsDialog, shortcut_rows

if TYPE_CHECKING:

    pass

if TYPE_CHECKING:
    from ui.views.main_window import MainWindow


def _t(text: str) -> str:
    return QCoreApplication.translate("MainWindow", text)


def _cid(mw: MainWindow) -> bytes | None:
    return bytes.fromhex(mw.current) if mw.current else None


def _after_send(mw: MainWindow, _mid: object = None) -> None:
    mw._pending_channels.add(mw.current)
    mw._refresh_timer.start()


def _error(mw: MainWindow, exc: BaseException) -> None:
    mw.show_error(str(exc) or type(exc).__name__)


def open_shortcuts(mw: MainWindow) -> ShortcutsDialog:
    """Help > Keyboard shortcuts (F1): every menu action and its key."""
    menus = [(m.text(), menu.actions()) for m in mw.menuBar().actions()
             if isinstance(menu := m.menu(), QMenu)]
    dlg = ShortcutsDialog(shortcut_rows(menus), mw)
    mw.shortcuts_dialog = dlg
    dlg.open()
    return dlg


def open_about(mw: MainWindow) -> QMessageBox:
    """Version and licence; the version is the one ``corridor --version`` prints."""
    from crypto import __version__

    box = QMessageBox(QMessageBox.Icon.Information, _t("About Corridor"),
                      _t("Corridor %1").replace("%1", __version__),
                      QMessageBox.StandardButton.Ok, mw)
    box.setObjectName("aboutBox")
    box.setInformativeText(_t(
        "End-to-end-encrypted messaging (MLS, RFC 9420) for the delegations of a "
        "multilateral forum.\nLicensed under the Apache License, Version 2.0."))
    words, hex_ = mw.adapter.venue_fingerprint()
    box.setDetailedText(_t(
        "This device trusts the venue whose root certificate has the fingerprint:\n"
        "%1\n%2\nCompare it with the one the secretariat published.").replace(
            "%1", words).replace("%2", hex_))
    mw.about_box = box
    box.open()
    return box


def show_error(mw: MainWindow, text: str, title: str = "") -> QMessageBox:
    """A window-modal message (never blocks the event loop: the core keeps going)."""
    box = QMessageBox(QMessageBox.Icon.Warning, title or _t("Corridor"), text,
                      QMessageBox.StandardButton.Ok, mw)
    box.setObjectName("errorBox")
    mw.error_box = box
    box.open()
    return box


def send_text(mw: MainWindow, text: str, reply_to: str = "", requires_ack: bool = False,
              marking: str = "") -> None:
    cid = mw._cid()
    if cid is None:
        return
    a = mw.adapter
    mw.bridge.submit(lambda: a.send_text(cid, text, reply_to=reply_to,
                                           requires_ack=requires_ack, marking=marking),
                       mw._after_send, mw._error)
    mw._after_send()


def _edit(mw: MainWindow, message_id: str, text: str) -> None:
    if (cid := mw._cid()) is not None:
        mw.bridge.submit(lambda: mw.adapter.edit(cid, message_id, text),
                           mw._after_send, mw._error)


def _redact(mw: MainWindow, row: MessageView) -> None:
    if mw._cid() is None:
        return
    ok = QMessageBox.question(mw, _t("Withdraw message"),
                              _t("Withdraw this message for everyone in the channel?"))
    if ok == QMessageBox.StandardButton.Yes:
        mw._redact_confirmed(row)


def _redact_confirmed(mw: MainWindow, row: MessageView) -> None:
    if (cid := mw._cid()) is not None:
        mw.bridge.submit(lambda: mw.adapter.redact(cid, row.message_id),
                           mw._after_send, mw._error)


def leave_channel(mw: MainWindow) -> QMessageBox | None:
    """Ask before leaving the open channel: it names the channel and says what
    happens (history kept here, no new messages, the others see the device go)."""
    cid = mw._cid()
    if cid is None:
        return None
    ch = mw.channel_model.channel(cid.hex())
    name = ch.name if ch is not None else cid.hex()[:12]
    box = QMessageBox(QMessageBox.Icon.Question, _t("Leave channel"),
                      _t("Leave “%1” on this device?").replace("%1", name),
                      QMessageBox.StandardButton.NoButton, mw)
    box.setInformativeText(_t(
        "The messages you have stay readable on this device. It will receive no new "
        "messages in this channel, and the other members will see this device leave. "
        "Your other devices stay in the channel."))
    box.setObjectName("leaveBox")
    mw.leave_button = box.addButton(_t("Leave"), QMessageBox.ButtonRole.DestructiveRole)
    cancel = box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(cancel)
    box.setEscapeButton(cancel)
    mw.leave_box = box

    def done() -> None:
        if box.clickedButton() is mw.leave_button:
            mw._leave_confirmed(cid, name)

    box.finished.connect(done)
    box.open()
    return box


def _leave_confirmed(mw: MainWindow, cid: bytes, name: str) -> None:
    client = mw.session.client

    def after(done: bool) -> None:
        mw.statusBar().showMessage(
            (_t("You left “%1” on this device.") if done else
             _t("Offline: leaving “%1” goes at the next connection.")).replace("%1", name),
            8000)
        mw._refresh_all = True
        mw._refresh_timer.start()

    mw.bridge.submit(lambda: client.leave(cid), after, mw._error)


def _retry_failed(mw: MainWindow, row: MessageView) -> None:
    """Send a message the relay refused again (its row goes back to "sending…")."""
    if (cid := mw._cid()) is not None:
        mid = row.message_id
        mw._changed.add(mid)
        mw.bridge.submit(lambda: mw.adapter.retry(cid, mid), mw._after_send,
                           mw._error)


def _discard_failed(mw: MainWindow, row: MessageView) -> None:
    if mw._cid() is None:
        return
    ok = QMessageBox.question(mw, _t("Discard message"), _t(
        "This message was never delivered. Delete it from this device?"))
    if ok == QMessageBox.StandardButton.Yes:
        mw._discard_confirmed(row)


def _discard_confirmed(mw: MainWindow, row: MessageView) -> None:
    if (cid := mw._cid()) is not None:
        mw.bridge.submit(lambda: mw.adapter.discard(cid, row.message_id),
                           mw._after_send, mw._error)


def _react(mw: MainWindow, row: MessageView, emoji: str) -> None:
    if (cid := mw._cid()) is not None:
        mw.bridge.submit(lambda: mw.adapter.react(cid, row.message_id, emoji),
                           mw._after_send, mw._error)


def acknowledge(mw: MainWindow, channel_id: str, message_id: str) -> None:
    """Acknowledge for this device's mission (hotline message or emergency call)."""
    cid = bytes.fromhex(channel_id)
    mw.bridge.submit(lambda: mw.adapter.ack(cid, message_id),
                       lambda _m: mw._after_ack(channel_id), mw._error)


def _after_ack(mw: MainWindow, channel_id: str) -> None:
    mw._pending_channels.add(channel_id)
    mw._refresh_timer.start()


def _attach(mw: MainWindow) -> None:
    if mw._cid() is None:
        return
    path, _f = QFileDialog.getOpenFileName(mw, _t("Attach a file"))
    if path:
        mw.confirm_attachment(Path(path))


def confirm_attachment(mw: MainWindow, path: Path) -> AttachDialog | None:
    """Ask before sending a file: preview, name, size, channel, caption."""
    if (cid := mw._cid()) is None:
        return None
    ch = mw.channel_model.channel(cid.hex())
    dlg = AttachDialog(path, ch.name if ch is not None else cid.hex()[:12], mw)
    # uploaded now, while the user looks and types the caption; the reference goes a
    # random time after the upload (docs/padding.md). Cancelled: the blob just expires.
    # An upload error is reported when the user confirms.
    upload = mw.bridge.submit(lambda: mw.adapter.upload(cid, path), None, lambda _e: None)
    dlg.upload = upload
    dlg.accepted.connect(lambda: mw.attach(path, dlg.caption.text().strip(), upload))
    mw.attach_dialog = dlg
    dlg.open()
    return dlg


def attach(mw: MainWindow, path: Path, caption: str = "",
           upload: concurrent.futures.Future[Uploaded] | None = None) -> None:
    """Send a file in the open channel: its reference, when ``upload`` (started as the
    dialog opened) already put it on the relay; else encrypt, upload and send."""
    if (cid := mw._cid()) is None:
        return
    mw.statusBar().showMessage(_t("Sending “%1”…").replace("%1", path.name))
    def sent(mid: str) -> None:
        # The reference may still be held (docs/padding.md): the row says when it is sent.
        text = _t("“%1” is queued; the conversation shows it as sent once the relay has it.")
        mw.statusBar().showMessage(text.replace("%1", path.name), 4000)
        mw._after_send(mid)

    if upload is not None:
        mw.bridge.submit(lambda: mw.adapter.send_uploaded(asyncio.wrap_future(upload), caption),
                         sent, lambda exc: mw._attach_failed(path, exc))
        return
    mw.bridge.submit(lambda: mw.adapter.attach(cid, path, caption),
                       sent, lambda exc: mw._attach_failed(path, exc))


def _attach_failed(mw: MainWindow, path: Path, exc: BaseException) -> None:
    mw.statusBar().clearMessage()
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
    mw.show_error(text, _t("Attachment not sent"))


def save_attachment(mw: MainWindow, row: MessageView, dest: Path | None = None) -> None:
    """Fetch, verify and save an attachment (asks where, unless ``dest`` is given)."""
    if (cid := mw._cid()) is None or not row.has_attachment:
        return
    if dest is None:
        start = str(Path.home() / row.file_name)
        chosen, _f = QFileDialog.getSaveFileName(mw, _t("Save attachment"), start)
        if not chosen:
            return
        dest = Path(chosen)
    target = dest
    mw.statusBar().showMessage(_t("Downloading “%1”…").replace("%1", row.file_name))
    mw.bridge.submit(lambda: mw.adapter.save_attachment(cid, row.message_id, target),
                       mw._saved, lambda exc: mw._save_failed(row, exc))


def _saved(mw: MainWindow, path: Path) -> None:
    mw.last_saved = Path(path)
    mw.statusBar().showMessage(_t("Saved to %1").replace("%1", str(path)), 8000)


def _save_failed(mw: MainWindow, row: MessageView, exc: BaseException) -> None:
    mw.statusBar().clearMessage()
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
    mw.show_error(text, _t("Attachment not saved"))
