#!/usr/bin/env bash
# Issue 13.1, side by side: warm executions/s of this checkout against another build (e.g. main)
# in one run, as markdown on stdout:
#   bench/vs-main.sh OTHER_ROOT [jvms] [reps] [config ...]
# OTHER_ROOT is a built checkout (e.g. `git clone /work/main /tmp/speedcmp && cd /tmp/speedcmp &&
# mvn -B -q package -DskipTests`). For each config, `jvms` JVMs per side (default 3), alternating
# other / this, each running SpeedBenchmark `warm reps` (default 3: a 1 s warm-up, then reps
# repetitions of >= 1 s; the JVM's figure is their median). The harness is this checkout's bench
# jar in both; only the engine / model / properties / cli jars differ. The table gives the median
# over the JVMs of each side and the ratio this / other. Both sides run this checkout's config
# files. Build this checkout first (mvn -B -q -DskipTests package).
set -euo pipefail
cd "$(dirname "$0")/.."
other="${1:?usage: bench/vs-main.sh OTHER_ROOT [jvms] [reps] [config ...]}"
jvms="${2:-3}"
reps="${3:-3}"
shift $(($# < 3 ? $# : 3))
configs=("$@")
[ ${#configs[@]} -gt 0 ] || configs=(
  jpf-configs/v26/pagecache-write-two-pages-2.6.24.jpf
  jpf-configs/v26/gup-under-mmap-sem-2013.jpf
  jpf-configs/v26/pagecache-write-mlock-2.6.24.jpf
)
. bench/lib.sh
other_cli="$(cd "$other" && bench_jar cli)"
other_cp="$other/$other_cli:$other/cli/target/lib/*:$(bench_jar bench)"
rate() { # $1 class path, $2 config: the exec/s column of SpeedBenchmark warm
  "$java_bin" "${vm_opts[@]}" -Xmx2g -cp "$1" dev.mmcheck.bench.SpeedBenchmark warm "$reps" "$2" \
    | awk -F'|' '{ gsub(/[ ,]/, "", $6); print $6 }'
}
median() { sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }
echo "Command: \`bench/vs-main.sh $other $jvms $reps\` ($(date -u +%F), $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo ?));"
echo "other = $other at $(git -C "$other" rev-parse --short HEAD 2>/dev/null || echo ?), this = $(git rev-parse --abbrev-ref HEAD 2>/dev/null || echo ?) at $(git rev-parse --short HEAD 2>/dev/null || echo ?);"
echo "$("$java_bin" -version 2>&1 | head -1); ${vm_opts[*]} -Xmx2g; $jvms JVMs per side, alternating, each SpeedBenchmark warm $reps."
echo
echo "| config | properties that walked stacks | other exec/s (per JVM) | this exec/s (per JVM) | other median | this median | this / other |"
echo "|---|---|---|---|---:|---:|---:|"
for f in "${configs[@]}"; do
  props="$(grep -oE '(^|[ ,=])(documented-lock-order|lock-order|vmlist-rules)' "$f" | tr -d ' ,=' | sort -u | paste -sd, -)"
  a=() b=()
  for i in $(seq "$jvms"); do
    a+=("$(rate "$other_cp" "$f")")
    b+=("$(rate "$bench_cp" "$f")")
  done
  ma="$(printf '%s\n' "${a[@]}" | median)"
  mb="$(printf '%s\n' "${b[@]}" | median)"
  printf '| %s | %s | %s | %s | %s | %s | %s |\n' "$f" "${props:--}" "${a[*]}" "${b[*]}" "$ma" "$mb" \
    "$(awk -v x="$mb" -v y="$ma" 'BEGIN { printf "%.2fx", x / y }')"
done
