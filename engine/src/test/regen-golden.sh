#!/usr/bin/env bash
# Regenerates the report golden files under engine/src/test/resources/golden from the current
# output, then shows what changed. Review the diff before committing: a golden file is a spec.
set -euo pipefail
cd "$(dirname "$0")/../.."   # engine/
mvn -q -B -o test -Dtest='ReportGoldenTest' -Dsurefire.failIfNoSpecifiedTests=false -Dmmcheck.regenGolden=true
git --no-pager diff --stat -- src/test/resources/golden
echo "golden files regenerated; review with: git diff -- engine/src/test/resources/golden"
