# SPDX-License-Identifier: Apache-2.0
"""The relay's delivery rules in memory, to drive the sans-I/O engine without sockets.

A test double, not a relay: no auth, no venue root, no charter check on commits (the
policy tests post forged commits through it on purpose, to see every member refuse
them). What it does keep is the relay's contract a client relies on: a per-group total
order, the first commit for an epoch wins (409 with the winner's seq), routing that
follows the verified public tree, Welcome routing, de-duplication by client message id,
one-time KeyPackages with a last-resort one, and members' refusals that void a commit
and every later one. The vote threshold is the relay's own function
(:func:`server_stub.storage.base.refusal_voids`), and
``tests/client/test_memory_relay_parity.py`` plays one scenario through this double and
through a real relay process and asserts the same answers, so the two cannot drift
apart unseen.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field
from typing import Any

import msgspec

from client.transport import (
    EpochConflictError,
    PostResult,
    RefusalResult,
    RelayMessage,
    RelayRefused,
    RelayWelcome,
    Transport,
)
from client.trust import unverified_identity
from crypto.corridor.charter import charter_from_extensions
from crypto.errors import CryptoError
from crypto.group.public_group import PublicGroup
from crypto.messages import MLSMessage
from server_stub.storage.base import refusal_voids

__all__ = ["MemoryRelay", "MemoryTransport"]



@dataclass
class _Group:
    messages: list[RelayMessage] = field(default_factory=list)
    epochs: dict[int, int] = field(default_factory=dict)
    members: dict[str, int] = field(default_factory=dict)  # device -> joined seq
    acked: dict[str, int] = field(default_factory=dict)
    left: dict[str, tuple[int, int]] = field(default_factory=dict)  # -> (joined, left seq)
    refusals: dict[int, set[str]] = field(default_factory=dict)
    voided: set[int] = field(default_factory=set)
    #: the group's public state after the commit at each seq (0: creation), MLS only
    states: dict[int, Any] = field(default_factory=dict)


def _accept_credential(credential: object, key: bytes) -> None:
    del credential, key


class MemoryRelay:
    """The relay's delivery rules in memory, for engine tests (no sockets, no auth)."""

    def __init__(self) -> None:
        self.groups: dict[bytes, _Group] = {}
        self.key_packages: dict[str, list[bytes]] = {}
        #: one per device, handed out when its one-time packages are gone (repeatedly)
        self.last_resort: dict[str, bytes] = {}
        self.welcomes: list[tuple[RelayWelcome, set[str]]] = []
        self.directory: dict[str, tuple[str, list[bytes]]] = {}
        self.crl_list: list[bytes] = []
        self._wid = 0

    def transport(self, device_id: str) -> MemoryTransport:
        return MemoryTransport(self, device_id)


