# SPDX-License-Identifier: Apache-2.0
"""The fpdf2 document of every printable export: the marking at the top and the bottom
of every page (see :mod:`client.printing`). Imported only where a PDF is made."""

from __future__ import annotations

from datetime import UTC, datetime

from fpdf import FPDF
from fpdf.enums import Align, XPos, YPos

from client.printing import FONTS

__all__ = ["MarkedPDF"]


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
