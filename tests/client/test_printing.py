# SPDX-License-Identifier: Apache-2.0
"""Printable exports carry their marking on every page: a PDF of many pages has the
marking at the top and the bottom of each (read back page by page), a .docx in the
header and the footer of every section; the marking of a whole is the highest level of
its items with every caveat any carries."""

from __future__ import annotations

import io

import docx
import pytest

from client.marked_pdf import MarkedPDF
from client.notices.book import ExerciseRow
from client.notices.export import register_pdf
from client.printing import mark_docx
from crypto.corridor.markings import MarkingError, highest
from tests.support.pdf_pages import pages


def test_the_highest_marking_of_a_whole() -> None:
    assert str(highest([])) == "UNCLASSIFIED"
    assert str(highest(["", "restricted", "UNCLASSIFIED"])) == "RESTRICTED"
    assert str(highest(["RESTRICTED//CAUCUS ONLY", "CONFIDENTIAL"])) == \
        "CONFIDENTIAL//CAUCUS ONLY"
    with pytest.raises(MarkingError):
        highest(["TOP SECRET"])


def test_a_long_pdf_has_the_marking_on_every_page() -> None:
    pdf = MarkedPDF("CONFIDENTIAL//CAUCUS ONLY", title="t", created_ms=0)
    pdf.add_page()
    pdf.body(11)
    for i in range(200):
        pdf.para(f"paragraph {i}: ünïcode text that flows onto the next page")
    got = pages(bytes(pdf.output()))
    assert len(got) >= 4
    for n, page in enumerate(got, 1):
        assert page.at_top("CONFIDENTIAL//CAUCUS ONLY"), n
        assert page.at_bottom("CONFIDENTIAL//CAUCUS ONLY"), n
        assert page.at_bottom(f"{n}/{len(got)}"), n
    # the reader would see a page without it
    assert not pages(bytes(_plain().output()))[0].at_top("CONFIDENTIAL//CAUCUS ONLY")


def _plain() -> MarkedPDF:
    pdf = MarkedPDF("", title="t", created_ms=0)
    pdf.add_page()
    return pdf


def test_a_docx_has_the_marking_in_every_header_and_footer() -> None:
    d = docx.Document()
    d.add_paragraph("first section")
    d.add_section()
    d.add_paragraph("second section")
    mark_docx(d, "RESTRICTED")
    buf = io.BytesIO()
    d.save(buf)
    back = docx.Document(io.BytesIO(buf.getvalue()))
    assert len(back.sections) == 2
    for s in back.sections:
        for part in (s.header, s.footer, s.first_page_header, s.first_page_footer,
                     s.even_page_header, s.even_page_footer):
            assert [p.text for p in part.paragraphs] == ["RESTRICTED"]


def _row(i: int, marking: str) -> ExerciseRow:
    return {"notice_id": f"{i:032x}", "mission": "borduria", "status": "notified",
            "revision": 0, "name": f"Exercise {i}", "starts_at": 1_800_000_000_000,
            "ends_at": 1_800_086_400_000, "area": "coast", "lat": 54.5, "lon": 18.6,
            "activity": "field training", "contact": "ops", "forces": [["troops", 300]],
            "marking": marking,
            "history": [{"action": "new", "revision": 0, "by": "borduria/ana",
                         "at": 1_799_000_000_000, "reason": ""}]}


def test_the_notice_register_pdf_is_marked_with_its_highest_marking() -> None:
    rows = [_row(i, "RESTRICTED" if i == 17 else "") for i in range(60)]
    got = pages(register_pdf(rows, venue="Vienna forum", stamp_ms=1_800_000_000_000))
    assert len(got) >= 3
    for n, page in enumerate(got, 1):
        assert page.at_top("RESTRICTED") and page.at_bottom("RESTRICTED"), n
    low = pages(register_pdf(rows[:2], venue="Vienna forum", stamp_ms=0))
    assert low[0].at_top("UNCLASSIFIED") and not low[0].at_top("RESTRICTED")
