#!/usr/bin/env bash
# Compare benchmark (issue 7): clean builds of incidex and of Hugo on the same synthetic
# corpus, next to the floor of merely copying incidex's output (cp -r).
#
# Usage: bash bench/compare.sh [--runs N] [--seed S] [--install] [--clean] [SIZE...]
#   SIZE       number of reports; defaults 1000 10000 (100000 is the large target)
#   --runs N   timed runs per tool and size, alternating incidex, cp -r, Hugo (default 3)
#   --seed S   gen_corpus.py seed (default 1)
#   --install  apt-get install hugo (and time) when missing; needs root
#   --clean    also delete the cached corpora when done
#
# Corpora are generated with ../shared/bench/gen_corpus.py (--flavor native and --flavor
# hugo, same seed and size) into /dev/shm/incidex-compare/corpora/ and reused while the
# generator, seed and size are unchanged. Outputs, caches and copies go to a scratch folder
# beside them that is removed on exit. Beside each tool's times it prints the bytes and
# files its output holds per report (bench/budget.py --totals), and whether incidex's
# output would fit GitHub Pages at 100,000 reports. See BENCHMARKS.md for what is measured
# and why.
set -euo pipefail

usage() { awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0"; }
die() { echo "compare: error: $*" >&2; exit 1; }
note() { echo "compare: $*" >&2; }

repo=$(cd "$(dirname "$0")/.." && pwd)
cd "$repo"

runs=3
seed=1
install=0
clean=0
sizes=()
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) [ $# -ge 2 ] || die "--runs needs a number"; runs="$2"; shift 2 ;;
    --runs=*) runs="${1#*=}"; shift ;;
    --seed) [ $# -ge 2 ] || die "--seed needs a number"; seed="$2"; shift 2 ;;
    --seed=*) seed="${1#*=}"; shift ;;
    --install) install=1; shift ;;
    --clean) clean=1; shift ;;
    -h|--help) usage; exit 0 ;;
    -*) usage >&2; die "unknown option '$1'" ;;
    *) sizes+=("$1"); shift ;;
  esac
