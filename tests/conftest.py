# SPDX-License-Identifier: Apache-2.0
"""Suite-wide settings: Qt runs offscreen unless a display is asked for; attachments'
references are not held after their upload (docs/padding.md) except in the tests of
that rule, which set the hold and inject the clock and random source themselves."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("CORRIDOR_ATTACHMENT_HOLD_SECONDS", "0")
