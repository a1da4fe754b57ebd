#!/usr/bin/env bash
# Report sizes and render times at 100 / 1,000 / 3,000 events (HTML, text, JSON; headless
# Chromium when installed). Prints figures (medians). Usage: bench/report.sh [repetitions]
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B -DskipTests -pl engine,bench -am package
java_bin=java
for j in "${JAVA_HOME:-}" /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/*; do
  if [ -n "$j" ] && [ -x "$j/bin/java" ] && "$j/bin/java" -version 2>&1 | grep -qE 'version "(2[1-9]|[3-9][0-9])'; then
    java_bin="$j/bin/java"; break
  fi
done
cp=$(ls engine/target/mmcheck-engine-*.jar | head -1):$(ls bench/target/mmcheck-bench-*.jar | head -1)
for d in com/google/guava/guava com/google/code/gson/gson com/google/guava/failureaccess; do
  cp="$cp:$(find ~/.m2/repository/$d -name '*.jar' | sort | tail -1)"
done
exec "$java_bin" -Djdk.virtualThreadScheduler.parallelism=1 -Djdk.virtualThreadScheduler.maxPoolSize=1 -Xmx1g \
  -cp "$cp" dev.mmcheck.bench.ReportBenchmark "$@"
