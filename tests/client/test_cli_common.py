# SPDX-License-Identifier: Apache-2.0
"""Times on the command line: ahead (a deadline, a meeting) and behind (an incident that
has happened), absolute with or without a zone, and a clear error otherwise."""

from __future__ import annotations

import time
from datetime import UTC, datetime

import pytest

from client.cli_common import number_arg, parse_when
from client.errors import UsageError


def _near(ms: int, offset_s: float) -> bool:
    return abs(ms / 1000 - (time.time() + offset_s)) < 5


def test_relative_times_ahead_and_behind() -> None:
    assert _near(parse_when("+30m"), 1800)
    assert _near(parse_when("in 2h"), 7200)
    assert _near(parse_when("-1h"), -3600)
    assert _near(parse_when("90m ago"), -5400)
    assert _near(parse_when("1d ago"), -86400)


def test_absolute_times() -> None:
    at = parse_when("2026-05-04T15:30+02:00")
    assert at == int(datetime(2026, 5, 4, 13, 30, tzinfo=UTC).timestamp() * 1000)
    assert parse_when("1700000000000") == 1_700_000_000_000


@pytest.mark.parametrize("bad", ["yesterday", "-", "+5x", "ago", "5x ago", "2026-13-01"])
def test_not_a_time_says_how_to_write_one(bad: str) -> None:
    with pytest.raises(UsageError, match="is not a time: write"):
        parse_when(bad)


def test_numbers_name_their_range() -> None:
    import argparse

    parse = number_arg(1, 8)
    assert parse("8") == 8
    with pytest.raises(argparse.ArgumentTypeError, match=r"out of range \(1 to 8\)"):
        parse("9")
    with pytest.raises(argparse.ArgumentTypeError, match="not a whole number"):
        parse("two")
