# SPDX-License-Identifier: Apache-2.0
"""The app's translation catalogues (``corridor_<lang>.ts``, Qt Linguist's format) and
their tool chain: PySide6's lupdate extracts the strings, lrelease compiles them.

``python -m ui.translations update`` refreshes every catalogue from the sources (new
strings arrive unfinished, vanished ones are dropped); ``check`` says which strings are
missing or unfinished in which catalogue (and fails); ``build [DIR]`` compiles the .qm
files (tools/run.sh and tools/test.sh run it; the app compiles on first start too, into
the user's cache, so an installed package needs no build step of its own).

The modules of ui/ translate through a one-line ``_t(text)`` wrapper that fixes their
context (``QCoreApplication.translate("Dialogs", text)``), and counts through
``ui.i18n.tr_n(context, text, n)``; lupdate only knows ``translate(context, text, ...)``,
so it reads a copy of ui/ in which those calls are spelt out in full (same files, same
lines: the catalogues' source locations point into the real tree).

English is the source language; ``corridor_en.ts`` only holds the English plural forms.
``en_XA`` is a pseudo-locale generated at build time from the catalogues' sources: every
string 40% longer, accented and bracketed, to find clipped layouts and untranslated text.
"""

from __future__ import annotations

import ast
import hashlib
import os
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from collections.abc import Iterable
from pathlib import Path

__all__ = [
    "LANGUAGES",
    "PSEUDO",
    "TARGETS",
    "Problem",
    "build",
    "check",
    "compiled_dir",
    "entries",
    "pseudo",
    "update",
]

HERE = Path(__file__).resolve().parent
UI_ROOT = HERE.parent
#: Language code -> its name in that language (what the Settings list shows).
LANGUAGES: dict[str, str] = {
    "en": "English",
    "fr": "Français",
    "de": "Deutsch",
    "ru": "Русский",
    "es": "Español",
    "it": "Italiano",
    "ja": "日本語",
    "zh_CN": "简体中文",
    "ko": "한국어",
}
#: The languages with a full catalogue (English is the source).
TARGETS = [code for code in LANGUAGES if code != "en"]
PSEUDO = "en_XA"


def ts_path(code: str) -> Path:
    return HERE / f"corridor_{code}.ts"


def _tool(name: str) -> str:
    """PySide6's wrapper script for a Qt tool (next to this interpreter, else on PATH)."""
    here = Path(sys.executable).parent / f"pyside6-{name}"
    found = str(here) if here.exists() else shutil.which(f"pyside6-{name}")
    if not found:
        raise RuntimeError(f"pyside6-{name} not found (it comes with PySide6-Essentials)")
    return found


# ---------------------------------------------------------------------- extraction


def _wrapper_context(tree: ast.Module) -> str | None:
    """The context of a module's ``def _t(text): return QCoreApplication.translate(C, text)``."""
    for node in tree.body:
        if isinstance(node, ast.FunctionDef) and node.name == "_t":
            for sub in ast.walk(node):
                if (isinstance(sub, ast.Call) and isinstance(sub.func, ast.Attribute)
                        and sub.func.attr == "translate" and sub.args
                        and isinstance(sub.args[0], ast.Constant)):
                    return str(sub.args[0].value)
    return None


def spelt_out(source: str) -> str:
    """``source`` with ``_t(x)`` and ``tr_n(c, x, n)`` written as lupdate's
    ``translate(C, x)`` and ``translate(c, x, None, n)``, on the same lines."""
    tree = ast.parse(source)
    context = _wrapper_context(tree)
    lines = source.encode().split(b"\n")
    edits: list[tuple[int, int, int, bytes]] = []  # line, start, end (byte columns), text
    for node in ast.walk(tree):
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)):
            continue
        f = node.func
        assert f.end_col_offset is not None
        if f.id == "_t" and context is not None:
            edits.append((f.lineno, f.col_offset, f.end_col_offset + 1,
                          f'translate("{context}", '.encode()))
        elif f.id == "tr_n" and len(node.args) == 3:
            edits.append((f.lineno, f.col_offset, f.end_col_offset, b"translate"))
            last = node.args[2]
            edits.append((last.lineno, last.col_offset, last.col_offset, b"None, "))
    for line, start, end, text in sorted(edits, reverse=True):
        row = lines[line - 1]
        lines[line - 1] = row[:start] + text + row[end:]
    # "#:" starts a translator's comment for lupdate, and an attribute's doc comment here
    lines = [row.replace(b"#:", b"# ", 1) if row.lstrip().startswith(b"#:") else row
             for row in lines]
    return b"\n".join(lines).decode()


def _mirror(dest: Path, ui_root: Path = UI_ROOT) -> Path:
    """A copy of ui/ (sources spelt out, catalogues as they are) under ``dest``."""
    root = dest / "ui"
    for src in ui_root.rglob("*"):
        rel = src.relative_to(ui_root)
        if "__pycache__" in rel.parts or src.is_dir():
            continue
        out = root / rel
        out.parent.mkdir(parents=True, exist_ok=True)
        if src.suffix == ".py":
            out.write_text(spelt_out(src.read_text(encoding="utf-8")), encoding="utf-8")
        elif src.suffix == ".ts":
            shutil.copyfile(src, out)
    return root


