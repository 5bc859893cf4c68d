# SPDX-License-Identifier: Apache-2.0
"""Messaging features in the real widgets, over the real client core and a real relay on
127.0.0.1: attachments, edits, redactions, reactions, search, the notice channel's
emergency tracker, and a burst of new messages while the reader is in older history."""

from __future__ import annotations

import os
import sqlite3
import time
from pathlib import Path

from client import payloads
from tests.support.ui_windows import TIMEOUT, open_pair, texts_of


def _row(w, message_id: str):  # type: ignore[no-untyped-def]
    i = w.conv_model.row_of(message_id)
    return w.conv_model.row_at(i) if i >= 0 else None


def _send(w, text: str) -> str:  # type: ignore[no-untyped-def]
    """Send through the window's adapter and return the message id."""
    cid = bytes.fromhex(w.current)
    mid: str = w.bridge.run_sync(lambda: w.adapter.send_text(cid, text))
    w._after_send()
    return mid


def test_attachment_appears_in_the_other_window_and_saves(open_window, qtbot,
                                                         tmp_path: Path) -> None:
    a, b, _ch = open_pair(open_window, qtbot)
    original = tmp_path / "draft statement.pdf"
    original.write_bytes(b"%PDF-1.4 draft statement " + os.urandom(30_000))
    a.attach(original, caption="Our draft for item 3")
    qtbot.waitUntil(lambda: any(r.file_name == original.name for r in b.conv_model.rows()),
                    timeout=TIMEOUT)
    row = next(r for r in b.conv_model.rows() if r.file_name == original.name)
    assert row.mime_type == "application/pdf" and row.size == original.stat().st_size
    assert row.text == "Our draft for item 3"
    assert original.name in row.attachment_label and "KiB" in row.attachment_label
    # the row offers Save (keyboard and context menu) and saving writes the same bytes
    b.conversation.setCurrentIndex(b.conv_model.index(b.conv_model.row_of(row.message_id), 0))
    assert b.conversation.actions_by_name["save"].isEnabled()
    dest = tmp_path / "saved.pdf"
    b.save_attachment(row, dest)
    qtbot.waitUntil(lambda: b.last_saved is not None, timeout=TIMEOUT)
    assert dest.read_bytes() == original.read_bytes()
    assert str(dest) in b.statusBar().currentMessage()


def test_a_tampered_attachment_is_refused_with_a_clear_error(open_window, venue, qtbot,
                                                            tmp_path: Path) -> None:
    a, b, ch = open_pair(open_window, qtbot)
    first, second = tmp_path / "minutes.txt", tmp_path / "other.txt"
    first.write_bytes(b"minutes " + os.urandom(4000))
    second.write_bytes(b"something else " + os.urandom(4000))
    a.attach(first)
    a.attach(second)
    qtbot.waitUntil(lambda: {first.name, second.name} <= {r.file_name
                                                          for r in b.conv_model.rows()},
                    timeout=TIMEOUT)
    row = next(r for r in b.conv_model.rows() if r.file_name == first.name)
    decoy = next(r for r in b.conv_model.rows() if r.file_name == second.name)

    def blob_id(mid: str) -> str:
        m = b.bridge.run_sync(lambda: b.adapter.client.store.get_message(
            bytes.fromhex(ch), bytes.fromhex(mid)))
        ref = payloads.decode(m.body)
        assert isinstance(ref, payloads.Attachment)
        return ref.blob_id

    # the relay's operator swaps the stored bytes for another blob of the channel
    db = venue.data_dir / "relay" / "relay.sqlite3"
    with sqlite3.connect(db) as conn:
        conn.execute("UPDATE blobs SET data = (SELECT data FROM blobs WHERE blob_id = ?) "
                     "WHERE blob_id = ?", (blob_id(decoy.message_id), blob_id(row.message_id)))
    dest = tmp_path / "out.txt"
    b.save_attachment(row, dest)
    qtbot.waitUntil(lambda: b.error_box is not None and b.error_box.isVisible(),
                    timeout=TIMEOUT)
    assert "NOT saved" in b.error_box.text() and "does not match" in b.error_box.text()
    assert not dest.exists()
    b.error_box.accept()


