# SPDX-License-Identifier: Apache-2.0
"""HTTP endpoints. Each is declared once in :data:`ENDPOINTS` with its body and response
types; the Starlette routes and the OpenAPI document are both generated from that table.
"""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Literal

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from .. import __version__
from .. import schemas as s
from ..errors import BadRequest
from ..hub import b64u
from ..relay import Relay, decode_group_id
from ..storage.base import StoredMessage
from ._common import decode_body, json_response, read_body

__all__ = ["ENDPOINTS", "Endpoint", "Param", "http_routes"]

Handler = Callable[..., Awaitable[Response]]
_BLOB_ID = re.compile(r"^[A-Za-z0-9_-]{43}$|^[A-Za-z0-9_-]{22}$")  # new ids, then older ones
MAX_INT = 2**63 - 1


@dataclass(frozen=True, slots=True)
class Param:
    name: str
    where: str  # "path" | "query"
    schema: dict[str, object]
    required: bool = True
    description: str = ""


@dataclass(frozen=True, slots=True)
class Endpoint:
    method: str
    path: str
    handler: Handler
    summary: str
    response: type | Literal["octet"] | None = None  # msgspec type, "octet", no body
    status: int = 200
    body: type | Literal["octet"] | None = None  # msgspec type, "octet" or None
    auth: bool = True
    params: tuple[Param, ...] = ()
    errors: tuple[int, ...] = field(default=(400, 401, 403, 404, 413, 415, 422, 429))

    @property
    def operation_id(self) -> str:
        return self.handler.__name__.strip("_")


GROUP_PARAM = Param("group_id", "path", {"type": "string", "pattern": r"^[A-Za-z0-9_-]{2,342}$"},
                    description="MLS group id, unpadded base64url")
BLOB_PARAM = Param("blob_id", "path",
                   {"type": "string", "pattern": r"^[A-Za-z0-9_-]{43}$|^[A-Za-z0-9_-]{22}$"})


def _relay(request: Request) -> Relay:
    relay: Relay = request.app.state.relay
    return relay


def _source(request: Request) -> str:
    return request.client.host if request.client else "unknown"


def _int_query(request: Request, name: str, default: int, lo: int, hi: int) -> int:
    raw = request.query_params.get(name)
    if raw is None:
        return default
    if not raw.isdigit() or len(raw) > 19:
        raise BadRequest(f"{name} must be an integer in [{lo}, {hi}]")
    v = int(raw)
    if not lo <= v <= hi:
        raise BadRequest(f"{name} must be an integer in [{lo}, {hi}]")
    return v


def _message(m: StoredMessage) -> s.Message:
    return s.Message(group_id=b64u(m.group_id), seq=m.seq, sender=m.sender,
                     client_msg_id=m.client_msg_id, message=m.payload, received_at=m.created_at,
                     voided=m.voided)


# -- handlers: (request, relay, device_id | None, body) -> Response ---------------------------
async def health(request: Request, relay: Relay, _d: str | None, _b: None) -> Response:
    return json_response(s.Health(status="ok", version=__version__))


async def ready(request: Request, relay: Relay, _d: str | None, _b: None) -> Response:
    """Ready when the store answers a read: a load balancer sends traffic elsewhere
    (503 unavailable) while this process cannot reach its database."""
    await relay.storage.get_device("0" * 64)
    return json_response(s.Health(status="ready", version=__version__))


async def challenge(request: Request, relay: Relay, _d: str | None,
                    b: s.ChallengeRequest) -> Response:
    nonce, exp = relay.challenge(b.public_key, b.purpose, _source(request))
    return json_response(s.ChallengeResponse(nonce=nonce, expires_at=exp))


async def register_device(request: Request, relay: Relay, _d: str | None,
                          b: s.RegisterRequest) -> Response:
    device_id, created = await relay.register(
        b.public_key, b.nonce, b.signature, tuple(b.certificate_chain),
        _source(request),
    )
    return json_response(s.RegisterResponse(device_id=device_id), 201 if created else 200)


async def login(request: Request, relay: Relay, _d: str | None, b: s.LoginRequest) -> Response:
    device_id, token, exp = await relay.login(b.public_key, b.nonce, b.signature, _source(request))
    return json_response(s.LoginResponse(device_id=device_id, token=token, expires_at=exp))


async def whoami(request: Request, relay: Relay, device: str, _b: None) -> Response:
    dev = await relay.storage.get_device(device)
    assert dev is not None
    return json_response(s.DeviceInfo(device_id=device, created_at=dev.created_at))


