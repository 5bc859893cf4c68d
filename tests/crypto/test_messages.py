# SPDX-License-Identifier: Apache-2.0
"""crypto.messages: byte-exact round trips, signed-bytes helpers, and hostile encodings."""

from __future__ import annotations

import hashlib
import hmac
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from nacl.exceptions import BadSignatureError
from nacl.signing import VerifyKey

from crypto.codec import Reader, Struct, Writer, encode_varint, opaque_v
from crypto.conformance.check_messages import FIELDS
from crypto.errors import DecodeError, UsageError
from crypto.messages import (
    Add,
    AuthenticatedContent,
    AuthenticatedContentTBM,
    Capabilities,
    Commit,
    ContentType,
    Credential,
    CredentialType,
    Extension,
    ExtensionType,
    ExternalInit,
    ExternalPub,
    ExternalSender,
    FramedContent,
    FramedContentAuthData,
    FramedContentTBS,
    GroupContext,
    GroupContextExtensions,
    GroupInfo,
    GroupSecrets,
    KeyPackage,
    LeafNode,
    LeafNodeSource,
    Lifetime,
    MLSMessage,
    Node,
    NodeType,
    ParentNode,
    PathSecret,
    PreSharedKey,
    PreSharedKeyID,
    PrivateMessageContent,
    Proposal,
    ProposalBody,
    ProposalOrRef,
    ProposalOrRefType,
    PSKLabel,
    PSKType,
    PublicMessage,
    RatchetTree,
    Remove,
    RequiredCapabilities,
    ResumptionPSKUsage,
    Sender,
    SenderData,
    SenderType,
    Update,
    Welcome,
    WireFormat,
    decode_external_senders,
    decode_ratchet_tree,
    encode_external_senders,
    encode_ratchet_tree,
    find_extension,
    framed_content_tbs_bytes,
    make_key_package_ref,
    make_proposal_ref,
)

VECTORS = Path(__file__).resolve().parents[1] / "vectors"
MESSAGES: list[dict[str, str]] = json.loads((VECTORS / "messages.json").read_text())
ED25519_SUITES = (1, 3)


def load(name: str) -> list[dict[str, Any]]:
    cases: list[dict[str, Any]] = json.loads((VECTORS / name).read_text())
    return cases


def field(case: int, name: str) -> bytes:
    return bytes.fromhex(MESSAGES[case][name])


def ref_hash_sha256(label: str, value: bytes) -> bytes:
    return hashlib.sha256(opaque_v(label.encode()) + opaque_v(value)).digest()


def verify_with_label(public_key: bytes, label: str, content: bytes, signature: bytes) -> None:
    """RFC 9420 section 5.1.2 VerifyWithLabel for Ed25519 (raises BadSignatureError)."""
    sign_content = opaque_v(b"MLS 1.0 " + label.encode()) + opaque_v(content)
    VerifyKey(public_key).verify(sign_content, signature)


def a_leaf(source: LeafNodeSource = LeafNodeSource.key_package, **kw: Any) -> LeafNode:
    extra: dict[str, Any] = {}
    if source == LeafNodeSource.key_package:
        extra["lifetime"] = Lifetime(not_before=1, not_after=2)
    if source == LeafNodeSource.commit:
        extra["parent_hash"] = b"p" * 32
    fields: dict[str, Any] = {
        "encryption_key": b"e" * 32, "signature_key": b"s" * 32,
        "credential": Credential.basic(b"alice"),
        "capabilities": Capabilities(versions=(1,), cipher_suites=(1, 3)),
        "leaf_node_source": source, "extensions": (), "signature": b"sig"}
    return LeafNode(**(fields | extra | kw))


def a_key_package(**kw: Any) -> KeyPackage:
    return KeyPackage(cipher_suite=kw.pop("cipher_suite", 1), init_key=b"i" * 32,
                      leaf_node=a_leaf(), signature=b"kpsig", **kw)


def a_context(**kw: Any) -> GroupContext:
    return GroupContext(cipher_suite=1, group_id=b"gid", epoch=kw.pop("epoch", 7),
                        tree_hash=b"t" * 32, confirmed_transcript_hash=b"c" * 32, **kw)


