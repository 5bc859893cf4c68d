# SPDX-License-Identifier: Apache-2.0
"""The main window's dialogs: agenda and emergency meetings, new channels, search,
settings, the transparency monitor, backup and restore, history export, devices
and safety-number verification.

Functions over :class:`~ui.views.main_window.MainWindow`, which delegates to them."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
)

from client.model import DeviceInfo, SearchHit
from client.trust import safety_number
from ui.i18n import tr_n
from ui.theme import apply_theme
from ui.views.backup import BackupPassphraseDialog
from ui.views.devices import DevicesDialog
from ui.views.dialogs import (
    AgendaDialog,
    ChannelWizard,
    EmergencyDialog,
    SearchDialog,
    SettingsDialog,
    VerificationDialog,
)
from ui.views.transparency import MonitorDialog

if TYPE_CHECKING:

    pass

if TYPE_CHECKING:
    from ui.views.main_window import MainWindow


def _t(text: str) -> str:
    return QCoreApplication.translate("MainWindow", text)


def revise_agenda(mw: MainWindow) -> None:
    notice = next((c for c in mw.channel_model.channels() if c.kind == "notice"), None)
    if notice is None or not mw.is_chair:
        return
    dlg = AgendaDialog(mw.notice_board.title.text(), mw.notice_board.body.text(), mw)
    if dlg.exec():
        cid = bytes.fromhex(notice.channel_id)
        title, body = dlg.title.text().strip(), dlg.body.toPlainText().strip()
        if title:
            mw.bridge.submit(lambda: mw.adapter.post_agenda(cid, title, body),
                               lambda _m: mw._after_ack(notice.channel_id), mw._error)


def emergency_channel(mw: MainWindow) -> str:
    """Where the chair convenes: the notice channel with the most missions (every
    member acknowledges there), else the widest multilateral channel."""
    for kind in ("notice", "multilateral"):
        chans = [c for c in mw.channel_model.channels() if c.kind == kind]
        chans.sort(key=lambda c: (-len(c.missions), c.name))
        if chans:
            return chans[0].channel_id
    return ""


def convene_emergency(mw: MainWindow) -> None:
    target = mw.emergency_channel()
    if not target or not mw.is_chair:
        return
    info = mw.channel_model.channel(target)
    dlg = EmergencyDialog(info.name if info else "", mw)
    mw.emergency_dialog = dlg
    dlg.accepted.connect(lambda: mw.convene(
        target, dlg.meeting_at_ms(), dlg.place.text().strip(), dlg.link.text().strip(),
        dlg.agenda.toPlainText().strip()))
    dlg.open()


def convene(mw: MainWindow, channel_id: str, meeting_at: int, place: str, link: str = "",
            agenda: str = "") -> None:
    cid = bytes.fromhex(channel_id)
    mw.bridge.submit(lambda: mw.adapter.convene_emergency(
        cid, meeting_at=meeting_at, place=place, link=link, agenda=agenda),
        lambda _m: mw._after_ack(channel_id), mw._error)


def open_wizard(mw: MainWindow) -> ChannelWizard | None:
    a = mw.adapter

    def show(missions: list[str]) -> None:
        wiz = ChannelWizard(missions, a.my_mission, mw.is_chair, a.check_new_channel, mw)
        wiz.created.connect(mw._create_channel)
        mw.wizard = wiz
        wiz.open()

    mw.bridge.submit(a.missions, show, mw._error)
    return None


def _create_channel(mw: MainWindow, kind: str, name: str, missions: list[str]) -> None:
    mw.statusBar().showMessage(_t("Creating “%1”…").replace("%1", name))
    mw.bridge.submit(lambda: mw.adapter.create_channel(kind, name, missions),
                       mw._created, mw._error)


def _created(mw: MainWindow, cid: str) -> None:
    mw.current = ""
    mw.settings.setValue("channel", cid)
    mw.load()


def open_search(mw: MainWindow) -> SearchDialog:
    dlg = SearchDialog(mw)
    dlg.searchRequested.connect(lambda q: mw.bridge.submit(
        lambda: mw.adapter.search(q), dlg.show_hits,
        lambda exc: mw.search_failed(dlg, exc)))
    dlg.hitActivated.connect(lambda h: mw._open_hit(dlg, h))
    mw.search_dialog = dlg
    dlg.open()
    return dlg


def _open_hit(mw: MainWindow, dlg: SearchDialog, hit: SearchHit) -> None:
    dlg.accept()
    mw.open_channel(hit.channel_id, focus_message=hit.message_id)


def search_failed(mw: MainWindow, dlg: SearchDialog, exc: BaseException) -> None:
    dlg.show_error(str(exc) or type(exc).__name__)


def open_settings(mw: MainWindow) -> SettingsDialog:
    info = mw.channel_model.channel(mw.current)
    from ui.app import language_setting

    dlg = SettingsDialog(mw.notifications, mw.theme, mw.current_timer,
                         info.name if info else "", bool(info and info.can_post), mw,
                         language=language_setting())
    dlg.accepted.connect(lambda: mw._apply_settings(dlg))
    mw.settings_dialog = dlg
    dlg.open()
    return dlg


def _apply_settings(mw: MainWindow, dlg: SettingsDialog) -> None:
    mw.notifications = dlg.notifications.isChecked()
    mw.set_theme(str(dlg.theme.currentData()))
    if (language := dlg.chosen_language()) is not None:
        from ui.app import app_settings

        prefs = app_settings()  # the app's, not the home's: read before any window
        prefs.setValue("language", language)
        prefs.sync()
    if dlg.timer_changed() and (cid := mw._cid()) is not None:
        secs = dlg.chosen_timer()
        mw.bridge.submit(lambda: mw.adapter.set_timer(cid, secs), mw._after_send,
                           mw._error)
    mw.save_state()


def set_theme(mw: MainWindow, theme: str) -> None:
    mw.theme = theme
    mw.dark = apply_theme(QApplication.instance(), theme)  # type: ignore[arg-type]
    mw.conversation.message_delegate.dark = mw.dark
    mw.conversation.message_delegate.clear_cache()
    mw.conversation.viewport().update()


def open_monitor(mw: MainWindow, issued_dir: Path | None = None) -> MonitorDialog:
    """The mission monitor as a screen (``corridor mission monitor``)."""
    dlg = MonitorDialog(mw)
    a = mw.adapter

    def run(folder: Path | None) -> None:
        mw.bridge.submit(lambda: a.monitor_log(folder),
                           lambda res: dlg.set_findings(*res),
                           lambda exc: dlg.set_error(str(exc) or type(exc).__name__))

    dlg.refreshRequested.connect(lambda p: run(Path(p) if p else None))
    mw.monitor_dialog = dlg
    dlg.show()
    run(issued_dir)
    return dlg


def open_backup(mw: MainWindow) -> None:
    """Corridor > Back up history…: a file, a passphrase (twice), then the backup."""
    chosen, _f = QFileDialog.getSaveFileName(mw, _t("Back up history"),
                                             "corridor-history.backup")
    if not chosen:
        return
    dlg = BackupPassphraseDialog(True, mw)
    dlg.accepted.connect(lambda: mw.back_up(Path(chosen), dlg.passphrase.text()))
    mw.backup_dialog = dlg
    dlg.open()


def back_up(mw: MainWindow, path: Path, passphrase: str) -> None:
    def done(count: int) -> None:
        mw.statusBar().showMessage(tr_n(
            "MainWindow", "Backed up the history of %n channel(s) to %1.", count)
            .replace("%1", str(path)), 10000)

    mw.bridge.submit(lambda: mw.adapter.back_up(path, passphrase), done, mw._error)


def open_restore(mw: MainWindow) -> None:
    """Corridor > Restore history…: a backup file and its passphrase."""
    chosen, _f = QFileDialog.getOpenFileName(mw, _t("Restore history"))
    if not chosen:
        return
    dlg = BackupPassphraseDialog(False, mw)
    dlg.accepted.connect(lambda: mw.restore(Path(chosen), dlg.passphrase.text()))
    mw.backup_dialog = dlg
    dlg.open()


def restore(mw: MainWindow, path: Path, passphrase: str) -> None:
    def done(names: list[str]) -> None:
        folder = mw.session.client.home.root / "archive"
        mw.statusBar().showMessage(tr_n(
            "MainWindow", "Restored the history of %n channel(s) into %1.", len(names))
            .replace("%1", str(folder)), 10000)
        if mw.current:  # the restored messages show above the open channel's own
            mw.open_channel(mw.current)

    mw.bridge.submit(lambda: mw.adapter.restore(path, passphrase), done, mw._error)


def set_muted(mw: MainWindow, on: bool) -> None:
    """Mute or unmute the open channel's notifications (``corridor mute``)."""
    cid = mw._cid()
    if cid is None:
        return
    (mw.muted.add if on else mw.muted.discard)(cid.hex())
    mw.mute_action.setChecked(on)
    mw.bridge.submit(lambda: mw.adapter.set_muted(cid, on), None, mw._error)
    mw.statusBar().showMessage(
        _t("Muted: only emergency meetings, acknowledgement requests and hotline calls "
           "notify from this channel.") if on else _t("Notifications on for this "
                                                      "channel."), 8000)


