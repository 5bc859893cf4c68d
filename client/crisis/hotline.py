# SPDX-License-Identifier: Apache-2.0
"""The hotline: duty rosters, the ladder of a call, and escalation along the roster.

A mission's :class:`DutyRoster` says who answers its hotline when: shifts with the
delegates on duty and a deputy, a standing deputy and the head of mission as the last
resort. The mission's admin signs it with the mission key (only the holder of the key
that certifies the mission's devices may say who answers for it); the other side sees
only "on duty: yes/no", and only where the mission allows (:func:`duty_view`).

A call climbs a ladder (:class:`~client.crisis.records.Rung`): delivered to a device,
seen, acknowledged by a person, answered; each step signed by the member whose device
or action caused it, so both sides hold, and can later prove, the same ladder.

Escalation is a pure function of the call, the roster, the ladder and the clock
(:func:`escalation`): nobody has acknowledged by the reply-by time, so the deputy is
called; one more reply-by window later, the head of mission. The alarm rings on every
device of everyone called so far until a person acknowledges; an acknowledgement stops
it everywhere (:attr:`Escalation.ringing` is empty from that moment on).
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Annotated, Final

import msgspec
from msgspec import Meta

from client.crisis import signing
from client.crisis.records import (
    DEFAULT_REPLY_BY,
    Delegate,
    HotlineCall,
    LadderStep,
    Millis,
    Mission,
    Priority,
    RecordError,
    Rung,
    sorted_steps,
)

__all__ = [
    "ROSTER_VERSION",
    "DutyRoster",
    "DutyWindows",
    "Escalation",
    "EscalationStep",
    "Ladder",
    "Level",
    "Shift",
    "duty_view",
    "escalation",
    "ladder",
    "latest_roster",
    "new_call",
    "on_duty",
    "on_duty_now",
    "public_windows",
    "sign_roster",
    "sign_windows",
    "verify_roster",
    "verify_windows",
]

ROSTER_VERSION: Final = 1
MAX_SHIFTS: Final = 1024


class Shift(msgspec.Struct, frozen=True, kw_only=True):
    """From ``starts_at`` (inclusive) to ``ends_at`` (exclusive), ms."""

    starts_at: Millis
    ends_at: Millis
    on_duty: Annotated[tuple[Delegate, ...], Meta(min_length=1, max_length=32)]
    deputy: Delegate | None = None


class DutyRoster(msgspec.Struct, frozen=True, kw_only=True):
    """A mission's hotline roster; a higher ``revision`` replaces a lower one."""

    v: int = ROSTER_VERSION
    mission: Mission
    revision: Annotated[int, Meta(ge=0, le=2**53)]
    shifts: Annotated[tuple[Shift, ...], Meta(max_length=MAX_SHIFTS)] = ()
    deputy: Delegate
    head: Delegate
    #: whether other missions may see "on duty: yes/no"
    disclose_on_duty: bool = False
    issued_at: Millis


