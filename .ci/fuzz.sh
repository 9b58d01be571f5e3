#!/usr/bin/env bash
# Fuzzes the report parser (incidex::load::parse_report) with cargo-fuzz for a bounded time.
#
#   bash .ci/fuzz.sh [SECONDS]      # default 60 seconds of fuzzing, after the build
#
# Starts from the seeds in fuzz/seeds/parse_report/ plus whatever fuzz/corpus/parse_report/
# kept from earlier runs. Exits non-zero if the fuzzer finds a crash (a panic, a broken
# invariant of the target, a sanitizer report, a timeout or running out of memory); the input
# is then in fuzz/artifacts/parse_report/, and `cargo fuzz tmin parse_report FILE` shrinks it.
#
# cargo-fuzz passes nightly-only `-Z` flags to rustc. On a machine with only stable Rust,
# RUSTC_BOOTSTRAP=1 lets stable accept them; a nightly toolchain is used only if that fails.
set -euo pipefail
cd "$(dirname "$0")/../fuzz"

seconds="${1:-60}"
case "$seconds" in
  '' | *[!0-9]*)
    echo "usage: $0 [SECONDS]" >&2
    exit 2
    ;;
esac
target=parse_report
corpus="corpus/$target"
seeds="seeds/$target"
mkdir -p "$corpus" "artifacts/$target"

echo "== cargo-fuzz"
if ! cargo fuzz --version >/dev/null 2>&1; then
  cargo install cargo-fuzz --locked
fi
cargo fuzz --version

echo "== build the fuzz target"
# Stable with RUSTC_BOOTSTRAP first, so CI needs no second toolchain.
if RUSTC_BOOTSTRAP=1 cargo +stable fuzz build "$target"; then
  toolchain=(+stable)
  export RUSTC_BOOTSTRAP=1
elif rustup run nightly rustc --version >/dev/null 2>&1; then
  echo "stable with RUSTC_BOOTSTRAP=1 could not build the target; trying nightly" >&2
  toolchain=(+nightly)
  cargo +nightly fuzz build "$target"
else
  echo "cannot build the fuzz target: stable failed and no nightly toolchain is installed" >&2
  exit 1
fi

echo "== fuzz $target for ${seconds}s"
# The first folder is the working corpus the fuzzer adds to; the seeds are only read.
# -timeout: one input taking longer than this is reported as a hang (a failure).
# -rss_limit_mb: memory blow-ups fail too, well before the machine runs short.
status=0
cargo "${toolchain[@]}" fuzz run "$target" "$corpus" "$seeds" -- \
  -max_total_time="$seconds" \
  -timeout=10 \
  -rss_limit_mb=2048 \
  -max_len=16384 \
  -print_final_stats=1 || status=$?

if [ "$status" -ne 0 ]; then
  echo "== the fuzzer failed (exit $status); crashing inputs:" >&2
  ls -l "artifacts/$target" >&2 || true
  exit "$status"
fi
echo "== no crash in ${seconds}s"