def test_a_file_over_the_limit_is_refused_plainly(open_window, qtbot, tmp_path: Path) -> None:
    from client.attachments import MAX_ATTACHMENT_BYTES

    w = open_window(0)
    big = tmp_path / "huge.bin"
    with big.open("wb") as f:
        f.truncate(MAX_ATTACHMENT_BYTES + 1)
    w.attach(big)
    qtbot.waitUntil(lambda: w.error_box is not None and w.error_box.isVisible(),
                    timeout=TIMEOUT)
    assert "too large" in w.error_box.text() and "huge.bin" in w.error_box.text()
    w.error_box.accept()


def test_edit_reaction_and_redaction_show_in_the_other_window(open_window, qtbot) -> None:
    a, b, _ch = open_pair(open_window, qtbot)
    text = f"Draft wording v1 ({time.time():.0f})"
    mid = _send(a, text)
    # each window reads on its own refresh: the other one may show it first, and the
    # author edits the row in their own window, so wait for both
    qtbot.waitUntil(lambda: _row(b, mid) is not None and _row(a, mid) is not None,
                    timeout=TIMEOUT)
    # edit through the composer, as a user does
    a.conversation.setCurrentIndex(a.conv_model.index(a.conv_model.row_of(mid), 0))
    assert a.conversation.actions_by_name["edit"].isEnabled()
    a.conversation.actions_by_name["edit"].trigger()
    a.composer.editor.setPlainText("Draft wording v2, as agreed")
    a.composer._submit()
    qtbot.waitUntil(lambda: (r := _row(b, mid)) is not None and r.edited
                    and r.text == "Draft wording v2, as agreed", timeout=TIMEOUT)
    assert "Draft wording v2, as agreed" in texts_of(b) and text not in texts_of(b)
    # a reaction from b repaints a's row
    b.conversation.setCurrentIndex(b.conv_model.index(b.conv_model.row_of(mid), 0))
    b.conversation.actions_by_name["react1"].trigger()
    qtbot.waitUntil(lambda: (r := _row(a, mid)) is not None and any(
        b.adapter.me in who for _e, who in r.reactions), timeout=TIMEOUT)
    # the author withdraws it: the row leaves both windows
    a._redact_confirmed(_row(a, mid))
    qtbot.waitUntil(lambda: _row(b, mid) is None and _row(a, mid) is None, timeout=TIMEOUT)


def test_the_other_window_may_show_a_message_before_the_senders_own(open_window,
                                                                   qtbot) -> None:
    """Each window reads what arrived on its own refresh, so the other window can show
    an own message first; until the sender's window shows it there is no row to edit
    (a text typed then is a new message). Here the sender's refresh is held back."""
    a, b, _ch = open_pair(open_window, qtbot)
    a._refresh_timer.blockSignals(True)
    mid = _send(a, f"Held back ({time.time():.0f})")
    qtbot.waitUntil(lambda: _row(b, mid) is not None, timeout=TIMEOUT)
    assert _row(a, mid) is None
    a.conversation.setCurrentIndex(a.conv_model.index(a.conv_model.row_of(mid), 0))
    assert not a.conversation.actions_by_name["edit"].isEnabled()
    a._refresh_timer.blockSignals(False)
    a._refresh()
    qtbot.waitUntil(lambda: _row(a, mid) is not None, timeout=TIMEOUT)
    a.conversation.setCurrentIndex(a.conv_model.index(a.conv_model.row_of(mid), 0))
    assert a.conversation.actions_by_name["edit"].isEnabled()
    a.conversation.actions_by_name["edit"].trigger()
    a.composer.editor.setPlainText("Held back, then edited")
    a.composer._submit()
    qtbot.waitUntil(lambda: (r := _row(b, mid)) is not None and r.edited
                    and r.text == "Held back, then edited", timeout=TIMEOUT)


