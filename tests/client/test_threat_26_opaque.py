# SPDX-License-Identifier: Apache-2.0
"""THREATS 26 over a real relay process: after a session with commits, texts, hotline
calls, acknowledgements, read receipts and reactions, nothing the relay stored tells
their kinds apart beyond what routing needs (the MLS header: which messages are
commits), and every application message's size is a bucket.

The scan reads every row of every table of the relay's SQLite database."""

from __future__ import annotations

import re
import sqlite3
from collections import defaultdict

from client.msgids import MIN_BUCKET
from crypto.messages import ContentType, MLSMessage
from tests.support.client_venue import Venue

A, B = "alderia-ana", "borduria-ana"
OPAQUE = re.compile(r"^[A-Za-z0-9_-]{22}$")


def _kind(raw: bytes) -> str:
    msg = MLSMessage.from_bytes(raw)
    if msg.public_message is not None:
        return "commit" if msg.public_message.content.content_type == ContentType.commit \
            else "proposal"
    assert msg.private_message is not None
    ct = msg.private_message.content_type
    return {ContentType.application: "application", ContentType.commit: "commit"}.get(
        ct, "proposal")


async def test_relay_database_does_not_tell_kinds_apart(venue: Venue) -> None:
    v = venue
    a, b = v.client(A), v.client(B)
    await v.sync_all(1)
    cid = await a.create_channel("multilateral", "hotline", ["borduria"])
    await v.sync_all()
    sent: dict[str, str] = {}  # message id -> what it is
    sent[await a.send_text(cid, "Can we talk before the plenary?")] = "text"
    sent[await a.send_text(cid, "Incident at the border: call back", requires_ack=True)] = \
        "hotline"
    await b.sync()
    hot = next(m for m in b.messages(cid) if m.requires_ack)
    sent[await b.ack(hot.message_id)] = "ack"
    receipt = await b.mark_read(cid)
    assert receipt is not None
    sent[receipt] = "receipt"
    sent[await b.react(hot.message_id, "+1")] = "reaction"
    sent[await b.send_text(cid, "x" * 1500)] = "long text"
    await a.change_roster(cid, name="hotline-2")  # a commit in the middle
    await v.sync_all()
    assert len(b.messages(cid)) == 3

    await v.close()
    db = sqlite3.connect(v.layout.relay_dir / "relay.sqlite3")
    rows = db.execute("SELECT client_msg_id, payload, sender FROM messages").fetchall()
    kinds = defaultdict(list)
    for cmid, payload, _sender in rows:
        # ids: all of one shape, random, none repeated, no prefix, no message id in them
        assert OPAQUE.match(cmid), cmid
        assert not any(mid in cmid for mid in sent)
        kinds[_kind(bytes(payload))].append(len(payload))
    assert len({r[0] for r in rows}) == len(rows)
    assert len(kinds["application"]) >= len(sent)
    assert kinds["commit"], "the session had commits"
    # sizes: every application message is a power of two of at least MIN_BUCKET, and
    # the text, the hotline call, the ack, the receipt and the reaction share one size
    sizes = kinds["application"]
    assert all(s >= MIN_BUCKET and s & (s - 1) == 0 for s in sizes), sizes
    assert sorted(set(sizes)) == [512, 2048], sizes
    assert sizes.count(2048) == 1  # the long text only
    # nothing else the relay keeps names a kind, or the channel: no column of any table
    # holds the words the clients know them by
    for (table,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'"):
        for row in db.execute(f'SELECT * FROM "{table}"'):
            for value in row:
                raw = value if isinstance(value, bytes) else str(value).encode()
                for word in (b"hotline", b"receipt", b"requires_ack", b"reaction"):
                    assert word not in raw, (table, word)
