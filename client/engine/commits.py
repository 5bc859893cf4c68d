# SPDX-License-Identifier: Apache-2.0
"""Building this device's commits: which devices to add and remove, and the commit.

Commits are PublicMessages (RFC 9420 section 6.2), which the relay verifies against
the group's public tree and charter before it routes anyone (docs/relay-authority.md).
Each carries, in its envelope, a :class:`~crypto.corridor.charter.CommitStamp`: the CRLs
proving its removals, its timestamp (every member checks its certificates at that
moment), the channel information sealed for the members of its epoch when the roster
changes, and the requests to leave of the members it removes at their own request.
The commit is saved as pending before it can leave the device, and merged only when it
comes back in the relay's order.
"""

from __future__ import annotations

from collections.abc import Sequence

from client.engine.context import EngineContext
from client.engine.envelope import SUITE, CommitInfo, envelope, info_name, seal_info
from client.engine.model import CommitWork, MembershipPlan, Outbound, OutOp, enc
from client.engine.outbox import Outbox
from client.errors import NotFoundError
from client.msgids import COMMIT
from client.policy import (
    INFO_EXTENSION,
    POLICY,
    ROSTER_EXTENSION,
    Authority,
    Ident,
    decode_roster,
    new_info,
    roster_extension,
)
from crypto.errors import CryptoError
from crypto.messages import Extension, KeyPackage
from crypto.messages.key_package import validate_key_package
from crypto.suites import get_suite

__all__ = ["Commits", "Directory"]

#: directory rows: (device id, mission, certificate chain)
Directory = Sequence[tuple[str, str, list[bytes]]]


