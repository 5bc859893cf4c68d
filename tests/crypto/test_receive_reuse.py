# SPDX-License-Identifier: Apache-2.0
"""What a catch-up computes once and reuses (docs/benchmarks.md, catch-up session 7)
gives the same bytes and the same verdicts as computing it afresh: HMAC-SHA-256 from
kept key states, and the group's application parse shared between the receiver's
header read (``Group.application_aad``) and ``Group.process``. The reuse never
survives an epoch change and never carries one message's parse to other bytes."""

from __future__ import annotations

import hashlib
import hmac
import os

import pytest

from crypto import messages as m
from crypto.errors import DecodeError, EpochError, ProtocolError, VerificationError
from crypto.group import ApplicationMessage, Group, StagedCommit, make_key_package
from crypto.suites import HmacSha256, get_suite

NOW = 1_800_000_000


def _accept(credential: m.Credential, key: bytes) -> None:
    del credential, key


def _pair() -> tuple[Group, Group]:
    sig, _ = get_suite(3).generate_signature_key_pair()
    a = Group.create(3, b"reuse", m.Credential.basic(b"a"), sig, credential_validator=_accept)
    bsig, _ = get_suite(3).generate_signature_key_pair()
    bundle = make_key_package(3, m.Credential.basic(b"b"), bsig, lifetime=(NOW - 10, NOW + 86400))
    out = a.commit(add=[bundle.key_package])
    a.merge_pending_commit()
    assert out.welcome is not None
    return a, Group.join(out.welcome, bundle, credential_validator=_accept, now=NOW)


@pytest.mark.parametrize("key_len", [0, 1, 16, 32, 63, 64, 65, 100, 200])
def test_hmac_states_equal_one_shot_hmac(key_len: int) -> None:
    key = os.urandom(key_len)
    mac = HmacSha256(key)
    for n in (0, 1, 55, 56, 64, 65, 119, 1000):
        data = os.urandom(n)
        assert mac.digest(data) == hmac.digest(key, data, "sha256")
    assert mac.digest(b"x") == mac.digest(b"x")  # the kept states are not consumed
    # The repr names no key material at all (a substring check is flaky: a 1-byte
    # key's hex can occur in the class name itself).
    assert repr(mac) == "HmacSha256(<redacted>)"


def test_suite_kdf_equals_rfc_expand_with_label() -> None:
    suite = get_suite(3)
    secret, context = os.urandom(32), os.urandom(32)
    key, nonce = suite.derive_key_nonce(secret, context)
    assert key == suite.expand_with_label(secret, "key", context, suite.nk)
    assert nonce == suite.expand_with_label(secret, "nonce", context, suite.nn)
    assert suite.derive_key_nonce(HmacSha256(secret), context) == (key, nonce)
    k, n, s = suite.ratchet_step(secret, 7)
    assert k == suite.derive_tree_secret(secret, "key", 7, suite.nk)
    assert n == suite.derive_tree_secret(secret, "nonce", 7, suite.nn)
    assert s == suite.derive_tree_secret(secret, "secret", 7, suite.nh)
    # and the labelled expansion itself against RFC 5869 built on hmac.digest
    info = (32).to_bytes(2, "big") + bytes((len(b"MLS 1.0 x"),)) + b"MLS 1.0 x" + b"\x00"
    assert suite.expand_with_label(secret, "x", b"", 32) == \
        hmac.new(secret, info + b"\x01", hashlib.sha256).digest()


def test_header_read_then_processed_is_the_message_itself() -> None:
    a, b = _pair()
    msg = a.encrypt_application(b"hello", authenticated_data=b"aad-1")
    assert b.application_aad(msg) == b"aad-1"
    out = b.process(msg, now=NOW)
    assert isinstance(out, ApplicationMessage)
    assert (out.data, out.authenticated_data) == (b"hello", b"aad-1")


def test_a_forged_copy_after_the_header_read_is_refused() -> None:
    """The parse is kept for the very bytes object read: a tampered message processed
    after the genuine one's header was read is parsed (and refused) on its own."""
    a, b = _pair()
    msg = a.encrypt_application(b"genuine", authenticated_data=b"aad")
    assert b.application_aad(msg) == b"aad"
    for at in (len(msg) - 1, len(msg) - 40, len(msg) // 2):
        forged = msg[:at] + bytes([msg[at] ^ 1]) + msg[at + 1:]
        before = b.to_bytes()
        with pytest.raises((DecodeError, VerificationError, ProtocolError)):
            b.process(forged, now=NOW)
        assert b.to_bytes() == before
    # another aad in an otherwise genuine-looking header is not the kept one either
    other = a.encrypt_application(b"second", authenticated_data=b"other")
    assert b.application_aad(other) == b"other"
    got = b.process(msg, now=NOW)
    assert isinstance(got, ApplicationMessage) and got.data == b"genuine"
    got = b.process(other, now=NOW)
    assert isinstance(got, ApplicationMessage) and got.authenticated_data == b"other"


def test_no_header_reuse_across_an_epoch_change() -> None:
    a, b = _pair()
    old = a.encrypt_application(b"old")
    assert b.application_aad(old) == b""
    out = a.commit()
    a.merge_pending_commit()
    staged = b.process(out.message, now=NOW)
    assert isinstance(staged, StagedCommit)
    b.merge_staged_commit(staged)
    # the new epoch's framing does not know the old message: not this epoch's
    assert b.application_aad(old) is None
    with pytest.raises(EpochError):
        b.process(old, now=NOW)
    new = a.encrypt_application(b"new")
    assert b.application_aad(new) == b""
    got = b.process(new, now=NOW)
    assert isinstance(got, ApplicationMessage) and got.data == b"new"


def test_no_header_for_other_shapes() -> None:
    a, b = _pair()
    out = a.commit()  # a commit (PublicMessage): the receiver decodes it in full
    assert b.application_aad(out.message) is None
    assert b.application_aad(b"") is None
    assert b.application_aad(b"\x00\x01\x00\x02garbage") is None
