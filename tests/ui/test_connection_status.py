"""The status bar tells the truth about the relay connection: a real relay process on
127.0.0.1 is killed under an open window and started again on the same port and data.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from client.ui_support import Row, demo_kdf

TIMEOUT = 15000


@pytest.fixture
def relay_venue(tmp_path: Path):  # type: ignore[no-untyped-def]
    from tests.client.test_network import small_venue

    v, _flag = small_venue(tmp_path)
    yield v
    v.relay.stop()


def test_status_goes_offline_and_back_to_connected(relay_venue, bridge, qtbot) -> None:  # type: ignore[no-untyped-def]
    from ui.session import open_session
    from ui.views.main_window import MainWindow

    v = relay_venue
    home = v.layout.home("alderia-ana")

    async def start():  # type: ignore[no-untyped-def]
        s = open_session(home, v.layout.relay_url, passphrase=v.layout.passphrase,
                         kdf=demo_kdf())
        await s.start()
        return s

    session = bridge.run_sync(start)
    bridge.forward_events(session.client)
    w = MainWindow(bridge, session)
    qtbot.addWidget(w)
    w.show()
    try:
        label = w.connection
        # not "Connecting…" for long: the push loop reports its first connection
        qtbot.waitUntil(lambda: label.text() == "Connected", timeout=TIMEOUT)

        v.relay.kill9()
        qtbot.waitUntil(lambda: label.text().startswith("Offline"), timeout=TIMEOUT)
        assert not bridge.run_sync(lambda: session.client.connected.is_set())

        v.relay.start()
        # and not "Offline" once the relay is back (it reconnects by itself)
        qtbot.waitUntil(lambda: label.text() == "Connected", timeout=TIMEOUT)
        assert bridge.run_sync(lambda: session.client.connected.is_set())
    finally:
        w.close()
        bridge.run_sync(session.close)


def test_failed_message_footer_says_why() -> None:
    from ui.delegates.message import footer_text

    row = Row("00" * 16, 1, "alderia/ana", "text", "hi", 0, True, sending=False,
              failed="messages are limited to 4096 bytes")
    assert "failed: messages are limited to 4096 bytes" in footer_text(row)
    assert "sending" not in footer_text(row)
    queued = Row("00" * 16, 1, "alderia/ana", "text", "hi", 0, True, sending=True)
    assert "sending…" in footer_text(queued) and "failed" not in footer_text(queued)
