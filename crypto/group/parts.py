# SPDX-License-Identifier: Apache-2.0
"""A group's state saved in two parts, so that an application message rewrites only
what it changed.

* The *epoch part*: everything :meth:`Group.to_bytes` holds except the secret trees
  (tree, epoch secrets, proposals, configuration, past epochs' constants, pending
  commit, whose staged next epoch keeps its own trees). It changes with commits,
  proposals, joins and the like: :attr:`Group.epoch_part_serial` moves then.
* The *ratchet part*: the current epoch's secret tree and the past epochs' ones, the
  only things encrypting or opening an application message changes.

The ratchet part starts with a digest of the epoch part it belongs to, so a pair that
does not belong together (a crash between two separate writes, a row swapped from
another save) is a :class:`DecodeError`, never a silently wrong state. An *older*
ratchet part of the same epoch part (used message keys back, so nonce reuse on send)
is not detectable here: whoever stores the parts must never write them apart when
both changed, and a rollback of the ratchet row alone is the same class as a rollback
of the whole store (docs/threats.md).
"""

from __future__ import annotations

import hashlib
import hmac
from collections.abc import Sequence

from crypto.codec import Reader, Writer
from crypto.errors import DecodeError
from crypto.group.state import (
    _STATE_VERSION,
    CommitOutput,
    StagedCommit,
    _read_staged,
    _read_state,
    _State,
    _write_staged,
    _write_state,
)

# The epoch part's version byte: neither 1 nor 2, so :meth:`Group.from_bytes` refuses
# an epoch part read as a whole state.
EPOCH_PART_VERSION = 0x45
RATCHET_PART_VERSION = 0x52

Pending = tuple[bytes, CommitOutput, StagedCommit]


def epoch_digest(epoch_part: bytes) -> bytes:
    """What binds a ratchet part to its epoch part."""
    h = hashlib.sha256(b"corridor group epoch part\x00")
    h.update(epoch_part)
    return h.digest()


def write_pending(w: Writer, pending: Pending | None) -> None:
    if pending is None:
        w.u8(0)
        return
    msg, out, staged = pending
    w.u8(1)
    w.opaque_v(msg)
    w.optional(out.welcome, lambda ww, v: ww.opaque_v(v))
    w.opaque_v(out.group_info)
    _write_staged(w, staged)


def read_pending(r: Reader, state: _State, version: int) -> Pending | None:
    if not r.boolean():
        return None
    msg = r.opaque_v()
    welcome = r.optional(lambda rr: rr.opaque_v())
    gi = r.opaque_v()
    staged = _read_staged(r, state, version)
    return msg, CommitOutput(msg, welcome, gi), staged


def epoch_part(state: _State, pending: Pending | None) -> bytes:
    w = Writer()
    w.u8(EPOCH_PART_VERSION)
    _write_state(w, state, trees=False)
    write_pending(w, pending)
    return w.getvalue()


def ratchet_part(state: _State, digest: bytes) -> bytes:
    w = Writer()
    w.u8(RATCHET_PART_VERSION)
    w.opaque_v(digest)
    w.u64(state.context.epoch)
    w.opaque_v(state.secret_tree.to_bytes())

    def put_past(ww: Writer, past: tuple[int, bytes]) -> None:
        ww.u64(past[0])
        ww.opaque_v(past[1])
    w.vector([(p.epoch, p.secret_tree.to_bytes()) for p in state.past], put_past)
    return w.getvalue()


def read_parts(epoch: bytes, ratchets: bytes) -> tuple[_State, Pending | None]:
    """The state and pending commit of a pair (DecodeError if they do not match)."""
    r = Reader(ratchets)
    if r.u8() != RATCHET_PART_VERSION:
        raise DecodeError("unknown ratchet part version")
    digest = r.opaque_v()
    epoch_number = r.u64()
    current = r.opaque_v()
    past: Sequence[tuple[int, bytes]] = r.vector(lambda rr: (rr.u64(), rr.opaque_v()))
    r.finish()
    if not hmac.compare_digest(digest, epoch_digest(epoch)):
        raise DecodeError("the ratchet part belongs to another epoch part")
    e = Reader(epoch)
    if e.u8() != EPOCH_PART_VERSION:
        raise DecodeError("unknown epoch part version")
    state = _read_state(e, _STATE_VERSION, trees=[current, *(t for _n, t in past)])
    if state.context.epoch != epoch_number or \
            [p.epoch for p in state.past] != [n for n, _t in past]:
        raise DecodeError("the ratchet part's epochs are not the epoch part's")
    pending = read_pending(e, state, _STATE_VERSION)
    e.finish()
    return state, pending
