#!/usr/bin/env bash
# Builds ICU 72.1 for wasm32 (Debian's emscripten 3.1.6) plus Isnad's trimmed ICU data, into
#
#   ${ISNAD_CACHE:-$HOME/.cache/isnad}/icu-72.1-wasm/
#     include/unicode/*.h
#     lib/libicuuc.a lib/libicui18n.a   the libraries (-Os)
#     lib/libicudata.a                  ICU's *stub* data library (empty data): do NOT link it
#     lib/libisnad_icudata.a            the trimmed data compiled to wasm (symbol icudt72_dat):
#                                       link it instead of -licudata
#     data/icudt72l.dat                 the trimmed data package itself (for inspection)
#     data/icudt72_dat.c                the same as C (genccode)
#     data/*.txt                        the genrb sources of the regenerated root bundles
#
# What goes into the data is listed in toolchain/icu-data/items.txt. Before the stamp is written,
# toolchain/icu-data/smoke.cc is built with em++ against the prefix and with g++ against the system
# ICU; both must pass and print identical output.
#
# Idempotent: a stamp (.complete) keyed on the ICU version and a hash of this script, items.txt,
# dump_translit.cc and smoke.cc makes a re-run exit at once. The libraries are keyed separately
# (on the configure line), so editing items.txt only redoes the data (seconds).
#
# Usage: build-icu-wasm.sh [--check]   (--check: rerun the smoke test even when cached)
# Progress goes to stderr; the last line (stdout) is the prefix, so
#   ICU_ROOT="$(toolchain/build-icu-wasm.sh)"
# works. Long outputs are logged in the cache's logs/ directory; their tail is shown on failure.
set -euo pipefail

ICU_VERSION=72.1
ICU_MAJOR=${ICU_VERSION%%.*}
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
DATA_DEFS="$HERE/icu-data"
CACHE="${ISNAD_CACHE:-$HOME/.cache/isnad}"
PREFIX="$CACHE/icu-$ICU_VERSION-wasm"
WORK="$CACHE/work/icu-$ICU_VERSION-wasm"
LOGS="$CACHE/logs"
STAMP="$PREFIX/.complete"
LIBS_STAMP="$PREFIX/.libs-complete"

export NODE_PATH="${NODE_PATH:-/usr/share/nodejs}"   # emcc's JS optimizer needs acorn from here
export PATH="$PATH:/usr/sbin"                         # icupkg and genccode live in /usr/sbin

check_only=0
case "${1:-}" in
  "") ;;
  --check) check_only=1 ;;
  *) echo "usage: $0 [--check]" >&2; exit 2 ;;
esac

log() { echo "[toolchain] $*" >&2; }
die() { echo "[toolchain] build-icu-wasm: ERROR: $*" >&2; exit 1; }
# run LOGNAME CMD...: runs CMD with its output in $LOGS/LOGNAME; on failure shows the log's tail.
run() {
  local logfile="$LOGS/$1"; shift
  if ! "$@" >"$logfile" 2>&1; then
    echo "[toolchain] build-icu-wasm: FAILED: $*" >&2
    echo "---- last 40 lines of $logfile ----" >&2
    tail -n 40 "$logfile" >&2
    exit 1
  fi
}

for f in items.txt dump_translit.cc smoke.cc; do
  [ -f "$DATA_DEFS/$f" ] || { echo "[toolchain] build-icu-wasm: ERROR: $DATA_DEFS/$f missing" >&2; exit 1; }
done
key="icu-$ICU_VERSION $(cat "${BASH_SOURCE[0]}" "$DATA_DEFS/items.txt" "$DATA_DEFS/dump_translit.cc" \
  "$DATA_DEFS/smoke.cc" | sha256sum | cut -c1-16)"

mkdir -p "$CACHE" "$LOGS"
exec 9>"$CACHE/.icu-wasm.lock"
flock 9 || die "cannot lock $CACHE/.icu-wasm.lock"

if [ "$check_only" = 0 ] && [ -f "$STAMP" ] && [ "$(cat "$STAMP")" = "$key" ]; then
  log "ICU $ICU_VERSION wasm: cached at $PREFIX"
  echo "$PREFIX"
  exit 0
fi
t0=$SECONDS

