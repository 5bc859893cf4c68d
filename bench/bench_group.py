# SPDX-License-Identifier: Apache-2.0
"""Benchmarks of crypto.group: commits, Welcomes and messages at 2 to 1,024 members.

Prints, per group size: committer time to add one / remove one / update path only,
receiver time to process (stage + merge) that commit, these on a filled tree (every
parent keyed, the steady state once everyone has committed); ``path_adds_ms`` and
``receive_adds_ms``, the update-path commit and its processing on the tree as it really
is right after the commit that added everyone; commit and Welcome sizes,
join time, 1 KiB application encrypt + decrypt, the one commit that adds everyone
(``add_all_ms``, committer side), and restoring a stored state: ``restore_ms``
(``Group.from_bytes``), ``cold_tree_hash_ms`` (the first tree hash after it) and
``restore_commit_ms`` (from_bytes then an update-path commit, what a client that
keeps its groups in a store pays). Run:
``.venv/bin/python bench/bench_group.py [--cpu] [--add] [sizes...]`` (``--cpu``: process
CPU time instead of wall time, for a machine shared with other work; ``--add``: only the
cost of one commit adding N members, committer and receiver, default N = 1,024 and 4,096,
with the ratchet tree served apart, or in the Welcome with ``--in-band``;
``--welcome``: one joiner's Welcome size and join time with the ratchet tree in the
Welcome and served apart, default 1,024 members).
"""

from __future__ import annotations

import statistics
import sys
import time
from collections.abc import Callable

from crypto import messages as m
from crypto.group import Group, StagedCommit, make_key_package
from crypto.messages.key_package import KeyPackageBundle
from crypto.suites import get_suite

NOW = 1_800_000_000
SUITE = 3


def accept(credential: m.Credential, key: bytes) -> None:
    del credential, key


def bundle(name: str) -> KeyPackageBundle:
    sig, _pub = get_suite(SUITE).generate_signature_key_pair()
    return make_key_package(SUITE, m.Credential.basic(name.encode()), sig,
                            lifetime=(NOW - 10, NOW + 86400))


_clock: Callable[[], float] = time.perf_counter


def timeit(fn: Callable[[], object], reps: int) -> float:
    """Median milliseconds of ``reps`` calls."""
    out = []
    for _ in range(reps):
        t = _clock()
        fn()
        out.append((_clock() - t) * 1000)
    return statistics.median(out)


def build(n: int) -> tuple[Group, Group, float, float]:
    """A group of ``n`` members built by one commit; returns (creator, a receiver,
    setup s, ms of the commit that adds everyone)."""
    t0 = _clock()
    sig, _ = get_suite(SUITE).generate_signature_key_pair()
    a = Group.create(SUITE, b"bench-%d" % n, m.Credential.basic(b"m0"), sig,
                     credential_validator=accept)
    bundles = [bundle(f"m{i}") for i in range(1, n)]
    t1 = _clock()
    out = a.commit(add=[b.key_package for b in bundles])
    add_all = (_clock() - t1) * 1000
    a.merge_pending_commit()
    assert out.welcome is not None
    r = Group.join(out.welcome, bundles[-1], credential_validator=accept, now=NOW)
    # A receiver whose path is populated: the receiver commits once.
    out2 = r.commit()
    s = a.process(out2.message, now=NOW)
    assert isinstance(s, StagedCommit)
    a.merge_staged_commit(s)
    r.merge_pending_commit()
    return a, r, _clock() - t0, add_all


