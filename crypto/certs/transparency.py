# SPDX-License-Identifier: Apache-2.0
"""Key transparency: an append-only Merkle log of the venue's certificates and CRLs.

The log has RFC 9162's shape (Certificate Transparency v2.0, §2.1), with SHA-256::

    MTH({})      = SHA-256()
    MTH({d0})    = SHA-256(0x00 || d0)                       leaf hash
    MTH(D[n])    = SHA-256(0x01 || MTH(D[0:k]) || MTH(D[k:n]))  node hash,
                   k the largest power of two smaller than n

Inclusion proofs are RFC 9162 §2.1.3.1's PATH(m, D[n]) and are checked with §2.1.3.2;
consistency proofs are §2.1.4.1's PROOF(m, D[n]) and are checked with §2.1.4.2. Every
check recomputes roots from the proof alone and compares them in full; a proof with a
missing, extra or reordered hash fails.

A leaf is one :class:`LogEntry` (kind + DER), so the same certificate always has the
same leaf hash (re-registering a device appends nothing)::

    struct { uint8 kind; opaque der<1..2^24-1>; } LogEntry;   kind: 1 mission, 2 device,
                                                              3 CRL

The relay signs tree heads with the log key (Ed25519), whose public half the venue
root pins in the signed :class:`VenuePolicy`. A signed head on the wire is 112 bytes,
compact enough to ride in every MLS application message's authenticated data::

    struct { uint64 size; uint64 timestamp_ms; opaque root[32]; opaque signature[64]; }

and the signature covers ``log_id || size || timestamp_ms || root`` (``log_id`` =
SHA-256 of the log public key) under the label "Corridor tree head v1". A policy is::

    struct { uint16 version; opaque root_fingerprint[32]; opaque log_public_key[32];
             uint64 issued_at; opaque signature[64]; }   signed by the venue root

Version 2 adds the venue's classification marking scheme (levels, caveats, ceilings
per channel kind; ``crypto.corridor.markings``, opaque here) before the signature, as
``uint32 length; opaque markings[length]``, under the same signature. A newer
``issued_at`` replaces an older policy; clients refuse an older one (rollback).

Everything here is pure: no I/O, no clock (timestamps are arguments).
"""

from __future__ import annotations

import hashlib
import hmac
import struct
from collections.abc import Sequence
from dataclasses import dataclass
from enum import IntEnum

from crypto.errors import DecodeError, UsageError, VerificationError
from crypto.suites import get_suite

__all__ = [
    "EMPTY_ROOT",
    "HASH_LEN",
    "HEAD_LEN",
    "POLICY_LEN",
    "CompactRange",
    "EntryKind",
    "LogEntry",
    "MerkleTree",
    "SignedTreeHead",
    "VenuePolicy",
    "chain_entries",
    "crl_entry",
    "decode_proof",
    "encode_proof",
    "leaf_hash",
    "log_id_of",
    "node_hash",
    "sign_policy",
    "sign_tree_head",
    "verify_consistency",
    "verify_inclusion",
]

HASH_LEN = 32
HEAD_LEN = 8 + 8 + HASH_LEN + 64
POLICY_LEN = 2 + 32 + 32 + 8 + 64
POLICY_VERSION = 1
POLICY_VERSION_MARKINGS = 2  # with a marking scheme
MAX_POLICY_MARKINGS = 16 * 1024
MAX_PROOF_HASHES = 128  # 2 * 64 levels covers every uint64 tree size
MAX_ENTRY_DER = (1 << 24) - 1
_SUITE = get_suite(3)  # Ed25519 from libsodium, as for MLS signatures
_HEAD_LABEL = "Corridor tree head v1"
_POLICY_LABEL = "Corridor venue policy v1"
EMPTY_ROOT = hashlib.sha256(b"").digest()


def leaf_hash(entry: bytes) -> bytes:
    """RFC 9162 §2.1.1: SHA-256(0x00 || entry)."""
    return hashlib.sha256(b"\x00" + entry).digest()


