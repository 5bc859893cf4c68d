# SPDX-License-Identifier: Apache-2.0
"""The devices screen and the history export (offscreen, real window, core and relay of
the demo venue): the delegate's devices listed, this one marked, and a lost one removed
after a confirmation that can be cancelled; once removed it is out of the open channel's
roster. The open channel's history exported from the menu verifies offline."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QMessageBox

from client.core.facade import Client
from demo.live import demo_kdf
from demo.venue import DemoLayout, add_device
from tests.support.ui_windows import TIMEOUT


def _layout(venue) -> DemoLayout:  # type: ignore[no-untyped-def]
    d = venue.info.layout
    return DemoLayout(Path(d["data_dir"]), Path(d["relay_dir"]), int(d["port"]),
                      venue.info.passphrase, d["root_fingerprint"], d["missions"],
                      d["homes"], d["channels"], d["chair"])


def test_devices_screen_removes_a_lost_device_after_confirmation(
        open_window, venue, qtbot) -> None:  # type: ignore[no-untyped-def]
    w = open_window(0)
    me = w.session.client
    ident = w.bridge.run_sync(me.identity)
    layout = _layout(venue)
    name = add_device(layout, str(ident["mission_id"]), str(ident["delegate_id"]))

    async def enrol() -> str:  # the second device registers; this one adds it
        c = Client.open(layout.home(name), venue.relay_url(), passphrase=layout.passphrase,
                        kdf=demo_kdf())
        try:
            await c.sync()
            return c.device_id
        finally:
            await c.close()

    lost = w.bridge.run_sync(enrol)
    w.bridge.run_sync(me.sync)
    cid = w.current

    def members() -> set[str]:  # read on the core's thread, which owns the client
        return w.bridge.run_sync(lambda: {m.device_id for m in me.members(cid)})

    assert lost in members()

    dlg = w.open_devices()
    qtbot.waitUntil(lambda: dlg.table.rowCount() == 2, timeout=TIMEOUT)
    assert dlg.table.item(0, 3).text() == "this device"
    assert "2 devices of yours" in dlg.summary.text()
    dlg.table.selectRow(0)
    assert not dlg.remove_button.isEnabled()  # never this device
    dlg.table.selectRow(1)
    assert dlg.remove_button.isEnabled() and dlg.table.item(1, 0).text() == lost[:16]

    asked: list[str] = []
    dlg.removeRequested.connect(asked.append)
    box = dlg.confirm_removal()
    assert box is not None and lost[:16] in box.text()
    assert "cannot be undone" in box.informativeText()
    assert box.defaultButton() is box.button(QMessageBox.StandardButton.Cancel)
    box.button(QMessageBox.StandardButton.Cancel).click()
    qtbot.waitUntil(lambda: not box.isVisible(), timeout=TIMEOUT)
    assert asked == []  # cancelled: nothing removed

    box = dlg.confirm_removal()
    assert box is not None
    dlg.confirm_button.click()
    qtbot.waitUntil(lambda: asked == [lost], timeout=TIMEOUT)
    qtbot.waitUntil(lambda: "Removed" in dlg.summary.text(), timeout=TIMEOUT)
    qtbot.waitUntil(lambda: dlg.table.rowCount() == 2
                    and dlg.table.item(1, 3).text() == "removed", timeout=TIMEOUT)
    assert not dlg.remove_button.isEnabled()
    assert lost not in members()
    dlg.close()


def test_export_history_from_the_app_verifies_offline(
        open_window, venue, qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """Corridor > Export channel history…: the open channel's signed, readable page."""
    from client.history_export import verify_export

    w = open_window(0)
    client = w.session.client
    assert w.export_action.isEnabled()
    # caught up first: a message of an earlier test still arriving would land between
    # the export and the count below
    w.bridge.run_sync(client.sync)
    out = tmp_path / "history.html"
    w.export_history(out)
    qtbot.waitUntil(lambda: "Exported" in w.statusBar().currentMessage(), timeout=TIMEOUT)
    root = w.bridge.run_sync(lambda: client.engine.trust.root_der)
    x = verify_export(out.read_text(encoding="utf-8"), root)
    held = w.bridge.run_sync(lambda: client.messages(bytes.fromhex(w.current), limit=10_000))
    assert x.channel_id == w.current and len(x.messages) == len(held) > 0
    assert f"{len(x.messages)} message" in w.statusBar().currentMessage()


def test_backup_and_restore_from_the_app(open_window, qtbot, tmp_path,  # type: ignore[no-untyped-def]
                                         monkeypatch) -> None:
    """Corridor > Back up history… and Restore history…: the passphrase asked twice (a
    mismatch is said, not accepted), the backup sealed, restored pages verified."""
    from client.history_export import verify_export
    from ui.views.backup import BackupPassphraseDialog

    monkeypatch.setenv("CORRIDOR_INSECURE_FAST_KDF", "1")
    w = open_window(0)
    dlg = BackupPassphraseDialog(True, w)
    qtbot.addWidget(dlg)
    dlg.passphrase.setText("one")
    assert dlg.again is not None
    dlg.again.setText("two")
    dlg._check()
    assert dlg.problem.isVisibleTo(dlg) and "differ" in dlg.problem.text()
    assert dlg.result() != dlg.DialogCode.Accepted

    client = w.session.client
    w.bridge.run_sync(client.sync)  # caught up: no channel joins between backup and count
    file = tmp_path / "history.backup"
    w.back_up(file, "a long passphrase")
    qtbot.waitUntil(lambda: "Backed up" in w.statusBar().currentMessage(), timeout=TIMEOUT)
    assert file.exists() and b"Working group" not in file.read_bytes()
    w.restore(file, "a long passphrase")
    qtbot.waitUntil(lambda: "Restored" in w.statusBar().currentMessage(), timeout=TIMEOUT)
    archive = client.home.root / "archive"
    pages = sorted(archive.glob("*.html"))
    root = w.bridge.run_sync(lambda: client.engine.trust.root_der)
    assert pages and all(verify_export(p.read_text(encoding="utf-8"), root) for p in pages)
    assert len(pages) == len(w.bridge.run_sync(client.channels))
