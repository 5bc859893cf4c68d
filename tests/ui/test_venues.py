# SPDX-License-Identifier: Apache-2.0
"""Several venues in one app, over two real relays on loopback (two demo venues, each its
embedded relay): the switcher at the top of the sidebar (name, fingerprint, unread), a
wrong passphrase for the second venue leaving the first untouched, a message in the
venue not shown arriving and notifying (named by venue and by the sender's certificate
name, on a fake freedesktop notification server), switching, and closing a venue
closing its connection at its relay."""

from __future__ import annotations

import argparse
import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import httpx
import keyring
import pytest
from keyring.backends import fail as keyring_fail
from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtWidgets import QApplication, QLabel

from client.core import Client
from client.homes import known_homes
from demo.live import LiveDemo, demo_kdf
from tests.client.crisis.fake_notifications import notification_server, session_bus

TIMEOUT = 30000


def _venue(tmp_path_factory: pytest.TempPathFactory, tag: str, name: str) -> Iterator[LiveDemo]:
    demo = LiveDemo(tmp_path_factory.mktemp(tag), missions=2, delegates=1, emergency=False,
                    name=name)
    demo.provision()
    yield demo
    demo.stop()


@pytest.fixture(scope="module")
def forum_a(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveDemo]:
    yield from _venue(tmp_path_factory, "forum-a", "Arms Control Forum")


@pytest.fixture(scope="module")
def forum_b(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveDemo]:
    yield from _venue(tmp_path_factory, "forum-b", "Maritime Talks")


