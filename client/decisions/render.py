# SPDX-License-Identifier: Apache-2.0
"""A document's agreed text and its sign-offs as PDF (fpdf2) and .docx (python-docx).

The files are for reading and printing; what proves the text and the sign-offs is the
signed record exported with them (:mod:`client.decisions.export`), which binds both
files' SHA-256. Each file states the text's hash, so a reader can match it to the
record; both carry the export time as their creation time.
"""

from __future__ import annotations

import io
from datetime import UTC, datetime
from pathlib import Path
from typing import Final

from client.decisions.drafting import Document, paragraphs
from client.decisions.records import text_hash

__all__ = ["render_docx", "render_pdf"]

_FONTS: Final = (Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"),
                 Path("/usr/share/fonts/dejavu/DejaVuSans.ttf"),
                 Path("/Library/Fonts/DejaVuSans.ttf"),
                 Path("C:/Windows/Fonts/arial.ttf"))


def _when(ms: int) -> datetime:
    return datetime.fromtimestamp(ms / 1000, UTC)


def _stamp(ms: int) -> str:
    return _when(ms).strftime("%Y-%m-%d %H:%M UTC")


def _lines(doc: Document) -> tuple[str, list[str], list[str]]:
    v = doc.latest
    head = [f"Version {v.version} by {v.member}, {_stamp(v.at)}",
            f"Text SHA-256: {text_hash(v.text).hex()}", doc.summary()]
    offs = [f"{m}: signed off by {s.member} at {_stamp(s.at)}"
            for m, s in sorted(doc.signed_off.items())]
    missing = [m for m in doc.participants if m not in doc.signed_off]
    if missing:
        offs.append("Not signed off: " + ", ".join(missing))
    return doc.versions[0].title, head, offs


def render_pdf(doc: Document, *, exported_at: int) -> bytes:
    from fpdf import FPDF

    title, head, offs = _lines(doc)
    pdf = FPDF()
    pdf.set_creation_date(_when(exported_at))
    pdf.set_title(title)
    pdf.set_creator("Corridor")
    font = next((f for f in _FONTS if f.exists()), None)
    family = "Helvetica"
    if font is not None:
        pdf.add_font("Body", fname=str(font))
        family = "Body"

    def text(s: str) -> str:
        return s if font is not None else s.encode("latin-1", "replace").decode("latin-1")

    pdf.add_page()
    pdf.set_font(family, size=16)
    pdf.multi_cell(0, 9, text(title), new_x="LMARGIN", new_y="NEXT")
    pdf.set_font(family, size=9)
    for line in head:
        pdf.multi_cell(0, 5, text(line), new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)
    pdf.set_font(family, size=11)
    for i, para in enumerate(paragraphs(doc.latest.text), 1):
        pdf.multi_cell(0, 6, text(f"{i}. {para}"), new_x="LMARGIN", new_y="NEXT")
        pdf.ln(2)
    pdf.ln(4)
    pdf.set_font(family, size=13)
    pdf.multi_cell(0, 7, "Sign-offs", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font(family, size=10)
    for line in offs or ["none"]:
        pdf.multi_cell(0, 5, text(line), new_x="LMARGIN", new_y="NEXT")
    pdf.ln(3)
    pdf.set_font(family, size=8)
    pdf.multi_cell(0, 4, text(
        f"Exported {_stamp(exported_at)}. The signed record exported with this file "
        "(.corridor) proves the text and every sign-off; check it with "
        "`corridor verify-decision RECORD --file THIS.pdf`."), new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


def render_docx(doc: Document, *, exported_at: int) -> bytes:
    import docx

    title, head, offs = _lines(doc)
    d = docx.Document()
    props = d.core_properties
    props.title = title
    props.author = "Corridor"
    props.created = props.modified = _when(exported_at).replace(tzinfo=None)
    props.revision = doc.latest.version
    d.add_heading(title, level=1)
    for line in head:
        d.add_paragraph(line)
    for para in paragraphs(doc.latest.text):
        d.add_paragraph(para, style="List Number")
    d.add_heading("Sign-offs", level=2)
    for line in offs or ["none"]:
        d.add_paragraph(line, style="List Bullet")
    d.add_paragraph(f"Exported {_stamp(exported_at)}. The signed record exported with this "
                    "file (.corridor) proves the text and every sign-off; check it with "
                    "corridor verify-decision RECORD --file THIS.docx.")
    out = io.BytesIO()
    d.save(out)
    return out.getvalue()