done
[ ${#sizes[@]} -gt 0 ] || sizes=(1000 10000)
[[ "$runs" =~ ^[1-9][0-9]*$ ]] || die "--runs must be a positive whole number, not '$runs'"
[[ "$seed" =~ ^[0-9]+$ ]] || die "--seed must be a whole number, not '$seed'"
for n in "${sizes[@]}"; do
  [[ "$n" =~ ^[1-9][0-9]*$ ]] || die "size must be a positive whole number of reports, not '$n'"
done

generator="$repo/../shared/bench/gen_corpus.py"
if [ ! -f "$generator" ]; then
  echo "compare: ../shared/bench/gen_corpus.py not found beside this clone; nothing to measure"
  echo "         (the corpus generator ships with the project's shared folder, not in the repository)"
  exit 0
fi
generator=$(cd "$(dirname "$generator")" && pwd)/gen_corpus.py

# ---------------------------------------------------------------------------------------
# Tools
# ---------------------------------------------------------------------------------------
apt_install() {
  [ "$(id -u)" -eq 0 ] || die "--install runs apt-get and needs root (or install '$*' yourself)"
  command -v apt-get >/dev/null || die "--install needs apt-get (Debian/Ubuntu); install '$*' yourself"
  note "installing $* with apt-get"
  export DEBIAN_FRONTEND=noninteractive
  if ! apt-get install -y -qq "$@" >/dev/null 2>&1; then
    apt-get update -qq >/dev/null 2>&1 || die "apt-get update failed"
    apt-get install -y -qq "$@" >/dev/null || die "apt-get install -y $* failed"
  fi
}

command -v python3 >/dev/null || die "python3 is needed to run $generator"
command -v cargo >/dev/null || die "cargo is needed to build incidex"
if [ ! -x /usr/bin/time ]; then
  if [ $install -eq 1 ]; then apt_install time; fi
  [ -x /usr/bin/time ] || die "/usr/bin/time (GNU time) is needed for wall time and peak RSS: apt-get install time, or rerun with --install"
fi
if ! command -v hugo >/dev/null && [ $install -eq 1 ]; then
  apt_install hugo
fi
have_hugo=0
if command -v hugo >/dev/null; then have_hugo=1; fi

# ---------------------------------------------------------------------------------------
# Folders: cached corpora, and a scratch folder for this run removed on exit
# ---------------------------------------------------------------------------------------
if [ -d /dev/shm ] && [ -w /dev/shm ]; then
  base=/dev/shm/incidex-compare
else
  base="${TMPDIR:-/tmp}/incidex-compare"
  note "/dev/shm is not available: using $base, which may be on disk (timings then include disk writes)"
fi
corpora="$base/corpora"
mkdir -p "$corpora"
scratch=$(mktemp -d "$base/run.XXXXXX")
cleanup() {
  rm -rf "$scratch"
  if [ $clean -eq 1 ]; then rm -rf "$corpora"; rmdir "$base" 2>/dev/null || true; fi
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
timefile="$scratch/time"

# run_timed LOG CMD...: runs CMD under /usr/bin/time with its output in LOG; sets T (wall
# seconds) and KB (peak RSS in KiB); returns CMD's exit status.
T=0
KB=0
run_timed() {
  local log=$1 rc=0
  shift
  /usr/bin/time -f '%e %M' -o "$timefile" "$@" >"$log" 2>&1 || rc=$?
  read -r T KB < <(tail -n 1 "$timefile")
  return $rc
}

# median, minimum and maximum of the arguments
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {printf "%.2f", (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }
minimum() { printf '%s\n' "$@" | sort -g | head -n 1; }
maximum() { printf '%s\n' "$@" | sort -g | tail -n 1; }
div() { awk -v a="$1" -v b="$2" -v f="${3:-%.2f}" 'BEGIN { if (b > 0) printf f, a / b; else printf "n/a" }'; }
mb() { echo $(( ($1 + 1023) / 1024 )); }

# corpus FLAVOR N: prints the folder of the cached corpus, generating it when needed
gen_id=$(sha256sum "$generator" | cut -c1-16)
corpus() {
  local flavor=$1 n=$2
  local dir="$corpora/$flavor-seed$seed-n$n"
  local stamp="gen_corpus.py $gen_id --n $n --seed $seed --flavor $flavor"
  if [ -f "$dir/.compare-stamp" ] && [ "$(cat "$dir/.compare-stamp")" = "$stamp" ]; then
    note "reusing $dir"
  else
    note "generating $flavor corpus of $n reports (seed $seed) into $dir"
    rm -rf "$dir" "$dir.tmp"
    python3 "$generator" --n "$n" --seed "$seed" --flavor "$flavor" --out "$dir.tmp" >/dev/null 2>"$scratch/gen.log" \
      || { cat "$scratch/gen.log" >&2; die "gen_corpus.py --flavor $flavor --n $n --seed $seed failed"; }
    mv "$dir.tmp" "$dir"
    echo "$stamp" >"$dir/.compare-stamp"
  fi
  echo "$dir"
}

# ---------------------------------------------------------------------------------------
# Build incidex (a copy of the binary, so that other builds of target/ cannot swap it)
# ---------------------------------------------------------------------------------------
note "cargo build --release --locked"
cargo build --release --locked --quiet || die "cargo build --release --locked failed (see above)"
bin="$scratch/incidex"
# Where cargo put it: CARGO_TARGET_DIR when set (a worktree sharing no target/), else target/.
cp "${CARGO_TARGET_DIR:-target}/release/incidex" "$bin"
rev=$(git -C "$repo" describe --always --dirty 2>/dev/null || echo "unknown (not a git clone)")
incidex_version=$("$bin" --version 2>/dev/null || echo incidex)
if [ $have_hugo -eq 1 ]; then
  hugo_version=$(hugo version 2>&1 | head -n 1)
  export HUGO_CACHEDIR="$scratch/hugo-cache"
else
  hugo_version="not installed"
fi

cpu=$(awk -F': ' '/^model name/ {print $2; exit}' /proc/cpuinfo 2>/dev/null || true)
ram_kb=$(awk '/^MemTotal:/ {print $2}' /proc/meminfo 2>/dev/null || echo 0)
echo "== machine"
echo "cores (nproc):  $(nproc)"
echo "CPU:            ${cpu:-unknown}"
echo "RAM:            $(awk -v k="$ram_kb" 'BEGIN {printf "%.1f GiB", k / 1048576}')"
echo "kernel:         $(uname -sr)"
echo "load average:   $(cut -d' ' -f1-3 /proc/loadavg) (at start)"
echo "== versions"
echo "incidex:        $incidex_version, git $rev (built from the working tree)"
echo "hugo:           $hugo_version"
echo "== method"
echo "seed $seed; $runs timed run(s) per tool and size after one untimed check run;"
echo "order per round: incidex, cp -r of incidex's output, hugo; each into a removed folder;"
echo "files in $base (tmpfs when /dev/shm); times: /usr/bin/time %e (wall s) %M (peak RSS)"
echo

# results per size, for the table and the verdicts
declare -A I_MED I_MIN I_MAX I_KB I_FILES I_MBOUT I_PAGES I_BYTES I_BPR I_FPR
declare -A H_MED H_MIN H_MAX H_KB H_FILES H_MBOUT H_STATUS H_BPR H_FPR
declare -A C_MED C_MIN C_MAX

for n in "${sizes[@]}"; do
  echo "== $n reports"
  native=$(corpus native "$n")
  hugo_src=""
  hugo_ok=$have_hugo
  if [ $have_hugo -eq 1 ]; then hugo_src=$(corpus hugo "$n"); fi

  iout="$scratch/out-incidex"
  hout="$scratch/out-hugo"
  copy="$scratch/copy"

  # Rough room check: tmpfs holds incidex's output and its copy at once.
  avail_kb=$(df -Pk "$scratch" | awk 'NR == 2 {print $4}')
  need_kb=$(( n * 140 ))
  if [ "$avail_kb" -lt "$need_kb" ]; then
    note "warning: $(mb "$avail_kb") MB free in $base; $n reports may need about $(mb "$need_kb") MB"
  fi

  # Check run (untimed for the table): each tool builds once without errors and writes one
  # page per report.
  rm -rf "$iout"
  run_timed "$scratch/incidex.log" "$bin" build --root "$native" --output "$iout" \
    || { tail -n 40 "$scratch/incidex.log" >&2; die "incidex build failed on $native (exit status above)"; }
  I_PAGES[$n]=$(sed -n 's/^Built [0-9]* reports into \([0-9]*\) pages.*/\1/p' "$scratch/incidex.log" | tail -n 1)
  reports=$(find "$iout/incidents" -mindepth 2 -maxdepth 2 -name index.html -not -path "$iout/incidents/page/*" | wc -l)
  I_FILES[$n]=$(find "$iout" -type f | wc -l)
  I_MBOUT[$n]=$(du -sm "$iout" | cut -f1)
  # Bytes as the files hold them (what GitHub Pages counts), not du's 4 KB blocks.
  read -r I_BYTES[$n] _ I_BPR[$n] I_FPR[$n] < <(python3 "$repo/bench/budget.py" "$iout" "$n" --totals)
  warnings=$(grep -ci 'warning' "$scratch/incidex.log" || true)
  echo "check incidex: ${T} s, $reports report pages of $n, ${I_PAGES[$n]:-?} pages, ${I_FILES[$n]} files, ${I_MBOUT[$n]} MB, ${I_BPR[$n]} bytes and ${I_FPR[$n]} files per report, $warnings warning line(s)"
  [ "$reports" -eq "$n" ] || die "incidex wrote $reports report pages for $n reports"
  [ "$(( avail_kb - I_MBOUT[$n] * 1024 ))" -gt "$(( I_MBOUT[$n] * 1100 ))" ] \
    || die "not enough room in $base to copy incidex's ${I_MBOUT[$n]} MB output for the cp -r floor"
  rm -rf "$iout"

  if [ $hugo_ok -eq 1 ]; then
    rm -rf "$hout" "$HUGO_CACHEDIR" "$hugo_src/resources"
    mkdir -p "$HUGO_CACHEDIR"
    hugo_rc=0
    run_timed "$scratch/hugo.log" hugo --source "$hugo_src" --destination "$hout" --minify=false || hugo_rc=$?
    errors=$(grep -c '^ERROR' "$scratch/hugo.log" || true)
    hwarn=$(grep -c '^WARN' "$scratch/hugo.log" || true)
    if [ $hugo_rc -ne 0 ] || [ "$errors" -gt 0 ]; then
      echo "check hugo: FAILED (exit status $hugo_rc, $errors ERROR line(s)); its output:"
      head -n 30 "$scratch/hugo.log" | sed 's/^/    /'
      echo "    ($(wc -l <"$scratch/hugo.log") line(s) in all)"
      H_STATUS[$n]="hugo failed to build the corpus (exit $hugo_rc): $(grep -m1 -E '^(ERROR|Error)' "$scratch/hugo.log" || tail -n 1 "$scratch/hugo.log")"
      hugo_ok=0
    else
      hreports=$(find "$hout/incidents" -mindepth 3 -maxdepth 3 -path "$hout/incidents/[0-9][0-9][0-9][0-9]/*/index.html" | wc -l)
      H_FILES[$n]=$(find "$hout" -type f | wc -l)
      H_MBOUT[$n]=$(du -sm "$hout" | cut -f1)
      read -r _ _ H_BPR[$n] H_FPR[$n] < <(python3 "$repo/bench/budget.py" "$hout" "$n" --totals)
      hpages=$(awk -F'|' '/^ *Pages / {gsub(/ /, "", $2); print $2}' "$scratch/hugo.log")
      echo "check hugo:    ${T} s, $hreports report pages of $n, ${hpages:-?} pages, ${H_FILES[$n]} files, ${H_MBOUT[$n]} MB, ${H_BPR[$n]} bytes and ${H_FPR[$n]} files per report, $hwarn WARN line(s)"
      [ "$hwarn" -eq 0 ] || grep '^WARN' "$scratch/hugo.log" | head -n 5 | sed 's/^/    /'
      if [ "$hreports" -ne "$n" ]; then
        H_STATUS[$n]="hugo wrote $hreports report pages for $n reports"
        echo "check hugo: ${H_STATUS[$n]}; no comparison row"
        hugo_ok=0
      fi
    fi
    rm -rf "$hout"
  else
    H_STATUS[$n]="hugo is not installed (rerun with --install, or apt-get install hugo)"
  fi

  # Timed runs, alternating.
  it=() ik=() ct=() ht=() hk=()
  for r in $(seq "$runs"); do
    rm -rf "$iout"
    run_timed "$scratch/incidex.log" "$bin" build --root "$native" --output "$iout" \
      || { tail -n 40 "$scratch/incidex.log" >&2; die "incidex build failed on run $r"; }
    it+=("$T"); ik+=("$KB")
    rm -rf "$copy"
    run_timed "$scratch/cp.log" cp -r "$iout" "$copy" \
      || { cat "$scratch/cp.log" >&2; die "cp -r of incidex's output failed on run $r"; }
    ct+=("$T")
    rm -rf "$copy" "$iout"
    line="run $r/$runs: incidex ${it[-1]} s $(mb "${ik[-1]}") MB; cp -r ${ct[-1]} s"
    if [ $hugo_ok -eq 1 ]; then
      rm -rf "$hout" "$HUGO_CACHEDIR" "$hugo_src/resources"
      mkdir -p "$HUGO_CACHEDIR"
      run_timed "$scratch/hugo.log" hugo --source "$hugo_src" --destination "$hout" --minify=false --quiet \
        || { tail -n 40 "$scratch/hugo.log" >&2; die "hugo failed on run $r after a good check run"; }
      ht+=("$T"); hk+=("$KB")
      rm -rf "$hout"
      line="$line; hugo ${ht[-1]} s $(mb "${hk[-1]}") MB"
    fi
    echo "$line"
  done

  I_MED[$n]=$(median "${it[@]}"); I_MIN[$n]=$(minimum "${it[@]}"); I_MAX[$n]=$(maximum "${it[@]}")
  I_KB[$n]=$(maximum "${ik[@]}")
  C_MED[$n]=$(median "${ct[@]}"); C_MIN[$n]=$(minimum "${ct[@]}"); C_MAX[$n]=$(maximum "${ct[@]}")
  if [ $hugo_ok -eq 1 ]; then
    H_MED[$n]=$(median "${ht[@]}"); H_MIN[$n]=$(minimum "${ht[@]}"); H_MAX[$n]=$(maximum "${ht[@]}")
    H_KB[$n]=$(maximum "${hk[@]}")
  fi
  echo
done

# ---------------------------------------------------------------------------------------
# Table and verdicts
# ---------------------------------------------------------------------------------------
echo "== results: clean builds, $runs run(s) each, wall seconds (load average now: $(cut -d' ' -f1-3 /proc/loadavg))"
fmt='%8s  %-8s  %8s  %13s  %8s  %8s  %7s  %9s  %8s\n'
printf "$fmt" reports tool "median s" "min-max s" "peak MB" files "out MB" "B/report" "f/report"
for n in "${sizes[@]}"; do
  printf "$fmt" "$n" incidex "${I_MED[$n]}" "${I_MIN[$n]}-${I_MAX[$n]}" "$(mb "${I_KB[$n]}")" "${I_FILES[$n]}" "${I_MBOUT[$n]}" "${I_BPR[$n]}" "${I_FPR[$n]}"
  if [ -n "${H_MED[$n]:-}" ]; then
    printf "$fmt" "" hugo "${H_MED[$n]}" "${H_MIN[$n]}-${H_MAX[$n]}" "$(mb "${H_KB[$n]}")" "${H_FILES[$n]}" "${H_MBOUT[$n]}" "${H_BPR[$n]}" "${H_FPR[$n]}"
  else
    printf "$fmt" "" hugo "-" "-" "-" "-" "-" "-" "-"
  fi
  printf "$fmt" "" "cp -r" "${C_MED[$n]}" "${C_MIN[$n]}-${C_MAX[$n]}" "" "${I_FILES[$n]}" "${I_MBOUT[$n]}" "" ""
done
echo "(out MB is du, whole 4 KB blocks; B/report and f/report are the files' own bytes and the files, per report)"
echo
fmt2='%8s  %13s  %19s  %13s\n'
printf "$fmt2" reports "incidex/hugo" "incidex s per 1,000" "incidex/cp -r"
for n in "${sizes[@]}"; do
  if [ -n "${H_MED[$n]:-}" ]; then ratio="$(div "${I_MED[$n]}" "${H_MED[$n]}")x"; else ratio="-"; fi
  printf "$fmt2" "$n" "$ratio" "$(div "$(awk -v t="${I_MED[$n]}" 'BEGIN {print t * 1000}')" "$n" '%.3f')" \
    "$(div "${I_MED[$n]}" "${C_MED[$n]}")x"
done
missing=0
for n in "${sizes[@]}"; do
  if [ -z "${H_MED[$n]:-}" ]; then
    echo "no hugo row at $n reports: ${H_STATUS[$n]}"
    missing=1
  fi
done

echo
echo "== verdicts (medians; peak RSS is the largest of the timed runs)"
has_size() { local s; for s in "${sizes[@]}"; do [ "$s" = "$1" ] && return 0; done; return 1; }
# 10k: incidex <= 1/3 of Hugo
if ! has_size 10000; then
  echo "10k   incidex <= 1/3 of Hugo at 10,000 reports: not measured (add size 10000)"
elif [ -z "${H_MED[10000]:-}" ]; then
  echo "10k   incidex <= 1/3 of Hugo at 10,000 reports: not measured (${H_STATUS[10000]})"
else
  v=$(awk -v i="${I_MED[10000]}" -v h="${H_MED[10000]}" 'BEGIN {print (3 * i <= h) ? "PASS" : "FAIL"}')
  echo "10k   incidex <= 1/3 of Hugo at 10,000 reports: $v (incidex ${I_MED[10000]} s, hugo ${H_MED[10000]} s, $(div "${I_MED[10000]}" "${H_MED[10000]}")x)"
fi
# 100k: incidex < 10 s and < 1 GiB
if ! has_size 100000; then
  echo "100k  incidex < 10 s and < 1 GiB at 100,000 reports: not measured (add size 100000)"
else
  v=$(awk -v t="${I_MED[100000]}" -v k="${I_KB[100000]}" 'BEGIN {print (t < 10 && k < 1048576) ? "PASS" : "FAIL"}')
  echo "100k  incidex < 10 s and < 1 GiB at 100,000 reports: $v (${I_MED[100000]} s, $(mb "${I_KB[100000]}") MB peak)"
fi
# cp floor: within 3x of cp -r, at every size measured
v=PASS
detail=""
for n in "${sizes[@]}"; do
  r=$(div "${I_MED[$n]}" "${C_MED[$n]}")
  ok=$(awk -v i="${I_MED[$n]}" -v c="${C_MED[$n]}" 'BEGIN {print (i <= 3 * c) ? "ok" : "over"}')
  [ "$ok" = ok ] || v=FAIL
  detail="$detail${detail:+, }$n: ${r}x $ok"
done
echo "cp    incidex within 3x of cp -r of its output: $v ($detail)"
# pages: the output fits GitHub Pages (1 GB) and GitLab Pages (200,000 files) at 100,000
# reports; below that size, judged from the bytes and files per report at the largest size.
largest=$(printf '%s\n' "${sizes[@]}" | sort -n | tail -n 1)
v=$(awk -v b="${I_BPR[$largest]}" -v f="${I_FPR[$largest]}" 'BEGIN {print (b * 100000 <= 1e9 && f * 100000 <= 200000) ? "PASS" : "FAIL"}')
echo "pages incidex fits 1 GB and 200,000 files at 100,000 reports: $v (at $largest: ${I_BPR[$largest]} bytes and ${I_FPR[$largest]} files per report, projected linearly $(awk -v b="${I_BPR[$largest]}" 'BEGIN {printf "%.0f", b * 100000 / 1e6}') MB and $(awk -v f="${I_FPR[$largest]}" 'BEGIN {printf "%.0f", f * 100000}') files at 100,000; limits 10,000 bytes and 2 files per report)"
[ $missing -eq 0 ] || echo "(comparison row missing where noted above)"
