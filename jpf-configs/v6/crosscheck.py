#!/usr/bin/env python3
"""Cross-checks every part-4 config's DPOR verdict against the unreduced search
(+search.strategy=exhaustive): first unbounded with a 60 s limit; where that cannot finish, with a
preemption bound (3 then 2 for a config that expects a violation, 3, 2 then 1 for one that
expects verified) and a 60 s limit. A verified config whose bounded search is cut only by the preemption
bound "agrees within the bound" (every schedule with that many preemptions was checked). Prints one line per config:
  config | DPOR verdict, executions | exhaustive verdict, executions, bound used
Usage: python3 jpf-configs/v6/crosscheck.py [config ...]   (default: every jpf-configs/v6/*.jpf)
Runs one search at a time (the machine is shared); takes about 25 minutes (most unbounded tries
run into their 60 s limit)."""
import pathlib, re, subprocess, sys

root = pathlib.Path(__file__).resolve().parent.parent.parent
files = sys.argv[1:] or sorted(str(p.relative_to(root)) for p in (root / "jpf-configs" / "v6").glob("*.jpf"))
LINE = re.compile(r"(\S+\.jpf): (.*?)  \[(?:expect|UNEXPECTED)[^\]]*\]  \((\d+) executions, ([\d.]+) s\)")

def run(f, *extra):
    out = subprocess.run(["./mmcheck", "--check-expect", f, *extra], cwd=root, capture_output=True, text=True).stdout
    for line in out.splitlines():
        m = LINE.match(line)
        if m:
            v = m.group(2)
            v = "deadlock" if v.startswith("error #1: deadlock") else \
                ("violation " + v[len("error #1: "):].split(' "')[0]) if v.startswith("error #1: ") else \
                "verified" if v.startswith("no errors detected (exhaustive)") else \
                "bound (" + ", ".join(re.findall(r"search\.(\w+)", v)) + ")" if "NOT exhaustive" in v else v
            return v, int(m.group(3)), float(m.group(4))
    return "?: " + out[-300:], 0, 0.0

for f in files:
    expect = next(l.split("=", 1)[1].strip() for l in (root / f).read_text().splitlines() if l.startswith("expect"))
    expect = "deadlock" if expect == "deadlock" else expect
    dpor = run(f)
    ex_ = ["+search.strategy=exhaustive"]
    bounds = [3, 2] if expect != "verified" else [3, 2, 1]
    tries = [("unbounded, 60 s", ex_ + ["+search.time_limit=60s"])] + \
        [(f"preemption_bound={b}, 60 s", ex_ + [f"+search.preemption_bound={b}", "+search.time_limit=60s"])
         for b in bounds]
    result = None
    for label, extra in tries:
        ex = run(f, *extra)
        # a verified config's bounded search that is cut only by the preemption bound has checked
        # every schedule with at most that many preemptions: it agrees within that bound
        within = expect == "verified" and ex[0].startswith("bound") and "preemption_bound" in ex[0] \
            and "time_limit" not in ex[0]
        agree = ex[0] == expect or within
        if agree:
            result = (label, ex, "agrees" + (" within the bound" if within else ""))
            break
        result = (label, ex, "undecided" if ex[0].startswith("bound") else "DIFFERS")
        if not ex[0].startswith("bound"):
            break
    label, ex, verdict = result
    print(f"{f[len('jpf-configs/v6/'):]} | DPOR {dpor[0]}, {dpor[1]} executions | exhaustive ({label}): {ex[0]},"
          f" {ex[1]} executions, {ex[2]:.1f} s | {verdict}", flush=True)
