#!/usr/bin/env python3
"""Prints the README's scenario table: runs every config through ./mmcheck and joins each
config's first comment line (what it shows) with its verdict, executions and time.
Usage: python3 jpf-configs/scenario-table.py > /tmp/table.md"""
import pathlib, re, subprocess, sys

root = pathlib.Path(__file__).resolve().parent.parent
files = sorted(str(p.relative_to(root)) for p in (root / "jpf-configs").rglob("*.jpf")
               if "examples" not in p.parts and "expect" in p.read_text())
out = subprocess.run(["./mmcheck", "--check-expect", *files], cwd=root, capture_output=True, text=True).stdout
print("| config | what it shows | verdict | executions | time |")
print("|---|---|---|---:|---:|")
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
    name = path[len("jpf-configs/"):]
    print(f"| [{name}]({path}) | {shows.replace('|', '/')} | {verdict} | {execs} | {float(secs) * 1000:.0f} ms |")
