#!/usr/bin/env bash
# Build benchmark: generates corpora of the given sizes with ../shared/bench/gen_corpus.py
# and prints wall time, peak memory and pages for a cold build and for rebuilds (which also
# swap out the previous output), next to the cost of merely copying the content (cp -r).
#
# Usage: bash bench/build.sh [--runs N] [SIZE...]     (defaults: --runs 3, sizes 1000 10000)
set -euo pipefail
cd "$(dirname "$0")/.."

runs=3
sizes=()
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) runs="$2"; shift 2 ;;
    -h|--help) sed -n '2,6p' "$0"; exit 0 ;;
    *) sizes+=("$1"); shift ;;
  esac
done
[ ${#sizes[@]} -gt 0 ] || sizes=(1000 10000)

generator=../shared/bench/gen_corpus.py
if [ ! -f "$generator" ]; then
  echo "bench: $generator not found; nothing to measure (it ships beside the project, not in it)"
  exit 0
fi
if [ -d /dev/shm ]; then base=/dev/shm/incidex-bench; else base="${TMPDIR:-/tmp}/incidex-bench"; fi
mkdir -p "$base"

cargo build --release --locked --quiet
bin=./target/release/incidex
timefile=$(mktemp)
trap 'rm -f "$timefile"' EXIT

# Runs a command under /usr/bin/time; prints "seconds peak_kb".
measure() {
  /usr/bin/time -f '%e %M' -o "$timefile" "$@" >/dev/null 2>&1
  cat "$timefile"
}

echo "machine: $(nproc) cores; corpora in $base; $runs rebuild(s) per size"
rows=()
for n in "${sizes[@]}"; do
  corpus="$base/native-$n"
  if [ ! -f "$corpus/.seed-1" ]; then
    python3 "$generator" --n "$n" --seed 1 --flavor native --out "$corpus" >/dev/null 2>&1
    touch "$corpus/.seed-1"
  fi
  out="$base/out-$n"
  rm -rf "$out" "$base/copy-$n"
  read -r cold cold_kb < <(measure "$bin" build --root "$corpus" --output "$out")
  pages=$(find "$out" -name '*.html' | wc -l)
  times=()
  peak_kb=$cold_kb
  for _ in $(seq "$runs"); do
    read -r t kb < <(measure "$bin" build --root "$corpus" --output "$out")
    times+=("$t")
    [ "$kb" -gt "$peak_kb" ] && peak_kb=$kb
  done
  read -r copy _ < <(measure cp -r "$corpus/content" "$base/copy-$n")
  rm -rf "$base/copy-$n"
  median=$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}')
  best=$(printf '%s\n' "${times[@]}" | sort -n | head -1)
  rate=$(awk -v n="$n" -v t="$median" 'BEGIN { printf "%.0f", (t > 0) ? n / t : 0 }')
  rows+=("$(printf '%8s %8s %8s %10s %9s %8s %10s %8s' "$n" "$pages" "$cold" "$median" "$best" "$((peak_kb / 1024))" "$rate" "$copy")")
  echo "-- $n reports: stage timings of one more build"
  "$bin" build --root "$corpus" --output "$out" --timings 2>&1 >/dev/null | sed 's/^/   /'
done

echo
printf '%8s %8s %8s %10s %9s %8s %10s %8s\n' reports pages "cold s" "rebuild s" "best s" "peak MB" reports/s "cp -r s"
printf '%s\n' "${rows[@]}"
for tool in hugo zola; do
  command -v "$tool" >/dev/null || echo "($tool is not installed here; no comparison row)"
done
