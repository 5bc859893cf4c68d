# SPDX-License-Identifier: Apache-2.0
"""Joint drafting over the real relay on loopback with an injected clock: three missions
sign off version 3, a fourth mission's edit clears them; comments tied to a paragraph;
a readable diff; the lock; the PDF and .docx export with a signed record that verifies
offline and fails after any byte of it, or of the PDF, is changed."""

from __future__ import annotations

import io
import zipfile

import docx
import pytest

from client.decisions import drafting
from client.decisions.export import ExportError, verify_file, verify_record
from client.decisions.records import Version
from client.errors import UsageError
from tests.support.decisions_venue import DecisionsVenue
from tests.support.pdf_pages import pages

A, B, C, D = "alderia-ana", "borduria-ana", "carpania-ana", "dravonia-ana"
ALL = [A, B, C, D]
V1 = "The caucus supports the notification regime.\n\nIt asks for a review in 2028."


async def _caucus(v: DecisionsVenue) -> str:
    for n in ALL:
        v.client(n)
    await v.sync_all(1)
    cid = await v.client(A).create_channel("caucus", "Like-minded caucus",
                                           ["borduria", "carpania", "dravonia"])
    await v.sync_all(2)
    return cid


async def test_three_sign_off_version_3_and_a_fourth_edit_clears_them(
        decisions_venue: DecisionsVenue) -> None:
    v = decisions_venue
    cid = await _caucus(v)
    doc = await v.dd(A).new_document(cid, "Joint statement on notifications", V1)
    await v.sync_all(1)
    v.clock.advance(60)
    assert await v.dd(B).edit(doc, V1.replace("supports", "strongly supports")) == 2
    await v.sync_all(1)
    v.clock.advance(60)
    v3 = V1.replace("supports", "strongly supports").replace("2028", "2027")
    v.dd(C).marking = "RESTRICTED"  # one version marked higher: the printout says so
    assert await v.dd(C).edit(doc, v3) == 3
    v.dd(C).marking = ""
    await v.sync_all(1)
    await v.dd(D).comment(doc, 1, "2027 is too early for us")
    for n in (A, B, C):
        await v.dd(n).sign_off(doc)
    await v.sync_all(2)
    for n in ALL:
        d = v.dd(n).document(doc)
        assert d.summary() == "agreed by 3 of 4 missions at version 3", n
        assert [(c.version, c.paragraph, c.member) for c in d.comments] == [
            (3, 1, "dravonia/ana")]
        assert [(x.version, x.member) for x in d.versions] == [
            (1, "alderia/ana"), (2, "borduria/ana"), (3, "carpania/ana")]
    diff = drafting.diff(v.dd(A).document(doc).version(2), v.dd(A).document(doc).version(3))
    assert "-It asks for a review in 2028." in diff and "+It asks for a review in 2027." in diff

    # the record of version 3 with its three sign-offs, and its PDF and .docx
    files = v.dd(B).export_files(doc, "statement")
    root = v.client(A).engine.trust.root_der
    rec = verify_record(files["statement.corridor"], root)
    assert rec.document is not None
    assert rec.document.summary() == "agreed by 3 of 4 missions at version 3"
    assert rec.document.latest.text == v3
    verify_file(rec, "statement.pdf", files["statement.pdf"])
    verify_file(rec, "statement.docx", files["statement.docx"])
    assert files["statement.pdf"].startswith(b"%PDF")
    with zipfile.ZipFile(io.BytesIO(files["statement.docx"])) as z:
        body = z.read("word/document.xml").decode()
    assert "2027" in body and "agreed by 3 of 4 missions at version 3" in body
    # the highest marking of the document's records on every page, top and bottom
    assert v.dd(B).marking_of(doc) == "RESTRICTED"
    got = pages(files["statement.pdf"])
    assert got and all(p.at_top("RESTRICTED") and p.at_bottom("RESTRICTED") for p in got)
    word = docx.Document(io.BytesIO(files["statement.docx"]))
    for s in word.sections:
        assert [p.text for p in s.header.paragraphs] == ["RESTRICTED"]
        assert [p.text for p in s.footer.paragraphs] == ["RESTRICTED"]
    pdf = bytearray(files["statement.pdf"])
    pdf[len(pdf) // 2] ^= 0x01
    with pytest.raises(ExportError, match="differs"):
        verify_file(rec, "statement.pdf", bytes(pdf))
    data = files["statement.corridor"]
    for i in range(0, len(data), max(1, len(data) // 61)):
        bad = bytearray(data)
        bad[i] ^= 0x01
        with pytest.raises(ExportError):
            verify_record(bytes(bad), root)

    v.clock.advance(60)
    assert await v.dd(D).edit(doc, v3.replace("2027", "2029")) == 4
    await v.sync_all(2)
    for n in ALL:
        d = v.dd(n).document(doc)
        assert d.summary() == "agreed by 0 of 4 missions at version 4", n
        assert d.signed_off == {}
    with pytest.raises(UsageError, match="latest"):
        await v.dd(A).sign_off(doc, version=3)


async def test_the_lock_rules_who_edits(decisions_venue: DecisionsVenue) -> None:
    v = decisions_venue
    cid = await _caucus(v)
    doc = await v.dd(A).new_document(cid, "Locked draft", V1, lock=True)
    await v.sync_all(1)
    with pytest.raises(UsageError, match="lock"):
        await v.dd(B).edit(doc, "B's text")
    await v.dd(B).lock(doc)
    await v.sync_all(1)
    with pytest.raises(UsageError, match="holds the lock"):
        await v.dd(C).lock(doc)
    v.clock.advance(10)
    assert await v.dd(B).edit(doc, "B's text") == 2
    # a modified client writes without the lock: no client counts its version
    cd = v.dd(C)
    did, ch = cd.find_doc(doc)
    await cd._send(ch, Version(doc_id=did, version=3, member="carpania/ana",
                               title="Locked draft", text="C's text", at=cd.now()))
    await v.dd(B).lock(doc, release=True)
    await v.sync_all(2)
    for n in ALL:
        d = v.dd(n).document(doc)
        assert d.latest.version == 2 and d.latest.text == "B's text", n
