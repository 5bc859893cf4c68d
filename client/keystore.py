# SPDX-License-Identifier: Apache-2.0
"""The device's secrets: the OS keyring, or a passphrase-protected file without one.

Secrets (the device's signature private key, the store key, ...) are small named byte
strings. Where an OS keyring exists (macOS Keychain, Windows Credential Locker, Secret
Service / KWallet) they live there. Headless Linux usually has none: ``keyring`` then
picks its ``fail`` or ``null`` backend (priority <= 0), and Corridor keeps the secrets
in one file encrypted under a passphrase instead, and says so (:attr:`Keystore.description`).

The choice is recorded once per home in ``keystore.json`` (no secrets in it): a home
created with a keyring never silently falls back to an empty file later, which would
look like lost keys.

Key file (``secrets.key``): Corridor's one passphrase format, :mod:`crypto.certs.keyfile`
(Argon2id, then a secretbox over header || secret; the header carries the limits, the
salt and the label), with the label ``corridor-keystore`` and as the secret the msgpack
map ``{name: secret}``. The venue root, mission keys and this file are therefore all
opened by the same audited code. Every write re-seals the whole map under a fresh salt
and nonce, so each write costs one Argon2id run; writes are rare (enrolment, and the
first open creating the store and search keys). The passphrase is held in memory
(redacted :class:`~crypto.secret_bytes.Secret`) while the keystore is open.

Argon2id runs with libsodium's *moderate* limits (3 passes, 256 MiB): about 0.4 s on
this project's machines, while every guess by whoever takes the laptop costs 256 MiB
of memory, which is what defeats GPU farms. *Interactive* (64 MiB) is four times
cheaper for that attacker; *sensitive* (1 GiB, seconds) is too heavy for modest
laptops. Tests pass faster limits explicitly (or ``CORRIDOR_INSECURE_FAST_KDF=1``,
:func:`kdf_from_env`). A file keeps its limits when rewritten; limits read back are
bounded so a doctored file cannot demand unbounded memory.

A wrong passphrase and an altered file fail the same tag check, so both raise
:class:`~client.errors.WrongPassphraseError`; the file is never rewritten after a failed
unlock. Files are written atomically with mode 0600 (:func:`client.paths.atomic_write`).

The keystore file of earlier development builds (magic ``CRDKEYS``, XChaCha20-Poly1305)
is refused with :class:`OldKeystoreFormatError`; :func:`migrate_legacy_file` (``corridor
device migrate-keystore``) rewrites it in this format. That read-only converter is the
only code that still understands the old format.
"""

from __future__ import annotations

import base64
import enum
import logging
import os
import re
import secrets
import struct
import unicodedata
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Final, Literal, Protocol

import keyring
import keyring.errors
import msgspec
import nacl.exceptions
import nacl.pwhash
import nacl.secret
from keyring.backend import KeyringBackend
from keyring.backends import fail as keyring_fail
from keyring.backends import null as keyring_null

from client.errors import (
    EnvironmentFault,
    KeyFileCorruptError,
    KeyringUnavailableError,
    PassphraseRequiredError,
    UsageError,
    WrongPassphraseError,
)
from client.paths import Home, atomic_write
from crypto import errors as crypto_errors
from crypto.certs import keyfile
from crypto.secret_bytes import Secret

__all__ = [
    "DEVICE_SIGNATURE_KEY",
    "FAST_KDF_ENV",
    "INTERACTIVE",
    "KEYSTORE_LABEL",
    "LEGACY_DEVICE_LABEL",
    "MINIMUM",
    "MODERATE",
    "PASSPHRASE_ENV",
    "STORE_KEY",
    "FileKeystore",
    "KdfLimits",
    "KeyringKeystore",
    "Keystore",
    "OldKeystoreFormatError",
    "PassphrasePrompt",
    "PassphraseRequest",
    "adopt_legacy_device_key",
    "configured_backend",
    "kdf_from_env",
    "keyring_usable",
    "migrate_legacy_file",
    "open_keystore",
]

log = logging.getLogger("corridor.keystore")

