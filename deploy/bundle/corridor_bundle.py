# SPDX-License-Identifier: Apache-2.0
"""Entry point of the desktop bundle: the installed ``corridor`` command, frozen.

A separate file rather than ``demo/cli.py`` itself because PyInstaller puts the entry
script's folder first on the import path, and ``demo/`` holds modules (``cli``,
``venue``) whose names would then shadow others'.
"""

from __future__ import annotations

import multiprocessing
import sys

from demo.cli import main

if __name__ == "__main__":
    multiprocessing.freeze_support()
    sys.exit(main())
