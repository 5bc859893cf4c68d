# SPDX-License-Identifier: Apache-2.0
"""What every driver of the client core shares: the device's parts, read through the
:class:`~client.core.facade.Client` that owns them, and the other drivers.

The parts are read through the client on every use, never copied, because a test or a
tool may swap the client's transport (a relay fake) or its store after opening.
"""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from typing import TYPE_CHECKING

from client.engine import Engine
from client.events import Event
from client.paths import Home
from client.store import SqliteStore
from client.transparency import LogVerifier
from client.transport import Transport

if TYPE_CHECKING:
    from client.core.actions import Actions
    from client.core.connection import Connection
    from client.core.directory import Directory
    from client.core.facade import Client
    from client.core.sync import Syncer
    from client.core.upkeep import Upkeep
    from client.core.views import Views

__all__ = ["Driver"]


class Driver:
    """One concern of the client core (views, actions, sync, connection, upkeep, directory)."""

    __slots__ = ("client",)

    def __init__(self, client: Client) -> None:
        self.client = client

    # -- the device's parts ---------------------------------------------------------
    @property
    def home(self) -> Home:
        return self.client.home

    @property
    def store(self) -> SqliteStore:
        return self.client.store

    @property
    def engine(self) -> Engine:
        return self.client.engine

    @property
    def transport(self) -> Transport:
        return self.client.transport

    @property
    def relay_url(self) -> str:
        return self.client.relay_url

    @property
    def log(self) -> LogVerifier:
        return self.client.log

    @property
    def lock(self) -> asyncio.Lock:
        """Held while the device talks to the relay (one sync, flush or push batch)."""
        return self.client.lock

    @property
    def connected(self) -> asyncio.Event:
        return self.client.connected

    @property
    def device_id(self) -> str:
        return self.client.device_id

    def emit(self, events: Sequence[Event]) -> None:
        self.client.emit(events)

    # -- the other drivers ----------------------------------------------------------
    @property
    def views(self) -> Views:
        return self.client.views

    @property
    def actions(self) -> Actions:
        return self.client.actions

    @property
    def syncer(self) -> Syncer:
        return self.client.syncer

    @property
    def connection(self) -> Connection:
        return self.client.connection

    @property
    def upkeep(self) -> Upkeep:
        return self.client.upkeep

    @property
    def directory(self) -> Directory:
        return self.client.directory
