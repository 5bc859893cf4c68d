# SPDX-License-Identifier: Apache-2.0
"""Printable exports that carry their classification marking on every page.

:class:`client.marked_pdf.MarkedPDF` is an fpdf2 document whose header and footer
(drawn by fpdf2 on every page it adds, however the body flows) print the marking centred
at the top and bottom of the page, with the page number at the bottom; :func:`mark_docx`
puts the marking in every section's header and footer of a python-docx document (Word
repeats them on every page, the first and even pages included). The marking is the
highest of what the export holds (:func:`crypto.corridor.markings.highest`), so a page
never claims less than the most sensitive item in the file. This module stays light
(fpdf2 is imported only where a PDF is made, by :mod:`client.marked_pdf`), so the
commands that never print do not pay for it.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Final

if TYPE_CHECKING:
    from docx.document import Document as DocxDocument

__all__ = ["FONTS", "MARKING_CSS", "mark_docx"]

#: the marking's banner in an HTML page; printed, it is fixed to the top and the bottom
#: of the page, so browsers repeat it on every page
MARKING_CSS: Final = (".marking{text-align:center;font:bold 10pt sans-serif}"
                      "@media print{.marking{position:fixed;left:0;right:0}"
                      ".marking.top{top:0}.marking.bottom{bottom:0}"
                      "body{margin:1.5em 0}}")

#: a Unicode font for the body text, where the system has one (else Helvetica, Latin-1)
FONTS: Final = (Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"),
                Path("/usr/share/fonts/dejavu/DejaVuSans.ttf"),
                Path("/Library/Fonts/DejaVuSans.ttf"),
                Path("C:/Windows/Fonts/arial.ttf"))


def mark_docx(d: DocxDocument, marking: str) -> None:
    """``marking`` centred in the header and the footer of every section of ``d`` (and
    of its first and even pages, should a template set them apart)."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    for section in d.sections:
        for part in (section.header, section.footer, section.first_page_header,
                     section.first_page_footer, section.even_page_header,
                     section.even_page_footer):
            part.is_linked_to_previous = False
            p = part.paragraphs[0] if part.paragraphs else part.add_paragraph()
            p.text = marking
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            for run in p.runs:
                run.bold = True
