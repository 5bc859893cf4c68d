# SPDX-License-Identifier: Apache-2.0
"""TreeKEM: creating and processing an UpdatePath (RFC 9420 sections 7.4-7.6, 12.4).

Committer (two steps, because the HPKE context is the *provisional* GroupContext,
whose tree hash covers the path being sent)::

    prepared = prepare_update_path(tree, me, sig_priv, group_id=..., rng=...)
    ctx = GroupContext(..., tree_hash=prepared.tree.tree_hash(), ...).to_bytes()
    update_path = prepared.encrypt(ctx, exclude=added_leaves, rng=...)
    prepared.commit_secret / prepared.private_state / prepared.path_secret_for(joiner)

Receiver (same split)::

    merged = merge_update_path(tree, sender, update_path, group_id=..., exclude=added)
    ctx = GroupContext(..., tree_hash=merged.tree.tree_hash(), ...).to_bytes()
    result = merged.decrypt(my_state, ctx)       # commit_secret, new private state

Path secrets follow section 7.4: ``path_secret[0]`` is fresh, ``path_secret[n] =
DeriveSecret(path_secret[n-1], "path")``, node keys come from ``DeriveKeyPair(
DeriveSecret(path_secret[n], "node"))`` and ``commit_secret`` is the secret one step
past the root. Everything returns new values; inputs are never mutated, so a failed
check (a typed error) leaves the caller's tree and private state as they were.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, replace

from crypto import messages as m
from crypto.errors import CryptoError, ProtocolError, UsageError, VerificationError
from crypto.messages import LeafNode, LeafNodeSource, ParentNode
from crypto.messages.checks import check_hpke_public_key
from crypto.secret_bytes import Secret
from crypto.suites import CipherSuite
from crypto.tree import RatchetTree, RequiredCapabilitiesView, parent_hash_input
from crypto.tree import treemath as tm

__all__ = [
    "MergedUpdatePath",
    "PathProcessingResult",
    "PreparedUpdatePath",
    "PrivateTreeState",
    "merge_update_path",
    "prepare_update_path",
]

Rng = Callable[[int], bytes]
_LABEL = "UpdatePathNode"


@dataclass(frozen=True, slots=True, repr=False)
class PrivateTreeState:
    """The HPKE private keys one member holds: its leaf and parts of its direct path.

    ``keys`` maps node index to private key; secrets never appear in the repr.
    """

    leaf_index: int
    keys: Mapping[int, Secret]

    def __repr__(self) -> str:
        return f"PrivateTreeState(leaf_index={self.leaf_index}, nodes={sorted(self.keys)})"

    def private_key(self, x: int) -> Secret | None:
        return self.keys.get(x)

    @classmethod
    def for_leaf(cls, leaf_index: int, leaf_private_key: bytes) -> PrivateTreeState:
        """State of a member that holds only its leaf key (fresh joiner, creator)."""
        return cls(leaf_index, {2 * leaf_index: Secret(leaf_private_key)})

    def with_path_secret(
        self, suite: CipherSuite, tree: RatchetTree, committer: int, path_secret: bytes
    ) -> PrivateTreeState:
        """Joiner's keys from the Welcome's path secret (section 12.4.3.1).

        ``path_secret`` belongs to the lowest common ancestor of this leaf and the
        committer's; the secrets above it follow the committer's filtered direct path.

        Raises:
            VerificationError: a derived public key differs from the tree's.
        """
        me = 2 * self.leaf_index
        start = tm.common_ancestor(me, 2 * committer)
        path = [p for p, _ in tree.filtered_direct_path(committer)]
        if start not in path:
            raise ProtocolError("path secret for a node off the committer's path")
        keys = dict(self.keys)
        ps = path_secret
        for x in path[path.index(start) :]:
            keys[x] = _derive_checked(suite, tree, x, ps)
            ps = suite.derive_secret(ps, "path")
        return PrivateTreeState(self.leaf_index, keys)

    def check_against(self, suite: CipherSuite, tree: RatchetTree) -> None:
        """Every held key must match a non-blank node's public key (section 7.6).

        Raises:
            VerificationError: a key does not match or its node is blank.
        """
        for x, sk in self.keys.items():
            node = tree.node(x) if 0 <= x < tree.width else None
            if node is None:
                raise VerificationError("private key for a blank node")
            # No public-from-private primitive in the suite: a round trip proves the pair.
            probe = b"corridor key check"
            kem_output, ct = suite.encrypt_with_label(node.encryption_key, "KeyCheck", b"", probe)
            try:
                ok = suite.decrypt_with_label(sk.value, "KeyCheck", b"", kem_output, ct) == probe
            except CryptoError:
                ok = False
            if not ok:
                raise VerificationError("private key does not match the tree")

    def pruned(self, tree: RatchetTree) -> PrivateTreeState:
        """Drop keys for nodes that are blank or off this leaf's direct path now."""
        me = 2 * self.leaf_index
        keep = {me, *tm.direct_path(me, tree.n_leaves)} if me < tree.width else set()
        return PrivateTreeState(
            self.leaf_index,
            {x: k for x, k in self.keys.items() if x in keep and tree.node(x) is not None},
        )


