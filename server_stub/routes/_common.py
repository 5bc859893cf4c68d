# SPDX-License-Identifier: Apache-2.0
"""Request plumbing shared by the endpoints: bounded body reading, typed decoding."""

from __future__ import annotations

from typing import TypeVar

import msgspec
from starlette.requests import Request
from starlette.responses import Response

from ..errors import BadRequest, PayloadTooLarge, Unprocessable, UnsupportedMediaType

__all__ = ["decode_body", "json_response", "read_body"]

T = TypeVar("T")
_enc = msgspec.json.Encoder()


async def read_body(request: Request, limit: int) -> bytes:
    """The body, refusing (413) as soon as it passes ``limit`` bytes."""
    declared = request.headers.get("content-length")
    if declared is not None:
        if not declared.isdigit():
            raise BadRequest("invalid Content-Length")
        if int(declared) > limit:
            raise PayloadTooLarge(f"request body is limited to {limit} bytes")
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise PayloadTooLarge(f"request body is limited to {limit} bytes")
        chunks.append(chunk)
    return b"".join(chunks)


async def decode_body(request: Request, typ: type[T], limit: int) -> T:
    ctype = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if ctype != "application/json":
        raise UnsupportedMediaType("expected Content-Type: application/json")
    body = await read_body(request, limit)
    try:
        return msgspec.json.decode(body, type=typ)
    except msgspec.ValidationError as exc:
        raise Unprocessable(f"invalid body: {exc}") from None
    except msgspec.DecodeError:
        raise BadRequest("body is not valid JSON") from None


def json_response(obj: object, status: int = 200) -> Response:
    return Response(_enc.encode(obj), status_code=status, media_type="application/json")
