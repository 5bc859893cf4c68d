# SPDX-License-Identifier: Apache-2.0
"""Device secrets: keyring backend, passphrase file backend, home resolution."""

from __future__ import annotations

import os
import stat
import struct
from pathlib import Path

import keyring.errors
import msgspec
import nacl.pwhash
import nacl.secret
import pytest
from keyring.backends import fail as keyring_fail
from keyring.backends import null as keyring_null

from client import keystore as ks
from client import paths
from client.errors import (
    EnvironmentFault,
    KeyFileCorruptError,
    KeyringUnavailableError,
    PassphraseRequiredError,
    UsageError,
    WrongPassphraseError,
)
from crypto.certs import keyfile
from tests.support.keyrings import FAST, DictKeyring, legacy_file

PASS = "correct horse battery staple"


class BrokenKeyring(DictKeyring):
    """A keyring that looks usable but refuses at use (locked, D-Bus gone)."""

    def get_password(self, service: str, username: str) -> str | None:
        raise keyring.errors.KeyringLocked("locked")

    def set_password(self, service: str, username: str, password: str) -> None:
        raise keyring.errors.PasswordSetError("nope")


@pytest.fixture
def home(tmp_path: Path) -> paths.Home:
    return paths.resolve_home(tmp_path / "home")


def open_file(home: paths.Home, passphrase: str = PASS, **kw: object) -> ks.Keystore:
    return ks.open_keystore(
        home,
        env={ks.PASSPHRASE_ENV: passphrase},
        keyring_backend=keyring_fail.Keyring(),
        kdf=FAST,
        **kw,  # type: ignore[arg-type]
    )


def all_files(root: Path) -> list[Path]:
    return [p for p in root.rglob("*") if p.is_file()]


# ---------------------------------------------------------------- file backend


def test_no_keyring_falls_back_to_file_and_says_so(home: paths.Home) -> None:
    store = open_file(home)
    assert store.backend == "file"
    assert "passphrase" in store.description and str(home.keyfile_path) in store.description
    assert home.keyfile_path.exists()


def test_null_keyring_is_not_usable() -> None:
    assert not ks.keyring_usable(keyring_null.Keyring())
    assert not ks.keyring_usable(keyring_fail.Keyring())
    assert ks.keyring_usable(DictKeyring())


def test_file_round_trip_across_reopen(home: paths.Home) -> None:
    store = open_file(home)
    key = store.get_or_create(ks.STORE_KEY)
    store.put(ks.DEVICE_SIGNATURE_KEY, b"\x07" * 32)
    assert len(key) == 32
    again = open_file(home)
    assert again.get(ks.STORE_KEY) == key
    assert again.get_or_create(ks.STORE_KEY) == key  # not regenerated
    assert again.get(ks.DEVICE_SIGNATURE_KEY).value == b"\x07" * 32  # type: ignore[union-attr]
    assert again.get("absent") is None
    again.delete(ks.DEVICE_SIGNATURE_KEY)
    assert open_file(home).get(ks.DEVICE_SIGNATURE_KEY) is None


def test_secret_repr_is_redacted(home: paths.Home) -> None:
    store = open_file(home)
    store.put("x", b"SECRETMARKER")
    assert "SECRETMARKER" not in repr(store.get("x"))


def test_wrong_passphrase_is_typed_and_overwrites_nothing(home: paths.Home) -> None:
    open_file(home).put("k", b"v" * 32)
    before = {p: p.read_bytes() for p in all_files(home.root)}
    with pytest.raises(WrongPassphraseError) as info:
        open_file(home, "hunter2-MARKER")
    assert "hunter2" not in str(info.value)  # the message never echoes it
    after = {p: p.read_bytes() for p in all_files(home.root)}
    assert before == after
    assert open_file(home).get("k").value == b"v" * 32  # type: ignore[union-attr]


def test_prompt_used_with_reason_and_env_wins(home: paths.Home) -> None:
    asked: list[ks.PassphraseRequest] = []

    def prompt(req: ks.PassphraseRequest) -> str:
        asked.append(req)
        return PASS

    fail = keyring_fail.Keyring()
    ks.open_keystore(home, env={}, prompt=prompt, keyring_backend=fail, kdf=FAST).put("a", b"1")
    ks.open_keystore(home, env={}, prompt=prompt, keyring_backend=fail, kdf=FAST)
    assert asked == [ks.PassphraseRequest.CREATE, ks.PassphraseRequest.UNLOCK]
    # The environment variable is used without asking.
    ks.open_keystore(
        home, env={ks.PASSPHRASE_ENV: PASS}, prompt=prompt, keyring_backend=fail, kdf=FAST
    )
    assert len(asked) == 2


