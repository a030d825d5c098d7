#!/usr/bin/env bash
# Installs the Debian packages Isnad needs to build, test and serve. Idempotent: a package already
# installed is skipped, and apt is not touched at all when nothing is missing.
set -euo pipefail

packages=(
  cmake g++ make pkg-config python3
  libicu-dev icu-devtools
  nlohmann-json3-dev googletest libgtest-dev
  emscripten clang libclang-rt-14-dev
  chromium
  dpkg-dev
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "[toolchain] system packages: all present"
  exit 0
fi

echo "[toolchain] installing: ${missing[*]}"
sudo_cmd=""
[ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
export DEBIAN_FRONTEND=noninteractive
$sudo_cmd apt-get update -qq
$sudo_cmd apt-get install -y -qq --no-install-recommends "${missing[@]}"
