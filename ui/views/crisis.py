# SPDX-License-Identifier: Apache-2.0
"""The crisis desk as a window: the hotline (ringing calls with Acknowledge, each
call's ladder and escalation), requests for explanation with their clocks, meeting
calls with the attendance tally, and who is on duty.

:class:`CrisisWindow` only renders a :class:`client.crisis.desk.DeskView` (computed on
the core's thread) and emits what the user asked for; :class:`CrisisController` runs
those requests on the core through the bridge and refreshes the view every few
seconds, which is also when a ringing call alarms again (:mod:`ui.alarm`).
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QCoreApplication, QDateTime, QLocale, QTimeZone, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from client.crisis.desk import DeskView
from client.crisis.hotline import Escalation, Level
from client.crisis.records import AttendanceAnswer, Priority
from ui.i18n import QT_TRANSLATE_NOOP
from ui.views.marking_combo import MarkedTextDialog, MarkingCombo
from ui.views.tables import fill_table, record_table, selected_key

__all__ = ["CallDialog", "CrisisWindow", "ExplainDialog", "when"]

_RING = QColor("#f8d7da")
_DONE = QColor("#d4edda")


def _t(text: str) -> str:
    return QCoreApplication.translate("Crisis", text)


def when(ms: int) -> str:
    """A time as the window shows it (UTC, so both sides read the same; the month in
    the user's language)."""
    at = QDateTime.fromMSecsSinceEpoch(int(ms), QTimeZone.utc())
    return QLocale().toString(at, "d MMM HH:mm") + " UTC"


def _span(ms: int) -> str:
    m = abs(ms) // 60_000
    text = (_t("%1 h %2 min").replace("%1", str(m // 60)).replace("%2", f"{m % 60:02d}")
            if m >= 60 else _t("%1 min").replace("%1", str(m)))
    return text if ms >= 0 else _t("%1 ago").replace("%1", text)


#: The core's words for priorities, ladder rungs, escalation levels, the states of a
#: request for explanation and attendance answers, as the window shows them (translated
#: where shown; an unknown word is shown as it is).
_WORDS = {
    "flash": QT_TRANSLATE_NOOP("Crisis", "flash"),
    "urgent": QT_TRANSLATE_NOOP("Crisis", "urgent"),
    "routine": QT_TRANSLATE_NOOP("Crisis", "routine"),
    "sent": QT_TRANSLATE_NOOP("Crisis", "sent"),
    "delivered": QT_TRANSLATE_NOOP("Crisis", "delivered"),
    "seen": QT_TRANSLATE_NOOP("Crisis", "seen"),
    "acknowledged": QT_TRANSLATE_NOOP("Crisis", "acknowledged"),
    "answered": QT_TRANSLATE_NOOP("Crisis", "answered"),
    "on duty": QT_TRANSLATE_NOOP("Crisis", "on duty"),
    "deputy": QT_TRANSLATE_NOOP("Crisis", "deputy"),
    "head of mission": QT_TRANSLATE_NOOP("Crisis", "head of mission"),
    "replied": QT_TRANSLATE_NOOP("Crisis", "replied"),
    "overdue": QT_TRANSLATE_NOOP("Crisis", "overdue"),
    "meeting requested": QT_TRANSLATE_NOOP("Crisis", "meeting requested"),
    "meeting called": QT_TRANSLATE_NOOP("Crisis", "meeting called"),
    "in person": QT_TRANSLATE_NOOP("Crisis", "in person"),
    "remotely": QT_TRANSLATE_NOOP("Crisis", "remotely"),
    "represented": QT_TRANSLATE_NOOP("Crisis", "represented"),
    "cannot attend": QT_TRANSLATE_NOOP("Crisis", "cannot attend"),
}


def _word(value: object) -> str:
    text = str(value)
    return _t(_WORDS[text]) if text in _WORDS else text


def _escalation(esc: Escalation, now: int) -> str:
    """:meth:`Escalation.summary` in the user's language."""
    if esc.answered_at is not None:
        return _word("answered")
    if esc.acknowledged_at is not None:
        return _word("acknowledged")
    waited = _t("%1 min").replace("%1", str(max(now - esc.steps[0].at, 0) // 60_000))
    if esc.level is Level.DUTY:
        return _t("unanswered %1").replace("%1", waited)
    return _t("unanswered %1 — escalated to %2").replace("%1", waited).replace(
        "%2", _word(esc.level))


class CallDialog(QDialog):
    """Call the other mission of a bilateral channel."""

    def __init__(self, channels: tuple[tuple[bytes, str, str], ...],
                 parent: QWidget | None = None,
                 levels: Mapping[bytes, tuple[str, ...]] | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_t("Hotline call"))
        self.channel = QComboBox(self)
        for cid, name, other in channels:
            self.channel.addItem(_t("%1 (mission %2)").replace("%1", name).replace("%2", other),
                                 cid)
        self.priority = QComboBox(self)
        for p, label in ((Priority.FLASH, _t("Flash: reply within 10 minutes")),
                         (Priority.URGENT, _t("Urgent: reply within 1 hour")),
                         (Priority.ROUTINE, _t("Routine: reply within 24 hours"))):
            self.priority.addItem(label, str(p))
        self.subject = QLineEdit(self)
        self.subject.setMaxLength(256)
        self.body = QPlainTextEdit(self)
        self.marking = MarkingCombo(parent=self)
        self.marking.follow(self.channel, levels or {})
        form = QFormLayout(self)
        form.addRow(_t("&Channel:"), self.channel)
        form.addRow(_t("&Priority:"), self.priority)
        form.addRow(_t("&Subject:"), self.subject)
        form.addRow(_t("&Details:"), self.body)
        form.addRow(_t("&Marking:"), self.marking)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.ok = buttons.addButton(_t("&Call now"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.subject.textChanged.connect(self._check)
        self._check()

    def _check(self) -> None:
        self.ok.setEnabled(bool(self.subject.text().strip()) and self.channel.count() > 0)


class ExplainDialog(QDialog):
    """A structured request for explanation: to whom, what, where, when, reference."""

    def __init__(self, channels: tuple[tuple[bytes, str], ...], missions: list[str],
                 parent: QWidget | None = None,
                 levels: Mapping[bytes, tuple[str, ...]] | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_t("Request for explanation"))
        self.channel = QComboBox(self)
        for cid, name in channels:
            self.channel.addItem(name, cid)
        self.to = QComboBox(self)
        self.to.addItems(missions)
        self.to.setEditable(True)
        self.what = QPlainTextEdit(self)
        self.where, self.when_, self.reference = QLineEdit(self), QLineEdit(self), QLineEdit(self)
        self.marking = MarkingCombo(parent=self)
        self.marking.follow(self.channel, levels or {})
        form = QFormLayout(self)
        form.addRow(_t("C&hannel:"), self.channel)
        form.addRow(_t("&To mission:"), self.to)
        form.addRow(_t("&What:"), self.what)
        form.addRow(_t("W&here:"), self.where)
        form.addRow(_t("Wh&en:"), self.when_)
        form.addRow(_t("&Reference:"), self.reference)
        form.addRow(_t("&Marking:"), self.marking)
        form.addRow(QLabel(_t("The mission must reply within 48 hours.")))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.ok = buttons.addButton(_t("&Send request"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.what.textChanged.connect(
            lambda: self.ok.setEnabled(bool(self.what.toPlainText().strip())))
        self.ok.setEnabled(False)


class CrisisWindow(QWidget):
    """Renders a desk view; its signals carry what the user asked for (ids as bytes)."""

    callRequested = Signal(bytes, str, str, str, str)  # channel, subject, body, priority,
    #                                                    marking
    ackRequested = Signal(bytes)  # call id
    answerRequested = Signal(bytes, str, str)  # call id, text, marking
    explainRequested = Signal(bytes, str, str, str, str, str, str)  # channel, to, what,
    #                                                    where, when, reference, marking
    replyRequested = Signal(bytes, str, str)  # request id, text, marking
    meetingRequested = Signal(bytes)  # request id
    attendRequested = Signal(bytes, bytes, str, str)  # channel, meeting, answer, by
    proposalAnswered = Signal(bytes, bool)  # proposal id, accepted

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("crisisWindow")
        self.setWindowTitle(_t("Crisis desk"))
        self.view: DeskView | None = None
        self.banner = QLabel(self)
        self.banner.setObjectName("ringingBanner")
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet("background:#b00020;color:white;padding:8px;font-weight:bold")
        self.banner_ack = QPushButton(_t("&Acknowledge"), self)
        top = QHBoxLayout()
        top.addWidget(self.banner, 1)
        top.addWidget(self.banner_ack)
        self.tabs = QTabWidget(self)
        self.calls = record_table([_t("Marking"), _t("Priority"), _t("From → to"),
                                   _t("Subject"), _t("Ladder"), _t("Escalation")])
        self.ladder = QLabel(self)
        self.ladder.setWordWrap(True)
        self.call_btn = QPushButton(_t("&Call…"), self)
        self.ack_btn = QPushButton(_t("Ac&knowledge"), self)
        self.answer_btn = QPushButton(_t("A&nswer…"), self)
        self.duty = QLabel(self)
        hot = QWidget(self)
        lay = QVBoxLayout(hot)
        row = QHBoxLayout()
        for b in (self.call_btn, self.ack_btn, self.answer_btn):
            row.addWidget(b)
        row.addStretch(1)
        row.addWidget(self.duty)
        lay.addLayout(row)
        lay.addWidget(self.calls, 1)
        lay.addWidget(self.ladder)
        self.tabs.addTab(hot, _t("&Hotline"))
        self.requests = record_table([_t("Marking"), _t("From → to"), _t("What"),
                                      _t("State"), _t("Deadline"), _t("Clock"),
                                      _t("Incidents")])
        self.request_btn = QPushButton(_t("&Request…"), self)
        self.reply_btn = QPushButton(_t("Re&ply…"), self)
        self.meet_btn = QPushButton(_t("Ask the chair for a &meeting"), self)
        ex = QWidget(self)
        lay = QVBoxLayout(ex)
        row = QHBoxLayout()
        for b in (self.request_btn, self.reply_btn, self.meet_btn):
            row.addWidget(b)
        row.addStretch(1)
        lay.addLayout(row)
        lay.addWidget(self.requests, 1)
        self.tabs.addTab(ex, _t("&Explanations"))
        self.meetings = record_table([_t("Meeting"), _t("Channel"), _t("Called by"),
                                _t("Attendance"), _t("Not answered")])
        self.answer = QComboBox(self)
        for a, label in ((AttendanceAnswer.IN_PERSON, _t("Attending in person")),
                         (AttendanceAnswer.REMOTE, _t("Attending remotely")),
                         (AttendanceAnswer.REPRESENTED, _t("Represented by…")),
                         (AttendanceAnswer.CANNOT, _t("Cannot attend"))):
            self.answer.addItem(label, str(a))
        self.by = QLineEdit(self)
        self.by.setPlaceholderText(_t("who represents your mission"))
        self.attend_btn = QPushButton(_t("&Answer for my mission"), self)
        mt = QWidget(self)
        lay = QVBoxLayout(mt)
        row = QHBoxLayout()
        row.addWidget(self.answer)
        row.addWidget(self.by, 1)
        row.addWidget(self.attend_btn)
        lay.addLayout(row)
        lay.addWidget(self.meetings, 1)
        lay.addWidget(QLabel(_t("Proposed in bilateral channels (nobody convenes there):")))
        self.proposals = record_table([_t("When"), _t("Proposed by"), _t("Place and agenda"),
                                 _t("Answer")])
        self.accept_btn = QPushButton(_t("Acce&pt"), self)
        self.decline_btn = QPushButton(_t("&Decline"), self)
        row = QHBoxLayout()
        row.addWidget(self.accept_btn)
        row.addWidget(self.decline_btn)
        row.addStretch(1)
        lay.addLayout(row)
        lay.addWidget(self.proposals, 1)
        self.contact = QLabel(self)
        self.contact.setWordWrap(True)
        lay.addWidget(self.contact)
        self.tabs.addTab(mt, _t("&Meetings"))
        from ui.views.calendar import CalendarPanel

        self.calendar = CalendarPanel(self)
        self.tabs.addTab(self.calendar, _t("Ca&lendar"))
        # a device rings only while the app runs: offer to start it with the session
        self.autostart_btn = QPushButton(
            _t("Ring even when Corridor was not opened: &start it when I log in"), self)
        self.autostart_btn.setObjectName("autostartButton")
        self.autostart_btn.clicked.connect(self._autostart)
        self._offer_autostart()
        outer = QVBoxLayout(self)
        outer.addLayout(top)
        outer.addWidget(self.autostart_btn)
        outer.addWidget(self.tabs, 1)
        self.call_btn.clicked.connect(self._call)
        self.ack_btn.clicked.connect(self._ack_selected)
        self.banner_ack.clicked.connect(self._ack_ringing)
        self.answer_btn.clicked.connect(self._answer)
        self.request_btn.clicked.connect(self._request)
        self.reply_btn.clicked.connect(self._reply)
        self.meet_btn.clicked.connect(self._meeting)
        self.attend_btn.clicked.connect(self._attend)
        self.accept_btn.clicked.connect(lambda: self._answer_proposal(True))
        self.decline_btn.clicked.connect(lambda: self._answer_proposal(False))
        self.calls.itemSelectionChanged.connect(self._show_ladder)
        self.resize(900, 520)
        self.show_view(None)

    # -- rendering ----------------------------------------------------------------------

    def show_view(self, view: DeskView | None) -> None:
        self.view = view
        ringing = [v for v in view.calls if v.call.call_id in view.ringing] if view else []
        self.banner.setVisible(bool(ringing))
        self.banner_ack.setVisible(bool(ringing))
        if ringing and view is not None:
            v = ringing[0]
            self.banner.setText(_t("%1 HOTLINE CALL from %2: %3 — %4").replace(
                "%1", _word(v.call.priority).upper()).replace(
                "%2", view.label(v.call.caller)).replace("%3", v.call.subject).replace(
                "%4", _escalation(v.escalation, view.now)))
        if view is None:
            for t in (self.calls, self.requests, self.meetings, self.proposals):
                t.setRowCount(0)
            return
        rows: list[tuple[object, list[str], QColor | None]] = []
        for v in view.calls:
            color = _RING if v.call.call_id in view.ringing else (
                _DONE if v.escalation.acknowledged_at else None)
            rows.append((v.call.call_id, [
                view.marks.get(v.call.call_id, ""), _word(v.call.priority).upper(),
                f"{view.label(v.call.caller)} → {v.call.to_mission}",
                v.call.subject, _word(v.ladder.to_json()["state"]),
                _escalation(v.escalation, view.now)], color))
        fill_table(self.calls, rows)
        if view.roster is not None:
            from client.crisis import hotline

            self.duty.setText(_t("On duty: %1 · deputy %2 · head of mission %3").replace(
                "%1", ", ".join(map(view.label, hotline.on_duty(view.roster, view.now)))).replace(
                "%2", view.label(hotline.deputy(view.roster, view.now))).replace(
                "%3", view.label(view.roster.head)))
        else:
            self.duty.setText(_t("No duty roster: every delegate of your mission is called"))
        others = [(_t("Mission %1: someone on duty") if yes else
                   _t("Mission %1: nobody on duty")).replace("%1", m)
                  for m, yes in view.others_on_duty.items()]
        if others:
            self.duty.setText(self.duty.text() + "\n" + " · ".join(others))
        self.call_btn.setEnabled(bool(view.bilateral))
        fill_table(self.requests, [(
            req.request_id, [view.marks.get(req.request_id, ""),
                             f"{view.label(req.requester)} → {req.to_mission}", req.what,
                             _word(st.state) + (_t(" (late)") if st.late else ""),
                             when(st.deadline_at),
                             _span(st.remaining_ms) if st.replied_at is None else "—",
                             "; ".join(f"{m} {when(at)}" for m, at in
                                       view.incidents.get(req.request_id, []))],
            _RING if str(st.state) == "overdue" else None) for req, st in view.explanations])
        fill_table(self.meetings, [(
            (m.channel_id, m.meeting_id), [
                f"{when(m.meeting_at)} · {m.agenda}", m.channel_name, view.label(m.called_by),
                ", ".join(f"{_word(k)} {n}" for k, n in m.tally.counts.items()
                          if n and k != "not answered"),
                ", ".join(m.tally.not_answered) or "—"], None) for m in view.meetings])
        fill_table(self.proposals, [(
            p.proposal_id, [when(p.meeting_at), view.label(p.member),
                            " · ".join(x for x in (p.place, p.agenda) if x),
                            ", ".join((_t("%1 accepts") if ok else _t("%1 declines")).replace(
                                "%1", view.label(who)) for who, ok in answers.items())
                            or _t("no answer yet")],
            _DONE if any(answers.values()) else None) for _c, p, answers in view.proposals])
        self.contact.setText("\n".join(
            _t("%1 is available to talk until %2").replace("%1", view.label(who)).replace(
                "%2", when(until)) + (f" ({note})" if note else "")
            for rows in view.available.values() for who, until, note in rows))
        self._show_ladder()

    def _call_view(self) -> object:
        key = selected_key(self.calls)
        if self.view is None or key is None:
            return None
        return next((v for v in self.view.calls if v.call.call_id == key), None)

    def _show_ladder(self) -> None:
        v = self._call_view()
        if v is None or self.view is None:
            self.ladder.setText("")
            self.ack_btn.setEnabled(False)
            self.answer_btn.setEnabled(False)
            return
        from client.crisis.book import CallView

        assert isinstance(v, CallView)
        mine = v.call.to_mission == self.view.mission
        self.ack_btn.setEnabled(mine and v.escalation.acknowledged_at is None)
        self.answer_btn.setEnabled(mine and v.escalation.answered_at is None)
        lines = [_t("Sent %1 · reply by %2").replace("%1", when(v.call.sent_at)).replace(
            "%2", when(v.call.reply_by))]
        label = self.view.label
        lines += [_t("%1 by %2 at %3").replace("%1", _word(r.name.lower())).replace(
            "%2", label(s.member)).replace("%3", when(s.at))
            for r, s in sorted(v.ladder.reached.items())]
        lines += [_t("called %1 at %2%3").replace("%1", _word(s.level)).replace(
            "%2", when(s.at)).replace(
            "%3", f" ({', '.join(map(label, s.called))})" if s.called else "")
            for s in v.escalation.steps]
        self.ladder.setText("\n".join(lines))

    def _offer_autostart(self) -> None:
        from client import autostart

        self.autostart_btn.setVisible(autostart.supported() and not autostart.enabled())

    def _autostart(self) -> None:
        from client import autostart

        try:
            autostart.enable()
        except OSError as exc:
            self.autostart_btn.setToolTip(str(exc))
        self._offer_autostart()

    # -- requests -----------------------------------------------------------------------

    def _call(self) -> None:
        if self.view is None:
            return
        d = CallDialog(self.view.bilateral, self, self.view.levels)
        if d.exec() == QDialog.DialogCode.Accepted:
            self.callRequested.emit(d.channel.currentData(), d.subject.text().strip(),
                                    d.body.toPlainText(), d.priority.currentData(),
                                    d.marking.marking())

    def _ack_selected(self) -> None:
        key = selected_key(self.calls)
        if isinstance(key, bytes):
            self.ackRequested.emit(key)

    def _ack_ringing(self) -> None:
        if self.view is not None:
            for v in self.view.calls:
                if v.call.call_id in self.view.ringing:
                    self.ackRequested.emit(v.call.call_id)
                    return

    def _levels_of(self, channel_id: bytes | None) -> tuple[str, ...]:
        return self.view.levels.get(channel_id, ()) if self.view and channel_id else ()

    def _answer(self) -> None:
        v = self._call_view()
        from client.crisis.book import CallView

        if not isinstance(v, CallView):
            return
        d = MarkedTextDialog(_t("Answer the call"), _t("Answer:"),
                             self._levels_of(v.channel_id), self)
        text = d.text.toPlainText().strip() if d.exec() == QDialog.DialogCode.Accepted \
            else ""
        if text:
            self.answerRequested.emit(v.call.call_id, text, d.marking.marking())

    def _request(self) -> None:
        if self.view is None:
            return
        missions = sorted({m for _c, _n, m in self.view.bilateral})
        d = ExplainDialog(self.view.channels, missions, self, self.view.levels)
        if d.exec() == QDialog.DialogCode.Accepted:
            self.explainRequested.emit(d.channel.currentData(), d.to.currentText().strip(),
                                       d.what.toPlainText().strip(), d.where.text(),
                                       d.when_.text(), d.reference.text(),
                                       d.marking.marking())

    def _reply(self) -> None:
        key = selected_key(self.requests)
        if not isinstance(key, bytes) or self.view is None:
            return
        where = self.view.request_channels.get(key)
        d = MarkedTextDialog(_t("Reply to the request"), _t("Explanation:"),
                             self._levels_of(where), self)
        text = d.text.toPlainText().strip() if d.exec() == QDialog.DialogCode.Accepted \
            else ""
        if text:
            self.replyRequested.emit(key, text, d.marking.marking())

    def _meeting(self) -> None:
        key = selected_key(self.requests)
        if isinstance(key, bytes):
            self.meetingRequested.emit(key)

    def _answer_proposal(self, accept: bool) -> None:
        key = selected_key(self.proposals)
        if isinstance(key, bytes):
            self.proposalAnswered.emit(key, accept)

    def _attend(self) -> None:
        key = selected_key(self.meetings)
        if not isinstance(key, tuple):
            return
        self.attendRequested.emit(key[0], key[1], self.answer.currentData(),
                                  self.by.text().strip())
