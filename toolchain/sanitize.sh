#!/usr/bin/env bash
# The whole GoogleTest suite built with AddressSanitizer and UndefinedBehaviorSanitizer
# (build/asan). Any report fails the run. .ci/run calls it after npm test.
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$ISNAD_ROOT"
bash toolchain/install-system.sh > /dev/null
echo "[sanitize] building build/asan (ASan + UBSan)"
cmake -S . -B build/asan -DCMAKE_BUILD_TYPE=RelWithDebInfo -DISNAD_SANITIZE=ON > build-asan-configure.log 2>&1 || {
  cat build-asan-configure.log; exit 1; }
rm -f build-asan-configure.log
cmake --build build/asan -j "$(nproc)" 2>&1 | grep -E "error" || true
test -x build/asan/tests/isnad_tests || { echo "[sanitize] build failed"; cmake --build build/asan -j 1; exit 1; }
# Leaks count too; ICU's own caches are freed at exit by u_cleanup, not before.
export ASAN_OPTIONS="detect_leaks=1:abort_on_error=1:strict_string_checks=1"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
(cd build/asan && ctest -j "$(nproc)" --output-on-failure 2>&1 | tail -n 15)
