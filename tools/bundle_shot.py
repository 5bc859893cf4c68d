# SPDX-License-Identifier: Apache-2.0
"""Screenshot of an X display (the desktop bundle's, under Xvfb) once its window settles.

Run with the project's Python (PySide6) on the bundle's display: it grabs the whole
screen every second until the picture shows the main window (many colours, most of
the screen: not the bare root, nor the splash shown while the demo venue is prepared)
and has stopped changing, then saves it. It fails if the app process ends
first or nothing settles in time: that is the smoke test's verdict.
"""

from __future__ import annotations

import argparse
import os
import sys
import time

from PySide6.QtGui import QGuiApplication, QImage


def grid(img: QImage) -> list[int]:
    return [img.pixel(x, y) for x in range(0, img.width(), 7) for y in range(0, img.height(), 7)]


def colours(img: QImage) -> int:
    """Distinct colours on a coarse grid: a bare X root has one, a window hundreds."""
    return len(set(grid(img)))


def covered(img: QImage) -> float:
    """The share of the screen drawn on (not the bare root's black): the main window
    fills most of it, the splash shown while the demo venue is prepared a corner."""
    pixels = grid(img)
    return sum(p & 0xFFFFFF != 0 for p in pixels) / len(pixels)


def alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", required=True)
    ap.add_argument("--pid", type=int, required=True, help="the app's process")
    ap.add_argument("--timeout", type=float, default=120.0)
    ap.add_argument("--settle", type=float, default=5.0,
                    help="seconds the picture must stay the same")
    ap.add_argument("--min-colours", type=int, default=40)
    ap.add_argument("--min-covered", type=float, default=0.5,
                    help="share of the screen the settled window must cover")
    args = ap.parse_args()
    app = QGuiApplication(sys.argv[:1])
    screen = app.primaryScreen()
    deadline = time.monotonic() + args.timeout
    last: QImage | None = None
    since = time.monotonic()
    while time.monotonic() < deadline:
        if not alive(args.pid):
            print("bundle smoke: the app exited before its window settled", file=sys.stderr)
            return 1
        img = screen.grabWindow(0).toImage()
        if last is None or img != last:
            last, since = img, time.monotonic()
        elif (time.monotonic() - since >= args.settle and colours(img) >= args.min_colours
              and covered(img) >= args.min_covered):
            if not img.save(args.out, "PNG"):
                print(f"bundle smoke: cannot write {args.out}", file=sys.stderr)
                return 1
            print(f"bundle smoke: window settled ({colours(img)} colours, "
                  f"{covered(img):.0%} of the screen); {args.out}")
            return 0
        time.sleep(1.0)
    if last is not None:
        last.save(args.out, "PNG")
    print(f"bundle smoke: no settled window in {args.timeout:.0f} s (last frame saved)",
          file=sys.stderr)
    return 1


if __name__ == "__main__":
    sys.exit(main())
