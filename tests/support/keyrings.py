# SPDX-License-Identifier: Apache-2.0
"""Key storage without the OS: an in-memory keyring, fast KDF limits, and a keystore
file in the old development format (to test the migration). The keystore and PKI CLI
tests share them."""

from __future__ import annotations

import os
import struct
from pathlib import Path

import keyring.errors
import msgspec
import nacl.pwhash
import nacl.secret
from keyring.backend import KeyringBackend

from client import keystore as ks

__all__ = ["FAST", "DictKeyring", "legacy_file"]

#: The weakest Argon2id limits libsodium allows: tests open many keystores.
FAST = ks.KdfLimits(nacl.pwhash.argon2id.OPSLIMIT_MIN, nacl.pwhash.argon2id.MEMLIMIT_MIN)


class DictKeyring(KeyringBackend):
    """A working in-memory keyring."""

    priority = 5  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.items: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.items.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.items[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        if (service, username) not in self.items:
            raise keyring.errors.PasswordDeleteError("missing")
        del self.items[(service, username)]


def legacy_file(path: Path, passphrase: str, items: dict[str, bytes]) -> None:
    """A keystore file as development builds wrote it (CRDKEYS, XChaCha20-Poly1305)."""
    header_fmt = struct.Struct(">7sBIQ16s24s")
    salt, nonce = os.urandom(16), os.urandom(24)
    header = header_fmt.pack(b"CRDKEYS", 1, FAST.opslimit, FAST.memlimit, salt, nonce)
    key = nacl.pwhash.argon2id.kdf(32, passphrase.encode(), salt, opslimit=FAST.opslimit,
                                   memlimit=FAST.memlimit)
    sealed = nacl.secret.Aead(key).encrypt(msgspec.msgpack.encode(items), aad=header,
                                           nonce=nonce)
    path.write_bytes(header + sealed.ciphertext)


