"""The device's secrets: the OS keyring, or a passphrase-protected file without one.

Secrets (the device's signature private key, the store key, ...) are small named byte
strings. Where an OS keyring exists (macOS Keychain, Windows Credential Locker, Secret
Service / KWallet) they live there. Headless Linux usually has none: ``keyring`` then
picks its ``fail`` or ``null`` backend (priority <= 0), and Corridor keeps the secrets
in one file encrypted under a passphrase instead, and says so (:attr:`Keystore.description`).

The choice is recorded once per home in ``keystore.json`` (no secrets in it): a home
created with a keyring never silently falls back to an empty file later, which would
look like lost keys.

Key file (all integers big-endian)::

    magic "CRDKEYS" | version u8 = 1 | opslimit u32 | memlimit u64 | salt[16] |
    nonce[24] | XChaCha20-Poly1305(key = Argon2id(passphrase, salt), aad = all of the above,
                                   plaintext = msgpack {name: secret})

Argon2id runs with libsodium's *moderate* limits (3 passes, 256 MiB): about 0.4 s on
this project's machines, paid once per unlock, while every guess by whoever takes the
laptop costs 256 MiB of memory, which is what defeats GPU farms. *Interactive* (64 MiB)
is four times cheaper for that attacker; *sensitive* (1 GiB, seconds) is too heavy for
modest laptops. Tests pass faster limits explicitly. The header is authenticated as
AAD (the reason for the AEAD over a plain SecretBox), and KDF parameters read back are
bounded so a doctored file cannot demand unbounded memory.

A wrong passphrase and an altered file fail the same tag check, so both raise
:class:`~client.errors.WrongPassphraseError`; the file is never rewritten after a failed
unlock. Files are written atomically with mode 0600 (:func:`client.paths.atomic_write`).
"""

from __future__ import annotations

import base64
import enum
import logging
import os
import re
import secrets
import struct
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
import nacl.utils
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
from crypto.secret_bytes import Secret

__all__ = [
    "DEVICE_SIGNATURE_KEY",
    "INTERACTIVE",
    "MODERATE",
    "PASSPHRASE_ENV",
    "STORE_KEY",
    "FileKeystore",
    "KdfLimits",
    "KeyringKeystore",
    "Keystore",
    "PassphrasePrompt",
    "PassphraseRequest",
    "keyring_usable",
    "open_keystore",
]

log = logging.getLogger("corridor.keystore")

PASSPHRASE_ENV: Final = "CORRIDOR_PASSPHRASE"  # noqa: S105 - a variable name, not a secret
STORE_KEY: Final = "store-key"
DEVICE_SIGNATURE_KEY: Final = "device-signature-key"
KEYRING_SERVICE: Final = "corridor"

_NAME_RE: Final = re.compile(r"^[a-z0-9][a-z0-9._-]{0,63}$")
_MAGIC: Final = b"CRDKEYS"
_FILE_VERSION: Final = 1
_HEADER: Final = struct.Struct(">7sBIQ16s24s")
_MAX_FILE_BYTES: Final = 1 << 20
_MAX_SECRET_BYTES: Final = 64 * 1024
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


