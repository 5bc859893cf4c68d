# SPDX-License-Identifier: Apache-2.0
"""The client core's public face: :class:`Client` (one device), the shapes it hands out
(:mod:`client.model`), and the few constants callers tune or read.

The core is a facade (:mod:`client.core.facade`) over one driver per concern: home,
views, actions, sync, connection, upkeep, directory (see the facade's docstring).
"""

from __future__ import annotations

from client.core.connection import (
    OUTBOX_RETRY_BASE,
    OUTBOX_RETRY_CAP,
    RECONNECT_BASE,
    RECONNECT_CAP,
    RETRY_AFTER_CAP,
    SWEEP_SECONDS,
    backoff,
)
from client.core.facade import Client, roster_of
from client.core.home import FAST_KDF_ENV, fast_kdf_for_tests
from client.core.sync import RECEIVE_SLICE
from client.core.upkeep import KEY_PACKAGE_LOW, KEY_PACKAGE_TARGET, KP_WATCH_SECONDS
from client.model import AckStatus, ChannelInfo, DeviceInfo, MemberView, MessageView, SearchHit

__all__ = [
    "FAST_KDF_ENV",
    "KEY_PACKAGE_LOW",
    "KEY_PACKAGE_TARGET",
    "KP_WATCH_SECONDS",
    "OUTBOX_RETRY_BASE",
    "OUTBOX_RETRY_CAP",
    "RECEIVE_SLICE",
    "RECONNECT_BASE",
    "RECONNECT_CAP",
    "RETRY_AFTER_CAP",
    "SWEEP_SECONDS",
    "AckStatus",
    "ChannelInfo",
    "Client",
    "DeviceInfo",
    "MemberView",
    "MessageView",
    "SearchHit",
    "backoff",
    "fast_kdf_for_tests",
    "roster_of",
]
