# SPDX-License-Identifier: Apache-2.0
"""The SQL storage's ops on groups: creation, membership, posting (one message or a run
of them), refusals and voiding, fetching, Welcomes and acknowledgements."""

from __future__ import annotations

from collections.abc import Sequence

from ..errors import (
    BadRequest,
    Conflict,
    EpochConflict,
    Forbidden,
    NotFound,
    StorageUnavailable,
)
from ._sql_core import MAX_I64, C, Cursor, Post, SqlCore, welcome_row
from .base import (
    CommitCheck,
    Event,
    MemberRow,
    MembershipEvent,
    MessageEvent,
    PostOutcome,
    RefusalOutcome,
    StoredMessage,
    StoredWelcome,
    WelcomeEvent,
    refusal_voids,
)

__all__ = ["GroupOps"]


class GroupOps(SqlCore[C]):
    """Groups, their messages and Welcomes."""

    # -- groups ----------------------------------------------------------------------------
    async def create_group(self, group_id: bytes, creator: str, now: int,
                           state: bytes = b"", missions: int = 0) -> None:
        def op(cur: Cursor, ev: list[Event]) -> None:
            row = self._one(
                cur,
                "INSERT INTO groups (group_id, last_seq, created_at) VALUES (?, 0, ?) "
                "ON CONFLICT (group_id) DO NOTHING RETURNING last_seq",
                (group_id, now),
            )
            if row is None:
                raise Conflict("a group with this id exists")
            self._exec(
                cur,
                "INSERT INTO members (group_id, device_id, joined_seq, acked_seq) "
                "VALUES (?, ?, 0, 0)",
                (group_id, creator),
            )
            self._exec(
                cur, "INSERT INTO group_states (group_id, seq, at, missions, state) "
                "VALUES (?, 0, 0, ?, ?)", (group_id, missions, state))
            ev.append(MembershipEvent(group_id))

        await self._write(op)

    def _member(self, cur: Cursor, group_id: bytes, device_id: str) -> MemberRow | None:
        row = self._one(
            cur,
            "SELECT joined_seq, acked_seq, left_seq FROM members "
            "WHERE group_id = ? AND device_id = ?",
            (group_id, device_id),
        )
        if row is None:
            return None
        left = None if row[2] is None else int(row[2])
        return MemberRow(device_id, int(row[0]), int(row[1]), left)

    async def group_view(self, group_id: bytes, device_id: str) -> tuple[int, list[str]]:
        def fn(cur: Cursor) -> tuple[int, list[str]]:
            me = self._member(cur, group_id, device_id)
            if me is None or me.left_seq is not None:
                raise NotFound("no such group, or this device is not routed in it")
            last = int(self._row(cur, "SELECT last_seq FROM groups WHERE group_id = ?",
                                 (group_id,))[0])
            rows = self._all(
                cur,
                "SELECT device_id FROM members WHERE group_id = ? AND left_seq IS NULL "
                "ORDER BY device_id",
                (group_id,),
            )
            return last, [r[0] for r in rows]

        return await self._read(fn)

    async def is_member(self, group_id: bytes, device_id: str) -> bool:
        def fn(cur: Cursor) -> bool:
            me = self._member(cur, group_id, device_id)
            return me is not None and me.left_seq is None

        return await self._read(fn)

    async def public_state_for(self, group_id: bytes, device_id: str,
                               seq: int) -> list[bytes] | None:
        def fn(cur: Cursor) -> list[bytes] | None:
            me = self._member(cur, group_id, device_id)
            allowed = me is not None and me.left_seq is None and me.joined_seq <= seq
            if not allowed:
                allowed = self._one(
                    cur, "SELECT 1 FROM welcome_deliveries d JOIN welcomes w "
                    "ON w.id = d.welcome_id WHERE d.device_id = ? AND w.group_id = ? "
                    "AND w.seq = ?", (device_id, group_id, seq)) is not None
            if not allowed:
                return None
            return self._state_chain(cur, group_id, seq)

        return await self._read(fn)

    def _lock_group(self, cur: Cursor, group_id: bytes) -> None:
        """Serialise commits of one group across relay processes (the writer thread
        already serialises them within one)."""

    def _current_state(self, cur: Cursor, group_id: bytes) -> int | None:
        row = self._one(cur, "SELECT MAX(seq) FROM group_states WHERE group_id = ?",
                        (group_id,))
        return None if row is None or row[0] is None else int(row[0])

    def _state_base(self, cur: Cursor, group_id: bytes, seq: int) -> int | None:
        """The seq of the whole state the state at ``seq`` builds on (itself if whole)."""
        row = self._one(cur, "SELECT COALESCE(base, seq) FROM group_states WHERE "
                        "group_id = ? AND seq = ?", (group_id, seq))
        return None if row is None else int(row[0])

    def _state_chain(self, cur: Cursor, group_id: bytes, seq: int) -> list[bytes] | None:
        """The stored chain of the state at ``seq``: its whole state, then the changes
        of each later commit up to ``seq`` (every row in between is on the chain: a
        group's states follow one another, voiding deletes a suffix, GC a prefix)."""
        base = self._state_base(cur, group_id, seq)
        if base is None:
            return None
        return [bytes(r[0]) for r in self._all(
            cur, "SELECT state FROM group_states WHERE group_id = ? AND seq >= ? "
            "AND seq <= ? ORDER BY seq", (group_id, base, seq))]

    def _stored_chain(self, cur: Cursor, group_id: bytes, seq: int) -> list[bytes]:
        chain = self._state_chain(cur, group_id, seq)
        if chain is None:
            raise StorageUnavailable("the group's public state is missing")
        return chain

    def _crls(self, cur: Cursor) -> list[bytes]:
        return [bytes(r[0]) for r in self._all(
            cur, "SELECT value FROM directory WHERE kind = 'crl' ORDER BY key")]

    async def post_message(
        self, *, group_id: bytes, sender: str, client_msg_id: str, payload: bytes,
        epoch: int, is_commit: bool, welcome: bytes | None, welcome_to: Sequence[str],
        now: int, check: CommitCheck | None = None,
    ) -> PostOutcome:
        if epoch > MAX_I64:
            raise BadRequest("epoch out of range")
        if is_commit and check is None:
            raise BadRequest("a commit is accepted only once verified")

        def op(cur: Cursor, ev: list[Event]) -> PostOutcome:
            dup, routed = self._row(  # one round trip: resend? still routed?
                cur,
                "SELECT (SELECT seq FROM messages WHERE group_id = ? AND sender = ? "
                "AND client_msg_id = ?), (SELECT COUNT(*) FROM members WHERE group_id = ? "
                "AND device_id = ? AND left_seq IS NULL)",
                (group_id, sender, client_msg_id, group_id, sender),
            )
            if dup is not None:
                return PostOutcome(int(dup), True)
            if not routed:
                raise NotFound("no such group, or this device is not routed in it")
            verdict = None
            base: int | None = None
            if is_commit:
                assert check is not None
                self._lock_group(cur, group_id)
                winner = self._one(
                    cur, "SELECT seq FROM epochs WHERE group_id = ? AND epoch = ?",
                    (group_id, epoch),
                )
                if winner is not None:
                    raise EpochConflict(int(winner[0]), epoch)
                version = self._current_state(cur, group_id)
                if version is None:
                    raise Conflict("this group has no public state: it cannot take commits")
                verdict = check(version, lambda: self._stored_chain(cur, group_id, version),
                                lambda: self._crls(cur))
                # a row of changes builds on the whole state its predecessor builds on
                base = self._state_base(cur, group_id, version) if verdict.changes else None
                if not set(welcome_to) <= set(verdict.added):
                    raise BadRequest("welcome recipients must be devices this commit adds")
            # -- writes from here on --
            seq = self._append(cur, group_id, sender, client_msg_id, payload, now)
            changed = False
            if verdict is not None:
                self._exec(
                    cur, "INSERT INTO epochs (group_id, epoch, seq) VALUES (?, ?, ?)",
                    (group_id, epoch, seq),
                )
                self._exec(
                    cur, "INSERT INTO group_states (group_id, seq, at, missions, state, base) "
                    "VALUES (?, ?, ?, ?, ?, ?)",
                    (group_id, seq, verdict.at, verdict.missions, verdict.state, base),
                )
                remove, add = verdict.removed, verdict.added
                for d in dict.fromkeys(remove):
                    changed |= self._exec(
                        cur,
                        "UPDATE members SET left_seq = ? WHERE group_id = ? AND device_id = ? "
                        "AND left_seq IS NULL",
                        (seq, group_id, d),
                    ) > 0
                for d in dict.fromkeys(add):
                    changed = True
                    self._exec(
                        cur,
                        "INSERT INTO members (group_id, device_id, joined_seq, acked_seq) "
                        "VALUES (?, ?, ?, ?) ON CONFLICT (group_id, device_id) DO UPDATE SET "
                        "joined_seq = excluded.joined_seq, acked_seq = excluded.acked_seq, "
                        "left_seq = NULL WHERE members.left_seq IS NOT NULL",
                        (group_id, d, seq, seq),
                    )
            msg = StoredMessage(group_id, seq, sender, client_msg_id, payload, now)
            ev.append(MessageEvent(msg, changed))
            if welcome is not None and welcome_to:
                wid = int(self._row(  # with the commit it rides on (THREATS 6)
                    cur, "INSERT INTO welcomes (sender, payload, created_at, group_id, seq, "
                    "commit_msg) VALUES (?, ?, ?, ?, ?, ?) RETURNING id",
                    (sender, welcome, now, group_id, seq, payload),
                )[0])
                rcpt = tuple(dict.fromkeys(welcome_to))
                for d in rcpt:
                    self._exec(
                        cur,
                        "INSERT INTO welcome_deliveries (device_id, welcome_id) VALUES (?, ?)",
                        (d, wid),
                    )
                ev.append(WelcomeEvent(
                    StoredWelcome(wid, sender, welcome, now, group_id, seq, payload), rcpt))
            return PostOutcome(seq, False)

        if not is_commit and welcome is None:
            result: PostOutcome = await self._write(
                Post(op, group_id, sender, client_msg_id, payload, now))
        else:
            result = await self._write(op)
        return result

    def _append(
        self, cur: Cursor, group_id: bytes, sender: str, client_msg_id: str, payload: bytes,
        now: int,
    ) -> int:
        """Take the group's next seq and store the message under it."""
        seq = int(self._row(
            cur, "UPDATE groups SET last_seq = last_seq + 1 WHERE group_id = ? "
            "RETURNING last_seq", (group_id,),
        )[0])
        self._exec(
            cur,
            "INSERT INTO messages (group_id, seq, sender, client_msg_id, payload, created_at) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            (group_id, seq, sender, client_msg_id, payload, now),
        )
        return seq

    def _fetch_range(
        self, cur: Cursor, group_id: bytes, after: int, upto: int, limit: int
    ) -> list[StoredMessage]:
        rows = self._all(
            cur,
            "SELECT m.seq, m.sender, m.client_msg_id, m.payload, m.created_at, v.seq "
            "FROM messages m LEFT JOIN voided v ON v.group_id = m.group_id AND v.seq = m.seq "
            "WHERE m.group_id = ? AND m.seq > ? AND m.seq <= ? ORDER BY m.seq LIMIT ?",
            (group_id, after, upto, limit),
        )
        return [
            StoredMessage(group_id, int(r[0]), r[1], r[2], bytes(r[3]), int(r[4]),
                          r[5] is not None)
            for r in rows
        ]

    async def refuse_commit(
        self, group_id: bytes, seq: int, device_id: str, now: int
    ) -> RefusalOutcome:
        if not 0 < seq <= MAX_I64:
            raise BadRequest("seq out of range")

        def op(cur: Cursor, ev: list[Event]) -> RefusalOutcome:
            me = self._member(cur, group_id, device_id)
            if me is None or me.left_seq is not None:
                raise NotFound("no such group, or this device is not routed in it")
            if self._one(cur, "SELECT 1 FROM voided WHERE group_id = ? AND seq = ?",
                         (group_id, seq)) is not None:
                return RefusalOutcome(seq, 0, 0, True)
            row = self._one(
                cur,
                "SELECT e.epoch, m.sender FROM epochs e JOIN messages m "
                "ON m.group_id = e.group_id AND m.seq = e.seq WHERE e.group_id = ? AND e.seq = ?",
                (group_id, seq),
            )
            if row is None:
                raise NotFound("no accepted commit at this seq")
            committer = row[1]
            if committer == device_id:
                raise Forbidden("a device cannot refuse its own commit")
            if me.joined_seq >= seq:
                raise Forbidden("only devices routed before a commit may refuse it")
            before = self._one(
                cur, "SELECT missions FROM group_states WHERE group_id = ? AND seq < ? "
                "ORDER BY seq DESC LIMIT 1", (group_id, seq))
            if before is None:
                raise Conflict("the state before this commit is no longer kept")
            self._exec(
                cur,
                "INSERT INTO refusals (group_id, seq, device_id, created_at) VALUES (?, ?, ?, ?) "
                "ON CONFLICT (group_id, seq, device_id) DO NOTHING",
                (group_id, seq, device_id, now),
            )
            # one vote per mission: the verified directory says whose device refused
            refused = int(self._row(
                cur,
                "SELECT COUNT(DISTINCT d.scope) FROM refusals r JOIN members m "
                "ON m.group_id = r.group_id AND m.device_id = r.device_id "
                "JOIN directory d ON d.kind = 'device' AND d.key = r.device_id "
                "WHERE r.group_id = ? AND r.seq = ? AND m.left_seq IS NULL "
                "AND m.joined_seq < ? AND r.device_id <> ?",
                (group_id, seq, seq, committer),
            )[0])
            electorate = int(before[0])
            if not refusal_voids(refused, electorate):
                return RefusalOutcome(seq, refused, electorate, False)
            self._void_from(cur, group_id, seq, now)
            ev.append(MembershipEvent(group_id))
            return RefusalOutcome(seq, refused, electorate, True)

        result: RefusalOutcome = await self._write(op)
        return result

    def _void_from(self, cur: Cursor, group_id: bytes, seq: int, now: int) -> None:
        """Void the commit at ``seq`` and every later commit of the group (they can only
        build on it: its epoch was taken, so no other commit for it or later was accepted).
        Their epochs are free again; the routing they changed is undone."""
        rows = self._all(
            cur, "SELECT epoch, seq FROM epochs WHERE group_id = ? AND seq >= ? ORDER BY seq DESC",
            (group_id, seq),
        )
        for epoch, s in rows:
            self._exec(
                cur,
                "INSERT INTO voided (group_id, seq, epoch, created_at) VALUES (?, ?, ?, ?) "
                "ON CONFLICT (group_id, seq) DO NOTHING",
                (group_id, s, epoch, now),
            )
            self._exec(
                cur,
                "DELETE FROM welcome_deliveries WHERE welcome_id IN "
                "(SELECT id FROM welcomes WHERE group_id = ? AND seq = ?)",
                (group_id, s),
            )
            self._exec(cur, "DELETE FROM members WHERE group_id = ? AND joined_seq = ?",
                       (group_id, s))
            self._exec(cur, "UPDATE members SET left_seq = NULL WHERE group_id = ? "
                       "AND left_seq = ?", (group_id, s))
        self._exec(cur, "DELETE FROM epochs WHERE group_id = ? AND seq >= ?", (group_id, seq))
        self._exec(cur, "DELETE FROM group_states WHERE group_id = ? AND seq >= ?",
                   (group_id, seq))

    async def messages_after(
        self, group_id: bytes, device_id: str, after: int, limit: int
    ) -> tuple[list[StoredMessage], int]:
        def fn(cur: Cursor) -> tuple[list[StoredMessage], int]:
            me = self._member(cur, group_id, device_id)
            if me is None:
                raise NotFound("no such group, or this device is not routed in it")
            last = int(self._row(cur, "SELECT last_seq FROM groups WHERE group_id = ?",
                                 (group_id,))[0])
            upto = last if me.left_seq is None else min(last, me.left_seq)
            lower = max(after, me.joined_seq)
            return self._fetch_range(cur, group_id, lower, upto, limit), last

        return await self._read(fn)

    async def group_range(self, group_id: bytes, after: int, upto: int) -> list[StoredMessage]:
        return await self._read(
            lambda cur: self._fetch_range(cur, group_id, after, upto, max(1, upto - after)))

    def fetch_range_sync(
        self, cur: Cursor, group_id: bytes, after: int, upto: int, limit: int
    ) -> list[StoredMessage]:
        return self._fetch_range(cur, group_id, after, upto, limit)

    async def memberships(self, device_id: str) -> list[tuple[bytes, MemberRow]]:
        def fn(cur: Cursor) -> list[tuple[bytes, MemberRow]]:
            rows = self._all(
                cur,
                "SELECT group_id, joined_seq, acked_seq, left_seq FROM members "
                "WHERE device_id = ? ORDER BY group_id",
                (device_id,),
            )
            return [
                (bytes(r[0]), MemberRow(device_id, int(r[1]), int(r[2]),
                                        None if r[3] is None else int(r[3])))
                for r in rows
            ]

        return await self._read(fn)

    def _group_members(self, cur: Cursor, group_id: bytes) -> list[MemberRow]:
        rows = self._all(
            cur,
            "SELECT device_id, joined_seq, acked_seq, left_seq FROM members WHERE group_id = ?",
            (group_id,),
        )
        return [
            MemberRow(r[0], int(r[1]), int(r[2]), None if r[3] is None else int(r[3]))
            for r in rows
        ]

    async def group_members(self, group_id: bytes) -> list[MemberRow]:
        return await self._read(lambda cur: self._group_members(cur, group_id))

    async def pending_welcomes(self, device_id: str, limit: int) -> list[StoredWelcome]:
        def fn(cur: Cursor) -> list[StoredWelcome]:
            rows = self._all(
                cur,
                "SELECT w.id, w.sender, w.payload, w.created_at, w.group_id, w.seq, w.commit_msg "
                "FROM welcome_deliveries d JOIN welcomes w ON w.id = d.welcome_id "
                "WHERE d.device_id = ? ORDER BY w.id LIMIT ?",
                (device_id, limit),
            )
            return [welcome_row(r) for r in rows]

        return await self._read(fn)

    async def ack(self, device_id: str, group_id: bytes, seq: int) -> int:
        def op(cur: Cursor, _ev: list[Event]) -> int:
            me = self._member(cur, group_id, device_id)
            if me is None:
                raise NotFound("no such group, or this device is not routed in it")
            last = int(self._row(cur, "SELECT last_seq FROM groups WHERE group_id = ?",
                                 (group_id,))[0])
            target = min(seq, last if me.left_seq is None else min(last, me.left_seq))
            if target <= me.acked_seq:
                return me.acked_seq
            self._exec(
                cur,
                "UPDATE members SET acked_seq = ? WHERE group_id = ? AND device_id = ? "
                "AND acked_seq < ?",
                (target, group_id, device_id, target),
            )
            if me.left_seq is not None and target >= me.left_seq:
                self._exec(
                    cur, "DELETE FROM members WHERE group_id = ? AND device_id = ?",
                    (group_id, device_id),
                )
            return target

        return int(await self._write(op))

    async def ack_welcome(self, device_id: str, welcome_id: int) -> bool:
        def op(cur: Cursor, _ev: list[Event]) -> bool:
            return self._exec(
                cur, "DELETE FROM welcome_deliveries WHERE device_id = ? AND welcome_id = ?",
                (device_id, welcome_id),
            ) > 0

        return bool(await self._write(op))
