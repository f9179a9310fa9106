#!/usr/bin/env bash
# Installs everything the build and the tests need, idempotently: fast when all is there.
# Only crates.io, the npm registry, Debian's packages and rustup are used.
# usage: scripts/setup.sh [build|test|bench]   (test also installs Chromium, ffmpeg and test
# packages; bench adds the native image tools scripts/bench-images.mjs compares against)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
what=${1:-build}
export PATH="$HOME/.cargo/bin:$PATH"
say() { printf '\033[1m[setup]\033[0m %s\n' "$*"; }

rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown \
  || { say "adding the wasm32-unknown-unknown target"; rustup target add wasm32-unknown-unknown; }

# On a new machine, setup is mostly compiling three Rust tools (about 19 minutes here, one
# after the other) and fetching Debian's packages. The packages and Python's download and
# unpack in the background while the tools compile, so the network and the disk work beside
# the CPU instead of after it. The tools compile one after another: side by side they took
# 1,042 s here against about 1,150 s in turn, too little to be worth three builds fighting
# over two cores. A background step's output goes to a log, shown only if it fails.
pids=() names=() logs=()
in_background() {
  local name=$1 log
  shift
  log=$(mktemp)
  say "$name"
  "$@" >"$log" 2>&1 &
  pids+=($!) names+=("$name") logs+=("$log")
}
wait_for_all() {
  local i failed=0
  for i in "${!pids[@]}"; do
    if ! wait "${pids[$i]}"; then
      cat "${logs[$i]}" >&2
      echo "[setup] failed: ${names[$i]}" >&2
      failed=1
    fi
    rm -f "${logs[$i]}"
  done
  pids=() names=() logs=()
  [ "$failed" = 0 ] || exit 1
}

if [ "$what" = test ]; then
  need=()
  command -v chromium >/dev/null || need+=(chromium)
  command -v chromedriver >/dev/null || need+=(chromium-driver)
  command -v ffmpeg >/dev/null || need+=(ffmpeg)
  # Speech for the sound-under-a-target tests (tests/e2e/fit-audio.test.mjs).
  command -v espeak-ng >/dev/null || need+=(espeak-ng)
  # The image tests: avifdec checks AVIF outputs natively.
  command -v avifdec >/dev/null || need+=(libavif-bin)
  if [ ${#need[@]} -gt 0 ]; then
    in_background "apt-get install ${need[*]}" bash -c \
      'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null' _ "${need[@]}"
  fi
  # pillow-heif (libheif with x265) writes the grid and rotated HEIC test files.
  python3 -c 'import pillow_heif' 2>/dev/null \
    || in_background "pip install pillow-heif" python3 -m pip install -q pillow-heif==1.8.1
fi

# trunk 0.22 needs a newer rustc than this machine's; 0.21.14 works.
if [ "$(trunk --version 2>/dev/null)" != "trunk 0.21.14" ]; then
  say "installing trunk 0.21.14 (takes ~10 minutes once)"
  cargo install --locked trunk --version 0.21.14
fi

# wasm-bindgen-cli must equal the wasm-bindgen in Cargo.lock. Its --locked install fails on
# a yanked dependency, so it is installed unlocked.
wbg=$(awk '/^name = "wasm-bindgen"$/{getline; gsub(/version = |"/,""); print; exit}' "$root/Cargo.lock")
if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $wbg" ]; then
  say "installing wasm-bindgen-cli $wbg (takes ~7 minutes once)"
  cargo install wasm-bindgen-cli --version "$wbg"
fi
grep -q "wasm_bindgen = \"$wbg\"" "$root/Trunk.toml" || { echo "Trunk.toml [tools] wasm_bindgen must be $wbg" >&2; exit 1; }

if [ "$what" = test ]; then
  # The fuzzer driver for the short fuzz run (scripts/fuzz.sh); ~2 minutes to build once.
  command -v cargo-fuzz >/dev/null || { say "installing cargo-fuzz"; cargo install cargo-fuzz --locked --version 0.13.2; }
fi

# npm packages, pinned by their lockfiles; reinstalled only when a lockfile changes.
npm_ci() {
  local dir=$1 stamp="$1/node_modules/.lock-stamp"
  if [ ! -f "$stamp" ] || ! cmp -s "$dir/package-lock.json" "$stamp"; then
    say "npm ci in ${dir#$root/}"
    (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error)
    cp "$dir/package-lock.json" "$stamp"
  fi
}
npm_ci "$root/vendor"
if [ "$what" = test ]; then npm_ci "$root/tests/e2e"; fi
wait_for_all

if [ "$what" = bench ]; then
  bash "$root/scripts/setup.sh" test
  # scripts/bench-images.mjs: the native encoders it compares against, in the same run.
  need=()
  command -v cwebp >/dev/null || need+=(webp)
  command -v cjpeg >/dev/null || need+=(libjpeg-turbo-progs)
  command -v avifenc >/dev/null || need+=(libavif-bin)
  if [ ${#need[@]} -gt 0 ]; then
    say "apt-get install ${need[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
  fi
  # Native OxiPNG (Debian has no package; PyPI's wheel wraps the Rust crate).
  python3 -c 'import oxipng' 2>/dev/null || { say "pip install pyoxipng"; python3 -m pip install -q pyoxipng==9.1.1; }
fi
