# SPDX-License-Identifier: Apache-2.0
"""Small pieces: the MLS header reader, admission combinators, settings, rate limits."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from crypto.codec import opaque_v
from crypto.errors import DecodeError
from server_stub.admission import AllOf, AnyOf, Decision, RegistrationRequest
from server_stub.errors import BadRequest, RateLimited
from server_stub.mls_header import COMMIT, parse_group_message
from server_stub.ratelimit import RateLimiter
from server_stub.relay import decode_group_id
from server_stub.settings import Settings
from tests.support.relay_client import private_message


def public_message(group_id: bytes, epoch: int, sender: bytes, content_type: int) -> bytes:
    return ((1).to_bytes(2, "big") + (1).to_bytes(2, "big") + opaque_v(group_id)
            + epoch.to_bytes(8, "big") + sender + opaque_v(b"aad") + bytes([content_type])
            + b"rest is opaque")


def test_private_message_header() -> None:
    h = parse_group_message(private_message(b"group-1", 7, COMMIT, b"ciphertext"))
    assert (h.group_id, h.epoch, h.content_type, h.wire_format) == (b"group-1", 7, 3, 2)
    assert h.is_commit


@pytest.mark.parametrize("sender", [b"\x01\x00\x00\x00\x05", b"\x02\x00\x00\x00\x01", b"\x03",
                                    b"\x04"])
def test_public_message_header(sender: bytes) -> None:
    h = parse_group_message(public_message(b"g", 2**40, sender, 1))
    assert (h.group_id, h.epoch, h.content_type, h.wire_format) == (b"g", 2**40, 1, 1)
    assert not h.is_commit


@pytest.mark.parametrize("data", [
    b"", b"\x00\x01", b"\x00\x02\x00\x02" + opaque_v(b"g"),  # wrong version; truncated
    b"\x00\x01\x00\x03" + opaque_v(b"g") + bytes(9),  # a Welcome is not a group message
    private_message(b"g", 1, 4, b"x"),  # unknown content type
    private_message(b"", 1, 1, b"x"),  # empty group id
    public_message(b"g", 1, b"\x09", 1),  # unknown sender type
])
def test_bad_headers_are_decode_errors(data: bytes) -> None:
    with pytest.raises(DecodeError):
        parse_group_message(data)


@settings(max_examples=400)
@given(st.sampled_from([b"\x00\x01\x00\x01", b"\x00\x01\x00\x02", b""]),
       st.binary(max_size=64))
def test_header_reader_raises_only_decode_errors(prefix: bytes, data: bytes) -> None:
    msg = prefix + data
    try:
        h = parse_group_message(msg)
    except DecodeError:
        return
    assert h.wire_format in (1, 2) and h.content_type in (1, 2, 3)
    assert 0 <= h.epoch < 2**64 and h.group_id and h.group_id in msg


def test_group_ids_must_be_canonical_base64url() -> None:
    assert decode_group_id("AAE") == b"\x00\x01"
    for bad in ("", "A", "AAF", "AA==", "A+/A", "x" * 400):
        with pytest.raises(BadRequest):
            decode_group_id(bad)


class Fixed:
    def __init__(self, ok: bool, reason: str) -> None:
        self.ok, self.reason, self.calls = ok, reason, 0

    async def decide(self, request: RegistrationRequest) -> Decision:
        self.calls += 1
        return Decision(self.ok, self.reason)


REQ = RegistrationRequest(public_key=bytes(32), certificate_chain=(), now=0)


async def test_any_of_and_all_of() -> None:
    yes, no = Fixed(True, "yes"), Fixed(False, "no")
    assert (await AnyOf([no, yes]).decide(REQ)) == Decision(True, "yes")
    assert (await AnyOf([no, no]).decide(REQ)).reason == "no; no"
    assert not (await AnyOf([]).decide(REQ)).accepted
    late = Fixed(True, "late")
    assert (await AllOf([yes, no, late]).decide(REQ)) == Decision(False, "no")
    assert late.calls == 0
    assert (await AllOf([yes, yes]).decide(REQ)).accepted
    assert not (await AllOf([]).decide(REQ)).accepted


def test_settings_from_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("CORRIDOR_RELAY_RATE_BURST", "12.5")
    monkeypatch.setenv("CORRIDOR_RELAY_TOKEN_TTL", "60")
    monkeypatch.setenv("CORRIDOR_RELAY_DATA_DIR", str(tmp_path))
    s = Settings.from_env(max_blob_bytes=5)
    assert (s.rate_burst, s.token_ttl, s.max_blob_bytes) == (12.5, 60, 5)
    assert s.database == f"sqlite:///{tmp_path / 'relay.sqlite3'}"
    assert Settings.from_env(database_url="postgresql://x/y").database == "postgresql://x/y"


def test_rate_limiter_refills() -> None:
    now = [0.0]
    rl = RateLimiter(rate=2, burst=2, clock=lambda: now[0])
    rl.take("a")
    rl.take("a")
    with pytest.raises(RateLimited) as e:
        rl.take("a")
    assert e.value.retry_after == pytest.approx(0.5)
    rl.take("b")  # buckets are per key
    now[0] = 0.5
    rl.take("a")
