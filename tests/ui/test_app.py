# SPDX-License-Identifier: Apache-2.0
"""The real widgets over the real client core and a real relay on 127.0.0.1."""

from __future__ import annotations

import os
import time

from PySide6.QtCore import QSize, Qt

from client.model import MessageView
from client.trust import safety_number
from tests.support.ui_windows import TIMEOUT, channel_of, texts_of
from ui.models import roles


def test_message_typed_in_one_window_appears_in_the_other(open_window, qtbot) -> None:
    chair, other = open_window(0), open_window(1)
    wg = channel_of(chair, "multilateral")
    chair.open_channel(wg)
    other.open_channel(wg)
    qtbot.waitUntil(lambda: other.conv_model.channel_id == wg, timeout=TIMEOUT)
    text = f"Shall we meet at {time.time():.0f}?"
    chair.composer.editor.setFocus()
    qtbot.keyClicks(chair.composer.editor, text)
    qtbot.keyClick(chair.composer.editor, Qt.Key.Key_Return)
    assert chair.composer.editor.toPlainText() == ""
    qtbot.waitUntil(lambda: text in texts_of(other), timeout=TIMEOUT)
    qtbot.waitUntil(lambda: text in texts_of(chair), timeout=TIMEOUT)
    row = other.conv_model.rows()[texts_of(other).index(text)]
    assert row.sender == chair.adapter.me and not row.own
    # and the other way, with a reply that shows what it answers
    other.conversation.setCurrentIndex(other.conv_model.index(texts_of(other).index(text), 0))
    other.conversation.actions_by_name["reply"].trigger()
    qtbot.keyClicks(other.composer.editor, "Yes, at noon.")
    qtbot.keyClick(other.composer.editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "Yes, at noon." in texts_of(chair), timeout=TIMEOUT)
    reply = chair.conv_model.rows()[texts_of(chair).index("Yes, at noon.")]
    assert reply.reply_excerpt == text[:80]


def test_a_non_chair_has_no_way_to_post_in_a_notice_channel(open_window, qtbot) -> None:
    chair, other = open_window(0), open_window(1)
    assert chair.is_chair and not other.is_chair
    notice = channel_of(other, "notice")
    other.open_channel(notice)
    qtbot.waitUntil(lambda: other.conv_model.channel_id == notice, timeout=TIMEOUT)
    c = other.composer
    assert not c.editor.isVisible() and not c.editor.isEnabled()
    assert not c.send_button.isVisible() and not c.send_button.isEnabled()
    assert c.readonly_note.isVisible() and "chair" in c.readonly_note.text()
    other.conversation.setFocus()
    if other.conv_model.rowCount():
        other.conversation.setCurrentIndex(other.conv_model.index(0, 0))
    acts = other.conversation.actions_by_name
    assert not any(acts[n].isEnabled() for n in ("reply", "edit", "redact", "ack", "react1"))
    assert not other.agenda_action.isEnabled() and not other.emergency_action.isEnabled()
    # the wizard does not offer the notice kind either
    assert not other.is_chair
    # the chair, in the same channel, can
    chair.open_channel(channel_of(chair, "notice"))
    qtbot.waitUntil(lambda: chair.conv_model.channel_id == channel_of(chair, "notice"),
                    timeout=TIMEOUT)
    assert chair.composer.editor.isVisible() and chair.composer.send_button.isEnabled()


def test_acknowledging_an_emergency_call_updates_the_chairs_tracker(open_window, qtbot) -> None:
    chair, other = open_window(0), open_window(1)
    target = chair.emergency_channel()
    assert target
    chair.convene(target, int(time.time() * 1000) + 1800_000, "Room B", agenda="Incident")
    qtbot.waitUntil(lambda: chair.banner.isVisible() and chair.banner.status is not None
                    and chair.banner.status.text == "Incident", timeout=TIMEOUT)
    status = chair.banner.status
    assert status is not None
    mid = status.message_id
    other_mission = other.adapter.my_mission
    assert other_mission in chair.banner.tracker_model.waiting()
    assert not chair.banner.ack_button.isVisible()  # the caller's own mission
    qtbot.waitUntil(lambda: other.banner.status is not None
                    and other.banner.status.message_id == mid
                    and other.banner.ack_button.isVisible(), timeout=TIMEOUT)
    qtbot.mouseClick(other.banner.ack_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: other_mission not in chair.banner.tracker_model.waiting(),
                    timeout=TIMEOUT)
    status = chair.banner.status
    assert status is not None and status.message_id == mid
    assert status.answered[other_mission] == other.adapter.me
    assert status.waiting  # the third mission has not answered: the tracker says so
    assert status.waiting[0] in chair.banner.summary.text()
    # who acknowledged, by the name their certificate gives, as the member pane writes
    # it: every delegate here is "Ana", so the id stands beside the name
    m = chair.banner.tracker_model
    [row] = [i for i in (m.index(r, 0) for r in range(m.rowCount()))
             if i.data().startswith(f"✓ {other_mission} ")]
    assert row.data() == f"✓ {other_mission} — acknowledged by Ana ({other.adapter.me})"
    assert row.data(Qt.ItemDataRole.ToolTipRole) == other.adapter.me
    qtbot.waitUntil(lambda: not other.banner.ack_button.isVisible(), timeout=TIMEOUT)


