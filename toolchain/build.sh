#!/usr/bin/env bash
# Builds everything from a fresh machine: installs what is missing, ICU for wasm (cached in
# $ISNAD_CACHE), the native engine, CLI and tests (build/native), the model, the wasm module
# (build/wasm -> wasm/dist) and the servable page (build/web). Each step is incremental.
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$ISNAD_ROOT"

bash toolchain/install-system.sh
bash toolchain/install-npm.sh
bash toolchain/fetch-icu-source.sh
bash toolchain/build-icu-wasm.sh > "$ISNAD_CACHE/build-icu-wasm.last.log" 2>&1 || {
  tail -n 40 "$ISNAD_CACHE/build-icu-wasm.last.log"; exit 1; }
tail -n 1 "$ISNAD_CACHE/build-icu-wasm.last.log"

jobs=$(nproc)
echo "[build] native (build/native)"
cmake -S . -B build/native -DCMAKE_BUILD_TYPE=Release > build-native-configure.log 2>&1 || {
  cat build-native-configure.log; exit 1; }
rm -f build-native-configure.log
cmake --build build/native -j "$jobs" 2>&1 | grep -E "error|warning|Error" || true
test -x build/native/isnad || { echo "[build] native build failed"; cmake --build build/native -j 1; exit 1; }

echo "[build] model (models/isnad.model: lexicons/ + the trained sections it already has)"
build/native/isnad model build --lexicons lexicons --base models/isnad.model --out models/isnad.model

# Release (-O3) compiles, and wasm/CMakeLists.txt links at -O3 too (with emmalloc): measured 2.7x
# faster than MinSizeRel (libc++ string accessors get inlined), and -O3 over -Os links 15% more.
echo "[build] wasm (build/wasm -> wasm/dist)"
emcmake cmake -S . -B build/wasm -DCMAKE_BUILD_TYPE=Release -DICU_ROOT="$ISNAD_ICU_WASM" \
  -DCMAKE_CROSSCOMPILING_EMULATOR=/usr/bin/node > build/wasm-configure.log 2>&1 || {
  cat build/wasm-configure.log; exit 1; }
cmake --build build/wasm -j "$jobs" > build/wasm-build.log 2>&1 || { tail -n 60 build/wasm-build.log; exit 1; }

echo "[build] page (build/web)"
node toolchain/build-web.mjs > build/web-sizes.json
echo "[build] done"
