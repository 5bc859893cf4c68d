# SPDX-License-Identifier: Apache-2.0
"""The app shows what the core warns of, and keeps showing it while it lasts: a channel
the relay stopped routing to this device (THREATS 22) carries a warning icon in the
sidebar and a banner above its messages; a certificate near its end (THREATS 24) puts
a banner with the renewal advice over the window."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from client import health
from tests.support.ui_windows import TIMEOUT
from ui.models import roles


def _route(relay_dir: Path, channel_id: str, device_id: str, routed: bool) -> None:
    gid = bytes.fromhex(channel_id)
    with sqlite3.connect(relay_dir / "relay.sqlite3", timeout=30) as db:
        db.execute(
            "UPDATE members SET left_seq = " + ("NULL" if routed else
                                                "(SELECT last_seq FROM groups WHERE group_id = ?)")
            + " WHERE group_id = ? AND device_id = ?",
            (gid, device_id) if routed else (gid, gid, device_id))


def test_a_channel_cut_off_by_the_relay_shows_a_warning_until_routed_again(
        open_window, venue, bridge, qtbot) -> None:  # type: ignore[no-untyped-def]
    w = open_window(0)
    client = w.session.client
    other = next(m for m in venue.info.layout["missions"] if m != w.adapter.my_mission)
    cid = bridge.run_sync(lambda: client.create_channel("multilateral", "Routing watch",
                                                        [other]))
    qtbot.waitUntil(lambda: w.channel_model.channel(cid) is not None, timeout=TIMEOUT)
    w.open_channel(cid)
    assert not w.routing_banner.isVisible()
    assert not w.channel_model.index_of(cid).data(roles.WARNING)
    relay_dir = Path(venue.info.layout["relay_dir"])
    _route(relay_dir, cid, client.device_id, False)
    try:
        bridge.run_sync(client.sync)
        qtbot.waitUntil(lambda: bool(w.channel_model.channel(cid).routing_warning),
                        timeout=TIMEOUT)
        idx = w.channel_model.index_of(cid)
        assert "no longer delivers" in idx.data(roles.WARNING)
        assert idx.data(Qt.ItemDataRole.DecorationRole) is not None
        assert "Warning:" in idx.data(Qt.ItemDataRole.ToolTipRole)
        assert "routing warning" in idx.data(Qt.ItemDataRole.AccessibleTextRole)
        qtbot.waitUntil(w.routing_banner.isVisible, timeout=TIMEOUT)
        assert "no longer delivers" in w.routing_banner.text()
    finally:
        _route(relay_dir, cid, client.device_id, True)
    bridge.run_sync(client.sync)
    qtbot.waitUntil(lambda: not w.channel_model.channel(cid).routing_warning, timeout=TIMEOUT)
    qtbot.waitUntil(lambda: not w.routing_banner.isVisible(), timeout=TIMEOUT)
    assert w.channel_model.index_of(cid).data(Qt.ItemDataRole.DecorationRole) is None


def test_a_certificate_near_its_end_shows_the_renewal_advice(
        open_window, qtbot, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    w = open_window(0)
    assert not w.device_banner.isVisible()
    monkeypatch.setattr(health, "EXPIRY_WARNING_DAYS", 10_000)  # every chain is "near"
    w.load()
    qtbot.waitUntil(w.device_banner.isVisible, timeout=TIMEOUT)
    assert "corridor mission sign-device" in w.device_banner.text()
    monkeypatch.setattr(health, "EXPIRY_WARNING_DAYS", 14)
    w.load()
    qtbot.waitUntil(lambda: not w.device_banner.isVisible(), timeout=TIMEOUT)
