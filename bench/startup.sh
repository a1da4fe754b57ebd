#!/usr/bin/env bash
# Start-up of ./mmcheck on a small config (issue 13.6), warm file cache, as markdown:
#   bench/startup.sh [runs]      default 20 runs per variant (hyperfine if installed)
# Variants, side by side: this launcher without the start-up cache (MMCHECK_AOT=0), this
# launcher with it, and the bare JVM command with the cache (the floor; the same JVM options as
# the launcher's, which the cache was made with). All with MMCHECK_NO_BUILD=1.
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-20}"
config=jpf-configs/examples/abba-ordered.jpf
. bench/lib.sh
./mmcheck --version >/dev/null 2>&1 # builds if needed and makes the start-up cache
variants=()
aot="$(ls cli/target/mmcheck-jdk*.aot cli/target/mmcheck-jdk*.jsa 2>/dev/null | head -1 || true)"
variants+=("this launcher, MMCHECK_AOT=0|env MMCHECK_NO_BUILD=1 MMCHECK_AOT=0 ./mmcheck $config")
variants+=("this launcher (start-up cache)|env MMCHECK_NO_BUILD=1 ./mmcheck $config")
if [ -n "$aot" ]; then
  case "$aot" in
    *.aot) use="-XX:AOTCache=$PWD/$aot -Xlog:aot=off -Xlog:cds=off" ;;
    *) use="-XX:SharedArchiveFile=$PWD/$aot -Xlog:cds=off" ;;
  esac
  variants+=("bare java command with the cache|$java_bin ${vm_opts[*]} $use -cp $PWD/$(bench_jar cli):$PWD/cli/target/lib/* dev.mmcheck.cli.Main $config")
fi
echo "### Start-up: \`./mmcheck $config\`, warm file cache, $runs runs each ($(date -u +%F), load average $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo ?))"
echo
echo "| variant | median s | min s | user+sys CPU s (mean) |"
echo "|---|---:|---:|---:|"
for v in "${variants[@]}"; do
  name="${v%%|*}"
  cmd="${v#*|}"
  if command -v hyperfine >/dev/null 2>&1; then
    json="$(mktemp)"
    hyperfine -N -w 2 -r "$runs" --export-json "$json" "$cmd" >/dev/null 2>&1
    python3 - "$json" "$name" <<'PY'
import json, statistics, sys
r = json.load(open(sys.argv[1]))["results"][0]
print("| %s | %.3f | %.3f | %.3f |" % (sys.argv[2], statistics.median(r["times"]), min(r["times"]), r["user"] + r["system"]))
PY
    rm -f "$json"
  else
    for i in $(seq "$runs"); do
      s=$(date +%s%N); $cmd >/dev/null 2>&1 || true; e=$(date +%s%N); echo $(( (e - s) / 1000000 ))
    done | sort -n | awk -v n="$name" '{ a[NR] = $1 } END { printf "| %s | %.3f | %.3f | - |\n", n, a[int((NR + 1) / 2)] / 1000, a[1] / 1000 }'
  fi
done
echo
echo "(hyperfine: $(command -v hyperfine >/dev/null 2>&1 && hyperfine --version || echo 'not installed; date loop'))"
