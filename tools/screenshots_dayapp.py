# SPDX-License-Identifier: Apache-2.0
"""Screenshots of a delegate's day in the app, for docs/screenshots/ (run under Xvfb).

    Xvfb :99 & DISPLAY=:99 QT_QPA_PLATFORM=xcb .venv/bin/python tools/screenshots_dayapp.py

Writes conversation-avatars.png (a conversation between two missions, the member pane
with mission flags and avatars), devices.png and devices-remove.png (My devices… with a
second device of the same delegate, and the removal's confirmation),
attachment-confirmation.png (the question before a picture is sent) and
conversation-dark.png (the same conversation in the dark theme).
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtCore import QSize
from PySide6.QtGui import QColor, QImage, QPainter

from client.core.facade import Client
from demo.live import LiveDemo, demo_kdf
from demo.screenshots import _save, _spin
from demo.venue import DemoLayout, add_device
from ui.app import make_app
from ui.bridge import Bridge
from ui.session import Session, open_session
from ui.views.main_window import MainWindow


def _picture(path: Path) -> None:
    img = QImage(640, 400, QImage.Format.Format_RGB32)
    img.fill(QColor("#eef2f7"))
    p = QPainter(img)
    for i, colour in enumerate(("#3366aa", "#aa6633", "#33aa66", "#aa3366")):
        p.fillRect(60 + i * 140, 120, 100, 160, QColor(colour))
    p.end()
    img.save(str(path))


def main(out: str = "docs/screenshots") -> int:
    out_dir = Path(out)
    app = make_app()
    bridge = Bridge()
    demo = LiveDemo(Path(tempfile.mkdtemp(prefix="corridor-day-")), missions=3, delegates=1,
                    reply_chance=0.0, emergency=False)
    info = demo.provision()
    homes = info.layout["homes"]
    chair_mission = homes[info.user]["mission"]
    other_name = next(n for n, h in homes.items() if h["mission"] != chair_mission)

    def start(name: str) -> Session:
        async def go() -> Session:
            s = open_session(info.home(name), demo.relay_url(), passphrase=info.passphrase,
                             kdf=demo_kdf())
            await s.start()
            return s
        s: Session = bridge.run_sync(go)
        bridge.forward_events(s.client)
        return s

    chair_s, other_s = start(info.user), start(other_name)
    w = MainWindow(bridge, chair_s)
    other = MainWindow(bridge, other_s)
    for win in (w, other):
        win.resize(QSize(1280, 800))
        win.show()
    _spin(app, 15, lambda: bool(w.current) and bool(other.current))
    bilateral = next((c.channel_id for c in w.channel_model.channels()
                      if c.kind == "bilateral" and c.channel_id in {
                          x.channel_id for x in other.channel_model.channels()}), None)
    target = bilateral or next(c.channel_id for c in w.channel_model.channels()
                               if c.kind == "multilateral")
    w.open_channel(target)
    other.open_channel(target)
    _spin(app, 3)
    other.send_text("Good morning. Could we meet before the plenary about item 4?")
    _spin(app, 3)
    w.send_text("Yes: 9:15 in the delegates' lounge. I will bring the revised text.")
    _spin(app, 3)
    other.send_text("Thank you, see you there.")
    _spin(app, 4)
    w.conversation.scrollToBottom()
    _spin(app, 1)
    _save(w, out_dir / "conversation-avatars.png")

    # a second device of the chair's delegate, then My devices…
    d = info.layout
    layout = DemoLayout(Path(d["data_dir"]), Path(d["relay_dir"]), int(d["port"]),
                        info.passphrase, d["root_fingerprint"], d["missions"], d["homes"],
                        d["channels"], d["chair"])
    ident = chair_s.client.identity()
    laptop = add_device(layout, str(ident["mission_id"]), str(ident["delegate_id"]))

    async def enrol() -> None:
        c = Client.open(layout.home(laptop), demo.relay_url(), passphrase=info.passphrase,
                        kdf=demo_kdf())
        try:
            await c.sync()
        finally:
            await c.close()

    bridge.run_sync(enrol)
    bridge.run_sync(chair_s.client.sync)
    dlg = w.open_devices()
    _spin(app, 15, lambda: dlg.table.rowCount() == 2)
    dlg.resize(QSize(760, 320))
    dlg.table.selectRow(1)
    _spin(app, 1)
    _save(dlg, out_dir / "devices.png")
    box = dlg.confirm_removal()
    _spin(app, 1)
    if box is not None:
        _save(box, out_dir / "devices-remove.png")
        box.reject()
    dlg.close()

    picture = Path(tempfile.mkdtemp(prefix="corridor-day-files-")) / "seating-plan.png"
    _picture(picture)
    att = w.confirm_attachment(picture)
    if att is not None:
        att.caption.setText("Seating for the plenary")
        _spin(app, 1)
        _save(att, out_dir / "attachment-confirmation.png")
        att.reject()

    w.set_theme("dark")
    _spin(app, 2)
    _save(w, out_dir / "conversation-dark.png")
    sys.stdout.flush()
    os._exit(0)


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
