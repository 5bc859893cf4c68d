# SPDX-License-Identifier: Apache-2.0
"""Leaf-node validation (RFC 9420 section 7.3), the same for trusted and untrusted trees:
signature, keys, capabilities, lifetime, and uniqueness against the other members.
"""

from __future__ import annotations

from collections.abc import Sequence

from crypto.errors import ProtocolError, UsageError
from crypto.messages import LeafNode, LeafNodeSource
from crypto.messages.checks import check_hpke_public_key, check_unique_extensions
from crypto.suites import CipherSuite
from crypto.tree.base import (
    DEFAULT_EXTENSION_TYPES,
    DEFAULT_PROPOSAL_TYPES,
    MLS10,
    RequiredCapabilitiesView,
    _TreeBase,
)


class _ValidatingTree(_TreeBase):
    """A tree that can judge the leaves entering it."""

    __slots__ = ()

    def validate_leaf_node(
        self,
        leaf: LeafNode,
        *,
        group_id: bytes,
        leaf_index: int | None,
        source: LeafNodeSource | None,
        now: int | None = None,
        required_capabilities: RequiredCapabilitiesView | None = None,
        replacing: int | None = None,
        check_against_members: bool = True,
    ) -> None:
        """Validate ``leaf`` as it enters (or sits in) this tree (section 7.3).

        Args:
            group_id: signature context for ``update``/``commit`` leaves.
            leaf_index: the leaf's position (signature context; ignored for
                ``key_package`` leaves).
            source: the ``leaf_node_source`` this context demands, or ``None``
                for any (a tree being joined).
            now: seconds since the epoch for the lifetime check, or ``None`` to
                skip it (section 7.3 makes it optional for received leaves).
            required_capabilities: the group's ``required_capabilities``.
            replacing: leaf index whose own keys do not count as duplicates
                (an Update or a commit replacing that member's leaf).
            check_against_members: compare keys and credential types with the
                other members (a joiner checks the whole tree at once instead).

        Credential validation (the certificate chain) is the caller's: it lives in
        ``crypto.certs`` and depends on the application's trust roots.

        Raises:
            VerificationError: the signature does not verify.
            ProtocolError: a capability, lifetime, source or uniqueness rule fails.
        """
        if source is not None and leaf.leaf_node_source != source:
            raise ProtocolError("leaf node has the wrong source")
        if leaf.leaf_node_source == LeafNodeSource.key_package:
            if leaf.lifetime is None:
                raise ProtocolError("key package leaf without lifetime")
        elif leaf_index is None:
            raise UsageError("leaf index needed to verify this leaf node")
        _check_leaf_keys(self.suite, leaf)
        tbs = leaf.tbs_bytes(group_id, leaf_index)
        self.suite.verify_with_label(leaf.signature_key, "LeafNodeTBS", tbs, leaf.signature)
        self._check_capabilities(leaf, required_capabilities, replacing, check_against_members)
        lifetime = leaf.lifetime
        if (
            now is not None
            and lifetime is not None
            and not (lifetime.not_before <= now <= lifetime.not_after)
        ):
            raise ProtocolError("leaf node lifetime does not cover the current time")
        if (
            replacing is not None
            and leaf.leaf_node_source != LeafNodeSource.key_package
            and 0 <= replacing < self.n_leaves
        ):
            old = self._nodes[2 * replacing]
            if old is not None and old is not leaf and old.encryption_key == leaf.encryption_key:
                raise ProtocolError("replacement leaf reuses the old encryption key")
        if check_against_members:
            skip = None if replacing is None else 2 * replacing
            for x, node in enumerate(self._nodes):
                if node is None or x == skip:
                    continue
                if node.encryption_key == leaf.encryption_key:
                    raise ProtocolError("duplicate encryption key in the tree")
                if isinstance(node, LeafNode) and node.signature_key == leaf.signature_key:
                    raise ProtocolError("duplicate signature key in the tree")

    def validate_entering_leaves(
        self,
        entries: Sequence[tuple[int, LeafNode]],
        *,
        group_id: bytes,
        required_capabilities: RequiredCapabilitiesView | None = None,
        signatures_verified: bool = False,
    ) -> None:
        """Validate leaves that just entered this tree (added or updated), each as
        ``validate_leaf_node(leaf, group_id=group_id, leaf_index=idx, source=None,
        required_capabilities=..., replacing=idx)`` would, in the same order, but
        with one pass over the tree for all of them instead of one per leaf: the
        uniqueness and credential-support rules against the other members are
        answered from counts of keys and credential types.

        ``signatures_verified``: the caller already verified every entry's LeafNodeTBS
        signature for this group and index (each proposal's own check), so it is not
        verified a second time here; every other rule still runs.

        Raises:
            VerificationError: a signature does not verify.
            ProtocolError: a capability, source or uniqueness rule fails.
            UsageError: an entry is not the leaf at its index.
        """
        if not entries:
            return
        enc_count: dict[bytes, int] = {}
        sig_count: dict[bytes, int] = {}
        in_use: set[int] = set()
        leaves: list[LeafNode] = []
        for node in self._nodes:
            if node is None:
                continue
            key = node.encryption_key
            enc_count[key] = enc_count.get(key, 0) + 1
            if isinstance(node, LeafNode):
                leaves.append(node)
                key = node.signature_key
                sig_count[key] = sig_count.get(key, 0) + 1
                in_use.add(int(node.credential.credential_type))
        lacking: dict[int, int] = {}  # credential type -> members not supporting it
        for idx, leaf in entries:
            if not 0 <= idx < self.n_leaves or self._nodes[2 * idx] is not leaf:
                raise UsageError("entering leaf is not at its index")
            if leaf.leaf_node_source == LeafNodeSource.key_package and leaf.lifetime is None:
                raise ProtocolError("key package leaf without lifetime")
            _check_leaf_keys(self.suite, leaf)
            if not signatures_verified:
                self.suite.verify_with_label(leaf.signature_key, "LeafNodeTBS",
                                             leaf.tbs_bytes(group_id, idx), leaf.signature)
            self._check_capabilities(leaf, required_capabilities, idx, False)
            # Against the other members. The leaf supports its own credential type
            # (checked just above), so counting over every leaf, itself included,
            # gives the same answers as counting over the others.
            cred_type = int(leaf.credential.credential_type)
            if cred_type not in lacking:
                lacking[cred_type] = sum(
                    1 for other in leaves if cred_type not in other.capabilities.credentials)
            if lacking[cred_type]:
                raise ProtocolError("a member does not support this credential type")
            if not in_use <= set(leaf.capabilities.credentials):
                raise ProtocolError("leaf node does not support a member's credential type")
            if enc_count[leaf.encryption_key] > 1:
                raise ProtocolError("duplicate encryption key in the tree")
            if sig_count[leaf.signature_key] > 1:
                raise ProtocolError("duplicate signature key in the tree")

    def validate_added_leaves(
        self,
        leaves: Sequence[LeafNode],
        *,
        now: int | None = None,
        required_capabilities: RequiredCapabilitiesView | None = None,
    ) -> None:
        """Validate the KeyPackage leaves of a batch of Adds at once (section 7.3).

        Same rules as :meth:`validate_leaf_node` with ``source=key_package``, in one
        pass over the tree instead of one per leaf, and also across the batch
        (two new leaves may not share a key).

        Raises:
            VerificationError: a leaf signature does not verify.
            ProtocolError: lifetime, capability, credential or uniqueness rule fails.
        """
        enc = {n.encryption_key for n in self._nodes if n is not None}
        sig = {leaf.signature_key for _, leaf in self.leaves()}
        everyone = [leaf for _, leaf in self.leaves()]
        for leaf in leaves:
            self.validate_leaf_node(
                leaf,
                group_id=b"",
                leaf_index=None,
                source=LeafNodeSource.key_package,
                now=now,
                required_capabilities=required_capabilities,
                check_against_members=False,
            )
            if leaf.encryption_key in enc or leaf.signature_key in sig:
                raise ProtocolError("added leaf repeats a key already in the group")
            enc.add(leaf.encryption_key)
            sig.add(leaf.signature_key)
            everyone.append(leaf)
        in_use = {int(leaf.credential.credential_type) for leaf in everyone}
        for leaf in everyone:
            if not in_use <= set(leaf.capabilities.credentials):
                raise ProtocolError("a member does not support a credential type in use")

    def _check_capabilities(
        self,
        leaf: LeafNode,
        required: RequiredCapabilitiesView | None,
        replacing: int | None,
        against_members: bool,
    ) -> None:
        caps = leaf.capabilities
        if MLS10 not in caps.versions or self.suite.id not in caps.cipher_suites:
            raise ProtocolError("leaf node does not support the group's version or suite")
        cred_type = int(leaf.credential.credential_type)
        if cred_type not in caps.credentials:
            raise ProtocolError("leaf node does not support its own credential type")
        for ext in leaf.extensions:
            et = int(ext.extension_type)
            if et not in DEFAULT_EXTENSION_TYPES and et not in caps.extensions:
                raise ProtocolError("leaf node uses an extension it does not list")
        if required is not None:
            if not set(required.extension_types) - DEFAULT_EXTENSION_TYPES <= set(caps.extensions):
                raise ProtocolError("leaf node lacks a required extension")
            if not set(required.proposal_types) - DEFAULT_PROPOSAL_TYPES <= set(caps.proposals):
                raise ProtocolError("leaf node lacks a required proposal type")
            if not set(required.credential_types) <= set(caps.credentials):
                raise ProtocolError("leaf node lacks a required credential type")
        if not against_members:
            return
        for idx, other in self.leaves():
            if idx == replacing or other is leaf:
                continue
            if cred_type not in other.capabilities.credentials:
                raise ProtocolError("a member does not support this credential type")
            if int(other.credential.credential_type) not in caps.credentials:
                raise ProtocolError("leaf node does not support a member's credential type")


def _check_leaf_keys(suite: CipherSuite, leaf: LeafNode) -> None:
    """A leaf's encryption key can be encrypted to; its extension types are distinct."""
    check_hpke_public_key(suite, leaf.encryption_key)
    check_unique_extensions(leaf.extensions)