def _derive_checked(suite: CipherSuite, tree: RatchetTree, x: int, path_secret: bytes) -> Secret:
    sk, pk = suite.derive_key_pair(suite.derive_secret(path_secret, "node"))
    node = tree.node(x)
    if node is None or node.encryption_key != pk:
        raise VerificationError("derived public key does not match the tree")
    return Secret(sk)


@dataclass(frozen=True, slots=True, repr=False)
class PreparedUpdatePath:
    """A committer's new path, merged into ``tree``, waiting for the GroupContext."""

    suite: CipherSuite
    tree: RatchetTree
    sender: int
    leaf_node: LeafNode
    filtered_path: tuple[tuple[int, int], ...]
    path_secrets: tuple[Secret, ...]
    private_state: PrivateTreeState
    commit_secret: Secret
    encryption_keys: tuple[bytes, ...] = field(default=())

    def __repr__(self) -> str:
        return f"PreparedUpdatePath(sender={self.sender}, path_len={len(self.filtered_path)})"

    def path_secret_for(self, leaf_index: int) -> Secret | None:
        """The path secret a joiner at ``leaf_index`` gets in its GroupSecrets.

        That is the secret of the lowest node on the committer's filtered direct
        path that is also an ancestor of the joiner (``None`` if the path is empty).
        """
        target = 2 * leaf_index
        for (p, c), ps in zip(self.filtered_path, self.path_secrets, strict=True):
            if tm.is_in_subtree(c, target):
                return ps
            del p
        return None

    def encrypt(
        self,
        group_context: bytes,
        *,
        exclude: Iterable[int] = (),
        rng: Rng = secrets.token_bytes,
    ) -> m.UpdatePath:
        """Encrypt each path secret to its copath child's resolution (section 7.6).

        Args:
            group_context: the serialized provisional GroupContext (its tree hash
                is ``self.tree.tree_hash()``).
            exclude: leaf indices added by this commit; they get the secrets from
                the Welcome instead.
            rng: randomness for HPKE.
        """
        excluded = frozenset(exclude)
        nodes = []
        for (_p, c), ps, pk in zip(
            self.filtered_path, self.path_secrets, self.encryption_keys, strict=True
        ):
            cts = []
            for x in self.tree.resolution(c, excluded):
                target = self.tree.node(x)
                assert target is not None
                kem_output, ct = self.suite.encrypt_with_label(
                    target.encryption_key, _LABEL, group_context, ps.value, rng=rng
                )
                cts.append(m.HPKECiphertext(kem_output=kem_output, ciphertext=ct))
            nodes.append(m.UpdatePathNode(encryption_key=pk, encrypted_path_secret=tuple(cts)))
        return m.UpdatePath(leaf_node=self.leaf_node, nodes=tuple(nodes))


def _merge_path(
    suite: CipherSuite,
    tree: RatchetTree,
    sender: int,
    filtered: list[tuple[int, int]],
    keys: list[bytes],
) -> tuple[RatchetTree, bytes]:
    """Blank the sender's direct path, set the new parent nodes, return the leaf's
    parent hash (section 7.9, computed root first)."""
    t = tree.copy()
    t._blank_path(sender)
    ph = b""
    for (p, c), pk in reversed(list(zip(filtered, keys, strict=True))):
        t._set(p, ParentNode(encryption_key=pk, parent_hash=ph, unmerged_leaves=()))
        ph = suite.hash(parent_hash_input(pk, ph, t.tree_hash(c)))
    return t, ph