def _lupdate(root: Path, codes: Iterable[str]) -> None:
    for code in codes:
        ts = root / "translations" / f"corridor_{code}.ts"
        args = [_tool("lupdate"), "-silent", "-no-obsolete", "-locations", "none",
                "-extensions", "py", "-source-language", "en", "-target-language", code]
        if code == "en":
            args.append("-pluralonly")
        subprocess.run([*args, str(root), "-ts", str(ts)], check=True,  # noqa: S603
                       capture_output=True)


def update(codes: Iterable[str] = LANGUAGES) -> None:
    """Refresh the catalogues in place from the sources (lupdate)."""
    codes = list(codes)
    with tempfile.TemporaryDirectory(prefix="corridor-lupdate-") as tmp:
        root = _mirror(Path(tmp))
        _lupdate(root, codes)
        if "en" in codes:
            _english_plurals(root / "translations" / "corridor_en.ts")
            _lupdate(root, ["en"])  # back in lupdate's own layout
        for code in codes:
            shutil.copyfile(root / "translations" / f"corridor_{code}.ts", ts_path(code))


def _english_plurals(ts: Path) -> None:
    """Fill the English catalogue's empty plural forms from the sources' "(s)" convention
    ("%n hour(s)" -> "%n hour", "%n hours"); any other spelling stays for a person."""
    tree = ET.parse(ts)  # noqa: S314 (our own file)
    for msg in tree.getroot().iter("message"):
        tr, source = msg.find("translation"), msg.findtext("source") or ""
        if tr is None or tr.get("type") != "unfinished" or "(s)" not in source:
            continue
        forms = list(tr.iter("numerusform"))
        if len(forms) == 2 and not any(f.text for f in forms):
            forms[0].text = source.replace("(s)", "")
            forms[1].text = source.replace("(s)", "s")
            del tr.attrib["type"]
    tree.write(ts, encoding="utf-8", xml_declaration=True)


# ---------------------------------------------------------------------- checking

Entry = tuple[str, str, bool]  # context, source, numerus


def entries(ts: Path) -> dict[Entry, list[str] | None]:
    """A catalogue's messages -> their translations (forms), None where unfinished."""
    out: dict[Entry, list[str] | None] = {}
    for ctx in ET.parse(ts).getroot().iter("context"):  # noqa: S314 (our own files)
        name = ctx.findtext("name") or ""
        for msg in ctx.iter("message"):
            numerus = msg.get("numerus") == "yes"
            tr = msg.find("translation")
            source = msg.findtext("source") or ""
            if tr is None or tr.get("type") in ("unfinished", "obsolete", "vanished"):
                out[(name, source, numerus)] = None
                continue
            forms = ([f.text or "" for f in tr.iter("numerusform")] if numerus
                     else [tr.text or ""])
            out[(name, source, numerus)] = None if not all(forms) else forms
    return out


class Problem(str):
    """One line of a ``check`` report: which catalogue lacks which string."""


def check(codes: Iterable[str] = LANGUAGES, ui_root: Path = UI_ROOT) -> list[Problem]:
    """Run lupdate on a copy of the sources (``ui_root``, ui/ itself by default) and list
    every string that is missing, unfinished or empty in a shipped catalogue, and every
    entry a catalogue holds that the sources no longer have."""
    codes = list(codes)
    problems: list[Problem] = []
    with tempfile.TemporaryDirectory(prefix="corridor-lcheck-") as tmp:
        root = _mirror(Path(tmp), ui_root)
        _lupdate(root, codes)
        for code in codes:
            fresh = entries(root / "translations" / f"corridor_{code}.ts")
            shipped = entries(ts_path(code)) if ts_path(code).exists() else {}
            for key, forms in fresh.items():
                if key not in shipped:
                    problems.append(Problem(f"{code}: not in the catalogue: {key[0]}: {key[1]!r}"))
                elif forms is None:
                    problems.append(Problem(f"{code}: unfinished: {key[0]}: {key[1]!r}"))
            problems += [Problem(f"{code}: no longer in the sources: {k[0]}: {k[1]!r}")
                         for k in shipped if k not in fresh]
    return problems


# ---------------------------------------------------------------------- pseudo-locale

_ACCENTS = str.maketrans(
    "abcdeghiklnorstuyzABCDEGHIKLNORSTUYZ",
    "áƀçďéĝĥíķĺñőŕšťúýžÁƁÇĎÉĜĤÍĶĹÑŐŔŠŤÚÝŽ")
_FILLER = " ĺőŕéḿ íṕšúḿ ďőĺőŕ šíť áḿéť çőñšéçťéťúŕ áďíṕíšçíñĝ éĺíť"


