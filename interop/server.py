# SPDX-License-Identifier: Apache-2.0
"""The MLS working group's interop protocol (``mls_client.proto``) served over ``crypto/``.

One :class:`CorridorClient` holds every state the test runner creates: groups
(``state_id``), KeyPackages waiting for a Welcome (``transaction_id``), groups ended
by a ReInit (``reinit_id``) and external signers (``signer_id``). All four share one
counter, so ``StorePSK``'s ``state_or_transaction_id`` is never ambiguous.

Messages cross the wire as ``MLSMessage`` bytes, ratchet trees and ExternalSenders as
their bare TLS encoding, like the other clients of the WG's harness. Identities are
basic credentials. Every handler runs under one lock; errors become gRPC status codes
with the exception's type and message.

Corridor keeps no keys of past epochs (``crypto.group``). The WG's scenarios decrypt
application messages of the previous epoch after a commit, so this test tool keeps
the last few epochs of each state (shallow copies taken before a merge) and tries
them for ``Unprotect`` only.
"""

from __future__ import annotations

import copy
import functools
import secrets
import threading
import time
from collections.abc import Callable, Sequence
from concurrent import futures
from dataclasses import dataclass, field
from typing import Any, TypeVar

import grpc

from crypto import framing
from crypto import messages as m
from crypto.group import ApplicationMessage, Group, StagedCommit, StoredProposal
from crypto.messages import (
    ContentType,
    Credential,
    Extension,
    ExtensionType,
    FramedContent,
    MLSMessage,
    PreSharedKeyID,
    Proposal,
    PSKType,
    ResumptionPSKUsage,
    Sender,
    SenderType,
)
from crypto.messages.key_package import KeyPackageBundle, make_key_package
from crypto.suites import get_suite

from ._stubs import pb, pb_grpc

__all__ = ["NAME", "SUPPORTED_SUITES", "CorridorClient", "serve"]

NAME = "corridor"
SUPPORTED_SUITES = (1, 3)
_PRIOR_EPOCHS = 3  # past epochs kept per state, for Unprotect only
_LIFETIME = (0, 2**64 - 1)

T = TypeVar("T")


def _accept(_credential: Credential, _key: bytes) -> None:
    """The interop harness uses basic credentials and trusts every identity."""


def _now() -> int:
    return int(time.time())


@dataclass
class _State:
    group: Group
    encrypt: bool
    identity: bytes
    signature_private_key: bytes
    prior: list[Group] = field(default_factory=list)  # newest last
    reinit: m.ReInit | None = None  # the ReInit of our pending ReInit commit


@dataclass
class _Transaction:
    bundle: KeyPackageBundle
    identity: bytes
    psks: dict[bytes, bytes] = field(default_factory=dict)


@dataclass
class _ReInit:
    old: Group
    proposal: m.ReInit
    bundle: KeyPackageBundle
    identity: bytes
    encrypt: bool


@dataclass
class _Signer:
    suite_id: int
    signature_private_key: bytes
    credential: Credential


class _Failure(Exception):
    """A request the runner should not have sent (maps to INVALID_ARGUMENT)."""


def _message(data: bytes) -> MLSMessage:
    return MLSMessage.from_bytes(data)


def _key_package(data: bytes) -> m.KeyPackage:
    kp = _message(data).key_package
    if kp is None:
        raise _Failure("not a KeyPackage message")
    return kp


def _group_info(data: bytes) -> m.GroupInfo:
    gi = _message(data).group_info
    if gi is None:
        raise _Failure("not a GroupInfo message")
    return gi


def _extensions(items: Sequence[Any]) -> tuple[Extension, ...]:
    return tuple(Extension(extension_type=e.extension_type,
                           extension_data=bytes(e.extension_data)) for e in items)


def _leaf_of(nodes: Sequence[m.Node | None], identity: bytes) -> int:
    """Leaf index of the member whose basic credential is ``identity``."""
    for i in range(0, len(nodes), 2):
        node = nodes[i]
        if node is not None and node.leaf_node is not None and \
                node.leaf_node.credential.identity == identity:
            return i // 2
    raise _Failure(f"no member {identity!r}")


