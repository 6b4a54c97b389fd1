#!/usr/bin/env bash
# Benchmark `ddi validate` on the reference inventory of the README's Performance section against the
# Python/PyYAML baseline. See Benchmarks/README.md.
#
#   Benchmarks/bench-validate.sh              # 5 runs each
#   RUNS=10 PY_RUNS=3 Benchmarks/bench-validate.sh
#
# Environment:
#   RUNS        timed runs of ddi and of the CSafeLoader baseline (default 5)
#   PY_RUNS     timed runs of the pure-Python safe_load baseline (default RUNS; ~70 s each)
#   REF         reference inventory directory (default Benchmarks/work/reference)
#   DDI         use this ddi binary instead of building one
#   SKIP_BUILD  1: do not run swift build (uses .build-release/release/ddi or DDI)
#   PYTHON      python3 to use (needs PyYAML and phonenumbers==9.0.43)
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(dirname "$HERE")"
RUNS="${RUNS:-5}"
PY_RUNS="${PY_RUNS:-$RUNS}"
REF="${REF:-$HERE/work/reference}"
PYTHON="${PYTHON:-python3}"
TODAY=2026-11-27

cd "$ROOT"

"$PYTHON" -c 'import yaml' 2>/dev/null || { echo "bench-validate: needs PyYAML: pip install pyyaml" >&2; exit 2; }
"$PYTHON" -c 'import phonenumbers' 2>/dev/null || {
  echo "bench-validate: needs phonenumbers: pip install phonenumbers==9.0.43" >&2; exit 2; }
if [ ! -x /usr/bin/time ]; then
  echo "bench-validate: note: /usr/bin/time not found (apt-get install time); peak RSS falls back to os.wait4" >&2
fi

. "$HERE/lib/prepare.sh"
find_ddi
ensure_reference
echo

exec "$PYTHON" "$HERE/lib/bench_validate.py" --ddi "$DDI" --ref "$REF" --runs "$RUNS" --py-runs "$PY_RUNS" \
  --today "$TODAY" --python "$PYTHON"
