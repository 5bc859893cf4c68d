# SPDX-License-Identifier: Apache-2.0
"""Starting an enrolled or a new device: the passphrase dialog and the enrolment wizard.

Enrolment follows the accreditation letter, in the order the people involved act:

1. this device makes its key (it never leaves the device) and a certificate request;
2. the delegate sends the request to the mission admin, who signs it (``corridor mission
   sign-device``) and sends back the device and mission certificates; the secretariat's
   venue root certificate comes with them, and the letter gives its fingerprint;
3. the device imports the three files, pinning the root only if its fingerprint matches
   the letter, and checks the chain;
4. the venue opens.

Between steps 2 and 3 may pass days: the wizard can be closed, and the next start of the
app resumes at step 2. The views only collect input and show results: the controller
(ui/app.py) does the work on the core's thread and reports back through
:meth:`EnrolWizard.request_made`, :meth:`EnrolWizard.imported` and the ``*_failed``
methods.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from ui.views.dialogs import page_intro

__all__ = ["EnrolWizard", "PassphraseDialog"]

MIN_PASSPHRASE = 8


def _t(text: str) -> str:
    return QCoreApplication.translate("Enrol", text)


# ---------------------------------------------------------------------- passphrase


class PassphraseDialog(QDialog):
    """Asks for the key file's passphrase and stays open until it opens the device.

    A wrong passphrase is said in the dialog and the user tries again; Quit (or Escape)
    rejects the dialog and the app ends.
    """

    submitted = Signal(str)

    def __init__(self, home: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("passphraseDialog")
        self.setWindowTitle(_t("Unlock Corridor"))
        intro = QLabel(_t("This device's keys are in a passphrase-protected file (no OS "
                          "keyring is in use). Enter its passphrase to open\n%1")
                       .replace("%1", home), self)
        intro.setWordWrap(True)
        self.field = QLineEdit(self)
        self.field.setObjectName("passphrase")
        self.field.setEchoMode(QLineEdit.EchoMode.Password)
        self.field.setAccessibleName(_t("Passphrase"))
        self.error = QLabel(self)
        self.error.setObjectName("passphraseError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #c0392b;")
        self.buttons = QDialogButtonBox(self)
        self.unlock = self.buttons.addButton(_t("&Unlock"),
                                             QDialogButtonBox.ButtonRole.AcceptRole)
        self.unlock.setObjectName("unlockButton")
        self.quit_button = self.buttons.addButton(_t("&Quit"),
                                                  QDialogButtonBox.ButtonRole.RejectRole)
        self.quit_button.setObjectName("quitButton")
        self.buttons.accepted.connect(self._submit)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(intro)
        form.addRow(_t("&Passphrase:"), self.field)
        form.addRow(self.error)
        form.addRow(self.buttons)
        self.setMinimumWidth(460)

    def accept(self) -> None:
        """Enter submits; the dialog closes only when the controller says it opened."""
        self._submit()

    def _submit(self) -> None:
        if not self.field.isEnabled():
            return
        if not self.field.text():
            self.error.setText(_t("Enter the passphrase."))
            return
        self.busy()
        self.submitted.emit(self.field.text())

    def busy(self) -> None:
        self.error.setText(_t("Unlocking…"))
        self.field.setEnabled(False)
        self.unlock.setEnabled(False)

    def refuse(self, text: str) -> None:
        """The passphrase did not open the device: say so and let the user try again."""
        self.error.setText(text)
        self.field.setEnabled(True)
        self.unlock.setEnabled(True)
        self.field.clear()
        self.field.setFocus()
        self.show()

    def opened(self) -> None:
        super().accept()


# ---------------------------------------------------------------------- enrolment wizard


def _busy_label(page: QWizardPage) -> QLabel:
    label = QLabel(page)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class _DevicePage(QWizardPage):
    """Step 1: who this device belongs to, and (without a keyring) its passphrase."""

    def __init__(self, wizard: EnrolWizard, needs_passphrase: bool) -> None:
        super().__init__(wizard)
        self.wiz = wizard
        self.done = False
        self.setTitle(_t("1. This device's key"))
        intro = _t("Corridor makes a signature key on this computer (it never "
                   "leaves it) and a certificate request for your mission admin.")
        self.delegate = QLineEdit(self)
        self.delegate.setObjectName("delegateId")
        self.delegate.setPlaceholderText(_t("as your mission admin gave it, e.g. amartin"))
        self.display = QLineEdit(self)
        self.display.setObjectName("displayName")
        self.display.setPlaceholderText(_t("your name as others see it, e.g. Alice Martin"))
        self.passphrase = QLineEdit(self)
        self.passphrase.setObjectName("newPassphrase")
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.repeat = QLineEdit(self)
        self.repeat.setObjectName("repeatPassphrase")
        self.repeat.setEchoMode(QLineEdit.EchoMode.Password)
        self.needs_passphrase = needs_passphrase
        self.status = _busy_label(self)
        self.status.setObjectName("requestStatus")
        form = QFormLayout(self)
        page_intro(self, intro)
        form.addRow(_t("&Delegate id:"), self.delegate)
        form.addRow(_t("Display &name:"), self.display)
        if needs_passphrase:
            note = QLabel(_t("This computer has no usable OS keyring: the key goes into a "
                             "file protected by a passphrase you choose now (at least %1 "
                             "characters). You will type it each time Corridor starts.")
                          .replace("%1", str(MIN_PASSPHRASE)), self)
            note.setWordWrap(True)
            form.addRow(note)
            form.addRow(_t("&Passphrase:"), self.passphrase)
            form.addRow(_t("&Repeat it:"), self.repeat)
        else:
            self.passphrase.hide()
            self.repeat.hide()
        form.addRow(self.status)
        for field in (self.delegate, self.display, self.passphrase, self.repeat):
            field.textChanged.connect(self._changed)

    def _changed(self) -> None:
        self.completeChanged.emit()
        problem = self.problem()
        self.status.setText(problem if problem and self.passphrase.text() else "")

    def problem(self) -> str:
        if not self.delegate.text().strip() or not self.display.text().strip():
            return _t("Fill in your delegate id and display name.")
        if self.needs_passphrase:
            if len(self.passphrase.text()) < MIN_PASSPHRASE:
                return _t("The passphrase needs at least %1 characters.").replace(
                    "%1", str(MIN_PASSPHRASE))
            if self.passphrase.text() != self.repeat.text():
                return _t("The two passphrases differ.")
        return ""

    def isComplete(self) -> bool:
        return self.done or (not self.problem() and self.delegate.isEnabled())

    def validatePage(self) -> bool:
        """Next asks the controller to make the key; the page moves on when it is made."""
        if self.done:
            return True
        for field in (self.delegate, self.display, self.passphrase, self.repeat):
            field.setEnabled(False)
        self.status.setText(_t("Making the key and the request…"))
        self.completeChanged.emit()
        self.wiz.createRequested.emit(self.delegate.text().strip(), self.display.text().strip(),
                                      self.passphrase.text())
        return False

    def failed(self, text: str) -> None:
        for field in (self.delegate, self.display, self.passphrase, self.repeat):
            field.setEnabled(True)
        self.status.setText(text)
        self.completeChanged.emit()


class _RequestPage(QWizardPage):
    """Step 2: where the request is, and what the mission admin sends back."""

    def __init__(self, wizard: EnrolWizard) -> None:
        super().__init__(wizard)
        self.wiz = wizard
        self.setTitle(_t("2. Send the request to your mission admin"))
        intro = _t("They sign it and send you back your device certificate and "
                   "your mission's certificate; the secretariat's venue root "
                   "certificate comes with them.")
        self.where = _busy_label(self)
        self.where.setObjectName("requestPath")
        self.key = _busy_label(self)
        self.key.setObjectName("requestKey")
        save = QPushButton(_t("&Save a copy of the request…"), self)
        save.setObjectName("saveRequest")
        save.clicked.connect(self._save_copy)
        copy = QPushButton(_t("&Copy its location"), self)
        copy.clicked.connect(lambda: QGuiApplication.clipboard().setText(str(self.wiz.request)))
        row = QHBoxLayout()
        row.addWidget(save)
        row.addWidget(copy)
        row.addStretch(1)
        later = QLabel(_t("Send it by your ministry's usual channel. The request holds no "
                          "secret. You may close Corridor now: the next time it starts, it "
                          "continues with the next step. When your admin calls to confirm, "
                          "read them the device key above."), self)
        later.setWordWrap(True)
        lay = QVBoxLayout(self)
        page_intro(self, intro)
        lay.addWidget(self.where)
        lay.addWidget(self.key)
        lay.addLayout(row)
        lay.addWidget(later)
        lay.addStretch(1)

    def initializePage(self) -> None:
        self.where.setText(_t("Your request: %1").replace("%1", str(self.wiz.request)))
        self.key.setText(_t("Device key: %1").replace("%1", self.wiz.request_key))

    def _save_copy(self) -> None:
        target, _filter = QFileDialog.getSaveFileName(
            self, _t("Save the request"), str(Path.home() / self.wiz.request.name),
            _t("Certificate request (*.pem)"))
        if target:
            shutil.copyfile(self.wiz.request, target)
            self.where.setText(_t("Your request: %1 (a copy is in %2)")
                               .replace("%1", str(self.wiz.request)).replace("%2", target))


class _ImportPage(QWizardPage):
    """Step 3: the three certificates, the fingerprint from the letter, the relay."""

    def __init__(self, wizard: EnrolWizard, relay: str) -> None:
        super().__init__(wizard)
        self.wiz = wizard
        self.done = False
        self.setTitle(_t("3. Import your certificates"))
        intro = _t("Choose the files your mission admin sent. The venue root is "
                   "accepted only if its fingerprint matches your accreditation "
                   "letter.")
        choose = QPushButton(_t("C&hoose the files…"), self)
        choose.setObjectName("chooseFiles")
        choose.clicked.connect(self._choose)
        self.files: dict[str, QLineEdit] = {}
        form = QFormLayout(self)
        page_intro(self, intro)
        form.addRow(choose)
        for role, label in (("device", _t("Your &device certificate:")),
                            ("mission", _t("Your &mission's certificate:")),
                            ("root", _t("The venue &root certificate:"))):
            edit = QLineEdit(self)
            edit.setObjectName(f"{role}File")
            edit.textChanged.connect(lambda *_: self.completeChanged.emit())
            browse = QPushButton(_t("Browse…"), self)
            browse.setAccessibleName(label.replace("&", "") + " " + _t("Browse"))
            browse.clicked.connect(lambda _c=False, e=edit: self._browse(e))
            row = QHBoxLayout()
            row.addWidget(edit, 1)
            row.addWidget(browse)
            caption = QLabel(label, self)
            caption.setBuddy(edit)  # the mnemonic moves the focus to the field
            form.addRow(caption, row)
            self.files[role] = edit
        self.fingerprint = QLineEdit(self)
        self.fingerprint.setObjectName("rootFingerprint")
        self.fingerprint.setPlaceholderText(_t("64 hex digits or 32 words, from the letter"))
        self.fingerprint.textChanged.connect(lambda *_: self.completeChanged.emit())
        self.relay = QLineEdit(relay, self)
        self.relay.setObjectName("relayUrl")
        self.relay.setPlaceholderText("https://relay.example.org")
        self.relay.textChanged.connect(lambda *_: self.completeChanged.emit())
        self.status = _busy_label(self)
        self.status.setObjectName("importStatus")
        form.addRow(_t("Root &fingerprint:"), self.fingerprint)
        form.addRow(_t("Re&lay address:"), self.relay)
        form.addRow(self.status)

    def _choose(self) -> None:
        paths, _filter = QFileDialog.getOpenFileNames(
            self, _t("The files from your mission admin"), str(Path.home()),
            _t("Certificates (*.pem *.crt *.cer *.der);;All files (*)"))
        if paths:
            self.use_files(paths)

    def use_files(self, paths: Sequence[str]) -> None:
        """Put each chosen file in its field (the controller tells which is which)."""
        try:
            sorted_ = self.wiz.sort_files(list(paths))
        except Exception as exc:  # an unreadable file: say which, keep the fields
            self.status.setText(str(exc))
            return
        for role, path in sorted_.items():
            self.files[role].setText(str(path))
        missing = [r for r in ("device", "mission", "root") if r not in sorted_]
        self.status.setText(_t("Still missing: %1").replace("%1", ", ".join(missing))
                            if missing else "")

    def _browse(self, edit: QLineEdit) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self, _t("Choose a certificate"), str(Path.home()),
            _t("Certificates (*.pem *.crt *.cer *.der);;All files (*)"))
        if path:
            edit.setText(path)

    def isComplete(self) -> bool:
        return self.done or (self.fingerprint.isEnabled()
                and all(e.text().strip() for e in self.files.values())
                and bool(self.fingerprint.text().strip()) and bool(self.relay.text().strip()))

    def validatePage(self) -> bool:
        if self.done:
            return True
        self._enable(False)
        self.status.setText(_t("Checking the fingerprint and the certificates…"))
        self.wiz.importRequested.emit({r: e.text().strip() for r, e in self.files.items()},
                                      self.fingerprint.text().strip(),
                                      self.relay.text().strip())
        return False

    def _enable(self, on: bool) -> None:
        for e in (*self.files.values(), self.fingerprint, self.relay):
            e.setEnabled(on)
        self.completeChanged.emit()

    def failed(self, text: str) -> None:
        self._enable(True)
        self.status.setText(text)


class _DonePage(QWizardPage):
    def __init__(self, wizard: EnrolWizard) -> None:
        super().__init__(wizard)
        self.setTitle(_t("4. Enrolled"))
        intro = _t("The venue root is pinned and your certificate verifies.")
        self.summary = _busy_label(self)
        self.summary.setObjectName("enrolSummary")
        lay = QVBoxLayout(self)
        page_intro(self, intro)
        lay.addWidget(self.summary)
        lay.addStretch(1)


class EnrolWizard(QWizard):
    """The four steps of enrolment (see the module docstring)."""

    #: delegate id, display name, passphrase ("" where the OS keyring keeps the key)
    createRequested = Signal(str, str, str)
    #: {"device"|"mission"|"root": path}, root fingerprint, relay URL
    importRequested = Signal(dict, str, str)

    DEVICE, REQUEST, IMPORT, DONE = range(4)

    def __init__(self, home: str, *, needs_passphrase: bool, relay: str = "",
                 request: Path | None = None, request_key: str = "",
                 sort_files: Callable[[list[str]], dict[str, str]] = lambda _p: {},
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("enrolWizard")
        self.setWindowTitle(_t("Enrol this device"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.home = home
        self.request = request or Path(home) / "device-request.pem"
        self.request_key = request_key
        self.sort_files = sort_files
        self.passphrase = ""
        self.device_page = _DevicePage(self, needs_passphrase)
        self.request_page = _RequestPage(self)
        self.import_page = _ImportPage(self, relay)
        self.done_page = _DonePage(self)
        self.setPage(self.DEVICE, self.device_page)
        self.setPage(self.REQUEST, self.request_page)
        self.setPage(self.IMPORT, self.import_page)
        self.setPage(self.DONE, self.done_page)
        if request is not None:  # made on an earlier start: continue where it stopped
            self.device_page.done = True
            for field in (self.device_page.delegate, self.device_page.display,
                          self.device_page.passphrase, self.device_page.repeat):
                field.setEnabled(False)
            self.setStartId(self.REQUEST)
        self.setButtonText(QWizard.WizardButton.FinishButton, _t("&Open the venue"))
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        self.resize(640, 520)

    def request_made(self, request: Path, key: str, passphrase: str) -> None:
        self.request, self.request_key, self.passphrase = request, key, passphrase
        self.device_page.done = True
        self.device_page.status.setText("")
        self.device_page.completeChanged.emit()
        self.next()

    def request_failed(self, text: str) -> None:
        self.device_page.failed(text)

    def imported(self, lines: Sequence[str]) -> None:
        self.import_page.done = True
        self.done_page.summary.setText("\n".join(lines))
        self.next()

    def import_failed(self, text: str) -> None:
        self.import_page.failed(text)
