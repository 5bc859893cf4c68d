# SPDX-License-Identifier: Apache-2.0
"""Confirming an attachment before it leaves: what is sent (a preview for pictures, the
name and size), to which channel, with an optional caption. A file sent to the wrong
channel cannot be recalled from the other members' devices, so it is asked first."""

from __future__ import annotations

import concurrent.futures
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QImageReader, QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from client.attachments import Uploaded
from ui.i18n import size_text

__all__ = ["AttachDialog"]

PREVIEW = 240


def _t(text: str) -> str:
    return QCoreApplication.translate("Attach", text)


class AttachDialog(QDialog):
    """Send "name" (size) to "channel"? With a caption; Send or Cancel (the default)."""

    def __init__(self, path: Path, channel: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("attachDialog")
        self.setWindowTitle(_t("Send a file"))
        self.path = path
        #: the upload started as the dialog opened (docs/padding.md: the hold)
        self.upload: concurrent.futures.Future[Uploaded] | None = None
        layout = QVBoxLayout(self)
        self.preview = QLabel(self)
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        reader = QImageReader(str(path))
        if reader.canRead():
            reader.setAutoTransform(True)
            image = reader.read()
            if not image.isNull():
                self.preview.setPixmap(QPixmap.fromImage(image).scaled(
                    PREVIEW, PREVIEW, Qt.AspectRatioMode.KeepAspectRatio,
                    Qt.TransformationMode.SmoothTransformation))
                self.preview.setAccessibleName(_t("Preview of %1").replace("%1", path.name))
        self.preview.setVisible(not self.preview.pixmap().isNull())
        layout.addWidget(self.preview)
        size = path.stat().st_size if path.exists() else 0
        self.summary = QLabel(_t("Send “%1” (%2) to “%3”? Everyone in the channel can "
                                 "download it; it cannot be recalled from their devices.")
                              .replace("%1", path.name).replace("%2", size_text(size))
                              .replace("%3", channel), self)
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        caption_label = QLabel(_t("&Caption (optional):"), self)
        self.caption = QLineEdit(self)
        self.caption.setAccessibleName(_t("Caption"))
        caption_label.setBuddy(self.caption)
        layout.addWidget(caption_label)
        layout.addWidget(self.caption)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.send_button = buttons.addButton(_t("&Send"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.caption.setFocus()
