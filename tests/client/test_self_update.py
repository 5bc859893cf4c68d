# SPDX-License-Identifier: Apache-2.0
"""Post-compromise security: a device refreshes its leaf key with an empty commit (an
update path) after M messages sent or N seconds since its last commit, through the
outbox like any commit. A copy of its group state from before (a stolen laptop image)
that follows every ciphertext the relay holds cannot read what is sent after that
commit; without the self-update (another member's update only) it still could.
"""

from __future__ import annotations

import asyncio
import time

from client import payloads
from client.core import Client
from client.engine.context import load_group
from client.engine.envelope import open_envelope
from crypto.errors import CryptoError
from crypto.group import ApplicationMessage, Group, StagedCommit
from tests.support.client_venue import Venue

A, B = "alderia-ana", "borduria-ana"


async def _follow(thief: Group, reader: Client, gid: bytes, after: int) -> tuple[list[str], int]:
    """Feed ``thief`` every relay message of ``gid`` after ``after``; the texts it reads
    and the last seq."""
    msgs, _last = await reader.transport.messages(gid, after, 1000)
    texts = []
    for m in msgs:
        try:
            res = thief.process(m.message, now=int(time.time()))
        except CryptoError:
            continue
        if isinstance(res, StagedCommit):
            thief.merge_staged_commit(res)
        elif isinstance(res, ApplicationMessage):
            env = open_envelope(res.authenticated_data)
            assert env is not None
            p = payloads.decode_application(res.data, env.inner)
            texts.append(str(getattr(p, "body", "")))
    return texts, max([m.seq for m in msgs], default=after)


async def test_a_self_update_locks_out_a_stolen_copy_of_the_old_state(venue: Venue) -> None:
    v = venue
    a, b = v.client(A), v.client(B)
    await a.sync()
    await b.sync()
    cid = await a.create_channel("bilateral", "pcs", ["borduria"])
    await b.sync()
    gid = bytes.fromhex(cid)
    b.engine.self_update_messages = 2

    # the laptop image is taken now
    stolen = b.store.get_group_state(gid)
    assert stolen is not None
    thief = load_group(stolen, b.engine.trust)
    seen = b.store.get_channel(gid).cursor

    # control: Ana refreshes her own leaf; the stolen copy follows and still reads
    a.engine.enqueue_self_update(gid)
    await a.sync()
    await a.send_text(cid, "before 1")
    await b.sync()
    texts, seen = await _follow(thief, a, gid, seen)
    assert texts == ["before 1"]
    epoch = b.engine._group(gid).epoch

    # Bea sends M = 2 messages: her next flush queues a self-update
    await b.send_text(cid, "bea 1")
    await b.send_text(cid, "bea 2")
    await b.sync()
    assert b.engine._group(gid).epoch == epoch + 1
    assert b.engine.message_meta(gid).sent == 0
    assert not b.store.list_outbox()
    await a.sync()
    assert a.engine._group(gid).epoch == epoch + 1  # Ana merged it (policy allows it)
    await a.send_text(cid, "after 1")
    await b.sync()
    assert [m.text for m in b.messages(cid, limit=100)].count("after 1") == 1
    texts, seen = await _follow(thief, a, gid, seen)
    assert texts == ["bea 1", "bea 2"]  # sent before the update: readable
    assert thief.epoch == epoch  # stuck before Bea's update commit

    # ... and after N seconds without a commit of hers
    b.engine.self_update_messages = 0
    b.engine.self_update_seconds = 1
    await asyncio.sleep(1.1)
    await b.sync()
    assert b.engine._group(gid).epoch == epoch + 2
    # no further timed updates of Bea's: on a slow machine the next steps can take > 1 s
    b.engine.self_update_seconds = 0
    await a.sync()
    await a.send_text(cid, "after 2")
    await b.sync()
    texts, _seen = await _follow(thief, a, gid, seen)
    assert texts == []
    assert [m.text for m in b.messages(cid, limit=100)] == [
        "before 1", "bea 1", "bea 2", "after 1", "after 2"]
    # Ana (defaults: 7 days, 1000 messages) made no self-update of her own meanwhile
    await a.sync()
    assert a.engine._group(gid).epoch == epoch + 2
