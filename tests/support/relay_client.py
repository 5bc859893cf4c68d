# SPDX-License-Identifier: Apache-2.0
"""A small, complete client of the relay's API, for tests (and to learn the API from).

The flow a real client follows::

    key = SigningKey.generate()                      # the device *is* this Ed25519 key
    c = RelayClient(http, key, chain)                # chain: DER device + mission certs
    await c.register()                               # challenge -> sign -> POST /v1/devices
    await c.login()                                  # challenge -> sign -> bearer token
    await c.create_group(gid)                        # a real MLS group: GroupInfo posted
    await c.send_commit(gid, add=[other])            # a real commit (PublicMessage) adding
                                                     # other's device; the relay verifies it
    async with c.websocket() as ws: ...              # backlog, {"type":"ready"}, pushes

``private_message`` builds the RFC 9420 PrivateMessage framing around opaque
ciphertext, which is all the relay reads of an application message. Commits are real:
the relay verifies them against the group's public tree and charter, so the client
keeps a :class:`crypto.group.Group` per group (``mls``).
"""

from __future__ import annotations

import base64
import contextlib
import json
import time
import uuid
from collections.abc import AsyncIterator, Sequence
from typing import Any

import httpx
import msgspec
from httpx_ws import AsyncWebSocketSession, aconnect_ws
from nacl.signing import SigningKey

from crypto.codec import opaque_v
from crypto.corridor.charter import (
    CHARTER_EXTENSION,
    Charter,
    CommitStamp,
    charter_extension,
    charter_from_extensions,
    ident_of_certificate,
)
from crypto.group import Group
from crypto.messages import Credential, CredentialType
from crypto.messages.key_package import KeyPackageBundle, default_capabilities, make_key_package

SUITE = 3
# Leaves list the charter extension the groups use (RFC 9420 section 13.4).
_CAPABILITIES = default_capabilities(SUITE, [CHARTER_EXTENSION])

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


def stamp_aad(at: int | None = None, crls: Sequence[bytes] = ()) -> bytes:
    """A commit's authenticated data with Corridor's stamp (time, CRLs), as clients send."""
    stamp = CommitStamp(list(crls), int(time.time()) if at is None else at)
    return b"\x02" + bytes(16) + b"\x00" + msgspec.msgpack.encode(stamp)


