# SPDX-License-Identifier: Apache-2.0
"""Three missions with one delegate each (alderia's is the chair), a real relay on
loopback, clients sharing one injected clock, and a notices desk per client."""

from __future__ import annotations

import time
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from demo.venue import provision
from tests.support.client_venue import Venue, no_keyring
from tests.support.crisis_venue import Clock
from tests.support.notices_venue import NoticesVenue
from tests.support.relay_process import RelayProcess, free_port


@pytest.fixture
async def notices_venue(tmp_path: Path) -> AsyncIterator[NoticesVenue]:
    no_keyring()
    port = free_port()
    layout = provision(tmp_path, port, missions=3, delegates=1)
    relay = RelayProcess(layout.relay_dir, port=port, env={
        "CORRIDOR_RELAY_REGISTER_RATE_PER_MINUTE": "6000"}).start()
    v = NoticesVenue(Venue(layout, relay), Clock(time.time()))
    try:
        yield v
    finally:
        await v.close()
        v.relay.stop()
