"""Driver behind bench-history.sh: times ddi history/audit (cold and warm) against git log -S and
git blame, as whole processes, and writes Benchmarks/work/results/history.json."""

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from timing import budget_line, measure  # noqa: E402

TODAY = "2026-11-27"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--ddi", required=True)
    ap.add_argument("--repo", required=True)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--git-runs", type=int, default=1)
    ap.add_argument("--blame", type=int, default=1)
    args = ap.parse_args()
    info = json.load(open(os.path.join(args.repo, ".git", "ddi-bench.json")))
    number = info["tracked"]
    cache = os.path.join(args.repo, ".ddi", "cache")
    files = subprocess.run(["git", "-C", args.repo, "ls-files", "*.yaml"], capture_output=True, text=True, check=True).stdout.split()
    files = [f for f in files if f != "ddi.yaml"]
    print("repository: %s (%d commits, %d inventory files); number %s" % (args.repo, info["commits"], len(files), number))

    ddi_history = [args.ddi, "history", number, "-C", args.repo]
    ddi_audit = [args.ddi, "audit", "-C", args.repo, "--today", TODAY, "--format", "csv"]
    results = {}

    def run(name, cmd, runs, prepare=None):
        if prepare:
            prepare()
        r = measure(cmd, runs=runs)
        if any(code != 0 for code in r["exit_codes"]):
            sys.exit("%s failed: %s" % (name, r["stderr_tail"]))
        results[name] = r
        print("  %-28s median %7.3f s  min %7.3f  max %7.3f  peak %6.0f MB" % (name, r["median"], r["min"], r["max"], r["peak_rss_mb"]))

    shutil.rmtree(cache, ignore_errors=True)
    # correctness first: cold and warm answers must be identical
    cold_out = subprocess.run(ddi_history + ["--no-cache"], capture_output=True, text=True, check=True).stdout
    subprocess.run(ddi_audit, capture_output=True, check=True)
    warm_out = subprocess.run(ddi_history, capture_output=True, text=True, check=True).stdout
    if cold_out != warm_out:
        sys.exit("history differs with and without the cache")
    print("  history of %s: %s" % (number, cold_out.splitlines()[0]))

    print("timing (whole processes):")
    run("ddi history (cold)", ddi_history + ["--no-cache"], args.runs)
    run("ddi history (warm)", ddi_history, args.runs)
    run("ddi audit (cold)", ddi_audit + ["--no-cache"], args.runs)
    run("ddi audit (warm)", ddi_audit, args.runs)
    run("git log -S", ["git", "-C", args.repo, "log", "-S", number, "--oneline"], args.git_runs)
    if args.blame:
        script = "cd %s && for f in %s; do git blame --no-indent-heuristic \"$f\" > /dev/null; done" % (args.repo, " ".join(files))
        run("git blame (all files)", ["sh", "-c", script], 1)

    git_log = results["git log -S"]["median"]
    print("ratios (git / ddi):")
    for name in ("ddi history (cold)", "ddi history (warm)"):
        print("  %s vs git log -S: %.1fx" % (name, git_log / results[name]["median"]))
    if "git blame (all files)" in results:
        blame = results["git blame (all files)"]["median"]
        for name in ("ddi audit (cold)", "ddi audit (warm)"):
            print("  %s vs git blame: %.1fx" % (name, blame / results[name]["median"]))
    print("budgets (README, Performance):")
    print(budget_line("history cold <= 1.0 s", results["ddi history (cold)"]["median"] <= 1.0, "%.3f s" % results["ddi history (cold)"]["median"]))
    print(budget_line("history warm <= 0.1 s", results["ddi history (warm)"]["median"] <= 0.1, "%.3f s" % results["ddi history (warm)"]["median"]))
    print(budget_line("history faster than git log -S", results["ddi history (cold)"]["median"] < git_log, ""))
    print(budget_line("audit cold <= 10 s", results["ddi audit (cold)"]["median"] <= 10, "%.3f s" % results["ddi audit (cold)"]["median"]))
    print(budget_line("audit warm <= 1 s", results["ddi audit (warm)"]["median"] <= 1, "%.3f s" % results["ddi audit (warm)"]["median"]))
    if "git blame (all files)" in results:
        print(budget_line("audit faster than git blame", results["ddi audit (cold)"]["median"] < results["git blame (all files)"]["median"], ""))
    out = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "work", "results")
    os.makedirs(out, exist_ok=True)
    with open(os.path.join(out, "history.json"), "w") as fh:
        json.dump({"info": info, "results": results}, fh, indent=2)


if __name__ == "__main__":
    main()