PASSPHRASE_ENV: Final = "CORRIDOR_PASSPHRASE"  # noqa: S105 - a variable name, not a secret
FAST_KDF_ENV: Final = "CORRIDOR_INSECURE_FAST_KDF"
KEYSTORE_LABEL: Final = "corridor-keystore"
LEGACY_DEVICE_LABEL: Final = "corridor-device"
STORE_KEY: Final = "store-key"
DEVICE_SIGNATURE_KEY: Final = "device-signature-key"
KEYRING_SERVICE: Final = "corridor"

_NAME_RE: Final = re.compile(r"^[a-z0-9][a-z0-9._-]{0,63}$")
_MAX_FILE_BYTES: Final = 128 * 1024  # crypto.certs.keyfile: 64 KiB secret + header + tag
_MAX_SECRET_BYTES: Final = 64 * 1024  # one value; the whole file map shares this bound too
# The development-build format (read only by migrate_legacy_file).
_LEGACY_MAGIC: Final = b"CRDKEYS"
_LEGACY_VERSION: Final = 1
_LEGACY_HEADER: Final = struct.Struct(">7sBIQ16s24s")
_CONFIG_VERSION: Final = 1
_OPS_MIN: Final = nacl.pwhash.argon2id.OPSLIMIT_MIN
_OPS_MAX: Final = 4 * nacl.pwhash.argon2id.OPSLIMIT_SENSITIVE
_MEM_MIN: Final = nacl.pwhash.argon2id.MEMLIMIT_MIN
_MEM_MAX: Final = nacl.pwhash.argon2id.MEMLIMIT_SENSITIVE


@dataclass(frozen=True, slots=True)
class KdfLimits:
    """Argon2id cost parameters (libsodium units: passes, bytes of memory)."""

    opslimit: int
    memlimit: int

    def check(self) -> None:
        """Refuse parameters outside libsodium's range (or a doctored file's extremes)."""
        if not (_OPS_MIN <= self.opslimit <= _OPS_MAX and _MEM_MIN <= self.memlimit <= _MEM_MAX):
            raise KeyFileCorruptError("key file KDF parameters are out of range")


MODERATE: Final = KdfLimits(
    nacl.pwhash.argon2id.OPSLIMIT_MODERATE, nacl.pwhash.argon2id.MEMLIMIT_MODERATE
)
INTERACTIVE: Final = KdfLimits(
    nacl.pwhash.argon2id.OPSLIMIT_INTERACTIVE, nacl.pwhash.argon2id.MEMLIMIT_INTERACTIVE
)
#: libsodium's minimum: for tests and the public-passphrase demo only.
MINIMUM: Final = KdfLimits(nacl.pwhash.argon2id.OPSLIMIT_MIN, nacl.pwhash.argon2id.MEMLIMIT_MIN)


def kdf_from_env(default: KdfLimits, env: Mapping[str, str] | None = None) -> KdfLimits:
    """``default``, or :data:`MINIMUM` when ``CORRIDOR_INSECURE_FAST_KDF=1`` (tests only)."""
    environ = os.environ if env is None else env
    return MINIMUM if environ.get(FAST_KDF_ENV) == "1" else default


class OldKeystoreFormatError(KeyFileCorruptError):
    """The key file is in the keystore format of earlier development builds."""


class PassphraseRequest(enum.Enum):
    """Why a passphrase is asked for: a new file (the prompt should confirm it) or unlock."""

    CREATE = "create"
    UNLOCK = "unlock"


PassphrasePrompt = Callable[[PassphraseRequest], str]


class Keystore(Protocol):
    """Named device secrets. Implementations: :class:`KeyringKeystore`, :class:`FileKeystore`."""

    @property
    def backend(self) -> Literal["keyring", "file"]: ...

    @property
    def description(self) -> str:
        """A sentence for the user saying where the secrets are."""
        ...

    def get(self, name: str) -> Secret | None: ...

    def put(self, name: str, value: bytes) -> None: ...

    def delete(self, name: str) -> None: ...

    def get_or_create(self, name: str, length: int = 32) -> Secret:
        """Return the secret ``name``, first generating ``length`` random bytes if absent."""
        ...


def _check_name(name: str) -> None:
    if not _NAME_RE.match(name):
        raise UsageError("secret names are 1-64 chars of a-z, 0-9, '.', '_', '-'")


def _check_value(value: bytes) -> None:
    if not isinstance(value, bytes | bytearray) or not 0 < len(value) <= _MAX_SECRET_BYTES:
        raise UsageError(f"a secret is 1..{_MAX_SECRET_BYTES} bytes")


