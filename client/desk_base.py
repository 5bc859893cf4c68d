# SPDX-License-Identifier: Apache-2.0
"""What the crisis, decisions and notices desks share: who this device is, the clock in
milliseconds, the marking check on what a desk sends, and reading the messages stored
since the last refresh (each channel from the store position it reached, so a tick
costs what arrived, not the whole history)."""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Iterator, Sequence
from typing import TYPE_CHECKING, Final

if TYPE_CHECKING:
    from client.core import Client
    from client.store.base import Channel, Message

__all__ = ["StoredDesk", "Take"]

#: ``take(channel, message, crls)``: one stored, undamaged message for a desk's book
Take = Callable[["Channel", "Message", Sequence[bytes]], None]
#: messages read between two turns of the event loop (:meth:`StoredDesk.refresh_async`)
_PAGE: Final = 50
#: messages read at a time when nothing waits on the loop (``refresh``)
_SYNC_PAGE: Final = 500


class StoredDesk:
    """A desk over a :class:`client.core.Client` whose book is built from stored
    messages."""

    def __init__(self, client: Client) -> None:
        self.client = client
        #: the classification marking of what this desk sends ("" the lowest; the
        #: engine refuses one above the channel's ceiling)
        self.marking = ""
        self._position: dict[bytes, int] = {}

    @property
    def me(self) -> str:
        return str(self.client.engine.me.ident.delegate)

    @property
    def mission(self) -> str:
        return str(self.client.engine.me.ident.mission_id)

    def now(self) -> int:
        return int(self.client.engine.clock() * 1000)

    def labels(self) -> dict[str, str]:
        """Member id -> "Ana (alderia/ana)" for the members of this device's channels
        (:func:`client.core.names.member_labels`): what the views and the CLIs show."""
        from client.core.names import member_labels

        return member_labels(self.client.engine, (
            c.channel_id for c in self.client.store.list_channels() if not c.damaged))

    def check_marking(self, channel: str | bytes, marking: str | None) -> str:
        """``marking`` (None: the desk's own) as the venue's scheme writes it, if the
        channel's ceiling allows it (UsageError naming the ceiling otherwise)."""
        cid = self.client.resolve_channel(channel)
        return self.client.engine.check_marking(cid, self.marking if marking is None
                                                else marking)

    def _read_new(self) -> None:
        """Hand :meth:`_taker` every undamaged message stored since the last call."""
        for _page in self._pages(_SYNC_PAGE):
            pass

    def _taker(self) -> Take:
        """What each new message is handed to (``refresh`` and :meth:`refresh_async`)."""
        raise NotImplementedError

    async def refresh_async(self) -> None:
        """Take what arrived as ``refresh`` does, letting the event loop run between
        pages: after a catch-up of thousands of messages a desk reads every one
        (a second or more for the app's desks), and a channel's first page or a send
        on the same loop must not wait for all of them. A desk that keeps another
        desk's book refreshes that one too."""
        await self._read_async()

    async def _read_async(self) -> None:
        for _page in self._pages(_PAGE):
            await asyncio.sleep(0)
            if self.client.closed:  # closed meanwhile (the app quits): nothing to show
                raise asyncio.CancelledError

    def _pages(self, limit: int) -> Iterator[None]:
        take = self._taker()
        store = self.client.store
        crls = self.client.engine.trust.crls
        for ch in store.list_channels():
            if ch.damaged:
                continue
            while True:
                page = store.list_messages(ch.channel_id, after=self._position.get(
                    ch.channel_id, 0), limit=limit)
                if not page:
                    break
                self._position[ch.channel_id] = page[-1].position
                for m in page:
                    if not m.damaged:
                        take(ch, m, crls)
                yield
