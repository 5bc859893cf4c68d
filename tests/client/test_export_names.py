# SPDX-License-Identifier: Apache-2.0
"""A channel export (version 2) names its senders as the rest of Corridor does,
"Ana (alderia/ana)", from the certificate chains signed into the export itself, never
from the verifier's own state; a changed name (in the page or in the signed record) is
refused; a member whose devices' certificates disagree keeps the bare id; and an export
written before names (version 1, kept in tests/client/data) still verifies as it was."""

from __future__ import annotations

import base64
from datetime import timedelta
from pathlib import Path

import msgspec
import pytest

from client.crisis import signing
from client.history_export import (
    EXPORT_LABEL,
    EXPORT_VERSION,
    ExportError,
    export_channel,
    render_pdf,
    verify_export,
)
from client.model import MessageView
from crypto import certs
from tests.client.crisis.pki import MIN, T0_MS, MiniVenue
from tests.support.pdf_pages import pages

DATA = Path(__file__).parent / "data"
ANA, BOB = "alderia/ana", "borduria/bob"
AT = T0_MS + 10 * MIN
#: every key verify-export's JSON had before names, top level and per message
V1_KEYS = {"channel_id", "channel_name", "exporter", "exporter_name", "exported_at",
           "marking", "messages"}
V1_MESSAGE_KEYS = {"message_id", "sender", "kind", "text", "sent_at", "seq", "edited",
                   "reply_to", "attachment"}


def _view(n: int, sender: str, text: str) -> MessageView:
    return MessageView(f"{n:02x}" * 8, sender, "text", text, T0_MS + n * MIN, n, False, n)


def _views() -> list[MessageView]:
    return [_view(1, ANA, "Proposal"), _view(2, BOB, "Agreed."), _view(3, "carpathia/eve",
                                                                        "Noted.")]


def _export(venue: MiniVenue, chains: list[tuple[bytes, ...]]) -> str:
    ana = venue.device(ANA)
    return export_channel(_views(), channel_id="c0" * 16, channel_name="hotline",
                          root_der=venue.root, exporter_chain=ana.chain,
                          exporter_seed=ana.seed, exported_at=AT, member_chains=chains)


def _record(page: str) -> tuple[str, dict[str, object], dict[str, object]]:
    """The page's base64 record, its outer map and its body map."""
    b64 = page.split('<script type="application/x-corridor-export">\n')[1].split("\n</")[0]
    outer = msgspec.msgpack.decode(base64.b64decode("".join(b64.split())))
    return b64, outer, msgspec.msgpack.decode(outer["body"])


def _with_body(page: str, body: dict[str, object], seed: bytes) -> str:
    """``page`` with its record replaced by ``body``, signed with ``seed`` (a malicious
    exporter's re-signing: the page's visible text is kept)."""
    b64, _, _ = _record(page)
    raw = msgspec.msgpack.encode(body)
    record = msgspec.msgpack.encode({"body": raw, "sig": signing.sign(seed, EXPORT_LABEL, raw)})
    new = base64.b64encode(record).decode()
    return page.replace(b64, "\n".join(new[i:i + 76] for i in range(0, len(new), 76)))


def test_a_new_export_names_each_sender_beside_their_id() -> None:
    venue = MiniVenue()
    bob = venue.device(BOB)
    page = _export(venue, [bob.chain, venue.device(ANA).chain])
    assert EXPORT_VERSION == 2
    assert "<td>Ana (alderia/ana)</td>" in page and "<td>Bob (borduria/bob)</td>" in page
    assert "exported by Ana (alderia/ana) at" in page
    assert "<td>carpathia/eve</td>" in page  # no chain in the record: the bare id
    assert "corridor verify-export FILE" in page  # the command that checks it
    x = verify_export(page, venue.root)
    assert x.version == 2 and x.names == {ANA: "Ana", BOB: "Bob"}
    assert x.exporter_label == "Ana (alderia/ana)"
    got = x.to_json()
    assert set(got) >= V1_KEYS and got["version"] == 2
    assert got["names"] == {ANA: "Ana", BOB: "Bob"}
    msgs = got["messages"]
    assert isinstance(msgs, list)
    assert all(set(m) >= V1_MESSAGE_KEYS for m in msgs)
    assert [(m["sender"], m["sender_name"]) for m in msgs] == [
        (ANA, "Ana"), (BOB, "Bob"), ("carpathia/eve", "")]


def test_only_the_senders_verifying_chains_are_signed_in() -> None:
    """A chain of a member who sent nothing, or one that does not verify at the export
    time (expired), is left out: nobody is named by a certificate the export does not
    need or that would not verify."""
    venue = MiniVenue()
    stale = venue.pki.device("borduria", "bob", display_name="Bob",
                             not_before=venue.pki.now - timedelta(days=10),
                             not_after=venue.pki.now - timedelta(minutes=1))
    idle = venue.device("carpathia/zed")
    page = _export(venue, [(stale.chain[0], stale.chain[1]), idle.chain])
    _, _, body = _record(page)
    assert "chains" not in body  # nothing left to sign: omitted
    x = verify_export(page, venue.root)
    assert x.names == {ANA: "Ana"} and "<td>borduria/bob</td>" in page


