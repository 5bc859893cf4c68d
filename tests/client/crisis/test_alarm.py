# SPDX-License-Identifier: Apache-2.0
"""The hotline alarm: a critical desktop notification (seen by a fake notification
server on a private session bus), repeated until a person acknowledges, then withdrawn."""

from __future__ import annotations

import secrets
import shutil
import time

import pytest

from client.crisis import hotline as hl
from client.crisis.alarm import Alarm, DesktopNotifier
from client.crisis.book import CallView
from client.crisis.records import HotlineCall, LadderStep, Priority, Rung
from tests.client.crisis.fake_notifications import notification_server, session_bus
from tests.client.crisis.pki import MIN, T0_MS

pytestmark = pytest.mark.skipif(shutil.which("dbus-daemon") is None,
                                reason="needs dbus-daemon")


def _view(call: HotlineCall, steps: list[LadderStep], now_ms: int) -> CallView:
    lad = hl.ladder(call, steps)
    return CallView(b"c" * 16, call, lad, hl.escalation(call, None, lad, now_ms))


def _wait(cond: object, timeout: float = 30.0) -> None:  # a loaded runner is slow
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if cond():  # type: ignore[operator]
            return
        time.sleep(0.02)
    raise AssertionError("timed out")


def test_flash_call_rings_critically_until_acknowledged() -> None:
    call = hl.new_call(call_id=secrets.token_bytes(16), caller="alderia/ana",
                       to_mission="borduria", priority=Priority.FLASH, subject="Shots fired",
                       sent_at=T0_MS)
    with session_bus(), notification_server() as seen:
        notifier = DesktopNotifier()
        alarm = Alarm()
        t = T0_MS / 1000
        ringing = [_view(call, [], T0_MS)]
        assert [r.count for r in alarm.run(notifier, ringing, t)] == [1]
        assert alarm.run(notifier, ringing, t + 10) == []  # not yet: every 30 s
        assert [r.count for r in alarm.run(notifier, ringing, t + 30)] == [2]
        assert [r.count for r in alarm.run(notifier, ringing, t + 61)] == [3]
        _wait(lambda: len(seen.notify) == 3)
        with seen.lock:
            app, replaces, _icon, title, body, actions, hints, expire = seen.notify[0]
            assert app == "Corridor" and replaces == 0 and expire == 0
            assert hints["urgency"] == ("y", 2)  # critical
            assert "FLASH hotline call from alderia/ana" in title and "Shots fired" in body
            assert actions == ["acknowledge", "Acknowledge"]
            first_id = seen.notify[0][1] or 1
            assert [n[1] for n in seen.notify[1:]] == [first_id, first_id]  # replaced
        # a person of the called mission acknowledges (on another device): it stops
        ack = LadderStep(call_id=call.call_id, rung=Rung.ACKNOWLEDGED, member="borduria/ben",
                         at=T0_MS + 62_000)
        acked = _view(call, [ack], T0_MS + 63_000)
        assert acked.escalation.ringing == ()
        assert alarm.run(notifier, [], t + 63) == []
        _wait(lambda: seen.closed == [first_id])
        assert alarm.run(notifier, [], t + 10 * MIN) == []
        with seen.lock:
            assert len(seen.notify) == 3
        notifier.close()
