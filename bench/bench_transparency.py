# SPDX-License-Identifier: Apache-2.0
"""Key transparency costs: proofs at 100,000 entries, appends, heads, gossip bytes.

Run: .venv/bin/python bench/bench_transparency.py [--entries N]
Prints:
* inclusion proof size and check time at N entries (DESIGN target: <= 1 KiB, <= 1 ms),
  over 2,000 random leaves; consistency proof size and check time from random sizes;
* append throughput of the in-memory tree (what a relay process keeps) and of the
  durable log on SQLite (each record appended in its own transaction with its
  directory row, as the relay does, 200 writers at a time through the group commit);
* head signing and checking; a client's audit of the whole log (compact range);
* extra bytes per MLS application message for the gossiped head, measured on real
  PrivateMessages (suite 3) with and without it, before and after the client's
  power-of-two size buckets.
"""

from __future__ import annotations

import argparse
import asyncio
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from crypto import certs
from crypto.certs.transparency import (
    CompactRange,
    EntryKind,
    LogEntry,
    MerkleTree,
    SignedTreeHead,
    encode_proof,
    sign_tree_head,
    verify_consistency,
    verify_inclusion,
)


def _entries(n: int) -> list[bytes]:
    rng = random.Random(7)
    # certificate-sized entries (a device certificate is ~600 bytes of DER)
    return [LogEntry(kind=EntryKind.DEVICE, der=rng.randbytes(600)).encode() for _ in range(n)]


def _ms(samples: list[float]) -> str:
    s = sorted(samples)
    return (f"mean {statistics.fmean(s) * 1e3:.4f} ms, p50 {s[len(s) // 2] * 1e3:.4f} ms, "
            f"p99 {s[int(len(s) * 0.99)] * 1e3:.4f} ms")


def bench_tree(n: int) -> None:
    entries = _entries(n)
    t0 = time.perf_counter()
    leaves = [LogEntry.decode(e).leaf_hash for e in entries]
    t1 = time.perf_counter()
    tree = MerkleTree()
    for h in leaves:
        tree.append(h)
    t2 = time.perf_counter()
    root = tree.root()
    print(f"log of {n:,} entries")
    print(f"  in-memory append: {n / (t2 - t1):,.0f} leaves/s "
          f"(+ leaf hashing {n / (t1 - t0):,.0f}/s)")
    rng = random.Random(1)
    sizes, checks, gens = [], [], []
    for _ in range(2000):
        i = rng.randrange(n)
        g0 = time.perf_counter()
        proof = tree.inclusion_proof(i)
        g1 = time.perf_counter()
        verify_inclusion(leaves[i], i, n, proof, root)
        g2 = time.perf_counter()
        sizes.append(len(encode_proof(proof)))
        gens.append(g1 - g0)
        checks.append(g2 - g1)
    print(f"  inclusion proof: {max(sizes)} bytes max ({max(sizes) // 32} hashes), "
          f"{statistics.fmean(sizes):.0f} mean  [target <= 1024]")
    print(f"  inclusion check: {_ms(checks)}  [target <= 1 ms]")
    print(f"  inclusion proof made by the relay: {_ms(gens)}")
    csizes, cchecks = [], []
    for _ in range(500):
        m = rng.randrange(1, n)
        proof = tree.consistency_proof(m)
        old = tree.root(m)
        c0 = time.perf_counter()
        verify_consistency(m, n, old, root, proof)
        cchecks.append(time.perf_counter() - c0)
        csizes.append(len(encode_proof(proof)))
    print(f"  consistency proof: {max(csizes)} bytes max, {statistics.fmean(csizes):.0f} "
          f"mean; check {_ms(cchecks)}")
    seed = certs.new_signing_key()
    pk = certs.public_key_of(seed)
    s0 = time.perf_counter()
    for _ in range(500):
        head = sign_tree_head(seed, n, 1_700_000_000_000, root)
    s1 = time.perf_counter()
    for _ in range(500):
        SignedTreeHead.decode(head.encode()).verify(pk)
    s2 = time.perf_counter()
    print(f"  tree head: sign {(s1 - s0) / 500 * 1e3:.4f} ms, decode+check "
          f"{(s2 - s1) / 500 * 1e3:.4f} ms, {len(head.encode())} bytes")
    a0 = time.perf_counter()
    rng_state = CompactRange()
    for e in entries:
        rng_state.append(LogEntry.decode(e).leaf_hash)
    assert rng_state.root() == root
    print(f"  client audit of the whole log (decode + hash + compact range): "
          f"{time.perf_counter() - a0:.2f} s, state {len(rng_state.hashes) * 32} bytes")


