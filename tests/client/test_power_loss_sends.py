# SPDX-License-Identifier: Apache-2.0
"""THREATS 18 under a power cut: a sender whose last commits never reached the disk
skips generations, never reuses one (issue 25, :mod:`client.engine.reservations`).

An application message's commit (its id, the used key) waits for no fsync; one fsynced
write per block reserves the generations. A power cut is simulated by copying Bea's
store files at the moment a reservation was made durable (her disk as it stood then),
sending more messages, and putting the copy back before she reopens: everything after
the reservation is lost, as an unflushed write-ahead log tail would be. Then she sends
again. A member that stayed silent reads every ciphertext the relay holds: no (epoch,
content type, sender leaf, generation) appears twice and none is a replay; Ana shows
every message exactly once (the message Bea queued before the cut and sends again
under a new client message id is de-duplicated by its payload's message id).

Without the jump on load (the control), the same run reuses generations: the check can
fail.
"""

from __future__ import annotations

import shutil
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from client.engine.reservations import RESERVE_BLOCK, SendReservations
from client.events import ErrorEvent
from crypto import framing
from crypto.errors import ReplayError
from crypto.group import ApplicationMessage, Group
from crypto.messages import ContentType, MLSMessage
from tests.support.client_venue import Venue

A, B, OBSERVER = "alderia-ana", "borduria-ana", "alderia-ben"
FILES = ("store.sqlite3", "store.sqlite3-wal")


def _copy(home: Path, to: Path) -> None:
    to.mkdir(exist_ok=True)
    for name in FILES:
        if (home / name).exists():
            shutil.copy2(home / name, to / name)


def _restore(home: Path, frm: Path) -> None:
    for name in (*FILES, "store.sqlite3-shm"):
        (home / name).unlink(missing_ok=True)
    for name in FILES:
        if (frm / name).exists():
            shutil.copy2(frm / name, home / name)


@pytest.mark.parametrize("jump", [True, False], ids=["reserved", "control-without-jump"])
async def test_power_cut_after_a_reservation_reuses_no_generation(
        venue: Venue, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, jump: bool) -> None:
    v = venue
    a, obs = v.client(A), v.client(OBSERVER)
    await a.sync()
    b = v.client(B)
    await b.sync()
    await obs.sync()
    cid = await a.create_channel("bilateral", "power", ["borduria"])
    gid = bytes.fromhex(cid)
    await b.sync()
    await obs.sync()
    st = obs.store.get_group_state(gid)  # the observer stays silent from here
    assert st is not None
    observer = Group.from_bytes(st.state, credential_validator=obs.engine.trust)
    after = obs.store.get_channel(gid).cursor
    await v.close(OBSERVER)
    home = b.home.root
    disk = tmp_path / "disk-at-reservation"

    # the disk as it stands when a reservation has just been fsynced
    reserve = SendReservations.reserve
    made: list[int] = []

    def reserve_and_copy(self: SendReservations, g: Group,
                         save: Callable[[Group], None]) -> None:
        before = self.store.get_send_reservation(g.group_id)
        reserve(self, g, save)
        if self.store.get_send_reservation(g.group_id) != before:
            made.append(g.own_application_generation)
            if len(made) == 1:
                _copy(home, disk)

    monkeypatch.setattr(SendReservations, "reserve", reserve_and_copy)
    if not jump:
        monkeypatch.setattr(SendReservations, "loaded", lambda self, g: 0)
    before_cut = [f"bea before the cut {i}" for i in range(5)]
    for text in before_cut:
        await b.send_text(cid, text)
    assert made == [0]  # one reservation covers them all
    await v.close(B)
    _restore(home, disk)  # the power cut: what came after the reservation is gone

    b = v.client(B)
    await b.sync()  # sends the first message again: it was queued before the cut
    after_cut = [f"bea after the cut {i}" for i in range(3)]
    for text in after_cut:
        await b.send_text(cid, text)
    a_events: list[ErrorEvent] = []
    a.subscribe(lambda e: a_events.append(e) if isinstance(e, ErrorEvent) else None)
    await a.sync()
    await b.sync()

    # every ciphertext the relay holds for the channel, read by the silent member
    msgs = []
    while True:
        page, last = await a.transport.messages(gid, after, 1000)
        msgs += page
        if not page or page[-1].seq >= last:
            break
        after = page[-1].seq
    bea = b.engine._group(gid).own_leaf_index
    secret = observer._state.secrets.sender_data_secret
    used: dict[tuple[int, int, int, int], int] = {}
    reused, replays, generations = [], [], []
    for m in msgs:
        pm = MLSMessage.from_bytes(m.message).private_message
        assert pm is not None and pm.epoch == observer.epoch  # no commit in this run
        sd = framing.decrypt_sender_data(observer._state.suite, pm, secret)
        key = (pm.epoch, int(pm.content_type), sd.leaf_index, sd.generation)
        if key in used:
            reused.append((m.seq, used[key]))
        used[key] = m.seq
        assert pm.content_type == ContentType.application
        if sd.leaf_index == bea:
            generations.append(sd.generation)
        try:
            res = observer.process(m.message, now=int(time.time()))
            assert isinstance(res, ApplicationMessage)
        except ReplayError:
            replays.append(m.seq)
    if not jump:  # the control: the restored sender used generations 1.. again
        assert reused and replays
        return
    assert not reused and not replays
    # before the cut 0..4; the first message again and the new ones from the block's end
    assert generations == [0, 1, 2, 3, 4, RESERVE_BLOCK, RESERVE_BLOCK + 1,
                           RESERVE_BLOCK + 2, RESERVE_BLOCK + 3]
    assert made == [0, RESERVE_BLOCK]  # the jump's state reserved (and saved) anew
    assert not [e for e in a_events if e.detail == "ReplayError"], a_events
    # Ana shows every message once: the first one arrived twice (two client message
    # ids, two generations) and is de-duplicated by its payload's message id
    shown = sorted(m.text for m in a.messages(cid, limit=100))
    assert shown == sorted(before_cut + after_cut)
    # Bea holds what her disk kept: the message queued before the cut (sent again),
    # and the new ones; the four sent after it are lost from her own copy only
    own = sorted(m.text for m in b.messages(cid, limit=100))
    assert own == sorted(before_cut[:1] + after_cut)
