#!/usr/bin/env bash
# Makes sure ICU 72.1's upstream source (Debian's icu_72.1.orig.tar.gz) is downloaded and unpacked in
#   ${ISNAD_CACHE:-$HOME/.cache/isnad}/src/icu/source
# The tarball comes from Debian's source archive (`apt-get source --download-only icu`); a deb-src
# copy of /etc/apt/sources.list.d/debian.sources is added only if no deb-src entry exists yet, and
# `apt-get update` is run only when apt does not know the icu source package yet.
# Idempotent: when the tree is already unpacked it prints one line and exits.
set -euo pipefail

ICU_VERSION=72.1
CACHE="${ISNAD_CACHE:-$HOME/.cache/isnad}"
SRC_DIR="$CACHE/src"
TARBALL="$SRC_DIR/icu_${ICU_VERSION}.orig.tar.gz"
STAMP="$SRC_DIR/.icu-${ICU_VERSION}-unpacked"

die() { echo "[toolchain] fetch-icu-source: ERROR: $*" >&2; exit 1; }

if [ -f "$STAMP" ] && [ -f "$SRC_DIR/icu/source/configure" ]; then
  echo "[toolchain] ICU $ICU_VERSION source: cached at $SRC_DIR/icu/source"
  exit 0
fi

mkdir -p "$SRC_DIR"

if [ ! -s "$TARBALL" ]; then
  sudo_cmd=""
  [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
  command -v apt-get >/dev/null || die "apt-get not found: ICU source must come from Debian's archive"

  # 1. A deb-src entry (only if none is configured yet).
  has_deb_src() {
    grep -rqsE '^[[:space:]]*(Types:.*deb-src|deb-src[[:space:]])' \
      /etc/apt/sources.list /etc/apt/sources.list.d/ 2>/dev/null
  }
  if ! has_deb_src; then
    src=/etc/apt/sources.list.d/debian.sources
    [ -f "$src" ] || die "$src not found; cannot derive a deb-src entry"
    echo "[toolchain] adding deb-src entries: /etc/apt/sources.list.d/debian-src.sources"
    sed -E 's/^Types:.*/Types: deb-src/' "$src" | $sudo_cmd tee /etc/apt/sources.list.d/debian-src.sources >/dev/null
  fi

  # 2. apt-get update only if apt does not know the source package in the wanted version.
  # (no `grep -q` in the pipe: it would close early, apt-cache dies of SIGPIPE and pipefail fails)
  knows_icu_src() { apt-cache showsrc icu 2>/dev/null | grep -E "^Version: ${ICU_VERSION//./\\.}-" >/dev/null; }
  if ! knows_icu_src; then
    echo "[toolchain] apt-get update (source indexes)"
    $sudo_cmd apt-get update -qq || die "apt-get update failed"
    knows_icu_src || die "apt does not know source package icu ${ICU_VERSION}-* even after apt-get update"
  fi

  # 3. Download into a temp dir, keep only the orig tarball.
  dl="$(mktemp -d "$SRC_DIR/.download.XXXXXX")"
  trap 'rm -rf "$dl"' EXIT
  chmod 755 "$dl"   # lets apt's _apt sandbox user write there (avoids an "unsandboxed" warning)
  ver="$(apt-cache showsrc icu | sed -nE "s/^Version: (${ICU_VERSION//./\\.}-.*)/\1/p" | sort -uV | tail -1)"
  echo "[toolchain] downloading ICU source (icu=$ver) from Debian's source archive"
  if ! (cd "$dl" && apt-get source --download-only -qq "icu=$ver") >"$dl/log" 2>&1; then
    cat "$dl/log" >&2
    die "apt-get source --download-only icu=$ver failed"
  fi
  [ -s "$dl/icu_${ICU_VERSION}.orig.tar.gz" ] || die "icu_${ICU_VERSION}.orig.tar.gz not among the downloaded files: $(ls "$dl")"
  mv "$dl/icu_${ICU_VERSION}.orig.tar.gz" "$TARBALL"
  rm -rf "$dl"
  trap - EXIT
fi

# 4. Unpack (to a temp dir first, so an interrupted run leaves no half tree behind).
echo "[toolchain] unpacking $(basename "$TARBALL")"
tmp="$(mktemp -d "$SRC_DIR/.unpack.XXXXXX")"
trap 'rm -rf "$tmp"' EXIT
tar --no-same-owner -xzf "$TARBALL" -C "$tmp" || die "cannot unpack $TARBALL (corrupt? delete it and rerun)"
[ -f "$tmp/icu/source/configure" ] || die "$TARBALL does not unpack to icu/source/configure"
rm -rf "$SRC_DIR/icu"
mv "$tmp/icu" "$SRC_DIR/icu"
rm -rf "$tmp"
trap - EXIT
touch "$STAMP"
echo "[toolchain] ICU $ICU_VERSION source: ready at $SRC_DIR/icu/source"
