"""Whole-process timing for the ddi benchmarks (validate, plan, history, audit ...).

    from timing import measure, measure_interleaved, budget_line
    r = measure(["ddi", "validate", "-C", ref], runs=5)
    # {'median': 0.41, 'min': 0.40, 'max': 0.44, 'cpu_median': 0.52, 'peak_rss_mb': 212.3, 'times': [...],
    #  'rss_mb': [...], 'exit_codes': [0, 0, ...], 'runs': 5}

Each run is a separate process. Wall time is time.perf_counter() around
start and reap. Peak memory is the child's ru_maxrss: read through GNU
`/usr/bin/time -f %M` when it exists (apt-get install time), else from
os.wait4() on the child itself. (The wait4 fallback over-reports small
processes: Linux carries the forking Python's ~15 MB high-water mark across
exec. It does not matter for processes of 100 MB and more.) Children of the
child (a shell, git) count only through the child's own waits.
stdout goes to /dev/null unless `stdout=` is given; stderr is kept (last
4 KB of the last run) for error reporting.

Command line, for ad-hoc use:

    python3 Benchmarks/lib/timing.py [--runs N] [--ok 0,1] -- CMD ARGS...
"""

import os
import statistics
import subprocess
import sys
import tempfile
import time

_RSS_DIVISOR = 1024.0 * 1024.0 if sys.platform == "darwin" else 1024.0  # -> MB


GNU_TIME = "/usr/bin/time" if (os.access("/usr/bin/time", os.X_OK) and sys.platform.startswith("linux")) else None


def run_once(cmd, cwd=None, env=None, stdout=None):
    """Run cmd once; return (wall s, peak RSS MB, exit code, stderr tail, CPU s = user + system)."""
    out = stdout if stdout is not None else subprocess.DEVNULL
    with tempfile.TemporaryFile() as err, tempfile.NamedTemporaryFile("r", suffix=".time") as tf:
        argv = list(cmd)
        if GNU_TIME:
            # GNU time exits with the command's status; -o keeps its report out of stderr
            argv = [GNU_TIME, "-q", "-f", "%M", "-o", tf.name] + argv
        t0 = time.perf_counter()
        p = subprocess.Popen(argv, cwd=cwd, env=env, stdin=subprocess.DEVNULL, stdout=out, stderr=err)
        _, status, ru = os.wait4(p.pid, 0)
        wall = time.perf_counter() - t0
        p.returncode = os.waitstatus_to_exitcode(status)  # tell Popen the child is gone
        rss = ru.ru_maxrss / _RSS_DIVISOR
        cpu = ru.ru_utime + ru.ru_stime  # GNU time's own share is negligible
        if GNU_TIME:
            report = tf.read().split()
            if report and report[-1].isdigit():
                rss = int(report[-1]) / 1024.0
        err.seek(0, os.SEEK_END)
        size = err.tell()
        err.seek(max(0, size - 4096))
        tail = err.read().decode("utf-8", "replace")
    return wall, rss, p.returncode, tail, cpu


def _summary(times, rss, codes, tail, cpu):
    return {
        "median": statistics.median(times),
        "cpu_median": statistics.median(cpu),
        "min": min(times),
        "max": max(times),
        "peak_rss_mb": statistics.median(rss),
        "max_rss_mb": max(rss),
        "times": times,
        "rss_mb": rss,
        "exit_codes": codes,
        "stderr_tail": tail,
        "runs": len(times),
    }


def measure(cmd, runs=5, warmup=0, cwd=None, env=None):
    """Time `cmd` (argv list) as a whole process `runs` times.

    Returns {median, min, max (wall seconds), cpu_median (user + system seconds),
    peak_rss_mb (median over runs), max_rss_mb, times, rss_mb, exit_codes, stderr_tail, runs}.
    """
    return measure_interleaved({"cmd": cmd}, runs=runs, warmup=warmup, cwd=cwd, env=env)["cmd"]


def measure_interleaved(cmds, runs=5, warmup=0, cwd=None, env=None, progress=None):
    """Time several commands, interleaved (A B C A B C ...) so drift hits all alike.

    cmds: {name: argv}. Returns {name: measure()-style dict}, in the order given.
    runs: an int, or {name: int} to give slow commands fewer runs (round i runs every
    command that still has runs to do).
    warmup runs (each command, before the timed rounds) are discarded.
    progress: optional callable(round, name, wall, rss, code) for live output.
    """
    quota = runs if isinstance(runs, dict) else {name: runs for name in cmds}
    for _ in range(warmup):
        for cmd in cmds.values():
            run_once(cmd, cwd=cwd, env=env)
    acc = {name: ([], [], [], "", []) for name in cmds}
    for i in range(max(quota.values())):
        for name, cmd in cmds.items():
            if i >= quota[name]:
                continue
            wall, rss, code, tail, cpu = run_once(cmd, cwd=cwd, env=env)
            t, r, c, _, u = acc[name]
            t.append(wall)
            r.append(rss)
            c.append(code)
            u.append(cpu)
            acc[name] = (t, r, c, tail, u)
            if progress:
                progress(i + 1, name, wall, rss, code)
    return {name: _summary(*acc[name]) for name in cmds}


def budget_line(label, ok, detail):
    return "  [%s] %s: %s" % ("PASS" if ok else "FAIL", label, detail)


def format_table(results, order=None):
    """A plain-text table of measure() results: name, median, min, max, peak RSS, exit codes."""
    names = order or list(results)
    w = max([len(n) for n in names] + [7])
    lines = ["%-*s  %9s  %9s  %9s  %9s  %12s  %s" % (w, "command", "median s", "min s", "max s", "CPU s",
                                                    "peak RSS MB", "exit"),
             "-" * (w + 71)]
    for n in names:
        r = results[n]
        codes = sorted(set(r["exit_codes"]))
        lines.append("%-*s  %9.3f  %9.3f  %9.3f  %9.3f  %12.1f  %s" % (
            w, n, r["median"], r["min"], r["max"], r["cpu_median"], r["peak_rss_mb"], ",".join(map(str, codes))))
    return "\n".join(lines)


def _main(argv):
    import argparse
    ap = argparse.ArgumentParser(description="time a command as a whole process")
    ap.add_argument("--runs", type=int, default=int(os.environ.get("RUNS", "5")))
    ap.add_argument("--warmup", type=int, default=0)
    ap.add_argument("cmd", nargs=argparse.REMAINDER)
    a = ap.parse_args(argv)
    cmd = a.cmd[1:] if a.cmd[:1] == ["--"] else a.cmd
    if not cmd:
        ap.error("no command")
    r = measure(cmd, runs=a.runs, warmup=a.warmup)
    print(format_table({" ".join(cmd)[:60]: r}))
    return 0


if __name__ == "__main__":
    sys.exit(_main(sys.argv[1:]))
