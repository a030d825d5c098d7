#!/usr/bin/env bash
# Where the native engine's time goes: perf over `isnad bench` on the bench corpus (the seeds and
# the ANERcorp test half from $ISNAD_SHARED, see corpus.mjs). Not part of npm run bench.
#
#   bash toolchain/bench/profile.sh [OUT_DIR]      (default build/profile; needs perf)
#
# The Release build has no frame pointers, so `perf record -g` (frame-pointer call chains) gives
# right self times but broken callers; the component shares (inclusive time of each
# XComponent::Run) come from DWARF unwinding, which needs no rebuild.
set -euo pipefail
source "$(dirname "$0")/../env.sh"
cd "$ISNAD_ROOT"
out="${1:-build/profile}"
mkdir -p "$out"
command -v perf > /dev/null || { echo "profile: perf is not installed (apt-get install linux-perf)"; exit 1; }
# The corpus files: corpus.mjs writes the ANERcorp text to a temporary directory, removed at exit.
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mapfile -t files < <(node --input-type=module -e "
  import { loadCorpus } from './toolchain/bench/corpus.mjs';
  import { cpSync } from 'node:fs';
  const c = loadCorpus(process.env.ISNAD_SHARED);
  if (c.skipped) { console.error(c.skipped); process.exit(1); }
  for (const f of c.files) {
    if (f.startsWith(c.dir)) { cpSync(f, '$tmp/' + f.slice(c.dir.length + 1)); console.log('$tmp/' + f.slice(c.dir.length + 1)); }
    else console.log(f);
  }
  c.remove();")
perf record --call-graph dwarf,16384 -F 1000 -o "$out/perf.data" \
  build/native/isnad bench --repeat 10 "${files[@]}" > /dev/null
echo "== inclusive time per component (isnad bench: pipeline and JSON; percent of all samples)"
perf report -i "$out/perf.data" --children --sort symbol --stdio -g none --percent-limit 1 2> /dev/null |
  grep -E "Pipeline::Run|Component::Run|ToJson|EntityTagger::|CrfModel::|Extract|Gazetteer::|TimeLexicon::|TokenFacts::" |
  cut -c1-120
echo "== top self time"
perf report -i "$out/perf.data" --no-children --sort symbol --stdio -g none 2> /dev/null |
  grep -v '^#' | grep -v '^$' | head -n 20 | cut -c1-120
