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

    def raise_(self) -> None:
        pass

    def activateWindow(self) -> None:
        pass


@pytest.mark.parametrize(("minimized", "tray", "shown"), [
    (True, object(), False), (True, None, True), (False, object(), True)])
def test_a_minimised_start_keeps_only_the_tray(qapp, bridge, monkeypatch: pytest.MonkeyPatch,  # type: ignore[no-untyped-def]
                                               tmp_path, minimized: bool, tray: object,
                                               shown: bool) -> None:
    import ui.app

    monkeypatch.setenv("CORRIDOR_UI_CONFIG", str(tmp_path / "app.ini"))  # the list of homes
    c = ui.app.Controller(qapp, bridge, argparse.Namespace(minimized=minimized, home=None,
                                                           demo=False))
    # the window the open venue gets (ui/venues.py makes it since the venue switcher)
    monkeypatch.setattr(c.venues, "add", lambda _session: _Window(tray))
    c._opened(SimpleNamespace(client=None, demo=None, home=tmp_path / "home"))  # type: ignore[arg-type]
    assert c.window is not None and c.window.shown is shown  # type: ignore[attr-defined]
