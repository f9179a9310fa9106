#!/usr/bin/env bash
# Fuzzes the pure-Rust parsers, sniffers and the planner with cargo fuzz (libFuzzer).
#   scripts/fuzz.sh            what the test command does: every committed input in
#                              fuzz/seeds/<target> is run once through its target. The same
#                              inputs every time, so it passes or fails the same way on every
#                              machine (a fuzzing run is not: two runs from the same seed and
#                              seed corpus covered 939 and 932 edges here, since the targets'
#                              hash maps are seeded at random, and one of them found a bug the
#                              other did not).
#   scripts/fuzz.sh 600        explores: up to 600 seconds per target, then merges what it
#                              learnt (a minimal set of inputs that keeps its coverage) into
#                              fuzz/seeds/<target>, to be committed, so every later test run
#                              replays it
#   scripts/fuzz.sh 600 planner   one target only
# cargo fuzz needs nightly-only compiler flags (sanitizers, coverage); RUSTC_BOOTSTRAP lets
# the machine's stable toolchain accept them, as no other toolchain can be installed here.
# An exploring run works in fuzz/corpus/<target> (not committed); a crash is saved in
# fuzz/artifacts/<target>/ and must become a regression test (and a seed).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
export PATH="$HOME/.cargo/bin:$PATH" RUSTC_BOOTSTRAP=1
seconds=${1:-}
only=${2:-}
command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --locked --version 0.13.2
cd "$root/fuzz"
targets=$(cargo fuzz list)
cargo fuzz build -O -a
for t in $targets; do
  [ -n "$only" ] && [ "$t" != "$only" ] && continue
  # Seed folders may be empty (git keeps no empty folder): libFuzzer needs them to exist.
  mkdir -p "corpus/$t" "seeds/$t"
  if [ -n "$seconds" ]; then
    limit=(-max_total_time="$seconds")
    dirs=("corpus/$t" "seeds/$t")
  else
    # -runs=0: each input once, no mutation.
    limit=(-runs=0)
    dirs=("seeds/$t")
  fi
  start=$(date +%s)
  # -rss_limit_mb: a conversion's own memory guard (100 MP images) stays well below it.
  log="target/fuzz-$t.log"
  if ! cargo fuzz run -O -a "$t" "${dirs[@]}" -- "${limit[@]}" \
      -timeout=20 -rss_limit_mb=2560 -max_len=65536 >"$log" 2>&1; then
    tail -60 "$log" >&2
    echo "fuzz target $t failed: the input is in fuzz/artifacts/$t/; make it a regression test" >&2
    exit 1
  fi
  if [ -n "$seconds" ]; then
    # Keeps the committed seeds small: only inputs that add coverage are merged in.
    cargo fuzz run -O -a "$t" "seeds/$t" "corpus/$t" -- -merge=1 >>"$log" 2>&1
  fi
  grep -E "^#[0-9]+\s+(DONE|INITED)" "$log" | tail -1
  echo "fuzz $t: ok ($(( $(date +%s) - start )) s)"
done
