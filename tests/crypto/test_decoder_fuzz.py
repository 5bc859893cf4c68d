# SPDX-License-Identifier: Apache-2.0
"""Property tests of every crypto.messages decoder: DecodeError or an exact round trip.

Random bytes and mutated valid encodings (from messages.json) are fed to each
target of fuzz/decoder_targets.py; anything but DecodeError escaping, or a value
that re-encodes differently, fails.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from crypto import messages as m
from crypto.codec import Struct, encode_varint
from crypto.errors import DecodeError

FUZZ_DIR = Path(__file__).resolve().parents[2] / "fuzz"


def _load_targets() -> ModuleType:
    spec = importlib.util.spec_from_file_location("decoder_targets",
                                                  FUZZ_DIR / "decoder_targets.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("decoder_targets", module)
    spec.loader.exec_module(module)
    return module


DT = _load_targets()
NAMES = sorted(DT.TARGETS)
SEEDS: dict[str, list[bytes]] = {name: DT.seeds(name, limit=12) for name in NAMES}
FUZZ = settings(max_examples=50, deadline=None, derandomize=True,
                suppress_health_check=[HealthCheck.too_slow])


@st.composite
def mutated(draw: st.DrawFn, seeds: list[bytes]) -> bytes:
    """A valid encoding with a few byte flips, insertions, deletions or splices."""
    data = bytearray(draw(st.sampled_from(seeds)))
    for _ in range(draw(st.integers(1, 4))):
        op = draw(st.sampled_from(["flip", "set", "insert", "delete", "truncate", "splice",
                                   "length"]))
        pos = draw(st.integers(0, max(len(data) - 1, 0)))
        if op == "flip" and data:
            data[pos] ^= 1 << draw(st.integers(0, 7))
        elif op == "set" and data:
            data[pos] = draw(st.sampled_from([0, 1, 2, 3, 4, 5, 0x3F, 0x40, 0x80, 0xC0, 0xFF]))
        elif op == "insert":
            data[pos:pos] = draw(st.binary(min_size=1, max_size=4))
        elif op == "delete" and data:
            del data[pos:pos + draw(st.integers(1, 4))]
        elif op == "truncate":
            del data[pos:]
        elif op == "splice":
            other = draw(st.sampled_from(seeds))
            start = draw(st.integers(0, len(other)))
            data[pos:] = other[start:]
        elif op == "length":  # overwrite with a (possibly huge) varint
            data[pos:pos + 1] = encode_varint(draw(st.integers(0, (1 << 30) - 1)))
    return bytes(data)


def test_every_target_has_valid_seeds() -> None:
    for name in NAMES:
        assert SEEDS[name], name
        for data in SEEDS[name]:
            assert DT.run_one(DT.TARGETS[name], data), name


@pytest.mark.parametrize("name", NAMES)
@FUZZ
@given(data=st.binary(max_size=300))
def test_random_bytes_decode_or_raise_decode_error(name: str, data: bytes) -> None:
    DT.run_one(DT.TARGETS[name], data)


@pytest.mark.parametrize("name", NAMES)
@FUZZ
@given(data=st.data())
def test_mutated_encodings_decode_or_raise_decode_error(name: str, data: st.DataObject) -> None:
    DT.run_one(DT.TARGETS[name], data.draw(mutated(SEEDS[name])))


def test_mutations_do_reach_both_outcomes() -> None:
    # The property is only meaningful if mutated inputs both fail and (sometimes) decode.
    outcomes: set[bool] = set()

    @settings(max_examples=150, deadline=None, derandomize=True)
    @given(data=mutated(SEEDS["mls_message"]))
    def collect(data: bytes) -> None:
        outcomes.add(DT.run_one(DT.TARGETS["mls_message"], data))

    collect()
    assert outcomes == {True, False}


def test_run_one_rejects_a_lossy_encoder() -> None:
    target = DT.Target(decode=lambda b: b, encode=lambda v: v + b"!")
    with pytest.raises(AssertionError):
        DT.run_one(target, b"x")


# --------------------------------------------------------------------------- generated structs

small = st.binary(max_size=6)
u16s = st.lists(st.integers(0, 0xFFFF), max_size=3).map(tuple)
u32 = st.integers(0, 0xFFFFFFFF)
u64 = st.integers(0, (1 << 64) - 1)
extensions = st.lists(st.builds(m.Extension, extension_type=st.integers(0, 0xFFFF),
                                extension_data=small), max_size=2).map(tuple)
credentials = st.one_of(
    st.builds(m.Credential.basic, small),
    st.builds(m.Credential, credential_type=st.just(m.CredentialType.x509),
              certificates=st.lists(small, max_size=2).map(tuple)))
capabilities = st.builds(m.Capabilities, versions=u16s, cipher_suites=u16s, extensions=u16s,
                         proposals=u16s, credentials=u16s)


@st.composite
def leaf_nodes(draw: st.DrawFn) -> m.LeafNode:
    source = draw(st.sampled_from(m.LeafNodeSource))
    return m.LeafNode(
        encryption_key=draw(small), signature_key=draw(small), credential=draw(credentials),
        capabilities=draw(capabilities), leaf_node_source=source,
        lifetime=(m.Lifetime(not_before=draw(u64), not_after=draw(u64))
                  if source == m.LeafNodeSource.key_package else None),
        parent_hash=draw(small) if source == m.LeafNodeSource.commit else None,
        extensions=draw(extensions), signature=draw(small))


key_packages = st.builds(m.KeyPackage, version=st.integers(0, 0xFFFF),
                         cipher_suite=st.integers(0, 0xFFFF), init_key=small,
                         leaf_node=leaf_nodes(), extensions=extensions, signature=small)


@st.composite
def psk_ids(draw: st.DrawFn) -> m.PreSharedKeyID:
    if draw(st.booleans()):
        return m.PreSharedKeyID(psktype=m.PSKType.external, psk_id=draw(small),
                                psk_nonce=draw(small))
    return m.PreSharedKeyID(psktype=m.PSKType.resumption,
                            usage=draw(st.sampled_from(m.ResumptionPSKUsage)),
                            psk_group_id=draw(small), psk_epoch=draw(u64),
                            psk_nonce=draw(small))


proposal_bodies = st.one_of(
    st.builds(m.Add, key_package=key_packages), st.builds(m.Update, leaf_node=leaf_nodes()),
    st.builds(m.Remove, removed=u32), st.builds(m.PreSharedKey, psk=psk_ids()),
    st.builds(m.ReInit, group_id=small, version=st.integers(0, 0xFFFF),
              cipher_suite=st.integers(0, 0xFFFF), extensions=extensions),
    st.builds(m.ExternalInit, kem_output=small),
    st.builds(m.GroupContextExtensions, extensions=extensions))
proposals = proposal_bodies.map(m.Proposal.of)
ciphertexts = st.builds(m.HPKECiphertext, kem_output=small, ciphertext=small)
update_paths = st.builds(m.UpdatePath, leaf_node=leaf_nodes(), nodes=st.lists(
    st.builds(m.UpdatePathNode, encryption_key=small,
              encrypted_path_secret=st.lists(ciphertexts, max_size=2).map(tuple)),
    max_size=2).map(tuple))
commits = st.builds(m.Commit, proposals=st.lists(
    st.one_of(proposals, small).map(m.ProposalOrRef.of), max_size=3).map(tuple),
    path=st.none() | update_paths)
senders = st.one_of(st.builds(m.Sender.member, u32), st.builds(m.Sender.external, u32),
                    st.sampled_from([m.Sender(sender_type=m.SenderType.new_member_commit),
                                     m.Sender(sender_type=m.SenderType.new_member_proposal)]))
group_contexts = st.builds(m.GroupContext, version=st.integers(0, 0xFFFF),
                           cipher_suite=st.integers(0, 0xFFFF), group_id=small, epoch=u64,
                           tree_hash=small, confirmed_transcript_hash=small,
                           extensions=extensions)


@st.composite
def public_messages(draw: st.DrawFn) -> m.PublicMessage:
    sender = draw(senders)
    body = draw(st.one_of(small, proposals, commits))
    ct = (m.ContentType.application if isinstance(body, bytes) else
          m.ContentType.proposal if isinstance(body, m.Proposal) else m.ContentType.commit)
    content = m.FramedContent(
        group_id=draw(small), epoch=draw(u64), sender=sender, authenticated_data=draw(small),
        content_type=ct, application_data=body if isinstance(body, bytes) else None,
        proposal=body if isinstance(body, m.Proposal) else None,
        commit=body if isinstance(body, m.Commit) else None)
    auth = m.FramedContentAuthData(
        signature=draw(small),
        confirmation_tag=draw(small) if ct == m.ContentType.commit else None)
    return m.PublicMessage(content=content, auth=auth, membership_tag=(
        draw(small) if sender.sender_type == m.SenderType.member else None))


group_infos = st.builds(m.GroupInfo, group_context=group_contexts, extensions=extensions,
                        confirmation_tag=small, signer=u32, signature=small)
welcomes = st.builds(m.Welcome, cipher_suite=st.integers(0, 0xFFFF), secrets=st.lists(
    st.builds(m.EncryptedGroupSecrets, new_member=small, encrypted_group_secrets=ciphertexts),
    max_size=2).map(tuple), encrypted_group_info=small)
private_messages = st.builds(m.PrivateMessage, group_id=small, epoch=u64,
                             content_type=st.sampled_from(m.ContentType),
                             authenticated_data=small, encrypted_sender_data=small,
                             ciphertext=small)
mls_messages = st.one_of(public_messages(), private_messages, welcomes, group_infos,
                         key_packages).map(m.MLSMessage.of)
trees = st.lists(st.none() | leaf_nodes().map(m.Node.leaf) | st.builds(
    m.ParentNode, encryption_key=small, parent_hash=small,
    unmerged_leaves=st.lists(u32, max_size=3).map(tuple)).map(m.Node.parent),
    max_size=4).map(lambda nodes: m.RatchetTree(nodes=tuple(nodes)))
group_secrets = st.builds(m.GroupSecrets, joiner_secret=small, path_secret=st.none() | st.builds(
    m.PathSecret, path_secret=small), psks=st.lists(psk_ids(), max_size=2).map(tuple))


@pytest.mark.parametrize("strategy", [mls_messages, commits, trees, group_secrets,
                                      st.builds(m.PSKLabel, id=psk_ids(), index=st.integers(
                                          0, 0xFFFF), count=st.integers(0, 0xFFFF))],
                         ids=["mls_message", "commit", "ratchet_tree", "group_secrets",
                              "psk_label"])
@settings(max_examples=60, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_generated_structs_round_trip(strategy: st.SearchStrategy[Struct],
                                      data: st.DataObject) -> None:
    value = data.draw(strategy)
    encoded = value.to_bytes()
    assert type(value).from_bytes(encoded) == value
    if encoded:  # a strict prefix never decodes: TLS encodings are prefix-free
        with pytest.raises(DecodeError):
            type(value).from_bytes(encoded[:-1])
