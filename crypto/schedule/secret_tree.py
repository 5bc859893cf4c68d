# SPDX-License-Identifier: Apache-2.0
"""The secret tree and its per-sender hash ratchets (RFC 9420 section 9).

The epoch's ``encryption_secret`` sits at the root of a tree shaped like the
ratchet tree; each node's children are derived from it and then it is deleted::

    tree_node_[x]  --ExpandWithLabel(., "tree", "left"/"right", Nh)-->  children
    leaf secret    --ExpandWithLabel(., "handshake"/"application", "", Nh)-->
                      ratchet_secret_[leaf]_[0]            (then the leaf secret goes)

    ratchet_secret_[j] --DeriveTreeSecret(., "key",    j, Nk)--> key_[j]
                       --DeriveTreeSecret(., "nonce",  j, Nn)--> nonce_[j]
                       --DeriveTreeSecret(., "secret", j, Nh)--> ratchet_secret_[j+1]

Forward secrecy rests on deletion: a ratchet keeps only its next secret, plus the
keys of generations it skipped over (messages that may still arrive out of order).
Two bounds keep a hostile sender from making a receiver do or hold unbounded work:
``max_forward`` (how far ahead of the next expected generation a message may be;
beyond it, :class:`~crypto.errors.GenerationError`) and ``max_skipped`` (how many
skipped keys a ratchet keeps; the oldest are dropped first).

Receiving is two-phase so a message that fails to decrypt changes nothing:
:meth:`SecretTree.key_for` computes a key without touching the tree, and
:meth:`SecretTree.consume` deletes it only once the message authenticated. A
consumed generation asked for again raises :class:`~crypto.errors.ReplayError`.
"""

from __future__ import annotations

from enum import IntEnum

import msgspec

from crypto.codec import Reader, Writer
from crypto.errors import DecodeError, GenerationError, ProtocolError, ReplayError, UsageError
from crypto.secret_bytes import Secret
from crypto.suites import CipherSuite
from crypto.tree import treemath as tree_math

__all__ = [
    "DEFAULT_MAX_FORWARD",
    "DEFAULT_MAX_SKIPPED",
    "RatchetKey",
    "RatchetType",
    "SecretTree",
    "sender_data_key_nonce",
]

DEFAULT_MAX_FORWARD = 1000
DEFAULT_MAX_SKIPPED = 1000
_MAX_GENERATION = 0xFFFFFFFF


class RatchetType(IntEnum):
    """Which of a leaf's two ratchets: handshake (proposals, commits) or application."""

    HANDSHAKE = 0
    APPLICATION = 1


class RatchetKey(msgspec.Struct, frozen=True, eq=False):
    """The AEAD key and nonce of one generation, plus what consuming it changes.

    A frozen msgspec struct rather than a frozen dataclass: one is made for every
    message received, and a frozen dataclass's ``__init__`` took several times as long
    (docs/benchmarks.md, catch-up session 9). Compared by identity; the repr names no
    key material."""

    leaf: int
    ratchet: RatchetType
    generation: int
    key: bytes
    nonce: bytes
    # Ratchet state after consuming: (version it was computed against, next secret,
    # next generation, newly skipped keys). None when the key came from the skipped set.
    _advance: tuple[int, bytes, int, tuple[tuple[int, bytes, bytes], ...]] | None = None

    def __repr__(self) -> str:
        return (f"RatchetKey(leaf={self.leaf}, ratchet={self.ratchet!r}, "
                f"generation={self.generation})")


class _Ratchet:
    """One hash ratchet: the next secret and the keys of skipped generations."""

    __slots__ = ("floor", "generation", "secret", "skipped", "version")

    def __init__(self, secret: bytes) -> None:
        self.secret = secret
        self.generation = 0
        self.skipped: dict[int, tuple[bytes, bytes]] = {}
        self.floor = -1  # generations <= floor whose keys were dropped by the bound
        self.version = 0  # bumps on every change, so a stale RatchetKey is detected


def sender_data_key_nonce(
    suite: CipherSuite, sender_data_secret: bytes, ciphertext: bytes
) -> tuple[bytes, bytes]:
    """Key and nonce that protect a PrivateMessage's sender data (section 6.3.2).

    Both are bound to ``ciphertext_sample``, the first Nh bytes of the ciphertext.
    """
    return suite.derive_key_nonce(sender_data_secret, ciphertext[: suite.nh])


