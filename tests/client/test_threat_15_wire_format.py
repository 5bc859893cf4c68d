# SPDX-License-Identifier: Apache-2.0
"""THREATS 15 at the client: a message of the wrong wire format or content type that
the relay delivers in a channel is a typed error event, changes nothing, and costs no
other message.

Real engines, real certificates and real MLS over the in-memory relay; the relay's
misbehaviour is played by handing the receiving engine crafted ``RelayMessage``s.
"""

from __future__ import annotations

import pytest

from client import payloads
from client.engine.envelope import envelope
from client.engine.model import enc
from client.events import ErrorEvent, ForkDetected, MembershipChanged, MessageReceived
from client.policy import LEAF_EXTENSIONS
from client.transport import RelayMessage
from client.trust import x509_credential
from crypto.group import Group
from crypto.messages import MLSMessage
from crypto.messages.key_package import default_capabilities, make_key_package
from tests.support.devices import channel, received, send, state, text
from tests.support.mls_groups import public_application
from tests.support.pki import B_M, Issued, Pki


@pytest.fixture(scope="module")
def people(pki: Pki) -> dict[str, Issued]:
    return {"a": pki.device("alderia", "ana"), "b": pki.device(B_M, "bea")}


async def test_wrong_wire_formats_and_content_types_are_typed_errors(
        pki: Pki, people: dict[str, Issued]) -> None:
    _relay, d, gid = await channel(pki, people)
    a, b = d["a"], d["b"]
    g = a.group(gid)
    sender = a.device_id
    clone = Group.from_bytes(g.to_bytes(), credential_validator=a.engine.trust)

    p = text("sent as a PublicMessage")
    body = payloads.encode(p)
    # 1. application data in a PublicMessage (validly signed and tagged)
    app_public = public_application(clone, body)
    # 2. an encrypted commit (Corridor's commits are PublicMessages, which the relay
    #    verifies; one it could not read never reached routing)
    commit_private = Group.from_bytes(g.to_bytes(), credential_validator=a.engine.trust
                                      ).commit(authenticated_data=envelope(g, enc.encode([])),
                                               handshake_encrypted=True).message
    # 3. a proposal (content type Corridor never uses), encrypted, and 3b. in the clear
    proposal = Group.from_bytes(g.to_bytes(), credential_validator=a.engine.trust
                                ).propose_update(handshake_encrypted=True)
    proposal_public = Group.from_bytes(g.to_bytes(), credential_validator=a.engine.trust
                                       ).propose_update(handshake_encrypted=False)
    # 4. a Welcome and 5. a KeyPackage delivered as channel messages
    newcomer = pki.device("alderia", "newcomer")
    kp = make_key_package(3, x509_credential(newcomer.chain), newcomer.seed,
                          lifetime=(0, 2**40),
                          capabilities=default_capabilities(3, LEAF_EXTENSIONS))
    welcome = Group.from_bytes(g.to_bytes(), credential_validator=lambda _c, _k: None).commit(
        add=[kp.key_package], handshake_encrypted=False).welcome
    assert welcome is not None
    kp_msg = MLSMessage.of(kp.key_package).to_bytes()

    base = b.store.get_channel(gid).cursor
    cases = [app_public, commit_private, proposal, proposal_public, welcome, kp_msg]
    for i, raw in enumerate(cases):
        before = state(b, gid)
        res = b.engine.receive([RelayMessage(gid, base + 1 + i, sender, f"m.w{i}.0", raw)])
        errors = [e for e in res.events if isinstance(e, ErrorEvent)]
        assert len(errors) == 1, (i, res.events)
        assert errors[0].detail in ("PolicyViolation", "ProtocolError"), (i, errors)
        assert not received(res.events)
        assert not [e for e in res.events if isinstance(e, MembershipChanged | ForkDetected)]
        assert state(b, gid) == before, i
        b.engine._groups.clear()  # what counts is the stored state
    assert b.engine.channel_state(gid)[1].forked == ""
    assert b.texts(gid) == []

    # the channel goes on: a's genuine messages and a's next commit are processed
    msgs = await send(a, gid, "one", "two")
    res = b.engine.receive([RelayMessage(gid, base + len(cases) + i + 1, m.sender,
                                         m.client_msg_id, m.message)
                            for i, m in enumerate(msgs)])
    assert [e.kind for e in res.events if isinstance(e, MessageReceived)] == ["text", "text"]
    assert b.texts(gid) == ["one", "two"]
