# SPDX-License-Identifier: Apache-2.0
"""Receiving (RFC 9420 sections 12.1, 12.2, 12.4.2): proposals by reference, and a
commit checked in full on copies and staged, so a refused one changes nothing.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from crypto import framing
from crypto import messages as m
from crypto.errors import (
    EpochError,
    ProtocolError,
    UsageError,
)
from crypto.framing.deferred import DeferredSignatures
from crypto.group.base import _GroupBase
from crypto.group.external_init import _external_init_secret_receiver
from crypto.group.public_commit import (
    check_commit_sender,
    committer_fault,
    stage_public_commit,
)
from crypto.group.state import (
    _RESUMPTION_PSK_WINDOW,
    ApplicationMessage,
    EpochChange,
    StagedCommit,
    StoredProposal,
    _Applied,
    _member,
    _State,
)
from crypto.group.validation import (
    AppliedProposals,
    apply_proposal_list,
    check_proposal,
    check_proposal_sender,
    member_leaf,
)
from crypto.messages import (
    AuthenticatedContent,
    Commit,
    ContentType,
    GroupContext,
    MLSMessage,
    PreSharedKeyID,
    Proposal,
    ProposalOrRefType,
    PSKType,
    Sender,
    SenderType,
    WireFormat,
)
from crypto.schedule.key_schedule import EpochSecrets, next_epoch
from crypto.schedule.psk import psk_secret as compute_psk_secret
from crypto.schedule.secret_tree import RatchetType, SecretTree
from crypto.schedule.transcript import interim_transcript_hash
from crypto.tree import RatchetTree
from crypto.tree.treekem import PrivateTreeState


class _GroupReceiver(_GroupBase):
    """Processing of messages, proposals and commits."""

    __slots__ = ()

    def application_aad(self, message: bytes) -> bytes | None:
        """The authenticated data of ``message`` if it is an application PrivateMessage
        of this group's current epoch, else None (anything else: read the header with
        :func:`crypto.framing.peek_private` or decode it). Unauthenticated until
        :meth:`process` opens the same bytes, which then reuses this parse."""
        st = self._state
        if st.removed or st.reinit is not None:
            return None
        parsed = st.app_framing().parse(message)
        return None if parsed is None else parsed[1]

    def process(
        self, message: bytes, *, now: int, deferred: DeferredSignatures | None = None,
    ) -> ApplicationMessage | StagedCommit | StoredProposal:
        """Process a Public/PrivateMessage of this group.

        Returns an :class:`ApplicationMessage` (its key is now deleted), a
        :class:`StoredProposal` (stored for the next commit) or a
        :class:`StagedCommit` (nothing changed yet: call
        :meth:`merge_staged_commit`). Every error leaves the group unchanged.

        With ``deferred``, an application message of the current epoch has its
        signature check added there instead of run (:mod:`crypto.framing.deferred`):
        this group then refuses :meth:`to_bytes` until every such check has run and
        passed, and a caller whose check failed must discard it.
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
            if deferred is not None:
                self._defer_to(deferred)
            data = app.open(work.secret_tree, leaf, generation, guard, ad, ciphertext,
                            work.member_key_at, deferred)
            self._swap_ratchets(work)
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
                self._swap_ratchets(work)
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
        return self._applied(st, items, a)

    @staticmethod
    def _applied(st: _State, items: Sequence[tuple[Proposal, Sender, bytes | None]],
                 a: AppliedProposals) -> _Applied:
        """The member's view of an applied list: its own pending Update key added."""
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

    def _stage_commit(self, st: _State, ac: AuthenticatedContent, now: int,
                      ending_tree: SecretTree) -> StagedCommit:
        content = ac.content
        commit = content.commit
        assert commit is not None
        sender = content.sender
        if sender.sender_type == SenderType.member and sender.leaf_index == st.own_leaf:
            # Local: only the committer's own device sees it (a lost pending commit).
            raise ProtocolError("a commit from our own leaf that is not our pending one")
        check_commit_sender(ac)
        tag = ac.auth.confirmation_tag
        assert tag is not None  # check_commit_sender
        # Local: which proposals we hold depends on what the relay delivered to us.
        items = self._resolve_proposals(st, commit, sender)
        # Everything public, exactly as a delivery service checks it (public_commit).
        pc = stage_public_commit(st.suite, st.context, st.tree, st.interim_transcript_hash,
                                 ac, items, self._identity, now)
        applied = self._applied(st, items, pc.applied)
        external, committer_leaf, tree, ctx = pc.external, pc.committer, pc.tree, pc.context
        new_epoch = ctx.epoch
        private = st.private
        commit_secret: bytes | None = None
        own_removed = any(r.leaf_index == st.own_leaf for r in applied.removed)
        if st.own_leaf in applied.update_keys:
            leaf_priv = applied.update_keys[st.own_leaf]
            private = PrivateTreeState.for_leaf(st.own_leaf, leaf_priv)
        if pc.merged is not None:
            if not own_removed:
                # Local: only our own ciphertext; others may decrypt theirs fine.
                result = pc.merged.decrypt(private.pruned(applied.tree) if not external
                                           else private,
                                           pc.provisional_context(st.context).to_bytes())
                private = result.private_state
                commit_secret = result.commit_secret.value
        elif not own_removed:
            private = private.pruned(tree)
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
                with committer_fault(committer_leaf):
                    epoch_secrets.verify_confirmation_tag(ctx.confirmed_transcript_hash, tag)
            else:  # an external PSK's value is ours alone
                epoch_secrets.verify_confirmation_tag(ctx.confirmed_transcript_hash, tag)
            nxt = self._next_state(st, ctx, tree, private, epoch_secrets,
                                   tag, ending_tree=ending_tree,
                                   reinit=applied.reinit)
        return StagedCommit(
            committer=committer_leaf,
            added=tuple(_member(i, member_leaf(tree, i)) for i in applied.added),
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
