# SPDX-License-Identifier: Apache-2.0
"""Backing up a home's history, and restoring it on another (enrolled) device.

A backup holds, for every channel, its history as a signed export
(:mod:`client.history_export`), sealed under a passphrase: a random 32-byte key in the
project's Argon2id key-file format (:func:`crypto.certs.keyfile.seal_key`, label
``corridor-backup``) encrypts the bundle with XChaCha20-Poly1305 (libsodium's
SecretBox construction, through PyNaCl).

What it deliberately leaves out: the device's signing key and every MLS group state.
MLS state belongs to one device: a copy run on a second machine would reuse the same
ratchet secrets and nonces as the original (breaking confidentiality outright), and a
backup of epoch secrets would undo forward secrecy for everything sent since. So a
restored device is a new device: enrol it (its own key and certificate), remove the
lost one (``corridor device remove``), and the mission's devices add it to its channels
as they add any new device; it reads from then on, and the messages from before are in
the restored archive (readable pages, each verified against the venue root on restore).
See docs/backup.md.
"""

from __future__ import annotations

import re
import secrets
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Final

import msgspec
import nacl.exceptions
import nacl.secret

from client.errors import UsageError
from client.history_export import ExportError, VerifiedExport, verify_export
from crypto import certs
from crypto.certs.keyfile import KeyFileError, WrongPassphraseError, open_key, seal_key

if TYPE_CHECKING:
    from client.core import Client

__all__ = ["BACKUP_LABEL", "BackupError", "Restored", "back_up", "open_backup",
           "restore_archive", "restore_into", "seal_backup"]

BACKUP_LABEL: Final = "corridor-backup"
_MAGIC: Final = b"CORRIDOR-BACKUP\x00"


class BackupError(UsageError):
    """Not a backup, a wrong passphrase, or an export inside that does not verify."""


class _Bundle(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    v: int
    device_id: str
    identity: str  # mission/delegate of the backed-up device
    pages: list[str]  # signed channel exports (HTML)


_enc: Final = msgspec.msgpack.Encoder()
_dec: Final = msgspec.msgpack.Decoder(_Bundle)


def seal_backup(pages: Sequence[str], *, device_id: str, identity: str, passphrase: str,
                strength: str | tuple[int, int] = "moderate") -> bytes:
    """The backup file's bytes."""
    if not passphrase:
        raise UsageError("a backup needs a passphrase")
    key = secrets.token_bytes(nacl.secret.SecretBox.KEY_SIZE)
    sealed_key = seal_key(key, passphrase, label=BACKUP_LABEL, strength=strength)
    body = nacl.secret.SecretBox(key).encrypt(_enc.encode(_Bundle(1, device_id, identity,
                                                                  list(pages))))
    return _MAGIC + len(sealed_key).to_bytes(4, "big") + sealed_key + bytes(body)


def open_backup(data: bytes, passphrase: str) -> tuple[str, str, list[str]]:
    """``(device id, mission/delegate, pages)`` of a backup (BackupError if it is not one
    or the passphrase is wrong)."""
    if not data.startswith(_MAGIC) or len(data) < len(_MAGIC) + 4:
        raise BackupError("not a Corridor backup file")
    n = int.from_bytes(data[len(_MAGIC):len(_MAGIC) + 4], "big")
    start = len(_MAGIC) + 4
    try:
        key = open_key(data[start:start + n], passphrase, label=BACKUP_LABEL).secret
        plain = nacl.secret.SecretBox(key).decrypt(data[start + n:])
        bundle = _dec.decode(plain)
    except WrongPassphraseError:
        raise BackupError("wrong passphrase for this backup") from None
    except (KeyFileError, nacl.exceptions.CryptoError, msgspec.MsgspecError,
            ValueError) as exc:
        raise BackupError(f"the backup is damaged: {exc}") from None
    return bundle.device_id, bundle.identity, bundle.pages


@dataclass(frozen=True, slots=True)
class Restored:
    channel_name: str
    messages: int
    file: Path


def _file_name(x: VerifiedExport) -> str:
    safe = re.sub(r"[^A-Za-z0-9._-]+", "-", x.channel_name).strip("-")[:60] or "channel"
    return f"{safe}-{x.channel_id[:12]}.html"


def restore_archive(pages: Sequence[str], root_der: bytes, archive: Path) -> list[Restored]:
    """Verify every page against the venue root, then write them into ``archive``
    (nothing is written when one fails)."""
    checked: list[tuple[VerifiedExport, str]] = []
    for i, page in enumerate(pages):
        try:
            checked.append((verify_export(page, root_der), page))
        except ExportError as exc:
            raise BackupError(f"channel {i + 1} of the backup does not verify: {exc}") \
                from None
    archive.mkdir(parents=True, exist_ok=True, mode=0o700)
    out = []
    for x, page in checked:
        path = archive / _file_name(x)
        path.write_text(page, encoding="utf-8")
        out.append(Restored(x.channel_name, len(x.messages), path))
    return out


def back_up(client: Client, passphrase: str, now_ms: int,
            strength: str | tuple[int, int] = "moderate") -> tuple[bytes, int]:
    """``(backup bytes, channels)``: every channel the device holds (the CLI and the app)."""
    from client.history_export import export_from

    pages = [export_from(client, bytes.fromhex(ch.channel_id), now_ms)[0]
             for ch in client.channels()]
    ident = client.identity()
    return seal_backup(pages, device_id=client.device_id,
                       identity=f"{ident['mission_id']}/{ident['delegate_id']}",
                       passphrase=passphrase, strength=strength), len(pages)


def restore_into(home_root: Path, data: bytes, passphrase: str
                 ) -> tuple[str, str, list[Restored]]:
    """Open ``data`` and restore it into ``home_root``/archive, checked against the home's
    pinned venue root: ``(backed-up device id, mission/delegate, restored channels)``."""
    root_pem = home_root / "root.pem"
    if not root_pem.is_file():
        raise BackupError(f"no enrolled device home at {home_root}: enrol this device first "
                          "(corridor device init, then corridor device import), then "
                          "restore into it")
    device, who, pages = open_backup(data, passphrase)
    root = certs.der_of(root_pem.read_bytes(), "certificate")
    return device, who, restore_archive(pages, root, home_root / "archive")
