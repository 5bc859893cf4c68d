# SPDX-License-Identifier: Apache-2.0
"""The passphrase of a history backup (asked twice when a backup is made), and what a
restore does and does not bring back (docs/backup.md)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

__all__ = ["BackupPassphraseDialog", "restore_note"]


def _t(text: str) -> str:
    return QCoreApplication.translate("Backup", text)


def restore_note() -> str:
    return _t("A backup holds the history of every channel, not this device's key nor its "
              "encryption state: a restored device is a new device. Its history from before "
              "is restored as readable, verified pages in its archive folder; once your "
              "mission's devices have added it, it reads new messages in every channel.")


class BackupPassphraseDialog(QDialog):
    """One passphrase field, and a second to confirm it when a backup is made."""

    def __init__(self, confirm: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("backupPassphrase")
        self.setWindowTitle(_t("Back up history") if confirm else _t("Restore history"))
        form = QFormLayout(self)
        note = QLabel(restore_note(), self)
        note.setWordWrap(True)
        form.addRow(note)
        self.passphrase = QLineEdit(self)
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setAccessibleName(_t("Backup passphrase"))
        form.addRow(_t("&Passphrase:"), self.passphrase)
        self.again: QLineEdit | None = None
        if confirm:
            self.again = QLineEdit(self)
            self.again.setEchoMode(QLineEdit.EchoMode.Password)
            self.again.setAccessibleName(_t("Backup passphrase, again"))
            form.addRow(_t("&Again:"), self.again)
        self.problem = QLabel(self)
        self.problem.setVisible(False)
        form.addRow(self.problem)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self._check)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def _check(self) -> None:
        if not self.passphrase.text():
            self.problem.setText(_t("Enter a passphrase."))
        elif self.again is not None and self.again.text() != self.passphrase.text():
            self.problem.setText(_t("The two passphrases differ."))
        else:
            self.accept()
            return
        self.problem.setVisible(True)
