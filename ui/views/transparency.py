# SPDX-License-Identifier: Apache-2.0
"""Key transparency in the app: "directory verified", the evidence, the mission monitor.

:class:`DirectoryBadge` shows the state :meth:`client.core.Client.directory_status`
computes for the open conversation; a click opens :class:`DirectoryEvidenceDialog`,
which lists every problem and alarm with its evidence (the signed tree heads, in hex,
so an auditor can check them under the venue's log key with any Ed25519 tool).
:class:`MonitorDialog` is ``corridor mission monitor`` as a screen.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtGui import QColor, QFontMetrics
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from client.transparency import DirectoryStatus, MonitorFinding
from crypto.certs.transparency import HEAD_LEN, SignedTreeHead
from ui.i18n import QT_TRANSLATE_NOOP, tr_n

_ALARM = QColor("#f8d7da")

__all__ = ["DirectoryBadge", "DirectoryEvidenceDialog", "MonitorDialog", "evidence_text"]


def _t(text: str) -> str:
    return QCoreApplication.translate("Transparency", text)


def evidence_text(status: DirectoryStatus) -> str:
    """The dialog's text: summary, problems, then each alarm with its evidence."""
    lines = [status.summary, ""]
    alarmed = {a.detail for a in status.alarms}
    for p in status.problems:
        if p not in alarmed:  # alarms are listed below, with their evidence
            lines.append("• " + p)
    for a in status.alarms:
        lines += ["", _t("Alarm: %1").replace("%1", a.kind), a.detail]
        for item in a.evidence:
            if len(item) == HEAD_LEN:
                h = SignedTreeHead.decode(item)
                lines.append(_t("signed tree head: size %1, root %2").replace(
                    "%1", str(h.size)).replace("%2", h.root.hex()))
                lines.append("  " + item.hex())
            elif item:
                lines.append(_t("record (DER, %1 bytes): %2…").replace(
                    "%1", str(len(item))).replace("%2", item[:48].hex()))
    return "\n".join(lines).strip()


class DirectoryBadge(QPushButton):
    """A flat button: ✔ "Directory verified" or ⚠ "Directory not verified"."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("directoryBadge")
        self.setFlat(True)
        self.status: DirectoryStatus | None = None
        self.clicked.connect(self.show_evidence)
        self.dialog: DirectoryEvidenceDialog | None = None
        # one width for every state, so the header (and the splitter the window
        # restores) never moves when the check finishes
        fm = self.fontMetrics()
        bold = self.font()
        bold.setBold(True)
        widest = max(fm.horizontalAdvance(_t("Directory: checking…")),
                     fm.horizontalAdvance(_t("✔ Directory verified")),
                     QFontMetrics(bold).horizontalAdvance(_t("⚠ Directory not verified")))
        self.setFixedWidth(widest + 24)
        self.set_status(None)

    def set_status(self, status: DirectoryStatus | None) -> None:
        self.status = status
        if status is None:
            self.setText(_t("Directory: checking…"))
            self.setToolTip("")
            self.setStyleSheet("")
            return
        if status.verified:
            self.setText(_t("✔ Directory verified"))
            self.setStyleSheet("color: #1b7f3a;")
        else:
            self.setText(_t("⚠ Directory not verified"))
            self.setStyleSheet("color: #b3261e; font-weight: bold;")
        self.setToolTip(status.summary)
        self.setAccessibleName(self.text())
        self.setAccessibleDescription(status.summary)

    def show_evidence(self) -> DirectoryEvidenceDialog | None:
        if self.status is None:
            return None
        self.dialog = DirectoryEvidenceDialog(self.status, self.window())
        self.dialog.show()
        return self.dialog


class DirectoryEvidenceDialog(QDialog):
    """What the transparency check found for one conversation, with the evidence."""

    def __init__(self, status: DirectoryStatus, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("directoryEvidence")
        self.setWindowTitle(_t("Directory verification"))
        layout = QVBoxLayout(self)
        head = QLabel(_t("Every member's certificate is in the venue's transparency log, "
                         "and every tree head seen agrees.") if status.verified else
                      _t("The relay's directory could not be verified for this "
                         "conversation. Keep the evidence below and tell your security "
                         "officer."), self)
        head.setWordWrap(True)
        layout.addWidget(head)
        self.text = QPlainTextEdit(evidence_text(status), self)
        self.text.setReadOnly(True)
        self.text.setMinimumSize(560, 260)
        layout.addWidget(self.text, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)


class MonitorDialog(QDialog):
    """Every log entry of this device's mission; red rows are certificates the mission
    did not issue (compared with the admin's ``issued/`` folder)."""

    #: the user asked to check again, with this issued/ folder ("" for none)
    refreshRequested = Signal(str)

    COLUMNS = ("#", QT_TRANSLATE_NOOP("Transparency", "kind"),
               QT_TRANSLATE_NOOP("Transparency", "serial"),
               QT_TRANSLATE_NOOP("Transparency", "subject"),
               QT_TRANSLATE_NOOP("Transparency", "alarm"))

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("monitorDialog")
        self.setWindowTitle(_t("Transparency log: my mission"))
        self.issued_dir = ""
        layout = QVBoxLayout(self)
        self.summary = QLabel(_t("Reading the log…"), self)
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.table = QTableWidget(0, len(self.COLUMNS), self)
        self.table.setAccessibleName(_t("Transparency log: my mission"))
        self.table.setHorizontalHeaderLabels([_t(c) for c in self.COLUMNS])
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setMinimumSize(720, 280)
        layout.addWidget(self.table, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.choose = buttons.addButton(_t("Issued certificates folder…"),
                                        QDialogButtonBox.ButtonRole.ActionRole)
        self.choose.clicked.connect(self._choose)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _choose(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        path = QFileDialog.getExistingDirectory(self, _t("The mission's issued/ folder"))
        if path:
            self.issued_dir = path
            self.refreshRequested.emit(path)

    def set_findings(self, size: int, findings: Sequence[MonitorFinding]) -> None:
        self.table.setRowCount(len(findings))
        for r, f in enumerate(findings):
            for c, value in enumerate((str(f.index), f.kind, str(f.serial), f.subject,
                                       f.alarm)):
                item = QTableWidgetItem(value)
                if f.alarm:
                    item.setBackground(_ALARM)
                self.table.setItem(r, c, item)
        self.table.resizeColumnsToContents()
        bad = sum(1 for f in findings if f.alarm)
        self.summary.setText(
            tr_n("Transparency", "%n alarm(s) in the log (entries: %1): a certificate this "
                 "mission did not issue. Revoke it and check who holds the mission key.", bad)
            .replace("%1", str(size)) if bad else
            _t("No certificate the mission did not issue (log entries: %1, checked "
               "against its signed head).").replace("%1", str(size)))

    def set_error(self, text: str) -> None:
        self.summary.setText(_t("The log could not be checked: %1").replace("%1", text))