def _segments(text: str) -> Iterable[tuple[bool, str]]:
    """``text`` as (translatable, piece): placeholders, markup, entities and mnemonics'
    ampersands are kept exactly."""
    import re

    pattern = re.compile(r"%L?\d+|%n|<[^>]*>|&[a-zA-Z]+;|&&|&|\n")
    pos = 0
    for m in pattern.finditer(text):
        if m.start() > pos:
            yield True, text[pos:m.start()]
        yield False, m.group(0)
        pos = m.end()
    if pos < len(text):
        yield True, text[pos:]


def pseudo(text: str) -> str:
    """``Send`` -> ``[Šéñď ĺőŕ]``: accented, bracketed and 40% longer (at least)."""
    visible = 0
    out = []
    for plain, piece in _segments(text):
        if plain:
            visible += len(piece)
            out.append(piece.translate(_ACCENTS))
        else:
            out.append(piece)
    extra = max(1, -(-visible * 4 // 10) - 2)  # brackets count towards the 40%
    pad = (_FILLER * (extra // len(_FILLER) + 1))[:extra] if extra > 2 else "~" * extra
    return "[" + "".join(out) + pad + "]"


def _pseudo_ts(dest: Path) -> Path:
    """The pseudo-locale's catalogue, from the sources of the shipped catalogues."""
    seen: dict[Entry, None] = {}
    for code in LANGUAGES:
        if ts_path(code).exists():
            seen.update(dict.fromkeys(entries(ts_path(code))))
    root = ET.Element("TS", version="2.1", language="en", sourcelanguage="en")
    contexts: dict[str, ET.Element] = {}
    for name, source, numerus in seen:
        if name not in contexts:
            contexts[name] = ET.SubElement(root, "context")
            ET.SubElement(contexts[name], "name").text = name
        msg = ET.SubElement(contexts[name], "message")
        ET.SubElement(msg, "source").text = source
        tr = ET.SubElement(msg, "translation")
        if numerus:
            msg.set("numerus", "yes")
            singular = pseudo(source.replace("(s)", ""))
            plural = pseudo(source.replace("(s)", "s"))
            for form in (singular, plural):
                ET.SubElement(tr, "numerusform").text = form
        else:
            tr.text = pseudo(source)
    path = dest / f"corridor_{PSEUDO}.ts"
    ET.ElementTree(root).write(path, encoding="utf-8", xml_declaration=True)
    return path


# ---------------------------------------------------------------------- compiling


def _fingerprint() -> str:
    h = hashlib.sha256(Path(__file__).read_bytes())
    for code in LANGUAGES:
        if ts_path(code).exists():
            h.update(ts_path(code).read_bytes())
    return h.hexdigest()[:16]


def build(out_dir: Path) -> list[Path]:
    """Compile every catalogue and the pseudo-locale's into ``out_dir`` (lrelease)."""
    out_dir.mkdir(parents=True, exist_ok=True)
    made = []
    with tempfile.TemporaryDirectory(prefix="corridor-lrelease-") as tmp:
        sources = [ts_path(c) for c in LANGUAGES if ts_path(c).exists()]
        sources.append(_pseudo_ts(Path(tmp)))
        for ts in sources:
            qm = out_dir / (ts.stem + ".qm")
            subprocess.run([_tool("lrelease"), "-silent", str(ts), "-qm", str(qm)],  # noqa: S603
                           check=True, capture_output=True)
            made.append(qm)
    return made


def compiled_dir() -> Path:
    """The compiled catalogues of these sources, built on first use (in the user's cache:
    ``$XDG_CACHE_HOME/corridor/translations/<fingerprint>``). A frozen bundle has no
    lrelease: it ships them built (``qm/`` here; see deploy/bundle/corridor.spec)."""
    import platformdirs

    if getattr(sys, "frozen", False) and (HERE / "qm" / f"corridor_{PSEUDO}.qm").exists():
        return HERE / "qm"

    base = Path(os.environ.get("CORRIDOR_TRANSLATIONS_CACHE") or
                platformdirs.user_cache_path("corridor", appauthor=False) / "translations")
    out = base / _fingerprint()
    if not (out / f"corridor_{PSEUDO}.qm").exists():
        base.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryDirectory(dir=base, prefix=".build-") as t:
            build(Path(t) / "qm")
            try:
                os.replace(Path(t) / "qm", out)
            except OSError:  # another process built it meanwhile
                if not (out / f"corridor_{PSEUDO}.qm").exists():
                    raise
        for old in base.iterdir():  # builds of earlier catalogues
            if old != out and not old.name.startswith("."):
                shutil.rmtree(old, ignore_errors=True)
    return out


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    command = args[0] if args else "check"
    if command == "update":
        update()
    elif command == "build":
        out = Path(args[1]) if len(args) > 1 else compiled_dir()
        if len(args) > 1:
            build(out)
        print(out)
    elif command == "check":
        problems = check()
        for p in problems:
            print(p)
        print(f"{len(problems)} problem(s)", file=sys.stderr)
        return 1 if problems else 0
    else:
        print("usage: python -m ui.translations [update|check|build [DIR]]", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
