# SPDX-License-Identifier: Apache-2.0
"""The notices window: the venue's exercise register (status, revision, history, by
mission), the disaster-aid board (each line's state and the unmet needs), and the annual
exchange (who submitted, who is late), with the forms that send them.

Like the crisis desk, :class:`NoticesWindow` only renders a snapshot computed on the
core's thread (:class:`NoticesController`, through the bridge) and emits what the user
asked for; a form the core refuses (dates out of order, a coordinate out of range, a
quantity that is not positive, a marking above the channel's ceiling) comes back as the
core's clear error.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QCoreApplication, QDateTime, QLocale, QObject, QTimer, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from client.notices.book import AidRequestRow, ExchangeStatus, ExerciseRow
from ui.views.tables import fill_table, record_table, selected_key

__all__ = ["NoticesController", "NoticesSnapshot", "NoticesWindow", "notices_menu_text"]

_LATE = QColor("#f8d7da")
_DONE = QColor("#d4edda")
_OPEN = QColor("#fff3cd")
TICK_MS = 5000


def _t(text: str) -> str:
    return QCoreApplication.translate("Notices", text)


def notices_menu_text() -> str:
    return _t("&Notices and aid…")


def _when(ms: int | None) -> str:
    if ms is None:
        return ""
    return QLocale().toString(QDateTime.fromMSecsSinceEpoch(int(ms)), "d MMM yyyy HH:mm")


def _status(status: str) -> str:
    return {"notified": _t("notified"), "amended": _t("amended"),
            "cancelled": _t("cancelled"), "completed": _t("completed"),
            "requested": _t("requested"), "offered": _t("offered"),
            "accepted": _t("accepted"), "delivered": _t("delivered")}.get(status, status)


@dataclass
class NoticesSnapshot:
    """What the window shows, computed on the core's thread."""

    register: list[ExerciseRow] = field(default_factory=list)
    board: list[AidRequestRow] = field(default_factory=list)
    unmet: dict[str, int] = field(default_factory=dict)
    exchange: ExchangeStatus | None = None
    #: (channel id, name, ceiling) of the channels notices can go to
    channels: list[tuple[bytes, str, str]] = field(default_factory=list)
    levels: tuple[str, ...] = ()


def _split(text: str, *, unit: bool) -> list[tuple[str, int, str]]:
    """``water=1000:litres, tents=50`` as (category, quantity, unit); a quantity that is
    not a number is passed on as 0, which the core refuses with its clear error."""
    out = []
    for part in text.replace("\n", ",").split(","):
        if not part.strip():
            continue
        cat, _, rest = part.partition("=")
        qty, _, u = rest.partition(":")
        try:
            n = int(qty.strip())
        except ValueError:
            n = 0
        out.append((cat.strip(), n, u.strip() if unit else ""))
    return out


class ExerciseDialog(QDialog):
    """Advance notice of a military exercise."""

    def __init__(self, snap: NoticesSnapshot, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_t("Exercise notice"))
        self.setMinimumWidth(460)
        form = QFormLayout(self)
        self.channel = QComboBox(self)
        for cid, name, ceiling in snap.channels:
            self.channel.addItem(_t("%1 (ceiling %2)").replace("%1", name).replace(
                "%2", ceiling), cid)
        self.name = QLineEdit(self)
        now = QDateTime.currentDateTime()
        self.start = QDateTimeEdit(now.addDays(7), self)
        self.end = QDateTimeEdit(now.addDays(10), self)
        for edit in (self.start, self.end):
            edit.setCalendarPopup(True)
        self.area = QLineEdit(self)
        self.lat = QLineEdit(self)
        self.lon = QLineEdit(self)
        self.forces = QLineEdit(self)
        self.forces.setPlaceholderText(_t("troops=3000, tanks=40"))
        self.activity = QLineEdit(self)
        self.contact = QLineEdit(self)
        self.marking = QComboBox(self)
        self.marking.addItems(list(snap.levels))
        rows: tuple[tuple[str, QWidget], ...] = (
                        (_t("Channel"), self.channel), (_t("Name"), self.name),
                         (_t("Starts"), self.start), (_t("Ends"), self.end),
                         (_t("Area"), self.area), (_t("Latitude"), self.lat),
                         (_t("Longitude"), self.lon), (_t("Forces"), self.forces),
                         (_t("Activity"), self.activity), (_t("Contact"), self.contact),
                         (_t("Marking"), self.marking))
        for label, w in rows:
            form.addRow(label, w)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def values(self) -> dict[str, Any]:
        def num(w: QLineEdit) -> float | None:
            try:
                return float(w.text()) if w.text().strip() else None
            except ValueError:
                return float("nan")  # refused by the core: "out of range"

        return {"channel": self.channel.currentData(), "name": self.name.text(),
                "starts_at": self.start.dateTime().toMSecsSinceEpoch(),
                "ends_at": self.end.dateTime().toMSecsSinceEpoch(),
                "area": self.area.text(), "lat": num(self.lat), "lon": num(self.lon),
                "forces": [(c, q) for c, q, _u in _split(self.forces.text(), unit=False)],
                "activity": self.activity.text(), "contact": self.contact.text(),
                "marking": self.marking.currentText()}


