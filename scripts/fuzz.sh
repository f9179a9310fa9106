#!/usr/bin/env bash
# Fuzzes the pure-Rust parsers, sniffers and the planner with cargo fuzz (libFuzzer).
#   scripts/fuzz.sh            the short run the test command does: a fixed number of runs
#                              per target from a fixed seed, so a clean clone repeats it exactly
#   scripts/fuzz.sh 600        the longer run: up to 600 seconds per target, random seed
#   scripts/fuzz.sh 600 planner   one target only
# cargo fuzz needs nightly-only compiler flags (sanitizers, coverage); RUSTC_BOOTSTRAP lets
# the machine's stable toolchain accept them, as no other toolchain can be installed here.
# Seeds are in fuzz/seeds/<target>; what a run learns goes to fuzz/corpus/<target> (not
# committed); a crash is saved in fuzz/artifacts/<target>/ and must become a regression test.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
export PATH="$HOME/.cargo/bin:$PATH" RUSTC_BOOTSTRAP=1
seconds=${1:-}
only=${2:-}
command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --locked --version 0.13.2
cd "$root/fuzz"
targets=$(cargo fuzz list)
# Runs per target for the short run (each takes well under 30 s here).
declare -A RUNS=([sniff]=200000 [probe_json]=60000 [planner]=200000 [ffmpeg_log]=100000 [names]=100000 [image_decode]=4000)
cargo fuzz build -O -a
for t in $targets; do
  [ -n "$only" ] && [ "$t" != "$only" ] && continue
  # Seed folders may be empty (git keeps no empty folder): libFuzzer needs them to exist.
  mkdir -p "corpus/$t" "seeds/$t"
  if [ -n "$seconds" ]; then
    limit=(-max_total_time="$seconds")
  else
    limit=(-runs="${RUNS[$t]:-50000}" -seed=1)
  fi
  start=$(date +%s)
  # -rss_limit_mb: a conversion's own memory guard (100 MP images) stays well below it.
  log="target/fuzz-$t.log"
  if ! cargo fuzz run -O -a "$t" "corpus/$t" "seeds/$t" -- "${limit[@]}" \
      -timeout=20 -rss_limit_mb=2560 -max_len=65536 >"$log" 2>&1; then
    tail -60 "$log" >&2
    echo "fuzz target $t failed: the input is in fuzz/artifacts/$t/; make it a regression test" >&2
    exit 1
  fi
  grep -E "^#[0-9]+\s+DONE" "$log" | tail -1
  echo "fuzz $t: ok ($(( $(date +%s) - start )) s)"
done
