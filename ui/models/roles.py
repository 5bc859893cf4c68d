# SPDX-License-Identifier: Apache-2.0
"""Custom item-data roles shared by models, delegates and views."""

from __future__ import annotations

from PySide6.QtCore import Qt

_BASE = Qt.ItemDataRole.UserRole.value

ROW = _BASE + 1  # conversation: the client.model.MessageView
CHANNEL_ID = _BASE + 2  # channel list: hex channel id ("" for a group header)
KIND = _BASE + 3  # channel list: channel kind, or the group's kind for a header
UNREAD = _BASE + 4  # channel list: unread count (group headers: the sum)
CAN_POST = _BASE + 5  # channel list: whether this device may post there
IS_GROUP = _BASE + 6  # channel list: True for the four group headers
MESSAGE_ID = _BASE + 7  # conversation: hex message id
DEVICE_ID = _BASE + 8  # members: hex device key
VERIFIED = _BASE + 9  # members: True when this device was verified in person
WARNING = _BASE + 10  # channel list: the routing warning ("" when none)
