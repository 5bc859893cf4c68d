# SPDX-License-Identifier: Apache-2.0
"""A small reader of the PDFs fpdf2 writes, for tests (no PDF reader is a dependency):
the pages in order (the page tree's /Kids), each page's content stream inflated, and
the text shown in it in literal strings with its position: enough to check that a
marking sits at the top and the bottom of every page."""

from __future__ import annotations

import re
import zlib
from dataclasses import dataclass

_OBJ = re.compile(rb"(\d+) 0 obj\s*<<(.*?)>>\s*(stream\r?\n)?", re.S)
_SHOW = re.compile(rb"BT ([\d.]+) ([\d.]+) Td ((?:\((?:\\.|[^\\)])*\) Tj ?)+)ET")
_STRING = re.compile(rb"\(((?:\\.|[^\\)])*)\) Tj")


@dataclass(frozen=True)
class Page:
    height: float
    texts: list[tuple[float, float, str]]  # (x, y from the bottom, text)

    def at_top(self, text: str, band: float = 0.08) -> bool:
        return any(t == text and y >= self.height * (1 - band) for _x, y, t in self.texts)

    def at_bottom(self, text: str, band: float = 0.08) -> bool:
        return any(t == text and y <= self.height * band for _x, y, t in self.texts)


def pages(pdf: bytes) -> list[Page]:
    objs: dict[int, tuple[bytes, bytes]] = {}
    for m in _OBJ.finditer(pdf):
        head, data = m.group(2), b""
        if m.group(3):
            length = int(re.search(rb"/Length (\d+)", head).group(1))  # type: ignore[union-attr]
            data = pdf[m.end():m.end() + length]
            if b"/FlateDecode" in head:
                data = zlib.decompress(data)
        objs[int(m.group(1))] = (head, data)
    tree = next(h for h, _d in objs.values() if b"/Type /Pages" in h)
    height = float(re.search(rb"/MediaBox \[0 0 [\d.]+ ([\d.]+)\]", tree).group(1))  # type: ignore[union-attr]
    kids = [int(k) for k in re.findall(rb"(\d+) 0 R", re.search(rb"/Kids \[(.*?)\]", tree,
                                                                 re.S).group(1))]  # type: ignore[union-attr]
    out = []
    for kid in kids:
        head = objs[kid][0]
        contents = int(re.search(rb"/Contents (\d+) 0 R", head).group(1))  # type: ignore[union-attr]
        stream = objs[contents][1]
        out.append(Page(height, [
            (float(x), float(y), b"".join(re.sub(rb"\\(.)", rb"\1", part)
                                          for part in _STRING.findall(t)).decode("latin-1"))
            for x, y, t in _SHOW.findall(stream)]))
    return out
