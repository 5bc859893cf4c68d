# SPDX-License-Identifier: Apache-2.0
"""Screenshots of the app on the demo venue, for docs/screenshots/ (run under Xvfb:
``bash tools/screenshots.sh``). Everything shown is real: relay on 127.0.0.1, MLS,
certificates; a second delegate acknowledges the emergency call through its window, the
demo's live delegates answer for the other missions but one (the tracker shows it)."""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QApplication, QWidget

from demo.cli import open_live_demo
from demo.live import LiveDemo, demo_kdf
from ui.app import make_app
from ui.bridge import Bridge
from ui.session import Session, open_session
from ui.views.main_window import MainWindow


def _spin(app: QApplication, seconds: float, until: object = None) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        app.processEvents()
        if until is not None and until():  # type: ignore[operator]
            return
        time.sleep(0.01)


def _save(w: QWidget, path: Path) -> None:
    w.grab().save(str(path), "PNG", 9)
    print(f"{path} ({path.stat().st_size // 1024} KiB)")


def startup_shots(app: QApplication, bridge: Bridge, out_dir: Path) -> None:
    """First run, the enrolment wizard's steps (real key, request and certificates from a
    small demo venue's mission admin) and the passphrase dialog after a wrong passphrase."""
    import argparse

    from client import pki
    from crypto.certs.words import encode_words
    from ui.app import Controller
    from ui.views.enrol import EnrolWizard, PassphraseDialog

    os.environ["CORRIDOR_INSECURE_FAST_KDF"] = "1"  # a throwaway home: be quick
    os.environ.pop("CORRIDOR_PASSPHRASE", None)
    tmp = Path(tempfile.mkdtemp(prefix="corridor-shots-start-"))
    venue = LiveDemo(tmp / "venue", missions=2, delegates=1, emergency=False)
    info = venue.provision()
    home = Path.home() / "Corridor"  # a plausible path to show; the files go in tmp
    args = argparse.Namespace(home=str(tmp / "home"), relay=None, demo=False, data_dir=None,
                              quiet_demo=True, theme=None)
    c = Controller(app, bridge, args, open_live_demo)
    c.finished = lambda: None
    c.start()
    first = c.dialog
    assert first is not None
    first.resize(560, first.sizeHint().height())
    _spin(app, 1)
    _save(first, out_dir / "first-run.png")
    wiz = c.enrol(tmp / "home")
    first.hide()
    assert isinstance(wiz, EnrolWizard)
    wiz.device_page.delegate.setText("amartin")
    wiz.device_page.display.setText("Alice Martin")
    wiz.device_page.passphrase.setText("a passphrase of my own")
    wiz.device_page.repeat.setText("a passphrase of my own")
    _spin(app, 1)
    _save(wiz, out_dir / "enrolment-1-key.png")
    wiz.next()
    _spin(app, 20, lambda: wiz.currentId() == EnrolWizard.REQUEST)
    wiz.request_page.where.setText(wiz.request_page.where.text().replace(
        str(tmp / "home"), str(home)))
    _spin(app, 1)
    _save(wiz, out_dir / "enrolment-2-request.png")
    mission = Path(info.layout["missions"]["alderia"]["dir"])
    cert = tmp / "amartin-device.pem"
    os.environ["CORRIDOR_PASSPHRASE"] = info.passphrase
    pki.main(["mission", "sign-device", "--request", str(tmp / "home" / "device-request.pem"),
              "--mission-cert", str(mission / "mission.pem"), "--key",
              str(mission / "mission.key"), "--out", str(cert)])
    os.environ.pop("CORRIDOR_PASSPHRASE")
    wiz.next()
    wiz.import_page.use_files([str(cert), str(mission / "mission.pem"),
                               str(venue.data_dir / "relay" / "root.pem")])
    fp = bytes.fromhex(info.layout["root_fingerprint"].replace(" ", "").replace(":", ""))
    wiz.import_page.fingerprint.setText(" ".join(encode_words(fp)))
    wiz.import_page.relay.setText(venue.relay_url())
    _spin(app, 1)
    _save(wiz, out_dir / "enrolment-3-import.png")
    wiz.next()
    _spin(app, 20, lambda: wiz.currentId() == EnrolWizard.DONE)
    _save(wiz, out_dir / "enrolment-4-done.png")
    wiz.hide()
    dlg = c.ask_passphrase(home)
    assert isinstance(dlg, PassphraseDialog)
    dlg.refuse("Wrong passphrase: it does not open this device's key file. Try again.")
    _spin(app, 1)
    _save(dlg, out_dir / "passphrase.png")
    dlg.hide()

    # the chair's emergency call, on its review page
    async def go() -> Session:
        s = open_session(info.home(info.user), venue.relay_url(), passphrase=info.passphrase,
                         kdf=demo_kdf())
        await s.start()
        return s

    session: Session = bridge.run_sync(go)
    bridge.forward_events(session.client)
    chair = MainWindow(bridge, session)
    chair.resize(QSize(1280, 800))
    chair.show()
    _spin(app, 10, lambda: chair.current)
    chair.convene_emergency()
    call = chair.emergency_dialog
    from PySide6.QtCore import QDateTime

    call.when.setDateTime(QDateTime.currentDateTime().addSecs(45 * 60))
    call.place.setText("Conference room B")
    call.agenda.setPlainText("Incident at the buoy line: consultations under item 2.")
    call.show_review()
    call.resize(520, call.sizeHint().height())
    _spin(app, 1)
    _save(call, out_dir / "emergency-confirmation.png")
    call.reject()
    chair.close()
    bridge.run_sync(session.close)
    venue.stop()


