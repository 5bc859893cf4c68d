# SPDX-License-Identifier: Apache-2.0
"""crypto.certs.keyfile: passphrase-sealed keys survive a round trip and nothing else."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from crypto.certs.keyfile import (
    KeyFileFormatError,
    WrongPassphraseError,
    open_key,
    peek_label,
    seal_key,
)
from crypto.errors import DecodeError, UsageError

FAST = "interactive"
SECRET = bytes(range(32))


@pytest.fixture(scope="module")
def sealed() -> bytes:
    return seal_key(SECRET, "correct horse", label="device", strength=FAST)


def test_round_trip(sealed: bytes) -> None:
    opened = open_key(sealed, "correct horse", label="device")
    assert opened.secret == SECRET
    assert opened.label == "device"
    assert peek_label(sealed) == "device"
    assert SECRET.hex() not in repr(opened)


def test_file_never_holds_the_secret(sealed: bytes) -> None:
    assert SECRET not in sealed
    assert SECRET[:8] not in sealed


def test_fresh_salt_and_nonce_each_time() -> None:
    a = seal_key(SECRET, "pw-pw-pw", label="x", strength=FAST)
    b = seal_key(SECRET, "pw-pw-pw", label="x", strength=FAST)
    assert a != b
    assert open_key(a, "pw-pw-pw").secret == open_key(b, "pw-pw-pw").secret == SECRET


def test_wrong_passphrase_is_typed(sealed: bytes) -> None:
    with pytest.raises(WrongPassphraseError):
        open_key(sealed, "correct horsf")


def test_unicode_passphrase_is_normalised() -> None:
    composed, decomposed = "caf\u00e9-pass", "cafe\u0301-pass"
    blob = seal_key(SECRET, composed, label="x", strength=FAST)
    assert open_key(blob, decomposed).secret == SECRET


def test_label_mismatch_refused(sealed: bytes) -> None:
    with pytest.raises(KeyFileFormatError):
        open_key(sealed, "correct horse", label="venue-root")


@pytest.mark.parametrize("offset", [10, 20, 40, 58, 59, 70, -1])
def test_any_flipped_byte_is_refused(sealed: bytes, offset: int) -> None:
    tampered = bytearray(sealed)
    tampered[offset] ^= 0x01
    with pytest.raises((WrongPassphraseError, KeyFileFormatError)):
        open_key(bytes(tampered), "correct horse")


def test_label_swap_caught_by_tag(sealed: bytes) -> None:
    # Same length label, different text: only the authenticated header copy catches it.
    swapped = sealed.replace(b"device", b"mision", 1)
    assert swapped != sealed
    with pytest.raises(WrongPassphraseError):
        open_key(swapped, "correct horse")


def test_hostile_limits_refused_before_any_work(sealed: bytes) -> None:
    huge = bytearray(sealed)
    huge[14:18] = (0xFFFFFFFF).to_bytes(4, "big")  # 4 GiB memlimit
    with pytest.raises(KeyFileFormatError):
        open_key(bytes(huge), "correct horse")


@pytest.mark.parametrize("cut", [0, 5, 30, 58, 65, 80])
def test_truncation_refused(sealed: bytes, cut: int) -> None:
    with pytest.raises(KeyFileFormatError):
        open_key(sealed[:cut], "correct horse")


def test_other_versions_refused(sealed: bytes) -> None:
    v2 = bytearray(sealed)
    v2[8] = 2
    with pytest.raises(KeyFileFormatError, match="version"):
        open_key(bytes(v2), "correct horse")
    assert issubclass(KeyFileFormatError, DecodeError)


def test_usage_errors() -> None:
    with pytest.raises(UsageError):
        seal_key(SECRET, "", label="x", strength=FAST)
    with pytest.raises(UsageError):
        seal_key(SECRET, "pw", label="", strength=FAST)
    with pytest.raises(UsageError):
        seal_key(SECRET, "pw", label="x", strength="feeble")
    with pytest.raises(UsageError):
        seal_key(b"", "pw", label="x", strength=FAST)


@settings(max_examples=60, deadline=None)
@given(st.binary(max_size=200))
def test_random_bytes_never_crash(blob: bytes) -> None:
    with pytest.raises((KeyFileFormatError, WrongPassphraseError)):
        open_key(blob, "pw")
