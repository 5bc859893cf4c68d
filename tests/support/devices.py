# SPDX-License-Identifier: Apache-2.0
"""Devices for engine tests: a real Engine over a store, driven through the in-memory
relay (:mod:`tests.support.memory_relay`), as a driver would but without sockets.

The policy, engine, fork, gap and threat tests all play their scenarios with these:
``venue``/``channel`` set devices up, ``Dev.sync`` plays the driver's loop,
``forge_commit`` is an insider bypassing its own engine, ``assert_agree`` checks that
honest members did not fork.
"""

from __future__ import annotations

import secrets
from collections.abc import Sequence
from dataclasses import dataclass

import msgspec

from client import payloads
from client.engine import AppWork, DeviceIdentity, Engine, MembershipPlan, Outbound, new_group_id
from client.engine.envelope import envelope, seal_info
from client.events import Event, MessageReceived, PolicyRefused
from client.policy import INFO_EXTENSION, Ident, Roster, new_info, roster_extension
from client.store import MemoryStore, Store
from client.store.base import MAX_PAGE
from client.transport import (
    EpochConflictError,
    RefusalResult,
    RelayMessage,
    RelayRefused,
    Transport,
)
from crypto.corridor.charter import CommitStamp
from crypto.group import Group
from crypto.messages import Extension, KeyPackage

from .memory_relay import MemoryRelay
from .pki import Issued, Pki

__all__ = ["Dev", "RawCommit", "assert_agree", "channel", "forge_commit", "pull_and_refuse",
           "raw_commit", "received", "send", "settle", "state", "text", "venue"]

_enc = msgspec.msgpack.Encoder()


class Dev:
    """One device: a real Engine over a store, driven through a MemoryRelay (no sockets)."""

    def __init__(self, pki: Pki, relay: MemoryRelay | None, issued: Issued,
                 roles: Sequence[bytes] = (), store: Store | None = None, *,
                 transport: Transport | None = None) -> None:
        """Over ``relay`` (in memory), or over ``transport`` (a real relay's, say)."""
        self.pki, self.issued = pki, issued
        self.store: Store = store if store is not None else MemoryStore()
        self.roles = tuple(roles)
        self.engine = self._engine()
        if transport is None:
            assert relay is not None
            transport = relay.transport(self.engine.me.device_id)
        self._relay = relay
        self.t: Transport = transport
        self.events: list[Event] = []

    @property
    def relay(self) -> MemoryRelay:
        """The in-memory relay this device talks to (for tests that look inside it)."""
        assert self._relay is not None, "this device talks to a real relay"
        return self._relay

    def _engine(self) -> Engine:
        return Engine(self.store, DeviceIdentity(self.issued.seed, self.issued.chain, self.roles),
                      self.pki.trust())

    def restart(self) -> None:
        """A new Engine over the same store (the in-memory groups are gone)."""
        self.engine = self._engine()

    @property
    def device_id(self) -> str:
        return self.engine.me.device_id

    @property
    def ident(self) -> Ident:
        return self.engine.me.ident

    async def register(self) -> Dev:
        await self.t.register(list(self.issued.chain))
        await self.t.login()
        await self.t.publish_key_packages(self.engine.make_key_packages(4), None)
        return self

    async def create(self, kind: str, name: str, missions: Sequence[str]) -> bytes:
        gid = new_group_id()
        self.engine.create_channel(gid, kind, name, missions)
        await self.t.create_group(gid, self.engine.group_info(gid))
        return gid

    def group(self, gid: bytes) -> Group:
        return self.engine._group(gid)

    def epoch(self, gid: bytes) -> int:
        return self.group(gid).epoch

    async def _prepare(self, w: object) -> Outbound | None:
        e = self.engine
        if isinstance(w, AppWork):
            return e.encrypt(w)
        assert not isinstance(w, AppWork)
        if w.pending:  # type: ignore[attr-defined]
            return e.build_commit(w, MembershipPlan((), (), (), None), {})  # type: ignore[arg-type]
        rows = await self.t.directory_devices(None)
        plan = e.membership_plan(w, rows)  # type: ignore[arg-type]
        kps = {}
        for dev in plan.add:
            try:
                kps[dev] = await self.t.claim_key_package(dev)
            except RelayRefused:
                continue
        return e.build_commit(w, plan, kps)  # type: ignore[arg-type]

    async def flush(self, rounds: int = 5) -> int:
        """Send the outbox; on a lost race catch up and retry. Returns the races lost."""
        lost = 0
        for _ in range(rounds):
            work = self.engine.outbox_work()
            if not work:
                return lost
            for w in work:
                out = await self._prepare(w)
                if out is None:
                    continue
                try:
                    await self.t.post(out.group_id, out.client_msg_id, out.message,
                                      welcome=out.welcome, welcome_to=list(out.welcome_to))
                except EpochConflictError:
                    lost += 1
                    await self.pull()
                    break
                self.engine.posted(out)
                if out.is_commit:
                    await self.pull()
        return lost

    async def pull(self) -> list[Event]:
        """Welcomes, then every channel's new messages, as a driver would."""
        got: list[Event] = []
        _m, welcomes = await self.t.inbox()
        for w in welcomes:
            got += self.engine.receive_welcome(w)
        if welcomes:
            await self.t.ack([], [w.id for w in welcomes])
        for ch in self.store.list_channels():
            try:
                msgs, _last = await self.t.messages(ch.group_id, ch.cursor)
            except RelayRefused:
                continue
            if msgs:
                got += self.engine.receive(msgs).events
        self.events += got
        return got

    async def sync(self) -> list[Event]:
        got = await self.pull()
        await self.flush()
        got += await self.pull()
        return got

    def texts(self, gid: bytes) -> list[str]:
        out = []
        for m in self.store.list_messages(gid, limit=MAX_PAGE):
            p = payloads.decode(m.body)
            out.append(getattr(p, "body", ""))
        return out

    def refused(self, since: int = 0) -> list[PolicyRefused]:
        return [e for e in self.events[since:] if isinstance(e, PolicyRefused)]

    def members(self, gid: bytes) -> set[str]:
        return {m.signature_key.hex() for m in self.group(gid).members()}


