#!/usr/bin/env python3
"""Driver behind Benchmarks/bench-validate.sh: time `ddi validate` against the PyYAML baseline.

    python3 Benchmarks/lib/bench_validate.py --ddi PATH --ref DIR [--runs N] [--py-runs N]

1. runs `ddi validate` once with --format json and summarises its diagnostics
   (by severity and rule; error-level ones are listed: on the reference
   inventory they mean a generator bug or a ddi bug);
2. runs both baselines once and prints their counts;
3. times, interleaved, N whole-process runs each of
     ddi validate -C REF --today 2026-11-27 --format json > /dev/null
     baseline_validate.py REF --loader py     (yaml.safe_load)
     baseline_validate.py REF --loader c      (yaml.CSafeLoader)
4. prints the table, the ratios baseline/ddi and the README's Performance
   budget (<= 1.0 s wall, <= 500 MB peak RSS, >= 10x faster than the baseline),
   and writes everything to Benchmarks/work/results/validate.json.
Exit status 0 whatever the budget says (a benchmark, not a test); 2 when a
command fails to run.
"""

import argparse
import collections
import datetime as dt
import json
import os
import platform
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from timing import GNU_TIME, budget_line, format_table, measure_interleaved, run_once  # noqa: E402

BENCH = os.path.dirname(HERE)
BUDGET_WALL_S = 1.0
BUDGET_RSS_MB = 500.0
BUDGET_RATIO = 10.0


def find_diagnostics(doc):
    """The list of diagnostic objects in ddi's JSON output, whatever the exact envelope."""
    if isinstance(doc, list):
        if all(isinstance(x, dict) for x in doc):
            return doc
        return []
    if isinstance(doc, dict):
        for key in ("diagnostics", "results", "problems", "items"):
            if isinstance(doc.get(key), list):
                return doc[key]
        for v in doc.values():
            if isinstance(v, list) and v and isinstance(v[0], dict) and "severity" in v[0]:
                return v
    return []


def pick(d, *keys):
    for k in keys:
        if k in d and d[k] is not None:
            return d[k]
    return None


