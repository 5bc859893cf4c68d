# SPDX-License-Identifier: Apache-2.0
"""Forward secrecy of stored state (RFC 9420 sections 9.2, 14): a copy of a member's
state taken after it read some messages cannot decrypt them, by the API or by anyone
who reads every byte of the copy; out-of-order windows are bounded and configurable.

The attacker here tries every 32-byte window of ``Group.to_bytes()`` as the epoch's
encryption secret, as its epoch secret and as its joiner secret, and with the secret
tree that would give opens the messages already read. The same attack on a state
stored in the earlier layout (version 1, a checked-in fixture) succeeds: it is the
control that shows the attack would find the secrets if they were there.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from crypto import framing
from crypto.errors import CryptoError, EpochError, GenerationError, ReplayError, UsageError
from crypto.group import ApplicationMessage, Group, GroupConfig, StagedCommit
from crypto.schedule.secret_tree import SecretTree
from tests.support.mls_groups import NOW, accept, identity, kp_for

FIXTURE = Path(__file__).parent / "data" / "group_state_v1.json"


def pair(config: GroupConfig | None = None) -> tuple[Group, Group]:
    cred, sig = identity("a", 3)
    a = Group.create(3, b"fs-group", cred, sig, credential_validator=accept, config=config)
    kb = kp_for("b", 3)
    out = a.commit(add=[kb.key_package])
    a.merge_pending_commit()
    assert out.welcome is not None
    return a, Group.join(out.welcome, kb, credential_validator=accept, now=NOW, config=config)


def read(g: Group, ct: bytes) -> bytes:
    got = g.process(ct, now=NOW)
    assert isinstance(got, ApplicationMessage)
    return got.data


def advance(committer: Group, *others: Group) -> None:
    out = committer.commit()
    for g in others:
        staged = g.process(out.message, now=NOW)
        assert isinstance(staged, StagedCommit)
        g.merge_staged_commit(staged)
    committer.merge_pending_commit()


def opens_with_any_window(blob: bytes, reader: Group, ct: bytes, epoch: int,
                          context_bytes: bytes, sender_data_secret: bytes,
                          n_leaves: int) -> bool:
    """Whether some 32-byte window of ``blob``, read as an encryption, epoch or joiner
    secret of ``epoch``, decrypts ``ct`` (the sender-data secret is in the state too,
    so the attacker has it)."""
    suite = reader._state.suite
    app = framing.ApplicationFraming(suite, reader.group_id, epoch, context_bytes,
                                     sender_data_secret)
    parsed = app.parse(ct)
    assert parsed is not None
    ad, _data, esd, ciphertext = parsed
    leaf, generation, guard = app.open_sender_data(esd, ciphertext)
    keys = {i: m.signature_key for i, m in enumerate(reader.members())}

    def member_key(i: int) -> bytes:
        return keys[i]

    seen: set[bytes] = set()
    for off in range(len(blob) - 31):
        window = blob[off:off + 32]
        if window in seen:
            continue
        seen.add(window)
        epoch_secret_from_joiner = suite.expand_with_label(
            suite.extract(window, bytes(32)), "epoch", context_bytes, 32)
        for enc in (window, suite.derive_secret(window, "encryption"),
                    suite.derive_secret(epoch_secret_from_joiner, "encryption")):
            try:
                app.open(SecretTree(suite, enc, n_leaves), leaf, generation, guard, ad,
                         ciphertext, member_key)
            except CryptoError:
                continue
            return True
    return False


def attack(blob: bytes, reader: Group, ct: bytes) -> bool:
    st = reader._state
    return opens_with_any_window(blob, reader, ct, st.context.epoch, st.context_bytes,
                                 st.secrets.sender_data_secret.value, st.tree.n_leaves)


def test_state_copy_after_reading_cannot_decrypt_what_was_read() -> None:
    a, b = pair()
    sent = [a.encrypt_application(b"m%d" % i) for i in range(3)]
    assert [read(b, ct) for ct in sent[:2]] == [b"m0", b"m1"]
    copy = b.to_bytes()
    for ct in sent[:2]:
        assert not attack(copy, b, ct)
        with pytest.raises(ReplayError):
            Group.from_bytes(copy, credential_validator=accept).process(ct, now=NOW)
    # The sender's own copy cannot open what it sent either.
    assert not attack(a.to_bytes(), b, sent[0])
    # What was not read yet still opens from the copy: deletion is of used keys only.
    assert read(Group.from_bytes(copy, credential_validator=accept), sent[2]) == b"m2"
    # Deleted secrets are really gone: reading one is a bug, not a zero key.
    with pytest.raises(CryptoError):
        _ = b._state.secrets.encryption_secret.value


def test_old_layout_state_loads_and_loses_its_deleted_secrets() -> None:
    fx = json.loads(FIXTURE.read_text())
    old = bytes.fromhex(fx["state"])
    assert old[0] == 1  # the layout of the last release
    enc_secret = bytes.fromhex(fx["encryption_secret"])
    assert enc_secret in old
    g = Group.from_bytes(old, credential_validator=accept)
    read_cts = [bytes.fromhex(c) for c in fx["read"]]
    # Control: the old layout gives the attack what it needs.
    assert attack(old, g, read_cts[0])
    migrated = g.to_bytes()
    assert migrated[0] == 2 and enc_secret not in migrated
    assert bytes.fromhex(fx["epoch_secret"]) not in migrated
    for ct in read_cts:
        assert not attack(migrated, g, ct)
        with pytest.raises(ReplayError):
            g.process(ct, now=NOW)
    assert read(g, bytes.fromhex(fx["unread"])) == b"unread"
    again = Group.from_bytes(migrated, credential_validator=accept)
    assert again.epoch_authenticator == g.epoch_authenticator
    assert again.to_bytes() == migrated


def test_past_epoch_window_and_stale_copies() -> None:
    cfg = GroupConfig(max_past_epochs=1)
    a, b = pair(cfg)
    e0 = a.epoch
    ctx0, sd0 = b._state.context_bytes, b._state.secrets.sender_data_secret.value
    early = [a.encrypt_application(b"e0-%d" % i) for i in range(3)]
    assert read(b, early[0]) == b"e0-0"
    advance(a, b)
    # Within the window: a late message of the previous epoch opens, once.
    assert read(b, early[1]) == b"e0-1"
    with pytest.raises(ReplayError):
        b.process(early[1], now=NOW)
    copy = b.to_bytes()
    restored = Group.from_bytes(copy, credential_validator=accept)
    assert restored.config == cfg
    for ct in early[:2]:
        assert not opens_with_any_window(copy, b, ct, e0, ctx0, sd0, 2)
        with pytest.raises(ReplayError):
            restored.process(ct, now=NOW)
    assert read(restored, early[2]) == b"e0-2"  # not read yet: kept, within the window
    # Beyond the window: two epochs later, nothing of epoch e0 is left.
    advance(a, b)
    stale = b.to_bytes()
    with pytest.raises(EpochError):
        b.process(early[2], now=NOW)
    for ct in early:
        assert not opens_with_any_window(stale, b, ct, e0, ctx0, sd0, 2)


def test_default_keeps_no_past_epoch() -> None:
    a, b = pair()
    late = a.encrypt_application(b"late")
    advance(a, b)
    with pytest.raises(EpochError):
        b.process(late, now=NOW)
    assert b.config.max_past_epochs == 0


def test_out_of_order_bounds_are_configurable() -> None:
    cfg = GroupConfig(out_of_order_tolerance=2, maximum_forward_distance=5)
    a, b = pair(cfg)
    sent = [a.encrypt_application(b"g%d" % i) for i in range(8)]
    with pytest.raises(GenerationError):  # 6 ahead of the next expected generation
        b.process(sent[6], now=NOW)
    assert read(b, sent[4]) == b"g4"  # skips 0..3; only the newest 2 skipped keys stay
    assert b._state.secret_tree.skipped_count(0, 1) == 2
    for ct in sent[:2]:
        with pytest.raises(GenerationError):
            b.process(ct, now=NOW)
    assert [read(b, ct) for ct in sent[2:4]] == [b"g2", b"g3"]
    # A stored state keeps the bounds; from_bytes may set new ones.
    wider = GroupConfig(max_past_epochs=2)
    again = Group.from_bytes(b.to_bytes(), credential_validator=accept, config=wider)
    assert again.config == wider
    with pytest.raises(UsageError):
        GroupConfig(max_past_epochs=-1)
    with pytest.raises(UsageError):
        GroupConfig(out_of_order_tolerance=2**32)