def prepare_update_path(
    tree: RatchetTree,
    sender: int,
    signature_private_key: bytes,
    *,
    group_id: bytes,
    rng: Rng = secrets.token_bytes,
    signature_key: bytes | None = None,
    credential: m.Credential | None = None,
    capabilities: m.Capabilities | None = None,
    extensions: tuple[m.Extension, ...] | None = None,
) -> PreparedUpdatePath:
    """Fresh keys for the sender's leaf and filtered direct path (sections 7.4-7.5).

    ``tree`` already has the commit's proposals applied. The new leaf keeps the old
    leaf's fields unless given (``signature_key`` when rotating the signing key;
    ``signature_private_key`` must then match it), has source ``commit``, the new
    parent hash and a fresh signature.

    Raises:
        ProtocolError: ``sender`` is not a member of ``tree``.
    """
    suite = tree.suite
    tree.check_leaf_index(sender)
    old = tree.leaf(sender)
    assert old is not None
    filtered = tree.filtered_direct_path(sender)
    leaf_sk, leaf_pk = suite.derive_key_pair(rng(suite.nh))
    path_secrets: list[Secret] = []
    keys: list[bytes] = []
    private: dict[int, Secret] = {2 * sender: Secret(leaf_sk)}
    ps = rng(suite.nh)
    for p, _c in filtered:
        sk, pk = suite.derive_key_pair(suite.derive_secret(ps, "node"))
        path_secrets.append(Secret(ps))
        keys.append(pk)
        private[p] = Secret(sk)
        ps = suite.derive_secret(ps, "path")
    commit_secret = Secret(ps if filtered else bytes(suite.nh))
    merged, leaf_ph = _merge_path(suite, tree, sender, filtered, keys)
    unsigned = replace(
        old,
        encryption_key=leaf_pk,
        signature_key=old.signature_key if signature_key is None else signature_key,
        credential=old.credential if credential is None else credential,
        capabilities=old.capabilities if capabilities is None else capabilities,
        extensions=old.extensions if extensions is None else extensions,
        leaf_node_source=LeafNodeSource.commit,
        lifetime=None,
        parent_hash=leaf_ph,
        signature=b"",
    )
    sig = suite.sign_with_label(
        signature_private_key, "LeafNodeTBS", unsigned.tbs_bytes(group_id, sender)
    )
    leaf = replace(unsigned, signature=sig)
    merged._set(2 * sender, leaf)
    return PreparedUpdatePath(
        suite=suite,
        tree=merged,
        sender=sender,
        leaf_node=leaf,
        filtered_path=tuple(filtered),
        path_secrets=tuple(path_secrets),
        private_state=PrivateTreeState(sender, private),
        commit_secret=commit_secret,
        encryption_keys=tuple(keys),
    )


@dataclass(frozen=True, slots=True, repr=False)
class PathProcessingResult:
    """What a receiver gets from an UpdatePath."""

    private_state: PrivateTreeState
    commit_secret: Secret
    path_secret: Secret  # the one decrypted (at the lowest common ancestor)

    def __repr__(self) -> str:
        return f"PathProcessingResult(leaf_index={self.private_state.leaf_index})"


