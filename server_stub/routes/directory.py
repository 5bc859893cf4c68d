# SPDX-License-Identifier: Apache-2.0
"""Directory endpoints: certified device chains and CRLs (see :mod:`server_stub.directory`).

Present only on a relay initialised with a venue root. Reading needs a bearer token
(the directory names every certified device); publishing a CRL needs one too, and the
relay accepts only CRLs signed by the venue root or a mission it knows. On a venue with
a transparency log every record comes with its RFC 9162 inclusion proof against one
signed tree head (:mod:`.transparency`); a record the log lacks has no proof, and
clients refuse it.
"""

from __future__ import annotations

import re

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from crypto.certs.transparency import chain_entries, crl_entry

from .. import schemas as s
from ..directory import CrlRefused, RetireRefused, VenueDirectory
from ..errors import BadRequest, Unprocessable
from ..relay import Relay
from ._common import json_response
from .http import Endpoint, Param, _wrap
from .transparency import SINCE_PARAM, log_view, prove

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
    view = await log_view(request)
    devices = [s.DirectoryDevice(device_id=d, mission_id=m, chain=c) for d, m, c in rows]
    if view is None:
        return json_response(s.DirectoryDevices(devices=devices))
    t, head, lv = view
    for dev in devices:
        proofs = [prove(t, head, e) for e in chain_entries(dev.chain)]
        dev.proofs = [p for p in proofs if p is not None] if all(proofs) else None
    return json_response(s.DirectoryDevices(devices=devices, log=lv))


async def list_crls(request: Request, relay: Relay, _d: str | None, _b: None) -> Response:
    crls = await _directory(request).crls()
    view = await log_view(request)
    if view is None:
        return json_response(s.CrlList(crls=crls))
    t, head, lv = view
    proofs = [prove(t, head, crl_entry(c)) for c in crls]
    return json_response(s.CrlList(crls=crls, log=lv, proofs=[
        p if p is not None else s.LogProof(index=0, proof=[]) for p in proofs]))


async def publish_crl(request: Request, relay: Relay, _d: str | None,
                      b: s.PublishCrl) -> Response:
    try:
        revoked = await _directory(request).publish_crl(b.crl, relay.now())
    except CrlRefused as exc:
        raise Unprocessable(str(exc)) from None
    return json_response(s.CrlPublished(revoked=revoked), 201)


async def retire_device(request: Request, relay: Relay, device: str | None,
                        b: s.RetireDevice) -> Response:
    assert device is not None
    try:
        removed = await _directory(request).retire(device, b.device_id, b.signature,
                                                   relay.now())
    except RetireRefused as exc:
        raise Unprocessable(str(exc)) from None
    return json_response(s.DeviceRetired(device_id=b.device_id, removed=removed))


async def list_retired(request: Request, relay: Relay, _d: str | None, _b: None) -> Response:
    mission = request.query_params.get("mission")
    if mission is not None and not _MISSION.match(mission):
        raise BadRequest("malformed mission id")
    rows = await _directory(request).retired(mission)
    return json_response(s.RetiredList(retired=[
        s.RetiredDevice(device_id=d, by=by, signature=sig) for d, by, sig in rows]))


DIRECTORY_ENDPOINTS: tuple[Endpoint, ...] = (
    Endpoint("GET", "/v1/directory/devices", list_directory_devices,
             "Certified device chains (leaf first), optionally of one mission; clients "
             "verify every chain themselves", s.DirectoryDevices,
             params=(Param("mission", "query",
                           {"type": "string", "pattern": r"^[A-Za-z0-9][A-Za-z0-9._@-]{0,63}$"},
                           False), SINCE_PARAM)),
    Endpoint("GET", "/v1/directory/crls", list_crls, "The newest CRL of every issuer",
             s.CrlList, params=(SINCE_PARAM,)),
    Endpoint("POST", "/v1/directory/crls", publish_crl,
             "Publish a CRL signed by the venue root or a known mission; devices it revokes "
             "lose access at once", s.CrlPublished, 201, body=s.PublishCrl),
    Endpoint("POST", "/v1/directory/retired", retire_device,
             "Remove another device of the caller's delegate (signed by the caller): it loses "
             "access at once and its KeyPackages are no longer handed out", s.DeviceRetired,
             body=s.RetireDevice),
    Endpoint("GET", "/v1/directory/retired", list_retired,
             "Devices their delegates removed, with the signed removals; clients check each",
             s.RetiredList,
             params=(Param("mission", "query",
                           {"type": "string", "pattern": r"^[A-Za-z0-9][A-Za-z0-9._@-]{0,63}$"},
                           False),)),
)


def directory_routes() -> list[Route]:
    return [Route(ep.path, _wrap(ep), methods=[ep.method], name=ep.operation_id)
            for ep in DIRECTORY_ENDPOINTS]