def node_hash(left: bytes, right: bytes) -> bytes:
    """RFC 9162 §2.1.1: SHA-256(0x01 || left || right)."""
    return hashlib.sha256(b"\x01" + left + right).digest()


def _split(n: int) -> int:
    """The largest power of two smaller than ``n`` (n >= 2)."""
    return 1 << ((n - 1).bit_length() - 1)


# --------------------------------------------------------------------------- entries


class EntryKind(IntEnum):
    MISSION = 1
    DEVICE = 2
    CRL = 3


@dataclass(frozen=True, slots=True, kw_only=True)
class LogEntry:
    """One leaf: ``struct { uint8 kind; opaque der<1..2^24-1>; }``."""

    kind: EntryKind
    der: bytes

    def encode(self) -> bytes:
        if not 1 <= len(self.der) <= MAX_ENTRY_DER:
            raise UsageError("a log entry holds 1 byte to 16 MiB of DER")
        return bytes((self.kind,)) + len(self.der).to_bytes(3, "big") + self.der

    @classmethod
    def decode(cls, data: bytes) -> LogEntry:
        """Raises DecodeError on an unknown kind or a length that does not match."""
        if len(data) < 5:
            raise DecodeError("log entry truncated")
        try:
            kind = EntryKind(data[0])
        except ValueError:
            raise DecodeError("unknown log entry kind") from None
        n = int.from_bytes(data[1:4], "big")
        if n == 0 or len(data) != 4 + n:
            raise DecodeError("log entry length does not match")
        return cls(kind=kind, der=bytes(data[4:]))

    @property
    def leaf_hash(self) -> bytes:
        return leaf_hash(self.encode())


def chain_entries(chain: Sequence[bytes]) -> list[LogEntry]:
    """The leaves a device chain (device, mission) needs: mission first, then device."""
    out = [LogEntry(kind=EntryKind.MISSION, der=bytes(c)) for c in chain[1:2]]
    return out + [LogEntry(kind=EntryKind.DEVICE, der=bytes(c)) for c in chain[:1]]


def crl_entry(der: bytes) -> LogEntry:
    return LogEntry(kind=EntryKind.CRL, der=bytes(der))


# --------------------------------------------------------------------------- the tree