def summarise_ddi(ddi, ref, today, out_path):
    cmd = [ddi, "validate", "-C", ref, "--today", today, "--format", "json"]
    with open(out_path, "wb") as out:
        wall, rss, code, err, _cpu = run_once(cmd, stdout=out)
    print("$ %s > %s" % (" ".join(cmd), os.path.relpath(out_path)))
    print("  exit %d, %.3f s, %.1f MB peak RSS" % (code, wall, rss))
    if code not in (0, 1):
        print("  ddi validate failed (exit %d); stderr:\n%s" % (code, err.rstrip()))
        return {"exit": code, "error": err[-2000:]}
    if err.strip():
        print("  stderr: " + err.strip()[-500:].replace("\n", "\n          "))
    try:
        with open(out_path, "rb") as f:
            doc = json.load(f)
    except ValueError as e:
        print("  could not read ddi's JSON output: %s" % e)
        return {"exit": code, "error": "bad json: %s" % e}
    diags = find_diagnostics(doc)
    by_sev = collections.Counter()
    by_rule = collections.Counter()
    errors = []
    for d in diags:
        sev = str(pick(d, "severity", "level") or "?")
        rule = str(pick(d, "ruleID", "rule", "id", "code", "ruleId") or "?")
        by_sev[sev] += 1
        by_rule[(rule, sev)] += 1
        if sev == "error" and len(errors) < 15:
            loc = pick(d, "location", "file")
            if isinstance(loc, dict):
                loc = "%s:%s:%s" % (pick(loc, "file", "path"), pick(loc, "line"), pick(loc, "column"))
            errors.append("%s %s %s" % (loc, rule, pick(d, "message", "text")))
    print("  diagnostics: %d (%s)" % (len(diags), ", ".join("%s %d" % kv for kv in sorted(by_sev.items())) or "none"))
    for (rule, sev), n in sorted(by_rule.items()):
        print("    %-8s %-8s %d" % (rule, sev, n))
    for e in errors:
        print("    error: " + e)
    if isinstance(doc, dict):
        summary = {k: v for k, v in doc.items() if not isinstance(v, list)}
        if summary:
            print("  summary: " + json.dumps(summary, sort_keys=True)[:400])
    return {"exit": code, "wall_s": wall, "rss_mb": rss, "count": len(diags), "by_severity": dict(by_sev),
            "by_rule": {"%s/%s" % k: v for k, v in by_rule.items()}, "first_errors": errors}


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--ddi", required=True)
    ap.add_argument("--ref", required=True)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--py-runs", type=int, default=None, help="runs of the (slow) pure-Python baseline; default --runs")
    ap.add_argument("--today", default="2026-11-27")
    ap.add_argument("--python", default=sys.executable)
    ap.add_argument("--results", default=os.path.join(BENCH, "work", "results", "validate.json"))
    a = ap.parse_args()
    ref = os.path.abspath(a.ref)
    os.makedirs(os.path.dirname(a.results), exist_ok=True)
    py_runs = a.py_runs if a.py_runs is not None else a.runs

    import yaml  # noqa: F401  (fail early if PyYAML is missing)
    print("machine: %s, %d cores, Python %s, PyYAML %s (libyaml: %s), RSS via %s" % (
        platform.platform(), os.cpu_count(), platform.python_version(), yaml.__version__,
        getattr(yaml, "__with_libyaml__", False), GNU_TIME or "os.wait4"))
    print()
    diag = summarise_ddi(a.ddi, ref, a.today, os.path.join(os.path.dirname(a.results), "validate-output.json"))
    print()

    baseline = [a.python, os.path.join(BENCH, "baseline_validate.py"), ref]
    cmds = collections.OrderedDict([
        ("ddi validate", [a.ddi, "validate", "-C", ref, "--today", a.today, "--format", "json"]),
        ("python safe_load", baseline + ["--loader", "py"]),
        ("python CSafeLoader", baseline + ["--loader", "c"]),
    ])
    for name in ("python CSafeLoader",):
        p = subprocess.run(cmds[name], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        print("%s: %s" % (name, (p.stdout or p.stderr).strip()))
        if p.returncode not in (0, 1):
            sys.exit(2)
    print()
    print("timing %d runs (pure-Python baseline: %d), interleaved ..." % (a.runs, py_runs))

    def progress(i, name, wall, rss, code):
        print("  run %d  %-20s %8.3f s  %8.1f MB  exit %d" % (i, name, wall, rss, code), flush=True)

    per_cmd = {n: (py_runs if n == "python safe_load" else a.runs) for n in cmds}
    results = measure_interleaved(cmds, runs=per_cmd, progress=progress)
    bad = [n for n, r in results.items() if any(c not in (0, 1) for c in r["exit_codes"])]

    print()
    print(format_table(results))
    d = results["ddi validate"]
    print()
    print("ratios baseline / ddi (median wall; median CPU in parentheses, less sensitive to a busy machine):")
    for n in ("python safe_load", "python CSafeLoader"):
        print("  %-20s %7.1fx  (%.1fx)" % (n, results[n]["median"] / d["median"],
                                           results[n]["cpu_median"] / max(d["cpu_median"], 1e-9)))
    print()
    print("README Performance budget for ddi validate (2-core machine):")
    print(budget_line("wall <= %.1f s" % BUDGET_WALL_S, d["median"] <= BUDGET_WALL_S, "median %.3f s" % d["median"]))
    print(budget_line("peak RSS <= %.0f MB" % BUDGET_RSS_MB, d["peak_rss_mb"] <= BUDGET_RSS_MB,
                      "median %.1f MB" % d["peak_rss_mb"]))
    r_py = results["python safe_load"]["median"] / d["median"]
    r_c = results["python CSafeLoader"]["median"] / d["median"]
    print(budget_line(">= %.0fx faster than PyYAML safe_load baseline" % BUDGET_RATIO, r_py >= BUDGET_RATIO, "%.1fx" % r_py))
    print(budget_line(">= %.0fx faster than PyYAML CSafeLoader baseline (stricter)" % BUDGET_RATIO,
                      r_c >= BUDGET_RATIO, "%.1fx" % r_c))
    if bad:
        for n in bad:
            print("\n%s failed: exit %s\n%s" % (n, results[n]["exit_codes"], results[n]["stderr_tail"]))

    with open(a.results, "w") as f:
        json.dump({"date": dt.datetime.now().isoformat(timespec="seconds"), "machine": platform.platform(),
                   "cores": os.cpu_count(), "reference": ref, "today": a.today, "commands": cmds,
                   "results": results, "ddi_diagnostics": diag,
                   "ratios": {"safe_load": r_py, "CSafeLoader": r_c}}, f, indent=2)
    print("\nresults: %s" % os.path.relpath(a.results))
    return 2 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