def test_emergency_call_in_the_notice_channel_and_the_chairs_tracker(open_window,
                                                                     qtbot) -> None:
    chair, other = open_window(0), open_window(1)
    target = chair.emergency_channel()
    assert chair.channel_model.channel(target).kind == "notice"
    chair.convene(target, int(time.time() * 1000) + 1800_000, "Room C",
                  agenda=f"Consultations {time.time():.0f}")
    qtbot.waitUntil(lambda: chair.banner.status is not None
                    and chair.banner.status.text.startswith("Consultations")
                    and chair.banner.status.channel_id == target, timeout=TIMEOUT)
    mid = chair.banner.status.message_id
    mission = other.adapter.my_mission
    assert mission in chair.banner.tracker_model.waiting()
    # the other mission cannot post in the notice channel, but it acknowledges there
    other.open_channel(target)
    qtbot.waitUntil(lambda: other.conv_model.channel_id == target
                    and _row(other, mid) is not None, timeout=TIMEOUT)
    assert not other.composer.editor.isVisible()
    other.conversation.setCurrentIndex(other.conv_model.index(other.conv_model.row_of(mid), 0))
    assert other.conversation.actions_by_name["ack"].isEnabled()
    other.conversation.actions_by_name["ack"].trigger()
    qtbot.waitUntil(lambda: chair.banner.status is not None
                    and chair.banner.status.message_id == mid
                    and mission not in chair.banner.tracker_model.waiting(), timeout=TIMEOUT)
    assert chair.banner.status.answered[mission] == other.adapter.me
    assert chair.banner.tracker_model.waiting()  # the third mission still has not answered
    chair.open_channel(target)
    qtbot.waitUntil(lambda: (r := _row(chair, mid)) is not None
                    and mission in r.acked_missions, timeout=TIMEOUT)


def test_search_finds_a_message_sent_from_the_other_window(open_window, qtbot) -> None:
    a, b, ch = open_pair(open_window, qtbot)
    word = f"zeppelin{int(time.time())}"
    mid = _send(a, f"The {word} clause needs a footnote")
    qtbot.waitUntil(lambda: _row(b, mid) is not None, timeout=TIMEOUT)
    dlg = b.open_search()
    for query in (word, word[:6]):  # a whole word, and the start of one
        dlg.query.setText(query)
        dlg.query.returnPressed.emit()
        qtbot.waitUntil(lambda: dlg.results.count() > 0 and any(
            dlg.results.item(i).data(0x0100).message_id == mid
            for i in range(dlg.results.count())), timeout=TIMEOUT)
    hit = dlg.results.item(0).data(0x0100)
    assert hit.channel_id == ch and word in hit.text
    dlg.reject()


