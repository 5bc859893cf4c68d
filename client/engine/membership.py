# SPDX-License-Identifier: Apache-2.0
"""Membership on the receiving side: merging commits and joining by Welcome.

Every commit is checked with :mod:`client.policy` before it changes anything, with its
certificates at the timestamp it carries; a refused one is queued for the relay
(:mod:`client.engine.refusals`). A rename's channel information is opened from the
commit (sealed for the members of its epoch) and must match the new charter.

**Welcomes** (THREATS 6) are joined only with the accepted commit the relay routes with
them, which the Welcome must name; a relay that hands the joiner a losing commit with
its Welcome puts it on another history, caught by the fork check.
"""

from __future__ import annotations

import contextlib
from collections.abc import Sequence

import msgspec

from client.engine.context import EngineContext
from client.engine.envelope import commit_info, header, info_name, open_envelope, open_info
from client.engine.forks import ForkCheck
from client.engine.keypackages import KeyPackages
from client.engine.model import ChannelMeta, enc
from client.engine.refusals import Refusals
from client.errors import ClientError, NotFoundError
from client.events import (
    ChannelJoined,
    ChannelLeft,
    ErrorEvent,
    Event,
    MembershipChanged,
    PolicyRefused,
)
from client.msgids import COMMIT
from client.policy import (
    INFO_EXTENSION,
    Ident,
    PolicyViolation,
    Roster,
    check_commit,
    check_state,
    encode_roster,
    roster_from_extensions,
)
from client.store.base import Channel, ChannelKind
from client.transport import RelayMessage, RelayWelcome
from client.trust import credential_chain, observer_chain, unverified_identity
from crypto.corridor.charter import info_commitment, leave_proven
from crypto.errors import CryptoError, MissingRatchetTreeError
from crypto.group import Group, Member, StagedCommit
from crypto.messages import MLSMessage, WireFormat
from crypto.suites import get_suite

__all__ = ["Membership", "left_by_request"]


def left_by_request(g: Group, mem: Member, leaves: Sequence[bytes]) -> bool:
    """Whether ``leaves`` hold ``mem``'s own request to leave ``g``."""
    return bool(leaves) and leave_proven(get_suite(g.cipher_suite), g.group_id,
                                         mem.signature_key, mem.encryption_key, leaves)