class SecretTree:
    """An epoch's secret tree for ``n_leaves`` members, with deletion after use."""

    __slots__ = ("_max_forward", "_max_skipped", "_nodes", "_ratchets", "_width", "n_leaves",
                 "suite")

    def __init__(
        self,
        suite: CipherSuite,
        encryption_secret: bytes | Secret,
        n_leaves: int,
        *,
        max_forward: int = DEFAULT_MAX_FORWARD,
        max_skipped: int = DEFAULT_MAX_SKIPPED,
    ) -> None:
        if n_leaves < 1:
            raise UsageError("a secret tree needs at least one leaf")
        if max_forward < 0 or max_skipped < 0:
            raise UsageError("window bounds must be non-negative")
        secret = (encryption_secret.value if isinstance(encryption_secret, Secret)
                  else bytes(encryption_secret))
        self.suite = suite
        self.n_leaves = n_leaves
        self._width = 1 << (n_leaves - 1).bit_length()  # the tree's power-of-two size
        self._max_forward = max_forward
        self._max_skipped = max_skipped
        self._nodes: dict[int, bytes] = {tree_math.root(self._width): secret}
        self._ratchets: dict[tuple[int, RatchetType], _Ratchet] = {}

    def __repr__(self) -> str:
        return f"SecretTree(suite={self.suite.id}, n_leaves={self.n_leaves}, <redacted>)"

    # -- tree ------------------------------------------------------------------------

    def _ratchet(self, leaf: int, ratchet: RatchetType) -> _Ratchet:
        if not 0 <= leaf < self.n_leaves:
            raise ProtocolError("sender leaf index outside the tree")
        found = self._ratchets.get((leaf, ratchet))
        if found is not None:
            return found
        target = 2 * leaf
        if target not in self._nodes:
            # Walk down from the root to the nearest ancestor that still has a secret.
            path = []
            x = tree_math.root(self._width)
            while x not in self._nodes:
                path.append(x)
                x = tree_math.left(x) if target < x else tree_math.right(x)
            while x != target:
                secret = self._nodes.pop(x)
                lx, rx = tree_math.left(x), tree_math.right(x)
                s = self.suite
                self._nodes[lx] = s.expand_with_label(secret, "tree", b"left", s.nh)
                self._nodes[rx] = s.expand_with_label(secret, "tree", b"right", s.nh)
                x = lx if target < x else rx
        leaf_secret = self._nodes.pop(target)
        s = self.suite
        hs = _Ratchet(s.expand_with_label(leaf_secret, "handshake", b"", s.nh))
        app = _Ratchet(s.expand_with_label(leaf_secret, "application", b"", s.nh))
        self._ratchets[(leaf, RatchetType.HANDSHAKE)] = hs
        self._ratchets[(leaf, RatchetType.APPLICATION)] = app
        return hs if ratchet is RatchetType.HANDSHAKE else app

    def _step(self, secret: bytes, generation: int) -> tuple[bytes, bytes, bytes]:
        return self.suite.ratchet_step(secret, generation)

    # -- keys --------------------------------------------------------------------------

    def next_key(self, leaf: int, ratchet: RatchetType) -> RatchetKey:
        """The sender's key for its next message; consumed (deleted) at once."""
        r = self._ratchet(leaf, ratchet)
        if r.generation > _MAX_GENERATION:
            raise UsageError("ratchet exhausted")
        key, nonce, nxt = self._step(r.secret, r.generation)
        out = RatchetKey(leaf, ratchet, r.generation, key, nonce)
        r.secret = nxt
        r.generation += 1
        r.version += 1
        return out

    def key_for(self, leaf: int, ratchet: RatchetType, generation: int) -> RatchetKey:
        """The key of ``generation`` for a received message, without consuming it.

        Raises:
            ReplayError: that generation's key was already consumed.
            GenerationError: the generation is beyond the forward window, or so old
                its key was dropped by the skipped-key bound.
            ProtocolError: the leaf index is outside the tree.
        """
        if not 0 <= generation <= _MAX_GENERATION:
            raise GenerationError("generation out of range")
        r = self._ratchet(leaf, ratchet)
        if generation < r.generation:
            kept = r.skipped.get(generation)
            if kept is not None:
                return RatchetKey(leaf, ratchet, generation, kept[0], kept[1])
            if generation <= r.floor:
                raise GenerationError("generation too old: its key was dropped")
            raise ReplayError("generation already consumed")
        if generation - r.generation > self._max_forward:
            raise GenerationError("generation beyond the out-of-order window")
        secret = r.secret
        newly_skipped = []
        for g in range(r.generation, generation):
            key, nonce, secret = self._step(secret, g)
            newly_skipped.append((g, key, nonce))
        key, nonce, secret = self._step(secret, generation)
        return RatchetKey(leaf, ratchet, generation, key, nonce,
                          (r.version, secret, generation + 1, tuple(newly_skipped)))

    def consume(self, rk: RatchetKey) -> None:
        """Delete ``rk``'s key (after its message authenticated) and advance the ratchet.

        Raises:
            ReplayError: the key was consumed meanwhile.
        """
        r = self._ratchet(rk.leaf, rk.ratchet)
        if rk._advance is None:
            if r.skipped.pop(rk.generation, None) is None:
                raise ReplayError("generation already consumed")
            r.version += 1
            return
        version, secret, nxt, newly_skipped = rk._advance
        if version != r.version:
            # The ratchet moved since key_for: recompute against the current state.
            self.consume(self.key_for(rk.leaf, rk.ratchet, rk.generation))
            return
        for g, key, nonce in newly_skipped:
            r.skipped[g] = (key, nonce)
        excess = len(r.skipped) - self._max_skipped
        if excess > 0:
            for g in sorted(r.skipped)[:excess]:
                del r.skipped[g]
                r.floor = max(r.floor, g)
        r.secret = secret
        r.generation = nxt
        r.version += 1

    def skipped_count(self, leaf: int, ratchet: RatchetType) -> int:
        """How many skipped keys the ratchet holds (for tests and diagnostics)."""
        found = self._ratchets.get((leaf, ratchet))
        return 0 if found is None else len(found.skipped)

    def has_ratchet(self, leaf: int, ratchet: RatchetType) -> bool:
        """Whether the leaf's ratchets were already derived (deriving them changes the
        tree, so a caller that must stay unchanged on failure copies first)."""
        return (leaf, ratchet) in self._ratchets

    def next_generation(self, leaf: int, ratchet: RatchetType) -> int:
        """The generation the ratchet will use or expect next."""
        return self._ratchet(leaf, ratchet).generation

    # -- persistence (used by crypto.group to store a whole group state) ----------------

    def copy(self) -> SecretTree:
        """An independent copy (a staged operation works on it; swap on success)."""
        out = SecretTree.__new__(SecretTree)
        out.suite = self.suite
        out.n_leaves = self.n_leaves
        out._width = self._width
        out._max_forward = self._max_forward
        out._max_skipped = self._max_skipped
        out._nodes = dict(self._nodes)
        out._ratchets = {}
        for k, r in self._ratchets.items():
            c = _Ratchet(r.secret)
            c.generation, c.skipped, c.floor, c.version = (
                r.generation, dict(r.skipped), r.floor, r.version)
            out._ratchets[k] = c
        return out

    def to_bytes(self) -> bytes:
        """The remaining secrets and ratchet states (store encrypted: they are keys)."""
        w = Writer()
        w.u32(self.n_leaves)
        w.u32(self._max_forward)
        w.u32(self._max_skipped)
        def put_node(ww: Writer, kv: tuple[int, bytes]) -> None:
            ww.u32(kv[0])
            ww.opaque_v(kv[1])

        def put_skipped(ww: Writer, g: tuple[int, tuple[bytes, bytes]]) -> None:
            ww.u32(g[0])
            ww.opaque_v(g[1][0])
            ww.opaque_v(g[1][1])

        w.vector(sorted(self._nodes.items()), put_node)

        def put_ratchet(ww: Writer, item: tuple[tuple[int, RatchetType], _Ratchet]) -> None:
            (leaf, kind), r = item
            ww.u32(leaf)
            ww.u8(kind)
            ww.opaque_v(r.secret)
            ww.u32(r.generation)
            ww.u64(r.floor + 1)
            ww.vector(sorted(r.skipped.items()), put_skipped)

        w.vector(sorted(self._ratchets.items()), put_ratchet)
        return w.getvalue()

    @classmethod
    def from_bytes(cls, suite: CipherSuite, data: bytes) -> SecretTree:
        """Inverse of :meth:`to_bytes`; :class:`DecodeError` on malformed input."""
        r = Reader(data)
        n_leaves, max_forward, max_skipped = r.u32(), r.u32(), r.u32()
        if n_leaves < 1:
            raise DecodeError("secret tree without leaves")
        out = cls(suite, bytes(suite.nh), n_leaves, max_forward=max_forward,
                  max_skipped=max_skipped)
        out._nodes = dict(r.vector(lambda rr: (rr.u32(), rr.opaque_v())))

        def get_ratchet(rr: Reader) -> tuple[tuple[int, RatchetType], _Ratchet]:
            leaf = rr.u32()
            try:
                kind = RatchetType(rr.u8())
            except ValueError:
                raise DecodeError("unknown ratchet type") from None
            rat = _Ratchet(rr.opaque_v())
            rat.generation = rr.u32()
            rat.floor = rr.u64() - 1
            rat.skipped = {g: (k, n) for g, k, n in rr.vector(
                lambda r3: (r3.u32(), r3.opaque_v(), r3.opaque_v()))}
            return (leaf, kind), rat
        out._ratchets = dict(r.vector(get_ratchet))
        r.finish()
        return out
