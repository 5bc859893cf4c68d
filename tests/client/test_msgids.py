# SPDX-License-Identifier: Apache-2.0
"""Opaque client message ids and size buckets (client.msgids), without a relay."""

from __future__ import annotations

import re

import pytest

from client.msgids import APP, COMMIT, MIN_BUCKET, SendIds, SendRef, bucket, padding_for
from client.store.memory import MemoryStore

ID = re.compile(r"^[A-Za-z0-9_-]{22}$")


def test_ids_are_random_stable_per_send_and_resolve_only_on_this_device() -> None:
    store = MemoryStore()
    ids = SendIds(store)
    a = ids.id_for(APP, b"chan", b"m" * 16, 0)
    assert ID.match(a)
    assert ids.id_for(APP, b"chan", b"m" * 16, 0) == a  # a resend after a crash
    b = ids.id_for(APP, b"chan", b"m" * 16, 1)  # the re-send at a later epoch
    c = ids.id_for(COMMIT, b"chan", b"i" * 16)
    assert len({a, b, c}) == 3 and all(ID.match(x) for x in (b, c))
    assert ids.lookup(a) == SendRef(APP, b"m" * 16, 0)
    assert ids.lookup(b) == SendRef(APP, b"m" * 16, 1)
    assert ids.lookup(c) == SendRef(COMMIT, b"i" * 16, 0)
    # another device's ids, and garbage, mean nothing here
    other = SendIds(MemoryStore()).id_for(APP, b"chan", b"m" * 16, 0)
    assert other != a and ids.lookup(other) is None
    for junk in ("", "x", "m.zz.0", "c.", "a" * 22, "!" * 22, "m.00.x"):
        assert ids.lookup(junk) is None
    # ids of earlier builds still resolve (messages in flight across an upgrade)
    assert ids.lookup("m.0a0b.3") == SendRef(APP, b"\x0a\x0b", 3)
    assert ids.lookup("c.0c") == SendRef(COMMIT, b"\x0c", 0)
    ids.forget(b"chan", a)
    assert ids.lookup(a) is None
    assert ids.id_for(APP, b"chan", b"m" * 16, 0) != a  # forgotten: a new send, a new id


def test_buckets_are_powers_of_two_from_the_minimum() -> None:
    assert bucket(1) == MIN_BUCKET == 512
    assert bucket(512) == 512 and bucket(513) == 1024 and bucket(5000) == 8192
    assert bucket(2**20) == 2**20 and bucket(2**20 + 1) == 2**20 + 1


@pytest.mark.parametrize("base", [100, 300, 511, 512, 1000, 16_000, 16_380, 70_000])
def test_padding_reaches_the_bucket_even_across_a_length_prefix(base: int) -> None:
    def size_with(p: int) -> int:  # a 1-, 2- or 4-byte length prefix, as MLS varints
        n = base + p
        return n + (1 if n < 64 else 2 if n < 16_384 else 4)

    p = padding_for(size_with)
    assert p >= 0 and size_with(p) == bucket(size_with(p)) >= size_with(0)
    assert size_with(p) < 2 * max(MIN_BUCKET, size_with(0)) * 2
