# SPDX-License-Identifier: Apache-2.0
"""The group state saved in two parts (crypto.group.parts): a group driven through
commits, proposals, pending commits and (late) application messages, saved the split
way after every step (the epoch part only when its serial moved) and reloaded, is the
live group byte for byte; a pair that does not belong together is refused."""

from __future__ import annotations

import contextlib
import random

import pytest

from crypto.errors import CryptoError, DecodeError
from crypto.group import ApplicationMessage, Group, GroupConfig, StagedCommit, StoredProposal
from tests.support.mls_groups import NOW, accept, deliver, identity, kp_for

CFG = GroupConfig(max_past_epochs=2)


class Saved:
    """One member's store, written as the engine writes it."""

    def __init__(self) -> None:
        self.epoch = b""
        self.ratchets = b""
        self.serial: int | None = None
        self.epoch_writes = 0
        self.ratchet_writes = 0

    def save(self, g: Group) -> None:
        if g.epoch_part_serial != self.serial:
            self.epoch = g.epoch_part()
            self.serial = g.epoch_part_serial
            self.epoch_writes += 1
        else:
            self.ratchet_writes += 1
        self.ratchets = g.ratchet_part()

    def load(self) -> Group:
        g = Group.from_parts(self.epoch, self.ratchets, credential_validator=accept)
        self.serial = g.epoch_part_serial
        return g


class World:
    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        cred, sig = identity("m0", 3)
        first = Group.create(3, b"parts", cred, sig, credential_validator=accept, config=CFG)
        self.members: list[Group] = [first]
        self.saved: list[Saved] = [Saved()]
        self.held: list[tuple[Group, bytes]] = []
        self.names = 1
        for _ in range(3):
            self.add(first)
        self.check()

    def check(self, swap: bool = False) -> None:
        """Save every member the split way, reload it, compare (and with ``swap``,
        sometimes go on with the reloaded copy, as after a restart)."""
        for i, g in enumerate(self.members):
            s = self.saved[i]
            s.save(g)
            again = s.load()
            assert again.to_bytes() == g.to_bytes()
            assert again.epoch_part() == g.epoch_part()
            if swap and self.rng.random() < 0.2:
                self.held = [(again if h is g else h, ct) for h, ct in self.held]
                self.members[i] = again

    def others(self, g: Group) -> list[Group]:
        return [h for h in self.members if h is not g]

    def add(self, committer: Group) -> None:
        kb = kp_for(f"m{self.names}", 3)
        self.names += 1
        out = committer.commit(add=[kb.key_package])
        deliver(self.others(committer), out.message)
        committer.merge_pending_commit()
        assert out.welcome is not None
        self.members.append(Group.join(out.welcome, kb, credential_validator=accept,
                                       now=NOW, config=CFG))
        self.saved.append(Saved())

    def app(self, sender: Group) -> None:
        ct = sender.encrypt_application(b"x" * self.rng.randrange(40))
        for g in self.others(sender):
            if self.rng.random() < 0.25:
                self.held.append((g, ct))  # delivered late, maybe epochs later
            else:
                assert isinstance(g.process(ct, now=NOW), ApplicationMessage)

    def late(self) -> None:
        self.rng.shuffle(self.held)
        for g, ct in self.held[:3]:
            if g in self.members:
                with contextlib.suppress(CryptoError):  # beyond the window: refused
                    g.process(ct, now=NOW)
        del self.held[:3]

    def step(self) -> None:
        rng, members = self.rng, self.members
        g = rng.choice(members)
        kind = rng.choice(("app", "app", "app", "late", "add", "remove", "update",
                           "proposal", "pending", "psk"))
        if kind == "app":
            self.app(g)
        elif kind == "late":
            self.late()
        elif kind == "add" and len(members) < 7:
            self.add(g)
        elif kind == "remove" and len(members) > 2:
            victim = rng.choice(self.others(g))
            out = g.commit(remove=[victim.own_leaf_index])
            i = members.index(victim)
            del members[i], self.saved[i]
            deliver(self.others(g), out.message)
            g.merge_pending_commit()
        elif kind == "update":
            out = g.commit()
            deliver(self.others(g), out.message)
            g.merge_pending_commit()
        elif kind == "proposal":
            prop = g.propose_update()
            for h in self.others(g):
                assert isinstance(h.process(prop, now=NOW), StoredProposal)
            self.check()
            committer = rng.choice(self.others(g))
            out = committer.commit()
            deliver(self.others(committer), out.message)
            committer.merge_pending_commit()
        elif kind == "pending":
            out = g.commit()
            self.check()  # the pending commit is saved
            self.app(g)  # sent while the commit is pending
            self.check()
            if rng.random() < 0.5:
                for h in self.others(g):
                    staged = h.process(out.message, now=NOW)
                    assert isinstance(staged, StagedCommit)
                    h.merge_staged_commit(staged)
                g.merge_pending_commit()
            else:
                g.discard_pending_commit()
        elif kind == "psk":
            g.add_external_psk(rng.randbytes(8), rng.randbytes(32))
        self.check(swap=True)


