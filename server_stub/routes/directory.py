# SPDX-License-Identifier: Apache-2.0
"""Directory endpoints: certified device chains and CRLs (see :mod:`server_stub.directory`).

Present only on a relay initialised with a venue root. Reading needs a bearer token
(the directory names every certified device); publishing a CRL needs one too, and the
relay accepts only CRLs signed by the venue root or a mission it knows.
"""

from __future__ import annotations

import re

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from .. import schemas as s
from ..directory import CrlRefused, VenueDirectory
from ..errors import BadRequest, Unprocessable
from ..relay import Relay
from ._common import json_response
from .http import Endpoint, Param, _wrap

__all__ = ["DIRECTORY_ENDPOINTS", "directory_routes"]

_MISSION = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._@-]{0,63}$")


def _directory(request: Request) -> VenueDirectory:
    directory: VenueDirectory | None = getattr(request.app.state, "directory", None)
    if directory is None:
        raise BadRequest("this relay has no venue directory (no venue root)")
    return directory


async def list_directory_devices(request: Request, relay: Relay, _d: str | None,
                                 _b: None) -> Response:
    mission = request.query_params.get("mission")
    if mission is not None and not _MISSION.match(mission):
        raise BadRequest("malformed mission id")
    rows = await _directory(request).devices(mission)
    return json_response(s.DirectoryDevices(devices=[
        s.DirectoryDevice(device_id=d, mission_id=m, chain=c) for d, m, c in rows
    ]))


async def list_crls(request: Request, relay: Relay, _d: str | None, _b: None) -> Response:
    return json_response(s.CrlList(crls=await _directory(request).crls()))


async def publish_crl(request: Request, relay: Relay, _d: str | None,
                      b: s.PublishCrl) -> Response:
    try:
        revoked = await _directory(request).publish_crl(b.crl, relay.now())
    except CrlRefused as exc:
        raise Unprocessable(str(exc)) from None
    return json_response(s.CrlPublished(revoked=revoked), 201)


DIRECTORY_ENDPOINTS: tuple[Endpoint, ...] = (
    Endpoint("GET", "/v1/directory/devices", list_directory_devices,
             "Certified device chains (leaf first), optionally of one mission; clients "
             "verify every chain themselves", s.DirectoryDevices,
             params=(Param("mission", "query",
                           {"type": "string", "pattern": r"^[A-Za-z0-9][A-Za-z0-9._@-]{0,63}$"},
                           False),)),
    Endpoint("GET", "/v1/directory/crls", list_crls, "The newest CRL of every issuer",
             s.CrlList),
    Endpoint("POST", "/v1/directory/crls", publish_crl,
             "Publish a CRL signed by the venue root or a known mission; devices it revokes "
             "lose access at once", s.CrlPublished, 201, body=s.PublishCrl),
)


def directory_routes() -> list[Route]:
    return [Route(ep.path, _wrap(ep), methods=[ep.method], name=ep.operation_id)
            for ep in DIRECTORY_ENDPOINTS]
