# SPDX-License-Identifier: Apache-2.0
"""The relay's public state and the members refuse the same commits for the same reason.

For each rule of docs/mls-validation.md that a commit can break, an insider signs a
commit that breaks it (validly framed, as a PublicMessage so the relay can read it);
:class:`crypto.group.public_group.PublicGroup` (what the relay runs) and every honest
member refuse it with the same error type, the same reason and the same committer,
and neither changes its state. Both run :mod:`crypto.group.public_commit`: a rule cannot
be enforced on one side only.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace

import pytest

from crypto import messages as m
from crypto.errors import (
    CryptoError,
    InvalidCommitError,
    InvalidCommitVerificationError,
    PolicyError,
)
from crypto.group import Group
from crypto.group.public_group import PublicGroup
from crypto.messages import Credential, ExtensionType
from crypto.messages.key_package import default_capabilities, make_key_package
from crypto.suites import get_suite
from crypto.tree import treekem
from tests.support.mls_groups import (
    NOW,
    SUITE,
    Permissive,
    Strict,
    deliver,
    insider_commit,
    resign_kp,
    resigned_path_leaf,
    strict_group,
    with_path,
)

Build = Callable[[list[Group], pytest.MonkeyPatch], tuple[bytes, list[Group]]]
_APP = m.Extension(extension_type=ExtensionType.application_id, extension_data=b"x")


@dataclass(frozen=True)
class Case:
    rule: str  # the row of docs/mls-validation.md
    build: Build  # (groups, monkeypatch) -> (commit, the members who must refuse it)
    kind: type[CryptoError]
    groups: Callable[[], list[Group]] = lambda: strict_group(4)


def _inline(*bodies: m.ProposalBody, path: bool = True) -> Build:
    return lambda gs, _mp: (insider_commit(gs[0], bodies, path=path, encrypted=False), gs[1:])


def _kp(name: bytes, **kw: object) -> m.KeyPackage:
    s, _ = get_suite(SUITE).generate_signature_key_pair()
    lifetime = kw.pop("lifetime", (NOW - 10, NOW + 86400))
    return make_key_package(SUITE, Credential.basic(name), s, lifetime=lifetime,  # type: ignore[arg-type]
                            **kw).key_package  # type: ignore[arg-type]


def _path(edit: Callable[[m.UpdatePath], m.UpdatePath]) -> Build:
    return lambda gs, mp: (with_path(mp, gs[0], edit, encrypted=False), gs[1:])


def _leaf(**changes: object) -> Build:
    return lambda gs, mp: (resigned_path_leaf(mp, gs[0], **changes), gs[1:])


def _flip_leaf_signature(p: m.UpdatePath) -> m.UpdatePath:
    sig = bytearray(p.leaf_node.signature)
    sig[0] ^= 1
    return replace(p, leaf_node=replace(p.leaf_node, signature=bytes(sig)))


def _drop_ciphertext(p: m.UpdatePath) -> m.UpdatePath:
    last = p.nodes[-1]
    return replace(p, nodes=(*p.nodes[:-1], replace(
        last, encrypted_path_secret=last.encrypted_path_secret[:-1])))


def _repeat_key(p: m.UpdatePath) -> m.UpdatePath:
    return replace(p, nodes=(replace(p.nodes[0], encryption_key=p.nodes[-1].encryption_key),
                             *p.nodes[1:]))


def _bad_parent_hash(gs: list[Group], mp: pytest.MonkeyPatch) -> tuple[bytes, list[Group]]:
    real = treekem._merge_path

    def bad(*args: object, **kw: object):  # type: ignore[no-untyped-def]
        t, ph = real(*args, **kw)  # type: ignore[arg-type]
        return t, bytes(x ^ 1 for x in ph)

    mp.setattr(treekem, "_merge_path", bad)
    msg = Group.from_bytes(gs[0].to_bytes(), credential_validator=Strict()).commit(
        handshake_encrypted=False).message
    mp.undo()
    return msg, gs[1:]


def _blank_leaf_removed(gs: list[Group], _mp: pytest.MonkeyPatch) -> tuple[bytes, list[Group]]:
    a, b, c, d = gs
    out = a.commit(remove=[c.own_leaf_index])  # leaf 2 is blank from now on
    a.merge_pending_commit()
    deliver([b, d], out.message)
    return insider_commit(a, [m.Remove(removed=2)], encrypted=False), [b, d]


def _present_client_added(gs: list[Group], _mp: pytest.MonkeyPatch) -> tuple[bytes, list[Group]]:
    b = gs[1]
    again = make_key_package(SUITE, Credential.basic(b"m1"), b._state.signature_private_key,
                             lifetime=(NOW - 10, NOW + 86400)).key_package
    return insider_commit(gs[0], [m.Add(key_package=again)], encrypted=False), gs[1:]


def _kp_signature_flipped(gs: list[Group], _mp: pytest.MonkeyPatch) -> tuple[bytes, list[Group]]:
    kp = _kp(b"new")
    sig = bytearray(kp.signature)
    sig[0] ^= 1
    bad = replace(kp, signature=bytes(sig))
    return insider_commit(gs[0], [m.Add(key_package=bad)], encrypted=False), gs[1:]


def _kp_duplicate_extension(gs: list[Group], _mp: pytest.MonkeyPatch) -> tuple[bytes, list[Group]]:
    s, _ = get_suite(SUITE).generate_signature_key_pair()
    bundle = make_key_package(SUITE, Credential.basic(b"dup"), s, lifetime=(NOW - 10, NOW + 99))
    kp = resign_kp(bundle, extensions=(_APP, _APP))
    return insider_commit(gs[0], [m.Add(key_package=kp)], encrypted=False), gs[1:]


def _kp_sharing_a_members_key(gs: list[Group], _mp: pytest.MonkeyPatch
                              ) -> tuple[bytes, list[Group]]:
    s, _ = get_suite(SUITE).generate_signature_key_pair()
    bundle = make_key_package(SUITE, Credential.basic(b"copy"), s, lifetime=(NOW - 10, NOW + 99))
    leaf_b = gs[0]._state.tree.leaf(1)
    assert leaf_b is not None
    kp = resign_kp(bundle, encryption_key=leaf_b.encryption_key)
    return insider_commit(gs[0], [m.Add(key_package=kp)], encrypted=False), gs[1:]


def _external_remove_of_another(gs: list[Group], _mp: pytest.MonkeyPatch
                                ) -> tuple[bytes, list[Group]]:
    sig, _ = get_suite(SUITE).generate_signature_key_pair()
    # The joiner's own provider lets it; the members' (and the relay's) do not.
    _j, msg = Group.join_external(gs[0].group_info(), Credential.basic(b"mallory"), sig,
                                  credential_validator=Permissive(), remove=1)
    return msg, [gs[0], *gs[2:]]


def _short_external_sender() -> m.Extension:
    _s, pub = get_suite(SUITE).generate_signature_key_pair()
    return m.encode_external_senders([m.ExternalSender(signature_key=pub[:16],
                                                       credential=Credential.basic(b"ok"))])


def _refused_external_sender() -> m.Extension:
    _s, pub = get_suite(SUITE).generate_signature_key_pair()
    return m.encode_external_senders([m.ExternalSender(signature_key=pub,
                                                       credential=Credential.basic(b"evil"))])


def _with_group_extension() -> list[Group]:
    caps = default_capabilities(SUITE, [0xFF01])
    return strict_group(4, caps=caps, extensions=[
        m.Extension(extension_type=0xFF01, extension_data=b"in use")])


_NEEDED = default_capabilities(SUITE, [0xFF05])


def _with_required_capabilities() -> list[Group]:
    rc = m.RequiredCapabilities(extension_types=(0xFF05,)).to_extension()
    return strict_group(4, caps=_NEEDED, extensions=[rc])


_REINIT = m.ReInit(group_id=b"next", version=m.ProtocolVersion.mls10, cipher_suite=SUITE,
                   extensions=())
_GCE = m.GroupContextExtensions(extensions=(_APP,))

CASES = [
    # leaf nodes (section 7.3)
    Case("L1 credential of an added leaf", _inline(m.Add(key_package=_kp(b"evil"))),
         PolicyError),
    Case("L2 leaf signature in the path", _path(_flip_leaf_signature),
         InvalidCommitVerificationError),
    Case("L3 path leaf lacks a required capability",
         _leaf(capabilities=replace(_NEEDED, extensions=())), InvalidCommitError,
         _with_required_capabilities),
    Case("L4 added leaf lacks a required capability", _inline(m.Add(key_package=_kp(b"new"))),
         InvalidCommitError, _with_required_capabilities),
    Case("L6 commit leaf keeps its encryption key",
         lambda gs, mp: (resigned_path_leaf(
             mp, gs[0], encryption_key=gs[0]._state.tree.leaf(0).encryption_key),  # type: ignore[union-attr]
             gs[1:]), InvalidCommitError),
    Case("L7 an added key already in the tree", _kp_sharing_a_members_key, InvalidCommitError),
    Case("L8 small-order key in the path leaf", _leaf(encryption_key=bytes(32)),
         InvalidCommitError),
    Case("L9 repeated extension in an added leaf", _kp_duplicate_extension, InvalidCommitError),
    Case("L9 unlisted extension in the path leaf", _leaf(extensions=(m.Extension(
        extension_type=0xFF09, extension_data=b""),)), InvalidCommitError),
    Case("L11 path leaf changes the committer's identity",
         _leaf(credential=Credential.basic(b"mallory")), PolicyError),
    Case("L12 KeyPackage signature", _kp_signature_flipped, InvalidCommitVerificationError),
    Case("L12 expired KeyPackage",
         _inline(m.Add(key_package=_kp(b"old", lifetime=(NOW - 100, NOW - 50)))),
         InvalidCommitError),
    # GroupContext extensions
    Case("G1 repeated GroupContext extension",
         _inline(m.GroupContextExtensions(extensions=(_APP, _APP))), InvalidCommitError),
    Case("G2 extension a member does not support", _inline(m.GroupContextExtensions(
        extensions=(m.Extension(extension_type=0xFF01, extension_data=b"?"),))),
         InvalidCommitError),
    Case("G3 added member lacks a group extension", _inline(m.Add(key_package=_kp(b"new"))),
         InvalidCommitError, _with_group_extension),
    Case("G5 external sender key of the wrong size",
         _inline(m.GroupContextExtensions(extensions=(_short_external_sender(),))),
         InvalidCommitError),
    Case("G5 external sender refused by the provider",
         _inline(m.GroupContextExtensions(extensions=(_refused_external_sender(),))),
         PolicyError),
    # proposal lists (section 12.2)
    Case("P1 committer removes itself", _inline(m.Remove(removed=0)), InvalidCommitError),
    Case("P1 committer's own Update by value",
         lambda gs, _mp: (insider_commit(gs[0], [m.Update(
             leaf_node=gs[0]._state.tree.leaf(0))], encrypted=False), gs[1:]),  # type: ignore[arg-type]
         InvalidCommitError),
    Case("P2 two Removes of one leaf", _inline(m.Remove(removed=2), m.Remove(removed=2)),
         InvalidCommitError),
    Case("P3 Remove beyond the tree", _inline(m.Remove(removed=7)), InvalidCommitError),
    Case("P3 Remove of a blank leaf", _blank_leaf_removed, InvalidCommitError),
    Case("P4 the same client added twice",
         lambda gs, _mp: (lambda kp: (insider_commit(
             gs[0], [m.Add(key_package=kp), m.Add(key_package=kp)], encrypted=False),
             gs[1:]))(_kp(b"twice")), InvalidCommitError),
    Case("P4 a client already in the group", _present_client_added, InvalidCommitError),
    Case("P5 ExternalInit in a member commit", _inline(m.ExternalInit(kem_output=bytes(32))),
         InvalidCommitError),
    Case("P6 ReInit with other proposals", _inline(_REINIT, m.Remove(removed=2)),
         InvalidCommitError),
    Case("P7 two GroupContextExtensions", _inline(_GCE, _GCE), InvalidCommitError),
    Case("P8 Remove without the required path", _inline(m.Remove(removed=3), path=False),
         InvalidCommitError),
    Case("P8 empty commit without a path", _inline(path=False), InvalidCommitError),
    # commits (section 12.4)
    Case("C1 path with a node missing", _path(lambda p: replace(p, nodes=p.nodes[:-1])),
         InvalidCommitError),
    Case("C1 path with a ciphertext missing", _path(_drop_ciphertext), InvalidCommitError),
    Case("C1 path repeating a key", _path(_repeat_key), InvalidCommitError),
    Case("C2 parent hash", _bad_parent_hash, InvalidCommitVerificationError),
    Case("C4 external commit removing another member", _external_remove_of_another,
         PolicyError),
]


@pytest.mark.parametrize("case", CASES, ids=[c.rule for c in CASES])
def test_relay_and_members_refuse_alike(case: Case, monkeypatch: pytest.MonkeyPatch) -> None:
    groups = case.groups()
    relay = PublicGroup.from_group_info(groups[0].group_info(), credential_validator=Strict())
    message, members = case.build(groups, monkeypatch)
    if relay.epoch != members[0].epoch:  # the case moved the group on first
        relay = PublicGroup.from_group_info(members[0].group_info(),
                                            credential_validator=Strict())
    state = relay.to_bytes()
    with pytest.raises(case.kind) as at_relay:
        relay.verify_commit(message, credential_validator=Strict(), now=NOW)
    assert relay.to_bytes() == state
    verdict = at_relay.value
    for g in members:
        before = g.to_bytes()
        with pytest.raises(case.kind) as at_member:
            g.process(message, now=NOW)
        assert g.to_bytes() == before
        got = at_member.value
        assert (type(got), str(got), getattr(got, "committer", None)) == \
            (type(verdict), str(verdict), getattr(verdict, "committer", None))


def test_every_rule_family_is_covered() -> None:
    """The table above covers leaf, extension, list and commit rules (a deleted case
    family would silently narrow what the relay is shown to agree on)."""
    families = {c.rule.split()[0][0] for c in CASES}
    assert families == {"L", "G", "P", "C"}
    assert len(CASES) >= 34
