#!/usr/bin/env bash
# Opens `ddi report --format html` in headless Chromium and checks that the page reads whole:
#   - at 1280 px wide: no horizontal scrollbar (the root's scrollWidth is not above its clientWidth),
#     no table, chart or card reaching past the window, and both charts drawn (an SVG with bars or
#     a line, at a visible size);
#   - with the print stylesheet applied, at the printable width of an A4 landscape page (1032 px):
#     the same;
#   - a screenshot at 1280 px and a PDF print are written, for a person to look at.
# The page is the demo history's report (examples/demo-history.sh), so both charts have data. The
# check adds a small script to a copy of the page; the report itself never contains one.
#
#   scripts/check-report-chromium.sh [DDI] [OUT]
#     DDI  the ddi binary (default: swift build --show-bin-path)/ddi)
#     OUT  where the screenshot, PDF and page go (default: a new temporary directory)
#   DDI_REPORT_PAGE=FILE scripts/check-report-chromium.sh   checks an existing page instead (no ddi needed)
#
# Without Chromium (chromium, chromium-browser or google-chrome on PATH) the check is skipped with a
# message, unless CI is set: then it fails (install it with `apt-get install -y chromium`).
set -euo pipefail
cd "$(dirname "$0")/.."

BROWSER=""
for candidate in chromium chromium-browser google-chrome; do
  if command -v "$candidate" > /dev/null 2>&1; then BROWSER="$candidate"; break; fi
done
if [ -z "$BROWSER" ]; then
  if [ -n "${CI:-}" ]; then
    echo "check-report-chromium: Chromium is not installed (apt-get install -y chromium) and CI is set" >&2
    exit 1
  fi
  echo "check-report-chromium: skipped: Chromium is not installed (apt-get install -y chromium to run it)"
  exit 0
fi

OUT="${2:-$(mktemp -d "${TMPDIR:-/tmp}/ddi-report-check.XXXXXX")}"
mkdir -p "$OUT"
OUT="$(cd "$OUT" && pwd)"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/ddi-report-work.XXXXXX")"
trap 'rm -rf "$WORK"' EXIT

if [ -n "${DDI_REPORT_PAGE:-}" ]; then
  cp "$DDI_REPORT_PAGE" "$OUT/report.html"
else
  DDI="${1:-$(swift build --show-bin-path)/ddi}"
  [ -x "$DDI" ] || { echo "check-report-chromium: $DDI is not an executable ddi (swift build --product ddi)" >&2; exit 2; }
  DEMO="$(DDI="$DDI" examples/demo-history.sh "$WORK/demo")"
  "$DDI" report -C "$DEMO" --format html --today 2026-11-27 --output "$OUT/report.html"
fi

# The measuring script: with #print, every rule of the print stylesheet is applied on screen first.
python3 - "$OUT/report.html" "$WORK/check.html" <<'PY'
import sys
page = open(sys.argv[1], encoding="utf-8").read()
probe = """<script>
(function () {
  if (location.hash === "#print") {
    var css = "";
    for (var sheet of document.styleSheets) for (var rule of sheet.cssRules)
      if (rule.media && rule.media.mediaText.indexOf("print") >= 0) for (var inner of rule.cssRules) css += inner.cssText + "\\n";
    var style = document.createElement("style");
    style.textContent = css;
    document.head.appendChild(style);
  }
  var root = document.documentElement;
  var past = Array.from(document.querySelectorAll("table, svg, .card, section"))
    .filter(function (e) { return e.getBoundingClientRect().right > root.clientWidth + 0.5; })
    .map(function (e) { return e.tagName.toLowerCase() + (e.className && e.className.baseVal !== undefined ? "." + e.className.baseVal : e.className ? "." + e.className : ""); });
  var charts = Array.from(document.querySelectorAll("svg.chart")).filter(function (s) {
    var box = s.getBoundingClientRect();
    return box.width > 200 && box.height > 50 && s.querySelector("rect, path") !== null;
  });
  var result = document.createElement("pre");
  result.id = "ddi-check";
  result.textContent = "DDI-CHECK scrollWidth=" + root.scrollWidth + " clientWidth=" + root.clientWidth +
    " charts=" + charts.length + " past=[" + past.join(",") + "] END";
  document.body.appendChild(result);
})();
</script>
"""
if "</body>" not in page:
    sys.exit("check-report-chromium: the report has no </body>")
open(sys.argv[2], "w", encoding="utf-8").write(page.replace("</body>", probe + "</body>", 1))
PY

run_browser() { # run_browser ARGS...: headless, no profile of the user's, bounded in time
  timeout 120 "$BROWSER" --headless --no-sandbox --disable-gpu --disable-dev-shm-usage --no-first-run \
    --user-data-dir="$WORK/profile" "$@" 2> "$WORK/browser.log"
}

failures=0
check() { # check WIDTH HASH LABEL
  local dom result
  dom="$(run_browser --window-size="$1,900" --virtual-time-budget=3000 --dump-dom "file://$WORK/check.html$2" || true)"
  result="$(printf '%s' "$dom" | grep -o 'DDI-CHECK [^<]* END' || true)"
  if [ -z "$result" ]; then
    echo "check-report-chromium: $3: the page did not report (browser log below)" >&2
    cat "$WORK/browser.log" >&2
    failures=$((failures + 1))
    return
  fi
  local scroll client charts past
  scroll="$(sed -n 's/.*scrollWidth=\([0-9]*\).*/\1/p' <<< "$result")"
  client="$(sed -n 's/.*clientWidth=\([0-9]*\).*/\1/p' <<< "$result")"
  charts="$(sed -n 's/.*charts=\([0-9]*\).*/\1/p' <<< "$result")"
  past="$(sed -n 's/.*past=\[\([^]]*\)\].*/\1/p' <<< "$result")"
  local problems=()
  [ "$scroll" -le "$client" ] || problems+=("horizontal scrollbar: the page is $scroll px wide in a $client px window")
  [ -z "$past" ] || problems+=("reaching past the window: $past")
  [ "$charts" -eq 2 ] || problems+=("$charts of 2 charts drawn")
  if ((${#problems[@]})); then
    printf 'check-report-chromium: %s: %s\n' "$3" "${problems[@]}" >&2
    failures=$((failures + 1))
  else
    echo "check-report-chromium: $3: ok (page $scroll px in $client px, $charts charts)"
  fi
}

check 1280 "" "screen at 1280 px"
check 1032 "#print" "print stylesheet at A4 landscape width (1032 px)"

run_browser --window-size=1280,2600 --hide-scrollbars=false --screenshot="$OUT/report-1280.png" "file://$OUT/report.html" || true
run_browser --no-pdf-header-footer --print-to-pdf="$OUT/report.pdf" "file://$OUT/report.html" || true
for artefact in report-1280.png report.pdf; do
  if [ ! -s "$OUT/$artefact" ]; then
    echo "check-report-chromium: $artefact was not written (browser log below)" >&2
    cat "$WORK/browser.log" >&2
    failures=$((failures + 1))
  fi
done
echo "check-report-chromium: screenshot $OUT/report-1280.png, print $OUT/report.pdf"
exit $((failures > 0))