def text(body: str) -> payloads.Text:
    return payloads.Text(message_id=payloads.new_message_id(), sent_at=payloads.now_ms(),
                         body=body)


@dataclass(frozen=True)
class RawCommit:
    """A commit built from a device's raw MLS group, not yet posted."""

    epoch: int
    message: bytes
    welcome: bytes | None
    welcome_to: list[str] | None


async def raw_commit(dev: Dev, gid: bytes, *, add: Sequence[Issued | bytes] = (),
                     remove: Sequence[str] = (), roster: Roster | None = None,
                     crls: Sequence[bytes] = (), permissive: bool = False,
                     welcome_info: bool = False) -> RawCommit:
    """A commit by ``dev`` built with its raw MLS group, bypassing its own engine's policy
    check; ``dev``'s own state stays as it was.

    ``welcome_info`` puts the channel information in the Welcome as an honest engine
    does, so that a joiner's client gets as far as its own policy checks.

    ``add`` holds devices (their KeyPackage is claimed) or raw KeyPackages; ``remove``
    device ids. ``permissive`` builds with a validator that accepts any credential (the
    relay-forged-leaf attack).
    """
    g = dev.group(gid)
    if permissive:
        g = Group.from_bytes(g.to_bytes(), credential_validator=lambda _c, _k: None)
    else:
        g = Group.from_bytes(g.to_bytes(), credential_validator=dev.engine.trust)
    kps, add_ids = [], []
    for a in add:
        raw = a if isinstance(a, bytes) else await dev.t.claim_key_package(a.device_id)
        kp = KeyPackage.from_bytes(raw)
        kps.append(kp)
        add_ids.append(kp.leaf_node.signature_key.hex())
    leaves = [m.leaf_index for m in g.members() if m.signature_key.hex() in set(remove)]
    exts = None
    sealed = b""
    if roster is not None:
        info = dev.engine.channel_state(gid)[1].info
        if roster.name != dev.engine.roster(gid).name:
            info = new_info(roster.name)
            sealed = seal_info(g, info)
        exts = [e for e in g.extensions if e.extension_type != 0xF0C2] + [
            roster_extension(roster, info)]
    stamp = CommitStamp(list(crls), dev.engine.message_meta(gid).commit_at, sealed)
    epoch = g.epoch
    info = dev.engine.channel_state(gid)[1].info
    wexts = [Extension(extension_type=INFO_EXTENSION, extension_data=info)] \
        if welcome_info and kps and info else []
    out = g.commit(add=kps, remove=leaves, group_context_extensions=exts,
                   authenticated_data=envelope(g, _enc.encode(stamp)),
                   handshake_encrypted=False, welcome_extensions=wexts)
    return RawCommit(epoch, out.message, out.welcome, add_ids if out.welcome else None)


