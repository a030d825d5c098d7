# Sourced by the toolchain scripts: the paths every step agrees on.
ISNAD_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export ISNAD_ROOT
export ISNAD_CACHE="${ISNAD_CACHE:-$HOME/.cache/isnad}"
export ISNAD_ICU_WASM="$ISNAD_CACHE/icu-72.1-wasm"
# Debian's emcc 3.1.6 finds its JS optimizer's modules (acorn) only through NODE_PATH.
export NODE_PATH="/usr/share/nodejs${NODE_PATH:+:$NODE_PATH}"
# The read-only project data (corpora, gold files): used by evaluation and benchmarks only.
export ISNAD_SHARED="${ISNAD_SHARED:-$ISNAD_ROOT/../shared}"