def main(out: str = "docs/screenshots", only: str = "") -> int:
    out_dir = Path(out)
    out_dir.mkdir(parents=True, exist_ok=True)
    app = make_app()
    bridge = Bridge()
    if only != "main":  # "main": the main window's shots only
        startup_shots(app, bridge, out_dir)
    if only == "startup":
        sys.stdout.flush()
        os._exit(0)
    demo = LiveDemo(Path(tempfile.mkdtemp(prefix="corridor-shots-")), missions=4, delegates=2,
                    reply_chance=0.0, ack_delay=(0.5, 1.5), emergency=False)
    info = demo.provision()
    names = list(info.layout["homes"])
    homes = info.layout["homes"]
    second = next(n for n in names if homes[n]["mission"] == "borduria")
    chair_mission = homes[info.user]["mission"]
    live = [n for n in names if homes[n]["mission"] not in (chair_mission, "borduria")]
    # kept for the whole run (the bridge holds running tasks too; see ui/bridge.py)
    delegates = bridge.submit(lambda: demo.run_delegates(names=live), None,
                              lambda exc: print("live delegates stopped:", repr(exc)))

    def start(name: str) -> Session:
        async def go() -> Session:
            s = open_session(info.home(name), demo.relay_url(), passphrase=info.passphrase,
                             kdf=demo_kdf())
            await s.start()
            return s
        s: Session = bridge.run_sync(go)
        return s

    chair_s, other_s = start(info.user), start(second)
    from ui.venues import Venues

    chair = Venues(bridge).add(chair_s)  # as the app opens it: the venue switcher on top
    bridge.forward_events(other_s.client)
    other = MainWindow(bridge, other_s)
    for w in (chair, other):
        w.resize(QSize(1280, 800))
        w.show()
    _spin(app, 10, lambda: chair.current and other.current)
    wg = next(c.channel_id for c in chair.channel_model.channels() if c.kind == "multilateral")
    chair.open_channel(wg)
    other.open_channel(wg)
    _spin(app, 3)
    other.send_text("Our delegation supports the chair's proposal on item 2.")
    _spin(app, 2)
    chair.send_text("Thank you. Could the working group circulate its report by noon?")
    _spin(app, 3)
    chair.conversation.setFocus()
    _save(chair, out_dir / "main-window.png")

    # a conversation with an attachment, an edit and reactions
    draft = Path(tempfile.mkdtemp(prefix="corridor-shots-files-")) / "CBM-exchange-draft.pdf"
    draft.write_bytes(b"%PDF-1.4 confidence-building measures: draft " + os.urandom(180_000))
    other.send_text("The annual exchange could start in March, subject to capital.")
    _spin(app, 3)
    chair.attach(draft, caption="Draft annex for item 3, as discussed.")
    _spin(app, 10, lambda: any(r.file_name == draft.name for r in other.conv_model.rows()))
    mine = [r for r in other.conv_model.rows() if r.own and r.text.startswith("The annual")]
    if mine:
        other._edit(mine[-1].message_id, "The annual exchange could start in March "
                                         "(confirmed by capital this morning).")
    _spin(app, 3)
    att = next((r for r in chair.conv_model.rows() if r.file_name == draft.name), None)
    if att is not None:
        other._react(att, "✔")
        other._react(att, "★")
        chair._react(att, "✔")
    if mine:
        chair._react(mine[-1], "♥")
    _spin(app, 4)
    chair.conversation.scrollToBottom()
    if att is not None:
        chair.conversation.setCurrentIndex(chair.conv_model.index(
            chair.conv_model.row_of(att.message_id), 0))
    _spin(app, 1)
    _save(chair, out_dir / "conversation-features.png")

    # the chair convenes in the notice channel; every mission is asked to acknowledge
    notice = chair.emergency_channel()
    chair.convene(notice, int(time.time() * 1000) + 45 * 60_000, "Conference room B",
                  agenda="Incident at the buoy line: consultations under item 2.")
    _spin(app, 10, lambda: other.banner.isVisible() and other.banner.ack_button.isVisible())
    other.acknowledge(other.banner.status.channel_id, other.banner.status.message_id)  # type: ignore[union-attr]
    _spin(app, 40, lambda: chair.banner.status is not None
          and "borduria" in chair.banner.status.answered
          and len(chair.banner.status.waiting) == 1)
    chair.open_channel(notice)
    _spin(app, 2)
    if chair.banner.status is not None:
        print("tracker: waiting", chair.banner.status.waiting, "answered",
              sorted(chair.banner.status.answered))
    if delegates.done():
        print("warning: the live delegates stopped early; the tracker shows them pending")
    _save(chair, out_dir / "emergency-banner.png")

    chair.open_wizard()
    _spin(app, 5, lambda: getattr(chair, "wizard", None) is not None)
    wiz = chair.wizard
    wiz.kind_page.buttons["caucus"].setChecked(True)
    wiz.next()
    wiz.missions_page.name.setText("Friends of the incident-prevention mechanism")
    for i in range(wiz.missions_page.missions.count()):
        it = wiz.missions_page.missions.item(i)
        if it.text() in ("borduria", "carpania"):
            from PySide6.QtCore import Qt

            it.setCheckState(Qt.CheckState.Checked)
    wiz.missions_page.isComplete()
    _spin(app, 1)
    _save(wiz, out_dir / "channel-wizard.png")
    wiz.reject()

    _spin(app, 5, lambda: chair.member_pane.model.member(other_s.client.device_id) is not None)
    dlg = chair.open_verification(other_s.client.device_id)
    _spin(app, 1)
    if dlg is not None:
        _save(dlg, out_dir / "verification-dialog.png")
        dlg.reject()

    chair.set_theme("dark")
    _spin(app, 1)
    _save(chair, out_dir / "main-window-dark.png")
    # The files are written; leave without tearing down Qt objects across threads.
    sys.stdout.flush()
    os._exit(0)
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