def fill_tree(a: Group, r: Group) -> None:
    """Give every parent node a key (a "full" tree, as after everyone committed once).

    One add-everyone commit leaves parent nodes blank or full of unmerged leaves, which
    is the worst case for path encryption, not the steady state DESIGN.md's target
    speaks of. Building the steady state honestly needs n/2 commits from n member
    states; instead this sets fresh parent keys directly in both states (benchmark
    only: it reaches into private state), keeping a and r consistent with each other.
    """
    from dataclasses import replace

    from crypto.messages import ParentNode
    from crypto.secret_bytes import Secret
    from crypto.tree import treemath as tm
    from crypto.tree.treekem import PrivateTreeState

    sa, sr = a._state, r._state
    suite = sa.suite
    tree = sa.tree.copy()
    keys: dict[int, bytes] = {}
    for x in range(1, tree.width, 2):
        sk, pk = suite.derive_key_pair(suite.hash(b"bench node %d" % x))
        keys[x] = sk
        tree._set(x, ParentNode(encryption_key=pk, parent_hash=b"", unmerged_leaves=[]))
    ctx = replace(sa.context, tree_hash=tree.tree_hash())
    for st in (sa, sr):
        me = 2 * st.own_leaf
        own = {me: st.private.keys[me]}
        own.update({x: Secret(keys[x]) for x in tm.direct_path(me, tree.n_leaves)})
        st.tree = tree
        st.context = ctx
        st.context_bytes = ctx.to_bytes()
        st.private = PrivateTreeState(st.own_leaf, own)


def path_commit(a: Group, r: Group, reps: int) -> tuple[float, float]:
    """Median ms of an update-path commit by ``a`` and of ``r`` staging and merging it,
    on the tree as the group left it: right after the commit that added everyone (and
    the receiver's one commit), parents blank or holding unmerged leaves, so the path
    is encrypted to far more nodes than on the filled tree (DESIGN.md's steady state).
    Each run starts from the same stored states, tree hashes warm."""
    a_bytes, r_bytes = a.to_bytes(), r.to_bytes()
    commit_ms: list[float] = []
    receive_ms: list[float] = []
    for _ in range(reps):
        g = Group.from_bytes(a_bytes, credential_validator=accept)
        x = Group.from_bytes(r_bytes, credential_validator=accept)
        g._state.tree.tree_hash()
        x._state.tree.tree_hash()
        t = _clock()
        out = g.commit()
        commit_ms.append((_clock() - t) * 1000)
        t = _clock()
        staged = x.process(out.message, now=NOW)
        assert isinstance(staged, StagedCommit)
        x.merge_staged_commit(staged)
        receive_ms.append((_clock() - t) * 1000)
    return statistics.median(commit_ms), statistics.median(receive_ms)


def clone(g: Group) -> Group:
    return Group.from_bytes(g.to_bytes(), credential_validator=accept)


