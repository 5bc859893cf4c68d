# SPDX-License-Identifier: Apache-2.0
"""Screenshot of an X display (the desktop bundle's, under Xvfb) once its window settles.

Run with the project's Python (PySide6) on the bundle's display: it grabs the whole
screen every second until the picture shows a window (many colours, not the bare
root) that has stopped changing, then saves it. It fails if the app process ends
first or nothing settles in time: that is the smoke test's verdict.
"""

from __future__ import annotations

import argparse
import os
import sys
import time

from PySide6.QtGui import QGuiApplication, QImage


def colours(img: QImage) -> int:
    """Distinct colours on a coarse grid: a bare X root has one, a window hundreds."""
    seen = {img.pixel(x, y) for x in range(0, img.width(), 7) for y in range(0, img.height(), 7)}
    return len(seen)


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
        elif time.monotonic() - since >= args.settle and colours(img) >= args.min_colours:
            if not img.save(args.out, "PNG"):
                print(f"bundle smoke: cannot write {args.out}", file=sys.stderr)
                return 1
            print(f"bundle smoke: window settled ({colours(img)} colours); {args.out}")
            return 0
        time.sleep(1.0)
    if last is not None:
        last.save(args.out, "PNG")
    print(f"bundle smoke: no settled window in {args.timeout:.0f} s (last frame saved)",
          file=sys.stderr)
    return 1


if __name__ == "__main__":
    sys.exit(main())