def export_history(mw: MainWindow, path: Path | None = None) -> None:
    """Save the open channel's history as a signed, readable HTML file."""
    cid = mw._cid()
    if cid is None:
        return
    if path is None:
        ch = mw.channel_model.channel(cid.hex())
        name = (ch.name if ch is not None else "channel").replace("/", "-")
        chosen, _f = QFileDialog.getSaveFileName(
            mw, _t("Export channel history"), f"{name}-history.html",
            _t("Web page (*.html)"))
        if not chosen:
            return
        path = Path(chosen)
    target = path

    def done(count: int) -> None:
        mw.statusBar().showMessage(tr_n(
            "MainWindow", "Exported %n message(s) to %1, signed by this device.",
            count).replace("%1", str(target)), 10000)

    mw.bridge.submit(lambda: mw.adapter.export_history(cid, target), done,
                       mw._error)


def open_devices(mw: MainWindow) -> DevicesDialog:
    """This delegate's devices, and removing a lost one (``corridor device ...``)."""
    dlg = DevicesDialog(mw)
    a = mw.adapter

    def load() -> None:
        mw.bridge.submit(a.devices, dlg.set_devices,
                           lambda exc: dlg.set_error(str(exc) or type(exc).__name__))

    def removed(device: DeviceInfo) -> None:
        def listed(devs: list[DeviceInfo]) -> None:
            dlg.set_devices(devs)
            dlg.set_removed(device)

        dlg.set_removed(device)
        mw.bridge.submit(a.devices, listed)

    dlg.removeRequested.connect(lambda dev: mw.bridge.submit(
        lambda: a.remove_device(dev), removed,
        lambda exc: dlg.set_error(str(exc) or type(exc).__name__)))
    mw.devices_dialog = dlg
    dlg.show()
    load()
    return dlg


def open_verification(mw: MainWindow, device_id: str) -> VerificationDialog | None:
    m = mw.member_pane.model.member(device_id)
    if m is None or m.own:
        return None
    mine = mw.adapter.device_key()
    words, hex_ = safety_number(mine, bytes.fromhex(device_id))
    # whom to compare with: their certificate's name, the id beside it (the words
    # belong to that one device, so the dialog names it exactly)
    who = f"{m.mission}/{m.delegate}"
    dlg = VerificationDialog(mw.adapter.me, f"{m.display_name} ({who})" if m.display_name
                             else who, words, hex_,
                             "corridor-verify:v1:" + hex_.replace(" ", ""),
                             device_id in mw.verified, mw)
    dlg.accepted.connect(lambda: mw._verified(device_id))
    mw.verification_dialog = dlg
    dlg.open()
    return dlg


def _verified(mw: MainWindow, device_id: str) -> None:
    mw.verified.add(device_id)
    mw.save_state()
    mw.member_pane.set_members(mw.member_pane.model.members, mw.verified)
