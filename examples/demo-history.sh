#!/usr/bin/env bash
# Builds a git repository holding the Contoso inventory (examples/contoso) with a year of history:
# dated commits by several people, allocations, offboardings, reservations, reviews, a handover, a
# block split, a file split, a rename and a merged branch. Its last commit is examples/contoso exactly.
# Every change is committed with `ddi commit`, so plain `git log --oneline` reads as the assignment
# history and each message carries `Number:` trailers; the words given with -m are the "why". Dates,
# names and emails are fixed, so the same ddi builds the same commits.
#
#   examples/demo-history.sh [DIR]      # default: a new temporary directory; prints the path
#   DDI=/path/to/ddi examples/demo-history.sh     # the ddi to commit with (default: ddi on PATH,
#                                                 # else .build/release/ddi or .build/debug/ddi)
#
# Then, for example (every ddi command also takes -C DIR instead of the cd):
#   cd DIR && ddi history +4533121048
#   cd DIR && ddi diff HEAD~3 HEAD --format markdown
#   cd DIR && ddi audit --today 2026-11-27
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
SOURCE="$HERE/contoso"
DIR="${1:-$(mktemp -d "${TMPDIR:-/tmp}/ddi-demo.XXXXXX")}"
[ -f "$SOURCE/ddi.yaml" ] || { echo "demo-history: $SOURCE/ddi.yaml not found" >&2; exit 2; }
if [ -e "$DIR/.git" ]; then echo "demo-history: $DIR is already a git repository" >&2; exit 2; fi
mkdir -p "$DIR"
DIR="$(cd "$DIR" && pwd)"
PYTHON="${PYTHON:-python3}"
# The ddi to commit with: $DDI, else ddi on PATH, else the one built in this checkout.
if [ -z "${DDI:-}" ]; then
  DDI="$(command -v ddi 2>/dev/null || true)"
  for built in "$HERE/../.build/release/ddi" "$HERE/../.build/debug/ddi"; do
    if [ -z "$DDI" ] && [ -x "$built" ]; then DDI="$built"; fi
  done
fi
[ -n "$DDI" ] && command -v "$DDI" > /dev/null || { echo "demo-history: ddi not found: put it on PATH, build it (swift build), or set DDI=/path/to/ddi" >&2; exit 2; }

# The year before 2026-11-27, one person at a time; the time of day varies, the same way every run.
COMMITS=0
commit() { # DATE "NAME <EMAIL>" WHY
  COMMITS=$((COMMITS + 1))
  local date="$1T$(printf '%02d' $((9 + COMMITS * 5 % 8))):$(printf '%02d' $((COMMITS * 23 % 60))):00+01:00"
  local name="${2% <*}" email="${2#*<}"
  email="${email%>}"
  git -C "$DIR" add -A
  GIT_AUTHOR_DATE="$date" GIT_COMMITTER_DATE="$date" \
  GIT_AUTHOR_NAME="$name" GIT_AUTHOR_EMAIL="$email" GIT_COMMITTER_NAME="$name" GIT_COMMITTER_EMAIL="$email" \
    "$DDI" commit -C "$DIR" -m "$3" > /dev/null
}
merge() { # DATE "NAME <EMAIL>" BRANCH MESSAGE
  local date="$1T16:30:00+01:00" name="${2% <*}" email="${2#*<}"
  email="${email%>}"
  GIT_AUTHOR_DATE="$date" GIT_COMMITTER_DATE="$date" \
  GIT_AUTHOR_NAME="$name" GIT_AUTHOR_EMAIL="$email" GIT_COMMITTER_NAME="$name" GIT_COMMITTER_EMAIL="$email" \
    git -C "$DIR" merge -q --no-ff -m "$4" "$3" > /dev/null
}
# edit FILE OLD NEW [COUNT]: replace exact text (COUNT times, default once) or fail loudly.
edit() {
  "$PYTHON" - "$DIR/$1" "$2" "$3" "${4:-1}" <<'PY'
import sys
path, old, new, count = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
text = open(path, encoding="utf-8").read()
found = text.count(old)
if found != count:
    sys.exit("demo-history: %s: expected %d x %r, found %d" % (path, count, old, found))
open(path, "w", encoding="utf-8").write(text.replace(old, new))
PY
}
entry() { # FILE NUMBER: print the entry of NUMBER in FILE (its lines up to the next item)
  "$PYTHON" - "$DIR/$1" "$2" <<'PY'
import sys
lines = open(sys.argv[1], encoding="utf-8").read().split("\n")
start = next(i for i, l in enumerate(lines) if l.strip() in ('- number: "%s"' % sys.argv[2], "- block: %s" % sys.argv[2]))
end = start + 1
while end < len(lines) and lines[end].startswith("    "):
    end += 1
print("\n".join(lines[start:end]))
PY
}

