# SPDX-License-Identifier: Apache-2.0
"""The notices tests' venue: three missions with one delegate each (alderia's is the
chair) over a real relay, each client with a notices desk (fixture in
tests/client/notices/conftest.py)."""

from __future__ import annotations

from client.notices.desk import NoticeDesk
from tests.support.client_venue import Venue
from tests.support.crisis_venue import Clock, CrisisVenue

MISSIONS = ("alderia-ana", "borduria-ana", "carpania-ana")


class NoticesVenue(CrisisVenue):
    def __init__(self, venue: Venue, clock: Clock) -> None:
        super().__init__(venue, clock)
        self.notice_desks: dict[str, NoticeDesk] = {}

    def nd(self, name: str) -> NoticeDesk:
        if name not in self.notice_desks:
            self.notice_desks[name] = NoticeDesk(self.client(name))
        return self.notice_desks[name]
