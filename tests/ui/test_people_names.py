# SPDX-License-Identifier: Apache-2.0
"""Wherever a conversation names a person in passing, it writes them as the member pane
does: who read an own message (the bubble's "read by"), who reacted (the bubble's
tooltip), who set the disappearing-message timer, who posted the pinned agenda. The
verified certificate's name alone when it singles the delegate out, the id beside a name
that clashes, the bare id when no certificate names them; never a name a message chose."""

from __future__ import annotations

import time

from PySide6.QtCore import Qt

from client.model import MessageView
from tests.support.ui_windows import TIMEOUT, channel_of
from ui.delegates.message import footer_text
from ui.models.conversation import ConversationModel

#: how the core's view names the readers and reactors it knows (MessageView.people):
#: Ben is the only Ben, Ana shares her name with another member, Eve has no certificate
#: name (she is left out and keeps her id)
PEOPLE = (("borduria/ben", "Ben"), ("carpathia/ana", "Ana (carpathia/ana)"))


def _row(**kw: object) -> MessageView:
    return MessageView("ab" * 16, "alderia/ana", "text", "Please confirm", 0, 1, True, 1,
                       people=PEOPLE, **kw)  # type: ignore[arg-type]


def test_read_by_names_the_readers_as_the_member_pane_does() -> None:
    row = _row(read_by=("borduria/ben", "carpathia/ana", "dalmatia/eve"))
    assert "read by Ben, Ana (carpathia/ana), dalmatia/eve" in footer_text(row)
    assert "borduria/ben" not in footer_text(row)


def test_the_bubble_tooltip_says_who_reacted_by_name(qtbot) -> None:  # type: ignore[no-untyped-def]
    model = ConversationModel()
    row = _row(reactions=(("✔", ("borduria/ben", "dalmatia/eve")),
                          ("★", ("carpathia/ana",))))
    model.reset_channel("cd" * 16, [row], False, None, 0)
    tip = model.data(model.index(0, 0), Qt.ItemDataRole.ToolTipRole)
    # the sender's id first (behind the name the bubble shows), then who reacted
    assert tip == "alderia/ana\n✔ Ben, dalmatia/eve\n★ Ana (carpathia/ana)"
    model.reset_channel("cd" * 16, [_row()], False, None, 0)  # no reactions: the id alone
    assert model.data(model.index(0, 0), Qt.ItemDataRole.ToolTipRole) == "alderia/ana"


def test_read_by_timer_and_agenda_by_name_in_the_real_window(open_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    """Over the real core and relay: every demo delegate is certified "Ana", so each is
    written "Ana (mission/delegate)", never the bare id."""
    a, b = open_window(0), open_window(1)
    ch = channel_of(a, "multilateral")
    a.open_channel(ch)
    qtbot.waitUntil(lambda: a.conv_model.channel_id == ch, timeout=TIMEOUT)
    text = f"Please confirm the convoy ({time.time():.0f})"
    mid: str = a.bridge.run_sync(lambda: a.adapter.send_text(bytes.fromhex(ch), text,
                                                             requires_ack=True))
    a._after_send()
    b.open_channel(ch)  # shows the message: a read receipt goes back

    def footer() -> str:
        i = a.conv_model.row_of(mid)
        return footer_text(a.conv_model.row_at(i)) if i >= 0 else ""

    reader = f"Ana ({b.adapter.me})"
    qtbot.waitUntil(lambda: reader in footer(), timeout=TIMEOUT)
    assert f"read by {b.adapter.me}" not in footer()

    # the pinned agenda the chair posted (the demo seeds one): its poster by name
    qtbot.waitUntil(lambda: "posted by" in a.notice_board.meta.text(), timeout=TIMEOUT)
    assert f"posted by Ana ({a.adapter.me})" in a.notice_board.meta.text()
    assert a.notice_board.meta.toolTip() == a.adapter.me

    # the timer, set by the other delegate, by their name
    b.bridge.run_sync(lambda: b.adapter.set_timer(bytes.fromhex(ch), 3600))
    qtbot.waitUntil(lambda: a.timer_label.isVisible() and reader in a.timer_label.text(),
                    timeout=TIMEOUT)
    assert f"(set by {reader})" in a.timer_label.text()
    b.bridge.run_sync(lambda: b.adapter.set_timer(bytes.fromhex(ch), None))


def test_the_verification_dialog_names_whom_to_compare_with(open_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    a, b = open_window(0), open_window(1)
    ch = channel_of(a, "multilateral")
    a.open_channel(ch)
    device = b.adapter.client.device_id
    qtbot.waitUntil(lambda: a.member_pane.model.member(device) is not None, timeout=TIMEOUT)
    dlg = a.open_verification(device)
    assert dlg is not None
    # the name their certificate gives, with the id of the one delegate it belongs to
    assert dlg.windowTitle() == f"Verify Ana ({b.adapter.me})"
    assert f"Their device: Ana ({b.adapter.me})" in dlg.pair.text()
    dlg.reject()
