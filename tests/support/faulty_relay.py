# SPDX-License-Identifier: Apache-2.0
"""The real relay with one fault switch, for tests that need the relay to fail sends.

Run as ``python -m tests.support.faulty_relay serve --port P --data-dir D [--database
URL]`` (the arguments of ``corridor-relay serve``). While the file named by
``CORRIDOR_TEST_FAULT_FILE`` exists, every ``POST /v1/groups/{id}/messages`` is
answered with the status written in it instead of reaching the relay:

* ``503`` (any status): refused before the relay sees it;
* ``503 after``: the relay stores the message, then the answer is replaced with the
  status (a response lost after the write: the retry must be de-duplicated);
* ``413 some reason``: the reason becomes the error body's ``message``.

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

    def _fault(self) -> tuple[int, bool, str] | None:
        try:
            words = self.flag.read_text().split()
        except OSError:
            return None
        status = int(words[0]) if words else 503
        after = len(words) > 1 and words[1] == "after"
        reason = " ".join(words[2 if after else 1:]) or "injected fault"
        return status, after, reason

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
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
