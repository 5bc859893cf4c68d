# SPDX-License-Identifier: Apache-2.0
"""Screenshots of key transparency in the app, for docs/screenshots/ (run under Xvfb).

    Xvfb :99 & DISPLAY=:99 QT_QPA_PLATFORM=xcb .venv/bin/python tools/screenshots_transparency.py

Writes directory-verified.png (the badge in a conversation's header),
directory-alarm.png and directory-alarm-window.png (the evidence dialog after a split
view) and mission-monitor.png (the monitor after a device was enrolled with the
mission key behind the admin's back). The split view is made
as a hostile relay would: a tree head signed with the demo venue's log key that
disagrees with the one the device trusts, arriving as a member's gossip.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtCore import QSize

from client.transport import HttpTransport
from crypto import certs
from crypto.certs.keyfile import open_key
from crypto.certs.transparency import sign_tree_head
from demo.live import LiveDemo, demo_kdf
from demo.screenshots import _save, _spin
from ui.app import make_app
from ui.bridge import Bridge
from ui.session import Session, open_session
from ui.views.main_window import MainWindow


def main(out: str = "docs/screenshots") -> int:
    out_dir = Path(out)
    app = make_app()
    bridge = Bridge()
    demo = LiveDemo(Path(tempfile.mkdtemp(prefix="corridor-kt-")), missions=3, delegates=1,
                    reply_chance=0.0, emergency=False)
    info = demo.provision()

    async def go() -> Session:
        s = open_session(info.home(info.user), demo.relay_url(), passphrase=info.passphrase,
                         kdf=demo_kdf())
        await s.start()
        return s

    session: Session = bridge.run_sync(go)
    bridge.forward_events(session.client)
    w = MainWindow(bridge, session)
    w.resize(QSize(1280, 800))
    w.show()
    _spin(app, 15, lambda: bool(w.current))
    wg = next(c.channel_id for c in w.channel_model.channels() if c.kind == "multilateral")
    w.open_channel(wg)
    _spin(app, 10, lambda: w.directory_badge.status is not None
          and w.directory_badge.status.verified)
    w.send_text("The revised agenda is attached to the notice channel.")
    _spin(app, 3)
    _save(w, out_dir / "directory-verified.png")

    client = session.client
    trusted = client.log.head
    seed = (info.data_dir / "relay" / "log.key").read_bytes()
    forged = sign_tree_head(seed, trusted.size, int(time.time() * 1000), os.urandom(32))
    cid = bytes.fromhex(w.current)

    def inject() -> None:
        client._on_gossip(cid, "borduria/ana", forged.encode())
        client._save_log()

    bridge.run_sync(inject)
    _spin(app, 10, lambda: w.directory_badge.status is not None
          and not w.directory_badge.status.verified)
    dlg = w.directory_badge.show_evidence()
    _spin(app, 2)
    if dlg is not None:
        dlg.resize(QSize(820, 420))
        _spin(app, 1)
        _save(dlg, out_dir / "directory-alarm.png")
    _save(w, out_dir / "directory-alarm-window.png")
    if dlg is not None:
        dlg.close()

    # the mission monitor after a thief used the mission key to enrol a device
    mission = session.adapter.my_mission
    mdir = info.data_dir / "missions" / mission
    stolen = open_key((mdir / "mission.key").read_bytes(), info.passphrase,
                      label="corridor-mission").secret
    mder = certs.der_of((mdir / "mission.pem").read_bytes(), "certificate")
    seed = certs.new_signing_key()
    now = datetime.now(UTC)
    rogue = certs.issue_device_certificate(
        mder, stolen, public_key=certs.public_key_of(seed), delegate_id="mole",
        display_name="Unknown device", not_before=now - timedelta(minutes=1),
        not_after=now + timedelta(days=30))

    async def enrol() -> None:
        t = HttpTransport(demo.relay_url(), seed)
        try:
            await t.register([rogue, mder])
        finally:
            await t.close()

    bridge.run_sync(enrol)
    mon = w.open_monitor(mdir / "issued")
    _spin(app, 15, lambda: mon.table.rowCount() > 0)
    mon.resize(QSize(900, 380))
    _spin(app, 1)
    _save(mon, out_dir / "mission-monitor.png")
    sys.stdout.flush()
    os._exit(0)


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
