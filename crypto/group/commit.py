# SPDX-License-Identifier: Apache-2.0
"""Committing and proposing (RFC 9420 sections 12.1, 12.4): a commit is built on
copies with its Welcome and GroupInfo, and waits as the pending commit until merged.
"""

from __future__ import annotations

import secrets
from collections.abc import Mapping, Sequence

from crypto import framing
from crypto import messages as m
from crypto.errors import PeerError, PolicyError, UsageError
from crypto.group.receive import _GroupReceiver
from crypto.group.state import (
    CommitOutput,
    EpochChange,
    Rng,
    StagedCommit,
    StoredProposal,
    _Applied,
    _leaf_at_usage,
    _member,
    _sign_leaf,
    _State,
)
from crypto.group.validation import check_key_package, member_leaf
from crypto.messages import (
    Commit,
    ContentType,
    Extension,
    FramedContent,
    FramedContentAuthData,
    GroupContext,
    GroupInfo,
    KeyPackage,
    LeafNodeSource,
    MLSMessage,
    PreSharedKeyID,
    Proposal,
    ProposalOrRef,
    Sender,
    WireFormat,
)
from crypto.schedule.key_schedule import EpochSecrets, next_epoch
from crypto.schedule.transcript import confirmed_transcript_hash
from crypto.suites import get_suite
from crypto.tree.treekem import PreparedUpdatePath, prepare_update_path


class _GroupCommitter(_GroupReceiver):
    """Proposals and commits this member creates."""

    __slots__ = ()

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
            added=tuple(_member(i, member_leaf(tree, i)) for i in applied.added),
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
        items = []
        for idx, kp in zip(applied.added, applied.added_kps, strict=True):
            path_secret = None
            if prepared is not None:
                ps = prepared.path_secret_for(idx)
                if ps is not None:
                    path_secret = m.PathSecret(path_secret=ps.value)
            gs = m.GroupSecrets(joiner_secret=epoch_secrets.joiner_secret.value,
                                path_secret=path_secret, psks=tuple(psk_ids))
            items.append((kp.init_key, gs.to_bytes()))
        # One hash of the encrypted GroupInfo for all joiners (see encrypt_with_label_to_many).
        sealed = suite.encrypt_with_label_to_many("Welcome", encrypted_gi, items)
        out = [m.EncryptedGroupSecrets(
            new_member=m.make_key_package_ref(suite, kp),
            encrypted_group_secrets=m.HPKECiphertext(kem_output=kem_output, ciphertext=ct))
            for kp, (kem_output, ct) in zip(applied.added_kps, sealed, strict=True)]
        w = m.Welcome(cipher_suite=suite.id, secrets=tuple(out), encrypted_group_info=encrypted_gi)
        return MLSMessage.of(w).to_bytes()

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
        old = member_leaf(st.tree, st.own_leaf)
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
