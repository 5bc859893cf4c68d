# SPDX-License-Identifier: Apache-2.0
"""The PSK secret of an epoch (RFC 9420 section 8.4).

Each PSK ``i`` of ``n`` is bound to its identity and position, then the inputs are
chained through HKDF-Extract, starting from zero::

    psk_extracted_[i] = Extract(0, psk_[i])
    psk_input_[i]     = ExpandWithLabel(psk_extracted_[i], "derived psk", PSKLabel, Nh)
    psk_secret_[0]    = 0
    psk_secret_[i+1]  = Extract(psk_input_[i], psk_secret_[i])
    psk_secret        = psk_secret_[n]          (all zero when there is no PSK)

``PSKLabel = struct { PreSharedKeyID id; uint16 index; uint16 count; }``. The
identity is taken already encoded (``PreSharedKeyID.to_bytes()``), so this module
does not depend on the wire structs; :func:`external_psk_id` encodes the common case.
"""

from __future__ import annotations

from collections.abc import Sequence

from crypto.codec import Struct, encode_varint
from crypto.errors import UsageError
from crypto.secret_bytes import Secret
from crypto.suites import CipherSuite

__all__ = ["PSK_TYPE_EXTERNAL", "PSK_TYPE_RESUMPTION", "external_psk_id", "psk_secret"]

PSK_TYPE_EXTERNAL = 1
PSK_TYPE_RESUMPTION = 2


def external_psk_id(psk_id: bytes, psk_nonce: bytes) -> bytes:
    """Encoded ``PreSharedKeyID`` of an external PSK: type, psk_id<V>, psk_nonce<V>."""
    return (bytes((PSK_TYPE_EXTERNAL,)) + encode_varint(len(psk_id)) + psk_id
            + encode_varint(len(psk_nonce)) + psk_nonce)


def psk_secret(
    suite: CipherSuite, psks: Sequence[tuple[bytes | Struct, bytes | Secret]]
) -> bytes:
    """The ``psk_secret`` for ``psks``: pairs of (PreSharedKeyID, PSK value), in order.

    Raises:
        UsageError: more than 65535 PSKs (``count`` is a uint16).
    """
    count = len(psks)
    if count > 0xFFFF:
        raise UsageError("too many PSKs")
    zero = bytes(suite.nh)
    secret = zero
    for index, (psk_id, psk) in enumerate(psks):
        id_bytes = psk_id.to_bytes() if isinstance(psk_id, Struct) else psk_id
        value = psk.value if isinstance(psk, Secret) else psk
        label = id_bytes + index.to_bytes(2, "big") + count.to_bytes(2, "big")
        extracted = suite.extract(zero, value)
        psk_input = suite.expand_with_label(extracted, "derived psk", label, suite.nh)
        secret = suite.extract(psk_input, secret)
    return secret
