# SPDX-License-Identifier: Apache-2.0
"""A group's public state and the verification of its commits without its secrets.

What a delivery service can check of an MLS group (RFC 9420 sections 6.2, 7, 8.2,
12.2-12.4; the shape of OpenMLS's ``PublicGroup`` and of the hub in the MIMI
delivery-service draft): handshake messages travel as PublicMessages, so a party
holding the group's public ratchet tree and GroupContext, and no epoch secret, can
verify each commit and follow the group's membership exactly::

    creator's GroupInfo (+ ratchet_tree) --from_group_info--> PublicGroup @ epoch n
                                                                  |
         commit (PublicMessage) --verify_commit--> VerifiedCommit(group @ n+1,
                                                    committer, added, removed)

``verify_commit`` checks, before anything is kept (every value is immutable):

* framing: a PublicMessage of this group at this epoch, content type commit, from a
  member sender (no external commits), with a confirmation tag;
* the FramedContent signature under the sender leaf's key over the GroupContext this
  state computes (so a commit that verifies here was signed for the very context the
  members hold);
* the proposals, by value only (a reference names a proposal this state never saw):
  Add, Remove and GroupContextExtensions; never Update (by value it would be the
  committer's own), PreSharedKey, ReInit or ExternalInit; the list rules of section
  12.2 (one Remove per leaf, not the committer, no blank leaf, no client added twice
  or already present, at most one GroupContextExtensions); each added KeyPackage
  (version, suite, signature, source, keys, lifetime at ``now``) and its credential;
* the UpdatePath where one is required or present: shape, leaf signature over the
  group id and leaf index, its credential, a fresh encryption key, parent hashes and
  key uniqueness (:func:`crypto.tree.treekem.merge_update_path`), public keys applied;
* every leaf entering the tree (added, or the committer's new leaf) against the new
  tree (uniqueness, capabilities, required capabilities);
* the new tree hash and the confirmed and interim transcript hashes (the interim one
  from the commit's confirmation tag) into the next GroupContext.

What cannot be checked without the epoch's secrets, stated plainly: the
``membership_tag`` (a MAC under the membership key), the confirmation tag itself
(the confirmation key), and the HPKE ciphertexts of the UpdatePath (members decrypt
their own path secrets). A commit that fails only those is refused by every member
(``crypto.group``), never by this state; Corridor's relay voids such commits by a vote
of the charter's missions (docs/relay-authority.md).

Errors: :class:`~crypto.errors.DecodeError` (bytes), :class:`~crypto.errors.
ProtocolError` (framing, proposal rules), :class:`~crypto.errors.EpochError`,
:class:`~crypto.errors.VerificationError` (signatures, tree and parent hashes),
:class:`~crypto.errors.PolicyError` (the credential validator refused a leaf).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from crypto import framing
from crypto import messages as m
from crypto.codec import Reader, Writer, opaque_v
from crypto.errors import DecodeError, EpochError, ProtocolError
from crypto.group.validation import (
    CallableIdentity,
    LeafContext,
    check_group_context_extensions,
    check_leaf,
)
from crypto.messages import (
    ContentType,
    Extension,
    ExtensionType,
    GroupContext,
    GroupInfo,
    KeyPackage,
    LeafNode,
    LeafNodeSource,
    MLSMessage,
    ProposalOrRefType,
    SenderType,
    WireFormat,
)
from crypto.messages.key_package import CredentialValidator, call_validator, validate_key_package
from crypto.schedule.transcript import confirmed_transcript_hash, interim_transcript_hash
from crypto.suites import CipherSuite, get_suite
from crypto.tree import (
    RatchetTree,
    RequiredCapabilitiesView,
    parse_ratchet_tree,
    restore_ratchet_tree,
    unverified_from_nodes,
)
from crypto.tree.treekem import merge_update_path

__all__ = ["PublicGroup", "VerifiedCommit"]

_STATE_VERSION = 1
_PATH_REQUIRED = (m.Remove, m.GroupContextExtensions)


def _required_caps(extensions: Sequence[Extension]) -> RequiredCapabilitiesView | None:
    ext = m.find_extension(extensions, ExtensionType.required_capabilities)
    if ext is None:
        return None
    rc = m.RequiredCapabilities.from_bytes(ext.extension_data)
    return RequiredCapabilitiesView(tuple(rc.extension_types), tuple(rc.proposal_types),
                                    tuple(rc.credential_types))


@dataclass(frozen=True, slots=True)
class VerifiedCommit:
    """A commit this state verified, and the state after it.

    ``added`` and ``removed`` are ``(leaf index, leaf)``; ``committer_leaf`` is the
    committer's leaf before the commit. ``authenticated_data`` is the commit's, as
    signed. Nothing of ``group`` is kept by anyone until the caller stores it.
    """

    group: PublicGroup
    committer: int
    committer_leaf: LeafNode
    added: tuple[tuple[int, LeafNode], ...]
    removed: tuple[tuple[int, LeafNode], ...]
    extensions_before: tuple[Extension, ...]
    authenticated_data: bytes
    has_path: bool


class PublicGroup:
    """One epoch of a group's public state: GroupContext, ratchet tree, interim
    transcript hash. Immutable; :meth:`verify_commit` returns the next one."""

    __slots__ = ("_context_bytes", "context", "interim_transcript_hash", "suite", "tree")

    def __init__(self, suite: CipherSuite, context: GroupContext, tree: RatchetTree,
                 interim_transcript_hash: bytes) -> None:
        self.suite = suite
        self.context = context
        self.tree = tree
        self.interim_transcript_hash = interim_transcript_hash
        self._context_bytes = context.to_bytes()

    def __repr__(self) -> str:
        return (f"PublicGroup(id={self.context.group_id.hex()[:16]}, "
                f"epoch={self.context.epoch}, members={self.tree.member_count()})")

    @property
    def group_id(self) -> bytes:
        return self.context.group_id

    @property
    def epoch(self) -> int:
        return self.context.epoch

    @property
    def extensions(self) -> tuple[Extension, ...]:
        return tuple(self.context.extensions)

    def members(self) -> list[tuple[int, LeafNode]]:
        return list(self.tree.leaves())

    # -- from the creator's GroupInfo (section 12.4.3.1's checks a joiner makes) -------

    @classmethod
    def from_group_info(cls, group_info: bytes, *, credential_validator: CredentialValidator,
                        ratchet_tree: bytes | None = None) -> PublicGroup:
        """Verify a GroupInfo (MLSMessage) with its tree and take the public state.

        The tree comes from ``ratchet_tree`` or the GroupInfo's ratchet_tree
        extension; it must match the context's tree hash, be valid (parent hashes,
        leaf signatures, unmerged leaves, unique keys), and every leaf's credential
        must pass ``credential_validator``; the GroupInfo must be signed by its
        ``signer`` leaf. The confirmation tag is taken as given (it needs the epoch's
        secrets): a wrong one only makes this state diverge from the members', after
        which it refuses their commits, never accepts others.
        """
        msg = MLSMessage.from_bytes(group_info)
        gi: GroupInfo | None = msg.group_info
        if gi is None:
            raise ProtocolError("not a GroupInfo message")
        ctx = gi.group_context
        suite = get_suite(ctx.cipher_suite)
        if ctx.version != m.ProtocolVersion.mls10:
            raise ProtocolError("GroupInfo of another protocol version")
        if ratchet_tree is not None:
            unverified = parse_ratchet_tree(suite, ratchet_tree)
        else:
            ext = m.find_extension(gi.extensions, ExtensionType.ratchet_tree)
            if ext is None:
                raise ProtocolError("GroupInfo without its ratchet tree")
            unverified = unverified_from_nodes(suite, m.decode_ratchet_tree(ext.extension_data))
        if not 0 <= gi.signer < unverified.n_leaves or unverified.leaf(gi.signer) is None:
            raise ProtocolError("GroupInfo signer is not a member")
        signer = unverified.leaf(gi.signer)
        assert signer is not None
        suite.verify_with_label(signer.signature_key, "GroupInfoTBS", gi.tbs_bytes(),
                                gi.signature)
        tree = unverified.verify(group_id=ctx.group_id, tree_hash=ctx.tree_hash,
                                 required_capabilities=_required_caps(ctx.extensions))
        for _idx, leaf in tree.leaves():
            call_validator(credential_validator, leaf.credential, leaf.signature_key)
        interim = interim_transcript_hash(suite, ctx.confirmed_transcript_hash,
                                          gi.confirmation_tag)
        return cls(suite, ctx, tree, interim)

    # -- commits --------------------------------------------------------------------------

    def verify_commit(self, message: bytes, *, credential_validator: CredentialValidator,
                      now: int | None = None) -> VerifiedCommit:
        """Verify a commit (MLSMessage bytes) against this state; see the module doc.

        ``now`` (seconds) checks added KeyPackages' lifetimes; ``None`` skips that.
        Every failure is a typed :class:`~crypto.errors.CryptoError`; ``self`` never
        changes.
        """
        msg = MLSMessage.from_bytes(message)
        pub = msg.public_message
        if msg.wire_format != WireFormat.mls_public_message or pub is None:
            raise ProtocolError("a commit must travel as a PublicMessage")
        content = pub.content
        if content.group_id != self.context.group_id:
            raise ProtocolError("message for another group")
        if content.epoch != self.context.epoch:
            raise EpochError("commit for another epoch")
        if content.content_type != ContentType.commit or content.commit is None:
            raise ProtocolError("not a commit")
        sender = content.sender
        if sender.sender_type != SenderType.member or sender.leaf_index is None:
            raise ProtocolError("only members commit (no external commits)")
        if pub.auth.confirmation_tag is None:
            raise ProtocolError("commit without confirmation tag")
        suite, tree, gid = self.suite, self.tree, self.context.group_id
        committer = sender.leaf_index
        if not 0 <= committer < tree.n_leaves:
            raise ProtocolError("sender is not a member")
        old_leaf = tree.leaf(committer)
        if old_leaf is None:
            raise ProtocolError("sender is not a member")
        # The content's encoding is the message's bytes after its 4-byte header, before
        # the auth data and membership tag (decoding is canonical): taken once instead of
        # encoding the content again for the signature and the transcript hash.
        tail = len(pub.auth.to_bytes()) + len(opaque_v(pub.membership_tag or b""))
        content_bytes = message[4:len(message) - tail]
        framing.verify_framed_content(suite, old_leaf.signature_key,
                                      WireFormat.mls_public_message, content,
                                      self._context_bytes, pub.auth.signature,
                                      content_bytes=content_bytes)
        commit = content.commit
        extensions = tuple(self.context.extensions)
        removes: list[int] = []
        adds: list[KeyPackage] = []
        path_required = not commit.proposals
        gce_seen = False
        for por in commit.proposals:
            if por.type == ProposalOrRefType.reference or por.proposal is None:
                raise ProtocolError("proposals by reference are not accepted")
            body = por.proposal.body
            if isinstance(body, m.Add):
                validate_key_package(suite, body.key_package, credential_validator, now=now)
                tree.validate_leaf_node(body.key_package.leaf_node, group_id=gid,
                                        leaf_index=None, source=LeafNodeSource.key_package,
                                        required_capabilities=_required_caps(extensions),
                                        check_against_members=False)
                adds.append(body.key_package)
            elif isinstance(body, m.Remove):
                idx = body.removed
                if idx == committer:
                    raise ProtocolError("the committer cannot remove itself")
                if idx in removes:
                    raise ProtocolError("several Removes for one leaf")
                if not 0 <= idx < tree.n_leaves or tree.leaf(idx) is None:
                    raise ProtocolError("Remove of a blank leaf")
                removes.append(idx)
            elif isinstance(body, m.GroupContextExtensions):
                if gce_seen:
                    raise ProtocolError("several GroupContextExtensions proposals")
                gce_seen = True
                extensions = tuple(body.extensions)
            else:
                raise ProtocolError(f"proposal type {int(por.proposal.proposal_type)} is "
                                    "not accepted in a commit here")
            if isinstance(body, _PATH_REQUIRED):
                path_required = True
        removed = tuple((i, self._leaf(i)) for i in removes)
        gone = {leaf.signature_key for _i, leaf in removed}
        present = {leaf.signature_key for _i, leaf in tree.leaves()} - gone if adds else set()
        seen: set[bytes] = set()
        for kp in adds:
            sk = kp.leaf_node.signature_key
            if sk in seen or sk in present:
                raise ProtocolError("Add of a client already in the group")
            seen.add(sk)
        # The tree-free rules of section 7.3 and 13.4, from the module every member runs
        # (crypto.group.validation), so the relay routes no commit an honest member refuses.
        # Credentials were checked above by the validator; the provider adds the
        # successor rule only.
        rules = CallableIdentity(_checked_above)
        for kp in adds:
            check_leaf(kp.leaf_node, LeafContext.ADD, suite=suite, extensions=extensions,
                       identity=rules)
        new_tree, added = tree.apply_proposals(removes=removes,
                                               adds=[kp.leaf_node for kp in adds])
        if gce_seen:
            check_group_context_extensions(
                extensions, suite=suite, members=[leaf for _i, leaf in new_tree.leaves()],
                identity=rules, previous=self.context.extensions)
        rc = _required_caps(extensions)
        new_tree.validate_entering_leaves([(i, self._leaf_in(new_tree, i)) for i in added],
                                          group_id=gid, required_capabilities=rc)
        if gce_seen and rc != _required_caps(self.context.extensions):
            for idx, leaf in new_tree.leaves():
                new_tree.validate_leaf_node(leaf, group_id=gid, leaf_index=idx, source=None,
                                            required_capabilities=rc, replacing=idx,
                                            check_against_members=False)
        path = commit.path
        if path_required and path is None:
            raise ProtocolError("this commit must carry an update path")
        if path is not None:
            if path.leaf_node.encryption_key == old_leaf.encryption_key:
                raise ProtocolError("commit leaf keeps the old encryption key")
            call_validator(credential_validator, path.leaf_node.credential,
                           path.leaf_node.signature_key)
            check_leaf(path.leaf_node, LeafContext.COMMIT, suite=suite, extensions=extensions,
                       identity=rules, old_leaf=old_leaf)
            new_tree = merge_update_path(new_tree, committer, path, group_id=gid,
                                         exclude=added).tree
        confirmed = confirmed_transcript_hash(suite, self.interim_transcript_hash,
                                              WireFormat.mls_public_message, content,
                                              pub.auth.signature, content_bytes)
        ctx = GroupContext(cipher_suite=suite.id, group_id=gid, epoch=self.context.epoch + 1,
                           tree_hash=new_tree.tree_hash(), confirmed_transcript_hash=confirmed,
                           extensions=extensions)
        interim = interim_transcript_hash(suite, confirmed, pub.auth.confirmation_tag)
        nxt = PublicGroup(suite, ctx, new_tree, interim)
        return VerifiedCommit(
            group=nxt, committer=committer, committer_leaf=old_leaf,
            added=tuple((i, self._leaf_in(new_tree, i)) for i in added), removed=removed,
            extensions_before=tuple(self.context.extensions),
            authenticated_data=content.authenticated_data, has_path=path is not None)

    def _leaf(self, idx: int) -> LeafNode:
        return self._leaf_in(self.tree, idx)

    @staticmethod
    def _leaf_in(tree: RatchetTree, idx: int) -> LeafNode:
        leaf = tree.leaf(idx)
        if leaf is None:
            raise ProtocolError("blank leaf")
        return leaf

    # -- storage --------------------------------------------------------------------------

    def to_bytes(self) -> bytes:
        """The state for the holder's own store (which must authenticate it)."""
        w = Writer()
        w.u8(_STATE_VERSION)
        w.opaque_v(self._context_bytes)
        w.opaque_v(self.interim_transcript_hash)
        w.opaque_v(self.tree.encode())
        return w.getvalue()

    @classmethod
    def from_bytes(cls, data: bytes) -> PublicGroup:
        """A state stored by :meth:`to_bytes` (trusted as stored: not re-verified)."""
        r = Reader(data)
        if r.u8() != _STATE_VERSION:
            raise DecodeError("unknown public group state version")
        ctx = GroupContext.from_bytes(r.opaque_v())
        interim = r.opaque_v()
        suite = get_suite(ctx.cipher_suite)
        tree = restore_ratchet_tree(suite, r.opaque_v())
        r.finish()
        return cls(suite, ctx, tree, interim)


def _checked_above(_credential: m.Credential, _signature_key: bytes) -> None:
    """Credentials are checked by the caller's validator before the shared rules run."""
