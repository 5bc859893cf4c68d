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

``verify_commit`` runs, before anything is kept (every value is immutable), the very
functions every member runs (:mod:`crypto.group.public_commit`, over
:mod:`crypto.group.validation`, :mod:`crypto.tree` and :mod:`crypto.framing`), so each
RFC 9420 rule has one implementation and a commit is refused here with the same
:class:`~crypto.errors.InvalidCommitError` reason as by a member:

* framing (:func:`crypto.framing.verify_public`): a PublicMessage of this group at this
  epoch; the FramedContent signature under the sender's key over the GroupContext
  this state computes (so a commit that verifies here was signed for the very
  context the members hold); a commit sender with a confirmation tag;
* the proposal list (:func:`crypto.group.validation.apply_proposal_list`): each
  proposal, the list rules of section 12.2, each added KeyPackage and its leaf in
  the ADD context, the GroupContext extensions; proposals come by value only (a
  reference names a proposal this state never saw); PreSharedKey and ReInit
  proposals are refused after those rules (whether members hold a PSK is theirs to
  know; a public state does not follow a group into its successor);
* the UpdatePath where one is required or present (the leaf in the COMMIT or
  EXTERNAL_COMMIT context, a fresh encryption key, shape, parent hashes and key
  uniqueness), an external joiner's placement and its Remove rule;
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

from dataclasses import dataclass

from crypto import framing
from crypto import messages as m
from crypto.codec import Reader, Writer, opaque_v
from crypto.errors import DecodeError, ProtocolError
from crypto.group.public_commit import (
    check_commit_sender,
    committer_fault,
    sender_signature_key,
    stage_public_commit,
    verify_group_info,
)
from crypto.group.validation import IdentityLike, identity_provider, member_leaf
from crypto.messages import (
    ContentType,
    Extension,
    GroupContext,
    LeafNode,
    MLSMessage,
    Proposal,
    ProposalOrRefType,
    Sender,
    WireFormat,
)
from crypto.messages.checks import peer_suite
from crypto.schedule.transcript import interim_transcript_hash
from crypto.suites import CipherSuite, get_suite
from crypto.tree import RatchetTree, restore_ratchet_tree

__all__ = ["PublicGroup", "VerifiedCommit"]

_STATE_VERSION = 1
_CHANGES_VERSION = 2