def _accept(credential: Credential, key: bytes) -> None:
    del credential, key  # the relay checks chains; this test client trusts its venue


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
        self.mls: dict[bytes, Group] = {}
        self._bundles: list[KeyPackageBundle] = []

    # -- MLS (real groups, for the relay's verification) ---------------------------------
    @property
    def seed(self) -> bytes:
        return bytes(self.key)

    @property
    def delegate(self) -> str:
        return ident_of_certificate(self.chain[0]).delegate

    @property
    def mission(self) -> str:
        return ident_of_certificate(self.chain[0]).mission_id

    def credential(self) -> Credential:
        return Credential(credential_type=CredentialType.x509, certificates=self.chain)

    def key_package(self) -> bytes:
        """A fresh KeyPackage of this device (its private part kept for :meth:`join`)."""
        now = int(time.time())
        bundle = make_key_package(SUITE, self.credential(), self.seed,
                                  lifetime=(now - 3600, now + 86400 * 30),
                                  capabilities=_CAPABILITIES)
        self._bundles.append(bundle)
        return bundle.key_package.to_bytes()

    def join(self, welcome: bytes) -> Group:
        """Join a group from a Welcome to one of this device's KeyPackages."""
        for bundle in self._bundles:
            try:
                g = Group.join(welcome, bundle, credential_validator=_accept,
                               now=int(time.time()))
            except Exception:
                continue
            self.mls[g.group_id] = g
            return g
        raise AssertionError("the Welcome is for none of this device's KeyPackages")

    def group_info(self, group_id: bytes, *, kind: str = "multilateral",
                   missions: Sequence[str] = (), charter: Charter | None = None) -> bytes:
        """Create the MLS group locally (this device alone) and return its GroupInfo."""
        charter = charter or Charter(
            kind=kind, missions=tuple(sorted({self.mission, *missions})),
            conveners=(self.delegate,) if kind in ("multilateral", "caucus") else (),
            created_by=self.delegate, info=b"\x11" * 32)
        g = Group.create(SUITE, group_id, self.credential(), self.seed,
                         extensions=[charter_extension(charter)], credential_validator=_accept,
                         capabilities=_CAPABILITIES)
        self.mls[group_id] = g
        return g.group_info(with_ratchet_tree=True)

    def commit(self, group_id: bytes, add: Sequence[RelayClient | bytes] = (),
               remove: Sequence[RelayClient | str] = (), *, missions: Sequence[str] = (),
               charter: Charter | None = None, at: int | None = None,
               crls: Sequence[bytes] = ()) -> tuple[bytes, bytes | None, list[str]]:
        """A pending commit (a PublicMessage with Corridor's stamp) adding ``add`` (clients
        or raw KeyPackages) and removing ``remove``; the charter gains the added devices'
        missions and ``missions`` (or becomes ``charter``). Returns (commit, welcome,
        added device ids); :meth:`merged` or :meth:`discarded` settles it."""
        g = self.mls[group_id]
        kps, ids = [], []
        from crypto.messages import KeyPackage

        for a in add:
            raw = a.key_package() if isinstance(a, RelayClient) else a
            kp = KeyPackage.from_bytes(raw)
            kps.append(kp)
            ids.append(kp.leaf_node.signature_key.hex())
        gone = {r.device_id if isinstance(r, RelayClient) else r for r in remove}
        leaves = [m.leaf_index for m in g.members() if m.signature_key.hex() in gone]
        before = charter_from_extensions(g.extensions)
        after = charter
        wanted = {*before.missions, *missions,
                  *(ident_of_certificate(kp.leaf_node.credential.certificates[0]).mission_id
                    for kp in kps)}
        if after is None and wanted != set(before.missions):
            after = before.with_changes(missions=tuple(sorted(wanted)))
        exts = None
        if after is not None:
            exts = [e for e in g.extensions if e.extension_type != CHARTER_EXTENSION]
            exts.append(charter_extension(after))
        aad = stamp_aad(at, crls)
        out = g.commit(add=kps, remove=leaves, group_context_extensions=exts,
                       authenticated_data=aad, handshake_encrypted=False)
        return out.message, out.welcome, ids

    def merged(self, group_id: bytes) -> None:
        self.mls[group_id].merge_pending_commit()

    def discarded(self, group_id: bytes) -> None:
        self.mls[group_id].discard_pending_commit()

    async def send_commit(self, group_id: bytes, add: Sequence[RelayClient | bytes] = (),
                          remove: Sequence[RelayClient | str] = (), *,
                          client_msg_id: str | None = None, welcome: bool = True,
                          **kw: Any) -> dict[str, Any]:
        """Build, post and settle a commit (merged if accepted, discarded if refused)."""
        msg, w, ids = self.commit(group_id, add, remove, **kw)
        try:
            if w is not None and welcome:
                out = await self.send(group_id, msg, client_msg_id, welcome=w, welcome_to=ids)
            else:
                out = await self.send(group_id, msg, client_msg_id)
        except BaseException:
            self.discarded(group_id)
            raise
        self.merged(group_id)
        self.last_commit = msg
        return out

    def process(self, group_id: bytes, message: bytes) -> None:
        """Merge another member's commit into this device's group."""
        from crypto.group import StagedCommit

        g = self.mls[group_id]
        staged = g.process(message, now=int(time.time()))
        assert isinstance(staged, StagedCommit)
        g.merge_staged_commit(staged)

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
    async def create_group(self, group_id: bytes, **kw: Any) -> dict[str, Any]:
        """Create the MLS group (:meth:`group_info`) and the relay group from it."""
        gi = self.group_info(group_id, **kw)
        result: dict[str, Any] = await self._json(
            "POST", "/v1/groups", {"group_id": b64u(group_id), "group_info": b64(gi)})
        return result

    async def group(self, group_id: bytes) -> dict[str, Any]:
        result: dict[str, Any] = await self._json("GET", f"/v1/groups/{b64u(group_id)}")
        return result

    @staticmethod
    def send_body(message: bytes, client_msg_id: str | None = None,
                  welcome: bytes | None = None,
                  welcome_to: list[str] | None = None) -> dict[str, Any]:
        body: dict[str, Any] = {"client_msg_id": client_msg_id or uuid.uuid4().hex,
                                "message": b64(message)}
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

    async def inbox(self, **params: int) -> dict[str, Any]:
        result: dict[str, Any] = await self._json("GET", "/v1/inbox", params=params or None)
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


#: Seconds to wait for a frame the relay must send. Generous: a loaded 2-core machine
#: starves relay processes for seconds; a test that expects silence passes its own.
FRAME_TIMEOUT = 30.0


class WsSession:
    """JSON frames over the relay socket."""

    def __init__(self, ws: AsyncWebSocketSession) -> None:
        self.ws = ws

    async def recv(self, timeout: float = FRAME_TIMEOUT) -> dict[str, Any]:
        frame: dict[str, Any] = json.loads(await self.ws.receive_text(timeout=timeout))
        return frame

    async def send(self, frame: dict[str, Any]) -> None:
        await self.ws.send_text(json.dumps(frame))

    async def until(self, kind: str, timeout: float = FRAME_TIMEOUT) -> tuple[dict[str, Any],
                                                                    list[dict[str, Any]]]:
        """Frames until one of type ``kind``; returns it and those seen before it."""
        seen = []
        while True:
            f = await self.recv(timeout)
            if f["type"] == kind:
                return f, seen
            seen.append(f)
