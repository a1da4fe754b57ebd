#!/usr/bin/env bash
# The cluster search against the single-JVM one on this machine (BENCHMARKS.md "Cluster"):
# two `mmcheck cluster-member` processes on 127.0.0.1 (one model-thread carrier each) and a
# submitter, against one local run (1 worker); alternating, [reps] runs each (default 3).
# The members are started for each cluster run and stopped before each local run: idle
# Hazelcast members in the background slow a local run by about a quarter on 2 cores (their
# heartbeat and partition threads), which would flatter the cluster. So each cluster run
# includes the members' cold JIT, as a one-off cluster search does.
# Usage: bench/cluster.sh [reps] [config and overrides...]
set -euo pipefail
cd "$(dirname "$0")/.."
reps="${1:-3}"
shift || true
if [ $# -gt 0 ]; then run=("$@"); else
  run=(jpf-configs/v26/pagecache-write-two-pages-2.6.24.jpf +search.preemption_bound=3)
fi
./mmcheck --version >/dev/null 2>&1 # builds if needed
logs="$(mktemp -d)"
pids=()
stop_members() {
  for p in ${pids[@]+"${pids[@]}"}; do kill "$p" 2>/dev/null || true; done
  for p in ${pids[@]+"${pids[@]}"}; do wait "$p" 2>/dev/null || true; done
  pids=()
}
trap 'stop_members; rm -rf "$logs"' EXIT
start_members() { # sets members=host:port,host:port
  local p1=$((20000 + RANDOM % 20000)) p
  local p2=$((p1 + 1))
  for p in "$p1" "$p2"; do
    MMCHECK_NO_BUILD=1 MMCHECK_JAVA_OPTS=-Djdk.virtualThreadScheduler.parallelism=1 ./mmcheck cluster-member \
      --bind 127.0.0.1 --port "$p" --members "127.0.0.1:$p1,127.0.0.1:$p2" >"$logs/$p" 2>&1 &
    pids+=($!)
  done
  for p in "$p1" "$p2"; do
    for _ in $(seq 1 60); do grep -q listening "$logs/$p" && break; sleep 1; done
    grep -q listening "$logs/$p" || { cat "$logs/$p" >&2; exit 1; }
  done
  sleep 3 # the two members join
  members="127.0.0.1:$p1,127.0.0.1:$p2"
}
one() { # $@: extra args; prints executions, wall s, verdict
  (MMCHECK_NO_BUILD=1 ./mmcheck --quiet "$@" "${run[@]}" +search.strategy=exhaustive +report.console.trace=false 2>&1 || true) \
    | awk '/^executions:/ {e=$2} /^wall time:/ {t=$3} /^cluster: / {c=$0} /^no errors detected|^error #1/ {if (!v) v=$0}
      END {split(t, a, ":"); printf "%s\t%.2f\t%s\t%s\n", e, a[1]*3600 + a[2]*60 + a[3], v, c}'
}
for ((r = 1; r <= reps; r++)); do
  printf 'local\t%s\n' "$(one)"
  start_members
  printf 'cluster\t%s\n' "$(one --cluster "$members")"
  stop_members
done
