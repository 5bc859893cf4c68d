# SPDX-License-Identifier: Apache-2.0
"""Checker for ``message-protection.json``: PublicMessage and PrivateMessage (§6)."""

from __future__ import annotations

from crypto.conformance import Case, vector_file
from crypto.errors import UsageError, VerificationError
from crypto.framing import protect_private, protect_public, unprotect_private, unprotect_public
from crypto.messages import (
    AuthenticatedContent,
    Commit,
    ContentType,
    FramedContent,
    GroupContext,
    MLSMessage,
    PrivateMessage,
    Proposal,
    PublicMessage,
    Sender,
)
from crypto.schedule.secret_tree import SecretTree
from crypto.suites import CipherSuite, get_suite

_SENDER = Sender.member(1)


def _h(value: str) -> bytes:
    return bytes.fromhex(value)


def _body(ac: AuthenticatedContent) -> bytes:
    c = ac.content
    if c.content_type == ContentType.application:
        assert c.application_data is not None
        return c.application_data
    if c.content_type == ContentType.proposal:
        assert c.proposal is not None
        return c.proposal.to_bytes()
    assert c.commit is not None
    return c.commit.to_bytes()


def _public(msg: bytes) -> PublicMessage:
    m = MLSMessage.from_bytes(msg).public_message
    if m is None:
        raise VerificationError("not a PublicMessage")
    return m


def _private(msg: bytes) -> PrivateMessage:
    m = MLSMessage.from_bytes(msg).private_message
    if m is None:
        raise VerificationError("not a PrivateMessage")
    return m


def _content(ctx: GroupContext, kind: str, raw: bytes) -> FramedContent:
    group_id, epoch = ctx.group_id, ctx.epoch
    if kind == "application":
        return FramedContent(group_id=group_id, epoch=epoch, sender=_SENDER,
                             content_type=ContentType.application, application_data=raw)
    if kind == "proposal":
        return FramedContent(group_id=group_id, epoch=epoch, sender=_SENDER,
                             content_type=ContentType.proposal,
                             proposal=Proposal.from_bytes(raw))
    return FramedContent(group_id=group_id, epoch=epoch, sender=_SENDER,
                         content_type=ContentType.commit, commit=Commit.from_bytes(raw))


def _check_kind(case: Case, suite: CipherSuite, ctx: GroupContext, kind: str) -> None:
    raw = _h(case[kind])
    sig_priv, sig_pub = _h(case["signature_priv"]), _h(case["signature_pub"])
    membership_key = _h(case["membership_key"])
    sd_secret = _h(case["sender_data_secret"])
    # A commit's confirmation tag is opaque here (its key is the next epoch's).
    tag = suite.mac(b"\x00" * 32, b"test") if kind == "commit" else None
    content = _content(ctx, kind, raw)

    if kind != "application":
        ac = unprotect_public(suite, _public(_h(case[f"{kind}_pub"])), context=ctx,
                              membership_key=membership_key, verification_key=sig_pub)
        if _body(ac) != raw:
            raise VerificationError(f"{kind}_pub does not carry the {kind}")
        mine = protect_public(suite, content, signature_key=sig_priv, context=ctx,
                              membership_key=membership_key, confirmation_tag=tag)
        again = PublicMessage.from_bytes(MLSMessage.of(mine).to_bytes()[4:])
        ac = unprotect_public(suite, again, context=ctx, membership_key=membership_key,
                              verification_key=sig_pub)
        if _body(ac) != raw:
            raise VerificationError(f"protected {kind} PublicMessage does not round-trip")
    else:
        try:
            protect_public(suite, content, signature_key=sig_priv, context=ctx,
                           membership_key=membership_key)
        except UsageError:
            pass
        else:
            raise VerificationError("application data was protected as a PublicMessage")

    tree = SecretTree(suite, _h(case["encryption_secret"]), 2)
    ac = unprotect_private(suite, _private(_h(case[f"{kind}_priv"])), context=ctx,
                           secret_tree=tree, sender_data_secret=sd_secret,
                           verification_key=sig_pub)
    if _body(ac) != raw:
        raise VerificationError(f"{kind}_priv does not carry the {kind}")

    sender_tree = SecretTree(suite, _h(case["encryption_secret"]), 2)
    receiver_tree = SecretTree(suite, _h(case["encryption_secret"]), 2)
    mine_priv = protect_private(suite, content, signature_key=sig_priv, context=ctx,
                                secret_tree=sender_tree, sender_data_secret=sd_secret,
                                confirmation_tag=tag)
    wire = MLSMessage.of(mine_priv).to_bytes()
    ac = unprotect_private(suite, _private(wire), context=ctx, secret_tree=receiver_tree,
                           sender_data_secret=sd_secret, verification_key=sig_pub)
    if _body(ac) != raw:
        raise VerificationError(f"protected {kind} PrivateMessage does not round-trip")


@vector_file("message-protection.json")
def check(case: Case) -> None:
    suite = get_suite(case["cipher_suite"])
    ctx = GroupContext(cipher_suite=suite.id, group_id=_h(case["group_id"]),
                       epoch=case["epoch"], tree_hash=_h(case["tree_hash"]),
                       confirmed_transcript_hash=_h(case["confirmed_transcript_hash"]))
    for kind in ("proposal", "commit", "application"):
        _check_kind(case, suite, ctx, kind)