@pytest.mark.parametrize("seed", range(4))
def test_split_saves_reload_as_the_live_group(seed: int) -> None:
    world = World(random.Random(seed))
    for _ in range(60):
        world.step()
    ratchet_only = sum(s.ratchet_writes for s in world.saved)
    assert ratchet_only > 0  # the point: most saves skip the epoch part


def test_serial_moves_on_everything_but_application_messages() -> None:
    world = World(random.Random(7))
    a, b = world.members[:2]
    serial = a.epoch_part_serial, b.epoch_part_serial
    ct = a.encrypt_application(b"hi")
    assert isinstance(b.process(ct, now=NOW), ApplicationMessage)
    assert (a.epoch_part_serial, b.epoch_part_serial) == serial
    moves = [
        lambda: a.add_external_psk(b"id", b"k" * 32),
        lambda: b.process(a.propose_update(), now=NOW),
        lambda: a.commit(),
        a.discard_pending_commit,
    ]
    for move in moves:
        before = a.epoch_part_serial, b.epoch_part_serial
        move()
        assert (a.epoch_part_serial, b.epoch_part_serial) != before
    # two group objects never share a serial (a caller's memo cannot alias)
    copy = Group.from_bytes(a.to_bytes(), credential_validator=accept)
    assert copy.epoch_part_serial != a.epoch_part_serial


def _pair(g: Group) -> tuple[bytes, bytes]:
    return g.epoch_part(), g.ratchet_part()


def test_mismatched_parts_are_refused() -> None:
    world = World(random.Random(3))
    a, b, c = world.members[:3]
    old_epoch, old_ratchets = _pair(b)
    out = a.commit()
    deliver([b, c], out.message)
    a.merge_pending_commit()
    new_epoch, new_ratchets = _pair(b)
    load = Group.from_parts
    cases = [
        (new_epoch, old_ratchets),  # a crash between two writes: an older ratchet row
        (old_epoch, new_ratchets),
        (new_epoch, _pair(c)[1]),  # another member's row swapped in
        (_pair(c)[0], new_ratchets),
        (new_epoch, new_ratchets[:-1]),
        (new_epoch, new_ratchets + b"\0"),
        (new_epoch[:-1], new_ratchets),
        (b.to_bytes(), new_ratchets),  # a whole state is not an epoch part
    ]
    for epoch, ratchets in cases:
        with pytest.raises(DecodeError):
            load(epoch, ratchets, credential_validator=accept)
    with pytest.raises(DecodeError):
        Group.from_bytes(new_epoch, credential_validator=accept)  # nor the reverse
    good = load(new_epoch, new_ratchets, credential_validator=accept)
    assert good.to_bytes() == b.to_bytes()


def test_an_older_ratchet_part_of_the_same_epoch_is_not_detected_here() -> None:
    """Used keys come back: why the store never writes the parts apart when both
    changed, and why a row rolled back alone is the whole-store rollback of
    docs/threats.md. Recorded so that a change in either is noticed."""
    world = World(random.Random(5))
    a, b = world.members[:2]
    epoch, before = _pair(a)
    ct = a.encrypt_application(b"once")
    assert isinstance(b.process(ct, now=NOW), ApplicationMessage)
    assert a.epoch_part() == epoch
    rolled = Group.from_parts(epoch, before, credential_validator=accept)
    assert rolled.to_bytes() != a.to_bytes()


def test_config_on_load_and_whole_state_stay_equal() -> None:
    world = World(random.Random(9))
    a, b = world.members[:2]
    for _ in range(3):
        out = a.commit()
        deliver(world.others(a), out.message)
        a.merge_pending_commit()
        b.process(a.encrypt_application(b"m"), now=NOW)
    epoch, ratchets = _pair(b)
    narrow = GroupConfig(max_past_epochs=1)
    split = Group.from_parts(epoch, ratchets, credential_validator=accept, config=narrow)
    whole = Group.from_bytes(b.to_bytes(), credential_validator=accept, config=narrow)
    assert split.to_bytes() == whole.to_bytes()
    # a config that changed the state: the next ratchet part is bound to the new part
    again = Group.from_parts(split.epoch_part(), split.ratchet_part(),
                             credential_validator=accept)
    assert again.to_bytes() == split.to_bytes()
