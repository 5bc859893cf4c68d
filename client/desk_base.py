# SPDX-License-Identifier: Apache-2.0
"""What the crisis, decisions and notices desks share: who this device is, the clock in
milliseconds, the marking check on what a desk sends, and reading the messages stored
since the last refresh (each channel from the store position it reached, so a tick
costs what arrived, not the whole history).

The app keeps five desks over one client (the alarm's crisis desk and its notices desk,
the notices view's pair, the decisions view's): each used to read and open every stored
row, so a catch-up of 10,000 messages was read five times over on the core's loop. One
:class:`DeskFeed` per client now reads each row once and keeps where the few kinds a desk
takes (crisis items, emergency calls) are; a desk reads just those rows again, by id, so
what it takes is what the store holds at that moment (a message deleted meanwhile is
not taken, as when the desk read the store itself)."""

from __future__ import annotations

import asyncio
import bisect
import weakref
from collections.abc import Callable, Iterator, Sequence
from typing import TYPE_CHECKING, Final

from client import payloads
from client.errors import CorruptRecordError, NotFoundError

if TYPE_CHECKING:
    from client.core import Client
    from client.store.base import Channel, Message, Store

__all__ = ["DeskFeed", "StoredDesk", "Take", "feed_of"]

#: ``take(channel, message, crls)``: one stored, undamaged message for a desk's book
Take = Callable[["Channel", "Message", Sequence[bytes]], None]
#: messages read between two turns of the event loop (:meth:`StoredDesk.refresh_async`)
_PAGE: Final = 50
#: messages read at a time when nothing waits on the loop (``refresh``)
_SYNC_PAGE: Final = 500
#: the payload kinds some desk takes; every other row is passed over unread by desks
DESK_KINDS: Final = frozenset({
    str(t.__struct_config__.tag) for t in (payloads.Crisis, payloads.EmergencyCall)})


class DeskFeed:
    """Where one store's desk-bearing messages are, read once for all its desks.

    Per channel it keeps the store position read up to and, in rising order, the
    position and id of every undamaged row whose kind is in :data:`DESK_KINDS`. A page
    is read and recorded without yielding, so desks that advance the feed in turns on
    one loop never read a row twice nor skip one (a store's positions only rise)."""

    def __init__(self, store: Store) -> None:
        self._store = store
        self._read: dict[bytes, int] = {}
        self._positions: dict[bytes, list[int]] = {}
        self._ids: dict[bytes, list[bytes]] = {}

    def advance(self, limit: int) -> Iterator[None]:
        """Read what was stored since the last call, yielding after each page."""
        store = self._store
        for ch in store.list_channels():
            if ch.damaged:
                continue
            cid = ch.channel_id
            while page := store.list_messages(cid, after=self._read.get(cid, 0),
                                              limit=limit):
                self._read[cid] = page[-1].position
                positions = self._positions.setdefault(cid, [])
                ids = self._ids.setdefault(cid, [])
                for m in page:
                    if not m.damaged and payloads.kind_of_body(m.body) in DESK_KINDS:
                        positions.append(m.position)
                        ids.append(m.message_id)
                yield

    def after(self, channel_id: bytes, position: int, limit: int) -> list[tuple[int, bytes]]:
        """Up to ``limit`` (position, message id) of desk-bearing rows past ``position``."""
        positions = self._positions.get(channel_id)
        if not positions:
            return []
        i = bisect.bisect_right(positions, position)
        return list(zip(positions[i:i + limit], self._ids[channel_id][i:i + limit],
                        strict=True))


_FEEDS: Final[weakref.WeakKeyDictionary[Client, DeskFeed]] = weakref.WeakKeyDictionary()


def feed_of(client: Client) -> DeskFeed:
    """The one feed of ``client``'s store, made on first use and gone with the client."""
    feed = _FEEDS.get(client)
    if feed is None:
        feed = _FEEDS[client] = DeskFeed(client.store)
    return feed


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
        feed = feed_of(self.client)
        yield from feed.advance(limit)
        take = self._taker()
        store = self.client.store
        crls = self.client.engine.trust.crls
        for ch in store.list_channels():
            if ch.damaged:
                continue
            cid = ch.channel_id
            # the position is read again after each yield: a refresh of this desk that
            # ran meanwhile has taken those rows already
            while batch := feed.after(cid, self._position.get(cid, 0), limit):
                self._position[cid] = batch[-1][0]
                for _position, mid in batch:
                    try:
                        m = store.get_message(cid, mid)
                    except (NotFoundError, CorruptRecordError):  # deleted or damaged since
                        continue
                    if not m.damaged:
                        take(ch, m, crls)
                yield