class Membership:
    """Merges commits that come back in the relay's order; joins from Welcomes."""

    def __init__(self, ctx: EngineContext, *, refusals: Refusals, forks: ForkCheck,
                 key_packages: KeyPackages) -> None:
        self.ctx = ctx
        self.refusals = refusals
        self.forks = forks
        self.key_packages = key_packages

    def _refused(self, ch: Channel, meta: ChannelMeta, g: Group, m: RelayMessage,
                 exc: PolicyViolation, events: list[Event]) -> PolicyViolation:
        events.append(PolicyRefused(ch.channel_id, m.seq, str(exc)))
        self.refusals.refuse(ch, meta, m, g.epoch)
        return exc

    def _check_other(self, ch: Channel, meta: ChannelMeta, g: Group, staged: StagedCommit,
                     m: RelayMessage, crls: list[bytes], at: int, events: list[Event],
                     leaves: Sequence[bytes]) -> Ident:
        """Policy-check another member's commit; returns its committer."""
        ctx = self.ctx
        before = roster_from_extensions(g.extensions)
        if staged.external:
            # Corridor devices join by Welcome only (and external commits are
            # PublicMessages, refused above): every member refuses one alike.
            raise self._refused(ch, meta, g, m,
                                PolicyViolation("external commits are not allowed"), events)
        after = roster_from_extensions(staged.extensions) if staged.extensions else before
        old_members = {leaf: (ident, chain) for leaf, _d, ident, chain in ctx.members(g)}
        committer_leaf = staged.committer
        committer = ctx.leaf_ident(g, committer_leaf) if committer_leaf in old_members \
            else unverified_identity(credential_chain(staged.added[0].credential))
        removed = []
        for mem in staged.removed:
            ident, chain = old_members.get(mem.leaf_index, (None, None))
            if ident is None or chain is None:
                ident = unverified_identity(credential_chain(mem.credential))
                chain = credential_chain(mem.credential)
            removed.append((ident, ctx.trust.revoked_under(chain, crls)
                            or left_by_request(g, mem, leaves)))
        added = [unverified_identity(credential_chain(a.credential)) for a in staged.added]
        removed_leaves = {r.leaf_index for r in staged.removed}
        members_after = [i for leaf, (i, _c) in old_members.items()
                         if leaf not in removed_leaves] + added
        if not staged.self_removed:
            try:
                if at < meta.commit_at:
                    raise PolicyViolation("a commit stamped before the channel's "
                                          "previous commit")
                with ctx.trust.evaluated_at(at):
                    chairs = ctx.chairs(before)
                check_commit(before=before, after=after, committer=committer, added=added,
                             removed=removed, members_after=members_after,
                             chairs=chairs,
                             founding=g.epoch == 0 and committer.delegate == before.created_by)
                if after.kind == "caucus" and any(
                        observer_chain(credential_chain(a.credential)) for a in staged.added):
                    raise PolicyViolation("an observer never joins a caucus")
            except PolicyViolation as exc:
                raise self._refused(ch, meta, g, m, exc, events) from None
        return committer

    def merge(self, ch: Channel, meta: ChannelMeta, g: Group, staged: StagedCommit,
              m: RelayMessage, crls: list[bytes], at: int,
              events: list[Event], sealed: bytes = b"",
              leaves: Sequence[bytes] = ()) -> ChannelMeta:
        """Check and merge a commit that came back in order; returns the channel meta."""
        ctx = self.ctx
        before = roster_from_extensions(g.extensions)
        after_charter = roster_from_extensions(staged.extensions) if staged.extensions \
            else before
        info = meta.info
        if after_charter.info != before.info and not staged.self_removed:
            # a rename: the new channel information is sealed for this epoch's members
            opened = open_info(g, sealed) if sealed else None
            if opened is None or info_commitment(opened) != after_charter.info:
                if not staged.own:
                    raise self._refused(ch, meta, g, m, PolicyViolation(
                        "the channel information does not match the charter"), events)
            else:
                info = opened
        # who this device will no longer see once it is removed: everyone else
        left_behind = [m.credential for m in g.members()
                       if m.leaf_index != g.own_leaf_index] if staged.self_removed else []
        if staged.own:
            change = g.merge_pending_commit()
            ref = ctx.send_ids.lookup(m.client_msg_id)
            if ref is not None and ref.kind == COMMIT:
                ctx.store.mark_sent(ref.ref)
                ctx.send_ids.forget(ch.channel_id, m.client_msg_id)
            committer = ctx.me.ident
        else:
            committer = self._check_other(ch, meta, g, staged, m, crls, at, events, leaves)
            change = g.merge_staged_commit(staged)
        self.forks.remember_merged(g.group_id, m.message)
        ctx.crashpoint("commit-merged")
        added_names = tuple(unverified_identity(credential_chain(a.credential)).delegate
                            for a in change.added)
        removed_names = tuple(unverified_identity(credential_chain(r.credential)).delegate
                              for r in change.removed)
        # former members keep their names in a signed export of the history
        ctx.store.add_former_chains(g.group_id, [
            list(c.certificates or ()) for c in
            [r.credential for r in change.removed] + left_behind])
        if change.self_removed:
            ctx.store.delete_group_state(g.group_id)
            ctx.forget_group(g.group_id)
            meta = ctx.replace_meta(ch, meta, left=True)
            events.append(ChannelLeft(ch.channel_id, f"removed by {committer.delegate}"))
            return meta
        after_roster = Roster.of(roster_from_extensions(g.extensions),
                                 info_name(after_charter, info))
        gone = {r.signature_key.hex() for r in change.removed}
        departed = {r.signature_key.hex() for r in change.removed
                    if left_by_request(g, r, leaves)}
        changes: dict[str, object] = dict(
            roster=encode_roster(after_roster), info=info, commit_at=max(meta.commit_at, at),
            leaving=tuple(x for x in meta.leaving if x[0] not in gone),
            departed=tuple(sorted(set(meta.departed) | departed)))
        if staged.own:  # our leaf key is fresh (every commit of ours has an update path)
            changes.update(updated_at=ctx.now(), sent=0)
        meta = msgspec.structs.replace(meta, **changes)
        ctx.put_meta(ch, meta, name=after_roster.name if after_roster.name != ch.name else None)
        ctx.save_group(g)
        self.forks.remember(g)
        if added_names or removed_names or after_charter != before:
            events.append(MembershipChanged(ch.channel_id, change.epoch, added_names,
                                            removed_names, committer.delegate))
        return meta

    def receive_welcome(self, w: RelayWelcome, ratchet_tree: bytes | None = None) -> list[Event]:
        """Join a channel from a Welcome addressed to one of our KeyPackages.

        ``ratchet_tree``: the tree the relay served for a Welcome that leaves it out (a
        large group's); the join checks it against the tree hash the GroupInfo signs, so
        a relay's different or tampered tree fails the join. A tree in the Welcome
        itself is preferred."""
        ctx = self.ctx
        events: list[Event] = []
        try:
            msg = MLSMessage.from_bytes(w.message)
            welcome = msg.welcome
            if msg.wire_format != WireFormat.mls_welcome or welcome is None:
                raise PolicyViolation("not a Welcome")
            if not w.commit:
                raise PolicyViolation("a Welcome without the accepted commit it rode on")
            bundle, ref, last_resort = self.key_packages.bundle_for(welcome)
            # THREATS 6: the Welcome must name the commit the relay accepted.
            try:
                g = Group.join(w.message, bundle, credential_validator=ctx.trust,
                               now=ctx.now(), commit_message=w.commit)
            except MissingRatchetTreeError:
                if ratchet_tree is None:
                    raise
                g = Group.join(w.message, bundle, ratchet_tree=ratchet_tree,
                               credential_validator=ctx.trust, now=ctx.now(),
                               commit_message=w.commit)
            charter = roster_from_extensions(g.extensions)
            check_state(charter, [i for _l, _d, i, _c in ctx.members(g)])
            if charter.kind == "caucus" and any(observer_chain(c) for *_x, c in ctx.members(g)):
                raise PolicyViolation("an observer never joins a caucus")
            if charter.kind == "notice" and not ctx.chairs(charter):
                raise PolicyViolation("a notice channel without a valid chair")
            # the channel's name rides in the Welcome's encrypted GroupInfo, committed to
            # by the charter
            info = next((e.extension_data for e in g.welcome_extensions
                         if e.extension_type == INFO_EXTENSION), b"")
            if charter.info and info_commitment(info) != charter.info:
                raise PolicyViolation("the Welcome's channel information does not match "
                                      "the charter")
            roster = Roster.of(charter, info_name(charter, info))
        except (CryptoError, ClientError) as exc:
            events.append(ErrorEvent(None, "invitation refused", type(exc).__name__))
            return events
        gid = g.group_id
        try:
            existing: Channel | None = ctx.store.get_channel_by_group(gid)
        except NotFoundError:
            existing = None
        if existing is not None and not ctx.meta(existing).left:
            return events  # a duplicate Welcome
        # the commit we joined with fixes the time the next commit must not precede
        commit_at = 0
        with contextlib.suppress(CryptoError, ClientError):
            chead = header(w.commit)
            cenv = open_envelope(chead[2]) if chead is not None else None
            commit_at = (commit_info(cenv.inner)[1] or 0) if cenv is not None else 0
        meta = ChannelMeta(roster=encode_roster(roster), joined_epoch=g.epoch,
                           commit_at=commit_at, updated_at=ctx.now(), info=info)
        with ctx.store.transaction():
            if existing is not None:
                ctx.store.delete_channel(existing.channel_id)
            ctx.store.create_channel(channel_id=gid, group_id=gid, kind=ChannelKind(roster.kind),
                                     name=roster.name, created_at=ctx.now(),
                                     roster=enc.encode(meta))
            ctx.save_group(g)
            if w.seq > 0:  # gaps right after the join are noticed (THREATS 7)
                ctx.store.set_channel_cursor(gid, w.seq)
            self.forks.forget(gid)  # a former membership's
            self.forks.remember(g)
            self.key_packages.used(ref, last_resort)
        ctx.groups[gid] = g
        # joined with the founding commit: there was nothing earlier to miss
        events.append(ChannelJoined(gid, roster.kind, roster.name, g.epoch,
                                    **({} if g.epoch > 1 else {"history_note": ""})))
        return events
