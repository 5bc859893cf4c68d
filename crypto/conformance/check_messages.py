# SPDX-License-Identifier: Apache-2.0
"""messages.json: every wire struct decodes and re-encodes byte-exactly (RFC 9420).

Each case holds one serialized value per struct kind; the checker decodes each with
the matching decoder, checks the discriminators the vector format promises (the
MLSMessage wire format, the PublicMessage content type) and demands the re-encoding
equal the input.
"""

from __future__ import annotations

from collections.abc import Callable

from crypto.codec import Struct
from crypto.conformance import Case, vector_file
from crypto.errors import InternalError
from crypto.messages import (
    Add,
    Commit,
    ContentType,
    ExternalInit,
    GroupContextExtensions,
    GroupSecrets,
    MLSMessage,
    PreSharedKey,
    RatchetTree,
    ReInit,
    Remove,
    Update,
    WireFormat,
)


def _mls(wire_format: WireFormat, content_type: ContentType | None = None
         ) -> Callable[[bytes], Struct]:
    def decode(data: bytes) -> Struct:
        msg = MLSMessage.from_bytes(data)
        if msg.wire_format != wire_format:
            raise InternalError(f"wire format {msg.wire_format!r}, wanted {wire_format!r}")
        if content_type is not None:
            pub = msg.public_message
            if pub is None or pub.content.content_type != content_type:
                raise InternalError(f"wanted a public {content_type.name} message")
        return msg
    return decode


# Field name in messages.json -> decoder of exactly those bytes.
FIELDS: dict[str, Callable[[bytes], Struct]] = {
    "mls_welcome": _mls(WireFormat.mls_welcome),
    "mls_group_info": _mls(WireFormat.mls_group_info),
    "mls_key_package": _mls(WireFormat.mls_key_package),
    "ratchet_tree": RatchetTree.from_bytes,
    "group_secrets": GroupSecrets.from_bytes,
    "add_proposal": Add.from_bytes,
    "update_proposal": Update.from_bytes,
    "remove_proposal": Remove.from_bytes,
    "pre_shared_key_proposal": PreSharedKey.from_bytes,
    "re_init_proposal": ReInit.from_bytes,
    "external_init_proposal": ExternalInit.from_bytes,
    "group_context_extensions_proposal": GroupContextExtensions.from_bytes,
    "commit": Commit.from_bytes,
    "public_message_application": _mls(WireFormat.mls_public_message, ContentType.application),
    "public_message_proposal": _mls(WireFormat.mls_public_message, ContentType.proposal),
    "public_message_commit": _mls(WireFormat.mls_public_message, ContentType.commit),
    "private_message": _mls(WireFormat.mls_private_message),
}


@vector_file("messages.json", suite_key=None)
def check_messages(case: Case) -> None:
    """Every field of the case round-trips; a field Corridor does not know fails."""
    unknown = set(case) - set(FIELDS)
    if unknown:
        raise InternalError(f"unknown messages.json fields {sorted(unknown)}")
    for name, decode in FIELDS.items():
        data = bytes.fromhex(case[name])
        value = decode(data)
        if value.to_bytes() != data:
            raise InternalError(f"{name} does not re-encode byte-exactly")
