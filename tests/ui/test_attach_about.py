# SPDX-License-Identifier: Apache-2.0
"""The attachment confirmation (preview, name, size, channel, caption; Cancel sends
nothing) and Help > About (version, licence, the pinned venue's fingerprint), offscreen
over the demo venue's real core and relay."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QColor, QImage

from crypto import __version__, certs
from tests.support.ui_windows import TIMEOUT


def test_an_attachment_is_confirmed_before_it_is_sent(open_window, qtbot,  # type: ignore[no-untyped-def]
                                                      tmp_path: Path) -> None:
    w = open_window(0)
    picture = tmp_path / "seating plan.png"
    img = QImage(400, 200, QImage.Format.Format_RGB32)
    img.fill(QColor("#3366aa"))
    assert img.save(str(picture))
    name = w.channel_model.channel(w.current).name

    dlg = w.confirm_attachment(picture)
    assert dlg is not None and dlg.isVisible()
    assert not dlg.preview.pixmap().isNull() and dlg.preview.pixmap().width() <= 240
    text = dlg.summary.text()
    assert picture.name in text and name in text and "cannot be recalled" in text
    dlg.reject()  # cancelled: nothing leaves
    qtbot.wait(300)
    assert not any(r.file_name == picture.name for r in w.conv_model.rows())

    dlg = w.confirm_attachment(picture)
    assert dlg is not None and dlg.upload is not None
    # uploaded while the dialog is open, before the caption and the confirmation
    qtbot.waitUntil(dlg.upload.done, timeout=TIMEOUT)
    assert dlg.upload.result().ref.file_name == picture.name
    assert not any(r.file_name == picture.name for r in w.conv_model.rows())
    dlg.caption.setText("Seating for the plenary")
    dlg.send_button.click()
    qtbot.waitUntil(lambda: any(r.file_name == picture.name for r in w.conv_model.rows()),
                    timeout=TIMEOUT)
    row = next(r for r in w.conv_model.rows() if r.file_name == picture.name)
    assert row.text == "Seating for the plenary"

    plain = tmp_path / "notes.txt"
    plain.write_text("not a picture")
    dlg = w.confirm_attachment(plain)
    assert dlg is not None and dlg.preview.isHidden()  # no preview, still the summary
    assert "notes.txt" in dlg.summary.text()
    dlg.reject()


def test_about_names_version_licence_and_the_venue_fingerprint(open_window) -> None:  # type: ignore[no-untyped-def]
    w = open_window(0)
    box = w.open_about()
    root = w.session.client.engine.trust.root_der
    assert __version__ in box.text()
    assert "Apache License" in box.informativeText()
    assert certs.fingerprint_hex(root) in box.detailedText()
    assert certs.fingerprint_words(root) in box.detailedText()
    box.close()
