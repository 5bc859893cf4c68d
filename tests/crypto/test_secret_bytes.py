# SPDX-License-Identifier: Apache-2.0
from __future__ import annotations

from crypto.secret_bytes import Secret


def test_secret_is_redacted_and_compares() -> None:
    s = Secret(b"\x01" * 32)
    assert "01" not in repr(s) and "redacted" in repr(s)
    assert str(s) == repr(s)
    assert s == Secret(b"\x01" * 32)
    assert s != Secret(b"\x02" * 32)
    assert bytes(s) == b"\x01" * 32
    assert len(s) == 32
