# SPDX-License-Identifier: Apache-2.0
"""Talking to the relay: a small async interface and its HTTP/WebSocket implementation.

The engine never calls these; the :class:`client.core.Client` driver does, and feeds
what comes back into the engine. :class:`Transport` is the whole surface the client
needs (registration and login by signed challenge, KeyPackages, groups and ordered
delivery, acks, the directory of certificates and CRLs, push). :class:`HttpTransport`
speaks the relay's API (``server_stub``; see its ``/openapi.json``) with ``httpx`` and
``httpx-ws``. Engine tests drive another implementation, an in-memory relay that lives
with the tests (``tests/support/memory_relay.py``).

Errors: :class:`RelayUnavailable` (cannot reach it, or the push connection was lost:
retry with backoff), :class:`RelayRefused` (it answered with an error status and its
machine ``code``; :attr:`RelayRefused.temporary` says whether a retry may succeed:
5xx, 408, 409, 425, 429), :class:`EpochConflictError` (409: another commit won this
epoch, at ``winner_seq``).

The push socket (:meth:`HttpTransport.push`) pings the relay every ``ping_interval``
seconds and counts the connection lost when no pong comes back within
``ping_timeout``, so a silently dead link (a sleeping laptop, a dropped route) ends
the stream like a closed one. Every way the socket can fail arrives as one plain
:class:`RelayUnavailable`, never as the ``ExceptionGroup`` httpx-ws's task group makes.

Application messages go over that socket while it is open
(:meth:`Transport.send_app_message`, :mod:`client.socket_sends`), answered and refused
exactly as the POST (:func:`refusal`); without an answer they go again by POST.
"""

from __future__ import annotations

import abc
import asyncio
import base64
import contextlib
import functools
import ssl
import sys
from collections.abc import AsyncIterator, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TypeAlias

from nacl.signing import SigningKey

from client._httpx import httpx
from client.errors import EnvironmentFault, PeerError
from client.relay_pages import RelayMessage, RelayWelcome, decode_page, unb64u

if TYPE_CHECKING:
    from httpx_ws import AsyncWebSocketSession

    from client.socket_sends import SocketSends

__all__ = [
    "EpochConflictError",
    "HttpTransport",
    "JsonObject",
    "LoggedCrls",
    "LoggedDevices",
    "PostResult",
    "PushEvent",
    "RefusalResult",
    "RelayCertificateError",
    "RelayMessage",
    "RelayRefused",
    "RelayUnavailable",
    "RelayWelcome",
    "Transport",
    "UnauthorizedError",
    "b64u",
    "refusal",
    "unb64u",
    "venue_tls_context",
]

CHALLENGE_CONTEXT = b"corridor-relay/v1 challenge\x00"


def _note_missing_sniffio() -> None:
    """Record once that ``sniffio`` is not installed (anyio 4 no longer needs it).

    httpcore runs ``import sniffio`` several times per request (its locks, events and
    cancellation shields) and, when that fails, assumes asyncio. Python does not cache
    a failed import: each one searched every ``sys.path`` entry again, about 0.2 ms
    apiece, 0.8 ms of client CPU per request on the project machine (2026-12-05), on
    the path of every send. ``None`` in ``sys.modules`` is Python's own record of an
    absent module: the same ImportError, raised without a search.
    """
    try:
        import sniffio  # noqa: F401
    except ImportError:
        sys.modules.setdefault("sniffio", None)  # type: ignore[arg-type]


_note_missing_sniffio()