# --------------------------------------------------------------------------- round trips


@pytest.mark.parametrize("name", sorted(FIELDS))
def test_every_messages_vector_field_round_trips(name: str) -> None:
    decode = FIELDS[name]
    for case in MESSAGES:
        data = bytes.fromhex(case[name])
        value = decode(data)
        assert value.to_bytes() == data
        assert decode(value.to_bytes()) == value
        hash(value)  # decoded structs are immutable values


def test_vector_messages_decode_to_the_documented_kinds() -> None:
    msg = MLSMessage.from_bytes(field(0, "public_message_commit"))
    pub = msg.public_message
    assert pub is not None and msg.body is pub
    assert pub.content.content_type == ContentType.commit and pub.content.commit is not None
    assert pub.auth.confirmation_tag is not None
    assert (pub.membership_tag is not None) == (pub.content.sender.sender_type
                                                == SenderType.member)
    kp = MLSMessage.from_bytes(field(0, "mls_key_package")).key_package
    assert kp is not None and kp.leaf_node.leaf_node_source == LeafNodeSource.key_package
    assert kp.leaf_node.lifetime is not None
    tree = decode_ratchet_tree(field(0, "ratchet_tree"))
    assert tree and tree[0] is not None and tree[0].node_type == NodeType.leaf
    assert encode_ratchet_tree(tree) == field(0, "ratchet_tree")


def test_constructed_structs_round_trip() -> None:
    kp = a_key_package(extensions=(Extension(extension_type=0xFAFA, extension_data=b"g"),))
    psk_res = PreSharedKeyID(psktype=PSKType.resumption, usage=ResumptionPSKUsage.branch,
                             psk_group_id=b"g2", psk_epoch=9, psk_nonce=b"n" * 32)
    psk_ext = PreSharedKeyID(psktype=PSKType.external, psk_id=b"id", psk_nonce=b"n")
    proposals: list[ProposalBody] = [
                 Add(key_package=kp), Update(leaf_node=a_leaf(LeafNodeSource.update)),
                 Remove(removed=3), PreSharedKey(psk=psk_res), PreSharedKey(psk=psk_ext),
                 ExternalInit(kem_output=b"k"),
                 GroupContextExtensions(extensions=(ExternalPub(external_pub=b"x")
                                                    .to_extension(),))]
    refs = [ProposalOrRef.of(Proposal.of(p)) for p in proposals]
    commit = Commit(proposals=(*refs, ProposalOrRef.of(b"r" * 32)))
    values: list[Struct] = [
        kp, commit, psk_res, PSKLabel(id=psk_ext, index=0, count=1),
        GroupSecrets(joiner_secret=b"j", path_secret=PathSecret(path_secret=b"p"),
                     psks=(psk_res,)),
        GroupInfo(group_context=a_context(), confirmation_tag=b"t", signer=2, signature=b"s"),
        SenderData(leaf_index=1, generation=2, reuse_guard=b"abcd"),
        RequiredCapabilities(extension_types=(5,), proposal_types=(0x0A0A,)),
        Credential(credential_type=CredentialType.x509, certificates=(b"c1", b"c2")),
        RatchetTree(nodes=(Node.leaf(a_leaf()), None,
                           Node.parent(ParentNode(encryption_key=b"k",
                                                  unmerged_leaves=(0, 2))))),
    ]
    for value in values:
        data = value.to_bytes()
        assert type(value).from_bytes(data) == value
    for sender in (Sender.member(4), Sender.external(1),
                   Sender(sender_type=SenderType.new_member_commit),
                   Sender(sender_type=SenderType.new_member_proposal)):
        assert Sender.from_bytes(sender.to_bytes()) == sender
    senders = (ExternalSender(signature_key=b"k", credential=Credential.basic(b"ds")),)
    ext = encode_external_senders(senders)
    assert decode_external_senders(ext.extension_data) == senders
    assert find_extension((ext,), ExtensionType.external_senders) == ext
    assert find_extension((ext,), ExtensionType.ratchet_tree) is None