class AidDialog(QDialog):
    """A request for disaster aid: needs by category and quantity."""

    def __init__(self, snap: NoticesSnapshot, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_t("Request aid"))
        self.setMinimumWidth(460)
        form = QFormLayout(self)
        self.channel = QComboBox(self)
        for cid, name, _ceiling in snap.channels:
            self.channel.addItem(name, cid)
        self.lines = QPlainTextEdit(self)
        self.lines.setPlaceholderText(_t("water=20000:litres, tents=300"))
        self.location = QLineEdit(self)
        self.urgency = QComboBox(self)
        for key, label in (("flash", _t("flash")), ("urgent", _t("urgent")),
                           ("routine", _t("routine"))):
            self.urgency.addItem(label, key)
        self.contact = QLineEdit(self)
        rows: tuple[tuple[str, QWidget], ...] = (
            (_t("Channel"), self.channel), (_t("Needs"), self.lines),
            (_t("Location"), self.location), (_t("Urgency"), self.urgency),
            (_t("Contact"), self.contact))
        for label, w in rows:
            form.addRow(label, w)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def values(self) -> dict[str, Any]:
        return {"channel": self.channel.currentData(),
                "lines": _split(self.lines.toPlainText(), unit=True),
                "location": self.location.text(), "urgency": self.urgency.currentData(),
                "contact": self.contact.text()}


