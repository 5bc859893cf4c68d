# SPDX-License-Identifier: Apache-2.0
"""The ``corridor`` entry point and the Qt platform the UI tests rely on."""

from __future__ import annotations

import subprocess
import sys

import pytest

from ui import __version__
from ui.cli import main


def test_version_flag(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["--version"])
    assert exc.value.code == 0
    assert __version__ in capsys.readouterr().out


def test_help_lists_usage() -> None:
    out = subprocess.run(
        [sys.executable, "-m", "ui.cli", "--help"], capture_output=True, text=True, check=True
    ).stdout
    assert "usage: corridor" in out


def test_importing_ui_does_not_import_qt() -> None:
    code = "import ui, ui.cli, sys; print('PySide6' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_qt_offscreen_widget(qtbot) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QLabel

    label = QLabel("Corridor")
    qtbot.addWidget(label)
    label.show()
    assert label.isVisible()
    assert label.text() == "Corridor"