class _GetOrCreate:
    """Shared ``get_or_create`` on top of ``get``/``put``."""

    def get(self, name: str) -> Secret | None:  # pragma: no cover - overridden
        raise NotImplementedError

    def put(self, name: str, value: bytes) -> None:  # pragma: no cover - overridden
        raise NotImplementedError

    def get_or_create(self, name: str, length: int = 32) -> Secret:
        existing = self.get(name)
        if existing is not None:
            return existing
        value = secrets.token_bytes(length)
        self.put(name, value)
        return Secret(value)


def keyring_usable(backend: KeyringBackend) -> bool:
    """Whether ``backend`` can really keep secrets (not keyring's fail/null stand-ins)."""
    if isinstance(backend, keyring_fail.Keyring | keyring_null.Keyring):
        return False
    try:
        return float(backend.priority) > 0
    except Exception:  # a backend whose viability check itself fails is unusable
        return False


class KeyringKeystore(_GetOrCreate):
    """Secrets in the OS keyring, service ``corridor``, one account per home and name."""

    def __init__(self, backend: KeyringBackend, account: str) -> None:
        self._backend = backend
        self._account = account

    @property
    def backend(self) -> Literal["keyring", "file"]:
        return "keyring"

    @property
    def description(self) -> str:
        return f"Device secrets are kept in the OS keyring ({type(self._backend).__name__})."

    def _user(self, name: str) -> str:
        _check_name(name)
        return f"{self._account}/{name}"

    def get(self, name: str) -> Secret | None:
        user = self._user(name)
        try:
            stored = self._backend.get_password(KEYRING_SERVICE, user)
        except keyring.errors.KeyringError as exc:
            raise KeyringUnavailableError(f"the OS keyring refused: {type(exc).__name__}") from None
        if stored is None:
            return None
        try:
            return Secret(base64.b64decode(stored, validate=True))
        except ValueError:
            raise KeyFileCorruptError(f"keyring entry {name!r} is not Corridor's") from None

    def put(self, name: str, value: bytes) -> None:
        user = self._user(name)
        _check_value(value)
        try:
            self._backend.set_password(KEYRING_SERVICE, user, base64.b64encode(value).decode())
        except keyring.errors.KeyringError as exc:
            raise KeyringUnavailableError(f"the OS keyring refused: {type(exc).__name__}") from None

    def delete(self, name: str) -> None:
        user = self._user(name)
        try:
            self._backend.delete_password(KEYRING_SERVICE, user)
        except keyring.errors.PasswordDeleteError:
            return
        except keyring.errors.KeyringError as exc:
            raise KeyringUnavailableError(f"the OS keyring refused: {type(exc).__name__}") from None


_secrets_decoder: Final = msgspec.msgpack.Decoder(dict[str, bytes])

_OLD_FORMAT_MESSAGE: Final = (
    "old keystore format; re-enrol or run `corridor device migrate-keystore`"
)


def _passphrase_secret(passphrase: str) -> Secret:
    """The passphrase as crypto.certs.keyfile reads a ``str`` (NFC, UTF-8), kept redacted."""
    if not isinstance(passphrase, str) or not passphrase:
        raise UsageError("the passphrase must be a non-empty string")
    return Secret(unicodedata.normalize("NFC", passphrase).encode("utf-8"))


def _read_key_file(path: os.PathLike[str] | str) -> bytes:
    try:
        with open(path, "rb") as fh:
            blob = fh.read(_MAX_FILE_BYTES + 1)
    except OSError as exc:
        raise EnvironmentFault(f"cannot read key file: {exc.strerror}") from None
    if len(blob) > _MAX_FILE_BYTES:
        raise KeyFileCorruptError("key file has an impossible size")
    return blob


