# SPDX-License-Identifier: Apache-2.0
"""Packed message rows (client.store.rowpack): smaller sealed rows, rows written before
packing still open, and nothing about packing weakens what sealing guarantees."""

from __future__ import annotations

import secrets
from pathlib import Path

import msgspec
import pytest

from client import payloads
from client.store import SqliteStore, rowpack
from client.store.base import ChannelKind
from crypto.secret_bytes import Secret

CID = b"c" * 16


def _store(tmp_path: Path) -> SqliteStore:
    store = SqliteStore.open(tmp_path / "s.sqlite3", Secret(secrets.token_bytes(32)))
    store.create_channel(channel_id=CID, group_id=CID, kind=ChannelKind.CAUCUS, name="x",
                         created_at=1)
    return store


def test_pack_round_trips_and_shrinks_a_payload() -> None:
    mid = payloads.new_message_id()
    p = payloads.Text(message_id=mid, sent_at=payloads.now_ms(),
                      body="The delegation will table the amendment after the coffee break.")
    plain = msgspec.msgpack.encode([b"alderia/ana", payloads.encode(p)])
    packed = rowpack.pack(plain, mid)
    assert packed[0] == rowpack.PACKED and len(packed) < len(plain) - 40
    assert rowpack.unpack(packed, mid) == plain
    # incompressible rows stay as they are (their first byte is msgpack's, not PACKED)
    noise = msgspec.msgpack.encode([b"x", secrets.token_bytes(200)])
    assert rowpack.pack(noise, mid) == noise and rowpack.unpack(noise, mid) == noise
    # the row's id is part of the dictionary: another id inflates to other bytes or fails
    try:
        elsewhere: bytes | None = rowpack.unpack(packed, payloads.new_message_id())
    except ValueError:
        elsewhere = None
    assert elsewhere != plain
    for bad in (packed[:-3], packed + b"\x00", bytes((rowpack.PACKED,)) + b"\xff" * 9):
        with pytest.raises(ValueError):
            rowpack.unpack(bad, mid)


def test_rows_sealed_before_packing_still_open(tmp_path: Path) -> None:
    store = _store(tmp_path)
    old = payloads.Text(message_id=payloads.new_message_id(), sent_at=5, body="from before")
    new = payloads.Text(message_id=payloads.new_message_id(), sent_at=6, body="after " * 20)
    # a row as schema 7 wrote it before packing: the msgpack array itself, sealed
    plain = msgspec.msgpack.encode([b"alderia/ana", payloads.encode(old)])
    store._conn.execute(
        "INSERT INTO messages (chan, message_id, seq, sent_at, received_at, sealed) "
        "SELECT number, ?, 1, 5, 5, ? FROM channels WHERE channel_id = ?",
        (old.message_id, store._cipher.seal(plain, "messages", CID, old.message_id), CID))
    store.insert_message(CID, new.message_id, sender=b"alderia/ana", body=payloads.encode(new),
                         sent_at=6, received_at=6, seq=2)
    got = {m.message_id: m for m in store.list_messages(CID)}
    assert payloads.decode(got[old.message_id].body) == old
    assert payloads.decode(got[new.message_id].body) == new
    assert not any(m.damaged for m in got.values())
    sealed = store._conn.execute("SELECT sealed FROM messages WHERE message_id = ?",
                                 (new.message_id,)).fetchone()[0]
    opened = store._cipher.open(sealed, "messages", CID, new.message_id)
    assert opened[0] == rowpack.PACKED  # the new row is packed, and it is smaller
    assert len(sealed) < len(msgspec.msgpack.encode([b"alderia/ana", payloads.encode(new)]))
    # an edit re-packs; the text reads back
    store.update_message(CID, old.message_id, body=payloads.encode(
        msgspec.structs.replace(old, body="edited " * 10)))
    assert payloads.decode(store.get_message(CID, old.message_id).body).body == "edited " * 10  # type: ignore[union-attr]
    store.close()


def test_a_packed_row_moved_to_another_row_is_refused(tmp_path: Path) -> None:
    """Packing sits inside the seal: a row copied over another still fails its tag."""
    store = _store(tmp_path)
    ids = []
    for i in range(2):
        p = payloads.Text(message_id=payloads.new_message_id(), sent_at=i, body=f"text {i} " * 9)
        store.insert_message(CID, p.message_id, sender=b"a/b", body=payloads.encode(p),
                             sent_at=i, received_at=i, seq=i + 1)
        ids.append(p.message_id)
    store._conn.execute(
        "UPDATE messages SET sealed = (SELECT sealed FROM messages WHERE message_id = ?) "
        "WHERE message_id = ?", (ids[0], ids[1]))
    rows = {m.message_id: m for m in store.list_messages(CID)}
    assert rows[ids[1]].damaged and not rows[ids[0]].damaged
    store.close()
