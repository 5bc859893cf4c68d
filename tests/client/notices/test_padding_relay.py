# SPDX-License-Identifier: Apache-2.0
"""What the relay stores, measured in its own database: 1,000 mixed application messages
(texts of every length, replies, edits, redactions, reactions with short and long emoji,
read receipts of 1 to 40 ids, acknowledgements, timer changes, agenda notices, activity
notices, each with a classification marking) are all PrivateMessages of a padding bucket
size; and attachment blobs are blob bucket sizes, never the file's size plus 17."""

from __future__ import annotations

import contextlib
import random
import sqlite3
from collections import Counter
from pathlib import Path

import pytest

from client import payloads
from client.attachments import MIN_BLOB_BUCKET, blob_bucket
from client.errors import AlreadyDoneError
from client.msgids import MIN_BUCKET
from tests.support.client_venue import Venue

A, B = "alderia-ana", "borduria-ana"
EMOJI = ["👍", "🙂", "✅", "👨‍👩‍👧‍👦", "🏳️‍🌈", "🇦🇹", "x" * 32]
MARKS = ["", "UNCLASSIFIED", "RESTRICTED", "RESTRICTED//BILATERAL ONLY"]
WIRE_PRIVATE = 2


def _stored(db: Path, seen: dict[tuple[bytes, int], int]) -> list[tuple[int, int]]:
    """Add the size of every stored PrivateMessage to ``seen`` (by group and seq: the
    relay drops a message once every device has it, so the test reads it before each
    sync); returns (stored size, data length) of every blob."""
    with sqlite3.connect(db) as conn:
        rows = conn.execute("SELECT group_id, seq, payload FROM messages").fetchall()
        blobs = conn.execute("SELECT size, length(data) FROM blobs").fetchall()
    # MLSMessage: version (2 bytes) then wire_format (2 bytes; 2 is PrivateMessage)
    for gid, seq, p in rows:
        if int.from_bytes(bytes(p)[2:4], "big") == WIRE_PRIVATE:
            seen[(bytes(gid), int(seq))] = len(p)
    return [(int(s), int(n)) for s, n in blobs]


@pytest.mark.slow
@pytest.mark.timeout(900)
async def test_thousand_mixed_messages_only_show_buckets(venue: Venue, tmp_path: Path) -> None:
    rng = random.Random(23)
    v = venue
    for n in (A, B):
        await v.client(n).sync()
    a, b = v.client(A), v.client(B)
    cid = await a.create_channel("bilateral", "pair", ["borduria"])
    notices = await a.create_channel("notice", "notices", ["borduria"])
    await v.sync_all()
    known: dict[str, list[str]] = {A: [], B: []}
    db = v.layout.relay_dir / "relay.sqlite3"
    seen: dict[tuple[bytes, int], int] = {}
    kinds: Counter[str] = Counter()
    while sum(kinds.values()) < 1000:
        if sum(kinds.values()) % 25 == 0:
            _stored(db, seen)
            await v.sync_all(1)
            for n in (A, B):
                known[n] = [m.message_id for m in v.client(n).messages(cid, limit=200)
                            if m.kind in ("text", "reply")]
        roll = rng.random()
        mark = rng.choice(MARKS)
        name = A if rng.random() < 0.5 else B
        who = v.client(name)
        sent = known[name]
        if roll < 0.35 or len(sent) < 5:
            text = "".join(rng.choice("abcdefghij klmnop") for _ in range(
                rng.choice([1, 5, 20, 60, 150, 300, 700, 1500])))
            sent.append(await who.send_text(cid, text or "x", marking=mark,
                                            requires_ack=rng.random() < 0.2))
            kinds["text"] += 1
        elif roll < 0.42:
            sent.append(await who.send_text(cid, "re", reply_to=rng.choice(sent),
                                             marking=mark))
            kinds["reply"] += 1
        elif roll < 0.52:
            await who.react(rng.choice(sent), rng.choice(EMOJI))
            kinds["reaction"] += 1
        elif roll < 0.62:
            await who.mark_read(cid, rng.sample(sent, min(len(sent), rng.randint(1, 40))))
            kinds["receipt"] += 1
        elif roll < 0.70:
            with contextlib.suppress(AlreadyDoneError):
                await who.ack(rng.choice(sent))
                kinds["ack"] += 1
        elif roll < 0.74:
            own = [m.message_id for m in a.messages(cid, limit=50)
                   if m.own and m.kind == "text"]
            if own:
                await a.redact(own[-1])
                kinds["redact"] += 1
                for ids in known.values():
                    if own[-1] in ids:
                        ids.remove(own[-1])
        elif roll < 0.78:
            own = [m.message_id for m in a.messages(cid, limit=50)
                   if m.own and m.kind == "text"]
            if own:
                await a.edit(own[-1], "edited " * rng.randint(1, 20))
                kinds["edit"] += 1
        elif roll < 0.81:
            await who.set_timer(cid, rng.choice([None, 60, 3600, 86400 * 30]))
            kinds["timer"] += 1
        elif roll < 0.90:
            await a.post_agenda(notices, "Agenda " + "x" * rng.randint(1, 100),
                                "item\n" * rng.randint(0, 40))
            kinds["agenda"] += 1
        else:
            act = payloads.Activity(message_id=payloads.new_message_id(),
                                    sent_at=payloads.now_ms(), marking=mark,
                                    title="Exercise " + "y" * rng.randint(1, 120),
                                    body="units " * rng.randint(0, 60),
                                    starts_at=payloads.now_ms())
            await who.send_payload(cid, act)
            kinds["activity"] += 1
    for i, size in enumerate((10, 3000, 5000, 39_000, 40_000, 100_000)):
        f = tmp_path / f"f{i}.bin"
        f.write_bytes(rng.randbytes(size))
        await a.send_attachment(cid, f, marking=rng.choice(MARKS))
    blobs = _stored(db, seen)
    await v.sync_all()
    assert len(kinds) == 10, kinds
    assert len(seen) >= 1000 + 6
    sizes = Counter(seen.values())
    buckets = {MIN_BUCKET << k for k in range(12)}
    assert set(sizes) <= buckets, sorted(sizes)
    assert len(sizes) <= 4, sizes  # 512 .. 4096 for these lengths
    # every short kind shares the smallest bucket: no kind, marking or count shows
    assert sizes[MIN_BUCKET] > 600, sizes
    blob_sizes = sorted(n for _s, n in blobs)
    assert blob_sizes == sorted(blob_bucket(n + 17) for n in (10, 3000, 5000, 39_000,
                                                               40_000, 100_000))
    assert blob_sizes[:3] == [MIN_BLOB_BUCKET, MIN_BLOB_BUCKET, blob_bucket(5017)]
    assert blob_sizes[3] == blob_sizes[4]  # 39,000 and 40,000 bytes look alike
    # and everything still reads on the other side
    assert any(m.marking == "RESTRICTED//BILATERAL ONLY" for m in b.messages(cid, limit=500))
    last = [m for m in b.messages(cid, limit=20) if m.attachment is not None][-1]
    assert len(await b.fetch_attachment(last.message_id)) == 100_000