class FileKeystore(_GetOrCreate):
    """Secrets in one passphrase-protected file; unlocked once, passphrase held in memory.

    One process per home: the unlocked map is cached and written back whole.
    """

    def __init__(
        self,
        path: os.PathLike[str] | str,
        passphrase: Secret,
        kdf: KdfLimits,
        items: dict[str, bytes],
    ) -> None:
        self._path = Path(path)
        self._passphrase = passphrase
        self._kdf = kdf
        self._items = items

    def __repr__(self) -> str:  # names only, never values or the passphrase
        return f"FileKeystore({str(self._path)!r}, names={sorted(self._items)!r})"

    @property
    def backend(self) -> Literal["keyring", "file"]:
        return "file"

    @property
    def description(self) -> str:
        return (
            "No usable OS keyring was found; device secrets are kept in the "
            f"passphrase-protected file {self._path}."
        )

    @property
    def path(self) -> Path:
        return self._path

    @classmethod
    def create(
        cls, path: os.PathLike[str] | str, passphrase: str, kdf: KdfLimits = MODERATE
    ) -> FileKeystore:
        """Create a new, empty key file (refuses to overwrite an existing one)."""
        if os.path.exists(path):
            raise UsageError("a key file already exists here")
        kdf.check()
        store = cls(path, _passphrase_secret(passphrase), kdf, {})
        store._write()
        return store

    @classmethod
    def unlock(cls, path: os.PathLike[str] | str, passphrase: str) -> FileKeystore:
        """Open an existing key file.

        Raises:
            WrongPassphraseError: wrong passphrase or altered contents.
            OldKeystoreFormatError: the file predates the unified format (migrate it).
            KeyFileCorruptError: not a Corridor keystore file, or unusable parameters.
            EnvironmentFault: the file cannot be read.
        """
        secret = _passphrase_secret(passphrase)
        blob = _read_key_file(path)
        if blob.startswith(_LEGACY_MAGIC):
            raise OldKeystoreFormatError(_OLD_FORMAT_MESSAGE)
        try:
            kdf = KdfLimits(*keyfile.peek_limits(blob))
            kdf.check()
            opened = keyfile.open_key(blob, secret.value, label=KEYSTORE_LABEL)
        except keyfile.WrongPassphraseError:
            raise WrongPassphraseError(
                "the key file does not open with this passphrase (wrong passphrase, "
                "or the file was altered)"
            ) from None
        except keyfile.KeyFileFormatError as exc:
            raise KeyFileCorruptError(f"not a Corridor keystore file: {exc}") from None
        try:
            items = _secrets_decoder.decode(opened.secret)
        except (msgspec.MsgspecError, ValueError):
            raise KeyFileCorruptError("key file contents are malformed") from None
        return cls(path, secret, kdf, items)

    def get(self, name: str) -> Secret | None:
        _check_name(name)
        value = self._items.get(name)
        return None if value is None else Secret(value)

    def put(self, name: str, value: bytes) -> None:
        _check_name(name)
        _check_value(value)
        previous = self._items.get(name)
        self._items[name] = bytes(value)
        try:
            self._write()
        except BaseException:
            self._restore(name, previous)
            raise

    def delete(self, name: str) -> None:
        _check_name(name)
        if name not in self._items:
            return
        previous = self._items.pop(name)
        try:
            self._write()
        except BaseException:
            self._restore(name, previous)
            raise

    def change_passphrase(self, new_passphrase: str, kdf: KdfLimits | None = None) -> None:
        """Re-seal the file under a new passphrase (fresh salt), atomically."""
        kdf = kdf or self._kdf
        kdf.check()
        old = (self._passphrase, self._kdf)
        self._passphrase, self._kdf = _passphrase_secret(new_passphrase), kdf
        try:
            self._write()
        except BaseException:
            self._passphrase, self._kdf = old
            raise

    def _restore(self, name: str, previous: bytes | None) -> None:
        if previous is None:
            self._items.pop(name, None)
        else:
            self._items[name] = previous

    def _write(self) -> None:
        plain = msgspec.msgpack.encode(self._items)
        try:
            blob = keyfile.seal_key(
                plain,
                self._passphrase.value,
                label=KEYSTORE_LABEL,
                strength=(self._kdf.opslimit, self._kdf.memlimit),
            )
        except crypto_errors.UsageError:
            raise UsageError(
                f"the keystore file holds at most {_MAX_SECRET_BYTES} bytes of secrets"
            ) from None
        atomic_write(self._path, blob, mode=0o600)


