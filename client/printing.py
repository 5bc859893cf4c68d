# SPDX-License-Identifier: Apache-2.0
"""Printable exports that carry their classification marking on every page.

:class:`MarkedPDF` is an fpdf2 document whose header and footer (drawn by fpdf2 on every
page it adds, however the body flows) print the marking centred at the top and bottom
of the page, with the page number at the bottom; :func:`mark_docx` puts the marking in
every section's header and footer of a python-docx document (Word repeats them on every
page, the first and even pages included). The marking is the highest of what the export
holds (:func:`crypto.corridor.markings.highest`), so a page never claims less than the
most sensitive item in the file.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Final

from fpdf import FPDF
from fpdf.enums import Align, XPos, YPos

if TYPE_CHECKING:
    from docx.document import Document as DocxDocument

__all__ = ["FONTS", "MarkedPDF", "mark_docx"]

#: a Unicode font for the body text, where the system has one (else Helvetica, Latin-1)
FONTS: Final = (Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"),
                Path("/usr/share/fonts/dejavu/DejaVuSans.ttf"),
                Path("/Library/Fonts/DejaVuSans.ttf"),
                Path("C:/Windows/Fonts/arial.ttf"))


class MarkedPDF(FPDF):
    """An A4 PDF with ``marking`` at the top and the bottom of every page.

    The marking is printed in the core Helvetica font (a scheme's markings are
    upper-case ASCII), so any PDF reader, and a test, finds it as text on each page."""

    def __init__(self, marking: str, *, title: str, created_ms: int) -> None:
        super().__init__()
        self.marking = marking
        self.set_creation_date(datetime.fromtimestamp(created_ms / 1000, UTC))
        self.set_title(title)
        self.set_creator("Corridor")
        self.set_auto_page_break(True, margin=18)
        font = next((f for f in FONTS if f.exists()), None)
        self.body_family = "Helvetica"
        self.body_unicode = font is not None
        if font is not None:
            self.add_font("Body", fname=str(font))
            self.body_family = "Body"

    def safe(self, s: str) -> str:
        """``s`` as the body font can print it (Latin-1 with the core font)."""
        return s if self.body_unicode else s.encode("latin-1", "replace").decode("latin-1")

    def _mark(self) -> None:
        style, size, family = self.font_style, self.font_size_pt, self.font_family
        self.set_font("Helvetica", "B", 9)
        self.cell(0, 5, self.marking, align=Align.C, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        self.set_font(family, style, size)

    def header(self) -> None:
        self.set_y(6)
        self._mark()
        self.set_y(16)

    def footer(self) -> None:
        self.set_y(-13)
        self._mark()
        style, size, family = self.font_style, self.font_size_pt, self.font_family
        self.set_font("Helvetica", "", 7)
        self.cell(0, 4, f"{self.page_no()}/{{nb}}", align=Align.C)
        self.set_font(family, style, size)

    def body(self, size: float) -> None:
        self.set_font(self.body_family, size=size)

    def para(self, s: str, height: float = 5) -> None:
        self.multi_cell(0, height, self.safe(s), new_x=XPos.LMARGIN, new_y=YPos.NEXT)


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
