"""Driver behind bench-table.sh: every row of the README's performance table, each timed against its
baseline in the same run, interleaved run by run, with medians, CPU time and peak memory.

Rows (issue 15's table):
  validate   ddi validate, reference inventory        vs PyYAML CSafeLoader (baseline_validate.py)
  contoso    ddi validate, examples/contoso           (process start included)
  plan       ddi plan, reference tenant               vs PyYAML CSafeLoader + json.load (baseline_plan.py)
  history    ddi history NUMBER, cold and second query vs git log -L on the number's lines
  audit      ddi audit --format csv, cold and warm    vs git blame of every inventory file
  report     ddi report --format json, cold and warm

Before timing, every row checks its answers: the ddi binaries (with --ddi-before, two of them) give
byte-identical output, and for the history rows cold, warm and `--no-cache` agree. Cold means no
`.ddi/` (removed before every cold run); a warm row runs the command once, untimed, then times its
runs one after another (for history, every timed run is a second query). With --ddi-before, the
other binary reads a hard-linked copy of the history (REPO-before), so neither replaces the
other's cache.

Prints a markdown table (also written to Benchmarks/work/results/table.md, the raw numbers to
table.json) ready for the README. Exit status 0 whatever the targets say (a benchmark, not a test);
2 when an answer differs or a command fails.
"""

import argparse
import json
import os
import shutil
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from timing import _summary, run_once  # noqa: E402

BENCH = os.path.dirname(HERE)
TODAY = "2026-11-27"
ALL_ROWS = ("validate", "contoso", "plan", "history", "audit", "report")


