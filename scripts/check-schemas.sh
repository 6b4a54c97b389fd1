#!/usr/bin/env bash
# Checks the JSON Schemas in schema/ with check-jsonschema:
#   0. schema/ddi.schema.json and schema/inventory.schema.json are valid draft 2020-12 schemas;
#   1. every example inventory under examples/*/ passes (ddi.yaml against ddi.schema.json, every
#      other *.yaml / *.yml outside hidden directories, .ddi/ and live/ against inventory.schema.json),
#      except the deliberately invalid examples/broken/ (and examples/broken-*/);
#   2. every fixture under Tests/Fixtures/schema-invalid/ FAILS (*.ddi.yaml against ddi.schema.json,
#      *.inventory.yaml against inventory.schema.json), for a reason the summary shows.
# Exits 0 when every result is the expected one, 1 otherwise. Runs from any working directory.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

PYTHON=${PYTHON:-python3}
if ! command -v check-jsonschema >/dev/null 2>&1; then
    echo "check-jsonschema not found; installing it with pip" >&2
    "$PYTHON" -m pip install --quiet check-jsonschema >&2
    hash -r
fi
CHECK=(check-jsonschema)
command -v check-jsonschema >/dev/null 2>&1 || CHECK=("$PYTHON" -m check_jsonschema)

DDI_SCHEMA=schema/ddi.schema.json
INVENTORY_SCHEMA=schema/inventory.schema.json
failures=0
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Runs check-jsonschema on a batch of files and prints one line per file:
#   pass FILE   or   fail FILE<TAB>first error
# (one process per batch: check-jsonschema starts slowly, and the fixtures are many).
check_batch() {
    local schema=$1; shift
    [ $# -gt 0 ] || return 0
    "${CHECK[@]}" --output-format JSON --schemafile "$schema" "$@" >"$work/out.json" 2>"$work/err.txt" || true
    "$PYTHON" - "$work/out.json" "$work/err.txt" "$@" <<'PY'
import json, sys
out, err, files = sys.argv[1], sys.argv[2], sys.argv[3:]
try:
    report = json.load(open(out))
except ValueError:
    sys.stderr.write(open(err).read())
    for name in files:
        print(f"fail\t{name}\tcheck-jsonschema produced no report")
    sys.exit(0)
reasons = {}
for error in report.get("errors", []):
    deep = error.get("best_deep_match") or {}
    path = deep.get("path", error.get("path", "$"))
    message = deep.get("message", error.get("message", ""))
    if len(message) > 140:
        message = message[:137] + "..."
    reasons.setdefault(error["filename"], f"{path}: {message}")
for error in report.get("parse_errors", []):
    reasons.setdefault(error.get("filename", "?"), "cannot parse: " + error.get("message", error.get("type", "")))
for name in files:
    if name in reasons:
        print(f"fail\t{name}\t{reasons[name]}")
    else:
        print(f"pass\t{name}")
PY
}

echo "== schemas are valid JSON Schema (draft 2020-12)"
for schema in "$DDI_SCHEMA" "$INVENTORY_SCHEMA"; do
    if "${CHECK[@]}" --check-metaschema "$schema" >"$work/meta.txt" 2>&1; then
        echo "   ok   $schema"
    else
        echo "   FAIL $schema is not a valid 2020-12 schema:"; sed 's/^/        /' "$work/meta.txt"
        failures=$((failures + 1))
    fi
done

echo "== examples must pass"
example_count=0
for root in examples/*/; do
    [ -f "$root/ddi.yaml" ] || continue
    root=${root%/}
    case "${root##*/}" in
        broken|broken-*) echo "   skip $root/ (deliberately invalid example)"; continue ;;
    esac
    # the snapshot directory: `live:` in ddi.yaml, and any directory named live/
    live=$(sed -n 's/^live:[[:space:]]*\([^#[:space:]]*\).*/\1/p' "$root/ddi.yaml" | tr -d "\"'" | sed 's:/*$::')
    files=()
    while IFS= read -r -d '' file; do files+=("$file"); done < <(
        find "$root" \( -name '.*' -o -name live ${live:+-o -path "$root/$live"} \) -prune -o \
            -type f \( -name '*.yaml' -o -name '*.yml' \) ! -path "$root/ddi.yaml" -print0 | sort -z)
    while IFS=$'\t' read -r result file reason; do
        example_count=$((example_count + 1))
        if [ "$result" = pass ]; then echo "   ok   $file"
        else echo "   FAIL $file (expected to pass): $reason"; failures=$((failures + 1)); fi
    done < <(check_batch "$DDI_SCHEMA" "$root/ddi.yaml"; check_batch "$INVENTORY_SCHEMA" "${files[@]}")
done
[ "$example_count" -gt 0 ] || { echo "   FAIL no example inventories found under examples/*/"; failures=$((failures + 1)); }

echo "== invalid fixtures must fail"
fixture_count=0
ddi_fixtures=(); inventory_fixtures=()
for file in Tests/Fixtures/schema-invalid/*; do
    [ -f "$file" ] || continue
    case "$file" in
        *.ddi.yaml|*.ddi.yml) ddi_fixtures+=("$file") ;;
        *.inventory.yaml|*.inventory.yml) inventory_fixtures+=("$file") ;;
        *) echo "   FAIL $file: name it *.ddi.yaml or *.inventory.yaml"; failures=$((failures + 1)) ;;
    esac
done
while IFS=$'\t' read -r result file reason; do
    fixture_count=$((fixture_count + 1))
    if [ "$result" = fail ]; then echo "   ok   $file -> $reason"
    else echo "   FAIL $file (expected to fail, but the schema accepts it)"; failures=$((failures + 1)); fi
done < <(check_batch "$DDI_SCHEMA" "${ddi_fixtures[@]}"; check_batch "$INVENTORY_SCHEMA" "${inventory_fixtures[@]}")
[ "$fixture_count" -gt 0 ] || { echo "   FAIL no fixtures in Tests/Fixtures/schema-invalid/"; failures=$((failures + 1)); }

echo
if [ "$failures" -eq 0 ]; then
    echo "schema check passed: $example_count example file(s) valid, $fixture_count invalid fixture(s) rejected"
else
    echo "schema check FAILED: $failures unexpected result(s)"
    exit 1
fi