def test_the_verification_dialog_shows_the_same_fingerprint_on_both_sides(open_window,
                                                                         qtbot) -> None:
    a, b = open_window(0), open_window(1)
    bil = channel_of(a, "multilateral")
    a.open_channel(bil)
    b.open_channel(bil)
    qtbot.waitUntil(lambda: a.member_pane.model.member(b.adapter.client.device_id) is not None
                    and b.member_pane.model.member(a.adapter.client.device_id) is not None,
                    timeout=TIMEOUT)
    da = a.open_verification(b.adapter.client.device_id)
    db = b.open_verification(a.adapter.client.device_id)
    assert da is not None and db is not None
    assert da.words == db.words and len(da.words) == 16
    assert da.hex_label.text() == db.hex_label.text()
    assert da.qr.matrix and da.qr.matrix == db.qr.matrix
    # a different pair of devices reads differently
    third = next(m for m in a.member_pane.model.members if not m.own
                 and m.device_id != b.adapter.client.device_id)
    words, _hex = safety_number(a.adapter.device_key(), bytes.fromhex(third.device_id))
    assert words != da.words
    da.accept()
    assert b.adapter.client.device_id in a.verified
    item = a.member_pane.model
    marks = [item.item(i).child(j).data(roles.VERIFIED)
             for i in range(item.rowCount()) for j in range(item.item(i).rowCount())
             if item.item(i).child(j).data(roles.DEVICE_ID) == b.adapter.client.device_id]
    assert marks == [True]
    db.reject()


def test_the_app_restarts_into_the_same_state(open_window, qtbot) -> None:
    w = open_window(2)
    caucus = [c for c in w.channel_model.channels() if c.kind != "notice"][-1].channel_id
    w.open_channel(caucus)
    qtbot.waitUntil(lambda: w.conv_model.channel_id == caucus, timeout=TIMEOUT)
    w.resize(QSize(780, 560))  # within the offscreen screen (800x600)
    w.set_theme("dark")
    w.verified.add("ab" * 32)
    sizes = w.splitter.sizes()
    size = w.size()
    rows_before = [r.message_id for r in w.conv_model.rows()]
    open_window.close(w)
    again = open_window(2)
    assert again.current == caucus
    assert again.size() == size
    assert again.theme == "dark" and again.dark
    assert "ab" * 32 in again.verified
    assert all(abs(a - b) <= 8 for a, b in zip(again.splitter.sizes(), sizes, strict=True))
    assert [r.message_id for r in again.conv_model.rows()] == rows_before
    again.set_theme("system")


def test_hotline_acknowledgement_and_unread_badges(open_window, venue, qtbot) -> None:
    chair, other = open_window(0), open_window(1)
    bil = channel_of(other, "multilateral")
    chair.open_channel(channel_of(chair, "notice"))
    other.open_channel(bil)
    qtbot.waitUntil(lambda: other.conv_model.channel_id == bil, timeout=TIMEOUT)
    other.composer.needs_ack.setChecked(True)
    other.send_text("Hotline check, please acknowledge", requires_ack=True)
    qtbot.waitUntil(lambda: chair.hotline.isVisible() and any(
        p.text == "Hotline check, please acknowledge" for p in chair.hotline.pending),
        timeout=TIMEOUT)
    qtbot.waitUntil(lambda: chair.channel_model.unread(bil) >= 1, timeout=TIMEOUT)
    group = chair.channel_model.index_of(bil).parent()
    assert group.data(roles.UNREAD) >= 1
    pending = next(p for p in chair.hotline.pending
                   if p.text == "Hotline check, please acknowledge")
    chair.acknowledge(pending.channel_id, pending.message_id)
    qtbot.waitUntil(lambda: not any(p.message_id == pending.message_id
                                    for p in chair.hotline.pending), timeout=TIMEOUT)
    qtbot.waitUntil(lambda: any(r.message_id == pending.message_id and r.acked_missions
                                for r in other.conv_model.rows()), timeout=TIMEOUT)
    chair.open_channel(bil)
    qtbot.waitUntil(lambda: chair.channel_model.unread(bil) == 0, timeout=TIMEOUT)


