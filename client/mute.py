# SPDX-License-Identifier: Apache-2.0
"""Per-channel mute, kept in the device's encrypted store (the command line and the app
share it), and the rule for what breaks through it.

A muted channel raises no notification for ordinary messages. An emergency meeting and
a message asking for an acknowledgement (a hotline message) always notify, and hotline
calls ring through the crisis desk (:mod:`client.crisis.alarm`), which mute never
touches: a delegate who muted a noisy channel must still hear the call that matters.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

import msgspec

from client.store.engine_state import MUTE

if TYPE_CHECKING:
    from client.store.engine_state import ClientRecordStore

__all__ = ["breaks_through", "muted", "set_muted"]

_enc: Final = msgspec.msgpack.Encoder()
_dec: Final = msgspec.msgpack.Decoder(list[str])


def muted(store: ClientRecordStore) -> frozenset[str]:
    """The muted channels' ids (hex)."""
    raw = store.get_client_record(MUTE)
    if raw is None:
        return frozenset()
    try:
        return frozenset(_dec.decode(raw))
    except msgspec.MsgspecError:
        return frozenset()


def set_muted(store: ClientRecordStore, channel_id: str, on: bool) -> bool:
    """Mute (``on``) or unmute a channel; False when it already was."""
    now = muted(store)
    if (channel_id in now) == on:
        return False
    after = now | {channel_id} if on else now - {channel_id}
    store.put_client_record(MUTE, _enc.encode(sorted(after)))
    return True


def breaks_through(kind: str, requires_ack: bool) -> bool:
    """Whether a message notifies even in a muted channel."""
    return kind == "emergency" or requires_ack
