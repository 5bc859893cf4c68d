# SPDX-License-Identifier: Apache-2.0
"""A document's agreed text and its sign-offs as PDF (fpdf2) and .docx (python-docx).

The files are for reading and printing; what proves the text and the sign-offs is the
signed record exported with them (:mod:`client.decisions.export`), which binds both
files' SHA-256. Both carry the highest classification marking of the document's records
on every page (:mod:`client.printing`). Each file states the text's hash, so a reader
can match it to the record; both carry the export time as their creation time.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from datetime import UTC, datetime

from client.decisions.drafting import Document, paragraphs
from client.decisions.records import text_hash
from client.marked_pdf import MarkedPDF
from client.printing import mark_docx

__all__ = ["render_docx", "render_pdf"]

def _when(ms: int) -> datetime:
    return datetime.fromtimestamp(ms / 1000, UTC)


def _stamp(ms: int) -> str:
    return _when(ms).strftime("%Y-%m-%d %H:%M UTC")


def _lines(doc: Document, label: Callable[[str], str]) -> tuple[str, list[str], list[str]]:
    """Title, head and sign-off lines; members written by ``label``."""
    v = doc.latest
    head = [f"Version {v.version} by {label(v.member)}, {_stamp(v.at)}",
            f"Text SHA-256: {text_hash(v.text).hex()}", doc.summary()]
    offs = [f"{m}: signed off by {label(s.member)} at {_stamp(s.at)}"
            for m, s in sorted(doc.signed_off.items())]
    missing = [m for m in doc.participants if m not in doc.signed_off]
    if missing:
        offs.append("Not signed off: " + ", ".join(missing))
    return doc.versions[0].title, head, offs


def render_pdf(doc: Document, *, exported_at: int, marking: str,
               label: Callable[[str], str] = str) -> bytes:
    """The PDF, ``marking`` (the highest of the document's records) at the top and the
    bottom of every page; members written by ``label`` (the desk's certificate names,
    "Ana (alderia/ana)"; the bare ids by default)."""
    title, head, offs = _lines(doc, label)
    pdf = MarkedPDF(marking, title=title, created_ms=exported_at)
    pdf.add_page()
    pdf.body(16)
    pdf.para(title, 9)
    pdf.body(9)
    for line in head:
        pdf.para(line)
    pdf.ln(4)
    pdf.body(11)
    for i, para in enumerate(paragraphs(doc.latest.text), 1):
        pdf.para(f"{i}. {para}", 6)
        pdf.ln(2)
    pdf.ln(4)
    pdf.body(13)
    pdf.para("Sign-offs", 7)
    pdf.body(10)
    for line in offs or ["none"]:
        pdf.para(line)
    pdf.ln(3)
    pdf.body(8)
    pdf.para(f"Exported {_stamp(exported_at)}. The signed record exported with this file "
             "(.corridor) proves the text and every sign-off; check it with "
             "`corridor verify-decision RECORD --file THIS.pdf`.", 4)
    return bytes(pdf.output())


def render_docx(doc: Document, *, exported_at: int, marking: str,
                label: Callable[[str], str] = str) -> bytes:
    """The .docx, ``marking`` in the header and the footer of every page; members
    written by ``label`` (as :func:`render_pdf`)."""
    import docx

    title, head, offs = _lines(doc, label)
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
    mark_docx(d, marking)
    out = io.BytesIO()
    d.save(out)
    return out.getvalue()
