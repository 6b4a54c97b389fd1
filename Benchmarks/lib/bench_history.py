"""Driver behind bench-history.sh: times ddi history, audit and report, cold and warm, against git
(git log -L on the tracked number's lines, git log -S, optionally git blame of every file), as whole
processes, with peak memory; with --ddi-before, a second ddi binary is timed in the same run,
interleaved run by run, and its answers must equal the first's. Writes
Benchmarks/work/results/history.json.

Cold means no `.ddi/` (removed before every cold run). The warm rows run the same command once,
untimed, right before each timed run, with the same binary: for `history` that is the second query.
"""

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from timing import budget_line, run_once  # noqa: E402

TODAY = "2026-11-27"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--ddi", required=True)
    ap.add_argument("--ddi-before", help="a second ddi (e.g. built from main) timed in the same run")
    ap.add_argument("--repo", required=True)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--git-runs", type=int, default=1)
    ap.add_argument("--blame", type=int, default=1)
    ap.add_argument("--rows", default="history,audit,report", help="comma-separated subset of history,audit,report")
    args = ap.parse_args()
    info = json.load(open(os.path.join(args.repo, ".git", "ddi-bench.json")))
    number = info["tracked"]
    dot_ddi = os.path.join(args.repo, ".ddi")
    files = subprocess.run(["git", "-C", args.repo, "ls-files", "*.yaml"], capture_output=True, text=True, check=True).stdout.split()
    files = [f for f in files if f != "ddi.yaml"]
    holder = subprocess.run(["git", "-C", args.repo, "grep", "-l", '"%s"' % number, "HEAD", "--", "*.yaml"],
                            capture_output=True, text=True, check=True).stdout.split()[0].split(":", 1)[1]
    print("repository: %s (%d commits, %d inventory files); number %s in %s" % (args.repo, info["commits"], len(files), number, holder))

    binaries = {"after": args.ddi}
    if args.ddi_before:
        binaries = {"before": args.ddi_before, "after": args.ddi}
    commands = {
        "history": lambda b: [b, "history", number, "-C", args.repo],
        "audit": lambda b: [b, "audit", "-C", args.repo, "--today", TODAY, "--format", "csv"],
        "report": lambda b: [b, "report", "-C", args.repo, "--today", TODAY, "--format", "json"],
    }
    rows = [r for r in args.rows.split(",") if r]

    def cold():
        shutil.rmtree(dot_ddi, ignore_errors=True)

    def output(cmd):
        return subprocess.run(cmd, capture_output=True, text=True).stdout

    # Correctness first: every binary, cold and warm, and history without a cache, answer the same.
    for row in rows:
        answers = {}
        for which, binary in binaries.items():
            cold()
            answers[which + " cold"] = output(commands[row](binary))
            answers[which + " warm"] = output(commands[row](binary))
        if row == "history":
            answers["no cache"] = output(commands[row](args.ddi) + ["--no-cache"])
        if len(set(answers.values())) != 1:
            sys.exit("%s: the answers differ: %s" % (row, {k: len(v) for k, v in answers.items()}))
        print("  %s: %d answers identical (%d bytes)" % (row, len(answers), len(next(iter(answers.values())))))

    results = {}

    def record(name, samples):
        walls = [s[0] for s in samples]
        results[name] = {"runs": len(samples), "median": statistics.median(walls), "min": min(walls), "max": max(walls),
                         "cpu_median": statistics.median([s[4] for s in samples]),
                         "peak_rss_mb": statistics.median([s[1] for s in samples]), "exit_codes": sorted({s[2] for s in samples})}
        r = results[name]
        print("  %-34s median %8.3f s  min %8.3f  max %8.3f  cpu %8.3f s  peak %6.0f MB" % (name, r["median"], r["min"], r["max"], r["cpu_median"], r["peak_rss_mb"]))

    print("timing (whole processes, %d runs each, binaries interleaved):" % args.runs)
    for row in rows:
        for mode in ("cold", "warm"):
            samples = {which: [] for which in binaries}
            for run in range(args.runs):
                order = list(binaries) if run % 2 == 0 else list(reversed(list(binaries)))
                for which in order:
                    cmd = commands[row](binaries[which])
                    cold()
                    if mode == "warm":
                        subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
                    samples[which].append(run_once(cmd))
            label = "second query" if row == "history" and mode == "warm" else mode
            for which in binaries:
                record("ddi %s (%s) %s" % (row, label, which), samples[which])

    def git_row(name, cmd, runs):
        record(name, [run_once(cmd) for _ in range(runs)])

    line_range = "/\"%s\"/,+4:%s" % (number, holder)
    git_row("git log -L (the number's lines)", ["git", "-C", args.repo, "log", "-L", line_range, "--oneline"], args.git_runs)
    git_row("git log -S", ["git", "-C", args.repo, "log", "-S", number, "--oneline"], args.git_runs)
    found = subprocess.run(["git", "-C", args.repo, "log", "-L", line_range, "--format=%H", "--no-patch"], capture_output=True, text=True).stdout.split()
    first_line = output(commands["history"](args.ddi)).splitlines()[0]
    print("  git log -L finds %d commits; ddi history: %s" % (len(found), first_line))
    if args.blame:
        script = "cd %s && for f in %s; do git blame --no-indent-heuristic \"$f\" > /dev/null; done" % (args.repo, " ".join(files))
        git_row("git blame (all files)", ["sh", "-c", script], 1)

    if "history" in rows:
        cold_history = results["ddi history (cold) after"]["median"]
        git_l = results["git log -L (the number's lines)"]["median"]
        print("budgets (issue 15):")
        print(budget_line("history cold <= git log -L", cold_history <= git_l, "%.3f s vs %.3f s" % (cold_history, git_l)))
        second = results["ddi history (second query) after"]["median"]
        print(budget_line("history second query <= 0.1 s", second <= 0.1, "%.3f s" % second))
    if "audit" in rows:
        print(budget_line("audit cold <= 10 s", results["ddi audit (cold) after"]["median"] <= 10, "%.3f s" % results["ddi audit (cold) after"]["median"]))
        print(budget_line("audit warm <= 1 s", results["ddi audit (warm) after"]["median"] <= 1, "%.3f s" % results["ddi audit (warm) after"]["median"]))
    if "report" in rows:
        print(budget_line("report cold <= 5 s", results["ddi report (cold) after"]["median"] <= 5, "%.3f s" % results["ddi report (cold) after"]["median"]))
        print(budget_line("report warm <= 1 s", results["ddi report (warm) after"]["median"] <= 1, "%.3f s" % results["ddi report (warm) after"]["median"]))
    cold()
    out = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "work", "results")
    os.makedirs(out, exist_ok=True)
    with open(os.path.join(out, "history.json"), "w") as fh:
        json.dump({"info": info, "binaries": binaries, "results": results}, fh, indent=2)


if __name__ == "__main__":
    main()