def bench(n: int) -> dict[str, float]:
    a, r, setup, add_all = build(n)
    reps = 5 if n >= 512 else 15
    res: dict[str, float] = {"setup_s": setup, "add_all_ms": add_all}
    # Welcome and join on the honestly built tree (a joiner checks every parent hash).
    nb = bundle("joiner")
    out = clone(a).commit(add=[nb.key_package])
    assert out.welcome is not None
    welcome = out.welcome
    res["welcome_bytes"] = len(welcome)
    res["join_ms"] = timeit(lambda: Group.join(welcome, nb, credential_validator=accept,
                                               now=NOW), max(3, reps // 3))
    res["path_adds_ms"], res["receive_adds_ms"] = path_commit(a, r, max(3, reps // 3))
    if n > 2:
        fill_tree(a, r)
    a_bytes = a.to_bytes()

    def fresh() -> Group:
        # A long-lived client has its tree-hash cache warm; a state just loaded from
        # bytes pays one full tree hash on its first commit (reported separately).
        g = Group.from_bytes(a_bytes, credential_validator=accept)
        g._state.tree.tree_hash()
        return g

    # committer: update path only (empty commit), add one, remove one
    for name, kwargs in (("commit_path", {}), ("commit_add", "add"),
                         ("commit_remove", "remove")):
        groups = [fresh() for _ in range(reps)]
        kps = [bundle("new").key_package for _ in range(reps)]
        it = iter(range(reps))

        def op(groups: list[Group] = groups, kps: list[m.KeyPackage] = kps,
               kind: object = kwargs, it: object = it) -> object:
            assert hasattr(it, "__next__")
            i = next(it)
            if kind == "add":
                return groups[i].commit(add=[kps[i]])
            if kind == "remove":
                return groups[i].commit(remove=[1])
            return groups[i].commit()

        res[name + "_ms"] = timeit(op, reps)
    # receiver of an update-path commit; sizes
    g = fresh()
    out = g.commit()
    res["commit_bytes"] = len(out.message)
    r_bytes = r.to_bytes()
    receivers = [Group.from_bytes(r_bytes, credential_validator=accept) for _ in range(reps)]
    for x in receivers:
        x._state.tree.tree_hash()
    res["restore_ms"] = timeit(lambda: Group.from_bytes(r_bytes, credential_validator=accept),
                               3)
    restored = [Group.from_bytes(r_bytes, credential_validator=accept) for _ in range(3)]
    it_r = iter(restored)
    res["cold_tree_hash_ms"] = timeit(lambda: next(it_r)._state.tree.tree_hash(), 3)
    res["restore_commit_ms"] = timeit(
        lambda: Group.from_bytes(a_bytes, credential_validator=accept).commit(), 3)
    it2 = iter(receivers)

    def recv() -> object:
        x = next(it2)
        st = x.process(out.message, now=NOW)
        assert isinstance(st, StagedCommit)
        return x.merge_staged_commit(st)

    res["receive_ms"] = timeit(recv, reps)
    res["add_commit_bytes"] = len(fresh().commit(add=[bundle("x").key_package]).message)
    # application messages, 1 KiB
    data = bytes(1024)
    msgs: list[bytes] = []

    def enc() -> None:
        msgs.append(a.encrypt_application(data))

    res["app_encrypt_ms"] = timeit(enc, 200)
    it3 = iter(msgs)
    res["app_decrypt_ms"] = timeit(lambda: r.process(next(it3), now=NOW), 200)
    res["app_enc_dec_ms"] = res["app_encrypt_ms"] + res["app_decrypt_ms"]  # target <= 0.15
    return res


def bench_add(n: int, reps: int = 3, *, in_band: bool = False) -> dict[str, float]:
    """Adding ``n`` members in one commit to a two-member group: the committer's
    ``commit`` (``add_commit_ms``) and the other member's stage + merge of it
    (``add_receive_ms``), medians of ``reps`` runs; ``add_welcome_bytes``. The Welcome
    leaves the ratchet tree out (the relay serves it), as the client does for groups
    over ``EngineSettings.welcome_tree_max_members``; ``in_band`` puts it in."""
    commit_ms: list[float] = []
    receive_ms: list[float] = []
    size = 0
    for _ in range(reps):
        sig, _ = get_suite(SUITE).generate_signature_key_pair()
        a = Group.create(SUITE, b"add-%d" % n, m.Credential.basic(b"m0"), sig,
                         credential_validator=accept)
        b1 = bundle("m1")
        first = a.commit(add=[b1.key_package])
        a.merge_pending_commit()
        assert first.welcome is not None
        r = Group.join(first.welcome, b1, credential_validator=accept, now=NOW)
        kps = [bundle(f"x{i}").key_package for i in range(n)]
        t = _clock()
        out = a.commit(add=kps, ratchet_tree_in_welcome=in_band)
        commit_ms.append((_clock() - t) * 1000)
        assert out.welcome is not None
        size = len(out.welcome)
        t = _clock()
        staged = r.process(out.message, now=NOW)
        assert isinstance(staged, StagedCommit)
        r.merge_staged_commit(staged)
        receive_ms.append((_clock() - t) * 1000)
    return {"add_commit_ms": statistics.median(commit_ms),
            "add_receive_ms": statistics.median(receive_ms), "add_welcome_bytes": size}


def bench_welcome(n: int) -> dict[str, float]:
    """One joiner of an ``n``-member group (built by one add-everyone commit): the
    Welcome and join time with the ratchet tree in the Welcome, and without it (the
    joiner is given the tree as the relay serves it, checked against the tree hash)."""
    a, _r, _setup, _add_all = build(n)
    reps = 3
    res: dict[str, float] = {}
    for name, in_band in (("inband", True), ("oob", False)):
        c = clone(a)
        nb = bundle("joiner")
        out = c.commit(add=[nb.key_package], ratchet_tree_in_welcome=in_band)
        c.merge_pending_commit()
        assert out.welcome is not None
        welcome = out.welcome
        tree = None if in_band else c._state.tree.encode()
        res[f"welcome_{name}_bytes"] = len(welcome)
        res[f"join_{name}_ms"] = timeit(lambda w=welcome, b=nb, t=tree: Group.join(
            w, b, ratchet_tree=t, credential_validator=accept, now=NOW), reps)
        if tree is not None:
            res["tree_bytes"] = len(tree)
    return res


def main_welcome(sizes: list[int]) -> None:
    """``--welcome``: a joiner's Welcome and join with the tree in band and out of band."""
    cols = ["welcome_inband_bytes", "join_inband_ms", "welcome_oob_bytes", "tree_bytes",
            "join_oob_ms"]
    print("one joiner; join = Group.join (every leaf verified); oob: tree given apart")
    print("members " + " ".join(f"{c:>20}" for c in cols))
    for n in sizes:
        res = bench_welcome(n)
        print(f"{n:>7} " + " ".join(f"{res[c]:>20.1f}" if c.endswith("ms")
                                    else f"{int(res[c]):>20}" for c in cols), flush=True)


def main_add(sizes: list[int], *, in_band: bool = False) -> None:
    """``--add``: the cost of one commit adding N members, and its ratio to the first size."""
    where = "in the Welcome" if in_band else "served apart (the client's way past 32 members)"
    print(f"adding N members in one commit; ratchet tree {where}; medians of 3; "
          "ratio = cost / cost at the first N")
    print(f"{'N':>6} {'commit_ms':>10} {'receive_ms':>10} {'welcome_B':>10} "
          f"{'commit_x':>8} {'receive_x':>9}")
    base: dict[str, float] | None = None
    for n in sizes:
        res = bench_add(n, in_band=in_band)
        base = base or res
        print(f"{n:>6} {res['add_commit_ms']:>10.1f} {res['add_receive_ms']:>10.1f} "
              f"{int(res['add_welcome_bytes']):>10} "
              f"{res['add_commit_ms'] / base['add_commit_ms']:>8.2f} "
              f"{res['add_receive_ms'] / base['add_receive_ms']:>9.2f}", flush=True)


def main() -> None:
    global _clock
    args = sys.argv[1:]
    if "--cpu" in args:  # process CPU time: steadier than wall time on a shared machine
        args.remove("--cpu")
        _clock = time.process_time
    if "--welcome" in args:
        args.remove("--welcome")
        main_welcome([int(x) for x in args] or [1024])
        return
    if "--add" in args:
        args.remove("--add")
        in_band = "--in-band" in args
        if in_band:
            args.remove("--in-band")
        main_add([int(x) for x in args] or [1024, 4096], in_band=in_band)
        return
    sizes = [int(x) for x in args] or [2, 16, 128, 1024]
    cols = ["setup_s", "add_all_ms", "commit_path_ms", "commit_add_ms", "commit_remove_ms",
            "receive_ms", "path_adds_ms", "receive_adds_ms", "commit_bytes", "add_commit_bytes",
            "welcome_bytes", "join_ms",
            "app_encrypt_ms", "app_decrypt_ms", "app_enc_dec_ms", "restore_ms", "cold_tree_hash_ms",
            "restore_commit_ms"]
    clock = "CPU" if _clock is time.process_time else "wall"
    print(f"suite 0x{SUITE:04x}; medians of {clock} time; receive = stage + merge of an "
          "update-path commit")
    print("members " + " ".join(f"{c:>16}" for c in cols))
    build(2)  # warm-up: first-use costs (imports, caches) stay out of the figures
    for n in sizes:
        res = bench(n)
        print(f"{n:>7} " + " ".join(f"{res[c]:>16.3f}" if c.endswith(("ms", "_s"))
                                    else f"{int(res[c]):>16}" for c in cols), flush=True)


if __name__ == "__main__":
    main()
