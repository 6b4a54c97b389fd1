#!/usr/bin/env python3
"""The Python/PyYAML baseline of the README's Performance section for `ddi validate`.

    python3 Benchmarks/baseline_validate.py INVENTORY_DIR [--loader py|c]

Loads ddi.yaml and every inventory file (*.yaml / *.yml below the root, skipping
hidden directories, .ddi/ and the `live:` directory) with PyYAML, expands the
`number` / `block` entries, and checks duplicates: a number declared twice and
blocks overlapping other blocks or numbers (one interval sort), plus
overlapping ranges. It prints counts. Nothing more: no other rule, no
locations, no libphonenumber. That is the work `ddi validate` must beat by
10x while doing all of its rules.

--loader py (default) uses yaml.safe_load (pure Python SafeLoader);
--loader c uses yaml.CSafeLoader (libyaml) and fails if PyYAML lacks it.
Exit status: 0 no duplicates, 1 duplicates found, 2 usage/load error.
"""

import argparse
import os
import sys

import yaml


def inventory_files(root, live_dir):
    out = []
    for d, dirs, files in os.walk(root):
        dirs[:] = sorted(x for x in dirs if not x.startswith(".")
                         and os.path.normpath(os.path.join(d, x)) != live_dir)
        for f in sorted(files):
            if (f.endswith(".yaml") or f.endswith(".yml")) and not f.startswith("."):
                p = os.path.join(d, f)
                if os.path.normpath(p) != os.path.normpath(os.path.join(root, "ddi.yaml")):
                    out.append(p)
    return out


def parse_num(s):
    """'+4533121000' -> (digit count, value); the ;ext= part is kept apart."""
    s = str(s)
    ext = ""
    if ";ext=" in s:
        s, ext = s.split(";ext=", 1)
    digits = s.lstrip("+")
    return (len(digits), int(digits)), ext


def parse_span(s):
    a, b = str(s).split("..", 1)
    (la, va), _ = parse_num(a)
    (lb, vb), _ = parse_num(b)
    return la, va, vb


def main():
    ap = argparse.ArgumentParser(description="PyYAML baseline: load the inventory and check duplicates")
    ap.add_argument("root")
    ap.add_argument("--loader", choices=["py", "c"], default="py")
    args = ap.parse_args()
    if args.loader == "c":
        if not getattr(yaml, "__with_libyaml__", False):
            sys.exit("baseline_validate.py: PyYAML was built without libyaml (no CSafeLoader)")
        load = lambda f: yaml.load(f, Loader=yaml.CSafeLoader)  # noqa: E731
    else:
        load = yaml.safe_load

    root = os.path.abspath(args.root)
    with open(os.path.join(root, "ddi.yaml"), "rb") as f:
        config = load(f) or {}
    live = config.get("live")
    live_dir = os.path.normpath(os.path.join(root, live)) if live else None

    singles = {}      # (len, value, ext) -> first place
    intervals = []    # (len, lo, hi, place)
    ranges = []       # (len, lo, hi, id)
    dups = 0
    n_entries = 0
    files = inventory_files(root, live_dir)
    for path in files:
        with open(path, "rb") as f:
            doc = load(f) or {}
        rel = os.path.relpath(path, root)
        for i, r in enumerate(doc.get("ranges") or []):
            ln, lo, hi = parse_span(r["block"])
            ranges.append((ln, lo, hi, r.get("id")))
        for i, e in enumerate(doc.get("numbers") or []):
            n_entries += 1
            place = (rel, i)
            if "number" in e:
                (ln, v), ext = parse_num(e["number"])
                key = (ln, v, ext)
                if key in singles:
                    dups += 1
                else:
                    singles[key] = place
            elif "block" in e:
                ln, lo, hi = parse_span(e["block"])
                intervals.append((ln, lo, hi, place))
        # routing entries are loaded but not checked
    n_blocks = len(intervals)

    # overlaps (block/block, block/number): one sort by (length, start), then compare each
    # interval with the furthest end seen so far
    intervals.extend((ln, v, v, place) for (ln, v, ext), place in singles.items() if not ext)
    intervals.sort(key=lambda t: (t[0], t[1]))
    overlaps = 0
    cur_len, cur_hi = None, None
    for ln, lo, hi, _ in intervals:
        if ln == cur_len and lo <= cur_hi:
            overlaps += 1
            cur_hi = max(cur_hi, hi)
        else:
            cur_len, cur_hi = ln, hi
    range_overlaps = 0
    ranges.sort(key=lambda t: (t[0], t[1]))
    for a, b in zip(ranges, ranges[1:]):
        if a[0] == b[0] and b[1] <= a[2]:
            range_overlaps += 1

    print("files=%d entries=%d numbers=%d blocks=%d ranges=%d duplicates=%d overlaps=%d range_overlaps=%d" % (
        len(files), n_entries, len(singles), n_blocks, len(ranges), dups, overlaps,
        range_overlaps))
    return 1 if (dups or overlaps or range_overlaps) else 0


if __name__ == "__main__":
    sys.exit(main())
