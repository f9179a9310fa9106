#!/usr/bin/env bash
# Builds the release site into dist/ (with everything it needs installed first).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/scripts/setup.sh" build
export PATH="$root/vendor/node_modules/.bin:$HOME/.cargo/bin:$PATH"
cd "$root"
cargo fetch --quiet
trunk build --release --offline
