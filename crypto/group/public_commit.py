# SPDX-License-Identifier: Apache-2.0
"""The checks of a GroupInfo and of a commit that need only the group's public state.

One implementation serves every party that follows a group: a member
(:class:`crypto.group.Group`, which then adds what needs the epoch's secrets: the
membership tag, its own path secret, the confirmation tag) and a delivery service
holding only the public ratchet tree and GroupContext
(:class:`crypto.group.public_group.PublicGroup`). A rule written once here cannot be
forgotten by one of them, so an insider cannot get a commit routed that honest members
refuse, or the reverse (RFC 9420 sections 6.2, 7.3, 7.9, 12.2-12.4).

A failed check of an authenticated commit is an :class:`~crypto.errors.InvalidCommitError`
naming the committer, with the same ``reason`` wherever it was made.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace

from crypto import messages as m
from crypto.errors import (
    DecodeError,
    EpochError,
    GenerationError,
    InvalidCommitDecodeError,
    InvalidCommitError,
    InvalidCommitVerificationError,
    MissingRatchetTreeError,
    ProtocolError,
    ReplayError,
    VerificationError,
)
from crypto.group.validation import (
    AppliedProposals,
    IdentityProvider,
    LeafContext,
    apply_proposal_list,
    check_group_context_extensions,
    check_leaf,
    member_leaf,
    required_capabilities,
)
from crypto.messages import (
    AuthenticatedContent,
    ExtensionType,
    GroupContext,
    GroupInfo,
    LeafNode,
    Proposal,
    PublicMessage,
    Sender,
    SenderType,
    WireFormat,
)
from crypto.messages.checks import check_unique_extensions
from crypto.schedule.transcript import confirmed_transcript_hash
from crypto.suites import CipherSuite
from crypto.tree import (
    RatchetTree,
    UnverifiedRatchetTree,
    parse_ratchet_tree,
    unverified_from_nodes,
)
from crypto.tree.treekem import MergedUpdatePath, merge_update_path

__all__ = [
    "PublicCommit",
    "check_commit_sender",
    "committer_fault",
    "sender_signature_key",
    "stage_public_commit",
    "verify_group_info",
    "verify_joined_tree",
]


@contextmanager
def committer_fault(committer: int | None) -> Iterator[None]:
    """Re-raise a failed check of an authenticated commit as :class:`InvalidCommitError`
    (keeping its kind). Only wraps checks whose inputs every party shares."""
    try:
        yield
    except (InvalidCommitError, EpochError, ReplayError, GenerationError):
        raise
    except DecodeError as exc:
        raise InvalidCommitDecodeError(str(exc), committer=committer) from None
    except VerificationError as exc:
        raise InvalidCommitVerificationError(str(exc), committer=committer) from None
    except ProtocolError as exc:
        raise InvalidCommitError(str(exc), committer=committer) from None


# --------------------------------------------------------------------------- GroupInfo


def verify_joined_tree(unverified: UnverifiedRatchetTree, ctx: GroupContext,
                       identity: IdentityProvider, own: LeafNode | None) -> RatchetTree:
    """A joiner's checks of the tree and GroupContext (sections 7.3, 12.4.3.1, 13.4):
    the tree itself, every leaf in the JOIN context, the GroupContext extensions (the
    joiner's own leaf must support each one)."""
    suite = unverified.suite
    check_group_context_extensions(ctx.extensions, suite=suite,
                                   members=[own] if own is not None else [],
                                   identity=identity)
    tree = unverified.verify(group_id=ctx.group_id, tree_hash=ctx.tree_hash,
                             required_capabilities=required_capabilities(ctx.extensions))
    for _idx, leaf in tree.leaves():
        check_leaf(leaf, LeafContext.JOIN, suite=suite, extensions=ctx.extensions,
                   identity=identity)
    return tree


def verify_group_info(suite: CipherSuite, gi: GroupInfo, *, ratchet_tree: bytes | None,
                      identity: IdentityProvider, own: LeafNode | None = None) -> RatchetTree:
    """The public checks of a GroupInfo and its tree (section 12.4.3.1), for a joiner
    by Welcome, an external joiner and a delivery service alike.

    The tree comes from ``ratchet_tree`` or the ratchet_tree extension; the GroupInfo's
    extensions are distinct; its signer is a member whose signature verifies; the tree
    passes :func:`verify_joined_tree`. The caller checks suite and version.

    Raises:
        MissingRatchetTreeError: no tree given and none in the GroupInfo.
        ProtocolError, DecodeError, VerificationError, PolicyError: a check fails.
    """
    check_unique_extensions(gi.extensions)
    if ratchet_tree is not None:
        unverified = parse_ratchet_tree(suite, ratchet_tree)
    else:
        ext = m.find_extension(gi.extensions, ExtensionType.ratchet_tree)
        if ext is None:
            raise MissingRatchetTreeError("no ratchet tree given or in the GroupInfo")
        unverified = unverified_from_nodes(suite, m.decode_ratchet_tree(ext.extension_data))
    signer = unverified.leaf(gi.signer) if 0 <= gi.signer < unverified.n_leaves else None
    if signer is None:
        raise ProtocolError("GroupInfo signer is not a member")
    suite.verify_with_label(signer.signature_key, "GroupInfoTBS", gi.tbs_bytes(),
                            gi.signature)
    return verify_joined_tree(unverified, gi.group_context, identity, own)


# --------------------------------------------------------------------------- commits


def sender_signature_key(context: GroupContext, tree: RatchetTree, pub: PublicMessage) -> bytes:
    """The key a PublicMessage's signature must verify under (sections 6.1, 6.2):
    the member's leaf, the external sender's entry, the proposed KeyPackage's leaf,
    or the external committer's UpdatePath leaf."""
    sender = pub.content.sender
    if sender.sender_type == SenderType.member:
        if sender.leaf_index is None:  # pragma: no cover - Sender decoding forbids it
            raise ProtocolError("sender is not a member")
        return member_leaf(tree, sender.leaf_index).signature_key
    if sender.sender_type == SenderType.external:
        ext = m.find_extension(context.extensions, ExtensionType.external_senders)
        if ext is None or sender.sender_index is None:
            raise ProtocolError("no external senders in this group")
        senders = m.decode_external_senders(ext.extension_data)
        if not 0 <= sender.sender_index < len(senders):
            raise ProtocolError("unknown external sender")
        return senders[sender.sender_index].signature_key
    if sender.sender_type == SenderType.new_member_proposal:
        p = pub.content.proposal
        if p is None or not isinstance(p.body, m.Add):
            raise ProtocolError("a new member may only propose its own Add")
        return p.body.key_package.leaf_node.signature_key
    # new_member_commit: the signer is the leaf in the UpdatePath.
    c = pub.content.commit
    if c is None or c.path is None:
        raise ProtocolError("an external commit must carry an update path")
    return c.path.leaf_node.signature_key


def check_commit_sender(ac: AuthenticatedContent) -> None:
    """A commit carries a confirmation tag and comes from a member or, as a
    PublicMessage, from a new member (section 12.4); InvalidCommitError otherwise."""
    sender = ac.content.sender
    external = sender.sender_type == SenderType.new_member_commit
    with committer_fault(sender.leaf_index):
        if ac.auth.confirmation_tag is None:
            raise ProtocolError("commit without confirmation tag")
        if sender.sender_type != SenderType.member and not external:
            raise ProtocolError("this sender may not commit")
        if external and ac.wire_format != WireFormat.mls_public_message:
            raise ProtocolError("an external commit must be a PublicMessage")


@dataclass(frozen=True, slots=True)
class PublicCommit:
    """A commit checked against the public state, and that state after it.

    ``applied`` is the proposal list applied (its ``tree`` before the UpdatePath);
    ``tree`` the tree after the path; ``committer`` the committer's leaf index (an
    external joiner's new one); ``old_leaf`` the committer's leaf before (None for an
    external commit); ``merged`` the UpdatePath for a member to decrypt; ``context``
    the next epoch's GroupContext.
    """

    applied: AppliedProposals
    tree: RatchetTree
    committer: int
    old_leaf: LeafNode | None
    external: bool
    merged: MergedUpdatePath | None
    context: GroupContext

    def provisional_context(self, previous: GroupContext) -> GroupContext:
        """The GroupContext an UpdatePath is encrypted to: the new one with the
        previous confirmed transcript hash (section 12.4.2)."""
        return replace(self.context,
                       confirmed_transcript_hash=previous.confirmed_transcript_hash)


def stage_public_commit(
    suite: CipherSuite,
    context: GroupContext,
    tree: RatchetTree,
    interim_transcript_hash: bytes,
    ac: AuthenticatedContent,
    items: Sequence[tuple[Proposal, Sender, bytes | None]],
    identity: IdentityProvider,
    now: int | None,
    *,
    content_bytes: bytes | None = None,
) -> PublicCommit:
    """Every check of an authenticated commit that needs no secret, and its result.

    ``ac`` passed framing (group, epoch, signature) and :func:`check_commit_sender`;
    ``items`` are its proposals, resolved by the caller. Runs the proposal list
    (:func:`apply_proposal_list`), the path requirement, the external joiner's
    placement, the UpdatePath leaf (section 7.3 in the COMMIT or EXTERNAL_COMMIT
    context, a fresh encryption key), the path's shape, parent hashes and keys
    (:func:`merge_update_path`), then the tree hash and the confirmed transcript hash
    of the next GroupContext. ``content_bytes``: the content's encoding if the
    caller holds it. Nothing is changed; every refusal is an
    :class:`InvalidCommitError` (PolicyError from the identity provider as itself).
    """
    commit = ac.content.commit
    assert commit is not None
    sender = ac.content.sender
    external = sender.sender_type == SenderType.new_member_commit
    with committer_fault(None if external else sender.leaf_index):
        applied = apply_proposal_list(suite, context, tree, items, sender, identity, now,
                                      check_each=True)
        if (applied.path_required or external) and commit.path is None:
            raise ProtocolError("this commit must carry an update path")
    new_tree = applied.tree
    if external:
        # The joiner takes the leftmost blank leaf of the new tree.
        assert commit.path is not None
        new_tree, committer = new_tree.add_leaf(commit.path.leaf_node)
        old_leaf = None
    else:
        assert sender.leaf_index is not None
        committer = sender.leaf_index
        old_leaf = new_tree.leaf(committer)
    merged = None
    if commit.path is not None:
        path = commit.path
        with committer_fault(committer):
            if external:
                # Section 12.4.3.2: a Remove in an external commit may only remove the
                # joiner's own earlier leaf, which the new one must succeed.
                prior = applied.removed[0][1] if applied.removed else None
                leaf_context = LeafContext.EXTERNAL_COMMIT
            else:
                prior = old_leaf
                leaf_context = LeafContext.COMMIT
                if prior is not None and prior.encryption_key == path.leaf_node.encryption_key:
                    raise ProtocolError("commit leaf keeps the old encryption key")
            check_leaf(path.leaf_node, leaf_context, suite=suite,
                       extensions=applied.extensions, identity=identity, old_leaf=prior)
            merged = merge_update_path(
                new_tree, committer, path, group_id=context.group_id,
                exclude=applied.added, now=None,
                required_capabilities=required_capabilities(applied.extensions))
        new_tree = merged.tree
    confirmed = confirmed_transcript_hash(suite, interim_transcript_hash, ac.wire_format,
                                          ac.content, ac.auth.signature, content_bytes)
    ctx = GroupContext(cipher_suite=suite.id, group_id=context.group_id,
                       epoch=context.epoch + 1, tree_hash=new_tree.tree_hash(),
                       confirmed_transcript_hash=confirmed, extensions=applied.extensions)
    return PublicCommit(applied=applied, tree=new_tree, committer=committer,
                        old_leaf=old_leaf, external=external, merged=merged, context=ctx)