def test_no_passphrase_source_is_environment_fault(home: paths.Home) -> None:
    with pytest.raises(PassphraseRequiredError):
        ks.open_keystore(home, env={}, keyring_backend=keyring_fail.Keyring(), kdf=FAST)
    assert not home.keyfile_path.exists() and not home.keystore_config_path.exists()


def test_empty_passphrase_refused(home: paths.Home) -> None:
    with pytest.raises(UsageError):
        ks.open_keystore(
            home, env={}, prompt=lambda _r: "", keyring_backend=keyring_fail.Keyring(), kdf=FAST
        )


def test_files_are_mode_0600_and_no_temp_left(home: paths.Home) -> None:
    store = open_file(home)
    for i in range(3):
        store.put(f"s{i}", os.urandom(32))
    names = sorted(p.name for p in all_files(home.root))
    assert names == sorted([home.keyfile_path.name, home.keystore_config_path.name])
    for p in all_files(home.root):
        assert stat.S_IMODE(p.stat().st_mode) == 0o600, p
    assert stat.S_IMODE(home.root.stat().st_mode) == 0o700


def test_no_secret_in_plaintext_on_disk(home: paths.Home) -> None:
    marker = b"PLAINTEXT-SECRET-MARKER-42"
    store = open_file(home)
    store.put("m", marker)
    for p in all_files(home.root):
        data = p.read_bytes()
        assert marker not in data and marker.hex().encode() not in data
        assert PASS.encode() not in data


