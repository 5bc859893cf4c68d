# SPDX-License-Identifier: Apache-2.0
"""THREATS 18, "no key is used twice", asserted directly.

Bea's ``corridor`` process is SIGKILLed at every send and commit crash point
(``CORRIDOR_CRASH_AT``): an application message sealed but its state not saved, saved
but not posted, posted but not marked sent; a self-update commit built but not saved,
saved but not posted, posted, merged. Her self-updates are made due every ~2 s so the
commit points are reached. After each kill she restarts and flushes. Then a third member
that stayed silent (its group state from when it joined) reads every ciphertext the
relay holds for the channel: no (epoch, content type, sender leaf, generation) appears
twice, none is refused as a replay, and every message is shown exactly once on both
sides.
"""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
import time
from pathlib import Path

from client.engine.context import load_group
from client.events import ErrorEvent
from crypto import framing
from crypto.errors import ReplayError
from crypto.group import ApplicationMessage, StagedCommit
from crypto.messages import ContentType, MLSMessage
from tests.support.client_venue import Venue

A, B, OBSERVER = "alderia-ana", "borduria-ana", "alderia-ben"
ROOT = Path(__file__).resolve().parents[2]
APP_POINTS = ("send-sealed", "send-encrypted", "send-posted")
COMMIT_POINTS = ("commit-built", "commit-saved", "send-posted", "commit-merged")
UPDATE_DAYS = "0.00002"  # ~1.7 s: a self-update is due at most syncs


def corridor(v: Venue, *args: str, crash: str | None = None, updates: bool = False) -> int:
    """Run Bea's ``corridor``; with ``updates`` her self-updates are due every ~2 s,
    without them off (so a crash point on the send path is a message's, not a commit's)."""
    env = {**os.environ, "PYTHONPATH": str(ROOT), "CORRIDOR_PASSPHRASE": v.layout.passphrase,
           "CORRIDOR_INSECURE_FAST_KDF": "1",
           "CORRIDOR_SELF_UPDATE_DAYS": UPDATE_DAYS if updates else "0"}
    env.pop("CORRIDOR_CRASH_AT", None)
    if crash:
        env["CORRIDOR_CRASH_AT"] = crash
    r = subprocess.run([sys.executable, "-m", "ui.cli", *args, "--home",
                        str(v.layout.home(B)), "--json"], env=env, capture_output=True,
                       timeout=120)
    if r.returncode not in (0, -9):
        print(r.stderr.decode()[-2000:])
    return r.returncode


async def test_no_key_is_used_twice_across_sigkills(venue: Venue) -> None:
    v = venue
    a, obs = v.client(A), v.client(OBSERVER)
    await a.sync()
    await v.client(B).sync()
    await obs.sync()
    cid = await a.create_channel("bilateral", "keys", ["borduria"])
    gid = bytes.fromhex(cid)
    await v.client(B).sync()
    await obs.sync()
    # the observer stays silent from here: its state is at the epoch it joined in
    st = obs.store.get_group_state(gid)
    assert st is not None
    observer = load_group(st, obs.engine.trust)
    after = obs.store.get_channel(gid).cursor
    await v.close(OBSERVER)
    await v.close(B)

    a_events: list[ErrorEvent] = []
    a.subscribe(lambda e: a_events.append(e) if isinstance(e, ErrorEvent) else None)
    sent_by_b: list[str] = []
    crashed = 0
    for i, point in enumerate(APP_POINTS):
        text = f"bea {i} ({point})"
        sent_by_b.append(text)
        crashed += corridor(v, "send", cid, text, crash=point) == -9
        assert corridor(v, "sync") == 0
        await a.send_text(cid, f"ana {i}")
        await a.sync()
    for point in COMMIT_POINTS:
        await asyncio.sleep(1.8)  # a self-update is due: the sync builds a commit
        crashed += corridor(v, "sync", crash=point, updates=True) == -9
        assert corridor(v, "sync") == 0
        await a.sync()
    assert crashed == len(APP_POINTS) + len(COMMIT_POINTS)
    assert corridor(v, "sync") == 0
    await a.sync()

    # every ciphertext the relay holds for the channel, read by the silent member
    msgs = []
    while True:
        page, last = await a.transport.messages(gid, after, 1000)
        msgs += page
        if not page or page[-1].seq >= last:
            break
        after = page[-1].seq
    sender_data_secrets = {observer.epoch: observer._state.secrets.sender_data_secret}
    used: dict[tuple[int, int, int, int], int] = {}
    replays = []
    commits = 0
    for m in msgs:
        parsed = MLSMessage.from_bytes(m.message)
        pm = parsed.private_message
        if pm is None:  # a commit travels in the clear: it spends no ratchet key
            pub = parsed.public_message
            assert pub is not None and pub.content.content_type == ContentType.commit
            assert pub.content.epoch == observer.epoch, f"seq {m.seq}: a commit out of turn"
            res = observer.process(m.message, now=int(time.time()))
            assert isinstance(res, StagedCommit)
            observer.merge_staged_commit(res)
            sender_data_secrets[observer.epoch] = observer._state.secrets.sender_data_secret
            commits += 1
            continue
        secret = sender_data_secrets.get(pm.epoch)
        assert secret is not None, f"seq {m.seq}: epoch {pm.epoch} never reached"
        sd = framing.decrypt_sender_data(observer._state.suite, pm, secret)
        key = (pm.epoch, int(pm.content_type), sd.leaf_index, sd.generation)
        assert key not in used, f"seq {m.seq} reuses the key of seq {used[key]}: {key}"
        used[key] = m.seq
        if pm.epoch != observer.epoch:
            continue  # an own message a commit overtook (re-sent at the new epoch)
        try:
            res = observer.process(m.message, now=int(time.time()))
        except ReplayError as exc:
            replays.append((m.seq, exc))
            continue
        if isinstance(res, StagedCommit):
            observer.merge_staged_commit(res)
            sender_data_secrets[observer.epoch] = observer._state.secrets.sender_data_secret
            commits += 1
        else:
            assert isinstance(res, ApplicationMessage)
    assert not replays
    assert commits >= len(COMMIT_POINTS)  # the crashed self-updates all went through
    assert sum(1 for k in used if k[1] == int(ContentType.application)) >= 6
    assert not [e for e in a_events if e.detail == "ReplayError"], a_events

    # every message shown exactly once, on both sides
    b = v.client(B)
    await b.sync()
    await a.sync()
    expected = sorted(sent_by_b + [f"ana {i}" for i in range(len(APP_POINTS))])
    assert sorted(m.text for m in a.messages(cid, limit=100)) == expected
    assert sorted(m.text for m in b.messages(cid, limit=100)) == expected
