# SPDX-License-Identifier: Apache-2.0
"""Screenshots of the decisions window for docs/screenshots/ (run under Xvfb:
``python -m demo.decisions_screenshots [OUT_DIR] [LANGUAGE]``). Everything shown is
real: a venue of four missions and an observer, the relay on 127.0.0.1, MLS,
certificates, the records signed and checked by each client; only the clock is moved
(the clients share an injected one) so that deadlines pass."""

from __future__ import annotations

import asyncio
import sys
import tempfile
import time
from pathlib import Path

from client.core import Client
from client.decisions.desk import DecisionsView, Desk
from demo.venue import provision, serve_relay

HOUR = 3600.0
STATEMENT = [
    "The caucus welcomes the notification regime agreed in Vienna.\n\n"
    "It asks the forum to review its implementation in 2028.",
    "The caucus warmly welcomes the notification regime agreed in Vienna.\n\n"
    "It asks the forum to review its implementation in 2028.",
    "The caucus warmly welcomes the notification regime agreed in Vienna.\n\n"
    "It asks the forum to review its implementation in 2027, and to report annually.",
]


def _free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class _Clock:
    def __init__(self) -> None:
        self.now = time.time()

    def __call__(self) -> float:
        return self.now


async def _views(data: Path) -> dict[str, DecisionsView]:
    port = _free_port()
    layout = provision(data, port, missions=4, delegates=1, observers=("track2",))
    clock = _Clock()
    names = ["alderia-ana", "borduria-ana", "carpania-ana", "dravonia-ana", "track2-ana"]
    with serve_relay(layout.relay_dir, port):
        clients = {n: Client.open(layout.home(n), layout.relay_url,
                                  passphrase=layout.passphrase, clock=clock) for n in names}
        desks = {n: Desk(c) for n, c in clients.items()}
        try:
            async def sync(who: list[str] | None = None, tick: bool = True) -> None:
                for _ in range(2):
                    for n in who or names:
                        await clients[n].sync()
                        if tick:
                            await desks[n].tick()

            await sync(tick=False)
            chair = desks["alderia-ana"]
            cid = await clients["alderia-ana"].create_channel(
                "multilateral", "Plenary drafting", ["borduria", "carpania", "dravonia",
                                                      "track2"])
            await sync(tick=False)
            report = await chair.put(cid, "Annual report 2026", "The forum adopts its annual "
                                     "report for 2026 as circulated.", period_ms=3_600_000)
            await sync()
            clock.now += HOUR + 60
            await sync()
            await sync()
            del report
            proc = await chair.put(cid, "Decision on the notification regime",
                                   "The forum decides to apply the notification regime from "
                                   "1 March.\n\nIt reviews the regime in 2028.",
                                   period_ms=48 * 3_600_000, marking="RESTRICTED")
            await sync()
            clock.now += 2 * HOUR
            await desks["borduria-ana"].break_silence(
                proc, "Paragraph 2 prejudges the March agenda; instructions awaited.")
            await sync()
            clock.now += 3 * HOUR
            # Dravonia breaks while the others are offline: not confirmed, it is told
            await desks["dravonia-ana"].break_silence(proc, "Our capital objects to 1 March.")
            await sync(["dravonia-ana"])
            clock.now += 200
            alerts = await desks["dravonia-ana"].tick()
            dravonia = desks["dravonia-ana"].view(alerts)

            doc = await chair.new_document(cid, "Joint statement on notifications",
                                           STATEMENT[0])
            await sync(tick=False)
            clock.now += 600
            await desks["borduria-ana"].edit(doc, STATEMENT[1])
            await sync(tick=False)
            clock.now += 600
            await desks["carpania-ana"].edit(doc, STATEMENT[2])
            await sync(tick=False)
            await desks["track2-ana"].comment(doc, 1, "Annual reports would help civil "
                                                      "society follow the regime.")
            await desks["dravonia-ana"].comment(doc, 1, "2027 is early for us.")
            for n in ("alderia-ana", "borduria-ana", "carpania-ana"):
                await desks[n].sign_off(doc)
            await sync(tick=False)
            return {"chair": chair.view(), "dravonia": dravonia,
                    "observer": desks["track2-ana"].view()}
        finally:
            for c in clients.values():
                await c.close()


def main(argv: list[str]) -> int:
    from PySide6.QtWidgets import QApplication

    from ui.app import make_app
    from ui.i18n import install_translation
    from ui.views.decisions import DecisionsWindow

    out = Path(argv[0]) if argv else Path("docs/screenshots")
    language = argv[1] if len(argv) > 1 else ""
    with tempfile.TemporaryDirectory() as tmp:
        views = asyncio.run(_views(Path(tmp)))
    app = make_app([])
    if language:
        install_translation(app, language)
    suffix = f"-{language}" if language else ""

    def shot(name: str, view: DecisionsView, tab: int, row: int = 0) -> None:
        w = DecisionsWindow()
        w.show_view(view)
        w.tabs.setCurrentIndex(tab)
        table = w.procs if tab == 0 else w.docs
        if table.rowCount() > row:
            table.selectRow(row)
        w.resize(1100, 680)
        w.show()
        for _ in range(20):
            QApplication.processEvents()
            time.sleep(0.02)
        path = out / f"decisions-{name}{suffix}.png"
        w.grab().save(str(path), "PNG", 9)
        print(path)
        w.close()

    shot("silence", views["chair"], 0, 0)
    shot("adopted", views["chair"], 0, 1)
    shot("unconfirmed-break", views["dravonia"], 0, 0)
    shot("drafting", views["chair"], 1, 0)
    shot("observer", views["observer"], 1, 0)
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
