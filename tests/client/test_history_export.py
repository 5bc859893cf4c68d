# SPDX-License-Identifier: Apache-2.0
"""A channel's history exported as one signed, readable HTML file (``corridor export``)
and checked offline with nothing but the file and the venue root
(``corridor verify-export``); every change to the visible text or the record, a record
of another venue or a forged exporter signature is refused."""

from __future__ import annotations

import argparse
import base64
import json
from pathlib import Path

import msgspec
import pytest

from client._cli import run_guarded
from client.cli import register
from client.crisis import signing
from client.history_export import (
    EXPORT_LABEL,
    ExportError,
    _body_decoder,
    _render,
    _verified,
    export_channel,
    render_pdf,
    verify_export,
)
from client.model import MessageView
from crypto import certs
from tests.client.crisis.pki import T0_MS, MiniVenue
from tests.support.client_venue import start_venue
from tests.support.pdf_pages import pages

A, B = "alderia-ana", "borduria-ana"


def _main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="corridor")
    register(parser.add_subparsers(dest="command", required=True))
    args = parser.parse_args(argv)
    return run_guarded(args.func, args)


def test_export_is_readable_signed_and_checked_offline(
        tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    v = start_venue(tmp_path, missions=2)
    monkeypatch.setenv("CORRIDOR_PASSPHRASE", v.layout.passphrase)
    monkeypatch.chdir(tmp_path)
    home = {n: str(v.layout.home(n)) for n in (A, B)}

    def run(who: str, *argv: str) -> tuple[int, dict[str, object]]:
        capsys.readouterr()
        rc = _main([argv[0], "--json", "--home", home[who], *argv[1:]])
        return rc, json.loads(capsys.readouterr().out)

    try:
        run(B, "sync")
        assert run(A, "create-channel", "bilateral", "--name", "hotline <one>",
                   "--missions", "borduria")[0] == 0
        run(B, "sync")
        assert run(A, "send", "hotline <one>", "Proposal <b>draft</b> & annex")[0] == 0
        run(B, "sync")
        assert run(B, "send", "hotline <one>", "Agreed.")[0] == 0
        run(A, "sync")
        rc, out = run(A, "export", "hotline <one>")
        assert rc == 0 and out["messages"] == 2, out
        f = Path(str(out["file"]))
        page = f.read_text(encoding="utf-8")
        # readable: the words, escaped, the senders, in order
        assert "Proposal &lt;b&gt;draft&lt;/b&gt; &amp; annex" in page
        assert page.index("Proposal") < page.index("Agreed.")
        assert "alderia/ana" in page and "borduria/ana" in page
        assert run(A, "export", "hotline <one>")[0] != 0  # never overwrites silently

        root = Path(home[B]) / "root.pem"  # the venue root B's device pinned
        rc, checked = run(B, "verify-export", str(f), "--root", str(root), "--pdf",
                          str(tmp_path / "history.pdf"))
        assert rc == 0 and checked["verified"] and checked["exporter"] == "alderia/ana"
        # the messages' highest marking (the venue's lowest here), signed and printed
        assert checked["marking"] == "UNCLASSIFIED"
        printed = pages((tmp_path / "history.pdf").read_bytes())
        assert printed and all(p.at_top("UNCLASSIFIED") and p.at_bottom("UNCLASSIFIED")
                               for p in printed)
        assert [m["text"] for m in checked["messages"]] == [  # type: ignore[index]
            "Proposal <b>draft</b> & annex", "Agreed."]

        root_der = certs.der_of(root.read_bytes(), "certificate")
        x = verify_export(page, root_der)
        assert x.channel_name == "hotline <one>"
        # the visible text changed: refused
        with pytest.raises(ExportError, match="readable text"):
            verify_export(page.replace("Agreed.", "Refused."), root_der)
        # the record changed (one byte of its base64): refused
        start = page.index('<script type="application/x-corridor-export">') + 47
        bad = page[:start] + ("A" if page[start] != "A" else "B") + page[start + 1:]
        with pytest.raises(ExportError):
            verify_export(bad, root_der)
        f.with_name("tampered.html").write_text(page.replace("Agreed.", "Refused."))
        rc, err = run(B, "verify-export", str(f.with_name("tampered.html")),
                      "--root", str(root))
        assert rc != 0 and "does not verify" in str(err["message"])
    finally:
        v.relay.stop()


def _view(text: str, sender: str = "alderia/ana", seq: int = 1) -> MessageView:
    return MessageView(message_id="ab" * 8, sender=sender, kind="text", text=text,
                       sent_at=T0_MS, seq=seq, own=False, position=seq)


def test_export_refuses_other_venues_and_forged_signatures() -> None:
    """Offline, with the builder's venues: another venue's root, a signature by a device
    other than the chain's, and a record that is not canonical are all refused."""
    here, there = MiniVenue(), MiniVenue()
    dev = here.device("alderia/ana")
    page = export_channel([_view("hello")], channel_id="00" * 16, channel_name="c",
                          root_der=here.root, exporter_chain=dev.chain,
                          exporter_seed=dev.seed, exported_at=T0_MS)
    assert verify_export(page, here.root).messages[0].text == "hello"
    with pytest.raises(ExportError, match="another venue"):
        verify_export(page, there.root)
    other = here.device("alderia/ben")
    forged = export_channel([_view("hello")], channel_id="00" * 16, channel_name="c",
                            root_der=here.root, exporter_chain=dev.chain,
                            exporter_seed=other.seed, exported_at=T0_MS)
    with pytest.raises(ExportError, match="signature"):
        verify_export(forged, here.root)
    with pytest.raises(ExportError, match="no signed record"):
        verify_export("<html>nothing here</html>", here.root)
    record = page.split('<script type="application/x-corridor-export">\n')[1].split("\n</")[0]
    raw = base64.b64decode("".join(record.split()))
    padded = base64.b64encode(raw + b"\x00").decode()
    with pytest.raises(ExportError, match=r"canonical|malformed"):
        verify_export(page.replace(record, padded), here.root)


def _marked(text: str, marking: str) -> MessageView:
    return MessageView("00" * 8 + text.encode().hex()[:16], "alderia/ana", "text", text,
                       T0_MS, 1, False, 1, marking=marking)


def test_a_marked_export_prints_its_highest_marking_top_and_bottom() -> None:
    """The export signs the highest marking of its messages; the page shows it above
    and below the messages (fixed to every printed page), the PDF on every page; a
    changed marking in the page is refused like any other changed word."""
    venue = MiniVenue()
    dev = venue.device("alderia/ana")
    views = [_marked(f"message {i} " + "word " * 40, "RESTRICTED" if i == 7 else "")
             for i in range(60)]
    page = export_channel(views, channel_id="00" * 16, channel_name="c",
                          root_der=venue.root, exporter_chain=dev.chain,
                          exporter_seed=dev.seed, exported_at=T0_MS)
    x = verify_export(page, venue.root)
    assert x.marking == "RESTRICTED" == x.to_json()["marking"]
    assert page.index('<div class="marking top">RESTRICTED</div>') < page.index("<h1>")
    assert page.index('<div class="marking bottom">RESTRICTED</div>') > page.index("</table>")
    assert "position:fixed" in page
    with pytest.raises(ExportError, match="differs"):
        verify_export(page.replace(">RESTRICTED<", ">UNCLASSIFIED<", 1), venue.root)
    got = pages(render_pdf(x))
    assert len(got) >= 3
    for n, p in enumerate(got, 1):
        assert p.at_top("RESTRICTED") and p.at_bottom("RESTRICTED"), n


def test_an_export_from_before_markings_still_verifies() -> None:
    """A record without the marking field (as written before markings) verifies and
    renders exactly as it did: no banner; its PDF says it is unmarked."""
    venue = MiniVenue()
    dev = venue.device("alderia/ana")
    body = msgspec.msgpack.encode({
        "v": 1, "venue": signing.fingerprint(venue.root), "channel_id": "00" * 16,
        "channel_name": "c", "exported_at": T0_MS, "exporter": list(dev.chain),
        "messages": [{"message_id": "m1", "sender": "alderia/ana", "kind": "text",
                      "text": "old words", "sent_at": T0_MS, "seq": 1, "edited": False,
                      "reply_to": "", "attachment": ""}]})
    record = msgspec.msgpack.encode({"body": body,
                                     "sig": signing.sign(dev.seed, EXPORT_LABEL, body)})
    x = _verified(_body_decoder.decode(body), "alderia/ana")
    page = _render(x, record)
    assert "marking" not in page
    back = verify_export(page, venue.root)
    assert back.marking == "" and back.messages[0].text == "old words"
    assert pages(render_pdf(back))[0].at_top("UNMARKED (exported before markings)")
