# SPDX-License-Identifier: Apache-2.0
"""A demo venue of four missions with one delegate each (Alderia's holds the chair), a
real relay on loopback, and clients sharing one injected clock; a decisions desk per
delegate."""

from __future__ import annotations

import time
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from client.decisions.desk import Desk
from demo.venue import provision
from tests.support.client_venue import Venue, no_keyring
from tests.support.crisis_venue import Clock, CrisisVenue
from tests.support.relay_process import RelayProcess, free_port


class DecisionsVenue(CrisisVenue):
    """The crisis venue's clients and clock, with a decisions desk per delegate."""

    def __init__(self, venue: Venue, clock: Clock) -> None:
        super().__init__(venue, clock)
        self.decision_desks: dict[str, Desk] = {}

    def dd(self, name: str) -> Desk:
        if name not in self.decision_desks:
            self.decision_desks[name] = Desk(self.client(name))
        return self.decision_desks[name]

    async def tick_all(self, rounds: int = 2) -> None:
        """Sync, then let every desk acknowledge breaks and close what is due."""
        for _ in range(rounds):
            await self.sync_all(1)
            for name in list(self.clients):
                await self.dd(name).tick()
        await self.sync_all(1)


@pytest.fixture
async def decisions_venue(tmp_path: Path) -> AsyncIterator[DecisionsVenue]:
    no_keyring()
    port = free_port()
    layout = provision(tmp_path, port, missions=4, delegates=1)
    relay = RelayProcess(layout.relay_dir, port=port, env={
        "CORRIDOR_RELAY_REGISTER_RATE_PER_MINUTE": "6000"}).start()
    v = DecisionsVenue(Venue(layout, relay), Clock(time.time()))
    try:
        yield v
    finally:
        await v.close()
        v.relay.stop()
