# SPDX-License-Identifier: Apache-2.0
"""Dialogs: channel wizard, verification, settings, search, agenda, emergency call, enrolment."""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence

from PySide6.QtCore import QCoreApplication, QDateTime, QRect, QSize, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import (
    QBoxLayout,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from client.model import SearchHit
from ui.i18n import QT_TRANSLATE_NOOP, tr_n
from ui.views.buttons import ok_cancel

__all__ = [
    "AgendaDialog",
    "ChannelWizard",
    "EmergencyDialog",
    "FirstRunDialog",
    "QrWidget",
    "SearchDialog",
    "SettingsDialog",
    "VerificationDialog",
]


def _t(text: str) -> str:
    return QCoreApplication.translate("Dialogs", text)


# ---------------------------------------------------------------------- channel wizard

KIND_HELP = {  # translated where shown (QT_TRANSLATE_NOOP marks them for lupdate)
    "bilateral": QT_TRANSLATE_NOOP(
        "Dialogs", "Exactly two missions: yours and one other. Nobody can change the pair."),
    "multilateral": QT_TRANSLATE_NOOP(
        "Dialogs", "Several missions (a working group). You convene it and may change it."),
    "caucus": QT_TRANSLATE_NOOP(
        "Dialogs", "A private group of allied missions, invisible to everyone else."),
    "notice": QT_TRANSLATE_NOOP(
        "Dialogs", "Every mission of the venue; only the chair posts. Chair only."),
}


def page_intro(page: QWizardPage, text: str = "") -> QLabel:
    """A wizard page's explanation, word-wrapped at the top of the page itself: QWizard's
    header sizes its subtitle for the English text and clips a longer translation."""
    label = QLabel(text, page)
    label.setObjectName("pageIntro")
    label.setWordWrap(True)
    lay = page.layout()
    if isinstance(lay, QFormLayout):
        lay.insertRow(0, label)
    elif isinstance(lay, QBoxLayout):
        lay.insertWidget(0, label)
    return label


class _KindPage(QWizardPage):
    def __init__(self, wizard: ChannelWizard) -> None:
        super().__init__(wizard)
        self.setTitle(_t("What kind of channel?"))
        self.group = QButtonGroup(self)
        lay = QVBoxLayout(self)
        self.buttons: dict[str, QRadioButton] = {}
        labels = {"bilateral": _t("&Bilateral"), "multilateral": _t("&Multilateral"),
                  "caucus": _t("&Caucus"), "notice": _t("&Notice")}
        for kind in ("bilateral", "multilateral", "caucus", "notice"):
            b = QRadioButton(labels[kind], self)
            b.setObjectName(f"kind_{kind}")
            self.group.addButton(b)
            self.buttons[kind] = b
            lay.addWidget(b)
            help_ = QLabel(_t(KIND_HELP[kind]), self)
            help_.setWordWrap(True)
            help_.setIndent(24)
            lay.addWidget(help_)
            if kind == "notice" and not wizard.is_chair:
                b.setEnabled(False)
                help_.setEnabled(False)
        self.buttons["multilateral"].setChecked(True)
        self.group.buttonToggled.connect(lambda *_: self.completeChanged.emit())
        self.intro = page_intro(self, _t("The kind decides who may join, who may change the "
                                         "members and who may post. It never changes later."))

    def kind(self) -> str:
        return next(k for k, b in self.buttons.items() if b.isChecked())


class _MissionsPage(QWizardPage):
    def __init__(self, wizard: ChannelWizard) -> None:
        super().__init__(wizard)
        self.wiz = wizard
        self.setTitle(_t("Name and missions"))
        self.name = QLineEdit(self)
        self.name.setObjectName("channelName")
        self.name.setPlaceholderText(_t("For example: Working group on incident prevention"))
        self.missions = QListWidget(self)
        self.missions.setObjectName("missionList")
        self.missions.setAccessibleName(_t("Missions"))
        self.verdict = QLabel(self)
        self.verdict.setObjectName("policyVerdict")
        self.verdict.setWordWrap(True)
        form = QFormLayout(self)
        form.addRow(_t("&Name:"), self.name)
        form.addRow(_t("&Missions:"), self.missions)
        form.addRow(self.verdict)
        self.intro = page_intro(self)
        self.name.textChanged.connect(lambda *_: self.completeChanged.emit())
        self.missions.itemChanged.connect(lambda *_: self.completeChanged.emit())

    def initializePage(self) -> None:
        """List the venue's missions; the user's own is always in and cannot be unchecked."""
        self.missions.clear()
        kind = self.wiz.kind_page.kind()
        self.intro.setText(_t(KIND_HELP[kind]))
        for m in self.wiz.all_missions:
            it = QListWidgetItem(m, self.missions)
            own = m == self.wiz.my_mission
            it.setFlags(Qt.ItemFlag.ItemIsEnabled | (Qt.ItemFlag.NoItemFlags if own else
                                                      Qt.ItemFlag.ItemIsUserCheckable))
            it.setCheckState(Qt.CheckState.Checked if own or kind == "notice"
                             else Qt.CheckState.Unchecked)
            if own:
                it.setText(_t("%1 (your mission)").replace("%1", m))
                it.setData(Qt.ItemDataRole.UserRole, m)
            else:
                it.setData(Qt.ItemDataRole.UserRole, m)
        if self.missions.count():
            self.missions.setCurrentRow(0)

    def chosen(self) -> list[str]:
        out = []
        for i in range(self.missions.count()):
            it = self.missions.item(i)
            if it.checkState() == Qt.CheckState.Checked:
                out.append(str(it.data(Qt.ItemDataRole.UserRole)))
        return out

    def isComplete(self) -> bool:
        """Complete when named and the policy accepts the missions (the reason shows)."""
        problem = self.wiz.check(self.wiz.kind_page.kind(), self.chosen())
        if not self.name.text().strip():
            problem = problem or _t("Give the channel a name.")
        self.verdict.setText(problem or _t("✓ The channel policy allows this."))
        return not problem


class ChannelWizard(QWizard):
    """Kind first, then name and missions, checked against the policy as you choose."""

    created = Signal(str, str, list)  # kind, name, missions

    def __init__(self, all_missions: Sequence[str], my_mission: str, is_chair: bool,
                 check: Callable[[str, Sequence[str]], str],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("channelWizard")
        self.setWindowTitle(_t("New channel"))
        self.all_missions = list(all_missions)
        self.my_mission = my_mission
        self.is_chair = is_chair
        self.check = check
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.kind_page = _KindPage(self)
        self.missions_page = _MissionsPage(self)
        self.addPage(self.kind_page)
        self.addPage(self.missions_page)
        self.resize(560, 480)

    def accept(self) -> None:
        """Emit what to create (the window creates it off the UI thread)."""
        self.created.emit(self.kind_page.kind(), self.missions_page.name.text().strip(),
                          self.missions_page.chosen())
        super().accept()


# ---------------------------------------------------------------------- verification


class QrWidget(QWidget):
    """Paints a QR code of ``data`` (with the `qrcode` package; a note without it)."""

    def __init__(self, data: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("qrCode")
        self.matrix: list[list[bool]] = []
        try:
            import qrcode

            q = qrcode.QRCode(border=0, error_correction=qrcode.constants.ERROR_CORRECT_M)
            q.add_data(data)
            q.make(fit=True)
            self.matrix = [list(map(bool, r)) for r in q.get_matrix()]
        except ImportError:
            self.matrix = []
        self.setMinimumSize(QSize(180, 180))
        self.setAccessibleName(_t("QR code of the safety number"))

    def paintEvent(self, _e: QPaintEvent) -> None:
        """Dark modules on white with a quiet zone, whatever the theme (scanners need it)."""
        p = QPainter(self)
        side = min(self.width(), self.height())
        p.fillRect(QRect(0, 0, side, side), QColor("white"))
        if not self.matrix:
            p.setPen(QColor("black"))
            p.drawText(QRect(0, 0, side, side), int(Qt.TextFlag.TextWordWrap |
                       Qt.AlignmentFlag.AlignCenter), _t("QR code unavailable (install qrcode)"))
            return
        n = len(self.matrix)
        cell = max(1, (side - 16) // n)
        off = (side - cell * n) // 2
        for y, row in enumerate(self.matrix):
            for x, on in enumerate(row):
                if on:
                    p.fillRect(off + x * cell, off + y * cell, cell, cell, QColor("black"))


class VerificationDialog(QDialog):
    """The safety number of this device and another, as words, hex and a QR code.

    Both people open this dialog and compare (in person or on a trusted call); the same
    words on both sides mean neither key was substituted.
    """

    def __init__(self, me: str, other: str, words: Sequence[str], hex_: str,
                 qr_data: str, already: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("verificationDialog")
        self.setWindowTitle(_t("Verify %1").replace("%1", other))
        self.words = list(words)
        intro = QLabel(_t("Compare these words with %1, in person or on a call you trust. "
                          "If they match on both devices, nobody has substituted a key.")
                       .replace("%1", other), self)
        intro.setWordWrap(True)
        grid = QGridLayout()
        for i, w in enumerate(self.words):
            lab = QLabel(f"<b>{w}</b>", self)
            lab.setObjectName(f"word{i}")
            lab.setAlignment(Qt.AlignmentFlag.AlignCenter)
            grid.addWidget(lab, i // 4, i % 4)
        self.hex_label = QLabel(hex_, self)
        self.hex_label.setObjectName("safetyHex")
        self.hex_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        f = self.hex_label.font()
        f.setFamily("monospace")
        self.hex_label.setFont(f)
        self.qr = QrWidget(qr_data, self)
        self.pair = QLabel(_t("This device: %1\nTheir device: %2").replace("%1", me)
                           .replace("%2", other), self)
        buttons = QDialogButtonBox(self)
        self.verify_button = buttons.addButton(_t("They &match — mark as verified"),
                                               QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(_t("&Not now"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        if already:
            self.verify_button.setText(_t("Verified ✔ — close"))
        lay = QVBoxLayout(self)
        lay.addWidget(intro)
        lay.addLayout(grid)
        lay.addWidget(self.hex_label)
        lay.addWidget(self.qr, 0, Qt.AlignmentFlag.AlignHCenter)
        lay.addWidget(self.pair)
        lay.addWidget(buttons)


# ---------------------------------------------------------------------- settings

TIMERS: tuple[tuple[str, int | None], ...] = (
    (QT_TRANSLATE_NOOP("Dialogs", "Off"), None),
    (QT_TRANSLATE_NOOP("Dialogs", "1 hour"), 3600),
    (QT_TRANSLATE_NOOP("Dialogs", "1 day"), 86400),
    (QT_TRANSLATE_NOOP("Dialogs", "1 week"), 7 * 86400))


class SettingsDialog(QDialog):
    """Notifications, the current channel's disappearing timer, the theme and the
    language."""

    def __init__(self, notifications: bool, theme: str, timer: int | None,
                 channel_name: str, can_set_timer: bool, parent: QWidget | None = None,
                 language: str = "system") -> None:
        super().__init__(parent)
        self.setObjectName("settingsDialog")
        self.setWindowTitle(_t("Settings"))
        self.notifications = QCheckBox(_t("Show desktop &notifications"), self)
        self.notifications.setChecked(notifications)
        from client import autostart

        # off until chosen: a shared or borrowed machine must not start ringing by itself
        self.autostart = QCheckBox(_t("Start Corridor when I log &in (in the tray, so "
                                      "hotline calls ring)"), self)
        self.autostart.setObjectName("autostart")
        self.autostart.setChecked(autostart.enabled())
        self.autostart.setVisible(autostart.supported())
        self.initial_autostart = self.autostart.isChecked()
        self.theme = QComboBox(self)
        for key, label in (("system", _t("System")), ("light", _t("Light")),
                           ("dark", _t("Dark"))):
            self.theme.addItem(label, key)
        self.theme.setCurrentIndex(max(0, self.theme.findData(theme)))
        from ui.translations import LANGUAGES

        self.language = QComboBox(self)
        self.language.setObjectName("language")
        self.language.addItem(_t("System language"), "system")
        for code, name in LANGUAGES.items():  # each in its own language, to be found
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(0, self.language.findData(language)))
        self.initial_language = str(self.language.currentData())
        self.language_note = QLabel(_t("A new language applies when Corridor restarts."),
                                    self)
        self.language_note.setWordWrap(True)
        self.timer = QComboBox(self)
        for label, secs in TIMERS:
            self.timer.addItem(_t(label), secs)
        if self.timer.findData(timer) < 0:  # set elsewhere (another device, the CLI)
            from ui.i18n import duration_text

            self.timer.addItem(duration_text(int(timer or 0)), timer)
        self.timer.setCurrentIndex(max(0, self.timer.findData(timer)))
        self.initial_timer = timer
        self.timer.setEnabled(can_set_timer)
        form = QFormLayout(self)
        form.addRow(self.notifications)
        form.addRow(self.autostart)
        form.addRow(_t("&Theme:"), self.theme)
        form.addRow(_t("&Language:"), self.language)
        form.addRow(self.language_note)
        form.addRow(_t("&Disappearing messages in “%1”:").replace("%1", channel_name),
                    self.timer)
        form.addRow(ok_cancel(self))

    def accept(self) -> None:
        """Apply the autostart choice here: it is the desktop's, not a channel's or the
        window's."""
        from client import autostart

        if self.autostart.isChecked() != self.initial_autostart:
            try:
                (autostart.enable if self.autostart.isChecked() else autostart.disable)()
            except OSError as exc:
                QMessageBox.warning(self, _t("Settings"), str(exc))
        super().accept()

    def chosen_timer(self) -> int | None:
        value = self.timer.currentData()
        return int(value) if value is not None else None

    def chosen_language(self) -> str | None:
        """The language chosen, if the user changed it (saved for the next start)."""
        code = str(self.language.currentData())
        return code if code != self.initial_language else None

    def timer_changed(self) -> bool:
        """Whether the user chose another timer (only a change is posted to the channel)."""
        return self.timer.isEnabled() and self.chosen_timer() != self.initial_timer


# ---------------------------------------------------------------------- search


class SearchDialog(QDialog):
    """Local search across every channel; Enter on a result opens it."""

    searchRequested = Signal(str)
    hitActivated = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("searchDialog")
        self.setWindowTitle(_t("Search messages"))
        self.query = QLineEdit(self)
        self.query.setObjectName("searchQuery")
        self.query.setAccessibleName(_t("Search messages"))
        self.query.setPlaceholderText(_t("Search this device's messages (whole words; "
                                         "“word*” for a prefix)"))
        self.query.setClearButtonEnabled(True)
        self.results = QListWidget(self)
        self.results.setObjectName("searchResults")
        self.results.setAccessibleName(_t("Results"))
        self.status = QLabel(self)
        self.query.returnPressed.connect(lambda: self.searchRequested.emit(self.query.text()))
        self.results.itemActivated.connect(
            lambda it: self.hitActivated.emit(it.data(Qt.ItemDataRole.UserRole)))
        lay = QVBoxLayout(self)
        lay.addWidget(self.query)
        lay.addWidget(self.results, 1)
        lay.addWidget(self.status)
        self.resize(560, 420)

    def show_error(self, text: str) -> None:
        self.results.clear()
        self.status.setText(text)

    def show_hits(self, hits: list[SearchHit]) -> None:
        self.results.clear()
        for h in hits:
            when = time.strftime("%Y-%m-%d %H:%M", time.localtime(h.message.sent_at / 1000))
            it = QListWidgetItem(f"{h.channel_name} · {h.message.sender_label} · {when}\n"
                                 f"{h.text[:140]}",
                                 self.results)
            it.setData(Qt.ItemDataRole.UserRole, h)
        self.status.setText(tr_n("Dialogs", "%n result(s)", len(hits)))
        if hits:
            self.results.setCurrentRow(0)


# ---------------------------------------------------------------------- chair's forms


class AgendaDialog(QDialog):
    """The chair posts a revised agenda (pinned on every mission's notice board)."""

    def __init__(self, title: str, body: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_t("Post a revised agenda"))
        self.title = QLineEdit(title, self)
        self.body = QPlainTextEdit(body, self)
        self.body.setTabChangesFocus(True)
        form = QFormLayout(self)
        form.addRow(_t("&Title:"), self.title)
        form.addRow(_t("&Agenda:"), self.body)
        form.addRow(ok_cancel(self))


class EmergencyDialog(QDialog):
    """The chair convenes an emergency meeting: when, where, why, then a confirmation.

    Every mission is alarmed and asked to acknowledge, so the call is reviewed before it
    goes: the reason is required, the time must not be past, and the second page shows
    exactly what the missions will read (the time in the user's locale, the place once).
    """

    FORM, CONFIRM = 0, 1

    def __init__(self, channel_name: str = "", parent: QWidget | None = None) -> None:
        from PySide6.QtCore import QLocale
        from PySide6.QtWidgets import QStackedWidget

        super().__init__(parent)
        self.setObjectName("emergencyDialog")
        self.setWindowTitle(_t("Convene an emergency meeting"))
        self.channel_name = channel_name
        self.when = QDateTimeEdit(QDateTime.currentDateTime().addSecs(1800), self)
        self.when.setDisplayFormat(QLocale().dateTimeFormat(QLocale.FormatType.ShortFormat))
        self.when.setCalendarPopup(True)
        self.place = QLineEdit(self)
        self.place.setObjectName("emergencyPlace")
        self.place.setPlaceholderText(_t("e.g. Conference room B"))
        self.link = QLineEdit(self)
        self.agenda = QPlainTextEdit(self)
        self.agenda.setObjectName("emergencyReason")
        self.agenda.setTabChangesFocus(True)
        self.agenda.setPlaceholderText(_t("Why the meeting is needed: every mission reads "
                                          "this before acknowledging."))
        self.problem = QLabel(self)
        self.problem.setObjectName("emergencyProblem")
        self.problem.setWordWrap(True)
        form_page = QWidget(self)
        form = QFormLayout(form_page)
        form.addRow(_t("&When:"), self.when)
        form.addRow(_t("&Place:"), self.place)
        form.addRow(_t("&Link:"), self.link)
        form.addRow(_t("&Reason:"), self.agenda)
        form.addRow(self.problem)
        confirm_page = QWidget(self)
        self.summary = QLabel(confirm_page)
        self.summary.setObjectName("emergencySummary")
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        QVBoxLayout(confirm_page).addWidget(self.summary)
        self.pages = QStackedWidget(self)
        self.pages.addWidget(form_page)
        self.pages.addWidget(confirm_page)
        self.buttons = QDialogButtonBox(self)
        self.review = self.buttons.addButton(_t("&Review…"),
                                             QDialogButtonBox.ButtonRole.ActionRole)
        self.back = self.buttons.addButton(_t("&Back"), QDialogButtonBox.ButtonRole.ActionRole)
        self.send = self.buttons.addButton(_t("&Convene now"),
                                           QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.review.clicked.connect(self.show_review)
        self.back.clicked.connect(lambda: self._page(self.FORM))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(self.pages)
        lay.addWidget(self.buttons)
        self._page(self.FORM)

    def _page(self, page: int) -> None:
        self.pages.setCurrentIndex(page)
        self.review.setVisible(page == self.FORM)
        self.review.setDefault(page == self.FORM)
        self.back.setVisible(page == self.CONFIRM)
        self.send.setVisible(page == self.CONFIRM)
        self.send.setDefault(page == self.CONFIRM)

    def check(self) -> str:
        """What must be fixed before the call can be reviewed ("" when nothing)."""
        if not self.agenda.toPlainText().strip():
            return _t("Give the reason: every mission reads it before acknowledging.")
        if self.meeting_at_ms() < QDateTime.currentMSecsSinceEpoch() - 60_000:
            return _t("That time is in the past.")
        return ""

    def show_review(self) -> bool:
        problem = self.check()
        self.problem.setText(problem)
        if problem:
            return False
        from ui.i18n import when_text

        minutes = max(0, round((self.meeting_at_ms() - QDateTime.currentMSecsSinceEpoch())
                               / 60_000))
        lines = [_t("Every mission in “%1” will be alarmed and asked to acknowledge.")
                 .replace("%1", self.channel_name or _t("this channel")), "",
                 _t("When: %1 (%2)").replace("%1", when_text(self.meeting_at_ms())).replace(
                     "%2", tr_n("Dialogs", "in %n minute(s)", minutes))]
        if self.place.text().strip():
            lines.append(_t("Place: %1").replace("%1", self.place.text().strip()))
        if self.link.text().strip():
            lines.append(_t("Link: %1").replace("%1", self.link.text().strip()))
        lines.append(_t("Reason: %1").replace("%1", self.agenda.toPlainText().strip()))
        self.summary.setText("\n".join(lines))
        self._page(self.CONFIRM)
        return True

    def accept(self) -> None:
        """Only from the confirmation page (Enter on the form reviews first)."""
        if self.pages.currentIndex() != self.CONFIRM:
            self.show_review()
            return
        super().accept()

    def meeting_at_ms(self) -> int:
        return int(self.when.dateTime().toMSecsSinceEpoch())


# ---------------------------------------------------------------------- first run


class FirstRunDialog(QDialog):
    """No enrolment yet: enrol this device, or open a demo venue.

    Enrolment follows the accreditation letter: compare the venue root's fingerprint,
    create this device's key and certificate request for the mission admin, then import
    the certificates they send back.
    """

    DEMO, ENROL = 1, 2

    def __init__(self, home: str, parent: QWidget | None = None, *,
                 demo_offered: bool = True) -> None:
        super().__init__(parent)
        self.setObjectName("firstRunDialog")
        self.setWindowTitle(_t("Welcome to Corridor"))
        self.choice = 0
        intro = QLabel(_t("This device is not enrolled in a venue yet (home: %1).")
                       .replace("%1", home), self)
        intro.setWordWrap(True)
        demo = QPushButton(_t("Open a &demo venue"), self)
        demo.setObjectName("demoButton")
        demo_help = QLabel(_t("A complete venue on this computer only (127.0.0.1): several "
                              "missions, channels of every kind and delegates who answer."), self)
        demo_help.setWordWrap(True)
        enrol = QPushButton(_t("&Enrol this device…"), self)
        enrol.setObjectName("enrolButton")
        enrol_help = QLabel(_t("You need your accreditation letter (the venue root "
                               "fingerprint) and your mission admin."), self)
        enrol_help.setWordWrap(True)
        demo.clicked.connect(lambda: self._done(self.DEMO))
        enrol.clicked.connect(lambda: self._done(self.ENROL))
        lay = QVBoxLayout(self)
        lay.addWidget(intro)
        if demo_offered:
            lay.addWidget(demo)
            lay.addWidget(demo_help)
        lay.addWidget(enrol)
        lay.addWidget(enrol_help)
        (demo if demo_offered else enrol).setDefault(True)
        if not demo_offered:  # whoever started the app offers no demo venue
            demo.hide()
            demo_help.hide()

    def _done(self, choice: int) -> None:
        self.choice = choice
        self.accept()
