# SPDX-License-Identifier: Apache-2.0
"""Checker for ``key-schedule.json``: epoch secrets chain and exporter (RFC 9420 §8)."""

from __future__ import annotations

from crypto.codec import Writer
from crypto.conformance import Case, vector_file
from crypto.errors import VerificationError
from crypto.schedule.key_schedule import next_epoch
from crypto.secret_bytes import Secret
from crypto.suites import get_suite


def _h(value: str) -> bytes:
    return bytes.fromhex(value)


def group_context_bytes(suite_id: int, group_id: bytes, epoch: int, tree_hash: bytes,
                        confirmed_transcript_hash: bytes) -> bytes:
    """GroupContext with empty extensions, encoded here so the checker needs no wire structs."""
    w = Writer()
    w.u16(1)  # mls10
    w.u16(suite_id)
    w.opaque_v(group_id)
    w.u64(epoch)
    w.opaque_v(tree_hash)
    w.opaque_v(confirmed_transcript_hash)
    w.opaque_v(b"")
    return w.getvalue()


def _expect(cond: bool, what: str, epoch: int) -> None:
    if not cond:
        raise VerificationError(f"epoch {epoch}: {what} differs from the vector")


@vector_file("key-schedule.json")
def check(case: Case) -> None:
    suite = get_suite(case["cipher_suite"])
    group_id = _h(case["group_id"])
    init: Secret | bytes = _h(case["initial_init_secret"])
    for n, ep in enumerate(case["epochs"]):
        ctx = group_context_bytes(suite.id, group_id, n, _h(ep["tree_hash"]),
                                  _h(ep["confirmed_transcript_hash"]))
        _expect(ctx == _h(ep["group_context"]), "group_context", n)
        secrets = next_epoch(suite, init, _h(ep["commit_secret"]), ctx, _h(ep["psk_secret"]))
        for attr, key in (
            ("joiner_secret", "joiner_secret"), ("welcome_secret", "welcome_secret"),
            ("init_secret", "init_secret"), ("sender_data_secret", "sender_data_secret"),
            ("encryption_secret", "encryption_secret"), ("exporter_secret", "exporter_secret"),
            ("epoch_authenticator", "epoch_authenticator"),
            ("external_secret", "external_secret"), ("confirmation_key", "confirmation_key"),
            ("membership_key", "membership_key"), ("resumption_psk", "resumption_psk"),
        ):
            _expect(getattr(secrets, attr).value == _h(ep[key]), key, n)
        _expect(secrets.external_pub() == _h(ep["external_pub"]), "external_pub", n)
        ex = ep["exporter"]
        out = secrets.exporter(ex["label"], _h(ex["context"]), ex["length"])
        _expect(out == _h(ex["secret"]), "exporter", n)
        init = secrets.init_secret
