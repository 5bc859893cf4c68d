# SPDX-License-Identifier: Apache-2.0
"""What a test may read of the relay's bytes: whether an MLSMessage is a commit.

Client message ids say nothing (they are random, THREATS 26), so tests that pick the
commits out of a relay's order read the MLS framing, as the relay itself does.
"""

from __future__ import annotations

from crypto.messages import ContentType, MLSMessage


def is_commit(raw: bytes) -> bool:
    msg = MLSMessage.from_bytes(raw)
    if msg.private_message is not None:
        return bool(msg.private_message.content_type == ContentType.commit)
    if msg.public_message is not None:
        return bool(msg.public_message.content.content_type == ContentType.commit)
    return False
