# SPDX-License-Identifier: Apache-2.0
"""A relay operator who forks the transparency log for one client.

It sits in that client's HTTP stack (an httpx transport) in front of the real relay
process on loopback and holds the log's signing key from the relay's data directory:
exactly the power a hostile relay operator has. Every request goes to the real relay;
directory and log answers are rewritten against a *forged* log, the real entries put
through ``rewrite`` (drop a CRL, reorder, freeze at a size), re-hashed and re-signed,
with fresh proofs against the forged tree. ``corrupt`` and ``strip`` damage inclusion
proofs instead, and ``hide_crls`` drops CRLs from the listing only (the log stays true).
"""

from __future__ import annotations

import base64
import json
import time
from collections.abc import Callable
from typing import Any

import httpx

from crypto.certs.transparency import (
    LogEntry,
    MerkleTree,
    chain_entries,
    crl_entry,
    sign_tree_head,
)

Rewrite = Callable[[list[bytes]], list[bytes]]


def _b64(b: bytes) -> str:
    return base64.b64encode(b).decode()


def _unb64(s: str) -> bytes:
    return base64.b64decode(s)


class ForkingTransport(httpx.AsyncBaseTransport):
    def __init__(self, log_seed: bytes, *, rewrite: Rewrite | None = None,
                 corrupt: set[str] | None = None, strip: set[str] | None = None,
                 hide_crls: bool = False) -> None:
        self.inner = httpx.AsyncHTTPTransport()
        self.seed = log_seed
        self.rewrite = rewrite
        self.corrupt = corrupt or set()
        self.strip = strip or set()
        self.hide_crls = hide_crls
        self.heads: list[bytes] = []  # every forged head it served

    async def aclose(self) -> None:
        await self.inner.aclose()

    async def _get(self, request: httpx.Request, path: str, params: dict[str, Any]) -> Any:
        url = request.url.copy_with(path=path, params=params)
        r = await self.inner.handle_async_request(httpx.Request(
            "GET", url, headers={"Authorization": request.headers.get("authorization", "")}))
        await r.aread()
        return json.loads(r.content)

    async def _forged(self, request: httpx.Request) -> tuple[list[bytes], MerkleTree, bytes]:
        head = await self._get(request, "/v1/log/head", {})
        size = int.from_bytes(_unb64(head["head"])[:8], "big")
        entries: list[bytes] = []
        while len(entries) < size:
            page = await self._get(request, "/v1/log/entries", {"start": len(entries)})
            entries += [_unb64(e) for e in page["entries"]]
        if self.rewrite is not None:
            entries = self.rewrite(entries)
        tree = MerkleTree([LogEntry.decode(e).leaf_hash for e in entries])
        sth = sign_tree_head(self.seed, tree.size, int(time.time() * 1000), tree.root())
        self.heads.append(sth.encode())
        return entries, tree, sth.encode()

    @staticmethod
    def _reply(status: int, body: Any) -> httpx.Response:
        return httpx.Response(status, json=body)

    def _proof(self, tree: MerkleTree, index: dict[bytes, int], entry: LogEntry
               ) -> dict[str, Any] | None:
        i = index.get(entry.leaf_hash)
        if i is None:
            return None
        return {"index": i, "proof": [_b64(p) for p in tree.inclusion_proof(i)]}

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        path = request.url.path
        forged = self.rewrite is not None
        if request.method != "GET" or not (path.startswith("/v1/log/") or
                                           path.startswith("/v1/directory/")):
            return await self.inner.handle_async_request(request)
        if path == "/v1/log/policy":
            return await self.inner.handle_async_request(request)
        real = await self.inner.handle_async_request(request)
        await real.aread()
        if real.status_code != 200:
            return httpx.Response(real.status_code, content=real.content,
                                  headers=real.headers)
        body = json.loads(real.content)
        if not forged:
            if path == "/v1/directory/devices":
                for d in body["devices"]:
                    if d["device_id"] in self.strip:
                        d["proofs"] = None
                    if d["device_id"] in self.corrupt and d.get("proofs"):
                        p = bytearray(_unb64(d["proofs"][-1]["proof"][0]))
                        p[0] ^= 1
                        d["proofs"][-1]["proof"][0] = _b64(bytes(p))
            if path == "/v1/directory/crls" and self.hide_crls:
                body["crls"], body["proofs"] = [], []
            return self._reply(200, body)
        entries, tree, head = await self._forged(request)
        index = {LogEntry.decode(e).leaf_hash: i for i, e in enumerate(entries)}
        q = request.url.params
        if path == "/v1/log/head":
            return self._reply(200, {"head": _b64(head)})
        if path == "/v1/log/entries":
            start = int(q.get("start", 0))
            end = int(q.get("end", start + 1000))
            return self._reply(200, {"start": start,
                                     "entries": [_b64(e) for e in entries[start:end]]})
        if path == "/v1/log/consistency":
            first, second = int(q.get("first", 0)), int(q.get("second", tree.size))
            if not first <= second <= tree.size:
                return self._reply(400, {"error": "bad_request", "message": "out of range"})
            return self._reply(200, {"first": first, "second": second, "proof": [
                _b64(p) for p in tree.consistency_proof(first, second)]})
        since = q.get("since")
        cons: list[str] = []
        if since is not None and int(since) <= tree.size:
            cons = [_b64(p) for p in tree.consistency_proof(int(since), tree.size)]
        body["log"] = {"head": _b64(head), "consistency": cons}
        if path == "/v1/directory/devices":
            for d in body["devices"]:
                ps = [self._proof(tree, index, e)
                      for e in chain_entries([_unb64(c) for c in d["chain"]])]
                d["proofs"] = ps if all(ps) else None
        elif path == "/v1/directory/crls":
            kept = [c for c in body["crls"] if crl_entry(_unb64(c)).leaf_hash in index]
            body["crls"] = kept
            body["proofs"] = [self._proof(tree, index, crl_entry(_unb64(c))) for c in kept]
        return self._reply(200, body)


def fork_client(client: Any, relay_dir: Any, **kw: Any) -> ForkingTransport:
    """Put a :class:`ForkingTransport` under an opened ``client.core.Client``."""
    forker = ForkingTransport((relay_dir / "log.key").read_bytes(), **kw)
    t = client.transport
    t._http = httpx.AsyncClient(base_url=t.base_url, transport=forker, timeout=30)
    return forker
