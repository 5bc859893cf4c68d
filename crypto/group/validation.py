# SPDX-License-Identifier: Apache-2.0
"""RFC 9420 semantic validation in one place: leaves, GroupContext extensions, proposals.

Every rule here needs only public inputs (the suite, the GroupContext, the public
ratchet tree, the message) and the application's :class:`IdentityProvider`; nothing
reads a group's private state. A member (``crypto.group``) and a verifier that holds
only the public tree run the same functions, so they reach the same verdicts::

    leaf enters the group ──> validate_leaf(tree, leaf, LeafContext.X, ...)
                               ├─ check_leaf        (context rules, keys, extensions,
                               │                     identity, successor: no tree needed)
                               └─ tree.validate_leaf_node (signature, capabilities,
                                                     required_capabilities, uniqueness)
    GroupContext extensions ─> check_group_context_extensions(extensions, members, ...)
    one proposal ────────────> check_proposal(...)            (section 12.1)
    a commit's proposal list ─> apply_proposal_list(...)      (sections 12.2, 12.3)

The leaf contexts of section 7.3 (and where each rule comes from):

=================  ==================  =================================================
context            leaf_node_source    extra rules
=================  ==================  =================================================
JOIN               any                 a leaf of a tree being joined (12.4.3.1)
ADD                key_package         supports every GroupContext extension (13.4)
UPDATE             update              new encryption key (12.1.2); valid successor of
                                       the replaced leaf's credential (13.1, 5.3.1)
COMMIT             commit              valid successor of the committer's old leaf
EXTERNAL_COMMIT    commit              supports every GroupContext extension; valid
                                       successor of the leaf its Remove names (12.4.3.2)
=================  ==================  =================================================

Every leaf, in every context: its credential passes the identity provider; its
encryption key is a valid HPKE public key (for X25519, not one of the small-order
points whose DH output is all zero, RFC 9180 section 7.1.1); its extensions are of
distinct types (section 13.4) and listed in its capabilities.

Identity (section 5.3.1) is the application's: :class:`IdentityProvider` has the shape
of mls-rs's ``IdentityProvider``. A plain callable ``(credential, signature_key)``
(the older ``CredentialValidator``) is accepted wherever a provider is, and is then
used for members and external senders alike, with :func:`same_identity` deciding
successors.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from enum import Enum
from typing import Protocol, runtime_checkable

from crypto import messages as m
from crypto.errors import PeerError, PolicyError, ProtocolError, UsageError
from crypto.messages import (
    Credential,
    CredentialType,
    Extension,
    ExtensionType,
    KeyPackage,
    LeafNode,
    LeafNodeSource,
    PreSharedKeyID,
    Proposal,
    ProposalType,
    PSKType,
    ResumptionPSKUsage,
    Sender,
    SenderType,
)
from crypto.messages.checks import check_hpke_public_key, check_unique_extensions, peer_suite
from crypto.messages.key_package import validate_key_package
from crypto.suites import CipherSuite
from crypto.tree import (
    DEFAULT_EXTENSION_TYPES,
    DEFAULT_PROPOSAL_TYPES,
    RatchetTree,
    RequiredCapabilitiesView,
)

__all__ = [
    "EXTERNAL_SENDER_PROPOSALS",
    "AppliedProposals",
    "BasicIdentityProvider",
    "CallableIdentity",
    "IdentityLike",
    "IdentityProvider",
    "LeafContext",
    "apply_proposal_list",
    "check_external_senders",
    "check_group_context_extensions",
    "check_hpke_public_key",
    "check_key_package",
    "check_leaf",
    "check_member",
    "check_proposal",
    "check_proposal_sender",
    "check_reinit",
    "check_successor",
    "check_unique_extensions",
    "check_welcome_psks",
    "identity_provider",
    "peer_suite",
    "required_capabilities",
    "same_identity",
    "validate_leaf",
]


# --------------------------------------------------------------------------- identity


@runtime_checkable
class IdentityProvider(Protocol):
    """The application's Authentication Service (section 5.3.1), as one seam.

    Each method refuses by raising :class:`~crypto.errors.PolicyError` (any other
    :class:`~crypto.errors.PeerError` it raises is turned into one);
    :meth:`valid_successor` answers with a bool.
    """

    def validate_member(self, credential: Credential, signature_key: bytes) -> None:
        """A credential presented by a (would-be) member's leaf."""

    def validate_external_sender(self, credential: Credential, signature_key: bytes) -> None:
        """A credential in the group's ``external_senders`` extension (12.1.8.1)."""

    def valid_successor(self, old: Credential, new: Credential) -> bool:
        """Whether ``new`` may replace ``old`` in the same leaf (Update, commit path,
        external resync): section 13.1 forbids an identity change unless allowed."""