def test_failed_write_keeps_old_file_and_memory(
    home: paths.Home, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = open_file(home)
    store.put("k", b"old-value")
    before = home.keyfile_path.read_bytes()

    def boom(src: object, dst: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(paths.os, "replace", boom)
    with pytest.raises(EnvironmentFault):
        store.put("k", b"new-value")
    monkeypatch.undo()
    assert home.keyfile_path.read_bytes() == before
    assert store.get("k").value == b"old-value"  # type: ignore[union-attr]
    assert sorted(p.name for p in all_files(home.root)) == sorted(
        [home.keyfile_path.name, home.keystore_config_path.name]
    )


# The unified file is a crypto.certs.keyfile file: magic[8] version kdf ops[4] mem[4] salt[16]
# nonce[24] label-length label, then secretbox(header || msgpack map).
OPS_AT, MEM_AT, SALT_AT, NONCE_AT, LABEL_LEN_AT, LABEL_AT = 10, 14, 18, 34, 58, 59
BODY_AT = LABEL_AT + len(ks.KEYSTORE_LABEL)


def _tamper(path: Path, offset: int, xor: int = 0x01) -> None:
    data = bytearray(path.read_bytes())
    data[offset] ^= xor
    path.write_bytes(bytes(data))


def test_file_is_the_one_keyfile_format(home: paths.Home) -> None:
    open_file(home).put("k", b"v" * 32)
    blob = home.keyfile_path.read_bytes()
    assert blob.startswith(b"CORRKEY\x00")
    assert keyfile.peek_label(blob) == ks.KEYSTORE_LABEL
    opened = keyfile.open_key(blob, PASS, label=ks.KEYSTORE_LABEL)
    assert msgspec.msgpack.decode(opened.secret) == {"k": b"v" * 32}


@pytest.mark.parametrize(
    ("offset", "error"),
    [
        (0, KeyFileCorruptError),  # magic
        (8, KeyFileCorruptError),  # version
        (9, KeyFileCorruptError),  # KDF id
        (SALT_AT + 3, WrongPassphraseError),  # salt: key differs
        (NONCE_AT + 5, WrongPassphraseError),  # nonce
        (LABEL_LEN_AT, KeyFileCorruptError),  # label length
        (LABEL_AT + 2, KeyFileCorruptError),  # label: not a keystore file
        (BODY_AT + 2, WrongPassphraseError),  # tag
        (-1, WrongPassphraseError),  # ciphertext
    ],
)
def test_tampered_file_is_refused(home: paths.Home, offset: int, error: type[Exception]) -> None:
    open_file(home).put("k", b"v" * 32)
    size = home.keyfile_path.stat().st_size
    _tamper(home.keyfile_path, offset % size)
    before = home.keyfile_path.read_bytes()
    with pytest.raises(error):
        open_file(home)
    assert home.keyfile_path.read_bytes() == before


def test_doctored_kdf_params_refused_before_kdf(
    home: paths.Home, monkeypatch: pytest.MonkeyPatch
) -> None:
    open_file(home).put("k", b"v")
    data = bytearray(home.keyfile_path.read_bytes())
    struct.pack_into(">I", data, MEM_AT, 0xFFFFFFFF)  # memlimit of 4 GiB
    home.keyfile_path.write_bytes(bytes(data))

    def no_kdf(*_a: object, **_k: object) -> bytes:
        raise AssertionError("Argon2id ran on doctored limits")

    monkeypatch.setattr(nacl.pwhash.argon2id, "kdf", no_kdf)
    with pytest.raises(KeyFileCorruptError):
        open_file(home)


def test_opslimit_tamper_detected_by_tag(home: paths.Home) -> None:
    open_file(home).put("k", b"v")
    data = bytearray(home.keyfile_path.read_bytes())
    struct.pack_into(">I", data, OPS_AT, FAST.opslimit + 1)
    home.keyfile_path.write_bytes(bytes(data))
    with pytest.raises(WrongPassphraseError):
        open_file(home)


@pytest.mark.parametrize("cut", [0, 10, LABEL_LEN_AT, BODY_AT, BODY_AT + 16])
def test_truncated_file(home: paths.Home, cut: int) -> None:
    open_file(home).put("k", b"v")
    home.keyfile_path.write_bytes(home.keyfile_path.read_bytes()[:cut])
    with pytest.raises(KeyFileCorruptError):
        open_file(home)


def test_oversized_file(home: paths.Home) -> None:
    open_file(home).put("k", b"v")
    home.keyfile_path.write_bytes(home.keyfile_path.read_bytes() + b"\0" * (1 << 20))
    with pytest.raises(KeyFileCorruptError):
        open_file(home)


def test_another_key_file_is_not_a_keystore(home: paths.Home) -> None:
    open_file(home)
    home.keyfile_path.write_bytes(
        keyfile.seal_key(b"k" * 32, PASS, label="corridor-device", strength="interactive")
    )
    with pytest.raises(KeyFileCorruptError):
        open_file(home)


def test_missing_key_file_is_not_silently_recreated(home: paths.Home) -> None:
    open_file(home).put("k", b"v")
    home.keyfile_path.unlink()
    with pytest.raises(KeyFileCorruptError):
        open_file(home)


def test_keystore_full_is_usage_error_and_keeps_state(home: paths.Home) -> None:
    store = open_file(home)
    store.put("a", b"x" * (40 * 1024))
    before = home.keyfile_path.read_bytes()
    with pytest.raises(UsageError):
        store.put("b", b"y" * (40 * 1024))
    assert home.keyfile_path.read_bytes() == before
    assert store.get("b") is None
    assert open_file(home).get("a").value == b"x" * (40 * 1024)  # type: ignore[union-attr]


def test_repr_names_no_secret(home: paths.Home) -> None:
    store = open_file(home)
    store.put("k", b"SECRETMARKER")
    assert "SECRETMARKER" not in repr(store) and PASS not in repr(store)
    assert PASS not in repr(store._passphrase)  # type: ignore[attr-defined]


# ---------------------------------------------------------------- old format


def test_old_format_is_a_typed_error_and_can_be_migrated(home: paths.Home) -> None:
    open_file(home)
    legacy_file(home.keyfile_path, PASS, {"k": b"old-secret"})
    before = home.keyfile_path.read_bytes()
    with pytest.raises(ks.OldKeystoreFormatError, match="migrate-keystore") as info:
        open_file(home)
    assert isinstance(info.value, KeyFileCorruptError)
    with pytest.raises(WrongPassphraseError):
        ks.migrate_legacy_file(home, "not the passphrase")
    assert home.keyfile_path.read_bytes() == before  # nothing overwritten
    assert ks.migrate_legacy_file(home, PASS) is True
    assert home.keyfile_path.read_bytes().startswith(b"CORRKEY\x00")
    assert stat.S_IMODE(home.keyfile_path.stat().st_mode) == 0o600
    assert open_file(home).get("k").value == b"old-secret"  # type: ignore[union-attr]
    assert ks.migrate_legacy_file(home, PASS) is False  # already current


def test_change_passphrase(home: paths.Home) -> None:
    store = open_file(home)
    store.put("k", b"v" * 4)
    assert isinstance(store, ks.FileKeystore)
    store.change_passphrase("a new passphrase")
    with pytest.raises(WrongPassphraseError):
        open_file(home)
    assert open_file(home, "a new passphrase").get("k").value == b"v" * 4  # type: ignore[union-attr]


def test_default_kdf_is_moderate(home: paths.Home) -> None:
    assert ks.MODERATE.memlimit == nacl.pwhash.argon2id.MEMLIMIT_MODERATE
    ks.open_keystore(
        home, env={ks.PASSPHRASE_ENV: PASS}, keyring_backend=keyring_fail.Keyring()
    )  # default limits
    ops, mem = keyfile.peek_limits(home.keyfile_path.read_bytes())
    assert (ops, mem) == (ks.MODERATE.opslimit, ks.MODERATE.memlimit)


@pytest.mark.parametrize("name", ["", "UPPER", "a/b", "x" * 65, "../k", "-lead"])
def test_bad_secret_names(home: paths.Home, name: str) -> None:
    store = open_file(home)
    with pytest.raises(UsageError):
        store.put(name, b"v")


def test_bad_secret_values(home: paths.Home) -> None:
    store = open_file(home)
    with pytest.raises(UsageError):
        store.put("k", b"")
    with pytest.raises(UsageError):
        store.put("k", b"x" * (64 * 1024 + 1))


# ---------------------------------------------------------------- keyring backend


def test_keyring_backend_used_when_usable(home: paths.Home) -> None:
    ring = DictKeyring()
    store = ks.open_keystore(home, env={}, keyring_backend=ring)
    assert store.backend == "keyring" and "keyring" in store.description
    key = store.get_or_create(ks.STORE_KEY)
    assert not home.keyfile_path.exists()
    assert len(ring.items) == 1
    ((service, user),) = ring.items
    assert service == ks.KEYRING_SERVICE and user.endswith("/" + ks.STORE_KEY)
    again = ks.open_keystore(home, env={}, keyring_backend=ring)
    assert again.get(ks.STORE_KEY) == key
    again.delete(ks.STORE_KEY)
    again.delete(ks.STORE_KEY)  # idempotent
    assert again.get(ks.STORE_KEY) is None
    for p in all_files(home.root):
        assert key.value not in p.read_bytes()


def test_two_homes_do_not_share_keyring_entries(tmp_path: Path) -> None:
    ring = DictKeyring()
    a = ks.open_keystore(paths.resolve_home(tmp_path / "a"), env={}, keyring_backend=ring)
    b = ks.open_keystore(paths.resolve_home(tmp_path / "b"), env={}, keyring_backend=ring)
    assert a.get_or_create(ks.STORE_KEY) != b.get_or_create(ks.STORE_KEY)


def test_keyring_home_never_falls_back_to_file(home: paths.Home) -> None:
    ks.open_keystore(home, env={}, keyring_backend=DictKeyring()).get_or_create("k")
    with pytest.raises(KeyringUnavailableError):
        open_file(home)
    assert not home.keyfile_path.exists()


def test_forced_keyring_without_one(home: paths.Home) -> None:
    with pytest.raises(KeyringUnavailableError):
        ks.open_keystore(home, backend="keyring", keyring_backend=keyring_fail.Keyring())


def test_backend_mismatch_is_usage_error(home: paths.Home) -> None:
    open_file(home)
    with pytest.raises(UsageError):
        open_file(home, backend="keyring")


def test_forced_file_even_with_keyring(home: paths.Home) -> None:
    ring = DictKeyring()
    store = ks.open_keystore(
        home, backend="file", env={ks.PASSPHRASE_ENV: PASS}, keyring_backend=ring, kdf=FAST
    )
    store.put("k", b"v")
    assert store.backend == "file" and not ring.items


def test_keyring_failures_are_typed(home: paths.Home) -> None:
    store = ks.open_keystore(home, env={}, keyring_backend=BrokenKeyring())
    with pytest.raises(KeyringUnavailableError) as info:
        store.put("k", b"SECRETVALUE")
    assert "SECRETVALUE" not in str(info.value)
    with pytest.raises(KeyringUnavailableError):
        store.get("k")


def test_foreign_keyring_entry(home: paths.Home) -> None:
    ring = DictKeyring()
    store = ks.open_keystore(home, env={}, keyring_backend=ring)
    store.put("k", b"v")
    ((service, user),) = ring.items
    ring.items[(service, user)] = "not base64!"
    with pytest.raises(KeyFileCorruptError):
        store.get("k")


def test_malformed_config(home: paths.Home) -> None:
    home.keystore_config_path.write_text('{"version": 9, "backend": "file", "account": "x"}')
    with pytest.raises(KeyFileCorruptError):
        open_file(home)


# ---------------------------------------------------------------- home resolution


def test_home_precedence(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    explicit = paths.resolve_home(tmp_path / "x", env={paths.HOME_ENV: str(tmp_path / "e")})
    assert explicit.root == (tmp_path / "x").absolute()
    from_env = paths.resolve_home(None, env={paths.HOME_ENV: str(tmp_path / "e")})
    assert from_env.root == (tmp_path / "e").absolute() and from_env.root.is_dir()
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    default = paths.resolve_home(None, env={}, create=False)
    assert default.root.name == "corridor"
    assert default.db_path.parent == default.root


def test_home_that_is_a_file(tmp_path: Path) -> None:
    (tmp_path / "f").write_text("x")
    with pytest.raises(UsageError):
        paths.resolve_home(tmp_path / "f")


def test_atomic_write_replaces_and_sets_mode(tmp_path: Path) -> None:
    target = tmp_path / "t"
    target.write_bytes(b"old")
    target.chmod(0o644)
    paths.atomic_write(target, b"new")
    assert target.read_bytes() == b"new"
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert [p.name for p in tmp_path.iterdir()] == ["t"]
