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

if [ -z "${DDI:-}" ]; then
  if [ "${SKIP_BUILD:-0}" != 1 ]; then
    echo "== swift build -c release --scratch-path .build-release --product ddi"
    swift build -c release --scratch-path .build-release --product ddi
  fi
  DDI="$(swift build -c release --scratch-path .build-release --show-bin-path)/ddi"
fi
[ -x "$DDI" ] || { echo "bench-plan: no ddi binary at $DDI" >&2; exit 2; }

if [ ! -f "$REF/ddi.yaml" ] || [ "$HERE/generate_reference.py" -nt "$REF/ddi.yaml" ] \
   || [ "$HERE/lib/names.py" -nt "$REF/ddi.yaml" ]; then
  echo "== generating the reference inventory in $REF"
  "$PYTHON" "$HERE/generate_reference.py" "$REF"
fi
if [ ! -f "$SNAPSHOT/phone-numbers.json" ] || [ "$HERE/generate_snapshot.py" -nt "$SNAPSHOT/phone-numbers.json" ] \
   || [ "$REF/ddi.yaml" -nt "$SNAPSHOT/phone-numbers.json" ]; then
  echo "== generating the snapshot in $SNAPSHOT"
  "$PYTHON" "$HERE/generate_snapshot.py" "$REF" "$SNAPSHOT"
fi
echo

exec "$PYTHON" "$HERE/lib/bench_plan.py" --ddi "$DDI" --ref "$REF" --snapshot "$SNAPSHOT" --runs "$RUNS" --today "$TODAY"
