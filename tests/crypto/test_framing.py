# SPDX-License-Identifier: Apache-2.0
"""PublicMessage/PrivateMessage protection: vectors, round trips and every forgery."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path
from typing import Any

import pytest

from crypto.codec import encode_varint
from crypto.conformance.check_message_protection import check as check_vector
from crypto.errors import (
    DecodeError,
    EpochError,
    GenerationError,
    ProtocolError,
    ReplayError,
    UsageError,
    VerificationError,
)
from crypto.framing import (
    decrypt_sender_data,
    protect_private,
    protect_public,
    unprotect_private,
    unprotect_public,
)
from crypto.framing.private import _content_aad, _guard
from crypto.messages import (
    ContentType,
    FramedContent,
    FramedContentAuthData,
    GroupContext,
    MLSMessage,
    PrivateMessage,
    Proposal,
    PublicMessage,
    Remove,
    Sender,
)
from crypto.schedule.secret_tree import RatchetType, SecretTree, sender_data_key_nonce
from crypto.suites import SUITES, get_suite

CASES = [c for c in json.loads((Path(__file__).resolve().parents[1] / "vectors"
                                / "message-protection.json").read_text())
         if c["cipher_suite"] in SUITES]


@pytest.mark.parametrize("case", CASES, ids=lambda c: str(c["cipher_suite"]))
def test_message_protection_vectors(case: dict[str, Any]) -> None:
    check_vector(case)


class Group:
    """Two members (leaves 0 and 1) sharing one epoch's secrets."""

    def __init__(self, suite_id: int = 3) -> None:
        self.suite = get_suite(suite_id)
        self.sk, self.pk = self.suite.generate_signature_key_pair(lambda n: b"\x11" * n)
        self.other_sk, self.other_pk = self.suite.generate_signature_key_pair(
            lambda n: b"\x22" * n)
        self.ctx = GroupContext(cipher_suite=suite_id, group_id=b"group", epoch=4,
                                tree_hash=b"t" * 32, confirmed_transcript_hash=b"c" * 32)
        self.enc_secret, self.sd_secret, self.membership = b"e" * 32, b"s" * 32, b"m" * 32
        self.sender_tree = SecretTree(self.suite, self.enc_secret, 2, max_forward=50)
        self.receiver_tree = SecretTree(self.suite, self.enc_secret, 2, max_forward=50)

    def app(self, data: bytes = b"hello", **kw: Any) -> FramedContent:
        fields: dict[str, Any] = {"group_id": self.ctx.group_id, "epoch": self.ctx.epoch,
                                  "sender": Sender.member(1),
                                  "content_type": ContentType.application,
                                  "application_data": data}
        fields.update(kw)
        return FramedContent(**fields)

    def proposal(self) -> FramedContent:
        return FramedContent(group_id=self.ctx.group_id, epoch=self.ctx.epoch,
                             sender=Sender.member(1), content_type=ContentType.proposal,
                             proposal=_remove_proposal())

    def send(self, content: FramedContent | None = None, **kw: Any) -> PrivateMessage:
        return protect_private(self.suite, content or self.app(), signature_key=self.sk,
                               context=self.ctx, secret_tree=self.sender_tree,
                               sender_data_secret=self.sd_secret, **kw)

    def receive(self, msg: PrivateMessage, **kw: Any) -> bytes | None:
        args: dict[str, Any] = {"context": self.ctx, "secret_tree": self.receiver_tree,
                                "sender_data_secret": self.sd_secret,
                                "verification_key": self.pk}
        args.update(kw)
        return unprotect_private(self.suite, msg, **args).content.application_data


def _remove_proposal() -> Proposal:
    return Proposal.of(Remove(removed=0))


@pytest.mark.parametrize("suite_id", [1, 3])
def test_private_round_trip_with_padding(suite_id: int) -> None:
    g = Group(suite_id)
    m1 = g.send(padding=100)
    m2 = g.send(g.app(b"second", authenticated_data=b"ad"))
    assert len(m1.ciphertext) > len(m2.ciphertext) + 90
    wire = MLSMessage.of(m1).to_bytes()
    again = MLSMessage.from_bytes(wire).private_message
    assert again is not None
    assert g.receive(again) == b"hello"
    assert g.receive(m2) == b"second"
    assert b"hello" not in wire