# ---- tools ---------------------------------------------------------------------------------------
for tool in emcc em++ emar emconfigure emmake node g++ icupkg genccode genrb pkg-config flock; do
  command -v "$tool" >/dev/null || die "$tool not found (run toolchain/install-system.sh)"
done
sys_icu="$(pkg-config --modversion icu-uc 2>/dev/null || true)"
[ "$sys_icu" = "$ICU_VERSION" ] || die "system ICU (libicu-dev) is '$sys_icu', need $ICU_VERSION"
read -ra sys_icu_flags <<<"$(pkg-config --cflags --libs icu-i18n icu-uc)"
emver="$(cat /usr/share/emscripten/emscripten-version.txt 2>/dev/null || emcc --version | head -1)"

# ---- source --------------------------------------------------------------------------------------
bash "$HERE/fetch-icu-source.sh" >&2
SRC="$CACHE/src/icu/source"
PREBUILT_DAT="$SRC/data/in/icudt${ICU_MAJOR}l.dat"
[ -f "$PREBUILT_DAT" ] || die "$PREBUILT_DAT missing from the ICU source"

rm -f "$STAMP"

# ---- libraries -----------------------------------------------------------------------------------
configure_args=(
  --host=wasm32-unknown-linux          # not -emscripten: config.sub rejects it
  --enable-static --disable-shared
  --disable-tools --disable-tests --disable-samples --disable-extras
  --disable-icuio --disable-layoutex
  --with-data-packaging=archive        # data comes separately (libisnad_icudata.a)
  --prefix="$PREFIX"
  CFLAGS=-Os CXXFLAGS=-Os
)
libs_key="icu-$ICU_VERSION emscripten-$emver $(printf '%s\n' "${configure_args[@]}" | sha256sum | cut -c1-16)"

libs_ok() {
  [ -f "$LIBS_STAMP" ] && [ "$(cat "$LIBS_STAMP")" = "$libs_key" ] &&
    [ -f "$PREFIX/lib/libicuuc.a" ] && [ -f "$PREFIX/lib/libicui18n.a" ] &&
    [ -f "$PREFIX/include/unicode/utypes.h" ]
}

if libs_ok; then
  log "ICU $ICU_VERSION wasm libraries: up to date"
else
  log "building ICU $ICU_VERSION for wasm32 (2-3 min on 2 cores; logs in $LOGS/icu-wasm-*.log)"
  rm -rf "$PREFIX" "$WORK/build" "$WORK/cross"

  # A stub "native build" directory for --with-cross-build, pointing at Debian's icu-devtools
  # binaries of the same version instead of building ICU natively first.
  syslibdir="$(pkg-config --variable=libdir icu-uc)"
  mkdir -p "$WORK/cross/config" "$WORK/cross/bin"
  cat >"$WORK/cross/config/icucross.mk" <<EOF
CROSS_ICU_VERSION=$ICU_VERSION
TOOLEXEEXT=
TOOLBINDIR=\$(cross_buildroot)/bin
TOOLLIBDIR=$syslibdir
INVOKE=
PKGDATA_INVOKE=
EOF
  cat >"$WORK/cross/config/icucross.inc" <<'EOF'
CURR_FULL_DIR?=$(shell pwd | sed 's/ /\\ /g')
EOF
  for t in derb genbrk gencfu gencnval gendict genrb icuexportdata icuinfo makeconv pkgdata uconv \
           escapesrc genccode gencmn gennorm2 gensprep icupkg; do
    p="$(command -v "$t" || true)"
    if [ -n "$p" ]; then ln -sf "$p" "$WORK/cross/bin/$t"; fi
  done
  for t in icupkg pkgdata genccode; do
    [ -e "$WORK/cross/bin/$t" ] || die "$t (icu-devtools) not found"
  done

  mkdir -p "$WORK/build"
  (
    cd "$WORK/build"
    run icu-wasm-configure.log emconfigure "$SRC/configure" "${configure_args[@]}" \
      --with-cross-build="$WORK/cross"
    run icu-wasm-make.log emmake make -j2
    run icu-wasm-install.log emmake make install
  )
  for f in lib/libicuuc.a lib/libicui18n.a include/unicode/utypes.h include/unicode/brkiter.h; do
    [ -f "$PREFIX/$f" ] || die "make install did not produce $PREFIX/$f"
  done
  # The full 31 MB data archive is of no use here: the trimmed one replaces it.
  rm -rf "$PREFIX/share/icu/$ICU_VERSION/icudt${ICU_MAJOR}l.dat"
  rm -rf "$WORK/build"   # objects are not needed once installed
  echo "$libs_key" >"$LIBS_STAMP"
  log "ICU $ICU_VERSION wasm libraries: built in $((SECONDS - t0)) s"
