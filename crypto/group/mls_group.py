# SPDX-License-Identifier: Apache-2.0
"""The MLS group a member holds: create, join by Welcome or external commit, resume
after a ReInit, store and restore; the rest comes from the layers it builds on.
"""

from __future__ import annotations

import secrets
from collections.abc import Mapping, Sequence

from crypto import framing
from crypto import messages as m
from crypto.codec import Reader, Writer
from crypto.errors import (
    CryptoError,
    DecodeError,
    PeerError,
    PolicyError,
    ProtocolError,
    UsageError,
)
from crypto.group import parts
from crypto.group.commit import _GroupCommitter
from crypto.group.external_init import _external_init_sender
from crypto.group.public_commit import verify_group_info
from crypto.group.state import (
    _DEFAULT_CONFIG,
    _STATE_VERSION,
    COMMIT_REF_EXTENSION,
    CommitOutput,
    GroupConfig,
    Rng,
    _leaf_at_usage,
    _read_state,
    _required_caps,
    _sign_leaf,
    _State,
    _with_config,
    _write_state,
)
from crypto.group.validation import (
    IdentityLike,
    LeafContext,
    check_group_context_extensions,
    check_leaf,
    check_member,
    check_successor,
    check_welcome_psks,
    identity_provider,
    peer_suite,
)
from crypto.messages import (
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
    PSKType,
    ResumptionPSKUsage,
    Sender,
    SenderType,
    WireFormat,
)
from crypto.messages.key_package import KeyPackageBundle, default_capabilities
from crypto.schedule.key_schedule import from_joiner_secret, next_epoch, welcome_key_nonce
from crypto.schedule.psk import psk_secret as compute_psk_secret
from crypto.schedule.transcript import confirmed_transcript_hash, interim_transcript_hash
from crypto.suites import get_suite
from crypto.tree import (
    RatchetTree,
)
from crypto.tree.treekem import PrivateTreeState, prepare_update_path


class Group(_GroupCommitter):
    """An MLS group as seen by one member. Not thread-safe; one owner at a time."""

    __slots__ = ()

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
        if commit_message is not None:
            ref_ext = m.find_extension(gi.extensions, COMMIT_REF_EXTENSION)
            if ref_ext is None or ref_ext.extension_data != suite.hash(commit_message):
                raise ProtocolError("Welcome does not belong to the accepted commit")
        tree = verify_group_info(suite, gi, ratchet_tree=ratchet_tree, identity=identity,
                                 own=kp.leaf_node)
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
        tree = verify_group_info(suite, gi, ratchet_tree=ratchet_tree, identity=identity)
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

    def to_bytes(self) -> bytes:
        """The whole state, versioned: tree, secrets, secret tree, proposals, pending
        commit. It holds keys: the client stores it encrypted. Refused while
        deferred signature checks are outstanding (:meth:`process`)."""
        self._check_settled()
        w = Writer()
        w.u8(_STATE_VERSION)
        _write_state(w, self._state)
        parts.write_pending(w, self._pending)
        return w.getvalue()

    def epoch_part(self) -> bytes:
        """The state without its secret trees (:mod:`crypto.group.parts`): unchanged
        while :attr:`epoch_part_serial` stays. Holds keys: store it encrypted."""
        self._check_settled()
        data = parts.epoch_part(self._state, self._pending)
        self._part = (self._serial, parts.epoch_digest(data))
        return data

    def ratchet_part(self) -> bytes:
        """The secret trees, bound to the current epoch part: what an application
        message changes. Holds keys: store it encrypted."""
        return parts.ratchet_part(self._state, self.epoch_part_digest())

    def epoch_part_digest(self) -> bytes:
        """The digest of the current epoch part, the one :meth:`ratchet_part` binds to
        (public: it reveals nothing of the part). A store keeps it beside the ratchet
        part to refuse a ratchet part alone over an epoch part it was not made for."""
        self._check_settled()
        if self._part is None or self._part[0] != self._serial:
            self.epoch_part()  # not written at this serial: its digest is needed
        assert self._part is not None
        return self._part[1]

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
            group._pending = parts.read_pending(r, state, version)
            r.finish()
        except DecodeError:
            raise
        except (CryptoError, ValueError, TypeError, AssertionError) as exc:
            raise DecodeError(f"invalid group state: {type(exc).__name__}") from None
        return group

    @classmethod
    def from_parts(cls, epoch_part: bytes, ratchet_part: bytes, *,
                   credential_validator: IdentityLike,
                   config: GroupConfig | None = None) -> Group:
        """Restore a group saved by :meth:`epoch_part` and :meth:`ratchet_part`
        (``config`` as for :meth:`from_bytes`). A ratchet part of another epoch part
        is a DecodeError."""
        try:
            state, pending = parts.read_parts(epoch_part, ratchet_part)
            if config is not None:
                state = _with_config(state, config)
            group = cls(state, credential_validator)
            group._pending = pending
        except DecodeError:
            raise
        except (CryptoError, ValueError, TypeError, AssertionError) as exc:
            raise DecodeError(f"invalid group state: {type(exc).__name__}") from None
        if config is None:  # as read: the stored epoch part is this one
            group._part = (group._serial, parts.epoch_digest(epoch_part))
        return group
