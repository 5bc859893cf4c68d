# SPDX-License-Identifier: Apache-2.0
"""The crisis venue (clients on one injected clock) with a decisions desk per delegate,
for the decision tests that run over a real relay (the fixtures are in their conftest)."""

from __future__ import annotations

from client.decisions.desk import Desk

from .client_venue import Venue
from .crisis_venue import Clock, CrisisVenue

__all__ = ["DecisionsVenue"]


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
