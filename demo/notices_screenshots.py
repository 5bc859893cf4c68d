# SPDX-License-Identifier: Apache-2.0
"""Screenshots of the notices window for docs/screenshots/ (run under Xvfb:
``python -m demo.notices_screenshots [OUT_DIR] [LANGUAGE]``). Everything shown is real:
a venue of three missions, the relay on 127.0.0.1, MLS, certificates, every record
signed and checked by the client whose window is shown; only the clock is moved (the
clients share an injected one) so that the exchange's due date passes."""

from __future__ import annotations

import asyncio
import sys
import tempfile
import time
from pathlib import Path

from client.core import Client
from client.notices.desk import NoticeDesk
from demo.venue import provision, serve_relay

DAY_MS = 86_400_000


class _Clock:
    def __init__(self) -> None:
        self.now = time.time()

    def __call__(self) -> float:
        return self.now


def _free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


async def _snapshot(data: Path) -> object:
    from ui.views.notices import NoticesSnapshot

    port = _free_port()
    layout = provision(data, port, missions=3, delegates=1)
    clock = _Clock()
    names = ["alderia-ana", "borduria-ana", "carpania-ana"]
    with serve_relay(layout.relay_dir, port):
        clients = {n: Client.open(layout.home(n), layout.relay_url,
                                  passphrase=layout.passphrase, clock=clock) for n in names}
        d = {n: NoticeDesk(c) for n, c in clients.items()}
        try:
            async def sync() -> None:
                for _ in range(2):
                    for c in clients.values():
                        await c.sync()

            await sync()
            cid = await clients["alderia-ana"].create_channel(
                "multilateral", "Plenary", ["borduria", "carpania"], ceiling="RESTRICTED")
            await sync()
            now = d["borduria-ana"].now()
            n1 = await d["borduria-ana"].notify_exercise(
                cid, name="Northern Shield 2027", starts_at=now + 10 * DAY_MS,
                ends_at=now + 14 * DAY_MS, area="Baltic coast", lat=54.5, lon=18.6,
                forces=[("troops", 3000), ("tanks", 40)], activity="field training",
                contact="+43 1 555 0100", marking="RESTRICTED")
            await d["carpania-ana"].notify_exercise(
                cid, name="Blue Harbour", starts_at=now + 20 * DAY_MS,
                ends_at=now + 22 * DAY_MS, area="Gulf of Carpania", lat=43.2, lon=16.4,
                forces=[("ships", 6), ("aircraft", 12)], activity="naval exercise")
            n3 = await d["alderia-ana"].notify_exercise(
                cid, name="Mountain Path", starts_at=now + 5 * DAY_MS,
                ends_at=now + 6 * DAY_MS, area="Alpine sector", forces=[("troops", 900)])
            await sync()
            clock.now += 3600
            await d["borduria-ana"].change_exercise(n1[:8], "amend", reason="larger",
                                                    forces=[("troops", 5000), ("tanks", 40)])
            await d["alderia-ana"].change_exercise(n3[:8], "cancel", reason="weather")
            rid = await d["carpania-ana"].request_aid(
                cid, [("drinking water", 20_000, "litres"), ("tents", 300, ""),
                      ("generators", 12, "")],
                location="Riverside district", lat=45.1, lon=14.2, urgency="flash",
                contact="Carpanian operations room")
            await sync()
            await d["alderia-ana"].offer_aid(rid[:8], 1, 5_000, note="two trucks")
            ob = await d["borduria-ana"].offer_aid(rid[:8], 1, 20_000)
            await d["borduria-ana"].offer_aid(rid[:8], 3, 4)
            await sync()
            await d["carpania-ana"].accept_aid(rid[:8], ob[:8])
            await sync()
            await d["borduria-ana"].deliver_aid(rid[:8], ob[:8])
            year = time.gmtime(clock.now).tm_year
            await d["alderia-ana"].set_exchange_due(cid, year, now + DAY_MS)
            await sync()
            await d["alderia-ana"].submit_exchange(cid, year, "holdings: 3 brigades")
            await sync()
            clock.now += 2 * 86_400
            await d["borduria-ana"].submit_exchange(cid, year, "holdings: 2 brigades")
            await d["alderia-ana"].submit_exchange(cid, year, "holdings: 4 brigades",
                                                   note="corrected")
            await sync()
            from client.crisis.desk import Desk

            rq = await Desk(clients["alderia-ana"]).request_explanation(
                cid, to_mission="carpania", what="aircraft close to the Alderian border",
                where="sector 4", when="this morning")
            await sync()
            await d["carpania-ana"].report_incident(
                cid, occurred_at=d["carpania-ana"].now() - 3 * 3_600_000, lat=45.9,
                lon=15.1, what="Two patrol aircraft passed within 2 nm of each other; no "
                "weapons were readied.", units="CPA-AF 12, 14", contact="duty officer",
                explains=rq[:8])
            await d["borduria-ana"].report_incident(
                cid, occurred_at=d["borduria-ana"].now() - 26 * 3_600_000, lat=54.8,
                lon=19.2, what="Fishing vessel crossed the exercise area.",
                units="BRD frigate Aurora")
            await d["alderia-ana"].publish_template(
                cid, "ship-incident", "Incident at sea",
                ["time", "position", "ship", "intent", "contact"],
                text="Send at once after any close encounter at sea.")
            await d["alderia-ana"].publish_template(
                cid, "air-incident", "Incident in the air",
                ["time", "position", "aircraft", "contact"])
            await sync()
            await d["borduria-ana"].use_template(
                cid, "ship-incident", {"time": "07:40 UTC", "position": "54.8N 19.2E",
                                       "ship": "frigate Aurora", "intent": "transit",
                                       "contact": "borduria/ana"})
            await sync()
            me = d["carpania-ana"]
            ch = clients["carpania-ana"]
            return NoticesSnapshot(
                incidents=me.incidents(),
                explanations=[(r.request_id.hex(), r.requester, r.to_mission, r.what)
                              for r in me.explanations()],
                templates=[(t.template_id, t.title, tuple(t.fields), t.text)
                           for t in me.book.templates()],
                fills=[(f.at, f.member, f.template_id, dict(f.values), f.marking)
                       for f in me.book.filled()],
                me=me.me, mission=me.mission,
                register=me.register(), board=me.aid_board(), unmet=me.book.unmet(),
                exchange=me.exchange_status(year, ["alderia", "borduria", "carpania"]),
                channels=[(bytes.fromhex(c.channel_id), c.name, c.ceiling)
                          for c in ch.channels() if c.kind != "notice"],
                levels=tuple(ch.engine.marking_scheme.levels))
        finally:
            for c in clients.values():
                await c.close()


