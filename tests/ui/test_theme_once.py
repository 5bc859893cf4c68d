# SPDX-License-Identifier: Apache-2.0
"""The application's style is set once: every window applies the theme as it opens,
and replacing the style under a style sheet freed the one the widgets were polished
with (a crash under xcb on the second window: the screenshot run, a second venue).
A theme change still changes the palette and the sheet."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QPushButton


def test_theme_applied_again_keeps_the_style_and_changes_only_what_differs(qapp) -> None:  # type: ignore[no-untyped-def]
    from ui import theme

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    theme.apply_theme(app, "light")
    style = theme._STYLE
    assert isinstance(style, theme.FocusRingStyle)
    button = QPushButton("x")
    button.show()
    sheet, palette = app.styleSheet(), app.palette()
    sets: list[str] = []
    real = app.setStyleSheet
    app.setStyleSheet = lambda s: (sets.append(s), real(s))  # type: ignore[method-assign]
    try:
        assert theme.apply_theme(app, "light") is False
        assert sets == [] and app.styleSheet() == sheet  # nothing to re-polish
        assert theme.apply_theme(app, "dark") is True
        assert theme._STYLE is style  # the same style object: never replaced
        assert len(sets) == 1 and app.styleSheet() != sheet
        assert app.palette() != palette
        theme.apply_theme(app, "light")
        assert app.styleSheet() == sheet and theme._STYLE is style
    finally:
        del app.setStyleSheet
        button.close()
