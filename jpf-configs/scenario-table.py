#!/usr/bin/env python3
"""Prints the README's scenario table: runs the configs through ./mmcheck and joins each
config's first comment line (what it shows) and its `# source:` line (provenance) with its
verdict, executions and time. A config with a `# n/a:` line is shown as n/a (its verdict in
brackets): it cannot differ from another row of its era and is not counted as evidence.

Usage: python3 jpf-configs/scenario-table.py [--part1 | --v26 | --v6] > /tmp/table.md
  --part1  only jpf-configs/*.jpf (the 1998-2002 model)
  --v26    only jpf-configs/v26/*.jpf (the 2.6 / 2013 model)
  --v6     only jpf-configs/v6/*.jpf (the 6.1 / 6.4 / 6.15 model)
  default  every folder (examples/ is never included: it holds engine demos, not kernel scenarios)"""
import pathlib, re, subprocess, sys

root = pathlib.Path(__file__).resolve().parent.parent
cfgdir = root / "jpf-configs"
which = sys.argv[1] if len(sys.argv) > 1 else "--all"
if which not in ("--all", "--part1", "--v26", "--v6"):
    sys.exit(__doc__)


def selected(p):
    rel = p.relative_to(cfgdir).parts
    if rel[0] == "examples" or "expect" not in p.read_text():
        return False
    if which == "--part1":
        return len(rel) == 1
    if which in ("--v26", "--v6"):
        return rel[0] == which[2:]
    return True


files = sorted(str(p.relative_to(root)) for p in cfgdir.rglob("*.jpf") if selected(p))
out = subprocess.run(["./mmcheck", "--check-expect", *files], cwd=root, capture_output=True, text=True).stdout


def comment(lines, key):
    """The text of the first `# key:` comment line, or None."""
    for l in lines:
        m = re.match(r"#\s*" + key + r":\s*(.*)", l)
        if m:
            return m.group(1).strip()
    return None


def provenance(src):
    """The `# source:` text as written (kernel version and function; or mutation: / hypothetical:)."""
    return "(missing)" if src is None else src


print("| config | what it shows | provenance | verdict | executions | time |")
print("|---|---|---|---|---:|---:|")
for line in out.splitlines():
    m = re.match(r"(\S+\.jpf): (.*?)  \[(?:expect|UNEXPECTED)[^\]]*\]  \((\d+) executions, ([\d.]+) s\)", line)
    if not m:
        continue
    path, verdict, execs, secs = m.groups()
    text = (root / path).read_text().splitlines()
    shows = text[0].lstrip("# ").strip() if text and text[0].startswith("#") else ""
    if verdict.startswith("error #1: "):
        verdict = verdict[len("error #1: "):].split(' "')[0]
        verdict = "deadlock" if verdict == "deadlock" else "violation " + verdict
    elif verdict.startswith("no errors detected (exhaustive)"):
        verdict = "verified"
    elif verdict.startswith("no errors detected"):
        verdict = "bound reached, no violation"
    if comment(text, "n/a") is not None:
        verdict = "n/a (" + verdict + ")"
    name = path[len("jpf-configs/"):]
    cells = [f"[{name}]({path})", shows, provenance(comment(text, "source")), verdict]
    cells = [c.replace("|", "/") for c in cells]
    print(f"| {' | '.join(cells)} | {execs} | {float(secs) * 1000:.0f} ms |")
