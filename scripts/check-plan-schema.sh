#!/usr/bin/env bash
# Checks schema/plan.schema.json with check-jsonschema:
#   0. the schema is a valid draft 2020-12 schema;
#   1. `ddi plan --format json` of every example with a live snapshot (examples/*/live/), and the
#      plan --out saves (the same JSON plus a checksum), validate against it;
#   2. the golden plans (examples/*/expected-plan.json) validate against it.
# Usage: scripts/check-plan-schema.sh [DDI]   (DDI: the ddi binary; default .build/debug/ddi)
# Exits 0 when everything validates, 1 otherwise. Runs from any working directory.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
DDI=${1:-${DDI:-.build/debug/ddi}}
PYTHON=${PYTHON:-python3}
SCHEMA=schema/plan.schema.json
TODAY=2026-11-27

[ -x "$DDI" ] || { echo "check-plan-schema: no ddi binary at $DDI (build it, or pass its path)" >&2; exit 2; }
if ! command -v check-jsonschema >/dev/null 2>&1; then
    echo "check-jsonschema not found; installing it with pip" >&2
    "$PYTHON" -m pip install --quiet check-jsonschema >&2
    hash -r
fi
CHECK=(check-jsonschema)
command -v check-jsonschema >/dev/null 2>&1 || CHECK=("$PYTHON" -m check_jsonschema)

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0

echo "== $SCHEMA is a valid JSON Schema (draft 2020-12)"
if "${CHECK[@]}" --check-metaschema "$SCHEMA" >"$work/meta.txt" 2>&1; then
    echo "   ok"
else
    sed 's/^/   /' "$work/meta.txt"; failures=$((failures + 1))
fi

echo "== plans of the examples validate"
plans=()
for root in examples/*/; do
    root=${root%/}
    [ -f "$root/ddi.yaml" ] && [ -d "$root/live" ] || continue
    name=$(basename "$root")
    status=0
    "$DDI" plan -C "$root" --today "$TODAY" --format json --out "$work/$name-out.json" >"$work/$name.json" 2>"$work/$name.err" || status=$?
    if [ "$status" -gt 2 ]; then
        echo "   FAIL ddi plan -C $root exited $status:"; sed 's/^/        /' "$work/$name.err"; failures=$((failures + 1)); continue
    fi
    # --out saves the same plan plus a top-level "checksum" member (keys sorted, so after "actions")
    sed '/^  "checksum" : /d' "$work/$name-out.json" | cmp -s "$work/$name.json" - \
        || { echo "   FAIL $root: --out is not the --format json plan plus its checksum"; failures=$((failures + 1)); }
    plans+=("$work/$name.json" "$work/$name-out.json")
    [ -f "$root/expected-plan.json" ] && plans+=("$root/expected-plan.json")
done
[ "${#plans[@]}" -gt 0 ] || { echo "   FAIL no example with a live/ snapshot"; failures=$((failures + 1)); }
if [ "${#plans[@]}" -gt 0 ]; then
    if "${CHECK[@]}" --schemafile "$SCHEMA" "${plans[@]}" >"$work/check.txt" 2>&1; then
        for plan in "${plans[@]}"; do echo "   ok   ${plan#"$work/"}"; done
    else
        sed 's/^/   /' "$work/check.txt"; failures=$((failures + 1))
    fi
fi

echo
if [ "$failures" -eq 0 ]; then
    echo "plan schema check passed: ${#plans[@]} plan(s) valid"
else
    echo "plan schema check FAILED: $failures problem(s)"
    exit 1
fi
