# SPDX-License-Identifier: Apache-2.0
"""``GET /v1/ws``: push delivery and pipelined sends over one WebSocket.

On connect (``Authorization: Bearer`` at the handshake) the relay sends every
unacknowledged message of every group the device is routed in, then
``{"type": "ready"}``, then live pushes. Frames are JSON text; see :mod:`..schemas`
for the client frames (send, ack, ack_welcome, ping). Sends and acks are answered
(``sent`` / ``acked``) only after the write is durable. The socket closes with 4401
when the token expires, 4008 when the client reads too slowly, 1009 for oversized
frames, 1013 while the database cannot be reached, 1012 when this process may have
missed other processes' pushes; the client reconnects and catches up.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Awaitable
from typing import Protocol, cast

import msgspec
from starlette.routing import WebSocketRoute
from starlette.types import Receive, Scope, Send
from starlette.websockets import WebSocket, WebSocketDisconnect
from uvicorn.protocols.websockets.wsproto_impl import WSProtocol

from .. import schemas as s
from ..errors import ServerError, StorageUnavailable
from ..hub import (
    FULL,
    NOT_READY,
    WROTE,
    Connection,
    RawSink,
    b64u,
    message_frame,
    welcome_frame,
)
from ..relay import Relay, decode_group_id

__all__ = ["ws_routes"]

log = logging.getLogger("corridor.relay.ws")
_enc = msgspec.json.Encoder()
MAX_INFLIGHT = 1024


def _error_frame(relay: Relay, exc: ServerError, **extra: object) -> str:
    if relay.hub.on_refused is not None:
        relay.hub.on_refused(exc.code)
    # the status the same refusal has over HTTP: the client tells "try again" from
    # "never" the same way on both paths
    return _enc.encode({"type": "error", "status": exc.status, **exc.body(), **extra}).decode()


async def _backlog(relay: Relay, ws: WebSocket, conn: Connection) -> dict[bytes, int]:
    sent: dict[bytes, int] = {}
    page = relay.settings.ws_backlog_page
    for gid, row in await relay.storage.memberships(conn.device_id):
        cursor = row.acked_seq
        while True:
            msgs, _last = await relay.storage.messages_after(gid, conn.device_id, cursor, page)
            for m in msgs:
                await ws.send_text(message_frame(m))
                cursor = m.seq
            if len(msgs) < page:
                break
        sent[gid] = cursor
    for w in await relay.storage.pending_welcomes(conn.device_id, 10_000):
        await ws.send_text(welcome_frame(w))
    return sent


def _authorization(scope: Scope) -> str | None:
    """The ``Authorization`` header, read from the scope without building a Headers."""
    for name, value in scope.get("headers", ()):
        if name.lower() == b"authorization":
            return bytes(value).decode("latin-1")
    return None


async def websocket_endpoint(ws: WebSocket, raw: RawSink | None = None,
                             receive: Receive | None = None) -> None:
    """One push socket. ``receive``: the server's own, when the caller has it (the
    bare ASGI path), which spares an idle socket starlette's wrapper frame."""
    relay: Relay = ws.app.state.relay
    auth = _authorization(ws.scope)
    try:
        device = await relay.authenticate(auth)
    except StorageUnavailable:
        await ws.close(code=1013, reason="try again later")
        return
    except ServerError:
        await ws.close(code=4401, reason="unauthorized")
        return
    assert auth is not None
    until = relay.token_expiry(auth)
    del auth
    await ws.accept()
    # the headers were read; an open socket need not keep them (nor its bearer token)
    ws.scope["headers"] = []
    conn = Connection(device, ws.send, ws.close, relay.settings.ws_send_queue, raw)
    loop = asyncio.get_running_loop()
    expiry = loop.call_at(
        loop.time() + max(0.0, until - relay.clock()), conn.abort, 4401, "token expired",
    )
    next_frame = ws.receive if receive is None else receive
    relay.hub.add(conn)
    inflight: set[asyncio.Task[None]] | None = None
    try:
        sent = await _backlog(relay, ws, conn)
        await ws.send_text('{"type":"ready"}')
        conn.go_live(sent)
        while not conn.closed:
            msg = await next_frame()
            if msg["type"] == "websocket.disconnect":
                break
            text = msg.get("text")
            data = text.encode() if text is not None else msg.get("bytes") or b""
            if len(data) > relay.settings.max_ws_frame_bytes:
                conn.abort(1009, "frame too large")
                break
            try:
                relay.rate.take(device)
                frame = s.client_frame_decoder.decode(data)
            except ServerError as exc:
                conn.push(_error_frame(relay, exc))
                continue
            except (msgspec.ValidationError, msgspec.DecodeError) as exc:
                if relay.hub.on_refused is not None:
                    relay.hub.on_refused("invalid_frame")
                conn.push(_enc.encode(
                    {"type": "error", "status": 400, "error": "invalid_frame", "message": str(exc)}
                ).decode())
                continue
            if isinstance(frame, s.WsPing):
                conn.push('{"type":"pong"}')
                continue
            if inflight is None:
                inflight = set()
            elif len(inflight) >= MAX_INFLIGHT:
                await asyncio.wait(inflight, return_when=asyncio.FIRST_COMPLETED)
            task = loop.create_task(_handle(relay, conn, frame))
            inflight.add(task)
            task.add_done_callback(inflight.discard)
    except WebSocketDisconnect:
        pass
    except StorageUnavailable:  # the backlog could not be read: the client retries
        if not conn.closed:
            conn.closed = True
            with contextlib.suppress(Exception):
                await ws.close(code=1013, reason="try again later")
    finally:
        expiry.cancel()
        relay.hub.remove(conn)
        conn.closed = True


