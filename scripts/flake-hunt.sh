#!/usr/bin/env bash
# The flake hunt: runs the whole end-to-end suite RUNS times in a row and reports every test
# that failed at least once, with how often. With --hog, two busy loops (one per core of
# this 2-core machine; `nproc` of them elsewhere) run the whole time, so a test that
# depends on the machine's speed shows itself.
#
# usage: scripts/flake-hunt.sh [RUNS] [--hog]        (default 5 runs, quiet machine)
# On a clean clone, as CI sees it:
#   git clone -q . ../flake && cd ../flake && scripts/flake-hunt.sh 5 && scripts/flake-hunt.sh 5 --hog
# It builds the site and fetches the sample media first (as the test command does); the
# reports land in tests/e2e/artifacts/flake-hunt/.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
runs=5 hog=0
for arg in "$@"; do
  case "$arg" in
    --hog) hog=1 ;;
    ''|*[!0-9]*) echo "usage: $0 [RUNS] [--hog]" >&2; exit 2 ;;
    *) runs=$arg ;;
  esac
done

scripts/setup.sh test
export PATH="$root/vendor/node_modules/.bin:$HOME/.cargo/bin:$PATH"
scripts/build.sh
shared="$root/../shared/media/fetch-samples.sh"
[ -f "$shared" ] && bash "$shared" "$root/.media" >/dev/null

out="$root/tests/e2e/artifacts/flake-hunt"
mkdir -p "$out"
hogs=()
stop_hogs() { for pid in "${hogs[@]}"; do kill "$pid" 2>/dev/null || true; done; }
trap stop_hogs EXIT
if [ "$hog" = 1 ]; then
  for _ in $(seq "$(nproc)"); do (while :; do :; done) & hogs+=($!); done
  echo "CPU hog: ${#hogs[@]} busy loops"
fi

label=$([ "$hog" = 1 ] && echo hog || echo quiet)
failed_runs=0
for i in $(seq "$runs"); do
  log="$out/$label-run$i.tap"
  start=$(date +%s)
  if (cd tests/e2e && node --test --test-concurrency=1 --test-reporter=tap ./*.test.mjs) >"$log" 2>&1; then
    result=passed
  else
    result=FAILED
    failed_runs=$((failed_runs + 1))
  fi
  echo "run $i/$runs ($label): $result in $(( $(date +%s) - start ))s"
done

echo
echo "== $label: $((runs - failed_runs)) of $runs runs passed"
# Every test that failed in any run ("not ok N - name" in the TAP output), with its count.
grep -hE '^\s*not ok [0-9]+ - ' "$out/$label"-run*.tap 2>/dev/null \
  | sed -E 's/^\s*not ok [0-9]+ - //' | sort | uniq -c | sort -rn \
  | sed 's/^/failed /' || true
[ "$failed_runs" = 0 ]
