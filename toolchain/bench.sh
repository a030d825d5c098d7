#!/usr/bin/env bash
# npm run bench: builds, then prints the throughput figures as JSON (see toolchain/bench.mjs).
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$ISNAD_ROOT"
bash toolchain/build.sh >&2
exec node toolchain/bench.mjs "$@"
