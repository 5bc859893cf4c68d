# SPDX-License-Identifier: Apache-2.0
"""Notifications (offscreen, real window, core and relay of the demo venue, a private
session bus with a fake freedesktop notification server): a message from another
mission notifies with a sound; a muted channel stays silent for ordinary messages but a
message asking for an acknowledgement breaks through; the mute is kept in the device's
store, where ``corridor mute`` reads and writes it too."""

from __future__ import annotations

import shutil
import time

import pytest

from client.core.facade import Client
from client.mute import breaks_through, muted, set_muted
from client.store.memory import MemoryStore
from demo.live import demo_kdf
from tests.client.crisis.fake_notifications import notification_server, session_bus
from tests.support.ui_windows import TIMEOUT


def test_only_emergencies_and_acknowledgement_requests_break_through() -> None:
    assert breaks_through("emergency", False) and breaks_through("text", True)
    assert not breaks_through("text", False) and not breaks_through("reaction", False)


def test_mute_is_kept_per_channel() -> None:
    store = MemoryStore()
    assert muted(store) == frozenset()  # type: ignore[arg-type]
    assert set_muted(store, "aa", True) and not set_muted(store, "aa", True)  # type: ignore[arg-type]
    assert set_muted(store, "bb", True)  # type: ignore[arg-type]
    assert muted(store) == {"aa", "bb"}  # type: ignore[arg-type]
    assert set_muted(store, "aa", False) and muted(store) == {"bb"}  # type: ignore[arg-type]


@pytest.mark.skipif(shutil.which("dbus-daemon") is None, reason="needs dbus-daemon")
def test_desktop_notifications_sound_mute_and_break_through(
        open_window, venue, qtbot) -> None:  # type: ignore[no-untyped-def]
    with session_bus(), notification_server() as seen:
        w = open_window(0)
        assert w.desktop is not None  # the fake server answered
        me = w.session.client
        homes = venue.info.layout["homes"]
        mine = str(w.bridge.run_sync(me.identity)["mission_id"])
        other = next(n for n, h in homes.items() if h["mission"] != mine)

        async def open_other() -> Client:
            c = Client.open(venue.info.home(other), venue.relay_url(),
                            passphrase=venue.info.passphrase, kdf=demo_kdf())
            await c.sync()
            return c

        them = w.bridge.run_sync(open_other)
        # a channel of its own, so no other test's traffic shares a batch with ours (the
        # window notifies a few messages per batch, not a burst of them)
        name = f"notify-{time.monotonic_ns() % 100000}"
        theirs = str(w.bridge.run_sync(them.identity)["mission_id"])

        async def create() -> str:
            cid = await me.create_channel("multilateral", name, [mine, theirs])
            await me.sync()
            await them.sync()
            return cid

        target = w.bridge.run_sync(create)
        qtbot.waitUntil(lambda: w.channel_model.channel(target) is not None, timeout=TIMEOUT)
        w.notifications = True  # the user's setting, whatever an earlier test saved

        def say(text: str, ack: bool = False) -> None:
            async def send() -> None:
                await them.send_text(target, text, requires_ack=ack)
                await them.sync()
            w.bridge.run_sync(send)
            qtbot.waitUntil(lambda: text in w.bridge.run_sync(
                lambda: [m.text for m in me.messages(target, limit=20)]), timeout=TIMEOUT)

        def notes() -> list[tuple[object, ...]]:
            with seen.lock:
                return list(seen.notify)

        def ours() -> int:  # this channel's notifications (summary: the channel's name)
            return sum(1 for n in notes() if n[3] == name)

        try:
            say("an ordinary message")
            qtbot.waitUntil(lambda: any(n[3] == name for n in notes()), timeout=TIMEOUT)
            note = next(n for n in notes() if n[3] == name)
            assert note[6]["sound-name"][1] == "message-new-instant"  # type: ignore[index]

            current = w.current
            w.open_channel(target)
            w.set_muted(True)
            assert w.mute_action.isChecked()
            w.open_channel(current)
            assert not w.mute_action.isChecked()
            qtbot.waitUntil(lambda: target in w.bridge.run_sync(me.muted_channels),
                            timeout=TIMEOUT)

            before = ours()
            say("more chatter")
            say("please acknowledge", ack=True)
            # the window handles messages in order: once the acknowledgement request has
            # notified (it breaks through), the chatter before it was handled, silently
            qtbot.waitUntil(lambda: ours() > before, timeout=TIMEOUT)
            assert ours() == before + 1

            w.open_channel(target)
            w.set_muted(False)
            qtbot.waitUntil(lambda: target not in w.bridge.run_sync(me.muted_channels),
                            timeout=TIMEOUT)
            w.open_channel(current)
        finally:
            w.bridge.run_sync(them.close)
