# SPDX-License-Identifier: Apache-2.0
"""A demo venue of three missions with three delegates each (on duty, deputy, head of
mission), a real relay on loopback, and clients sharing one injected clock."""

from __future__ import annotations

import time
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from client.core import Client
from client.crisis.desk import Desk
from demo.venue import provision
from tests.support.client_venue import Venue, _no_keyring
from tests.support.relay_process import RelayProcess, free_port


@dataclass
class Clock:
    """Seconds since the epoch, moved by the test."""

    now: float

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


class CrisisVenue(Venue):
    def __init__(self, venue: Venue, clock: Clock) -> None:
        super().__init__(venue.layout, venue.relay)
        self.clock = clock
        self.desks: dict[str, Desk] = {}

    def client(self, name: str) -> Client:
        c = self.clients.get(name)
        if c is None:
            c = Client.open(self.layout.home(name), self.layout.relay_url,
                            passphrase=self.layout.passphrase, clock=self.clock)
            self.clients[name] = c
        return c

    def desk(self, name: str) -> Desk:
        if name not in self.desks:
            self.desks[name] = Desk(self.client(name))
        return self.desks[name]


@pytest.fixture
async def crisis_venue(tmp_path: Path) -> AsyncIterator[CrisisVenue]:
    _no_keyring()
    port = free_port()
    layout = provision(tmp_path, port, missions=3, delegates=3)
    relay = RelayProcess(layout.relay_dir, port=port, env={
        "CORRIDOR_RELAY_REGISTER_RATE_PER_MINUTE": "6000"}).start()
    v = CrisisVenue(Venue(layout, relay), Clock(time.time()))
    try:
        yield v
    finally:
        await v.close()
        v.relay.stop()
