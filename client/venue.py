# SPDX-License-Identifier: Apache-2.0
"""What a device knows of its venue beyond its channels, for the command line and the app.

The venue's missions (read from the relay's directory) and why the policy would refuse
a channel before it is created. Both front ends ask here, so ``corridor create-channel``
and the app's channel wizard refuse the same things with the same words.
"""

from __future__ import annotations

import contextlib
from collections.abc import Sequence
from typing import TYPE_CHECKING

from client.policy import POLICY
from client.trust import holds_chair, unverified_identity

if TYPE_CHECKING:
    from client.core import Client

__all__ = ["new_channel_problem", "venue_missions"]


def new_channel_problem(client: Client, kind: str, missions: Sequence[str]) -> str:
    """Why the policy would refuse this channel ("" when it is fine), before creating it."""
    rule = POLICY.get(kind)
    if rule is None:
        return "unknown kind"
    chosen = set(missions) | {client.engine.me.ident.mission_id}
    if len(chosen) < rule.min_missions:
        return f"a {kind} channel needs at least {rule.min_missions} missions"
    if rule.max_missions is not None and len(chosen) > rule.max_missions:
        return f"a {kind} channel has exactly {rule.max_missions} missions"
    if kind == "notice" and not holds_chair(client):
        return "only the chair creates notice channels"
    return ""


async def venue_missions(client: Client) -> list[str]:
    """The venue's missions, from the relay's directory (plus those of known channels)."""
    found: set[str] = set()
    for row in await client.transport.directory_devices(None):
        with contextlib.suppress(Exception):  # a row we cannot read names no mission
            found.add(unverified_identity(row[2]).mission_id)
    for ch in client.channels():
        found.update(ch.missions)
    found.add(client.engine.me.ident.mission_id)
    return sorted(found)