IdentityLike = IdentityProvider | Callable[[Credential, bytes], None]


def same_identity(old: Credential, new: Credential) -> bool:
    """The default successor rule: the same credential type naming the same subject.

    Basic credentials: equal ``identity``. X.509: the first certificates carry the
    same subject and subjectAltName (a renewed certificate keeps its identity).
    """
    if old.credential_type != new.credential_type:
        return False
    if old.credential_type == CredentialType.basic:
        return old.identity == new.identity
    if old == new:
        return True
    if not old.certificates or not new.certificates:
        return False
    return _x509_names(old.certificates[0]) == _x509_names(new.certificates[0]) is not None


def _x509_names(der: bytes) -> tuple[object, object] | None:
    from cryptography import x509

    try:
        cert = x509.load_der_x509_certificate(der)
        try:
            san: object = cert.extensions.get_extension_for_class(
                x509.SubjectAlternativeName).value
        except x509.ExtensionNotFound:
            san = None
        return cert.subject, san
    except ValueError:
        return None


class CallableIdentity:
    """An :class:`IdentityProvider` around a ``(credential, signature_key)`` check."""

    __slots__ = ("check", "successor")

    def __init__(self, check: Callable[[Credential, bytes], None],
                 successor: Callable[[Credential, Credential], bool] = same_identity) -> None:
        self.check = check
        self.successor = successor

    def validate_member(self, credential: Credential, signature_key: bytes) -> None:
        self.check(credential, signature_key)

    def validate_external_sender(self, credential: Credential, signature_key: bytes) -> None:
        self.check(credential, signature_key)

    def valid_successor(self, old: Credential, new: Credential) -> bool:
        return self.successor(old, new)


class BasicIdentityProvider:
    """Basic credentials only, any identity; successors keep the identity. For tests
    and for groups whose identities are authenticated elsewhere."""

    __slots__ = ()

    def validate_member(self, credential: Credential, signature_key: bytes) -> None:
        del signature_key
        if credential.credential_type != CredentialType.basic:
            raise PolicyError("only basic credentials are accepted")

    def validate_external_sender(self, credential: Credential, signature_key: bytes) -> None:
        self.validate_member(credential, signature_key)

    def valid_successor(self, old: Credential, new: Credential) -> bool:
        return same_identity(old, new)


def identity_provider(value: IdentityLike) -> IdentityProvider:
    """``value`` itself if it is a provider, else a :class:`CallableIdentity` around it."""
    if isinstance(value, IdentityProvider):
        return value
    if callable(value):
        return CallableIdentity(value)
    raise UsageError("an identity provider or a credential validator is needed")


def _refusal(kind: str, exc: PeerError) -> PolicyError:
    if isinstance(exc, PolicyError):
        return exc
    return PolicyError(f"{kind} refused: {type(exc).__name__}")


def check_member(identity: IdentityProvider, credential: Credential,
                 signature_key: bytes) -> None:
    """Run ``validate_member``; every refusal is a :class:`PolicyError`."""
    try:
        identity.validate_member(credential, signature_key)
    except PeerError as exc:
        raise _refusal("credential", exc) from None