async def publish_key_packages(request: Request, relay: Relay, device: str,
                               b: s.PublishKeyPackages) -> Response:
    await relay.publish_key_packages(device, list(b.key_packages), b.last_resort)
    available, lr = await relay.storage.count_key_packages(device)
    return json_response(s.KeyPackageCount(available=available, last_resort=lr))


async def count_key_packages(request: Request, relay: Relay, device: str, _b: None) -> Response:
    available, lr = await relay.storage.count_key_packages(device)
    return json_response(s.KeyPackageCount(available=available, last_resort=lr))


async def claim_key_package(request: Request, relay: Relay, device: str,
                            b: s.ClaimRequest) -> Response:
    data, last_resort = await relay.claim_key_package(device, b.device_id)
    return json_response(
        s.ClaimResponse(device_id=b.device_id, key_package=data, last_resort=last_resort)
    )


async def key_package_claims(request: Request, relay: Relay, device: str, _b: None) -> Response:
    since = _int_query(request, "since", 0, 0, MAX_INT)
    claims = await relay.key_package_claims(device, since)
    missions: dict[str, str] = {}
    for c in claims:
        if c.claimer not in missions:
            entry = await relay.storage.directory_entry("device", c.claimer)
            missions[c.claimer] = entry[0] if entry is not None else ""
    return json_response(s.ClaimList(claims=[
        s.ClaimEntry(target=c.target, claimer=c.claimer, claimer_mission=missions[c.claimer],
                     last_resort=c.last_resort, claimed_at=c.claimed_at) for c in claims]))


async def create_group(request: Request, relay: Relay, device: str, b: s.CreateGroup) -> Response:
    gid = decode_group_id(b.group_id)
    await relay.create_group(device, gid, b.group_info)
    return json_response(s.GroupView(group_id=b.group_id, last_seq=0, members=[device]), 201)


async def list_groups(request: Request, relay: Relay, device: str, _b: None) -> Response:
    return json_response(s.RoutingList(groups=[
        s.RoutingEntry(group_id=b64u(gid), last_seq=last, members=n, digest=digest)
        for gid, last, n, digest in await relay.routing(device)]))


async def get_group(request: Request, relay: Relay, device: str, _b: None) -> Response:
    text = request.path_params["group_id"]
    last, members = await relay.storage.group_view(decode_group_id(text), device)
    return json_response(s.GroupView(group_id=text, last_seq=last, members=members))


async def post_message(request: Request, relay: Relay, device: str,
                       b: s.PostMessage) -> Response:
    text = request.path_params["group_id"]
    gid = decode_group_id(text)
    outcome = await relay.post(
        device, gid, b.client_msg_id, b.message,
        b.welcome.message if b.welcome else None,
        list(b.welcome.recipients) if b.welcome else [],
    )
    return json_response(
        s.PostResult(group_id=text, seq=outcome.seq, duplicate=outcome.duplicate),
        200 if outcome.duplicate else 201,
    )


async def refuse_commit(request: Request, relay: Relay, device: str,
                        b: s.RefuseCommit) -> Response:
    text = request.path_params["group_id"]
    out = await relay.refuse(device, decode_group_id(text), b.seq)
    return json_response(s.RefusalResult(group_id=text, seq=out.seq, refusals=out.refusals,
                                         electorate=out.electorate, voided=out.voided))


async def list_messages(request: Request, relay: Relay, device: str, _b: None) -> Response:
    gid = decode_group_id(request.path_params["group_id"])
    after = _int_query(request, "after", 0, 0, MAX_INT)
    limit = _int_query(request, "limit", 500, 1, 1000)
    msgs, last = await relay.storage.messages_after(gid, device, after, limit)
    return json_response(s.MessagesPage(messages=[_message(m) for m in msgs], last_seq=last))


async def ratchet_tree(request: Request, relay: Relay, device: str, _b: None) -> Response:
    gid = decode_group_id(request.path_params["group_id"])
    seq = _int_query(request, "seq", 0, 1, MAX_INT)
    if seq == 0:
        raise BadRequest("seq is required")
    data = await relay.ratchet_tree(device, gid, seq)
    return Response(data, media_type="application/octet-stream")


