# SPDX-License-Identifier: Apache-2.0
"""crypto.certs.transparency against answers derived independently of it.

* RFC 9162 §2.1.5's example tree of seven leaves: its named inclusion and consistency
  proofs, built here node by node from the hash definitions.
* A brute-force, literally recursive transcription of MTH, PATH and PROOF
  (§2.1.1, §2.1.3.1, §2.1.4.1): every root, every inclusion proof and every
  consistency proof for all sizes 1..64 match the incremental tree, and all verify.
* Adversarial: wrong index, truncated proof, extra hash, swapped siblings, a
  flipped bit, a head or policy signed by another key.
"""

from __future__ import annotations

import hashlib

import pytest

from crypto import certs
from crypto.certs.transparency import (
    HEAD_LEN,
    POLICY_LEN,
    CompactRange,
    EntryKind,
    LogEntry,
    MerkleTree,
    SignedTreeHead,
    VenuePolicy,
    decode_proof,
    encode_proof,
    sign_policy,
    sign_tree_head,
    verify_consistency,
    verify_inclusion,
)
from crypto.errors import DecodeError, UsageError, VerificationError


def H(data: bytes) -> bytes:
    return hashlib.sha256(data).digest()


def leaf(d: bytes) -> bytes:
    return H(b"\x00" + d)


def node(a: bytes, b: bytes) -> bytes:
    return H(b"\x01" + a + b)


def k_of(n: int) -> int:
    k = 1
    while k * 2 < n:
        k *= 2
    return k


def mth(d: list[bytes]) -> bytes:
    if not d:
        return H(b"")
    if len(d) == 1:
        return leaf(d[0])
    k = k_of(len(d))
    return node(mth(d[:k]), mth(d[k:]))


def path(m: int, d: list[bytes]) -> list[bytes]:
    if len(d) <= 1:
        return []
    k = k_of(len(d))
    if m < k:
        return [*path(m, d[:k]), mth(d[k:])]
    return [*path(m - k, d[k:]), mth(d[:k])]


def subproof(m: int, d: list[bytes], b: bool) -> list[bytes]:
    n = len(d)
    if m == n:
        return [] if b else [mth(d)]
    k = k_of(n)
    if m <= k:
        return [*subproof(m, d[:k], b), mth(d[k:])]
    return [*subproof(m - k, d[k:], False), mth(d[:k])]


def proof(m: int, d: list[bytes]) -> list[bytes]:
    return subproof(m, d, True) if 0 < m < len(d) else []


DATA = [f"entry {i}".encode() for i in range(64)]


def tree(d: list[bytes]) -> MerkleTree:
    return MerkleTree([leaf(x) for x in d])


# --------------------------------------------------------------------------- known answers


def test_rfc9162_example_tree() -> None:
    d = DATA[:7]
    a, b, c, dd, e, f = (leaf(x) for x in d[:6])
    d6 = leaf(d[6])
    g, h, i = node(a, b), node(c, dd), node(e, f)
    j = d6
    k, l_ = node(g, h), node(i, j)
    root = node(k, l_)
    t = tree(d)
    assert t.root() == root == mth(d)
    assert t.inclusion_proof(0) == [b, h, l_]
    assert t.inclusion_proof(3) == [c, g, l_]
    assert t.inclusion_proof(4) == [f, j, k]
    assert t.inclusion_proof(6) == [i, k]
    assert t.consistency_proof(3) == [c, dd, g, l_]
    assert t.consistency_proof(4) == [l_]
    assert t.consistency_proof(6) == [i, j, k]
    verify_consistency(3, 7, node(g, c), root, [c, dd, g, l_])


def test_empty_and_single() -> None:
    t = MerkleTree()
    assert t.root() == H(b"")
    t.append(leaf(b"x"))
    assert t.root() == leaf(b"x") and t.inclusion_proof(0) == []
    verify_inclusion(leaf(b"x"), 0, 1, [], leaf(b"x"))
    verify_consistency(0, 1, H(b""), leaf(b"x"), [])


def test_brute_force_all_sizes_to_64() -> None:
    t = tree(DATA)
    for n in range(1, 65):
        d = DATA[:n]
        root = mth(d)
        assert t.root(n) == root
        for m in range(n):
            p = t.inclusion_proof(m, n)
            assert p == path(m, d), (m, n)
            verify_inclusion(leaf(d[m]), m, n, p, root)
        for m in range(1, n + 1):
            p = t.consistency_proof(m, n)
            assert p == proof(m, d), (m, n)
            verify_consistency(m, n, mth(DATA[:m]), root, p)


def test_incremental_equals_batch() -> None:
    t = MerkleTree()
    roots = []
    for x in DATA:
        t.append(leaf(x))
        roots.append(t.root())
    assert roots == [mth(DATA[:n]) for n in range(1, 65)]


def test_compact_range_roots_and_restore() -> None:
    c = CompactRange()
    for n, x in enumerate(DATA, 1):
        c.append(leaf(x))
        assert c.root() == mth(DATA[:n])
        assert len(c.hashes) == bin(n).count("1")
        again = CompactRange(c.size, c.hashes)
        assert again.root() == c.root()
    with pytest.raises(DecodeError):
        CompactRange(3, c.hashes[:1])


# --------------------------------------------------------------------------- adversarial


