# SPDX-License-Identifier: Apache-2.0
"""A runner of the MLS working group's interop scenarios (``interop/configs/*.json``).

It follows the WG's test runner (mlswg/mls-implementations, ``interop/test-runner``):
a script is a list of steps; each step names an action and an actor; outputs of a
step (KeyPackages, proposals, commits, ciphertexts...) are kept by step index and
later steps refer to them by that index. Each script runs once per cipher suite,
handshake mode (encrypted or in the clear) and assignment of actors to clients.

Checks, as the WG's runner: every member that handles a commit and every joiner
reports the committer's epoch authenticator; every Unprotect returns the protected
plaintext and authenticated data. Added here: when a script ends, the actors the
runner saw in the same epoch (same epoch authenticator) agree on ``StateAuth`` and
on an exported secret.

Differences from the WG's runner: actors are ordered by first appearance and the new
cipher suite of a ReInit is the smallest common one (Go map order is random); step
parameters are matched case-insensitively (as Go's ``encoding/json``). The branch
step reads ``external_tree``/``force_path`` like the Go runner, which therefore never
sends them (the configs spell them ``externalTree``/``forcePath``);
``branch_camel_case=True`` reads the configs' spelling instead.
"""

from __future__ import annotations

import contextlib
import itertools
import json
import random
import uuid
from collections import Counter
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import grpc

from ._stubs import pb, pb_grpc

__all__ = [
    "Client",
    "RunResult",
    "ScriptFailure",
    "ScriptRun",
    "actors_of",
    "assignments",
    "load_configs",
    "run_script",
]

RPC_TIMEOUT = 120.0  # seconds, as the WG's runner
EXPORT_LABEL = "corridor interop"
EXPORT_CONTEXT = b"end of script"


class ScriptFailure(Exception):
    """A check failed or a client refused a step."""


@dataclass
class Client:
    """A connected interop client."""

    address: str
    name: str
    suites: frozenset[int]
    stub: Any
    channel: grpc.Channel = field(repr=False)

    @classmethod
    def connect(cls, address: str, *, timeout: float = 30.0) -> Client:
        channel = grpc.insecure_channel(address, options=[
            ("grpc.max_receive_message_length", 64 << 20),
            ("grpc.max_send_message_length", 64 << 20)])
        grpc.channel_ready_future(channel).result(timeout=timeout)
        stub = pb_grpc.MLSClientStub(channel)
        name = stub.Name(pb.NameRequest(), timeout=timeout).name
        suites = stub.SupportedCiphersuites(pb.SupportedCiphersuitesRequest(),
                                            timeout=timeout).ciphersuites
        return cls(address, name, frozenset(suites), stub, channel)

    def close(self) -> None:
        self.channel.close()


@dataclass(frozen=True)
class RunResult:
    config: str
    script: str
    suite: int
    encrypt: bool
    assignment: tuple[tuple[str, str], ...]  # (actor, client name)
    failed_step: int | None = None
    error: str | None = None

    @property
    def ok(self) -> bool:
        return self.error is None

    @property
    def clients(self) -> frozenset[str]:
        return frozenset(c for _a, c in self.assignment)

    def describe(self) -> str:
        who = ", ".join(f"{a}={c}" for a, c in self.assignment)
        if len(self.assignment) > 12:
            per = Counter(c for _a, c in self.assignment)
            who = f"{len(self.assignment)} actors: " + ", ".join(
                f"{n} {c}" for c, n in sorted(per.items()))
        mode = "encrypted" if self.encrypt else "plaintext"
        head = f"{self.config}/{self.script} suite {self.suite} {mode} [{who}]"
        if self.ok:
            return head + ": ok"
        return f"{head}: FAILED at step {self.failed_step}: {self.error}"


def load_configs(directory: Path) -> dict[str, dict[str, list[dict[str, Any]]]]:
    """``{config name: {script name: steps}}`` of every ``*.json`` in ``directory``."""
    out = {}
    for path in sorted(directory.glob("*.json")):
        out[path.stem] = json.loads(path.read_text())["scripts"]
    return out


