# SPDX-License-Identifier: Apache-2.0
"""deserialization.json: varint vector-length headers (RFC 9420 section 2.1.2)."""

from __future__ import annotations

from crypto.codec import decode_varint, encode_varint
from crypto.conformance import Case, vector_file
from crypto.errors import InternalError


@vector_file("deserialization.json", suite_key=None)
def check_deserialization(case: Case) -> None:
    """The header decodes to ``length``, consumes all of itself, and re-encodes the same."""
    header = bytes.fromhex(case["vlbytes_header"])
    length, end = decode_varint(header)
    if length != case["length"] or end != len(header):
        raise InternalError(f"header {header.hex()} decoded to {length} ({end} bytes)")
    if encode_varint(length) != header:
        raise InternalError(f"length {length} re-encodes differently")