async def forge_commit(dev: Dev, gid: bytes, *, add: Sequence[Issued | bytes] = (),
                       remove: Sequence[str] = (), roster: Roster | None = None,
                       crls: Sequence[bytes] = (), permissive: bool = False) -> None:
    """``dev`` posts a :func:`raw_commit` (same arguments) to the in-memory relay.

    The in-memory relay (which checks MLS, not the charter) then forgets that the epoch
    is taken, so the honest members' later commits for it are accepted: what voiding
    does on the real relay.
    """
    c = await raw_commit(dev, gid, add=add, remove=remove, roster=roster, crls=crls,
                         permissive=permissive)
    res = await dev.t.post(gid, f"c.forged{secrets.token_hex(4)}", c.message,
                           welcome=c.welcome, welcome_to=c.welcome_to)
    # Honest members refuse it; let them commit this epoch afterwards (a relay that
    # keeps the epoch taken wedges the channel's roster: see the report).
    dev.relay.groups[gid].epochs.pop(c.epoch, None)
    dev.relay.groups[gid].states.pop(res.seq, None)


def assert_agree(devs: Sequence[Dev], gid: bytes) -> None:
    """Honest members are at one epoch with one epoch authenticator and one membership."""
    groups = [d.group(gid) for d in devs]
    assert len({g.epoch for g in groups}) == 1, [g.epoch for g in groups]
    assert len({g.epoch_authenticator for g in groups}) == 1
    assert len({frozenset(d.members(gid)) for d in devs}) == 1


async def venue(pki: Pki, people: dict[str, Issued], names: Sequence[str],
                roles: dict[str, bytes] | None = None) -> tuple[MemoryRelay, dict[str, Dev]]:
    relay = MemoryRelay()
    devs = {}
    for n in names:
        r = (roles["chair"],) if roles and n == "a" else ()
        devs[n] = await Dev(pki, relay, people[n], roles=r).register()
    return relay, devs


async def settle(devs: Sequence[Dev], rounds: int = 2) -> None:
    for _ in range(rounds):
        for d in devs:
            await d.sync()


async def channel(pki: Pki, people: dict[str, Issued], names: Sequence[str] = ("a", "b"),
                  kind: str = "multilateral",
                  stores: dict[str, object] | None = None) -> tuple[MemoryRelay, dict[str, Dev],
                                                                    bytes]:
    relay = MemoryRelay()
    devs = {n: await Dev(pki, relay, people[n],
                         store=(stores or {}).get(n)).register()  # type: ignore[arg-type]
            for n in names}
    missions = sorted({devs[n].ident.mission_id for n in names} - {"alderia"})
    gid = await devs["a"].create(kind, "wg", missions)
    for _ in range(2):
        for d in devs.values():
            await d.sync()
    assert_agree(list(devs.values()), gid)
    return relay, devs, gid


async def send(dev: Dev, gid: bytes, *bodies: str) -> list[RelayMessage]:
    """``dev`` sends ``bodies``; returns what the relay stored for them, in its order."""
    n = len(dev.relay.groups[gid].messages)
    for body in bodies:
        dev.engine.enqueue_payload(gid, text(body))
    await dev.flush()
    return dev.relay.groups[gid].messages[n:]


def state(dev: Dev, gid: bytes) -> tuple[int, bytes, bytes | None, bytes]:
    """What must not change when a message is refused: epoch, group state bytes (both
    parts), roster."""
    g = dev.group(gid)
    st = dev.store.get_group_state(gid)
    assert st is not None
    return g.epoch, st.state, st.ratchets, dev.store.get_channel(gid).roster


def received(events: Sequence[object]) -> list[MessageReceived]:
    return [e for e in events if isinstance(e, MessageReceived)]
async def pull_and_refuse(dev: Dev) -> list[RefusalResult]:
    """What the driver (client.core) does: receive, then send the refusals."""
    await dev.pull()
    out = []
    for gid, seq in dev.engine.pending_refusals():
        out.append(await dev.t.refuse(gid, seq))
        dev.engine.refusal_sent(gid, seq)
    assert not dev.engine.pending_refusals()
    return out