class MerkleTree:
    """An append-only tree over leaf hashes, with RFC 9162 proofs.

    Keeps every complete power-of-two subtree (``levels[h][i]`` covers leaves
    ``[i*2^h, (i+1)*2^h)``), so an append costs O(log n) hashes and a proof O(log n)
    lookups plus O(log n) hashes for the ragged right edge.
    """

    def __init__(self, leaf_hashes: Sequence[bytes] = ()) -> None:
        self.levels: list[list[bytes]] = [[]]
        for h in leaf_hashes:
            self.append(h)

    @property
    def size(self) -> int:
        return len(self.levels[0])

    def append(self, leaf: bytes) -> int:
        """Add a leaf hash; returns its index."""
        if len(leaf) != HASH_LEN:
            raise UsageError("a leaf hash is 32 bytes")
        index = len(self.levels[0])
        self.levels[0].append(bytes(leaf))
        h, i = 0, index
        while i & 1:
            if h + 1 == len(self.levels):
                self.levels.append([])
            lv = self.levels[h]
            self.levels[h + 1].append(node_hash(lv[i - 1], lv[i]))
            h, i = h + 1, i >> 1
        return index

    def leaf(self, index: int) -> bytes:
        return self.levels[0][index]

    def _mth(self, lo: int, hi: int) -> bytes:
        n = hi - lo
        if n == 0:
            return EMPTY_ROOT
        if n & (n - 1) == 0 and lo % n == 0:
            h = n.bit_length() - 1
            return self.levels[h][lo >> h]
        k = _split(n)
        return node_hash(self._mth(lo, lo + k), self._mth(lo + k, hi))

    def _check_size(self, size: int | None) -> int:
        n = self.size if size is None else size
        if not 0 <= n <= self.size:
            raise UsageError(f"the tree has {self.size} leaves, not {n}")
        return n

    def root(self, size: int | None = None) -> bytes:
        """MTH of the first ``size`` leaves (all by default)."""
        return self._mth(0, self._check_size(size))

    def inclusion_proof(self, index: int, size: int | None = None) -> list[bytes]:
        """PATH(index, D[size]) (RFC 9162 §2.1.3.1), the leaf's sibling first."""
        n = self._check_size(size)
        if not 0 <= index < n:
            raise UsageError("leaf index outside the tree")
        out: list[bytes] = []
        lo, hi = 0, n
        while hi - lo > 1:
            k = _split(hi - lo)
            if index < lo + k:
                out.append(self._mth(lo + k, hi))
                hi = lo + k
            else:
                out.append(self._mth(lo, lo + k))
                lo = lo + k
        out.reverse()
        return out

    def consistency_proof(self, first: int, second: int | None = None) -> list[bytes]:
        """PROOF(first, D[second]) (RFC 9162 §2.1.4.1); empty when first is 0 or equal."""
        n = self._check_size(second)
        if not 0 <= first <= n:
            raise UsageError("the first size exceeds the second")
        if first == 0 or first == n:
            return []
        out: list[bytes] = []
        lo, hi, complete = 0, n, True
        while first != hi:
            k = _split(hi - lo)
            if first - lo <= k:
                out.append(self._mth(lo + k, hi))
                hi = lo + k
            else:
                out.append(self._mth(lo, lo + k))
                lo = lo + k
                complete = False
        if not complete:
            out.append(self._mth(lo, hi))
        out.reverse()
        return out


class CompactRange:
    """The right edge of a tree: one hash per complete subtree, at most 64 of them.

    Enough to extend a tree with new leaves and compute every later root, so an
    auditor checks the whole log entry by entry while keeping O(log n) state. The
    subtrees are kept largest first; the root folds them from the right (RFC 9162's
    split puts the largest power of two on the left at every level).
    """

    def __init__(self, size: int = 0, hashes: Sequence[bytes] = ()) -> None:
        if len(hashes) != bin(size).count("1") or any(len(h) != HASH_LEN for h in hashes):
            raise DecodeError("compact range does not match its size")
        self.size = size
        self.hashes = [bytes(h) for h in hashes]

    def append(self, leaf: bytes) -> None:
        h, n = leaf, self.size
        while n & 1:
            h = node_hash(self.hashes.pop(), h)
            n >>= 1
        self.hashes.append(h)
        self.size += 1

    def root(self) -> bytes:
        if not self.hashes:
            return EMPTY_ROOT
        r = self.hashes[-1]
        for h in reversed(self.hashes[:-1]):
            r = node_hash(h, r)
        return r


# --------------------------------------------------------------------------- verifiers


def _check_hashes(proof: Sequence[bytes]) -> None:
    if len(proof) > MAX_PROOF_HASHES or any(len(p) != HASH_LEN for p in proof):
        raise VerificationError("malformed proof")


def verify_inclusion(leaf: bytes, index: int, size: int, proof: Sequence[bytes],
                     root: bytes) -> None:
    """RFC 9162 §2.1.3.2: ``leaf`` (a leaf hash) is at ``index`` of the tree ``root``.

    Raises:
        VerificationError: the proof does not lead to ``root`` from that position.
    """
    _check_hashes(proof)
    if not 0 <= index < size or len(leaf) != HASH_LEN:
        raise VerificationError("inclusion proof does not verify")
    fn, sn, r = index, size - 1, leaf
    for p in proof:
        if sn == 0:
            raise VerificationError("inclusion proof does not verify")
        if fn & 1 or fn == sn:
            r = node_hash(p, r)
            if not fn & 1:
                while fn and not fn & 1:
                    fn, sn = fn >> 1, sn >> 1
        else:
            r = node_hash(r, p)
        fn, sn = fn >> 1, sn >> 1
    if sn != 0 or not hmac.compare_digest(r, root):
        raise VerificationError("inclusion proof does not verify")


