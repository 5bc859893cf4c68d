# SPDX-License-Identifier: Apache-2.0
"""The HTTP API in process: auth, admission, groups, delivery, blobs, limits, errors."""

from __future__ import annotations

import os
import secrets
import time
from pathlib import Path

import httpx
import pytest
from httpx_ws import WebSocketDisconnect, WebSocketUpgradeError

from server_stub.admission import Admission, Decision, RegistrationRequest
from server_stub.settings import Settings
from tests.support.relay_client import (
    APPLICATION,
    COMMIT,
    RelayClient,
    RelayError,
    b64,
    b64u,
    private_message,
    unb64,
)
from tests.support.relay_process import InProcess, in_process


def gid() -> bytes:
    return os.urandom(16)


def app_msg(g: bytes, text: bytes = b"ct", epoch: int = 1) -> bytes:
    return private_message(g, epoch, APPLICATION, text)


async def pair_in_group(r: InProcess) -> tuple[RelayClient, RelayClient, bytes]:
    """a creates a group and adds b by a real commit (with a Welcome for b)."""
    a, b = await r.device(), await r.device()
    g = gid()
    await a.create_group(g)
    await a.send_commit(g, add=[b])
    return a, b, g


async def test_health_and_openapi_cover_every_route(relay_sqlite: InProcess) -> None:
    r = relay_sqlite
    assert (await r.http.get("/health")).json()["status"] == "ok"
    doc = (await r.http.get("/openapi.json")).json()
    documented = {(p, m.upper()) for p, ops in doc["paths"].items() for m in ops}
    served = {(rt.path, m) for rt in r.app.routes
              for m in (getattr(rt, "methods", None) or ()) if m != "HEAD"}
    # the operators' scrape endpoint (Prometheus text, loopback peers only) is no client API
    served -= {("/openapi.json", "GET"), ("/metrics", "GET")}
    assert documented == served
    for ops in doc["paths"].values():
        for op in ops.values():
            for code, resp in op["responses"].items():
                if int(code) >= 400:
                    assert resp["content"]["application/json"]["schema"]["$ref"].endswith(
                        "ErrorBody")


async def test_conversation_flow_on_both_backends(relay_any: InProcess) -> None:
    r = relay_any
    a, b, g = await pair_in_group(r)
    with pytest.raises(RelayError) as lost:  # a commit for epoch 0 again: too late
        await b.send(g, a.last_commit)
    assert lost.value.status == 409
    assert lost.value.body["error"] == "epoch_conflict" and lost.value.body["seq"] == 1
    first = await a.send(g, app_msg(g), client_msg_id="hello-1")
    again = await a.send(g, app_msg(g, b"resend"), client_msg_id="hello-1")
    assert again == {**first, "duplicate": True}
    inbox = await b.inbox()
    assert [m["seq"] for m in inbox["messages"]] == [first["seq"]]
    assert len(inbox["welcomes"]) == 1
    # a catch-up asks for Welcomes only: the same Welcomes, no message read or sent
    assert await b.inbox(messages=0) == {"messages": [], "welcomes": inbox["welcomes"]}
    for bad in ("2", "-1", "yes"):
        with pytest.raises(RelayError) as refused:
            await b._json("GET", "/v1/inbox", params={"messages": bad})
        assert refused.value.status == 400
    # THREATS 6: the Welcome comes with the accepted commit it rode on (seq 1)
    (w,) = inbox["welcomes"]
    assert (w["group_id"], w["seq"]) == (b64u(g), 1)
    assert w["commit"] == b64(a.last_commit)
    b.join(unb64(w["message"]))  # a real Welcome
    await b.ack(g, first["seq"])
    await b.ack_welcomes([inbox["welcomes"][0]["id"]])
    assert (await b.inbox()) == {"messages": [], "welcomes": []}
    view = await b.group(g)
    assert sorted(view["members"]) == sorted([a.device_id, b.device_id])
    assert view["last_seq"] == first["seq"]
    page = await a.messages(g, after=0)
    assert [m["seq"] for m in page["messages"]] == [1, 2]


