# SPDX-License-Identifier: Apache-2.0
"""uvicorn's wsproto protocol with less state per idle socket.

An idle push socket is mostly the server's bookkeeping: uvicorn's ``asyncio.Queue``
(three deques and an Event, about 3 KiB, for a queue that holds one or two frames), an
``asyncio.Event`` for flow control, and wsproto's finished HTTP handshake (an h11
connection with the request's headers, about 3 KiB), which nothing reads once the
socket is open. :class:`LeanWSProtocol` swaps the first two for single-consumer
equivalents with slots and drops the third right after the handshake. Behaviour is
uvicorn's own; the relay serves with this class (``ws=`` in
:func:`server_stub.embedded.uvicorn_config`).
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterator

import wsproto
from uvicorn.config import Config
from uvicorn.protocols.websockets.wsproto_impl import WSProtocol
from uvicorn.server import ServerState

__all__ = ["Inbox", "LeanWSProtocol", "WritableFlag"]


class Inbox:
    """What uvicorn uses of its receive queue (``put_nowait``, ``get``, ``empty``) for
    its one consumer, the application's ``receive``. Holds nothing while empty."""

    __slots__ = ("_items", "_waiter")

    def __init__(self) -> None:
        self._items: list[object] | None = None
        self._waiter: asyncio.Future[None] | None = None

    def put_nowait(self, item: object) -> None:
        if self._items is None:
            self._items = [item]
        else:
            self._items.append(item)
        w = self._waiter
        if w is not None and not w.done():
            w.set_result(None)

    async def get(self) -> object:
        while not self._items:
            if self._waiter is not None:
                raise RuntimeError("the inbox has one consumer")
            w = self._waiter = asyncio.get_running_loop().create_future()
            try:
                await w
            finally:
                self._waiter = None
        items = self._items
        item = items.pop(0)  # a list: it holds one or two frames (reads pause on each)
        if not items:
            self._items = None
        return item

    def empty(self) -> bool:
        return not self._items

    def qsize(self) -> int:
        return len(self._items) if self._items else 0


class WritableFlag:
    """``asyncio.Event`` as uvicorn uses it for flow control (set while the transport
    takes writes), without a waiter deque until someone waits."""

    __slots__ = ("_set", "_waiters")

    def __init__(self) -> None:
        self._set = True
        self._waiters: list[asyncio.Future[None]] | None = None

    def is_set(self) -> bool:
        return self._set

    def set(self) -> None:
        self._set = True
        waiters, self._waiters = self._waiters, None
        for w in waiters or ():
            if not w.done():
                w.set_result(None)

    def clear(self) -> None:
        self._set = False

    async def wait(self) -> bool:
        if self._set:
            return True
        w = asyncio.get_running_loop().create_future()
        if self._waiters is None:
            self._waiters = []
        self._waiters.append(w)
        try:
            await w
        finally:
            if self._waiters is not None and w in self._waiters:
                self._waiters.remove(w)
        return True


class _Handshaken:
    """Stands in for wsproto's handshake once the socket is open: its only remaining
    use is ``WSConnection.events()``, which yields nothing more from it."""

    __slots__ = ()

    def events(self) -> Iterator[object]:
        return iter(())


_HANDSHAKEN = _Handshaken()


class LeanWSProtocol(WSProtocol):
    """uvicorn's wsproto protocol with a slotted inbox and flag, and the handshake's
    state released once the socket is accepted."""

    def __init__(self, config: Config, server_state: ServerState,
                 app_state: dict[str, object],
                 _loop: asyncio.AbstractEventLoop | None = None) -> None:
        super().__init__(config, server_state, app_state, _loop)
        self.queue = Inbox()  # type: ignore[assignment]
        self.writable = WritableFlag()  # type: ignore[assignment]

    def start_keepalive(self) -> None:
        """Called by uvicorn right after it wrote the handshake's acceptance: the
        frame protocol has taken over (with any bytes that followed the request), so
        the HTTP side of the handshake is dropped."""
        conn = self.conn
        if isinstance(conn, wsproto.WSConnection) and conn.connection is not None:
            pending = getattr(conn.handshake, "_events", None)  # a server's: the Request
            if pending is not None and not pending:
                conn.handshake = _HANDSHAKEN  # type: ignore[assignment]
        super().start_keepalive()
