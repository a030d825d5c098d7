#!/usr/bin/env bash
# npm run fuzz -- SECONDS [TARGET]: libFuzzer (clang, -fsanitize=fuzzer,address,undefined) for
# SECONDS (default 60) over one target:
#   analyzer     (default) the analyzer's public entry point; the working corpus lives in
#                $ISNAD_CACHE/fuzz-corpus, seeded from tests/fuzz/corpus and tests/fuzz/regressions
#   crf-section  the tagger's model section parser; corpus $ISNAD_CACHE/fuzz-crf-corpus, seeded
#                with small sections the fuzzer writes itself (--write-seeds)
# A crasher is written to build/fuzz/crashes/ and makes the run fail. Copy an analyzer crasher
# into tests/fuzz/regressions/, which the normal test suite replays; a section crasher becomes a
# case in tests/isnad/ner/crf_model_test.cc.
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$ISNAD_ROOT"
seconds="${1:-60}"
target="${2:-analyzer}"
case "$target" in
  analyzer) binary=isnad_fuzzer; corpus="$ISNAD_CACHE/fuzz-corpus"; max_len=65536 ;;
  crf-section) binary=isnad_crf_fuzzer; corpus="$ISNAD_CACHE/fuzz-crf-corpus"; max_len=262144 ;;
  *) echo "[fuzz] unknown target '$target' (analyzer or crf-section)"; exit 2 ;;
esac
bash toolchain/install-system.sh > /dev/null

echo "[fuzz] building build/fuzz (clang, ASan + UBSan + libFuzzer)"
CC=clang CXX=clang++ cmake -S . -B build/fuzz -DCMAKE_BUILD_TYPE=RelWithDebInfo -DISNAD_FUZZ=ON > build-fuzz-configure.log 2>&1 || {
  cat build-fuzz-configure.log; exit 1; }
rm -f build-fuzz-configure.log
cmake --build build/fuzz -j "$(nproc)" --target "$binary" 2>&1 | grep -E "error|warning: unused" || true
test -x "build/fuzz/tests/$binary" || { echo "[fuzz] build failed"; exit 1; }

mkdir -p "$corpus" build/fuzz/crashes
if [ "$target" = analyzer ]; then
  cp -n tests/fuzz/corpus/* tests/fuzz/regressions/* "$corpus"/ 2>/dev/null || true
else
  "build/fuzz/tests/$binary" --write-seeds "$corpus"
fi
echo "[fuzz] $target, ${seconds}s over $corpus"
"build/fuzz/tests/$binary" "$corpus" -max_total_time="$seconds" -max_len="$max_len" -timeout=20 \
  -rss_limit_mb=4096 -artifact_prefix=build/fuzz/crashes/ -print_final_stats=1 2>&1 | tail -n 25
