# SPDX-License-Identifier: Apache-2.0
"""What every ``corridor`` command shares: durations, limits, and errors said in words.

Errors: a command raises; :func:`run_guarded` turns whatever it raised into one sentence
on stderr (``error: ...``) or, with ``--json``, one JSON object on stdout
``{"error": CODE, "message": ...}`` whose ``error`` code is stable (:data:`CODES`). No
traceback reaches the user: an unexpected exception is reported as ``internal`` with
a request to report it (``CORRIDOR_DEBUG=1`` shows the traceback). Exit status: 0 done,
1 refused or failed, 2 bad usage, 70 internal error, 130 interrupted.

Durations are written ``30s``, ``5m``, ``2h``, ``7d``, ``2w`` or combined (``1h30m``); a
bare number is seconds.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
import traceback
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import NoReturn, TypeAlias

from client import payloads
from client.attachments import MAX_ATTACHMENT_BYTES

__all__ = [
    "CODES",
    "LIMITS",
    "Failure",
    "Parser",
    "Subparsers",
    "UsageFailure",
    "classify",
    "duration_arg",
    "emit_failure",
    "format_duration",
    "parse_duration",
    "payload_words",
    "run_guarded",
]

#: What ``add_subparsers`` returns: commands register themselves on it.
Subparsers: TypeAlias = "argparse._SubParsersAction[Parser]"

#: Every ``error`` code a command can report with ``--json``.
CODES: dict[str, str] = {
    "usage": "the command line is wrong (unknown option, missing or malformed argument)",
    "invalid": "an argument is outside what Corridor accepts (the message says the limit)",
    "not_found": "the named home, channel, message or file does not exist",
    "no_home": "no device home at the given place",
    "passphrase_required": "the key file needs a passphrase and none was given",
    "wrong_passphrase": "the passphrase does not open the key file",
    "keyring_unavailable": "the home's secrets are in an OS keyring that is not usable",
    "storage": "local data cannot be read or written",
    "relay_unreachable": "the relay cannot be reached",
    "relay_refused": "the relay refused the request",
    "policy": "the channel's policy does not allow this",
    "refused": "a certificate or enrolment step was refused",
    "certificate": "a certificate chain does not verify",
    "file": "a file cannot be read or written",
    "too_large": "an attachment is over the size limit",
    "environment": "this machine lacks something Corridor needs",
    "failed": "the operation failed",
    "internal": "a bug in Corridor (please report it)",
    "interrupted": "stopped by the user",
}

_UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400, "w": 7 * 86400}
_PART = re.compile(r"(\d+)\s*([smhdw])")


@dataclass(frozen=True, slots=True)
class _Limits:
    text_chars: int = payloads.MAX_TEXT_CHARS
    title_chars: int = payloads.MAX_TITLE_CHARS
    emoji_chars: int = payloads.MAX_EMOJI_CHARS
    timer_min: int = 1
    timer_max: int = payloads.MAX_TIMER_SECONDS
    attachment_bytes: int = MAX_ATTACHMENT_BYTES
    place_chars: int = 512
    link_chars: int = 2048


LIMITS = _Limits()


def parse_duration(text: str) -> int:
    """Seconds in ``text`` (``30s``, ``5m``, ``2h``, ``7d``, ``2w``, ``1h30m``, or seconds).

    Raises:
        ValueError: not a duration (the message shows how to write one).
    """
    t = text.strip().lower()
    if t.isdigit():
        return int(t)
    parts = _PART.findall(t)
    if not parts or _PART.sub("", t).strip():
        raise ValueError(f"{text!r} is not a duration (write it like 30s, 5m, 2h or 7d)")
    return sum(int(n) * _UNITS[u] for n, u in parts)


def format_duration(seconds: int) -> str:
    """``90`` -> ``1 minute 30 seconds`` (days at most, zero parts left out)."""
    if seconds <= 0:
        return "0 seconds"
    out = []
    for name, size in (("day", 86400), ("hour", 3600), ("minute", 60), ("second", 1)):
        n, seconds = divmod(seconds, size)
        if n:
            out.append(f"{n} {name}{'s' if n != 1 else ''}")
    return " ".join(out)


def duration_arg(minimum: int, maximum: int, *,
                 off: bool = False) -> Callable[[str], int | None]:
    """An argparse ``type=`` for a duration in [minimum, maximum] (``off`` -> None)."""

    def parse(text: str) -> int | None:
        if off and text.strip().lower() == "off":
            return None
        try:
            seconds = parse_duration(text)
        except ValueError as exc:
            raise argparse.ArgumentTypeError(str(exc)) from None
        if not minimum <= seconds <= maximum:
            raise argparse.ArgumentTypeError(
                f"{text} is out of range: from {format_duration(minimum)} to "
                f"{format_duration(maximum)}")
        return seconds

    parse.limits = (minimum, maximum)  # type: ignore[attr-defined]  # --help states them
    return parse


# ---------------------------------------------------------------------- parsing


class UsageFailure(Exception):
    """argparse's complaint, raised instead of printed so ``--json`` can shape it."""

    def __init__(self, prog: str, message: str, usage: str) -> None:
        super().__init__(message)
        self.prog = prog
        self.usage = usage


