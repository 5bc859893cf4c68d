# SPDX-License-Identifier: Apache-2.0
"""The relay's transparency log (server_stub/transparency.py) on SQLite and PostgreSQL.

Every device chain and CRL the directory stores is appended to the log in the same
transaction; every directory response carries inclusion proofs against one signed tree
head, which the checks here verify with crypto.certs.transparency alone (as a client would).
"""

from __future__ import annotations

import secrets
from pathlib import Path

import pytest

from crypto import certs
from crypto.certs.transparency import (
    EntryKind,
    LogEntry,
    MerkleTree,
    SignedTreeHead,
    VenuePolicy,
    chain_entries,
    crl_entry,
    sign_policy,
    verify_consistency,
    verify_inclusion,
)
from server_stub.settings import Settings
from tests.support.pki import Pki, write_root
from tests.support.relay_client import RelayClient, RelayError, b64, unb64
from tests.support.relay_process import in_process


def write_log(data_dir: Path, pki: Pki) -> bytes:
    """Give a venue data directory a log key and the root-signed policy; returns the
    log's public key."""
    seed = certs.new_signing_key()
    (data_dir / "log.key").write_bytes(seed)
    pol = sign_policy(pki.root_seed, certs.fingerprint(pki.root), certs.public_key_of(seed),
                      1_700_000_000)
    (data_dir / "venue-policy.bin").write_bytes(pol.encode())
    return certs.public_key_of(seed)


@pytest.fixture
def pki() -> Pki:
    tok = secrets.token_hex(3)
    return Pki(missions=(f"alderia{tok}", f"borduria{tok}"), name=f"Log Venue {tok}")


def _proven(entry: LogEntry, proof: dict[str, object], head: SignedTreeHead) -> None:
    verify_inclusion(entry.leaf_hash, int(proof["index"]),  # type: ignore[call-overload]
                     head.size, [unb64(p) for p in proof["proof"]],  # type: ignore[attr-defined]
                     head.root)


async def test_every_record_is_logged_and_proven(tmp_path: Path, db_url: str,
                                                 pki: Pki) -> None:
    a_m, b_m = pki.missions
    write_root(tmp_path, pki, replace=True)
    log_pk = write_log(tmp_path, pki)
    async with in_process(Settings(data_dir=tmp_path, database_url=db_url), pki) as r:
        pol = await RelayClient(r.http)._json("GET", "/v1/log/policy")  # no token needed
        policy = VenuePolicy.decode(unb64(pol["policy"]))
        policy.verify(certs.public_key_of(pki.root_seed), certs.fingerprint(pki.root))
        assert policy.log_public_key == log_pk

        devs = [pki.device(a_m, "ana"), pki.device(a_m, "ben"), pki.device(b_m, "bea")]
        c = await pki.client(r.http, devs[0]).enrol()
        head0 = SignedTreeHead.decode(unb64((await c._json("GET", "/v1/log/head"))["head"]))
        base = head0.size - 2  # before: mission A and ana are the two records so far
        for d in devs[1:]:
            await pki.client(r.http, d).enrol()
        head1 = SignedTreeHead.decode(unb64((await c._json("GET", "/v1/log/head"))["head"]))
        head1.verify(log_pk)
        assert head1.size == base + 5  # two mission certificates, three devices
        verify_consistency(head0.size, head1.size, head0.root, head1.root, [unb64(p) for p in (
            await c._json("GET", f"/v1/log/consistency?first={head0.size}&second="
                          f"{head1.size}"))["proof"]])
        crl = pki.crl(a_m, [devs[1].serial])
        await c._json("POST", "/v1/directory/crls", {"crl": b64(crl)})

        listing = await c._json("GET", f"/v1/directory/devices?since={head1.size}")
        head = SignedTreeHead.decode(unb64(listing["log"]["head"]))
        head.verify(log_pk)
        assert head.size == base + 6
        verify_consistency(head1.size, head.size, head1.root, head.root,
                           [unb64(p) for p in listing["log"]["consistency"]])
        seen = set()
        ours = {d.device_id for d in devs}
        for d in listing["devices"]:
            if d["device_id"] not in ours:
                continue  # (PostgreSQL: other tests' devices in the session's store)
            chain = [unb64(x) for x in d["chain"]]
            assert len(d["proofs"]) == 2
            for entry, proof in zip(chain_entries(chain), d["proofs"], strict=True):
                _proven(entry, proof, head)
            seen.add(d["device_id"])
        assert seen == ours  # the revoked one too: clients judge revocation themselves

        crls = await c._json("GET", "/v1/directory/crls?since=0")
        chead = SignedTreeHead.decode(unb64(crls["log"]["head"]))
        assert len(crls["crls"]) == len(crls["proofs"]) >= 1
        for der, proof in zip(crls["crls"], crls["proofs"], strict=True):
            _proven(crl_entry(unb64(der)), proof, chead)

        # an auditor rebuilds the whole tree from the entries and gets the signed root
        entries = []
        while len(entries) < head.size:
            page = await c._json("GET", f"/v1/log/entries?start={len(entries)}")
            entries += [LogEntry.decode(unb64(e)) for e in page["entries"]]
        assert [e.kind for e in entries[base:]].count(EntryKind.DEVICE) == 3
        assert entries[-1] == crl_entry(crl)
        assert MerkleTree([e.leaf_hash for e in entries]).root() == head.root

        # registering again appends nothing; a consistency proof is served on request
        again = pki.client(r.http, devs[0])
        with pytest.raises(RelayError):
            await again.register(list(devs[0].chain))
        h3 = SignedTreeHead.decode(unb64((await c._json("GET", "/v1/log/head"))["head"]))
        assert h3.size == head.size and h3.root == head.root
        cons = await c._json("GET", f"/v1/log/consistency?first={base + 2}")
        verify_consistency(base + 2, head.size,
                           MerkleTree([e.leaf_hash for e in entries[:base + 2]]).root(),
                           head.root, [unb64(p) for p in cons["proof"]])


