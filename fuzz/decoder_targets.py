# SPDX-License-Identifier: Apache-2.0
"""The decoder fuzz targets shared by atheris (fuzz_decoders.py) and hypothesis.

A target decodes its input and must either raise DecodeError or return a value
that re-encodes to exactly the input; any other exception, or a mismatch, is a bug.
The ``*_rules`` targets then run the RFC 9420 semantic checks of
:mod:`crypto.group.validation` (and the tree's) on the decoded value: they may refuse it
with any :class:`~crypto.errors.PeerError`, never with another exception.
Seeds are valid encodings derived from tests/vectors/messages.json. No atheris
import here: tests/crypto/test_decoder_fuzz.py loads this module directly.
"""

from __future__ import annotations

import contextlib
import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from crypto.codec import Struct
from crypto.errors import DecodeError, PeerError
from crypto.group import Group, validation
from crypto.messages import (
    AuthenticatedContent,
    Capabilities,
    Commit,
    ContentType,
    Credential,
    ExternalSender,
    FramedContent,
    FramedContentAuthData,
    FramedContentTBS,
    GroupContext,
    GroupInfo,
    GroupSecrets,
    KeyPackage,
    LeafNode,
    MLSMessage,
    Node,
    PreSharedKeyID,
    PrivateMessage,
    PrivateMessageContent,
    Proposal,
    ProposalOrRef,
    PublicMessage,
    RatchetTree,
    RequiredCapabilities,
    SenderData,
    UpdatePath,
    Welcome,
    decode_external_senders,
    encode_external_senders,
)

VECTORS = Path(__file__).resolve().parents[1] / "tests" / "vectors"


@dataclass(frozen=True, slots=True)
class Target:
    """How to decode one kind of input and re-encode what came out."""

    decode: Callable[[bytes], object]
    encode: Callable[[object], bytes]
    check: Callable[[object], None] | None = None  # semantic rules; may raise PeerError
    seeds_of: str | None = None  # take the seeds of this target


def _struct(kind: type[Struct]) -> Target:
    def encode(value: object) -> bytes:
        assert isinstance(value, kind)
        return value.to_bytes()
    return Target(kind.from_bytes, encode)


def _content_type(data: bytes) -> tuple[ContentType, bytes]:
    """Context-dependent decoders take their content type from the first byte."""
    if not data or data[0] not in (1, 2, 3):
        raise DecodeError("no content type selector")
    return ContentType(data[0]), data[1:]


def _decode_pmc(data: bytes) -> object:
    ct, rest = _content_type(data)
    return PrivateMessageContent.from_plaintext(rest, ct)


def _encode_pmc(value: object) -> bytes:
    assert isinstance(value, PrivateMessageContent)
    return bytes((value.content_type,)) + value.to_bytes()


def _decode_auth(data: bytes) -> object:
    ct, rest = _content_type(data)
    return ct, FramedContentAuthData.from_bytes_for(rest, ct)


def _encode_auth(value: object) -> bytes:
    assert isinstance(value, tuple)
    ct, auth = value
    assert isinstance(auth, FramedContentAuthData)
    return bytes((ct,)) + auth.to_bytes()


def _encode_senders(value: object) -> bytes:
    assert isinstance(value, tuple)
    return encode_external_senders(value).extension_data


class _Fixture:
    """A one-member group (suite 3), built on first use: the context the rule targets
    check proposals and leaves against."""

    group: Group | None = None

    @classmethod
    def get(cls) -> Group:
        if cls.group is None:
            from crypto.messages import Credential as Cred
            from crypto.suites import get_suite

            sig, _pub = get_suite(3).generate_signature_key_pair()
            cls.group = Group.create(3, b"fuzz-group", Cred.basic(b"fuzz"), sig,
                                     credential_validator=validation.BasicIdentityProvider())
        return cls.group


_ANYONE = validation.CallableIdentity(lambda _c, _k: None)


def _check_leaf(value: object) -> None:
    assert isinstance(value, LeafNode)
    st = _Fixture.get()._state
    for context in validation.LeafContext:
        with contextlib.suppress(PeerError):
            validation.validate_leaf(
                st.tree, value, context, group_id=st.context.group_id,
                leaf_index=0 if context is not validation.LeafContext.ADD else None,
                extensions=st.context.extensions, identity=_ANYONE,
                old_leaf=st.tree.leaf(0) if context in (
                    validation.LeafContext.UPDATE, validation.LeafContext.COMMIT) else None)


def _check_key_package(value: object) -> None:
    assert isinstance(value, KeyPackage)
    suite = validation.peer_suite(value.cipher_suite)
    validation.check_key_package(suite, value, now=None)


