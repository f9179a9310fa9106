#!/usr/bin/env bash
# Trunk post-build hook: copy the pinned FFmpeg cores and image codecs from vendor/ into the
# staged site, so the app loads them from its own origin; write the Content-Security-Policy; list the files
# for the service worker's precache. Runs with TRUNK_STAGING_DIR set by Trunk.
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

# Mediabunny (WebCodecs demuxing/muxing for the fast video engine), one ES module file.
mb="$root/vendor/node_modules/mediabunny/dist/bundles/mediabunny.min.mjs"
[ -f "$mb" ] || { echo "missing $mb: run scripts/setup.sh (npm ci in vendor/)" >&2; exit 1; }
mkdir -p "$stage/mediabunny"
cp "$mb" "$stage/mediabunny/"
# Its AAC encoder (MP4's sound beside the browser's video), rewritten to load from the site.
node "$root/scripts/vendor-aac.mjs" "$root/vendor/node_modules/@mediabunny/aac-encoder" "$stage/aac-encoder"
node --check "$stage/aac-encoder/mediabunny-aac-encoder.mjs"
node --check "$stage/aac-encoder/aac-encoder.worker.js"

# The image codecs (Squoosh's libwebp, MozJPEG, OxiPNG and libavif as wasm, from the jSquash npm
# packages): only the encoder files, loaded by image-codecs.js when a job needs one.
js="$root/vendor/node_modules/@jsquash"
[ -d "$js" ] || { echo "missing $js: run scripts/setup.sh (npm ci in vendor/)" >&2; exit 1; }
mkdir -p "$stage/codecs/webp" "$stage/codecs/jpeg" "$stage/codecs/oxipng" "$stage/codecs/avif"
cp "$js"/webp/meta.js "$js"/webp/codec/enc/webp_enc{,_simd}.{js,wasm} "$stage/codecs/webp/"
cp "$js"/jpeg/meta.js "$js"/jpeg/codec/enc/mozjpeg_enc.{js,wasm} "$stage/codecs/jpeg/"
cp "$js"/oxipng/meta.js "$js"/oxipng/codec/pkg/squoosh_oxipng{.js,_bg.wasm} "$stage/codecs/oxipng/"
cp "$js"/avif/meta.js "$js"/avif/codec/enc/avif_enc.{js,wasm} "$stage/codecs/avif/"
# libheif (LGPL-3.0) for HEIC input: its unmodified ES module (wasm inlined) and its licence.
heif="$root/vendor/node_modules/libheif-js"
mkdir -p "$stage/codecs/heif"
cp "$heif"/libheif-wasm/libheif-bundle.mjs "$heif"/libheif-wasm/LICENSE "$stage/codecs/heif/"

# The Content-Security-Policy (meta tag in index.html, header line in sw.js), with the hashes
# of index.html's inline scripts. Before the precache list: it changes index.html.
node "$root/scripts/csp.mjs" "$stage"

# The service worker's precache list: every file of the build with its SHA-256, and a version
# that is the hash of that list (so it changes whenever any file does, and the service
# worker's own bytes change with it, which is what makes browsers install the update).
# Written as one line into the staged sw.js in place of its `const PRECACHE = ...` line, so
# rerunning on an already-generated site regenerates it. Never maintained by hand.
sw="$stage/sw.js"
[ -f "$sw" ] || { echo "missing $sw: index.html must copy sw.js" >&2; exit 1; }
list=$(cd "$stage" && find . -type f ! -path ./sw.js -printf '%P\n' | LC_ALL=C sort | while IFS= read -r f; do
  printf '%s %s\n' "$(sha256sum "$f" | cut -d' ' -f1)" "$f"
done)
version=$(printf '%s\n' "$list" | sha256sum | cut -c1-16)
files=$(printf '%s\n' "$list" | awk 'BEGIN { sep = "" } { printf "%s{ \"path\": \"./%s\", \"sha256\": \"%s\" }", sep, $2, $1; sep = ", " }')
line="const PRECACHE = { \"version\": \"$version\", \"files\": [$files] };"
tmp=$(mktemp)
awk -v line="$line" 'index($0, "const PRECACHE = ") == 1 { print line; next } { print }' "$sw" > "$tmp"
grep -q "\"version\": \"$version\"" "$tmp" || { echo "post-build: no PRECACHE line in sw.js" >&2; rm -f "$tmp"; exit 1; }
cat "$tmp" > "$sw" && rm -f "$tmp"  # keeps sw.js's permissions (mktemp makes 0600)
echo "post-build: precache list of $(printf '%s\n' "$list" | wc -l) files, version $version"