async def test_log_endpoints_refuse_bad_input(tmp_path: Path, pki: Pki) -> None:
    write_root(tmp_path, pki, replace=True)
    write_log(tmp_path, pki)
    async with in_process(Settings(data_dir=tmp_path), pki) as r:
        c = await pki.client(r.http).enrol()
        for path in ("/v1/directory/devices?since=99", "/v1/log/consistency?first=3&second=2",
                     "/v1/log/consistency?second=999", "/v1/log/entries?start=5&end=2000",
                     "/v1/log/entries?start=x", "/v1/directory/crls?since=-1",
                     "/v1/directory/devices?since=1&since=2", "/v1/log/entries?start=1&start=1"):
            with pytest.raises(RelayError) as err:
                await c._json("GET", path)
            assert err.value.status == 400, path
        with pytest.raises(RelayError) as err:
            await RelayClient(r.http)._json("GET", "/v1/log/head")
        assert err.value.status == 401


async def test_a_venue_without_a_log_keeps_working_then_backfills(tmp_path: Path,
                                                                   pki: Pki) -> None:
    write_root(tmp_path, pki, replace=True)
    dev = pki.device()
    async with in_process(Settings(data_dir=tmp_path), pki) as r:
        c = await pki.client(r.http, dev).enrol()
        listing = await c._json("GET", "/v1/directory/devices")
        assert listing["log"] is None and listing["devices"][0].get("proofs") is None
        with pytest.raises(RelayError) as err:
            await RelayClient(r.http)._json("GET", "/v1/log/policy")
        assert err.value.status == 404 and "enable-transparency" in err.value.body["message"]
    log_pk = write_log(tmp_path, pki)  # the secretariat enables transparency later
    async with in_process(Settings(data_dir=tmp_path), pki) as r:
        c = pki.client(r.http, dev)
        await c.login()
        listing = await c._json("GET", "/v1/directory/devices?since=0")
        head = SignedTreeHead.decode(unb64(listing["log"]["head"]))
        head.verify(log_pk)
        (d,) = [x for x in listing["devices"] if x["device_id"] == dev.device_id]
        for entry, proof in zip(chain_entries([unb64(x) for x in d["chain"]]), d["proofs"],
                                strict=True):
            _proven(entry, proof, head)
