#!/usr/bin/env bash
# Benchmark runner: generates synthetic exports with ctreport-gen, then times whole
# processes (min and median wall time over several runs, peak RSS) of ctreport and of
# two peers computing the same core figures (pandas, DuckDB), and prints a Markdown table.
#
#   bench/run.sh [SIZE...]        sizes like 10k 100k 1m (default: 10k 100k)
#
# Builds nothing: expects build/ctreport and build/ctreport-gen. Environment:
#   CTREPORT, CTREPORT_GEN   the binaries (default build/ctreport, build/ctreport-gen)
#   RUNS (5)  YEAR (2024)  SEED (42)  PYTHON (/usr/bin/python3)  NODE (node)
#   REGEN=1                  regenerate the data files even if present
# Data and outputs go to bench/out/ (git-ignored); the table is also saved there as
# results.md. A peer that is not installed is reported as missing, not as a failure.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
CTREPORT=${CTREPORT:-$here/build/ctreport}
CTREPORT_GEN=${CTREPORT_GEN:-$here/build/ctreport-gen}
RUNS=${RUNS:-5}
YEAR=${YEAR:-2024}
SEED=${SEED:-42}
if [ -z "${PYTHON:-}" ]; then
  if [ -x /usr/bin/python3 ]; then PYTHON=/usr/bin/python3; else PYTHON=python3; fi
fi
NODE=${NODE:-node}
TIME=${TIME_BIN:-/usr/bin/time}
out=$here/bench/out
peers=$here/bench/peers