def check_successor(identity: IdentityProvider, old: Credential, new: Credential) -> None:
    """:class:`PolicyError` unless ``new`` is a valid successor of ``old``."""
    try:
        ok = identity.valid_successor(old, new)
    except PeerError as exc:
        raise _refusal("successor credential", exc) from None
    if not ok:
        raise PolicyError("the new credential changes the member's identity")


# --------------------------------------------------------------------------- primitives


def required_capabilities(extensions: Sequence[Extension]) -> RequiredCapabilitiesView | None:
    """The ``required_capabilities`` extension of a GroupContext, if any (DecodeError
    if malformed)."""
    ext = m.find_extension(extensions, ExtensionType.required_capabilities)
    if ext is None:
        return None
    rc = m.RequiredCapabilities.from_bytes(ext.extension_data)
    return RequiredCapabilitiesView(rc.extension_types, rc.proposal_types, rc.credential_types)


def _non_default(extensions: Sequence[Extension]) -> set[int]:
    return {int(e.extension_type) for e in extensions} - DEFAULT_EXTENSION_TYPES


# --------------------------------------------------------------------------- leaves


class LeafContext(Enum):
    """Where a LeafNode is met (section 7.3); decides its source and extra rules."""

    JOIN = "join"
    ADD = "add"
    UPDATE = "update"
    COMMIT = "commit"
    EXTERNAL_COMMIT = "external_commit"

    @property
    def source(self) -> LeafNodeSource | None:
        return _SOURCES[self]


_SOURCES: dict[LeafContext, LeafNodeSource | None] = {
    LeafContext.JOIN: None,
    LeafContext.ADD: LeafNodeSource.key_package,
    LeafContext.UPDATE: LeafNodeSource.update,
    LeafContext.COMMIT: LeafNodeSource.commit,
    LeafContext.EXTERNAL_COMMIT: LeafNodeSource.commit,
}


def check_leaf(
    leaf: LeafNode,
    context: LeafContext,
    *,
    suite: CipherSuite,
    extensions: Sequence[Extension],
    identity: IdentityProvider,
    old_leaf: LeafNode | None = None,
) -> None:
    """The section 7.3 rules that need no tree: source, keys, extensions, identity.

    Args:
        extensions: the GroupContext extensions the leaf must live with.
        old_leaf: the leaf being replaced (UPDATE, COMMIT) or removed by an
            external commit's Remove (EXTERNAL_COMMIT); None otherwise.

    Raises:
        ProtocolError: wrong source, a bad encryption key, repeated or unlisted
            extensions, a GroupContext extension the leaf does not support, an
            Update that keeps the encryption key.
        PolicyError: the identity provider refused the credential or the successor.
    """
    source = context.source
    if source is not None and leaf.leaf_node_source != source:
        raise ProtocolError("leaf node has the wrong source")
    check_hpke_public_key(suite, leaf.encryption_key)
    check_unique_extensions(leaf.extensions)
    listed = set(leaf.capabilities.extensions)
    for ext in leaf.extensions:
        if int(ext.extension_type) not in DEFAULT_EXTENSION_TYPES | listed:
            raise ProtocolError("leaf node uses an extension it does not list")
    group_exts = _non_default(extensions)
    if context in (LeafContext.ADD, LeafContext.EXTERNAL_COMMIT):
        # A new member supports every extension the group uses (section 13.4).
        if not group_exts <= listed:
            raise ProtocolError("leaf node does not support a GroupContext extension")
    elif old_leaf is not None and context in (LeafContext.UPDATE, LeafContext.COMMIT) \
            and not (group_exts & set(old_leaf.capabilities.extensions)) <= listed:
        # A member may not drop support for an extension the group uses.
        raise ProtocolError("leaf node drops support for a GroupContext extension")
    if context is LeafContext.UPDATE and old_leaf is not None \
            and old_leaf.encryption_key == leaf.encryption_key:
        raise ProtocolError("Update does not change the encryption key")
    check_member(identity, leaf.credential, leaf.signature_key)
    if old_leaf is not None and context is not LeafContext.ADD:
        check_successor(identity, old_leaf.credential, leaf.credential)


