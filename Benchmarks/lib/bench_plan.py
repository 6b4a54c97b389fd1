#!/usr/bin/env python3
"""Driver behind bench-plan.sh: one checked run of `ddi plan`, then RUNS timed runs.

Prints the plan's summary (from --format json), median/min/max wall time and peak RSS, and the
README Performance budget (at most 2.0 s); writes everything to Benchmarks/work/results/plan.json.
"""
import argparse
import json
import os
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from timing import budget_line, format_table, measure  # noqa: E402

BUDGET_S = 2.0


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--ddi", required=True)
    parser.add_argument("--ref", required=True)
    parser.add_argument("--snapshot", required=True)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--today", default="2026-11-27")
    args = parser.parse_args()

    results_dir = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "work", "results")
    os.makedirs(results_dir, exist_ok=True)
    cmd = [args.ddi, "plan", "-C", args.ref, "--live", args.snapshot, "--today", args.today, "--format", "json"]

    print("== checked run: " + " ".join(cmd))
    done = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    if done.returncode not in (0, 1, 2) or not done.stdout:
        sys.stderr.write(done.stderr.decode("utf-8", "replace"))
        sys.exit(f"bench-plan: ddi plan failed with exit status {done.returncode}")
    plan = json.loads(done.stdout)
    with open(os.path.join(results_dir, "plan-output.json"), "wb") as f:
        f.write(done.stdout)
    summary = plan["summary"]
    kinds = {}
    for finding in plan["findings"]:
        kinds[finding["kind"]] = kinds.get(finding["kind"], 0) + 1
    print(f"   live numbers {summary['live_numbers']}, declared entries {summary['declared_entries']}")
    print(f"   actions: {summary['assign']} assign, {summary['update']} update, {summary['reassign']} reassign, "
          f"{summary['unassign']} unassign; findings: {kinds}")
    print()

    print(f"== timing {args.runs} runs")
    result = measure(cmd, runs=args.runs)
    print(format_table({"ddi plan": result}))
    print()
    print("budget (README, Performance):")
    print(budget_line("ddi plan <= %.1f s" % BUDGET_S, result["median"] <= BUDGET_S, "median %.3f s" % result["median"]))
    with open(os.path.join(results_dir, "plan.json"), "w") as f:
        json.dump({"command": cmd, "result": result, "summary": summary, "findings": kinds, "budget_s": BUDGET_S}, f, indent=2)
    sys.exit(0 if result["median"] <= BUDGET_S else 1)


if __name__ == "__main__":
    main()
