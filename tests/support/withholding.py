# SPDX-License-Identifier: Apache-2.0
"""A relay that withholds one message: the real relay seen through a transport that
leaves one (group, seq) out of every answer, for the gap and join-gap tests."""

from __future__ import annotations

from client.transport import HttpTransport, RelayMessage, RelayWelcome

__all__ = ["WithholdingView"]


class WithholdingView(HttpTransport):
    """The real relay, but ``withhold`` (group, seq) is left out of every answer."""

    withhold: tuple[bytes, int] | None = None

    async def messages(self, group_id: bytes, after: int,
                       limit: int = 1000) -> tuple[list[RelayMessage], int]:
        msgs, last = await super().messages(group_id, after, limit)
        return [m for m in msgs if (m.group_id, m.seq) != self.withhold], last

    async def inbox(self, *, messages: bool = True,
                    ) -> tuple[list[RelayMessage], list[RelayWelcome]]:
        msgs, welcomes = await super().inbox(messages=messages)
        return [m for m in msgs if (m.group_id, m.seq) != self.withhold], welcomes