def b64u(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode()


def _unb64(text: str) -> bytes:
    return base64.b64decode(text)


class RelayUnavailable(EnvironmentFault):
    """The relay cannot be reached (network, restart); retry later."""


#: Statuses below 500 that say "not now" rather than "never": request timeout,
#: conflict (a race the relay resolves), too early, too many requests.
TEMPORARY_4XX = frozenset({408, 409, 425, 429})


class RelayCertificateError(RelayUnavailable):
    """The relay's TLS certificate is not one the pinned venue root issued (or names
    another host): the connection is refused before anything is sent."""


def _unreachable(exc: httpx.TransportError, what: str) -> RelayUnavailable:
    cause: BaseException | None = exc
    while cause is not None:
        if isinstance(cause, ssl.SSLCertVerificationError):
            return RelayCertificateError(
                "the relay's TLS certificate is not one the venue root issued for this host "
                f"({cause.verify_message})")
        cause = cause.__cause__ or cause.__context__
    return RelayUnavailable(f"{what}: {type(exc).__name__}")


def venue_tls_context(root_der: bytes) -> ssl.SSLContext:
    """TLS that trusts the venue root only: the system's CAs are not loaded, so a
    certificate from any public CA (or another venue) is refused like a forged one."""
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    ctx.minimum_version = ssl.TLSVersion.TLSv1_2
    ctx.load_verify_locations(cadata=root_der)
    return ctx


#: A JSON object as the relay sent it, before its fields are read and checked one by one
#: (``int(...)``, ``str(...)``, ``_unb64(...)``): the one untyped value the client holds.
JsonObject: TypeAlias = dict[str, Any]
#: Query parameters of a relay request.
Params: TypeAlias = Mapping[str, str | int]


class RelayRefused(PeerError):
    """The relay answered with an error; ``code`` is its machine code."""

    def __init__(self, status: int, code: str, message: str,
                 body: JsonObject | None = None) -> None:
        super().__init__(f"relay refused ({status} {code}): {message}")
        self.status = status
        self.code = code
        self.body = body or {}
        #: the relay's own words (its ``message``), for showing with a failed send
        self.reason = message or code

    @property
    def temporary(self) -> bool:
        """Whether the same request may succeed later (5xx, 408, 409, 425, 429)."""
        return self.status >= 500 or self.status in TEMPORARY_4XX


class UnauthorizedError(RelayRefused):
    """401: token expired, or the device is unknown or revoked."""


class EpochConflictError(RelayRefused):
    """409 epoch_conflict: another commit won the epoch; it sits at ``winner_seq``."""

    @property
    def winner_seq(self) -> int:
        return int(self.body.get("seq") or -1)


@dataclass(frozen=True, slots=True)
class RefusalResult:
    """The relay's count of refusals of one commit, and whether it is voided."""

    seq: int
    refusals: int
    electorate: int
    voided: bool


@dataclass(frozen=True, slots=True)
class PostResult:
    seq: int
    duplicate: bool


@dataclass(frozen=True, slots=True)
class PushEvent:
    """A WebSocket frame, typed: ``message``, ``welcome``, ``ready`` or ``other``."""

    kind: str
    message: RelayMessage | None = None
    welcome: RelayWelcome | None = None


Proof = tuple[int, list[bytes]]


@dataclass(frozen=True, slots=True)
class LoggedDevices:
    """Directory rows with their inclusion proofs (mission, then device certificate)
    against ``head``, and the consistency proof from the caller's ``since``."""

    rows: list[tuple[str, str, list[bytes], list[Proof] | None]]
    head: bytes | None
    consistency: list[bytes]


@dataclass(frozen=True, slots=True)
class LoggedCrls:
    crls: list[bytes]
    proofs: list[Proof] | None
    head: bytes | None
    consistency: list[bytes]


class Transport(abc.ABC):
    """What the client needs from a relay. One instance per device."""

    device_id: str

    @abc.abstractmethod
    async def register(self, chain: list[bytes]) -> None: ...

    @abc.abstractmethod
    async def login(self) -> None: ...

    @abc.abstractmethod
    async def publish_key_packages(self, packages: list[bytes],
                                   last_resort: bytes | None) -> int: ...

    @abc.abstractmethod
    async def key_package_count(self) -> tuple[int, bool]: ...

    @abc.abstractmethod
    async def claim_key_package(self, device_id: str) -> bytes: ...

    @abc.abstractmethod
    async def create_group(self, group_id: bytes, group_info: bytes) -> None:
        """Create the relay group from the creator's GroupInfo (with the ratchet tree)."""

    @abc.abstractmethod
    async def post(self, group_id: bytes, client_msg_id: str, message: bytes, *,
                   welcome: bytes | None = None,
                   welcome_to: list[str] | None = None) -> PostResult:
        """Post one message. A commit's routing effect is what the relay verifies in
        it, never a list the client sends; a Welcome goes to devices it adds."""

    async def send_app_message(self, group_id: bytes, client_msg_id: str,
                               message: bytes) -> PostResult:
        """An application message (no Welcome, not a commit): like :meth:`post`, over the
        push socket where an implementation holds one open."""
        return await self.post(group_id, client_msg_id, message)

    @abc.abstractmethod
    async def messages(self, group_id: bytes, after: int,
                       limit: int = 1000) -> tuple[list[RelayMessage], int]: ...

    @abc.abstractmethod
    async def inbox(self, *, messages: bool = True,
                    ) -> tuple[list[RelayMessage], list[RelayWelcome]]:
        """Pending Welcomes and, unless ``messages`` is False, the first unacknowledged
        messages of the device's channels (a catch-up fetches those per channel, so
        it asks for Welcomes only: the relay then reads and sends no message)."""

    @abc.abstractmethod
    async def ack(self, acks: list[tuple[bytes, int]], welcomes: list[int]) -> None: ...

    @abc.abstractmethod
    async def directory_devices(self, mission_id: str | None) -> list[
        tuple[str, str, list[bytes]]]: ...

    @abc.abstractmethod
    async def crls(self) -> list[bytes]: ...

    async def ratchet_tree(self, group_id: bytes, seq: int) -> bytes | None:
        """The group's public ratchet tree after the commit at ``seq``, for a Welcome that
        leaves it out (large groups); None when this transport or relay has none. The
        joiner checks it against the tree hash its GroupInfo signs."""
        return None

    async def refuse(self, group_id: bytes, seq: int) -> RefusalResult:
        """Tell the relay this device refused, by policy, the commit at ``seq``."""
        raise RelayRefused(501, "unsupported", "this transport cannot refuse commits")

    # -- key transparency (client.transparency); a transport without it has no log ----
    async def log_policy(self) -> bytes | None:
        """The venue policy the relay serves, or None when the venue has no log."""
        return None

    async def logged_devices(self, mission_id: str | None, since: int | None) -> LoggedDevices:
        raise RelayRefused(501, "unsupported", "this transport has no transparency log")

    async def logged_crls(self, since: int | None) -> LoggedCrls:
        raise RelayRefused(501, "unsupported", "this transport has no transparency log")

    async def log_consistency(self, first: int, second: int) -> list[bytes]:
        raise RelayRefused(501, "unsupported", "this transport has no transparency log")

    async def log_entries(self, start: int, end: int) -> list[bytes]:
        raise RelayRefused(501, "unsupported", "this transport has no transparency log")

    @abc.abstractmethod
    async def publish_crl(self, crl: bytes) -> list[str]: ...

    async def retire_device(self, device_id: str, signature: bytes) -> bool:
        """Remove another device of this delegate (signed removal); False if it was
        removed already."""
        raise RelayRefused(501, "unsupported", "this transport cannot remove devices")

    async def retired_devices(self, mission_id: str | None) -> list[tuple[str, str, bytes]]:
        """``(device id, by device id, signature)`` of devices their delegates removed."""
        return []

    async def group_members(self, group_id: bytes) -> tuple[int, list[str]]:
        """The relay's routing of a group: (its last seq, the device ids it routes to).
        RelayRefused 404 when it does not route the group to this device."""
        raise RelayRefused(501, "unsupported", "this transport cannot show routing")

    async def routing(self) -> dict[bytes, tuple[int, int, str]]:
        """Every group the relay routes to this device now: group id -> (last seq,
        routed devices, digest of the routed device ids; see client.health)."""
        raise RelayRefused(501, "unsupported", "this transport cannot show routing")

    async def key_package_claims(self, since: int = 0) -> list[JsonObject]:
        """Who claimed the KeyPackages of this device's mission (the relay's record):
        ``target``, ``claimer``, ``claimer_mission``, ``last_resort``, ``claimed_at``."""
        raise RelayRefused(501, "unsupported", "this transport keeps no claim record")

    async def upload_blob(self, group_id: bytes, data: bytes) -> str:
        """Store an encrypted attachment for ``group_id``'s members; returns its blob id."""
        raise RelayRefused(501, "unsupported", "this transport has no blob store")

    async def download_blob(self, blob_id: str) -> bytes:
        raise RelayRefused(501, "unsupported", "this transport has no blob store")

    async def delete_blob(self, blob_id: str) -> None:
        raise RelayRefused(501, "unsupported", "this transport has no blob store")

    def push(self) -> contextlib.AbstractAsyncContextManager[AsyncIterator[PushEvent]]:
        """A live stream of pushes (backlog, ``ready``, then live); optional."""
        raise NotImplementedError

    async def close(self) -> None:
        return None


# --------------------------------------------------------------------------- HTTP


@functools.cache
def _system_tls() -> ssl.SSLContext:
    """The system's certificate authorities, loaded once per process (20 ms each time;
    the app, its demo venue and the tests open a transport per device)."""
    return httpx.create_ssl_context()


class HttpTransport(Transport):
    """The relay over HTTP(S) and WebSocket; re-logs in once when a token expires."""

    def __init__(self, base_url: str, signing_seed: bytes, *, timeout: float = 30.0,
                 http: httpx.AsyncClient | None = None, tls_root: bytes | None = None,
                 ping_interval: float = 10.0, ping_timeout: float = 10.0) -> None:
        """``tls_root``: the pinned venue root (DER); an https relay must present a
        certificate it issued (:func:`venue_tls_context`)."""
        self.base_url = base_url.rstrip("/")
        #: push socket liveness: a ping this often, lost after this long without a pong
        self.ping_interval = ping_interval
        self.ping_timeout = ping_timeout
        self._key = SigningKey(signing_seed)
        self.public_key = bytes(self._key.verify_key)
        self.device_id = self.public_key.hex()
        verify = venue_tls_context(tls_root) if tls_root is not None else _system_tls()
        self._http = http or httpx.AsyncClient(base_url=self.base_url, timeout=timeout,
                                               verify=verify)
        self._token: str | None = None
        #: sends waiting on the push socket for the relay's answer (None: not open)
        self._sends: SocketSends | None = None
        self._answer_timeout = timeout

    async def close(self) -> None:
        await self._http.aclose()

    def _headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self._token}"} if self._token else {}

    async def _raw(self, method: str, path: str, body: object = None,
                   params: Params | None = None, auth: bool = True) -> httpx.Response:
        try:
            return await self._http.request(method, path, json=body, params=params,
                                            headers=self._headers() if auth else {})
        except httpx.TransportError as exc:
            raise _unreachable(exc, "relay unreachable") from None

    async def _json(self, method: str, path: str, body: object = None,
                    params: Params | None = None, auth: bool = True) -> JsonObject:
        """The relay's JSON answer (an empty object for an empty one), or its refusal."""
        r = await self._answer(method, path, body, params, auth)
        out: JsonObject = r.json() if r.content else {}
        return out

    async def _answer(self, method: str, path: str, body: object = None,
                      params: Params | None = None, auth: bool = True) -> httpx.Response:
        """The relay's answer once it is not a refusal (logged in again once on a 401)."""
        r = await self._raw(method, path, body, params, auth)
        if r.status_code == 401 and auth and self._token is not None:
            await self.login()
            r = await self._raw(method, path, body, params, auth)
        if r.status_code >= 400:
            try:
                data = r.json()
            except ValueError:
                data = {}
            raise refusal(r.status_code, data if isinstance(data, dict) else {})
        return r

    async def _signed(self, purpose: str) -> dict[str, str]:
        ch = await self._json("POST", "/v1/auth/challenge",
                              {"public_key": _b64(self.public_key), "purpose": purpose},
                              auth=False)
        nonce = _unb64(ch["nonce"])
        sig = self._key.sign(CHALLENGE_CONTEXT + purpose.encode() + b"\x00" + nonce).signature
        return {"public_key": _b64(self.public_key), "nonce": ch["nonce"], "signature": _b64(sig)}

    async def register(self, chain: list[bytes]) -> None:
        body: JsonObject = await self._signed("register")
        body["certificate_chain"] = [_b64(c) for c in chain]
        try:
            await self._json("POST", "/v1/devices", body, auth=False)
        except RelayRefused as exc:
            if exc.status != 409:  # already registered is fine
                raise

    async def login(self) -> None:
        self._token = None
        out = await self._json("POST", "/v1/auth/token", await self._signed("login"), auth=False)
        self._token = str(out["token"])

    async def publish_key_packages(self, packages: list[bytes],
                                   last_resort: bytes | None) -> int:
        body: JsonObject = {"key_packages": [_b64(p) for p in packages]}
        if last_resort is not None:
            body["last_resort"] = _b64(last_resort)
        out = await self._json("POST", "/v1/keypackages", body)
        return int(out["available"])

    async def key_package_count(self) -> tuple[int, bool]:
        out = await self._json("GET", "/v1/keypackages")
        return int(out["available"]), bool(out["last_resort"])

    async def claim_key_package(self, device_id: str) -> bytes:
        out = await self._json("POST", "/v1/keypackages/claim", {"device_id": device_id})
        return _unb64(out["key_package"])

    async def create_group(self, group_id: bytes, group_info: bytes) -> None:
        await self._json("POST", "/v1/groups", {"group_id": b64u(group_id),
                                                "group_info": _b64(group_info)})

    async def group_members(self, group_id: bytes) -> tuple[int, list[str]]:
        out = await self._json("GET", f"/v1/groups/{b64u(group_id)}")
        return int(out["last_seq"]), [str(d) for d in out["members"]]

    async def routing(self) -> dict[bytes, tuple[int, int, str]]:
        out = await self._json("GET", "/v1/groups")
        return {unb64u(g["group_id"]): (int(g["last_seq"]), int(g["members"]),
                                        str(g["digest"])) for g in out["groups"]}

    async def key_package_claims(self, since: int = 0) -> list[JsonObject]:
        out = await self._json("GET", "/v1/keypackages/claims", params={"since": since})
        return list(out["claims"])

    async def post(self, group_id: bytes, client_msg_id: str, message: bytes, *,
                   welcome: bytes | None = None,
                   welcome_to: list[str] | None = None) -> PostResult:
        body: JsonObject = {"client_msg_id": client_msg_id, "message": _b64(message)}
        if welcome is not None and welcome_to:
            body["welcome"] = {"message": _b64(welcome), "recipients": welcome_to}
        out = await self._json("POST", f"/v1/groups/{b64u(group_id)}/messages", body)
        return PostResult(int(out["seq"]), bool(out["duplicate"]))

    async def send_app_message(self, group_id: bytes, client_msg_id: str,
                               message: bytes) -> PostResult:
        """Over the open push socket, else :meth:`post`. Lost before the answer (the
        socket closed, or silent for the HTTP timeout), or refused as unauthorized (a
        POST logs in again first): sent again by POST under the same client message
        id, which the relay answers as a duplicate if the first one was stored."""
        sends = self._sends
        if sends is not None:
            try:
                return await sends.send(b64u(group_id), client_msg_id, _b64(message),
                                        self._answer_timeout)
            except (RelayUnavailable, UnauthorizedError):
                pass
        return await self.post(group_id, client_msg_id, message)

    @staticmethod
    def _welcome(w: JsonObject) -> RelayWelcome:
        commit = w.get("commit")
        seq = w.get("seq")
        gid = w.get("group_id")
        return RelayWelcome(int(w["id"]), str(w["sender"]), _unb64(w["message"]),
                            _unb64(commit) if isinstance(commit, str) else None,
                            seq if isinstance(seq, int) and seq > 0 else 0,
                            unb64u(gid) if isinstance(gid, str) else b"")

    @staticmethod
    def _message(m: JsonObject) -> RelayMessage:
        return RelayMessage(unb64u(m["group_id"]), int(m["seq"]), str(m["sender"]),
                            str(m["client_msg_id"]), _unb64(m["message"]),
                            m.get("voided") is True)

    async def refuse(self, group_id: bytes, seq: int) -> RefusalResult:
        out = await self._json("POST", f"/v1/groups/{b64u(group_id)}/refusals", {"seq": seq})
        return RefusalResult(int(out["seq"]), int(out["refusals"]), int(out["electorate"]),
                             bool(out["voided"]))

    async def messages(self, group_id: bytes, after: int,
                       limit: int = 1000) -> tuple[list[RelayMessage], int]:
        r = await self._answer("GET", f"/v1/groups/{b64u(group_id)}/messages",
                               params={"after": after, "limit": limit})
        return decode_page(r.content)

    async def inbox(self, *, messages: bool = True,
                    ) -> tuple[list[RelayMessage], list[RelayWelcome]]:
        out = await self._json("GET", "/v1/inbox",
                               params={"limit": 1000, "messages": int(messages)})
        return ([self._message(m) for m in out["messages"]],
                [self._welcome(w) for w in out["welcomes"]])

    async def ack(self, acks: list[tuple[bytes, int]], welcomes: list[int]) -> None:
        for i in range(0, max(len(acks), len(welcomes), 1), 1000):
            a, w = acks[i:i + 1000], welcomes[i:i + 1000]
            if a or w:
                await self._json("POST", "/v1/acks", {
                    "acks": [{"group_id": b64u(g), "seq": s} for g, s in a], "welcomes": w})

    async def directory_devices(self, mission_id: str | None) -> list[
            tuple[str, str, list[bytes]]]:
        params = {"mission": mission_id} if mission_id else None
        out = await self._json("GET", "/v1/directory/devices", params=params)
        return [(d["device_id"], d["mission_id"], [_unb64(c) for c in d["chain"]])
                for d in out["devices"]]

    async def crls(self) -> list[bytes]:
        out = await self._json("GET", "/v1/directory/crls")
        return [_unb64(c) for c in out["crls"]]

    async def publish_crl(self, crl: bytes) -> list[str]:
        out = await self._json("POST", "/v1/directory/crls", {"crl": _b64(crl)})
        return [str(d) for d in out["revoked"]]

    async def retire_device(self, device_id: str, signature: bytes) -> bool:
        out = await self._json("POST", "/v1/directory/retired",
                               {"device_id": device_id, "signature": _b64(signature)})
        return bool(out["removed"])

    async def retired_devices(self, mission_id: str | None) -> list[tuple[str, str, bytes]]:
        params = {"mission": mission_id} if mission_id else None
        out = await self._json("GET", "/v1/directory/retired", params=params)
        return [(d["device_id"], d["by"], _unb64(d["signature"])) for d in out["retired"]]

    async def log_policy(self) -> bytes | None:
        try:
            out = await self._json("GET", "/v1/log/policy", auth=False)
        except RelayRefused as exc:
            if exc.status == 404:
                return None
            raise
        return _unb64(out["policy"])

    @staticmethod
    def _proofs(items: object) -> list[Proof] | None:
        if not isinstance(items, list):
            return None
        return [(int(p["index"]), [_unb64(h) for h in p["proof"]]) for p in items]

    @staticmethod
    def _view(out: JsonObject) -> tuple[bytes | None, list[bytes]]:
        view = out.get("log")
        if not isinstance(view, dict):
            return None, []
        return _unb64(view["head"]), [_unb64(h) for h in view.get("consistency", [])]

    async def logged_devices(self, mission_id: str | None, since: int | None) -> LoggedDevices:
        params: dict[str, str | int] = {}
        if mission_id:
            params["mission"] = mission_id
        if since is not None:
            params["since"] = since
        out = await self._json("GET", "/v1/directory/devices", params=params)
        head, cons = self._view(out)
        return LoggedDevices([(d["device_id"], d["mission_id"], [_unb64(c) for c in d["chain"]],
                               self._proofs(d.get("proofs"))) for d in out["devices"]],
                             head, cons)

    async def logged_crls(self, since: int | None) -> LoggedCrls:
        out = await self._json("GET", "/v1/directory/crls",
                               params={"since": since} if since is not None else None)
        head, cons = self._view(out)
        return LoggedCrls([_unb64(c) for c in out["crls"]], self._proofs(out.get("proofs")),
                          head, cons)

    async def log_consistency(self, first: int, second: int) -> list[bytes]:
        out = await self._json("GET", "/v1/log/consistency",
                               params={"first": first, "second": second})
        return [_unb64(h) for h in out["proof"]]

    async def log_entries(self, start: int, end: int) -> list[bytes]:
        out = await self._json("GET", "/v1/log/entries", params={"start": start, "end": end})
        return [_unb64(e) for e in out["entries"]]

    async def _blob(self, method: str, path: str, content: bytes | None = None,
                    params: Params | None = None) -> httpx.Response:
        for attempt in (0, 1):
            headers = self._headers()
            if content is not None:
                headers["Content-Type"] = "application/octet-stream"
            try:
                r = await self._http.request(method, path, content=content, params=params,
                                             headers=headers)
            except httpx.TransportError as exc:
                raise _unreachable(exc, "relay unreachable") from None
            if r.status_code == 401 and attempt == 0:
                await self.login()
                continue
            if r.status_code >= 400:
                try:
                    data = r.json()
                except ValueError:
                    data = {}
                raise RelayRefused(r.status_code, str(data.get("error", "error")),
                                   str(data.get("message", ""))[:300], data)
            return r
        raise UnauthorizedError(401, "unauthorized", "login failed", {})  # pragma: no cover

    async def upload_blob(self, group_id: bytes, data: bytes) -> str:
        if self._token is None:
            await self.login()
        r = await self._blob("POST", "/v1/blobs", data, {"group_id": b64u(group_id)})
        return str(r.json()["blob_id"])

    async def ratchet_tree(self, group_id: bytes, seq: int) -> bytes | None:
        if self._token is None:
            await self.login()
        try:
            r = await self._blob("GET", f"/v1/groups/{b64u(group_id)}/tree",
                                 params={"seq": seq})
        except RelayRefused as exc:
            if exc.status == 404:  # not kept, or not ours: the join says what is missing
                return None
            raise
        return r.content

    async def download_blob(self, blob_id: str) -> bytes:
        if self._token is None:
            await self.login()
        return (await self._blob("GET", f"/v1/blobs/{blob_id}")).content

    async def delete_blob(self, blob_id: str) -> None:
        if self._token is None:
            await self.login()
        await self._blob("DELETE", f"/v1/blobs/{blob_id}")

    @contextlib.asynccontextmanager
    async def push(self) -> AsyncIterator[AsyncIterator[PushEvent]]:
        from httpx_ws import (
            WebSocketDisconnect,
            WebSocketNetworkError,
            WebSocketUpgradeError,
            aconnect_ws,
        )

        if self._token is None:
            await self.login()
        url = self.base_url.replace("http", "ws", 1) + "/v1/ws"
        try:
            connect: contextlib.AbstractAsyncContextManager[AsyncWebSocketSession] = (
                aconnect_ws(url, self._http, headers=self._headers(),
                            max_message_size_bytes=4 * 1024 * 1024,
                            keepalive_ping_interval_seconds=self.ping_interval,
                            keepalive_ping_timeout_seconds=self.ping_timeout))
            async with connect as ws:
                from client.socket_sends import SocketSends, frames_of

                sends = SocketSends(ws.send_text)

                def gone() -> None:
                    """No answer can come any more: waiting sends go by POST."""
                    if self._sends is sends:
                        self._sends = None
                    sends.lost()

                async def frames() -> AsyncIterator[PushEvent]:
                    try:  # ended here, not when the caller is done with the batch
                        async for f in frames_of(self, ws, sends):
                            yield f
                    finally:
                        gone()

                try:
                    yield frames()
                finally:
                    gone()
        except WebSocketUpgradeError as exc:
            raise _upgrade_refused(exc.response.status_code) from None
        except BaseExceptionGroup as group:
            raise _unwrap(group) from None
        except httpx.TransportError as exc:
            raise _unreachable(exc, "push connection failed") from None
        except (OSError, TimeoutError, WebSocketNetworkError, WebSocketDisconnect) as exc:
            raise RelayUnavailable(f"push connection failed: {type(exc).__name__}") from None


