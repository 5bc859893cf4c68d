# SPDX-License-Identifier: Apache-2.0
"""``GET /v1/groups``: every group routed to the caller, with its last seq and a digest of
its routed devices, so a client compares all its channels with their MLS rosters in
one request (THREATS 22) and asks for a group's full list only when a digest differs."""

from __future__ import annotations

import hashlib

from tests.support.relay_client import b64u, private_message
from tests.support.relay_process import InProcess


def _digest(ids: list[str]) -> str:
    return hashlib.sha256("".join(d + "\n" for d in sorted(ids)).encode()).hexdigest()


async def test_routing_list_matches_each_group_view(relay_sqlite: InProcess) -> None:
    r = relay_sqlite
    a, b, c = await r.device(), await r.device(), await r.device()
    g1, g2, g3 = b"routing-1", b"routing-2", b"routing-3"
    for g in (g1, g2):
        await a.create_group(g)
    await c.create_group(g3)
    await a.send_commit(g1, add=[b])
    await a.send(g1, private_message(g1, 1, 1, b"hello"))
    got = {e["group_id"]: e for e in (await a._json("GET", "/v1/groups"))["groups"]}
    assert set(got) == {b64u(g1), b64u(g2)}  # never a group it is not routed in
    for g in (g1, g2):
        view = await a.group(g)
        e = got[b64u(g)]
        assert (e["last_seq"], e["members"], e["digest"]) == (
            view["last_seq"], len(view["members"]), _digest(view["members"]))
    assert got[b64u(g1)]["digest"] == _digest([a.device_id, b.device_id])
    assert [e["group_id"] for e in (await b._json("GET", "/v1/groups"))["groups"]] == [b64u(g1)]
    # a removed device no longer sees the group listed
    await a.send_commit(g1, remove=[b])
    assert (await b._json("GET", "/v1/groups"))["groups"] == []
