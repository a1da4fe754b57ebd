#!/usr/bin/env bash
# Produces the search-speed figures of BENCHMARKS.md (issue 13) in one run, as markdown on
# stdout (and in bench/target/benchmarks.md):
#   bench/all.sh [repetitions] [--no-build]      default 5 repetitions
# Sections: real-model scenarios cold (a fresh JVM per search, median of 3) and warm; the same
# search repeated in one JVM (time and retained heap per search); lazy vs eager stacks (issue
# 13.1); the classic DPOR programs, optimal DPOR and source-DPOR side by side; scaling (cost per
# event as executions get longer); the heap retained after a full GC inside long searches; the
# start-up of ./mmcheck (bench/startup.sh); 1 vs 2 workers of the parallel search, with two
# independent JVMs as the machine's ceiling (bench/parallel.sh). Every section runs in its own JVM(s), so that what
# one leaves on the heap cannot slow the next. Medians; compare rows of one run only.
set -euo pipefail
cd "$(dirname "$0")/.."
reps="${1:-5}"
[ "${2:-}" = --no-build ] || mvn -q -B -DskipTests package
. bench/lib.sh
mkdir -p bench/target
out=bench/target/benchmarks.md
bench() { "$java_bin" "${vm_opts[@]}" -Xmx2g -cp "$bench_cp" dev.mmcheck.bench.SpeedBenchmark "$@"; }
rows=(
  "jpf-configs/v26/pagecache-write-two-pages-2.6.24.jpf"
  "jpf-configs/v26/pagecache-write-two-pages-2.6.24.jpf search.strategy=source-dpor"
  "jpf-configs/kswapd-vs-mprotect-1999-final.jpf"
  "jpf-configs/kswapd-vs-mprotect-1999-final.jpf search.strategy=exhaustive search.max_executions=20000"
  "jpf-configs/kswapd-vs-munmap-1999-final.jpf search.strategy=exhaustive search.max_executions=20000"
  "jpf-configs/kswapd-vs-munmap-1999-pre.jpf search.strategy=exhaustive search.max_executions=20000"
)
load() { cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo ?; }
{
  echo "## Search speed (issue 13): $(date -u +%F), $(nproc) cores, load average $(load)"
  echo
  echo "Command: \`bench/all.sh $reps\`; $("$java_bin" -version 2>&1 | head -1); ${vm_opts[*]} -Xmx2g; one JVM per row or section."
  echo
  echo "### Real-model scenarios, cold: the first search in a fresh JVM (class loading, JIT warm-up), median of 3 JVMs"
  echo
  echo "| config (+ overrides) | executions | events | exec/s | events/s | ns/event | config load ms |"
  echo "|---|---:|---:|---:|---:|---:|---:|"
  for row in "${rows[@]}"; do
    # shellcheck disable=SC2086 # a row is a config and its overrides
    for i in 1 2 3; do bench cold $row; done | sort -t$'\t' -k5,5n | sed -n 2p \
      | awk -F'\t' '{ printf "| %s | %\047d | %\047d | %\047d | %\047d | %\047d | %s |\n", $2, $3, $4, $5, $6, $7, $8 }'
  done
  echo
  echo "### Real-model scenarios, warm: after a 1 s warm-up, median of $reps repetitions of >= 1 s"
  echo
  echo "| config (+ overrides) | executions | events/exec | sleep-blocked | exec/s | events/s | ns/event | retained heap after (MB) |"
  echo "|---|---:|---:|---:|---:|---:|---:|---:|"
  for row in "${rows[@]}"; do
    # shellcheck disable=SC2086
    bench warm "$reps" $row
  done
  echo
  echo "### The same search again and again in one JVM: ms per search and retained heap (MB) after it"
  echo
  echo "| config | searches | ms per search (search number: ms) | retained heap (search number: MB) |"
  echo "|---|---:|---|---|"
  bench trend 12 jpf-configs/v26/pagecache-write-two-pages-2.6.24.jpf
  bench trend 12 jpf-configs/kswapd-vs-mprotect-1999-final.jpf search.strategy=exhaustive search.max_executions=20000
  echo
  echo "### Issue 13.1: stacks walked on every acquisition (before) vs built lazily (now), warm"
  echo
  echo "Before = the same search with the pre-13.1 walks re-added as a listener (one \`ctx.modelStack\`"
  echo "per acquisition per lock-order property); each side in its own JVMs, alternating, median of 3 JVMs x $reps repetitions."
  echo
  echo "| config | lock-order properties | exec/s before | exec/s now | ns/event before | ns/event now | speed-up |"
  echo "|---|---:|---:|---:|---:|---:|---:|"
  for f in jpf-configs/v26/pagecache-write-two-pages-2.6.24.jpf jpf-configs/v26/gup-under-mmap-sem-2013.jpf \
           jpf-configs/v26/pagecache-write-mlock-2.6.24.jpf; do
    for i in 1 2 3; do bench stacks "$reps" eager "$f"; bench stacks "$reps" lazy "$f"; done | awk -F'\t' '
      function med(a, n,   t, i, j) { for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (a[j] < a[i]) { t = a[i]; a[i] = a[j]; a[j] = t }
                                    return a[int((n + 1) / 2)] }
      $3 == "eager" { eb[++ne] = $5; en[ne] = $6 } $3 == "lazy" { lb[++nl] = $5; ln[nl] = $6 } { f = $2; w = $4 }
      END { b = med(eb, ne); l = med(lb, nl); printf "| %s | %d | %\047d | %\047d | %\047d | %\047d | %.2fx |\n", f, w, b, l, med(en, ne), med(ln, nl), l / b }'
  done
  echo
  echo "### Classic DPOR programs: optimal DPOR (default) and source-DPOR side by side"
  echo
  echo "*traces*: Mazurkiewicz traces (literature; brute force in DporBenchmarksTest; - = not known independently)."
  echo "*ms*: median wall time of one complete search ($reps repetitions). Issue 13 quotes source-DPOR before"
  echo "the fixes at 25,064 executions for indexer(14) and 7,869 for filesystem(19)."
  echo
  echo "| program | traces | optimal: executions | sleep-blocked | ms | source-DPOR: executions | completed | sleep-blocked | ms | time source/optimal |"
  echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
  bench dpor "$reps"
  echo
  echo "### Scaling: cost per event against events per execution (optimal DPOR, warm, $reps repetitions)"
  echo
  echo "| shape | threads | events/exec | executions | exec/s | events/s | ns/event |"
  echo "|---|---:|---:|---:|---:|---:|---:|"
  bench scaling "$reps"
  echo
  echo "### Heap retained after a full GC (not the used heap), sampled inside one exhaustive search"
  echo
  echo "| search | after 1,000 | 5,000 | 10,000 | 20,000 executions (MB) | end |"
  echo "|---|---:|---:|---:|---:|---|"
  for i in 0 1 2; do bench heap "$i"; done
  echo
  bench/startup.sh 20
  echo
  bench/parallel.sh "$reps"
} | tee "$out"
