#!/usr/bin/env bash
# npm run train: rebuilds models/isnad.model from the corpora in $ISNAD_SHARED (../shared), train
# halves only. Skips with a message when the corpora are absent: they are not part of this project.
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$ISNAD_ROOT"
if [ ! -f "$ISNAD_SHARED/data/anercorp/ANERcorp_train.conll" ]; then
  echo "[train] skipped: $ISNAD_SHARED/data is absent (set ISNAD_SHARED to the directory holding data/anercorp and data/newsfane)"
  exit 0
fi
bash toolchain/build.sh
build/native/isnad train --shared "$ISNAD_SHARED" --out models/isnad.model "$@"
# The wasm package and the page ship the new model.
bash toolchain/build.sh > /dev/null