def verify_consistency(first: int, second: int, first_root: bytes, second_root: bytes,
                       proof: Sequence[bytes]) -> None:
    """RFC 9162 §2.1.4.2: the tree ``second_root`` extends the tree ``first_root``.

    Raises:
        VerificationError: the proof does not show an append-only extension.
    """
    _check_hashes(proof)
    bad = VerificationError("consistency proof does not verify")
    if not 0 <= first <= second:
        raise bad
    if first == second:
        if proof or not hmac.compare_digest(first_root, second_root):
            raise bad
        return
    if first == 0:
        if proof:
            raise bad
        return
    if not proof:
        raise bad
    path = list(proof)
    if first & (first - 1) == 0:
        path.insert(0, first_root)
    fn, sn = first - 1, second - 1
    while fn & 1:
        fn, sn = fn >> 1, sn >> 1
    fr = sr = path[0]
    for c in path[1:]:
        if sn == 0:
            raise bad
        if fn & 1 or fn == sn:
            fr, sr = node_hash(c, fr), node_hash(c, sr)
            if not fn & 1:
                while fn and not fn & 1:
                    fn, sn = fn >> 1, sn >> 1
        else:
            sr = node_hash(sr, c)
        fn, sn = fn >> 1, sn >> 1
    if sn != 0 or not (hmac.compare_digest(fr, first_root)
                       and hmac.compare_digest(sr, second_root)):
        raise bad


def encode_proof(proof: Sequence[bytes]) -> bytes:
    return b"".join(proof)


def decode_proof(data: bytes) -> list[bytes]:
    if len(data) % HASH_LEN or len(data) > MAX_PROOF_HASHES * HASH_LEN:
        raise DecodeError("a proof is a whole number of 32-byte hashes")
    return [bytes(data[i:i + HASH_LEN]) for i in range(0, len(data), HASH_LEN)]


# --------------------------------------------------------------------------- tree heads


def log_id_of(log_public_key: bytes) -> bytes:
    return hashlib.sha256(b"corridor log id\x00" + log_public_key).digest()


@dataclass(frozen=True, slots=True, kw_only=True)
class SignedTreeHead:
    """A tree head signed by the log key (see the module docstring for the bytes)."""

    size: int
    timestamp_ms: int
    root: bytes
    signature: bytes

    def _tbs(self, log_id: bytes) -> bytes:
        return log_id + struct.pack(">QQ", self.size, self.timestamp_ms) + self.root

    def encode(self) -> bytes:
        return struct.pack(">QQ", self.size, self.timestamp_ms) + self.root + self.signature

    @classmethod
    def decode(cls, data: bytes) -> SignedTreeHead:
        if len(data) != HEAD_LEN:
            raise DecodeError(f"a signed tree head is {HEAD_LEN} bytes")
        size, ts = struct.unpack(">QQ", data[:16])
        return cls(size=size, timestamp_ms=ts, root=bytes(data[16:48]),
                   signature=bytes(data[48:]))

    def verify(self, log_public_key: bytes) -> None:
        """Raises VerificationError unless the log key signed this head."""
        if len(self.root) != HASH_LEN:
            raise VerificationError("tree head signature does not verify")
        _SUITE.verify_with_label(log_public_key, _HEAD_LABEL,
                                 self._tbs(log_id_of(log_public_key)), self.signature)

    def same_tree(self, other: SignedTreeHead) -> bool:
        return self.size == other.size and hmac.compare_digest(self.root, other.root)