class MemoryTransport(Transport):
    """A device's view of a :class:`MemoryRelay`."""

    def __init__(self, relay: MemoryRelay, device_id: str) -> None:
        self.relay = relay
        self.device_id = device_id

    async def register(self, chain: list[bytes]) -> None:
        ident = unverified_identity(chain)
        self.relay.directory[self.device_id] = (ident.mission_id, chain)

    async def login(self) -> None:
        return None

    async def publish_key_packages(self, packages: list[bytes],
                                   last_resort: bytes | None) -> int:
        self.relay.key_packages.setdefault(self.device_id, []).extend(packages)
        if last_resort is not None:
            self.relay.last_resort[self.device_id] = last_resort  # replaces the old one
        return len(self.relay.key_packages[self.device_id])

    async def key_package_count(self) -> tuple[int, bool]:
        return (len(self.relay.key_packages.get(self.device_id, [])),
                self.device_id in self.relay.last_resort)

    async def claim_key_package(self, device_id: str) -> bytes:
        kps = self.relay.key_packages.get(device_id)
        if kps:
            return kps.pop(0)
        if device_id in self.relay.last_resort:
            return self.relay.last_resort[device_id]
        raise RelayRefused(404, "not_found", "no KeyPackage")

    async def group_members(self, group_id: bytes) -> tuple[int, list[str]]:
        g = self.relay.groups.get(group_id)
        if g is None or self.device_id not in g.members:
            raise RelayRefused(404, "not_found", "no such group")
        return len(g.messages), sorted(g.members)

    async def create_group(self, group_id: bytes, group_info: bytes) -> None:
        if group_id in self.relay.groups:
            raise RelayRefused(409, "conflict", "group exists")
        try:
            state = PublicGroup.from_group_info(group_info,
                                                credential_validator=_accept_credential)
        except CryptoError as exc:
            raise RelayRefused(422, "commit_refused", str(exc)) from None
        self.relay.groups[group_id] = _Group(members={self.device_id: 0}, states={0: state})

    async def post(self, group_id: bytes, client_msg_id: str, message: bytes, *,
                   welcome: bytes | None = None,
                   welcome_to: list[str] | None = None) -> PostResult:
        """Like the relay: application messages are PrivateMessages, commits are
        PublicMessages verified against the group's public state (MLS only: this
        double knows no venue root or charter), routing follows the verified tree."""
        await asyncio.sleep(0)
        g = self.relay.groups.get(group_id)
        if g is None or self.device_id not in g.members:
            raise RelayRefused(404, "not_found", "no such group")
        for m in g.messages:
            if m.sender == self.device_id and m.client_msg_id == client_msg_id:
                return PostResult(m.seq, True)
        msg = MLSMessage.from_bytes(message)
        seq = len(g.messages) + 1
        added: list[str] = []
        removed: list[str] = []
        if msg.public_message is not None:
            epoch = msg.public_message.content.epoch
            if epoch in g.epochs:
                raise EpochConflictError(409, "epoch_conflict", "epoch taken",
                                         {"seq": g.epochs[epoch], "epoch": epoch})
            state = g.states[max(g.states)]
            try:
                verified = state.verify_commit(message, credential_validator=_accept_credential)
            except CryptoError as exc:
                raise RelayRefused(422, "commit_refused", str(exc)) from None
            if verified.external:  # the real relay's charter refuses every one
                raise RelayRefused(422, "commit_refused", "commit refused: external "
                                   "commits are not allowed in Corridor channels")
            added = [leaf.signature_key.hex() for _i, leaf in verified.added]
            removed = [leaf.signature_key.hex() for _i, leaf in verified.removed]
            if not set(welcome_to or []) <= set(added):
                raise RelayRefused(400, "bad_request", "welcome recipients must be added")
            g.epochs[epoch] = seq
            g.states[seq] = verified.group
        elif msg.private_message is None or msg.private_message.content_type != 1:
            raise RelayRefused(400, "bad_request", "application PrivateMessages or commits "
                               "as PublicMessages only")
        g.messages.append(RelayMessage(group_id, seq, self.device_id, client_msg_id, message))
        for d in removed:
            if d in g.members:
                g.left[d] = (g.members.pop(d), seq)
        for d in added:
            g.members[d] = seq
        if welcome is not None and welcome_to:
            self.relay._wid += 1
            self.relay.welcomes.append(
                (RelayWelcome(self.relay._wid, self.device_id, welcome, message, seq),
                 set(welcome_to)))
        return PostResult(seq, False)

    async def messages(self, group_id: bytes, after: int,
                       limit: int = 1000) -> tuple[list[RelayMessage], int]:
        g = self.relay.groups.get(group_id)
        if g is None or self.device_id not in g.members:
            raise RelayRefused(404, "not_found", "no such group")
        joined = g.members[self.device_id]
        out = [msgspec.structs.replace(m, voided=m.seq in g.voided)
               for m in g.messages if m.seq > max(after, joined)][:limit]
        return out, len(g.messages)

    async def refuse(self, group_id: bytes, seq: int) -> RefusalResult:
        """The relay's rule (``Storage.refuse_commit``): its vote threshold is the same
        function, the voiding that follows is done here on the dicts."""
        g = self.relay.groups.get(group_id)
        if g is None or self.device_id not in g.members:
            raise RelayRefused(404, "not_found", "no such group")
        if seq in g.voided:
            return RefusalResult(seq, 0, 0, True)
        if seq not in g.epochs.values():
            raise RelayRefused(404, "not_found", "no accepted commit at this seq")
        committer = g.messages[seq - 1].sender
        if committer == self.device_id or g.members[self.device_id] >= seq:
            raise RelayRefused(403, "forbidden", "this device may not refuse this commit")
        voters = {d for d, joined in g.members.items() if joined < seq and d != committer}
        got = g.refusals.setdefault(seq, set())
        got.add(self.device_id)
        # one vote per mission of the charter before the commit (the relay's rule)
        before = g.states[max(s for s in g.states if s < seq)]
        electorate = len(set(charter_from_extensions(before.extensions).missions))
        n = len({self.relay.directory[d][0] for d in got & voters
                 if d in self.relay.directory})
        if not refusal_voids(n, electorate):
            return RefusalResult(seq, n, electorate, False)
        for epoch, s in sorted(g.epochs.items(), key=lambda kv: -kv[1]):
            if s < seq:
                continue
            g.voided.add(s)
            g.states.pop(s, None)
            del g.epochs[epoch]
            for d in [d for d, j in g.members.items() if j == s]:
                del g.members[d]
            for d, (joined, left) in list(g.left.items()):
                if left == s:
                    g.members[d] = joined
                    del g.left[d]
            # the Welcomes it carried are withdrawn: they would join a voided epoch
            commit = g.messages[s - 1].message
            self.relay.welcomes = [(w, to) for w, to in self.relay.welcomes
                                   if w.commit != commit]
        return RefusalResult(seq, n, electorate, True)

    async def inbox(self, *, messages: bool = True,
                    ) -> tuple[list[RelayMessage], list[RelayWelcome]]:
        return [], [w for w, to in self.relay.welcomes if self.device_id in to]

    async def ack(self, acks: list[tuple[bytes, int]], welcomes: list[int]) -> None:
        for w, to in self.relay.welcomes:
            if w.id in welcomes:
                to.discard(self.device_id)

    async def directory_devices(self, mission_id: str | None) -> list[
            tuple[str, str, list[bytes]]]:
        return [(d, m, c) for d, (m, c) in self.relay.directory.items()
                if mission_id is None or m == mission_id]

    async def crls(self) -> list[bytes]:
        return list(self.relay.crl_list)

    async def publish_crl(self, crl: bytes) -> list[str]:
        self.relay.crl_list.append(crl)
        return []
