# SPDX-License-Identifier: Apache-2.0
"""Secret byte strings that never show up in a repr, a log line or an exception."""

from __future__ import annotations

import hmac

__all__ = ["Secret"]


class Secret:
    """Immutable secret bytes: redacted repr, constant-time comparison, no hashing."""

    __slots__ = ("_value",)

    def __init__(self, value: bytes) -> None:
        self._value = bytes(value)

    @property
    def value(self) -> bytes:
        return self._value

    def __len__(self) -> int:
        return len(self._value)

    def __repr__(self) -> str:
        return f"Secret(<{len(self._value)} bytes redacted>)"

    __str__ = __repr__

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Secret):
            return hmac.compare_digest(self._value, other._value)
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]

    def __bytes__(self) -> bytes:
        return self._value