@dataclass(frozen=True, slots=True)
class VerifiedCommit:
    """A commit this state verified, and the state after it.

    ``added`` and ``removed`` are ``(leaf index, leaf)``; ``committer_leaf`` is the
    committer's leaf before the commit (None for an external joiner, ``external``).
    ``authenticated_data`` is the commit's, as signed. Nothing of ``group`` is kept by
    anyone until the caller stores it.
    """

    group: PublicGroup
    committer: int
    committer_leaf: LeafNode | None
    external: bool
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
    def from_group_info(cls, group_info: bytes, *, credential_validator: IdentityLike,
                        ratchet_tree: bytes | None = None) -> PublicGroup:
        """Verify a GroupInfo (MLSMessage) with its tree and take the public state.

        The checks a joiner makes (:func:`crypto.group.public_commit.verify_group_info`):
        the tree from ``ratchet_tree`` or the GroupInfo's extension, matching the tree
        hash, valid (parent hashes, leaf signatures, unmerged leaves, unique keys),
        every leaf in the JOIN context under ``credential_validator``; the GroupInfo
        signed by its ``signer`` leaf. The confirmation tag is taken as given (it needs
        the epoch's secrets): a wrong one only makes this state diverge from the
        members', after which it refuses their commits, never accepts others.
        """
        msg = MLSMessage.from_bytes(group_info)
        gi = msg.group_info
        if gi is None:
            raise ProtocolError("not a GroupInfo message")
        ctx = gi.group_context
        suite = peer_suite(ctx.cipher_suite)
        if ctx.version != m.ProtocolVersion.mls10:
            raise ProtocolError("GroupInfo is for another protocol version")
        tree = verify_group_info(suite, gi, ratchet_tree=ratchet_tree,
                                 identity=identity_provider(credential_validator))
        interim = interim_transcript_hash(suite, ctx.confirmed_transcript_hash,
                                          gi.confirmation_tag)
        return cls(suite, ctx, tree, interim)

    # -- commits --------------------------------------------------------------------------

    def verify_commit(self, message: bytes, *, credential_validator: IdentityLike,
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
        commit = content.commit
        if content.content_type != ContentType.commit or commit is None:
            raise ProtocolError("not a commit")
        # The content's encoding is the message's bytes after its 4-byte header, before
        # the auth data and membership tag (decoding is canonical): taken once instead of
        # encoding the content again for the signature and the transcript hash.
        tail = len(pub.auth.to_bytes()) + (
            len(opaque_v(pub.membership_tag)) if pub.membership_tag is not None else 0)
        content_bytes = message[4:len(message) - tail]
        ac = framing.verify_public(self.suite, pub, context=self.context,
                                   verification_key=lambda _sender: sender_signature_key(
                                       self.context, self.tree, pub),
                                   context_bytes=self._context_bytes,
                                   content_bytes=content_bytes)
        check_commit_sender(ac)
        items: list[tuple[Proposal, Sender, bytes | None]] = []
        for por in commit.proposals:
            if por.type == ProposalOrRefType.reference or por.proposal is None:
                raise ProtocolError("proposals by reference are not accepted")
            items.append((por.proposal, content.sender, None))
        pc = stage_public_commit(self.suite, self.context, self.tree,
                                 self.interim_transcript_hash, ac, items,
                                 identity_provider(credential_validator), now,
                                 content_bytes=content_bytes)
        with committer_fault(pc.committer):
            # Valid for members, beyond a public state: whether members hold a PSK is
            # theirs to know, and a ReInit ends the group this state follows.
            if pc.applied.psk_ids:
                raise ProtocolError("PreSharedKey proposals are not accepted here")
            if pc.applied.reinit is not None:
                raise ProtocolError("a ReInit is not followed by a public state")
        assert pub.auth.confirmation_tag is not None  # check_commit_sender
        interim = interim_transcript_hash(self.suite, pc.context.confirmed_transcript_hash,
                                          pub.auth.confirmation_tag)
        nxt = PublicGroup(self.suite, pc.context, pc.tree, interim)
        return VerifiedCommit(
            group=nxt, committer=pc.committer, committer_leaf=pc.old_leaf,
            external=pc.external,
            added=tuple((i, member_leaf(pc.tree, i)) for i in pc.applied.added),
            removed=tuple(pc.applied.removed),
            extensions_before=tuple(self.context.extensions),
            authenticated_data=content.authenticated_data, has_path=commit.path is not None)

    # -- storage --------------------------------------------------------------------------

    def to_bytes(self) -> bytes:
        """The state for the holder's own store (which must authenticate it)."""
        return self._encode(_STATE_VERSION, self.tree.encode())

    def changes_since(self, older: PublicGroup) -> bytes:
        """This state as a change of ``older`` (an earlier state of the same group): the
        GroupContext, the interim transcript hash and only the tree nodes that differ
        (:meth:`RatchetTree.changes_since`). For the holder's own store."""
        return self._encode(_CHANGES_VERSION, self.tree.changes_since(older.tree))

    def _encode(self, version: int, tree: bytes) -> bytes:
        w = Writer()
        w.u8(version)
        w.opaque_v(self._context_bytes)
        w.opaque_v(self.interim_transcript_hash)
        w.opaque_v(tree)
        return w.getvalue()

    @staticmethod
    def _read(data: bytes, version: int) -> tuple[GroupContext, bytes, bytes]:
        r = Reader(data)
        if r.u8() != version:
            raise DecodeError("unknown public group state version")
        ctx = GroupContext.from_bytes(r.opaque_v())
        interim = r.opaque_v()
        tree = r.opaque_v()
        r.finish()
        return ctx, interim, tree

    def with_changes(self, data: bytes) -> PublicGroup:
        """The state :meth:`changes_since` encoded against this one (trusted as stored)."""
        ctx, interim, tree = self._read(data, _CHANGES_VERSION)
        if ctx.group_id != self.context.group_id or ctx.cipher_suite != self.suite.id:
            raise DecodeError("public group change of another group")
        return PublicGroup(self.suite, ctx, self.tree.with_changes(tree), interim)

    @classmethod
    def from_bytes(cls, data: bytes) -> PublicGroup:
        """A state stored by :meth:`to_bytes` (trusted as stored: not re-verified)."""
        ctx, interim, tree = cls._read(data, _STATE_VERSION)
        suite = get_suite(ctx.cipher_suite)
        return cls(suite, ctx, restore_ratchet_tree(suite, tree), interim)