class NoticesWindow(QWidget):
    """Renders a :class:`NoticesSnapshot`; the forms emit what the user asked for."""

    exerciseRequested = Signal(dict)
    cancelRequested = Signal(str)
    aidRequested = Signal(dict)
    offerRequested = Signal(str, int, int)
    acceptRequested = Signal(str, str)
    deliverRequested = Signal(str, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_t("Notices and aid"))
        self.snap = NoticesSnapshot()
        self.tabs = QTabWidget(self)
        lay = QVBoxLayout(self)
        #: the core's error for the last refused form (never a modal box: the window
        #: keeps refreshing behind it)
        self.error = QLabel(self)
        self.error.setObjectName("noticesError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #a00;")
        self.error.setVisible(False)
        lay.addWidget(self.error)
        lay.addWidget(self.tabs)

        reg = QWidget(self)
        rl = QVBoxLayout(reg)
        bar = QHBoxLayout()
        self.mission = QComboBox(reg)
        self.mission.currentIndexChanged.connect(lambda _i: self._render())
        self.new_button = QPushButton(_t("&New exercise notice…"), reg)
        self.new_button.clicked.connect(self._new_exercise)
        self.cancel_button = QPushButton(_t("&Cancel notice"), reg)
        self.cancel_button.clicked.connect(self._cancel)
        bar.addWidget(QLabel(_t("Mission"), reg))
        bar.addWidget(self.mission, 1)
        bar.addWidget(self.new_button)
        bar.addWidget(self.cancel_button)
        rl.addLayout(bar)
        self.register = record_table([_t("Marking"), _t("Mission"), _t("Exercise"), _t("Starts"),
                                _t("Ends"), _t("Status"), _t("History")])
        rl.addWidget(self.register, 1)
        self.tabs.addTab(reg, _t("Exercise register"))

        aid = QWidget(self)
        al = QVBoxLayout(aid)
        abar = QHBoxLayout()
        self.request_button = QPushButton(_t("&Request aid…"), aid)
        self.request_button.clicked.connect(self._request)
        self.offer_qty = QSpinBox(aid)
        self.offer_qty.setRange(1, 10**9)
        self.offer_button = QPushButton(_t("&Offer"), aid)
        self.offer_button.clicked.connect(self._offer)
        self.accept_button = QPushButton(_t("&Accept offer"), aid)
        self.accept_button.clicked.connect(lambda: self._offer_action(self.acceptRequested))
        self.deliver_button = QPushButton(_t("Mark &delivered"), aid)
        self.deliver_button.clicked.connect(lambda: self._offer_action(self.deliverRequested))
        for w in (self.request_button, self.offer_qty, self.offer_button, self.accept_button,
                  self.deliver_button):
            abar.addWidget(w)
        al.addLayout(abar)
        self.board = record_table([_t("Marking"), _t("Request"), _t("Need"), _t("Quantity"),
                             _t("Status"), _t("Unmet"), _t("Offers")])
        al.addWidget(self.board, 1)
        self.unmet = QLabel(aid)
        self.unmet.setObjectName("unmetSummary")
        self.unmet.setWordWrap(True)
        al.addWidget(self.unmet)
        self.tabs.addTab(aid, _t("Disaster aid"))

        ex = QWidget(self)
        el = QVBoxLayout(ex)
        self.due = QLabel(ex)
        el.addWidget(self.due)
        self.exchange = record_table([_t("Mission"), _t("Submitted"), _t("Late"), _t("Amendments")])
        el.addWidget(self.exchange, 1)
        self.tabs.addTab(ex, _t("Annual exchange"))
        self.resize(900, 520)

    # -- rendering -----------------------------------------------------------------------

    def show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.setVisible(bool(text))

    def show_snapshot(self, snap: NoticesSnapshot) -> None:
        self.snap = snap
        missions = sorted({r["mission"] for r in snap.register})
        current = self.mission.currentData()
        self.mission.blockSignals(True)
        self.mission.clear()
        self.mission.addItem(_t("All missions"), "")
        for m in missions:
            self.mission.addItem(m, m)
        idx = self.mission.findData(current)
        self.mission.setCurrentIndex(max(idx, 0))
        self.mission.blockSignals(False)
        self._render()

    def _render(self) -> None:
        snap = self.snap
        want = self.mission.currentData() or ""
        rows: list[tuple[object, list[str], QColor | None]] = []
        for r in snap.register:
            if want and r["mission"] != want:
                continue
            hist = ", ".join(f"{_status(STATUS_OF[h['action']])} {_when(h['at'])}"
                             for h in r["history"])
            color = _LATE if r["status"] == "cancelled" else _DONE \
                if r["status"] == "completed" else None
            rows.append((r["notice_id"], [r["marking"] or "UNCLASSIFIED", r["mission"],
                                          r["name"], _when(r["starts_at"]),
                                          _when(r["ends_at"]),
                                          _t("%1 (revision %2)").replace(
                                              "%1", _status(r["status"])).replace(
                                              "%2", str(r["revision"])), hist], color))
        fill_table(self.register, rows)
        brows: list[tuple[object, list[str], QColor | None]] = []
        for req in snap.board:
            for ln in req["lines"]:
                offers = "; ".join(
                    f"{o['by']} {o['quantity']}"
                    + (f" ({_status('delivered')})" if o["delivered"] else
                       f" ({_status('accepted')})" if o["accepted"] else "")
                    for o in ln["offers"])
                color = _DONE if ln["state"] == "delivered" else _OPEN \
                    if ln["state"] in ("offered", "accepted") else _LATE
                brows.append(((req["request_id"], ln["line"], ln["offers"]),
                              [req["marking"] or "UNCLASSIFIED",
                               f"{req['mission']} · {req['location']}",
                               f"{ln['line']}. {ln['category']}",
                               f"{ln['quantity']} {ln['unit']}".strip(),
                               _status(ln["state"]), str(ln["unmet"]), offers], color))
        fill_table(self.board, brows)
        needs = ", ".join(f"{k}: {v}" for k, v in snap.unmet.items())
        self.unmet.setText(_t("Unmet needs: %1").replace("%1", needs) if needs
                           else _t("No unmet needs"))
        ex = snap.exchange
        self.due.setText(_t("Annual exchange %1, due %2").replace(
            "%1", str(ex["year"]) if ex else "").replace(
            "%2", (_when(ex["due_at"]) if ex else "") or "—"))
        fill_table(self.exchange, [(r["mission"], [
            r["mission"], _when(r["submitted_at"]) or _t("not submitted"),
            _t("late") if r["late"] else "", str(len(r["amendments"]))],
            _LATE if r["late"] else None) for r in (ex["missions"] if ex else [])])

    # -- user actions --------------------------------------------------------------------

    def _new_exercise(self) -> None:
        dlg = ExerciseDialog(self.snap, self)
        if dlg.exec() == QDialog.DialogCode.Accepted:
            self.exerciseRequested.emit(dlg.values())

    def _cancel(self) -> None:
        key = selected_key(self.register)
        if isinstance(key, str):
            self.cancelRequested.emit(key)

    def _request(self) -> None:
        dlg = AidDialog(self.snap, self)
        if dlg.exec() == QDialog.DialogCode.Accepted:
            self.aidRequested.emit(dlg.values())

    def _offer(self) -> None:
        key = selected_key(self.board)
        if isinstance(key, tuple):
            self.offerRequested.emit(key[0], key[1], self.offer_qty.value())

    def _offer_action(self, signal: Any) -> None:
        """Accept or mark delivered the line's newest offer not yet in that state."""
        key = selected_key(self.board)
        if isinstance(key, tuple) and key[2]:
            signal.emit(key[0], key[2][-1]["offer_id"])