async def test_registration_needs_admission_and_a_fresh_signed_challenge(
    relay_sqlite: InProcess,
) -> None:
    r = relay_sqlite
    c = r.client()
    with pytest.raises(RelayError) as e:  # no chain: nothing else admits
        await c.register([])
    assert e.value.status == 403 and "certificate chain" in e.value.body["message"]
    with pytest.raises(RelayError) as e:
        await c.register([b"not-a-certificate"])
    assert e.value.status == 403
    chain = [b64(d) for d in c.chain]
    # a signature by another key does not register this one
    body = await c._signed_challenge("register")
    body["signature"] = b64(RelayClient(r.http).key.sign(b"x").signature)
    resp = await r.http.post("/v1/devices", json={**body, "certificate_chain": chain})
    assert resp.status_code == 401 and resp.json()["error"] == "unauthorized"
    # a login challenge cannot be used to register
    body = await c._signed_challenge("login")
    resp = await r.http.post("/v1/devices", json={**body, "certificate_chain": chain})
    assert resp.status_code == 401
    # the enrolment tokens of old are gone: the field is refused, not ignored
    body = await c._signed_challenge("register")
    resp = await r.http.post("/v1/devices", json={**body, "certificate_chain": chain,
                                                  "enrolment_token": "cre_x"})
    assert resp.status_code == 422 and "enrolment_token" in resp.json()["message"]
    body = await c._signed_challenge("register")
    resp = await r.http.post("/v1/devices", json={**body, "certificate_chain": chain})
    assert resp.status_code == 201 and resp.json()["device_id"] == c.device_id
    other = RelayClient(r.http)  # the chain certifies c's key, not this one
    with pytest.raises(RelayError) as e:
        await other.register(c.chain)
    assert e.value.status == 403 and "KeyMismatchError" in e.value.body["message"]
    with pytest.raises(RelayError) as e:  # already registered
        await c.register()
    assert e.value.status == 409
    # a login challenge answer is single-use
    body = await c._signed_challenge("login")
    assert (await r.http.post("/v1/auth/token", json=body)).status_code == 200
    again = await r.http.post("/v1/auth/token", json=body)
    assert again.status_code == 401 and again.json()["message"] == "challenge already used"
    with pytest.raises(RelayError) as e:
        await other.login()
    assert e.value.status == 401


async def test_tokens_are_required_checked_and_expire(relay_sqlite: InProcess) -> None:
    r = relay_sqlite
    a = await r.device()
    for headers in ({}, {"Authorization": "Bearer nope"},
                    {"Authorization": "Bearer cr1." + b64u(os.urandom(56))},
                    {"Authorization": "Basic abc"}):
        resp = await r.http.get("/v1/inbox", headers=headers)
        assert resp.status_code == 401 and resp.json()["error"] == "unauthorized"
    assert (await r.http.get("/v1/inbox", headers=a.headers)).status_code == 200
    tampered = a.token[:-3] + ("AAA" if not a.token.endswith("AAA") else "BBB")
    resp = await r.http.get("/v1/inbox", headers={"Authorization": f"Bearer {tampered}"})
    assert resp.status_code == 401
    r.relay.clock = lambda: time.time() + r.relay.settings.token_ttl + 5
    resp = await r.http.get("/v1/inbox", headers=a.headers)
    assert resp.status_code == 401 and resp.json()["message"] == "token expired"


async def test_revoked_device_is_refused(relay_sqlite: InProcess) -> None:
    r = relay_sqlite
    a = await r.device()
    await r.relay.storage.revoke_device(a.device_id, r.relay.now())
    r.relay._device_ok.clear()
    assert (await r.http.get("/v1/inbox", headers=a.headers)).status_code == 401
    with pytest.raises(RelayError) as e:
        await a.login()
    assert e.value.status == 401


