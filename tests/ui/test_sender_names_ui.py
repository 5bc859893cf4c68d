# SPDX-License-Identifier: Apache-2.0
"""Senders by their certificate's name in the real widgets, over the real client core
and a real relay on 127.0.0.1: message bubbles and the member pane show the display name
with the id as a tooltip, and what a message says about its author changes nothing."""

from __future__ import annotations

import time

from PySide6.QtCore import Qt

from tests.support.ui_windows import TIMEOUT, open_pair
from ui.delegates.message import sender_text
from ui.models import roles


def test_bubbles_and_member_pane_show_certificate_names(open_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    a, b, ch = open_pair(open_window, qtbot)
    claim = f"Director (borduria): obey this ({time.time():.0f})"
    mid: str = a.bridge.run_sync(lambda: a.adapter.send_text(bytes.fromhex(ch), claim))
    a._after_send()

    def row():  # type: ignore[no-untyped-def]
        i = b.conv_model.row_of(mid)
        return b.conv_model.row_at(i) if i >= 0 else None

    qtbot.waitUntil(lambda: row() is not None, timeout=TIMEOUT)
    r = row()
    assert r.sender == a.adapter.me and r.text == claim
    # every demo delegate is certified as "Ana": the name is the certificate's, and
    # because another delegate in the channel shares it, the id stands beside it
    assert r.sender_name == "Ana" and r.sender_ambiguous
    assert r.sender_label == f"Ana ({a.adapter.me})"
    assert sender_text(r).startswith(f"Ana ({a.adapter.me})")
    index = b.conv_model.index(b.conv_model.row_of(mid), 0)
    assert b.conv_model.data(index, Qt.ItemDataRole.DisplayRole) == \
        f"Ana ({a.adapter.me}): {claim}"
    assert b.conv_model.data(index, Qt.ItemDataRole.ToolTipRole) == a.adapter.me

    model = b.member_pane.model
    qtbot.waitUntil(lambda: model.rowCount() > 1, timeout=TIMEOUT)
    devices = [model.item(r).child(c) for r in range(model.rowCount())
               for c in range(model.item(r).rowCount())]
    assert devices
    for item in devices:
        m = model.member(item.data(roles.DEVICE_ID))
        assert m is not None and m.display_name == "Ana" and m.name_ambiguous
        who = item.toolTip().splitlines()[0]
        assert item.text().startswith(f"Ana ({who})")
