# SPDX-License-Identifier: Apache-2.0
"""The sync engine: Corridor's protocol logic, free of network I/O.

Relay data goes in (ordered messages, Welcomes, directory listings, post results);
what to send comes out (:class:`Outbound`); typed events (:mod:`client.events`) report
what happened. The engine owns the local store and the MLS groups but never touches a
socket, so tests drive it with an in-memory relay and the async driver
(:class:`client.core.Client`) stays thin::

    driver                          Engine                                store
      relay batch ──────────> receive(msgs) ─ one transaction per group ─> state+cursor+msgs
                  <── events, acks (ack only after the transaction commits)
      Welcome ──────────────> receive_welcome(w) ──────── transaction ──> channel+state
      flush:  outbox_work() ─> [AppWork | CommitWork]
              AppWork ──────> encrypt(item) ───── state saved ──> Outbound ─> relay
              CommitWork ───> membership_plan(dir) -> devices to claim KeyPackages for
                              build_commit(item, plan, kps) ── pending saved ─> Outbound
              post ok  ─────> posted(out)      (app: outbox item done; commit: wait for echo)
              409      ─────> catch up (the winner merges, ours is discarded), retry

:class:`Engine` (:mod:`.facade`) composes one part per concern, each documenting the
rules it keeps:

* :mod:`.envelope`: the AAD envelope with the signed epoch fingerprint, commit stamps,
  sealed channel information, padding;
* :mod:`.keypackages`: one-time and last-resort KeyPackages (THREATS 5);
* :mod:`.forks`: the fork check;
* :mod:`.refusals`: refusals for the relay and gaps (THREATS 7);
* :mod:`.outbox`: queued payloads and commit intents, sending, self-updates;
* :mod:`.commits`: planning and building this device's commits;
* :mod:`.sync` and :mod:`.membership`: receiving in order, merging commits, Welcomes;
* :mod:`.channels`: creating channels, posting, expiry, leaving.

Its records live in the store behind the protocols of
:mod:`client.store.engine_state`; its settings, clock and crash hook are handed in
(:mod:`.settings`). No key is used twice (THREATS 18): the group state that consumed a
ratchet key is saved before the ciphertext can leave the device.
"""

from __future__ import annotations

import secrets

from client.engine.envelope import SUITE, commit_info, epoch_fingerprint
from client.engine.facade import Engine
from client.engine.model import (
    AppWork,
    ChannelMember,
    ChannelMeta,
    CommitWork,
    DeviceIdentity,
    MembershipPlan,
    NewChannel,
    Outbound,
    ReceiveResult,
)
from client.engine.refusals import GAP_HORIZON, GAP_KEEP
from client.engine.settings import EngineSettings
from client.engine.sync import CLOCK_TOLERANCE, FAR_FUTURE

__all__ = [
    "CLOCK_TOLERANCE",
    "FAR_FUTURE",
    "GAP_HORIZON",
    "GAP_KEEP",
    "SUITE",
    "AppWork",
    "ChannelMember",
    "ChannelMeta",
    "CommitWork",
    "DeviceIdentity",
    "Engine",
    "EngineSettings",
    "MembershipPlan",
    "NewChannel",
    "Outbound",
    "ReceiveResult",
    "commit_info",
    "epoch_fingerprint",
    "new_group_id",
]


def new_group_id() -> bytes:
    """Random group ids: they reveal nothing about the channel."""
    return secrets.token_bytes(16)
