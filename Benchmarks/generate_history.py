#!/usr/bin/env python3
"""Generate a git history over the reference inventory, for the history and audit benchmarks.

    python3 Benchmarks/generate_history.py [OUTDIR] [--reference DIR] [--commits N] [--seed N]

OUTDIR (default Benchmarks/work/history) becomes a git repository whose HEAD (branch main) holds the
reference inventory after N commits (default 10,000) spread over the year before 2026-11-27, by
eight authors. It is written with `git fast-import` (one process, deltas against the previous version
of each file), then the work tree is checked out.

The first commit adds the reference inventory as generated. Every later commit edits one file the way
people do: a review date (40%), an owner (10%), an offboarding into quarantine (15%), an allocation of a
quarantined or free number (15%), a reservation (12%), a block split (3%), a number moved to another
file (5%). Every 250 commits a side branch of three commits is merged back (a merge commit with two
parents), and twice a file is renamed.

One number is "tracked": it changes about 20 times (reviews, offboarding, re-allocation, a move to
another file and back). It is printed at the end and written to OUTDIR/.git/ddi-bench.json with the
commit count, so the benchmark can time `ddi history` and `git log -S` on it.
"""

import argparse
import datetime as dt
import json
import os
import random
import re
import shutil
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
TODAY = dt.datetime(2026, 11, 27, 17, 0, 0)
AUTHORS = [
    ("Mette Lund", "mette.lund@contoso.com", "+0100"),
    ("Jonas Berg", "jonas.berg@contoso.com", "+0100"),
    ("Sara Nyström", "sara.nystrom@contoso.com", "+0100"),
    ("Ole Hansen", "ole.hansen@contoso.com", "+0100"),
    ("Priya Shah", "priya.shah@contoso.com", "+0000"),
    ("Tom Becker", "tom.becker@contoso.com", "+0100"),
    ("Lena Koch", "lena.koch@contoso.com", "+0100"),
    ("ddi-bot", "ddi-bot@contoso.com", "+0000"),
]
FIRST = ["anna", "peter", "mads", "ida", "karl", "eva", "nils", "sofia", "lars", "maja", "emil", "lea"]
LAST = ["jensen", "holm", "berg", "lund", "koch", "nyberg", "dahl", "moller", "strand", "vik"]


class File:
    """An inventory file as head lines, number items (each a list of lines) and tail lines."""

    def __init__(self, path, text):
        self.path = path
        lines = text.split("\n")
        if lines and lines[-1] == "":
            lines.pop()
        start = lines.index("numbers:") + 1
        end = next((i for i in range(start, len(lines)) if lines[i] and not lines[i].startswith(" ")), len(lines))
        self.head = lines[:start]
        self.tail = lines[end:]
        self.items = []
        for line in lines[start:end]:
            if line.startswith("  - "):
                self.items.append([line])
            elif self.items:
                self.items[-1].append(line)
            else:
                self.head.append(line)

    def render(self):
        out = list(self.head)
        for item in self.items:
            out.extend(item)
        out.extend(self.tail)
        return ("\n".join(out) + "\n").encode("utf-8")


def field(item, key):
    for line in item:
        m = re.match(r"\s+-?\s*%s: (.*)$" % key, line)
        if m:
            return m.group(1).strip().strip('"')
    return None


