#!/usr/bin/env bash
# Benchmark `ddi history` and `ddi audit` on a 10,000-commit history of the reference inventory
# against git (README, Performance). See Benchmarks/README.md.
#
#   Benchmarks/bench-history.sh               # 3 runs of each ddi row, 1 of each git baseline
#   RUNS=5 GIT_RUNS=1 Benchmarks/bench-history.sh
#   DDI_BEFORE=/tmp/ddi-main BLAME=0 COMMITS=2000 Benchmarks/bench-history.sh   # before/after, same run
#
# Environment:
#   RUNS        timed runs of each ddi row: history, audit, report, cold and warm (default 3)
#   GIT_RUNS    timed runs of `git log -L` and `git log -S` (default 1; ~25 s each on 10,000 commits)
#   DDI_BEFORE  a second ddi binary timed in the same run, interleaved (its answers must be the same)
#   ROWS        which ddi rows (default history,audit,report)
#   BLAME       0: skip `git blame` of every inventory file (about 4 minutes)
#   COMMITS     commits to generate (default 10000)
#   REPO        history repository (default Benchmarks/work/history)
#   DDI         use this ddi binary instead of building one
#   SKIP_BUILD  1: do not run swift build (uses .build-release/release/ddi or DDI)
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(dirname "$HERE")"
REF="${REF:-$HERE/work/reference}"
REPO="${REPO:-$HERE/work/history}"
PYTHON="${PYTHON:-python3}"
cd "$ROOT"

. "$HERE/lib/prepare.sh"
find_ddi
ensure_reference
ensure_history

exec "$PYTHON" "$HERE/lib/bench_history.py" --ddi "$DDI" ${DDI_BEFORE:+--ddi-before "$DDI_BEFORE"} --repo "$REPO" \
  --runs "${RUNS:-3}" --git-runs "${GIT_RUNS:-1}" --blame "${BLAME:-1}" --rows "${ROWS:-history,audit,report}"