async def bench_durable(n: int) -> None:
    from server_stub.storage.factory import open_storage
    from server_stub.transparency import log_pairs

    with tempfile.TemporaryDirectory() as d:
        st = open_storage(f"sqlite:///{d}/log.sqlite3")
        await st.open()
        entries = [LogEntry(kind=EntryKind.DEVICE, der=random.randbytes(600))
                   for _ in range(n)]
        t0 = time.perf_counter()
        for i in range(0, n, 200):
            await asyncio.gather(*(
                st.put_directory_entry("device", f"dev{j}", "m", e.der, 1, 0,
                                       log=log_pairs([e]))
                for j, e in enumerate(entries[i:i + 200], start=i)))
        dt = time.perf_counter() - t0
        assert len(await st.log_leaves(0, n + 1)) == n
        await st.close()
    print(f"  durable append on SQLite (directory row + log entry, one transaction each, "
          f"group commit): {n / dt:,.0f} records/s over {n:,}")


def bench_gossip() -> None:
    from client import payloads
    from client.engine.envelope import envelope
    from crypto import messages as m
    from crypto.group import Group
    from crypto.messages.key_package import make_key_package
    from crypto.suites import get_suite

    now = int(time.time())

    def accept(*_a: object) -> None:
        return None

    def ident(name: str) -> tuple[m.Credential, bytes]:
        priv, _pub = get_suite(3).generate_signature_key_pair()
        return m.Credential.basic(name.encode()), priv

    cred, sig = ident("a")
    alice = Group.create(3, b"bench-gossip", cred, sig, credential_validator=accept)
    bcred, bsig = ident("b")
    kp = make_key_package(3, bcred, bsig, lifetime=(now - 10, now + 86400))
    out = alice.commit(add=[kp.key_package])
    alice.merge_pending_commit()
    assert out.welcome is not None
    bob = Group.join(out.welcome, kp, credential_validator=accept, now=now)
    head = sign_tree_head(certs.new_signing_key(), 100_000, 1_700_000_000_000, b"\x01" * 32)
    mid = payloads.new_message_id()
    body = payloads.encode(payloads.Text(message_id=mid, sent_at=0, body="x" * 200))
    # the engine's full authenticated data: fork-check envelope around the inner AAD
    plain = alice.encrypt_application(
        body, authenticated_data=envelope(alice, payloads.build_aad(mid), sig))
    gossip = alice.encrypt_application(
        body, authenticated_data=envelope(alice, payloads.build_aad(mid, head.encode()), sig))
    got = bob.process(gossip, now=now)
    inner = got.authenticated_data[-129:]  # type: ignore[union-attr]
    assert payloads.aad_tree_head(inner) == head.encode()
    print("gossip in MLS application messages (suite 3, 200-character text)")
    print(f"  PrivateMessage without head {len(plain)} bytes, with head {len(gossip)} bytes: "
          f"+{len(gossip) - len(plain)} bytes per message before padding (the 112-byte "
          f"signed head: size 8, time 8, root 32, Ed25519 signature 64)")
    from client.msgids import padding_for

    def padded(n: int, aad_len: int) -> int:
        return alice.application_size(n, aad_len, padding_for(
            lambda p: alice.application_size(n, aad_len, p)))

    a0 = len(envelope(alice, payloads.build_aad(mid), sig))
    a1 = len(envelope(alice, payloads.build_aad(mid, head.encode()), sig))
    print(f"  padded as the client sends it: {padded(len(body), a0)} bytes without the head, "
          f"{padded(len(body), a1)} with it (the head rides only on the first message per "
          f"channel after the log changed, and at least hourly)")
    grew, total = 0, 0
    for n in range(0, 8000, 37):  # bodies of every size up to 8 KB
        sizes = []
        for aad_len in (len(envelope(alice, payloads.build_aad(mid), sig)),
                        len(envelope(alice, payloads.build_aad(mid, head.encode()), sig))):
            pad = padding_for(lambda p, a=aad_len, n=n: alice.application_size(n, a, p))
            sizes.append(alice.application_size(n, aad_len, pad))
        total += 1
        grew += sizes[1] > sizes[0]
    print(f"  with the client's power-of-two size buckets: the head moves a message into "
          f"the next bucket for {100 * grew / total:.0f}% of body sizes up to 8 KB; "
          f"otherwise it costs nothing on the wire")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--entries", type=int, default=100_000)
    ap.add_argument("--durable", type=int, default=10_000)
    args = ap.parse_args()
    print(time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()))
    bench_tree(args.entries)
    asyncio.run(bench_durable(args.durable))
    bench_gossip()


if __name__ == "__main__":
    main()