def test_a_changed_name_in_the_page_is_refused() -> None:
    venue = MiniVenue()
    page = _export(venue, [venue.device(BOB).chain])
    for bad in (page.replace("<td>Bob (borduria/bob)</td>", "<td>Eve (borduria/bob)</td>"),
                page.replace("<td>Bob (borduria/bob)</td>", "<td>borduria/bob</td>"),
                page.replace("exported by Ana (", "exported by Eve (")):
        assert bad != page
        with pytest.raises(ExportError, match="readable text"):
            verify_export(bad, venue.root)


def test_a_changed_name_in_the_signed_record_is_refused() -> None:
    venue = MiniVenue()
    bob, ana = venue.device(BOB), venue.device(ANA)
    page = _export(venue, [bob.chain])
    b64, outer, body = _record(page)
    assert body["v"] == 2 and body["chains"] == [list(bob.chain)]
    leaf = bob.chain[0]
    assert leaf.count(b"Bob") == 1
    renamed = [leaf.replace(b"Bob", b"Eve"), bob.chain[1]]
    # the record's bytes changed, the exporter's signature kept: refused
    raw = msgspec.msgpack.encode({**body, "chains": [renamed]})
    forged = base64.b64encode(msgspec.msgpack.encode({**outer, "body": raw})).decode()
    with pytest.raises(ExportError, match="signature"):
        verify_export(page.replace(b64, forged), venue.root)
    # the exporter re-signs a renamed certificate: its chain no longer verifies
    with pytest.raises(ExportError, match="sender certificate 0"):
        verify_export(_with_body(page, {**body, "chains": [renamed]}, ana.seed), venue.root)
    # the exporter re-signs without the chains: the names no longer follow from the record
    no_chains = {k: v for k, v in body.items() if k != "chains"}
    with pytest.raises(ExportError, match="readable text"):
        verify_export(_with_body(page, no_chains, ana.seed), venue.root)
    # nor may a version-1 record carry chains (its page has no names to show)
    with pytest.raises(ExportError, match="version-1"):
        verify_export(_with_body(page, {**body, "v": 1}, ana.seed), venue.root)


def test_another_venues_chain_names_nobody() -> None:
    """A chain issued under another venue's root does not verify against this one: the
    export is refused rather than naming a sender by it."""
    here, there = MiniVenue(), MiniVenue()
    page = _export(here, [here.device(BOB).chain])
    _, _, body = _record(page)
    alien = there.device(BOB).chain
    with pytest.raises(ExportError, match="sender certificate"):
        verify_export(_with_body(page, {**body, "chains": [list(alien)]},
                                 here.device(ANA).seed), here.root)


def test_a_revoked_senders_certificate_fails_under_the_crl() -> None:
    venue = MiniVenue()
    bob = venue.device(BOB)
    page = _export(venue, [bob.chain])
    crl = venue.pki.crl("borduria", [certs.certificate_serial(bob.chain[0])])
    assert verify_export(page, venue.root).names[BOB] == "Bob"
    with pytest.raises(ExportError, match="sender certificate 0"):
        verify_export(page, venue.root, [crl])


def test_a_member_whose_devices_disagree_on_the_name_is_shown_by_id() -> None:
    venue = MiniVenue()
    bob = venue.device(BOB)
    other = venue.pki.device("borduria", "bob", display_name="Director")
    page = _export(venue, [bob.chain, (other.chain[0], other.chain[1])])
    assert "<td>borduria/bob</td>" in page and "Director" not in page
    assert "Bob (borduria/bob)" not in page
    x = verify_export(page, venue.root)
    assert BOB not in x.names and x.label(BOB) == BOB
    _, _, body = _record(page)
    assert isinstance(body["chains"], list) and len(body["chains"]) == 2
    msgs = x.to_json()["messages"]
    assert isinstance(msgs, list) and msgs[1]["sender_name"] == ""


def test_an_export_written_before_names_still_verifies() -> None:
    """tests/client/data/export_v1.html was written by the version-1 code (commit
    8b93bd1): it verifies byte for byte, shows bare ids, and its JSON keeps every key."""
    root = certs.der_of((DATA / "export_v1_root.pem").read_bytes(), "certificate")
    page = (DATA / "export_v1.html").read_text(encoding="utf-8")
    assert "<td>alderia/ana</td>" in page  # bare ids, as version 1 wrote them
    x = verify_export(page, root)
    assert (x.version, x.names, x.exporter, x.exporter_name) == (1, {}, ANA, "Ana")
    assert x.marking == "RESTRICTED" and len(x.messages) == 4
    assert x.label(ANA) == ANA and x.exporter_label == "Ana (alderia/ana)"
    got = x.to_json()
    assert set(got) >= V1_KEYS and got["names"] == {} and got["version"] == 1
    msgs = got["messages"]
    assert isinstance(msgs, list) and all(set(m) >= V1_MESSAGE_KEYS for m in msgs)
    assert [m["sender"] for m in msgs] == [ANA, BOB, BOB, ANA]
    with pytest.raises(ExportError, match="readable text"):
        verify_export(page.replace("<td>borduria/bob</td>", "<td>Bob (borduria/bob)</td>"),
                      root)
    assert pages(render_pdf(x))[0].at_top("RESTRICTED")
