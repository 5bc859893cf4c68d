# SPDX-License-Identifier: Apache-2.0
"""Small MLS groups for the crypto tests: basic credentials, members built in one
process, and an insider who signs commits that break RFC 9420 on purpose.

Group, validation, forward-secrecy, public-group and threat tests all start from
:func:`make_group`; the insider helpers (:func:`insider_commit`, :func:`with_path`,
:func:`refused_by_all`) are shared by the insider-commit and validation tests.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable, Sequence
from dataclasses import replace

import pytest

from crypto import framing
from crypto import messages as m
from crypto.errors import CryptoError, InvalidCommitError, PolicyError, ProtocolError
from crypto.group import Group, StagedCommit, make_key_package
from crypto.messages import Credential, Proposal, ProposalOrRef, Sender
from crypto.messages.key_package import KeyPackageBundle
from crypto.suites import get_suite
from crypto.tree import treekem

__all__ = ["INSIDER", "NOW", "SUITE", "Permissive", "Strict", "accept", "assert_agree",
           "clone", "deliver", "identity", "insider_commit", "kp_for", "make_group",
           "public_application", "refused_by_all", "resign_kp", "resigned_leaf_edit",
           "resigned_path_leaf",
           "strict_group", "with_path"]


NOW = 1_800_000_000


def accept(credential: m.Credential, key: bytes) -> None:
    del credential, key


def identity(name: str, suite_id: int) -> tuple[m.Credential, bytes]:
    sig_priv, _pub = get_suite(suite_id).generate_signature_key_pair()
    return m.Credential.basic(name.encode()), sig_priv


def kp_for(name: str, suite_id: int):  # type: ignore[no-untyped-def]
    cred, sig = identity(name, suite_id)
    return make_key_package(suite_id, cred, sig, lifetime=(NOW - 10, NOW + 86400))


def deliver(groups: list[Group], message: bytes) -> None:
    """Every group processes ``message`` and merges it if it is a commit."""
    for g in groups:
        out = g.process(message, now=NOW)
        if isinstance(out, StagedCommit):
            g.merge_staged_commit(out)


def make_group(n: int, suite_id: int = 3) -> list[Group]:
    cred, sig = identity("m0", suite_id)
    alice = Group.create(suite_id, b"group-" + bytes([n]), cred, sig,
                         credential_validator=accept)
    bundles = [kp_for(f"m{i}", suite_id) for i in range(1, n)]
    out = alice.commit(add=[b.key_package for b in bundles])
    alice.merge_pending_commit()
    assert out.welcome is not None
    others = [Group.join(out.welcome, b, credential_validator=accept, now=NOW) for b in bundles]
    return [alice, *others]


def assert_agree(groups: list[Group]) -> None:
    first = groups[0]
    for g in groups[1:]:
        assert g.epoch == first.epoch
        assert g.epoch_authenticator == first.epoch_authenticator
        assert [x.signature_key for x in g.members()] == \
            [x.signature_key for x in first.members()]


INSIDER = 0


def clone(g: Group) -> Group:
    return Group.from_bytes(g.to_bytes(), credential_validator=accept)


def refused_by_all(members: Sequence[Group], message: bytes,
                   kind: type[CryptoError] = ProtocolError) -> list[str]:
    """Every member raises InvalidCommitError (also ``kind``) naming the insider, and
    serializes exactly as before. Returns the reasons (one per member)."""
    reasons = []
    for g in members:
        before = g.to_bytes()
        with pytest.raises(InvalidCommitError) as info:
            g.process(message, now=NOW)
        assert isinstance(info.value, kind)
        assert info.value.committer == INSIDER
        assert g.to_bytes() == before
        reasons.append(info.value.reason)
    assert len(set(reasons)) == 1, reasons  # the same verdict everywhere
    return reasons


def insider_commit(insider: Group, proposals: Sequence[m.ProposalBody] = (), *,
                   path: bool = True, encrypted: bool = True,
                   authenticated_data: bytes = b"") -> bytes:
    """A commit signed by ``insider`` carrying ``proposals`` inline, unchecked: the
    committer computes its own side as if the list were empty."""
    g = clone(insider)
    st = g._state
    applied = g._apply_proposals(st, [], Sender.member(st.own_leaf), NOW, check_each=False)
    por = [ProposalOrRef.of(Proposal.of(b)) for b in proposals]
    return g._build_commit(st, applied, por, [], use_path=path,
                           authenticated_data=authenticated_data, encrypted=encrypted,
                           rng=secrets.token_bytes).message


def with_path(monkeypatch: pytest.MonkeyPatch, insider: Group,
              edit: Callable[[m.UpdatePath], m.UpdatePath], *, encrypted: bool = True,
              authenticated_data: bytes = b"") -> bytes:
    """An honest-looking commit of ``insider`` whose UpdatePath is ``edit``-ed before
    it is signed."""
    real = treekem.PreparedUpdatePath.encrypt

    def encrypt(self, *args, **kw):  # type: ignore[no-untyped-def]
        return edit(real(self, *args, **kw))

    monkeypatch.setattr(treekem.PreparedUpdatePath, "encrypt", encrypt)
    out = clone(insider).commit(handshake_encrypted=encrypted,
                                authenticated_data=authenticated_data)
    monkeypatch.undo()
    return out.message


def resigned_leaf_edit(insider: Group, **changes: object
                       ) -> Callable[[m.UpdatePath], m.UpdatePath]:
    """An UpdatePath edit (for :func:`with_path`) changing the leaf and re-signing it by
    ``insider`` (so the signature, parent hashes and tree hash all verify: only the
    section 7.3 rules differ)."""
    from crypto.group.state import _sign_leaf

    st = insider._state

    def edit(p: m.UpdatePath) -> m.UpdatePath:
        leaf = _sign_leaf(st.suite, replace(p.leaf_node, **changes),  # type: ignore[arg-type]
                          st.signature_private_key, st.context.group_id, st.own_leaf)
        return replace(p, leaf_node=leaf)

    return edit


def resigned_path_leaf(monkeypatch: pytest.MonkeyPatch, insider: Group, *,
                       encrypted: bool = False, authenticated_data: bytes = b"",
                       **changes: object) -> bytes:
    """A commit of ``insider`` whose UpdatePath leaf is changed and re-signed by it."""
    return with_path(monkeypatch, insider, resigned_leaf_edit(insider, **changes),
                     encrypted=encrypted, authenticated_data=authenticated_data)
def public_application(g: Group, data: bytes) -> bytes:
    """An application message framed as a PublicMessage, validly signed and tagged."""
    st = g._state
    suite = st.suite
    content = m.FramedContent(group_id=g.group_id, epoch=g.epoch,
                              sender=m.Sender.member(g.own_leaf_index), authenticated_data=b"",
                              content_type=m.ContentType.application, application_data=data)
    tbs = framing.framed_content_tbs(m.WireFormat.mls_public_message, content, st.context)
    signature = framing.sign_framed_content(suite, st.signature_private_key,
                                            m.WireFormat.mls_public_message, content,
                                            st.context)
    auth = m.FramedContentAuthData(signature=signature, confirmation_tag=None)
    tag = suite.mac(st.secrets.membership_key.value, tbs + auth.to_bytes())
    # the forgery is cryptographically sound: signature and membership tag verify
    framing.verify_framed_content(suite, suite.signature_public_key(st.signature_private_key),
                                  m.WireFormat.mls_public_message, content, st.context,
                                  signature)
    suite.verify_mac(st.secrets.membership_key.value, tbs + auth.to_bytes(), tag)
    return m.MLSMessage.of(m.PublicMessage(content=content, auth=auth,
                                           membership_tag=tag)).to_bytes()


SUITE = 3


class Strict:
    """A provider that refuses named identities and any change of identity."""

    def __init__(self, refused: Sequence[bytes] = (b"evil",)) -> None:
        self.refused = set(refused)

    def validate_member(self, credential: Credential, signature_key: bytes) -> None:
        del signature_key
        if credential.identity in self.refused:
            raise PolicyError("refused member")

    def validate_external_sender(self, credential: Credential, signature_key: bytes) -> None:
        del signature_key
        if credential.identity in self.refused:
            raise PolicyError("refused external sender")

    def valid_successor(self, old: Credential, new: Credential) -> bool:
        return old == new


class Permissive:
    """A provider that accepts everything, identity changes included."""

    def validate_member(self, credential: Credential, signature_key: bytes) -> None:
        del credential, signature_key

    def validate_external_sender(self, credential: Credential, signature_key: bytes) -> None:
        del credential, signature_key

    def valid_successor(self, old: Credential, new: Credential) -> bool:
        del old, new
        return True


def strict_group(n: int, *, caps: m.Capabilities | None = None,
                 extensions: Sequence[m.Extension] = ()) -> list[Group]:
    suite = get_suite(SUITE)
    sig, _ = suite.generate_signature_key_pair()
    a = Group.create(SUITE, secrets.token_bytes(8), Credential.basic(b"m0"), sig,
                     credential_validator=Strict(), capabilities=caps, extensions=extensions)
    bundles = []
    for i in range(1, n):
        s, _ = suite.generate_signature_key_pair()
        bundles.append(make_key_package(SUITE, Credential.basic(b"m%d" % i), s,
                                        lifetime=(NOW - 10, NOW + 86400), capabilities=caps))
    out = a.commit(add=[b.key_package for b in bundles])
    a.merge_pending_commit()
    assert out.welcome is not None
    return [a, *(Group.join(out.welcome, b, credential_validator=Strict(), now=NOW)
                 for b in bundles)]


def resign_kp(bundle: KeyPackageBundle, **leaf_changes: object) -> m.KeyPackage:
    """``bundle``'s KeyPackage with leaf fields changed, validly re-signed."""
    suite = get_suite(SUITE)
    kp = bundle.key_package
    leaf = replace(kp.leaf_node, signature=b"", **leaf_changes)  # type: ignore[arg-type]
    leaf = replace(leaf, signature=suite.sign_with_label(
        bundle.signature_private_key, "LeafNodeTBS", leaf.tbs_bytes()))
    out = replace(kp, leaf_node=leaf, signature=b"")
    return replace(out, signature=suite.sign_with_label(
        bundle.signature_private_key, "KeyPackageTBS", out.tbs_bytes()))