def test_unknown_extensible_code_points_round_trip() -> None:
    leaf = a_leaf(capabilities=Capabilities(versions=(1, 0x0B0B), cipher_suites=(0x7777,),
                                            extensions=(0xFAFA,), proposals=(0x1A1A,),
                                            credentials=(0x2A2A,)),
                  extensions=(Extension(extension_type=0xFAFA, extension_data=b"?"),))
    kp = a_key_package(cipher_suite=0x7777, version=0x0B0B)
    kp = KeyPackage(version=kp.version, cipher_suite=kp.cipher_suite, init_key=kp.init_key,
                    leaf_node=leaf, extensions=leaf.extensions, signature=b"")
    wire = MLSMessage.of(kp).to_bytes()
    back = MLSMessage.from_bytes(wire)
    assert back.key_package == kp and back.to_bytes() == wire
    assert back.key_package is not None and back.key_package.cipher_suite == 0x7777
    welcome = Welcome(cipher_suite=0xBEEF, encrypted_group_info=b"x")
    assert Welcome.from_bytes(welcome.to_bytes()) == welcome


# --------------------------------------------------------------------------- signed bytes


def test_leaf_node_tbs_verifies_against_tree_validation_signatures() -> None:
    checked = {LeafNodeSource.key_package: 0, LeafNodeSource.update: 0,
               LeafNodeSource.commit: 0}
    for case in load("tree-validation.json"):
        if case["cipher_suite"] not in ED25519_SUITES:
            continue
        group_id = bytes.fromhex(case["group_id"])
        nodes = decode_ratchet_tree(bytes.fromhex(case["tree"]))
        for i in range(0, len(nodes), 2):
            node = nodes[i]
            if node is None or node.leaf_node is None:
                continue
            leaf = node.leaf_node
            tbs = leaf.tbs_bytes(group_id, i // 2)
            verify_with_label(leaf.signature_key, "LeafNodeTBS", tbs, leaf.signature)
            checked[leaf.leaf_node_source] += 1
            # The wrong leaf index must break a group-bound leaf's signature.
            if leaf.leaf_node_source != LeafNodeSource.key_package:
                with pytest.raises(BadSignatureError):
                    verify_with_label(leaf.signature_key, "LeafNodeTBS",
                                      leaf.tbs_bytes(group_id, i // 2 + 1), leaf.signature)
    assert checked[LeafNodeSource.commit] > 0


def test_key_package_tbs_and_ref_match_welcome_vectors() -> None:
    runs = 0
    for case in load("welcome.json"):
        if case["cipher_suite"] not in ED25519_SUITES:
            continue
        kp_bytes = bytes.fromhex(case["key_package"])
        kp = MLSMessage.from_bytes(kp_bytes).key_package
        assert kp is not None
        verify_with_label(kp.leaf_node.signature_key, "KeyPackageTBS", kp.tbs_bytes(),
                          kp.signature)
        assert kp.tbs_bytes() + opaque_v(kp.signature) == kp.to_bytes()
        welcome = MLSMessage.from_bytes(bytes.fromhex(case["welcome"])).welcome
        assert welcome is not None and welcome.cipher_suite == kp.cipher_suite
        ref = make_key_package_ref(ref_hash_sha256, kp)
        assert ref == welcome.secrets[0].new_member
        assert make_key_package_ref(ref_hash_sha256, kp.to_bytes()) == ref
        runs += 1
    assert runs >= 2


class _FakeSuite:
    def ref_hash(self, label: str, value: bytes) -> bytes:
        return ref_hash_sha256(label, value)


def test_proposal_ref_uses_full_label_and_accepts_a_suite_object() -> None:
    content = FramedContent(group_id=b"g", epoch=1, sender=Sender.member(0),
                            content_type=ContentType.proposal,
                            proposal=Proposal.of(Remove(removed=1)))
    ac = AuthenticatedContent(wire_format=WireFormat.mls_public_message, content=content,
                              auth=FramedContentAuthData(signature=b"s"))
    expected = ref_hash_sha256("MLS 1.0 Proposal Reference", ac.to_bytes())
    assert make_proposal_ref(ref_hash_sha256, ac) == expected
    assert make_proposal_ref(_FakeSuite(), ac.to_bytes()) == expected
    assert AuthenticatedContent.from_bytes(ac.to_bytes()) == ac


def test_framed_content_tbs_and_tbm_match_message_protection_vectors() -> None:
    runs = 0
    for case in load("message-protection.json"):
        if case["cipher_suite"] not in ED25519_SUITES:
            continue
        context = GroupContext(cipher_suite=case["cipher_suite"],
                               group_id=bytes.fromhex(case["group_id"]), epoch=case["epoch"],
                               tree_hash=bytes.fromhex(case["tree_hash"]),
                               confirmed_transcript_hash=bytes.fromhex(
                                   case["confirmed_transcript_hash"]))
        pub_key = bytes.fromhex(case["signature_pub"])
        for name in ("proposal_pub", "commit_pub", "application_pub"):
            if name not in case:
                continue
            pub = MLSMessage.from_bytes(bytes.fromhex(case[name])).public_message
            assert pub is not None and pub.membership_tag is not None
            tbs = framed_content_tbs_bytes(WireFormat.mls_public_message, pub.content, context)
            verify_with_label(pub_key, "FramedContentTBS", tbs, pub.auth.signature)
            tbs_struct = FramedContentTBS(wire_format=WireFormat.mls_public_message,
                                          content=pub.content, context=context)
            assert FramedContentTBS.from_bytes(tbs) == tbs_struct
            tbm = AuthenticatedContentTBM(content_tbs=tbs_struct, auth=pub.auth).to_bytes()
            tag = hmac.new(bytes.fromhex(case["membership_key"]), tbm, "sha256").digest()
            assert tag == pub.membership_tag
            with pytest.raises(BadSignatureError):
                other = framed_content_tbs_bytes(WireFormat.mls_private_message, pub.content,
                                                 context)
                verify_with_label(pub_key, "FramedContentTBS", other, pub.auth.signature)
            runs += 1
    assert runs >= 4


def test_group_info_tbs_is_everything_but_the_signature() -> None:
    gi = MLSMessage.from_bytes(field(3, "mls_group_info")).group_info
    assert gi is not None
    assert gi.tbs_bytes() + opaque_v(gi.signature) == gi.to_bytes()


def test_leaf_tbs_needs_group_for_update_and_commit_leaves() -> None:
    kp_leaf = a_leaf()
    assert kp_leaf.tbs_bytes() == kp_leaf.tbs_bytes(b"ignored", 5)
    assert kp_leaf.tbs_bytes() + opaque_v(kp_leaf.signature) == kp_leaf.to_bytes()
    leaf = a_leaf(LeafNodeSource.commit)
    with pytest.raises(UsageError):
        leaf.tbs_bytes()
    body = leaf.to_bytes()[: -len(opaque_v(leaf.signature))]
    assert leaf.tbs_bytes(b"g", 3) == body + opaque_v(b"g") + (3).to_bytes(4, "big")


def test_framed_content_tbs_omits_context_for_external_senders() -> None:
    content = FramedContent(group_id=b"g", epoch=1, sender=Sender.external(0),
                            content_type=ContentType.proposal,
                            proposal=Proposal.of(Remove(removed=0)))
    with_ctx = framed_content_tbs_bytes(WireFormat.mls_public_message, content, a_context())
    without = framed_content_tbs_bytes(WireFormat.mls_public_message, content, None)
    assert with_ctx == without == b"\x00\x01\x00\x01" + content.to_bytes()
    member = FramedContent(group_id=b"g", epoch=1, sender=Sender.member(0),
                           content_type=ContentType.application, application_data=b"hi")
    with pytest.raises(UsageError):
        framed_content_tbs_bytes(WireFormat.mls_public_message, member, None)


# --------------------------------------------------------------------------- construction rules


@pytest.mark.parametrize("build", [
    lambda: Sender(sender_type=SenderType.member),
    lambda: Sender(sender_type=SenderType.external, leaf_index=1),
    lambda: Node(node_type=NodeType.parent, leaf_node=a_leaf()),
    lambda: a_leaf(LeafNodeSource.update, lifetime=Lifetime(not_before=0, not_after=1)),
    lambda: a_leaf(LeafNodeSource.key_package, lifetime=None),
    lambda: Proposal(proposal_type=Proposal.of(Remove(removed=1)).proposal_type,
                     body=ExternalInit(kem_output=b"")),
    lambda: ProposalOrRef(type=ProposalOrRefType.reference),
    lambda: FramedContent(group_id=b"", epoch=0, sender=Sender.member(0),
                          content_type=ContentType.commit, application_data=b""),
    lambda: PublicMessage(content=FramedContent(group_id=b"", epoch=0, sender=Sender.member(0),
                                                content_type=ContentType.application,
                                                application_data=b""),
                          auth=FramedContentAuthData(signature=b"", confirmation_tag=b"t"),
                          membership_tag=b"m"),
    lambda: MLSMessage(wire_format=WireFormat.mls_welcome),
    lambda: Credential(credential_type=0x1234),
    lambda: PreSharedKeyID(psktype=PSKType.resumption, psk_id=b"x", psk_nonce=b""),
    lambda: SenderData(leaf_index=0, generation=0, reuse_guard=b"abc"),
])
def test_inconsistent_select_arms_are_usage_errors(build: Callable[[], object]) -> None:
    with pytest.raises(UsageError):
        build()


def test_context_dependent_decoders_refuse_plain_decode() -> None:
    with pytest.raises(UsageError):
        FramedContentAuthData.from_bytes(b"\x00")
    with pytest.raises(UsageError):
        PrivateMessageContent.from_bytes(b"\x00")
    auth = FramedContentAuthData(signature=b"s", confirmation_tag=b"t")
    assert FramedContentAuthData.from_bytes_for(auth.to_bytes(), ContentType.commit) == auth
    with pytest.raises(DecodeError):  # without the tag arm the tag's bytes are trailing
        FramedContentAuthData.from_bytes_for(auth.to_bytes(), ContentType.proposal)


def test_private_message_content_padding() -> None:
    pmc = PrivateMessageContent(content_type=ContentType.application, application_data=b"hi",
                                auth=FramedContentAuthData(signature=b"s"), padding=5)
    data = pmc.to_bytes()
    assert data.endswith(bytes(5))
    assert PrivateMessageContent.from_plaintext(data, ContentType.application) == pmc
    bad = data[:-1] + b"\x01"
    with pytest.raises(DecodeError):
        PrivateMessageContent.from_plaintext(bad, ContentType.application)
    commit = PrivateMessageContent(content_type=ContentType.commit, commit=Commit(),
                                   auth=FramedContentAuthData(signature=b"s",
                                                              confirmation_tag=b"t"))
    assert PrivateMessageContent.from_plaintext(commit.to_bytes(), ContentType.commit) == commit


# --------------------------------------------------------------------------- hostile input


def cut_points(n: int) -> list[int]:
    return sorted({0, 1, 2, n // 4, n // 3, n // 2, n - 2, n - 1} & set(range(n)))


@pytest.mark.parametrize("name", sorted(FIELDS))
def test_truncated_fields_are_decode_errors(name: str) -> None:
    decode = FIELDS[name]
    for case in MESSAGES[:25]:
        data = bytes.fromhex(case[name])
        for cut in cut_points(len(data)):
            with pytest.raises(DecodeError):
                decode(data[:cut])


@pytest.mark.parametrize("name", sorted(FIELDS))
def test_trailing_byte_is_a_decode_error(name: str) -> None:
    decode = FIELDS[name]
    for case in MESSAGES[:25]:
        for extra in (b"\x00", b"\x01", b"\xff"):
            with pytest.raises(DecodeError):
                decode(bytes.fromhex(case[name]) + extra)


def test_non_minimal_and_reserved_varints_are_decode_errors() -> None:
    ei = field(0, "external_init_proposal")
    length, body = ei[0], ei[1:]
    assert ExternalInit.from_bytes(ei).kem_output == body and length == len(body)
    for prefix in ((0x4000 | length).to_bytes(2, "big"), (0x80000000 | length).to_bytes(4, "big"),
                   (0xC0 << 56 | length).to_bytes(8, "big")):
        with pytest.raises(DecodeError):
            ExternalInit.from_bytes(prefix + body)
    # KeyPackage in an MLSMessage: init_key's one-byte length sits at offset 8.
    kp = field(0, "mls_key_package")
    init_len = kp[8]
    assert init_len < 64 and init_len == len(MLSMessage.from_bytes(kp).key_package.init_key)  # type: ignore[union-attr]
    with pytest.raises(DecodeError):
        MLSMessage.from_bytes(kp[:8] + bytes((0x40, init_len)) + kp[9:])


def test_oversized_vector_lengths_are_decode_errors() -> None:
    ei = field(0, "external_init_proposal")
    body = ei[1:]
    for length in (len(body) + 1, 63, (1 << 30) - 1):
        with pytest.raises(DecodeError):
            ExternalInit.from_bytes(encode_varint(length) + body)
    # A ratchet tree claiming a gigabyte of nodes with a few bytes present.
    with pytest.raises(DecodeError):
        decode_ratchet_tree(encode_varint((1 << 30) - 1) + b"\x00" * 8)
    # An inner vector longer than its enclosing vector.
    caps = Capabilities(versions=(1,)).to_bytes()
    with pytest.raises(DecodeError):
        Capabilities.from_bytes(b"\x02\x01\x00\x01" + caps[3:])


def offset_of_content_type(msg: bytes) -> int:
    """Offset of FramedContent.content_type inside an MLSMessage(PublicMessage)."""
    pub = MLSMessage.from_bytes(msg).public_message
    assert pub is not None
    c = pub.content
    prefix = (opaque_v(c.group_id) + c.epoch.to_bytes(8, "big") + c.sender.to_bytes()
              + opaque_v(c.authenticated_data))
    return 4 + len(prefix)


def patched(data: bytes, offset: int, value: bytes) -> bytes:
    return data[:offset] + value + data[offset + len(value):]


def test_unknown_fixed_code_points_are_decode_errors() -> None:
    priv = field(0, "private_message")
    for wf in (0, 6, 0xFFFF):
        with pytest.raises(DecodeError):
            MLSMessage.from_bytes(patched(priv, 2, wf.to_bytes(2, "big")))
    for version in (0, 2):
        with pytest.raises(DecodeError):
            MLSMessage.from_bytes(patched(priv, 0, version.to_bytes(2, "big")))
    pub = field(0, "public_message_application")
    ct = offset_of_content_type(pub)
    assert pub[ct] == ContentType.application
    for bad in (0, 4, 255):
        with pytest.raises(DecodeError):
            MLSMessage.from_bytes(patched(pub, ct, bytes((bad,))))
    gid_len = MLSMessage.from_bytes(pub).public_message.content.group_id  # type: ignore[union-attr]
    sender_at = 4 + len(opaque_v(gid_len)) + 8
    for bad in (0, 5):
        with pytest.raises(DecodeError):
            MLSMessage.from_bytes(patched(pub, sender_at, bytes((bad,))))
    for bad in (0, 5, 0xFF):
        with pytest.raises(DecodeError):
            Sender.from_bytes(bytes((bad,)) + b"\x00\x00\x00\x00")


def test_unknown_node_leaf_psk_and_ref_types_are_decode_errors() -> None:
    tree = RatchetTree(nodes=(Node.leaf(a_leaf()),)).to_bytes()
    head = len(tree) - len(Node.leaf(a_leaf()).to_bytes()) - 1  # presence flag offset
    assert tree[head] == 1 and tree[head + 1] == NodeType.leaf
    for bad_flag in (2, 0xFF):
        with pytest.raises(DecodeError):
            RatchetTree.from_bytes(patched(tree, head, bytes((bad_flag,))))
    for bad_type in (0, 3):
        with pytest.raises(DecodeError):
            RatchetTree.from_bytes(patched(tree, head + 1, bytes((bad_type,))))
    leaf = a_leaf()
    src_at = len(opaque_v(leaf.encryption_key) + opaque_v(leaf.signature_key)
                 + leaf.credential.to_bytes() + leaf.capabilities.to_bytes())
    data = leaf.to_bytes()
    assert data[src_at] == LeafNodeSource.key_package
    for bad in (0, 4):
        with pytest.raises(DecodeError):
            LeafNode.from_bytes(patched(data, src_at, bytes((bad,))))
    psk = PreSharedKeyID(psktype=PSKType.resumption, usage=ResumptionPSKUsage.application,
                         psk_group_id=b"g", psk_epoch=1, psk_nonce=b"n").to_bytes()
    for offset, bad in ((0, 0), (0, 3), (1, 0), (1, 4)):
        with pytest.raises(DecodeError):
            PreSharedKeyID.from_bytes(patched(psk, offset, bytes((bad,))))
    commit = Commit(proposals=(ProposalOrRef.of(b"r"),)).to_bytes()
    assert commit[1] == ProposalOrRefType.reference
    for bad in (0, 3):
        with pytest.raises(DecodeError):
            Commit.from_bytes(patched(commit, 1, bytes((bad,))))
    with pytest.raises(DecodeError):  # optional<UpdatePath> flag must be 0 or 1
        Commit.from_bytes(b"\x00\x02")
    with pytest.raises(DecodeError):
        GroupSecrets.from_bytes(b"\x00\x02\x00")


def test_undelimitable_proposal_and_credential_types_are_decode_errors() -> None:
    remove = Proposal.of(Remove(removed=1)).to_bytes()
    for bad in (0, 8, 0x0A0A):
        with pytest.raises(DecodeError):
            Proposal.from_bytes(bad.to_bytes(2, "big") + remove[2:])
    cred = Credential.basic(b"bob").to_bytes()
    for bad in (0, 3, 0xFAFA):
        with pytest.raises(DecodeError):
            Credential.from_bytes(bad.to_bytes(2, "big") + cred[2:])


def test_decoders_reading_from_a_shared_reader_raise_decode_error_not_value_error() -> None:
    # Code that calls .decode(reader) directly (not from_bytes) must see DecodeError too.
    with pytest.raises(DecodeError):
        Sender.decode(Reader(b"\x09\x00\x00\x00\x00"))
    with pytest.raises(DecodeError):
        MLSMessage.decode(Reader(b"\x00\x01\x00\x09"))
    w = Writer()
    w.u8(0)
    with pytest.raises(DecodeError):
        Node.decode(Reader(w.getvalue()))


def test_large_blank_tree_decodes_in_linear_space() -> None:
    n = 50_000
    data = encode_varint(n) + bytes(n)
    nodes = decode_ratchet_tree(data)
    assert len(nodes) == n and all(node is None for node in nodes)
    assert encode_ratchet_tree(nodes) == data


def test_many_items_in_an_inner_vector_decode_in_linear_time() -> None:
    # 150k empty proposal references inside Commit.proposals, followed by the path flag
    # (so the inner vector ends before the buffer does): a generous bound that catches
    # per-item work proportional to the whole input.
    import time

    n = 150_000
    body = b"\x02\x00" * n
    data = encode_varint(len(body)) + body + b"\x00"
    start = time.perf_counter()
    commit = Commit.from_bytes(data)
    elapsed = time.perf_counter() - start
    assert len(commit.proposals) == n and commit.proposals[-1].reference == b""
    assert commit.to_bytes() == data
    assert elapsed < 10, f"decoding took {elapsed:.1f} s"


def test_secrets_stay_out_of_reprs_and_contract_aliases_exist() -> None:
    gs = GroupSecrets(joiner_secret=b"JOINER-SECRET", path_secret=PathSecret(path_secret=b"PS-X"))
    for text in (repr(gs), repr(gs.path_secret), str(gs)):
        assert "JOINER-SECRET" not in text and "PS-X" not in text
    leaf = a_leaf(LeafNodeSource.update)
    assert leaf.tbs(b"g", 1) == leaf.tbs_bytes(b"g", 1)
    kp = a_key_package()
    assert kp.tbs() == kp.tbs_bytes()
    gi = GroupInfo(group_context=a_context(), confirmation_tag=b"t", signer=0)
    assert gi.tbs() == gi.tbs_bytes()