class Row:
    """One line of the table: ddi's command, its baseline, how a run starts, the targets."""

    def __init__(self, name, operation, ddi, baseline=None, baseline_label=None, mode=None,
                 max_s=None, max_mb=None, min_ratio=None, at_most_baseline=False, runs=None, baseline_runs=None):
        self.name, self.operation, self.ddi = name, operation, ddi
        self.baseline, self.baseline_label, self.mode = baseline, baseline_label, mode
        self.max_s, self.max_mb, self.min_ratio, self.at_most_baseline = max_s, max_mb, min_ratio, at_most_baseline
        self.runs, self.baseline_runs = runs, baseline_runs

    def target(self):
        parts = []
        if self.max_s is not None:
            parts.append("≤ %s s" % ("%g" % self.max_s))
        if self.at_most_baseline:
            parts.append("≤ baseline")
        if self.min_ratio is not None:
            parts.append("≥ %gx baseline" % self.min_ratio)
        if self.max_mb is not None:
            parts.append("≤ %d MB" % self.max_mb)
        return ", ".join(parts)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--ddi", required=True)
    ap.add_argument("--ddi-before", help="a second ddi timed in the same run (its answers must be the same)")
    ap.add_argument("--ref", required=True)
    ap.add_argument("--snapshot", required=True)
    ap.add_argument("--repo", required=True)
    ap.add_argument("--contoso", required=True)
    ap.add_argument("--runs", type=int, default=5, help="timed runs of the fast rows")
    ap.add_argument("--cold-runs", type=int, default=3, help="timed runs of the cold history/audit/report rows")
    ap.add_argument("--baseline-runs", type=int, default=3, help="timed runs of each baseline (PyYAML and git take seconds to minutes)")
    ap.add_argument("--blame", type=int, default=1, help="0: no git blame baseline (minutes on 10,000 commits)")
    ap.add_argument("--rows", default=",".join(ALL_ROWS))
    ap.add_argument("--results-from", help="print the table of an earlier run's table.json instead of timing")
    a = ap.parse_args()
    wanted = [r for r in a.rows.split(",") if r]
    unknown = [r for r in wanted if r not in ALL_ROWS]
    if unknown:
        sys.exit("bench-table: unknown rows %s (known: %s)" % (unknown, ", ".join(ALL_ROWS)))

    binaries = {"ddi": a.ddi}
    if a.ddi_before:
        binaries["before"] = a.ddi_before
    python = sys.executable
    # Each binary reads its own hard-linked copy of the history, so that one binary's cache never
    # replaces the other's and a warm row stays warm from run to run.
    repos = {which: a.repo if which == "ddi" else linked_copy(a.repo, which) for which in binaries}

    def cold(which=None):
        for name in [which] if which else list(repos):
            shutil.rmtree(os.path.join(repos[name], ".ddi"), ignore_errors=True)

    rows = []
    if "validate" in wanted:
        rows.append(Row("validate", "`ddi validate`, reference inventory",
                        lambda b, _: [b, "validate", "-C", a.ref, "--today", TODAY, "--format", "json"],
                        [python, os.path.join(BENCH, "baseline_validate.py"), a.ref, "--loader", "c"],
                        "PyYAML CSafeLoader", max_s=0.5, max_mb=200, min_ratio=20))
    if "contoso" in wanted:
        rows.append(Row("contoso", "`ddi validate`, examples/contoso (with process start)",
                        lambda b, _: [b, "validate", "-C", a.contoso, "--today", TODAY],
                        [python, os.path.join(BENCH, "baseline_validate.py"), a.contoso, "--loader", "c"],
                        "PyYAML CSafeLoader", max_s=0.05, runs=max(a.runs, 11)))
    if "plan" in wanted:
        rows.append(Row("plan", "`ddi plan`, reference tenant (100,000-record snapshot)",
                        lambda b, _: [b, "plan", "-C", a.ref, "--live", a.snapshot, "--today", TODAY, "--format", "json"],
                        [python, os.path.join(BENCH, "baseline_plan.py"), a.ref, a.snapshot],
                        "CSafeLoader + json.load", max_s=1.0, max_mb=300))
    history_rows = [r for r in ("history", "audit", "report") if r in wanted]
    if history_rows:
        info = json.load(open(os.path.join(a.repo, ".git", "ddi-bench.json")))
        number = info["tracked"]
        files = [f for f in git(a.repo, "ls-files", "*.yaml").split() if f != "ddi.yaml"]
        holder = git(a.repo, "grep", "-l", '"%s"' % number, "HEAD", "--", "*.yaml").split()[0].split(":", 1)[1]
        print("history: %s, %d commits, %d inventory files; number %s in %s" % (a.repo, info["commits"], len(files), number, holder))
        log_l = ["git", "-C", a.repo, "log", "-L", "/\"%s\"/,+4:%s" % (number, holder), "--oneline"]
        blame = ["sh", "-c", "cd '%s' && for f in %s; do git blame --no-indent-heuristic \"$f\" > /dev/null; done" % (a.repo, " ".join(files))]
        if "history" in wanted:
            history = lambda b, repo: [b, "history", number, "-C", repo]  # noqa: E731
            rows.append(Row("history-cold", "`ddi history NUMBER`, cold (no `.ddi/`)", history, log_l, "git log -L",
                            mode="cold", at_most_baseline=True, runs=a.cold_runs))
            rows.append(Row("history-warm", "`ddi history NUMBER`, second query", history, log_l, "git log -L",
                            mode="warm", max_s=0.1))
        if "audit" in wanted:
            audit = lambda b, repo: [b, "audit", "-C", repo, "--today", TODAY, "--format", "csv"]  # noqa: E731
            rows.append(Row("audit-cold", "`ddi audit`, cold", audit, blame if a.blame else None,
                            "git blame, every file" if a.blame else None, mode="cold", max_s=10, runs=a.cold_runs,
                            baseline_runs=1))  # minutes on 10,000 commits, and steady
            rows.append(Row("audit-warm", "`ddi audit`, warm", audit, mode="warm", max_s=1))
        if "report" in wanted:
            report = lambda b, repo: [b, "report", "-C", repo, "--today", TODAY, "--format", "json"]  # noqa: E731
            rows.append(Row("report-cold", "`ddi report`, cold", report, mode="cold", max_s=5, runs=a.cold_runs))
            rows.append(Row("report-warm", "`ddi report`, warm", report, mode="warm", max_s=1))

    if a.results_from:
        print(render(rows, json.load(open(a.results_from))["results"], binaries))
        return 0
    check_answers(rows, binaries, repos, cold)
    notes = []
    if "history" in wanted:
        found = git(a.repo, "log", "-L", "/\"%s\"/,+4:%s" % (number, holder), "--format=%H", "--no-patch").split()
        first_line = output([a.ddi, "history", number, "-C", repos["ddi"]]).decode("utf-8", "replace").splitlines()[0]
        notes.append("git log -L finds %d commits of the number; ddi history: %s" % (len(found), first_line))
    results = {}
    for row in rows:
        results[row.name] = time_row(row, binaries, repos, cold, row.runs or a.runs, a.baseline_runs)
    cold()
    table = render(rows, results, binaries)
    if notes:
        table += "\n\n" + "\n".join(notes)
    print()
    print(table)
    out = os.path.join(BENCH, "work", "results")
    os.makedirs(out, exist_ok=True)
    with open(os.path.join(out, "table.md"), "w") as fh:
        fh.write(table + "\n")
    with open(os.path.join(out, "table.json"), "w") as fh:
        json.dump({"binaries": binaries, "results": results}, fh, indent=2)
    failed = [(n, k) for n, r in results.items() for k, s in r.items() if any(c not in (0, 1, 2) for c in s["exit_codes"])]
    if failed:
        print("commands that failed: %s" % failed, file=sys.stderr)
        return 2
    return 0