def sign_tree_head(log_seed: bytes, size: int, timestamp_ms: int, root: bytes) -> SignedTreeHead:
    if len(root) != HASH_LEN or not 0 <= size < 1 << 64 or not 0 <= timestamp_ms < 1 << 64:
        raise UsageError("tree head fields out of range")
    unsigned = SignedTreeHead(size=size, timestamp_ms=timestamp_ms, root=root, signature=b"")
    pk = _SUITE.signature_public_key(log_seed)
    sig = _SUITE.sign_with_label(log_seed, _HEAD_LABEL, unsigned._tbs(log_id_of(pk)))
    return SignedTreeHead(size=size, timestamp_ms=timestamp_ms, root=root, signature=sig)


# --------------------------------------------------------------------------- venue policy


@dataclass(frozen=True, slots=True, kw_only=True)
class VenuePolicy:
    """The venue root's signed statement of the log key clients must trust."""

    root_fingerprint: bytes
    log_public_key: bytes
    issued_at: int
    signature: bytes = b""
    version: int = POLICY_VERSION
    #: the venue's marking scheme (msgpack, crypto.corridor.markings), version 2 only
    markings: bytes = b""

    def _tbs(self) -> bytes:
        head = (struct.pack(">H", self.version) + self.root_fingerprint + self.log_public_key
                + struct.pack(">Q", self.issued_at))
        if self.version == POLICY_VERSION_MARKINGS:
            head += struct.pack(">I", len(self.markings)) + self.markings
        return head

    def encode(self) -> bytes:
        return self._tbs() + self.signature

    @classmethod
    def decode(cls, data: bytes) -> VenuePolicy:
        if len(data) < POLICY_LEN:
            raise DecodeError(f"a venue policy is at least {POLICY_LEN} bytes")
        (version,) = struct.unpack(">H", data[:2])
        (issued,) = struct.unpack(">Q", data[66:74])
        marks, end = b"", 74
        if version == POLICY_VERSION_MARKINGS:
            (n,) = struct.unpack(">I", data[74:78])
            if n > MAX_POLICY_MARKINGS:
                raise DecodeError("the venue policy's marking scheme is too long")
            marks, end = bytes(data[78:78 + n]), 78 + n
        elif version != POLICY_VERSION:
            raise DecodeError("unknown venue policy version")
        if len(data) != end + 64:
            raise DecodeError("a venue policy of the wrong length")
        return cls(version=version, root_fingerprint=bytes(data[2:34]),
                   log_public_key=bytes(data[34:66]), issued_at=issued,
                   signature=bytes(data[end:]), markings=marks)

    def verify(self, root_public_key: bytes, root_fingerprint: bytes) -> None:
        """Raises VerificationError unless this root signed it for this root."""
        if not hmac.compare_digest(self.root_fingerprint, root_fingerprint):
            raise VerificationError("the venue policy names another venue root")
        _SUITE.verify_with_label(root_public_key, _POLICY_LABEL, self._tbs(), self.signature)


def sign_policy(root_seed: bytes, root_fingerprint: bytes, log_public_key: bytes,
                issued_at: int, markings: bytes = b"") -> VenuePolicy:
    """The policy signed by the venue root; with ``markings`` (an encoded marking
    scheme) it is a version 2 policy carrying the venue's scheme."""
    if len(root_fingerprint) != 32 or len(log_public_key) != 32:
        raise UsageError("fingerprint and log key are 32 bytes each")
    if len(markings) > MAX_POLICY_MARKINGS:
        raise UsageError("the marking scheme is too long")
    version = POLICY_VERSION_MARKINGS if markings else POLICY_VERSION
    p = VenuePolicy(root_fingerprint=root_fingerprint, log_public_key=log_public_key,
                    issued_at=issued_at, version=version, markings=markings)
    sig = _SUITE.sign_with_label(root_seed, _POLICY_LABEL, p._tbs())
    return VenuePolicy(root_fingerprint=root_fingerprint, log_public_key=log_public_key,
                       issued_at=issued_at, signature=sig, version=version,
                       markings=markings)
