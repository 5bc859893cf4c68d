# SPDX-License-Identifier: Apache-2.0
"""Serving the relay: one uvicorn configuration for the console, the demo and the app.

:class:`~server_stub.app.RelayApp` dispatches its push socket before the middleware
and returns an awaitable from a synchronous ``__call__``; uvicorn must be told it is
ASGI 3 or it guesses ASGI 2 and every request fails. Keeping the configuration in one
place keeps that (and the per-socket memory settings) true for every way of serving.
"""

from __future__ import annotations

import threading
import time
from pathlib import Path
from typing import Any

import uvicorn
from starlette.types import ASGIApp

from .app import create_app
from .settings import Settings
from .wsproto_lean import LeanWSProtocol

__all__ = ["EmbeddedRelay", "uvicorn_config"]


def uvicorn_config(app: ASGIApp, settings: Settings, host: str, port: int,
                   **overrides: Any) -> uvicorn.Config:
    """The uvicorn configuration the relay is served with."""
    options: dict[str, Any] = {
        "host": host, "port": port, "log_level": "warning", "access_log": False,
        "interface": "asgi3", "ws": LeanWSProtocol, "ws_max_size": settings.max_ws_frame_bytes,
        "ws_ping_interval": 30, "ws_per_message_deflate": False, "proxy_headers": False,
        # ciphertext does not compress; no proxy on loopback
        "h11_max_incomplete_event_size": 64 * 1024,
    }
    options.update(overrides)
    return uvicorn.Config(app, **options)


class EmbeddedRelay:
    """The relay in this process on 127.0.0.1:port, in a thread with its own loop.

    For the demo venue and the desktop app's embedded relay; ``settings`` overrides
    go to :meth:`Settings.from_env` (e.g. a higher registration rate for a demo whose
    devices all register from 127.0.0.1).
    """

    def __init__(self, data_dir: Path, port: int, **settings: Any) -> None:
        relay_settings = Settings.from_env(data_dir=data_dir, **settings)
        app = create_app(relay_settings)
        self.port = port
        self.server = uvicorn.Server(
            uvicorn_config(app, relay_settings, "127.0.0.1", port, lifespan="on"))
        self.thread = threading.Thread(target=self.server.run, daemon=True,
                                       name="corridor-relay")

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self, timeout: float = 30) -> None:
        self.thread.start()
        deadline = time.monotonic() + timeout
        while not self.server.started:
            if not self.thread.is_alive() or time.monotonic() > deadline:
                raise RuntimeError("the embedded relay did not start")
            time.sleep(0.02)

    def stop(self) -> None:
        self.server.should_exit = True
        self.thread.join(30)

    def __enter__(self) -> EmbeddedRelay:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()
