"""The group's performance paths give the same bytes and the same verdicts as the
general ones: application messages (crypto.framing.ApplicationFraming against
protect_private/unprotect_private), the tree-hash cache across to_bytes/from_bytes,
and the per-tree key index used by adds. Nothing here is timed."""

from __future__ import annotations

from dataclasses import replace

import pytest

from crypto import framing
from crypto import messages as m
from crypto.errors import (
    DecodeError,
    EpochError,
    ProtocolError,
    ReplayError,
    UsageError,
    VerificationError,
)
from crypto.group import ApplicationMessage, Group, StagedCommit, make_key_package
from crypto.messages import ContentType, FramedContent, MLSMessage, Sender
from crypto.secret_tree import RatchetType, SecretTree
from crypto.suites import get_suite

NOW = 1_800_000_000


def accept(credential: m.Credential, key: bytes) -> None:
    del credential, key


def kp(name: str, suite_id: int = 3):  # type: ignore[no-untyped-def]
    sig, _pub = get_suite(suite_id).generate_signature_key_pair()
    return make_key_package(suite_id, m.Credential.basic(name.encode()), sig,
                            lifetime=(NOW - 10, NOW + 86400))


def group_of(n: int, suite_id: int = 3) -> list[Group]:
    sig, _ = get_suite(suite_id).generate_signature_key_pair()
    a = Group.create(suite_id, b"fast-%d" % n, m.Credential.basic(b"m0"), sig,
                     credential_validator=accept)
    bundles = [kp(f"m{i}", suite_id) for i in range(1, n)]
    out = a.commit(add=[b.key_package for b in bundles])
    a.merge_pending_commit()
    assert out.welcome is not None
    return [a, *(Group.join(out.welcome, b, credential_validator=accept, now=NOW)
                 for b in bundles)]


def fixed_rng(value: bytes):  # type: ignore[no-untyped-def]
    def rng(n: int) -> bytes:
        assert n == len(value)
        return value
    return rng


# -- application messages ----------------------------------------------------------------


@pytest.mark.parametrize("suite_id", [1, 3])
@pytest.mark.parametrize(("ad", "padding", "size"),
                         [(b"", 0, 0), (b"hdr", 5, 1024), (b"x" * 70, 0, 20000)])
def test_application_bytes_match_protect_private(suite_id: int, ad: bytes, padding: int,
                                                 size: int) -> None:
    a, _b = group_of(2, suite_id)
    st = a._state
    data = bytes(range(256)) * (size // 256) + b"z" * (size % 256)
    # protect_private on a copy of the secret tree, with the same reuse guard.
    tree_copy = st.secret_tree.copy()
    content = FramedContent(group_id=st.context.group_id, epoch=st.context.epoch,
                            sender=Sender.member(st.own_leaf), authenticated_data=ad,
                            content_type=ContentType.application, application_data=data)
    expected = MLSMessage.of(framing.protect_private(
        st.suite, content, signature_key=st.signing_key, context=st.context_bytes,
        secret_tree=tree_copy, sender_data_secret=st.secrets.sender_data_secret,
        padding=padding, rng=fixed_rng(b"\x01\x02\x03\x04"))).to_bytes()
    got = a.encrypt_application(data, authenticated_data=ad, padding=padding,
                                rng=fixed_rng(b"\x01\x02\x03\x04"))
    assert got == expected


@pytest.mark.parametrize("suite_id", [1, 3])
def test_application_open_matches_unprotect_private(suite_id: int) -> None:
    a, b = group_of(2, suite_id)
    msg = a.encrypt_application(b"hello", authenticated_data=b"ad", padding=3)
    st = b._state
    tree_copy = SecretTree.from_bytes(st.suite, st.secret_tree.to_bytes())
    pm = MLSMessage.from_bytes(msg).private_message
    assert pm is not None
    ac = framing.unprotect_private(
        st.suite, pm, context=st.context, secret_tree=tree_copy,
        sender_data_secret=st.secrets.sender_data_secret, verification_key=st.member_key)
    out = b.process(msg, now=NOW)
    assert isinstance(out, ApplicationMessage)
    assert (out.sender_leaf, out.data, out.authenticated_data, out.generation) == (
        ac.content.sender.leaf_index, ac.content.application_data,
        ac.content.authenticated_data, 0)


def _tamper(msg: bytes, at: int) -> bytes:
    return msg[:at] + bytes([msg[at] ^ 1]) + msg[at + 1:]


def test_application_failures_change_nothing() -> None:
    a, b, c = group_of(3)
    msg = a.encrypt_application(b"x" * 100)
    before = b.to_bytes()
    # Any flipped bit in the sender data, ciphertext or header is refused, typed.
    for at in range(4, len(msg), 7):
        with pytest.raises((DecodeError, VerificationError, ProtocolError, EpochError)):
            b.process(_tamper(msg, at), now=NOW)
        assert b.to_bytes() == before
    with pytest.raises(DecodeError):
        b.process(msg + b"\x00", now=NOW)
    with pytest.raises(DecodeError):
        b.process(msg[:-1], now=NOW)
    assert b.to_bytes() == before
    out = b.process(msg, now=NOW)
    assert isinstance(out, ApplicationMessage) and out.data == b"x" * 100
    with pytest.raises(ReplayError):
        b.process(msg, now=NOW)
    # A message signed by another member than the sender data names: bad signature.
    st = c._state
    content = FramedContent(group_id=st.context.group_id, epoch=st.context.epoch,
                            sender=Sender.member(0), content_type=ContentType.application,
                            application_data=b"forged")
    tree = st.secret_tree.copy()
    tree.next_key(0, RatchetType.APPLICATION)  # generation 0 was consumed above
    forged = MLSMessage.of(framing.protect_private(
        st.suite, content, signature_key=st.signing_key, context=st.context_bytes,
        secret_tree=tree, sender_data_secret=st.secrets.sender_data_secret)).to_bytes()
    before = b.to_bytes()
    with pytest.raises(VerificationError):
        b.process(forged, now=NOW)
    assert b.to_bytes() == before


def test_application_other_epoch_and_keys_deleted() -> None:
    a, b = group_of(2)
    old = a.encrypt_application(b"old")
    out = a.commit()
    a.merge_pending_commit()
    staged = b.process(out.message, now=NOW)
    assert isinstance(staged, StagedCommit)
    b.merge_staged_commit(staged)
    with pytest.raises(EpochError):
        b.process(old, now=NOW)
    new = a.encrypt_application(b"new")
    got = b.process(new, now=NOW)
    assert isinstance(got, ApplicationMessage) and got.data == b"new"
    # The receiving key is gone: the ratchet moved past generation 0.
    assert b._state.secret_tree.next_generation(0, RatchetType.APPLICATION) == 1
    with pytest.raises(UsageError):
        a.encrypt_application(b"", padding=-1)


def test_application_framing_redacts() -> None:
    a, _b = group_of(2)
    app = a._state.app_framing()
    assert "redacted" in repr(app)
    assert a._state.secrets.sender_data_secret.value.hex() not in repr(app)
    # A state whose context changed (a test reaching in) gets fresh constants.
    st = a._state
    st.context = replace(st.context, confirmed_transcript_hash=b"\x00" * 32)
    st.context_bytes = st.context.to_bytes()
    assert st.app_framing() is not app
