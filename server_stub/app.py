# SPDX-License-Identifier: Apache-2.0
"""The relay's ASGI application: factory, lifespan, error mapping, access log.

Every failure leaves as a JSON body ``{"error": code, "message": sentence}``; nothing
a client sends can reach the 500 handler, and that handler never shows a traceback.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import re
import signal
import time
from collections.abc import AsyncIterator, Awaitable, Callable

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from . import blobkey
from .admission import Admission, NoVenueRoot, default_admission
from .directory import VenueDirectory
from .errors import ServerError
from .metrics import CONTENT_TYPE_LATEST, RelayMetrics, loopback_peer
from .openapi import openapi_document
from .relay import Relay
from .routes._common import json_response
from .routes.directory import directory_routes
from .routes.http import http_routes
from .routes.transparency import log_routes
from .routes.ws import WS_PATH, websocket_asgi, ws_routes
from .settings import Settings
from .storage._sql import SqlStorage
from .storage.base import Storage
from .storage.factory import open_storage
from .transparency import TransparencyLog

__all__ = ["AdmissionFactory", "create_app"]

log = logging.getLogger("corridor.relay")
access = logging.getLogger("corridor.relay.access")
AdmissionFactory = Callable[[Storage, Settings], Admission]
_IDS = re.compile(r"/(groups|blobs)/[^/]+")
_HTTP_CODES = {404: "not_found", 405: "method_not_allowed", 400: "bad_request"}


def _refused(request: Request, reason: str) -> None:
    metrics: RelayMetrics | None = getattr(request.app.state, "metrics", None)
    if metrics is not None:
        metrics.refused(reason)


async def _server_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, ServerError)
    _refused(request, exc.code)
    if exc.status >= 500:
        log.error("request failed: %s %s: %s", request.method, _IDS.sub(r"/\1/{id}",
                  request.url.path), exc.code)
    return json_response(exc.body(), exc.status)


async def _http_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, HTTPException)
    code = _HTTP_CODES.get(exc.status_code, "error")
    _refused(request, code)
    headers = dict(exc.headers or {})
    body = {"error": code, "message": str(exc.detail)}
    return Response(json_response(body).body, exc.status_code, headers,
                    media_type="application/json")


async def _internal(request: Request, exc: Exception) -> Response:
    _refused(request, "internal")
    log.error("unhandled %s on %s %s", type(exc).__name__, request.method,
              _IDS.sub(r"/\1/{id}", request.url.path))
    return json_response({"error": "internal", "message": "internal error"}, 500)


class AccessLog:
    """Logs method, path, status, duration and device prefix; never bodies or headers."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    def __call__(self, scope: Scope, receive: Receive, send: Send) -> Awaitable[None]:
        # returns the inner awaitable when not logging: no extra frame per request
        if scope["type"] != "http" or not access.isEnabledFor(logging.INFO):
            return self.app(scope, receive, send)
        return self._logged(scope, receive, send)

    async def _logged(self, scope: Scope, receive: Receive, send: Send) -> None:
        start = time.perf_counter()
        status = 0

        async def send_wrapper(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
            await send(message)

        try:
            await self.app(scope, receive, send_wrapper)
        finally:
            state: object = scope.get("state") or {}
            device = state.get("device") if isinstance(state, dict) else None
            path = _IDS.sub(r"/\1/{id}", scope["path"])  # group and blob ids stay out of logs
            access.info("%s %s %d %.1fms %s", scope["method"], path, status,
                        (time.perf_counter() - start) * 1000, (device or "-")[:12])


class RelayApp(Starlette):
    """Starlette, with the push socket dispatched before the middleware stack.

    Every idle WebSocket keeps its whole call chain alive; skipping the error and
    routing layers (which add nothing to a socket that handles its own errors) saves
    about 4 KiB per connection. ``__call__`` is synchronous and returns the awaitable,
    so it adds no frame either; serve it with ``interface="asgi3"``.
    """

    def __call__(  # type: ignore[override]
        self, scope: Scope, receive: Receive, send: Send
    ) -> Awaitable[None]:
        if scope["type"] == "websocket" and scope["path"] == WS_PATH:
            scope["app"] = self
            return websocket_asgi(scope, receive, send)
        return super().__call__(scope, receive, send)


def _reload_on_sighup(tlog: TransparencyLog | None) -> Callable[[], None]:
    """Re-read the venue policy on SIGHUP (``kill -HUP``: a mission admin's habit;
    the policy file's change is noticed by itself too, see server_stub.transparency).
    Only where the loop may take signals (the main thread of a Unix process: not an
    embedded relay in a thread); returns what removes the handler."""
    if tlog is None or not hasattr(signal, "SIGHUP"):
        return lambda: None
    loop = asyncio.get_running_loop()
    try:
        loop.add_signal_handler(signal.SIGHUP, tlog.reload_policy, "SIGHUP")
    except (RuntimeError, ValueError, NotImplementedError):
        return lambda: None

    def remove() -> None:
        loop.remove_signal_handler(signal.SIGHUP)

    return remove


def create_app(
    settings: Settings | None = None, admission: AdmissionFactory | None = None,
) -> Starlette:
    """Build the relay. ``admission`` picks who may register.

    Default: devices are admitted by a certificate chain to the venue root in the data
    directory (``root.pem``, written by ``corridor-relay venue init``), and the relay
    serves the venue directory. Without that root there is no default admission:

    Raises:
        NoVenueRoot: no (readable) ``root.pem`` and no explicit ``admission``.
        BlobKeyError: the blob key file (server_stub.blobkey) is unusable.
    """
    settings = settings or Settings.from_env()
    root_path = settings.data_dir / "root.pem"
    root_der: bytes | None = None
    if root_path.exists():
        from cryptography import x509
        from cryptography.hazmat.primitives.serialization import Encoding

        try:
            root_der = x509.load_pem_x509_certificate(root_path.read_bytes()).public_bytes(
                Encoding.DER)
        except (OSError, ValueError):
            raise NoVenueRoot(settings.data_dir, "an unreadable venue root") from None
    elif admission is None:
        raise NoVenueRoot(settings.data_dir)
    blob_key = blobkey.load_or_create(settings.blob_key_path)  # BlobKeyError: refuse
    storage = open_storage(settings.database, batch_max=settings.batch_max, blob_key=blob_key)
    directory = VenueDirectory(storage, root_der) if root_der is not None else None
    tlog = TransparencyLog.load(settings.data_dir, storage, root_der) if directory else None
    if admission is not None:
        adm = admission(storage, settings)
    else:
        assert directory is not None
        adm = default_admission(directory)
    # revocations reach it as storage events (hub); certificate expiry through the
    # directory the default admission records chains in (a custom admission owns both);
    # commits are verified against the venue root
    relay = Relay(settings, storage, adm, directory=directory if admission is None else None,
                  root_der=root_der)
    document = openapi_document()

    async def openapi(_request: Request) -> Response:
        return json_response(document)

    metrics = RelayMetrics()
    metrics.watch(devices=lambda: len(relay.hub.conns), sockets=relay.hub.sockets,
                  write_queue=getattr(storage, "pending_writes", lambda: 0),
                  push_queue=relay.hub.pending)
    if isinstance(storage, SqlStorage):
        storage.on_commit = metrics.committed

    def pushed(seconds: float, frames: int) -> None:
        metrics.push_seconds.observe(seconds)
        metrics.pushed.inc(frames)

    relay.hub.on_pushed = pushed
    relay.hub.on_refused = metrics.refused

    async def scrape(request: Request) -> Response:
        """Prometheus text format, to peers on this machine only (see metrics.py)."""
        if not loopback_peer(request.client.host if request.client else None):
            _refused(request, "forbidden")
            return json_response({"error": "forbidden",
                                  "message": "metrics are served to loopback only"}, 403)
        return Response(metrics.exposition(), media_type=CONTENT_TYPE_LATEST)

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        await relay.start()
        if directory is not None:
            await _load_root_crl(directory, settings, relay)
            if tlog is not None:
                await tlog.backfill([c for _d, _m, c in await directory.devices(None)],
                                    await directory.crls(), relay.now())
        gc_task = asyncio.get_running_loop().create_task(_gc_loop(relay))
        hup = _reload_on_sighup(tlog)
        try:
            yield
        finally:
            hup()
            gc_task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await gc_task
            await relay.stop()

    app = RelayApp(
        routes=[*http_routes(), *directory_routes(), *log_routes(),
                Route("/openapi.json", openapi, methods=["GET"]),
                Route("/metrics", scrape, methods=["GET"]), *ws_routes()],
        exception_handlers={ServerError: _server_error, HTTPException: _http_error,
                            Exception: _internal},
        lifespan=lifespan,
    )
    app.state.relay = relay
    app.state.metrics = metrics
    app.state.directory = directory
    app.state.transparency = tlog
    app.add_middleware(AccessLog)
    return app


async def _gc_loop(relay: Relay) -> None:
    while True:
        await asyncio.sleep(relay.settings.gc_interval)
        try:
            stats = await relay.storage.gc(relay.now(), relay.settings.retention)
            if any((stats.messages, stats.welcomes, stats.blobs)):
                log.info("gc: %d messages, %d welcomes, %d blobs", stats.messages,
                         stats.welcomes, stats.blobs)
        except ServerError as exc:
            log.warning("gc failed: %s", exc.code)


async def _load_root_crl(directory: VenueDirectory, settings: Settings, relay: Relay) -> None:
    """Publish the secretariat's root CRL from the data directory (if newer)."""
    from cryptography import x509
    from cryptography.hazmat.primitives.serialization import Encoding

    from .directory import CrlRefused

    path = settings.data_dir / "root.crl.pem"
    if not path.exists():
        return
    der = x509.load_pem_x509_crl(path.read_bytes()).public_bytes(Encoding.DER)
    with contextlib.suppress(CrlRefused):
        await directory.publish_crl(der, relay.now())
