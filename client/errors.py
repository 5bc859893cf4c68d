# SPDX-License-Identifier: Apache-2.0
"""Errors raised by Corridor's client core.

One tree, split by whose fault it is, so the UI and the command line can say the
right thing (a hostile peer, a wrong call, a missing keyring, a damaged disk, a bug)::

    ClientError
     ├── PeerError                  a peer or the relay sent something invalid
     │    └── PayloadError          an application payload does not decode or validate
     ├── UsageError                 the caller misused the API
     │    ├── NotFoundError         the named channel, message or item does not exist
     │    └── AlreadyDoneError      it was done already (an acknowledgement): nothing sent
     ├── EnvironmentFault           the machine lacks something Corridor needs
     │    ├── KeyringUnavailableError   no usable OS keyring, or the keyring failed
     │    └── PassphraseRequiredError   the key file needs a passphrase and none is given
     ├── StorageError               local persistent data cannot be read or written
     │    ├── KeystoreError         the device's secrets cannot be unlocked
     │    │    ├── WrongPassphraseError  wrong passphrase, or the key file was altered
     │    │    └── KeyFileCorruptError   the key file is not a Corridor key file
     │    ├── CorruptRecordError    a stored ciphertext fails its tag (names the row)
     │    ├── StoreKeyError         the store key does not open this database
     │    └── SchemaVersionError    the database was written by a newer Corridor
     └── InternalError              an invariant of Corridor's own code broke

Messages never carry secrets, passphrases or message content: at most opaque ids.
"""

from __future__ import annotations

__all__ = [
    "AlreadyDoneError",
    "ClientError",
    "CorruptRecordError",
    "EnvironmentFault",
    "InternalError",
    "KeyFileCorruptError",
    "KeyringUnavailableError",
    "KeystoreError",
    "NotFoundError",
    "PassphraseRequiredError",
    "PayloadError",
    "PeerError",
    "SchemaVersionError",
    "StorageError",
    "StoreKeyError",
    "UsageError",
    "WrongPassphraseError",
]


class ClientError(Exception):
    """Root of every error raised by ``client``."""


class PeerError(ClientError):
    """Input from a peer or the relay is invalid; local state is unchanged."""


class PayloadError(PeerError):
    """An application payload is malformed, oversized or breaks a field constraint."""


class UsageError(ClientError):
    """The caller used the API wrongly (bad argument, wrong state)."""


class NotFoundError(UsageError):
    """The requested record does not exist."""


class AlreadyDoneError(UsageError):
    """Asked for what is already done (acknowledging twice); nothing was sent."""


class EnvironmentFault(ClientError):
    """The environment cannot provide what Corridor needs (keyring, passphrase, disk)."""


class KeyringUnavailableError(EnvironmentFault):
    """No usable OS keyring backend exists, or the backend refused an operation."""


class PassphraseRequiredError(EnvironmentFault):
    """The passphrase-protected key file is in use but no passphrase source was given."""


class StorageError(ClientError):
    """Local persistent data (store or key file) cannot be read or written."""


class KeystoreError(StorageError):
    """The device's secrets cannot be unlocked."""


class WrongPassphraseError(KeystoreError):
    """The key file does not open with this passphrase (or it was altered: same tag failure)."""


class KeyFileCorruptError(KeystoreError):
    """The key file is truncated, of an unknown version or carries out-of-range parameters."""


class CorruptRecordError(StorageError):
    """A stored ciphertext fails authentication: a bit flip, a swap or tampering.

    Attributes:
        table: the table holding the record.
        row: an opaque identifier of the row (hex ids, never content).
    """

    def __init__(self, table: str, row: str) -> None:
        super().__init__(f"stored record {table}/{row} failed authentication (damaged or altered)")
        self.table = table
        self.row = row


class StoreKeyError(StorageError):
    """The store key does not match the database (wrong key or a foreign database)."""


class SchemaVersionError(StorageError):
    """The database schema is newer than this Corridor understands, or is unrecognisable."""


class InternalError(ClientError):
    """An invariant of Corridor's own code broke: please report."""
