# SPDX-License-Identifier: Apache-2.0
"""Redacted and expired messages leave every trace on the device: the store, the
search index (whose terms are keyed hashes, never plaintext), the WAL and the cached
attachment. The scan reads every file of the home for the marker, in plain and as
its index term, after first showing the scan does find the term while it exists."""

from __future__ import annotations

import asyncio
import secrets
from pathlib import Path

import pytest

from client.errors import NotFoundError
from client.events import MessageRedacted, MessagesExpired, TimerChanged
from tests.support.client_venue import Venue

A, B = "alderia-ana", "borduria-ana"


def _home_bytes(home: Path) -> list[tuple[Path, bytes]]:
    return [(p, p.read_bytes()) for p in home.rglob("*") if p.is_file()]


def _found(home: Path, needle: bytes) -> list[Path]:
    return [p for p, data in _home_bytes(home) if needle in data]


async def test_redacted_message_is_gone_from_store_index_and_disk(venue: Venue) -> None:
    v = venue
    a, b = v.client(A), v.client(B)
    await v.sync_all(1)
    cid = await a.create_channel("caucus", "c-" + secrets.token_hex(4), ["borduria"])
    await v.sync_all(1)
    marker = "redactmarker" + secrets.token_hex(6)
    mid = await b.send_text(cid, f"the {marker} position")
    await b.send_text(cid, "another message stays")
    await a.sync()
    assert [h.message.message_id for h in a.search(marker)] == [mid]
    assert [h.message.message_id for h in a.search(marker[:8] + "*")] == [mid]
    index = a.engine.features.index
    assert index is not None
    # the index's leaves keep a term as its suffix after the prefix it shares with the
    # term before it (a few characters among random hashes): scan for the last 9
    term = index.terms(marker).split()[0].encode()[-9:]
    home = v.layout.home(A)
    assert _found(home, term), "the scan must see the hashed term while it exists"
    assert not _found(home, marker.encode())  # never plaintext, even before

    await b.redact(mid)
    events = await a.sync()
    assert [e.message_id.hex() for e in events if isinstance(e, MessageRedacted)] == [mid]
    with pytest.raises(NotFoundError):
        a.store.get_message(bytes.fromhex(cid), bytes.fromhex(mid))
    assert a.search(marker) == []
    assert [m.text for m in a.messages(cid)] == ["another message stays"]
    assert [m.text for m in b.messages(cid)] == ["another message stays"]
    for who in (A, B):
        h = v.layout.home(who)
        assert not _found(h, marker.encode()), who
        idx = v.client(who).engine.features.index
        assert idx is not None
        for t in idx.terms(marker).split():
            assert not _found(h, t.encode()[-9:]), (who, t)


async def test_timer_expires_text_and_attachment_everywhere(venue: Venue, tmp_path: Path) -> None:
    v = venue
    a, b = v.client(A), v.client(B)
    await v.sync_all(1)
    cid = await a.create_channel("bilateral", "short-lived", ["borduria"])
    await v.sync_all(1)
    await b.set_timer(cid, 2)
    events = await a.sync()
    assert [(e.seconds, e.by) for e in events if isinstance(e, TimerChanged)] == [
        (2, "borduria/ana")]
    assert a.timer(cid) == (2, "borduria/ana")
    marker = "expiremarker" + secrets.token_hex(6)
    file = tmp_path / "brief.txt"
    file.write_bytes(f"attachment {marker}".encode())
    text_id = await b.send_text(cid, marker)
    att_id = await b.send_attachment(cid, file, caption="brief")
    await a.sync()
    views = {m.message_id: m for m in a.messages(cid)}
    assert views[text_id].expires_at is not None
    saved = await a.save_attachment(att_id)
    assert saved.read_bytes() == file.read_bytes()
    assert saved.is_relative_to(v.layout.home(A))
    cached = list((v.layout.home(A) / "cache").rglob("*.blob"))
    assert cached
    await asyncio.sleep(2.2)
    gone = a.sweep_expired()
    expired = {m for e in gone if isinstance(e, MessagesExpired) for m in e.message_ids}
    assert {text_id, att_id} <= {m.hex() for m in expired}
    assert a.messages(cid) == []
    assert a.search(marker) == []
    assert not saved.exists() and not any(p.exists() for p in cached)
    home = v.layout.home(A)
    assert not _found(home, marker.encode())
    idx = a.engine.features.index
    assert idx is not None
    for t in idx.terms(marker).split():
        assert not _found(home, t.encode()[-9:]), t
    # the sender's device expires them too, on open
    await v.close(B)
    b = v.client(B)
    assert b.messages(cid) == []
