# SPDX-License-Identifier: Apache-2.0
"""The status bar tells the truth about the relay connection: a real relay process on
127.0.0.1 is killed under an open window and started again on the same port and data.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from client.model import MessageView
from demo.live import demo_kdf
from tests.support.ui_windows import TIMEOUT, session_window


@pytest.fixture
def relay_venue(tmp_path: Path):  # type: ignore[no-untyped-def]
    from tests.support.client_venue import small_venue

    v, _flag = small_venue(tmp_path)
    yield v
    v.relay.stop()


def test_status_goes_offline_and_back_to_connected(relay_venue, bridge, qtbot,  # type: ignore[no-untyped-def]
                                                   monkeypatch) -> None:
    from ui.views import window_events

    shown: list[object] = []  # every state the window was told, in order
    show = window_events._show_link

    def recording(mw, up, detail=""):  # type: ignore[no-untyped-def]
        shown.append(up)
        show(mw, up, detail)

    monkeypatch.setattr(window_events, "_show_link", recording)

    v = relay_venue
    w, session = session_window(bridge, qtbot, v.layout.home("alderia-ana"),
                                v.layout.relay_url, v.layout.passphrase)
    label = w.connection

    def wait_for(done: Callable[[], bool], what: str) -> None:
        """Wait as the user would; if it never comes, say what the window, the core
        and the relay showed (this wait failed twice in CI, never alone)."""
        try:
            qtbot.waitUntil(done, timeout=TIMEOUT)
        except Exception:
            link = bridge.run_sync(lambda: (session.client.link,
                                            session.client.connected.is_set()), timeout=5)
            log = Path(v.relay.log_path)
            tail = log.read_text(errors="replace")[-3000:] if log.exists() else "(no log)"
            raise AssertionError(
                f"{what}: the label says {label.text()!r} ({label.toolTip()!r}), told "
                f"{shown}; the core's link {link}; the relay's log ends:\n{tail}") from None

    try:
        # not "Connecting…" for long: the push loop reports its first connection
        wait_for(lambda: label.text() == "Connected", "first connection")

        v.relay.kill9()
        wait_for(lambda: label.text().startswith("Offline"), "relay killed")
        assert not bridge.run_sync(lambda: session.client.connected.is_set())

        v.relay.start()
        # and not "Offline" once the relay is back (it reconnects by itself)
        wait_for(lambda: label.text() == "Connected", "relay back")
        assert bridge.run_sync(lambda: session.client.connected.is_set())
    finally:
        w.close()
        bridge.run_sync(session.close)


def test_a_status_that_missed_an_update_is_corrected(relay_venue, bridge, qtbot) -> None:  # type: ignore[no-untyped-def]
    """The label has two sources on two threads (the state read at start, the events);
    whatever order they arrive in, a wrong label lasts one check at most."""
    from ui.views.main_window import LINK_CHECK_MS

    v = relay_venue
    w, session = session_window(bridge, qtbot, v.layout.home("alderia-ana"),
                                v.layout.relay_url, v.layout.passphrase)
    try:
        label = w.connection
        qtbot.waitUntil(lambda: label.text() == "Connected", timeout=TIMEOUT)
        w._show_link(None)  # a stale "connecting" delivered after the connection
        assert label.text() == "Connecting…"
        qtbot.waitUntil(lambda: label.text() == "Connected", timeout=3 * LINK_CHECK_MS)
        assert bridge.run_sync(lambda: session.client.link) is True
    finally:
        w.close()
        bridge.run_sync(session.close)


def test_failed_message_footer_says_why() -> None:
    from ui.delegates.message import footer_text

    row = MessageView("00" * 16, "alderia/ana", "text", "hi", 0, None, True, 1, sending=False,
                      failed="messages are limited to 4096 bytes")
    assert "failed: messages are limited to 4096 bytes" in footer_text(row)
    assert "sending" not in footer_text(row)
    queued = MessageView("00" * 16, "alderia/ana", "text", "hi", 0, None, True, 1, sending=True)
    assert "sending…" in footer_text(queued) and "failed" not in footer_text(queued)


@pytest.fixture
def strict_relay_venue(tmp_path: Path):  # type: ignore[no-untyped-def]
    """A relay whose message limit (4 KiB) refuses a long text for good (413)."""
    from tests.support.client_venue import small_venue

    v, _flag = small_venue(tmp_path, env={"CORRIDOR_RELAY_MAX_MESSAGE_BYTES": "4096"})
    yield v
    v.relay.stop()


def test_refused_message_shows_failed_and_can_be_retried_or_discarded(
        strict_relay_venue, bridge, qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QMessageBox

    from ui.session import open_session
    from ui.views.main_window import MainWindow

    v = strict_relay_venue
    homes = {n: v.layout.home(n) for n in ("alderia-ana", "borduria-ana")}

    async def start():  # type: ignore[no-untyped-def]
        b = open_session(homes["borduria-ana"], v.layout.relay_url,
                         passphrase=v.layout.passphrase, kdf=demo_kdf())
        await b.client.sync()
        s = open_session(homes["alderia-ana"], v.layout.relay_url,
                         passphrase=v.layout.passphrase, kdf=demo_kdf())
        await s.client.sync()
        await s.client.create_channel("bilateral", "alderia-borduria", ["borduria"])
        await s.start()
        return s, b

    session, other = bridge.run_sync(start)
    bridge.forward_events(session.client)
    w = MainWindow(bridge, session)
    qtbot.addWidget(w)
    w.show()
    try:
        qtbot.waitUntil(lambda: bool(w.current) and w.conv_model.channel_id == w.current,
                        timeout=TIMEOUT)
        w.send_text("y" * 6000)

        def failed_row() -> MessageView | None:
            return next((r for r in w.conv_model.rows() if r.failed), None)

        qtbot.waitUntil(lambda: failed_row() is not None, timeout=TIMEOUT)
        row = failed_row()
        assert row is not None and "4096 bytes" in row.failed
        from ui.delegates.message import footer_text

        assert footer_text(row).count("failed: ") == 1
        w.conversation.setCurrentIndex(w.conv_model.index(w.conv_model.row_of(
            row.message_id), 0))
        acts = w.conversation.actions_by_name
        assert acts["retry"].isEnabled() and acts["discard"].isEnabled()
        assert not acts["redact"].isEnabled() and not acts["edit"].isEnabled()

        # retry: refused again for the same reason (still failed, still one row)
        from client.events import MessageFailed

        refusals: list[MessageFailed] = []
        bridge.run_sync(lambda: session.client.subscribe(
            lambda e: refusals.append(e) if isinstance(e, MessageFailed) else None))
        acts["retry"].trigger()
        qtbot.waitUntil(lambda: len(refusals) == 1, timeout=TIMEOUT)
        assert refusals[0].message_id.hex() == row.message_id
        qtbot.waitUntil(lambda: failed_row() is not None, timeout=TIMEOUT)
        assert len([r for r in w.conv_model.rows() if r.text.startswith("yyy")]) == 1

        # discard (confirmed): the row leaves the window and the device
        monkeypatch.setattr(QMessageBox, "question",
                            lambda *a, **k: QMessageBox.StandardButton.Yes)
        acts["discard"].trigger()
        qtbot.waitUntil(lambda: failed_row() is None, timeout=TIMEOUT)
        cid = bytes.fromhex(w.current)
        assert not [m for m in bridge.run_sync(lambda: session.client.messages(cid))
                    if m.text.startswith("yyy")]
        # the other side never got it
        bridge.run_sync(other.client.sync)
        assert [m.text for m in bridge.run_sync(lambda: other.client.messages(cid))] == []
    finally:
        w.close()
        bridge.run_sync(session.close)
        bridge.run_sync(other.close)


def test_offline_send_in_the_app_is_delivered_once_when_the_relay_is_back(
        relay_venue, bridge, qtbot) -> None:  # type: ignore[no-untyped-def]
    from ui.delegates.message import footer_text
    from ui.session import open_session
    from ui.views.main_window import MainWindow

    v = relay_venue
    homes = {n: v.layout.home(n) for n in ("alderia-ana", "borduria-ana")}

    async def start():  # type: ignore[no-untyped-def]
        b = open_session(homes["borduria-ana"], v.layout.relay_url,
                         passphrase=v.layout.passphrase, kdf=demo_kdf())
        await b.client.sync()
        s = open_session(homes["alderia-ana"], v.layout.relay_url,
                         passphrase=v.layout.passphrase, kdf=demo_kdf())
        await s.client.sync()
        await s.client.create_channel("bilateral", "alderia-borduria", ["borduria"])
        await b.client.sync()
        await s.start()
        return s, b

    session, other = bridge.run_sync(start)
    bridge.forward_events(session.client)
    w = MainWindow(bridge, session)
    qtbot.addWidget(w)
    w.show()
    try:
        qtbot.waitUntil(lambda: bool(w.current) and w.connection.text() == "Connected",
                        timeout=TIMEOUT)
        v.relay.kill9()
        qtbot.waitUntil(lambda: w.connection.text().startswith("Offline"), timeout=TIMEOUT)
        w.send_text("typed while offline")

        def row() -> MessageView | None:
            return next((r for r in w.conv_model.rows() if r.text == "typed while offline"),
                        None)

        qtbot.waitUntil(lambda: row() is not None, timeout=TIMEOUT)
        r = row()
        assert r is not None and r.sending and "sending…" in footer_text(r)

        v.relay.start()
        qtbot.waitUntil(lambda: w.connection.text() == "Connected", timeout=TIMEOUT)
        qtbot.waitUntil(lambda: (x := row()) is not None and not x.sending, timeout=TIMEOUT)
        r = row()
        assert r is not None and not r.failed and "sending" not in footer_text(r)
        cid = bytes.fromhex(w.current)
        bridge.run_sync(other.client.sync)
        assert [m.text for m in bridge.run_sync(lambda: other.client.messages(cid))] == [
            "typed while offline"]
    finally:
        w.close()
        bridge.run_sync(session.close)
        bridge.run_sync(other.close)