def _state(g: Group) -> tuple[int, int]:
    return (g.receiver_tree.next_generation(1, RatchetType.APPLICATION),
            g.receiver_tree.skipped_count(1, RatchetType.APPLICATION))


def _flip(data: bytes, i: int = 0) -> bytes:
    return data[:i] + bytes([data[i] ^ 1]) + data[i + 1:]


def test_tampering_is_rejected_without_state_change() -> None:
    g = Group()
    msg = g.send()
    before = _state(g)
    forgeries = [
        (dataclasses.replace(msg, ciphertext=_flip(msg.ciphertext, 40)), VerificationError),
        (dataclasses.replace(msg, ciphertext=msg.ciphertext[:-1]), VerificationError),
        (dataclasses.replace(msg, encrypted_sender_data=_flip(msg.encrypted_sender_data)),
         VerificationError),
        (dataclasses.replace(msg, encrypted_sender_data=msg.encrypted_sender_data[:5]),
         VerificationError),
        (dataclasses.replace(msg, authenticated_data=b"x"), VerificationError),
        (dataclasses.replace(msg, content_type=ContentType.proposal), VerificationError),
        (dataclasses.replace(msg, epoch=5), EpochError),
        (dataclasses.replace(msg, group_id=b"other"), ProtocolError),
    ]
    for forged, error in forgeries:
        with pytest.raises(error):
            g.receive(forged)
        assert _state(g) == before
    with pytest.raises(VerificationError):  # right keys, wrong signer
        g.receive(msg, verification_key=g.other_pk)
    assert _state(g) == before
    assert g.receive(msg) == b"hello"  # the key survived every failure
    with pytest.raises(ReplayError):
        g.receive(msg)


def test_forged_signature_by_member_with_valid_keys() -> None:
    g = Group()
    msg = protect_private(g.suite, g.app(), signature_key=g.other_sk, context=g.ctx,
                          secret_tree=g.sender_tree, sender_data_secret=g.sd_secret)
    with pytest.raises(VerificationError):
        g.receive(msg)
    assert _state(g) == (0, 0)
    # The signature covers the GroupContext: another context's signature fails too.
    other_ctx = dataclasses.replace(g.ctx, tree_hash=b"u" * 32)
    msg2 = protect_private(g.suite, g.app(), signature_key=g.sk, context=other_ctx,
                           secret_tree=g.sender_tree, sender_data_secret=g.sd_secret)
    with pytest.raises(VerificationError):
        g.receive(msg2)


def test_reordered_within_window_and_beyond() -> None:
    g = Group()
    msgs = [g.send(g.app(bytes([i]))) for i in range(5)]
    for i in (3, 0, 4, 1, 2):
        assert g.receive(msgs[i]) == bytes([i])
    for m in msgs:
        with pytest.raises(ReplayError):
            g.receive(m)
    for _ in range(60):
        far = g.send()
    with pytest.raises(GenerationError):
        g.receive(far)
    assert _state(g) == (5, 0)


def _raw_private(g: Group, plaintext: bytes, leaf: int = 1) -> PrivateMessage:
    """A PrivateMessage around arbitrary plaintext, sealed with the real keys."""
    rk = g.sender_tree.next_key(leaf, RatchetType.APPLICATION)
    guard = b"\x00\x00\x00\x01"
    aad = _content_aad(g.ctx.group_id, g.ctx.epoch, ContentType.application, b"")
    ct = g.suite.aead_seal(rk.key, _guard(rk.nonce, guard), aad, plaintext)
    key, nonce = sender_data_key_nonce(g.suite, g.sd_secret, ct)
    sd_aad = encode_varint(len(g.ctx.group_id)) + g.ctx.group_id + \
        g.ctx.epoch.to_bytes(8, "big") + bytes((ContentType.application,))
    sd = leaf.to_bytes(4, "big") + rk.generation.to_bytes(4, "big") + guard
    return PrivateMessage(group_id=g.ctx.group_id, epoch=g.ctx.epoch,
                          content_type=ContentType.application,
                          encrypted_sender_data=g.suite.aead_seal(key, nonce, sd_aad, sd),
                          ciphertext=ct)


