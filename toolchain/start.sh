#!/usr/bin/env bash
# Installs what is missing, builds everything, and serves the page at http://localhost:8080/.
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$ISNAD_ROOT"
bash toolchain/build.sh
exec node toolchain/serve.mjs --port "${PORT:-8080}"
