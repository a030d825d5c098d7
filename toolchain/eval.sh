#!/usr/bin/env bash
# npm run eval: the entity layer on the corpora's test halves (strict CoNLL F1), and the entity,
# attribution and event layers on the dev set
# (the seed articles scored against the gold files by shared/tools/score.py). Reads $ISNAD_SHARED
# (../shared) and skips with a message when it is absent.
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$ISNAD_ROOT"
if [ ! -d "$ISNAD_SHARED/data" ]; then
  echo "[eval] skipped: $ISNAD_SHARED/data is absent (set ISNAD_SHARED)"
  exit 0
fi
bash toolchain/build.sh > /dev/null
# Each corpus sentence by sentence, then in 20-sentence documents (the corpora keep no article
# boundaries; a document lets label consistency and clusters work).
for window in 1 20; do
  echo "== ANERcorp test (CAMeL split), window $window"
  build/native/isnad eval conll "$ISNAD_SHARED/data/anercorp/ANERcorp_test.conll" --format anercorp --window "$window"
  echo
  echo "== NewsFANE test (fine classes mapped to our types), window $window"
  build/native/isnad eval conll "$ISNAD_SHARED/data/newsfane/NewsFANE_test.tsv" --format newsfane --window "$window"
  echo
done
# The pattern layer marks what our conventions call entities and the corpora don't annotate
# (الجيش العراقي, شمال بغداد): without it, the tagger is scored under the corpus's own conventions.
for window in 1 20; do
  echo "== ANERcorp test, window $window, without the pattern layer (the corpus's conventions)"
  build/native/isnad eval conll "$ISNAD_SHARED/data/anercorp/ANERcorp_test.conll" --format anercorp \
    --window "$window" --disable entity-patterns
  echo
done
echo "== dev set: seed articles vs gold (shared/tools/score.py)"
out=build/eval/seeds
rm -rf "$out" && mkdir -p "$out"
build/native/isnad analyze "$ISNAD_SHARED"/data/seeds/*.txt --out-dir "$out"
python3 "$ISNAD_SHARED/tools/score.py" "$ISNAD_SHARED/data/gold" "$out" | grep -E "documents|^entities|^attributions|^events"