def test_malformed_plaintext_is_decode_error() -> None:
    g = Group()
    sig = b"\x40\x40" + b"s" * 64
    with pytest.raises(DecodeError):  # non-zero padding
        g.receive(_raw_private(g, b"\x02hi" + sig + b"\x00\x01"))
    with pytest.raises(DecodeError):  # truncated signature
        g.receive(_raw_private(g, b"\x02hi" + sig[:10]))
    assert _state(g) == (0, 0)


def test_sender_outside_tree_is_protocol_error() -> None:
    g = Group()
    big = SecretTree(g.suite, g.enc_secret, 4)
    g.sender_tree = big
    msg = _raw_private(g, b"\x02hi\x00", leaf=3)
    with pytest.raises(ProtocolError):
        g.receive(msg)
    sd = decrypt_sender_data(g.suite, msg, g.sd_secret)
    assert sd.leaf_index == 3


def test_truncated_wire_bytes() -> None:
    g = Group()
    wire = MLSMessage.of(g.send()).to_bytes()
    for n in (0, 3, 10, len(wire) - 1):
        with pytest.raises(DecodeError):
            MLSMessage.from_bytes(wire[:n])


def test_public_message_membership_tag_and_signature() -> None:
    g = Group()
    content = g.proposal()
    pub = protect_public(g.suite, content, signature_key=g.sk, context=g.ctx,
                         membership_key=g.membership)
    got = unprotect_public(g.suite, pub, context=g.ctx, membership_key=g.membership,
                           verification_key=lambda sender: g.pk)
    assert got.content == content
    assert pub.membership_tag is not None
    bad_tag = dataclasses.replace(pub, membership_tag=_flip(pub.membership_tag))
    bad_sig = dataclasses.replace(
        pub, auth=FramedContentAuthData(signature=_flip(pub.auth.signature)))
    for forged, key in ((bad_tag, g.membership), (pub, b"M" * 32), (bad_sig, g.membership)):
        with pytest.raises(VerificationError):
            unprotect_public(g.suite, forged, context=g.ctx, membership_key=key,
                             verification_key=g.pk)
    with pytest.raises(VerificationError):
        unprotect_public(g.suite, pub, context=g.ctx, membership_key=g.membership,
                         verification_key=g.other_pk)
    with pytest.raises(EpochError):
        unprotect_public(g.suite, pub, context=dataclasses.replace(g.ctx, epoch=5),
                         membership_key=g.membership, verification_key=g.pk)


def test_application_data_never_public() -> None:
    g = Group()
    with pytest.raises(UsageError):
        protect_public(g.suite, g.app(), signature_key=g.sk, context=g.ctx,
                       membership_key=g.membership)
    forged = PublicMessage(content=g.app(), auth=FramedContentAuthData(signature=b"x" * 64),
                           membership_tag=b"t" * 32)
    with pytest.raises(ProtocolError):
        unprotect_public(g.suite, forged, context=g.ctx, membership_key=g.membership,
                         verification_key=g.pk)


def test_usage_errors() -> None:
    g = Group()
    with pytest.raises(UsageError):  # confirmation tag on a non-commit
        g.send(confirmation_tag=b"t" * 32)
    with pytest.raises(UsageError):
        g.send(g.app(epoch=9))
    with pytest.raises(UsageError):
        g.send(padding=-1)
    ext = FramedContent(group_id=b"group", epoch=4, sender=Sender.external(0),
                        content_type=ContentType.proposal, proposal=_remove_proposal())
    with pytest.raises(UsageError):
        g.send(ext)