class FileKeystore(_GetOrCreate):
    """Secrets in one passphrase-protected file; unlocked once, key held in memory.

    One process per home: the unlocked map is cached and written back whole.
    """

    def __init__(
        self,
        path: os.PathLike[str] | str,
        key: Secret,
        salt: bytes,
        kdf: KdfLimits,
        items: dict[str, bytes],
    ) -> None:
        self._path = Path(path)
        self._key = key
        self._salt = salt
        self._kdf = kdf
        self._items = items

    @property
    def backend(self) -> Literal["keyring", "file"]:
        return "file"

    @property
    def description(self) -> str:
        return (
            "No usable OS keyring was found; device secrets are kept in the "
            f"passphrase-protected file {self._path}."
        )

    @classmethod
    def create(
        cls, path: os.PathLike[str] | str, passphrase: str, kdf: KdfLimits = MODERATE
    ) -> FileKeystore:
        """Create a new, empty key file (refuses to overwrite an existing one)."""
        if os.path.exists(path):
            raise UsageError("a key file already exists here")
        kdf.check()
        salt = nacl.utils.random(nacl.pwhash.argon2id.SALTBYTES)
        store = cls(path, _derive(passphrase, salt, kdf), salt, kdf, {})
        store._write()
        return store

    @classmethod
    def unlock(cls, path: os.PathLike[str] | str, passphrase: str) -> FileKeystore:
        """Open an existing key file.

        Raises:
            WrongPassphraseError: wrong passphrase or altered contents.
            KeyFileCorruptError: not a Corridor key file, or unusable parameters.
            EnvironmentFault: the file cannot be read.
        """
        try:
            with open(path, "rb") as fh:
                blob = fh.read(_MAX_FILE_BYTES + 1)
        except OSError as exc:
            raise EnvironmentFault(f"cannot read key file: {exc.strerror}") from None
        if len(blob) > _MAX_FILE_BYTES or len(blob) < _HEADER.size + nacl.secret.Aead.MACBYTES:
            raise KeyFileCorruptError("key file has an impossible size")
        magic, version, ops, mem, salt, nonce = _HEADER.unpack_from(blob)
        if magic != _MAGIC:
            raise KeyFileCorruptError("not a Corridor key file")
        if version != _FILE_VERSION:
            raise KeyFileCorruptError(f"key file version {version} is not supported")
        kdf = KdfLimits(ops, mem)
        kdf.check()
        key = _derive(passphrase, salt, kdf)
        try:
            plain = nacl.secret.Aead(key.value).decrypt(
                blob[_HEADER.size :], aad=blob[: _HEADER.size], nonce=nonce
            )
        except nacl.exceptions.CryptoError:
            raise WrongPassphraseError(
                "the key file does not open with this passphrase (wrong passphrase, "
                "or the file was altered)"
            ) from None
        try:
            items = _secrets_decoder.decode(plain)
        except (msgspec.MsgspecError, ValueError):
            raise KeyFileCorruptError("key file contents are malformed") from None
        return cls(path, key, salt, kdf, items)

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
        """Re-encrypt the file under a new passphrase (fresh salt), atomically."""
        kdf = kdf or self._kdf
        kdf.check()
        salt = nacl.utils.random(nacl.pwhash.argon2id.SALTBYTES)
        old = (self._key, self._salt, self._kdf)
        self._key, self._salt, self._kdf = _derive(new_passphrase, salt, kdf), salt, kdf
        try:
            self._write()
        except BaseException:
            self._key, self._salt, self._kdf = old
            raise

    def _restore(self, name: str, previous: bytes | None) -> None:
        if previous is None:
            self._items.pop(name, None)
        else:
            self._items[name] = previous

    def _write(self) -> None:
        nonce = nacl.utils.random(nacl.secret.Aead.NONCE_SIZE)
        header = _HEADER.pack(
            _MAGIC, _FILE_VERSION, self._kdf.opslimit, self._kdf.memlimit, self._salt, nonce
        )
        plain = msgspec.msgpack.encode(self._items)
        sealed = nacl.secret.Aead(self._key.value).encrypt(plain, aad=header, nonce=nonce)
        atomic_write(self._path, header + sealed.ciphertext, mode=0o600)


def _derive(passphrase: str, salt: bytes, kdf: KdfLimits) -> Secret:
    if not isinstance(passphrase, str) or not passphrase:
        raise UsageError("the passphrase must be a non-empty string")
    return Secret(
        nacl.pwhash.argon2id.kdf(
            nacl.secret.Aead.KEY_SIZE,
            passphrase.encode("utf-8"),
            salt,
            opslimit=kdf.opslimit,
            memlimit=kdf.memlimit,
        )
    )


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
    (log.info if store.backend == "keyring" else log.warning)("%s", store.description)
    return store
