# SPDX-License-Identifier: Apache-2.0
"""'Directory verified' per conversation, and the evidence when not (offscreen).

Real window, real core and relay (demo venue). The split view is produced the way a
hostile relay would: a tree head signed with the venue's log key (read from the
relay's data directory) that disagrees with the one this device trusts, arriving as a
member's gossip in the open conversation.
"""

from __future__ import annotations

import time

from client.events import DirectoryAlarm
from crypto.certs.transparency import sign_tree_head
from tests.support.ui_windows import TIMEOUT


def test_directory_badge_verified_then_alarm_with_evidence(open_window, venue, qtbot) -> None:
    w = open_window(0)
    qtbot.waitUntil(lambda: w.directory_badge.status is not None, timeout=TIMEOUT)
    if not w.directory_badge.status.verified:  # first sync may still be auditing
        w.open_channel(w.current)
        qtbot.waitUntil(lambda: w.directory_badge.status is not None
                        and w.directory_badge.status.verified, timeout=TIMEOUT)
    assert "Directory verified" in w.directory_badge.text()
    dlg = w.directory_badge.show_evidence()
    assert dlg is not None and "directory verified" in dlg.text.toPlainText()
    dlg.close()

    client = w.session.client
    trusted = w.bridge.run_sync(lambda: client.log.head)
    assert trusted is not None
    seed = (venue.data_dir / "relay" / "log.key").read_bytes()
    forged = sign_tree_head(seed, trusted.size, int(time.time() * 1000), b"\x07" * 32)
    cid = bytes.fromhex(w.current)

    def inject() -> None:  # what the engine does with a member's gossiped head
        client.directory.on_gossip(cid, "borduria/mole", forged.encode())
        client.directory.save_log()

    seen: list[object] = []
    w.bridge.run_sync(lambda: client.subscribe(seen.append))
    w.bridge.run_sync(inject)
    qtbot.waitUntil(lambda: w.directory_badge.status is not None
                    and not w.directory_badge.status.verified, timeout=TIMEOUT)
    # the window may show the alarm before the core has handed the event to this list
    qtbot.waitUntil(lambda: any(isinstance(e, DirectoryAlarm) and e.kind == "split-view"
                                for e in seen), timeout=TIMEOUT)
    assert "not verified" in w.directory_badge.text()
    assert "Security alarm" in w.statusBar().currentMessage()
    dlg = w.directory_badge.show_evidence()
    text = dlg.text.toPlainText()
    assert "split-view" in text and trusted.encode().hex() in text
    assert forged.encode().hex() in text
    dlg.close()


def test_monitor_screen_lists_the_missions_certificates(open_window, venue, qtbot) -> None:
    w = open_window(0)
    mission = w.adapter.my_mission
    issued = venue.data_dir / "missions" / mission / "issued"
    assert any(issued.glob("*.pem"))
    dlg = w.open_monitor(issued)
    qtbot.waitUntil(lambda: dlg.table.rowCount() > 0, timeout=TIMEOUT)
    kinds = [dlg.table.item(r, 1).text() for r in range(dlg.table.rowCount())]
    alarms = [dlg.table.item(r, 4).text() for r in range(dlg.table.rowCount())]
    assert "device" in kinds and not any(alarms)
    assert "No certificate the mission did not issue" in dlg.summary.text()
    dlg.close()
    # without the admin's record every device of the mission is unknown: all flagged
    dlg = w.open_monitor(None)
    qtbot.waitUntil(lambda: dlg.table.rowCount() > 0, timeout=TIMEOUT)
    flagged = [dlg.table.item(r, 4).text() for r in range(dlg.table.rowCount())
               if dlg.table.item(r, 1).text() == "device"]
    assert flagged and all("not issued" in f for f in flagged)
    alarm_rows = sum(1 for r in range(dlg.table.rowCount()) if dlg.table.item(r, 4).text())
    assert alarm_rows >= len(flagged)
    plural = "alarm" if alarm_rows == 1 else "alarms"  # "%n alarm(s)" in its English forms
    assert f"{alarm_rows} {plural} in the log" in dlg.summary.text()
    dlg.close()