STATUS_OF = {"new": "notified", "amend": "amended", "cancel": "cancelled",
             "complete": "completed"}


class NoticesController(QObject):
    """Drives a notices window for one client through the bridge."""

    changed = Signal(object)
    failed = Signal(str)

    def __init__(self, bridge: Any, client: Any, window: NoticesWindow,
                 tick_ms: int = TICK_MS) -> None:
        super().__init__(window)
        self.bridge = bridge
        self.client = client
        self.window = window
        self.desk: Any = None
        self.timer = QTimer(self)
        self.timer.setInterval(tick_ms)
        self.timer.timeout.connect(self.refresh)
        w = window
        w.exerciseRequested.connect(lambda v: self._do(
            lambda d: d.notify_exercise(**v)))
        w.cancelRequested.connect(lambda nid: self._do(
            lambda d: d.change_exercise(nid, "cancel")))
        w.aidRequested.connect(lambda v: self._do(lambda d: d.request_aid(**v)))
        w.offerRequested.connect(lambda rid, line, qty: self._do(
            lambda d: d.offer_aid(rid, line, qty)))
        w.acceptRequested.connect(lambda rid, oid: self._do(lambda d: d.accept_aid(rid, oid)))
        w.deliverRequested.connect(lambda rid, oid: self._do(
            lambda d: d.deliver_aid(rid, oid)))

    def _desk(self) -> Any:
        if self.desk is None:
            from client.notices.desk import NoticeDesk

            self.desk = NoticeDesk(self.client)
        return self.desk

    def start(self) -> None:
        self.refresh()
        self.timer.start()

    def snapshot(self) -> NoticesSnapshot:
        d = self._desk()
        eng = self.client.engine
        chans = []
        missions: set[str] = set()
        for ch in self.client.channels():
            if ch.left or ch.kind == "notice":
                continue
            missions |= set(ch.missions)
            chans.append((bytes.fromhex(ch.channel_id), ch.name, ch.ceiling))
        year = time.gmtime(d.now() / 1000).tm_year
        return NoticesSnapshot(register=d.register(), board=d.aid_board(),
                               unmet=d.book.unmet(),
                               exchange=d.exchange_status(year, sorted(missions)),
                               channels=chans, levels=tuple(eng.marking_scheme.levels))

    def refresh(self) -> None:
        async def tick() -> NoticesSnapshot:
            return self.snapshot()

        self.bridge.submit(tick, self._show)

    def _show(self, snap: NoticesSnapshot) -> None:
        self.window.show_snapshot(snap)
        self.changed.emit(snap)

    def _do(self, action: Any) -> None:
        async def run() -> None:
            await action(self._desk())

        def failed(exc: BaseException) -> None:
            self.failed.emit(str(exc))
            self.refresh()

        def done(_r: object) -> None:
            self.window.show_error("")
            self.refresh()

        self.bridge.submit(run, done, failed)


def build_notices(bridge: Any, client: Any) -> tuple[NoticesWindow, NoticesController]:
    """The notices window and its controller, started; a refused form's error is shown
    above the tabs until the next form goes through."""
    window = NoticesWindow()
    ctl = NoticesController(bridge, client, window)
    ctl.failed.connect(window.show_error)
    ctl.start()
    return window, ctl