@pytest.fixture
def controller(qapp, bridge, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    from ui.app import Controller

    monkeypatch.setenv("CORRIDOR_UI_CONFIG", str(tmp_path / "app.ini"))
    monkeypatch.delenv("CORRIDOR_PASSPHRASE", raising=False)
    monkeypatch.delenv("CORRIDOR_HOME", raising=False)
    old_ring = keyring.get_keyring()
    keyring.set_keyring(keyring_fail.Keyring())
    made: list[Controller] = []

    def make(home: Path) -> Controller:
        args = argparse.Namespace(home=str(home), relay=None, demo=False, data_dir=None,
                                  quiet_demo=True, theme=None)
        c = Controller(qapp, bridge, args, None)
        c.ended = 0  # type: ignore[attr-defined]

        def finished() -> None:
            c.ended += 1  # type: ignore[attr-defined]

        c.finished = finished
        made.append(c)
        return c

    yield make
    for c in made:
        windows = [v.window for v in c.venues.open]
        c.shutdown()
        for w in windows:
            w.close()
        QApplication.processEvents()
        c.retire_startup()
        _CLOSED.extend(windows)
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    keyring.set_keyring(old_ring)


_CLOSED: list[object] = []


def _open_sockets(demo: LiveDemo) -> int:
    """The relay's own count of open push sockets (its metrics, on loopback)."""
    text = httpx.get(demo.relay_url() + "/metrics", timeout=10).text
    m = re.search(r"^corridor_relay_open_sockets (\S+)$", text, re.M)
    assert m is not None, text[:300]
    return int(float(m.group(1)))


@pytest.mark.skipif(shutil.which("dbus-daemon") is None, reason="needs dbus-daemon")
def test_two_venues_switch_notify_and_close(controller, forum_a: LiveDemo, forum_b: LiveDemo,
                                            bridge, qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from ui.venues import VenueSwitcher
    from ui.views.enrol import EnrolWizard, PassphraseDialog

    a, b = forum_a.info, forum_b.info
    assert a is not None and b is not None
    home_a, home_b = a.home(a.user), b.home(b.user)
    with session_bus(), notification_server() as seen:
        c = controller(home_a)
        c.open_home(home_a, a.passphrase)
        qtbot.waitUntil(lambda: c.window is not None and bool(c.window.current), timeout=TIMEOUT)
        wa = c.window
        client_a = wa.session.client
        qtbot.waitUntil(lambda: client_a.link is True, timeout=TIMEOUT)
        switcher = wa.venue_switcher
        assert isinstance(switcher, VenueSwitcher) and switcher.isVisible()
        assert switcher.combo.accessibleName() and switcher.combo.itemText(0).startswith(
            "Arms Control Forum · ")
        assert not switcher.close_button.isEnabled()  # the only venue: the window closes it
        for control in (switcher.combo, switcher.close_button):  # keyboard and screen reader
            assert control.accessibleName()
            assert control.focusPolicy() & Qt.FocusPolicy.TabFocus
        assert [h.path for h in known_homes()] == [home_a]  # remembered in the app's list

        # "Add a venue…": a directory chooser; an empty directory starts the enrolment
        # wizard, and cancelling it (or B's passphrase, below) leaves A and the app as
        # they were
        add = switcher.combo.count() - 1
        assert switcher.combo.itemText(add) == "Add a venue…"
        switcher.combo.activated.emit(add)
        chooser = c.venues.file_dialog
        assert chooser is not None and chooser.isVisible()
        fresh = tmp_path / "third-forum"
        fresh.mkdir()
        chooser.fileSelected.emit(str(fresh))
        chooser.reject()
        wizard = c.dialog
        assert isinstance(wizard, EnrolWizard) and wizard.isVisible()
        wizard.reject()
        c.add_venue(home_b)
        dlg = c.dialog
        assert isinstance(dlg, PassphraseDialog) and dlg.isVisible()
        dlg.reject()
        assert c.ended == 0 and len(c.venues.open) == 1 and wa.isVisible()  # type: ignore[attr-defined]

        # a wrong passphrase for B: said in the dialog; A carries on, the app too
        c.add_venue(home_b)
        dlg = c.dialog
        assert isinstance(dlg, PassphraseDialog) and dlg.isVisible()
        qtbot.keyClicks(dlg.field, "not the passphrase")
        dlg.unlock.click()
        qtbot.waitUntil(lambda: "Wrong passphrase" in dlg.error.text(), timeout=TIMEOUT)
        assert len(c.venues.open) == 1 and c.venues.shown is wa and wa.isVisible()
        assert client_a.link is True and c.ended == 0  # type: ignore[attr-defined]
        # the right passphrase opens B
        qtbot.keyClicks(dlg.field, b.passphrase)
        dlg.unlock.click()
        qtbot.waitUntil(lambda: len(c.venues.open) == 2, timeout=TIMEOUT)
        wb = c.venues.open[1].window
        client_b = wb.session.client
        qtbot.waitUntil(lambda: bool(wb.current) and client_b.link is True, timeout=TIMEOUT)
        assert c.venues.shown is wb and wb.isVisible() and not wa.isVisible()
        labels = [switcher.combo.itemText(i) for i in range(switcher.combo.count())]
        assert labels[0].startswith("Arms Control Forum · ")
        assert labels[1].startswith("Maritime Talks · ") and labels[-1] == "Add a venue…"
        assert c.venues.open[1].short == " ".join(c.venues.open[1].fingerprint.split()[:2])
        assert [h.path for h in known_homes()] == [home_a, home_b]
        qtbot.waitUntil(lambda: _open_sockets(forum_b) >= 1, timeout=TIMEOUT)
        # the tray's menu lists the venues too (the one shown checked); choosing one shows it
        c.venues._fill_tray_menu()
        items = [act for act in c.venues._menu.actions() if act.isCheckable()]
        assert [act.text().split(" · ")[0] for act in items] == ["Arms Control Forum",
                                                                 "Maritime Talks"]
        assert [act.isChecked() for act in items] == [False, True]
        items[0].trigger()
        assert c.venues.shown is wa and wa.isVisible() and not wb.isVisible()
        items[1].trigger()
        assert c.venues.shown is wb and wb.isVisible()

        # B reads its working group; back to A from the switcher, as a user would
        # (keyboard: the combo's activation)
        wg_b = forum_b.channel("multilateral")
        wb.open_channel(wg_b)
        qtbot.waitUntil(lambda: wb.conv_model.channel_id == wg_b, timeout=TIMEOUT)
        wb.venue_switcher.combo.activated.emit(0)  # type: ignore[union-attr]
        assert c.venues.shown is wa and wa.isVisible() and not wb.isVisible()

        # a message in B (from another mission's delegate) while A is shown
        sender = next(n for n, h in b.layout["homes"].items()
                      if h["mission"] != b.layout["homes"][b.user]["mission"])
        channel = forum_b.channel("multilateral")
        wb.notifications = True

        async def say() -> str:
            them = Client.open(b.home(sender), forum_b.relay_url(), passphrase=b.passphrase,
                               kdf=demo_kdf())
            try:
                await them.sync()
                await them.send_text(channel, "Maritime: the buoy line report is in.")
                await them.sync()
                return str(them.identity()["display_name"])
            finally:
                await them.close()

        display = bridge.run_sync(say)
        qtbot.waitUntil(lambda: any("Maritime Talks" in str(n[3]) for n in list(seen.notify)),
                        timeout=TIMEOUT)
        note = next(n for n in list(seen.notify) if "Maritime Talks" in str(n[3]))
        # the certificate's name, not the bare id (every demo mission's first delegate is
        # an "Ana": the name alone is ambiguous, so the id stands beside it, as in bubbles)
        assert str(note[4]) == f"New message from {display} ({sender.replace('-', '/')})"
        assert wb.last_notification[0].startswith("Maritime Talks · ")
        assert not wb.isVisible()  # it arrived in the venue not shown
        # B's open channel, but B is not shown: unread (and no read receipt) until it is
        qtbot.waitUntil(lambda: wb.channel_model.unread(channel) >= 1, timeout=TIMEOUT)
        assert wb.read_pos.get(channel, 0) < wb.conv_model.high_water
        qtbot.waitUntil(lambda: re.search(r"Maritime Talks · .* \(\d+\)",
                                          switcher.combo.itemText(1)) is not None,
                        timeout=TIMEOUT)

        # switching shows B's channels
        switcher.combo.activated.emit(1)
        assert c.venues.shown is wb and wb.isVisible() and not wa.isVisible()
        qtbot.waitUntil(lambda: wb.channel_model.unread(channel) == 0, timeout=TIMEOUT)
        assert "Maritime: the buoy line report is in." in [r.text for r in wb.conv_model.rows()]
        b_channels = {ch["channel_id"] for ch in b.layout["channels"]}
        shown = {ch.channel_id for ch in wb.channel_model.channels()}
        assert b_channels <= shown
        assert not shown & {ch["channel_id"] for ch in a.layout["channels"]}

        # closing B ends its session and its connection at B's relay; A carries on
        assert wb.venue_switcher.close_button.isEnabled()  # type: ignore[union-attr]
        wb.venue_switcher.close_button.click()  # type: ignore[union-attr]
        qtbot.waitUntil(lambda: len(c.venues.open) == 1 and c.venues.shown is wa,
                        timeout=TIMEOUT)
        qtbot.waitUntil(lambda: _open_sockets(forum_b) == 0, timeout=TIMEOUT)
        assert client_b.link is None and wa.isVisible() and not wb.isVisible()
        for ticking in (wb.crisis.timer, wb.decisions.timer, wb.notices.timer):
            assert not ticking.isActive()  # nothing polls B's closed session
        assert wa.decisions.timer.isActive() and wa.notices.timer.isActive()
        assert client_a.link is True and c.ended == 0  # type: ignore[attr-defined]
        # B stays known: listed as not open, a click away
        qtbot.waitUntil(lambda: any("Maritime Talks" in switcher.combo.itemText(i)
                                    and "not open" in switcher.combo.itemText(i)
                                    for i in range(switcher.combo.count())), timeout=TIMEOUT)


def test_a_ring_from_a_venue_names_it(qapp) -> None:  # type: ignore[no-untyped-def]
    """A hotline alarm from a venue not shown says which venue it is from."""
    from client.crisis.alarm import Ring
    from ui.alarm import AppNotifier

    seen: list[Ring] = []

    class Desktop:
        def notify(self, ring: Ring, replaces: int) -> int:
            seen.append(ring)
            return 7

        def withdraw(self, notification_id: int) -> None:
            pass

    venue = ["Maritime Talks · 254C 0D11"]
    n = AppNotifier(None, None, Desktop(), venue=lambda: venue[0])
    ring = Ring(b"c", "Hotline call", "Please acknowledge", True, 1, "phone-incoming-call")
    assert n.notify(ring, 0) == 7
    assert seen[-1].title == "Maritime Talks · 254C 0D11 — Hotline call"
    assert seen[-1].body == "Please acknowledge"
    venue[0] = ""  # one venue open: the title as it was
    n.notify(ring, 0)
    assert seen[-1].title == "Hotline call"


def test_add_a_venue_by_enrolling_in_it(controller, forum_a: LiveDemo, forum_b: LiveDemo,  # type: ignore[no-untyped-def]
                                        bridge, qtbot, tmp_path: Path, monkeypatch) -> None:
    """"Add a venue…" on an empty directory: the enrolment wizard, then the new venue
    opens beside the first (its own relay, from its own home), the first untouched."""
    from client import pki
    from crypto.certs.words import encode_words
    from ui.views.enrol import EnrolWizard

    monkeypatch.setenv("CORRIDOR_INSECURE_FAST_KDF", "1")
    a, b = forum_a.info, forum_b.info
    assert a is not None and b is not None
    home_a = a.home(a.user)
    c = controller(home_a)
    c.args.relay = forum_a.relay_url()  # as `corridor --relay URL`: the first home's only
    c.open_home(home_a, a.passphrase)
    qtbot.waitUntil(lambda: c.window is not None and bool(c.window.current), timeout=TIMEOUT)
    wa = c.window
    home = tmp_path / "maritime"
    home.mkdir()
    c.add_venue(home)
    wiz = c.dialog
    assert isinstance(wiz, EnrolWizard) and wiz.isVisible()
    assert wiz.import_page.relay.text() == ""  # not the first venue's relay
    page = wiz.device_page
    qtbot.keyClicks(page.delegate, "zoe")
    page.display.setText("Zoé Laurent")
    qtbot.keyClicks(page.passphrase, "correct horse")
    qtbot.keyClicks(page.repeat, "correct horse")
    wiz.next()
    qtbot.waitUntil(lambda: wiz.currentId() == EnrolWizard.REQUEST, timeout=TIMEOUT)
    mission = Path(b.layout["missions"]["alderia"]["dir"])
    cert = tmp_path / "zoe-cert.pem"
    monkeypatch.setenv("CORRIDOR_PASSPHRASE", b.passphrase)
    assert pki.main(["mission", "sign-device", "--request", str(home / "device-request.pem"),
                     "--mission-cert", str(mission / "mission.pem"), "--key",
                     str(mission / "mission.key"), "--out", str(cert)]) == 0
    monkeypatch.delenv("CORRIDOR_PASSPHRASE")
    wiz.next()
    imp = wiz.import_page
    imp.use_files([str(forum_b.data_dir / "relay" / "root.pem"), str(cert),
                   str(mission / "mission.pem")])
    good = bytes.fromhex(b.layout["root_fingerprint"].replace(" ", "").replace(":", ""))
    imp.fingerprint.setText(" ".join(encode_words(good)))
    imp.relay.setText(forum_b.relay_url())
    wiz.next()
    qtbot.waitUntil(lambda: wiz.currentId() == EnrolWizard.DONE, timeout=TIMEOUT)
    wiz.accept()
    qtbot.waitUntil(lambda: len(c.venues.open) == 2, timeout=TIMEOUT)
    added = c.venues.open[1]
    assert added.name == "Maritime Talks" and c.venues.shown is added.window
    client = added.session.client
    qtbot.waitUntil(lambda: client.link is True, timeout=TIMEOUT)
    assert client.identity()["relay_url"] == forum_b.relay_url()
    assert c.args.relay == forum_a.relay_url()  # the first venue's stays its own
    assert wa.session.client.link is True and c.ended == 0  # type: ignore[attr-defined]
    assert "Zoé Laurent" in added.window.windowTitle()


def test_the_venues_open_at_the_last_quit_reopen(controller, forum_a: LiveDemo,  # type: ignore[no-untyped-def]
                                                 forum_b: LiveDemo, qtbot) -> None:
    """A restart reopens every venue open at the last quit (each asks its passphrase), so
    none stays deaf; the first stays shown."""
    from ui.app import app_settings, saved_venues
    from ui.views.enrol import PassphraseDialog

    a, b = forum_a.info, forum_b.info
    assert a is not None and b is not None
    home_a, home_b = a.home(a.user), b.home(b.user)
    prefs = app_settings()
    prefs.setValue("venues/open", [str(home_a), str(home_b)])
    prefs.sync()
    c = controller(home_a)
    c.open_home(home_a, a.passphrase)
    qtbot.waitUntil(lambda: isinstance(c.dialog, PassphraseDialog), timeout=TIMEOUT)
    dlg = c.dialog
    assert str(home_b) in " ".join(label.text() for label in dlg.findChildren(QLabel))
    qtbot.keyClicks(dlg.field, b.passphrase)
    dlg.unlock.click()
    qtbot.waitUntil(lambda: len(c.venues.open) == 2, timeout=TIMEOUT)
    wa, wb = c.venues.open[0].window, c.venues.open[1].window
    assert c.venues.shown is wa and wa.isVisible() and not wb.isVisible()
    qtbot.waitUntil(lambda: wb.session.client.link is True, timeout=TIMEOUT)
    assert saved_venues() == [str(home_a), str(home_b)]
    c.venues.close_venue(wb)
    qtbot.waitUntil(lambda: saved_venues() == [str(home_a)], timeout=TIMEOUT)