def validate_leaf(
    tree: RatchetTree,
    leaf: LeafNode,
    context: LeafContext,
    *,
    group_id: bytes,
    leaf_index: int | None,
    extensions: Sequence[Extension],
    identity: IdentityProvider,
    old_leaf: LeafNode | None = None,
    now: int | None = None,
    check_against_members: bool = True,
) -> None:
    """Every section 7.3 check of ``leaf`` entering ``tree`` in ``context``.

    :func:`check_leaf`, then the tree's part (signature over ``group_id`` and
    ``leaf_index``, capabilities against ``required_capabilities`` and the members'
    credential types, lifetime at ``now``, unique keys).

    Raises:
        VerificationError: the leaf signature does not verify.
        ProtocolError: a rule of section 7.3 fails.
        PolicyError: the identity provider refused.
    """
    check_leaf(leaf, context, suite=tree.suite, extensions=extensions, identity=identity,
               old_leaf=old_leaf)
    replacing = leaf_index if context in (LeafContext.UPDATE, LeafContext.COMMIT,
                                          LeafContext.JOIN) else None
    tree.validate_leaf_node(
        leaf, group_id=group_id, leaf_index=leaf_index, source=context.source, now=now,
        required_capabilities=required_capabilities(extensions), replacing=replacing,
        check_against_members=check_against_members)


# --------------------------------------------------------------------------- GroupContext


_SIGNATURE_KEY_SIZE = 32  # Ed25519, the signature scheme of every suite Corridor has


def check_external_senders(extensions: Sequence[Extension], identity: IdentityProvider,
                           suite: CipherSuite) -> None:
    """Section 12.1.8.1: every external sender's credential passes the provider and
    its signature key has the suite's size.

    Raises:
        DecodeError: the extension is malformed.
        ProtocolError: a key of the wrong size, or one key listed twice.
        PolicyError: the provider refused a credential.
    """
    ext = m.find_extension(extensions, ExtensionType.external_senders)
    if ext is None:
        return
    seen: set[bytes] = set()
    for sender in m.decode_external_senders(ext.extension_data):
        if len(sender.signature_key) != _SIGNATURE_KEY_SIZE:
            raise ProtocolError("external sender key has the wrong size")
        if sender.signature_key in seen:
            raise ProtocolError("an external sender is listed twice")
        seen.add(sender.signature_key)
        try:
            identity.validate_external_sender(sender.credential, sender.signature_key)
        except PeerError as exc:
            raise _refusal("external sender", exc) from None


def check_group_context_extensions(
    extensions: Sequence[Extension],
    *,
    suite: CipherSuite,
    members: Iterable[LeafNode],
    identity: IdentityProvider,
    previous: Sequence[Extension] | None = None,
) -> None:
    """The one GroupContext-extension check (sections 11.1, 12.1.7, 12.1.8.1, 13.4).

    ``members`` are the leaves that will live with ``extensions`` (after the commit's
    Adds and Removes). Types are distinct; ``required_capabilities`` decodes and
    every member supports it; every member lists every non-default extension (when
    ``previous``, the extensions being replaced, is given: every extension type not
    already in use, so a group whose older members predate an extension can keep
    changing its value); the external senders pass the identity provider.

    Raises:
        DecodeError: a known extension is malformed.
        ProtocolError: a rule fails.
        PolicyError: the provider refused an external sender.
    """
    check_unique_extensions(extensions)
    rc = required_capabilities(extensions)
    needed = _non_default(extensions)
    if previous is not None:
        needed -= _non_default(previous)
    for leaf in members:
        caps = leaf.capabilities
        if not needed <= set(caps.extensions):
            raise ProtocolError("a member does not support a GroupContext extension")
        if rc is not None and (
                not set(rc.extension_types) - DEFAULT_EXTENSION_TYPES <= set(caps.extensions)
                or not set(rc.proposal_types) - DEFAULT_PROPOSAL_TYPES <= set(caps.proposals)
                or not set(rc.credential_types) <= set(caps.credentials)):
            raise ProtocolError("a member lacks a required capability")
    check_external_senders(extensions, identity, suite)


