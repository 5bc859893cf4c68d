# SPDX-License-Identifier: Apache-2.0
"""The decisions window: texts under silence (outcome, deadline in the user's and the
venue's time zone, every break and whether the other missions confirmed it) and joint
drafting (versions, the agreement, comments tied to paragraphs with the observer badge,
diff, sign-off, export).

Like the crisis desk, :class:`DecisionsWindow` only renders a
:class:`client.decisions.desk.DecisionsView` computed on the core's thread and emits
what the user asked for; :class:`DecisionsController` runs it on the core through the
bridge, and refreshes every few seconds (which is also when this device acknowledges
other missions' breaks and signs its closing statements).
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QDateTime, QLocale, QObject, QTimer, QTimeZone, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from client.decisions.desk import DecisionsView, Desk
from client.decisions.drafting import Document, lock_holder, paragraphs
from client.decisions.silence import Outcome, State
from ui.views.buttons import ok_cancel
from ui.views.marking_combo import MarkedTextDialog, MarkingCombo
from ui.views.tables import fill_table, record_table, selected_key

if TYPE_CHECKING:
    from collections.abc import Awaitable, Callable

    from client.core import Client
    from client.decisions.desk import Desk
    from ui.bridge import Bridge

__all__ = ["DecisionsController", "DecisionsWindow", "both_zones", "build_decisions",
           "decisions_menu_text"]

_BAD = QColor("#f8d7da")
_GOOD = QColor("#d4edda")
_WAIT = QColor("#fff3cd")
TICK_MS = 5000


def _t(text: str) -> str:
    return QCoreApplication.translate("Decisions", text)


def _venue_zone() -> QTimeZone:
    zone = QTimeZone(os.environ.get("CORRIDOR_VENUE_TZ", "UTC").encode())
    return zone if zone.isValid() else QTimeZone.utc()


def both_zones(ms: int) -> str:
    """A moment in the user's time zone and in the venue's (the month in the user's
    language)."""
    at = QDateTime.fromMSecsSinceEpoch(int(ms))
    mine = QLocale().toString(at.toLocalTime(), "d MMM HH:mm t")
    venue = QLocale().toString(at.toTimeZone(_venue_zone()), "d MMM HH:mm t")
    return mine if mine == venue else _t("%1 (venue: %2)").replace("%1", mine).replace(
        "%2", venue)


def _summary(o: Outcome, label: Callable[[str], str]) -> str:
    """:meth:`Outcome.summary` in the user's language (the deadline is shown beside),
    members written by ``label``."""
    live = [b for b in o.breaks if b.withdrawn_at is None]
    if o.state is State.OPEN:
        if live:
            return _t("under silence; broken so far by %1").replace(
                "%1", ", ".join(label(b.brk.member) for b in live))
        return _t("under silence")
    if o.state is State.BROKEN:
        return _t("broken by %1").replace("%1", ", ".join(label(b.brk.member) for b in live
                                                          if b.confirmed))
    if o.state is State.DISPUTED:
        times = sorted({b.brk.at for b in live if not b.confirmed} | {t for _w, t in o.unheld})
        return "; ".join(_t("disputed: break sent at %1, not confirmed").replace(
            "%1", both_zones(t)) for t in times)
    if o.state is State.PENDING:
        if o.later_revision:
            return _t("pending: a later revision was not received")
        return _t("pending: awaiting closing statements from %1").replace(
            "%1", ", ".join(o.awaiting))
    return _t("adopted")


def _doc_summary(d: Document) -> str:
    return _t("agreed by %1 of %2 missions at version %3").replace(
        "%1", str(len(d.signed_off))).replace("%2", str(len(d.participants))).replace(
        "%3", str(d.latest.version))


class TextDialog(QDialog):
    """A channel (when given), a title, a text, a number and the text's marking: putting
    a text under silence or starting a document (the marking's levels those of the
    chosen channel, or of ``channel_id`` when no channel is chosen here)."""

    def __init__(self, title: str, channels: tuple[tuple[bytes, str, str], ...] = (), *,
                 hours: bool = False, lock: bool = False, text: str = "",
                 parent: QWidget | None = None,
                 levels: Mapping[bytes, tuple[str, ...]] | None = None,
                 channel_id: bytes | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        form = QFormLayout(self)
        self.channel = QComboBox(self)
        for cid, name, _kind in channels:
            self.channel.addItem(name, cid)
        self.name = QLineEdit(self)
        self.name.setMaxLength(256)
        self.text = QPlainTextEdit(self)
        self.text.setPlainText(text)
        self.hours = QSpinBox(self)
        self.hours.setRange(1, 24 * 90)
        self.hours.setValue(24)
        self.lock = QCheckBox(_t("Editors take the lock first"), self)
        self.marking = MarkingCombo(parent=self)
        if channels:
            self.marking.follow(self.channel, levels or {})
        else:
            self.marking.set_levels((levels or {}).get(channel_id or b"", ()))
        if channels:
            form.addRow(_t("C&hannel:"), self.channel)
            form.addRow(_t("&Title:"), self.name)
        form.addRow(_t("Te&xt:"), self.text)
        if hours:
            form.addRow(_t("&Silence period (hours):"), self.hours)
        if lock:
            form.addRow(self.lock)
        form.addRow(_t("&Marking:"), self.marking)
        form.addRow(ok_cancel(self))
        self.resize(560, 360)


class DecisionsWindow(QWidget):
    """Renders a decisions view; its signals carry what the user asked for."""

    putRequested = Signal(bytes, str, str, int, str)  # channel, title, text, period ms,
    #                                                    marking
    breakRequested = Signal(bytes, str, str)  # proc id, reason, marking
    withdrawRequested = Signal(bytes)
    reviseRequested = Signal(bytes, str, str)  # proc id, text, marking
    newDocRequested = Signal(bytes, str, str, bool, str)  # channel, title, text, lock,
    #                                                        marking
    editRequested = Signal(bytes, str, str)  # doc id, text, marking
    commentRequested = Signal(bytes, int, str, str)  # doc id, paragraph (0-based), text,
    #                                                   marking
    signOffRequested = Signal(bytes)
    exportRequested = Signal(bytes, str)  # doc id, file stem

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("decisionsWindow")
        self.setWindowTitle(_t("Decisions"))
        self.view: DecisionsView | None = None
        self.banner = QLabel(self)
        self.banner.setObjectName("decisionsBanner")
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet("background:#b00020;color:white;padding:8px;font-weight:bold")
        self.tabs = QTabWidget(self)
        self.procs = record_table([_t("Marking"), _t("Text"), _t("Revision"), _t("Outcome"),
                                   _t("Deadline")])
        self.proc_detail = QLabel(self)
        self.proc_detail.setWordWrap(True)
        self.put_btn = QPushButton(_t("&Put under silence…"), self)
        self.break_btn = QPushButton(_t("&Break silence…"), self)
        self.withdraw_btn = QPushButton(_t("&Withdraw my break"), self)
        self.revise_btn = QPushButton(_t("Re&vise…"), self)
        sil = QWidget(self)
        lay = QVBoxLayout(sil)
        row = QHBoxLayout()
        for b in (self.put_btn, self.break_btn, self.withdraw_btn, self.revise_btn):
            row.addWidget(b)
        row.addStretch(1)
        lay.addLayout(row)
        lay.addWidget(self.procs, 1)
        lay.addWidget(self.proc_detail)
        self.tabs.addTab(sil, _t("&Silence procedure"))
        self.docs = record_table([_t("Marking"), _t("Document"), _t("Version"),
                                  _t("Agreement"), _t("Lock")])
        self.doc_text = QPlainTextEdit(self)
        self.doc_text.setReadOnly(True)
        self.new_btn = QPushButton(_t("&New document…"), self)
        self.edit_btn = QPushButton(_t("&Edit…"), self)
        self.comment_btn = QPushButton(_t("&Comment…"), self)
        self.sign_btn = QPushButton(_t("Si&gn off"), self)
        self.diff_btn = QPushButton(_t("&Diff…"), self)
        self.export_btn = QPushButton(_t("E&xport…"), self)
        dr = QWidget(self)
        lay = QVBoxLayout(dr)
        row = QHBoxLayout()
        for b in (self.new_btn, self.edit_btn, self.comment_btn, self.sign_btn, self.diff_btn,
                  self.export_btn):
            row.addWidget(b)
        row.addStretch(1)
        lay.addLayout(row)
        lay.addWidget(self.docs, 1)
        lay.addWidget(self.doc_text, 2)
        self.tabs.addTab(dr, _t("&Drafting"))
        outer = QVBoxLayout(self)
        outer.addWidget(self.banner)
        outer.addWidget(self.tabs, 1)
        self.put_btn.clicked.connect(self._put)
        self.break_btn.clicked.connect(self._break)
        self.withdraw_btn.clicked.connect(self._withdraw)
        self.revise_btn.clicked.connect(self._revise)
        self.new_btn.clicked.connect(self._new)
        self.edit_btn.clicked.connect(self._edit)
        self.comment_btn.clicked.connect(self._comment)
        self.sign_btn.clicked.connect(self._sign)
        self.diff_btn.clicked.connect(self._diff)
        self.export_btn.clicked.connect(self._export)
        self.procs.itemSelectionChanged.connect(self._show_proc)
        self.docs.itemSelectionChanged.connect(self._show_doc)
        self.resize(960, 620)
        self.show_view(None)

    # -- rendering ----------------------------------------------------------------------

    def show_view(self, view: DecisionsView | None) -> None:
        self.view = view
        lines = []
        if view is not None and view.observer:
            lines.append(_t("You take part as an observer: you cannot break silence or "
                            "sign off."))
        for a in view.alerts if view else []:
            lines.append(_t("Your break (%1) is not confirmed: %2 have not acknowledged "
                            "it. Raise it by other means.").replace(
                "%1", both_zones(a.brk.at)).replace("%2", ", ".join(sorted(a.missing))))
        self.banner.setText("\n".join(lines))
        self.banner.setVisible(bool(lines))
        if view is None:
            self.procs.setRowCount(0)
            self.docs.setRowCount(0)
            return
        colors = {State.ADOPTED: _GOOD, State.BROKEN: _BAD, State.DISPUTED: _BAD,
                  State.PENDING: _WAIT}
        fill_table(self.procs, [(o.put.proc_id, [
            view.marks.get(o.put.proc_id, ""), o.put.title, str(o.put.revision),
            _summary(o, view.label),
            both_zones(o.deadline)], colors.get(o.state)) for _c, o in view.procedures])
        fill_table(self.docs, [(d.latest.doc_id, [
            view.marks.get(d.latest.doc_id, ""), d.versions[0].title, str(d.latest.version),
            _doc_summary(d),
            view.label(lock_holder(d.locks, view.now) or "—")], _GOOD if d.signed_off and len(
                d.signed_off) == len(d.participants) else None) for _c, d in view.documents])
        for btn in (self.break_btn, self.sign_btn):
            btn.setEnabled(not view.observer)
        self.put_btn.setEnabled(bool(view.channels) and not view.observer)
        self.new_btn.setEnabled(bool(view.channels))
        self._show_proc()
        self._show_doc()

    def _proc(self) -> Outcome | None:
        key = selected_key(self.procs)
        if self.view is None or key is None:
            return None
        return next((o for _c, o in self.view.procedures if o.put.proc_id == key), None)

    def _levels(self) -> Mapping[bytes, tuple[str, ...]]:
        return self.view.levels if self.view is not None else {}

    def _channel_of(self, item_id: bytes) -> bytes | None:
        """The channel of a procedure or a document (where its next text goes)."""
        if self.view is None:
            return None
        return next((c for c, o in self.view.procedures if o.put.proc_id == item_id),
                    next((c for c, d in self.view.documents if d.latest.doc_id == item_id),
                         None))

    def _doc(self) -> Document | None:
        key = selected_key(self.docs)
        if self.view is None or key is None:
            return None
        return next((d for _c, d in self.view.documents if d.latest.doc_id == key), None)

    def _show_proc(self) -> None:
        o = self._proc()
        for btn in (self.withdraw_btn, self.revise_btn):
            btn.setEnabled(o is not None and o.state is State.OPEN)
        if o is None or self.view is None:
            self.proc_detail.setText("")
            return
        label = self.view.label
        lines = [_t("Revision %1 put by %2 · text SHA-256 %3").replace(
            "%1", str(o.put.revision)).replace("%2", label(o.put.member)).replace(
            "%3", o.text_hash.hex()[:16] + "…"), o.put.text, ""]
        for b in o.breaks:
            state = (_t("withdrawn") if b.withdrawn_at is not None else
                     _t("confirmed") if b.confirmed else _t("not confirmed"))
            lines.append(_t("%1 broke silence at %2: %3 (%4)").replace(
                "%1", label(b.brk.member)).replace("%2", both_zones(b.brk.at)).replace(
                "%3", b.brk.reason).replace("%4", state))
        lines.append(_t("Outcome: %1").replace("%1", _summary(o, label)))
        self.proc_detail.setText("\n".join(lines))

    def _show_doc(self) -> None:
        d = self._doc()
        for btn in (self.edit_btn, self.comment_btn, self.diff_btn, self.export_btn):
            btn.setEnabled(d is not None)
        self.sign_btn.setEnabled(d is not None and self.view is not None
                                 and not self.view.observer)
        if d is None or self.view is None:
            self.doc_text.setPlainText("")
            return
        v = d.latest
        out = [_t("Version %1 by %2 at %3").replace("%1", str(v.version)).replace(
            "%2", self.view.label(v.member)).replace("%3", both_zones(v.at)), _doc_summary(d), ""]
        badge = _t("observer")
        for i, para in enumerate(paragraphs(v.text)):
            out.append(f"{i + 1}. {para}")
            for c in d.comments_on(v.version):
                if c.paragraph == i:
                    who = self.view.label(c.member) + (
                        f" [{badge}]" if c.member in self.view.observers else "")
                    out.append(f"    ▸ {who}: {c.text}")
        signed = [self.view.label(s.member) for _m, s in sorted(d.signed_off.items())]
        out += ["", _t("Signed off: %1").replace("%1", ", ".join(signed) or "—")]
        self.doc_text.setPlainText("\n".join(out))

    # -- requests -----------------------------------------------------------------------

    def _put(self) -> None:
        if self.view is None:
            return
        d = TextDialog(_t("Put a text under silence"), self.view.channels, hours=True,
                       parent=self, levels=self.view.levels)
        if d.exec() == QDialog.DialogCode.Accepted and d.text.toPlainText().strip():
            self.putRequested.emit(d.channel.currentData(), d.name.text().strip() or "—",
                                   d.text.toPlainText(), d.hours.value() * 3_600_000,
                                   d.marking.marking())

    def _break(self) -> None:
        o = self._proc()
        if o is None:
            return
        d = MarkedTextDialog(_t("Break silence"), _t("Reason:"),
                             self._levels().get(self._channel_of(o.put.proc_id) or b"", ()),
                             self)
        reason = d.text.toPlainText().strip() if d.exec() == QDialog.DialogCode.Accepted \
            else ""
        if reason:
            self.breakRequested.emit(o.put.proc_id, reason, d.marking.marking())

    def _withdraw(self) -> None:
        o = self._proc()
        if o is not None:
            self.withdrawRequested.emit(o.put.proc_id)

    def _revise(self) -> None:
        o = self._proc()
        if o is None:
            return
        d = TextDialog(_t("Revise the text (the clock restarts)"), text=o.put.text, parent=self,
                       levels=self._levels(), channel_id=self._channel_of(o.put.proc_id))
        if d.exec() == QDialog.DialogCode.Accepted and d.text.toPlainText().strip():
            self.reviseRequested.emit(o.put.proc_id, d.text.toPlainText(), d.marking.marking())

    def _new(self) -> None:
        if self.view is None:
            return
        chans = tuple(c for c in self.view.channels if c[2] in ("multilateral", "caucus"))
        d = TextDialog(_t("New document"), chans, lock=True, parent=self,
                       levels=self.view.levels)
        if d.exec() == QDialog.DialogCode.Accepted and d.name.text().strip():
            self.newDocRequested.emit(d.channel.currentData(), d.name.text().strip(),
                                      d.text.toPlainText(), d.lock.isChecked(),
                                      d.marking.marking())

    def _edit(self) -> None:
        doc = self._doc()
        if doc is None:
            return
        d = TextDialog(_t("New version"), text=doc.latest.text, parent=self,
                       levels=self._levels(), channel_id=self._channel_of(doc.latest.doc_id))
        if d.exec() == QDialog.DialogCode.Accepted:
            self.editRequested.emit(doc.latest.doc_id, d.text.toPlainText(),
                                    d.marking.marking())

    def _comment(self) -> None:
        doc = self._doc()
        if doc is None:
            return
        n = max(len(paragraphs(doc.latest.text)), 1)
        para, ok = QInputDialog.getInt(self, _t("Comment"), _t("Paragraph:"), 1, 1, n)
        if not ok:
            return
        d = MarkedTextDialog(_t("Comment"), _t("Comment:"), self._levels().get(
            self._channel_of(doc.latest.doc_id) or b"", ()), self)
        text = d.text.toPlainText().strip() if d.exec() == QDialog.DialogCode.Accepted \
            else ""
        if text:
            self.commentRequested.emit(doc.latest.doc_id, para - 1, text, d.marking.marking())

    def _sign(self) -> None:
        doc = self._doc()
        if doc is not None:
            self.signOffRequested.emit(doc.latest.doc_id)

    def _diff(self) -> None:
        from client.decisions.drafting import diff

        doc = self._doc()
        if doc is None:
            return
        last = doc.latest.version
        a, ok = QInputDialog.getInt(self, _t("Differences"), _t("From version:"),
                                    max(last - 1, 1), 1, last)
        if not ok:
            return
        dlg = QDialog(self)
        dlg.setWindowTitle(_t("Differences"))
        box = QPlainTextEdit(dlg)
        box.setReadOnly(True)
        box.setPlainText(diff(doc.version(a), doc.latest))
        QVBoxLayout(dlg).addWidget(box)
        dlg.resize(700, 420)
        dlg.exec()

    def _export(self) -> None:
        doc = self._doc()
        if doc is None:
            return
        path, _f = QFileDialog.getSaveFileName(self, _t("Export the agreed text"),
                                               doc.versions[0].title + ".pdf", "PDF (*.pdf)")
        if path:
            self.exportRequested.emit(doc.latest.doc_id, str(Path(path).with_suffix("")))


class DecisionsController(QObject):
    """Drives a decisions window for one client through the bridge."""

    changed = Signal(object)  # the new DecisionsView
    failed = Signal(str)

    def __init__(self, bridge: Bridge, client: Client, window: DecisionsWindow,
                 tick_ms: int = TICK_MS) -> None:
        super().__init__(window)
        self.bridge = bridge
        self.client = client
        self.window = window
        self.desk: Desk | None = None
        self.view: DecisionsView | None = None
        self.timer = QTimer(self)
        self.timer.setInterval(tick_ms)
        self.timer.timeout.connect(self.refresh)
        w = window
        w.putRequested.connect(lambda ch, title, text, period, mark: self._do(
            lambda d: d.put(ch, title, text, period_ms=period, marking=mark)))
        w.breakRequested.connect(lambda pid, reason, mark: self._do(
            lambda d: d.break_silence(pid, reason, marking=mark)))
        w.withdrawRequested.connect(lambda pid: self._do(lambda d: d.withdraw(pid)))
        w.reviseRequested.connect(lambda pid, text, mark: self._do(
            lambda d: d.revise(pid, text, marking=mark)))
        w.newDocRequested.connect(lambda ch, title, text, lock, mark: self._do(
            lambda d: d.new_document(ch, title, text, lock=lock, marking=mark)))
        w.editRequested.connect(lambda did, text, mark: self._do(
            lambda d: d.edit(did, text, marking=mark)))
        w.commentRequested.connect(lambda did, para, text, mark: self._do(
            lambda d: d.comment(did, para, text, marking=mark)))
        w.signOffRequested.connect(lambda did: self._do(lambda d: d.sign_off(did)))
        w.exportRequested.connect(self._export)

    def _desk(self) -> Desk:
        if self.desk is None:
            self.desk = Desk(self.client)
        return self.desk

    def start(self) -> None:
        self.refresh()
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()

    def refresh(self) -> None:
        async def tick() -> DecisionsView:
            desk = self._desk()
            await desk.refresh_async()  # a long catch-up's rows, a page at a time
            return desk.view(await desk.tick())

        self.bridge.submit(tick, self._show)

    def _show(self, view: DecisionsView) -> None:
        self.view = view
        self.window.show_view(view)
        self.changed.emit(view)

    def _do(self, action: Callable[[Desk], Awaitable[object]]) -> None:
        async def run() -> None:
            await action(self._desk())

        def failed(exc: BaseException) -> None:
            self.failed.emit(str(exc))
            self.refresh()

        self.bridge.submit(run, lambda _r: self.refresh(), failed)

    def _export(self, doc_id: bytes, stem: str) -> None:
        async def run() -> None:
            files = self._desk().export_files(doc_id, Path(stem).name)
            for name, data in files.items():
                (Path(stem).parent / name).write_bytes(data)

        self.bridge.submit(run, lambda _r: None, lambda exc: self.failed.emit(str(exc)))


def decisions_menu_text() -> str:
    return _t("D&ecisions…")


def build_decisions(bridge: Bridge, client: Client) -> tuple[DecisionsWindow, DecisionsController]:
    """The decisions window and its controller, started (the main window's menu opens
    the window); a refused request is shown to the user."""
    from PySide6.QtWidgets import QMessageBox

    window = DecisionsWindow()
    ctl = DecisionsController(bridge, client, window)
    ctl.failed.connect(lambda text: QMessageBox.warning(window, _t("Decisions"), text))
    ctl.start()
    return window, ctl
