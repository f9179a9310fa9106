#!/usr/bin/env bash
# Command 2 of the README: every check. Installs what it needs first (idempotent).
# Order: cheap checks first, so a formatting slip fails in seconds, not after the builds.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
start=$(date +%s)
step() { printf '\n\033[1m== %s\033[0m (%ss)\n' "$1" "$(( $(date +%s) - start ))"; shift; "$@"; }

step "setup" scripts/setup.sh test
export PATH="$root/vendor/node_modules/.bin:$HOME/.cargo/bin:$PATH"
step "fetch crates" cargo fetch --quiet
step "rustfmt" cargo fmt --all --check
step "clippy (native)" cargo clippy --workspace --all-targets --quiet -- -D warnings
step "clippy (wasm32)" cargo clippy -p tamp --target wasm32-unknown-unknown --all-targets --quiet -- -D warnings
step "unit tests (native)" cargo test --workspace --quiet
# A fixed number of libFuzzer runs per target from a fixed seed: repeatable on a clean clone.
step "fuzz (each committed input once)" scripts/fuzz.sh
# wasm-bindgen-test in headless Chromium through chromedriver (flags in webdriver.json).
step "unit tests (headless Chromium)" env CHROMEDRIVER=/usr/bin/chromedriver WASM_BINDGEN_TEST_TIMEOUT=120 \
  cargo test -p tamp --target wasm32-unknown-unknown --test web
step "release build" scripts/build.sh
shared="$root/../shared/media/fetch-samples.sh"
if [ -x "$shared" ] || [ -f "$shared" ]; then
  step "sample media" bash "$shared" "$root/.media" >/dev/null
fi
step "end-to-end (Chromium)" bash -c "cd tests/e2e && node --test --test-concurrency=1 --test-reporter=spec *.test.mjs"
echo "all checks passed in $(( $(date +%s) - start ))s"
