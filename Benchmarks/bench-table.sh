#!/usr/bin/env bash
# Every row of the README's performance table (issue 15), each against its baseline in the same run:
# validate (vs PyYAML CSafeLoader), contoso validate, plan (vs CSafeLoader + json.load), history cold
# (vs git log -L) and second query, audit cold (vs git blame) and warm, report cold and warm.
# See Benchmarks/README.md.
#
#   Benchmarks/bench-table.sh                                  # build, generate what is missing, run all rows
#   DDI_BEFORE=/tmp/ddi-main SKIP_BUILD=1 Benchmarks/bench-table.sh   # a second ddi in the same run
#   ROWS=validate,contoso,plan RUNS=7 Benchmarks/bench-table.sh
#
# Environment:
#   RUNS        timed runs of the fast rows (default 5; contoso at least 11)
#   COLD_RUNS   timed runs of the cold history/audit/report rows (default 3)
#   BASELINE_RUNS  timed runs of each baseline (default 3; PyYAML and git blame take minutes)
#   ROWS        subset of validate,contoso,plan,history,audit,report (default all)
#   BLAME       0: no `git blame` baseline for audit (minutes on 10,000 commits)
#   DDI_BEFORE  a second ddi binary timed in the same run (its answers must be the same)
#   REF, SNAPSHOT, REPO, COMMITS   data locations (default Benchmarks/work/...; 10,000 commits)
#   DDI         use this ddi binary instead of building one; SKIP_BUILD=1 reuses .build-release
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(dirname "$HERE")"
REF="${REF:-$HERE/work/reference}"
SNAPSHOT="${SNAPSHOT:-$HERE/work/snapshot}"
REPO="${REPO:-$HERE/work/history}"
ROWS="${ROWS:-validate,contoso,plan,history,audit,report}"
PYTHON="${PYTHON:-python3}"
cd "$ROOT"

if [ -z "${DDI:-}" ]; then
  if [ "${SKIP_BUILD:-0}" != 1 ]; then
    echo "== swift build -c release --scratch-path .build-release --product ddi"
    swift build -c release --scratch-path .build-release --product ddi
  fi
  DDI="$(swift build -c release --scratch-path .build-release --show-bin-path)/ddi"
fi
[ -x "$DDI" ] || { echo "bench-table: no ddi binary at $DDI" >&2; exit 2; }

if [ ! -f "$REF/ddi.yaml" ]; then
  echo "== generating the reference inventory in $REF"
  "$PYTHON" "$HERE/generate_reference.py" "$REF"
fi
case ",$ROWS," in *,plan,*)
  if [ ! -f "$SNAPSHOT/phone-numbers.json" ]; then
    echo "== generating the snapshot in $SNAPSHOT"
    "$PYTHON" "$HERE/generate_snapshot.py" "$REF" "$SNAPSHOT"
  fi;;
esac
case ",$ROWS," in *,history,*|*,audit,*|*,report,*)
  if [ ! -f "$REPO/.git/ddi-bench.json" ] || [ "$HERE/generate_history.py" -nt "$REPO/.git/ddi-bench.json" ]; then
    echo "== generating ${COMMITS:-10000} commits in $REPO (git fast-import; several minutes)"
    "$PYTHON" "$HERE/generate_history.py" "$REPO" --reference "$REF" --commits "${COMMITS:-10000}"
  fi;;
esac

exec "$PYTHON" "$HERE/lib/bench_table.py" --ddi "$DDI" ${DDI_BEFORE:+--ddi-before "$DDI_BEFORE"} \
  --ref "$REF" --snapshot "$SNAPSHOT" --repo "$REPO" --contoso "$ROOT/examples/contoso" \
  --runs "${RUNS:-5}" --cold-runs "${COLD_RUNS:-3}" --baseline-runs "${BASELINE_RUNS:-3}" --blame "${BLAME:-1}" --rows "$ROWS"