def test_local_search_finds_and_opens_a_message(open_window, qtbot) -> None:
    w = open_window(0)
    dlg = w.open_search()
    qtbot.keyClicks(dlg.query, "agenda")
    qtbot.keyClick(dlg.query, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dlg.results.count() > 0, timeout=TIMEOUT)
    hit = dlg.results.item(0).data(Qt.ItemDataRole.UserRole)
    assert "agenda" in hit.text.lower()
    dlg.results.itemActivated.emit(dlg.results.item(0))
    qtbot.waitUntil(lambda: w.conv_model.channel_id == hit.channel_id, timeout=TIMEOUT)


def test_channel_wizard_checks_the_policy_and_creates(open_window, qtbot) -> None:
    w = open_window(1)  # not the chair
    w.open_wizard()
    qtbot.waitUntil(lambda: getattr(w, "wizard", None) is not None, timeout=TIMEOUT)
    wiz = w.wizard
    assert not wiz.kind_page.buttons["notice"].isEnabled()
    wiz.kind_page.buttons["bilateral"].setChecked(True)
    wiz.next()
    page = wiz.missions_page
    page.name.setText("Side talks")
    assert not page.isComplete()  # only our own mission: a bilateral needs two
    items = [page.missions.item(i) for i in range(page.missions.count())]
    others = [it for it in items if it.flags() & Qt.ItemFlag.ItemIsUserCheckable]
    others[0].setCheckState(Qt.CheckState.Checked)
    assert page.isComplete()
    others[1].setCheckState(Qt.CheckState.Checked)
    assert not page.isComplete() and "exactly" in page.verdict.text()
    others[1].setCheckState(Qt.CheckState.Unchecked)
    wiz.accept()
    # by its name: a channel another test made for this mission may join the list first
    qtbot.waitUntil(lambda: any(c.name == "Side talks" and c.kind == "bilateral"
                                for c in w.channel_model.channels()), timeout=TIMEOUT)


def test_models_pass_the_qt_model_tester(open_window, qtmodeltester) -> None:
    w = open_window(0)
    qtmodeltester.check(w.channel_model)
    qtmodeltester.check(w.conv_model)
    qtmodeltester.check(w.banner.tracker_model)
    qtmodeltester.check(w.member_pane.model)


def test_an_own_message_shows_sent_when_the_relay_numbers_it(open_window, bridge,
                                                             qtbot) -> None:
    """The row leaves "sending" on the core's MessageSent event; rows marked "sending"
    are not polled while the relay has not numbered them."""
    import asyncio

    from client.store.schema import UNSEQUENCED_BASE

    w = open_window(0)
    transport = w.session.client.transport
    real_post, real_socket = transport.post, transport.send_app_message
    gate = bridge.run_sync(lambda: asyncio.Event())

    async def held_post(*args: object, **kw: object) -> object:
        await gate.wait()  # the relay "has not answered yet"
        return await real_post(*args, **kw)

    async def held_socket(*args: object) -> object:  # connected: over the push socket
        await gate.wait()
        return await real_socket(*args)

    asked: list[str] = []
    real_rows = w.adapter.rows

    def rows(cid: bytes, ids: list[str]) -> object:
        asked.extend(ids)
        return real_rows(cid, ids)

    text = "Numbered by the relay: " + os.urandom(4).hex()

    def mine() -> MessageView | None:
        return next((r for r in w.conv_model.rows() if r.text == text), None)

    transport.post = held_post
    transport.send_app_message = held_socket
    w.adapter.rows = rows
    try:
        w.send_text(text)
        qtbot.waitUntil(lambda: mine() is not None, timeout=TIMEOUT)
        row = mine()
        assert row is not None and row.sending and row.position >= UNSEQUENCED_BASE
        qtbot.wait(400)  # several refreshes pass: nothing asks for the sending row again
        assert row.message_id not in asked
        bridge.loop.call_soon_threadsafe(gate.set)
        qtbot.waitUntil(lambda: (r := mine()) is not None and not r.sending, timeout=TIMEOUT)
        sent = mine()
        assert sent is not None and sent.position < UNSEQUENCED_BASE
        assert row.message_id in asked  # re-read because of MessageSent
    finally:
        del transport.post
        del transport.send_app_message
        del w.adapter.rows


def test_about_shows_the_version_both_commands_print(open_window, qtbot) -> None:
    from crypto import __version__
    from server_stub import __version__ as relay_version
    from ui import __version__ as app_version

    w = open_window(1)
    assert __version__ == relay_version == app_version
    w.about_action.trigger()
    box = w.about_box
    assert box is not None and box.isVisible()
    assert box.text() == f"Corridor {__version__}"
    assert "Apache License, Version 2.0" in box.informativeText()
    box.accept()