if [ $# -eq 0 ]; then set -- 10k 100k; fi

die() { echo "bench/run.sh: $*" >&2; exit 1; }
log() { echo "bench/run.sh: $*" >&2; }

# Paths given relative to the current folder keep working after the cd below.
absolute() { if [[ $1 == */* ]]; then realpath -m -- "$1"; else command -v -- "$1" || echo "$1"; fi; }
CTREPORT=$(absolute "$CTREPORT"); CTREPORT_GEN=$(absolute "$CTREPORT_GEN")
PYTHON=$(absolute "$PYTHON"); NODE=$(absolute "$NODE")

[ -x "$TIME" ] || die "GNU time is needed for peak memory ($TIME not found): apt-get install time"
[ -x "$CTREPORT_GEN" ] || die "generator not found at $CTREPORT_GEN: build it with
  cmake -S . -B build && cmake --build build --target ctreport-gen   (or set CTREPORT_GEN)"

# 10k → 10000, 1m → 1000000, 2500 → 2500.
count_of() {
  local s=${1,,}
  case "$s" in
    *k) echo $(( ${s%k} * 1000 )) ;;
    *m) echo $(( ${s%m} * 1000000 )) ;;
    *)  echo "$s" ;;
  esac
}
for size in "$@"; do
  [[ ${size,,} =~ ^[0-9]+[km]?$ ]] || die "size '$size': expected a number like 10k, 100k, 1m"
done

# A value from a JSON file, by dotted path (python3, else node).
json_get() {
  local file=$1 path=$2
  if command -v python3 >/dev/null 2>&1; then
    python3 -c 'import json,sys
v=json.load(open(sys.argv[1], encoding="utf-8"))
for k in sys.argv[2].split("."): v=v[k]
print(v)' "$file" "$path" 2>/dev/null || echo "?"
  else
    "$NODE" -e 'let v=JSON.parse(require("fs").readFileSync(process.argv[1],"utf8"));
for (const k of process.argv[2].split(".")) v=v[k]; console.log(v)' "$file" "$path" 2>/dev/null || echo "?"
  fi
}

# min, median and max of numbers, one a line.
stats() { sort -g | awk '{v[NR]=$1} END {m=(NR%2)?v[(NR+1)/2]:(v[NR/2]+v[NR/2+1])/2; printf "%s %s %s\n", v[1], m, v[NR]}'; }

# Why a tool cannot run here, or nothing.
missing_reason() {
  case "$1" in
    ctreport)
      [ -x "$CTREPORT" ] || echo "missing: build it (cmake -S . -B build && cmake --build build)" ;;
    pandas)
      "$PYTHON" -c 'import pandas' >/dev/null 2>&1 || echo "missing: apt-get install -y python3-pandas" ;;
    duckdb)
      if ! command -v "$NODE" >/dev/null 2>&1; then echo "missing: apt-get install -y nodejs npm"
      elif ! (cd "$peers" && "$NODE" -e "import('@duckdb/node-api')" >/dev/null 2>&1); then
        echo "missing: (cd bench/peers && npm install --no-package-lock)"
      fi ;;
  esac
}

# Command line of a tool on a file; ctreport writes into $2.
tool_command() {
  local tool=$1 file=$2 dir=$3
  case "$tool" in
    ctreport) echo "$CTREPORT $YEAR $file --format json -o $dir --quiet" ;;
    pandas)   echo "$PYTHON $peers/pandas_figures.py $file $YEAR" ;;
    duckdb)   echo "$NODE $peers/duckdb_figures.mjs $file $YEAR" ;;
  esac
}

mkdir -p "$out"
# Run from bench/out, so that no ctreport.yaml of the caller's folder is picked up.
cd "$out"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

gen_rows=()
declare -A median_of
result_rows=()

for size in "$@"; do
  n=$(count_of "$size")
  file=$out/stays-$size.csv
  if [ ! -s "$file" ] || [ "${REGEN:-0}" = 1 ]; then
    log "generating $file ($n stays)"
    t0=$EPOCHREALTIME
    "$CTREPORT_GEN" --stays "$n" --from 2015 --to "$YEAR" --seed "$SEED" --quiet -o "$file" \
      || die "ctreport-gen failed for $size"
    t1=$EPOCHREALTIME
    mb=$(awk -v b="$(stat -c %s "$file")" 'BEGIN {printf "%.1f", b/1048576}')
    gen_rows+=("| $size | $n | $mb | $(awk -v a="$t0" -v b="$t1" 'BEGIN {printf "%.2f", b-a}') |")
  fi

  for tool in ctreport pandas duckdb; do
    reason=$(missing_reason "$tool")
    if [ -n "$reason" ]; then
      result_rows+=("| $tool | $size | $reason | | | | |")
      log "$tool $size: $reason"
      continue
    fi
    dir=$out/ctreport-$size
    cmd=$(tool_command "$tool" "$file" "$dir")
    : > "$tmp/times"; : > "$tmp/rss"
    failure=""
    log "$tool $size: $RUNS runs of: $cmd"
    for ((run = 1; run <= RUNS; run++)); do
      rm -f "$dir/figures-$YEAR.json"
      t0=$EPOCHREALTIME
      set +e
      # shellcheck disable=SC2086  # the command is split on purpose (paths have no spaces)
      "$TIME" -f %M -o "$tmp/time.out" $cmd > "$tmp/stdout" 2> "$tmp/stderr"
      status=$?
      set -e
      t1=$EPOCHREALTIME
      if [ $status -ne 0 ]; then
        failure="failed (exit $status): $(head -n 1 "$tmp/stderr" | cut -c1-120 | tr '|' '/')"
        break
      fi
      if [ "$tool" = ctreport ] && [ ! -s "$dir/figures-$YEAR.json" ]; then
        failure="failed: no $dir/figures-$YEAR.json written"
        break
      fi
      awk -v a="$t0" -v b="$t1" 'BEGIN {printf "%.4f\n", b-a}' >> "$tmp/times"
      tail -n 1 "$tmp/time.out" >> "$tmp/rss"
    done
    if [ -n "$failure" ]; then
      result_rows+=("| $tool | $size | $failure | | | | |")
      log "$tool $size: $failure"
      [ -s "$tmp/stderr" ] && sed -n '1,5p' "$tmp/stderr" >&2
      continue
    fi
    read -r t_min t_median _ < <(stats < "$tmp/times")
    read -r _ _ rss_max < <(stats < "$tmp/rss")
    median_of[$tool/$size]=$t_median
    if [ "$tool" = ctreport ]; then
      check="$(json_get "$dir/figures-$YEAR.json" people.present) / $(json_get "$dir/figures-$YEAR.json" occupancy.bed_days)"
    else
      cp "$tmp/stdout" "$out/$tool-$size.json"
      check="$(json_get "$out/$tool-$size.json" people_present) / $(json_get "$out/$tool-$size.json" bed_days)"
    fi
    result_rows+=("| $tool | $size | $(printf '%.3f' "$t_min") | $(printf '%.3f' "$t_median") | $(awk -v k="$rss_max" 'BEGIN {printf "%.0f", k/1024}') | RATIO:$tool/$size | $check |")
  done
done

# The ratio to ctreport's median of the same size, once all are known.
ratio() {
  local key=$1 size=${1#*/}
  local base=${median_of[ctreport/$size]:-} mine=${median_of[$key]:-}
  if [ -z "$base" ] || [ -z "$mine" ]; then echo "n/a"; else awk -v a="$mine" -v b="$base" 'BEGIN {printf "%.1f", a/b}'; fi
}

{
  echo "Machine: $(grep -m1 'model name' /proc/cpuinfo 2>/dev/null | cut -d: -f2- | sed 's/^ *//'), $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo); $RUNS runs each, year $YEAR, seed $SEED, $(date -u +%Y-%m-%d)."
  echo
  if [ ${#gen_rows[@]} -gt 0 ]; then
    echo "| generated | stays | CSV MB | ctreport-gen s |"
    echo "| --- | ---: | ---: | ---: |"
    printf '%s\n' "${gen_rows[@]}"
    echo
  fi
  echo "| tool | size | min s | median s | peak MB | ratio to ctreport | people present / bed-days |"
  echo "| --- | --- | ---: | ---: | ---: | ---: | ---: |"
  for row in "${result_rows[@]}"; do
    if [[ $row =~ RATIO:([a-z]+/[0-9a-zA-Z]+) ]]; then
      key=${BASH_REMATCH[1]}
      row=${row/RATIO:$key/$(ratio "$key")}
    fi
    echo "$row"
  done
} | tee "$out/results.md"