def _legacy_decrypt(blob: bytes, passphrase: str) -> tuple[KdfLimits, dict[str, bytes]]:
    """Read a development-build keystore file (``CRDKEYS``); never written any more."""
    if len(blob) < _LEGACY_HEADER.size + nacl.secret.Aead.MACBYTES:
        raise KeyFileCorruptError("key file has an impossible size")
    magic, version, ops, mem, salt, nonce = _LEGACY_HEADER.unpack_from(blob)
    if magic != _LEGACY_MAGIC or version != _LEGACY_VERSION:
        raise KeyFileCorruptError("not an old-format Corridor keystore file")
    kdf = KdfLimits(ops, mem)
    kdf.check()
    if not isinstance(passphrase, str) or not passphrase:
        raise UsageError("the passphrase must be a non-empty string")
    key = nacl.pwhash.argon2id.kdf(
        nacl.secret.Aead.KEY_SIZE, passphrase.encode("utf-8"), salt, opslimit=ops, memlimit=mem
    )
    try:
        plain = nacl.secret.Aead(key).decrypt(
            blob[_LEGACY_HEADER.size :], aad=blob[: _LEGACY_HEADER.size], nonce=nonce
        )
    except nacl.exceptions.CryptoError:
        raise WrongPassphraseError(
            "the key file does not open with this passphrase (wrong passphrase, "
            "or the file was altered)"
        ) from None
    try:
        return kdf, _secrets_decoder.decode(plain)
    except (msgspec.MsgspecError, ValueError):
        raise KeyFileCorruptError("key file contents are malformed") from None


def migrate_legacy_file(home: Home, passphrase: str) -> bool:
    """Rewrite ``home``'s old-format key file in the unified format, same passphrase.

    Returns False (and changes nothing) when the file is already in the current format.
    The old file is replaced atomically only after it opened; a wrong passphrase leaves it
    untouched. The Argon2id limits are kept.

    Raises:
        WrongPassphraseError, KeyFileCorruptError, EnvironmentFault: as for unlocking.
    """
    path = home.keyfile_path
    if not path.exists():
        raise KeyFileCorruptError("this home has no key file to migrate")
    blob = _read_key_file(path)
    if not blob.startswith(_LEGACY_MAGIC):
        FileKeystore.unlock(path, passphrase)  # current format: check it opens, then stop
        return False
    kdf, items = _legacy_decrypt(blob, passphrase)
    FileKeystore(path, _passphrase_secret(passphrase), kdf, items)._write()
    return True


def adopt_legacy_device_key(home: Home, store: Keystore, passphrase: str) -> bool:
    """Move a home's old ``device.key`` into ``store``; False if there is none.

    The file is opened (label ``corridor-device``); its key is stored as
    :data:`DEVICE_SIGNATURE_KEY` unless the keystore already holds that very key; the
    file is deleted only once the keystore returns the same key. A keystore holding a
    *different* device key is refused and the file left in place.

    Raises:
        WrongPassphraseError, KeyFileCorruptError: ``device.key`` does not open.
        KeyringUnavailableError, EnvironmentFault: the keystore refused the write.
    """
    path = home.legacy_device_key_path
    if not path.exists():
        return False
    blob = _read_key_file(path)
    try:
        opened = keyfile.open_key(blob, _passphrase_secret(passphrase).value,
                                  label=LEGACY_DEVICE_LABEL)
    except keyfile.WrongPassphraseError:
        raise WrongPassphraseError(
            "device.key does not open with this passphrase (or it was altered)"
        ) from None
    except keyfile.KeyFileFormatError as exc:
        raise KeyFileCorruptError(f"device.key is not a Corridor device key: {exc}") from None
    current = store.get(DEVICE_SIGNATURE_KEY)
    if current is None:
        store.put(DEVICE_SIGNATURE_KEY, opened.secret)
        current = store.get(DEVICE_SIGNATURE_KEY)
    if current is None or current.value != opened.secret:
        raise KeyFileCorruptError(
            "device.key holds another key than this home's keystore; it was left in place"
        )
    try:
        path.unlink()
    except OSError as exc:
        raise EnvironmentFault(f"cannot remove device.key: {exc.strerror}") from None
    log.info("the device key moved from device.key into the keystore")
    return True


def _passphrase(
    request: PassphraseRequest, prompt: PassphrasePrompt | None, env: Mapping[str, str]
) -> str:
    """Env ``CORRIDOR_PASSPHRASE`` first (scripts set it on purpose), then the prompt."""
    from_env = env.get(PASSPHRASE_ENV)
    if from_env:
        return from_env
    if prompt is None:
        raise PassphraseRequiredError(
            "no usable OS keyring: device secrets need a passphrase (set "
            f"{PASSPHRASE_ENV} or run interactively)"
        )
    return prompt(request)


