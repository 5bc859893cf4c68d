# SPDX-License-Identifier: Apache-2.0
"""Edits, redactions and acknowledgements nobody but the right member can make.

* A genuine member who is not the author sends an Edit and a Redact (bypassing its
  own client's refusal): every receiver refuses both; the text stays.
* The relay (a hostile view at the transport boundary) replays a member's real
  acknowledgement, injects a message a non-member built for the group id, and
  injects random bytes: each is refused; the tracker counts only the real ack.
"""

from __future__ import annotations

import secrets
from typing import ClassVar

import pytest

from client import payloads
from client.engine import SUITE
from client.engine.envelope import envelope
from client.engine.model import OutApp, enc
from client.errors import UsageError
from client.events import ErrorEvent, MessageEdited, MessageRedacted, PolicyRefused
from client.policy import LEAF_EXTENSIONS, roster_extension
from client.transport import HttpTransport, RelayMessage
from client.trust import x509_credential
from crypto.group import Group
from crypto.messages.key_package import default_capabilities
from tests.client.wire import is_commit
from tests.support.client_venue import Venue

A, B, C = "alderia-ana", "borduria-ana", "carpania-ana"


class HostileView(HttpTransport):
    """The relay as attacker: replaces the message at chosen seqs with other bytes."""

    group_id = b""
    swaps: ClassVar[dict[int, bytes]] = {}

    async def messages(self, group_id: bytes, after: int,
                       limit: int = 1000) -> tuple[list[RelayMessage], int]:
        msgs, last = await super().messages(group_id, after, limit)
        return [RelayMessage(m.group_id, m.seq, m.sender, m.client_msg_id,
                             self.swaps[m.seq]) if m.group_id == self.group_id
                and m.seq in self.swaps else m for m in msgs], last


def _raw_send(client: object, cid: bytes, p: payloads.Payload) -> None:
    """Queue a payload past the client's own checks (a modified client)."""
    store = client.store  # type: ignore[attr-defined]
    store.enqueue_outbox(cid, enc.encode(OutApp(p.message_id, payloads.encode(p))),
                         created_at=0)


def _base() -> dict[str, object]:
    return {"message_id": payloads.new_message_id(), "sent_at": payloads.now_ms()}


async def test_forged_acks_and_edits_are_refused(venue: Venue) -> None:
    v = venue
    a, b, c = v.client(A), v.client(B), v.client(C)
    view = HostileView(v.layout.relay_url, a.engine.me.seed)
    await a.transport.close()
    a.transport = view
    await v.sync_all(1)
    cid_hex = await a.create_channel("bilateral", "hotline", ["borduria"])
    cid = bytes.fromhex(cid_hex)
    await v.sync_all(1)
    hot = await a.send_text(cid, "confirm receipt", requires_ack=True)
    keep = await a.send_text(cid, "text only the author may change")
    await b.sync()

    # a member who is not the author: refused locally ...
    with pytest.raises(UsageError):
        await b.edit(keep, "rewritten by borduria")
    with pytest.raises(UsageError):
        await b.redact(keep)
    # ... and, sent anyway by a modified client, refused by the receiver
    _raw_send(b, cid, payloads.Edit(**_base(), target=bytes.fromhex(keep),  # type: ignore[arg-type]
                                    body="rewritten by borduria"))
    _raw_send(b, cid, payloads.Redact(**_base(), target=bytes.fromhex(keep)))  # type: ignore[arg-type]
    await b.flush()
    await b.ack(hot)
    for i in range(3):
        await b.send_text(cid, f"filler {i}")

    # the attacker's bytes, put in place of the three fillers in A's view
    relay_msgs, _last = await HttpTransport.messages(view, cid, 0)
    ack_msg = relay_msgs[-4]  # B's real ack, just before its three fillers
    assert ack_msg.sender == b.device_id and not is_commit(ack_msg.message)
    fillers = [m.seq for m in relay_msgs][-3:]
    outsider = Group.create(SUITE, cid, x509_credential(c.engine.me.chain), c.engine.me.seed,
                            extensions=[roster_extension(a.engine.roster(cid),
                                                         a.engine.message_meta(cid).info)],
                            credential_validator=c.engine.trust,
                            capabilities=default_capabilities(SUITE, LEAF_EXTENSIONS))
    forged_ack = payloads.Ack(**_base(), target=bytes.fromhex(hot))  # type: ignore[arg-type]
    injected = outsider.encrypt_application(
        payloads.encode(forged_ack),
        authenticated_data=envelope(outsider, payloads.build_aad(forged_ack.message_id)))
    view.group_id = cid
    view.swaps = {fillers[0]: ack_msg.message, fillers[1]: injected,
                  fillers[2]: secrets.token_bytes(200)}
    events = await a.sync()

    refused = [e for e in events if isinstance(e, PolicyRefused)]
    assert len(refused) == 2 and all("author" in e.reason for e in refused)
    errors = {e.reason for e in events if isinstance(e, ErrorEvent)}
    assert errors == {f"message {s} refused" for s in fillers}
    assert not [e for e in events if isinstance(e, MessageEdited | MessageRedacted)]
    texts = [m.text for m in a.messages(cid)]
    assert texts == ["confirm receipt", "text only the author may change"]
    st = a.ack_status(hot)
    bord = next(m for m in st.missions if m.mission == "borduria")
    assert bord.state == "acknowledged" and bord.acked_by == ("borduria/ana",)
    ann = a.engine.features.annotation(cid, bytes.fromhex(hot))
    assert set(ann.acked) == {"borduria/ana"}
    assert not any(k.startswith("carpania/") for k in ann.read)
    # the author's own edit and redaction do apply, on both sides
    await a.edit(keep, "changed by its author")
    await b.sync()
    assert [m.text for m in b.messages(cid)][1] == "changed by its author"
    assert next(m for m in b.messages(cid) if m.message_id == keep).edited
