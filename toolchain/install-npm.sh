#!/usr/bin/env bash
# Installs the npm dev dependencies from package-lock.json. Idempotent: skipped when node_modules
# already matches the lock file.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -f node_modules/.package-lock.json ] && [ ! package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "[toolchain] npm packages: all present"
  exit 0
fi
echo "[toolchain] npm ci"
npm ci --no-audit --no-fund --loglevel=error
