# SPDX-License-Identifier: Apache-2.0
"""The client's local store: encrypted SQLite for devices, in-memory for tests.

Use :func:`open_store` to open a device's store with the store key from its keystore;
the engine programs against :class:`Store`.
"""

from __future__ import annotations

from client.errors import StoreKeyError
from client.keystore import STORE_KEY, Keystore
from client.paths import Home
from client.store.base import Channel, ChannelKind, GroupState, Message, OutboxItem, Store
from client.store.memory import MemoryStore
from client.store.schema import LATEST as SCHEMA_VERSION
from client.store.sealing import KEY_SIZE
from client.store.sqlite import SqliteStore

__all__ = [
    "SCHEMA_VERSION",
    "Channel",
    "ChannelKind",
    "GroupState",
    "MemoryStore",
    "Message",
    "OutboxItem",
    "SqliteStore",
    "Store",
    "open_store",
]


def open_store(home: Home, keystore: Keystore) -> SqliteStore:
    """Open the device's store, creating the store key on first use.

    An existing database whose key is missing from the keystore is refused rather than
    given a fresh key (which would make it unreadable and look like data loss).

    Raises:
        StoreKeyError: the key is missing or does not open the database.
        SchemaVersionError, StorageError: see :meth:`SqliteStore.open`.
    """
    key = keystore.get(STORE_KEY)
    if key is None:
        if home.db_path.exists() and home.db_path.stat().st_size > 0:
            raise StoreKeyError("the store key is missing from this device's keystore")
        key = keystore.get_or_create(STORE_KEY, KEY_SIZE)
    return SqliteStore.open(home.db_path, key)
