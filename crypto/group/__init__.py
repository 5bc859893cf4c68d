# SPDX-License-Identifier: Apache-2.0
"""The MLS group: an epoch state machine (RFC 9420 sections 8, 10, 11, 12).

::

    Group.create ─┐                    process(commit) ─> StagedCommit ─┐
    Group.join ───┼─> Group @ epoch n ─┤                                ├─> merge_staged_commit
    join_external ┘      │   ▲         commit(...) ─> pending commit ───┤   merge_pending_commit
                         │   └──────── discard_pending_commit ◄─────────┘
                         └── encrypt_application / process(app) / propose_* / export_secret

Every operation that can fail works on copies (the tree is immutable, the secret
tree is copied, the private path keys are a fresh mapping) and swaps them in only
when every check of section 12.4.2 (commits) or 12.4.3 (Welcome) has passed, so a
typed error always leaves the group exactly as it was (``to_bytes()`` is equal).

The application's Authentication Service is an identity provider
(:class:`~crypto.group.validation.IdentityProvider`, passed as ``credential_validator``; a
plain ``(credential, signature_key)`` callable still works): ``validate_member`` sees
every credential the group meets (KeyPackages added, every leaf of a joined tree,
leaves of UpdatePaths and Update proposals, external joiners),
``validate_external_sender`` every ``external_senders`` entry, and
``valid_successor(old, new)`` every leaf that replaces another (Update, commit path,
external resync); a refusal is a :class:`~crypto.errors.PolicyError`. The rules
themselves live in :mod:`crypto.group.validation` (see ``docs/mls-validation.md``).

Whose fault a refused commit is (THREATS 12). Once a commit has *authenticated* (its
FramedContent signature verified under the sender's leaf key, inside a PrivateMessage
whose AEAD opened with this epoch's keys or a PublicMessage whose membership tag
verified), the relay neither made nor altered it. A later check that every member at
this epoch makes on the same public inputs (the commit's bytes, the tree, the group
context, the ``now`` the caller passes: Corridor's engine passes the commit's own
signed timestamp) gives the same verdict everywhere, and its failure is raised as
:class:`~crypto.errors.InvalidCommitError` with the committer's leaf index (a
subclass that is also the original VerificationError / DecodeError where it was one):

* verifiable by all: a missing confirmation tag, a sender that may not commit, the
  proposal list (sections 12.2, 12.4.2: inline proposals' validity, duplicates,
  Update/Remove of the committer, Remove of a blank leaf, Add of a present client,
  required path missing, capabilities), the UpdatePath's shape (node and ciphertext
  counts, repeated keys), its leaf node (source, signature, capabilities) and its
  parent hash, a commit leaf keeping its encryption key, and the confirmation tag
  when no external PSK is used: every member that decrypted its path secret checked
  that it derives the UpdatePath's public keys up to the root, so all of them hold
  the same commit secret (and the same init secret and resumption PSKs);
* local, left as plain errors: a referenced proposal we never received, a PSK we do
  not hold (or an external PSK's value, so then the tag too), and decrypting our own
  path secret (HPKE failure, wrong length, a derived key that does not match): the
  committer may have encrypted garbage to some members only, and a member cannot
  prove to the others what it received. Members removed by the commit cannot check
  the tag at all. A malformed or badly signed message (before authentication) may be
  the relay's damage and stays a plain VerificationError / DecodeError / ProtocolError.

Key deletion (sections 9.2, 14). A message key is deleted once its message
authenticated (:mod:`crypto.schedule.secret_tree`); an epoch keeps only the secrets it still
needs (:meth:`~crypto.schedule.key_schedule.EpochSecrets.retained`: the epoch, joiner,
welcome and encryption secrets are gone once its secret tree exists), and so does
what :meth:`Group.to_bytes` stores. Out-of-order messages are bounded by a
:class:`GroupConfig`: ``out_of_order_tolerance`` skipped keys per sender,
``maximum_forward_distance`` generations ahead, and ``max_past_epochs`` earlier
epochs whose application messages still open (their secret trees and sender-data
secrets only: nothing that derives a later or an earlier epoch). A message of any
other epoch is an :class:`~crypto.errors.EpochError`; past epochs otherwise keep only
their resumption PSKs (a bounded number, for PSK proposals).

After a commit with a ReInit (section 12.1.5) the group is closed: it sends nothing
more and refuses what it receives; :meth:`Group.resume` continues it as the ReInit
says.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field

from crypto import framing
from crypto import messages as m
from crypto.codec import Reader, Writer
from crypto.errors import (
    CryptoError,
    DecodeError,
    EpochError,
    GenerationError,
    InvalidCommitDecodeError,
    InvalidCommitError,
    InvalidCommitVerificationError,
    PeerError,
    PolicyError,
    ProtocolError,
    ReplayError,
    UsageError,
    VerificationError,
)
from crypto.group.validation import (
    IdentityLike,
    IdentityProvider,
    LeafContext,
    apply_proposal_list,
    check_group_context_extensions,
    check_key_package,
    check_leaf,
    check_member,
    check_proposal,
    check_proposal_sender,
    check_successor,
    check_unique_extensions,
    check_welcome_psks,
    identity_provider,
    peer_suite,
    required_capabilities,
)
from crypto.messages import (
    AuthenticatedContent,
    Commit,
    ContentType,
    Credential,
    Extension,
    ExtensionType,
    FramedContent,
    FramedContentAuthData,
    GroupContext,
    GroupInfo,
    KeyPackage,
    LeafNode,
    LeafNodeSource,
    MLSMessage,
    PreSharedKeyID,
    Proposal,
    ProposalOrRef,
    ProposalOrRefType,
    PSKType,
    ResumptionPSKUsage,
    Sender,
    SenderData,
    SenderType,
    WireFormat,
)
from crypto.messages.key_package import (
    CredentialValidator,
    KeyPackageBundle,
    default_capabilities,
    make_key_package,
)
from crypto.schedule.key_schedule import (
    DELETED,
    RETAINED_SECRETS,
    EpochSecrets,
    from_joiner_secret,
    next_epoch,
    welcome_key_nonce,
)
from crypto.schedule.psk import psk_secret as compute_psk_secret
from crypto.schedule.secret_tree import (
    DEFAULT_MAX_FORWARD,
    DEFAULT_MAX_SKIPPED,
    RatchetType,
    SecretTree,
)
from crypto.schedule.transcript import confirmed_transcript_hash, interim_transcript_hash
from crypto.secret_bytes import Secret
from crypto.suites import CipherSuite, expand_signature_key, get_suite
from crypto.tree import (
    RatchetTree,
    RequiredCapabilitiesView,
    UnverifiedRatchetTree,
    parse_ratchet_tree,
    restore_ratchet_tree,
    unverified_from_nodes,
)
from crypto.tree.treekem import (
    PreparedUpdatePath,
    PrivateTreeState,
    merge_update_path,
    prepare_update_path,
)

__all__ = [
    "COMMIT_REF_EXTENSION",
    "ApplicationMessage",
    "CommitOutput",
    "CredentialValidator",
    "EpochChange",
    "Group",
    "GroupConfig",
    "IdentityProvider",
    "KeyPackageBundle",
    "Member",
    "StagedCommit",
    "StoredProposal",
    "make_key_package",
]

Rng = Callable[[int], bytes]
# 1: every epoch secret stored; 2: only the retained ones, plus the configuration,
# past epochs and a committed ReInit. Version 1 is still read (and loses the rest).
_STATE_VERSION = 2
_MAX_PAST_EPOCHS = 64
# Resumption PSKs of this many recent epochs are kept for PSK proposals (section 8.6).
_RESUMPTION_PSK_WINDOW = 8
# Private-use GroupInfo extension in Corridor's Welcomes: the hash of the commit
# message that created the epoch, so a joiner given the relay-accepted commit can
# refuse the Welcome of a commit that lost the race (THREATS.md 6).
COMMIT_REF_EXTENSION = 0xF0C1


# --------------------------------------------------------------------------- results


@dataclass(frozen=True, slots=True)
class Member:
    """One member (leaf) of the group as the application sees it."""

    leaf_index: int
    credential: Credential
    signature_key: bytes
    encryption_key: bytes


@dataclass(frozen=True, slots=True)
class ApplicationMessage:
    """A decrypted application message."""

    sender_leaf: int
    data: bytes = field(repr=False)
    authenticated_data: bytes
    generation: int


@dataclass(frozen=True, slots=True)
class StoredProposal:
    """A proposal received by reference; it waits for a commit in this epoch."""

    ref: bytes
    proposal: Proposal
    sender: Sender


@dataclass(frozen=True, slots=True)
class EpochChange:
    """What a merged commit changed (for the application's log and UI)."""

    epoch: int
    epoch_authenticator: bytes = field(repr=False)
    committer: int | None
    added: tuple[Member, ...]
    removed: tuple[Member, ...]
    updated: tuple[int, ...]
    extensions: tuple[Extension, ...]
    self_removed: bool
    external: bool


@dataclass(frozen=True, slots=True, eq=False)
class StagedCommit:
    """A verified commit not yet applied: the caller checks its policy, then merges.

    ``committer`` is the committer's leaf in the NEW tree (an external joiner's new
    leaf). ``own`` is true when this is our own pending commit coming back.
    """

    committer: int | None
    added: tuple[Member, ...]
    removed: tuple[Member, ...]
    updated: tuple[int, ...]
    new_epoch: int
    extensions: tuple[Extension, ...]
    self_removed: bool
    external: bool
    own: bool
    proposals: tuple[Proposal, ...]
    _base_epoch: int = field(repr=False)
    _base_auth: bytes = field(repr=False)
    _next: _State | None = field(repr=False)


@dataclass(frozen=True, slots=True)
class CommitOutput:
    """A commit to send; ``welcome`` is one Welcome for every invitee (or None).

    ``group_info`` is the new epoch's signed GroupInfo (with ``external_pub``) but
    without the ratchet tree; :meth:`Group.group_info` adds the tree on request.
    """

    message: bytes
    welcome: bytes | None
    group_info: bytes


# --------------------------------------------------------------------------- state


@dataclass(frozen=True, slots=True)
class GroupConfig:
    """How long keys of messages not read yet are kept (RFC 9420 sections 9.2, 14).

    ``max_past_epochs``: application messages of this many epochs before the current
    one still decrypt (as OpenMLS's ``max_past_epochs``); 0 keeps none.
    ``out_of_order_tolerance``: skipped keys each sender's ratchet keeps (OpenMLS's
    ``out_of_order_tolerance``); older ones are deleted.
    ``maximum_forward_distance``: how many generations ahead of the next expected one
    a message may be (OpenMLS's ``maximum_forward_distance``).
    """

    max_past_epochs: int = 0
    out_of_order_tolerance: int = DEFAULT_MAX_SKIPPED
    maximum_forward_distance: int = DEFAULT_MAX_FORWARD

    def __post_init__(self) -> None:
        if not 0 <= self.max_past_epochs <= _MAX_PAST_EPOCHS:
            raise UsageError(f"max_past_epochs must be 0..{_MAX_PAST_EPOCHS}")
        for v in (self.out_of_order_tolerance, self.maximum_forward_distance):
            if not 0 <= v <= 0xFFFFFFFF:
                raise UsageError("window bounds must be 0..2**32-1")

    def secret_tree(self, suite: CipherSuite, epoch_secrets: EpochSecrets,
                    n_leaves: int) -> SecretTree:
        return SecretTree(suite, epoch_secrets.encryption_secret, n_leaves,
                          max_forward=self.maximum_forward_distance,
                          max_skipped=self.out_of_order_tolerance)


_DEFAULT_CONFIG = GroupConfig()


@dataclass(slots=True, eq=False)
class _PastEpoch:
    """What an earlier epoch keeps to open its late application messages: the secret
    tree as it was left (consumed keys gone), the sender-data secret, the context and
    the members' signature keys. Nothing here derives another epoch."""

    epoch: int
    context_bytes: bytes
    sender_data_secret: bytes
    signature_keys: tuple[bytes | None, ...]
    secret_tree: SecretTree

    def copy(self) -> _PastEpoch:
        return _PastEpoch(self.epoch, self.context_bytes, self.sender_data_secret,
                          self.signature_keys, self.secret_tree.copy())

    def member_key(self, leaf: int) -> bytes:
        if not 0 <= leaf < len(self.signature_keys):
            raise ProtocolError("sender leaf is outside the tree")
        key = self.signature_keys[leaf]
        if key is None:
            raise ProtocolError("sender leaf is blank")
        return key


@dataclass(slots=True, eq=False)
class _State:
    """One epoch's complete state. Never mutated after staging except the secret tree
    and the proposal store, which only change on success paths."""

    suite: CipherSuite
    context: GroupContext
    tree: RatchetTree
    own_leaf: int
    signature_private_key: bytes
    private: PrivateTreeState
    secrets: EpochSecrets
    secret_tree: SecretTree
    interim_transcript_hash: bytes
    confirmation_tag: bytes
    proposals: dict[bytes, StoredProposal]
    own_proposal_messages: dict[bytes, bytes]  # message hash -> proposal ref
    pending_update_keys: dict[bytes, bytes]  # proposal ref -> new leaf private key
    resumption_psks: dict[int, bytes]
    external_psks: dict[bytes, bytes]
    removed: bool = False
    config: GroupConfig = _DEFAULT_CONFIG
    past: tuple[_PastEpoch, ...] = ()  # most recent first, at most config.max_past_epochs
    reinit: m.ReInit | None = None  # a committed ReInit: the group is closed
    context_bytes: bytes = b""
    signing_key: bytes = b""  # expanded Ed25519 key: one scalar multiplication fewer per signature
    # Application-message constants of this epoch, built on first use.
    _app: framing.ApplicationFraming | None = field(default=None, repr=False)
    _app_ctx: bytes = field(default=b"", repr=False)

    def __post_init__(self) -> None:
        self.context_bytes = self.context.to_bytes()
        self.signing_key = expand_signature_key(self.signature_private_key)
        # The secret tree exists: the secrets that derive it are deleted (section 9.2).
        self.secrets = self.secrets.retained()

    def app_framing(self) -> framing.ApplicationFraming:
        app = self._app
        if app is None or self._app_ctx is not self.context_bytes:
            app = framing.ApplicationFraming(
                self.suite, self.context.group_id, self.context.epoch, self.context_bytes,
                self.secrets.sender_data_secret)
            self._app, self._app_ctx = app, self.context_bytes
        return app

    def clone(self) -> _State:
        """A copy whose mutable parts (secret tree, stores) are independent."""
        out = _State(
            suite=self.suite, context=self.context, tree=self.tree, own_leaf=self.own_leaf,
            signature_private_key=self.signature_private_key, private=self.private,
            secrets=self.secrets, secret_tree=self.secret_tree.copy(),
            interim_transcript_hash=self.interim_transcript_hash,
            confirmation_tag=self.confirmation_tag, proposals=dict(self.proposals),
            own_proposal_messages=dict(self.own_proposal_messages),
            pending_update_keys=dict(self.pending_update_keys),
            resumption_psks=dict(self.resumption_psks),
            external_psks=dict(self.external_psks), removed=self.removed,
            config=self.config, past=tuple(p.copy() for p in self.past), reinit=self.reinit,
        )
        out._app, out._app_ctx = self._app, self._app_ctx
        return out

    def as_past(self, secret_tree: SecretTree) -> _PastEpoch:
        """This epoch as a past one, keeping ``secret_tree`` (its state after the
        commit that ends the epoch was read or sent)."""
        return _PastEpoch(
            self.context.epoch, self.context_bytes, self.secrets.sender_data_secret.value,
            tuple(None if leaf is None else leaf.signature_key
                  for leaf in (self.tree.leaf(i) for i in range(self.tree.n_leaves))),
            secret_tree)

    def member_key(self, sender: Sender) -> bytes:
        """Signature key of a member sender (PeerError if the leaf is blank)."""
        if sender.sender_type != SenderType.member or sender.leaf_index is None:
            raise ProtocolError("sender is not a member")
        return self.member_key_at(sender.leaf_index)

    def member_key_at(self, leaf_index: int) -> bytes:
        """Signature key of the member at ``leaf_index`` (PeerError if blank)."""
        if not 0 <= leaf_index < self.tree.n_leaves:
            raise ProtocolError("sender leaf is outside the tree")
        leaf = self.tree.leaf(leaf_index)
        if leaf is None:
            raise ProtocolError("sender leaf is blank")
        return leaf.signature_key


@dataclass(slots=True)
class _Applied:
    """The effect of a validated proposal list on a copy of the state."""

    tree: RatchetTree
    extensions: tuple[Extension, ...]
    added: list[int]
    added_kps: list[KeyPackage]
    removed: list[Member]
    updated: list[int]
    update_keys: dict[int, bytes]
    psk_ids: list[PreSharedKeyID]
    external_init: bytes | None
    path_required: bool
    removed_leaves: list[LeafNode] = field(default_factory=list)
    reinit: m.ReInit | None = None


def _member(idx: int, leaf: LeafNode) -> Member:
    return Member(idx, leaf.credential, leaf.signature_key, leaf.encryption_key)


def _required_caps(extensions: Sequence[Extension]) -> RequiredCapabilitiesView | None:
    return required_capabilities(extensions)


def _leaf_at(tree: RatchetTree, idx: int) -> LeafNode:
    if not 0 <= idx < tree.n_leaves:
        raise ProtocolError("leaf index outside the tree")
    leaf = tree.leaf(idx)
    if leaf is None:
        raise ProtocolError("leaf index names a blank leaf")
    return leaf


def _sign_leaf(suite: CipherSuite, leaf: LeafNode, sig_priv: bytes, group_id: bytes,
               idx: int) -> LeafNode:
    from dataclasses import replace

    unsigned = replace(leaf, signature=b"")
    sig = suite.sign_with_label(sig_priv, "LeafNodeTBS", unsigned.tbs_bytes(group_id, idx))
    return replace(unsigned, signature=sig)


# --------------------------------------------------------------------------- group


class Group:
    """An MLS group as seen by one member. Not thread-safe; one owner at a time."""

    __slots__ = ("_identity", "_pending", "_state", "welcome_extensions")

    def __init__(self, state: _State, identity: IdentityLike) -> None:
        self._state = state
        self._identity: IdentityProvider = identity_provider(identity)
        self._pending: tuple[bytes, CommitOutput, StagedCommit] | None = None
        #: the GroupInfo extensions of the Welcome this group was joined from (only
        #: right after :meth:`join`; not kept by :meth:`to_bytes`)
        self.welcome_extensions: tuple[Extension, ...] = ()

    def __repr__(self) -> str:
        s = self._state
        return (f"Group(id={s.context.group_id.hex()[:16]}, epoch={s.context.epoch}, "
                f"leaf={s.own_leaf}, members={s.tree.member_count()})")

    # -- properties -------------------------------------------------------------------

    @property
    def group_id(self) -> bytes:
        return self._state.context.group_id

    @property
    def epoch(self) -> int:
        return self._state.context.epoch

    @property
    def own_leaf_index(self) -> int:
        return self._state.own_leaf

    @property
    def cipher_suite(self) -> int:
        return self._state.suite.id

    @property
    def epoch_authenticator(self) -> bytes:
        return self._state.secrets.epoch_authenticator.value

    @property
    def extensions(self) -> tuple[Extension, ...]:
        return tuple(self._state.context.extensions)

    @property
    def active(self) -> bool:
        """False once a merged commit removed us."""
        return not self._state.removed

    @property
    def has_pending_commit(self) -> bool:
        return self._pending is not None

    def members(self) -> list[Member]:
        return [_member(i, leaf) for i, leaf in self._state.tree.leaves()]

    def pending_proposals(self) -> list[StoredProposal]:
        return list(self._state.proposals.values())

    def add_external_psk(self, psk_id: bytes, psk: bytes) -> None:
        """Make an external PSK available to PSK proposals and Welcomes."""
        self._state.external_psks[bytes(psk_id)] = bytes(psk)

    def ratchet_tree(self) -> bytes:
        """The public ratchet tree (section 12.4.3.3 encoding), for out-of-band delivery."""
        return self._state.tree.encode()

    def resumption_psk(self) -> bytes:
        """This epoch's resumption PSK: what a reinitialized or branched group's
        members pass to :meth:`join` as ``resumption_psks[(group_id, epoch)]``."""
        return self._state.secrets.resumption_psk.value

    def export_secret(self, label: str, context: bytes, length: int) -> bytes:
        """MLS-Exporter (section 8.5) of the current epoch."""
        return self._state.secrets.exporter(label, context, length)

    def _check_active(self) -> None:
        if self._state.removed:
            raise UsageError("we were removed from this group")

    def _check_open(self) -> None:
        """For anything that sends: the group is active and not reinitialized."""
        self._check_active()
        if self._state.reinit is not None:
            raise UsageError("the group was reinitialized: continue in the new group")

    @property
    def pending_reinit(self) -> m.ReInit | None:
        """The ReInit a merged commit carried (section 12.1.5), if any: the group then
        sends and accepts nothing more; continue with :meth:`resume`."""
        return self._state.reinit

    @property
    def config(self) -> GroupConfig:
        return self._state.config

    # -- creation ---------------------------------------------------------------------

    @classmethod
    def create(
        cls,
        suite_id: int,
        group_id: bytes,
        credential: Credential,
        signature_private_key: bytes,
        *,
        extensions: Sequence[Extension] = (),
        credential_validator: IdentityLike,
        capabilities: m.Capabilities | None = None,
        config: GroupConfig | None = None,
        rng: Rng = secrets.token_bytes,
    ) -> Group:
        """A one-member group at epoch 0 (section 11)."""
        cfg = config if config is not None else _DEFAULT_CONFIG
        suite = get_suite(suite_id)
        identity = identity_provider(credential_validator)
        sig_pub = suite.signature_public_key(signature_private_key)
        leaf_priv, leaf_pub = suite.derive_key_pair(rng(suite.nh))
        caps = capabilities if capabilities is not None else default_capabilities(suite_id)
        unsigned = LeafNode(encryption_key=leaf_pub, signature_key=sig_pub,
                            credential=credential, capabilities=caps,
                            leaf_node_source=LeafNodeSource.update)
        # Section 11: the creator's leaf is as after an Update; sign with index 0.
        leaf = _sign_leaf(suite, unsigned, signature_private_key, group_id, 0)
        tree = RatchetTree.create(suite, leaf)
        try:
            check_group_context_extensions(extensions, suite=suite, members=[leaf],
                                           identity=identity)
            check_leaf(leaf, LeafContext.JOIN, suite=suite, extensions=extensions,
                       identity=identity)
            tree.validate_leaf_node(leaf, group_id=group_id, leaf_index=0, source=None,
                                    required_capabilities=_required_caps(extensions),
                                    replacing=0)
        except PeerError as exc:
            if isinstance(exc, PolicyError):
                raise
            raise UsageError(f"invalid group parameters: {exc}") from None
        ctx = GroupContext(cipher_suite=suite_id, group_id=group_id, epoch=0,
                           tree_hash=tree.tree_hash(), confirmed_transcript_hash=b"",
                           extensions=tuple(extensions))
        epoch_secrets = next_epoch(suite, rng(suite.nh), None, ctx, None)
        tag = epoch_secrets.confirmation_tag(b"")
        state = _State(
            suite=suite, context=ctx, tree=tree, own_leaf=0,
            signature_private_key=signature_private_key,
            private=PrivateTreeState.for_leaf(0, leaf_priv), secrets=epoch_secrets,
            secret_tree=cfg.secret_tree(suite, epoch_secrets, 1), config=cfg,
            interim_transcript_hash=interim_transcript_hash(suite, b"", tag),
            confirmation_tag=tag, proposals={}, own_proposal_messages={},
            pending_update_keys={}, resumption_psks={0: epoch_secrets.resumption_psk.value},
            external_psks={},
        )
        return cls(state, identity)

    # -- Welcome (section 12.4.3.1) ---------------------------------------------------

    @classmethod
    def join(
        cls,
        welcome: bytes,
        key_package_bundle: KeyPackageBundle,
        *,
        ratchet_tree: bytes | None = None,
        credential_validator: IdentityLike,
        now: int,
        external_psks: Mapping[bytes, bytes] | None = None,
        commit_message: bytes | None = None,
        resumption_psks: Mapping[tuple[bytes, int], bytes] | None = None,
        config: GroupConfig | None = None,
        rng: Rng = secrets.token_bytes,
    ) -> Group:
        """Join from a Welcome (MLSMessage bytes) sent for ``key_package_bundle``.

        ``resumption_psks``: ``(group_id, epoch) -> resumption_psk`` of groups this
        client was in, for the Welcome of a reinitialized or branched group (section
        11.2, 11.3; such a group must start at epoch 1, section 12.4.3.1).

        ``commit_message``: the commit the relay accepted for the epoch the Welcome
        creates. When given, the Welcome must name it (Corridor's commit-ref GroupInfo
        extension), so the Welcome of a losing commit creates no group.

        Raises:
            DecodeError: malformed bytes.
            ProtocolError: the Welcome is not for this KeyPackage, a needed PSK or
                the ratchet tree is missing, the tree is invalid.
            VerificationError: decryption, a signature, the tree hash, a parent hash
                or the confirmation tag fails.
            PolicyError: the credential validator refused a member.
        """
        del rng
        identity = identity_provider(credential_validator)
        cfg = config if config is not None else _DEFAULT_CONFIG
        msg = MLSMessage.from_bytes(welcome)
        if msg.welcome is None:
            raise ProtocolError("not a Welcome message")
        w = msg.welcome
        kp = key_package_bundle.key_package
        suite = get_suite(kp.cipher_suite)
        if w.cipher_suite != kp.cipher_suite:
            raise ProtocolError("Welcome is for another cipher suite")
        ref = m.make_key_package_ref(suite, kp)
        entry = next((e for e in w.secrets if e.new_member == ref), None)
        if entry is None:
            raise ProtocolError("Welcome has no secrets for this key package")
        egs = entry.encrypted_group_secrets
        gs = m.GroupSecrets.from_bytes(suite.decrypt_with_label(
            key_package_bundle.init_private_key, "Welcome", w.encrypted_group_info,
            egs.kem_output, egs.ciphertext))
        psks_available = dict(external_psks or {})
        psk_pairs: list[tuple[bytes, bytes]] = []
        resumed = check_welcome_psks(suite, gs.psks)
        for pid in gs.psks:
            value: bytes | None = None
            if pid.psktype == PSKType.external:
                value = psks_available.get(pid.psk_id or b"")
            elif pid.usage in (ResumptionPSKUsage.reinit, ResumptionPSKUsage.branch) \
                    and pid.psk_group_id is not None and pid.psk_epoch is not None:
                value = (resumption_psks or {}).get((pid.psk_group_id, pid.psk_epoch))
            if value is None:
                raise ProtocolError("Welcome needs a PSK this client does not hold")
            psk_pairs.append((pid.to_bytes(), value))
        psk = compute_psk_secret(suite, psk_pairs) if psk_pairs else None
        # welcome_secret depends only on joiner and psk secrets (not the context).
        member_secret = suite.extract(gs.joiner_secret, psk if psk else bytes(suite.nh))
        key, nonce = welcome_key_nonce(suite, suite.derive_secret(member_secret, "welcome"))
        gi = GroupInfo.from_bytes(suite.aead_open(key, nonce, b"", w.encrypted_group_info))
        ctx = gi.group_context
        if ctx.cipher_suite != kp.cipher_suite or ctx.version != m.ProtocolVersion.mls10:
            raise ProtocolError("GroupInfo is for another cipher suite or version")
        if resumed and ctx.epoch != 1:
            raise ProtocolError("a reinitialized or branched group must start at epoch 1")
        check_unique_extensions(gi.extensions)
        if commit_message is not None:
            ref_ext = m.find_extension(gi.extensions, COMMIT_REF_EXTENSION)
            if ref_ext is None or ref_ext.extension_data != suite.hash(commit_message):
                raise ProtocolError("Welcome does not belong to the accepted commit")
        if ratchet_tree is not None:
            unverified = parse_ratchet_tree(suite, ratchet_tree)
        else:
            ext = m.find_extension(gi.extensions, ExtensionType.ratchet_tree)
            if ext is None:
                raise ProtocolError("no ratchet tree given or in the GroupInfo")
            unverified = unverified_from_nodes(
                suite, m.decode_ratchet_tree(ext.extension_data))
        if not 0 <= gi.signer < unverified.n_leaves or unverified.leaf(gi.signer) is None:
            raise ProtocolError("GroupInfo signer is not a member")
        signer = unverified.leaf(gi.signer)
        assert signer is not None
        suite.verify_with_label(signer.signature_key, "GroupInfoTBS", gi.tbs_bytes(),
                                gi.signature)
        tree = _verify_joined_tree(unverified, ctx, identity, kp.leaf_node)
        own = tree.find_leaf(kp.leaf_node)
        if own is None:
            raise ProtocolError("our leaf is not in the tree")
        private = PrivateTreeState.for_leaf(own, key_package_bundle.encryption_private_key)
        if gs.path_secret is not None:
            if gi.signer == own:
                raise ProtocolError("path secret from ourselves")
            private = private.with_path_secret(suite, tree, gi.signer,
                                               gs.path_secret.path_secret)
        epoch_secrets = from_joiner_secret(suite, gs.joiner_secret, ctx, psk)
        epoch_secrets.verify_confirmation_tag(ctx.confirmed_transcript_hash,
                                              gi.confirmation_tag)
        state = _State(
            suite=suite, context=ctx, tree=tree, own_leaf=own,
            signature_private_key=key_package_bundle.signature_private_key,
            private=private, secrets=epoch_secrets,
            secret_tree=cfg.secret_tree(suite, epoch_secrets, tree.n_leaves), config=cfg,
            interim_transcript_hash=interim_transcript_hash(
                suite, ctx.confirmed_transcript_hash, gi.confirmation_tag),
            confirmation_tag=gi.confirmation_tag, proposals={}, own_proposal_messages={},
            pending_update_keys={},
            resumption_psks={ctx.epoch: epoch_secrets.resumption_psk.value},
            external_psks=dict(psks_available),
        )
        del now  # leaf lifetimes in a joined tree are not enforced (section 7.3)
        joined = cls(state, identity)
        joined.welcome_extensions = tuple(gi.extensions)
        return joined

    # -- GroupInfo --------------------------------------------------------------------

    def _group_info(self, state: _State, *, with_ratchet_tree: bool,
                    external_pub: bool = True, commit_ref: bytes | None = None,
                    extra: Sequence[Extension] = ()) -> GroupInfo:
        exts: list[Extension] = list(extra)
        if commit_ref is not None:
            exts.append(Extension(extension_type=COMMIT_REF_EXTENSION,
                                  extension_data=commit_ref))
        if with_ratchet_tree:
            exts.append(Extension(extension_type=ExtensionType.ratchet_tree,
                                  extension_data=state.tree.encode()))
        if external_pub:
            exts.append(m.ExternalPub(external_pub=state.secrets.external_pub()).to_extension())
        unsigned = GroupInfo(group_context=state.context, extensions=tuple(exts),
                             confirmation_tag=state.confirmation_tag, signer=state.own_leaf)
        sig = state.suite.sign_with_label(state.signature_private_key, "GroupInfoTBS",
                                          unsigned.tbs_bytes())
        return GroupInfo(group_context=state.context, extensions=tuple(exts),
                         confirmation_tag=state.confirmation_tag, signer=state.own_leaf,
                         signature=sig)

    def group_info(self, *, with_ratchet_tree: bool = True) -> bytes:
        """A signed GroupInfo (MLSMessage) of the current epoch, with ``external_pub``."""
        self._check_open()
        return MLSMessage.of(self._group_info(self._state,
                                              with_ratchet_tree=with_ratchet_tree)).to_bytes()

    # -- framing ----------------------------------------------------------------------

    def _frame(
        self, state: _State, content: FramedContent, *, encrypted: bool,
        confirmation_tag: bytes | None = None, rng: Rng,
    ) -> tuple[bytes, AuthenticatedContent]:
        """Sign and protect ``content`` (consumes a ratchet key of ``state``)."""
        s = state.suite
        if encrypted:
            pm = framing.protect_private(
                s, content, signature_key=state.signature_private_key,
                context=state.context_bytes, secret_tree=state.secret_tree,
                sender_data_secret=state.secrets.sender_data_secret,
                confirmation_tag=confirmation_tag, rng=rng)
            sig_auth = None
            msg = MLSMessage.of(pm)
            # Recover the auth data for transcript purposes: sign again deterministically.
            signature = framing.sign_framed_content(
                s, state.signature_private_key, WireFormat.mls_private_message, content,
                state.context_bytes)
            sig_auth = FramedContentAuthData(signature=signature,
                                             confirmation_tag=confirmation_tag)
            ac = AuthenticatedContent(wire_format=WireFormat.mls_private_message,
                                      content=content, auth=sig_auth)
            return msg.to_bytes(), ac
        pub = framing.protect_public(
            s, content, signature_key=state.signature_private_key, context=state.context,
            membership_key=state.secrets.membership_key, confirmation_tag=confirmation_tag)
        ac = AuthenticatedContent(wire_format=WireFormat.mls_public_message, content=content,
                                  auth=pub.auth)
        return MLSMessage.of(pub).to_bytes(), ac

    def _unframe(self, state: _State, msg: MLSMessage,
                 sender_data: SenderData | None = None) -> AuthenticatedContent:
        """Check and open a Public/PrivateMessage against ``state`` (consumes on success)."""
        ctx = state.context
        if msg.public_message is not None:
            pub = msg.public_message
            content = pub.content
            if content.group_id != ctx.group_id:
                raise ProtocolError("message for another group")
            if content.epoch != ctx.epoch:
                raise EpochError("message for another epoch")
            key = self._public_sender_key(state, pub)
            return framing.unprotect_public(
                state.suite, pub, context=ctx, membership_key=state.secrets.membership_key,
                verification_key=key)
        if msg.private_message is not None:
            priv = msg.private_message
            if priv.group_id != ctx.group_id:
                raise ProtocolError("message for another group")
            if priv.epoch != ctx.epoch:
                raise EpochError("message for another epoch")
            return framing.unprotect_private(
                state.suite, priv, context=ctx, secret_tree=state.secret_tree,
                sender_data_secret=state.secrets.sender_data_secret,
                verification_key=state.member_key, context_bytes=state.context_bytes,
                sender_data=sender_data)
        raise ProtocolError("not a handshake or application message")

    def _public_sender_key(self, state: _State, pub: m.PublicMessage) -> bytes:
        sender = pub.content.sender
        if sender.sender_type == SenderType.member:
            return state.member_key(sender)
        if sender.sender_type == SenderType.external:
            ext = m.find_extension(state.context.extensions, ExtensionType.external_senders)
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

    # -- application messages ---------------------------------------------------------

    def encrypt_application(self, data: bytes, *, authenticated_data: bytes = b"",
                            padding: int = 0, rng: Rng = secrets.token_bytes) -> bytes:
        """A PrivateMessage (MLSMessage bytes) carrying ``data``; its key is deleted."""
        self._check_open()
        if self._pending is not None:
            # Allowed by RFC 9420 but a pending commit may change membership; still
            # the current epoch: members decrypt it with the current keys.
            pass
        st = self._state
        # The bytes framing.protect_private would give, without building the structs.
        return st.app_framing().seal(st.own_leaf, st.signing_key, st.secret_tree, data,
                                     authenticated_data=authenticated_data, padding=padding,
                                     rng=rng)

    def application_size(self, data_len: int, aad_len: int, padding: int = 0) -> int:
        """The exact size of :meth:`encrypt_application`'s output for these lengths."""
        return self._state.app_framing().sealed_size(data_len, aad_len, padding)

    # -- processing -------------------------------------------------------------------

    def process(
        self, message: bytes, *, now: int
    ) -> ApplicationMessage | StagedCommit | StoredProposal:
        """Process a Public/PrivateMessage of this group.

        Returns an :class:`ApplicationMessage` (its key is now deleted), a
        :class:`StoredProposal` (stored for the next commit) or a
        :class:`StagedCommit` (nothing changed yet: call
        :meth:`merge_staged_commit`). Every error leaves the group unchanged.
        """
        self._check_active()
        st = self._state
        if st.reinit is not None:
            raise ProtocolError("the group was reinitialized: it accepts no more messages")
        app = st.app_framing()
        parsed = app.parse(message)
        if parsed is not None:
            # An application PrivateMessage of this group and epoch (the common case):
            # opened without building the general structs; same checks, same errors.
            ad, authenticated_data, encrypted_sender_data, ciphertext = parsed
            leaf, generation, guard = app.open_sender_data(encrypted_sender_data, ciphertext)
            # Deriving a sender's first ratchet changes the secret tree: work on a copy
            # then, and keep it only on success.
            work = st if st.secret_tree.has_ratchet(leaf, RatchetType.APPLICATION) \
                else st.clone()
            data = app.open(work.secret_tree, leaf, generation, guard, ad, ciphertext,
                            work.member_key_at)
            self._state = work
            return ApplicationMessage(leaf, data, authenticated_data, generation)
        msg = MLSMessage.from_bytes(message)
        if msg.wire_format not in (WireFormat.mls_public_message,
                                   WireFormat.mls_private_message):
            raise ProtocolError("not a group message")
        if self._pending is not None and message == self._pending[0]:
            return self._pending[2]
        digest = st.suite.hash(message)
        if digest in st.own_proposal_messages:
            ref = st.own_proposal_messages[digest]
            if ref in st.proposals:
                return st.proposals[ref]
        if msg.private_message is not None and \
                msg.private_message.content_type == ContentType.application:
            if msg.private_message.group_id != st.context.group_id:
                raise ProtocolError("message for another group")
            if msg.private_message.epoch != st.context.epoch:
                return self._process_past(message, msg.private_message.epoch)
            sd = framing.decrypt_sender_data(st.suite, msg.private_message,
                                             st.secrets.sender_data_secret)
            if not st.secret_tree.has_ratchet(sd.leaf_index, RatchetType.APPLICATION):
                # First message of this sender: deriving its ratchet changes the tree,
                # so work on a copy and keep it only on success.
                work = st.clone()
                ac = self._unframe(work, msg, sd)
                self._state = work
            else:
                ac = self._unframe(st, msg, sd)  # consumes the key only on success
            assert ac.content.application_data is not None
            assert ac.content.sender.leaf_index is not None
            generation = sd.generation
            return ApplicationMessage(ac.content.sender.leaf_index, ac.content.application_data,
                                      ac.content.authenticated_data, generation)
        work = st.clone()
        ac = self._unframe(work, msg)
        content = ac.content
        if content.content_type == ContentType.proposal:
            assert content.proposal is not None
            stored = self._receive_proposal(work, ac, now)
            self._state = work
            return stored
        if content.content_type == ContentType.commit:
            return self._stage_commit(st, ac, now, work.secret_tree)
        raise ProtocolError("application data must be a PrivateMessage")

    def _process_past(self, message: bytes, epoch: int) -> ApplicationMessage:
        """An application message of a past epoch kept by the configuration."""
        st = self._state
        for past in st.past:
            if past.epoch != epoch:
                continue
            app = framing.ApplicationFraming(st.suite, st.context.group_id, epoch,
                                             past.context_bytes, past.sender_data_secret)
            parsed = app.parse(message)
            if parsed is None:
                raise ProtocolError("malformed application message")
            ad, authenticated_data, encrypted_sender_data, ciphertext = parsed
            leaf, generation, guard = app.open_sender_data(encrypted_sender_data, ciphertext)
            tree = past.secret_tree.copy()  # swapped in only on success
            data = app.open(tree, leaf, generation, guard, ad, ciphertext, past.member_key)
            past.secret_tree = tree
            return ApplicationMessage(leaf, data, authenticated_data, generation)
        raise EpochError("message for another epoch")

    def _receive_proposal(self, work: _State, ac: AuthenticatedContent,
                          now: int) -> StoredProposal:
        content = ac.content
        p = content.proposal
        assert p is not None
        sender = content.sender
        if sender.sender_type == SenderType.member and sender.leaf_index == work.own_leaf:
            raise ProtocolError("proposal from our own leaf that we did not send")
        check_proposal_sender(p, sender)
        self._check_proposal(work, work.tree, p, sender, now)
        ref = m.make_proposal_ref(work.suite, ac)
        stored = StoredProposal(ref, p, sender)
        work.proposals[ref] = stored
        return stored

    def _check_proposal(self, st: _State, tree: RatchetTree, p: Proposal, sender: Sender,
                        now: int | None) -> None:
        """Validity of one proposal on its own (section 12.1)."""
        check_proposal(st.suite, st.context, tree, p, sender, self._identity, now)

    # -- proposal lists (sections 12.2, 12.3) -----------------------------------------

    def _resolve_proposals(self, st: _State, commit: Commit,
                           committer: Sender) -> list[tuple[Proposal, Sender, bytes | None]]:
        out: list[tuple[Proposal, Sender, bytes | None]] = []
        for por in commit.proposals:
            if por.type == ProposalOrRefType.reference:
                assert por.reference is not None
                stored = st.proposals.get(por.reference)
                if stored is None:
                    raise ProtocolError("commit references an unknown proposal")
                out.append((stored.proposal, stored.sender, por.reference))
            else:
                assert por.proposal is not None
                out.append((por.proposal, committer, None))
        return out

    def _apply_proposals(
        self, st: _State, items: Sequence[tuple[Proposal, Sender, bytes | None]],
        committer: Sender, now: int | None, *, check_each: bool,
    ) -> _Applied:
        """Validate the list (section 12.2) and apply it (section 12.3) to copies."""
        a = apply_proposal_list(st.suite, st.context, st.tree, items, committer,
                                self._identity, now, check_each=check_each)
        update_keys: dict[int, bytes] = {}
        for p, sender, ref in items:
            if isinstance(p.body, m.Update) and ref is not None \
                    and ref in st.pending_update_keys and sender.leaf_index == st.own_leaf:
                update_keys[st.own_leaf] = st.pending_update_keys[ref]
        return _Applied(tree=a.tree, extensions=a.extensions, added=a.added,
                        added_kps=a.added_kps,
                        removed=[_member(i, leaf) for i, leaf in a.removed],
                        removed_leaves=[leaf for _i, leaf in a.removed],
                        updated=a.updated, update_keys=update_keys, psk_ids=a.psk_ids,
                        external_init=a.external_init, reinit=a.reinit,
                        path_required=a.path_required)

    def _psk_secret(self, st: _State, psk_ids: Sequence[PreSharedKeyID],
                    extra: Mapping[bytes, bytes] | None = None) -> bytes | None:
        if not psk_ids:
            return None
        pairs: list[tuple[bytes, bytes]] = []
        for pid in psk_ids:
            if extra is not None and pid.to_bytes() in extra:
                value: bytes | None = extra[pid.to_bytes()]
            elif pid.psktype == PSKType.external:
                assert pid.psk_id is not None
                value = st.external_psks.get(pid.psk_id)
            else:
                value = None
                if pid.psk_group_id == st.context.group_id and pid.psk_epoch is not None:
                    value = st.resumption_psks.get(pid.psk_epoch)
            if value is None:
                raise ProtocolError("a proposed PSK is not available")
            pairs.append((pid.to_bytes(), value))
        return compute_psk_secret(st.suite, pairs)

    # -- receiving a commit (section 12.4.2) ------------------------------------------

    def _stage_commit(self, st: _State, ac: AuthenticatedContent, now: int,
                      ending_tree: SecretTree) -> StagedCommit:
        content = ac.content
        commit = content.commit
        assert commit is not None
        sender = content.sender
        external = sender.sender_type == SenderType.new_member_commit
        if sender.sender_type == SenderType.member and sender.leaf_index == st.own_leaf:
            # Local: only the committer's own device sees it (a lost pending commit).
            raise ProtocolError("a commit from our own leaf that is not our pending one")
        with _committer_fault(sender.leaf_index):
            if ac.auth.confirmation_tag is None:
                raise ProtocolError("commit without confirmation tag")
            if sender.sender_type != SenderType.member and not external:
                raise ProtocolError("this sender may not commit")
            if external and ac.wire_format != WireFormat.mls_public_message:
                raise ProtocolError("an external commit must be a PublicMessage")
        # Local: which proposals we hold depends on what the relay delivered to us.
        items = self._resolve_proposals(st, commit, sender)
        with _committer_fault(None if external else sender.leaf_index):
            applied = self._apply_proposals(st, items, sender, now, check_each=True)
            if (applied.path_required or external) and commit.path is None:
                raise ProtocolError("this commit must carry an update path")
        tree = applied.tree
        new_epoch = st.context.epoch + 1
        private = st.private
        commit_secret: bytes | None = None
        if external:
            # The joiner takes the leftmost blank leaf of the new tree.
            assert commit.path is not None
            tree, committer_leaf = tree.add_leaf(commit.path.leaf_node)
        else:
            assert sender.leaf_index is not None
            committer_leaf = sender.leaf_index
        own_removed = any(r.leaf_index == st.own_leaf for r in applied.removed)
        if st.own_leaf in applied.update_keys:
            leaf_priv = applied.update_keys[st.own_leaf]
            private = PrivateTreeState.for_leaf(st.own_leaf, leaf_priv)
        if commit.path is not None:
            path = commit.path
            with _committer_fault(committer_leaf):
                if external:
                    # Section 12.4.3.2: a Remove in an external commit may only remove
                    # the joiner's own earlier leaf, which the new one must succeed.
                    old_leaf = applied.removed_leaves[0] if applied.removed_leaves else None
                    context = LeafContext.EXTERNAL_COMMIT
                else:
                    old_leaf = tree.leaf(committer_leaf)
                    context = LeafContext.COMMIT
                    if old_leaf is not None and old_leaf.encryption_key == \
                            path.leaf_node.encryption_key:
                        raise ProtocolError("commit leaf keeps the old encryption key")
                check_leaf(path.leaf_node, context, suite=st.suite,
                           extensions=applied.extensions, identity=self._identity,
                           old_leaf=old_leaf)
                merged = merge_update_path(
                    tree, committer_leaf, path, group_id=st.context.group_id,
                    exclude=applied.added, now=None,
                    required_capabilities=_required_caps(applied.extensions))
            tree = merged.tree
            provisional = GroupContext(cipher_suite=st.suite.id, group_id=st.context.group_id,
                                       epoch=new_epoch, tree_hash=tree.tree_hash(),
                                       confirmed_transcript_hash=st.context.confirmed_transcript_hash,
                                       extensions=applied.extensions)
            if not own_removed:
                # Local: only our own ciphertext; others may decrypt theirs fine.
                result = merged.decrypt(private.pruned(applied.tree) if not external
                                        else private, provisional.to_bytes())
                private = result.private_state
                commit_secret = result.commit_secret.value
        elif not own_removed:
            private = private.pruned(tree)
        confirmed = confirmed_transcript_hash(st.suite, st.interim_transcript_hash,
                                              ac.wire_format, content, ac.auth.signature)
        ctx = GroupContext(cipher_suite=st.suite.id, group_id=st.context.group_id,
                           epoch=new_epoch, tree_hash=tree.tree_hash(),
                           confirmed_transcript_hash=confirmed, extensions=applied.extensions)
        psk = self._psk_secret(st, applied.psk_ids)
        if external:
            assert applied.external_init is not None
            init_secret = _external_init_secret_receiver(st, applied.external_init)
        else:
            init_secret = st.secrets.init_secret.value
        if own_removed:
            # We cannot derive the new epoch (no path secret); only verify what we can.
            nxt = None
        else:
            epoch_secrets = next_epoch(st.suite, init_secret, commit_secret, ctx, psk)
            if all(p.psktype == PSKType.resumption for p in applied.psk_ids):
                # Every member that got here holds the same commit secret (its path
                # secret derived the UpdatePath's public keys up to the root), the same
                # init secret (the commit opened with this epoch's keys) and the same
                # resumption PSKs: the same verdict everywhere.
                with _committer_fault(committer_leaf):
                    epoch_secrets.verify_confirmation_tag(confirmed,
                                                          ac.auth.confirmation_tag)
            else:  # an external PSK's value is ours alone
                epoch_secrets.verify_confirmation_tag(confirmed, ac.auth.confirmation_tag)
            nxt = self._next_state(st, ctx, tree, private, epoch_secrets,
                                   ac.auth.confirmation_tag, ending_tree=ending_tree,
                                   reinit=applied.reinit)
        return StagedCommit(
            committer=committer_leaf,
            added=tuple(_member(i, _leaf_at(tree, i)) for i in applied.added),
            removed=tuple(applied.removed), updated=tuple(applied.updated),
            new_epoch=new_epoch, extensions=applied.extensions, self_removed=own_removed,
            external=external, own=False, proposals=tuple(p for p, _s, _r in items),
            _base_epoch=st.context.epoch, _base_auth=st.secrets.epoch_authenticator.value,
            _next=nxt,
        )

    def _next_state(self, st: _State, ctx: GroupContext, tree: RatchetTree,
                    private: PrivateTreeState, epoch_secrets: EpochSecrets,
                    confirmation_tag: bytes, *, ending_tree: SecretTree,
                    reinit: m.ReInit | None) -> _State:
        """The state of the epoch a commit creates. ``ending_tree``: the current
        epoch's secret tree after the commit itself was read or sent (its key gone),
        kept as a past epoch if the configuration keeps any."""
        keep = st.config.max_past_epochs
        past = (st.as_past(ending_tree.copy()), *st.past)[:keep] if keep else ()
        psks = dict(st.resumption_psks)
        psks[ctx.epoch] = epoch_secrets.resumption_psk.value
        for old in sorted(psks)[:-_RESUMPTION_PSK_WINDOW]:
            del psks[old]
        return _State(
            suite=st.suite, context=ctx, tree=tree, own_leaf=private.leaf_index,
            signature_private_key=st.signature_private_key, private=private,
            secrets=epoch_secrets,
            secret_tree=st.config.secret_tree(st.suite, epoch_secrets, tree.n_leaves),
            interim_transcript_hash=interim_transcript_hash(
                st.suite, ctx.confirmed_transcript_hash, confirmation_tag),
            confirmation_tag=confirmation_tag, proposals={}, own_proposal_messages={},
            pending_update_keys={}, resumption_psks=psks,
            external_psks=dict(st.external_psks), config=st.config, past=past,
            reinit=reinit,
        )

    def merge_staged_commit(self, staged: StagedCommit) -> EpochChange:
        """Apply a commit returned by :meth:`process` (after the caller's policy check).

        Raises:
            UsageError: the commit was staged against another epoch of the group.
        """
        st = self._state
        if staged._base_epoch != st.context.epoch or \
                staged._base_auth != st.secrets.epoch_authenticator.value:
            raise UsageError("staged commit belongs to another epoch")
        if staged._next is None:
            removed = st.clone()
            removed.removed = True
            self._state = removed
            auth = b""
        else:
            self._state = staged._next
            auth = staged._next.secrets.epoch_authenticator.value
        self._pending = None
        return EpochChange(
            epoch=staged.new_epoch, epoch_authenticator=auth, committer=staged.committer,
            added=staged.added, removed=staged.removed, updated=staged.updated,
            extensions=staged.extensions, self_removed=staged.self_removed,
            external=staged.external)

    # -- creating a commit (section 12.4.1) -------------------------------------------

    def commit(
        self,
        *,
        add: Sequence[KeyPackage] = (),
        remove: Sequence[int] = (),
        update_path: bool = True,
        group_context_extensions: Sequence[Extension] | None = None,
        psks: Sequence[PreSharedKeyID] = (),
        authenticated_data: bytes = b"",
        handshake_encrypted: bool = True,
        include_pending: bool = True,
        proposal_refs: Sequence[bytes] | None = None,
        ratchet_tree_in_welcome: bool = True,
        welcome_extensions: Sequence[Extension] = (),
        now: int | None = None,
        rng: Rng = secrets.token_bytes,
    ) -> CommitOutput:
        """Commit the pending proposals plus the given changes.

        ``welcome_extensions``: extra GroupInfo extensions for the Welcome only (they
        reach the invitees encrypted; the joiner reads them as
        :attr:`welcome_extensions`).

        ``proposal_refs``: commit exactly these received proposals, in this order,
        instead of every pending one. ``ratchet_tree_in_welcome=False`` leaves the
        tree out of the Welcome's GroupInfo (the invitees get it another way).

        The group stays at its epoch with a pending commit until
        :meth:`merge_pending_commit` (the relay accepted it) or
        :meth:`discard_pending_commit` (another commit won).

        Raises:
            UsageError: a commit is already pending, we were removed, or the
                arguments are inconsistent (removing ourselves, a blank leaf).
            PolicyError: the credential validator refused a KeyPackage.
            ProtocolError, VerificationError: a KeyPackage is invalid.
        """
        self._check_open()
        if self._pending is not None:
            raise UsageError("a commit is already pending")
        st = self._state
        if st.own_leaf in remove:
            raise UsageError("a member cannot remove itself by commit")
        for idx in remove:
            if not 0 <= idx < st.tree.n_leaves or st.tree.leaf(idx) is None:
                raise UsageError("remove names a blank leaf")
        me = Sender.member(st.own_leaf)
        items: list[tuple[Proposal, Sender, bytes | None]] = []
        por: list[ProposalOrRef] = []
        touched = set(remove)
        if proposal_refs is not None:
            for ref in proposal_refs:
                if ref not in st.proposals:
                    raise UsageError("proposal_refs names an unknown proposal")
                items.append((st.proposals[ref].proposal, st.proposals[ref].sender, ref))
                por.append(ProposalOrRef.of(ref))
        elif include_pending:
            for ref, stored in st.proposals.items():
                body = stored.proposal.body
                if stored.sender == me and isinstance(body, m.Update):
                    continue  # our own Update is superseded by the path
                if isinstance(body, m.Remove | m.Update):
                    leaf = body.removed if isinstance(body, m.Remove) else \
                        stored.sender.leaf_index
                    if leaf in touched or leaf == st.own_leaf:
                        continue
                    touched.add(leaf if leaf is not None else -1)
                items.append((stored.proposal, stored.sender, ref))
                por.append(ProposalOrRef.of(ref))
        new: list[Proposal] = []
        if group_context_extensions is not None:
            new.append(Proposal.of(m.GroupContextExtensions(
                extensions=tuple(group_context_extensions))))
        new += [Proposal.of(m.Remove(removed=i)) for i in remove]
        new += [Proposal.of(m.Add(key_package=kp)) for kp in add]
        new += [Proposal.of(m.PreSharedKey(psk=pid)) for pid in psks]
        for p in new:
            if isinstance(p.body, m.Add):  # a peer's KeyPackage: its errors are the peer's
                self._check_proposal(st, st.tree, p, me, now)
            else:
                try:
                    self._check_proposal(st, st.tree, p, me, now)
                except PeerError as exc:
                    if isinstance(exc, PolicyError):
                        raise
                    raise UsageError(f"invalid proposal: {exc}") from None
            items.append((p, me, None))
            por.append(ProposalOrRef.of(p))
        try:
            applied = self._apply_proposals(st, items, me, now, check_each=False)
        except PeerError as exc:
            if isinstance(exc, PolicyError):
                raise
            raise UsageError(f"invalid commit: {exc}") from None
        use_path = update_path or applied.path_required
        return self._build_commit(st, applied, por, items, use_path=use_path,
                                  authenticated_data=authenticated_data,
                                  encrypted=handshake_encrypted,
                                  ratchet_tree_in_welcome=ratchet_tree_in_welcome,
                                  welcome_extensions=welcome_extensions, rng=rng)

    def _build_commit(
        self, st: _State, applied: _Applied, por: Sequence[ProposalOrRef],
        items: Sequence[tuple[Proposal, Sender, bytes | None]], *, use_path: bool,
        authenticated_data: bytes, encrypted: bool, rng: Rng,
        ratchet_tree_in_welcome: bool = True, extra_psks: Mapping[bytes, bytes] | None = None,
        welcome_extensions: Sequence[Extension] = (),
    ) -> CommitOutput:
        suite = st.suite
        work = st.clone()
        tree = applied.tree
        new_epoch = st.context.epoch + 1
        private = st.private.pruned(tree)
        commit_secret: bytes | None = None
        path: m.UpdatePath | None = None
        prepared: PreparedUpdatePath | None = None
        if use_path:
            prepared = prepare_update_path(tree, st.own_leaf, st.signature_private_key,
                                           group_id=st.context.group_id, rng=rng)
            tree = prepared.tree
            provisional = GroupContext(
                cipher_suite=suite.id, group_id=st.context.group_id, epoch=new_epoch,
                tree_hash=tree.tree_hash(),
                confirmed_transcript_hash=st.context.confirmed_transcript_hash,
                extensions=applied.extensions)
            path = prepared.encrypt(provisional.to_bytes(), exclude=applied.added, rng=rng)
            private = prepared.private_state
            commit_secret = prepared.commit_secret.value
        commit = Commit(proposals=tuple(por), path=path)
        content = FramedContent(group_id=st.context.group_id, epoch=st.context.epoch,
                                sender=Sender.member(st.own_leaf),
                                authenticated_data=authenticated_data,
                                content_type=ContentType.commit, commit=commit)
        wire = WireFormat.mls_private_message if encrypted else WireFormat.mls_public_message
        signature = framing.sign_framed_content(suite, st.signature_private_key, wire,
                                                content, st.context_bytes)
        confirmed = confirmed_transcript_hash(suite, st.interim_transcript_hash, wire,
                                              content, signature)
        ctx = GroupContext(cipher_suite=suite.id, group_id=st.context.group_id,
                           epoch=new_epoch, tree_hash=tree.tree_hash(),
                           confirmed_transcript_hash=confirmed, extensions=applied.extensions)
        psk = self._psk_secret(st, applied.psk_ids, extra_psks)
        epoch_secrets = next_epoch(suite, st.secrets.init_secret.value, commit_secret, ctx, psk)
        tag = epoch_secrets.confirmation_tag(confirmed)
        msg_bytes = self._protect_signed(work, content, signature, tag, encrypted, rng)
        nxt = self._next_state(st, ctx, tree, private, epoch_secrets, tag,
                               ending_tree=work.secret_tree, reinit=applied.reinit)
        # Without the tree: encoding 1,024 leaves costs more than the whole commit. The
        # Welcome carries the tree; group_info() gives a GroupInfo with it on demand.
        group_info = self._group_info(nxt, with_ratchet_tree=False)
        welcome = None
        if applied.added:
            welcome_gi = self._group_info(nxt, with_ratchet_tree=ratchet_tree_in_welcome,
                                          external_pub=False, commit_ref=suite.hash(msg_bytes),
                                          extra=welcome_extensions)
            welcome = self._welcome(nxt, welcome_gi, applied, prepared, epoch_secrets,
                                    psk_ids=applied.psk_ids, rng=rng)
        out = CommitOutput(message=msg_bytes, welcome=welcome,
                           group_info=MLSMessage.of(group_info).to_bytes())
        staged = StagedCommit(
            committer=st.own_leaf,
            added=tuple(_member(i, _leaf_at(tree, i)) for i in applied.added),
            removed=tuple(applied.removed), updated=tuple(applied.updated),
            new_epoch=new_epoch, extensions=applied.extensions, self_removed=False,
            external=False, own=True, proposals=tuple(p for p, _s, _r in items),
            _base_epoch=st.context.epoch, _base_auth=st.secrets.epoch_authenticator.value,
            _next=nxt)
        # The sending ratchet key is consumed whether or not the commit wins.
        self._state = work
        self._pending = (msg_bytes, out, staged)
        return out

    def _protect_signed(self, st: _State, content: FramedContent, signature: bytes,
                        tag: bytes | None, encrypted: bool, rng: Rng) -> bytes:
        """Protect ``content`` reusing the signature the transcript hash was built on."""
        if not encrypted:
            auth = FramedContentAuthData(signature=signature, confirmation_tag=tag)
            tbs = framing.framed_content_tbs(WireFormat.mls_public_message, content,
                                             st.context_bytes)
            mtag = st.suite.mac(st.secrets.membership_key.value, tbs + auth.to_bytes())
            return MLSMessage.of(m.PublicMessage(content=content, auth=auth,
                                                 membership_tag=mtag)).to_bytes()
        # Ed25519 is deterministic: protect_private re-signs to the same signature.
        pm = framing.protect_private(
            st.suite, content, signature_key=st.signing_key,
            context=st.context_bytes, secret_tree=st.secret_tree,
            sender_data_secret=st.secrets.sender_data_secret, confirmation_tag=tag, rng=rng)
        return MLSMessage.of(pm).to_bytes()

    def _welcome(self, nxt: _State, group_info: GroupInfo, applied: _Applied,
                 prepared: PreparedUpdatePath | None, epoch_secrets: EpochSecrets, *,
                 psk_ids: Sequence[PreSharedKeyID], rng: Rng) -> bytes:
        suite = nxt.suite
        key, nonce = epoch_secrets.welcome_key_nonce()
        encrypted_gi = suite.aead_seal(key, nonce, b"", group_info.to_bytes())
        out = []
        for idx, kp in zip(applied.added, applied.added_kps, strict=True):
            path_secret = None
            if prepared is not None:
                ps = prepared.path_secret_for(idx)
                if ps is not None:
                    path_secret = m.PathSecret(path_secret=ps.value)
            gs = m.GroupSecrets(joiner_secret=epoch_secrets.joiner_secret.value,
                                path_secret=path_secret, psks=tuple(psk_ids))
            kem_output, ct = suite.encrypt_with_label(kp.init_key, "Welcome", encrypted_gi,
                                                      gs.to_bytes(), rng=rng)
            out.append(m.EncryptedGroupSecrets(
                new_member=m.make_key_package_ref(suite, kp),
                encrypted_group_secrets=m.HPKECiphertext(kem_output=kem_output, ciphertext=ct)))
        w = m.Welcome(cipher_suite=suite.id, secrets=tuple(out), encrypted_group_info=encrypted_gi)
        return MLSMessage.of(w).to_bytes()

    # -- pending commit ---------------------------------------------------------------

    def merge_pending_commit(self) -> EpochChange:
        """Move to the epoch of our pending commit (the relay accepted it)."""
        if self._pending is None:
            raise UsageError("no pending commit")
        return self.merge_staged_commit(self._pending[2])

    def discard_pending_commit(self) -> None:
        """Forget our pending commit (another commit won the epoch)."""
        if self._pending is None:
            raise UsageError("no pending commit")
        self._pending = None

    @property
    def pending_commit(self) -> CommitOutput | None:
        return None if self._pending is None else self._pending[1]

    # -- proposals by reference ---------------------------------------------------------

    def _propose(self, proposal: Proposal, *, encrypted: bool, authenticated_data: bytes,
                 rng: Rng, update_key: bytes | None = None) -> bytes:
        self._check_open()
        st = self._state
        me = Sender.member(st.own_leaf)
        self._check_proposal(st, st.tree, proposal, me, None)
        work = st.clone()
        content = FramedContent(group_id=st.context.group_id, epoch=st.context.epoch,
                                sender=me, authenticated_data=authenticated_data,
                                content_type=ContentType.proposal, proposal=proposal)
        msg, ac = self._frame(work, content, encrypted=encrypted, rng=rng)
        ref = m.make_proposal_ref(st.suite, ac)
        work.proposals[ref] = StoredProposal(ref, proposal, me)
        work.own_proposal_messages[st.suite.hash(msg)] = ref
        if update_key is not None:
            work.pending_update_keys[ref] = update_key
        self._state = work
        return msg

    def propose_add(self, key_package: KeyPackage, *, handshake_encrypted: bool = True,
                    authenticated_data: bytes = b"", now: int | None = None,
                    rng: Rng = secrets.token_bytes) -> bytes:
        """An Add proposal (MLSMessage bytes), stored for the next commit."""
        check_key_package(self._state.suite, key_package, now=now)
        return self._propose(Proposal.of(m.Add(key_package=key_package)),
                             encrypted=handshake_encrypted,
                             authenticated_data=authenticated_data, rng=rng)

    def propose_remove(self, leaf_index: int, *, handshake_encrypted: bool = True,
                       authenticated_data: bytes = b"",
                       rng: Rng = secrets.token_bytes) -> bytes:
        """A Remove proposal for ``leaf_index``."""
        if leaf_index == self._state.own_leaf:
            raise UsageError("propose our own removal by leaving through another member")
        _leaf_at_usage(self._state.tree, leaf_index)
        return self._propose(Proposal.of(m.Remove(removed=leaf_index)),
                             encrypted=handshake_encrypted,
                             authenticated_data=authenticated_data, rng=rng)

    def propose_update(self, *, handshake_encrypted: bool = True,
                       authenticated_data: bytes = b"",
                       rng: Rng = secrets.token_bytes) -> bytes:
        """An Update proposal with a fresh leaf encryption key."""
        from dataclasses import replace

        st = self._state
        old = _leaf_at(st.tree, st.own_leaf)
        priv, pub = st.suite.derive_key_pair(rng(st.suite.nh))
        leaf = replace(old, encryption_key=pub, leaf_node_source=LeafNodeSource.update,
                       lifetime=None, parent_hash=None)
        leaf = _sign_leaf(st.suite, leaf, st.signature_private_key, st.context.group_id,
                          st.own_leaf)
        return self._propose(Proposal.of(m.Update(leaf_node=leaf)),
                             encrypted=handshake_encrypted,
                             authenticated_data=authenticated_data, rng=rng, update_key=priv)

    def propose_group_context_extensions(
        self, extensions: Sequence[Extension], *, handshake_encrypted: bool = True,
        authenticated_data: bytes = b"", rng: Rng = secrets.token_bytes,
    ) -> bytes:
        """A GroupContextExtensions proposal (replaces all extensions)."""
        return self._propose(
            Proposal.of(m.GroupContextExtensions(extensions=tuple(extensions))),
            encrypted=handshake_encrypted, authenticated_data=authenticated_data, rng=rng)

    def propose_psk(
        self, psk: PreSharedKeyID, *, handshake_encrypted: bool = True,
        authenticated_data: bytes = b"", rng: Rng = secrets.token_bytes,
    ) -> bytes:
        """A PreSharedKey proposal (the PSK must be available when it is committed)."""
        return self._propose(Proposal.of(m.PreSharedKey(psk=psk)),
                             encrypted=handshake_encrypted,
                             authenticated_data=authenticated_data, rng=rng)

    def propose_reinit(
        self, group_id: bytes, cipher_suite: int, extensions: Sequence[Extension] = (), *,
        handshake_encrypted: bool = True, authenticated_data: bytes = b"",
        rng: Rng = secrets.token_bytes,
    ) -> bytes:
        """A ReInit proposal (section 12.1.5): once committed, continue in a new group
        created with :meth:`resume` (usage ``reinit``)."""
        get_suite(cipher_suite)
        return self._propose(
            Proposal.of(m.ReInit(group_id=group_id, cipher_suite=cipher_suite,
                                 extensions=tuple(extensions))),
            encrypted=handshake_encrypted, authenticated_data=authenticated_data, rng=rng)

    # -- external join (section 12.4.3.2) -----------------------------------------------

    @classmethod
    def join_external(
        cls,
        group_info: bytes,
        credential: Credential,
        signature_private_key: bytes,
        *,
        ratchet_tree: bytes | None = None,
        credential_validator: IdentityLike,
        authenticated_data: bytes = b"",
        capabilities: m.Capabilities | None = None,
        remove: int | None = None,
        psks: Sequence[tuple[PreSharedKeyID, bytes]] = (),
        config: GroupConfig | None = None,
        rng: Rng = secrets.token_bytes,
    ) -> tuple[Group, bytes]:
        """Join by external commit from a GroupInfo with ``external_pub``.

        ``remove``: the leaf of our previous appearance in the group, removed by the
        same commit (section 12.4.3.2). ``psks``: external PSKs (id, value) the
        commit proposes.

        Returns the group (already at the new epoch) and the commit to send. If the
        relay refuses the commit, drop the group and retry with a fresher GroupInfo.
        """
        msg = MLSMessage.from_bytes(group_info)
        if msg.group_info is None:
            raise ProtocolError("not a GroupInfo")
        identity = identity_provider(credential_validator)
        cfg = config if config is not None else _DEFAULT_CONFIG
        gi = msg.group_info
        ctx = gi.group_context
        suite = peer_suite(ctx.cipher_suite)  # the peer's choice: a ProtocolError
        if ctx.version != m.ProtocolVersion.mls10:
            raise ProtocolError("GroupInfo is for another protocol version")
        check_unique_extensions(gi.extensions)
        if ratchet_tree is not None:
            unverified = parse_ratchet_tree(suite, ratchet_tree)
        else:
            ext = m.find_extension(gi.extensions, ExtensionType.ratchet_tree)
            if ext is None:
                raise ProtocolError("no ratchet tree given or in the GroupInfo")
            unverified = unverified_from_nodes(suite, m.decode_ratchet_tree(ext.extension_data))
        if not 0 <= gi.signer < unverified.n_leaves or unverified.leaf(gi.signer) is None:
            raise ProtocolError("GroupInfo signer is not a member")
        signer = unverified.leaf(gi.signer)
        assert signer is not None
        suite.verify_with_label(signer.signature_key, "GroupInfoTBS", gi.tbs_bytes(),
                                gi.signature)
        tree = _verify_joined_tree(unverified, ctx, identity, None)
        ext_pub = m.find_extension(gi.extensions, ExtensionType.external_pub)
        if ext_pub is None:
            raise ProtocolError("GroupInfo has no external_pub")
        external_pub = m.ExternalPub.from_bytes(ext_pub.extension_data).external_pub
        kem_output, init_secret = _external_init_sender(suite, external_pub, rng)
        sig_pub = suite.signature_public_key(signature_private_key)
        check_member(identity, credential, sig_pub)
        caps = capabilities if capabilities is not None else default_capabilities(suite.id)
        placeholder_priv, placeholder_pub = suite.derive_key_pair(rng(suite.nh))
        del placeholder_priv
        placeholder = LeafNode(encryption_key=placeholder_pub, signature_key=sig_pub,
                               credential=credential, capabilities=caps,
                               leaf_node_source=LeafNodeSource.update)
        if remove is not None:
            old = _leaf_at_usage(tree, remove)
            check_successor(identity, old.credential, credential)
            tree, _none = tree.apply_proposals(removes=[remove])
        tree_with_me, my_leaf = tree.add_leaf(placeholder)
        prepared = prepare_update_path(tree_with_me, my_leaf, signature_private_key,
                                       group_id=ctx.group_id, rng=rng)
        new_tree = prepared.tree
        new_tree.validate_leaf_node(prepared.leaf_node, group_id=ctx.group_id,
                                    leaf_index=my_leaf, source=LeafNodeSource.commit,
                                    required_capabilities=_required_caps(ctx.extensions),
                                    replacing=my_leaf)
        provisional = GroupContext(cipher_suite=suite.id, group_id=ctx.group_id,
                                   epoch=ctx.epoch + 1, tree_hash=new_tree.tree_hash(),
                                   confirmed_transcript_hash=ctx.confirmed_transcript_hash,
                                   extensions=ctx.extensions)
        path = prepared.encrypt(provisional.to_bytes(), rng=rng)
        bodies: list[m.ProposalBody] = [m.ExternalInit(kem_output=kem_output)]
        if remove is not None:
            bodies.append(m.Remove(removed=remove))
        bodies += [m.PreSharedKey(psk=pid) for pid, _v in psks]
        proposals = tuple(ProposalOrRef.of(Proposal.of(b)) for b in bodies)
        psk = compute_psk_secret(suite, [(pid.to_bytes(), v) for pid, v in psks]) \
            if psks else None
        content = FramedContent(group_id=ctx.group_id, epoch=ctx.epoch,
                                sender=Sender(sender_type=SenderType.new_member_commit),
                                authenticated_data=authenticated_data,
                                content_type=ContentType.commit,
                                commit=Commit(proposals=proposals, path=path))
        wire = WireFormat.mls_public_message
        signature = framing.sign_framed_content(suite, signature_private_key, wire, content,
                                                ctx.to_bytes())
        interim = interim_transcript_hash(suite, ctx.confirmed_transcript_hash,
                                          gi.confirmation_tag)
        confirmed = confirmed_transcript_hash(suite, interim, wire, content, signature)
        new_ctx = GroupContext(cipher_suite=suite.id, group_id=ctx.group_id,
                               epoch=ctx.epoch + 1, tree_hash=new_tree.tree_hash(),
                               confirmed_transcript_hash=confirmed, extensions=ctx.extensions)
        epoch_secrets = next_epoch(suite, init_secret, prepared.commit_secret.value, new_ctx,
                                   psk)
        tag = epoch_secrets.confirmation_tag(confirmed)
        auth = FramedContentAuthData(signature=signature, confirmation_tag=tag)
        commit_msg = MLSMessage.of(m.PublicMessage(content=content, auth=auth)).to_bytes()
        state = _State(
            suite=suite, context=new_ctx, tree=new_tree, own_leaf=my_leaf,
            signature_private_key=signature_private_key, private=prepared.private_state,
            secrets=epoch_secrets,
            secret_tree=cfg.secret_tree(suite, epoch_secrets, new_tree.n_leaves), config=cfg,
            interim_transcript_hash=interim_transcript_hash(suite, confirmed, tag),
            confirmation_tag=tag, proposals={}, own_proposal_messages={},
            pending_update_keys={},
            resumption_psks={new_ctx.epoch: epoch_secrets.resumption_psk.value},
            external_psks={pid.psk_id: v for pid, v in psks if pid.psk_id is not None})
        return cls(state, identity), commit_msg

    # -- reinit and branch (sections 11.2, 11.3) --------------------------------------

    @classmethod
    def resume(
        cls,
        prior: Group,
        usage: ResumptionPSKUsage,
        key_packages: Sequence[KeyPackage],
        *,
        suite_id: int,
        group_id: bytes,
        credential: Credential,
        signature_private_key: bytes,
        extensions: Sequence[Extension] = (),
        update_path: bool = False,
        handshake_encrypted: bool = True,
        ratchet_tree_in_welcome: bool = True,
        credential_validator: IdentityLike,
        capabilities: m.Capabilities | None = None,
        now: int | None = None,
        rng: Rng = secrets.token_bytes,
    ) -> tuple[Group, CommitOutput]:
        """A new group continuing ``prior`` at its current epoch: after a committed
        ReInit (``usage=reinit``, the ReInit's parameters) or as a branch
        (``usage=branch``, same suite). The new group is created, the members'
        KeyPackages are added with a resumption PSK of ``prior`` and the commit is
        merged: the group is at epoch 1; send the Welcome.
        """
        if usage not in (ResumptionPSKUsage.reinit, ResumptionPSKUsage.branch):
            raise UsageError("resume needs usage reinit or branch")
        if usage == ResumptionPSKUsage.branch and suite_id != prior.cipher_suite:
            raise UsageError("a branch keeps the cipher suite")
        if usage == ResumptionPSKUsage.reinit:
            ri = prior.pending_reinit
            if ri is None:
                raise UsageError("the prior group has no committed ReInit")
            # Section 11.2: the new group is exactly what the ReInit announced.
            if (ri.group_id, ri.cipher_suite, tuple(ri.extensions)) != \
                    (group_id, suite_id, tuple(extensions)):
                raise UsageError("resume does not match the committed ReInit")
        group = cls.create(suite_id, group_id, credential, signature_private_key,
                           extensions=extensions, credential_validator=credential_validator,
                           capabilities=capabilities, config=prior.config, rng=rng)
        st = group._state
        pid = PreSharedKeyID(psktype=PSKType.resumption, usage=usage,
                             psk_group_id=prior.group_id, psk_epoch=prior.epoch,
                             psk_nonce=rng(st.suite.nh))
        me = Sender.member(st.own_leaf)
        items: list[tuple[Proposal, Sender, bytes | None]] = []
        for kp in key_packages:
            p = Proposal.of(m.Add(key_package=kp))
            group._check_proposal(st, st.tree, p, me, now)
            items.append((p, me, None))
        items.append((Proposal.of(m.PreSharedKey(psk=pid)), me, None))
        try:
            applied = group._apply_proposals(st, items, me, now, check_each=False)
        except PeerError as exc:
            if isinstance(exc, PolicyError):
                raise
            raise UsageError(f"invalid commit: {exc}") from None
        out = group._build_commit(
            st, applied, [ProposalOrRef.of(p) for p, _s, _r in items], items,
            use_path=update_path, authenticated_data=b"", encrypted=handshake_encrypted,
            rng=rng, ratchet_tree_in_welcome=ratchet_tree_in_welcome,
            extra_psks={pid.to_bytes(): prior._state.secrets.resumption_psk.value})
        group.merge_pending_commit()
        return group, out

    # -- persistence ----------------------------------------------------------------------

    def to_bytes(self) -> bytes:
        """The whole state, versioned: tree, secrets, secret tree, proposals, pending
        commit. It holds keys: the client stores it encrypted."""
        w = Writer()
        w.u8(_STATE_VERSION)
        _write_state(w, self._state)
        if self._pending is None:
            w.u8(0)
        else:
            msg, out, staged = self._pending
            w.u8(1)
            w.opaque_v(msg)
            w.optional(out.welcome, lambda ww, v: ww.opaque_v(v))
            w.opaque_v(out.group_info)
            _write_staged(w, staged)
        return w.getvalue()

    @classmethod
    def from_bytes(cls, data: bytes, *, credential_validator: IdentityLike,
                   config: GroupConfig | None = None) -> Group:
        """Restore a group saved by :meth:`to_bytes` (DecodeError on anything else).

        Reads the current layout and the version 1 layout of earlier releases (whose
        deleted epoch secrets are dropped on load). ``config`` replaces the stored
        configuration: past epochs beyond its window are dropped now; the current
        epoch's secret tree keeps its bounds, later epochs use the new ones."""
        r = Reader(data)
        try:
            version = r.u8()
            if version not in (1, _STATE_VERSION):
                raise DecodeError("unknown group state version")
            state = _read_state(r, version)
            if config is not None:
                state = _with_config(state, config)
            group = cls(state, credential_validator)
            if r.boolean():
                msg = r.opaque_v()
                welcome = r.optional(lambda rr: rr.opaque_v())
                gi = r.opaque_v()
                staged = _read_staged(r, state, version)
                group._pending = (msg, CommitOutput(msg, welcome, gi), staged)
            r.finish()
        except DecodeError:
            raise
        except (CryptoError, ValueError, TypeError, AssertionError) as exc:
            raise DecodeError(f"invalid group state: {type(exc).__name__}") from None
        return group


@contextmanager
def _committer_fault(committer: int | None) -> Iterator[None]:
    """Re-raise a failed check of an authenticated commit as :class:`InvalidCommitError`
    (keeping its kind). Only wraps checks whose inputs every member shares."""
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


def _verify_joined_tree(unverified: UnverifiedRatchetTree, ctx: GroupContext,
                        identity: IdentityProvider, own: LeafNode | None) -> RatchetTree:
    """A joiner's checks of the tree and GroupContext (sections 7.3, 12.4.3.1, 13.4):
    the tree itself, every leaf in the JOIN context, the GroupContext extensions (the
    joiner's own leaf must support each one)."""
    suite = unverified.suite
    check_group_context_extensions(ctx.extensions, suite=suite,
                                   members=[own] if own is not None else [],
                                   identity=identity)
    tree = unverified.verify(group_id=ctx.group_id, tree_hash=ctx.tree_hash,
                             required_capabilities=_required_caps(ctx.extensions))
    for _idx, leaf in tree.leaves():
        check_leaf(leaf, LeafContext.JOIN, suite=suite, extensions=ctx.extensions,
                   identity=identity)
    return tree


def _leaf_at_usage(tree: RatchetTree, idx: int) -> LeafNode:
    try:
        return _leaf_at(tree, idx)
    except ProtocolError:
        raise UsageError("leaf index does not name a member") from None


# --------------------------------------------------------------------------- external init


def _hpke_suite_id(suite: CipherSuite) -> bytes:
    return b"HPKE" + (0x0020).to_bytes(2, "big") + (0x0001).to_bytes(2, "big") + \
        suite.hpke_aead_id.to_bytes(2, "big")


def _export_external_init(suite: CipherSuite, dh: bytes, enc: bytes, pk_r: bytes) -> bytes:
    """HPKE base-mode key schedule with empty info, then Export (RFC 9180 5.1, 5.3)."""
    from crypto import hpke

    eae_prk = hpke.labeled_extract(b"", b"eae_prk", dh)
    shared = hpke.labeled_expand(eae_prk, b"shared_secret", enc + pk_r, 32)
    sid = _hpke_suite_id(suite)
    psk_id_hash = hpke.labeled_extract(b"", b"psk_id_hash", b"", sid)
    info_hash = hpke.labeled_extract(b"", b"info_hash", b"", sid)
    ks_context = b"\x00" + psk_id_hash + info_hash
    secret = hpke.labeled_extract(shared, b"secret", b"", sid)
    exporter = hpke.labeled_expand(secret, b"exp", ks_context, 32, sid)
    return hpke.labeled_expand(exporter, b"sec", b"MLS 1.0 external init secret", suite.nh,
                               sid)


def _x25519(sk: bytes, pk: bytes) -> bytes:
    import nacl.bindings
    import nacl.exceptions

    try:
        out: bytes = nacl.bindings.crypto_scalarmult(sk, pk)
    except (nacl.exceptions.RuntimeError, nacl.exceptions.CryptoError, ValueError):
        raise VerificationError("invalid X25519 public key") from None
    if out == bytes(32):
        raise VerificationError("invalid X25519 public key")
    return out


def _external_init_sender(suite: CipherSuite, external_pub: bytes,
                          rng: Rng) -> tuple[bytes, bytes]:
    """(kem_output, init_secret) of an ExternalInit (section 8.3)."""
    sk_e, pk_e = suite.derive_key_pair(rng(32))
    dh = _x25519(sk_e, external_pub)
    return pk_e, _export_external_init(suite, dh, pk_e, external_pub)


def _external_init_secret_receiver(st: _State, kem_output: bytes) -> bytes:
    if len(kem_output) != 32:
        raise VerificationError("ExternalInit kem_output has the wrong length")
    sk, pk = st.secrets.external_key_pair()
    dh = _x25519(sk, kem_output)
    return _export_external_init(st.suite, dh, kem_output, pk)


# --------------------------------------------------------------------------- persistence

# Version 1 stored every epoch secret, in this order.
_SECRET_FIELDS_V1 = ("joiner_secret", "welcome_secret", "epoch_secret", "sender_data_secret",
                  "encryption_secret", "exporter_secret", "external_secret",
                  "confirmation_key", "membership_key", "resumption_psk",
                  "epoch_authenticator", "init_secret")


def _write_bytes_map(w: Writer, items: Mapping[bytes, bytes]) -> None:
    def put(ww: Writer, kv: tuple[bytes, bytes]) -> None:
        ww.opaque_v(kv[0])
        ww.opaque_v(kv[1])
    w.vector(sorted(items.items()), put)


def _read_bytes_map(r: Reader) -> dict[bytes, bytes]:
    return dict(r.vector(lambda rr: (rr.opaque_v(), rr.opaque_v())))


def _write_state(w: Writer, st: _State) -> None:
    w.u16(st.suite.id)
    w.opaque_v(st.context_bytes)
    w.opaque_v(st.tree.encode())
    w.u32(st.own_leaf)
    w.opaque_v(st.signature_private_key)

    def put_key(ww: Writer, kv: tuple[int, Secret]) -> None:
        ww.u32(kv[0])
        ww.opaque_v(kv[1].value)
    w.vector(sorted(st.private.keys.items()), put_key)
    for name in RETAINED_SECRETS:
        w.opaque_v(getattr(st.secrets, name).value)
    w.opaque_v(st.secret_tree.to_bytes())
    w.opaque_v(st.interim_transcript_hash)
    w.opaque_v(st.confirmation_tag)

    def put_prop(ww: Writer, sp: StoredProposal) -> None:
        ww.opaque_v(sp.ref)
        ww.opaque_v(sp.proposal.to_bytes())
        ww.opaque_v(sp.sender.to_bytes())
    w.vector(list(st.proposals.values()), put_prop)
    _write_bytes_map(w, st.own_proposal_messages)
    _write_bytes_map(w, st.pending_update_keys)

    def put_psk(ww: Writer, kv: tuple[int, bytes]) -> None:
        ww.u64(kv[0])
        ww.opaque_v(kv[1])
    w.vector(sorted(st.resumption_psks.items()), put_psk)
    _write_bytes_map(w, st.external_psks)
    w.boolean(st.removed)
    cfg = st.config
    w.u8(cfg.max_past_epochs)
    w.u32(cfg.out_of_order_tolerance)
    w.u32(cfg.maximum_forward_distance)

    def put_past(ww: Writer, p: _PastEpoch) -> None:
        ww.u64(p.epoch)
        ww.opaque_v(p.context_bytes)
        ww.opaque_v(p.sender_data_secret)
        ww.vector(list(p.signature_keys), lambda w3, k: w3.optional(
            k, lambda w4, v: w4.opaque_v(v)))
        ww.opaque_v(p.secret_tree.to_bytes())
    w.vector(list(st.past), put_past)
    w.optional(st.reinit, lambda ww, ri: ww.opaque_v(Proposal.of(ri).to_bytes()))


def _read_state(r: Reader, version: int = _STATE_VERSION) -> _State:
    suite = get_suite(r.u16())
    ctx = GroupContext.from_bytes(r.opaque_v())
    tree = restore_ratchet_tree(suite, r.opaque_v())
    own = r.u32()
    sig_priv = r.opaque_v()
    keys = dict(r.vector(lambda rr: (rr.u32(), Secret(rr.opaque_v()))))
    names = _SECRET_FIELDS_V1 if version == 1 else RETAINED_SECRETS
    values = dict.fromkeys(_SECRET_FIELDS_V1, DELETED)
    values.update({name: Secret(r.opaque_v()) for name in names})
    # A version 1 state's deleted secrets are dropped here (retained() in _State).
    epoch_secrets = EpochSecrets(suite=suite, **values)
    secret_tree = SecretTree.from_bytes(suite, r.opaque_v())
    interim = r.opaque_v()
    tag = r.opaque_v()

    def get_prop(rr: Reader) -> StoredProposal:
        ref = rr.opaque_v()
        p = Proposal.from_bytes(rr.opaque_v())
        s = Sender.from_bytes(rr.opaque_v())
        return StoredProposal(ref, p, s)
    proposals = {sp.ref: sp for sp in r.vector(get_prop)}
    own_msgs = _read_bytes_map(r)
    upd = _read_bytes_map(r)
    psks = dict(r.vector(lambda rr: (rr.u64(), rr.opaque_v())))
    ext = _read_bytes_map(r)
    removed = r.boolean()
    config = _DEFAULT_CONFIG
    past: tuple[_PastEpoch, ...] = ()
    reinit: m.ReInit | None = None
    if version >= 2:
        config = GroupConfig(max_past_epochs=r.u8(), out_of_order_tolerance=r.u32(),
                             maximum_forward_distance=r.u32())

        def get_past(rr: Reader) -> _PastEpoch:
            epoch = rr.u64()
            ctx_bytes = rr.opaque_v()
            sd = rr.opaque_v()
            sig_keys = tuple(rr.vector(lambda r3: r3.optional(lambda r4: r4.opaque_v())))
            return _PastEpoch(epoch, ctx_bytes, sd, sig_keys,
                              SecretTree.from_bytes(suite, rr.opaque_v()))
        past = tuple(r.vector(get_past))
        if len(past) > config.max_past_epochs:
            raise DecodeError("more past epochs than the configuration keeps")
        ri = r.optional(lambda rr: rr.opaque_v())
        if ri is not None:
            body = Proposal.from_bytes(ri)
            if not isinstance(body.body, m.ReInit):
                raise DecodeError("stored ReInit is another proposal")
            reinit = body.body
    return _State(suite=suite, context=ctx, tree=tree, own_leaf=own,
                  signature_private_key=sig_priv, private=PrivateTreeState(own, keys),
                  secrets=epoch_secrets, secret_tree=secret_tree,
                  interim_transcript_hash=interim, confirmation_tag=tag, proposals=proposals,
                  own_proposal_messages=own_msgs, pending_update_keys=upd,
                  resumption_psks=psks, external_psks=ext, removed=removed, config=config,
                  past=past, reinit=reinit)


def _with_config(st: _State, config: GroupConfig) -> _State:
    st.config = config
    st.past = st.past[:config.max_past_epochs]
    return st


def _write_staged(w: Writer, sc: StagedCommit) -> None:
    assert sc._next is not None
    w.u32(sc.committer if sc.committer is not None else 0)
    w.vector([a.leaf_index for a in sc.added], Writer.u32)
    w.vector([a.leaf_index for a in sc.removed], Writer.u32)
    w.vector(list(sc.updated), Writer.u32)
    w.vector(list(sc.proposals), lambda ww, p: p.encode(ww))
    w.u64(sc._base_epoch)
    w.opaque_v(sc._base_auth)
    _write_state(w, sc._next)


def _read_staged(r: Reader, current: _State, version: int) -> StagedCommit:
    committer = r.u32()
    added = r.vector(Reader.u32)
    removed = r.vector(Reader.u32)
    updated = r.vector(Reader.u32)
    proposals = r.vector(Proposal.decode)
    base_epoch = r.u64()
    base_auth = r.opaque_v()
    nxt = _read_state(r, version)
    return StagedCommit(
        committer=committer,
        added=tuple(_member(i, _leaf_at(nxt.tree, i)) for i in added),
        removed=tuple(_member(i, _leaf_at(current.tree, i)) for i in removed),
        updated=tuple(updated), new_epoch=nxt.context.epoch,
        extensions=tuple(nxt.context.extensions), self_removed=False, external=False,
        own=True, proposals=tuple(proposals), _base_epoch=base_epoch, _base_auth=base_auth,
        _next=nxt)
