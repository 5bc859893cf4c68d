# SPDX-License-Identifier: Apache-2.0
"""Demo venues on a real relay on loopback, clients sharing one injected clock, a
decisions desk per delegate: four missions with one delegate each (Alderia's holds the
chair), or three and an observer."""

from __future__ import annotations

import time
from collections.abc import AsyncIterator, Sequence
from pathlib import Path

import pytest

from demo.venue import provision
from tests.support.client_venue import Venue, no_keyring
from tests.support.crisis_venue import Clock
from tests.support.decisions_venue import DecisionsVenue
from tests.support.relay_process import RelayProcess, free_port


async def _venue(tmp_path: Path, missions: int,
                 observers: Sequence[str] = ()) -> AsyncIterator[DecisionsVenue]:
    no_keyring()
    port = free_port()
    layout = provision(tmp_path, port, missions=missions, delegates=1, observers=observers)
    relay = RelayProcess(layout.relay_dir, port=port, env={
        "CORRIDOR_RELAY_REGISTER_RATE_PER_MINUTE": "6000"}).start()
    v = DecisionsVenue(Venue(layout, relay), Clock(time.time()))
    try:
        yield v
    finally:
        await v.close()
        v.relay.stop()


@pytest.fixture
async def decisions_venue(tmp_path: Path) -> AsyncIterator[DecisionsVenue]:
    async for v in _venue(tmp_path, 4):
        yield v


@pytest.fixture
async def observer_venue(tmp_path: Path) -> AsyncIterator[DecisionsVenue]:
    """Alderia (the chair), Borduria, Carpania, and the observer track2."""
    async for v in _venue(tmp_path, 3, ("track2",)):
        yield v
