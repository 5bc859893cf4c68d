# SPDX-License-Identifier: Apache-2.0
"""The venue's chair handover: signed by the root, checked against it alone."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import msgspec
import pytest

from crypto import certs
from crypto.corridor.handover import (
    Handover,
    HandoverError,
    sign_handover,
    verify_handover,
)
from crypto.suites import SUITES

NOW = datetime(2026, 12, 5, tzinfo=UTC)


def _venue() -> tuple[bytes, bytes]:
    seed = certs.new_signing_key()
    return certs.make_root_certificate(seed, name="Forum", not_before=NOW - timedelta(days=1),
                                       not_after=NOW + timedelta(days=365)), seed


def _role(root: bytes, seed: bytes, mission: str, delegate: str) -> bytes:
    mseed = certs.new_signing_key()
    certs.issue_mission_certificate(root, seed, public_key=certs.public_key_of(mseed),
                                    mission_id=mission, name=mission,
                                    not_before=NOW, not_after=NOW + timedelta(days=30))
    return certs.issue_role_certificate(root, seed, role="chair", channel=None,
                                        delegate_id=delegate, mission_id=mission,
                                        not_before=NOW, not_after=NOW + timedelta(days=30))


def test_round_trip_and_tamper() -> None:
    root, seed = _venue()
    h = Handover(venue=certs.fingerprint(root), serial=1, at=1_000, outgoing="a/ana",
                 incoming="b/bo", incoming_role=_role(root, seed, "b", "bo"))
    data = sign_handover(root, seed, h)
    assert verify_handover(root, data) == h
    for i in range(0, len(data), 7):
        bad = bytearray(data)
        bad[i] ^= 0x04
        with pytest.raises(HandoverError):
            verify_handover(root, bytes(bad))
    other, _ = _venue()
    with pytest.raises(HandoverError):
        verify_handover(other, data)


def test_a_root_signature_under_another_label_is_no_handover() -> None:
    root, seed = _venue()
    h = Handover(venue=certs.fingerprint(root), serial=1, at=1_000, outgoing="a/ana",
                 incoming="b/bo", incoming_role=_role(root, seed, "b", "bo"))
    body = msgspec.msgpack.encode(h)
    sig = SUITES[0x0003].sign_with_label(seed, "corridor venue policy", body)
    with pytest.raises(HandoverError, match="not signed"):
        verify_handover(root, msgspec.msgpack.encode({"body": body, "sig": sig}))


def test_role_must_name_the_incoming_chair() -> None:
    root, seed = _venue()
    h = Handover(venue=certs.fingerprint(root), serial=1, at=1_000, outgoing="a/ana",
                 incoming="b/bo", incoming_role=_role(root, seed, "c", "cy"))
    with pytest.raises(HandoverError, match="someone else"):
        verify_handover(root, sign_handover(root, seed, h))
