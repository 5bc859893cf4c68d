# SPDX-License-Identifier: Apache-2.0
"""Passphrase-protected private keys: Corridor's own small file format, bytes in/out.

Where no OS keyring holds a key (the venue root on the secretariat's machine, a mission
key on an admin's laptop, a device on headless Linux), the key is sealed under a
passphrase. Argon2id (libsodium ``crypto_pwhash``) stretches the passphrase; the
XSalsa20-Poly1305 secretbox seals the key. All numbers are big-endian::

    offset size
    0      8    magic  b"CORRKEY\\x00"
    8      1    format version (1)
    9      1    KDF id (1 = Argon2id v1.3)
    10     4    Argon2id opslimit
    14     4    Argon2id memlimit in bytes
    18     16   salt
    34     24   secretbox nonce
    58     1    label length L (1..64), then L ASCII bytes (what the key is for)
    59+L   ...  secretbox(header || secret)

The plaintext repeats the whole header, so a changed label, limit or version is caught
by the tag check (secretbox has no associated data). A wrong passphrase and a damaged
file look the same to the tag; both raise :class:`WrongPassphraseError`. Limits are
bounded on read so a hostile file cannot make us allocate gigabytes. A secret is 1 byte
to 64 KiB: one key, or a small encoded map of them (the client's keystore file).

The file I/O (permissions, atomic writes) lives in the command-line modules.
"""

from __future__ import annotations

import secrets
import struct
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass

import nacl.exceptions
import nacl.pwhash
import nacl.secret

from crypto.errors import CryptoError, DecodeError, UsageError

__all__ = [
    "STRENGTHS",
    "KeyFileError",
    "KeyFileFormatError",
    "OpenedKey",
    "WrongPassphraseError",
    "open_key",
    "peek_label",
    "peek_limits",
    "seal_key",
]

MAGIC = b"CORRKEY\x00"
VERSION = 1
KDF_ARGON2ID = 1
_FIXED = struct.Struct(">8sBBII16s24sB")
_SALT = nacl.pwhash.argon2id.SALTBYTES
_NONCE = nacl.secret.SecretBox.NONCE_SIZE

# name -> (opslimit, memlimit); "moderate" (~0.4 s, 256 MiB) is the default.
STRENGTHS: dict[str, tuple[int, int]] = {
    "interactive": (nacl.pwhash.argon2id.OPSLIMIT_INTERACTIVE,
                    nacl.pwhash.argon2id.MEMLIMIT_INTERACTIVE),
    "moderate": (nacl.pwhash.argon2id.OPSLIMIT_MODERATE, nacl.pwhash.argon2id.MEMLIMIT_MODERATE),
    "sensitive": (nacl.pwhash.argon2id.OPSLIMIT_SENSITIVE,
                  nacl.pwhash.argon2id.MEMLIMIT_SENSITIVE),
}
_MAX_OPS = 16
_MAX_MEM = nacl.pwhash.argon2id.MEMLIMIT_SENSITIVE  # 1 GiB
_MIN_OPS = nacl.pwhash.argon2id.OPSLIMIT_MIN
_MIN_MEM = nacl.pwhash.argon2id.MEMLIMIT_MIN
_MAX_SECRET = 64 * 1024


class KeyFileError(CryptoError):
    """A key file could not be opened."""


class KeyFileFormatError(KeyFileError, DecodeError):
    """The bytes are not a Corridor key file this version understands."""


class WrongPassphraseError(KeyFileError):
    """The passphrase does not open the file (or the file was altered)."""


@dataclass(frozen=True, slots=True)
class OpenedKey:
    """A decrypted key and the label it was sealed with."""

    label: str
    secret: bytes

    def __repr__(self) -> str:  # never print the secret
        return f"OpenedKey(label={self.label!r}, secret=<{len(self.secret)} bytes>)"


def _passphrase_bytes(passphrase: str | bytes) -> bytes:
    if isinstance(passphrase, str):
        passphrase = unicodedata.normalize("NFC", passphrase).encode("utf-8")
    if not passphrase:
        raise UsageError("empty passphrase")
    return passphrase


def _check_label(label: str) -> bytes:
    raw = label.encode("ascii", "strict") if label.isascii() else b""
    if not 1 <= len(raw) <= 64 or not raw.isascii() or not label.isprintable():
        raise UsageError("key label must be 1..64 printable ASCII characters")
    return raw


def _derive(passphrase: bytes, salt: bytes, ops: int, mem: int) -> bytes:
    return nacl.pwhash.argon2id.kdf(
        nacl.secret.SecretBox.KEY_SIZE, passphrase, salt, opslimit=ops, memlimit=mem
    )


