#!/usr/bin/env bash
# Regenerates the golden files from the current output, then shows what changed:
#   engine/src/test/resources/golden  (text, HTML and JSON reports: ReportGoldenTest; HtmlBrowserTest
#                                      then renders the HTML ones in headless Chromium)
#   cli/src/test/resources/golden     (mmcheck list / keys: ListAndKeysTest; necessity: NecessityCommandTest)
#   engine golden also holds lockdep-*.txt/html (LockdepGoldenTest) and necessity-* (NecessityGoldenTest)
# Review the diff before committing: a golden file is a spec, and a diff you did not expect is a bug.
set -euo pipefail
cd "$(dirname "$0")/../.."   # engine/
cd ..                        # repository root
mvn -q -B -o test -pl engine,model,properties,cli -Dtest='ReportGoldenTest,LockdepGoldenTest,NecessityGoldenTest,ListAndKeysTest,NecessityCommandTest' \
  -Dsurefire.failIfNoSpecifiedTests=false -Dmmcheck.regenGolden=true
git --no-pager diff --stat -- engine/src/test/resources/golden cli/src/test/resources/golden
git status --short --untracked-files=all -- engine/src/test/resources/golden cli/src/test/resources/golden \
  | grep '^??' | sed 's/^?? /new: /' || true
echo "golden files regenerated; review with: git diff -- '*/src/test/resources/golden'"
