# SPDX-License-Identifier: Apache-2.0
"""Key schedule, exporter, confirmation tag and PSK secret against the WG vectors."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from crypto.conformance.check_key_schedule import group_context_bytes
from crypto.errors import VerificationError
from crypto.messages import GroupContext, PreSharedKeyID, PSKType
from crypto.schedule.key_schedule import EpochSecrets, KeySchedule, from_joiner_secret, next_epoch
from crypto.schedule.psk import external_psk_id, psk_secret
from crypto.secret_bytes import Secret
from crypto.suites import SUITES, get_suite

VECTORS = Path(__file__).resolve().parents[1] / "vectors"


def load(name: str) -> list[dict[str, Any]]:
    return [c for c in json.loads((VECTORS / name).read_text()) if c["cipher_suite"] in SUITES]


def h(x: str) -> bytes:
    return bytes.fromhex(x)


@pytest.mark.parametrize("case", load("key-schedule.json"), ids=lambda c: str(c["cipher_suite"]))
def test_key_schedule_chain(case: dict[str, Any]) -> None:
    suite = get_suite(case["cipher_suite"])
    init: bytes | Secret = h(case["initial_init_secret"])
    for n, ep in enumerate(case["epochs"]):
        ctx = GroupContext(cipher_suite=suite.id, group_id=h(case["group_id"]), epoch=n,
                           tree_hash=h(ep["tree_hash"]),
                           confirmed_transcript_hash=h(ep["confirmed_transcript_hash"]))
        assert ctx.to_bytes() == h(ep["group_context"])
        assert group_context_bytes(suite.id, ctx.group_id, n, ctx.tree_hash,
                                   ctx.confirmed_transcript_hash) == ctx.to_bytes()
        es = KeySchedule.next_epoch(suite, init, h(ep["commit_secret"]), ctx,
                                    h(ep["psk_secret"]))
        assert es.joiner_secret.value == h(ep["joiner_secret"])
        assert es.welcome_secret.value == h(ep["welcome_secret"])
        assert es.epoch_authenticator.value == h(ep["epoch_authenticator"])
        assert es.membership_key.value == h(ep["membership_key"])
        assert es.external_pub() == h(ep["external_pub"])
        ex = ep["exporter"]
        assert es.exporter(ex["label"], h(ex["context"]), ex["length"]) == h(ex["secret"])
        # A joiner who only learns joiner_secret reaches the same epoch.
        joined = from_joiner_secret(suite, h(ep["joiner_secret"]), ctx, h(ep["psk_secret"]))
        assert joined.init_secret == es.init_secret
        init = es.init_secret


def _secrets() -> EpochSecrets:
    return next_epoch(get_suite(3), b"\x01" * 32, None, b"context")


def test_epoch_secrets_are_redacted() -> None:
    es = _secrets()
    text = repr(es)
    for name in ("joiner_secret", "epoch_secret", "init_secret", "confirmation_key"):
        assert getattr(es, name).value.hex() not in text
    assert "redacted" in text


def test_zero_defaults_and_context_binding() -> None:
    s = get_suite(3)
    a = next_epoch(s, b"\x01" * 32, None, b"ctx")
    b = next_epoch(s, b"\x01" * 32, bytes(32), b"ctx", bytes(32))
    assert a.epoch_secret == b.epoch_secret
    c = next_epoch(s, b"\x01" * 32, None, b"ctx2")
    assert c.epoch_secret != a.epoch_secret
    labels = {a.sender_data_secret.value, a.encryption_secret.value, a.exporter_secret.value,
              a.external_secret.value, a.confirmation_key.value, a.membership_key.value,
              a.resumption_psk.value, a.epoch_authenticator.value, a.init_secret.value}
    assert len(labels) == 9  # every secret distinct


def test_confirmation_tag_and_welcome_key() -> None:
    es = _secrets()
    tag = es.confirmation_tag(b"cth")
    es.verify_confirmation_tag(b"cth", tag)
    with pytest.raises(VerificationError):
        es.verify_confirmation_tag(b"cth", tag[:-1] + bytes([tag[-1] ^ 1]))
    with pytest.raises(VerificationError):
        es.verify_confirmation_tag(b"other", tag)
    key, nonce = es.welcome_key_nonce()
    assert (len(key), len(nonce)) == (32, 12)
    assert es.exporter("a", b"", 16) != es.exporter("b", b"", 16)
    assert len(es.exporter("a", b"ctx", 100)) == 100


@pytest.mark.parametrize("case", load("psk_secret.json"),
                         ids=lambda c: f"{c['cipher_suite']}-{len(c['psks'])}")
def test_psk_secret_vectors(case: dict[str, Any]) -> None:
    suite = get_suite(case["cipher_suite"])
    pairs: list[tuple[bytes | PreSharedKeyID, bytes]] = []
    for p in case["psks"]:
        struct = PreSharedKeyID(psktype=PSKType.external, psk_id=h(p["psk_id"]),
                                psk_nonce=h(p["psk_nonce"]))
        assert struct.to_bytes() == external_psk_id(h(p["psk_id"]), h(p["psk_nonce"]))
        pairs.append((struct, h(p["psk"])))
    assert psk_secret(suite, pairs) == h(case["psk_secret"])
    if pairs:  # order matters: the index is bound into each PSKLabel
        assert psk_secret(suite, pairs[::-1]) != h(case["psk_secret"]) or len(pairs) == 1


def test_psk_secret_empty_is_zero() -> None:
    assert psk_secret(get_suite(1), []) == bytes(32)
