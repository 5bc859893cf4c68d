# SPDX-License-Identifier: Apache-2.0
"""The silence procedure's outcome: a pure function of the signed records and the clock.

A text is put under silence for a period; any participating mission may break silence
before the deadline, with a reason, and withdraw its break before the deadline; a
revision restarts the clock for the full period and clears the breaks of earlier
revisions (a new text needs new objections). The relay must not be able to make a text
pass by withholding a break, so "adopted" needs positive evidence (docs/decisions.md):

* every break is acknowledged inside MLS (:class:`~client.decisions.records.BreakSeen`)
  by every other participating mission within :data:`GRACE` of the deadline; a break
  that is not is *unconfirmed*, and its mission is told at once;
* after the deadline every member device of a participating mission signs a closing
  statement (:class:`~client.decisions.records.Close`) naming the revision, the text's
  hash and every live break it holds;
* the outcome is **adopted** only when every such member has closed on this revision,
  nobody holds or names a live break, and no closing statement names a later revision.

So a break the relay withholds from everyone still reaches the outcome through its
author's closing statement ("disputed: break sent at T, not confirmed"); a relay that
withholds the author's closing too leaves the outcome pending, never adopted.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Final

from client.decisions.records import Break, BreakSeen, Close, Put, Withdraw, text_hash

__all__ = [
    "CONFIRM_WITHIN",
    "GRACE",
    "BreakState",
    "Outcome",
    "State",
    "alerts",
    "current",
    "live_breaks",
    "mission_of",
    "outcome",
]

#: Acknowledgements of a break count until this long after the deadline (clock skew and
#: a break sent in the deadline's last seconds).
GRACE: Final = 5 * 60_000
#: A mission whose break is not acknowledged by every other mission this long after it
#: was sent (or by the deadline, if sooner) is told at once.
CONFIRM_WITHIN: Final = 2 * 60_000


def mission_of(member: str) -> str:
    return member.split("/", 1)[0]


class State(enum.StrEnum):
    OPEN = "under silence"
    ADOPTED = "adopted"
    BROKEN = "broken"
    DISPUTED = "disputed"
    PENDING = "pending"


@dataclass(frozen=True, slots=True)
class BreakState:
    brk: Break
    withdrawn_at: int | None
    #: missions that acknowledged the break in time
    seen_by: frozenset[str]
    #: missions still to acknowledge it
    missing: frozenset[str]

    @property
    def confirmed(self) -> bool:
        return not self.missing

    def to_json(self) -> dict[str, object]:
        b = self.brk
        return {"break_id": b.break_id.hex(), "member": b.member, "reason": b.reason,
                "at": b.at, "revision": b.revision, "withdrawn_at": self.withdrawn_at,
                "confirmed": self.confirmed, "seen_by": sorted(self.seen_by),
                "missing": sorted(self.missing)}


def _when(ms: int) -> str:
    return datetime.fromtimestamp(ms / 1000, UTC).strftime("%Y-%m-%d %H:%M:%S UTC")


@dataclass(frozen=True, slots=True)
class Outcome:
    """Where a procedure stands at ``now``, as every client holding the same records
    computes it."""

    put: Put
    now: int
    state: State
    breaks: tuple[BreakState, ...] = ()
    #: breaks named in closing statements but not held here: (named by, sent at)
    unheld: tuple[tuple[str, int], ...] = ()
    #: members whose closing statement is still missing
    awaiting: tuple[str, ...] = ()
    later_revision: bool = False
    closed_by: tuple[str, ...] = field(default=())

    @property
    def deadline(self) -> int:
        return self.put.deadline

    @property
    def text_hash(self) -> bytes:
        return text_hash(self.put.text)

    def summary(self, label: Callable[[str], str] = str) -> str:
        """One line: "adopted", "broken by …", "disputed: break sent at T, not confirmed";
        members written by ``label`` (the CLI's certificate names; ids by default)."""
        live = [b for b in self.breaks if b.withdrawn_at is None]
        if self.state is State.OPEN:
            tail = (f"; broken so far by {', '.join(label(b.brk.member) for b in live)}"
                    if live else "")
            return f"under silence until {_when(self.deadline)}{tail}"
        if self.state is State.BROKEN:
            return "broken by " + "; ".join(f"{label(b.brk.member)} ({b.brk.reason})"
                                            for b in live if b.confirmed)
        if self.state is State.DISPUTED:
            times = [b.brk.at for b in live if not b.confirmed] + [t for _w, t in self.unheld]
            return "disputed: " + "; ".join(f"break sent at {_when(t)}, not confirmed"
                                            for t in sorted(set(times)))
        if self.state is State.PENDING:
            if self.later_revision:
                return "pending: a closing statement names a later revision not received"
            return "pending: awaiting closing statements from " + ", ".join(self.awaiting)
        return "adopted"

    def to_json(self) -> dict[str, object]:
        p = self.put
        return {"proc_id": p.proc_id.hex(), "title": p.title, "revision": p.revision,
                "text_hash": self.text_hash.hex(), "put_by": p.member, "put_at": p.at,
                "deadline": self.deadline, "state": str(self.state),
                "summary": self.summary(),
                "breaks": [b.to_json() for b in self.breaks],
                "unheld_breaks": [{"named_by": w, "at": t} for w, t in self.unheld],
                "awaiting": list(self.awaiting), "closed_by": list(self.closed_by)}


def current(puts: Iterable[Put]) -> Put | None:
    """The revision in force: revision 1, then each next revision put before the
    deadline of the one it revises (a revision after the deadline, or out of order,
    does not count). Of two puts of one revision the earlier counts (then the smaller
    body, so every client picks the same)."""
    by_rev: dict[int, Put] = {}
    for p in sorted(puts, key=lambda p: (p.revision, p.at, p.member, p.text)):
        by_rev.setdefault(p.revision, p)
    cur = by_rev.get(1)
    while cur is not None:
        nxt = by_rev.get(cur.revision + 1)
        if nxt is None or nxt.at >= cur.deadline or nxt.at < cur.at:
            break
        cur = nxt
    return cur


def live_breaks(put: Put, breaks: Iterable[Break], withdrawals: Iterable[Withdraw],
                participants: Sequence[str]) -> list[tuple[Break, int | None]]:
    """The breaks that count on ``put``'s revision, each with its withdrawal time."""
    out = []
    wd = list(withdrawals)
    for b in sorted(breaks, key=lambda b: (b.at, b.break_id)):
        if b.proc_id != put.proc_id or b.revision != put.revision or b.at >= put.deadline \
                or b.at < put.at or mission_of(b.member) not in participants:
            continue
        times = [w.at for w in wd if w.break_id == b.break_id and w.member == b.member
                 and w.at < put.deadline]
        out.append((b, min(times) if times else None))
    return out


def outcome(puts: Iterable[Put], breaks: Iterable[Break], withdrawals: Iterable[Withdraw],
            seen: Iterable[BreakSeen], closes: Iterable[Close], *,
            participants: Sequence[str], closers: Sequence[str], now: int) -> Outcome | None:
    """The procedure's outcome at ``now`` (None without a text under silence).

    Args:
        participants: the participating missions (the channel's, observers excluded).
        closers: the channel's members ("mission/delegate") of participating missions
            now; adoption waits for those of them the put named, and for at least one
            of every participating mission ("mission/*" while none has closed).
    """
    put = current(puts)
    if put is None:
        return None
    seen_l = list(seen)
    states = []
    for b, wd_at in live_breaks(put, breaks, withdrawals, participants):
        acked = frozenset(mission_of(s.member) for s in seen_l
                          if s.break_id == b.break_id and s.at <= put.deadline + GRACE
                          and mission_of(s.member) != mission_of(b.member)
                          and mission_of(s.member) in participants)
        others = frozenset(participants) - {mission_of(b.member)}
        states.append(BreakState(b, wd_at, acked & others, others - acked))
    held = {s.brk.break_id for s in states}
    mine = [c for c in closes if c.proc_id == put.proc_id]
    later = any(c.revision > put.revision for c in mine)
    on_rev = [c for c in mine if c.revision == put.revision and c.text_hash == text_hash(put.text)
              and c.at >= put.deadline and mission_of(c.member) in participants]
    unheld = tuple(sorted({(c.member, at) for c in on_rev for bid, at in c.breaks
                           if bid not in held and put.at <= at < put.deadline}))
    closed = tuple(sorted({c.member for c in on_rev}))
    # the members the put named that are still in the channel (one who left cannot
    # close), and at least one member of every participating mission still there
    required = set(closers) & set(put.closers) if put.closers else set(closers)
    required |= {f"{m}/*" for m in participants
                 if any(mission_of(w) == m for w in closers)
                 and not any(mission_of(w) == m for w in (*closed, *required))}
    awaiting = tuple(sorted(w for w in required if w not in closed))
    live = [s for s in states if s.withdrawn_at is None]
    if now < put.deadline:
        state = State.OPEN
    elif any(s.confirmed for s in live):
        state = State.BROKEN
    elif live or unheld:
        state = State.DISPUTED
    elif later or awaiting:
        state = State.PENDING
    else:
        state = State.ADOPTED
    return Outcome(put, now, state, tuple(states), unheld, awaiting, later, closed)


def alerts(out: Outcome, mission: str) -> list[BreakState]:
    """This mission's live breaks not yet acknowledged by every other mission, once it
    must be told: :data:`CONFIRM_WITHIN` after sending, or at the deadline if sooner."""
    return [s for s in out.breaks
            if s.withdrawn_at is None and not s.confirmed and mission_of(s.brk.member) == mission
            and out.now >= min(s.brk.at + CONFIRM_WITHIN, out.deadline)]
