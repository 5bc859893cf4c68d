# SPDX-License-Identifier: Apache-2.0
"""The decisions desk's exports: a silence procedure's outcome and an agreed document
as signed records that verify offline (:mod:`client.decisions.export`), the document
printed as PDF and .docx, and the highest marking that every page of them carries.
Kept apart from :class:`client.decisions.desk.Desk`, which sends and records."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from client.crisis import signing
from client.decisions import export
from client.decisions.records import Lock, SignOff, Version
from crypto.corridor import markings

if TYPE_CHECKING:
    from client.decisions.book import Kept
    from client.decisions.desk import Desk

__all__ = ["export_document", "export_files", "export_outcome", "highest_marking"]


def _export(desk: Desk, kind: export.Kind, keep: list[Kept], participants: Sequence[str],
            closers: Sequence[str], attachments: Sequence[tuple[str, bytes]]) -> bytes:
    eng = desk.client.engine
    return export.export_record(
        kind, [export.Entry(k.signed, k.chain) for k in keep], root_der=eng.trust.root_der,
        exporter_chain=eng.me.chain[:2], exporter_seed=eng.me.seed, exported_at=desk.now(),
        participants=participants, closers=closers, attachments=attachments)


def export_outcome(desk: Desk, ref: str | bytes) -> bytes:
    pid, cid = desk.find(ref)
    missions, closers = desk.participants(cid)
    return _export(desk, "silence", desk.book.records_of(pid), missions, closers, ())


def export_files(desk: Desk, ref: str | bytes, stem: str) -> dict[str, bytes]:
    """The agreed text as ``stem``.pdf and ``stem``.docx, and ``stem``.corridor, the
    signed record binding both files' hashes (file name -> bytes)."""
    from client.decisions import render

    doc = desk.document(ref)
    now = desk.now()
    mark = desk.marking_of(ref)
    names = desk.labels()  # who signed off, as their certificates name them

    def label(who: str) -> str:
        return names.get(who, who)

    files = {f"{stem}.pdf": render.render_pdf(doc, exported_at=now, marking=mark,
                                              label=label),
             f"{stem}.docx": render.render_docx(doc, exported_at=now, marking=mark,
                                                label=label)}
    files[f"{stem}.corridor"] = desk.export_document(ref, list(files.items()))
    return files


def export_document(desk: Desk, ref: str | bytes,
                    attachments: Sequence[tuple[str, bytes]] = ()) -> bytes:
    did, cid = desk.find_doc(ref)
    keep = [k for k in desk.book.kept.values()
            if getattr(k.record, "doc_id", None) == did
            and isinstance(k.record, Version | SignOff | Lock)]
    return _export(desk, "draft", keep, desk.participants(cid)[0], (), attachments)


def highest_marking(desk: Desk, key: str, value: bytes) -> str:
    marks = [desk._marks.get(signing.fingerprint(k.signed.body), "")
             for k in desk.book.kept.values() if getattr(k.record, key, None) == value]
    scheme = desk.client.engine.marking_scheme
    try:
        return str(markings.highest(marks, scheme))
    except markings.MarkingError:  # a level the newer scheme lacks: shown as sent
        return " ".join(sorted({m for m in marks if m})) or scheme.lowest
