# SPDX-License-Identifier: Apache-2.0
"""The marking a desk dialog offers: only the levels at or under the chosen channel's
ceiling, the lowest chosen by default, following the channel the user picks; the
dialogs hand the chosen marking on."""

from __future__ import annotations

from typing import Any

from ui.views.crisis import CallDialog, ExplainDialog
from ui.views.decisions import TextDialog
from ui.views.marking_combo import MarkedTextDialog

LOW = ("UNCLASSIFIED", "RESTRICTED")
HIGH = ("UNCLASSIFIED", "RESTRICTED", "CONFIDENTIAL")
LEVELS = {b"low": LOW, b"high": HIGH}


def _items(combo: Any) -> tuple[str, ...]:
    return tuple(combo.itemText(i) for i in range(combo.count()))


def test_the_call_dialog_follows_the_channel_ceiling(qtbot: Any) -> None:
    d = CallDialog(((b"low", "Pair A", "borduria"), (b"high", "Pair B", "carpania")),
                   None, LEVELS)
    qtbot.addWidget(d)
    assert _items(d.marking) == LOW and d.marking.marking() == "UNCLASSIFIED"
    d.channel.setCurrentIndex(1)
    assert _items(d.marking) == HIGH
    d.marking.setCurrentText("CONFIDENTIAL")
    assert d.marking.marking() == "CONFIDENTIAL"
    d.channel.setCurrentIndex(0)  # a lower ceiling: the choice falls back to the lowest
    assert _items(d.marking) == LOW and d.marking.marking() == "UNCLASSIFIED"
    d.marking.setCurrentText("RESTRICTED")
    d.channel.setCurrentIndex(1)  # still allowed: kept
    assert d.marking.marking() == "RESTRICTED"


def test_the_other_dialogs_offer_the_channel_levels(qtbot: Any) -> None:
    e = ExplainDialog(((b"high", "Pair B"),), ["carpania"], None, LEVELS)
    qtbot.addWidget(e)
    assert _items(e.marking) == HIGH
    put = TextDialog("Put", ((b"low", "Plenary", "multilateral"),), hours=True,
                     levels=LEVELS)
    qtbot.addWidget(put)
    assert _items(put.marking) == LOW
    revise = TextDialog("Revise", text="x", levels=LEVELS, channel_id=b"high")
    qtbot.addWidget(revise)
    assert _items(revise.marking) == HIGH and revise.marking.marking() == "UNCLASSIFIED"
    answer = MarkedTextDialog("Answer", "Answer:", LOW)
    qtbot.addWidget(answer)
    assert _items(answer.marking) == LOW


def test_break_and_comment_dialogs_carry_the_marking(
        qtbot: Any, monkeypatch: Any) -> None:
    """The window's break and comment dialogs offer the procedure's or document's
    channel levels and hand the chosen marking to the signal."""
    from PySide6.QtWidgets import QDialog, QInputDialog

    from ui.views import decisions
    from ui.views.decisions import DecisionsWindow

    w = DecisionsWindow()
    qtbot.addWidget(w)
    offered: list[tuple[str, ...]] = []

    def accept(d: MarkedTextDialog) -> QDialog.DialogCode:
        offered.append(_items(d.marking))
        d.text.setPlainText("Instructions awaited")
        d.marking.setCurrentText("RESTRICTED")
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(decisions.MarkedTextDialog, "exec", accept)
    monkeypatch.setattr(QInputDialog, "getInt", lambda *_a: (1, True))
    monkeypatch.setattr(w, "_proc", lambda: type("O", (), {"put": type(
        "P", (), {"proc_id": b"proc"})()})())
    monkeypatch.setattr(w, "_doc", lambda: type("D", (), {"latest": type(
        "V", (), {"doc_id": b"doc", "text": "One."})()})())
    monkeypatch.setattr(w, "_channel_of", lambda item: b"high" if item == b"proc" else b"low")
    monkeypatch.setattr(w, "_levels", lambda: LEVELS)
    got: list[tuple[object, ...]] = []
    w.breakRequested.connect(lambda *a: got.append(a))
    w.commentRequested.connect(lambda *a: got.append(a))
    w._break()
    w._comment()
    assert offered == [HIGH, LOW]
    assert got == [(b"proc", "Instructions awaited", "RESTRICTED"),
                   (b"doc", 0, "Instructions awaited", "RESTRICTED")]
