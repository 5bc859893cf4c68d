# SPDX-License-Identifier: Apache-2.0
"""The venue's chair handovers this device holds, read from its own store.

The engine judges a chair's authority on every emergency call, pin and chair's notice
(:func:`client.crisis.authority.refusal`); the handovers it needs are crisis items
already stored (any member may forward one: it is signed by the venue root). They are
read when needed, only for channels whose charter names the chair, and checked against
the pinned root each time (a handover is a few hundred bytes; there are a few a year).
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from typing import TYPE_CHECKING

from client import payloads
from client.crisis import authority
from client.crisis.book import decode_item
from client.crisis.records import RecordError
from client.errors import ClientError

if TYPE_CHECKING:
    from client.store.base import Store

__all__ = ["handover_in", "stored_handovers"]


def stored_handovers(store: Store, root_der: bytes) -> Iterator[authority.Handover]:
    """Every valid handover among the crisis items of ``store`` (lazily)."""
    for ch in store.list_channels():
        if ch.damaged:
            continue
        try:
            rows = list(store.iter_messages(ch.channel_id))
        except ClientError:
            continue
        for m in rows:
            if m.damaged:
                continue
            with contextlib.suppress(ClientError):
                p = payloads.decode(m.body)
                if isinstance(p, payloads.Crisis):
                    h = handover_in(p.item, root_der)
                    if h is not None:
                        yield h


def handover_in(item: bytes, root_der: bytes) -> authority.Handover | None:
    """The valid handover a crisis item carries, if it carries one."""
    try:
        decoded = decode_item(item)
        return authority.verify_handover(root_der, decoded.handover) if decoded.handover \
            else None
    except (RecordError, ValueError):
        return None
