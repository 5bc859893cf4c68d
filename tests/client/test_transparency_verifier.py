# SPDX-License-Identifier: Apache-2.0
"""client.transparency.LogVerifier alone (sans-I/O) and the gossip bytes in the AAD.

Round trips through a log built here with crypto.certs.transparency, and every way the relay
could lie to it: foreign policy, older policy, head signed by another key, rollback,
fork at the same size, entries that do not hash to the head, missing or bad proofs.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from cryptography import x509

from client import payloads
from client.errors import PayloadError, UsageError
from client.transparency import LogVerifier, TransparencyError, monitor_mission
from crypto import certs
from crypto.certs.transparency import (
    EntryKind,
    LogEntry,
    MerkleTree,
    chain_entries,
    crl_entry,
    sign_policy,
    sign_tree_head,
)

NOW = datetime.now(UTC)


class Venue:
    def __init__(self) -> None:
        self.root_seed = certs.new_signing_key()
        self.root = certs.make_root_certificate(self.root_seed, name="V", not_before=NOW -
                                                timedelta(days=1), not_after=NOW +
                                                timedelta(days=30))
        self.log_seed = certs.new_signing_key()
        self.policy = sign_policy(self.root_seed, certs.fingerprint(self.root),
                                  certs.public_key_of(self.log_seed), 100).encode()
        self.mseed = certs.new_signing_key()
        self.mission = certs.issue_mission_certificate(
            self.root, self.root_seed, public_key=certs.public_key_of(self.mseed),
            mission_id="fra", name="France", not_before=NOW - timedelta(days=1),
            not_after=NOW + timedelta(days=20))
        self.entries: list[bytes] = []

    def device(self, name: str) -> list[bytes]:
        der = certs.issue_device_certificate(
            self.mission, self.mseed, public_key=certs.public_key_of(certs.new_signing_key()),
            delegate_id=name, display_name=name, not_before=NOW - timedelta(hours=1),
            not_after=NOW + timedelta(days=10))
        return [der, self.mission]

    def log(self, entries: list[LogEntry]) -> None:
        for e in entries:
            if e.encode() not in self.entries:
                self.entries.append(e.encode())

    def tree(self) -> MerkleTree:
        return MerkleTree([LogEntry.decode(e).leaf_hash for e in self.entries])

    def head(self, seed: bytes | None = None) -> bytes:
        t = self.tree()
        return sign_tree_head(seed or self.log_seed, t.size, 1, t.root()).encode()


@pytest.fixture
def v() -> Venue:
    return Venue()


def test_policy_pinning(v: Venue) -> None:
    other = Venue()
    with pytest.raises(TransparencyError):
        LogVerifier(v.root, home_policy=other.policy)
    lv = LogVerifier(v.root, home_policy=v.policy)
    assert lv.enabled and lv.log_key == certs.public_key_of(v.log_seed)
    older = sign_policy(v.root_seed, certs.fingerprint(v.root),
                        certs.public_key_of(certs.new_signing_key()), 50).encode()
    with pytest.raises(TransparencyError):
        lv.adopt_policy(older)  # a rollback to another log key
    assert lv.log_key == certs.public_key_of(v.log_seed)
    again = LogVerifier(v.root, lv.to_bytes())  # persisted
    assert again.state.policy == v.policy


def test_heads_proofs_audit_and_split(v: Venue) -> None:
    lv = LogVerifier(v.root, home_policy=v.policy)
    a, b = v.device("a"), v.device("b")
    v.log(chain_entries(a))
    h1 = v.head()
    with pytest.raises(TransparencyError):
        lv.accept_head(v.head(certs.new_signing_key()), [])  # another key
    head, alarm = lv.accept_head(h1, [])
    assert alarm is None and lv.head == head and lv.gossip == h1

    v.log(chain_entries(b))
    t = v.tree()
    h2 = v.head()
    _head, alarm = lv.accept_head(h2, t.consistency_proof(2))
    assert alarm is None and lv.head is not None and lv.head.size == 3

    # rows: proofs required, each certificate
    idx = {LogEntry.decode(e).leaf_hash: i for i, e in enumerate(v.entries)}
    proofs = [(idx[e.leaf_hash], t.inclusion_proof(idx[e.leaf_hash]))
              for e in chain_entries(b)]
    bad = [proofs[0], (proofs[1][0], [p[::-1] for p in proofs[1][1]])]
    good, alarms = lv.check_devices([("b", "fra", b, proofs), ("x", "fra", b, bad),
                                     ("y", "fra", b, None), ("z", "fra", b, proofs[:1])],
                                    lv.head)
    assert [g[0] for g in good] == ["b"] and len(alarms) == 3
    assert {al.kind for al in alarms} == {"unproven"}

    # audit: the entries must hash to the head; before that, nothing verified
    cid = b"\x01" * 16
    assert not lv.status(cid, [b]).verified
    with pytest.raises(TransparencyError):
        lv.audit(1, v.entries)  # out of order
    lv.audit(0, v.entries[:2])
    lv.audit(2, v.entries[2:])
    st = lv.status(cid, [a, b])
    assert st.verified, st
    assert not lv.status(cid, [v.device("never-logged")]).verified

    # a fork at the same size (gossip) and an inconsistent larger head (served)
    forged = sign_tree_head(v.log_seed, 3, 2, b"\x05" * 32)
    theirs, alarm = lv.gossip_received(cid, "deu/bob", forged.encode())
    assert theirs is None and alarm is not None and alarm.kind == "split-view"
    assert set(alarm.evidence) == {h2, forged.encode()}
    assert alarm.channel_id == cid
    assert not lv.status(cid, [a, b]).verified
    bigger = sign_tree_head(v.log_seed, 5, 3, b"\x06" * 32)
    _h, alarm = lv.accept_head(bigger.encode(), t.consistency_proof(2))
    assert alarm is not None and lv.head is not None and lv.head.encode() == h2
    assert lv.take_fresh()  # reported once
    assert not lv.take_fresh()


def test_audit_refuses_entries_of_another_log(v: Venue) -> None:
    lv = LogVerifier(v.root, home_policy=v.policy)
    v.log(chain_entries(v.device("a")))
    lv.accept_head(v.head(), [])
    swapped = [v.entries[1], v.entries[0]]
    with pytest.raises(TransparencyError):
        lv.audit(0, swapped)
    assert lv.audit_size == 0 and lv.alarms()[-1].kind == "split-view"


def test_withheld_crl_found_in_the_log(v: Venue) -> None:
    lv = LogVerifier(v.root, home_policy=v.policy)
    dev = v.device("a")
    crl = certs.make_crl(v.mission, v.mseed, revoked=[(certs.certificate_serial(dev[0]),
                                                       NOW)],
                         this_update=NOW, next_update=NOW + timedelta(days=7), number=3)
    v.log([*chain_entries(dev), crl_entry(crl)])
    lv.accept_head(v.head(), [])
    lv.audit(0, v.entries)
    missing, alarms = lv.withheld([])
    assert missing == [crl] and alarms[0].kind == "withheld-revocation"
    assert crl in alarms[0].evidence
    assert lv.withheld([crl]) == ([], [])
    newer = certs.make_crl(v.mission, v.mseed, revoked=[], this_update=NOW,
                           next_update=NOW + timedelta(days=7), number=4)
    assert lv.withheld([newer])[0] == []  # a newer CRL of the issuer supersedes it


def test_gossip_resolution(v: Venue) -> None:
    lv = LogVerifier(v.root, home_policy=v.policy)
    v.log(chain_entries(v.device("a")))
    lv.accept_head(v.head(), [])
    v.log(chain_entries(v.device("b")))
    t = v.tree()
    newer = v.head()
    theirs, alarm = lv.gossip_received(b"c", "deu/bob", newer)
    assert theirs is not None and alarm is None
    assert not lv.gossip_resolve(b"c", "deu/bob", theirs, [b"\x00" * 32])
    assert lv.gossip_resolve(b"c", "deu/bob", theirs, t.consistency_proof(2))
    assert lv.head is not None and lv.head.encode() == newer
    assert lv.gossip_received(b"c", "x", b"\x00" * 112) == (None, None)  # not the log's


def test_monitor_flags_unissued_devices(v: Venue) -> None:
    own, rogue = v.device("own"), v.device("mole")
    v.log([*chain_entries(own), *chain_entries(rogue)])
    other_mission = certs.issue_mission_certificate(
        v.root, v.root_seed, public_key=certs.public_key_of(certs.new_signing_key()),
        mission_id="fra", name="France", not_before=NOW - timedelta(days=1),
        not_after=NOW + timedelta(days=20))
    v.log([LogEntry(kind=EntryKind.MISSION, der=other_mission)])
    found = monitor_mission(v.entries, v.mission, {certs.certificate_serial(own[0])})
    alarms = [f for f in found if f.alarm]
    assert {f.serial for f in alarms} == {certs.certificate_serial(rogue[0]),
                                          x509.load_der_x509_certificate(
                                              other_mission).serial_number}
    assert [f.kind for f in found].count("device") == 2


def test_aad_carries_the_head() -> None:
    mid = payloads.new_message_id()
    head = b"\x07" * 112
    aad = payloads.build_aad(mid, head)
    assert len(aad) == 129 and payloads.parse_aad(aad) == mid
    assert payloads.aad_tree_head(aad) == head
    assert payloads.aad_tree_head(payloads.build_aad(mid)) == b""
    with pytest.raises(UsageError):
        payloads.build_aad(mid, head[:-1])
    for bad in (aad[:-1], aad + b"\x00", b"\x03" + aad[1:]):
        with pytest.raises(PayloadError):
            payloads.parse_aad(bad)
        assert payloads.aad_tree_head(bad) == b""


def test_gossip_schedule(v: Venue) -> None:
    """The head rides on the first message per channel after it changed, then hourly."""
    lv = LogVerifier(v.root, home_policy=v.policy)
    assert lv.gossip_for(b"c1", 0) == b""  # no head yet
    v.log(chain_entries(v.device("a")))
    h1 = v.head()
    lv.accept_head(h1, [])
    assert lv.gossip_for(b"c1", 10) == h1
    assert lv.gossip_for(b"c1", 20) == b""
    assert lv.gossip_for(b"c2", 20) == h1  # every channel hears it
    assert lv.gossip_for(b"c1", 10 + 3600) == h1  # refreshed hourly
    v.log(chain_entries(v.device("b")))
    h2 = v.head()
    lv.accept_head(h2, v.tree().consistency_proof(2))
    assert lv.gossip_for(b"c1", 3700) == h2  # a new head goes out at once