class Parser(argparse.ArgumentParser):
    """An ArgumentParser whose errors are raised (see :class:`UsageFailure`)."""

    def error(self, message: str) -> NoReturn:
        raise UsageFailure(self.prog, message + _dash_hint(message), self.format_usage())


_NEGATIVE = re.compile(r"(?:^|\s)-\d")


def _dash_hint(message: str) -> str:
    """argparse reads ``-1m`` as an unknown option: say what was meant instead."""
    if message.startswith("unrecognized arguments:") and _NEGATIVE.search(message[23:]):
        return (" (durations and numbers here are not negative: durations are written 30s, "
                "5m, 2h, 7d)")
    if message.endswith("expected one argument"):
        return " (a value that starts with '-' is written --option=VALUE)"
    return ""


# ---------------------------------------------------------------------- errors


@dataclass(frozen=True, slots=True)
class Failure:
    code: str
    message: str
    status: int = 1
    extra: dict[str, object] | None = None


_MSGSPEC = re.compile(
    r"Expected `(?P<what>[^`]*)`(?P<rest>[^-]*?)\s*-\s*at `\$\.(?P<field>[\w.]+)`")


def payload_words(text: str) -> str:
    """msgspec's "Expected `str` of length <= 32768 - at `$.body`" as a sentence."""
    m = _MSGSPEC.search(text)
    if m is None:
        return text.split(": ", 1)[-1] if text.startswith("invalid ") else text
    field = {"body": "the text", "seconds": "the timer", "emoji": "the emoji",
             "title": "the title", "place": "the place", "link": "the link",
             "agenda": "the agenda", "file_name": "the file name"}.get(
        m.group("field"), m.group("field").replace("_", " "))
    rest = m.group("rest").strip()
    if (lim := re.search(r"length <= (\d+)", rest)) is not None:
        return f"{field} is too long (at most {lim.group(1)} characters)"
    if re.search(r"length >= 1\b", rest):
        return f"{field} must not be empty"
    if (lim := re.search(r"<= (\d+)", rest)) is not None:
        return f"{field} is too large (at most {lim.group(1)})"
    if (lim := re.search(r">= (-?\d+)", rest)) is not None:
        return f"{field} is too small (at least {lim.group(1)})"
    return f"{field} is not valid"