def _check_group_context(value: object) -> None:
    assert isinstance(value, GroupContext)
    suite = validation.peer_suite(value.cipher_suite)
    members = [leaf for _i, leaf in _Fixture.get()._state.tree.leaves()]
    validation.check_group_context_extensions(value.extensions, suite=suite, members=members,
                                              identity=_ANYONE)


def _check_proposal(value: object) -> None:
    assert isinstance(value, Proposal)
    g = _Fixture.get()
    st = g._state
    from crypto.messages import Sender

    for sender in (Sender.member(0), Sender.external(0)):
        try:
            validation.check_proposal_sender(value, sender)
            validation.check_proposal(st.suite, st.context, st.tree, value, sender, _ANYONE,
                                      None)
            validation.apply_proposal_list(st.suite, st.context, st.tree,
                                           [(value, sender, None)], Sender.member(0),
                                           _ANYONE, None, check_each=False)
        except PeerError:
            pass


def _check_tree(value: object) -> None:
    assert isinstance(value, RatchetTree)
    from crypto.suites import get_suite
    from crypto.tree import parse_ratchet_tree

    parse_ratchet_tree(get_suite(3), value.to_bytes()).verify_structure(group_id=b"fuzz")


def _check_senders(value: object) -> None:
    assert isinstance(value, tuple)
    from crypto.suites import get_suite

    validation.check_external_senders([encode_external_senders(value)], _ANYONE,
                                      get_suite(3))


def _check_group_secrets(value: object) -> None:
    assert isinstance(value, GroupSecrets)
    from crypto.suites import get_suite

    validation.check_welcome_psks(get_suite(3), value.psks)


def _rules(base: Target, check: Callable[[object], None], seeds_of: str) -> Target:
    return Target(base.decode, base.encode, check, seeds_of)


TARGETS: dict[str, Target] = {
    "mls_message": _struct(MLSMessage),
    "key_package": _struct(KeyPackage),
    "welcome": _struct(Welcome),
    "group_info": _struct(GroupInfo),
    "group_context": _struct(GroupContext),
    "group_secrets": _struct(GroupSecrets),
    "commit": _struct(Commit),
    "proposal": _struct(Proposal),
    "proposal_or_ref": _struct(ProposalOrRef),
    "leaf_node": _struct(LeafNode),
    "node": _struct(Node),
    "ratchet_tree": _struct(RatchetTree),
    "update_path": _struct(UpdatePath),
    "public_message": _struct(PublicMessage),
    "private_message": _struct(PrivateMessage),
    "private_message_content": Target(_decode_pmc, _encode_pmc),
    "framed_content": _struct(FramedContent),
    "framed_content_auth_data": Target(_decode_auth, _encode_auth),
    "framed_content_tbs": _struct(FramedContentTBS),
    "authenticated_content": _struct(AuthenticatedContent),
    "sender_data": _struct(SenderData),
    "pre_shared_key_id": _struct(PreSharedKeyID),
    "credential": _struct(Credential),
    "capabilities": _struct(Capabilities),
    "required_capabilities": _struct(RequiredCapabilities),
    "external_senders": Target(decode_external_senders, _encode_senders),
}
TARGETS.update({
    "leaf_node_rules": _rules(TARGETS["leaf_node"], _check_leaf, "leaf_node"),
    "key_package_rules": _rules(TARGETS["key_package"], _check_key_package, "key_package"),
    "group_context_rules": _rules(TARGETS["group_context"], _check_group_context,
                                  "group_context"),
    "proposal_rules": _rules(TARGETS["proposal"], _check_proposal, "proposal"),
    "ratchet_tree_rules": _rules(TARGETS["ratchet_tree"], _check_tree, "ratchet_tree"),
    "external_senders_rules": _rules(TARGETS["external_senders"], _check_senders,
                                     "external_senders"),
    "group_secrets_rules": _rules(TARGETS["group_secrets"], _check_group_secrets,
                                  "group_secrets"),
})


def run_one(target: Target, data: bytes) -> bool:
    """Decode ``data``: False on DecodeError, True if it re-encodes exactly.

    Raises:
        AssertionError: the decoded value re-encodes to other bytes.
        Exception: whatever else the decoder let escape (a bug).
    """
    try:
        value = target.decode(data)
    except DecodeError:
        return False
    again = target.encode(value)
    if again != data:
        raise AssertionError(f"re-encoding differs: {data.hex()} -> {again.hex()}")
    if target.check is not None:
        # A typed refusal of the peer's input is what the rules must give.
        with contextlib.suppress(PeerError):
            target.check(value)
    return True


