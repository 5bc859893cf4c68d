# SPDX-License-Identifier: Apache-2.0
"""The relay's lean uvicorn WebSocket protocol: same behaviour, less state per socket."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest
import wsproto
import wsproto.events as wse
from uvicorn.server import ServerState

from server_stub.embedded import uvicorn_config
from server_stub.routes.ws import raw_sink
from server_stub.settings import Settings
from server_stub.wsproto_lean import Inbox, LeanWSProtocol, WritableFlag


async def test_inbox_hands_items_to_its_consumer_in_order() -> None:
    box = Inbox()
    assert box.empty() and box.qsize() == 0
    box.put_nowait(1)
    box.put_nowait(2)
    assert not box.empty() and box.qsize() == 2
    assert await box.get() == 1
    getter = asyncio.ensure_future(box.get())
    assert await getter == 2
    assert box.empty()
    late = asyncio.ensure_future(box.get())  # waits for an item
    await asyncio.sleep(0)
    assert not late.done()
    with pytest.raises(RuntimeError):  # one consumer only
        await box.get()
    box.put_nowait(3)
    assert await asyncio.wait_for(late, 5) == 3
    cancelled = asyncio.ensure_future(box.get())
    await asyncio.sleep(0)
    cancelled.cancel()
    with pytest.raises(asyncio.CancelledError):
        await cancelled
    box.put_nowait(4)  # a cancelled wait leaves the inbox usable
    assert await asyncio.wait_for(box.get(), 5) == 4


async def test_writable_flag_wakes_every_waiter_when_set() -> None:
    flag = WritableFlag()
    assert flag.is_set()
    assert await flag.wait() is True
    flag.clear()
    assert not flag.is_set()
    waiters = [asyncio.ensure_future(flag.wait()) for _ in range(3)]
    await asyncio.sleep(0)
    assert not any(w.done() for w in waiters)
    flag.set()
    assert await asyncio.wait_for(asyncio.gather(*waiters), 5) == [True, True, True]


class _Transport(asyncio.Transport):
    def __init__(self) -> None:
        super().__init__()
        self.data: list[bytes] = []
        self.closing = False

    def write(self, data: bytes | bytearray | memoryview) -> None:
        self.data.append(bytes(data))

    def is_closing(self) -> bool:
        return self.closing

    def close(self) -> None:
        self.closing = True

    def pause_reading(self) -> None:
        pass

    def resume_reading(self) -> None:
        pass

    def get_extra_info(self, name: str, default: Any = None) -> Any:
        return {"sockname": ("127.0.0.1", 1), "peername": ("127.0.0.1", 2)}.get(name, default)


async def test_the_relay_serves_the_lean_protocol_and_it_drops_the_handshake() -> None:
    """Served as the relay is (``uvicorn_config``): after the handshake its HTTP state
    is gone, frames in both directions still flow, a disconnect still reaches the
    application, and the push path may still write to the transport."""
    received: list[Any] = []
    echoed = asyncio.Event()

    async def app(_scope: Any, receive: Any, send: Any) -> None:
        assert (await receive())["type"] == "websocket.connect"
        await send({"type": "websocket.accept"})
        for _ in range(2):
            msg = await receive()
            received.append(msg)
            await send({"type": "websocket.send", "text": "echo " + msg["text"]})
        echoed.set()
        received.append(await receive())  # the disconnect

    config = uvicorn_config(app, Settings(), "127.0.0.1", 1)
    assert config.ws is LeanWSProtocol
    config.load()
    proto = LeanWSProtocol(config=config, server_state=ServerState(), app_state={})
    assert raw_sink(proto.send) is not None
    transport = _Transport()
    proto.connection_made(transport)
    client = wsproto.WSConnection(wsproto.ConnectionType.CLIENT)
    request = client.send(wse.Request(host="127.0.0.1", target="/v1/ws"))
    proto.data_received(request)
    for _ in range(500):
        if proto.handshake_complete and transport.data:
            break
        await asyncio.sleep(0.01)
    assert proto.handshake_complete
    assert not hasattr(proto.conn.handshake, "_h11_connection")
    client.receive_data(b"".join(transport.data))
    events = list(client.events())
    assert isinstance(events[0], wse.AcceptConnection)
    transport.data.clear()
    proto.data_received(client.send(wse.Message(data="one")))
    proto.data_received(client.send(wse.Message(data="two")))
    await asyncio.wait_for(echoed.wait(), 10)
    client.receive_data(b"".join(transport.data))
    events += client.events()
    texts = [e.data for e in events if isinstance(e, wse.TextMessage)]
    assert texts == ["echo one", "echo two"]
    assert [m.get("text") for m in received] == ["one", "two"]
    proto.connection_lost(None)
    for _ in range(500):
        if len(received) == 3:
            break
        await asyncio.sleep(0.01)
    assert received[2]["type"] == "websocket.disconnect"
