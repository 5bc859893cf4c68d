# SPDX-License-Identifier: Apache-2.0
"""A message's classification marking chosen in the composer, over the real client core
and a real relay on 127.0.0.1: the box offers only the levels the channel's ceiling
allows, a marked message arrives marked on the other mission's window, copying it
carries the marking line, and the box falls back to the lowest level after each send
(a higher marking is chosen deliberately, message by message)."""

from __future__ import annotations

import time

from PySide6.QtGui import QGuiApplication

from tests.support.ui_windows import TIMEOUT, open_pair


def test_a_message_marked_in_the_composer_arrives_marked(open_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    a, b, ch = open_pair(open_window, qtbot)
    info = next(c for c in a.channel_model.channels() if c.channel_id == ch)
    allowed: tuple[str, ...] = a.bridge.run_sync(
        lambda: a.adapter.client.engine.levels_allowed(bytes.fromhex(ch)))
    combo = a.composer.marking
    assert [combo.itemText(i) for i in range(combo.count())] == list(allowed)
    assert len(allowed) > 1 and len(allowed) < len(info.levels)  # the ceiling cuts it
    assert combo.isVisibleTo(a) and combo.currentIndex() == 0

    top = allowed[-1]
    text = f"marked in the composer ({time.time():.0f})"
    combo.setCurrentText(top)
    a.composer.editor.setPlainText(text)
    a.composer.send_button.click()
    assert combo.currentText() == allowed[0]  # back to the lowest for the next message

    def arrived():  # type: ignore[no-untyped-def]
        return next((r for r in b.conv_model.rows() if r.text == text), None)

    qtbot.waitUntil(lambda: arrived() is not None, timeout=TIMEOUT)
    row = arrived()
    assert row.marking == top
    b.conversation.setCurrentIndex(b.conv_model.index(b.conv_model.row_of(row.message_id), 0))
    b.conversation.actions_by_name["copy"].trigger()
    assert QGuiApplication.clipboard().text() == f"{top}\n{text}"