def _vector_values() -> list[dict[str, bytes]]:
    cases = json.loads((VECTORS / "messages.json").read_text(encoding="utf-8"))
    return [{k: bytes.fromhex(v) for k, v in case.items()} for case in cases]


def seeds(name: str, limit: int = 40) -> list[bytes]:
    """Valid encodings for target ``name``, derived from messages.json (at most ``limit``)."""
    out: list[bytes] = []
    base = TARGETS[name].seeds_of or name
    for case in _vector_values():
        out.extend(_seeds_from_case(base, case))
        if len(out) >= limit:
            break
    unique = list(dict.fromkeys(out))[:limit]
    for data in unique:  # every seed must be a valid input of its target
        assert run_one(TARGETS[name], data), name
    return unique


def _seeds_from_case(name: str, case: dict[str, bytes]) -> list[bytes]:
    msgs = [MLSMessage.from_bytes(v) for k, v in case.items()
            if k.startswith(("mls_", "public_message_", "private_message"))]
    kps = [m.key_package for m in msgs if m.key_package is not None]
    gis = [m.group_info for m in msgs if m.group_info is not None]
    pubs = [m.public_message for m in msgs if m.public_message is not None]
    tree = RatchetTree.from_bytes(case["ratchet_tree"]).nodes
    commit = Commit.from_bytes(case["commit"])
    proposals = [p.proposal for p in commit.proposals if p.proposal is not None]
    proposals += [p.content.proposal for p in pubs if p.content.proposal is not None]
    match name:
        case "mls_message":
            return [m.to_bytes() for m in msgs]
        case "key_package":
            return [k.to_bytes() for k in kps]
        case "welcome":
            return [m.welcome.to_bytes() for m in msgs if m.welcome is not None]
        case "group_info":
            return [g.to_bytes() for g in gis]
        case "group_context":
            return [g.group_context.to_bytes() for g in gis]
        case "group_secrets":
            return [case["group_secrets"]]
        case "commit":
            return [case["commit"]]
        case "proposal":
            return [p.to_bytes() for p in proposals]
        case "proposal_or_ref":
            return [p.to_bytes() for p in commit.proposals]
        case "leaf_node":
            return [k.leaf_node.to_bytes() for k in kps]
        case "node":
            return [n.to_bytes() for n in tree if n is not None][:4]
        case "ratchet_tree":
            return [case["ratchet_tree"]]
        case "update_path":
            return [commit.path.to_bytes()] if commit.path is not None else []
        case "public_message":
            return [p.to_bytes() for p in pubs]
        case "private_message":
            return [m.private_message.to_bytes() for m in msgs
                    if m.private_message is not None]
        case "private_message_content":
            return [bytes((p.content.content_type,)) + PrivateMessageContent(
                content_type=p.content.content_type,
                application_data=p.content.application_data, proposal=p.content.proposal,
                commit=p.content.commit, auth=p.auth, padding=i).to_bytes()
                for i, p in enumerate(pubs)]
        case "framed_content":
            return [p.content.to_bytes() for p in pubs]
        case "framed_content_auth_data":
            return [bytes((p.content.content_type,)) + p.auth.to_bytes() for p in pubs]
        case "framed_content_tbs":
            ctx = gis[0].group_context if gis else None
            return [FramedContentTBS(wire_format=m.wire_format, content=m.public_message.content,
                                     context=ctx if m.public_message.membership_tag is not None
                                     else None).to_bytes()
                    for m in msgs if m.public_message is not None
                    and (ctx is not None or m.public_message.membership_tag is None)]
        case "authenticated_content":
            return [AuthenticatedContent(wire_format=m.wire_format,
                                         content=m.public_message.content,
                                         auth=m.public_message.auth).to_bytes()
                    for m in msgs if m.public_message is not None]
        case "sender_data":
            return [SenderData(leaf_index=len(case["commit"]), generation=len(case["ratchet_tree"]),
                               reuse_guard=case["group_secrets"][:4]).to_bytes()]
        case "pre_shared_key_id":
            return [case["pre_shared_key_proposal"]]
        case "credential":
            return [k.leaf_node.credential.to_bytes() for k in kps]
        case "capabilities":
            return [k.leaf_node.capabilities.to_bytes() for k in kps]
        case "required_capabilities":
            caps = [k.leaf_node.capabilities for k in kps]
            return [RequiredCapabilities(extension_types=c.extensions,
                                         proposal_types=c.proposals,
                                         credential_types=c.credentials).to_bytes()
                    for c in caps]
        case "external_senders":
            leaves = [k.leaf_node for k in kps]
            return [encode_external_senders(
                [ExternalSender(signature_key=ln.signature_key, credential=ln.credential)
                 for ln in leaves]).extension_data]
    raise KeyError(name)
