#!/usr/bin/env bash
# npm run bench: builds, then prints every speed and size figure as JSON and as a table (see
# toolchain/bench.mjs and toolchain/bench/).
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$ISNAD_ROOT"
bash toolchain/build.sh >&2
exec node toolchain/bench.mjs "$@"
