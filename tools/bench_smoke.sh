#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Every benchmark once, bounded (small counts, a timeout each), as CI runs them after the
# tests: a benchmark that no longer runs fails here, and CI's output keeps the figures.
# The figures docs/ quotes come from the full runs (see docs/benchmarks.md), not these.
# Not here: bench_synapse.py (installs Synapse from PyPI into a venv of its own).
set -euo pipefail
cd "$(dirname "$0")/.."
source tools/_venv.sh
export QT_QPA_PLATFORM="${QT_QPA_PLATFORM:-offscreen}"
export CORRIDOR_TEST_POSTGRES="${CORRIDOR_TEST_POSTGRES:-postgresql://postgres@127.0.0.1:5432/test}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

run() {
    local seconds=$1
    shift
    echo "== bench: $*"
    local t0=$SECONDS
    timeout "$seconds" python "$@"
    echo "   ($((SECONDS - t0)) s)"
}

run 300 bench/bench_crypto.py --quick
run 300 bench/bench_group.py --cpu 2 16 128
run 300 bench/bench_group.py --cpu --add 128 512
run 300 bench/bench_group.py --welcome 128
run 300 bench/bench_certs.py
run 300 bench/bench_state.py
run 300 bench/bench_transparency.py --entries 10000 --durable 1000
run 300 bench/bench_features.py --messages 5000
run 600 bench/bench_relay.py --quick --members 128 --fanout-devices 100
run 300 bench/bench_client.py --messages 1000 --latency-rounds 200
run 300 bench/bench_catchup_replay.py --state "$work/replay" --messages 1000 --trials 2 --desks
run 300 bench/bench_ui.py --messages 1000
if [ -n "${CORRIDOR_MLSPP_CLIENT:-}" ]; then
    run 600 bench/bench_peer.py --members 100 --reps 1 --messages 20 --budget 300
fi
run 600 bench/fault_run.py --short --seed 31
echo "bench smoke: every benchmark ran"
