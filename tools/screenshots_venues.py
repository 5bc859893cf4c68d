# SPDX-License-Identifier: Apache-2.0
"""Screenshots of several venues in one app and of the offline status, for
docs/screenshots/ (run under Xvfb):

    xvfb-run -a -s "-screen 0 1440x900x24" env QT_QPA_PLATFORM=xcb \\
        .venv/bin/python tools/screenshots_venues.py

Two demo venues, each with its own embedded relay on 127.0.0.1 ("Arms Control Forum"
and "Maritime Talks"), opened side by side as the app does (ui/venues.py). Writes
venue-switcher.png (the switcher open at the top of the sidebar: both venues with their
fingerprints and the unread count of the one not shown, and "Add a venue…") and
offline-status.png (the shown venue's relay stopped: the status bar says so while the
client retries).
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtCore import QPoint, QRect, QSize
from PySide6.QtGui import QGuiApplication

from client.core.facade import Client
from demo.live import LiveDemo, demo_kdf
from demo.screenshots import _save, _spin
from ui.app import make_app
from ui.bridge import Bridge
from ui.session import Session, open_session
from ui.venues import Venues


def main(out: str = "docs/screenshots") -> int:
    out_dir = Path(out)
    os.environ.setdefault("CORRIDOR_UI_CONFIG", str(Path(tempfile.mkdtemp()) / "app.ini"))
    app = make_app()
    bridge = Bridge()
    tmp = Path(tempfile.mkdtemp(prefix="corridor-venues-"))
    forums = [LiveDemo(tmp / "a", missions=3, delegates=1, reply_chance=0.0, emergency=False,
                       name="Arms Control Forum"),
              LiveDemo(tmp / "b", missions=3, delegates=1, reply_chance=0.0, emergency=False,
                       name="Maritime Talks")]
    infos = [f.provision() for f in forums]
    venues = Venues(bridge)

    def start(i: int) -> Session:
        async def go() -> Session:
            s = open_session(infos[i].home(infos[i].user), forums[i].relay_url(),
                             passphrase=infos[i].passphrase, kdf=demo_kdf())
            await s.start()
            return s
        session: Session = bridge.run_sync(go)
        return session

    wa = venues.add(start(0))
    wb = venues.add(start(1))
    wa.resize(QSize(1280, 800))
    venues.show(wa)
    _spin(app, 10, lambda: wa.current and wb.current)
    wg = next(c.channel_id for c in wa.channel_model.channels() if c.kind == "multilateral")
    wa.open_channel(wg)

    # a message in the venue not shown: its unread count shows in the switcher
    b = infos[1]
    sender = next(n for n, h in b.layout["homes"].items()
                  if h["mission"] != b.layout["homes"][b.user]["mission"])

    async def say() -> None:
        c = Client.open(b.home(sender), forums[1].relay_url(), passphrase=b.passphrase,
                        kdf=demo_kdf())
        try:
            await c.sync()
            for text in ("The buoy line survey is attached to item 4.",
                         "Could we meet before the afternoon session?"):
                await c.send_text(forums[1].channel("multilateral"), text)
            await c.sync()
        finally:
            await c.close()

    bridge.run_sync(say)
    _spin(app, 15, lambda: wb.channel_model.total_unread() >= 2)
    _spin(app, 1)
    switcher = wa.venue_switcher
    assert switcher is not None
    switcher.combo.setFocus()
    switcher.combo.showPopup()
    _spin(app, 2)
    # the popup is a window of its own: grab the screen where the main window is
    screen = QGuiApplication.primaryScreen()
    frame = wa.frameGeometry()
    top_left = wa.mapToGlobal(QPoint(0, 0))
    shot = screen.grabWindow(0).copy(QRect(top_left, QSize(min(frame.width(), 760), 420)))
    path = out_dir / "venue-switcher.png"
    shot.save(str(path), "PNG", 9)
    print(f"{path} ({path.stat().st_size // 1024} KiB)")
    switcher.combo.hidePopup()
    _spin(app, 1)

    # the shown venue's relay goes down: the status bar says so while the client retries
    forums[0].stop()
    _spin(app, 30, lambda: wa.connection.text().startswith("Offline"))
    _spin(app, 1)
    _save(wa, out_dir / "offline-status.png")
    forums[1].stop()
    sys.stdout.flush()
    os._exit(0)
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
