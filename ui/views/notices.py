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
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from client.notices.book import AidRequestRow, ExchangeStatus, ExerciseRow
from client.notices.desk import LinkedIncident
from ui.views.notice_calendar import ExerciseCalendar
from ui.views.notice_forms import (
    AidDialog,
    DueDateDialog,
    ExchangeDialog,
    ExerciseDialog,
    FieldForm,
    IncidentDialog,
    TemplateFillDialog,
    TemplatePublishDialog,
)
from ui.views.tables import fill_table, record_table, selected_key

__all__ = ["AidDialog", "ExerciseDialog", "NoticesController", "NoticesSnapshot",
           "NoticesWindow", "notices_menu_text"]

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
    #: per channel, the levels its ceiling allows (what a form offers for it)
    allowed: dict[bytes, tuple[str, ...]] = field(default_factory=dict)
    #: incidents with the request for explanation each links to (checked here)
    incidents: list[LinkedIncident] = field(default_factory=list)
    #: requests for explanation held here: (id hex, requester, to mission, what)
    explanations: list[tuple[str, str, str, str]] = field(default_factory=list)
    #: published templates: (id, title, fields, text)
    templates: list[tuple[str, str, tuple[str, ...], str]] = field(default_factory=list)
    #: filled-in templates: (at, member, template id, values, marking)
    fills: list[tuple[int, str, str, dict[str, str], str]] = field(default_factory=list)
    me: str = ""
    mission: str = ""
    is_chair: bool = False
    #: member id -> how the window writes it ("Ana (alderia/ana)"), from certificates
    labels: dict[str, str] = field(default_factory=dict)

    def label(self, who: str) -> str:
        """A member id as the window shows it: named by its certificate, else bare."""
        return self.labels.get(who, who)