def seal_key(
    secret: bytes,
    passphrase: str | bytes,
    *,
    label: str,
    strength: str | tuple[int, int] = "moderate",
    rng: Callable[[int], bytes] = secrets.token_bytes,
) -> bytes:
    """Seal ``secret`` under ``passphrase``; returns the whole file's bytes.

    ``strength`` is a name from :data:`STRENGTHS` or explicit Argon2id
    ``(opslimit, memlimit)`` within the bounds accepted on read.
    """
    if not 1 <= len(secret) <= _MAX_SECRET:
        raise UsageError(f"secret must be 1..{_MAX_SECRET} bytes")
    if isinstance(strength, tuple):
        ops, mem = strength
        if not (_MIN_OPS <= ops <= _MAX_OPS and _MIN_MEM <= mem <= _MAX_MEM):
            raise UsageError("key derivation limits out of range")
    elif strength in STRENGTHS:
        ops, mem = STRENGTHS[strength]
    else:
        raise UsageError(f"unknown strength (choose from {', '.join(STRENGTHS)})")
    raw_label = _check_label(label)
    salt, nonce = rng(_SALT), rng(_NONCE)
    header = _FIXED.pack(MAGIC, VERSION, KDF_ARGON2ID, ops, mem, salt, nonce, len(raw_label))
    header += raw_label
    key = _derive(_passphrase_bytes(passphrase), salt, ops, mem)
    box = nacl.secret.SecretBox(key)
    return header + box.encrypt(header + secret, nonce).ciphertext


def _parse_header(blob: bytes) -> tuple[bytes, str, int, int, bytes, bytes, bytes]:
    """(header, label, ops, mem, salt, nonce, ciphertext) or KeyFileFormatError."""
    if len(blob) < _FIXED.size:
        raise KeyFileFormatError("key file is truncated")
    magic, version, kdf, ops, mem, salt, nonce, llen = _FIXED.unpack_from(blob)
    if magic != MAGIC:
        raise KeyFileFormatError("not a Corridor key file")
    if version != VERSION:
        raise KeyFileFormatError(f"unsupported key file version {version}")
    if kdf != KDF_ARGON2ID:
        raise KeyFileFormatError(f"unsupported key derivation {kdf}")
    if not (_MIN_OPS <= ops <= _MAX_OPS and _MIN_MEM <= mem <= _MAX_MEM):
        raise KeyFileFormatError("key derivation limits out of range")
    end = _FIXED.size + llen
    if not 1 <= llen <= 64 or len(blob) < end:
        raise KeyFileFormatError("bad label")
    raw_label = blob[_FIXED.size : end]
    if not raw_label.isascii():
        raise KeyFileFormatError("bad label")
    label = raw_label.decode("ascii")
    ciphertext = blob[end:]
    if not nacl.secret.SecretBox.MACBYTES < len(ciphertext) <= (
        nacl.secret.SecretBox.MACBYTES + end + _MAX_SECRET
    ):
        raise KeyFileFormatError("key file has a bad length")
    return blob[:end], label, ops, mem, salt, nonce, ciphertext


def peek_label(blob: bytes) -> str:
    """The label of a key file, without the passphrase (not authenticated until opened)."""
    return _parse_header(blob)[1]


def peek_limits(blob: bytes) -> tuple[int, int]:
    """The Argon2id ``(opslimit, memlimit)`` of a key file (authenticated once opened)."""
    _header, _label, ops, mem, _salt, _nonce, _ct = _parse_header(blob)
    return ops, mem


def open_key(blob: bytes, passphrase: str | bytes, *, label: str | None = None) -> OpenedKey:
    """Open a key file. ``label``, when given, must match the sealed label."""
    header, got_label, ops, mem, salt, nonce, ciphertext = _parse_header(blob)
    if label is not None and got_label != label:
        raise KeyFileFormatError(f"this is a {got_label!r} key, not a {label!r} key")
    key = _derive(_passphrase_bytes(passphrase), salt, ops, mem)
    try:
        plain = nacl.secret.SecretBox(key).decrypt(ciphertext, nonce)
    except nacl.exceptions.CryptoError:
        raise WrongPassphraseError("wrong passphrase (or the key file was altered)") from None
    if plain[: len(header)] != header or len(plain) == len(header):
        raise WrongPassphraseError("wrong passphrase (or the key file was altered)")
    return OpenedKey(got_label, plain[len(header) :])
