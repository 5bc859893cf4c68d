# SPDX-License-Identifier: Apache-2.0
"""Send reservations (:mod:`client.engine.reservations`): the jump on load never moves
a ratchet back, never goes further than one block, applies only to its own epoch and
only on the first load in a process; a reservation is written with its group state, so
repeated power cuts do not widen the gap (THREATS 18)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from client.engine.reservations import RESERVE_BLOCK, SendReservations, epoch_tag
from client.store.engine_state import EngineStore, SendReservation
from client.store.memory import MemoryStore
from client.store.sqlite import SqliteStore
from crypto.group import Group
from crypto.secret_bytes import Secret
from tests.support.mls_groups import accept, make_group

KEY = Secret(bytes(range(32)))


@pytest.fixture(params=["sqlite", "memory"])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[EngineStore]:
    s: EngineStore = SqliteStore.open(tmp_path / "s.sqlite3", KEY) \
        if request.param == "sqlite" else MemoryStore()
    yield s
    s.close()


def _save(store: EngineStore) -> Callable[[Group], None]:
    def save(g: Group) -> None:
        store.put_group_state(g.group_id, g.epoch, g.to_bytes())
    return save


def _stored(store: EngineStore, gid: bytes) -> Group:
    st = store.get_group_state(gid)
    assert st is not None
    return Group.from_bytes(st.state, credential_validator=accept)


def _send(g: Group, res: SendReservations, store: EngineStore, n: int) -> None:
    for _ in range(n):
        res.reserve(g, _save(store))
        g.encrypt_application(b"x")
        store.put_group_state(g.group_id, g.epoch, g.to_bytes())


def test_a_restart_jumps_to_the_reservation_once(store: EngineStore) -> None:
    g, _b = make_group(2)
    res = SendReservations(store)
    _send(g, res, store, 3)
    rec = store.get_send_reservation(g.group_id)
    assert rec == SendReservation(g.epoch, epoch_tag(g), RESERVE_BLOCK)
    # the process's own reloads keep their place: nothing was lost
    again = _stored(store, g.group_id)
    assert res.loaded(again) == 0 and again.own_application_generation == 3
    # a new process: the stored state may be behind what was used
    fresh = SendReservations(store)
    restored = _stored(store, g.group_id)
    assert fresh.loaded(restored) == RESERVE_BLOCK - 3
    assert restored.own_application_generation == RESERVE_BLOCK
    assert fresh.loaded(_stored(store, g.group_id)) == 0  # once per process


def test_repeated_cuts_do_not_widen_the_gap(store: EngineStore) -> None:
    """Each restart's jump is saved with the reservation the next send makes: the
    stored state is never more than one block behind its reservation."""
    g, _b = make_group(2)
    _send(g, SendReservations(store), store, 1)
    for cut in range(1, 4):
        proc = SendReservations(store)
        g = _stored(store, g.group_id)
        proc.loaded(g)
        assert g.own_application_generation == cut * RESERVE_BLOCK
        proc.reserve(g, _save(store))
        # power cut right after the reservation: only its own commit is on the disk
        stored = _stored(store, g.group_id)
        rec = store.get_send_reservation(g.group_id)
        assert rec is not None
        assert rec.until - stored.own_application_generation == RESERVE_BLOCK


def test_a_lower_reservation_never_moves_the_ratchet_back(store: EngineStore) -> None:
    """A stored reservation below the ratchet (an older or tampered record) changes
    nothing on load, and the next send reserves past the ratchet again."""
    g, _b = make_group(2)
    _send(g, SendReservations(store), store, 10)
    store.put_send_reservation(g.group_id, SendReservation(g.epoch, epoch_tag(g), 4))
    proc = SendReservations(store)
    restored = _stored(store, g.group_id)
    assert proc.loaded(restored) == 0
    assert restored.own_application_generation == 10
    proc.reserve(restored, _save(store))
    rec = store.get_send_reservation(g.group_id)
    assert rec is not None and rec.until == 10 + RESERVE_BLOCK


def test_a_reservation_far_ahead_is_read_as_one_block(store: EngineStore) -> None:
    """A record further ahead than this code ever writes would push the sender beyond
    its receivers' window (every later message refused): the jump stays one block."""
    g, _b = make_group(2)
    _send(g, SendReservations(store), store, 2)
    store.put_send_reservation(g.group_id, SendReservation(g.epoch, epoch_tag(g), 50_000))
    restored = _stored(store, g.group_id)
    assert SendReservations(store).loaded(restored) == RESERVE_BLOCK
    assert restored.own_application_generation == 2 + RESERVE_BLOCK


def test_a_reservation_of_another_epoch_is_not_applied(store: EngineStore) -> None:
    g, _b = make_group(2)
    _send(g, SendReservations(store), store, 2)
    for other in (SendReservation(g.epoch + 1, epoch_tag(g), RESERVE_BLOCK),
                  SendReservation(g.epoch, bytes(16), RESERVE_BLOCK)):  # same number
        store.put_send_reservation(g.group_id, other)
        restored = _stored(store, g.group_id)
        assert SendReservations(store).loaded(restored) == 0
        assert restored.own_application_generation == 2
    # a new epoch starts a new reservation from its generation 0
    proc = SendReservations(store)
    g.commit()
    g.merge_pending_commit()
    proc.reserve(g, _save(store))
    rec = store.get_send_reservation(g.group_id)
    assert rec == SendReservation(g.epoch, epoch_tag(g), RESERVE_BLOCK)
