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

. "$HERE/lib/prepare.sh"
find_ddi
ensure_reference
case ",$ROWS," in *,plan,*) ensure_snapshot;; esac
case ",$ROWS," in *,history,*|*,audit,*|*,report,*) ensure_history;; esac

exec "$PYTHON" "$HERE/lib/bench_table.py" --ddi "$DDI" ${DDI_BEFORE:+--ddi-before "$DDI_BEFORE"} \
  --ref "$REF" --snapshot "$SNAPSHOT" --repo "$REPO" --contoso "$ROOT/examples/contoso" \
  --runs "${RUNS:-5}" --cold-runs "${COLD_RUNS:-3}" --baseline-runs "${BASELINE_RUNS:-3}" --blame "${BLAME:-1}" --rows "$ROWS"
