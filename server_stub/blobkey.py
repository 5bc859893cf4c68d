# SPDX-License-Identifier: Apache-2.0
"""The key of the blob rows' tags, kept outside the relay's database.

A blob row names neither its uploader nor its group, only HMAC tags of them salted by
the blob id (docs/padding.md). Were the HMAC key in the same database, a dump of it
alone would let anyone test every device and group against every row. So the key
lives in a file beside the venue root (``blob.key`` in the relay's data directory,
or the path in ``CORRIDOR_RELAY_BLOB_KEY_FILE``, e.g. a mounted secret), made on the
first start with mode 0600, and the database keeps only a check value (an HMAC of a
constant) so a relay started with another key refuses to run rather than silently
losing every blob. Every relay process on one store must be given the same file.
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path
from typing import Final

__all__ = ["BLOB_KEY", "KEY_BYTES", "BlobKeyError", "load_or_create"]

BLOB_KEY: Final = "blob.key"
KEY_BYTES: Final = 32


class BlobKeyError(ValueError):
    """The blob key file is unreadable, of the wrong size, or readable by others."""


def load_or_create(path: Path) -> bytes:
    """The key in ``path``; a fresh random one written there (0600) if there is none.

    Raises:
        BlobKeyError: the file is not 32 bytes, or group/other may read or write it.
    """
    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return _read(path)
    except OSError as exc:
        raise BlobKeyError(f"cannot create the blob key {path}: {exc.strerror}") from None
    key = secrets.token_bytes(KEY_BYTES)
    with os.fdopen(fd, "wb") as f:
        f.write(key)
        f.flush()
        os.fsync(f.fileno())
    return key


def _read(path: Path) -> bytes:
    try:
        mode = path.stat().st_mode
        data = path.read_bytes()
    except OSError as exc:
        raise BlobKeyError(f"cannot read the blob key {path}: {exc.strerror}") from None
    if mode & 0o077:
        raise BlobKeyError(f"the blob key {path} is open to other users "
                           f"(mode {mode & 0o777:o}): chmod 600 it")
    if len(data) != KEY_BYTES:
        raise BlobKeyError(f"the blob key {path} is not {KEY_BYTES} bytes")
    return data
