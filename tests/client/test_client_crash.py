# SPDX-License-Identifier: Apache-2.0
"""SIGKILL the client (the ``corridor`` command line) while it receives, merges a commit
and sends; after a restart it decrypts everything, loses nothing from its outbox and
shows nothing twice. The kill comes from the engine's ``CORRIDOR_CRASH_AT`` test hook.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.support.client_venue import Venue

A, B = "alderia-ana", "borduria-ana"
ROOT = Path(__file__).resolve().parents[2]


def corridor(v: Venue, home: str, *args: str, crash: str | None = None) -> int:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "CORRIDOR_PASSPHRASE": v.layout.passphrase,
           "CORRIDOR_INSECURE_FAST_KDF": "1"}
    if crash:
        env["CORRIDOR_CRASH_AT"] = crash
    else:
        env.pop("CORRIDOR_CRASH_AT", None)
    r = subprocess.run([sys.executable, "-m", "ui.cli", *args, "--home",
                        str(v.layout.home(home)), "--json"], env=env, capture_output=True,
                       timeout=120)
    if r.returncode not in (0, -9):
        print(r.stderr.decode()[-2000:])
    return r.returncode


async def test_crashes_lose_nothing_and_show_nothing_twice(venue: Venue) -> None:
    v = venue
    a = v.client(A)
    await a.sync()
    await v.client(B).sync()
    cid = await a.create_channel("bilateral", "pair", ["borduria"])
    await v.client(B).sync()
    await v.close(B)

    # receiving: killed in the middle of a batch
    sent = [f"batch {i}" for i in range(12)]
    for t in sent:
        await a.send_text(cid, t)
    assert corridor(v, B, "sync", crash="receive-mid") == -9
    b = v.client(B)
    await b.sync()
    assert sorted(m.text for m in b.messages(cid, limit=100)) == sorted(sent)
    await v.close(B)

    # merging a commit: killed after the merge, before the transaction commits
    from demo.venue import add_device

    extra = v.client(add_device(v.layout, "alderia", "ben"))
    await extra.sync()
    await a.sync()  # commit adding the new alderia device
    assert corridor(v, B, "sync", crash="commit-merged") == -9
    b = v.client(B)
    await b.sync()
    gid = bytes.fromhex(cid)
    assert b.engine._group(gid).epoch == a.engine._group(gid).epoch
    await a.send_text(cid, "after the commit")
    await b.sync()
    assert [m.text for m in b.messages(cid, limit=100)].count("after the commit") == 1
    await v.close(B)

    # sending: killed after encrypting, and after the relay accepted
    for point, text in (("send-encrypted", "sent before crash 1"),
                        ("send-posted", "sent before crash 2")):
        assert corridor(v, B, "send", cid, text, crash=point) == -9
        assert corridor(v, B, "sync") == 0
        b = v.client(B)
        assert not b.store.list_outbox()
        await v.close(B)
        await a.sync()
        assert [m.text for m in a.messages(cid, limit=100)].count(text) == 1, point
    b = v.client(B)
    await b.sync()
    texts = [m.text for m in b.messages(cid, limit=100)]
    assert len(texts) == len(set(texts))
