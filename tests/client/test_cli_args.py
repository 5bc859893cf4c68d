# SPDX-License-Identifier: Apache-2.0
"""``corridor --home H CMD`` and ``corridor CMD --home H`` both reach the command."""

from __future__ import annotations

import pytest

from ui.cli import build_parser


@pytest.mark.parametrize(
    "argv",
    [
        ["--home", "/h", "--relay", "http://127.0.0.1:1", "channels"],
        ["channels", "--home", "/h", "--relay", "http://127.0.0.1:1"],
        ["--home", "/h", "send", "ch", "text", "--relay", "http://127.0.0.1:1"],
    ],
)
def test_home_and_relay_before_or_after_the_subcommand(argv: list[str]) -> None:
    args = build_parser().parse_args(argv)
    assert args.home == "/h"
    assert args.relay == "http://127.0.0.1:1"


def test_no_home_means_default() -> None:
    args = build_parser().parse_args(["channels"])
    assert getattr(args, "home", None) is None
