# SPDX-License-Identifier: Apache-2.0
"""Reading the real main window in UI tests: which channel is which, what it shows, and
how long to wait for a real relay round trip."""

from __future__ import annotations

from pathlib import Path
from typing import Any

__all__ = ["TIMEOUT", "channel_of", "open_pair", "session_window", "texts_of"]

#: Milliseconds a UI test waits for something that arrives asynchronously (the core's
#: answer to the UI, a relay round trip). Generous: on a loaded 2-core machine a catch-up
#: can take many seconds, and a wait that is met returns at once.
TIMEOUT = 60000


def channel_of(w: Any, kind: str) -> str:
    """The id of the first channel of ``kind`` in window ``w``'s channel list."""
    return str(next(c.channel_id for c in w.channel_model.channels() if c.kind == kind))


def texts_of(w: Any) -> list[str]:
    """The texts of the conversation open in window ``w``, in display order."""
    return [r.text for r in w.conv_model.rows()]


def open_pair(open_window: Any, qtbot: Any, kind: str = "multilateral") -> tuple[Any, Any, str]:
    """Two missions' main windows with the first channel of ``kind`` open in both."""
    a, b = open_window(0), open_window(1)
    ch = channel_of(a, kind)
    a.open_channel(ch)
    b.open_channel(ch)
    qtbot.waitUntil(lambda: a.conv_model.channel_id == ch and b.conv_model.channel_id == ch,
                    timeout=TIMEOUT)
    return a, b, ch


def session_window(bridge: Any, qtbot: Any, home: Path | str, relay_url: str,
                   passphrase: str) -> tuple[Any, Any]:
    """A device's session, started on ``bridge``'s core loop (its first sync and push
    loop), and its main window shown, as the app opens one: (window, session)."""
    from demo.live import demo_kdf
    from ui.session import open_session
    from ui.views.main_window import MainWindow

    async def start() -> Any:
        s = open_session(Path(home), relay_url, passphrase=passphrase, kdf=demo_kdf())
        await s.start()
        return s

    session = bridge.run_sync(start)
    bridge.forward_events(session.client)
    w = MainWindow(bridge, session)
    qtbot.addWidget(w)
    w.show()
    return w, session
