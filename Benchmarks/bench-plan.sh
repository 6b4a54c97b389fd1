#!/usr/bin/env bash
# Benchmark `ddi plan` on the reference inventory against its 100,000-record Teams snapshot and the
# Python baseline: the `plan` row of bench-table.sh. See Benchmarks/README.md.
#
#   Benchmarks/bench-plan.sh              # 5 runs
#   RUNS=10 DDI_BEFORE=/path/to/ddi Benchmarks/bench-plan.sh
#
# Environment: as bench-table.sh (RUNS, BASELINE_RUNS, DDI, DDI_BEFORE, SKIP_BUILD, REF, SNAPSHOT).
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROWS=plan exec "$HERE/bench-table.sh"