async def test_bad_input_gets_clear_json_4xx(relay_sqlite: InProcess) -> None:
    r = relay_sqlite
    a, _b, g = await pair_in_group(r)
    h = a.headers
    path = f"/v1/groups/{b64u(g)}/messages"
    cases = [
        (await r.http.post(path, content=b"{not json", headers={**h, "Content-Type":
                                                                "application/json"}), 400),
        (await r.http.post(path, json={"message": 5}, headers=h), 422),
        (await r.http.post(path, json={"client_msg_id": "x", "message": "!!!"}, headers=h),
         422),
        (await r.http.post(path, content=b"x", headers={**h, "Content-Type": "text/plain"}),
         415),
        (await r.http.post(path, json=RelayClient.send_body(b"not mls"), headers=h), 400),
        (await r.http.post(path, json=RelayClient.send_body(app_msg(gid())), headers=h), 400),
        (await r.http.post(path, json={**RelayClient.send_body(app_msg(g)),
                                       "add": [a.device_id]}, headers=h), 422),
        (await r.http.post(path, json=RelayClient.send_body(app_msg(g), welcome=b"w",
                                                            welcome_to=[a.device_id]),
                           headers=h), 400),
        (await r.http.post(path, json=RelayClient.send_body(  # an encrypted commit
            private_message(g, 1, COMMIT, b"c")), headers=h), 400),
        (await r.http.post("/v1/groups/%25%25/messages", json=RelayClient.send_body(app_msg(g)),
                           headers=h), 400),
        (await r.http.get(f"/v1/groups/{b64u(g)}/messages?after=-1", headers=h), 400),
        (await r.http.get(f"/v1/groups/{b64u(g)}/messages?limit=99999999999999999999999",
                          headers=h), 400),
        (await r.http.get("/v1/nothing-here"), 404),
        (await r.http.delete("/v1/inbox", headers=h), 405),
        (await r.http.post(path, content=b"x" * (5 * 1024 * 1024),
                           headers={**h, "Content-Type": "application/json"}), 413),
        (await r.http.post("/v1/blobs/" + "A" * 22, headers=h), 405),
    ]
    for resp, status in cases:
        assert resp.status_code == status, (resp.request.url, resp.text)
        body = resp.json()
        assert isinstance(body["error"], str) and isinstance(body["message"], str)
        assert "Traceback" not in resp.text


async def test_one_device_cannot_touch_another_devices_queue_or_blobs(
    relay_sqlite: InProcess,
) -> None:
    r = relay_sqlite
    a, b, g = await pair_in_group(r)
    mallory = await r.device()
    await a.send(g, app_msg(g))
    for call in (mallory.messages(g), mallory.group(g), mallory.ack(g, 1),
                 mallory.send(g, app_msg(g)), mallory.upload_blob(b"x", group_id=g)):
        with pytest.raises(RelayError) as e:
            await call
        assert e.value.status == 404
    assert (await mallory.inbox())["messages"] == []
    private = await a.upload_blob(b"private")
    shared = await a.upload_blob(b"shared", group_id=g)
    assert await a.download_blob(private) == b"private"
    assert await b.download_blob(shared) == b"shared"
    for who, blob in ((b, private), (mallory, private), (mallory, shared)):
        with pytest.raises(RelayError) as e:
            await who.download_blob(blob)
        assert e.value.status == 404
    resp = await r.http.delete(f"/v1/blobs/{private}", headers=mallory.headers)
    assert resp.status_code == 404
    resp = await r.http.delete(f"/v1/blobs/{private}", headers=a.headers)
    assert resp.status_code == 204
    # WebSocket: mallory hears nothing of the group
    async with mallory.websocket() as ws:
        _, backlog = await ws.until("ready")
        assert backlog == []
        await a.send(g, app_msg(g))
        await ws.send({"type": "ping"})
        pong = await ws.recv()
        assert pong == {"type": "pong"}


async def test_key_packages_claimed_once_and_rate_limited(tmp_path: Path) -> None:
    settings = Settings(data_dir=tmp_path, claim_target_per_minute=3)
    async with in_process(settings) as r:
        a, b = await r.device(), await r.device()
        await a.publish_key_packages([b"kp1", b"kp2"], last_resort=b"lr")
        got = [await b.claim_key_package(a.device_id) for _ in range(3)]
        assert got == [(b"kp1", False), (b"kp2", False), (b"lr", True)]
        with pytest.raises(RelayError) as e:
            await b.claim_key_package(a.device_id)
        assert e.value.status == 429 and e.value.body["retry_after"] > 0
        with pytest.raises(RelayError) as e:
            await a.claim_key_package(b.device_id)  # b has none
        assert e.value.status == 404