class _Config(msgspec.Struct, frozen=True):
    version: int
    backend: Literal["keyring", "file"]
    account: str


def _read_config(home: Home) -> _Config | None:
    path = home.keystore_config_path
    if not path.exists():
        return None
    try:
        config = msgspec.json.decode(path.read_bytes(), type=_Config)
    except (OSError, msgspec.MsgspecError, ValueError):
        raise KeyFileCorruptError(f"{path.name} is unreadable or malformed") from None
    if config.version != _CONFIG_VERSION or not re.fullmatch(r"[0-9a-f]{32}", config.account):
        raise KeyFileCorruptError(f"{path.name} has an unsupported version")
    return config


def open_keystore(
    home: Home,
    *,
    backend: Literal["auto", "keyring", "file"] = "auto",
    prompt: PassphrasePrompt | None = None,
    env: Mapping[str, str] | None = None,
    keyring_backend: KeyringBackend | None = None,
    kdf: KdfLimits = MODERATE,
) -> Keystore:
    """Open (or set up, on first use) the keystore of ``home``.

    Args:
        home: the device's home.
        backend: ``auto`` uses the OS keyring when a usable one exists, else the file.
            A home keeps the backend it was set up with.
        prompt: asks the user for the key file passphrase (see :class:`PassphraseRequest`).
        env: environment for ``CORRIDOR_PASSPHRASE`` (default ``os.environ``).
        keyring_backend: the keyring to use (default ``keyring.get_keyring()``).
        kdf: Argon2id limits for a new key file (see the module docstring).

    Raises:
        KeyringUnavailableError: the keyring is required (asked for, or the home was set
            up with it) but none is usable.
        PassphraseRequiredError: the file is used and no passphrase source exists.
        WrongPassphraseError, KeyFileCorruptError: the key file does not open.
        UsageError: ``backend`` contradicts the home's recorded backend.
    """
    environ = os.environ if env is None else env
    ring = keyring.get_keyring() if keyring_backend is None else keyring_backend
    config = _read_config(home)
    created = config is None
    if config is None:
        if backend == "auto":
            chosen: Literal["keyring", "file"] = "keyring" if keyring_usable(ring) else "file"
        else:
            chosen = backend
        if chosen == "keyring" and not keyring_usable(ring):
            raise KeyringUnavailableError(
                f"no usable OS keyring ({type(ring).__module__}.{type(ring).__name__})"
            )
        if chosen == "file" and home.keyfile_path.exists():
            raise KeyFileCorruptError("a key file exists without its keystore.json")
        config = _Config(_CONFIG_VERSION, chosen, secrets.token_hex(16))
        if chosen == "file":
            passphrase = _passphrase(PassphraseRequest.CREATE, prompt, environ)
            store: Keystore = FileKeystore.create(home.keyfile_path, passphrase, kdf)
        else:
            store = KeyringKeystore(ring, config.account)
        atomic_write(home.keystore_config_path, msgspec.json.encode(config), mode=0o600)
    else:
        if backend != "auto" and backend != config.backend:
            raise UsageError(f"this home keeps its secrets in the {config.backend} backend")
        if config.backend == "keyring":
            if not keyring_usable(ring):
                raise KeyringUnavailableError(
                    "this home's secrets are in the OS keyring, which is not available now"
                )
            store = KeyringKeystore(ring, config.account)
        else:
            if not home.keyfile_path.exists():
                raise KeyFileCorruptError("the key file of this home is missing")
            passphrase = _passphrase(PassphraseRequest.UNLOCK, prompt, environ)
            store = FileKeystore.unlock(home.keyfile_path, passphrase)
    # Said once, when the home is set up without a keyring; every later open only logs it.
    (log.warning if created and backend == "auto" and store.backend == "file"
     else log.info)("%s", store.description)
    return store


def configured_backend(home: Home) -> str | None:
    """The backend ``home``'s keystore was set up with ("keyring" or "file"), or None.

    The app asks for a passphrase only where the answer is "file".

    Raises:
        KeyFileCorruptError: keystore.json is unreadable.
    """
    config = _read_config(home)
    return config.backend if config is not None else None
