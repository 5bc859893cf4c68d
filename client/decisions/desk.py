# SPDX-License-Identifier: Apache-2.0
"""The decisions desk of one client: the silence procedure and joint drafting over the
client core, keeping a :class:`~client.decisions.book.Book` of what its channels carried.

Like the crisis desk, it reads the crisis payloads its store holds once each
(:meth:`Desk.refresh`), so the book survives a restart, and every view takes the
client's clock (injected in tests). :meth:`Desk.tick`, run after each sync, is what
keeps the procedure honest: it acknowledges other missions' breaks inside MLS and,
after a deadline, signs this member's closing statement (:mod:`client.decisions.silence`).
"""

from __future__ import annotations

import contextlib
import secrets
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from client import payloads
from client.crisis import authority, signing
from client.crisis.records import RecordError
from client.decisions import desk_exports, drafting, silence
from client.decisions.book import Book, Item, decode_item, encode_item
from client.decisions.records import (
    Break,
    BreakSeen,
    Close,
    Comment,
    Decision,
    Lock,
    Put,
    SignOff,
    Version,
    Withdraw,
    seal,
    text_hash,
)
from client.desk_base import StoredDesk, Take
from client.errors import ClientError, NotFoundError, UsageError
from crypto.corridor.charter import Ident
from crypto.errors import CryptoError

if TYPE_CHECKING:
    from client.core import Client
    from client.store.base import Channel, Message

__all__ = ["DecisionsView", "Desk"]


@dataclass(frozen=True, slots=True)
class DecisionsView:
    """A snapshot of the decisions desk at ``now`` (ms), computed on the core's thread."""

    me: str
    mission: str
    observer: bool
    now: int
    procedures: list[tuple[bytes, silence.Outcome]]
    documents: list[tuple[bytes, drafting.Document]]
    #: (channel id, name, kind) of the channels a text or a document can go to
    channels: tuple[tuple[bytes, str, str], ...]
    #: this mission's breaks not confirmed by every other mission (tell the user)
    alerts: list[silence.BreakState] = field(default_factory=list)
    observers: frozenset[str] = frozenset()
    #: channel id -> the levels at or under its ceiling (what a text may be marked)
    levels: dict[bytes, tuple[str, ...]] = field(default_factory=dict)
    #: procedure or document id -> the highest marking of its records
    marks: dict[bytes, str] = field(default_factory=dict)
    #: member id -> how the window writes it ("Ana (alderia/ana)"), from certificates
    labels: dict[str, str] = field(default_factory=dict)

    def label(self, who: str) -> str:
        """A member id as the window shows it: named by its certificate, else bare."""
        return self.labels.get(who, who)