def number_line(item):
    return item[0]


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("outdir", nargs="?", default=os.path.join(HERE, "work", "history"))
    ap.add_argument("--reference", default=os.path.join(HERE, "work", "reference"))
    ap.add_argument("--commits", type=int, default=10_000)
    ap.add_argument("--seed", type=int, default=20261127)
    args = ap.parse_args()
    rng = random.Random(args.seed)

    if not os.path.isfile(os.path.join(args.reference, "ddi.yaml")):
        sys.exit("generate_history.py: no reference inventory in %s (run generate_reference.py first)" % args.reference)
    paths = []
    for directory, _, names in os.walk(args.reference):
        for name in names:
            if name.endswith(".yaml") and name != "ddi.yaml":
                paths.append(os.path.relpath(os.path.join(directory, name), args.reference))
    paths.sort()
    files = {p: File(p, open(os.path.join(args.reference, p), encoding="utf-8").read()) for p in paths}
    config = open(os.path.join(args.reference, "ddi.yaml"), "rb").read()

    if os.path.exists(args.outdir):
        shutil.rmtree(args.outdir)
    os.makedirs(args.outdir)
    subprocess.run(["git", "init", "-q", "-b", "main", args.outdir], check=True)
    fi = subprocess.Popen(["git", "fast-import", "--quiet", "--depth=50"], cwd=args.outdir, stdin=subprocess.PIPE)
    out = fi.stdin

    # the tracked number: an assigned user in the first file
    first = files[paths[0]]
    tracked_index = next(i for i, it in enumerate(first.items) if field(it, "status") == "assigned" and field(it, "kind") == "user")
    tracked = field(first.items[tracked_index], "number")
    tracked_home = paths[0]
    tracked_file = [paths[0]]
    plan_every = max(1, args.commits // 20)

    start = TODAY - dt.timedelta(days=365)
    step = dt.timedelta(days=365) / max(1, args.commits)
    mark = [0]
    counters = {"merges": 0, "renames": 0, "splits": 0, "moves": 0, "tracked_changes": 0}

    def write_commit(branch, when, author, message, changes, parents):
        mark[0] += 1
        name, email, tz = author
        stamp = "%d %s" % (int(when.replace(tzinfo=dt.timezone.utc).timestamp()), tz)
        out.write(("commit refs/heads/%s\nmark :%d\n" % (branch, mark[0])).encode())
        out.write(("author %s <%s> %s\ncommitter %s <%s> %s\n" % (name, email, stamp, name, email, stamp)).encode())
        msg = message.encode("utf-8")
        out.write(b"data %d\n" % len(msg) + msg + b"\n")
        if parents:
            out.write(("from :%d\n" % parents[0]).encode())
            for p in parents[1:]:
                out.write(("merge :%d\n" % p).encode())
        for kind, path, data in changes:
            if kind == "M":
                out.write(("M 100644 inline %s\n" % path).encode())
                out.write(b"data %d\n" % len(data) + data + b"\n")
            else:
                out.write(("D %s\n" % path).encode())
        out.write(b"\n")
        return mark[0]

    # commit 1: the whole reference inventory
    changes = [("M", "ddi.yaml", config), ("M", ".gitignore", b".ddi/cache/\n")]
    changes += [("M", p, files[p].render()) for p in paths]
    head = write_commit("main", start, AUTHORS[0], "Import the number inventory from the old spreadsheet", changes, [])

    def person():
        return "%s.%s%d@contoso.com" % (rng.choice(FIRST), rng.choice(LAST), rng.randint(1, 999))

    def pick(f, pred):
        # random probes first: scanning every item of a 2,500-item file each commit is slow
        for _ in range(300):
            i = rng.randrange(len(f.items))
            if pred(f.items[i]):
                return i
        candidates = [i for i, it in enumerate(f.items) if pred(it)]
        return rng.choice(candidates) if candidates else None

    def edit(f, when, tracked_only=False):
        """Apply one random edit to f; returns a commit message, or None."""
        day = when.date().isoformat()
        r = rng.random()
        if r < 0.40:
            i = pick(f, lambda it: field(it, "status") == "assigned" and field(it, "reviewed"))
            if i is None:
                return None
            f.items[i] = [("    reviewed: %s" % day) if l.strip().startswith("reviewed:") else l for l in f.items[i]]
            return "Review %s" % field(f.items[i], "number")
        if r < 0.50:
            i = pick(f, lambda it: field(it, "status") == "assigned" and field(it, "owner"))
            if i is None:
                return None
            owner = person()
            f.items[i] = [("    owner: %s" % owner) if l.strip().startswith("owner:") else l for l in f.items[i]]
            return "Owner of %s is now %s" % (field(f.items[i], "number"), owner)
        if r < 0.65:
            i = pick(f, lambda it: field(it, "status") == "assigned" and field(it, "kind") == "user")
            if i is None:
                return None
            who = field(f.items[i], "assigned_to")
            f.items[i] = [number_line(f.items[i]), "    status: quarantine", "    since: %s" % day,
                          "    note: released when %s left" % who]
            return "Offboard %s" % who
        if r < 0.80:
            i = pick(f, lambda it: field(it, "status") in ("quarantine", "free") and "number:" in it[0])
            if i is None:
                return None
            who = person()
            f.items[i] = [number_line(f.items[i]), "    status: assigned", "    kind: user", "    assigned_to: %s" % who,
                          "    owner: %s" % who, "    department: Sales", "    license: Teams Phone Standard",
                          "    reviewed: %s" % day]
            return "Allocate %s to %s" % (field(f.items[i], "number"), who)
        if r < 0.92:
            i = pick(f, lambda it: field(it, "status") in ("quarantine", "free") and "number:" in it[0])
            if i is None:
                return None
            until = (when + dt.timedelta(days=90)).date().isoformat()
            f.items[i] = [number_line(f.items[i]), "    status: reserved", "    until: %s" % until,
                          "    reason: New starter (HR case %d)" % rng.randint(1000, 9999), "    owner: HR"]
            return "Reserve %s for a new starter" % field(f.items[i], "number")
        if r < 0.95:
            i = pick(f, lambda it: "block:" in it[0] and field(it, "status") in ("reserved", "free", "retired"))
            if i is None:
                return None
            m = re.search(r"\+(\d+)\.\.\+(\d+)", f.items[i][0])
            a, b = int(m.group(1)), int(m.group(2))
            if b - a < 3:
                return None
            cut = rng.randint(a + 1, b - 1)
            rest = f.items[i][1:]
            first_half = ["  - block: +%d..+%d" % (a, cut - 1)] + rest
            second_half = ["  - block: +%d..+%d" % (cut, b)] + rest
            f.items[i:i + 1] = [first_half, second_half]
            counters["splits"] += 1
            return "Split block +%d..+%d" % (a, b)
        return "move"

    side_files = set()
    next_merge = 250
    i = 1
    while i < args.commits:
        when = start + step * i
        author = AUTHORS[rng.randrange(len(AUTHORS))]
        # the tracked number changes every plan_every commits
        if i % plan_every == 0:
            f = files[tracked_file[0]]
            idx = next(k for k, it in enumerate(f.items) if field(it, "number") == tracked)
            step_no = i // plan_every
            day = when.date().isoformat()
            if step_no % 7 == 3:
                # move to another file and back later
                item = f.items.pop(idx)
                target = paths[(paths.index(tracked_file[0]) + 1) % len(paths)] if tracked_file[0] == tracked_home else tracked_home
                files[target].items.append(item)
                msg = "Move %s to %s" % (tracked, target)
                changes = [("M", tracked_file[0], f.render()), ("M", target, files[target].render())]
                tracked_file[0] = target
            elif step_no % 7 == 5:
                who = field(f.items[idx], "assigned_to") or "someone"
                f.items[idx] = [f.items[idx][0], "    status: quarantine", "    since: %s" % day, "    note: released when %s left" % who]
                msg = "Offboard %s" % who
                changes = [("M", tracked_file[0], f.render())]
            elif step_no % 7 == 6 or field(f.items[idx], "status") != "assigned":
                who = person()
                f.items[idx] = [f.items[idx][0], "    status: assigned", "    kind: user", "    assigned_to: %s" % who,
                                "    owner: %s" % who, "    department: Sales", "    license: Teams Phone Standard", "    reviewed: %s" % day]
                msg = "Allocate %s to %s" % (tracked, who)
                changes = [("M", tracked_file[0], f.render())]
            else:
                f.items[idx] = [("    reviewed: %s" % day) if l.strip().startswith("reviewed:") else l for l in f.items[idx]]
                msg = "Review %s" % tracked
                changes = [("M", tracked_file[0], f.render())]
            counters["tracked_changes"] += 1
            head = write_commit("main", when, author, msg, changes, [head])
            i += 1
            continue
        # a side branch of three commits on one file, merged back, once per 250 commits (the first
        # commit free of the tracked number's steps: a plain `i % 250 == 0` fell on them whenever
        # commits/20 divides 250, and no merge was made)
        if i >= next_merge and i + 4 < args.commits:
            next_merge += 250
            path = rng.choice([p for p in paths if p not in tracked_file])
            f = files[path]
            side = head
            for k in range(3):
                msg = None
                while msg is None or msg == "move":
                    msg = edit(f, when + dt.timedelta(minutes=k))
                side = write_commit("side", when + dt.timedelta(minutes=k), AUTHORS[(k + 3) % len(AUTHORS)], msg, [("M", path, f.render())], [side])
            # main moves on meanwhile, in another file
            other = rng.choice([p for p in paths if p != path and p not in tracked_file])
            msg = None
            while msg is None or msg == "move":
                msg = edit(files[other], when + dt.timedelta(minutes=5))
            head = write_commit("main", when + dt.timedelta(minutes=5), author, msg, [("M", other, files[other].render())], [head])
            head = write_commit("main", when + dt.timedelta(minutes=10), AUTHORS[0], "Merge branch 'side' (%s)" % path,
                                [("M", path, f.render())], [head, side])
            counters["merges"] += 1
            i += 5
            continue
        # a rename, twice in the history
        if i in (args.commits // 3, 2 * args.commits // 3):
            path = rng.choice([p for p in paths if p not in tracked_file])
            new_path = path.replace(".yaml", "-site.yaml")
            f = files.pop(path)
            f.path = new_path
            files[new_path] = f
            paths[paths.index(path)] = new_path
            head = write_commit("main", when, author, "Rename %s to %s" % (path, new_path), [("D", path, None), ("M", new_path, f.render())], [head])
            counters["renames"] += 1
            i += 1
            continue
        path = rng.choice([p for p in paths if p not in tracked_file])
        f = files[path]
        msg = edit(f, when)
        if msg is None:
            continue
        if msg == "move":
            k = pick(f, lambda it: field(it, "status") == "assigned")
            if k is None:
                continue
            target = rng.choice([p for p in paths if p != path and p not in tracked_file])
            item = f.items.pop(k)
            files[target].items.append(item)
            head = write_commit("main", when, author, "Move %s to %s" % (field(item, "number"), target),
                                [("M", path, f.render()), ("M", target, files[target].render())], [head])
            counters["moves"] += 1
        else:
            head = write_commit("main", when, author, msg, [("M", path, f.render())], [head])
        i += 1

    out.write(b"done\n")
    out.close()
    if fi.wait() != 0:
        sys.exit("generate_history.py: git fast-import failed")
    if counters["merges"]:
        subprocess.run(["git", "-C", args.outdir, "branch", "-q", "-D", "side"], check=True)
    subprocess.run(["git", "-C", args.outdir, "checkout", "-q", "-f", "main"], check=True)
    count = int(subprocess.run(["git", "-C", args.outdir, "rev-list", "--count", "HEAD"], capture_output=True, text=True, check=True).stdout)
    info = {"tracked": tracked, "commits": count, **counters}
    with open(os.path.join(args.outdir, ".git", "ddi-bench.json"), "w") as fh:
        json.dump(info, fh)
    print(json.dumps(info))


if __name__ == "__main__":
    main()
