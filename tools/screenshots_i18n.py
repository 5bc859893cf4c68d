# SPDX-License-Identifier: Apache-2.0
"""Screenshots of the app in another language, for docs/screenshots/ (run under Xvfb).

    xvfb-run -a -s "-screen 0 1440x900x24" env QT_QPA_PLATFORM=xcb \\
        .venv/bin/python tools/screenshots_i18n.py fr

Writes main-window-LANG.png (a conversation on the demo venue, at 1280x800, with the
hotline banner and an acknowledgement tracker), settings-LANG.png, emergency-LANG.png
(the emergency call's review page) and enrolment-LANG.png (the enrolment wizard's first
step). ``en_XA`` is the pseudo-locale: every string 40% longer, accented and bracketed,
so clipped or untranslated text shows at a glance.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtCore import QSize

from demo.live import LiveDemo, demo_kdf
from demo.screenshots import _save, _spin
from ui.app import make_app
from ui.bridge import Bridge
from ui.session import Session, open_session
from ui.views.enrol import EnrolWizard
from ui.views.main_window import MainWindow


def main(language: str = "fr", out: str = "docs/screenshots") -> int:
    out_dir = Path(out)
    out_dir.mkdir(parents=True, exist_ok=True)
    os.environ["CORRIDOR_INSECURE_FAST_KDF"] = "1"  # throwaway homes: be quick
    app = make_app(language=language)
    bridge = Bridge()
    demo = LiveDemo(Path(tempfile.mkdtemp(prefix="corridor-shots-i18n-")), missions=3,
                    delegates=1, reply_chance=0.0, emergency=False)
    info = demo.provision()
    names = list(info.layout["homes"])
    homes = info.layout["homes"]
    second = next(n for n in names if homes[n]["mission"] != homes[info.user]["mission"])

    def start(name: str) -> Session:
        async def go() -> Session:
            s = open_session(info.home(name), demo.relay_url(), passphrase=info.passphrase,
                             kdf=demo_kdf())
            await s.start()
            return s
        s: Session = bridge.run_sync(go)
        bridge.forward_events(s.client)
        return s

    chair_s, other_s = start(info.user), start(second)
    chair, other = MainWindow(bridge, chair_s), MainWindow(bridge, other_s)
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
    notice = chair.emergency_channel()
    chair.convene(notice, int(time.time() * 1000) + 45 * 60_000, "Conference room B",
                  agenda="Incident at the buoy line: consultations under item 2.")
    _spin(app, 10, lambda: other.banner.isVisible())
    chair.open_channel(wg)
    _spin(app, 3)
    chair.conversation.setFocus()
    _save(chair, out_dir / f"main-window-{language}.png")

    dlg = chair.open_settings()
    _spin(app, 1)
    _save(dlg, out_dir / f"settings-{language}.png")
    dlg.reject()

    from ui.views.dialogs import EmergencyDialog

    call = EmergencyDialog("Plenary", chair)
    call.place.setText("Conference room B")
    call.agenda.setPlainText("Incident at the buoy line: consultations under item 2.")
    call.show()
    call.show_review()
    _spin(app, 1)
    _save(call, out_dir / f"emergency-{language}.png")
    call.reject()

    wiz = EnrolWizard(str(Path.home() / "Corridor"), needs_passphrase=True)
    wiz.device_page.delegate.setText("amartin")
    wiz.device_page.display.setText("Alice Martin")
    wiz.show()
    _spin(app, 1)
    _save(wiz, out_dir / f"enrolment-{language}.png")
    sys.stdout.flush()
    os._exit(0)  # the files are written; no teardown of Qt objects across threads
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
