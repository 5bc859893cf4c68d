"""A small, complete client of the relay's API, for tests (and to learn the API from).

The flow a real client follows::

    key = SigningKey.generate()                      # the device *is* this Ed25519 key
    c = RelayClient(http, key, chain)                # chain: DER device + mission certs
    await c.register()                               # challenge -> sign -> POST /v1/devices
    await c.login()                                  # challenge -> sign -> bearer token
    await c.create_group(gid)                        # routed to me only
    await c.send(gid, mls_bytes, add=[...], welcome=..., welcome_to=[...])  # a commit
    async with c.websocket() as ws: ...              # backlog, {"type":"ready"}, pushes

``private_message`` builds the RFC 9420 PrivateMessage framing around opaque
ciphertext, which is all the relay looks at.
"""

from __future__ import annotations

import base64
import contextlib
import json
import uuid
from collections.abc import AsyncIterator, Sequence
from typing import Any

import httpx
from httpx_ws import AsyncWebSocketSession, aconnect_ws
from nacl.signing import SigningKey

from crypto.codec import opaque_v

CHALLENGE_CONTEXT = b"corridor-relay/v1 challenge\x00"
APPLICATION, PROPOSAL, COMMIT = 1, 2, 3


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode()


def unb64(text: str) -> bytes:
    return base64.b64decode(text)


