# SPDX-License-Identifier: Apache-2.0
"""At-rest encryption of store rows: XChaCha20-Poly1305 bound to the row's identity.

Each sensitive column value is sealed as::

    version u8 = 1 | nonce[24] | XChaCha20-Poly1305(store key, nonce, plaintext, aad)

with ``aad = "corridor-store/1" | table | len-prefixed row key parts``. Binding the
table and the row's stable identity (for messages: channel id and message id; for group
state: group id and epoch) means a ciphertext copied or swapped into another row fails
its tag, exactly like a flipped bit. The nonce is random; 192 bits make collisions
negligible for any number of rows under one key.
"""

from __future__ import annotations

import struct
from typing import Final

import nacl.bindings
import nacl.exceptions
import nacl.utils

from client.errors import CorruptRecordError, UsageError
from crypto.secret_bytes import Secret

__all__ = ["KEY_SIZE", "SEALED_MIN", "RowCipher"]

KEY_SIZE: Final = nacl.bindings.crypto_aead_xchacha20poly1305_ietf_KEYBYTES
_NONCE: Final = nacl.bindings.crypto_aead_xchacha20poly1305_ietf_NPUBBYTES
_TAG: Final = nacl.bindings.crypto_aead_xchacha20poly1305_ietf_ABYTES
_VERSION: Final = 1
_LABEL: Final = b"corridor-store/1"
#: the shortest sealed value (an empty plaintext)
SEALED_MIN: Final = 1 + _NONCE + _TAG


#: table -> the AAD's fixed start (label, table name): the same for every row
_HEADS: dict[str, bytes] = {}


def _aad(table: str, parts: tuple[bytes, ...]) -> bytes:
    head = _HEADS.get(table)
    if head is None:
        head = _HEADS[table] = _LABEL + struct.pack(">H", len(table)) + table.encode()
    out = [head]
    for part in parts:
        out.append(struct.pack(">I", len(part)))
        out.append(part)
    return b"".join(out)


class RowCipher:
    """Seals and opens column values under the store key."""

    __slots__ = ("_key",)

    def __init__(self, key: Secret) -> None:
        if len(key) != KEY_SIZE:
            raise UsageError(f"the store key must be {KEY_SIZE} bytes")
        self._key = key

    def key_bytes(self) -> bytes:
        """The key itself: only for the child process that seals received message rows
        (:mod:`client.rowjobs`), never for a file or a log."""
        return self._key.value

    def seal(self, plaintext: bytes, table: str, *row: bytes) -> bytes:
        """Encrypt ``plaintext`` for the row identified by ``table`` and ``row``."""
        nonce = nacl.utils.random(_NONCE)
        sealed = nacl.bindings.crypto_aead_xchacha20poly1305_ietf_encrypt(
            plaintext, _aad(table, row), nonce, self._key.value
        )
        return bytes((_VERSION,)) + nonce + sealed

    def open(self, sealed: bytes, table: str, *row: bytes) -> bytes:
        """Decrypt a value sealed for exactly this row.

        Raises:
            CorruptRecordError: wrong version, truncated, or the tag fails (a bit flip,
                a swap between rows, or the wrong key).
        """
        name = "/".join(part.hex() for part in row)
        if len(sealed) < SEALED_MIN or sealed[0] != _VERSION:
            raise CorruptRecordError(table, name)
        try:
            return bytes(
                nacl.bindings.crypto_aead_xchacha20poly1305_ietf_decrypt(
                    sealed[1 + _NONCE :], _aad(table, row), sealed[1 : 1 + _NONCE], self._key.value
                )
            )
        except nacl.exceptions.CryptoError:
            raise CorruptRecordError(table, name) from None
