# SPDX-License-Identifier: Apache-2.0
"""The OK / Cancel row a form dialog ends with, wired to its accept and reject."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox

__all__ = ["ok_cancel"]


def ok_cancel(dialog: QDialog) -> QDialogButtonBox:
    """An OK / Cancel button box owned by ``dialog`` that accepts or rejects it."""
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                               | QDialogButtonBox.StandardButton.Cancel, dialog)
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons
