# SPDX-License-Identifier: Apache-2.0
"""Attachments over a real relay: encrypted with a fresh key, checked against the hash
sent inside MLS. A blob swapped in the relay's own database is refused with a clear
error; size caps and the per-device quota give typed errors."""

from __future__ import annotations

import hashlib
import os
import sqlite3
from collections.abc import AsyncIterator
from pathlib import Path

import keyring
import pytest
from keyring.backends import fail

from client import payloads
from client.attachments import (
    AttachmentTampered,
    AttachmentTooLarge,
    QuotaExceeded,
    decrypt_blob,
    encrypt_file,
)
from client.model import AttachmentInfo
from demo.venue import provision
from tests.support.client_venue import Venue
from tests.support.relay_process import RelayProcess, free_port

A, B = "alderia-ana", "borduria-ana"
CAP, QUOTA = 200_000, 300_000


@pytest.fixture
async def small_venue(tmp_path: Path) -> AsyncIterator[Venue]:
    keyring.set_keyring(fail.Keyring())
    port = free_port()
    layout = provision(tmp_path, port, missions=2, delegates=1)
    relay = RelayProcess(layout.relay_dir, port=port, env={
        "CORRIDOR_RELAY_REGISTER_RATE_PER_MINUTE": "6000",
        "CORRIDOR_RELAY_MAX_BLOB_BYTES": str(CAP),
        "CORRIDOR_RELAY_BLOB_QUOTA_BYTES": str(QUOTA)}).start()
    v = Venue(layout, relay)
    try:
        yield v
    finally:
        await v.close()
        relay.stop()


def test_blob_format_and_hash_check() -> None:
    data = os.urandom(1000)
    key, blob = encrypt_file(data)
    assert data not in blob and len(blob) == 1 + len(data) + 16
    ref = payloads.Attachment(message_id=payloads.new_message_id(), sent_at=1, blob_id="x",
                              key=key, sha256=hashlib.sha256(blob).digest(), size=len(data),
                              mime_type="application/octet-stream", file_name="f.bin")
    assert decrypt_blob(ref, blob) == data
    key2, blob2 = encrypt_file(data)
    assert key2 != key and blob2 != blob  # a fresh key every time
    flipped = blob[:-1] + bytes((blob[-1] ^ 1,))
    with pytest.raises(AttachmentTampered, match="hash"):
        decrypt_blob(ref, flipped)


async def test_swapped_blob_is_refused_and_limits_are_clear(small_venue: Venue,
                                                            tmp_path: Path) -> None:
    v = small_venue
    a, b = v.client(A), v.client(B)
    await v.sync_all(1)
    cid = await a.create_channel("bilateral", "files", ["borduria"])
    await v.sync_all(1)
    original = tmp_path / "statement.pdf"
    original.write_bytes(b"%PDF draft statement " + os.urandom(50_000))
    mid = await a.send_attachment(cid, original, caption="draft")
    other = tmp_path / "other.pdf"
    other.write_bytes(b"%PDF something else " + os.urandom(50_000))
    decoy = await a.send_attachment(cid, other)
    await b.sync()
    [view] = [m for m in b.messages(cid) if m.message_id == mid]
    assert view.attachment == AttachmentInfo("statement.pdf", "application/pdf",
                                             original.stat().st_size, "draft")
    # the relay operator swaps the stored bytes (another valid blob of the same group)
    db = v.layout.relay_dir / "relay.sqlite3"
    ref = payloads.decode(b.store.get_message(bytes.fromhex(cid), bytes.fromhex(mid)).body)
    dref = payloads.decode(b.store.get_message(bytes.fromhex(cid), bytes.fromhex(decoy)).body)
    assert isinstance(ref, payloads.Attachment) and isinstance(dref, payloads.Attachment)
    with sqlite3.connect(db) as conn:
        conn.execute("UPDATE blobs SET data = (SELECT data FROM blobs WHERE blob_id = ?) "
                     "WHERE blob_id = ?", (dref.blob_id, ref.blob_id))
    with pytest.raises(AttachmentTampered, match="does not match its hash"):
        await b.fetch_attachment(mid)
    assert not (v.layout.home(B) / "downloads").exists()
    assert not list((v.layout.home(B) / "cache").rglob("*.blob"))
    assert await b.fetch_attachment(decoy) == other.read_bytes()  # the others still work

    big = tmp_path / "big.bin"
    big.write_bytes(os.urandom(CAP + 10))
    with pytest.raises(AttachmentTooLarge):
        await a.send_attachment(cid, big)
    chunk = tmp_path / "chunk.bin"
    chunk.write_bytes(os.urandom(150_000))
    with pytest.raises(QuotaExceeded, match="quota"):
        for _ in range(3):
            await a.send_attachment(cid, chunk)