def git(repo, *args):
    return subprocess.run(["git", "-C", repo] + list(args), capture_output=True, text=True, check=True).stdout


def output(cmd):
    return subprocess.run(cmd, capture_output=True).stdout


def linked_copy(repo, which):
    """REPO-WHICH: the history with its files hard-linked (git and ddi only read them), no `.ddi/`."""
    copy = "%s-%s" % (repo.rstrip("/"), which)
    if os.path.isdir(repo) and not os.path.isdir(copy):
        subprocess.run(["cp", "-al", repo, copy], check=True)
    return copy


def check_answers(rows, binaries, repos, cold):
    """Every binary, cold and warm, gives the same bytes: speed must not change an answer."""
    seen = set()
    for row in rows:
        key = row.name.split("-")[0]
        if key in seen:
            continue
        seen.add(key)
        answers = {}
        for which, binary in binaries.items():
            cold()
            answers[which + " cold"] = output(row.ddi(binary, repos[which]))
            answers[which + " warm"] = output(row.ddi(binary, repos[which]))
        if key == "history":
            answers["no cache"] = output(row.ddi(binaries["ddi"], repos["ddi"]) + ["--no-cache"])
        if len(set(answers.values())) != 1:
            sys.exit("bench-table: %s answers differ: %s" % (key, {k: len(v) for k, v in answers.items()}))
        print("%s: %d answers identical (%d bytes)" % (key, len(answers), len(next(iter(answers.values())))), flush=True)


def time_row(row, binaries, repos, cold, runs, baseline_runs):
    """Runs ddi (each binary) and the baseline in turn, `runs` rounds, alternating the order. A cold
    run starts without `.ddi/`; a warm row runs each binary once, untimed, before its first round."""
    commands = {which: row.ddi(binary, repos.get(which)) for which, binary in binaries.items()}
    if row.mode == "warm":
        for which in binaries:
            cold(which)
            subprocess.run(commands[which], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    if row.baseline:
        commands["baseline"] = row.baseline
    quota = {name: runs for name in commands}
    if row.baseline:
        quota["baseline"] = min(runs, row.baseline_runs or baseline_runs)
    samples = {name: [] for name in commands}
    for i in range(max(quota.values())):
        order = list(commands) if i % 2 == 0 else list(reversed(list(commands)))
        for name in order:
            if len(samples[name]) >= quota[name]:
                continue
            if name != "baseline" and row.mode == "cold":
                cold(name)
            wall, rss, code, tail, cpu = run_once(commands[name])
            samples[name].append((wall, rss, code, tail, cpu))
            print("  %-14s %-9s run %d  %8.3f s  cpu %7.3f s  %7.1f MB  exit %d" % (row.name, name, len(samples[name]), wall, cpu, rss, code), flush=True)
    return {name: _summary([s[0] for s in got], [s[1] for s in got], [s[2] for s in got], got[-1][3], [s[4] for s in got])
            for name, got in samples.items()}


def seconds(value):
    return "%.3f s" % value if value < 10 else "%.1f s" % value


def render(rows, results, binaries):
    header = "| operation | ddi: median (CPU), peak | "
    if "before" in binaries:
        header += "before: median, peak | "
    header += "baseline: median | ddi vs baseline | target | met? |"
    lines = [header, "|" + "---|" * (header.count("|") - 1)]
    for row in rows:
        r = results[row.name]
        d = r["ddi"]
        cells = [row.operation, "%s (%s), %d MB" % (seconds(d["median"]), seconds(d["cpu_median"]), round(d["peak_rss_mb"]))]
        if "before" in binaries:
            b = r["before"]
            cells.append("%s, %d MB (%.2fx)" % (seconds(b["median"]), round(b["peak_rss_mb"]), b["median"] / max(d["median"], 1e-9)))
        base = r.get("baseline")
        ratio = base["median"] / max(d["median"], 1e-9) if base else None
        cells.append("%s: %s" % (row.baseline_label, seconds(base["median"])) if base else "-")
        cells.append("%.1fx faster" % ratio if ratio and ratio >= 1 else ("%.2fx (slower)" % ratio if ratio else "-"))
        cells.append(row.target())
        verdicts = []
        if row.max_s is not None:
            verdicts.append(("time", d["median"] <= row.max_s))
        if row.at_most_baseline and base:
            verdicts.append(("time", d["median"] <= base["median"]))
        if row.min_ratio is not None and ratio is not None:
            verdicts.append(("ratio", ratio >= row.min_ratio))
        if row.max_mb is not None:
            verdicts.append(("memory", d["peak_rss_mb"] <= row.max_mb))
        cells.append(", ".join("%s %s" % (what, "met" if ok else "**missed**") for what, ok in verdicts))
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
