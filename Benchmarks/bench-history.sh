#!/usr/bin/env bash
# Benchmark `ddi history`, `ddi audit` and `ddi report`, cold and warm, on a 10,000-commit history of
# the reference inventory against git (git log -L, git blame): the history, audit and report rows of
# bench-table.sh. See Benchmarks/README.md.
#
#   Benchmarks/bench-history.sh                                        # 3 cold runs, 5 warm
#   DDI_BEFORE=/tmp/ddi-main BLAME=0 COMMITS=2000 REPO=/tmp/h2000 Benchmarks/bench-history.sh
#
# Environment: as bench-table.sh (RUNS, COLD_RUNS, BASELINE_RUNS, BLAME, COMMITS, REPO, DDI,
# DDI_BEFORE, SKIP_BUILD); ROWS may narrow it to some of history,audit,report.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROWS="${ROWS:-history,audit,report}" exec "$HERE/bench-table.sh"
