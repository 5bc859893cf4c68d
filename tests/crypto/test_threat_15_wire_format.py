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

from crypto import messages as m
from crypto.errors import ProtocolError
from crypto.group import ApplicationMessage
from tests.support.mls_groups import NOW, kp_for, make_group, public_application


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