def _tree_nodes(gi: m.GroupInfo, ratchet_tree: bytes) -> tuple[m.Node | None, ...]:
    if ratchet_tree:
        return m.decode_ratchet_tree(ratchet_tree)
    ext = m.find_extension(gi.extensions, ExtensionType.ratchet_tree)
    if ext is None:
        raise _Failure("no ratchet tree")
    return m.decode_ratchet_tree(ext.extension_data)


def _external_psk(suite_id: int, psk_id: bytes) -> PreSharedKeyID:
    return PreSharedKeyID(psktype=PSKType.external, psk_id=psk_id,
                          psk_nonce=secrets.token_bytes(get_suite(suite_id).nh))


def _resumption_psk(suite_id: int, group_id: bytes, epoch: int) -> PreSharedKeyID:
    return PreSharedKeyID(psktype=PSKType.resumption, usage=ResumptionPSKUsage.application,
                          psk_group_id=group_id, psk_epoch=epoch,
                          psk_nonce=secrets.token_bytes(get_suite(suite_id).nh))


def _rpc(fn: Callable[..., T]) -> Callable[..., T]:
    """Run a handler under the client's lock; map exceptions to gRPC errors."""

    @functools.wraps(fn)
    def wrapper(self: CorridorClient, request: Any, context: grpc.ServicerContext) -> T:
        with self._lock:
            try:
                return fn(self, request)
            except _Failure as exc:
                context.abort(grpc.StatusCode.INVALID_ARGUMENT, str(exc))
            except Exception as exc:
                context.abort(grpc.StatusCode.INTERNAL, f"{type(exc).__name__}: {exc}")
        raise AssertionError("unreachable")  # context.abort raises

    return wrapper