def _param(step: Mapping[str, Any], *names: str, default: Any = None) -> Any:
    lowered = {k.lower(): v for k, v in step.items()}
    for name in names:
        if name.lower() in lowered:
            return lowered[name.lower()]
    return default


def actors_of(script: Sequence[Mapping[str, Any]]) -> list[str]:
    """The script's actors (clients to assign), in order of first appearance."""
    seen: dict[str, None] = {}
    for step in script:
        actor = step.get("actor")
        if not actor:
            continue
        seen.setdefault(actor)
        action = step["action"]
        if action == "createGroup":
            for member in _param(step, "members", default=[]):
                seen.setdefault(member)
        elif action in ("externalJoin", "newMemberAddProposal"):
            seen.setdefault(_param(step, "joiner"))
        elif action == "addExternalSigner":
            seen.setdefault(_param(step, "signer"))
    return list(seen)


def assignments(actors: Sequence[str], clients: Sequence[Client]) -> Iterator[dict[str, Client]]:
    """Every assignment of clients to actors (len(clients) ** len(actors))."""
    for combo in itertools.product(clients, repeat=len(actors)):
        yield dict(zip(actors, combo, strict=True))


def _ext(items: Sequence[Mapping[str, Any]] | None) -> list[Any]:
    import base64

    return [pb.Extension(extension_type=e["extension_type"],
                         extension_data=base64.b64decode(e["extension_data"]))
            for e in items or []]


