"""The relay's ASGI application factory."""

from __future__ import annotations

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

from . import __version__

__all__ = ["create_app"]


async def health(_request: Request) -> JSONResponse:
    return JSONResponse({"status": "ok", "version": __version__})


def create_app() -> Starlette:
    """Build the relay application."""
    return Starlette(routes=[Route("/health", health, methods=["GET"])])
