# SPDX-License-Identifier: Apache-2.0
"""Open the relay's storage by URL: the one module that knows both backends.

Kept apart from :mod:`.base` so the interface never imports its implementations (which
import it). PostgreSQL is imported only when asked for: its driver is an optional
install (``corridor[postgres]``) that an SQLite relay does without.
"""

from __future__ import annotations

from .base import Storage
from .sqlite import SQLiteStorage

__all__ = ["open_storage"]


def open_storage(url: str, *, batch_max: int = 512, blob_key: bytes | None = None) -> Storage:
    """Pick the implementation by URL scheme: ``sqlite:///path`` or ``postgresql://``.
    ``blob_key``: the key of the blob rows' tags (server_stub.blobkey), kept apart from
    the database; None gives a key for this process only."""
    if url.startswith("sqlite:///"):
        return SQLiteStorage(url, batch_max=batch_max, blob_key=blob_key)
    if url.startswith(("postgresql://", "postgres://")):
        from .postgres import PostgresStorage

        return PostgresStorage(url, batch_max=batch_max, blob_key=blob_key)
    raise ValueError("database URL must start with sqlite:/// or postgresql://")
