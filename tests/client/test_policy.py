# SPDX-License-Identifier: Apache-2.0
"""The channel policy (client/policy.py): the table, and real MLS commits every member checks.

Certificates are real (a venue root, three missions, delegates, a chair and a convener
role issued with ``crypto.certs``); commits are real MLS commits built by one member's
engine (or, for the attacks, by its raw ``Group`` so the local check is bypassed) and
checked by the other members' engines as they arrive through the in-memory relay.
Every refusal is asserted on at least two honest members, who must agree (no forks).

``Pki`` and ``Dev`` are shared with ``test_engine.py``.
"""

from __future__ import annotations

import secrets
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

import msgspec
import pytest

from client import payloads
from client.engine import (
    SUITE,
    AppWork,
    DeviceIdentity,
    Engine,
    MembershipPlan,
    Outbound,
    new_group_id,
)
from client.engine.envelope import envelope, seal_info
from client.errors import NotFoundError, UsageError
from client.events import Event, MembershipChanged, MessageReceived, PolicyRefused
from client.policy import (
    LEAF_EXTENSIONS,
    POLICY,
    Authority,
    Ident,
    PolicyViolation,
    Roster,
    check_commit,
    check_post,
    check_state,
    decode_roster,
    encode_roster,
    new_info,
    roster_extension,
)
from client.store import MemoryStore, Store
from client.store.base import MAX_PAGE
from client.transport import EpochConflictError, MemoryRelay, RelayRefused
from client.trust import Trust, x509_credential
from crypto import certs
from crypto.corridor.charter import CommitStamp
from crypto.group import Group
from crypto.messages import KeyPackage
from crypto.messages.key_package import default_capabilities, make_key_package

A_M, B_M, C_M = "alderia", "borduria", "carpania"
_enc = msgspec.msgpack.Encoder()


# --------------------------------------------------------------------------- PKI


@dataclass
class Issued:
    """A certified device: its seed and chain (device, mission)."""

    seed: bytes = field(repr=False)
    chain: tuple[bytes, ...]

    @property
    def device_id(self) -> str:
        return certs.public_key_of(self.seed).hex()

    @property
    def serial(self) -> int:
        return certs.certificate_serial(self.chain[0])