async def test_per_device_rate_limit(tmp_path: Path) -> None:
    async with in_process(Settings(data_dir=tmp_path, rate_per_second=1, rate_burst=5)) as r:
        a = await r.device()
        codes = [(await r.http.get("/v1/inbox", headers=a.headers)).status_code
                 for _ in range(8)]
        assert codes[:4] == [200] * 4 and codes[-1] == 429


async def test_blob_size_cap_and_quota(tmp_path: Path) -> None:
    async with in_process(Settings(data_dir=tmp_path, max_blob_bytes=1000,
                                   blob_quota_bytes=1500)) as r:
        a = await r.device()
        await a.upload_blob(b"x" * 1000)
        for size, code in ((1001, "too_large"), (600, "quota_exceeded")):
            with pytest.raises(RelayError) as e:
                await a.upload_blob(b"y" * size)
            assert e.value.status == 413 and e.value.body["error"] == code


async def test_websocket_backlog_push_ack_and_welcome(relay_any: InProcess) -> None:
    r = relay_any
    a, b, g = await pair_in_group(r)
    s1 = await a.send(g, app_msg(g, b"one"))
    async with b.websocket() as ws:
        _, backlog = await ws.until("ready")
        assert [f["type"] for f in backlog] == ["message", "welcome"]
        assert backlog[1]["commit"] == b64(a.last_commit)
        assert (backlog[1]["group_id"], backlog[1]["seq"]) == (b64u(g), 1)
        assert backlog[0]["seq"] == s1["seq"]
        s2 = await a.send(g, app_msg(g, b"two"))
        pushed = await ws.recv()
        assert pushed["type"] == "message" and pushed["seq"] == s2["seq"]
        await ws.send({"type": "ack", "group_id": b64u(g), "seq": s2["seq"]})
        acked = await ws.recv()
        assert acked == {"type": "acked", "group_id": b64u(g), "seq": s2["seq"]}
        await ws.send({"type": "ack_welcome", "id": backlog[1]["id"]})
        assert (await ws.recv())["ok"] is True
        # sending over the socket: answered once durable
        await ws.send({"type": "send", "group_id": b64u(g), "client_msg_id": "ws-1",
                       "message": b64(app_msg(g, b"three"))})
        sent = await ws.recv()
        assert sent["type"] == "sent" and sent["seq"] == s2["seq"] + 1
        pushed_to_a = (await a.messages(g, after=s2["seq"]))["messages"]
        assert [m["client_msg_id"] for m in pushed_to_a] == ["ws-1"]
        await ws.send({"type": "bogus"})
        assert (await ws.recv())["error"] == "invalid_frame"
    async with b.websocket() as ws:  # reconnect: only the unacked message comes back
        _, backlog = await ws.until("ready")
        assert [f["seq"] for f in backlog] == [s2["seq"] + 1]


async def test_websocket_refuses_without_valid_token(relay_sqlite: InProcess) -> None:
    c = RelayClient(relay_sqlite.http)
    with pytest.raises((WebSocketUpgradeError, WebSocketDisconnect, httpx.HTTPError)):
        async with c.websocket() as ws:
            await ws.recv(timeout=2)


class ChainStub:
    """Stands in for the X.509 chain check: accepts a magic chain."""

    def __init__(self) -> None:
        self.seen: list[RegistrationRequest] = []

    async def decide(self, request: RegistrationRequest) -> Decision:
        self.seen.append(request)
        if request.certificate_chain == (b"good-leaf", b"good-mission"):
            return Decision.accept("chain ok")
        return Decision.refuse("chain does not verify")


