# SPDX-License-Identifier: Apache-2.0
"""THREATS 15 at the group API: the wrong wire format or content type is a typed error.

The forged PublicMessage carrying application data is otherwise perfect: it is signed
by a real member with its real key and carries a correct membership tag for the
current epoch (both checked here independently), so the only reason left to refuse it
is its wire format. The group must refuse it with a ProtocolError, change nothing,
and still decrypt the sender's genuine messages afterwards.
"""

from __future__ import annotations

import pytest

from crypto import framing
from crypto import messages as m
from crypto.errors import ProtocolError
from crypto.group import ApplicationMessage, Group
from tests.crypto.test_group import NOW, kp_for, make_group


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


def test_application_data_in_a_public_message_is_refused_and_changes_nothing() -> None:
    a, b, c = make_group(3)
    forged = public_application(a, b"looks authentic")
    for g in (b, c):
        before = g.to_bytes()
        with pytest.raises(ProtocolError):
            g.process(forged, now=NOW)
        assert g.to_bytes() == before
    # nothing was consumed: a's genuine next message still decrypts at both
    real = a.encrypt_application(b"the real one")
    for g in (b, c):
        got = g.process(real, now=NOW)
        assert isinstance(got, ApplicationMessage)
        assert got.data == b"the real one" and got.sender_leaf == a.own_leaf_index


@pytest.mark.parametrize("kind", ["welcome", "group_info", "key_package"])
def test_non_group_wire_formats_are_protocol_errors(kind: str) -> None:
    a, b, _c = make_group(3)
    if kind == "welcome":
        out = a.commit(add=[kp_for("newcomer", 3).key_package])
        assert out.welcome is not None
        raw = out.welcome
        a.discard_pending_commit()
    elif kind == "group_info":
        raw = a.group_info()
    else:
        raw = m.MLSMessage.of(kp_for("stranger", 3).key_package).to_bytes()
    assert m.MLSMessage.from_bytes(raw).wire_format not in (
        m.WireFormat.mls_public_message, m.WireFormat.mls_private_message)
    before = b.to_bytes()
    with pytest.raises(ProtocolError):
        b.process(raw, now=NOW)
    assert b.to_bytes() == before