class Pki:
    """A venue: root, missions, and the certificates the tests need."""

    def __init__(self, missions: Sequence[str] = (A_M, B_M, C_M), name: str = "Test Venue") -> None:
        self.now = datetime.now(UTC)
        self.root_seed = certs.new_signing_key()
        self.root = certs.make_root_certificate(
            self.root_seed, name=name, not_before=self.now - timedelta(days=1),
            not_after=self.now + timedelta(days=365))
        self.missions: dict[str, tuple[bytes, bytes]] = {}
        for m in missions:
            seed = certs.new_signing_key()
            der = certs.issue_mission_certificate(
                self.root, self.root_seed, public_key=certs.public_key_of(seed), mission_id=m,
                name=f"Mission of {m}", not_before=self.now - timedelta(days=1),
                not_after=self.now + timedelta(days=200))
            self.missions[m] = (der, seed)
        self._crl_numbers: dict[str, int] = {}

    def device(self, mission: str, delegate: str, *, seed: bytes | None = None,
               signer: str | None = None, not_after: datetime | None = None) -> Issued:
        """A device certificate; ``signer`` issues it with another mission's key (forgery)."""
        mder, mseed = self.missions[mission]
        if signer is not None:
            mseed = self.missions[signer][1]
        seed = seed or certs.new_signing_key()
        if signer is not None:  # sign the right mission's profile with the wrong key
            from cryptography import x509
            from cryptography.hazmat.primitives.asymmetric import ed25519
            from cryptography.hazmat.primitives.serialization import Encoding

            genuine = x509.load_der_x509_certificate(certs.issue_device_certificate(
                mder, self.missions[mission][1], public_key=certs.public_key_of(seed),
                delegate_id=delegate, display_name=delegate,
                not_before=self.now - timedelta(hours=1),
                not_after=not_after or self.now + timedelta(days=90)))
            b = x509.CertificateBuilder().subject_name(genuine.subject).issuer_name(
                genuine.issuer).public_key(genuine.public_key()).serial_number(
                genuine.serial_number).not_valid_before(genuine.not_valid_before_utc
                                                         ).not_valid_after(
                genuine.not_valid_after_utc)
            for ext in genuine.extensions:
                b = b.add_extension(ext.value, ext.critical)
            forged = b.sign(ed25519.Ed25519PrivateKey.from_private_bytes(mseed), None)
            return Issued(seed, (forged.public_bytes(Encoding.DER), mder))
        dev = certs.issue_device_certificate(
            mder, mseed, public_key=certs.public_key_of(seed), delegate_id=delegate,
            display_name=delegate, not_before=self.now - timedelta(hours=1),
            not_after=not_after or self.now + timedelta(days=90))
        return Issued(seed, (dev, mder))

    def role(self, role: str, mission: str, delegate: str, channel: str | None = None) -> bytes:
        return certs.issue_role_certificate(
            self.root, self.root_seed, role=role, channel=channel, delegate_id=delegate,
            mission_id=mission, not_before=self.now - timedelta(hours=1),
            not_after=self.now + timedelta(days=7))

    def crl(self, issuer: str | None, serials: Sequence[int]) -> bytes:
        """A CRL of ``issuer`` (a mission id, or None for the root) revoking ``serials``."""
        der, seed = (self.root, self.root_seed) if issuer is None else self.missions[issuer]
        key = issuer or ""
        self._crl_numbers[key] = self._crl_numbers.get(key, 0) + 1
        return certs.make_crl(der, seed, revoked=[(s, self.now) for s in serials],
                              this_update=self.now, next_update=self.now + timedelta(days=7),
                              number=self._crl_numbers[key])

    def trust(self) -> Trust:
        return Trust(self.root)

    def ident(self, issued: Issued) -> Ident:
        v = self.trust().verify_chain(issued.chain)
        return Ident(v.mission_id, v.delegate_id)


# --------------------------------------------------------------------------- devices


class Dev:
    """One device: a real Engine over a store, driven through a MemoryRelay (no sockets)."""

    def __init__(self, pki: Pki, relay: MemoryRelay, issued: Issued,
                 roles: Sequence[bytes] = (), store: Store | None = None) -> None:
        self.pki, self.relay, self.issued = pki, relay, issued
        self.store: Store = store if store is not None else MemoryStore()
        self.roles = tuple(roles)
        self.engine = self._engine()
        self.t = relay.transport(self.engine.me.device_id)
        self.events: list[Event] = []

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


