# SPDX-License-Identifier: Apache-2.0
"""What a group holds and hands out: the result types (Member, StagedCommit, ...),
GroupConfig, the epoch state a Group swaps in whole, and its storage format.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

import msgspec

from crypto import framing
from crypto import messages as m
from crypto.codec import Reader, Writer
from crypto.errors import DecodeError, ProtocolError, UsageError
from crypto.group.validation import member_leaf, required_capabilities
from crypto.messages import (
    Credential,
    Extension,
    GroupContext,
    KeyPackage,
    LeafNode,
    PreSharedKeyID,
    Proposal,
    Sender,
    SenderType,
)
from crypto.schedule.key_schedule import DELETED, RETAINED_SECRETS, EpochSecrets
from crypto.schedule.secret_tree import DEFAULT_MAX_FORWARD, DEFAULT_MAX_SKIPPED, SecretTree
from crypto.secret_bytes import Secret
from crypto.suites import CipherSuite, expand_signature_key, get_suite
from crypto.tree import RatchetTree, RequiredCapabilitiesView, restore_ratchet_tree
from crypto.tree.treekem import PrivateTreeState

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


class ApplicationMessage(msgspec.Struct, frozen=True):
    """A decrypted application message. A frozen msgspec struct: one is made per
    message received, several times faster than a frozen dataclass (docs/benchmarks.md,
    catch-up session 9). Its repr leaves the plaintext out."""

    sender_leaf: int
    data: bytes
    authenticated_data: bytes
    generation: int

    def __repr__(self) -> str:
        return (f"ApplicationMessage(sender_leaf={self.sender_leaf}, "
                f"authenticated_data={self.authenticated_data!r}, "
                f"generation={self.generation})")


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


def _sign_leaf(suite: CipherSuite, leaf: LeafNode, sig_priv: bytes, group_id: bytes,
               idx: int) -> LeafNode:
    from dataclasses import replace

    unsigned = replace(leaf, signature=b"")
    sig = suite.sign_with_label(sig_priv, "LeafNodeTBS", unsigned.tbs_bytes(group_id, idx))
    return replace(unsigned, signature=sig)


# --------------------------------------------------------------------------- group


def _leaf_at_usage(tree: RatchetTree, idx: int) -> LeafNode:
    try:
        return member_leaf(tree, idx)
    except ProtocolError:
        raise UsageError("leaf index does not name a member") from None


# --------------------------------------------------------------------------- external init


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


def _write_state(w: Writer, st: _State, *, trees: bool = True) -> None:
    """``trees=False``: without the secret trees (the epoch part of a split save)."""
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
    if trees:
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
        if trees:
            ww.opaque_v(p.secret_tree.to_bytes())
    w.vector(list(st.past), put_past)
    w.optional(st.reinit, lambda ww, ri: ww.opaque_v(Proposal.of(ri).to_bytes()))


def _read_state(r: Reader, version: int = _STATE_VERSION,
                trees: Sequence[bytes] | None = None) -> _State:
    """``trees``: the secret trees (current epoch's, then the past epochs') when ``r``
    holds an epoch part written without them."""
    stored = None if trees is None else iter(trees)

    def next_tree(rd: Reader) -> bytes:
        if stored is None:
            return rd.opaque_v()
        value = next(stored, None)
        if value is None:
            raise DecodeError("the ratchet part has fewer secret trees than past epochs")
        return value
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
    secret_tree = SecretTree.from_bytes(suite, next_tree(r))
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
                              SecretTree.from_bytes(suite, next_tree(rr)))
        past = tuple(r.vector(get_past))
        if len(past) > config.max_past_epochs:
            raise DecodeError("more past epochs than the configuration keeps")
        ri = r.optional(lambda rr: rr.opaque_v())
        if ri is not None:
            body = Proposal.from_bytes(ri)
            if not isinstance(body.body, m.ReInit):
                raise DecodeError("stored ReInit is another proposal")
            reinit = body.body
    if stored is not None and next(stored, None) is not None:
        raise DecodeError("the ratchet part has more secret trees than past epochs")
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
        added=tuple(_member(i, member_leaf(nxt.tree, i)) for i in added),
        removed=tuple(_member(i, member_leaf(current.tree, i)) for i in removed),
        updated=tuple(updated), new_epoch=nxt.context.epoch,
        extensions=tuple(nxt.context.extensions), self_removed=False, external=False,
        own=True, proposals=tuple(proposals), _base_epoch=base_epoch, _base_auth=base_auth,
        _next=nxt)