@pytest.mark.parametrize("n", [2, 3, 5, 7, 8, 13, 31, 64])
def test_inclusion_tampering_refused(n: int) -> None:
    """(A proof does not bind the tree size on its own: leaf 0's path is the same in
    trees of 3 and 4 leaves. The size is bound by the signed head the root comes from.)"""
    t = tree(DATA[:n])
    root = t.root()
    for m in range(n):
        p = t.inclusion_proof(m)
        lf = leaf(DATA[m])
        bad_cases: list[tuple[bytes, int, int, list[bytes], bytes]] = [
            (lf, (m + 1) % n, n, p, root),          # wrong index
            (lf, m, n, [*p, p[0] if p else root], root),  # extra node
            (leaf(b"other"), m, n, p, root),        # another leaf
            (lf, m, n, p, H(b"another root")),      # another root
            (lf, n, n, p, root),                    # index out of range
            (lf, -1, n, p, root),
        ]
        if p:
            bad_cases.append((lf, m, n, p[:-1], root))  # truncated
            flipped = bytearray(p[0])
            flipped[0] ^= 1
            bad_cases.append((lf, m, n, [bytes(flipped), *p[1:]], root))
        if len(p) >= 2:
            bad_cases.append((lf, m, n, [p[1], p[0], *p[2:]], root))  # swapped siblings
        for args in bad_cases:
            if args[1] != m and 0 <= args[1] < n and path(args[1], DATA[:n]) == p and \
                    DATA[args[1]] == DATA[m]:
                continue  # pragma: no cover - identical leaves: not a wrong index
            with pytest.raises(VerificationError):
                verify_inclusion(*args)


@pytest.mark.parametrize("n", [3, 6, 7, 8, 17, 64])
def test_consistency_tampering_refused(n: int) -> None:
    t = tree(DATA[:n])
    root = t.root()
    for m in range(1, n):
        p = t.consistency_proof(m)
        old = t.root(m)
        cases: list[tuple[int, int, bytes, bytes, list[bytes]]] = [
            (m, n, old, root, p[:-1]),                 # truncated
            (m, n, old, root, [*p, p[-1]]),            # extra hash
            (m, n, H(b"x"), root, p),                  # another old root
            (m, n, old, H(b"x"), p),                   # another new root
            (m, n, old, root, []),                     # empty
        ]
        if len(p) >= 2:
            cases.append((m, n, old, root, [p[1], p[0], *p[2:]]))
        for args in cases:
            with pytest.raises(VerificationError):
                verify_consistency(*args)


def test_rewritten_history_is_inconsistent() -> None:
    """A log that drops a leaf, or reorders two, cannot prove it extends the old head."""
    honest = tree(DATA[:10])
    old = honest.root()
    dropped = tree(DATA[:4] + DATA[5:12])
    reordered = tree([*DATA[:3], DATA[4], DATA[3], *DATA[5:12]])
    for forged in (dropped, reordered):
        for size in range(10, forged.size + 1):
            with pytest.raises(VerificationError):
                verify_consistency(10, size, old, forged.root(size),
                                   forged.consistency_proof(10, size))


def test_tree_misuse() -> None:
    t = tree(DATA[:4])
    with pytest.raises(UsageError):
        t.inclusion_proof(4)
    with pytest.raises(UsageError):
        t.consistency_proof(5)
    with pytest.raises(UsageError):
        t.root(5)
    with pytest.raises(UsageError):
        t.append(b"short")


def test_proof_and_entry_codecs() -> None:
    p = tree(DATA).inclusion_proof(5)
    assert decode_proof(encode_proof(p)) == p
    for bad in (b"\x00" * 31, b"\x00" * 33, b"\x00" * 32 * 129):
        with pytest.raises(DecodeError):
            decode_proof(bad)
    e = LogEntry(kind=EntryKind.DEVICE, der=b"\x30\x03\x02\x01\x01")
    assert LogEntry.decode(e.encode()) == e
    assert e.leaf_hash == leaf(e.encode())
    raw = e.encode()
    for bad in (raw[:-1], raw + b"\x00", b"\x09" + raw[1:], raw[:4], b"\x02\x00\x00\x00"):
        with pytest.raises(DecodeError):
            LogEntry.decode(bad)


# --------------------------------------------------------------------------- heads, policy


def test_tree_head_signature() -> None:
    key, other = certs.new_signing_key(), certs.new_signing_key()
    pk = certs.public_key_of(key)
    sth = sign_tree_head(key, 7, 1_700_000_000_000, tree(DATA[:7]).root())
    wire = sth.encode()
    assert len(wire) == HEAD_LEN == 112
    again = SignedTreeHead.decode(wire)
    again.verify(pk)
    with pytest.raises(VerificationError):
        sign_tree_head(other, 7, 1_700_000_000_000, sth.root).verify(pk)  # another key
    for i in (0, 9, 20, 60, 111):  # any flipped bit: size, time, root, signature
        b = bytearray(wire)
        b[i] ^= 1
        with pytest.raises(VerificationError):
            SignedTreeHead.decode(bytes(b)).verify(pk)
    with pytest.raises(DecodeError):
        SignedTreeHead.decode(wire[:-1])


def test_venue_policy_signature() -> None:
    root_seed, other = certs.new_signing_key(), certs.new_signing_key()
    fp, log_pk = H(b"root cert"), certs.public_key_of(certs.new_signing_key())
    pol = sign_policy(root_seed, fp, log_pk, 1_700_000_000)
    wire = pol.encode()
    assert len(wire) == POLICY_LEN
    back = VenuePolicy.decode(wire)
    back.verify(certs.public_key_of(root_seed), fp)
    assert back.log_public_key == log_pk
    with pytest.raises(VerificationError):
        back.verify(certs.public_key_of(other), fp)
    with pytest.raises(VerificationError):
        back.verify(certs.public_key_of(root_seed), H(b"another root"))
    b = bytearray(wire)
    b[40] ^= 1  # swap in another log key
    with pytest.raises(VerificationError):
        VenuePolicy.decode(bytes(b)).verify(certs.public_key_of(root_seed), fp)
    with pytest.raises(DecodeError):
        VenuePolicy.decode(b"\x00\x02" + wire[2:])