def refusal(status: int, data: JsonObject) -> RelayRefused:
    """The relay's error answer (a POST's body, or the socket's ``error`` frame) as the
    typed refusal the caller handles: one mapping for both ways of sending."""
    code = str(data.get("error", "error"))
    msg = str(data.get("message", ""))[:300]
    if status == 409 and code == "epoch_conflict":
        return EpochConflictError(status, code, msg, data)
    if status == 401:
        return UnauthorizedError(status, code, msg, data)
    return RelayRefused(status, code, msg, data)


def _upgrade_refused(status: int) -> RelayRefused | RelayUnavailable:
    """The relay answered the WebSocket handshake with ``status`` instead of 101."""
    if status in (401, 403):  # the relay closes before accepting: token expired/unknown
        return UnauthorizedError(401, "unauthorized", "push connection refused")
    if status >= 500 or status in TEMPORARY_4XX:
        return RelayUnavailable(f"push connection refused ({status})")
    return RelayRefused(status, "error", "push connection refused")


def _network_error(exc: BaseException) -> bool:
    import anyio
    import httpcore
    from httpx_ws import HTTPXWSException

    return isinstance(exc, httpx.TransportError | httpcore.NetworkError | OSError
                      | TimeoutError | HTTPXWSException | anyio.EndOfStream
                      | anyio.BrokenResourceError | anyio.ClosedResourceError
                      | RelayUnavailable)


def _leaves(exc: BaseException) -> list[BaseException]:
    if isinstance(exc, BaseExceptionGroup):
        return [leaf for e in exc.exceptions for leaf in _leaves(e)]
    return [exc]


def _unwrap(group: BaseExceptionGroup[BaseException]) -> BaseException:
    """The one exception a push session's ``ExceptionGroup`` stands for: a cancellation
    first, then the caller's own error, else a lost connection (RelayUnavailable)."""
    leaves = _leaves(group)
    for e in leaves:
        if isinstance(e, asyncio.CancelledError):
            return e
    for e in leaves:
        if not _network_error(e):
            return e
    for e in leaves:
        if isinstance(e, RelayUnavailable):
            return e
    return RelayUnavailable(f"push connection lost: {type(leaves[0]).__name__}")
