# Sourced by the bench scripts: the JDK 21+ to run with ($java_bin), the harness class path
# ($bench_cp: cli jar, its runtime libraries, the bench jar) and the JVM options of ./mmcheck.
java_bin=java
for j in "${JAVA_HOME:-}" /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/*; do
  if [ -n "$j" ] && [ -x "$j/bin/java" ] && "$j/bin/java" -version 2>&1 | grep -qE 'version "(2[1-9]|[3-9][0-9])'; then
    java_bin="$j/bin/java"; break
  fi
done
bench_jar() { # the jar of module $1 (not -sources / -javadoc / -tests)
  local j
  for j in "$1"/target/mmcheck-*.jar; do
    case "$j" in *-sources.jar|*-javadoc.jar|*-tests.jar) continue ;; esac
    [ -f "$j" ] && { printf '%s' "$j"; return 0; }
  done
  echo "no $1 jar: build first (mvn -B -DskipTests package)" >&2
  return 1
}
bench_cp="$(bench_jar cli):cli/target/lib/*:$(bench_jar bench)"
# the same as the launcher's (its start-up cache is made with them)
vm_opts=(-Djdk.virtualThreadScheduler.parallelism=1 -Djdk.virtualThreadScheduler.maxPoolSize=1 -XX:+UseParallelGC
  --add-opens=java.base/java.lang=ALL-UNNAMED
  --add-modules java.se --add-exports java.base/jdk.internal.ref=ALL-UNNAMED
  --add-opens java.base/sun.nio.ch=ALL-UNNAMED
  --add-opens java.management/sun.management=ALL-UNNAMED
  --add-opens jdk.management/com.sun.management.internal=ALL-UNNAMED)
if "$java_bin" -version 2>&1 | grep -qE 'version "(2[3-9]|[3-9][0-9])'; then vm_opts+=(--sun-misc-unsafe-memory-access=allow); fi
