# SPDX-License-Identifier: Apache-2.0
"""A large group's Welcome leaves the ratchet tree out and the relay serves it.

The joiner fetches the tree for the Welcome's commit from the relay and checks it
against the tree hash its GroupInfo signs: a relay (here a view of the real one) that
serves another epoch's tree or a tampered one gets nothing joined, with a typed error;
the honest tree then joins. The relay serves a tree only to the Welcome's recipient or
a member routed since.
"""

from __future__ import annotations

import dataclasses

from client.engine.settings import EngineSettings
from client.events import ChannelJoined, ErrorEvent, MessageReceived
from client.transport import HttpTransport, RelayMessage, RelayRefused, RelayWelcome
from crypto import messages as m
from crypto.errors import MissingRatchetTreeError
from crypto.group import Group
from crypto.messages import ExtensionType, MLSMessage
from tests.support.client_venue import Venue

A, B, C = "alderia-ana", "borduria-ana", "carpania-ana"


class TreeView(HttpTransport):
    """Serves ``tree`` instead of the relay's tree while it is set, and keeps the
    Welcomes it delivered unacknowledged so the honest one can be tried afterwards."""

    tree: bytes | None = None
    welcomes_seen: list[RelayWelcome]

    async def inbox(self, *, messages: bool = True,
                    ) -> tuple[list[RelayMessage], list[RelayWelcome]]:
        msgs, welcomes = await super().inbox(messages=messages)
        self.welcomes_seen = welcomes
        return msgs, welcomes

    async def ratchet_tree(self, group_id: bytes, seq: int) -> bytes | None:
        real = await super().ratchet_tree(group_id, seq)
        return real if self.tree is None else self.tree

    async def ack(self, acks: list[tuple[bytes, int]], welcomes: list[int]) -> None:
        await super().ack(acks, [] if self.tree is not None else welcomes)


def _out_of_band(client: object) -> None:
    ctx = client.engine._ctx  # type: ignore[attr-defined]
    ctx.settings = dataclasses.replace(ctx.settings, welcome_tree_max_members=0)


async def test_welcome_without_tree_joins_with_the_relays_tree(venue: Venue) -> None:
    a, b = venue.client(A), venue.client(B)
    assert EngineSettings().welcome_tree_max_members > 0  # small groups keep it in band
    _out_of_band(a)
    await b.sync()
    await a.sync()
    cid = await a.create_channel("multilateral", "wg", ["borduria"])
    gid = bytes.fromhex(cid)
    _m, welcomes = await b.transport.inbox()
    (w,) = welcomes
    assert w.group_id == gid and w.seq > 0
    assert len(w.message) <= 8192  # charter and channel information, no tree
    # the Welcome itself carries no tree: joining from it alone fails, typed
    bundle, _ref, _lr = b.engine._membership.key_packages.bundle_for(
        MLSMessage.from_bytes(w.message).welcome)
    try:
        Group.join(w.message, bundle, credential_validator=b.engine.trust,
                   now=b.engine._ctx.now())
        raise AssertionError("joined without a tree")
    except MissingRatchetTreeError:
        pass
    tree = await b.transport.ratchet_tree(gid, w.seq)
    assert tree is not None and m.decode_ratchet_tree(tree)
    events = await b.sync()
    assert [e.channel_id for e in events if isinstance(e, ChannelJoined)] == [gid]
    g = b.engine._group(gid)
    assert g.epoch_authenticator == a.engine._group(gid).epoch_authenticator
    assert not [e for e in g.welcome_extensions
                if e.extension_type == ExtensionType.ratchet_tree]
    await a.send_text(cid, "hello")
    events = await b.sync()
    assert [e.kind for e in events if isinstance(e, MessageReceived)] == ["text"]


async def test_relay_serves_the_tree_only_to_the_recipient_or_members(venue: Venue) -> None:
    a, b, c = venue.client(A), venue.client(B), venue.client(C)
    _out_of_band(a)
    for x in (c, b, a):
        await x.sync()
    cid = await a.create_channel("multilateral", "wg", ["borduria"])
    gid = bytes.fromhex(cid)
    _m, (w,) = await b.transport.inbox()
    assert await b.transport.ratchet_tree(gid, w.seq) is not None  # the recipient
    assert await a.transport.ratchet_tree(gid, w.seq) is not None  # a member
    assert await c.transport.ratchet_tree(gid, w.seq) is None  # neither: 404
    assert await b.transport.ratchet_tree(gid, w.seq + 50) is None  # no such state
    try:
        await b.transport._blob("GET", f"/v1/groups/{cid}/tree")  # type: ignore[attr-defined]
        raise AssertionError("served without a seq")
    except RelayRefused as exc:
        assert exc.status in (400, 422)


async def test_a_different_or_tampered_tree_fails_the_join(venue: Venue) -> None:
    a, b = venue.client(A), venue.client(B)
    _out_of_band(a)
    bt = TreeView(venue.layout.relay_url, b.engine.me.seed)
    await b.transport.close()
    b.transport = bt
    await b.sync()
    await a.sync()
    # another group's honest tree, then the right tree with one byte of a leaf's
    # encryption key changed
    other = bytes.fromhex(await a.create_channel("multilateral", "other", ["borduria"]))
    events = await b.sync()
    assert [e.channel_id for e in events if isinstance(e, ChannelJoined)] == [other]
    other_tree = a.engine._group(other)._state.tree.encode()
    cid = await a.create_channel("multilateral", "wg", ["borduria"])
    gid = bytes.fromhex(cid)
    real = a.engine._group(gid)._state.tree.encode()
    nodes = list(m.decode_ratchet_tree(real))
    leaf = nodes[0]
    assert isinstance(leaf, m.Node) and leaf.leaf_node is not None
    key = bytearray(leaf.leaf_node.encryption_key)
    key[5] ^= 1
    nodes[0] = dataclasses.replace(leaf, leaf_node=dataclasses.replace(
        leaf.leaf_node, encryption_key=bytes(key)))
    tampered = m.encode_ratchet_tree(nodes)
    assert tampered != real and len(tampered) == len(real)
    for bad in (other_tree, tampered):
        bt.tree = bad
        events = await b.sync()
        refused = [(e.reason, e.detail) for e in events
                   if isinstance(e, ErrorEvent) and e.channel_id is None]
        assert refused == [("invitation refused", "VerificationError")], refused
        assert not [e for e in events if isinstance(e, ChannelJoined)]
        assert gid not in {ch.channel_id for ch in b.store.list_channels()}
    bt.tree = None  # the relay's own tree joins
    events = await b.sync()
    assert [e.channel_id for e in events if isinstance(e, ChannelJoined)] == [gid]
