# SPDX-License-Identifier: Apache-2.0
"""A demo venue whose clients share one injected clock, and the crisis desks over them,
for the crisis tests that run over a real relay (the fixture is in their conftest)."""

from __future__ import annotations

from dataclasses import dataclass

from client.core import Client
from client.crisis.desk import Desk

from .client_venue import Venue

__all__ = ["Clock", "CrisisVenue"]


@dataclass
class Clock:
    """Seconds since the epoch, moved by the test."""

    now: float

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


class CrisisVenue(Venue):
    """The venue's clients all read ``clock``; each delegate may have a crisis desk."""

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
