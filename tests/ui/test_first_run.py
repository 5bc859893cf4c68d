# SPDX-License-Identifier: Apache-2.0
"""Starting the app: first run (enrolment from a mission's files, or the demo venue), the
passphrase of an enrolled home, and a start that fails. Real widgets, the real core, a
real relay on 127.0.0.1."""

from __future__ import annotations

import argparse
import asyncio
import json
from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest
from keyring.backends import fail as keyring_fail
from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtWidgets import QApplication, QPushButton

from client import pki
from crypto.certs.words import decode_words, encode_words
from demo.cli import open_live_demo
from demo.live import LiveDemo
from tests.support.ui_windows import TIMEOUT


@pytest.fixture(scope="module")
def small_venue(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveDemo]:
    """A venue of its own (two missions), so a newly enrolled device changes no other test."""
    demo = LiveDemo(tmp_path_factory.mktemp("small"), missions=2, delegates=1, emergency=False)
    demo.provision()
    yield demo
    demo.stop()


@pytest.fixture
def controller(qapp, bridge, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    from ui.app import Controller

    monkeypatch.setenv("CORRIDOR_UI_CONFIG", str(tmp_path / "app.ini"))
    monkeypatch.setenv("CORRIDOR_INSECURE_FAST_KDF", "1")
    monkeypatch.delenv("CORRIDOR_PASSPHRASE", raising=False)
    monkeypatch.delenv("CORRIDOR_HOME", raising=False)
    # No OS keyring, as on a headless machine (a keyring another test installed, perhaps
    # a locked fake, must not leak in): the key goes into the passphrase file.
    old_ring = keyring.get_keyring()
    keyring.set_keyring(keyring_fail.Keyring())
    made: list[Controller] = []

    def make(home: Path, **extra: object) -> Controller:
        args = argparse.Namespace(home=str(home), relay=None, demo=False, data_dir=None,
                                  quiet_demo=True, theme=None)
        for k, v in extra.items():
            setattr(args, k, v)
        c = Controller(qapp, bridge, args, open_live_demo)
        c.ended = 0  # type: ignore[attr-defined]

        def finished() -> None:
            c.ended += 1  # type: ignore[attr-defined]

        c.finished = finished
        made.append(c)
        return c

    yield make
    for c in made:
        if c.window is not None:
            c.window.close()
        c.shutdown()
        QApplication.processEvents()  # results already queued reach live widgets
        c.retire_startup()
        # Closed windows stay referenced: freed by the garbage collector at a random
        # moment, one could go in the middle of a later Qt pass over every widget, and
        # their zero-delay timers still call into them after a deleteLater.
        _CLOSED.extend(w for w in (c.window, c.splash) if w is not None)
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    keyring.set_keyring(old_ring)


_CLOSED: list[object] = []


def _button(widget, name: str) -> QPushButton:  # type: ignore[no-untyped-def]
    b = widget.findChild(QPushButton, name)
    assert b is not None, name
    return b


def _channel(w, kind: str) -> str:  # type: ignore[no-untyped-def]
    return next(c.channel_id for c in w.channel_model.channels() if c.kind == kind)


def test_first_run_enrols_from_the_missions_files_and_sends_the_first_message(
        controller, small_venue: LiveDemo, bridge, qtbot, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    from ui.views.enrol import EnrolWizard

    info = small_venue.info
    assert info is not None
    home = tmp_path / "zoe"
    c = controller(home)
    c.start()
    first = c.dialog
    assert first is not None and first.objectName() == "firstRunDialog" and first.isVisible()
    _button(first, "enrolButton").click()
    wiz = c.dialog
    assert isinstance(wiz, EnrolWizard) and wiz.isVisible()

    # 1. key and request (no OS keyring here: a passphrase file, asked twice)
    page = wiz.device_page
    qtbot.keyClicks(page.delegate, "zoe")
    page.display.setText("Zoé Laurent")  # QTest types ASCII only
    assert page.needs_passphrase
    qtbot.keyClicks(page.passphrase, "correct horse")
    qtbot.keyClicks(page.repeat, "correct horsE")
    assert not page.isComplete() and "differ" in page.status.text()
    page.repeat.clear()
    qtbot.keyClicks(page.repeat, "correct horse")
    assert page.isComplete()
    wiz.next()
    qtbot.waitUntil(lambda: wiz.currentId() == EnrolWizard.REQUEST, timeout=TIMEOUT)
    request = home / "device-request.pem"
    assert request.exists() and str(request) in wiz.request_page.where.text()
    assert (home / "secrets.key").exists() and not (home / "chain.pem").exists()

    # 2. the mission admin signs the request (the documented command, in-process)
    mission = Path(info.layout["missions"]["alderia"]["dir"])
    cert = tmp_path / "zoe-cert.pem"
    monkeypatch.setenv("CORRIDOR_PASSPHRASE", info.passphrase)
    assert pki.main(["mission", "sign-device", "--request", str(request), "--mission-cert",
                     str(mission / "mission.pem"), "--key", str(mission / "mission.key"),
                     "--out", str(cert)]) == 0
    monkeypatch.delenv("CORRIDOR_PASSPHRASE")
    root = small_venue.data_dir / "relay" / "root.pem"
    wiz.next()
    assert wiz.currentId() == EnrolWizard.IMPORT

    # 3. the three files, chosen together and sorted; a wrong fingerprint is refused
    imp = wiz.import_page
    imp.use_files([str(root), str(cert), str(mission / "mission.pem")])
    assert imp.files["device"].text() == str(cert)
    assert imp.files["mission"].text() == str(mission / "mission.pem")
    assert imp.files["root"].text() == str(root)
    good = bytes.fromhex(info.layout["root_fingerprint"].replace(" ", "").replace(":", ""))
    wrong = bytes([good[0] ^ 1]) + good[1:]
    qtbot.keyClicks(imp.fingerprint, " ".join(encode_words(wrong)))
    imp.relay.setText(small_venue.relay_url())
    wiz.next()
    qtbot.waitUntil(lambda: "does not match" in imp.status.text(), timeout=TIMEOUT)
    assert wiz.currentId() == EnrolWizard.IMPORT and not (home / "chain.pem").exists()
    imp.fingerprint.setText(" ".join(encode_words(good)))  # the letter's words
    assert decode_words(imp.fingerprint.text().split()) == good
    wiz.next()
    qtbot.waitUntil(lambda: wiz.currentId() == EnrolWizard.DONE, timeout=TIMEOUT)
    assert "Zoé Laurent" in wiz.done_page.summary.text()
    assert (home / "chain.pem").exists()
    assert json.loads((home / "relay.json").read_text())["relay_url"] == small_venue.relay_url()

    # 4. open the venue: no second passphrase prompt (the wizard's is used)
    wiz.accept()
    qtbot.waitUntil(lambda: c.window is not None, timeout=TIMEOUT)
    w = c.window
    assert c.ended == 0 and "Zoé Laurent" in w.windowTitle()

    # a device of the same mission adds the new one to its channels; the first message
    peer_mission = next(n for n in info.layout["homes"]
                        if info.layout["homes"][n]["mission"] == "alderia")
    other = next(n for n in info.layout["homes"]
                 if info.layout["homes"][n]["mission"] != "alderia")

    async def admit() -> None:
        peer = small_venue.open_client(peer_mission)
        try:
            await peer.sync()
            await peer.sync()
        finally:
            await peer.close()

    bridge.run_sync(admit, timeout=150)
    qtbot.waitUntil(lambda: any(ch.kind == "bilateral" for ch in w.channel_model.channels()),
                    timeout=TIMEOUT)
    bil = _channel(w, "bilateral")
    w.open_channel(bil)
    qtbot.waitUntil(lambda: w.conv_model.channel_id == bil, timeout=TIMEOUT)
    qtbot.keyClicks(w.composer.editor, "First message from a new device")
    qtbot.keyClick(w.composer.editor, Qt.Key.Key_Return)

    async def read() -> list[str]:
        c2 = small_venue.open_client(other)
        try:
            deadline = asyncio.get_running_loop().time() + 100  # a loaded machine is slow
            while True:
                await c2.sync()
                texts = [m.text for m in c2.messages(bil, limit=20)]
                if "First message from a new device" in texts or \
                        asyncio.get_running_loop().time() > deadline:
                    return texts
                await asyncio.sleep(0.5)
        finally:
            await c2.close()

    assert "First message from a new device" in bridge.run_sync(read, timeout=150)


def test_enrolment_resumes_at_the_request_after_a_restart(controller, qtbot,
                                                          tmp_path: Path) -> None:
    from ui.views.enrol import EnrolWizard

    home = tmp_path / "later"
    c = controller(home)
    c.start()
    _button(c.dialog, "enrolButton").click()
    wiz = c.dialog
    qtbot.keyClicks(wiz.device_page.delegate, "not an id!")
    qtbot.keyClicks(wiz.device_page.display, "Lea Later")
    qtbot.keyClicks(wiz.device_page.passphrase, "a long passphrase")
    qtbot.keyClicks(wiz.device_page.repeat, "a long passphrase")
    wiz.next()
    qtbot.waitUntil(lambda: "cannot make a request" in wiz.device_page.status.text(),
                    timeout=TIMEOUT)
    assert wiz.currentId() == EnrolWizard.DEVICE and wiz.device_page.delegate.isEnabled()
    assert not any(home.iterdir())  # a refused id leaves no key file behind
    wiz.device_page.delegate.clear()
    wiz.device_page.display.clear()
    qtbot.keyClicks(wiz.device_page.delegate, "later")
    qtbot.keyClicks(wiz.device_page.display, "Lea Later")
    wiz.next()  # the passphrase fields kept what was typed
    qtbot.waitUntil(lambda: wiz.currentId() == EnrolWizard.REQUEST, timeout=TIMEOUT)
    key = wiz.request_key
    wiz.reject()  # closed while waiting for the mission admin: the app ends cleanly
    assert c.ended == 1 and c.window is None

    again = controller(home)
    again.start()
    _button(again.dialog, "enrolButton").click()
    wiz2 = again.dialog
    assert isinstance(wiz2, EnrolWizard) and wiz2.currentId() == EnrolWizard.REQUEST
    assert wiz2.request_key == key  # the same key: nothing was made twice


def _demo_home(venue: LiveDemo) -> Path:
    assert venue.info is not None
    name = next(n for n in venue.info.layout["homes"] if n != venue.info.user)
    return venue.info.home(name)


def test_the_passphrase_dialog_refuses_a_wrong_one_and_opens_with_the_right_one(
        controller, small_venue: LiveDemo, qtbot) -> None:
    from ui.views.enrol import PassphraseDialog

    assert small_venue.info is not None
    c = controller(_demo_home(small_venue))
    c.start()
    dlg = c.dialog
    assert isinstance(dlg, PassphraseDialog) and dlg.isVisible()
    qtbot.keyClicks(dlg.field, "not the passphrase")
    qtbot.keyClick(dlg.field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "Wrong passphrase" in dlg.error.text(), timeout=TIMEOUT)
    assert dlg.isVisible() and dlg.field.isEnabled() and dlg.field.text() == ""
    assert c.window is None and c.ended == 0
    qtbot.keyClicks(dlg.field, small_venue.info.passphrase)
    _button(dlg, "unlockButton").click()
    qtbot.waitUntil(lambda: c.window is not None, timeout=TIMEOUT)
    assert c.dialog is None and c.ended == 0 and c.window.isVisible()


def test_cancelling_the_passphrase_ends_the_app_cleanly(controller, small_venue: LiveDemo,
                                                        qtbot) -> None:
    from ui.views.enrol import PassphraseDialog

    c = controller(_demo_home(small_venue))
    c.start()
    dlg = c.dialog
    assert isinstance(dlg, PassphraseDialog)
    _button(dlg, "quitButton").click()
    assert c.ended == 1 and c.window is None and c.session is None


def test_a_wrong_passphrase_in_the_environment_asks_instead_of_failing(
        controller, small_venue: LiveDemo, qtbot, monkeypatch: pytest.MonkeyPatch) -> None:
    from ui.views.enrol import PassphraseDialog

    monkeypatch.setenv("CORRIDOR_PASSPHRASE", "stale value")
    c = controller(_demo_home(small_venue))
    c.start()
    qtbot.waitUntil(lambda: isinstance(c.dialog, PassphraseDialog), timeout=TIMEOUT)
    assert "Wrong passphrase" in c.dialog.error.text() and c.ended == 0


def test_the_demo_opens_from_the_first_run_screen(controller, qtbot, tmp_path: Path) -> None:
    from ui.app import app_settings

    c = controller(tmp_path / "nobody", data_dir=str(tmp_path / "demo"))
    c.make_demo = lambda d: LiveDemo(d, missions=2, delegates=1, emergency=False)
    c.start()
    first = c.dialog
    _button(first, "demoButton").click()
    assert not first.isVisible() and c.splash is not None and c.splash.isVisible()
    QApplication.processEvents()
    assert c.ended == 0  # the closed dialog does not end the app
    qtbot.waitUntil(lambda: c.window is not None, timeout=60000)
    assert c.ended == 0 and "(demo venue)" in c.window.windowTitle()
    assert (tmp_path / "demo" / "ready").exists()
    assert app_settings().value("profile") == "demo"


def test_without_a_demo_opener_the_first_run_offers_enrolment_only(
        controller, tmp_path: Path) -> None:
    """``ui.cli.main`` alone (no demo.cli) has no demo venue to offer: the first run shows
    enrolment only, and a remembered demo profile does not try to open one."""
    from ui.app import app_settings

    prefs = app_settings()
    prefs.setValue("profile", "demo")  # as after an earlier demo run
    prefs.sync()
    c = controller(tmp_path / "nobody")
    c.make_demo = None
    c.start()
    first = c.dialog
    assert first is not None and first.objectName() == "firstRunDialog"
    assert not _button(first, "demoButton").isVisible()
    assert _button(first, "enrolButton").isVisible() and _button(first, "enrolButton").isDefault()
    assert c.demo is None and c.window is None


def test_a_demo_that_fails_to_start_cleans_up_and_says_why(
        controller, qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtWidgets import QMessageBox

    import demo.live as support
    from ui.app import app_settings

    async def broken(_layout: object) -> None:
        raise OSError("disk full")

    working = support._create_channels
    monkeypatch.setattr(support, "_create_channels", broken)
    data = tmp_path / "demo"
    c = controller(tmp_path / "nobody", data_dir=str(data))
    c.make_demo = lambda d: LiveDemo(d, missions=2, delegates=1, emergency=False)
    c.start()
    _button(c.dialog, "demoButton").click()
    qtbot.waitUntil(lambda: isinstance(c.dialog, QMessageBox), timeout=60000)
    box = c.dialog
    assert "disk full" in box.text() and c.window is None
    assert not (data / "layout.json").exists() and not (data / "relay").exists()
    assert not (data / "homes").exists() and c.demo is None
    assert app_settings().value("profile") is None  # the next start asks again
    box.done(0)
    assert c.ended == 1

    # the next start (working again) makes the venue afresh
    monkeypatch.setattr(support, "_create_channels", working)
    demo = LiveDemo(data, missions=2, delegates=1, emergency=False)
    try:
        info = demo.provision()
        assert (data / "ready").exists() and info.home(info.user).exists()
    finally:
        demo.stop()