METTE="Mette Lund <mette.lund@contoso.com>"        # voice administrator, IT Operations
JONAS="Jonas Berg <jonas.berg@contoso.com>"        # IT Operations
OLE="Ole Hansen <ole.hansen@contoso.com>"          # HR onboarding and offboarding
SARA="Sara Nyström <sara.nystrom@contoso.com>"     # Stockholm office manager
BOT="ddi-bot <ddi-bot@contoso.com>"                # HR automation (ddi allocate / ddi offboard)

git init -q -b main "$DIR"
cp -R "$SOURCE/." "$DIR/"
rm -rf "$DIR/live"
# The example's expected plans name the commit they were made at: not part of the inventory, and
# they would change the demo's commit ids whenever the goldens are regenerated.
rm -f "$DIR"/expected-plan.*
printf '.ddi/cache/\n' > "$DIR/.gitignore"

# --- The state a year ago: undo, newest first, what the commits below will do ----------------------
IDA="$(entry departments/sales.yaml +4533121047)"
ANDERS="$(entry departments/finance-hr.yaml +4533121074)"
RESERVE99="$(entry sites/copenhagen.yaml +4533121099)"
edit departments/finance-hr.yaml "$ANDERS
" ""
edit departments/sales.yaml '  - number: "+46850551043"
    status: quarantine
    since: 2026-11-10
    note: released when gustav.ahlberg@contoso.com left' '  - number: "+46850551043"
    status: assigned
    kind: user
    assigned_to: gustav.ahlberg@contoso.com
    owner: gustav.ahlberg@contoso.com
    department: Sales
    license: Teams Phone Standard
    tags: [sales]
    reviewed: 2026-05-18'
edit departments/sales.yaml '  - number: "+4533121048"
    status: quarantine
    since: 2026-10-16
    note: released when rikke.moller@contoso.com left; old business cards still in circulation' '  - number: "+4533121048"
    status: assigned
    kind: user
    assigned_to: rikke.moller@contoso.com
    owner: rikke.moller@contoso.com
    department: Sales
    license: Teams Phone Standard
    tags: [sales]
    reviewed: 2025-09-29'
edit departments/sales.yaml "reviewed: 2026-10-02" "reviewed: 2025-10-01" 6
edit sites/copenhagen.yaml "$RESERVE99
" ""
edit departments/sales.yaml "$(printf '%s' "$IDA" | sed 's/reviewed: 2026-10-02/reviewed: 2025-10-01/')
" ""
edit departments/sales.yaml "assigned_to: mads.kristensen@contoso.com
    owner: mads.kristensen@contoso.com" "assigned_to: lars.winther@contoso.com
    owner: lars.winther@contoso.com"
edit sites/copenhagen.yaml "  - block: +4533121100..+4533121149" "  - block: +4533121100..+4533121199"
edit departments/sales.yaml "reviewed: 2026-05-18" "reviewed: 2025-05-12" 4
edit departments/it.yaml "reviewed: 2026-04-22" "reviewed: 2025-04-15" 5
mv "$DIR/sites/copenhagen.yaml" "$DIR/sites/cph.yaml"
edit departments/finance-hr.yaml "reviewed: 2026-02-11" "reviewed: 2025-02-03" 3
# Finance and HR lived in management.yaml until the file was split.
FINANCE_ITEMS="$(sed -n '/^numbers:/,$p' "$DIR/departments/finance-hr.yaml" | tail -n +2)"
printf '%s\n' "$FINANCE_ITEMS" >> "$DIR/departments/management.yaml"
FINANCE_FILE="$(cat "$DIR/departments/finance-hr.yaml")"
rm "$DIR/departments/finance-hr.yaml"

commit 2025-11-28 "$METTE" "Import Contoso's numbers from the telephony spreadsheet"

# --- A year of changes -------------------------------------------------------------------------------
"$PYTHON" - "$DIR/departments/management.yaml" "$FINANCE_ITEMS" <<'PY'
import sys
path, items = sys.argv[1], sys.argv[2]
text = open(path, encoding="utf-8").read()
open(path, "w", encoding="utf-8").write(text.replace(items + "\n", ""))
PY
printf '%s\n' "$FINANCE_FILE" > "$DIR/departments/finance-hr.yaml"
commit 2026-01-20 "$METTE" "Split Finance and HR out of management.yaml"

edit departments/finance-hr.yaml "reviewed: 2025-02-03" "reviewed: 2026-02-11" 3
commit 2026-02-11 "$OLE" "Annual review of Finance and HR numbers"

git -C "$DIR" mv sites/cph.yaml sites/copenhagen.yaml
commit 2026-03-02 "$JONAS" "Rename sites/cph.yaml to sites/copenhagen.yaml"

