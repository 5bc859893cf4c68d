# SPDX-License-Identifier: Apache-2.0
"""The MLS ratchet tree (RFC 9420 sections 4, 7.1-7.9, 12.1, 12.3, 12.4.3).

A tree is an array of optional nodes (leaves at even indices, parents at odd ones;
see :mod:`crypto.tree.treemath`) whose leaf count is always a power of two::

    bytes --parse_ratchet_tree--> UnverifiedRatchetTree --verify(...)--> RatchetTree
                                                                          |  ^
            add / remove / update / apply_proposals / merge a path ------'  |
            (each returns a NEW RatchetTree; the old one is untouched) -----'

:class:`RatchetTree` values are immutable from the outside: every operation works
on a copy and returns it, so a failure (a typed error) can never leave a half-changed
tree behind. Tree hashes (section 7.8) are cached per node; a change invalidates only
the changed node's direct path, and a copy shares the still-valid entries, so a
commit on a 1,024-leaf tree re-hashes about a dozen nodes.

Trust: a tree decoded from bytes is an :class:`UnverifiedRatchetTree`; only
:meth:`UnverifiedRatchetTree.verify` (the joiner's checks of section 12.4.3.1: tree
hash, parent hashes, leaf validation, unmerged leaves, key uniqueness) turns it into
a :class:`RatchetTree`.

Errors: :class:`~crypto.errors.DecodeError` for bytes, :class:`~crypto.errors.
VerificationError` for a bad signature, tree hash or parent hash,
:class:`~crypto.errors.ProtocolError` for structure the protocol forbids,
:class:`~crypto.errors.UsageError` for caller mistakes.

Modules: ``treemath`` (index arithmetic, section 4), ``base`` (shape, hashes, encoding),
``leaf_rules`` (section 7.3), ``ratchet_tree`` (the trusted tree and its changes),
``unverified`` (a tree from the wire and the joiner's checks), ``treekem`` (UpdatePath
creation and merging, section 7.6). This package re-exports the tree's public names.
"""

from crypto.tree.base import (
    DEFAULT_EXTENSION_TYPES,
    DEFAULT_PROPOSAL_TYPES,
    MLS10,
    RequiredCapabilitiesView,
    TreeNode,
    parent_hash_input,
)
from crypto.tree.ratchet_tree import RatchetTree
from crypto.tree.unverified import (
    UnverifiedRatchetTree,
    parse_ratchet_tree,
    restore_ratchet_tree,
    unverified_from_nodes,
)

__all__ = [
    "DEFAULT_EXTENSION_TYPES",
    "DEFAULT_PROPOSAL_TYPES",
    "MLS10",
    "RatchetTree",
    "RequiredCapabilitiesView",
    "TreeNode",
    "UnverifiedRatchetTree",
    "parent_hash_input",
    "parse_ratchet_tree",
    "restore_ratchet_tree",
    "unverified_from_nodes",
]
