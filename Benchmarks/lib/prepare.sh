# Shared by the Benchmarks/bench-*.sh scripts (sourced, after HERE, ROOT and PYTHON are set): the ddi
# binary to time, and the benchmark data, generated when missing or older than its generator.

# Sets DDI: the given binary, else the release build (built first unless SKIP_BUILD=1).
find_ddi() {
  if [ -z "${DDI:-}" ]; then
    if [ "${SKIP_BUILD:-0}" != 1 ]; then
      # Static Swift runtime and Foundation, as the README builds it: dynamic linking is most of a small
      # validate's start-up (needs libcurl4-openssl-dev).
      echo "== swift build -c release --static-swift-stdlib --scratch-path .build-release --product ddi"
      (cd "$ROOT" && swift build -c release --static-swift-stdlib --scratch-path .build-release --product ddi)
    fi
    DDI="$(cd "$ROOT" && swift build -c release --static-swift-stdlib --scratch-path .build-release --show-bin-path)/ddi"
  fi
  [ -x "$DDI" ] || { echo "$(basename "$0"): no ddi binary at $DDI" >&2; exit 2; }
}

ensure_reference() {  # REF
  if [ ! -f "$REF/ddi.yaml" ] || [ "$HERE/generate_reference.py" -nt "$REF/ddi.yaml" ] \
     || [ "$HERE/lib/names.py" -nt "$REF/ddi.yaml" ]; then
    echo "== generating the reference inventory in $REF"
    "$PYTHON" "$HERE/generate_reference.py" "$REF"
  fi
}

ensure_snapshot() {  # SNAPSHOT of REF
  if [ ! -f "$SNAPSHOT/phone-numbers.json" ] || [ "$HERE/generate_snapshot.py" -nt "$SNAPSHOT/phone-numbers.json" ] \
     || [ "$REF/ddi.yaml" -nt "$SNAPSHOT/phone-numbers.json" ]; then
    echo "== generating the snapshot in $SNAPSHOT"
    "$PYTHON" "$HERE/generate_snapshot.py" "$REF" "$SNAPSHOT"
  fi
}

ensure_history() {  # REPO: COMMITS commits (default 10,000) over REF
  if [ ! -f "$REPO/.git/ddi-bench.json" ] || [ "$HERE/generate_history.py" -nt "$REPO/.git/ddi-bench.json" ]; then
    echo "== generating ${COMMITS:-10000} commits in $REPO (git fast-import; several minutes)"
    "$PYTHON" "$HERE/generate_history.py" "$REPO" --reference "$REF" --commits "${COMMITS:-10000}"
  fi
}