class Desk(StoredDesk):
    """Decision workflows over a :class:`client.core.Client` (``client``)."""

    def __init__(self, client: Client) -> None:
        super().__init__(client)
        self.book = Book(client.engine.trust.root_der)
        #: a record's body fingerprint -> the marking of the message that carried it
        self._marks: dict[bytes, str] = {}
        self._standing: dict[bytes, bool] = {}

    # -- plumbing ------------------------------------------------------------------------

    def _refuse_put(self, channel_id: bytes, sender: str, at: int) -> str:
        eng = self.client.engine
        charter = eng.charter(channel_id)
        if charter.kind == "bilateral":
            return "no silence procedure in a bilateral channel"
        mission, delegate = sender.split("/", 1)
        verdict = authority.decide(
            charter, Ident(mission, delegate), authority.Act.CHAIR_NOTICE, at_ms=at,
            roles=authority.role_chairs(eng.trust.root_der, eng.trust.crls),
            handovers=eng.handovers())
        if verdict.allowed:
            return ""
        return "only the chair, or a convener the channel's charter names, puts a text " \
               "under silence"

    def refresh(self) -> Book:
        """Take the decision items stored since the last call into the book."""
        self._read_new()
        return self.book

    def _taker(self) -> Take:
        return self._take

    def _take(self, ch: Channel, m: Message, crls: Sequence[bytes]) -> None:
        raw, mark = _crisis_item(m.body)
        item = decode_item(raw) if raw is not None else None
        if item is not None:
            with contextlib.suppress(RecordError):
                self.book.accept(ch.channel_id, m.sender.decode(errors="replace"),
                                 item, crls, refuse_put=self._refuse_put)
                self._marks[signing.fingerprint(item.decision.body)] = mark

    def ensure(self) -> Book:
        return self.refresh()

    async def _send(self, channel: str | bytes, rec: Decision,
                    marking: str | None = None) -> str:
        eng = self.client.engine
        mark = self.check_marking(channel, marking)
        item = Item(decision=seal(rec, eng.me.seed), chain=tuple(eng.me.chain[:2]))
        p = payloads.Crisis(message_id=payloads.new_message_id(), sent_at=self.now(),
                            item=encode_item(item), marking=mark)
        mid = str(await self.client.send_payload(channel, p))
        self.refresh()
        return mid

    def is_observer(self, chain: Sequence[bytes]) -> bool:
        """Whether a member's certificate (mission link) marks it an observer."""
        key = signing.fingerprint(bytes(chain[0]))
        if key not in self._standing:
            eng = self.client.engine
            try:
                ident = signing.verify_device_chain(eng.trust.root_der, chain, self.now(),
                                                    eng.trust.crls)
                self._standing[key] = ident.observer
            except (CryptoError, ValueError, TypeError):
                self._standing[key] = True  # unverifiable: never counted as a participant
        return self._standing[key]

    @property
    def observer(self) -> bool:
        return self.is_observer(self.client.engine.me.chain[:2])

    def _refuse_if_observer(self) -> None:
        if self.observer:
            raise UsageError("an observer may not break silence, sign off or vote")

    def participants(self, channel_id: bytes) -> tuple[list[str], list[str]]:
        """(participating missions, members whose closing statement adoption needs) of a
        channel: its charter's missions and member devices, observers left out."""
        members = self.client.engine.members(channel_id)
        observer_missions = {m.ident.mission_id for m in members if self.is_observer(m.chain)}
        missions = [str(m) for m in self.client.engine.charter(channel_id).missions
                    if m not in observer_missions]
        closers = sorted({m.ident.delegate for m in members
                          if m.ident.mission_id in missions and not self.is_observer(m.chain)})
        return missions, closers

    # -- the silence procedure -------------------------------------------------------------

    async def put(self, channel: str | bytes, title: str, text: str, *,
                  period_ms: int, marking: str | None = None) -> str:
        """Put a text under silence for ``period_ms``; returns the procedure id (hex).
        ``marking``: the text's classification (None: the desk's)."""
        cid = self.client.resolve_channel(channel)
        self.check_marking(cid, marking)
        self._refuse_if_observer()
        why = self._refuse_put(cid, self.me, self.now())
        if why:
            raise UsageError(why)
        put = Put(proc_id=secrets.token_bytes(16), member=self.me, revision=1, title=title,
                  text=text, period=period_ms, closers=tuple(self.participants(cid)[1]),
                  at=self.now())
        await self._send(cid, put, marking)
        return put.proc_id.hex()

    def find(self, ref: str | bytes) -> tuple[bytes, bytes]:
        """(proc id, channel id) of the procedure ``ref`` names (a unique prefix)."""
        key = ref.hex() if isinstance(ref, bytes) else ref.lower()
        hits = [(p, c) for p, c in self.ensure().procedures().items() if p.hex().startswith(key)]
        if len(key) < 6 or len(hits) != 1:
            raise NotFoundError(f"no single silence procedure matches {key!r}")
        return hits[0]

    def status(self, ref: str | bytes) -> silence.Outcome:
        pid, cid = self.find(ref)
        missions, closers = self.participants(cid)
        out = self.book.outcome(pid, participants=missions, closers=closers, now=self.now())
        assert out is not None
        return out

    def procedures(self) -> list[tuple[bytes, silence.Outcome]]:
        """Every procedure this device holds (channel, outcome now), newest first."""
        out = []
        for pid, cid in self.ensure().procedures().items():
            try:
                missions, closers = self.participants(cid)
            except ClientError:  # a channel this device left: its records stay, unshown
                continue
            o = self.book.outcome(pid, participants=missions, closers=closers, now=self.now())
            if o is not None:
                out.append((cid, o))
        out.sort(key=lambda x: -x[1].put.at)
        return out

    async def revise(self, ref: str | bytes, text: str, *,
                     marking: str | None = None) -> int:
        """A new revision of the text: the clock restarts for the full period."""
        out = self.status(ref)
        pid, cid = self.find(ref)
        if self.now() >= out.deadline:
            raise UsageError("the deadline has passed: put a new text under silence")
        p = out.put
        await self._send(cid, Put(proc_id=pid, member=self.me, revision=p.revision + 1,
                                  title=p.title, text=text, period=p.period,
                                  closers=tuple(self.participants(cid)[1]), at=self.now()),
                         marking)
        return p.revision + 1

    async def break_silence(self, ref: str | bytes, reason: str, *,
                            marking: str | None = None) -> str:
        self._refuse_if_observer()
        out = self.status(ref)
        pid, cid = self.find(ref)
        if self.now() >= out.deadline:
            raise UsageError("the deadline has passed")
        if self.mission not in self.participants(cid)[0]:
            raise UsageError("your mission does not take part in this procedure")
        b = Break(proc_id=pid, break_id=secrets.token_bytes(16), revision=out.put.revision,
                  member=self.me, reason=reason, at=self.now())
        await self._send(cid, b, marking)
        return b.break_id.hex()

    async def withdraw(self, ref: str | bytes) -> list[str]:
        """Withdraw this member's live breaks of the revision in force."""
        out = self.status(ref)
        pid, cid = self.find(ref)
        if self.now() >= out.deadline:
            raise UsageError("the deadline has passed")
        mine = [s.brk for s in out.breaks if s.brk.member == self.me and s.withdrawn_at is None]
        if not mine:
            raise UsageError("you have no break to withdraw")
        for b in mine:
            await self._send(cid, Withdraw(proc_id=pid, break_id=b.break_id, member=self.me,
                                           at=self.now()))
        return [b.break_id.hex() for b in mine]

    async def tick(self) -> list[silence.BreakState]:
        """After a sync: acknowledge other missions' breaks, close procedures whose
        deadline passed; returns this mission's unconfirmed breaks to tell the user."""
        if self.observer:
            return []
        alerts = []
        now = self.now()
        for cid, out in self.procedures():
            pid = out.put.proc_id
            have = self.book.records_of(pid)
            acked = {k.record.break_id for k in have
                     if isinstance(k.record, BreakSeen) and k.record.member == self.me}
            for s in out.breaks:
                if silence.mission_of(s.brk.member) != self.mission \
                        and s.brk.break_id not in acked:
                    await self._send(cid, BreakSeen(proc_id=pid, break_id=s.brk.break_id,
                                                    member=self.me, at=now))
            closed = any(isinstance(k.record, Close) and k.record.member == self.me
                         and k.record.revision == out.put.revision for k in have)
            if now >= out.deadline and not closed:
                live = tuple((s.brk.break_id, s.brk.at) for s in out.breaks
                             if s.withdrawn_at is None)
                await self._send(cid, Close(proc_id=pid, revision=out.put.revision,
                                            text_hash=out.text_hash, member=self.me,
                                            breaks=live, at=now))
            alerts += silence.alerts(self.status(pid), self.mission)
        return alerts

    # -- joint drafting -------------------------------------------------------------------

    def find_doc(self, ref: str | bytes) -> tuple[bytes, bytes]:
        key = ref.hex() if isinstance(ref, bytes) else ref.lower()
        hits = [(d, c) for d, c in self.ensure().documents().items() if d.hex().startswith(key)]
        if len(key) < 6 or len(hits) != 1:
            raise NotFoundError(f"no single document matches {key!r}")
        return hits[0]

    def document(self, ref: str | bytes) -> drafting.Document:
        did, cid = self.find_doc(ref)
        doc = self.book.document(did, participants=self.participants(cid)[0])
        assert doc is not None
        return doc

    def documents(self) -> list[tuple[bytes, drafting.Document]]:
        out = []
        for did, cid in self.ensure().documents().items():
            try:
                doc = self.book.document(did, participants=self.participants(cid)[0])
            except ClientError:  # a channel this device left
                continue
            if doc is not None:
                out.append((cid, doc))
        out.sort(key=lambda x: -x[1].versions[0].at)
        return out

    async def new_document(self, channel: str | bytes, title: str, text: str, *,
                           lock: bool = False, marking: str | None = None) -> str:
        cid = self.client.resolve_channel(channel)
        self.check_marking(cid, marking)
        if self.client.engine.charter(cid).kind not in ("multilateral", "caucus"):
            raise UsageError("documents are drafted in a caucus or multilateral channel")
        v = Version(doc_id=secrets.token_bytes(16), version=1, member=self.me, title=title,
                    text=text, lock=lock, at=self.now())
        await self._send(cid, v, marking)
        return v.doc_id.hex()

    async def edit(self, ref: str | bytes, text: str, *, marking: str | None = None) -> int:
        doc = self.document(ref)
        did, cid = self.find_doc(ref)
        if doc.lock_required and drafting.lock_holder(doc.locks, self.now()) != self.me:
            raise UsageError("this document is edited under a lock: take it first")
        n = doc.latest.version + 1
        await self._send(cid, Version(doc_id=did, version=n, member=self.me,
                                      title=doc.versions[0].title, text=text, at=self.now()),
                         marking)
        return n

    async def lock(self, ref: str | bytes, *, for_ms: int = 30 * 60_000,
                   release: bool = False) -> str:
        doc = self.document(ref)
        did, cid = self.find_doc(ref)
        holder = drafting.lock_holder(doc.locks, self.now())
        if not release and holder not in (None, self.me):
            raise UsageError(f"{holder} holds the lock")
        return await self._send(cid, Lock(doc_id=did, member=self.me,
                                          until=0 if release else self.now() + for_ms,
                                          at=self.now()))

    async def comment(self, ref: str | bytes, paragraph: int, text: str,
                      version: int | None = None, *, marking: str | None = None) -> str:
        doc = self.document(ref)
        did, cid = self.find_doc(ref)
        v = doc.version(version) if version else doc.latest
        if not 0 <= paragraph < max(len(drafting.paragraphs(v.text)), 1):
            raise UsageError(f"version {v.version} has no paragraph {paragraph + 1}")
        return await self._send(cid, Comment(doc_id=did, version=v.version,
                                             paragraph=paragraph, member=self.me, text=text,
                                             at=self.now()), marking)

    async def sign_off(self, ref: str | bytes, version: int | None = None) -> str:
        self._refuse_if_observer()
        doc = self.document(ref)
        did, cid = self.find_doc(ref)
        v = doc.latest
        if version is not None and version != v.version:
            raise UsageError(f"only the latest version ({v.version}) can be signed off")
        return await self._send(cid, SignOff(doc_id=did, version=v.version,
                                             text_hash=text_hash(v.text), member=self.me,
                                             at=self.now()))

    def view(self, alerts: Sequence[silence.BreakState] = ()) -> DecisionsView:
        """Everything the app's decisions window shows, at once."""
        procs, docs = self.procedures(), self.documents()
        eng = self.client.engine
        chans = tuple((c.channel_id, c.name, c.kind) for c in self.client.store.list_channels()
                      if not c.damaged and c.kind is not None
                      and str(c.kind) in ("multilateral", "caucus", "notice")
                      and not eng.channel_state(c.channel_id)[1].left)

        def allowed(cid: bytes) -> tuple[str, ...]:
            # a channel this device left has no group state any more (its keys are
            # deleted): nothing can be posted there, and its records stay readable
            try:
                return eng.levels_allowed(cid)
            except NotFoundError:
                return ()

        levels = {cid: allowed(cid)
                  for cid in {c[0] for c in chans} | {c for c, _o in procs}
                  | {c for c, _d in docs}}
        marks = {o.put.proc_id: self._highest("proc_id", o.put.proc_id) for _c, o in procs}
        marks |= {d.latest.doc_id: self._highest("doc_id", d.latest.doc_id) for _c, d in docs}
        return DecisionsView(self.me, self.mission, self.observer, self.now(), procs, docs,
                             chans, list(alerts), frozenset(self.book.observers), levels,
                             marks, self.labels())

    # -- exports --------------------------------------------------------------------------

    def export_outcome(self, ref: str | bytes) -> bytes:
        """The signed record of a silence procedure's outcome (:mod:`desk_exports`)."""
        return desk_exports.export_outcome(self, ref)

    def export_files(self, ref: str | bytes, stem: str) -> dict[str, bytes]:
        return desk_exports.export_files(self, ref, stem)

    def marking_of(self, ref: str | bytes) -> str:
        """The highest marking of the messages that carried the document's records: what
        every page of its printout is marked."""
        return self._highest("doc_id", self.find_doc(ref)[0])

    def procedure_marking(self, ref: str | bytes) -> str:
        """The highest marking of the messages that carried a silence procedure's records
        (its texts and breaks): what the listings show next to it."""
        return self._highest("proc_id", self.find(ref)[0])

    def _highest(self, key: str, value: bytes) -> str:
        return desk_exports.highest_marking(self, key, value)

    def export_document(self, ref: str | bytes,
                        attachments: Sequence[tuple[str, bytes]] = ()) -> bytes:
        return desk_exports.export_document(self, ref, attachments)
def _crisis_item(body: bytes) -> tuple[bytes | None, str]:
    """The crisis item a stored message carries, if any, and the message's marking."""
    try:
        p = payloads.decode(body)
    except ClientError:
        return None, ""
    return (p.item, p.marking) if isinstance(p, payloads.Crisis) else (None, "")