@dataclass(frozen=True, slots=True, repr=False)
class MergedUpdatePath:
    """A received UpdatePath, checked and merged into ``tree``, not yet decrypted."""

    suite: CipherSuite
    tree: RatchetTree
    sender: int
    update_path: m.UpdatePath
    filtered_path: tuple[tuple[int, int], ...]
    exclude: frozenset[int]

    def __repr__(self) -> str:
        return f"MergedUpdatePath(sender={self.sender}, path_len={len(self.filtered_path)})"

    def decrypt(self, state: PrivateTreeState, group_context: bytes) -> PathProcessingResult:
        """Decrypt this member's path secret and derive upward (section 7.6).

        Args:
            state: the receiver's private keys before this commit.
            group_context: the serialized provisional GroupContext (tree hash of
                ``self.tree``).

        Raises:
            UsageError: the receiver is the sender or a joiner of this commit.
            VerificationError: decryption fails or a derived key does not match.
            ProtocolError: the receiver holds no key for the needed resolution node.
        """
        me = 2 * state.leaf_index
        if state.leaf_index == self.sender or state.leaf_index in self.exclude:
            raise UsageError("the committer and new joiners do not process the path")
        pos = next(
            (i for i, (_p, c) in enumerate(self.filtered_path) if tm.is_in_subtree(c, me)),
            None,
        )
        if pos is None:
            raise UsageError("receiver is not in the tree")
        _p, c = self.filtered_path[pos]
        res = self.tree.resolution(c, self.exclude)
        k = next((j for j, x in enumerate(res) if x in state.keys), None)
        if k is None:
            raise ProtocolError("no private key for the copath resolution")
        ct = self.update_path.nodes[pos].encrypted_path_secret[k]
        sk = state.keys[res[k]]
        ps = self.suite.decrypt_with_label(
            sk.value, _LABEL, group_context, ct.kem_output, ct.ciphertext
        )
        if len(ps) != self.suite.nh:
            raise VerificationError("path secret has the wrong length")
        decrypted = Secret(ps)
        keys = {
            x: v
            for x, v in state.keys.items()
            if x not in tm.direct_path(2 * self.sender, self.tree.n_leaves)
        }
        for p, _c2 in self.filtered_path[pos:]:
            keys[p] = _derive_checked(self.suite, self.tree, p, ps)
            ps = self.suite.derive_secret(ps, "path")
        new_state = PrivateTreeState(state.leaf_index, keys).pruned(self.tree)
        return PathProcessingResult(new_state, Secret(ps), decrypted)


def merge_update_path(
    tree: RatchetTree,
    sender: int,
    update_path: m.UpdatePath,
    *,
    group_id: bytes,
    exclude: Iterable[int] = (),
    now: int | None = None,
    required_capabilities: RequiredCapabilitiesView | None = None,
) -> MergedUpdatePath:
    """Check a received UpdatePath's shape and parent hash; merge it (section 7.5).

    ``tree`` has the commit's proposals applied; ``exclude`` is the leaves they
    added. The new leaf is validated (section 7.3: source ``commit``, signature over
    ``group_id`` and ``sender``, capabilities against ``required_capabilities``, key
    uniqueness and validity); ``now`` enables the lifetime check (commit leaves carry
    none, so it is accepted for symmetry). The rules that need the identity
    provider are :func:`crypto.group.validation.check_leaf`'s (context COMMIT).

    Raises:
        ProtocolError: wrong number of path nodes or ciphertexts, duplicate keys,
            sender not a member.
        VerificationError: the leaf signature or its parent hash does not verify.
    """
    suite = tree.suite
    tree.check_leaf_index(sender)
    excluded = frozenset(exclude)
    filtered = tree.filtered_direct_path(sender)
    nodes = update_path.nodes
    if len(nodes) != len(filtered):
        raise ProtocolError("update path length does not match the filtered direct path")
    for (_p, c), node in zip(filtered, nodes, strict=True):
        if len(node.encrypted_path_secret) != len(tree.resolution(c, excluded)):
            raise ProtocolError("wrong number of encrypted path secrets")
    leaf = update_path.leaf_node
    tree.validate_leaf_node(
        leaf,
        group_id=group_id,
        leaf_index=sender,
        source=LeafNodeSource.commit,
        now=now,
        required_capabilities=required_capabilities,
        replacing=sender,
    )
    keys = [bytes(n.encryption_key) for n in nodes]
    for key in keys:
        check_hpke_public_key(suite, key)
    sender_path = set(tm.direct_path(2 * sender, tree.n_leaves))
    existing = {
        node.encryption_key
        for x, node in enumerate(tree.nodes())
        if node is not None and x not in sender_path and x != 2 * sender
    }
    if len(set(keys)) != len(keys) or existing.intersection(keys) or leaf.encryption_key in keys:
        raise ProtocolError("update path repeats an encryption key")
    merged, leaf_ph = _merge_path(suite, tree, sender, filtered, keys)
    if leaf.parent_hash != leaf_ph:
        raise VerificationError("leaf parent hash does not match the update path")
    merged._set(2 * sender, leaf)
    return MergedUpdatePath(
        suite=suite,
        tree=merged,
        sender=sender,
        update_path=update_path,
        filtered_path=tuple(filtered),
        exclude=excluded,
    )
