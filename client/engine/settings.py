# SPDX-License-Identifier: Apache-2.0
"""What the engine is told from outside: its settings and its crash hook.

The engine reads no environment: whoever opens a device home (the CLI, the app, a
test) builds :class:`EngineSettings` (:meth:`EngineSettings.from_env` reads the
documented variables) and may pass a crash hook, which the engine calls at named
points between its durable writes so crash tests can kill the process exactly there.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Final

from client.errors import UsageError

__all__ = [
    "ATTACHMENT_HOLD_ENV",
    "CRASH_POINTS",
    "DAY",
    "LAST_RESORT_DAYS_ENV",
    "SELF_UPDATE_DAYS_ENV",
    "SELF_UPDATE_MESSAGES_ENV",
    "CrashHook",
    "EngineSettings",
]

DAY: Final = 86400
SELF_UPDATE_DAYS_ENV: Final = "CORRIDOR_SELF_UPDATE_DAYS"
SELF_UPDATE_MESSAGES_ENV: Final = "CORRIDOR_SELF_UPDATE_MESSAGES"
LAST_RESORT_DAYS_ENV: Final = "CORRIDOR_LAST_RESORT_DAYS"
#: mean seconds an attachment's reference is held after its upload (0: not held)
ATTACHMENT_HOLD_ENV: Final = "CORRIDOR_ATTACHMENT_HOLD_SECONDS"

#: Called with a point's name; the engine goes on if it returns.
CrashHook = Callable[[str], None]

#: The named points: a message received half-way through a batch; a commit merged in
#: memory; a send posted; a message encrypted and saved; a message encrypted, its state
#: not saved yet; a commit built, its state not saved yet; a commit saved, not posted;
#: an attachment uploaded and its reference queued, held (not sent).
CRASH_POINTS: Final = ("receive-mid", "commit-merged", "send-posted", "send-encrypted",
                       "send-sealed", "commit-built", "commit-saved", "reference-held")


def _number(environ: Mapping[str, str], name: str, default: float) -> float:
    raw = environ.get(name)
    if raw is None or raw.strip() == "":
        return default
    try:
        value = float(raw)
    except ValueError:
        raise UsageError(f"{name} must be a number, not {raw!r}") from None
    if value < 0:
        raise UsageError(f"{name} must not be negative")
    return value


@dataclass(frozen=True, slots=True)
class EngineSettings:
    """Self-update and last-resort triggers, in seconds or messages; 0 turns one off."""

    #: seconds since this device's last commit in a channel before it refreshes its leaf
    self_update_seconds: int = 7 * DAY
    #: ... or application messages it sent there since
    self_update_messages: int = 1000
    #: the last-resort KeyPackage is replaced after this long (and after a use)
    last_resort_seconds: int = 7 * DAY
    #: a Welcome carries the ratchet tree for groups of up to this many members; a
    #: larger group's joiner fetches it from the relay and checks it against the tree
    #: hash its GroupInfo signs (a 1,024-member tree would make each Welcome ~180 KB)
    welcome_tree_max_members: int = 32
    #: an attachment's reference waits this long on average after the blob's upload,
    #: exponentially distributed and cut at ``attachment_hold_max`` (docs/padding.md)
    attachment_hold_mean: float = 10.0
    attachment_hold_max: float = 60.0

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> EngineSettings:
        """The settings the documented environment variables ask for (days, messages).

        Raises:
            UsageError: a value that is not a non-negative number.
        """
        env = os.environ if environ is None else environ
        return cls(
            self_update_seconds=int(_number(env, SELF_UPDATE_DAYS_ENV, 7) * DAY),
            self_update_messages=int(_number(env, SELF_UPDATE_MESSAGES_ENV, 1000)),
            last_resort_seconds=int(_number(env, LAST_RESORT_DAYS_ENV, 7) * DAY),
            attachment_hold_mean=_number(env, ATTACHMENT_HOLD_ENV, 10.0),
        )
