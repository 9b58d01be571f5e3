#!/usr/bin/env bash
# Browser end-to-end tests (issue 6): the example site and a generated 1,000-report corpus,
# each built under a base path, served on loopback, and driven in headless Chromium.
#
#   bash .ci/browser.sh
#
# Installs what it lacks (Debian's chromium; `npm ci` in tests/browser), builds the release
# binary, builds both sites with `--base-url http://127.0.0.1:PORT/NAME/`, serves them with
# tests/browser/server.mjs and runs `node --test tests/browser/`. Screenshots, axe reports,
# console errors, a JUnit report and the server log go to ${ARTIFACTS:-target/browser-artifacts}.
# Exits non-zero if anything fails.
#
# Environment: ARTIFACTS (artefact folder), CORPUS_N (default 1000), CORPUS_SEED (default 6),
# CHROMIUM (default /usr/bin/chromium), SKIP_CARGO_BUILD=1 (use target/release/incidex as is).
set -euo pipefail
cd "$(dirname "$0")/.."
repo="$PWD"
started=$SECONDS

artifacts="${ARTIFACTS:-target/browser-artifacts}"
mkdir -p "$artifacts"
artifacts="$(cd "$artifacts" && pwd)"
export ARTIFACTS="$artifacts"
rm -f "$artifacts"/*.png "$artifacts"/*.json "$artifacts"/*.xml "$artifacts"/*.log
rm -rf "$artifacts/failures"

stamp() { echo "== [$((SECONDS - started))s] $*"; }

stamp "chromium"
export CHROMIUM="${CHROMIUM:-/usr/bin/chromium}"
if [ ! -x "$CHROMIUM" ]; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq chromium >/dev/null
fi
"$CHROMIUM" --version

stamp "node packages (npm ci in tests/browser)"
node --version
lock_sum="$(sha256sum tests/browser/package-lock.json | cut -d' ' -f1)"
if [ ! -f tests/browser/node_modules/.incidex-lock-sum ] ||
  [ "$(cat tests/browser/node_modules/.incidex-lock-sum)" != "$lock_sum" ]; then
  (cd tests/browser && npm ci --no-audit --no-fund --loglevel=error)
  echo "$lock_sum" >tests/browser/node_modules/.incidex-lock-sum
fi

stamp "release binary"
if [ "${SKIP_CARGO_BUILD:-}" != 1 ]; then
  cargo build --release --locked --quiet
fi
incidex="${CARGO_TARGET_DIR:-$repo/target}/release/incidex"

work="$(mktemp -d "${TMPDIR:-/tmp}/incidex-browser.XXXXXX")"
server_pid=""
cleanup() {
  if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

stamp "serve $work/example, $work/corpus and the example in three languages"
mkdir -p "$work/example" "$work/corpus" "$work/multi/public"
# The server reads files on each request, so it can start (and pick a free port) before
# the sites are built for that port.
node tests/browser/server.mjs --port 0 \
  --mount "/example/=$work/example" \
  --mount "/corpus/=$work/corpus/public" \
  --mount "/multi/=$work/multi/public" \
  >"$artifacts/server.log" 2>&1 &
server_pid=$!
port=""
for _ in $(seq 1 100); do
  port="$(sed -n 's#^listening http://127\.0\.0\.1:\([0-9]*\)/$#\1#p' "$artifacts/server.log")"
  [ -n "$port" ] && break
  if ! kill -0 "$server_pid" 2>/dev/null; then
    cat "$artifacts/server.log" >&2
    echo "the test server did not start" >&2
    exit 1
  fi
  sleep 0.1
done
[ -n "$port" ] || { echo "the test server did not print its port" >&2; exit 1; }
origin="http://127.0.0.1:$port"
echo "serving at $origin/"

stamp "build the example site at $origin/example/"
"$incidex" build --root "$repo" --output "$work/example" --base-url "$origin/example/" --strict

stamp "generate and build a ${CORPUS_N:-1000}-report corpus at $origin/corpus/"
python3 tests/support/gen_corpus.py "${CORPUS_N:-1000}" "$work/corpus/site" --seed "${CORPUS_SEED:-6}"
"$incidex" check --root "$work/corpus/site" --strict
"$incidex" build --root "$work/corpus/site" --output "$work/corpus/public" --base-url "$origin/corpus/" --strict

stamp "build the example site in French, English and Arabic at $origin/multi/"
mkdir -p "$work/multi/site"
cp -r "$repo/site.yaml" "$repo/content" "$repo/templates" "$repo/static" "$work/multi/site/"
sed -i "s/^languages: .*/languages: [fr, en, ar]/" "$work/multi/site/site.yaml"
grep -q '^languages: \[fr, en, ar\]' "$work/multi/site/site.yaml"
"$incidex" build --root "$work/multi/site" --output "$work/multi/public" \
  --base-url "$origin/multi/" --strict
cat >"$work/languages.json" <<EOF
[
  {"name": "fr", "url": "$origin/multi/", "dir": "ltr"},
  {"name": "en", "url": "$origin/multi/en/", "dir": "ltr"},
  {"name": "ar", "url": "$origin/multi/ar/", "dir": "rtl"}
]
EOF
export INCIDEX_BROWSER_LANGUAGES="$work/languages.json"

cat >"$work/sites.json" <<EOF
[
  {"name": "example", "url": "$origin/example/"},
  {"name": "corpus", "url": "$origin/corpus/", "manifest": "$work/corpus/site/corpus.json"}
]
EOF
export INCIDEX_BROWSER_SITES="$work/sites.json"

stamp "node --test tests/browser/"
status=0
node --test \
  --test-reporter=spec --test-reporter-destination=stdout \
  --test-reporter=junit --test-reporter-destination="$artifacts/junit.xml" \
  tests/browser/ || status=$?

stamp "done (exit $status); artefacts in $artifacts"
ls "$artifacts"
exit "$status"
