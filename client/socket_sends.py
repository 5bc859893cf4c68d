# SPDX-License-Identifier: Apache-2.0
"""Application messages over the push socket (issue 25): the relay answers a ``send``
frame like the POST (``sent`` once durable, or ``error`` with the status the POST
would have had). :class:`SocketSends` matches the answers to the waiting sends by
client message id and fails them all as :class:`~client.transport.RelayUnavailable`
when the socket goes, so that :meth:`client.transport.HttpTransport.send_app_message`
sends them again by POST under the same id (the relay stores a message once).
Loaded with the push socket (:meth:`client.transport.HttpTransport.push`).
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator, Awaitable, Callable
from typing import TYPE_CHECKING

from client.errors import PeerError
from client.transport import (
    HttpTransport,
    JsonObject,
    PostResult,
    PushEvent,
    RelayRefused,
    RelayUnavailable,
    refusal,
)

if TYPE_CHECKING:
    from httpx_ws import AsyncWebSocketSession

__all__ = ["SocketSends", "frames_of"]


class SocketSends:
    """Sends written on one push socket, each waiting for the relay's answer (``sent`` or
    ``error``, matched by client message id); all fail as :class:`RelayUnavailable` when
    the socket goes (:meth:`lost`), so the caller sends them again by POST."""

    def __init__(self, write: Callable[[str], Awaitable[None]]) -> None:
        self._write = write
        self._waiting: dict[str, asyncio.Future[PostResult]] = {}
        self._closed = False

    async def send(self, group_id: str, client_msg_id: str, message: str,
                   timeout: float) -> PostResult:
        if self._closed or client_msg_id in self._waiting:
            raise RelayUnavailable("no push socket to send on")
        fut: asyncio.Future[PostResult] = asyncio.get_running_loop().create_future()
        self._waiting[client_msg_id] = fut
        try:
            await self._write(json.dumps({"type": "send", "group_id": group_id,
                                          "client_msg_id": client_msg_id,
                                          "message": message}))
            return await asyncio.wait_for(asyncio.shield(fut), timeout)
        except (RelayRefused, RelayUnavailable):
            raise
        except asyncio.CancelledError:
            raise
        except Exception as exc:  # the socket failed under the write, or went silent
            raise RelayUnavailable(f"push socket send failed: {type(exc).__name__}") from None
        finally:
            if self._waiting.get(client_msg_id) is fut:
                del self._waiting[client_msg_id]
            if not fut.done():
                fut.cancel()

    def answer(self, frame: JsonObject) -> None:
        """The relay's ``sent`` or ``error`` frame. An error that names no message (the
        rate limit is checked before a frame is read) answers every waiting send: only
        sends go this way, one at a time per client (the outbox is sent in order)."""
        key = frame.get("client_msg_id")
        if frame.get("type") == "sent":
            fut = self._waiting.get(str(key))
            if fut is not None and not fut.done():
                fut.set_result(PostResult(int(frame["seq"]), bool(frame["duplicate"])))
            return
        status = frame.get("status")
        # a relay that does not say: "try again" (the POST that follows will say)
        exc = refusal(status if isinstance(status, int) and status >= 400 else 503, frame)
        targets = [self._waiting.get(key)] if isinstance(key, str) else \
            list(self._waiting.values())
        for fut in targets:
            if fut is not None and not fut.done():
                fut.set_exception(exc)

    def lost(self) -> None:
        self._closed = True
        for fut in self._waiting.values():
            if not fut.done():
                fut.set_exception(RelayUnavailable("the push socket closed before the answer"))



async def frames_of(transport: HttpTransport, ws: AsyncWebSocketSession,
                    sends: SocketSends) -> AsyncIterator[PushEvent]:
    """The push socket's frames, typed; the relay's answers to sends go to ``sends``."""
    from httpx_ws import WebSocketDisconnect, WebSocketNetworkError

    while True:
        try:
            text = await ws.receive_text()
        except WebSocketDisconnect:
            return  # the relay closed it (restart, token expiry)
        except WebSocketNetworkError:
            raise RelayUnavailable("push connection lost") from None
        try:
            f = json.loads(text)
            t = f.get("type")
            if t == "message":
                yield PushEvent("message", message=transport._message(f))
            elif t == "welcome":
                yield PushEvent("welcome", welcome=transport._welcome(f))
            elif t == "ready":
                transport._sends = sends  # sends go this way from now on
                yield PushEvent("ready")
            elif t in ("sent", "error"):
                sends.answer(f)
            else:
                yield PushEvent("other")
        except (ValueError, KeyError, TypeError, AttributeError):
            raise PeerError("the relay sent a malformed push frame") from None
