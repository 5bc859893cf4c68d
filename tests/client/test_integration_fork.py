# SPDX-License-Identifier: Apache-2.0
"""A forking relay is detected; a device's home holds no plaintext after a conversation.

The fork: a view of the real relay (a proxy at the transport boundary, the attacker)
shows one member a different, validly signed commit for the epoch than the one the
relay accepted and everyone else processed.
"""

from __future__ import annotations

import secrets

from client.engine.envelope import envelope
from client.events import ForkDetected
from client.transport import HttpTransport, RelayMessage
from tests.support.client_venue import Venue

A, B = "alderia-ana", "borduria-ana"


class ForkingView(HttpTransport):
    """Replaces the commit at ``seq`` of ``group_id`` with ``other`` (the attacker)."""

    group_id = b""
    seq = -1
    other = b""

    async def messages(self, group_id: bytes, after: int,
                       limit: int = 1000) -> tuple[list[RelayMessage], int]:
        msgs, last = await super().messages(group_id, after, limit)
        return [RelayMessage(m.group_id, m.seq, m.sender, m.client_msg_id, self.other)
                if m.group_id == self.group_id and m.seq == self.seq else m
                for m in msgs], last


async def test_forked_relay_is_detected(venue: Venue) -> None:
    v = venue
    a, b = v.client(A), v.client(B)
    bt = ForkingView(v.layout.relay_url, b.engine.me.seed)
    await b.transport.close()
    b.transport = bt
    await a.sync()
    await b.sync()
    cid = await a.create_channel("multilateral", "wg", ["borduria"])
    await b.sync()
    gid = bytes.fromhex(cid)
    # The attacker's branch: another valid commit by A for the current epoch.
    g = a.engine._group(gid)
    forged = g.commit(authenticated_data=envelope(g, b"\x90"),
                      handshake_encrypted=False).message
    a.engine._groups.pop(gid)  # A forgets it (state on disk never had it)
    await a.change_roster(cid, name="wg renamed")
    await a.sync()
    last = a.store.get_channel(gid).cursor
    bt.group_id, bt.seq, bt.other = gid, last, forged
    await b.sync()  # B merges the forged commit: the two halves now differ
    assert b.engine._group(gid).epoch == a.engine._group(gid).epoch
    assert b.engine._group(gid).epoch_authenticator != a.engine._group(gid).epoch_authenticator
    await a.send_text(cid, "from branch one")
    events = await b.sync()
    forks = [e for e in events if isinstance(e, ForkDetected)]
    assert forks and forks[0].channel_id == gid
    assert "from branch one" not in [m.text for m in b.messages(cid)]
    assert next(c.forked for c in b.channels() if c.channel_id == cid)


async def test_home_holds_no_plaintext(venue: Venue) -> None:
    v = venue
    a, b = v.client(A), v.client(B)
    await a.sync()
    await b.sync()
    name = "channel-" + secrets.token_hex(6)
    markers = ["marker-" + secrets.token_hex(8) for _ in range(5)]
    cid = await a.create_channel("caucus", name, ["borduria"])
    await b.sync()
    for i, m in enumerate(markers):
        await (a if i % 2 else b).send_text(cid, m)
    await a.sync()
    await b.sync()
    assert sorted(m.text for m in a.messages(cid)) == sorted(markers)
    assert sorted(m.text for m in b.messages(cid)) == sorted(markers)
    await v.close()
    for who in (A, B):
        for path in v.layout.home(who).rglob("*"):
            if path.is_file():
                data = path.read_bytes()
                for needle in [name, *markers]:
                    assert needle.encode() not in data, (path, needle)
                    assert needle.encode("utf-16-le") not in data, (path, needle)
