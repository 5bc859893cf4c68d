# SPDX-License-Identifier: Apache-2.0
"""Checks on one value a peer sent that need no group state: its cipher suite, an HPKE
public key, a list of extensions. They sit below the tree and key packages, which run
them on every leaf; :mod:`crypto.group.validation` builds the group-level rules on them.
"""

from __future__ import annotations

from collections.abc import Sequence

from crypto.errors import ProtocolError
from crypto.messages.credentials import Extension
from crypto.suites import SUITES, CipherSuite


def peer_suite(suite_id: int) -> CipherSuite:
    """The suite a peer's message names; :class:`ProtocolError` if unsupported (the
    peer's fault, unlike :func:`crypto.suites.get_suite` on a caller's argument)."""
    suite = SUITES.get(suite_id)
    if suite is None:
        raise ProtocolError(f"unsupported cipher suite 0x{suite_id:04x}")
    return suite


_P25519 = 2**255 - 19
# The u-coordinates of the X25519 points of order 1, 2, 4 and 8 (reduced mod p, with
# the ignored top bit cleared): a DH with any of them is all zero (RFC 7748 section 6.1,
# RFC 9180 section 7.1.1). tests/crypto/test_validation.py checks libsodium refuses each.
_X25519_SMALL_ORDER = frozenset({
    0,
    1,
    0x00B8495F16056286FDB1329CEB8D09DA6AC49FF1FAE35616AEB8413B7C7AEBE0,
    0x57119FD0DD4E22D8868E1C58C45C44045BEF839C55B1D0B1248C50A3BC959C5F,
    _P25519 - 1,
})


def check_hpke_public_key(suite: CipherSuite, key: bytes) -> None:
    """:class:`ProtocolError` unless ``key`` can be encrypted to (wrong length, or an
    X25519 point whose DH output is all zero: the all-zero key among them)."""
    if len(key) != suite.npk:
        raise ProtocolError("HPKE public key has the wrong length")
    u = int.from_bytes(key, "little") & ((1 << 255) - 1)
    if u % _P25519 in _X25519_SMALL_ORDER:
        raise ProtocolError("HPKE public key is a small-order point")


def check_unique_extensions(extensions: Sequence[Extension]) -> None:
    """Section 13.4: no list of extensions has two of one type."""
    seen: set[int] = set()
    for ext in extensions:
        if ext.extension_type in seen:
            raise ProtocolError("an extension type appears twice")
        seen.add(ext.extension_type)
