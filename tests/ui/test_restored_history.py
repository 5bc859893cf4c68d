# SPDX-License-Identifier: Apache-2.0
"""A restored history archive read inside the app (real relay, real devices): a
delegate's new device joins after the history was written, restores the old device's
backup from the app, and the channel's earlier messages show in the conversation above
what the new device received itself, each once; a page altered on disk is left out."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import nacl.pwhash
import pytest

from client.backup import back_up
from client.core import Client
from client.payloads import now_ms
from demo.live import LiveDemo, demo_kdf
from demo.venue import DemoLayout, add_device
from tests.support.ui_windows import session_window

TIMEOUT = 30000
EARLY = "Thank you. I suggest we take item 2 first."  # seeded by the demo, as the chair
LATE = "Said after the new device joined."
FAST = (nacl.pwhash.argon2id.OPSLIMIT_MIN, nacl.pwhash.argon2id.MEMLIMIT_MIN)


@pytest.fixture(scope="module")
def forum(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveDemo]:
    demo = LiveDemo(tmp_path_factory.mktemp("restore"), missions=2, delegates=1,
                    emergency=False, name="Restore Forum")
    demo.provision()
    yield demo
    demo.stop()


def _layout(demo: LiveDemo) -> DemoLayout:
    assert demo.info is not None
    d = demo.info.layout
    return DemoLayout(Path(d["data_dir"]), Path(d["relay_dir"]), int(d["port"]),
                      demo.info.passphrase, d["root_fingerprint"], d["missions"],
                      d["homes"], d["channels"], d["chair"])


def test_restored_messages_show_in_the_conversation(forum: LiveDemo, bridge, qtbot,  # type: ignore[no-untyped-def]
                                                    tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("CORRIDOR_INSECURE_FAST_KDF", "1")
    info = forum.info
    assert info is not None
    layout = _layout(forum)
    old_name = info.user
    home = layout.homes[old_name]
    new_name = add_device(layout, home["mission"], home["delegate"])
    wg = forum.channel("multilateral")
    pw = info.passphrase

    def open_client(name: str) -> Client:
        return Client.open(layout.home(name), forum.relay_url(), passphrase=pw,
                           kdf=demo_kdf())

    async def join_and_back_up() -> bytes:
        old, new = open_client(old_name), open_client(new_name)
        try:
            await new.sync()  # registers, publishes KeyPackages
            await old.sync()  # a device of the same mission adds it to every channel
            await new.sync()  # joins: the history before is not available to it
            assert EARLY not in [m.text for m in new.messages(wg)]
            data, _n = back_up(old, "a long passphrase", now_ms(), strength=FAST)
            await old.send_text(wg, LATE)
            await old.sync()
            await new.sync()
            return data
        finally:
            await old.close()
            await new.close()

    backup = tmp_path / "old-device.backup"
    backup.write_bytes(bridge.run_sync(join_and_back_up))

    w, session = session_window(bridge, qtbot, layout.home(new_name), forum.relay_url(), pw)
    try:
        qtbot.waitUntil(lambda: bool(w.current), timeout=TIMEOUT)
        w.open_channel(wg)
        qtbot.waitUntil(lambda: w.conv_model.channel_id == wg
                        and LATE in [r.text for r in w.conv_model.rows()], timeout=TIMEOUT)
        assert EARLY not in [r.text for r in w.conv_model.rows()]

        w.restore(backup, "a long passphrase")  # Corridor > Restore history…
        qtbot.waitUntil(lambda: "Restored" in w.statusBar().currentMessage(), timeout=TIMEOUT)
        qtbot.waitUntil(lambda: EARLY in [r.text for r in w.conv_model.rows()],
                        timeout=TIMEOUT)
        texts = [r.text for r in w.conv_model.rows()]
        assert texts.index(EARLY) < texts.index(LATE)  # the archive above the device's own
        assert texts.count(EARLY) == 1 and texts.count(LATE) == 1
        early = w.conv_model.rows()[texts.index(EARLY)]
        assert early.own and early.sender_name  # the chair's own, named by certificate
        positions = [r.position for r in w.conv_model.rows()]
        assert positions == sorted(positions)

        # a page altered on disk does not verify: it is left out, never shown
        for page in (layout.home(new_name) / "archive").glob("*.html"):
            page.write_text(page.read_text(encoding="utf-8").replace(EARLY, EARLY + "!"),
                            encoding="utf-8")
        w.open_channel(wg)
        qtbot.waitUntil(lambda: LATE in [r.text for r in w.conv_model.rows()]
                        and w.conv_model.channel_id == wg, timeout=TIMEOUT)
        qtbot.waitUntil(lambda: not any(r.text.startswith(EARLY)
                                        for r in w.conv_model.rows()), timeout=TIMEOUT)
    finally:
        w.close()
        bridge.run_sync(session.close)
