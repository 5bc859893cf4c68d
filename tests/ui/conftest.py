# SPDX-License-Identifier: Apache-2.0
"""UI fixtures: one real demo venue (embedded relay on 127.0.0.1, real MLS and
certificates) per test session, and main windows over real client-core sessions."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from demo.live import LiveDemo
from tests.support.ui_windows import TIMEOUT, session_window


@pytest.fixture(scope="session")
def venue(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveDemo]:
    demo = LiveDemo(tmp_path_factory.mktemp("venue"), missions=3, delegates=1)
    demo.provision()
    yield demo
    demo.stop()


@pytest.fixture
def bridge(qapp):  # type: ignore[no-untyped-def]
    from ui.bridge import Bridge

    b = Bridge()
    yield b
    b.stop()


@pytest.fixture
def open_window(venue: LiveDemo, bridge, qtbot) -> Iterator[Callable[..., object]]:  # type: ignore[no-untyped-def]
    from ui.views.main_window import MainWindow

    opened: list[tuple[MainWindow, object]] = []

    def make(mission_index: int = 0) -> MainWindow:
        assert venue.info is not None
        names = list(venue.info.layout["homes"])
        mission = list(venue.info.layout["missions"])[mission_index]
        name = next(n for n in names if venue.info.layout["homes"][n]["mission"] == mission)
        home = Path(venue.info.home(name))

        w, session = session_window(bridge, qtbot, home, venue.relay_url(),
                                    venue.info.passphrase)
        qtbot.waitUntil(lambda: bool(w.current) and w.conv_model.channel_id == w.current,
                        timeout=TIMEOUT)
        opened.append((w, session))
        return w

    def close(w: MainWindow) -> None:
        for item in list(opened):
            if item[0] is w:
                opened.remove(item)
                w.close()
                bridge.run_sync(item[1].close)  # type: ignore[attr-defined]

    make.close = close  # type: ignore[attr-defined]
    yield make
    for w, _s in list(opened):
        close(w)
