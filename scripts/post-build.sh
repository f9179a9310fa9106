#!/usr/bin/env bash
# Trunk post-build hook: copy the pinned FFmpeg cores from vendor/ into the staged site, so
# the app loads FFmpeg from its own origin. Runs with TRUNK_STAGING_DIR set by Trunk.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
stage=${TRUNK_STAGING_DIR:?run by trunk}
for kind in st mt; do
  pkg=core; [ "$kind" = mt ] && pkg=core-mt
  src="$root/vendor/node_modules/@ffmpeg/$pkg/dist/esm"
  [ -d "$src" ] || { echo "missing $src: run scripts/setup.sh (npm ci in vendor/)" >&2; exit 1; }
  mkdir -p "$stage/ffmpeg/$kind"
  cp "$src"/* "$stage/ffmpeg/$kind/"
done