def test_a_burst_while_reading_older_history_keeps_the_place(open_window, qtbot) -> None:
    reader, sender, ch = open_pair(open_window, qtbot, "caucus")
    # some history to scroll in
    cid = bytes.fromhex(ch)
    client = sender.adapter.client

    async def burst(n: int, tag: str) -> None:
        for i in range(n):
            client.engine.enqueue_payload(cid, payloads.Text(
                message_id=payloads.new_message_id(), sent_at=payloads.now_ms(),
                body=f"{tag} {i}: paragraph {i % 7} — comments welcome."))
        while client.store.list_outbox(limit=10):
            await client.flush()

    sender.bridge.run_sync(lambda: burst(40, "history"), timeout=120)
    qtbot.waitUntil(lambda: any(t.startswith("history 39") for t in texts_of(reader)),
                    timeout=TIMEOUT)
    reader.resize(900, 600)
    view = reader.conversation
    sb = view.verticalScrollBar()
    qtbot.waitUntil(lambda: sb.maximum() > 0, timeout=TIMEOUT)  # laid out after the resize
    sb.setValue(sb.maximum() // 3)  # reading older messages
    qtbot.waitUntil(lambda: not view.at_bottom(), timeout=TIMEOUT)
    anchor_row = view.indexAt(view.viewport().rect().center()).row()
    anchor_id = reader.conv_model.row_at(anchor_row).message_id
    rows_before = reader.conv_model.rowCount()
    sender.bridge.run_sync(lambda: burst(150, "burst"), timeout=120)  # > a page at once
    qtbot.waitUntil(lambda: any(t.startswith("burst 149") for t in texts_of(reader)),
                    timeout=TIMEOUT)
    # appended, not replaced by the newest page: the older rows are all still there
    assert reader.conv_model.rowCount() >= rows_before + 150
    assert reader.conv_model.row_of(anchor_id) == anchor_row
    assert view.indexAt(view.viewport().rect().center()).row() == anchor_row
    assert not view.at_bottom()
    assert view.pill.isVisible() and view.unseen >= 150
    assert f"{view.unseen} new messages" in view.pill.text()
    view.pill.click()
    qtbot.waitUntil(lambda: view.at_bottom() and not view.pill.isVisible(), timeout=TIMEOUT)


def test_scrolling_up_as_a_message_lands_is_not_undone(open_window, qtbot) -> None:
    """A message appended while the reader follows the bottom asks to scroll down on the
    next loop turn; a reader who scrolled up before that turn stays where they went."""
    reader, sender, ch = open_pair(open_window, qtbot, "caucus")
    cid = bytes.fromhex(ch)
    client = sender.adapter.client

    async def burst() -> None:
        for i in range(40):
            client.engine.enqueue_payload(cid, payloads.Text(
                message_id=payloads.new_message_id(), sent_at=payloads.now_ms(),
                body=f"line {i}: a paragraph to scroll past."))
        while client.store.list_outbox(limit=10):
            await client.flush()

    sender.bridge.run_sync(burst, timeout=120)
    qtbot.waitUntil(lambda: any(t.startswith("line 39") for t in texts_of(reader)),
                    timeout=TIMEOUT)
    reader.resize(900, 600)
    view = reader.conversation
    sb = view.verticalScrollBar()
    qtbot.waitUntil(lambda: sb.maximum() > 0 and view.at_bottom(), timeout=TIMEOUT)
    last = reader.conv_model.rowCount() - 1
    view._after_insert(None, last, last)  # as an append does while following
    sb.setValue(sb.maximum() // 3)  # the reader scrolls up before the loop turns
    qtbot.wait(100)
    assert not view.at_bottom() and sb.value() == sb.maximum() // 3


def test_the_app_uploads_on_pick_and_sends_the_reference_after_its_hold(
        open_window, qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """docs/padding.md: the dialog uploads at once; the reference waits for the hold
    drawn from the engine's random source (injected here, with its clock), and the
    app's own timer sends it when the clock passes it, with no further user action."""
    import dataclasses
    import random

    a, b, _ch = open_pair(open_window, qtbot)
    client = a.adapter.client
    now = [time.time()]

    class Drawn(random.Random):
        def expovariate(self, lambd: float = 1.0) -> float:
            return 30.0

    def inject() -> None:
        client.engine.clock = lambda: now[0]
        client.engine.settings = dataclasses.replace(client.engine.settings,
                                                     attachment_hold_mean=10.0)
        client.engine.random = Drawn(0)

    a.bridge.run_sync(inject)
    f = tmp_path / "held annex.txt"
    f.write_bytes(b"annex " + os.urandom(2000))
    dlg = a.confirm_attachment(f)
    assert dlg is not None and dlg.upload is not None
    qtbot.waitUntil(dlg.upload.done, timeout=TIMEOUT)
    dlg.caption.setText("held for its draw")
    dlg.send_button.click()
    qtbot.waitUntil(lambda: any(r.file_name == f.name for r in a.conv_model.rows()),
                    timeout=TIMEOUT)  # shown at once as the sender's own, sending
    assert a.bridge.run_sync(client.pending_sends) == 1  # held: not on the relay yet
    assert not any(r.file_name == f.name for r in b.conv_model.rows())
    now[0] += 31  # past the drawn 30 s: the app's release timer sends it
    qtbot.waitUntil(lambda: any(r.file_name == f.name for r in b.conv_model.rows()),
                    timeout=TIMEOUT)
    assert a.bridge.run_sync(client.pending_sends) == 0
    row = next(r for r in b.conv_model.rows() if r.file_name == f.name)
    assert row.text == "held for its draw"
