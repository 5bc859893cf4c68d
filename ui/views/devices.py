# SPDX-License-Identifier: Apache-2.0
"""Your devices: every device of this delegate the venue directory holds, and removing a
lost one (``corridor device list`` / ``corridor device remove`` as a screen).

Removal cannot be undone and cuts a device out of every channel, so it is asked for
in a confirmation that names the device and says what follows; the dialog only emits
:attr:`DevicesDialog.removeRequested` once the user has confirmed.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from client.model import DeviceInfo
from ui.i18n import QT_TRANSLATE_NOOP, tr_n

__all__ = ["DevicesDialog"]


def _t(text: str) -> str:
    return QCoreApplication.translate("Devices", text)


class DevicesDialog(QDialog):
    """The delegate's devices, this one marked; "Remove…" for another one."""

    #: the user confirmed removing this device (full id)
    removeRequested = Signal(str)

    COLUMNS = (QT_TRANSLATE_NOOP("Devices", "Device"),
               QT_TRANSLATE_NOOP("Devices", "Name"),
               QT_TRANSLATE_NOOP("Devices", "Channels"),
               QT_TRANSLATE_NOOP("Devices", "State"))

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("devicesDialog")
        self.setWindowTitle(_t("My devices"))
        self.devices: list[DeviceInfo] = []
        self.confirm_box: QMessageBox | None = None
        layout = QVBoxLayout(self)
        self.summary = QLabel(_t("Reading the venue directory…"), self)
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.table = QTableWidget(0, len(self.COLUMNS), self)
        self.table.setAccessibleName(_t("My devices"))
        self.table.setHorizontalHeaderLabels([_t(c) for c in self.COLUMNS])
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setMinimumSize(620, 200)
        self.table.itemSelectionChanged.connect(self._selected)
        layout.addWidget(self.table, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.remove_button: QPushButton = buttons.addButton(
            _t("&Remove device…"), QDialogButtonBox.ButtonRole.ActionRole)
        self.remove_button.setAccessibleName(_t("Remove the selected device"))
        self.remove_button.setEnabled(False)
        self.remove_button.clicked.connect(self.confirm_removal)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def selected(self) -> DeviceInfo | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows or rows[0].row() >= len(self.devices):
            return None
        return self.devices[rows[0].row()]

    def _selected(self) -> None:
        d = self.selected()
        self.remove_button.setEnabled(d is not None and not d.this_device
                                      and d.problem != "removed by its delegate")

    def set_devices(self, devices: Sequence[DeviceInfo]) -> None:
        self.devices = list(devices)
        self.table.setRowCount(len(self.devices))
        for r, d in enumerate(self.devices):
            state = _t("this device") if d.this_device else (
                _t("removed") if d.problem == "removed by its delegate" else
                d.problem or _t("active"))
            for c, value in enumerate((d.device_id[:16], d.display_name or "?",
                                       str(len(d.channels)), state)):
                item = QTableWidgetItem(value)
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                self.table.setItem(r, c, item)
        self.table.resizeColumnsToContents()
        self.summary.setText(tr_n(
            "Devices", "%n device(s) of yours in the venue. Remove one you lost: it can no "
            "longer connect, and it is removed from every channel.", len(self.devices)))
        self._selected()

    def set_error(self, text: str) -> None:
        self.summary.setText(_t("The devices could not be read: %1").replace("%1", text))

    def set_removed(self, device: DeviceInfo) -> None:
        self.summary.setText(tr_n("Devices", "Removed %1: it can no longer connect, and it "
                                  "is being removed from %n channel(s).",
                                  len(device.channels)).replace("%1", device.device_id[:16]))

    def confirm_removal(self) -> QMessageBox | None:
        """Ask, naming the device and what follows; removal cannot be undone."""
        d = self.selected()
        if d is None or d.this_device:
            return None
        box = QMessageBox(QMessageBox.Icon.Warning, _t("Remove device"),
                          _t("Remove your device %1 (%2)?").replace(
                              "%1", d.device_id[:16]).replace("%2", d.display_name or "?"),
                          QMessageBox.StandardButton.NoButton, self)
        box.setObjectName("removeDeviceBox")
        box.setInformativeText(tr_n(
            "Devices", "It will no longer connect to the venue and is removed from its %n "
            "channel(s): it cannot read any new message. This cannot be undone. If it may be "
            "in other hands, also ask your mission to revoke its certificate.",
            len(d.channels)))
        self.confirm_button = box.addButton(_t("Remove"),
                                            QMessageBox.ButtonRole.DestructiveRole)
        cancel = box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(cancel)
        box.setEscapeButton(cancel)
        device_id = d.device_id

        def done() -> None:
            if box.clickedButton() is self.confirm_button:
                self.remove_button.setEnabled(False)
                self.summary.setText(_t("Removing…"))
                self.removeRequested.emit(device_id)

        box.finished.connect(lambda _r: done())
        self.confirm_box = box
        box.open()
        return box
