# SPDX-License-Identifier: Apache-2.0
"""Joint drafting: a document's versions, comments, editing lock and per-mission
sign-off, computed from signed records alone.

* Versions are numbered 1, 2, 3...; of two versions claiming one number the earlier
  counts (then the smaller author and text), so every client keeps the same history.
* A document created with ``lock`` asks an editor to hold the lock: a version counts
  only if its author held it when writing (a lock is taken while nobody else holds
  one, and lasts until its ``until`` or its holder's release).
* A mission signs off on a version by its text's hash; only sign-offs on the latest
  version count, so a new version clears every earlier sign-off.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from client.decisions.records import Comment, Lock, SignOff, Version, text_hash
from client.decisions.silence import mission_of

__all__ = ["Document", "diff", "document", "lock_holder", "paragraphs"]


def paragraphs(text: str) -> list[str]:
    """A text's paragraphs (separated by blank lines), what comments are tied to."""
    out, cur = [], []
    for line in text.splitlines():
        if line.strip():
            cur.append(line)
        elif cur:
            out.append("\n".join(cur))
            cur = []
    if cur:
        out.append("\n".join(cur))
    return out


def diff(old: Version, new: Version) -> str:
    """A readable unified diff between two versions, line by line."""
    return "".join(difflib.unified_diff(
        old.text.splitlines(keepends=True), new.text.splitlines(keepends=True),
        fromfile=f"version {old.version} ({old.member})",
        tofile=f"version {new.version} ({new.member})", lineterm="\n"))


def lock_holder(locks: Iterable[Lock], at: int) -> str | None:
    """Who holds a document's lock at ``at`` (a release at that very moment takes effect
    after it: the holder's last edit and its release may share a millisecond)."""
    holder: str | None = None
    until = 0
    for lk in sorted(locks, key=lambda x: (x.at, x.member)):
        if lk.at > at:
            break
        if lk.at == at and lk.until == 0:
            continue
        active = holder is not None and lk.at < until
        if lk.until == 0:
            if active and lk.member == holder:
                holder, until = None, 0
        elif not active or lk.member == holder:
            holder, until = lk.member, lk.until
    return holder if holder is not None and at < until else None


@dataclass(frozen=True, slots=True)
class Document:
    versions: tuple[Version, ...]
    comments: tuple[Comment, ...]
    locks: tuple[Lock, ...]
    #: mission -> its sign-off on the latest version
    signed_off: dict[str, SignOff]
    participants: tuple[str, ...]

    @property
    def latest(self) -> Version:
        return self.versions[-1]

    @property
    def lock_required(self) -> bool:
        return self.versions[0].lock

    def version(self, n: int) -> Version:
        for v in self.versions:
            if v.version == n:
                return v
        raise KeyError(n)

    def summary(self) -> str:
        return (f"agreed by {len(self.signed_off)} of {len(self.participants)} missions at "
                f"version {self.latest.version}")

    def comments_on(self, version: int) -> list[Comment]:
        return [c for c in self.comments if c.version == version]

    def to_json(self, now: int) -> dict[str, object]:
        v = self.latest
        return {"doc_id": v.doc_id.hex(), "title": self.versions[0].title,
                "version": v.version, "text_hash": text_hash(v.text).hex(), "text": v.text,
                "lock_required": self.lock_required,
                "lock_holder": lock_holder(self.locks, now),
                "versions": [{"version": x.version, "member": x.member, "at": x.at,
                              "text_hash": text_hash(x.text).hex()} for x in self.versions],
                "comments": [{"version": c.version, "paragraph": c.paragraph,
                              "member": c.member, "text": c.text, "at": c.at}
                             for c in self.comments],
                "signed_off": {m: {"member": s.member, "at": s.at}
                               for m, s in sorted(self.signed_off.items())},
                "participants": list(self.participants), "summary": self.summary()}


def document(versions: Iterable[Version], comments: Iterable[Comment], locks: Iterable[Lock],
             sign_offs: Iterable[SignOff], *, participants: Sequence[str],
             observers: frozenset[str] = frozenset()) -> Document | None:
    """The document as its signed records make it (None before version 1)."""
    lk = tuple(sorted(locks, key=lambda x: (x.at, x.member)))
    by_n: dict[int, Version] = {}
    for v in sorted(versions, key=lambda v: (v.version, v.at, v.member, v.text)):
        by_n.setdefault(v.version, v)
    first = by_n.get(1)
    if first is None:
        return None
    chain = [first]
    while (nxt := by_n.get(chain[-1].version + 1)) is not None and nxt.at >= chain[-1].at:
        if first.lock and lock_holder(lk, nxt.at) != nxt.member:
            break
        chain.append(nxt)
    latest = chain[-1]
    h = text_hash(latest.text)
    signed: dict[str, SignOff] = {}
    for s in sorted(sign_offs, key=lambda s: s.at):
        if s.version == latest.version and s.text_hash == h and s.at >= latest.at \
                and mission_of(s.member) in participants and s.member not in observers:
            signed.setdefault(mission_of(s.member), s)
    known = {v.version for v in chain}
    return Document(tuple(chain), tuple(sorted((c for c in comments if c.version in known),
                                                key=lambda c: (c.at, c.member))),
                    lk, signed, tuple(sorted(participants)))
