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

if [ -z "${DDI:-}" ]; then
  if [ "${SKIP_BUILD:-0}" != 1 ]; then
    echo "== swift build -c release --scratch-path .build-release --product ddi"
    swift build -c release --scratch-path .build-release --product ddi
  fi
  DDI="$(swift build -c release --scratch-path .build-release --show-bin-path)/ddi"
fi
[ -x "$DDI" ] || { echo "bench-history: no ddi binary at $DDI" >&2; exit 2; }

if [ ! -f "$REF/ddi.yaml" ]; then
  echo "== generating the reference inventory in $REF"
  "$PYTHON" "$HERE/generate_reference.py" "$REF"
fi
if [ ! -f "$REPO/.git/ddi-bench.json" ] || [ "$HERE/generate_history.py" -nt "$REPO/.git/ddi-bench.json" ]; then
  echo "== generating ${COMMITS:-10000} commits in $REPO (git fast-import; several minutes)"
  "$PYTHON" "$HERE/generate_history.py" "$REPO" --reference "$REF" --commits "${COMMITS:-10000}"
fi

exec "$PYTHON" "$HERE/lib/bench_history.py" --ddi "$DDI" ${DDI_BEFORE:+--ddi-before "$DDI_BEFORE"} --repo "$REPO" \
  --runs "${RUNS:-3}" --git-runs "${GIT_RUNS:-1}" --blame "${BLAME:-1}" --rows "${ROWS:-history,audit,report}"
