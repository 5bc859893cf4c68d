# SPDX-License-Identifier: Apache-2.0
"""The group's state holder and read side: accessors, GroupInfo, and framing of
outgoing and incoming messages under the current epoch's keys.
"""

from __future__ import annotations

import itertools
import secrets
from collections.abc import Sequence

from crypto import framing
from crypto import messages as m
from crypto.errors import EpochError, ProtocolError, UsageError
from crypto.framing.deferred import DeferredSignatures
from crypto.group.public_commit import sender_signature_key
from crypto.group.state import (
    COMMIT_REF_EXTENSION,
    CommitOutput,
    GroupConfig,
    Member,
    Rng,
    StagedCommit,
    StoredProposal,
    _member,
    _State,
)
from crypto.group.validation import IdentityLike, IdentityProvider, identity_provider
from crypto.messages import (
    AuthenticatedContent,
    Extension,
    ExtensionType,
    FramedContent,
    FramedContentAuthData,
    GroupInfo,
    MLSMessage,
    SenderData,
    WireFormat,
)

#: Process-wide, so that no two Group objects ever share a serial: a caller that
#: remembers the serial it saved cannot mistake another group object for it.
_SERIALS = itertools.count(1)


class _GroupBase:
    """State, identity and pending commit of one member's group; framing.

    ``_state`` and ``_pending`` are properties: every assignment moves
    :attr:`epoch_part_serial`. The application-message paths alone swap the state
    through :meth:`_swap_ratchets`, which does not (they change secret trees only).
    """

    __slots__ = ("_deferred", "_identity", "_part", "_pend", "_serial", "_st",
                 "welcome_extensions")

    def __init__(self, state: _State, identity: IdentityLike) -> None:
        self._serial = 0
        #: (serial, digest) of the last epoch part written or read at that serial
        self._part: tuple[int, bytes] | None = None
        self._state = state
        #: signature checks of messages this group opened and not yet run (their keys
        #: are deleted in memory): the state must not persist until they pass
        self._deferred: DeferredSignatures | None = None
        self._identity: IdentityProvider = identity_provider(identity)
        self._pending = None
        #: the GroupInfo extensions of the Welcome this group was joined from (only
        #: right after :meth:`join`; not kept by :meth:`to_bytes`)
        self.welcome_extensions: tuple[Extension, ...] = ()

    @property
    def _state(self) -> _State:
        return self._st

    @_state.setter
    def _state(self, state: _State) -> None:
        self._st = state
        self._serial = next(_SERIALS)

    @property
    def _pending(self) -> tuple[bytes, CommitOutput, StagedCommit] | None:
        return self._pend

    @_pending.setter
    def _pending(self, pending: tuple[bytes, CommitOutput, StagedCommit] | None) -> None:
        self._pend = pending
        self._serial = next(_SERIALS)

    def _swap_ratchets(self, state: _State) -> None:
        """Take ``state``, a copy of the current one whose secret trees alone differ
        (an application message opened), keeping the serial."""
        self._st = state

    @property
    def epoch_part_serial(self) -> int:
        """Moves on every change other than an application message's encryption or
        decryption (which change the secret trees only): while it stays, the epoch
        part (:meth:`Group.epoch_part`) is unchanged and needs no new save."""
        return self._serial

    def _touch(self) -> None:
        """An in-place change of the epoch part."""
        self._serial = next(_SERIALS)

    def _defer_to(self, deferred: DeferredSignatures) -> None:
        if self._deferred is not None and self._deferred is not deferred \
                and not self._deferred.settled:
            raise UsageError("earlier deferred signature checks are not settled")
        self._deferred = deferred

    def _check_settled(self) -> None:
        """Refuse to hand out state that used keys of messages not yet authenticated."""
        if self._deferred is not None:
            if not self._deferred.settled:
                raise UsageError("messages opened with deferred signature checks are "
                                 "not all checked: this state must not be kept")
            self._deferred = None

    def __repr__(self) -> str:
        s = self._state
        return (f"Group(id={s.context.group_id.hex()[:16]}, epoch={s.context.epoch}, "
                f"leaf={s.own_leaf}, members={s.tree.member_count()})")

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
        self._touch()

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
        return sender_signature_key(state.context, state.tree, pub)

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