class NoticesWindow(QWidget):
    """Renders a :class:`NoticesSnapshot`; the forms emit what the user asked for."""

    exerciseRequested = Signal(dict)
    cancelRequested = Signal(str)
    #: (file path, mission filter): write the register as PDF, CSV or iCalendar by the
    #: file's extension
    exportRequested = Signal(str, str)
    exported = Signal(str)
    aidRequested = Signal(dict)
    offerRequested = Signal(str, int, int)
    acceptRequested = Signal(str, str)
    deliverRequested = Signal(str, str)
    incidentRequested = Signal(dict)
    linkRequested = Signal(str, str)
    exchangeRequested = Signal(dict)
    dueRequested = Signal(dict)
    templateRequested = Signal(dict)
    fillRequested = Signal(dict)

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
        self.export_button = QPushButton(_t("&Export…"), reg)
        self.export_button.clicked.connect(self._export)
        bar.addWidget(self.new_button)
        bar.addWidget(self.cancel_button)
        bar.addWidget(self.export_button)
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

        self.calendar = ExerciseCalendar(self)
        self.tabs.addTab(self.calendar, _t("Calendar"))

        inc = QWidget(self)
        il = QVBoxLayout(inc)
        ibar = QHBoxLayout()
        self.incident_button = QPushButton(_t("Report &incident…"), inc)
        self.incident_button.clicked.connect(self._new_incident)
        self.link_request = QComboBox(inc)
        self.link_request.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.link_request.setMinimumContentsLength(24)
        self.link_button = QPushButton(_t("&Link to request"), inc)
        self.link_button.clicked.connect(self._link)
        for widget in (self.incident_button, QLabel(_t("Request for explanation"), inc),
                       self.link_request, self.link_button):
            ibar.addWidget(widget)
        ibar.setStretch(2, 1)
        il.addLayout(ibar)
        self.incidents = record_table([_t("Marking"), _t("Mission"), _t("When"), _t("Position"),
                                 _t("Units"), _t("What happened"),
                                 _t("Request for explanation")])
        il.addWidget(self.incidents, 2)
        il.addWidget(QLabel(_t("Requests for explanation and their incidents"), inc))
        self.requests = record_table([_t("Request"), _t("Asked of"), _t("What"), _t("Incidents")])
        il.addWidget(self.requests, 1)
        self.tabs.addTab(inc, _t("Incidents"))

        tpl = QWidget(self)
        tl = QVBoxLayout(tpl)
        self.templates: QTableWidget = record_table([_t("Template"), _t("Title"), _t("Fields")])
        tbar = QHBoxLayout()
        self.fill_button = QPushButton(_t("&Fill in template…"), tpl)
        self.fill_button.setShortcut("Ctrl+T")
        self.fill_button.clicked.connect(lambda: self._fill_template(
            str(selected_key(self.templates) or "")))
        self.publish_button = QPushButton(_t("&Publish template…"), tpl)
        self.publish_button.clicked.connect(self._publish_template)
        tbar.addWidget(self.fill_button)
        tbar.addWidget(self.publish_button)
        tbar.addStretch(1)
        tl.addLayout(tbar)
        self.templates.cellActivated.connect(lambda _r, _c: self._fill_template(
            str(selected_key(self.templates) or "")))
        tl.addWidget(self.templates, 1)
        self.fills = record_table([_t("Marking"), _t("Sent"), _t("By"), _t("Template"),
                             _t("Values")])
        tl.addWidget(self.fills, 2)
        self.tabs.addTab(tpl, _t("Templates"))

        ex = QWidget(self)
        el = QVBoxLayout(ex)
        ebar = QHBoxLayout()
        self.due = QLabel(ex)
        self.submit_button = QPushButton(_t("&Submit…"), ex)
        self.submit_button.clicked.connect(self._submit_exchange)
        self.due_button = QPushButton(_t("Set &due date…"), ex)
        self.due_button.clicked.connect(lambda: self._form(DueDateDialog(self.snap, self),
                                                           self.dueRequested))
        ebar.addWidget(self.due, 1)
        ebar.addWidget(self.due_button)
        ebar.addWidget(self.submit_button)
        el.addLayout(ebar)
        self.exchange = record_table([_t("Mission"), _t("Submitted"), _t("Late"), _t("Amendments")])
        el.addWidget(self.exchange, 1)
        self.tabs.addTab(ex, _t("Annual exchange"))
        self.resize(900, 560)

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
                    f"{snap.label(o['by'])} {o['quantity']}"
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
        self.calendar.show_rows(snap.register)
        self._render_incidents()
        self._render_templates()
        ex = snap.exchange
        self.due.setText(_t("Annual exchange %1, due %2").replace(
            "%1", str(ex["year"]) if ex else "").replace(
            "%2", (_when(ex["due_at"]) if ex else "") or "—"))
        fill_table(self.exchange, [(r["mission"], [
            r["mission"], _when(r["submitted_at"]) or _t("not submitted"),
            _t("late") if r["late"] else "", str(len(r["amendments"]))],
            _LATE if r["late"] else None) for r in (ex["missions"] if ex else [])])
        mine = ex and any(r["mission"] == snap.mission and r["submitted_at"]
                          for r in ex["missions"])
        self.submit_button.setText(_t("&Amend submission…") if mine else _t("&Submit…"))

    def _render_incidents(self) -> None:
        snap = self.snap
        rows: list[tuple[object, list[str], QColor | None]] = []
        for r in snap.incidents:
            req = r["request"]
            link = (_t("%1 to %2: %3").replace("%1", snap.label(req["requester"])).replace(
                "%2", req["to_mission"]).replace("%3", req["what"]) if req
                else _t("%1 (not held here)").replace("%1", r["explains"][:12])
                if r["explains"] else "")
            rows.append((r["incident_id"], [r["marking"] or "UNCLASSIFIED", r["mission"],
                                            _when(r["occurred_at"]),
                                            f"{r['lat']:.4f}, {r['lon']:.4f}", r["units"],
                                            r["what"], link],
                         None if req or not r["explains"] else _LATE))
        fill_table(self.incidents, rows)
        links: dict[str, list[str]] = {}
        for r in snap.incidents:
            if r["request"] is not None:
                links.setdefault(r["explains"], []).append(
                    f"{r['mission']} {_when(r['occurred_at'])}")
        fill_table(self.requests, [(rid, [f"{rid[:12]} ({snap.label(who)})", to, what,
                                     "; ".join(links.get(rid, []))], None)
                              for rid, who, to, what in snap.explanations])
        current = self.link_request.currentData()
        self.link_request.clear()
        for rid, who, to, what in snap.explanations:
            self.link_request.addItem(f"{snap.label(who)} → {to}: {what[:50]}", rid)
        self.link_request.setCurrentIndex(max(self.link_request.findData(current), 0))

    def _render_templates(self) -> None:
        snap = self.snap
        fill_table(self.templates, [(tid, [tid, title, ", ".join(fields)], None)
                               for tid, title, fields, _text in snap.templates])
        fill_table(self.fills, [((at, who, tid), [
            mark or "UNCLASSIFIED", _when(at), snap.label(who), tid,
            "; ".join(f"{k}: {v}" for k, v in values.items())], None)
            for at, who, tid, values, mark in reversed(snap.fills)])
        self.publish_button.setEnabled(snap.is_chair)
        self.due_button.setVisible(snap.is_chair)
        self.fill_button.setEnabled(bool(snap.templates))

    # -- user actions --------------------------------------------------------------------

    def _new_exercise(self) -> None:
        self._form(ExerciseDialog(self.snap, self), self.exerciseRequested)

    def _form(self, dlg: FieldForm, signal: Any) -> None:
        if dlg.exec() == QDialog.DialogCode.Accepted:
            signal.emit(dlg.values())

    def _new_incident(self) -> None:
        self._form(IncidentDialog(self.snap, self), self.incidentRequested)

    def _link(self) -> None:
        key = selected_key(self.incidents)
        rid = self.link_request.currentData()
        if isinstance(key, str) and rid:
            self.linkRequested.emit(key, rid)

    def _fill_template(self, template_id: str = "") -> None:
        self._form(TemplateFillDialog(self.snap, template_id, self), self.fillRequested)

    def _publish_template(self) -> None:
        self._form(TemplatePublishDialog(self.snap, self), self.templateRequested)

    def _submit_exchange(self) -> None:
        self._form(ExchangeDialog(self.snap, self), self.exchangeRequested)

    def _export(self) -> None:
        name, _f = QFileDialog.getSaveFileName(
            self, _t("Export the exercise register"), "exercise-notices.pdf",
            _t("PDF for printing (*.pdf);;CSV (*.csv);;iCalendar (*.ics)"))
        if name:
            self.exportRequested.emit(name, self.mission.currentData() or "")

    def _cancel(self) -> None:
        key = selected_key(self.register)
        if isinstance(key, str):
            self.cancelRequested.emit(key)

    def _request(self) -> None:
        self._form(AidDialog(self.snap, self), self.aidRequested)

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
        w.exportRequested.connect(self.export)
        w.incidentRequested.connect(lambda v: self._do(
            lambda d: d.report_incident(**v)))
        w.linkRequested.connect(lambda iid, rid: self._do(
            lambda d: d.link_incident(iid, rid)))
        w.dueRequested.connect(lambda v: self._do(lambda d: d.set_exchange_due(**v)))
        w.exchangeRequested.connect(lambda v: self._do(
            lambda d: d.submit_exchange(**v)))
        w.templateRequested.connect(lambda v: self._do(
            lambda d: d.publish_template(**v)))
        w.fillRequested.connect(lambda v: self._do(lambda d: d.use_template(**v)))

    def _desk(self) -> Any:
        if self.desk is None:
            from client.notices.desk import NoticeDesk

            self.desk = NoticeDesk(self.client)
        return self.desk

    def start(self) -> None:
        self.refresh()
        self.timer.start()

    def snapshot(self) -> NoticesSnapshot:
        from client.core.names import member_labels

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
        try:
            chair = d.me in eng.trust.chairs(tuple(eng.me.role_certs))
        except (ValueError, TypeError):  # a role certificate that does not verify
            chair = False
        return NoticesSnapshot(
            register=d.register(), board=d.aid_board(), unmet=d.book.unmet(),
            exchange=d.exchange_status(year, sorted(missions)), channels=chans,
            levels=tuple(eng.marking_scheme.levels), incidents=d.incidents(),
            allowed={cid: eng.levels_allowed(cid) for cid, _n, _c in chans},
            explanations=[(r.request_id.hex(), r.requester, r.to_mission, r.what)
                          for r in d.explanations()],
            templates=[(t.template_id, t.title, tuple(t.fields), t.text)
                       for t in d.book.templates()],
            fills=[(f.at, f.member, f.template_id, dict(f.values), f.marking)
                   for f in d.book.filled()],
            me=d.me, mission=d.mission, is_chair=chair,
            labels=member_labels(eng, (bytes.fromhex(ch.channel_id)
                                       for ch in self.client.channels() if not ch.left)))

    def export(self, path: str, mission: str = "") -> None:
        """Write the register (one mission's, or all) to ``path``: PDF with the highest
        marking on every page, CSV or iCalendar with each row's marking."""
        from pathlib import Path

        async def run() -> None:
            from client.notices.export import register_csv, register_ics, register_pdf

            d = self._desk()
            rows = d.register(mission=mission)
            venue = _t("Corridor venue")
            out = Path(path)
            if out.suffix.lower() == ".csv":
                out.write_text(register_csv(rows), encoding="utf-8")
            elif out.suffix.lower() == ".ics":
                out.write_bytes(register_ics(rows, venue=venue, stamp_ms=d.now()))
            else:
                out.write_bytes(register_pdf(rows, venue=venue, stamp_ms=d.now(),
                                             scheme=self.client.engine.marking_scheme))

        self.bridge.submit(run, lambda _r: self.window.exported.emit(path),
                           lambda exc: self.failed.emit(str(exc)))

    def refresh(self) -> None:
        async def tick() -> NoticesSnapshot:
            await self._desk().refresh_async()  # a long catch-up's rows, a page at a time
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
