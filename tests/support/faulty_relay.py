# SPDX-License-Identifier: Apache-2.0
"""The real relay with one fault switch, for tests that need the relay to fail sends.

Run as ``python -m tests.support.faulty_relay serve --port P --data-dir D [--database
URL]`` (the arguments of ``corridor-relay serve``). While the file named by
``CORRIDOR_TEST_FAULT_FILE`` exists, every ``POST /v1/groups/{id}/messages`` is
answered with the status written in it instead of reaching the relay, and so is
every ``send`` frame on the push socket (the relay's ``error`` frame, with that
``status``):

* ``503`` (any status): refused before the relay sees it;
* ``503 after``: the relay stores the message, then the answer is replaced with the
  status (a response lost after the write: the retry must be de-duplicated);
* ``413 some reason``: the reason becomes the error body's ``message``;
* ``cut``: on the socket only (POSTs pass): the relay stores the message, then the
  socket is closed instead of the ``sent`` answer (cut after the frame was written).

Everything else (the push socket, catch-up, login) passes through untouched. This
lives in the test tree only: the product relay has no such switch.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import re
import sys
from pathlib import Path
from typing import Any

__all__ = ["FaultySends", "main"]

FAULT_ENV = "CORRIDOR_TEST_FAULT_FILE"
_POST_MESSAGES = re.compile(r"^/v1/groups/[^/]+/messages$")


class FaultySends:
    """ASGI wrapper that fails message posts while the fault file exists."""

    def __init__(self, app: Any, flag: Path) -> None:
        self.app = app
        self.flag = flag

    def _fault(self, socket: bool = False) -> tuple[int, bool, str] | None:
        """(status, after, reason); ``cut`` is (0, True, "cut") on the socket only."""
        try:
            words = self.flag.read_text().split()
        except OSError:
            return None
        if words[:1] == ["cut"]:
            return (0, True, "cut") if socket else None
        status = int(words[0]) if words else 503
        after = len(words) > 1 and words[1] == "after"
        reason = " ".join(words[2 if after else 1:]) or "injected fault"
        return status, after, reason

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] == "websocket":
            await self._socket(scope, receive, send)
            return
        fault = None
        if scope["type"] == "http" and scope["method"] == "POST" and \
                _POST_MESSAGES.match(scope["path"]):
            fault = self._fault()
        if fault is None:
            await self.app(scope, receive, send)
            return
        status, after, reason = fault
        if after:  # let the relay store it, swallow its answer

            async def swallow(_message: Any) -> None:
                return None

            await self.app(scope, receive, swallow)
        body = json.dumps({"error": "injected", "message": reason}).encode()
        await send({"type": "http.response.start", "status": status,
                    "headers": [(b"content-type", b"application/json"),
                                (b"content-length", str(len(body)).encode())]})
        await send({"type": "http.response.body", "body": body})


    async def _socket(self, scope: Any, receive: Any, send: Any) -> None:
        """The push socket, its ``send`` frames failed like the POST while armed."""
        lost: dict[str, int] = {}  # stored sends whose answer is replaced: id -> status
        closed = False

        def error(frame: dict[str, Any], status: int, reason: str) -> dict[str, str]:
            return {"type": "websocket.send", "text": json.dumps({
                "type": "error", "status": status, "error": "injected", "message": reason,
                "client_msg_id": frame.get("client_msg_id"),
                "group_id": frame.get("group_id")})}

        async def receive_frames() -> Any:
            while True:
                msg = await receive()
                frame = _send_frame(msg)
                fault = self._fault(socket=True) if frame is not None else None
                if frame is None or fault is None:
                    return msg
                status, after, reason = fault
                if after:
                    lost[str(frame.get("client_msg_id"))] = status
                    return msg
                await send(error(frame, status, reason))

        async def send_frames(msg: Any) -> None:
            nonlocal closed
            if closed:
                return  # the relay's later frames go nowhere: the socket is cut
            text = msg.get("text") if msg["type"] == "websocket.send" else None
            if text and lost and '"sent"' in text:
                frame = json.loads(text)
                status = lost.pop(str(frame.get("client_msg_id")), None)
                if frame.get("type") == "sent" and status is not None:
                    if status:  # the answer replaced, as for the POST
                        await send(error(frame, status, "injected fault"))
                        return
                    closed = True  # cut: the socket closed instead of the answer
                    await send({"type": "websocket.close", "code": 1011})
                    return
            await send(msg)

        await self.app(scope, receive_frames, send_frames)


def _send_frame(msg: Any) -> dict[str, Any] | None:
    """A client's ``send`` frame in an ASGI websocket message, else None."""
    if msg.get("type") != "websocket.receive" or not msg.get("text"):
        return None
    try:
        frame = json.loads(msg["text"])
    except ValueError:
        return None
    return frame if isinstance(frame, dict) and frame.get("type") == "send" else None


def main(argv: list[str] | None = None) -> int:
    import uvicorn

    from server_stub.app import create_app
    from server_stub.embedded import uvicorn_config
    from server_stub.settings import Settings

    p = argparse.ArgumentParser()
    p.add_argument("command", choices=["serve"])
    p.add_argument("--port", type=int, required=True)
    p.add_argument("--data-dir", required=True)
    p.add_argument("--database", default=None)
    p.add_argument("--log-level", default="info")
    args = p.parse_args(argv)
    logging.basicConfig(level=args.log_level.upper(), stream=sys.stderr)
    settings = Settings.from_env(data_dir=Path(args.data_dir), database_url=args.database)
    app = FaultySends(create_app(settings), Path(os.environ[FAULT_ENV]))
    uvicorn.Server(uvicorn_config(app, settings, "127.0.0.1", args.port)).run()
    return 0


if __name__ == "__main__":
    sys.exit(main())