# --------------------------------------------------------------------------- proposals

EXTERNAL_SENDER_PROPOSALS = frozenset({
    ProposalType.add, ProposalType.remove, ProposalType.psk, ProposalType.reinit,
    ProposalType.group_context_extensions})
_PATH_REQUIRED = frozenset({ProposalType.update, ProposalType.remove,
                            ProposalType.external_init, ProposalType.group_context_extensions})


def check_reinit(reinit: m.ReInit, *, current_version: int) -> None:
    """Section 12.1.5: a ReInit never lowers the version; Corridor refuses one it could
    not follow (an unknown version or suite) so no member is stranded; its
    extensions are distinct."""
    if reinit.version < current_version:
        raise ProtocolError("ReInit lowers the protocol version")
    if reinit.version != m.ProtocolVersion.mls10:
        raise ProtocolError("ReInit names an unsupported protocol version")
    peer_suite(reinit.cipher_suite)
    check_unique_extensions(reinit.extensions)


def check_proposal_sender(proposal: Proposal, sender: Sender) -> None:
    """Which sender types may send which proposals (sections 12.1.8, 12.1.8.1)."""
    if sender.sender_type == SenderType.external:
        if proposal.proposal_type not in EXTERNAL_SENDER_PROPOSALS:
            raise ProtocolError("external senders may not send this proposal")
    elif sender.sender_type == SenderType.new_member_proposal:
        if proposal.proposal_type != ProposalType.add:
            raise ProtocolError("a new member may only propose its own Add")
    elif sender.sender_type != SenderType.member:
        raise ProtocolError("this sender may not send proposals")


def member_leaf(tree: RatchetTree, idx: int) -> LeafNode:
    """The member at ``idx``; ProtocolError if the index is outside the tree or blank."""
    if not 0 <= idx < tree.n_leaves:
        raise ProtocolError("leaf index outside the tree")
    leaf = tree.leaf(idx)
    if leaf is None:
        raise ProtocolError("leaf index names a blank leaf")
    return leaf


def _accept_any(credential: Credential, signature_key: bytes) -> None:
    del credential, signature_key


def check_key_package(suite: CipherSuite, key_package: KeyPackage, *,
                      now: int | None) -> None:
    """Section 10.1 checks of a KeyPackage that need no tree and no identity (its
    credential is checked with its leaf by :func:`validate_leaf`, context ADD)."""

    validate_key_package(suite, key_package, _accept_any, now=now)


def check_proposal(
    suite: CipherSuite,
    context: m.GroupContext,
    tree: RatchetTree,
    proposal: Proposal,
    sender: Sender,
    identity: IdentityProvider,
    now: int | None,
) -> None:
    """Validity of one proposal on its own (section 12.1).

    Raises:
        ProtocolError, VerificationError, DecodeError: the proposal is invalid.
        PolicyError: the identity provider refused a credential.
    """
    body = proposal.body
    exts = context.extensions
    if isinstance(body, m.Add):
        check_key_package(suite, body.key_package, now=now)
        validate_leaf(tree, body.key_package.leaf_node, LeafContext.ADD,
                      group_id=context.group_id, leaf_index=None, extensions=exts,
                      identity=identity, check_against_members=False)
    elif isinstance(body, m.Update):
        if sender.sender_type != SenderType.member or sender.leaf_index is None:
            raise ProtocolError("only members send Update proposals")
        old = member_leaf(tree, sender.leaf_index)
        validate_leaf(tree, body.leaf_node, LeafContext.UPDATE, group_id=context.group_id,
                      leaf_index=sender.leaf_index, extensions=exts, identity=identity,
                      old_leaf=old)
    elif isinstance(body, m.Remove):
        member_leaf(tree, body.removed)
    elif isinstance(body, m.PreSharedKey):
        pid = body.psk
        if len(pid.psk_nonce) != suite.nh:
            raise ProtocolError("PSK nonce has the wrong length")
        if pid.psktype == PSKType.resumption and pid.usage != ResumptionPSKUsage.application:
            raise ProtocolError("resumption PSK proposal must have usage application")
    elif isinstance(body, m.GroupContextExtensions):
        # Members as they are now; apply_proposal_list re-checks after the commit's
        # Adds and Removes.
        check_unique_extensions(body.extensions)
        required_capabilities(body.extensions)
    elif isinstance(body, m.ReInit):
        check_reinit(body, current_version=context.version)