class ScriptRun:
    """One run of a script for one suite, handshake mode and assignment."""

    def __init__(self, suite: int, encrypt: bool, clients: Mapping[str, Client], *,
                 branch_camel_case: bool = False) -> None:
        self.branch_camel_case = branch_camel_case
        self.suite = suite
        self.encrypt = encrypt
        self.clients = dict(clients)
        self.state: dict[str, int] = {}
        self.transaction: dict[str, int] = {}
        self.signer: dict[str, int] = {}
        self.auth: dict[str, bytes] = {}  # last epoch authenticator seen per actor
        self.cache: list[dict[str, Any]] = []

    # -- helpers ----------------------------------------------------------------------

    def _call(self, actor: str, rpc: str, request: Any) -> Any:
        client = self.clients[actor]
        try:
            return getattr(client.stub, rpc)(request, timeout=RPC_TIMEOUT)
        except grpc.RpcError as exc:
            detail = exc.details() if hasattr(exc, "details") else str(exc)
            raise ScriptFailure(f"{rpc} at {actor} ({client.name}): {detail}") from None

    def _get(self, index: int, key: str) -> Any:
        if not 0 <= index < len(self.cache) or key not in self.cache[index]:
            raise ScriptFailure(f"no {key} at step {index}")
        return self.cache[index][key]

    def _expect(self, who: str, got: bytes, want: bytes, what: str) -> None:
        if got != want:
            raise ScriptFailure(f"{who} ({self.clients[who].name}) disagrees on {what}")

    def _new_group_id(self, change: bool) -> bytes:
        gid: bytes = self._get(0, "group_id")
        return gid + b"++" if change else gid

    def _change_suite(self) -> None:
        common = set.intersection(*(set(c.suites) for c in self.clients.values()))
        common.discard(self.suite)
        if not common:
            raise ScriptFailure("no other cipher suite all clients support")
        self.suite = min(common)

    def _description(self, d: Mapping[str, Any]) -> Any:
        kind = _param(d, "proposalType")
        out = pb.ProposalDescription(proposal_type=kind.encode())
        if kind == "add":
            out.key_package = self._get(_param(d, "keyPackage"), "key_package")
        elif kind == "remove":
            out.removed_id = _param(d, "removed").encode()
        elif kind == "externalPSK":
            out.psk_id = self._get(_param(d, "pskID"), "psk_id")
        elif kind == "resumptionPSK":
            out.epoch_id = _param(d, "epochID")
        elif kind == "groupContextExtensions":
            out.extensions.extend(_ext(_param(d, "extensions")))
        elif kind == "reinit":
            out.extensions.extend(_ext(_param(d, "extensions")))
            if _param(d, "changeCipherSuite", default=False):
                self._change_suite()
            out.cipher_suite = self.suite
            out.group_id = self._new_group_id(bool(_param(d, "changeGroupID", default=False)))
        else:
            raise ScriptFailure(f"unknown proposal type {kind}")
        return out

    def _key_package(self, actor: str) -> Any:
        resp = self._call(actor, "CreateKeyPackage", pb.CreateKeyPackageRequest(
            cipher_suite=self.suite, identity=actor.encode()))
        return resp

    def _handle(self, member: str, proposals: Sequence[bytes], commit: bytes,
                want: bytes, rpc: str = "HandleCommit") -> Any:
        resp = self._call(member, rpc, pb.HandleCommitRequest(
            state_id=self.state[member], proposal=list(proposals), commit=commit))
        self._expect(member, resp.epoch_authenticator, want, "the epoch authenticator")
        if rpc == "HandleCommit":
            self.state[member] = resp.state_id
            self.auth[member] = want
        return resp

    def _join(self, joiner: str, welcome: bytes, tree: bytes, want: bytes) -> None:
        if joiner not in self.transaction:
            raise ScriptFailure(f"malformed step: no transaction for {joiner}")
        resp = self._call(joiner, "JoinGroup", pb.JoinGroupRequest(
            transaction_id=self.transaction[joiner], welcome=welcome,
            encrypt_handshake=self.encrypt, identity=joiner.encode(), ratchet_tree=tree))
        self._expect(joiner, resp.epoch_authenticator, want, "the epoch authenticator")
        self.state[joiner] = resp.state_id
        self.auth[joiner] = want

    # -- actions ----------------------------------------------------------------------

    def step(self, i: int, step: Mapping[str, Any]) -> None:
        action = step["action"]
        handler = getattr(self, "_do_" + action, None)
        if handler is None:
            raise ScriptFailure(f"unknown action {action}")
        handler(i, step, step.get("actor", ""))

    def _do_createGroup(self, i: int, step: Mapping[str, Any], actor: str) -> None:
        gid = str(uuid.uuid4()).encode()
        resp = self._call(actor, "CreateGroup", pb.CreateGroupRequest(
            group_id=gid, cipher_suite=self.suite, encrypt_handshake=self.encrypt,
            identity=actor.encode()))
        self.state[actor] = resp.state_id
        self.cache[i]["group_id"] = gid
        members = _param(step, "members", default=[])
        if not members:
            return
        kps = {m: self._key_package(m) for m in members}
        for m, kp in kps.items():
            self.transaction[m] = kp.transaction_id
        commit = self._call(actor, "Commit", pb.CommitRequest(
            state_id=self.state[actor],
            by_value=[pb.ProposalDescription(proposal_type=b"add", key_package=kp.key_package)
                      for kp in kps.values()]))
        pending = self._call(actor, "HandlePendingCommit", pb.HandlePendingCommitRequest(
            state_id=self.state[actor]))
        self.state[actor] = pending.state_id
        self.auth[actor] = pending.epoch_authenticator
        for m in members:
            self._join(m, commit.welcome, b"", pending.epoch_authenticator)

    def _do_createKeyPackage(self, i: int, step: Mapping[str, Any], actor: str) -> None:
        resp = self._key_package(actor)
        self.transaction[actor] = resp.transaction_id
        self.cache[i]["key_package"] = resp.key_package

    def _do_externalJoin(self, i: int, step: Mapping[str, Any], actor: str) -> None:
        joiner = _param(step, "joiner")
        external_tree = bool(_param(step, "externalTree", default=False))
        gi = self._call(actor, "GroupInfo", pb.GroupInfoRequest(
            state_id=self.state[actor], external_tree=external_tree))
        self.cache[i]["group_info"] = gi.group_info
        self.cache[i]["ratchet_tree"] = gi.ratchet_tree
        psks = [pb.PreSharedKey(psk_id=self._get(ix, "psk_id"),
                                psk_secret=self._get(ix, "psk_secret"))
                for ix in _param(step, "psks", default=[])]
        resp = self._call(joiner, "ExternalJoin", pb.ExternalJoinRequest(
            group_info=gi.group_info, ratchet_tree=gi.ratchet_tree,
            encrypt_handshake=self.encrypt, identity=joiner.encode(),
            remove_prior=bool(_param(step, "removePrior", default=False)), psks=psks))
        self.state[joiner] = resp.state_id
        self.auth[joiner] = resp.epoch_authenticator
        self.cache[i]["commit"] = resp.commit
        self.cache[i]["epoch_authenticator"] = resp.epoch_authenticator
        for member in [*_param(step, "members", default=[]), actor]:
            self._handle(member, [], resp.commit, resp.epoch_authenticator)

    def _do_installExternalPSK(self, i: int, step: Mapping[str, Any], actor: str) -> None:
        psk_id, secret = random.randbytes(32), random.randbytes(32)
        self.cache[i]["psk_id"] = psk_id
        self.cache[i]["psk_secret"] = secret
        for name in _param(step, "clients", default=[]):
            oid = self.state.get(name, self.transaction.get(name, 0))
            self._call(name, "StorePSK", pb.StorePSKRequest(
                state_or_transaction_id=oid, psk_id=psk_id, psk_secret=secret))

    def _do_groupInfo(self, i: int, step: Mapping[str, Any], actor: str) -> None:
        resp = self._call(actor, "GroupInfo", pb.GroupInfoRequest(
            state_id=self.state[actor],
            external_tree=bool(_param(step, "externalTree", default=False))))
        self.cache[i]["group_info"] = resp.group_info
        self.cache[i]["ratchet_tree"] = resp.ratchet_tree

    def _proposal(self, i: int, actor: str, rpc: str, request: Any) -> None:
        self.cache[i]["proposal"] = self._call(actor, rpc, request).proposal

    def _do_addProposal(self, i: int, step: Mapping[str, Any], actor: str) -> None:
        self._proposal(i, actor, "AddProposal", pb.AddProposalRequest(
            state_id=self.state[actor],
            key_package=self._get(_param(step, "keyPackage"), "key_package")))

    def _do_removeProposal(self, i: int, step: Mapping[str, Any], actor: str) -> None:
        self._proposal(i, actor, "RemoveProposal", pb.RemoveProposalRequest(
            state_id=self.state[actor], removed_id=_param(step, "removed").encode()))

    def _do_updateProposal(self, i: int, step: Mapping[str, Any], actor: str) -> None:
        self._proposal(i, actor, "UpdateProposal",
                       pb.UpdateProposalRequest(state_id=self.state[actor]))

    def _do_externalPSKProposal(self, i: int, step: Mapping[str, Any], actor: str) -> None:
        self._proposal(i, actor, "ExternalPSKProposal", pb.ExternalPSKProposalRequest(
            state_id=self.state[actor], psk_id=self._get(_param(step, "pskID"), "psk_id")))

    def _do_resumptionPSKProposal(self, i: int, step: Mapping[str, Any], actor: str) -> None:
        self._proposal(i, actor, "ResumptionPSKProposal", pb.ResumptionPSKProposalRequest(
            state_id=self.state[actor], epoch_id=_param(step, "epochID")))

    def _do_groupContextExtensionsProposal(self, i: int, step: Mapping[str, Any],
                                           actor: str) -> None:
        self._proposal(i, actor, "GroupContextExtensionsProposal",
                       pb.GroupContextExtensionsProposalRequest(
                           state_id=self.state[actor],
                           extensions=_ext(_param(step, "extensions"))))

    def _commit_request(self, step: Mapping[str, Any], actor: str) -> tuple[Any, list[bytes]]:
        by_ref = [self._get(ix, "proposal") for ix in _param(step, "byReference", default=[])]
        by_value = [self._description(d) for d in _param(step, "byValue", default=[])]
        req = pb.CommitRequest(
            state_id=self.state[actor], by_reference=by_ref, by_value=by_value,
            force_path=bool(_param(step, "force_path", default=False)),
            external_tree=bool(_param(step, "external_tree", default=False)))
        return req, by_ref

    def _do_fullCommit(self, i: int, step: Mapping[str, Any], actor: str) -> None:
        req, by_ref = self._commit_request(step, actor)
        resp = self._call(actor, "Commit", req)
        self.cache[i]["welcome"] = resp.welcome
        self.cache[i]["commit"] = resp.commit
        tree = resp.ratchet_tree if req.external_tree else b""
        if req.external_tree:
            self.cache[i]["ratchet_tree"] = tree
        pending = self._call(actor, "HandlePendingCommit", pb.HandlePendingCommitRequest(
            state_id=self.state[actor]))
        self.state[actor] = pending.state_id
        want = pending.epoch_authenticator
        self.auth[actor] = want
        self.cache[i]["epoch_authenticator"] = want
        for member in _param(step, "members", default=[]):
            self._handle(member, by_ref, resp.commit, want)
        for joiner in _param(step, "joiners", default=[]):
            self._join(joiner, resp.welcome, tree, want)

    def _do_commit(self, i: int, step: Mapping[str, Any], actor: str) -> None:
        req, _by_ref = self._commit_request(step, actor)
        resp = self._call(actor, "Commit", req)
        self.cache[i]["commit"] = resp.commit
        self.cache[i]["welcome"] = resp.welcome
        if req.external_tree:
            self.cache[i]["ratchet_tree"] = resp.ratchet_tree

    def _do_handlePendingCommit(self, i: int, step: Mapping[str, Any], actor: str) -> None:
        resp = self._call(actor, "HandlePendingCommit", pb.HandlePendingCommitRequest(
            state_id=self.state[actor]))
        self.state[actor] = resp.state_id
        self.auth[actor] = resp.epoch_authenticator

    def _do_handleCommit(self, i: int, step: Mapping[str, Any], actor: str) -> None:
        commit = self._get(_param(step, "commit"), "commit")
        by_ref = [self._get(ix, "proposal") for ix in _param(step, "byReference", default=[])]
        resp = self._call(actor, "HandleCommit", pb.HandleCommitRequest(
            state_id=self.state[actor], proposal=by_ref, commit=commit))
        self.state[actor] = resp.state_id
        self.auth[actor] = resp.epoch_authenticator

    def _do_protect(self, i: int, step: Mapping[str, Any], actor: str) -> None:
        aad = str(_param(step, "authenticatedData", default="")).encode()
        plaintext = str(_param(step, "plaintext", default="")).encode()
        resp = self._call(actor, "Protect", pb.ProtectRequest(
            state_id=self.state[actor], authenticated_data=aad, plaintext=plaintext))
        self.cache[i].update(authenticatedData=aad, plaintext=plaintext,
                             ciphertext=resp.ciphertext)

    def _do_unprotect(self, i: int, step: Mapping[str, Any], actor: str) -> None:
        ix = _param(step, "ciphertext")
        resp = self._call(actor, "Unprotect", pb.UnprotectRequest(
            state_id=self.state[actor], ciphertext=self._get(ix, "ciphertext")))
        self._expect(actor, resp.authenticated_data, self._get(ix, "authenticatedData"),
                     "the authenticated data")
        self._expect(actor, resp.plaintext, self._get(ix, "plaintext"), "the plaintext")

    def _do_reinit(self, i: int, step: Mapping[str, Any], actor: str) -> None:
        proposer = _param(step, "proposer", default="")
        committer = _param(step, "committer")
        welcomer = _param(step, "welcomer")
        members = list(_param(step, "members", default=[]))
        everyone = list(dict.fromkeys([*([proposer] if proposer else []), committer,
                                       welcomer, *members]))
        not_committer = [a for a in everyone if a != committer]
        not_welcomer = [a for a in everyone if a != welcomer]
        new_gid = self._new_group_id(bool(_param(step, "changeGroupID", default=False)))
        if _param(step, "changeCipherSuite", default=False):
            self._change_suite()
        if proposer:
            proposal = self._call(proposer, "ReInitProposal", pb.ReInitProposalRequest(
                state_id=self.state[proposer], cipher_suite=self.suite, group_id=new_gid,
                extensions=_ext(_param(step, "extensions")))).proposal
        else:
            proposal = self._get(_param(step, "externalReinitProposal"), "proposal")
        commit = self._call(committer, "ReInitCommit", pb.CommitRequest(
            state_id=self.state[committer], by_reference=[proposal])).commit
        pending = self._call(committer, "HandlePendingReInitCommit",
                             pb.HandlePendingCommitRequest(state_id=self.state[committer]))
        want = pending.epoch_authenticator
        reinit_ids = {committer: pending.reinit_id}
        key_packages = {committer: pending.key_package}
        for member in not_committer:
            resp = self._handle(member, [proposal], commit, want, rpc="HandleReInitCommit")
            reinit_ids[member] = resp.reinit_id
            key_packages[member] = resp.key_package
        force_path = bool(_param(step, "forcePath", default=False))
        external_tree = bool(_param(step, "externalTree", default=False))
        welcome = self._call(welcomer, "ReInitWelcome", pb.ReInitWelcomeRequest(
            reinit_id=reinit_ids[welcomer], key_package=[key_packages[a] for a in not_welcomer],
            force_path=force_path, external_tree=external_tree))
        self.state[welcomer] = welcome.state_id
        self.auth[welcomer] = welcome.epoch_authenticator
        tree = welcome.ratchet_tree if external_tree else b""
        for member in not_welcomer:
            resp = self._call(member, "HandleReInitWelcome", pb.HandleReInitWelcomeRequest(
                reinit_id=reinit_ids[member], welcome=welcome.welcome, ratchet_tree=tree))
            self._expect(member, resp.epoch_authenticator, welcome.epoch_authenticator,
                         "the reinit epoch authenticator")
            self.state[member] = resp.state_id
            self.auth[member] = welcome.epoch_authenticator

    def _do_branch(self, i: int, step: Mapping[str, Any], actor: str) -> None:
        members = list(_param(step, "members", default=[]))
        kps = {m: self._key_package(m) for m in members}
        names = ("force_path", "external_tree")
        if self.branch_camel_case:
            names = ("forcePath", "externalTree")
        force_path = bool(_param(step, names[0], default=False))
        external_tree = bool(_param(step, names[1], default=False))
        resp = self._call(actor, "CreateBranch", pb.CreateBranchRequest(
            state_id=self.state[actor], group_id=str(uuid.uuid4()).encode(),
            extensions=_ext(_param(step, "extensions")),
            key_packages=[kp.key_package for kp in kps.values()],
            force_path=force_path, external_tree=external_tree))
        self.state[actor] = resp.state_id
        self.auth[actor] = resp.epoch_authenticator
        tree = resp.ratchet_tree if external_tree else b""
        old: dict[str, int] = {}
        for m in members:
            joined = self._call(m, "HandleBranch", pb.HandleBranchRequest(
                state_id=self.state[m], transaction_id=kps[m].transaction_id,
                welcome=resp.welcome, ratchet_tree=tree))
            self._expect(m, joined.epoch_authenticator, resp.epoch_authenticator,
                         "the branch epoch authenticator")
            old[m] = self.state[m]
            self.state[m] = joined.state_id
            self.auth[m] = resp.epoch_authenticator
        for m, sid in old.items():
            self._call(m, "Free", pb.FreeRequest(state_id=sid))

    def _do_newMemberAddProposal(self, i: int, step: Mapping[str, Any], actor: str) -> None:
        joiner = _param(step, "joiner")
        gi = self._call(actor, "GroupInfo", pb.GroupInfoRequest(state_id=self.state[actor]))
        resp = self._call(joiner, "NewMemberAddProposal", pb.NewMemberAddProposalRequest(
            group_info=gi.group_info, identity=joiner.encode()))
        self.transaction[joiner] = resp.transaction_id
        self.cache[i]["proposal"] = resp.proposal

    def _do_addExternalSigner(self, i: int, step: Mapping[str, Any], actor: str) -> None:
        signer = _param(step, "signer")
        created = self._call(signer, "CreateExternalSigner", pb.CreateExternalSignerRequest(
            cipher_suite=self.suite, identity=signer.encode()))
        self.signer[signer] = created.signer_id
        self._proposal(i, actor, "AddExternalSigner", pb.AddExternalSignerRequest(
            state_id=self.state[actor], external_sender=created.external_sender))

    def _do_externalSignerProposal(self, i: int, step: Mapping[str, Any], actor: str) -> None:
        member = _param(step, "member")
        gi = self._call(member, "GroupInfo", pb.GroupInfoRequest(
            state_id=self.state[member], external_tree=True))
        description = self._description(_param(step, "description"))
        self._proposal(i, actor, "ExternalSignerProposal", pb.ExternalSignerProposalRequest(
            signer_id=self.signer[actor], group_info=gi.group_info,
            ratchet_tree=gi.ratchet_tree, description=description))

    # -- end of script ----------------------------------------------------------------

    def check_agreement(self) -> None:
        """Actors last seen in the same epoch agree on StateAuth and an exported secret."""
        by_epoch: dict[bytes, list[str]] = {}
        for actor, auth in self.auth.items():
            if actor in self.state:
                by_epoch.setdefault(auth, []).append(actor)
        for actors in by_epoch.values():
            seen: dict[tuple[bytes, bytes], str] = {}
            for actor in actors:
                sid = self.state[actor]
                auth = self._call(actor, "StateAuth", pb.StateAuthRequest(state_id=sid))
                exported = self._call(actor, "Export", pb.ExportRequest(
                    state_id=sid, label=EXPORT_LABEL, context=EXPORT_CONTEXT, key_length=32))
                seen[(auth.state_auth_secret, exported.exported_secret)] = actor
            if len(seen) > 1:
                names = sorted(f"{a} ({self.clients[a].name})" for a in seen.values())
                raise ScriptFailure("members of one epoch disagree on StateAuth or Export: "
                                    + ", ".join(names))

    def free(self) -> None:
        for actor, sid in self.state.items():
            with contextlib.suppress(grpc.RpcError):
                self.clients[actor].stub.Free(pb.FreeRequest(state_id=sid),
                                              timeout=RPC_TIMEOUT)

    def run(self, script: Sequence[Mapping[str, Any]]) -> tuple[int | None, str | None]:
        """Run every step, then the agreement check; (failed step, error) or (None, None)."""
        self.cache = [{} for _ in script]
        try:
            for i, step in enumerate(script):
                try:
                    self.step(i, step)
                except ScriptFailure as exc:
                    return i, str(exc)
                except (KeyError, TypeError, ValueError) as exc:
                    return i, f"malformed step: {type(exc).__name__}: {exc}"
            try:
                self.check_agreement()
            except ScriptFailure as exc:
                return len(script), str(exc)
            return None, None
        finally:
            self.free()


def run_script(config: str, name: str, script: Sequence[Mapping[str, Any]], suite: int,
               encrypt: bool, assignment: Mapping[str, Client], *,
               branch_camel_case: bool = False) -> RunResult:
    run = ScriptRun(suite, encrypt, assignment, branch_camel_case=branch_camel_case)
    failed, error = run.run(script)
    return RunResult(config, name, suite, encrypt,
                     tuple((a, c.name) for a, c in assignment.items()), failed, error)
