# SPDX-License-Identifier: Apache-2.0
"""One open device: its client, the adapter the UI reads through, its remembered UI state.

A session is opened on the core's thread (opening decrypts the keystore and the store)
and then handed to the window. UI state — window geometry, the open channel, theme,
notifications, read positions, the devices verified in person — lives in ``ui.ini`` in
the device's home, so the app restarts into the same state and two devices on one
machine never share it.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QSettings

from ui.adapter import ConversationAdapter

if TYPE_CHECKING:
    import asyncio

    from client.core import Client
    from client.keystore import KdfLimits

__all__ = ["DemoOpener", "DemoVenue", "DemoVenueInfo", "Session", "open_session"]


class DemoVenueInfo(Protocol):
    """The demo venue once provisioned: the home the app opens, and its passphrase."""

    user: str
    passphrase: str

    def home(self, name: str) -> Path: ...


class DemoVenue(Protocol):
    """What the app needs of a demo venue (``demo.live.LiveDemo`` is one).

    The app gets venues from a :data:`DemoOpener` handed in by whoever starts it
    (``demo.cli`` for the ``corridor`` command), so this package never imports the
    relay the venue runs on.
    """

    def provision(self, progress: Callable[[str], None] = ...) -> DemoVenueInfo: ...

    def relay_url(self) -> str: ...

    def kdf(self) -> KdfLimits: ...

    async def run_delegates(self) -> None: ...

    async def close_delegates(self) -> None: ...

    def stop(self) -> None: ...


#: Makes (or reopens) the demo venue kept in a data directory.
DemoOpener = Callable[[Path], DemoVenue]


@dataclass
class Session:
    client: Client
    adapter: ConversationAdapter
    home: Path
    demo: DemoVenue | None = None
    title: str = ""
    tasks: list[asyncio.Task[None]] = field(default_factory=list)

    def settings(self) -> QSettings:
        return QSettings(str(self.home / "ui.ini"), QSettings.Format.IniFormat)

    async def start(self, *, push: bool = True) -> None:
        """First sync, then the push loop (reconnects on its own)."""
        with contextlib.suppress(Exception):  # the push loop retries and reports
            await self.client.sync()
        if push:
            await self.client.start()

    async def close(self) -> None:
        for t in self.tasks:
            t.cancel()
        await self.client.close()


def open_session(home: Path, relay_url: str | None = None, *, passphrase: str | None = None,
                 kdf: KdfLimits | None = None, demo: DemoVenue | None = None) -> Session:
    """Open a device home (blocking: call it on the core's thread)."""
    from client.core import Client

    client = Client.open(home, relay_url, passphrase=passphrase, kdf=kdf)
    adapter = ConversationAdapter(client)
    ident = client.identity()
    title = f"{ident.get('display_name') or adapter.me} — {adapter.my_mission}"
    return Session(client, adapter, Path(home), demo, title)