fi

# ---- trimmed data --------------------------------------------------------------------------------
log "trimming ICU data ($DATA_DEFS/items.txt)"
D="$WORK/data"
rm -rf "$D"
mkdir -p "$D/orig" "$D/pkg/brkitr" "$D/pkg/translit" "$D/tools"

plain=() brk_types=() brk_files=() translit_ids=()
while read -r kind a b rest; do
  case "$kind" in
    ""|"#"*) continue ;;
    item) plain+=("$a") ;;
    brkitr) [ -n "$b" ] || die "items.txt: 'brkitr' needs a type and a file"
            brk_types+=("$a"); brk_files+=("$b") ;;
    translit) translit_ids+=("$a") ;;
    *) die "items.txt: unknown kind '$kind'" ;;
  esac
  case "$rest" in ""|"#"*) ;; *) die "items.txt: trailing text '$rest' after '$kind $a $b'" ;; esac
done < <(sed 's/#.*//' "$DATA_DEFS/items.txt")

# What to take from the prebuilt package as is.
: >"$D/extract.txt"
for i in "${plain[@]}"; do echo "$i" >>"$D/extract.txt"; done
for f in "${brk_files[@]}"; do echo "brkitr/$f" >>"$D/extract.txt"; done
[ ${#translit_ids[@]} -eq 0 ] || echo "translit/root.res" >>"$D/extract.txt"
run icu-data.log icupkg -d "$D/orig" -x "$D/extract.txt" "$PREBUILT_DAT"
while read -r i; do
  [ -f "$D/orig/$i" ] || die "item '$i' is not in $PREBUILT_DAT"
done <"$D/extract.txt"

cp "$D/extract.txt" "$D/package.txt"
{ grep -v '^translit/root.res$' "$D/extract.txt" || true; } | while read -r i; do
  mkdir -p "$(dirname "$D/pkg/$i")"
  cp "$D/orig/$i" "$D/pkg/$i"
done

# brkitr/root.res naming only the kept rule files (process(dependency) lets icupkg check them).
if [ ${#brk_files[@]} -gt 0 ]; then
  {
    echo "// Generated by toolchain/build-icu-wasm.sh from toolchain/icu-data/items.txt."
    echo "root:table {"
    echo "    boundaries:table {"
    for n in "${!brk_types[@]}"; do
      echo "        ${brk_types[$n]}:process(dependency) { \"${brk_files[$n]}\" }"
    done
    echo "    }"
    echo "}"
  } >"$D/brkitr-root.txt"
  run icu-data.log genrb -k -q -e UTF-8 -d "$D/pkg/brkitr" "$D/brkitr-root.txt"
  echo "brkitr/root.res" >>"$D/package.txt"
fi

# translit/root.res holding only the wanted transliterators (and what they reference).
if [ ${#translit_ids[@]} -gt 0 ]; then
  run icu-data.log g++ -std=c++17 -O1 -o "$D/tools/dump_translit" "$DATA_DEFS/dump_translit.cc" \
    "${sys_icu_flags[@]}"
  "$D/tools/dump_translit" "$D/orig/translit" "${translit_ids[@]}" \
    >"$D/translit-root.txt" 2>"$D/translit-closure.txt" ||
    { cat "$D/translit-closure.txt" >&2; die "dump_translit failed"; }
  run icu-data.log genrb -k -q -e UTF-8 -d "$D/pkg/translit" "$D/translit-root.txt"
  # Round trip: the regenerated bundle must dump to the very same text.
  "$D/tools/dump_translit" "$D/pkg/translit" "${translit_ids[@]}" >"$D/translit-roundtrip.txt" 2>/dev/null
  cmp -s "$D/translit-root.txt" "$D/translit-roundtrip.txt" ||
    die "translit/root.res does not round-trip through genrb (diff $D/translit-root.txt $D/translit-roundtrip.txt)"
  log "transliterators kept: $(sed -n 's/^keep \([^ ]*\).*/\1/p' "$D/translit-closure.txt" | tr '\n' ' ')"
fi

# The package, as C (genccode names the symbol after the file: icudt72.dat -> icudt72_dat, the
# entry point libicuuc looks for), and compiled to wasm.
run icu-data.log icupkg -tl -s "$D/pkg" -a "$D/package.txt" new "$D/icudt${ICU_MAJOR}l.dat"
cp "$D/icudt${ICU_MAJOR}l.dat" "$D/icudt${ICU_MAJOR}.dat"
run icu-data.log genccode -d "$D" "$D/icudt${ICU_MAJOR}.dat"
grep -q "} icudt${ICU_MAJOR}_dat=" "$D/icudt${ICU_MAJOR}_dat.c" ||
  die "genccode output does not define icudt${ICU_MAJOR}_dat"
run icu-data.log emcc -Os -c -I"$PREFIX/include" "$D/icudt${ICU_MAJOR}_dat.c" -o "$D/icudt${ICU_MAJOR}_dat.o"
rm -f "$D/libisnad_icudata.a"
run icu-data.log emar rcs "$D/libisnad_icudata.a" "$D/icudt${ICU_MAJOR}_dat.o"

mkdir -p "$PREFIX/data"
rm -f "$PREFIX/data/"*
cp "$D/icudt${ICU_MAJOR}l.dat" "$D/icudt${ICU_MAJOR}_dat.c" "$D/package.txt" "$PREFIX/data/"
for f in brkitr-root.txt translit-root.txt translit-closure.txt; do
  if [ -f "$D/$f" ]; then cp "$D/$f" "$PREFIX/data/"; fi
done
cp "$D/libisnad_icudata.a" "$PREFIX/lib/libisnad_icudata.a"
log "trimmed data: $(stat -c %s "$PREFIX/data/icudt${ICU_MAJOR}l.dat") bytes, $(wc -l <"$D/package.txt") items"

# ---- smoke test: wasm vs native ------------------------------------------------------------------
S="$WORK/smoke"
rm -rf "$S"
mkdir -p "$S"
log "smoke test: em++ vs g++"
# The link line CMake should reproduce: ICU's stub libicudata.a must NOT be linked (it defines an
# empty icudt72_dat); libisnad_icudata.a provides the real one.
run icu-smoke-build.log em++ -std=c++17 -Os -I"$PREFIX/include" "$DATA_DEFS/smoke.cc" -o "$S/smoke.js" \
  -L"$PREFIX/lib" -licui18n -licuuc -lisnad_icudata \
  -sWASM_ASYNC_COMPILATION=0 -sEXIT_RUNTIME=1
run icu-smoke-build.log g++ -std=c++17 -O1 "$DATA_DEFS/smoke.cc" -o "$S/smoke-native" \
  "${sys_icu_flags[@]}"
# A fixed locale environment, so that both runs see the same default locale.
(cd "$S" && LC_ALL=C.UTF-8 LANG=C.UTF-8 node ./smoke.js >"$S/wasm.out" 2>&1) ||
  { cat "$S/wasm.out" >&2; die "wasm smoke test failed"; }
LC_ALL=C.UTF-8 LANG=C.UTF-8 "$S/smoke-native" >"$S/native.out" 2>&1 ||
  { cat "$S/native.out" >&2; die "native smoke test failed"; }
if ! cmp -s "$S/native.out" "$S/wasm.out"; then
  diff "$S/native.out" "$S/wasm.out" >&2 || true
  die "wasm and native smoke outputs differ (< native, > wasm)"
fi
grep -qx 'smoke: all checks passed' "$S/wasm.out" || die "smoke test did not report success"
sed 's/^/  | /' "$S/wasm.out" >&2
log "smoke test: wasm output identical to native ($(stat -c %s "$S/smoke.wasm") bytes of wasm)"

echo "$key" >"$STAMP"
log "ICU $ICU_VERSION wasm: ready in $((SECONDS - t0)) s"
echo "$PREFIX"