async def _handle(relay: Relay, conn: Connection, frame: s.ClientFrame) -> None:
    device = conn.device_id
    try:
        if isinstance(frame, s.WsSend):
            try:
                gid = decode_group_id(frame.group_id)
                outcome = await relay.post(
                    device, gid, frame.client_msg_id, frame.message,
                    frame.welcome.message if frame.welcome else None,
                    list(frame.welcome.recipients) if frame.welcome else [],
                )
            except ServerError as exc:
                conn.push(_error_frame(relay, exc, client_msg_id=frame.client_msg_id,
                                       group_id=frame.group_id))
                return
            conn.push(_enc.encode({
                "type": "sent", "client_msg_id": frame.client_msg_id, "group_id": frame.group_id,
                "seq": outcome.seq, "duplicate": outcome.duplicate,
            }).decode())
        elif isinstance(frame, s.WsAck):
            try:
                gid = decode_group_id(frame.group_id)
                acked = await relay.storage.ack(device, gid, frame.seq)
            except ServerError as exc:
                conn.push(_error_frame(relay, exc, group_id=frame.group_id))
                return
            conn.push(_enc.encode(
                {"type": "acked", "group_id": b64u(gid), "seq": acked}
            ).decode())
        elif isinstance(frame, s.WsAckWelcome):
            ok = await relay.storage.ack_welcome(device, frame.id)
            conn.push(_enc.encode({"type": "acked_welcome", "id": frame.id, "ok": ok}).decode())
    except ServerError as exc:
        conn.push(_error_frame(relay, exc))
    except Exception:
        log.exception("websocket frame handling failed")
        conn.push('{"type":"error","status":500,"error":"internal","message":"internal error"}')


WS_PATH = "/v1/ws"


class _WsprotoProtocol(Protocol):
    """What the sink reads of uvicorn's wsproto protocol (checked by :func:`raw_sink`)."""

    handshake_complete: bool
    close_sent: bool
    disconnected: bool
    writable: asyncio.Event
    transport: asyncio.Transport


class _UvicornSink:
    """uvicorn's wsproto protocol under one socket, written to directly (see
    :class:`~server_stub.hub.RawSink`); it is ready only while its own ``send`` would
    write at once (handshake done, not closing, not paused by flow control)."""

    __slots__ = ("_p",)

    def __init__(self, protocol: _WsprotoProtocol) -> None:
        self._p = protocol

    def offer(self, data: bytes, max_buffered: int) -> int:
        p = self._p
        t = p.transport
        if (not p.handshake_complete or p.close_sent or p.disconnected
                or not p.writable.is_set() or t.is_closing()):
            return NOT_READY
        if t.get_write_buffer_size() > max_buffered:
            return FULL
        t.write(data)
        return WROTE


_SINK_ATTRS = ("handshake_complete", "close_sent", "disconnected", "writable", "transport",
               "config")


def raw_sink(send: Send) -> RawSink | None:
    """The transport behind ``send`` if it is uvicorn's wsproto protocol without
    compression (how the relay is served); None for any other server, which then gets
    every frame through ``send``."""
    protocol: object = getattr(send, "__self__", None)
    if (not isinstance(protocol, WSProtocol)
            or not all(hasattr(protocol, a) for a in _SINK_ATTRS)
            or getattr(getattr(protocol, "config", None), "ws_per_message_deflate", True)):
        return None
    return _UvicornSink(cast(_WsprotoProtocol, protocol))


def websocket_asgi(scope: Scope, receive: Receive, send: Send) -> Awaitable[None]:
    """The endpoint as a bare ASGI app (see :class:`server_stub.app.RelayApp`)."""
    return websocket_endpoint(WebSocket(scope, receive, send), raw_sink(send), receive)


def ws_routes() -> list[WebSocketRoute]:
    return [WebSocketRoute(WS_PATH, websocket_endpoint, name="websocket")]
