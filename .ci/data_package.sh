#!/usr/bin/env bash
# The data package validated by Frictionless, the tool researchers use to load it (issue 17):
# `frictionless validate` of data/datapackage.json for the example site, the publish fixture
# and a generated corpus with edge cases (tests/support/gen_corpus.py --edge-cases).
#
#   bash .ci/data_package.sh
#
# Installs a pinned frictionless into a virtual environment under target/ (kept between runs),
# builds the release binary unless SKIP_CARGO_BUILD=1, builds the three sites into a temporary
# folder, validates each package and prints every error Frictionless reports, one per line,
# with its site, resource, row and field. Exits 1 if any package is invalid.
#
# Environment: CORPUS_N (default 300), CORPUS_SEED (default 17), SKIP_CARGO_BUILD=1,
# CARGO_TARGET_DIR (where the release binary is), FRICTIONLESS_VENV (the environment's folder).
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=.ci/python_venv.sh
. .ci/python_venv.sh
repo="$PWD"
started=$SECONDS
stamp() { echo "== [$((SECONDS - started))s] $*"; }

frictionless_version=5.21.0
venv="${FRICTIONLESS_VENV:-$repo/target/ci/frictionless-$frictionless_version}"
stamp "frictionless $frictionless_version in $venv"
python_venv "$venv" frictionless "frictionless==$frictionless_version"
"$venv/bin/frictionless" --version

stamp "release binary"
if [ "${SKIP_CARGO_BUILD:-}" != 1 ]; then
  cargo build --release --locked --quiet
fi
incidex="${CARGO_TARGET_DIR:-$repo/target}/release/incidex"

work="$(mktemp -d "${TMPDIR:-/tmp}/incidex-data-package.XXXXXX")"
trap 'rm -rf "$work"' EXIT

stamp "sites"
python3 tests/support/gen_corpus.py "${CORPUS_N:-300}" "$work/corpus" \
  --seed "${CORPUS_SEED:-17}" --edge-cases
"$incidex" build --root "$repo" --output "$work/example/public"
"$incidex" build --root tests/fixtures/publish --output "$work/fixture/public"
"$incidex" build --root "$work/corpus" --output "$work/corpus/public"

# Prints one line per resource and one per error of a `frictionless validate --json` report.
summarise() {
  python3 - "$1" "$2" <<'PY'
import json, sys
site, path = sys.argv[1], sys.argv[2]
try:
    with open(path, encoding="utf-8") as f:
        report = json.load(f)
except ValueError as error:
    print(f"{site}: frictionless printed no report ({error})")
    sys.exit(1)
for error in report.get("errors", []):
    print(f"{site}: datapackage.json: {error.get('type')}: {error.get('message')}")
for task in report.get("tasks", []):
    name = task.get("name")
    errors = task.get("errors", [])
    print(f"{site}: {name} ({task.get('place')}): "
          f"{'valid' if task.get('valid') else f'INVALID, {len(errors)} error(s)'}")
    for error in errors[:50]:
        where = ":".join(str(p) for p in (name, error.get("rowNumber"), error.get("fieldName"))
                         if p is not None)
        print(f"  {site}: {where}: {error.get('type')}: {error.get('message')}")
    if len(errors) > 50:
        print(f"  {site}: {name}: and {len(errors) - 50} more")
sys.exit(0 if report.get("valid") else 1)
PY
}

status=0
for site in example fixture corpus; do
  stamp "frictionless validate: $site"
  package="$work/$site/public/data/datapackage.json"
  code=0
  "$venv/bin/frictionless" validate --json "$package" >"$work/$site.json" 2>"$work/$site.err" ||
    code=$?
  if ! summarise "$site" "$work/$site.json"; then
    status=1
    echo "$site: frictionless validate exited $code; its data package is INVALID"
    cat "$work/$site.err"
  fi
done

stamp "done (exit $status)"
exit "$status"
