# SPDX-License-Identifier: Apache-2.0
"""``python -m ui.translations update|check|build [DIR]`` (see the package's docstring)."""

import sys

from ui.translations import main

sys.exit(main())
