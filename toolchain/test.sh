#!/usr/bin/env bash
# Builds, then runs every suite: the engine's GoogleTest suite (ctest), the npm API (node:test),
# and the page end to end (node:test + playwright-core + Debian chromium). Every suite runs even
# when an earlier one fails; the last line is the totals, and the exit code is non-zero on any
# failure.
set -uo pipefail
source "$(dirname "$0")/env.sh"
cd "$ISNAD_ROOT"

bash toolchain/build.sh || { echo "0 passed, 1 failed"; exit 1; }
mkdir -p build/test-logs
passed=0 failed=0 skipped=0 status=0

echo "== engine (ctest)"
(cd build/native && ctest --output-on-failure -j "$(nproc)") 2>&1 | tee build/test-logs/ctest.log | tail -n 25
line=$(grep -E "tests passed, [0-9]+ tests failed out of" build/test-logs/ctest.log || true)
if [ -n "$line" ]; then
  total=$(sed -E 's/.*out of ([0-9]+).*/\1/' <<<"$line")
  bad=$(sed -E 's/.* ([0-9]+) tests failed.*/\1/' <<<"$line")
  skip=$(grep -c "\*\*\*Skipped\| Skipped " build/test-logs/ctest.log || true)
  passed=$((passed + total - bad - skip)); failed=$((failed + bad)); skipped=$((skipped + skip))
  [ "$bad" -eq 0 ] || status=1
else
  echo "ctest produced no summary"; failed=$((failed + 1)); status=1
fi

run_node_suite() {  # name, directory
  echo "== $1 (node --test $2)"
  node --test --test-reporter=tap "$2" > "build/test-logs/$1.tap" 2>&1
  local rc=$?
  grep -E "^not ok|^# (tests|pass|fail|skipped)" "build/test-logs/$1.tap"
  local p f s
  p=$(grep -E "^# pass " "build/test-logs/$1.tap" | awk '{print $3}'); p=${p:-0}
  f=$(grep -E "^# fail " "build/test-logs/$1.tap" | awk '{print $3}'); f=${f:-0}
  s=$(grep -E "^# skipped " "build/test-logs/$1.tap" | awk '{print $3}'); s=${s:-0}
  if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then
    tail -n 40 "build/test-logs/$1.tap"; f=1
  fi
  [ "$f" -eq 0 ] || { grep -B2 -A25 "^not ok" "build/test-logs/$1.tap" | head -n 120; status=1; }
  passed=$((passed + p)); failed=$((failed + f)); skipped=$((skipped + s))
}
run_node_suite js tests/js/
run_node_suite e2e tests/e2e/

echo "Totals: $passed passed, $failed failed, $skipped skipped"
exit $status
