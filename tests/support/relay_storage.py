# SPDX-License-Identifier: Apache-2.0
"""Driving the relay's storage contract directly: devices, posts, and a stub of the
commit verifier. The storage and refusal tests (SQLite and PostgreSQL alike) share them;
the ``store`` fixture is in ``tests/server_stub/conftest.py``.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable, Sequence

from server_stub.storage.base import CommitCheck, CommitVerdict, Storage

__all__ = ["NOW", "dev", "devices", "joined", "post", "verdict"]


NOW = 1_800_000_000


def dev() -> str:
    return secrets.token_bytes(32).hex()


async def devices(s: Storage, n: int) -> list[str]:
    out = []
    for _ in range(n):
        d = dev()
        assert await s.register_device(d, bytes.fromhex(d), NOW)
        out.append(d)
    return out


def verdict(add: Sequence[str] = (), remove: Sequence[str] = (), missions: int = 0,
            seen: list[tuple[int, bytes, list[bytes]]] | None = None,
            changes: bool = False) -> CommitCheck:
    """The relay's verifier as the storage sees it: here a stub that reports ``add`` and
    ``remove`` as the verified commit's routing effect (storage trusts its caller; the
    verification itself is tested in tests/crypto and test_relay_authority). A state is
    the concatenation of its stored chain; each commit appends ``+``, stored as the whole
    state or, with ``changes``, as the ``+`` alone."""
    def check(version: int, load: Callable[[], list[bytes]],
              crls: Callable[[], list[bytes]]) -> CommitVerdict:
        state = b"".join(load())
        if seen is not None:
            seen.append((version, state, crls()))
        return CommitVerdict(state=b"+" if changes else state + b"+", changes=changes,
                             added=tuple(add), removed=tuple(remove), at=NOW,
                             missions=missions)
    return check


def joined(chain: list[bytes] | None) -> bytes | None:
    """A stub state read back from its stored chain (see :func:`verdict`)."""
    return None if chain is None else b"".join(chain)


async def post(s: Storage, gid: bytes, sender: str, cmid: str | None = None, epoch: int = 0,
               commit: bool = False, add: Sequence[str] = (), remove: Sequence[str] = (),
               welcome: bytes | None = None, welcome_to: Sequence[str] = (),
               check: CommitCheck | None = None) -> int:
    out = await s.post_message(
        group_id=gid, sender=sender, client_msg_id=cmid or secrets.token_hex(8),
        payload=b"ct" + secrets.token_bytes(8), epoch=epoch, is_commit=commit,
        welcome=welcome, welcome_to=welcome_to, now=NOW,
        check=(check or verdict(add, remove)) if commit else None,
    )
    return out.seq