class _SignedRoster(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    body: bytes
    sig: bytes


_enc: Final = msgspec.msgpack.Encoder()
_roster_decoder: Final = msgspec.msgpack.Decoder(DutyRoster)
_signed_decoder: Final = msgspec.msgpack.Decoder(_SignedRoster)


def sign_roster(mission_seed: bytes, roster: DutyRoster) -> bytes:
    """The roster as its mission admin signs it (mission key)."""
    for who in _people(roster):
        if who.split("/", 1)[0] != roster.mission:
            raise RecordError(f"{who} is not a delegate of mission {roster.mission}")
    body = _enc.encode(roster)
    return _enc.encode(_SignedRoster(body, signing.sign(mission_seed, signing.ROSTER_LABEL,
                                                       body)))


def verify_roster(mission_cert: bytes, data: bytes) -> DutyRoster:
    """A signed roster checked against the mission's certificate (whose chain to the
    venue root the caller has verified: it arrives in every member's credential)."""
    try:
        signed = _signed_decoder.decode(data)
        roster = _roster_decoder.decode(signed.body)
        mission, delegate = signing.cert_identity(mission_cert)
        key = signing.cert_public_key(mission_cert)
    except (msgspec.MsgspecError, ValueError):
        raise RecordError("malformed duty roster") from None
    if roster.v != ROSTER_VERSION or delegate or mission != roster.mission:
        raise RecordError("a roster of another mission or version")
    if not signing.verify(key, signing.ROSTER_LABEL, signed.body, signed.sig):
        raise RecordError("the roster is not signed by its mission")
    if any(who.split("/", 1)[0] != roster.mission for who in _people(roster)):
        raise RecordError("the roster names delegates of another mission")
    return roster


def _people(roster: DutyRoster) -> list[str]:
    out = [roster.deputy, roster.head]
    for s in roster.shifts:
        out += s.on_duty
        if s.deputy:
            out.append(s.deputy)
    return out


def latest_roster(rosters: Iterable[DutyRoster]) -> DutyRoster | None:
    best: DutyRoster | None = None
    for r in rosters:
        if best is None or (r.revision, r.issued_at) > (best.revision, best.issued_at):
            best = r
    return best


def _shift(roster: DutyRoster, at: int) -> Shift | None:
    for s in roster.shifts:
        if s.starts_at <= at < s.ends_at:
            return s
    return None


def on_duty(roster: DutyRoster, at: int) -> tuple[str, ...]:
    """Who answers first at ``at``; with no shift then, the deputy."""
    s = _shift(roster, at)
    return tuple(s.on_duty) if s else (roster.deputy,)


def deputy(roster: DutyRoster, at: int) -> str:
    s = _shift(roster, at)
    return s.deputy if s and s.deputy else roster.deputy


def duty_view(roster: DutyRoster, at: int) -> dict[str, object] | None:
    """What another mission may see: whether someone is on duty, or None when the
    mission does not disclose it."""
    if not roster.disclose_on_duty:
        return None
    return {"mission": roster.mission, "on_duty": _shift(roster, at) is not None}


class DutyWindows(msgspec.Struct, frozen=True, kw_only=True):
    """What the other side may know of a roster: when someone is on duty, no names.
    Signed by the mission key like the roster it comes from (:func:`sign_roster`)."""

    v: int = ROSTER_VERSION
    mission: Mission
    revision: Annotated[int, Meta(ge=0, le=2**53)]
    windows: Annotated[tuple[tuple[Millis, Millis], ...], Meta(max_length=MAX_SHIFTS)] = ()
    issued_at: Millis


_windows_decoder: Final = msgspec.msgpack.Decoder(DutyWindows)


def public_windows(roster: DutyRoster) -> DutyWindows:
    return DutyWindows(mission=roster.mission, revision=roster.revision,
                       windows=tuple((s.starts_at, s.ends_at) for s in roster.shifts),
                       issued_at=roster.issued_at)


def sign_windows(mission_seed: bytes, roster: DutyRoster) -> bytes:
    """The roster's public windows, signed, when the mission discloses them (else
    RecordError: the mission chose to show nothing)."""
    if not roster.disclose_on_duty:
        raise RecordError("this roster does not disclose when someone is on duty")
    body = _enc.encode(public_windows(roster))
    return _enc.encode(_SignedRoster(body, signing.sign(mission_seed, signing.WINDOWS_LABEL,
                                                       body)))


def verify_windows(mission_cert: bytes, data: bytes) -> DutyWindows:
    try:
        signed = _signed_decoder.decode(data)
        w = _windows_decoder.decode(signed.body)
        mission, delegate = signing.cert_identity(mission_cert)
        key = signing.cert_public_key(mission_cert)
    except (msgspec.MsgspecError, ValueError):
        raise RecordError("malformed duty windows") from None
    if w.v != ROSTER_VERSION or delegate or mission != w.mission:
        raise RecordError("duty windows of another mission or version")
    if not signing.verify(key, signing.WINDOWS_LABEL, signed.body, signed.sig):
        raise RecordError("the duty windows are not signed by their mission")
    return w


def on_duty_now(windows: DutyWindows, at: int) -> bool:
    """The other side's view: is someone of the mission on duty at ``at``?"""
    return any(start <= at < end for start, end in windows.windows)


def new_call(*, call_id: bytes, caller: str, to_mission: str, priority: Priority,
             subject: str, body: str = "", sent_at: int,
             reply_within: int | None = None) -> HotlineCall:
    """A call whose reply-by defaults by priority (10 minutes for flash)."""
    window = DEFAULT_REPLY_BY[priority] if reply_within is None else reply_within
    if window <= 0:
        raise RecordError("the reply-by time must be after the call")
    return HotlineCall(call_id=call_id, caller=caller, to_mission=to_mission,
                       priority=priority, subject=subject, body=body, sent_at=sent_at,
                       reply_by=sent_at + window)


# -- the ladder ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Ladder:
    """The rungs a call reached: for each, the first step (who, when); later steps of
    the same rung are kept in ``steps`` (every device that rang, for instance)."""

    call_id: bytes
    reached: dict[Rung, LadderStep] = field(default_factory=dict)
    steps: tuple[LadderStep, ...] = ()

    @property
    def top(self) -> Rung | None:
        return max(self.reached) if self.reached else None

    def at(self, rung: Rung) -> int | None:
        """When ``rung`` (or a higher one, which implies it) was first reached."""
        times = [s.at for r, s in self.reached.items() if r >= rung]
        return min(times) if times else None

    def to_json(self) -> dict[str, object]:
        return {"call_id": self.call_id.hex(),
                "state": self.top.name.lower() if self.top else "sent",
                "rungs": [{"rung": r.name.lower(), "member": s.member, "at": s.at}
                          for r, s in sorted(self.reached.items())]}


def ladder(call: HotlineCall, steps: Iterable[LadderStep]) -> Ladder:
    """The call's ladder from signed steps (whose signatures the caller has checked
    against the members' certificates). Steps by anyone outside the called mission,
    or for another call, do not count."""
    good = [s for s in steps
            if s.call_id == call.call_id and s.member.split("/", 1)[0] == call.to_mission]
    reached: dict[Rung, LadderStep] = {}
    for s in sorted_steps(good):
        reached.setdefault(s.rung, s)
    return Ladder(call.call_id, reached, tuple(sorted_steps(good)))


# -- escalation ---------------------------------------------------------------------------


class Level(enum.StrEnum):
    DUTY = "on duty"
    DEPUTY = "deputy"
    HEAD = "head of mission"


@dataclass(frozen=True, slots=True)
class EscalationStep:
    level: Level
    at: int
    called: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Escalation:
    """Where a call stands at a moment, as both sides compute it."""

    call_id: bytes
    steps: tuple[EscalationStep, ...]
    acknowledged_at: int | None
    answered_at: int | None
    #: delegates whose devices alarm now (empty once a person acknowledged)
    ringing: tuple[str, ...]
    #: the next escalation, if nobody acknowledges before it (ms), else None
    next_at: int | None
    overdue: bool

    @property
    def level(self) -> Level:
        return self.steps[-1].level

    def summary(self, now: int) -> str:
        """The sender's line, e.g. "unanswered 10 min — escalated to deputy"."""
        if self.answered_at is not None:
            return "answered"
        if self.acknowledged_at is not None:
            return "acknowledged"
        waited = max(now - self.steps[0].at, 0) // 60_000
        if self.level is Level.DUTY:
            return f"unanswered {waited} min"
        return f"unanswered {waited} min — escalated to {self.level}"

    def to_json(self, now: int) -> dict[str, object]:
        return {"call_id": self.call_id.hex(), "level": str(self.level),
                "steps": [{"level": str(s.level), "at": s.at, "called": list(s.called)}
                          for s in self.steps],
                "acknowledged_at": self.acknowledged_at, "answered_at": self.answered_at,
                "ringing": list(self.ringing), "next_at": self.next_at,
                "overdue": self.overdue, "summary": self.summary(now)}


def escalation(call: HotlineCall, roster: DutyRoster | None, lad: Ladder,
               now: int) -> Escalation:
    """Escalation of ``call`` at ``now``: on duty from the call, the deputy from the
    reply-by time, the head of mission one reply-by window later; an acknowledgement
    stops it (the level it reached stays on record). The times depend on the call
    alone, so the calling side, which never sees the roster, computes the same steps;
    without the roster the names called are unknown (empty)."""
    acked = lad.at(Rung.ACKNOWLEDGED)
    answered = lad.at(Rung.ANSWERED)
    stop = acked if acked is not None else now
    t1, t2 = call.reply_by, call.reply_by + call.window
    plan: list[tuple[Level, int, tuple[str, ...]]] = [
        (Level.DUTY, call.sent_at, on_duty(roster, call.sent_at) if roster else ()),
        (Level.DEPUTY, t1, (deputy(roster, t1),) if roster else ()),
        (Level.HEAD, t2, (roster.head,) if roster else ())]
    steps = tuple(EscalationStep(lv, at, tuple(called)) for lv, at, called in plan
                  if at <= stop or lv is Level.DUTY)
    upcoming = [at for _lv, at, _c in plan if at > stop]
    ringing: tuple[str, ...] = ()
    if acked is None or acked > now:
        ringing = tuple(dict.fromkeys(w for s in steps for w in s.called))
    return Escalation(call.call_id, steps, acked if acked is not None and acked <= now
                      else None, answered if answered is not None and answered <= now
                      else None, ringing, upcoming[0] if upcoming and acked is None
                      else None, acked is None and now >= call.reply_by)


def pending_rungs(lad: Ladder) -> Sequence[Rung]:
    return [r for r in Rung if r not in lad.reached]