def b64u(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def private_message(group_id: bytes, epoch: int, content_type: int, ciphertext: bytes) -> bytes:
    """MLSMessage(mls10, mls_private_message, PrivateMessage{group_id, epoch, content_type,
    authenticated_data, encrypted_sender_data, ciphertext})."""
    return (
        (1).to_bytes(2, "big") + (2).to_bytes(2, "big") + opaque_v(group_id)
        + epoch.to_bytes(8, "big") + bytes([content_type]) + opaque_v(b"")
        + opaque_v(b"\x00" * 16) + opaque_v(ciphertext)
    )


class RelayError(Exception):
    def __init__(self, response: httpx.Response) -> None:
        self.status = response.status_code
        try:
            self.body: dict[str, Any] = response.json()
        except ValueError:
            self.body = {}
        super().__init__(f"{self.status} {self.body}")


class RelayClient:
    """One device talking to one relay."""

    def __init__(self, http: httpx.AsyncClient, key: SigningKey | None = None,
                 chain: Sequence[bytes] = ()) -> None:
        self.http = http
        self.key = key or SigningKey.generate()
        self.chain = tuple(chain)  # certifies ``key`` to the venue root (leaf first)
        self.public_key = bytes(self.key.verify_key)
        self.device_id = self.public_key.hex()
        self.token: str | None = None

    @property
    def headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.token}"} if self.token else {}

    async def _json(self, method: str, path: str, body: Any = None,
                    params: dict[str, Any] | None = None) -> Any:
        r = await self.http.request(method, path, json=body, params=params,
                                    headers=self.headers)
        if r.status_code >= 400:
            raise RelayError(r)
        return r.json() if r.content else None

    async def _signed_challenge(self, purpose: str) -> dict[str, str]:
        ch = await self._json("POST", "/v1/auth/challenge",
                              {"public_key": b64(self.public_key), "purpose": purpose})
        nonce = unb64(ch["nonce"])
        sig = self.key.sign(CHALLENGE_CONTEXT + purpose.encode() + b"\x00" + nonce).signature
        return {"public_key": b64(self.public_key), "nonce": ch["nonce"], "signature": b64(sig)}

    async def register(self, certificate_chain: Sequence[bytes] | None = None) -> str:
        """Register with ``certificate_chain`` (default: this client's own chain)."""
        body: dict[str, Any] = await self._signed_challenge("register")
        chain = self.chain if certificate_chain is None else certificate_chain
        if chain:
            body["certificate_chain"] = [b64(c) for c in chain]
        out = await self._json("POST", "/v1/devices", body)
        return str(out["device_id"])

    async def login(self) -> str:
        out = await self._json("POST", "/v1/auth/token", await self._signed_challenge("login"))
        self.token = out["token"]
        return str(self.token)

    async def enrol(self) -> RelayClient:
        """Register with this client's chain, then log in."""
        await self.register()
        await self.login()
        return self

    # -- KeyPackages --------------------------------------------------------------------
    async def publish_key_packages(self, packages: list[bytes],
                                   last_resort: bytes | None = None) -> dict[str, Any]:
        body: dict[str, Any] = {"key_packages": [b64(p) for p in packages]}
        if last_resort is not None:
            body["last_resort"] = b64(last_resort)
        result: dict[str, Any] = await self._json("POST", "/v1/keypackages", body)
        return result

    async def claim_key_package(self, device_id: str) -> tuple[bytes, bool]:
        out = await self._json("POST", "/v1/keypackages/claim", {"device_id": device_id})
        return unb64(out["key_package"]), bool(out["last_resort"])

    # -- groups and messages --------------------------------------------------------------
    async def create_group(self, group_id: bytes) -> dict[str, Any]:
        result: dict[str, Any] = await self._json("POST", "/v1/groups",
                                                  {"group_id": b64u(group_id)})
        return result

    async def group(self, group_id: bytes) -> dict[str, Any]:
        result: dict[str, Any] = await self._json("GET", f"/v1/groups/{b64u(group_id)}")
        return result

    @staticmethod
    def send_body(message: bytes, client_msg_id: str | None = None,
                  add: list[str] | None = None, remove: list[str] | None = None,
                  welcome: bytes | None = None,
                  welcome_to: list[str] | None = None) -> dict[str, Any]:
        body: dict[str, Any] = {"client_msg_id": client_msg_id or uuid.uuid4().hex,
                                "message": b64(message)}
        if add:
            body["add"] = add
        if remove:
            body["remove"] = remove
        if welcome is not None:
            body["welcome"] = {"message": b64(welcome), "recipients": welcome_to or []}
        return body

    async def send(self, group_id: bytes, message: bytes, client_msg_id: str | None = None,
                   **kw: Any) -> dict[str, Any]:
        """POST a message; returns {"seq", "duplicate"}; raises RelayError (409 on a lost race)."""
        result: dict[str, Any] = await self._json(
            "POST", f"/v1/groups/{b64u(group_id)}/messages",
            self.send_body(message, client_msg_id, **kw),
        )
        return result

    async def messages(self, group_id: bytes, after: int = 0,
                       limit: int = 500) -> dict[str, Any]:
        result: dict[str, Any] = await self._json(
            "GET", f"/v1/groups/{b64u(group_id)}/messages", params={"after": after,
                                                                      "limit": limit})
        return result

    async def inbox(self) -> dict[str, Any]:
        result: dict[str, Any] = await self._json("GET", "/v1/inbox")
        return result

    async def ack(self, group_id: bytes, seq: int) -> None:
        await self._json("POST", "/v1/acks", {"acks": [{"group_id": b64u(group_id), "seq": seq}]})

    async def ack_welcomes(self, ids: list[int]) -> None:
        await self._json("POST", "/v1/acks", {"welcomes": ids})

    # -- blobs ------------------------------------------------------------------------------
    async def upload_blob(self, data: bytes, group_id: bytes | None = None) -> str:
        params = {"group_id": b64u(group_id)} if group_id is not None else None
        r = await self.http.post("/v1/blobs", content=data, params=params,
                                 headers={**self.headers,
                                          "Content-Type": "application/octet-stream"})
        if r.status_code >= 400:
            raise RelayError(r)
        return str(r.json()["blob_id"])

    async def download_blob(self, blob_id: str) -> bytes:
        r = await self.http.get(f"/v1/blobs/{blob_id}", headers=self.headers)
        if r.status_code >= 400:
            raise RelayError(r)
        return r.content

    # -- WebSocket ----------------------------------------------------------------------------
    @contextlib.asynccontextmanager
    async def websocket(self) -> AsyncIterator[WsSession]:
        url = str(self.http.base_url).rstrip("/").replace("http", "ws", 1) + "/v1/ws"
        async with aconnect_ws(url, self.http, headers=self.headers,
                               max_message_size_bytes=4 * 1024 * 1024,
                               keepalive_ping_interval_seconds=None) as ws:
            yield WsSession(ws)


class WsSession:
    """JSON frames over the relay socket."""

    def __init__(self, ws: AsyncWebSocketSession) -> None:
        self.ws = ws

    async def recv(self, timeout: float = 10.0) -> dict[str, Any]:
        frame: dict[str, Any] = json.loads(await self.ws.receive_text(timeout=timeout))
        return frame

    async def send(self, frame: dict[str, Any]) -> None:
        await self.ws.send_text(json.dumps(frame))

    async def until(self, kind: str, timeout: float = 10.0) -> tuple[dict[str, Any],
                                                                    list[dict[str, Any]]]:
        """Frames until one of type ``kind``; returns it and those seen before it."""
        seen = []
        while True:
            f = await self.recv(timeout)
            if f["type"] == kind:
                return f, seen
            seen.append(f)
