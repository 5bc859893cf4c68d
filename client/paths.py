# SPDX-License-Identifier: Apache-2.0
"""Where a device keeps its files, and how they are written safely.

The home directory is, in order: an explicit ``--home DIR``, the environment variable
``CORRIDOR_HOME``, or the platform's per-user data directory (``platformdirs``). Several
homes on one machine are independent devices (tests and ``corridor demo`` rely on that).

Files that hold secrets or state are replaced atomically: write a temporary file in the
same directory, fsync it, rename it over the target, fsync the directory. A crash
leaves either the old file or the new one, never a torn one.
"""

from __future__ import annotations

import contextlib
import os
import secrets
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import platformdirs

from client.errors import EnvironmentFault, UsageError

__all__ = ["HOME_ENV", "Home", "atomic_write", "resolve_home"]

HOME_ENV = "CORRIDOR_HOME"
_APP_NAME = "corridor"


@dataclass(frozen=True, slots=True)
class Home:
    """A device's home directory and the names of the files inside it."""

    root: Path

    @property
    def db_path(self) -> Path:
        """The encrypted local store (SQLite; ``-wal`` and ``-shm`` sit beside it)."""
        return self.root / "store.sqlite3"

    @property
    def keyfile_path(self) -> Path:
        """The passphrase-protected secrets file, used only without an OS keyring."""
        return self.root / "secrets.key"

    @property
    def keystore_config_path(self) -> Path:
        """Which keystore backend this home uses (no secrets inside)."""
        return self.root / "keystore.json"

    @property
    def legacy_device_key_path(self) -> Path:
        """``device.key``: where homes made before the keystore held the device key kept it
        (a crypto.certs.keyfile file, label ``corridor-device``); moved into the keystore on open.
        """
        return self.root / "device.key"


def resolve_home(
    home: str | os.PathLike[str] | None = None,
    *,
    env: Mapping[str, str] | None = None,
    create: bool = True,
) -> Home:
    """Resolve (and by default create, mode 0700) the device's home directory.

    Args:
        home: an explicit directory (``--home DIR``); wins over everything else.
        env: the environment to read ``CORRIDOR_HOME`` from (default ``os.environ``).
        create: create the directory if missing.

    Raises:
        UsageError: the path exists and is not a directory.
        EnvironmentFault: the directory cannot be created.
    """
    environ = os.environ if env is None else env
    if home is not None:
        root = Path(home)
    elif environ.get(HOME_ENV):
        root = Path(environ[HOME_ENV])
    else:
        root = platformdirs.user_data_path(_APP_NAME, appauthor=False)
    root = root.expanduser().absolute()
    if root.exists() and not root.is_dir():
        raise UsageError(f"home {root} exists and is not a directory")
    if create:
        try:
            root.mkdir(mode=0o700, parents=True, exist_ok=True)
        except OSError as exc:
            raise EnvironmentFault(f"cannot create home {root}: {exc.strerror}") from None
    return Home(root)


def atomic_write(path: Path, data: bytes, *, mode: int = 0o600) -> None:
    """Replace ``path`` with ``data`` atomically and durably, with file mode ``mode``.

    The temporary file is created with ``mode`` from the start (O_EXCL), so the content
    is never readable by others even for an instant.

    Raises:
        EnvironmentFault: the file system refused (disk full, permissions).
    """
    tmp = path.with_name(f".{path.name}.{secrets.token_hex(8)}.tmp")
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, mode)
        try:
            os.fchmod(fd, mode)  # the umask may have narrowed or widened nothing; be exact
            view = memoryview(data)
            while view:
                written = os.write(fd, view)
                view = view[written:]
            os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(tmp, path)
        _fsync_dir(path.parent)
    except OSError as exc:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise EnvironmentFault(f"cannot write {path.name}: {exc.strerror}") from None


def _fsync_dir(directory: Path) -> None:
    """Make a rename durable (POSIX); a no-op where directories cannot be opened."""
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