class CorridorClient(pb_grpc.MLSClientServicer):  # type: ignore[misc,name-defined]
    """The servicer: Corridor's ``crypto`` behind the WG's RPCs."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._next_id = 1
        self._states: dict[int, _State] = {}
        self._transactions: dict[int, _Transaction] = {}
        self._reinits: dict[int, _ReInit] = {}
        self._signers: dict[int, _Signer] = {}

    # -- bookkeeping ------------------------------------------------------------------

    def _new_id(self) -> int:
        out = self._next_id
        self._next_id += 1
        return out

    def _store(self, state: _State) -> int:
        sid = self._new_id()
        self._states[sid] = state
        return sid

    def _state(self, sid: int) -> _State:
        try:
            return self._states[sid]
        except KeyError:
            raise _Failure(f"unknown state {sid}") from None

    @staticmethod
    def _merge(st: _State, staged: StagedCommit | None) -> bytes:
        """Merge ``staged`` (None: our pending commit), keeping the old epoch around."""
        st.prior.append(copy.copy(st.group))
        del st.prior[:-_PRIOR_EPOCHS]
        if staged is None:
            st.group.merge_pending_commit()
        else:
            st.group.merge_staged_commit(staged)
        return st.group.epoch_authenticator

    @staticmethod
    def _receive_proposals(st: _State, proposals: Sequence[bytes]) -> list[StoredProposal]:
        out = []
        for raw in proposals:
            result = st.group.process(bytes(raw), now=_now())
            if not isinstance(result, StoredProposal):
                raise _Failure("a by-reference message is not a proposal")
            out.append(result)
        return out

    @staticmethod
    def _signature_key(suite_id: int) -> bytes:
        priv, _pub = get_suite(suite_id).generate_signature_key_pair()
        return priv

    def _handle_commit(self, st: _State, proposals: Sequence[bytes], commit: bytes) -> bytes:
        self._receive_proposals(st, proposals)
        staged = st.group.process(commit, now=_now())
        if not isinstance(staged, StagedCommit):
            raise _Failure("not a commit")
        for p in staged.proposals:
            if isinstance(p.body, m.ReInit):
                st.reinit = p.body
        return self._merge(st, staged)

    def _start_reinit(self, st: _State) -> tuple[int, bytes]:
        if st.reinit is None:
            raise _Failure("the commit had no ReInit")
        suite_id = st.reinit.cipher_suite
        sig = self._signature_key(suite_id)
        bundle = make_key_package(suite_id, Credential.basic(st.identity), sig,
                                  lifetime=_LIFETIME)
        rid = self._new_id()
        self._reinits[rid] = _ReInit(st.group, st.reinit, bundle, st.identity, st.encrypt)
        return rid, MLSMessage.of(bundle.key_package).to_bytes()

    # -- information ------------------------------------------------------------------

    @_rpc
    def Name(self, request: Any) -> Any:
        return pb.NameResponse(name=NAME)

    @_rpc
    def SupportedCiphersuites(self, request: Any) -> Any:
        return pb.SupportedCiphersuitesResponse(ciphersuites=list(SUPPORTED_SUITES))

    # -- becoming a member ------------------------------------------------------------

    @_rpc
    def CreateGroup(self, request: Any) -> Any:
        identity = bytes(request.identity)
        sig = self._signature_key(request.cipher_suite)
        group = Group.create(request.cipher_suite, bytes(request.group_id),
                             Credential.basic(identity), sig, credential_validator=_accept)
        sid = self._store(_State(group, request.encrypt_handshake, identity, sig))
        return pb.CreateGroupResponse(state_id=sid)

    def _new_transaction(self, suite_id: int, identity: bytes) -> tuple[int, _Transaction]:
        sig = self._signature_key(suite_id)
        bundle = make_key_package(suite_id, Credential.basic(identity), sig,
                                  lifetime=_LIFETIME)
        tid = self._new_id()
        tx = _Transaction(bundle, identity)
        self._transactions[tid] = tx
        return tid, tx

    @_rpc
    def CreateKeyPackage(self, request: Any) -> Any:
        tid, tx = self._new_transaction(request.cipher_suite, bytes(request.identity))
        b = tx.bundle
        return pb.CreateKeyPackageResponse(
            transaction_id=tid, key_package=MLSMessage.of(b.key_package).to_bytes(),
            init_priv=b.init_private_key, encryption_priv=b.encryption_private_key,
            signature_priv=b.signature_private_key)

    def _transaction(self, tid: int) -> _Transaction:
        try:
            return self._transactions[tid]
        except KeyError:
            raise _Failure(f"unknown transaction {tid}") from None

    @_rpc
    def JoinGroup(self, request: Any) -> Any:
        tx = self._transaction(request.transaction_id)
        group = Group.join(bytes(request.welcome), tx.bundle,
                           ratchet_tree=bytes(request.ratchet_tree) or None,
                           credential_validator=_accept, now=_now(), external_psks=tx.psks)
        sid = self._store(_State(group, request.encrypt_handshake, tx.identity,
                                 tx.bundle.signature_private_key))
        return pb.JoinGroupResponse(state_id=sid,
                                    epoch_authenticator=group.epoch_authenticator)

    @_rpc
    def ExternalJoin(self, request: Any) -> Any:
        gi = _group_info(bytes(request.group_info))
        suite_id = gi.group_context.cipher_suite
        identity = bytes(request.identity)
        remove = None
        if request.remove_prior:
            remove = _leaf_of(_tree_nodes(gi, bytes(request.ratchet_tree)), identity)
        psks = [(_external_psk(suite_id, bytes(p.psk_id)), bytes(p.psk_secret))
                for p in request.psks]
        sig = self._signature_key(suite_id)
        group, commit = Group.join_external(
            bytes(request.group_info), Credential.basic(identity), sig,
            ratchet_tree=bytes(request.ratchet_tree) or None, credential_validator=_accept,
            remove=remove, psks=psks)
        sid = self._store(_State(group, request.encrypt_handshake, identity, sig))
        return pb.ExternalJoinResponse(state_id=sid, commit=commit,
                                       epoch_authenticator=group.epoch_authenticator)

    # -- state ------------------------------------------------------------------------

    @_rpc
    def GroupInfo(self, request: Any) -> Any:
        st = self._state(request.state_id)
        external = request.external_tree
        gi = st.group.group_info(with_ratchet_tree=not external)
        tree = st.group.ratchet_tree() if external else b""
        return pb.GroupInfoResponse(group_info=gi, ratchet_tree=tree)

    @_rpc
    def StateAuth(self, request: Any) -> Any:
        st = self._state(request.state_id)
        return pb.StateAuthResponse(state_auth_secret=st.group.epoch_authenticator)

    @_rpc
    def Export(self, request: Any) -> Any:
        st = self._state(request.state_id)
        out = st.group.export_secret(request.label, bytes(request.context),
                                     request.key_length)
        return pb.ExportResponse(exported_secret=out)

    @_rpc
    def Protect(self, request: Any) -> Any:
        st = self._state(request.state_id)
        ct = st.group.encrypt_application(bytes(request.plaintext),
                                          authenticated_data=bytes(request.authenticated_data))
        return pb.ProtectResponse(ciphertext=ct)

    @_rpc
    def Unprotect(self, request: Any) -> Any:
        st = self._state(request.state_id)
        data = bytes(request.ciphertext)
        msg = _message(data)
        epoch = msg.private_message.epoch if msg.private_message is not None else None
        group = next((g for g in [st.group, *reversed(st.prior)] if g.epoch == epoch),
                     st.group)
        result = group.process(data, now=_now())
        if not isinstance(result, ApplicationMessage):
            raise _Failure("not an application message")
        return pb.UnprotectResponse(authenticated_data=result.authenticated_data,
                                    plaintext=result.data)

    @_rpc
    def StorePSK(self, request: Any) -> Any:
        oid = request.state_or_transaction_id
        psk_id, secret = bytes(request.psk_id), bytes(request.psk_secret)
        if oid in self._states:
            self._states[oid].group.add_external_psk(psk_id, secret)
        elif oid in self._transactions:
            self._transactions[oid].psks[psk_id] = secret
        else:
            raise _Failure(f"unknown state or transaction {oid}")
        return pb.StorePSKResponse()

    # -- proposals --------------------------------------------------------------------

    @_rpc
    def AddProposal(self, request: Any) -> Any:
        st = self._state(request.state_id)
        msg = st.group.propose_add(_key_package(bytes(request.key_package)),
                                   handshake_encrypted=st.encrypt, now=_now())
        return pb.ProposalResponse(proposal=msg)

    @_rpc
    def UpdateProposal(self, request: Any) -> Any:
        st = self._state(request.state_id)
        return pb.ProposalResponse(proposal=st.group.propose_update(
            handshake_encrypted=st.encrypt))

    def _member_leaf(self, st: _State, identity: bytes) -> int:
        for member in st.group.members():
            if member.credential.identity == identity:
                return member.leaf_index
        raise _Failure(f"no member {identity!r}")

    @_rpc
    def RemoveProposal(self, request: Any) -> Any:
        st = self._state(request.state_id)
        leaf = self._member_leaf(st, bytes(request.removed_id))
        return pb.ProposalResponse(proposal=st.group.propose_remove(
            leaf, handshake_encrypted=st.encrypt))

    @_rpc
    def ExternalPSKProposal(self, request: Any) -> Any:
        st = self._state(request.state_id)
        pid = _external_psk(st.group.cipher_suite, bytes(request.psk_id))
        return pb.ProposalResponse(proposal=st.group.propose_psk(
            pid, handshake_encrypted=st.encrypt))

    @_rpc
    def ResumptionPSKProposal(self, request: Any) -> Any:
        st = self._state(request.state_id)
        g = st.group
        pid = _resumption_psk(g.cipher_suite, g.group_id, request.epoch_id)
        return pb.ProposalResponse(proposal=g.propose_psk(pid, handshake_encrypted=st.encrypt))

    @_rpc
    def GroupContextExtensionsProposal(self, request: Any) -> Any:
        st = self._state(request.state_id)
        return pb.ProposalResponse(proposal=st.group.propose_group_context_extensions(
            _extensions(request.extensions), handshake_encrypted=st.encrypt))

    # -- commits ----------------------------------------------------------------------

    @_rpc
    def Commit(self, request: Any) -> Any:
        st = self._state(request.state_id)
        g = st.group
        refs = [p.ref for p in self._receive_proposals(st, request.by_reference)]
        add: list[m.KeyPackage] = []
        remove: list[int] = []
        psks: list[PreSharedKeyID] = []
        gce: tuple[Extension, ...] | None = None
        for d in request.by_value:
            kind = bytes(d.proposal_type).decode()
            if kind == "add":
                add.append(_key_package(bytes(d.key_package)))
            elif kind == "remove":
                remove.append(self._member_leaf(st, bytes(d.removed_id)))
            elif kind == "externalPSK":
                psks.append(_external_psk(g.cipher_suite, bytes(d.psk_id)))
            elif kind == "resumptionPSK":
                psks.append(_resumption_psk(g.cipher_suite, g.group_id, d.epoch_id))
            elif kind == "groupContextExtensions":
                gce = _extensions(d.extensions)
            else:
                raise _Failure(f"cannot commit a {kind} proposal by value")
        out = g.commit(add=add, remove=remove, psks=psks, group_context_extensions=gce,
                       proposal_refs=refs, update_path=request.force_path,
                       handshake_encrypted=st.encrypt,
                       ratchet_tree_in_welcome=not request.external_tree, now=_now())
        tree = b""
        if request.external_tree:  # the new epoch's tree: merge on a throwaway copy
            ahead = copy.copy(g)
            ahead.merge_pending_commit()
            tree = ahead.ratchet_tree()
        return pb.CommitResponse(commit=out.message, welcome=out.welcome or b"",
                                 ratchet_tree=tree)

    @_rpc
    def HandleCommit(self, request: Any) -> Any:
        st = self._state(request.state_id)
        auth = self._handle_commit(st, request.proposal, bytes(request.commit))
        return pb.HandleCommitResponse(state_id=request.state_id, epoch_authenticator=auth)

    @_rpc
    def HandlePendingCommit(self, request: Any) -> Any:
        st = self._state(request.state_id)
        auth = self._merge(st, None)
        return pb.HandleCommitResponse(state_id=request.state_id, epoch_authenticator=auth)

    # -- reinit -----------------------------------------------------------------------

    @_rpc
    def ReInitProposal(self, request: Any) -> Any:
        st = self._state(request.state_id)
        return pb.ProposalResponse(proposal=st.group.propose_reinit(
            bytes(request.group_id), request.cipher_suite, _extensions(request.extensions),
            handshake_encrypted=st.encrypt))

    @_rpc
    def ReInitCommit(self, request: Any) -> Any:
        st = self._state(request.state_id)
        stored = self._receive_proposals(st, request.by_reference)
        reinits = [s.proposal.body for s in stored if isinstance(s.proposal.body, m.ReInit)]
        if len(reinits) != 1:
            raise _Failure("ReInitCommit needs exactly one ReInit proposal")
        out = st.group.commit(proposal_refs=[s.ref for s in stored],
                              update_path=request.force_path, handshake_encrypted=st.encrypt,
                              now=_now())
        st.reinit = reinits[0]
        return pb.CommitResponse(commit=out.message)

    @_rpc
    def HandlePendingReInitCommit(self, request: Any) -> Any:
        st = self._state(request.state_id)
        auth = self._merge(st, None)
        rid, kp = self._start_reinit(st)
        return pb.HandleReInitCommitResponse(reinit_id=rid, key_package=kp,
                                             epoch_authenticator=auth)

    @_rpc
    def HandleReInitCommit(self, request: Any) -> Any:
        st = self._state(request.state_id)
        auth = self._handle_commit(st, request.proposal, bytes(request.commit))
        rid, kp = self._start_reinit(st)
        return pb.HandleReInitCommitResponse(reinit_id=rid, key_package=kp,
                                             epoch_authenticator=auth)

    def _reinit(self, rid: int) -> _ReInit:
        try:
            return self._reinits[rid]
        except KeyError:
            raise _Failure(f"unknown reinit {rid}") from None

    @_rpc
    def ReInitWelcome(self, request: Any) -> Any:
        ri = self._reinit(request.reinit_id)
        p = ri.proposal
        group, out = Group.resume(
            ri.old, ResumptionPSKUsage.reinit,
            [_key_package(bytes(k)) for k in request.key_package],
            suite_id=p.cipher_suite, group_id=p.group_id,
            credential=Credential.basic(ri.identity),
            signature_private_key=ri.bundle.signature_private_key, extensions=p.extensions,
            update_path=request.force_path, handshake_encrypted=ri.encrypt,
            ratchet_tree_in_welcome=not request.external_tree,
            credential_validator=_accept, now=_now())
        sid = self._store(_State(group, ri.encrypt, ri.identity,
                                 ri.bundle.signature_private_key))
        return pb.CreateSubgroupResponse(
            state_id=sid, welcome=out.welcome or b"",
            ratchet_tree=group.ratchet_tree() if request.external_tree else b"",
            epoch_authenticator=group.epoch_authenticator)

    @_rpc
    def HandleReInitWelcome(self, request: Any) -> Any:
        ri = self._reinit(request.reinit_id)
        group = Group.join(bytes(request.welcome), ri.bundle,
                           ratchet_tree=bytes(request.ratchet_tree) or None,
                           credential_validator=_accept, now=_now(),
                           resumption_psks={(ri.old.group_id, ri.old.epoch):
                                            ri.old.resumption_psk()})
        sid = self._store(_State(group, ri.encrypt, ri.identity,
                                 ri.bundle.signature_private_key))
        return pb.JoinGroupResponse(state_id=sid,
                                    epoch_authenticator=group.epoch_authenticator)

    # -- branch -----------------------------------------------------------------------

    @_rpc
    def CreateBranch(self, request: Any) -> Any:
        st = self._state(request.state_id)
        g = st.group
        group, out = Group.resume(
            g, ResumptionPSKUsage.branch,
            [_key_package(bytes(k)) for k in request.key_packages],
            suite_id=g.cipher_suite, group_id=bytes(request.group_id),
            credential=Credential.basic(st.identity),
            signature_private_key=st.signature_private_key,
            extensions=_extensions(request.extensions), update_path=request.force_path,
            handshake_encrypted=st.encrypt, ratchet_tree_in_welcome=not request.external_tree,
            credential_validator=_accept, now=_now())
        sid = self._store(_State(group, st.encrypt, st.identity, st.signature_private_key))
        return pb.CreateSubgroupResponse(
            state_id=sid, welcome=out.welcome or b"",
            ratchet_tree=group.ratchet_tree() if request.external_tree else b"",
            epoch_authenticator=group.epoch_authenticator)

    @_rpc
    def HandleBranch(self, request: Any) -> Any:
        st = self._state(request.state_id)
        tx = self._transaction(request.transaction_id)
        g = st.group
        group = Group.join(bytes(request.welcome), tx.bundle,
                           ratchet_tree=bytes(request.ratchet_tree) or None,
                           credential_validator=_accept, now=_now(), external_psks=tx.psks,
                           resumption_psks={(g.group_id, g.epoch): g.resumption_psk()})
        sid = self._store(_State(group, st.encrypt, tx.identity,
                                 tx.bundle.signature_private_key))
        return pb.HandleBranchResponse(state_id=sid,
                                       epoch_authenticator=group.epoch_authenticator)

    # -- external proposals -----------------------------------------------------------

    @_rpc
    def NewMemberAddProposal(self, request: Any) -> Any:
        gi = _group_info(bytes(request.group_info))
        ctx = gi.group_context
        tid, tx = self._new_transaction(ctx.cipher_suite, bytes(request.identity))
        b = tx.bundle
        content = FramedContent(
            group_id=ctx.group_id, epoch=ctx.epoch,
            sender=Sender(sender_type=SenderType.new_member_proposal),
            content_type=ContentType.proposal,
            proposal=Proposal.of(m.Add(key_package=b.key_package)))
        pub = framing.protect_public(get_suite(ctx.cipher_suite), content,
                                     signature_key=b.signature_private_key, context=ctx,
                                     membership_key=None)
        return pb.NewMemberAddProposalResponse(
            transaction_id=tid, proposal=MLSMessage.of(pub).to_bytes(),
            init_priv=b.init_private_key, encryption_priv=b.encryption_private_key,
            signature_priv=b.signature_private_key)

    @_rpc
    def CreateExternalSigner(self, request: Any) -> Any:
        sig = self._signature_key(request.cipher_suite)
        cred = Credential.basic(bytes(request.identity))
        signer_id = self._new_id()
        self._signers[signer_id] = _Signer(request.cipher_suite, sig, cred)
        sender = m.ExternalSender(
            signature_key=get_suite(request.cipher_suite).signature_public_key(sig),
            credential=cred)
        return pb.CreateExternalSignerResponse(signer_id=signer_id,
                                               external_sender=sender.to_bytes())

    @_rpc
    def AddExternalSigner(self, request: Any) -> Any:
        st = self._state(request.state_id)
        new = m.ExternalSender.from_bytes(bytes(request.external_sender))
        exts = list(st.group.extensions)
        pos = next((i for i, e in enumerate(exts)
                    if e.extension_type == ExtensionType.external_senders), None)
        if pos is None:
            exts.append(m.encode_external_senders([new]))
        else:
            senders = m.decode_external_senders(exts[pos].extension_data)
            exts[pos] = m.encode_external_senders([*senders, new])
        return pb.ProposalResponse(proposal=st.group.propose_group_context_extensions(
            exts, handshake_encrypted=st.encrypt))

    @_rpc
    def ExternalSignerProposal(self, request: Any) -> Any:
        try:
            signer = self._signers[request.signer_id]
        except KeyError:
            raise _Failure(f"unknown signer {request.signer_id}") from None
        gi = _group_info(bytes(request.group_info))
        ctx = gi.group_context
        suite = get_suite(ctx.cipher_suite)
        ext = m.find_extension(ctx.extensions, ExtensionType.external_senders)
        if ext is None:
            raise _Failure("the group has no external senders")
        senders = m.decode_external_senders(ext.extension_data)
        public = suite.signature_public_key(signer.signature_private_key)
        index = next((i for i, s in enumerate(senders) if s.signature_key == public), None)
        if index is None:
            raise _Failure("this signer is not an external sender of the group")
        d = request.description
        kind = bytes(d.proposal_type).decode()
        body: m.ProposalBody
        if kind == "add":
            body = m.Add(key_package=_key_package(bytes(d.key_package)))
        elif kind == "remove":
            nodes = _tree_nodes(gi, bytes(request.ratchet_tree))
            body = m.Remove(removed=_leaf_of(nodes, bytes(d.removed_id)))
        elif kind == "externalPSK":
            body = m.PreSharedKey(psk=_external_psk(suite.id, bytes(d.psk_id)))
        elif kind == "resumptionPSK":
            body = m.PreSharedKey(psk=_resumption_psk(suite.id, ctx.group_id, d.epoch_id))
        elif kind == "groupContextExtensions":
            body = m.GroupContextExtensions(extensions=_extensions(d.extensions))
        elif kind == "reinit":
            body = m.ReInit(group_id=bytes(d.group_id), cipher_suite=d.cipher_suite,
                            extensions=_extensions(d.extensions))
        else:
            raise _Failure(f"unknown proposal type {kind}")
        content = FramedContent(group_id=ctx.group_id, epoch=ctx.epoch,
                                sender=Sender.external(index),
                                content_type=ContentType.proposal, proposal=Proposal.of(body))
        pub = framing.protect_public(suite, content,
                                     signature_key=signer.signature_private_key, context=ctx,
                                     membership_key=None)
        return pb.ProposalResponse(proposal=MLSMessage.of(pub).to_bytes())

    # -- cleanup ----------------------------------------------------------------------

    @_rpc
    def Free(self, request: Any) -> Any:
        self._states.pop(request.state_id, None)
        return pb.FreeResponse()


def serve(port: int, *, host: str = "127.0.0.1", workers: int = 4) -> grpc.Server:
    """Start the interop server on ``host:port`` (loopback only) and return it."""
    if host not in ("127.0.0.1", "localhost", "::1"):
        raise ValueError("the interop client listens on loopback only")
    server = grpc.server(futures.ThreadPoolExecutor(max_workers=workers),
                         options=[("grpc.max_receive_message_length", 64 << 20),
                                  ("grpc.max_send_message_length", 64 << 20)])
    pb_grpc.add_MLSClientServicer_to_server(CorridorClient(), server)
    bound = server.add_insecure_port(f"{host}:{port}")
    if bound == 0:
        raise OSError(f"cannot listen on {host}:{port}")
    server.start()
    return server
