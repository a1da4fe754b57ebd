#!/usr/bin/env bash
# Parallel unreduced search (search.workers, issue 13.4): the same work on 1 and 2 workers,
# alternating, as markdown. Each run is capped at a fixed number of executions, so the figure is
# executions per second of search wall time over the same work; the verdict and the execution
# count must not depend on the number of workers (the table shows both). Variants per config:
#   1 worker                   the sequential search (one JVM)
#   2 workers                  search.workers=2, each worker on a carrier of its own (the default)
#   2 workers, JVM carriers    the same on the JVM's scheduler with parallelism 2 (-Dmmcheck.jvmCarriers=true)
#   2 JVMs x 1 worker          two independent sequential searches at once, half the cap each:
#                              what two cores give two runs that share nothing (the machine's ceiling)
#   bench/parallel.sh [reps] [cap]      default 5 repetitions, cap 600000 executions
set -euo pipefail
cd "$(dirname "$0")/.."
reps="${1:-5}"
cap="${2:-600000}"
runs=(
  "jpf-configs/v26/pagecache-write-two-pages-2.6.24.jpf +search.preemption_bound=3"
  "jpf-configs/kswapd-vs-mprotect-1999-patch.jpf"
)
./mmcheck --version >/dev/null 2>&1 # builds if needed
out="$(mktemp)"
tmpa="$(mktemp)"
tmpb="$(mktemp)"
trap 'rm -f "$out" "$tmpa" "$tmpb"' EXIT
one() { # $1 run, $2 cap, $3 workers, $4 java opts -> "executions<TAB>seconds<TAB>verdict"
  # shellcheck disable=SC2086
  (MMCHECK_NO_BUILD=1 MMCHECK_JAVA_OPTS="$4" ./mmcheck --no-progress $1 +search.strategy=exhaustive \
    +search.max_executions=$2 +search.workers=$3 +report.console.trace=false 2>&1 || true) | awk '
      /^executions:/ {e=$2} /^wall time:/ {split($3, t, ":"); s=t[1]*3600+t[2]*60+t[3]}
      /^no errors detected|^error #1|^search was/ {if (!v) v=$0}
      END {print e "\t" s "\t" v}'
}
for ((r = 1; r <= reps; r++)); do
  for run in "${runs[@]}"; do
    printf '%s\t1 worker\t%s\n' "${run%% *}" "$(one "$run" "$cap" 1 "")" >>"$out"
    printf '%s\t2 workers\t%s\n' "${run%% *}" "$(one "$run" "$cap" 2 "")" >>"$out"
    printf '%s\t2 workers, JVM carriers\t%s\n' "${run%% *}" "$(one "$run" "$cap" 2 \
      "-Dmmcheck.jvmCarriers=true -Djdk.virtualThreadScheduler.parallelism=2 -Djdk.virtualThreadScheduler.maxPoolSize=2")" >>"$out"
    one "$run" $((cap / 2)) 1 "" >"$tmpa" & one "$run" $((cap / 2)) 1 "" >"$tmpb"; wait
    python3 - "$tmpa" "$tmpb" "${run%% *}" >>"$out" <<'PY'
import sys
a = open(sys.argv[1]).read().rstrip("\n").split("\t")
b = open(sys.argv[2]).read().rstrip("\n").split("\t")
e = int(a[0].replace(",", "")) + int(b[0].replace(",", ""))
print(f"{sys.argv[3]}\t2 JVMs x 1 worker\t{e}\t{max(float(a[1]), float(b[1]))}\t{a[2]}")
PY
  done
done
echo "### Parallel unreduced search: 1 vs 2 workers ($(date -u +%F), $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg), $reps runs each, cap $cap executions)"
echo
python3 - "$out" <<'PY'
import statistics, sys, collections
rows = collections.defaultdict(list)
order = []
for l in open(sys.argv[1]):
    cfg, var, e, s, v = (l.rstrip("\n").split("\t") + [""] * 5)[:5]
    if (cfg, var) not in rows:
        order.append((cfg, var))
    rows[(cfg, var)].append((int(e.replace(",", "")), float(s), v))
print("| config | variant | executions (all runs) | median wall s | executions/s (median) | vs 1 worker |")
print("|---|---|---:|---:|---:|---:|")
base = {}
for cfg, var in order:
    r = rows[(cfg, var)]
    execs = sorted(set(x[0] for x in r))
    med = statistics.median(x[1] for x in r)
    rate = statistics.median(x[0] / x[1] for x in r if x[1] > 0)
    base.setdefault(cfg, rate)
    print(f"| {cfg} | {var} | {', '.join(map(str, execs))} | {med:.2f} | {rate:,.0f} | {rate / base[cfg]:.2f}x |")
PY
