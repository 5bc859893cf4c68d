# SPDX-License-Identifier: Apache-2.0
"""Started minimised (``--minimized``, as the autostart entry does): the main window
stays hidden while a tray icon holds the app, and shows when there is no tray."""

from __future__ import annotations

import argparse
from types import SimpleNamespace

import pytest


class _Window:
    def __init__(self, tray: object) -> None:
        self.tray, self.shown = tray, False

    def show(self) -> None:
        self.shown = True


@pytest.mark.parametrize(("minimized", "tray", "shown"), [
    (True, object(), False), (True, None, True), (False, object(), True)])
def test_a_minimised_start_keeps_only_the_tray(qapp, bridge, monkeypatch: pytest.MonkeyPatch,  # type: ignore[no-untyped-def]
                                               minimized: bool, tray: object,
                                               shown: bool) -> None:
    import ui.app

    monkeypatch.setattr(ui.app, "MainWindow", lambda _b, _s: _Window(tray))
    monkeypatch.setattr(bridge, "forward_events", lambda _c: None)
    c = ui.app.Controller(qapp, bridge, argparse.Namespace(minimized=minimized, home=None,
                                                           demo=False))
    c._opened(SimpleNamespace(client=None))  # type: ignore[arg-type]
    assert c.window is not None and c.window.shown is shown  # type: ignore[attr-defined]