edit departments/it.yaml "reviewed: 2025-04-15" "reviewed: 2026-04-22" 5
commit 2026-04-22 "$JONAS" "Review IT numbers (ISO 27001 access review Q2)"

edit departments/sales.yaml "reviewed: 2025-05-12" "reviewed: 2026-05-18" 4
commit 2026-05-18 "$SARA" "Review Swedish sales numbers"

edit sites/copenhagen.yaml "  - block: +4533121100..+4533121199" "  - block: +4533121100..+4533121149"
edit sites/copenhagen.yaml "    note: Keep together so the team gets one contiguous block for the letterhead
" "    note: Keep together so the team gets one contiguous block for the letterhead
  - block: +4533121150..+4533121199
    status: reserved
    until: 2026-09-30
    reason: Aarhus sales team (may not move)
    owner: facilities@contoso.com
"
commit 2026-06-01 "$METTE" "Split the Legal reservation: Aarhus sales may need the upper half"

edit departments/sales.yaml "assigned_to: lars.winther@contoso.com
    owner: lars.winther@contoso.com" "assigned_to: mads.kristensen@contoso.com
    owner: mads.kristensen@contoso.com"
commit 2026-06-15 "$JONAS" "Give Lars' key-account number to Mads (Novo and Maersk know it)"

edit departments/sales.yaml '  - number: "+4533121048"' "$(printf '%s' "$IDA" | sed 's/reviewed: 2026-10-02/reviewed: 2026-08-11/')
  - number: \"+4533121048\""
commit 2026-08-11 "$BOT" "HR case 2026-0388: Ida Poulsen starts in Sales Denmark"

edit sites/copenhagen.yaml "  - block: +4533121150..+4533121199
    status: reserved
    until: 2026-09-30
    reason: Aarhus sales team (may not move)
    owner: facilities@contoso.com
" ""
edit sites/copenhagen.yaml "  - block: +4533121100..+4533121149" "$RESERVE99
  - block: +4533121100..+4533121149"
commit 2026-09-02 "$METTE" "Reserve +4533121099 for the new Head of Marketing; release +4533121150..199"

# Offboarding on a branch, reviewed in a pull request, while the Sales review lands on main.
git -C "$DIR" checkout -q -b offboarding/rikke.moller
edit departments/sales.yaml '    assigned_to: rikke.moller@contoso.com
    owner: rikke.moller@contoso.com
    department: Sales
    license: Teams Phone Standard
    tags: [sales]
    reviewed: 2025-09-29' '    note: released when rikke.moller@contoso.com left; old business cards still in circulation'
edit departments/sales.yaml '  - number: "+4533121048"
    status: assigned
    kind: user
    note: released' '  - number: "+4533121048"
    status: quarantine
    since: 2026-10-16
    note: released'
commit 2026-10-16 "$BOT" "Offboard rikke.moller@contoso.com (HR case 2026-0412, left on 2026-10-15)"
git -C "$DIR" checkout -q main
edit departments/sales.yaml "reviewed: 2025-10-01" "reviewed: 2026-10-02" 5
edit departments/sales.yaml "reviewed: 2026-08-11" "reviewed: 2026-10-02"
commit 2026-10-02 "$JONAS" "Quarterly review of Sales Denmark"
merge 2026-10-19 "$METTE" offboarding/rikke.moller "Merge pull request #41 from offboarding/rikke.moller"
git -C "$DIR" branch -q -d offboarding/rikke.moller

edit departments/sales.yaml '  - number: "+46850551043"
    status: assigned
    kind: user
    assigned_to: gustav.ahlberg@contoso.com
    owner: gustav.ahlberg@contoso.com
    department: Sales
    license: Teams Phone Standard
    tags: [sales]
    reviewed: 2026-05-18' '  - number: "+46850551043"
    status: quarantine
    since: 2026-11-10
    note: released when gustav.ahlberg@contoso.com left'
commit 2026-11-10 "$BOT" "Offboard gustav.ahlberg@contoso.com (HR case 2026-0433, left on 2026-11-09)"

printf '%s\n' "$ANDERS" | "$PYTHON" -c '
import sys
path = sys.argv[1]
text = open(path, encoding="utf-8").read()
open(path, "w", encoding="utf-8").write(text.rstrip("\n") + "\n" + sys.stdin.read())
' "$DIR/departments/finance-hr.yaml"
commit 2026-11-18 "$BOT" "HR case 2026-0451: Anders Gram starts in Finance"

# The last commit is examples/contoso, file for file.
if ! diff -r -x .git -x .gitignore -x live -x .ddi -x "expected-plan.*" "$SOURCE" "$DIR" > /dev/null; then
  echo "demo-history: warning: the last commit differs from examples/contoso:" >&2
  diff -r -x .git -x .gitignore -x live -x .ddi -x "expected-plan.*" "$SOURCE" "$DIR" >&2 || true
fi
echo "$DIR"
