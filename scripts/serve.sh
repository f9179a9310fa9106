#!/usr/bin/env bash
# Command 1 of the README: build the release site and serve it on http://127.0.0.1:8080/.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/scripts/build.sh"
port=${PORT:-8080}
echo "Open http://127.0.0.1:$port/ (Ctrl+C to stop)"
exec node "$root/scripts/static-server.mjs" "$root/dist" "$port"
