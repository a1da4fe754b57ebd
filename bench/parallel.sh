#!/usr/bin/env bash
# Parallel unreduced search (search.workers, issue 13.4): the same configs with 1 and 2 workers,
# alternating, as markdown. Each run is capped at a fixed number of executions, so the figure
# is executions per second of wall time over the same work; the verdict and the execution count
# must not depend on the number of workers (the table shows both).
#   bench/parallel.sh [reps]      default 5 repetitions per variant
set -euo pipefail
cd "$(dirname "$0")/.."
reps="${1:-5}"
cap=300000
runs=(
  "jpf-configs/examples/philosophers-ordered.jpf +philosophers.n=4"
  "jpf-configs/v26/pagecache-write-two-pages-2.6.24.jpf +search.preemption_bound=3"
  "jpf-configs/kswapd-vs-mprotect-1999-patch.jpf"
)
./mmcheck --version >/dev/null 2>&1 # builds if needed
out="$(mktemp)"
trap 'rm -f "$out"' EXIT
for ((r = 1; r <= reps; r++)); do
  for run in "${runs[@]}"; do
    for w in 1 2; do
      # shellcheck disable=SC2086
      line="$( (MMCHECK_NO_BUILD=1 ./mmcheck --no-progress $run +search.strategy=exhaustive +search.max_executions=$cap \
        +search.workers=$w +report.console.trace=false 2>&1 || true) | awk '
          /^executions:/ {e=$2} /^wall time:/ {t=$3} /^no errors detected|^error #1|^search was/ {if (!v) v=$0}
          END {print e "\t" t "\t" v}')"
      printf '%s\t%s\t%s\n' "${run%% *}" "$w" "$line" >>"$out"
    done
  done
done
echo "### Parallel unreduced search: 1 vs 2 workers ($(date -u +%F), $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg), $reps runs each, cap $cap executions)"
echo
python3 - "$out" <<'PY'
import statistics, sys, collections
rows = collections.defaultdict(list)
for l in open(sys.argv[1]):
    cfg, w, e, t, v = (l.rstrip("\n").split("\t") + [""] * 5)[:5]
    h, m, s = t.split(":")
    secs = int(h) * 3600 + int(m) * 60 + float(s)
    rows[(cfg, int(w))].append((int(e.replace(",", "")), secs, v))
print("| config | workers | executions (all runs) | median wall s | executions/s (median) | speed-up |")
print("|---|---:|---:|---:|---:|---:|")
for cfg in dict.fromkeys(k[0] for k in rows):
    base = None
    for w in (1, 2):
        r = rows[(cfg, w)]
        execs = sorted(set(x[0] for x in r))
        med = statistics.median(x[1] for x in r)
        rate = statistics.median(x[0] / x[1] for x in r if x[1] > 0)
        base = base or rate
        print(f"| {cfg} | {w} | {', '.join(map(str, execs))} | {med:.2f} | {rate:,.0f} | {rate / base:.2f}x |")
PY