async def forge_commit(dev: Dev, gid: bytes, *, add: Sequence[Issued | bytes] = (),
                       remove: Sequence[str] = (), roster: Roster | None = None,
                       crls: Sequence[bytes] = (), permissive: bool = False) -> None:
    """``dev`` commits with its raw MLS group, bypassing its own engine's policy check.

    The in-memory relay (which checks MLS, not the charter) then forgets that the epoch
    is taken, so the honest members' later commits for it are accepted: what voiding
    does on the real relay.

    ``add`` holds devices (their KeyPackage is claimed) or raw KeyPackages; ``remove``
    device ids. ``permissive`` builds with a validator that accepts any credential (the
    relay-forged-leaf attack). The commit is posted; ``dev``'s own state stays as it was.
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
    out = g.commit(add=kps, remove=leaves, group_context_extensions=exts,
                   authenticated_data=envelope(g, _enc.encode(stamp)),
                   handshake_encrypted=False)
    res = await dev.t.post(gid, f"c.forged{secrets.token_hex(4)}", out.message,
                           welcome=out.welcome, welcome_to=add_ids if out.welcome else None)
    # Honest members refuse it; let them commit this epoch afterwards (a relay that
    # keeps the epoch taken wedges the channel's roster: see the report).
    dev.relay.groups[gid].epochs.pop(g.epoch, None)
    dev.relay.groups[gid].states.pop(res.seq, None)


def assert_agree(devs: Sequence[Dev], gid: bytes) -> None:
    """Honest members are at one epoch with one epoch authenticator and one membership."""
    groups = [d.group(gid) for d in devs]
    assert len({g.epoch for g in groups}) == 1, [g.epoch for g in groups]
    assert len({g.epoch_authenticator for g in groups}) == 1
    assert len({frozenset(d.members(gid)) for d in devs}) == 1


# --------------------------------------------------------------------------- fixtures


@pytest.fixture(scope="module")
def pki() -> Pki:
    return Pki()


@pytest.fixture(scope="module")
def people(pki: Pki) -> dict[str, Issued]:
    return {
        "a": pki.device(A_M, "ana"), "a2": pki.device(A_M, "ben"),
        "b": pki.device(B_M, "bea"), "b2": pki.device(B_M, "bo"),
        "c": pki.device(C_M, "cy"), "c2": pki.device(C_M, "cai"),
    }


@pytest.fixture(scope="module")
def roles(pki: Pki) -> dict[str, bytes]:
    return {"chair": pki.role("chair", A_M, "ana"),
            "convener": pki.role("convener", B_M, "bea", channel="working group 1")}


def roster(kind: str, missions: Sequence[str], **kw: object) -> Roster:
    base: dict[str, object] = {"kind": kind, "name": f"a {kind}", "missions": tuple(missions),
                               "created_by": "alderia/ana"}
    base.update(kw)
    return Roster(**base)  # type: ignore[arg-type]


# --------------------------------------------------------------------------- the table


def test_policy_table_matches_design() -> None:
    assert POLICY["bilateral"].roster_change is Authority.NOBODY
    assert POLICY["bilateral"].post is Authority.EVERYONE
    assert (POLICY["bilateral"].min_missions, POLICY["bilateral"].max_missions) == (2, 2)
    for kind in ("multilateral", "caucus"):
        assert POLICY[kind].roster_change is Authority.CONVENERS
        assert POLICY[kind].post is Authority.EVERYONE
    assert POLICY["notice"].roster_change is Authority.CHAIRS
    assert POLICY["notice"].post is Authority.CHAIRS


def test_bilateral_fixed_pair(pki: Pki, people: dict[str, Issued]) -> None:
    a, b, c = (pki.ident(people[k]) for k in "abc")
    r = roster("bilateral", [A_M, B_M])
    check_state(r, [a, b])
    with pytest.raises(PolicyViolation):
        check_state(roster("bilateral", [A_M]), [a])
    with pytest.raises(PolicyViolation):
        check_state(roster("bilateral", [A_M, B_M, C_M]), [a, b, c])
    with pytest.raises(PolicyViolation):  # a device of a third mission in the tree
        check_state(r, [a, b, c])
    for who in (a, b):
        check_post(r, who, frozenset())
        with pytest.raises(PolicyViolation):  # nobody changes a bilateral roster
            check_commit(before=r, after=r.with_changes(name="renamed"), committer=who,
                         added=[], removed=[], members_after=[a, b], chairs=frozenset(),
                         founding=False)
    # ...not even its creator while founding it, though she populates it
    check_commit(before=r, after=r, committer=a, added=[b], removed=[],
                 members_after=[a, b], chairs=frozenset(), founding=True)
    with pytest.raises(PolicyViolation):
        check_commit(before=r, after=r.with_changes(missions=(A_M, C_M)), committer=a,
                     added=[c], removed=[], members_after=[a, c], chairs=frozenset(),
                     founding=True)


@pytest.mark.parametrize("kind", ["multilateral", "caucus"])
def test_conveners_change_the_roster(kind: str, pki: Pki, people: dict[str, Issued],
                                     roles: dict[str, bytes]) -> None:
    a, b, c = (pki.ident(people[k]) for k in "abc")
    chairs = pki.trust().chairs([roles["chair"]])
    r = roster(kind, [A_M, B_M], conveners=("alderia/ana",))
    wider = r.with_changes(missions=(A_M, B_M, C_M))
    for who in (a, b):
        check_post(r, who, frozenset())
    check_commit(before=r, after=wider, committer=a, added=[c], removed=[],
                 members_after=[a, b, c], chairs=frozenset(), founding=False)
    with pytest.raises(PolicyViolation, match="may not change"):
        check_commit(before=r, after=wider, committer=b, added=[c], removed=[],
                     members_after=[a, b, c], chairs=frozenset(), founding=False)
    # the chair has no authority over a multilateral or caucus roster it does not convene
    chair_r = r.with_changes(conveners=("borduria/bea",))
    with pytest.raises(PolicyViolation):
        check_commit(before=chair_r, after=chair_r.with_changes(missions=(A_M, B_M, C_M)),
                     committer=a, added=[c], removed=[], members_after=[a, b, c],
                     chairs=chairs, founding=False)
    # a non-convener can neither add nor remove another mission's devices
    with pytest.raises(PolicyViolation):
        check_commit(before=r, after=r, committer=b, added=[pki.ident(people["a2"])],
                     removed=[], members_after=[a, b], chairs=frozenset(), founding=False)
    with pytest.raises(PolicyViolation):
        check_commit(before=r, after=r, committer=b, added=[], removed=[(a, False)],
                     members_after=[b], chairs=frozenset(), founding=False)


def test_notice_chair_only(pki: Pki, people: dict[str, Issued], roles: dict[str, bytes]) -> None:
    a, b, c = (pki.ident(people[k]) for k in "abc")
    trust = pki.trust()
    chairs = trust.chairs([roles["chair"], roles["convener"]])
    assert chairs == frozenset({"alderia/ana"})  # a convener role is not a chair role
    r = roster("notice", [A_M, B_M, C_M], chairs=(roles["chair"],))
    check_post(r, a, chairs)
    for who in (b, c, pki.ident(people["a2"])):  # not even the chair's mission colleague
        with pytest.raises(PolicyViolation, match="only the chair"):
            check_post(r, who, chairs)
    renamed = r.with_changes(name="Agenda (revised)")
    check_commit(before=r, after=renamed, committer=a, added=[], removed=[],
                 members_after=[a, b, c], chairs=chairs, founding=False)
    with pytest.raises(PolicyViolation):
        check_commit(before=r, after=renamed, committer=b, added=[], removed=[],
                     members_after=[a, b, c], chairs=chairs, founding=False)
    # a role certificate of another venue grants nothing
    other = Pki(name="Other Venue")
    assert trust.chairs([other.role("chair", B_M, "bea")]) == frozenset()


def test_device_adds_and_removals(pki: Pki, people: dict[str, Issued]) -> None:
    a, b, b2, c = (pki.ident(people[k]) for k in ("a", "b", "b2", "c"))
    r = roster("multilateral", [A_M, B_M, C_M], conveners=("alderia/ana",))
    common = dict(before=r, after=r, chairs=frozenset(), founding=False)
    # own mission's new device: allowed to any member of that mission
    check_commit(committer=b, added=[b2], removed=[], members_after=[a, b, b2, c], **common)
    # another mission's device: refused, unless the convener
    with pytest.raises(PolicyViolation, match="may not add"):
        check_commit(committer=c, added=[b2], removed=[], members_after=[a, b, b2, c],
                     **common)
    check_commit(committer=a, added=[b2], removed=[], members_after=[a, b, b2, c], **common)
    # removal of another mission's device: only with proof of revocation
    check_commit(committer=c, added=[], removed=[(b2, True)], members_after=[a, b, c],
                 **common)
    with pytest.raises(PolicyViolation, match="may not remove"):
        check_commit(committer=c, added=[], removed=[(b2, False)], members_after=[a, b, c],
                     **common)
    check_commit(committer=b, added=[], removed=[(b2, False)], members_after=[a, b, c],
                 **common)
    with pytest.raises(PolicyViolation, match="external"):
        check_commit(committer=None, added=[], removed=[], members_after=[a, b, c], **common)
    with pytest.raises(PolicyViolation, match="kind"):
        check_commit(committer=a, added=[], removed=[], members_after=[a, b, c],
                     before=r, after=r.with_changes(kind="caucus"), chairs=frozenset(),
                     founding=False)


def test_roster_encoding_is_canonical_and_strict() -> None:
    r1 = roster("caucus", [C_M, A_M, A_M], conveners=("b/x1", "a/y1"))
    r2 = roster("caucus", [A_M, C_M], conveners=("a/y1", "b/x1"))
    assert encode_roster(r1) == encode_roster(r2)
    assert decode_roster(encode_roster(r1)).missions == (A_M, C_M)
    for bad in (b"", b"\xc1", secrets.token_bytes(40), encode_roster(r1)[:-3],
                _enc.encode({"v": 2, "kind": "caucus", "name": "x", "missions": [A_M],
                             "created_by": "a/b12"}),
                _enc.encode({"v": 1, "kind": "salon", "name": "x", "missions": [A_M],
                             "created_by": "a/b12"}),
                _enc.encode({"v": 1, "kind": "caucus", "name": "x", "missions": [A_M],
                             "created_by": "a/b12", "extra": 1})):
        with pytest.raises(PolicyViolation):
            decode_roster(bad)
    with pytest.raises(UsageError):
        encode_roster(roster("salon", [A_M]))


# --------------------------------------------------------------------------- real MLS


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


async def test_non_convener_adding_a_mission_is_refused_by_every_member(
        pki: Pki, people: dict[str, Issued]) -> None:
    _relay, d = await venue(pki, people, ["a", "a2", "b", "c"])
    gid = await d["a"].create("multilateral", "wg", [B_M])
    await settle([d["a"], d["a2"], d["b"]])
    honest = [d["a"], d["a2"]]
    assert_agree([*honest, d["b"]], gid)
    assert len(d["a"].members(gid)) == 3
    # locally, the engine refuses to queue it
    wider = d["b"].engine.roster(gid).with_changes(missions=(A_M, B_M, C_M))
    with pytest.raises(UsageError):
        d["b"].engine.enqueue_membership(gid, wider)
    # the insider bypasses its engine: every honest member refuses, identically
    epoch = d["a"].epoch(gid)
    await forge_commit(d["b"], gid, add=[people["c"]], roster=wider)
    for h in honest:
        before = len(h.refused())
        await h.pull()
        assert h.epoch(gid) == epoch
        assert len(h.refused()) == before + 1
        assert "may not change" in h.refused()[-1].reason
        assert h.engine.roster(gid).missions == (A_M, B_M)
    assert_agree(honest, gid)
    # the channel stays readable, and the convener's own change is accepted by all
    d["a"].engine.enqueue_payload(gid, text("still here"))
    d["a"].engine.enqueue_membership(gid, wider)
    await d["a"].flush()
    await d["a2"].pull()
    assert d["a2"].texts(gid) == ["still here"]
    assert d["a2"].engine.roster(gid).missions == (A_M, B_M, C_M)
    assert_agree(honest, gid)


async def test_relay_forged_leaf_is_refused(pki: Pki, people: dict[str, Issued]) -> None:
    relay, d = await venue(pki, people, ["a", "a2", "b"])
    gid = await d["a"].create("caucus", "allies", [B_M])
    await settle(list(d.values()))
    assert_agree(list(d.values()), gid)
    epoch = d["a"].epoch(gid)
    # a leaf whose certificate chains to a root the relay made (same mission id)
    fake = Pki(name="Relay Venue")
    forged = fake.device(B_M, "mole")
    seed = forged.seed
    now = int(pki.now.timestamp())
    kp = make_key_package(SUITE, x509_credential(forged.chain), seed,
                          lifetime=(now - 60, now + 86400),
                          capabilities=default_capabilities(SUITE, LEAF_EXTENSIONS)
                          ).key_package.to_bytes()
    # 1. substituted in a KeyPackage claim: the adding client refuses it, no Add is sent
    relay.key_packages[people["b2"].device_id] = [kp]
    relay.directory[people["b2"].device_id] = (B_M, list(people["b2"].chain))
    work = d["b"].engine.outbox_work()
    assert work == []
    d["b"].engine.enqueue_membership(gid)
    (w,) = d["b"].engine.outbox_work()
    plan = d["b"].engine.membership_plan(w, await d["b"].t.directory_devices(None))  # type: ignore[arg-type]
    assert plan.add == (people["b2"].device_id,)
    assert d["b"].engine.build_commit(w, plan, {people["b2"].device_id: kp}) is None  # type: ignore[arg-type]
    assert d["b"].epoch(gid) == epoch and d["b"].group(gid).pending_commit is None
    # 2. an insider's commit carrying the forged leaf: refused by every honest member
    await forge_commit(d["b"], gid, add=[kp], permissive=True)
    for h in (d["a"], d["a2"]):
        got = await h.pull()
        assert h.epoch(gid) == epoch
        assert fake.trust().verify_chain(forged.chain)  # it is valid, just not ours
        assert any(getattr(e, "detail", "") in ("PolicyError", "PolicyViolation")
                   for e in got), got
        assert forged.device_id not in h.members(gid)
    assert_agree([d["a"], d["a2"]], gid)


async def test_notice_post_by_a_non_chair_is_refused(pki: Pki, people: dict[str, Issued],
                                                      roles: dict[str, bytes]) -> None:
    _relay, d = await venue(pki, people, ["a", "a2", "b", "c"], roles)
    gid = await d["a"].create("notice", "Agenda", [B_M, C_M])
    await settle(list(d.values()))
    assert_agree(list(d.values()), gid)
    d["a"].engine.enqueue_payload(gid, text("agenda v2"))
    await d["a"].flush()
    with pytest.raises(UsageError):  # the engine refuses locally
        d["b"].engine.enqueue_payload(gid, text("I am the chair now"))
    # the sender bypasses its engine: an application message encrypted by hand
    g = d["b"].group(gid)
    forged = text("I am the chair now")
    msg = g.encrypt_application(payloads.encode(forged), authenticated_data=envelope(
        g, payloads.build_aad(forged.message_id)))
    await d["b"].t.post(gid, f"m.{forged.message_id.hex()}.0", msg)
    for h in (d["a2"], d["c"]):
        await h.pull()
        assert h.texts(gid) == ["agenda v2"]
        assert [r.reason for r in h.refused()] == ["only the chair may post in a notice channel"]
        with pytest.raises(NotFoundError):
            h.store.get_message(gid, forged.message_id)
    assert_agree([d["a"], d["a2"], d["c"]], gid)


async def test_adding_own_mission_device_vs_another_missions(
        pki: Pki, people: dict[str, Issued]) -> None:
    _relay, d = await venue(pki, people, ["a", "b", "c"])
    gid = await d["a"].create("multilateral", "plenary", [B_M, C_M])
    await settle(list(d.values()))
    # newly certified devices of borduria and carpania register
    d["b2"] = await Dev(pki, _relay, people["b2"]).register()
    d["c2"] = await Dev(pki, _relay, people["c2"]).register()
    # b (not a convener) plans only its own mission's new device
    d["b"].engine.enqueue_membership(gid)
    (w,) = d["b"].engine.outbox_work()
    plan = d["b"].engine.membership_plan(w, await d["b"].t.directory_devices(None))  # type: ignore[arg-type]
    assert plan.add == (people["b2"].device_id,)
    await d["b"].flush()
    for h in (d["a"], d["c"]):
        got = await h.pull()
        assert any(isinstance(e, MembershipChanged) and e.added == ("borduria/bo",)
                   for e in got)
    await d["b2"].pull()
    assert_agree([d["a"], d["b"], d["c"], d["b2"]], gid)
    # b adds a carpanian device by hand: a and c refuse alike
    epoch = d["a"].epoch(gid)
    await forge_commit(d["b"], gid, add=[people["c2"]])
    for h in (d["a"], d["c"], d["b2"]):
        n = len(h.refused())
        await h.pull()
        assert h.epoch(gid) == epoch
        assert len(h.refused()) == n + 1 and "may not add" in h.refused()[-1].reason
    assert_agree([d["a"], d["c"], d["b2"]], gid)


async def test_removing_a_revoked_device_needs_the_crl_in_the_commit(
        pki: Pki, people: dict[str, Issued]) -> None:
    relay, d = await venue(pki, people, ["a", "b", "b2", "c"])
    gid = await d["a"].create("multilateral", "plenary", [B_M, C_M])
    await settle(list(d.values()))
    assert_agree(list(d.values()), gid)
    crl = pki.crl(B_M, [people["b2"].serial])
    relay.crl_list.append(crl)
    honest = [d["a"], d["b"]]
    # without proof: c (carpania) may not remove a borduria device
    epoch = d["a"].epoch(gid)
    await forge_commit(d["c"], gid, remove=[people["b2"].device_id])
    for h in honest:
        n = len(h.refused())
        await h.pull()
        assert h.epoch(gid) == epoch and people["b2"].device_id in h.members(gid)
        assert len(h.refused()) == n + 1 and "may not remove" in h.refused()[-1].reason
    assert_agree(honest, gid)
    # with a CRL of another issuer (not proof for this device): still refused
    await forge_commit(d["c"], gid, remove=[people["b2"].device_id],
                       crls=[pki.crl(C_M, [people["c"].serial + 1])])
    for h in honest:
        await h.pull()
        assert h.epoch(gid) == epoch
    # c's engine learns the CRL and removes the device, carrying the CRL as proof
    d["c"].engine.trust.set_crls([crl])
    d["c"].engine.enqueue_membership(gid)
    await d["c"].flush()
    for h in honest:
        got = await h.pull()
        assert h.epoch(gid) == epoch + 1
        assert people["b2"].device_id not in h.members(gid)
        assert any(isinstance(e, MembershipChanged) and e.removed == ("borduria/bo",)
                   for e in got)
    assert_agree([*honest, d["c"]], gid)


async def test_bilateral_nobody_changes_the_roster_over_mls(
        pki: Pki, people: dict[str, Issued]) -> None:
    _relay, d = await venue(pki, people, ["a", "a2", "b", "c"])
    gid = await d["a"].create("bilateral", "pair", [B_M])
    await settle([d["a"], d["a2"], d["b"]])
    assert set(d["a"].engine.roster(gid).missions) == {A_M, B_M}
    with pytest.raises(UsageError):  # not even its creator
        d["a"].engine.enqueue_membership(gid, d["a"].engine.roster(gid).with_changes(
            missions=(A_M, B_M, C_M)))
    epoch = d["a"].epoch(gid)
    await forge_commit(d["a"], gid, roster=d["a"].engine.roster(gid).with_changes(name="x"))
    for h in (d["a2"], d["b"]):
        n = len(h.refused())
        await h.pull()
        assert h.epoch(gid) == epoch and len(h.refused()) == n + 1
    # both sides post
    d["b"].engine.enqueue_payload(gid, text("from b"))
    await d["b"].flush()
    await d["a2"].pull()
    assert d["a2"].texts(gid) == ["from b"]
    assert any(isinstance(e, MessageReceived) for e in d["a2"].events)
    assert_agree([d["a2"], d["b"]], gid)


async def test_revocation_proof_does_not_depend_on_the_members_clocks(
        pki: Pki, people: dict[str, Issued]) -> None:
    """A revoked device whose certificate expired by one member's clock but not another's:
    both must reach the same verdict on the commit removing it (else they fork)."""
    relay, d = await venue(pki, people, ["a", "a2", "c"])
    short = pki.device(B_M, "brief", not_after=pki.now + timedelta(hours=1))
    d["s"] = await Dev(pki, relay, short).register()
    gid = await d["a"].create("multilateral", "plenary", [B_M, C_M])
    await settle(list(d.values()))
    assert short.device_id in d["a2"].members(gid)
    later = pki.now.timestamp() + 2 * 3600  # a2's clock runs two hours ahead
    d["a2"].engine.clock = lambda: later
    d["a2"].engine.trust = Trust(pki.root, clock=lambda: later)
    d["a2"].engine._groups.clear()
    crl = pki.crl(B_M, [short.serial])
    d["c"].engine.trust.set_crls([crl])
    d["c"].engine.enqueue_membership(gid)
    await d["c"].flush()
    for h in (d["a"], d["a2"]):
        await h.pull()
        assert short.device_id not in h.members(gid), h.refused()
    assert_agree([d["a"], d["a2"], d["c"]], gid)