async def test_admission_is_pluggable(tmp_path: Path) -> None:
    stub = ChainStub()
    assert isinstance(stub, Admission)
    async with in_process(Settings(data_dir=tmp_path), admission=lambda _st, _s: stub) as r:
        c = RelayClient(r.http)
        with pytest.raises(RelayError) as e:
            await c.register([b"bad"])
        assert e.value.status == 403 and "chain does not verify" in e.value.body["message"]
        assert await c.register([b"good-leaf", b"good-mission"]) == c.device_id
        assert stub.seen[-1].public_key == c.public_key
        await c.login()
        assert (await r.http.get("/v1/devices/me", headers=c.headers)).json()[
            "device_id"] == c.device_id


async def test_removed_device_gets_the_removing_commit_then_nothing(
    relay_sqlite: InProcess,
) -> None:
    r = relay_sqlite
    a, b, g = await pair_in_group(r)
    async with b.websocket() as ws:
        await ws.until("ready")
        rm = await a.send_commit(g, remove=[b])
        got = await ws.recv()
        assert got["type"] == "message" and got["seq"] == rm["seq"]
        await a.send(g, app_msg(g, b"after", epoch=2))
        await ws.send({"type": "ping"})
        assert (await ws.recv())["type"] == "pong"  # nothing pushed in between
    with pytest.raises(RelayError) as e:
        await b.send(g, app_msg(g, epoch=2))
    assert e.value.status == 404


async def test_secret_group_ids_of_other_devices_are_not_enumerable(
    relay_sqlite: InProcess,
) -> None:
    r = relay_sqlite
    a = await r.device()
    g = gid()
    await a.create_group(g)
    m = await r.device()
    with pytest.raises(RelayError) as e1:
        await m.group(g)
    with pytest.raises(RelayError) as e2:
        await m.group(secrets.token_bytes(16))
    assert e1.value.status == e2.value.status == 404
    assert e1.value.body == e2.value.body


async def test_pipelined_websocket_sends_keep_their_order(relay_sqlite: InProcess) -> None:
    r = relay_sqlite
    a, _b, g = await pair_in_group(r)
    async with a.websocket() as ws:
        await ws.until("ready")
        for i in range(60):
            await ws.send({"type": "send", "group_id": b64u(g), "client_msg_id": f"p{i}",
                           "message": b64(app_msg(g, str(i).encode()))})
        sent = {}
        while len(sent) < 60:
            f = await ws.recv()
            assert f["type"] == "sent", f
            sent[f["client_msg_id"]] = f["seq"]
    assert [sent[f"p{i}"] for i in range(60)] == sorted(sent.values())


async def test_housekeeping_deletes_acked_messages(tmp_path: Path) -> None:
    import asyncio

    async with in_process(Settings(data_dir=tmp_path, gc_interval=0.05)) as r:
        a, b = await r.device(), await r.device()
        g = gid()
        await a.create_group(g)
        await a.send_commit(g, add=[b], welcome=False)
        s = await a.send(g, app_msg(g))
        await a.ack(g, s["seq"])
        await asyncio.sleep(0.2)
        assert [m["seq"] for m in (await b.messages(g))["messages"]] == [s["seq"]]
        await b.ack(g, s["seq"])
        deadline = asyncio.get_running_loop().time() + 60  # the collector's next turns
        while (await b.messages(g))["messages"] and \
                asyncio.get_running_loop().time() < deadline:
            await asyncio.sleep(0.05)
        assert (await b.messages(g))["messages"] == []
        assert (await b.messages(g))["last_seq"] == s["seq"]  # the order itself remains


async def test_websocket_closes_on_oversized_frame_and_on_token_expiry(tmp_path: Path) -> None:
    settings = Settings(data_dir=tmp_path, max_ws_frame_bytes=1000, token_ttl=2)
    async with in_process(settings) as r:
        a = await r.device()
        async with a.websocket() as ws:
            await ws.until("ready")
            await ws.send({"type": "ping", "pad": "x" * 2000})
            with pytest.raises(WebSocketDisconnect) as e:
                await ws.recv()
            assert e.value.code == 1009
        async with a.websocket() as ws:
            await ws.until("ready")
            with pytest.raises(WebSocketDisconnect) as e:
                await ws.recv()  # nothing to receive: the token runs out first
            assert e.value.code == 4401
