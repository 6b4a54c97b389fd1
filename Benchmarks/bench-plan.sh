#!/usr/bin/env bash
# Benchmark `ddi plan` on the reference inventory of the README's Performance section against a 100,000-record
# Teams JSON snapshot of the same tenant. Budget (README, Performance): at most 2.0 s. See Benchmarks/README.md.
#
#   Benchmarks/bench-plan.sh              # 5 runs
#   RUNS=10 Benchmarks/bench-plan.sh
#
# Environment:
#   RUNS        timed runs (default 5)
#   REF         reference inventory directory (default Benchmarks/work/reference)
#   SNAPSHOT    snapshot directory (default Benchmarks/work/snapshot)
#   DDI         use this ddi binary instead of building one
#   SKIP_BUILD  1: do not run swift build (uses .build-release/release/ddi or DDI)
#   PYTHON      python3 to use (needs phonenumbers==9.0.43 for the reference generator)
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(dirname "$HERE")"
RUNS="${RUNS:-5}"
REF="${REF:-$HERE/work/reference}"
SNAPSHOT="${SNAPSHOT:-$HERE/work/snapshot}"
PYTHON="${PYTHON:-python3}"
TODAY=2026-11-27

cd "$ROOT"

. "$HERE/lib/prepare.sh"
find_ddi
ensure_reference
ensure_snapshot
echo

exec "$PYTHON" "$HERE/lib/bench_plan.py" --ddi "$DDI" --ref "$REF" --snapshot "$SNAPSHOT" --runs "$RUNS" --today "$TODAY"
