# SPDX-License-Identifier: Apache-2.0
"""Received message rows made ready for the store on the second core.

A catch-up stores thousands of rows; after the signature checks (already on the
second core, :mod:`client.engine.sigchecks`) the largest cost left on the receiving
thread was sealing each row (DEFLATE, XChaCha20-Poly1305). It needs no group state,
so the receiver hands it to the checking child with the next chunk of signatures,
goes on decrypting, and inserts the prepared rows, in order, before the slice's
transaction commits (:meth:`client.store.base.MessageStore.insert_prepared_messages`).

Such a row is not indexed for search yet: it is stored marked
:data:`~client.store.base.PENDING_TERMS` and indexed after the catch-up, from its
stored body (:meth:`client.store.base.SearchStore.index_pending`; a search indexes
what is pending first). Hashing the terms and writing them to the index were a sixth
of a catch-up's time (session 9, docs/benchmarks.md), spent before anything showed.

What crosses to the child, and why that is acceptable (docs/threats.md, 20): the
store key, once per store (:class:`KeySets`), and each row's sender and body, which
the child already saw as signed content. The child is this process's own, started
from the same interpreter, reached only by two anonymous pipes; it writes no file,
opens no socket, keeps at most :data:`MAX_KEY_SETS` keys (the oldest forgotten first,
and each store's when it closes) and cannot dump core. Whoever can read its memory
can read its parent's, where the same key is. It never holds the search key.

This module is the work itself and its wire form, used by both sides; it does no I/O.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final

import msgspec

from client.errors import ClientError
from client.store.sealing import KEY_SIZE, RowCipher
from client.store.sqlite_rows import seal_message_row
from crypto.secret_bytes import Secret

__all__ = ["MAX_KEY_SETS", "KeySets", "Preparer", "RowJob", "decode_answer", "encode_answer",
           "encode_job", "encode_keys"]

#: key sets the child keeps (a process may hold several stores: tests, several venues)
MAX_KEY_SETS: Final = 16


class RowJob(msgspec.Struct, array_like=True, frozen=True):
    """One received row: what its seal binds and holds."""

    channel_id: bytes
    message_id: bytes
    sender: bytes
    body: bytes


class _Job(msgspec.Struct, array_like=True, frozen=True):
    key_set: int
    rows: list[RowJob]


class _Keys(msgspec.Struct, array_like=True, frozen=True):
    key_set: int
    store_key: bytes


_job_decoder: Final = msgspec.msgpack.Decoder(_Job)
_keys_decoder: Final = msgspec.msgpack.Decoder(_Keys)
_answer_decoder: Final = msgspec.msgpack.Decoder(list[bytes])
_encode: Final = msgspec.msgpack.encode


class Preparer:
    """Seals rows under one store's key."""

    __slots__ = ("_cipher",)

    def __init__(self, store_key: bytes) -> None:
        self._cipher = RowCipher(Secret(store_key))

    def prepare(self, rows: Sequence[RowJob]) -> list[bytes]:
        """Each row's sealed column, as
        :meth:`~client.store.sqlite_rows.SqliteMessages.insert_message` would seal it."""
        cipher = self._cipher
        return [seal_message_row(cipher, r.channel_id, r.message_id, r.sender, r.body)
                for r in rows]


class KeySets:
    """The child's preparers by key number, at most :data:`MAX_KEY_SETS`."""

    def __init__(self) -> None:
        self._sets: dict[int, Preparer] = {}

    def add(self, data: bytes) -> None:
        """Keep the key set ``data`` (:func:`encode_keys`) encodes; malformed: ignored
        (its jobs are then answered empty and the parent does them itself)."""
        try:
            keys = _keys_decoder.decode(data)
            preparer = Preparer(keys.store_key)
        except (msgspec.MsgspecError, ValueError, ClientError):
            return
        self._sets.pop(keys.key_set, None)
        self._sets[keys.key_set] = preparer
        while len(self._sets) > MAX_KEY_SETS:
            del self._sets[next(iter(self._sets))]

    def forget(self, key_set: int) -> None:
        self._sets.pop(key_set, None)

    def run(self, data: bytes) -> bytes:
        """The answer to a job (:func:`encode_job`): its prepared rows, or empty bytes
        when it cannot be done here (unknown key set, malformed job)."""
        try:
            job = _job_decoder.decode(data)
            preparer = self._sets.get(job.key_set)
            if preparer is None:
                return b""
            return encode_answer(preparer.prepare(job.rows))
        except (msgspec.MsgspecError, ValueError, ClientError):
            return b""


def encode_keys(key_set: int, store_key: bytes) -> bytes:
    if len(store_key) != KEY_SIZE:
        raise ValueError("not a store key")
    return _encode(_Keys(key_set, store_key))


def encode_job(key_set: int, rows: list[RowJob]) -> bytes:
    return _encode(_Job(key_set, rows))


def encode_answer(rows: Sequence[bytes]) -> bytes:
    return _encode(rows)


def decode_answer(data: bytes, count: int) -> list[bytes] | None:
    """The sealed columns of an answer, or None when it is empty or not ``count`` of
    them (the parent then seals the rows itself)."""
    if not data:
        return None
    try:
        rows = _answer_decoder.decode(data)
    except msgspec.MsgspecError:
        return None
    return rows if len(rows) == count else None