def main(argv: list[str]) -> int:
    from PySide6.QtCore import QDateTime
    from PySide6.QtWidgets import QApplication, QWidget

    from ui.app import make_app
    from ui.i18n import install_translation
    from ui.views.notice_forms import ExchangeDialog, IncidentDialog, TemplateFillDialog
    from ui.views.notices import ExerciseDialog, NoticesWindow

    out = Path(argv[0]) if argv else Path("docs/screenshots")
    language = argv[1] if len(argv) > 1 else ""
    with tempfile.TemporaryDirectory() as tmp:
        snap = asyncio.run(_snapshot(Path(tmp)))
    app = make_app([])
    if language:
        install_translation(app, language)
    suffix = f"-{language}" if language else ""

    def settle() -> None:
        for _ in range(20):
            QApplication.processEvents()
            time.sleep(0.02)

    w = NoticesWindow()
    w.show_snapshot(snap)  # type: ignore[arg-type]
    w.resize(1180, 560)
    w.show()
    first = min((r["starts_at"] for r in snap.register), default=0)  # type: ignore[attr-defined]
    w.calendar.calendar.setSelectedDate(QDateTime.fromMSecsSinceEpoch(first).date())
    for tab, name in ((0, "register"), (1, "aid-board"), (2, "calendar"), (3, "incidents"),
                      (4, "templates"), (5, "exchange")):
        w.tabs.setCurrentIndex(tab)
        settle()
        path = out / f"notices-{name}{suffix}.png"
        w.grab().save(str(path), "PNG", 9)
        print(path)

    def shot(dlg: QWidget, name: str) -> None:
        dlg.show()
        settle()
        path = out / f"notices-{name}{suffix}.png"
        dlg.grab().save(str(path), "PNG", 9)
        print(path)
        dlg.close()

    inc = IncidentDialog(snap, w)  # type: ignore[arg-type]
    inc.lat.setText("45.9")
    inc.lon.setText("195.1")
    inc.units.setText("CPA-AF 12, 14")
    inc.explains.setCurrentIndex(1)
    inc.accept()  # refused: the error shows under the longitude
    shot(inc, "incident-form")
    fill = TemplateFillDialog(snap, "ship-incident", w)  # type: ignore[arg-type]
    fill.edits["position"].setText("43.1N 16.4E")
    fill.accept()  # refused: "ship" and "intent" are still empty
    shot(fill, "template-form")
    ex = ExchangeDialog(snap, w)  # type: ignore[arg-type]
    shot(ex, "exchange-form")
    dlg = ExerciseDialog(snap, w)  # type: ignore[arg-type]
    dlg.name.setText("Autumn Resolve")
    dlg.area.setText("Northern plain")
    dlg.lat.setText("61.2")
    dlg.lon.setText("24.9")
    dlg.forces.setText("troops=1200, armoured vehicles=60")
    dlg.marking.setCurrentText("RESTRICTED")
    dlg.show()
    settle()
    path = out / f"notices-exercise-form{suffix}.png"
    dlg.grab().save(str(path), "PNG", 9)
    print(path)
    w.close()
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
