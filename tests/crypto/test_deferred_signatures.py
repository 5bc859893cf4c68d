# SPDX-License-Identifier: Apache-2.0
"""Application messages opened with their signature check set aside
(crypto.framing.deferred): the same data and state as checking in line once every
check passed, and never a state to keep before that; a forgery by a member who knows
the epoch's keys (THREATS 12) opens but fails its check, and the group that opened it
refuses to serialize for good; an encoded batch that is tampered, truncated or padded
is never reported verified."""

from __future__ import annotations

import pytest

from crypto.errors import UsageError, VerificationError
from crypto.framing import DeferredSignatures, SignatureBatch, check_encoded
from crypto.group import ApplicationMessage, Group
from crypto.suites import expand_signature_key, get_suite
from tests.support.mls_groups import NOW, accept, clone, make_group


def _open(g: Group, message: bytes, deferred: DeferredSignatures) -> bytes:
    res = g.process(message, now=NOW, deferred=deferred)
    assert isinstance(res, ApplicationMessage)
    return res.data


def test_deferred_opening_matches_in_line_once_checked() -> None:
    a, b, _c = make_group(3)
    msgs = [a.encrypt_application(f"m{i}".encode()) for i in range(5)]
    inline, deferred_g = clone(b), clone(b)
    want = []
    for msg in msgs:
        res = inline.process(msg, now=NOW)
        assert isinstance(res, ApplicationMessage)
        want.append(res.data)
    checks = DeferredSignatures()
    assert [_open(deferred_g, msg, checks) for msg in msgs] == want
    with pytest.raises(UsageError):
        deferred_g.to_bytes()  # keys used in memory, messages not yet authentic
    batch = checks.take()
    assert batch is not None and len(batch) == 5
    assert not checks.settled
    with pytest.raises(UsageError):
        deferred_g.to_bytes()  # taken is not checked
    batch.run()
    assert checks.settled
    assert deferred_g.to_bytes() == inline.to_bytes()


def test_a_forgery_opens_but_its_group_never_serializes() -> None:
    a, b, _c = make_group(3)
    forger = clone(a)  # a member who knows every ratchet of the epoch
    other_key, _pub = forger._state.suite.generate_signature_key_pair()
    forger._state.signature_private_key = other_key
    forger._state.signing_key = expand_signature_key(other_key)
    spoof = forger.encrypt_application(b"spoof")  # ana's next generation, not her key
    genuine = a.encrypt_application(b"genuine")  # the same generation, hers
    before = b.to_bytes()
    checks = DeferredSignatures()
    assert _open(b, spoof, checks) == b"spoof"  # the AEAD cannot tell
    batch = checks.take()
    assert batch is not None
    with pytest.raises(VerificationError):
        batch.run()
    assert not batch.checked and not checks.settled
    for _ in range(2):
        with pytest.raises(UsageError):
            b.to_bytes()
    # the caller discards that group; in line, the forgery is refused with its key kept
    again = Group.from_bytes(before, credential_validator=accept)
    with pytest.raises(VerificationError):
        again.process(spoof, now=NOW)
    res = again.process(genuine, now=NOW)
    assert isinstance(res, ApplicationMessage) and res.data == b"genuine"


def test_unsettled_checks_of_another_batch_block_a_new_one() -> None:
    a, b = make_group(2)
    first, second = DeferredSignatures(), DeferredSignatures()
    _open(b, a.encrypt_application(b"one"), first)
    with pytest.raises(UsageError):
        b.process(a.encrypt_application(b"two"), now=NOW, deferred=second)
    batch = first.take()
    assert batch is not None
    batch.run()
    assert _open(b, a.encrypt_application(b"three"), second) == b"three"


def _batch(n: int = 3) -> tuple[SignatureBatch, bytes]:
    a, b = make_group(2)
    checks = DeferredSignatures()
    for i in range(n):
        _open(b, a.encrypt_application(f"m{i}".encode()), checks)
    batch = checks.take()
    assert batch is not None
    return batch, batch.encode()


def test_an_encoded_batch_verifies_only_untouched() -> None:
    batch, data = _batch()
    assert check_encoded(data)
    batch.report(True)
    assert batch.checked
    for i in range(6, len(data)):  # every byte after the header, flipped
        assert not check_encoded(data[:i] + bytes([data[i] ^ 1]) + data[i + 1:]), i
    for cut in range(len(data)):
        assert not check_encoded(data[:cut]), cut
    assert not check_encoded(data + b"\x00")
    assert not check_encoded(b"\xff\xff" + data[2:])  # no such suite
    count = int.from_bytes(data[2:6], "big")
    assert not check_encoded(data[:2] + (count + 1).to_bytes(4, "big") + data[6:])


def test_a_negative_report_leaves_the_batch_unchecked() -> None:
    batch, _data = _batch(1)
    batch.report(False)
    assert not batch.checked


def test_one_set_of_checks_holds_one_suite() -> None:
    checks = DeferredSignatures()
    checks.add(get_suite(3), b"k" * 32, b"c", b"s" * 64)
    with pytest.raises(UsageError):
        checks.add(get_suite(1), b"k" * 32, b"c", b"s" * 64)