async def inbox(request: Request, relay: Relay, device: str, _b: None) -> Response:
    limit = _int_query(request, "limit", 500, 1, 1000)
    # messages=0: Welcomes only (a client catching up fetches messages per channel)
    with_messages = _int_query(request, "messages", 1, 0, 1) == 1
    out: list[s.Message] = []
    for gid, row in await relay.storage.memberships(device) if with_messages else []:
        if len(out) >= limit:
            break
        msgs, _ = await relay.storage.messages_after(gid, device, row.acked_seq, limit - len(out))
        out.extend(_message(m) for m in msgs)
    welcomes = await relay.storage.pending_welcomes(device, limit)
    return json_response(s.Inbox(messages=out, welcomes=[
        s.Welcome(id=w.id, sender=w.sender, message=w.payload, received_at=w.created_at,
                  group_id=b64u(w.group_id) if w.commit else None,
                  seq=w.seq if w.commit else None, commit=w.commit or None)
        for w in welcomes
    ]))


async def ack(request: Request, relay: Relay, device: str, b: s.AckRequest) -> Response:
    n = 0
    for a in b.acks:
        await relay.storage.ack(device, decode_group_id(a.group_id), a.seq)
        n += 1
    for wid in b.welcomes:
        n += int(await relay.storage.ack_welcome(device, wid))
    return json_response(s.AckResult(acked=n))


async def upload_blob(request: Request, relay: Relay, device: str, _b: None) -> Response:
    ctype = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if ctype != "application/octet-stream":
        from ..errors import UnsupportedMediaType

        raise UnsupportedMediaType("expected Content-Type: application/octet-stream")
    raw_gid = request.query_params.get("group_id")
    gid = decode_group_id(raw_gid) if raw_gid is not None else None
    data = await read_body(request, relay.settings.max_blob_bytes)
    blob_id, exp = await relay.put_blob(device, gid, data)
    return json_response(s.BlobCreated(blob_id=blob_id, size=len(data), expires_at=exp), 201)


def _blob_id(request: Request) -> str:
    blob_id = str(request.path_params["blob_id"])
    if not _BLOB_ID.match(blob_id):
        raise BadRequest("malformed blob id")
    return blob_id


async def download_blob(request: Request, relay: Relay, device: str, _b: None) -> Response:
    data = await relay.get_blob(device, _blob_id(request))
    return Response(data, media_type="application/octet-stream")


async def delete_blob(request: Request, relay: Relay, device: str, _b: None) -> Response:
    from ..errors import NotFound

    if not await relay.storage.delete_blob(_blob_id(request), device):
        raise NotFound("no such blob, or not owned by this device")
    return Response(status_code=204)


