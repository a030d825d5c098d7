#!/usr/bin/env bash
# npm run fuzz -- SECONDS: libFuzzer (clang, -fsanitize=fuzzer,address,undefined) over the
# analyzer's public entry point for SECONDS (default 60). The working corpus lives in
# $ISNAD_CACHE/fuzz-corpus, seeded from tests/fuzz/corpus; a crasher is written to
# build/fuzz/crashes/ and makes the run fail. Copy it into tests/fuzz/regressions/, which the
# normal test suite replays.
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$ISNAD_ROOT"
seconds="${1:-60}"
bash toolchain/install-system.sh > /dev/null

echo "[fuzz] building build/fuzz (clang, ASan + UBSan + libFuzzer)"
CC=clang CXX=clang++ cmake -S . -B build/fuzz -DCMAKE_BUILD_TYPE=RelWithDebInfo -DISNAD_FUZZ=ON > build-fuzz-configure.log 2>&1 || {
  cat build-fuzz-configure.log; exit 1; }
rm -f build-fuzz-configure.log
cmake --build build/fuzz -j "$(nproc)" --target isnad_fuzzer 2>&1 | grep -E "error|warning: unused" || true
test -x build/fuzz/tests/isnad_fuzzer || { echo "[fuzz] build failed"; exit 1; }

corpus="$ISNAD_CACHE/fuzz-corpus"
mkdir -p "$corpus" build/fuzz/crashes
cp -n tests/fuzz/corpus/* tests/fuzz/regressions/* "$corpus"/ 2>/dev/null || true
echo "[fuzz] ${seconds}s over $corpus"
build/fuzz/tests/isnad_fuzzer "$corpus" -max_total_time="$seconds" -max_len=65536 -timeout=20 \
  -rss_limit_mb=4096 -artifact_prefix=build/fuzz/crashes/ -print_final_stats=1 2>&1 | tail -n 25