def classify(exc: BaseException, relay_url: str | None = None) -> Failure:
    """The code, sentence and exit status for an exception a command raised."""
    from client import errors as ce
    from client.attachments import AttachmentTooLarge
    from client.policy import PolicyViolation
    from client.transport import RelayRefused, RelayUnavailable
    from crypto.errors import CryptoError

    if isinstance(exc, UsageFailure):
        return Failure("usage", str(exc), 2)
    if isinstance(exc, KeyboardInterrupt):
        return Failure("interrupted", "interrupted", 130)
    if isinstance(exc, RelayUnavailable):
        where = f" at {relay_url}" if relay_url else ""
        return Failure("relay_unreachable", f"cannot reach the relay{where}: is it running, "
                       "and is the address right? (nothing was lost; try again later)")
    if isinstance(exc, RelayRefused):
        message = str(exc.body.get("message") or "") if exc.body else ""
        message = message or str(exc).split("): ", 1)[-1]
        return Failure("relay_refused", f"the relay refused: {message}", 1,
                       {"status": exc.status, "relay_code": exc.code})
    if isinstance(exc, AttachmentTooLarge):
        return Failure("too_large", f"{exc} bytes (attachments are limited to about 16 MiB)")
    if isinstance(exc, PolicyViolation):
        return Failure("policy", f"the channel's policy does not allow this: {exc}")
    if isinstance(exc, ce.PayloadError):
        return Failure("invalid", payload_words(str(exc)))
    if isinstance(exc, ce.NotFoundError):
        return Failure("not_found", str(exc))
    if isinstance(exc, ce.PassphraseRequiredError):
        return Failure("passphrase_required", f"{exc}: set CORRIDOR_PASSPHRASE, or run the "
                       "command in a terminal to be asked")
    if isinstance(exc, ce.WrongPassphraseError):
        return Failure("wrong_passphrase", "wrong passphrase: it does not open this "
                       "device's key file")
    if isinstance(exc, ce.KeyringUnavailableError):
        return Failure("keyring_unavailable", str(exc))
    if isinstance(exc, ce.StorageError):
        return Failure("storage", str(exc))
    if isinstance(exc, ce.UsageError):  # a payload check may carry msgspec's words
        text = str(exc)
        return Failure("invalid", payload_words(text) if "Expected `" in text else text)
    if isinstance(exc, ce.EnvironmentFault):
        return Failure("environment", str(exc))
    if isinstance(exc, ce.ClientError):  # a record's own check may carry msgspec's words
        text = str(exc)
        return Failure("failed", payload_words(text) if "Expected `" in text else text)
    if type(exc).__name__ == "CommandError":  # client.pki's refusals
        return Failure("refused", str(exc))
    if isinstance(exc, CryptoError):
        return Failure("certificate", f"the certificate check failed: {exc}")
    if isinstance(exc, OverflowError):  # a number past what the wire format carries
        return Failure("invalid", "a number given is too large for Corridor")
    if isinstance(exc, FileNotFoundError):
        return Failure("not_found", f"no such file: {exc.filename}")
    if isinstance(exc, OSError):
        where = f": {exc.filename}" if exc.filename else ""
        return Failure("file", f"{exc.strerror or 'cannot use the file'}{where}")
    return Failure("internal", f"internal error ({type(exc).__name__}): {exc}. Please "
                   "report it; CORRIDOR_DEBUG=1 shows the details.", 70)


def emit_failure(json_out: bool, failure: Failure) -> None:
    if json_out:
        print(json.dumps({"error": failure.code, "message": failure.message,
                          **(failure.extra or {})}))
    else:
        print(f"error: {failure.message}", file=sys.stderr)


def wants_json(argv: Sequence[str] | None) -> bool:
    return "--json" in (sys.argv[1:] if argv is None else argv)


def run_guarded(func: Callable[[argparse.Namespace], int], args: argparse.Namespace) -> int:
    """Run a command; report anything it raises as :func:`classify` says."""
    try:
        return func(args)
    except SystemExit:
        raise
    except BaseException as exc:  # every error becomes a sentence (or a JSON object)
        failure = classify(exc, getattr(args, "relay_in_use", None)
                           or getattr(args, "relay", None))
        if failure.code == "internal" and os.environ.get("CORRIDOR_DEBUG") == "1":
            traceback.print_exc()
        emit_failure(bool(getattr(args, "json", False)), failure)
        return failure.status


def usage_failure(json_out: bool, exc: UsageFailure) -> int:
    if json_out:
        print(json.dumps({"error": "usage", "message": str(exc), "usage": exc.usage.strip()}))
    else:
        sys.stderr.write(exc.usage)
        print(f"{exc.prog}: error: {exc}", file=sys.stderr)
    return 2