@dataclass(slots=True)
class AppliedProposals:
    """A validated proposal list applied to a copy of the public tree (12.2, 12.3)."""

    tree: RatchetTree
    extensions: tuple[Extension, ...]
    added: list[int]
    added_kps: list[KeyPackage]
    removed: list[tuple[int, LeafNode]]
    updated: list[int]
    psk_ids: list[PreSharedKeyID]
    external_init: bytes | None
    reinit: m.ReInit | None
    path_required: bool


def apply_proposal_list(
    suite: CipherSuite,
    context: m.GroupContext,
    tree: RatchetTree,
    items: Sequence[tuple[Proposal, Sender, bytes | None]],
    committer: Sender,
    identity: IdentityProvider,
    now: int | None,
    *,
    check_each: bool,
) -> AppliedProposals:
    """Validate a commit's proposal list (section 12.2) and apply it (section 12.3).

    ``items`` are (proposal, its sender, its reference or None when inline);
    ``check_each``: run :func:`check_proposal` on the inline ones (proposals by
    reference were checked when received).

    Raises:
        ProtocolError, VerificationError, DecodeError: the list is invalid.
        PolicyError: the identity provider refused a credential.
    """
    external = committer.sender_type == SenderType.new_member_commit
    committer_leaf = committer.leaf_index if not external else None
    counts: dict[ProposalType, int] = {}
    for p, _s, _r in items:
        counts[p.proposal_type] = counts.get(p.proposal_type, 0) + 1
    if external:
        allowed = {ProposalType.external_init, ProposalType.remove, ProposalType.psk}
        if set(counts) - allowed or counts.get(ProposalType.external_init, 0) != 1 \
                or counts.get(ProposalType.remove, 0) > 1:
            raise ProtocolError("invalid proposal list for an external commit")
        if any(r is not None for _p, _s, r in items):
            raise ProtocolError("external commit references proposals")
    else:
        if counts.get(ProposalType.external_init):
            raise ProtocolError("ExternalInit in a member commit")
        if counts.get(ProposalType.group_context_extensions, 0) > 1:
            raise ProtocolError("several GroupContextExtensions proposals")
        if counts.get(ProposalType.reinit) and len(items) > 1:
            raise ProtocolError("ReInit together with other proposals")
    extensions = tuple(context.extensions)
    gce = False
    for p, _s, _r in items:
        if isinstance(p.body, m.GroupContextExtensions):
            extensions = tuple(p.body.extensions)
            gce = True
    touched: set[int] = set()
    updates: list[tuple[int, LeafNode]] = []
    removes: list[int] = []
    adds: list[KeyPackage] = []
    psk_ids: list[PreSharedKeyID] = []
    psk_seen: set[bytes] = set()
    external_init: bytes | None = None
    reinit: m.ReInit | None = None
    for p, sender, ref in items:
        body = p.body
        if check_each and ref is None:
            check_proposal(suite, context, tree, p, sender, identity, now)
        if isinstance(body, m.Update):
            idx = sender.leaf_index
            if sender.sender_type != SenderType.member or idx is None:
                raise ProtocolError("Update from a non-member")
            if idx == committer_leaf:
                raise ProtocolError("commit includes the committer's own Update")
            if idx in touched:
                raise ProtocolError("several Updates/Removes for one leaf")
            touched.add(idx)
            updates.append((idx, body.leaf_node))
        elif isinstance(body, m.Remove):
            if body.removed == committer_leaf:
                raise ProtocolError("the committer cannot remove itself")
            if body.removed in touched:
                raise ProtocolError("several Updates/Removes for one leaf")
            member_leaf(tree, body.removed)
            touched.add(body.removed)
            removes.append(body.removed)
        elif isinstance(body, m.Add):
            adds.append(body.key_package)
        elif isinstance(body, m.PreSharedKey):
            enc = body.psk.to_bytes()
            if enc in psk_seen:
                raise ProtocolError("the same PSK is proposed twice")
            psk_seen.add(enc)
            psk_ids.append(body.psk)
        elif isinstance(body, m.ExternalInit):
            external_init = body.kem_output
        elif isinstance(body, m.ReInit):
            reinit = body
    # Adds: no duplicate clients, none already in the group (unless removed).
    removed_sigs = {member_leaf(tree, i).signature_key for i in removes}
    seen_sigs: set[bytes] = set()
    present = {leaf.signature_key for _i, leaf in tree.leaves()} - removed_sigs
    for kp in adds:
        sk = kp.leaf_node.signature_key
        if sk in seen_sigs or sk in present:
            raise ProtocolError("Add of a client already in the group")
        seen_sigs.add(sk)
    removed = [(i, member_leaf(tree, i)) for i in removes]
    new_tree, added = tree.apply_proposals(
        updates=updates, removes=removes, adds=[kp.leaf_node for kp in adds])
    # After the list is applied: every new/updated leaf must be valid in the new tree
    # (capabilities against the new extensions, unique keys). Its signature was
    # verified by check_proposal: above for inline proposals when check_each, by the
    # committer before this call otherwise, and on receipt for those by reference; an
    # added leaf's TBS (source key_package) does not depend on its index, and an
    # Update's index is its sender's, so checking it again would verify the same bytes.
    rc = required_capabilities(extensions)
    new_tree.validate_entering_leaves(
        [(idx, member_leaf(new_tree, idx)) for idx in [i for i, _l in updates] + added],
        group_id=context.group_id, required_capabilities=rc, signatures_verified=True)
    if gce:
        check_group_context_extensions(
            extensions, suite=suite, members=[leaf for _i, leaf in new_tree.leaves()],
            identity=identity, previous=context.extensions)
    elif _non_default(extensions):
        needed = _non_default(extensions)
        for kp in adds:
            if not needed <= set(kp.leaf_node.capabilities.extensions):
                raise ProtocolError("leaf node does not support a GroupContext extension")
    path_required = not items or any(p.proposal_type in _PATH_REQUIRED for p, _s, _r in items)
    return AppliedProposals(
        tree=new_tree, extensions=extensions, added=added, added_kps=adds, removed=removed,
        updated=[i for i, _l in updates], psk_ids=psk_ids, external_init=external_init,
        reinit=reinit, path_required=path_required)


def check_welcome_psks(suite: CipherSuite, psks: Sequence[PreSharedKeyID]) -> bool:
    """The PSK rules of a Welcome's GroupSecrets (sections 8.4, 11.2, 11.3, 12.4.3.1).

    Distinct PSKs, nonces of ``Nh`` bytes, at most one resumption PSK of usage
    ``reinit`` or ``branch`` (and then no other resumption PSK). Returns whether the
    Welcome resumes a group (the new group must then start at epoch 1).
    """
    seen: set[bytes] = set()
    resumed = 0
    for pid in psks:
        enc = pid.to_bytes()
        if enc in seen:
            raise ProtocolError("a PSK appears twice in the Welcome")
        seen.add(enc)
        if len(pid.psk_nonce) != suite.nh:
            raise ProtocolError("PSK nonce has the wrong length")
        if pid.psktype == PSKType.resumption and pid.usage in (
                ResumptionPSKUsage.reinit, ResumptionPSKUsage.branch):
            resumed += 1
    if resumed > 1:
        raise ProtocolError("a Welcome resumes more than one group")
    return resumed == 1
