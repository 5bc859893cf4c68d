# SPDX-License-Identifier: Apache-2.0
"""The OpenAPI 3.1 document, generated from the endpoint table and the msgspec schemas,
so it describes exactly what the relay parses and returns."""

from __future__ import annotations

import msgspec

from . import __version__
from . import schemas as s
from .routes.directory import DIRECTORY_ENDPOINTS
from .routes.http import ENDPOINTS as _HTTP_ENDPOINTS
from .routes.transparency import LOG_ENDPOINTS

__all__ = ["openapi_document"]

ENDPOINTS = (*_HTTP_ENDPOINTS, *DIRECTORY_ENDPOINTS, *LOG_ENDPOINTS)

_REASONS = {
    400: "Malformed request", 401: "Missing, invalid or expired credentials",
    403: "Not allowed", 404: "Not found, or not visible to this device",
    405: "Method not allowed", 409: "Conflict", 413: "Too large or over quota",
    415: "Unsupported media type", 422: "Well-formed JSON of the wrong shape",
    429: "Rate limited", 503: "The store cannot be reached; retry later",
}


def openapi_document() -> dict[str, object]:
    types: list[type] = [s.ErrorBody]
    for ep in ENDPOINTS:
        for t in (ep.body, ep.response):
            if isinstance(t, type):
                types.append(t)
    (_refs, components) = msgspec.json.schema_components(
        list(dict.fromkeys(types)), ref_template="#/components/schemas/{name}"
    )
    error_ref = {"$ref": "#/components/schemas/ErrorBody"}
    paths: dict[str, dict[str, object]] = {}
    for ep in ENDPOINTS:
        op: dict[str, object] = {"operationId": ep.operation_id, "summary": ep.summary}
        if ep.params:
            op["parameters"] = [
                {"name": p.name, "in": p.where, "required": p.required or p.where == "path",
                 "schema": p.schema, **({"description": p.description} if p.description else {})}
                for p in ep.params
            ]
        if ep.body == "octet":
            op["requestBody"] = {"required": True, "content": {"application/octet-stream": {
                "schema": {"type": "string", "format": "binary"}}}}
        elif isinstance(ep.body, type):
            op["requestBody"] = {"required": True, "content": {"application/json": {
                "schema": {"$ref": f"#/components/schemas/{ep.body.__name__}"}}}}
        responses: dict[str, object] = {}
        if ep.response == "octet":
            ok: dict[str, object] = {"description": "OK", "content": {"application/octet-stream": {
                "schema": {"type": "string", "format": "binary"}}}}
        elif not isinstance(ep.response, type):
            ok = {"description": "No content"}
        else:
            ok = {"description": "OK", "content": {"application/json": {
                "schema": {"$ref": f"#/components/schemas/{ep.response.__name__}"}}}}
        responses[str(ep.status)] = ok
        if ep.operation_id == "post_message":
            responses["200"] = {"description": "Duplicate of an earlier send (same client_msg_id)",
                                "content": ok["content"]}
        if ep.operation_id == "register_device":
            responses["200"] = {"description": "A registered device's renewed chain recorded",
                                "content": ok["content"]}
        for code in ep.errors:
            responses[str(code)] = {"description": _REASONS[code],
                                    "content": {"application/json": {"schema": error_ref}}}
        op["responses"] = responses
        if ep.auth:
            op["security"] = [{"bearer": []}]
        paths.setdefault(ep.path, {})[ep.method.lower()] = op
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "Corridor relay", "version": __version__,
            "description": (
                "Stores and forwards MLS ciphertext. Binary fields are base64 in JSON; "
                "group ids are unpadded base64url. Push delivery: WebSocket GET /v1/ws "
                "(Authorization: Bearer at the handshake)."
            ),
        },
        "paths": paths,
        "components": {
            "schemas": components,
            "securitySchemes": {"bearer": {"type": "http", "scheme": "bearer"}},
        },
    }
