# SPDX-License-Identifier: Apache-2.0
"""A demo venue of three missions with three delegates each (on duty, deputy, head of
mission), a real relay on loopback, and clients sharing one injected clock."""

from __future__ import annotations

import time
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from demo.venue import provision
from tests.support.client_venue import Venue, no_keyring
from tests.support.crisis_venue import Clock, CrisisVenue
from tests.support.relay_process import RelayProcess, free_port


@pytest.fixture
async def crisis_venue(tmp_path: Path) -> AsyncIterator[CrisisVenue]:
    no_keyring()
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