ENDPOINTS: tuple[Endpoint, ...] = (
    Endpoint("GET", "/health", health, "Liveness and version", s.Health, auth=False,
             errors=()),
    Endpoint("GET", "/health/ready", ready, "Readiness: the store answers (503 if not)",
             s.Health, auth=False, errors=(503,)),
    Endpoint("POST", "/v1/auth/challenge", challenge,
             "A nonce to sign, for registration or login", s.ChallengeResponse,
             body=s.ChallengeRequest, auth=False),
    Endpoint("POST", "/v1/devices", register_device,
             "Register a device key (signed challenge + a certificate chain to the venue "
             "root); 200 when a registered device presents its renewed chain",
             s.RegisterResponse, 201, body=s.RegisterRequest, auth=False,
             errors=(400, 401, 403, 404, 409, 413, 415, 422, 429)),
    Endpoint("POST", "/v1/auth/token", login, "Exchange a signed challenge for a bearer token",
             s.LoginResponse, body=s.LoginRequest, auth=False),
    Endpoint("GET", "/v1/devices/me", whoami, "The authenticated device", s.DeviceInfo),
    Endpoint("POST", "/v1/keypackages", publish_key_packages,
             "Publish KeyPackages (and replace the last-resort one)", s.KeyPackageCount,
             body=s.PublishKeyPackages),
    Endpoint("GET", "/v1/keypackages", count_key_packages, "How many of mine are left",
             s.KeyPackageCount),
    Endpoint("POST", "/v1/keypackages/claim", claim_key_package,
             "Claim one KeyPackage of a device (each is handed out once; rate-limited)",
             s.ClaimResponse, body=s.ClaimRequest),
    Endpoint("GET", "/v1/keypackages/claims", key_package_claims,
             "Who claimed the KeyPackages of my mission's devices (claimer device and "
             "mission, time), newest first, up to 1,000", s.ClaimList,
             params=(Param("since", "query", {"type": "integer", "minimum": 0,
                                              "maximum": MAX_INT}, False,
                           "only claims at or after this unix time"),)),
    Endpoint("POST", "/v1/groups", create_group,
             "Create a group routed to the caller only, from its verified GroupInfo with the "
             "ratchet tree (422 commit_refused if it does not verify)",
             s.GroupView, 201, body=s.CreateGroup,
             errors=(400, 401, 403, 404, 409, 413, 415, 422, 429)),
    Endpoint("GET", "/v1/groups", list_groups,
             "Every group routed to me: last seq, routed device count and the SHA-256 of "
             "the sorted routed device ids (each followed by a newline)", s.RoutingList),
    Endpoint("GET", "/v1/groups/{group_id}", get_group, "Routing view of a group (members only)",
             s.GroupView, params=(GROUP_PARAM,)),
    Endpoint("POST", "/v1/groups/{group_id}/messages", post_message,
             "Append an MLSMessage to the group's order: an application PrivateMessage, or a "
             "commit as a PublicMessage that the relay verifies against the group's public "
             "state and charter before routing changes (201; 200 for a de-duplicated resend; "
             "409 epoch_conflict with the winner's seq; 422 commit_refused)",
             s.PostResult, 201, body=s.PostMessage, params=(GROUP_PARAM,),
             errors=(400, 401, 403, 404, 409, 413, 415, 422, 429)),
    Endpoint("POST", "/v1/groups/{group_id}/refusals", refuse_commit,
             "Refuse the commit at seq (for what the relay cannot check); one vote per mission "
             "of the charter: at least two missions and more than half of them void it and "
             "every later commit, freeing their epochs", s.RefusalResult,
             body=s.RefuseCommit, params=(GROUP_PARAM,),
             errors=(400, 401, 403, 404, 409, 413, 415, 422, 429)),
    Endpoint("GET", "/v1/groups/{group_id}/messages", list_messages,
             "Catch up: messages with seq > after", s.MessagesPage,
             params=(GROUP_PARAM,
                     Param("after", "query", {"type": "integer", "minimum": 0, "maximum": MAX_INT},
                           False),
                     Param("limit", "query", {"type": "integer", "minimum": 1, "maximum": 1000},
                           False))),
    Endpoint("GET", "/v1/groups/{group_id}/tree", ratchet_tree,
             "The group's public ratchet tree (RFC 9420 ratchet_tree encoding) after the "
             "commit at seq, for the recipient of a Welcome that leaves it out, or a member "
             "routed since; the joiner checks it against its GroupInfo's tree hash",
             "octet",
             params=(GROUP_PARAM,
                     Param("seq", "query", {"type": "integer", "minimum": 1,
                                            "maximum": MAX_INT}, True))),
    Endpoint("GET", "/v1/inbox", inbox, "Everything not yet acknowledged", s.Inbox,
             params=(Param("limit", "query", {"type": "integer", "minimum": 1, "maximum": 1000},
                           False),
                     Param("messages", "query", {"type": "integer", "minimum": 0, "maximum": 1},
                           False, "0: Welcomes only (messages are fetched per group)"))),
    Endpoint("POST", "/v1/acks", ack, "Acknowledge messages (cumulative per group) and Welcomes",
             s.AckResult, body=s.AckRequest),
    Endpoint("POST", "/v1/blobs", upload_blob, "Upload an encrypted attachment", s.BlobCreated,
             201, body="octet",
             params=(Param("group_id", "query",
                           {"type": "string", "pattern": r"^[A-Za-z0-9_-]{2,342}$"}, False,
                           "members of this group may download it"),)),
    Endpoint("GET", "/v1/blobs/{blob_id}", download_blob, "Download an attachment", "octet",
             params=(BLOB_PARAM,)),
    Endpoint("DELETE", "/v1/blobs/{blob_id}", delete_blob, "Delete my attachment", None, 204,
             params=(BLOB_PARAM,)),
)


def _wrap(ep: Endpoint) -> Callable[[Request], Awaitable[Response]]:
    allowed = {p.name for p in ep.params if p.where == "query"}

    async def endpoint(request: Request) -> Response:
        relay = _relay(request)
        unknown = set(request.query_params.keys()) - allowed
        if unknown:
            raise BadRequest("unknown query parameter")
        device = None
        if ep.auth:
            device = await relay.authenticate(request.headers.get("authorization"))
        body: object = None
        if isinstance(ep.body, type):
            body = await decode_body(request, ep.body, relay.settings.max_request_bytes)
        response = await ep.handler(request, relay, device, body)
        request.state.device = device
        return response

    endpoint.__name__ = ep.operation_id
    return endpoint


def http_routes() -> list[Route]:
    return [Route(ep.path, _wrap(ep), methods=[ep.method], name=ep.operation_id)
            for ep in ENDPOINTS]
