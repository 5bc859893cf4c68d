# SPDX-License-Identifier: Apache-2.0
"""Transparency-log endpoints (see :mod:`server_stub.transparency`).

``/v1/log/policy`` is public (it is signed by the venue root, and a device needs it
before it has a token); the head, consistency proofs and entries need a token, like
the directory whose records they prove. Every directory response carries inclusion
proofs against one signed head (:func:`log_view`), and with ``since=N`` the
consistency proof from the caller's size ``N`` to that head.
"""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from crypto.certs.transparency import LogEntry, SignedTreeHead

from .. import schemas as s
from ..errors import BadRequest, NotFound
from ..relay import Relay
from ..transparency import TransparencyLog
from ._common import json_response
from .http import MAX_INT, Endpoint, Param, _int_query, _wrap

__all__ = ["LOG_ENDPOINTS", "SINCE_PARAM", "log_routes", "log_view", "prove"]

MAX_ENTRIES = 1000
SINCE_PARAM = Param("since", "query", {"type": "integer", "minimum": 0}, False,
                    "the caller's trusted tree size: the response adds the consistency "
                    "proof from it")


def _int(request: Request, name: str, default: int) -> int:
    """A non-negative integer query parameter, given at most once."""
    if len(request.query_params.getlist(name)) > 1:
        raise BadRequest(f"{name} given more than once")
    return _int_query(request, name, default, 0, MAX_INT)


def transparency(request: Request) -> TransparencyLog | None:
    t: TransparencyLog | None = getattr(request.app.state, "transparency", None)
    return t


def _required(request: Request) -> TransparencyLog:
    t = transparency(request)
    if t is None:
        raise NotFound("this venue has no transparency log "
                       "(corridor-relay venue enable-transparency)")
    return t


async def log_view(request: Request) -> tuple[TransparencyLog, SignedTreeHead, s.LogView] | None:
    """The current signed head and, with ``since``, the consistency proof to it."""
    since = _int(request, "since", 0) if "since" in request.query_params else None
    t = transparency(request)
    if t is None:
        return None
    head = await t.head()
    consistency: list[bytes] = []
    if since is not None:
        if since > head.size:
            raise BadRequest("since is larger than the log")
        consistency = t.consistency(since, head.size)
    return t, head, s.LogView(head=head.encode(), consistency=consistency)


def prove(t: TransparencyLog, head: SignedTreeHead, entry: LogEntry) -> s.LogProof | None:
    found = t.inclusion(entry, head.size)
    return None if found is None else s.LogProof(index=found[0], proof=found[1])


async def get_policy(request: Request, relay: Relay, _d: str | None, _b: None) -> Response:
    # a policy written since (corridor-relay venue set-markings) is checked and served
    return json_response(s.LogPolicy(policy=_required(request).current_policy()))


async def get_head(request: Request, relay: Relay, _d: str | None, _b: None) -> Response:
    return json_response(s.LogHead(head=(await _required(request).head()).encode()))


async def get_consistency(request: Request, relay: Relay, _d: str | None, _b: None) -> Response:
    t = _required(request)
    head = await t.head()
    first = _int(request, "first", 0)
    second = _int(request, "second", head.size)
    if not first <= second <= head.size:
        raise BadRequest("need first <= second <= the log's size")
    return json_response(s.LogConsistency(first=first, second=second,
                                          proof=t.consistency(first, second)))


async def get_entries(request: Request, relay: Relay, _d: str | None, _b: None) -> Response:
    t = _required(request)
    start = _int(request, "start", 0)
    end = _int(request, "end", start + MAX_ENTRIES)
    if end < start or end - start > MAX_ENTRIES:
        raise BadRequest(f"need start <= end <= start + {MAX_ENTRIES}")
    return json_response(s.LogEntries(start=start,
                                      entries=await t.storage.log_entries(start, end)))


_INT = {"type": "integer", "minimum": 0}
LOG_ENDPOINTS: tuple[Endpoint, ...] = (
    Endpoint("GET", "/v1/log/policy", get_policy,
             "The venue policy signed by the venue root, naming the log key",
             s.LogPolicy, auth=False, errors=(404,)),
    Endpoint("GET", "/v1/log/head", get_head, "The log's current signed tree head",
             s.LogHead),
    Endpoint("GET", "/v1/log/consistency", get_consistency,
             "RFC 9162 consistency proof between two tree sizes", s.LogConsistency,
             params=(Param("first", "query", _INT, False), Param("second", "query", _INT,
                                                                  False))),
    Endpoint("GET", "/v1/log/entries", get_entries,
             f"Log entries [start, end), at most {MAX_ENTRIES} (for monitors and auditors)",
             s.LogEntries,
             params=(Param("start", "query", _INT, False), Param("end", "query", _INT, False))),
)


def log_routes() -> list[Route]:
    return [Route(ep.path, _wrap(ep), methods=[ep.method], name=ep.operation_id)
            for ep in LOG_ENDPOINTS]