class Commits:
    """Plans and builds membership commits and self-updates."""

    def __init__(self, ctx: EngineContext, outbox: Outbox) -> None:
        self.ctx = ctx
        self.outbox = outbox

    def plan(self, work: CommitWork, directory: Directory) -> MembershipPlan:
        """Which devices to add and remove so the group matches the roster's missions.

        Only changes this device may make (policy) are planned: its own mission's
        devices always; other missions' devices when it holds the roster authority or
        founds the channel; revoked devices (proof: the CRLs it knows) anyone.
        """
        ctx = self.ctx
        item = self.outbox.item(work.channel_id, work.item_id)
        assert isinstance(item, OutOp)
        g = ctx.group(work.channel_id)
        current = ctx.roster(work.channel_id)
        roster = current
        if item.roster is not None:
            roster = decode_roster(item.roster)
        me = ctx.me.ident
        rule = POLICY[current.kind]
        chairs = ctx.chairs(current)
        authority = (rule.roster_change is Authority.CONVENERS and me.delegate in current.conveners
                     ) or (rule.roster_change is Authority.CHAIRS and me.delegate in chairs)
        founding = g.epoch == 0 and current.created_by == me.delegate
        _ch, meta = ctx.channel_state(work.channel_id)
        leaving = {dev for dev, _sig in meta.leaving}
        wanted: dict[str, Ident] = {}
        for device_id, _mission, chain in directory:
            try:
                verified = ctx.trust.verify_chain(chain)
            except CryptoError:
                continue
            if verified.signature_key.hex() != device_id or \
                    verified.mission_id not in roster.missions or device_id in meta.departed \
                    or device_id in leaving or (verified.observer and roster.kind == "caucus"):
                continue
            wanted[device_id] = Ident(verified.mission_id, verified.delegate_id)
        members = ctx.members(g)
        present = {dev for _l, dev, _i, _c in members}
        add = tuple(sorted(
            d for d, ident in wanted.items() if d not in present and (
                founding or authority or ident.mission_id == me.mission_id
                or ident.mission_id not in current.missions)))
        remove: list[int] = []
        remove_devices: list[str] = []
        for leaf, dev, ident, chain in members:
            if dev == ctx.me.device_id or dev in wanted:
                continue
            revoked = ctx.trust.revoked_under(chain, ctx.trust.crls)
            if revoked or dev in leaving or ident.mission_id == me.mission_id or authority or (
                    ident.mission_id not in roster.missions and authority):
                remove.append(leaf)
                remove_devices.append(dev)
        return MembershipPlan(add, tuple(remove), tuple(remove_devices),
                              roster if roster != current else None)

    def _valid_key_packages(self, plan: MembershipPlan, key_packages: dict[str, bytes],
                            at: int) -> tuple[list[KeyPackage], list[str]]:
        kps: list[KeyPackage] = []
        added: list[str] = []
        trust = self.ctx.trust
        for dev in plan.add:
            raw = key_packages.get(dev)
            if raw is None:
                continue
            try:
                kp = KeyPackage.from_bytes(raw)
                with trust.evaluated_at(at):
                    validate_key_package(get_suite(SUITE), kp, trust, now=at)
            except CryptoError:
                continue  # THREATS 4: a forged or foreign-rooted KeyPackage is never added
            if kp.leaf_node.signature_key.hex() != dev:
                continue  # a valid KeyPackage of another device than the one claimed
            kps.append(kp)
            added.append(dev)
        return kps, added

    def build(self, work: CommitWork, plan: MembershipPlan,
              key_packages: dict[str, bytes]) -> Outbound | None:
        """Build and save (as pending) the commit for ``plan``; None if nothing to do."""
        ctx = self.ctx
        g = ctx.group(work.channel_id)
        cmid = ctx.send_ids.id_for(COMMIT, work.channel_id, work.item_id)
        if g.pending_commit is not None:
            pc = g.pending_commit
            return Outbound(work.channel_id, cmid, pc.message, work.item_id, True,
                            welcome=pc.welcome)
        _ch, meta = ctx.channel_state(work.channel_id)
        # the commit's timestamp: every member checks its certificates at this moment
        at = max(ctx.now(), meta.commit_at)
        kps, added = self._valid_key_packages(plan, key_packages, at)
        try:
            item = self.outbox.item(work.channel_id, work.item_id)
        except NotFoundError:
            return None  # done meanwhile
        update = isinstance(item, OutOp) and item.update
        if not kps and not plan.remove and plan.roster is None and not update:
            ctx.store.mark_sent(work.item_id)
            return None
        exts = None
        _ch, meta = ctx.channel_state(work.channel_id)
        info, sealed = meta.info, b""
        if plan.roster is not None:
            if not info or info_name(ctx.charter(work.channel_id), info) != plan.roster.name:
                info = new_info(plan.roster.name)  # a new salt too: renames cannot be linked
                sealed = seal_info(g, info)  # for the members of this epoch
            exts = [e for e in g.extensions if e.extension_type != ROSTER_EXTENSION]
            exts.append(roster_extension(plan.roster, info))
        # joiners get the channel information inside the Welcome's (encrypted) GroupInfo
        welcome_exts = [Extension(extension_type=INFO_EXTENSION, extension_data=info)] \
            if kps and info else []
        leaves = [sig for dev, sig in meta.leaving if dev in plan.remove_devices]
        stamp = CommitInfo(ctx.trust.crls if plan.remove else [], at, sealed, leaves)
        aad = envelope(g, enc.encode(stamp), ctx.signer)
        try:
            with ctx.trust.evaluated_at(at):
                # a PublicMessage (RFC 9420 section 6.2): the relay verifies it against
                # the group's public tree and charter before it changes routing
                in_band = len(g.members()) + len(kps) - len(plan.remove) \
                    <= ctx.settings.welcome_tree_max_members
                out = g.commit(add=kps, remove=list(plan.remove), group_context_extensions=exts,
                               update_path=True, authenticated_data=aad, now=at,
                               handshake_encrypted=False, welcome_extensions=welcome_exts,
                               ratchet_tree_in_welcome=in_band)
            ctx.crashpoint("commit-built")
            ctx.save_group(g)
        except BaseException:
            ctx.forget_group(work.channel_id)
            raise
        ctx.crashpoint("commit-saved")
        return Outbound(work.channel_id, cmid, out.message, work.item_id, True,
                        add=tuple(added), remove=plan.remove_devices, welcome=out.welcome,
                        welcome_to=tuple(added) if out.welcome else ())
