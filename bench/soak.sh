#!/usr/bin/env bash
# Heap soak (issue 15 item 8a): every shipped scenario config (jpf-configs/**.jpf) for a fixed
# number of executions under -Xmx256m, each in its own JVM (so one config's retention cannot
# slow the next); prints, as markdown, each config's verdict as shipped and the heap retained
# after a full GC at the start and the end of its soak (flat = no retention), then a class
# histogram of the live heap for every config whose retained heap grew.
#   bench/soak.sh [executions] [seconds-per-config] [--no-build]    default 20000, 60
set -euo pipefail
cd "$(dirname "$0")/.."
executions="${1:-20000}"
seconds="${2:-60}"
[ "${3:-}" = --no-build ] || mvn -q -B -DskipTests package
. bench/lib.sh
mkdir -p bench/target
out=bench/target/soak.md
notes="$(mktemp)"
trap 'rm -f "$notes"' EXIT
flat=0
total=0
{
  echo "## Heap soak: $(date -u +%F), \`bench/soak.sh $executions $seconds\`, -Xmx256m, $("$java_bin" -version 2>&1 | head -1), load average $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo ?)"
  echo
  echo "| config | verdict as shipped (expect) | soak executions | searches | soak end | retained at 100 (MB) | at the end (MB) | growth (MB) | exec/s |"
  echo "|---|---|---:|---:|---|---:|---:|---:|---:|"
  while IFS= read -r f; do
    res="$(timeout -k 20 $((2 * seconds + 120)) "$java_bin" "${vm_opts[@]}" -Xmx256m -cp "$bench_cp" dev.mmcheck.bench.SoakBenchmark "$executions" "$seconds" \
      --rows-only "$f" 2>&1 || true)"
    printf '%s\n' "$res" | grep '^| ' || echo "| $f | no result: $(printf '%s' "$res" | tail -1 | cut -c1-100) | | | | | | | |"
    printf '%s\n' "$res" | sed -n '/^Retention:/,/^FLAT /p' | grep -v '^FLAT ' >>"$notes" || true
    f_flat="$(printf '%s\n' "$res" | awk '/^FLAT / { print $2 }')"
    flat=$((flat + ${f_flat:-0}))
    total=$((total + 1))
  done < <(find jpf-configs -name '*.jpf' | LC_ALL=C sort)
  echo
  echo "$flat of $total configs flat (retained heap grew by at most 8 MB between execution 100 and the last)."
  if [ -s "$notes" ]; then
    echo
    sed 's/^Retention:/\nRetention:/' "$notes"
  fi
} | tee "$out"
