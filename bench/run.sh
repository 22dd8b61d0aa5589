#!/usr/bin/env bash
# Benchmark runner: generates synthetic exports with ctreport-gen, then times whole
# processes (min and median wall time over several runs, peak RSS) of ctreport and of
# two peers computing the same core figures (pandas, DuckDB), and prints a Markdown table.
#
#   bench/run.sh [SIZE...] [MODE...]   sizes like 10k 100k 1m (default: 10k 100k, or none
#                                      when a mode is given); modes, each against its target:
#     linear   ctreport on 1m, 5m and 10m: time per stay against 1m (target: within 10 %; 10m ≤ 600 MB)
#     batch    ctreport 2015..YEAR against ctreport YEAR on BATCH_SIZE (target: ≤ 1.5×, ≤ 100 MB)
#     threads  ctreport 2015..YEAR and ctreport YEAR with --threads 1 and 2 on BATCH_SIZE: the same bytes, and the times
#     sites    --by site on one file of SITES (500) establishments against the same run without (target: ≤ 1.5×)
#     xlsx     ctreport on an XLSX of XLSX_SIZE rows against its CSV twin (target: ≤ 3×) and against
#              pandas.read_excel (target: ≥ 10× faster)
#     render   --format md,tex,xlsx,json against --format json on RENDER_SIZE (target: < 50 ms more)
#     activities  --activities with a log of ACTIVITY_ROWS rows (bench/gen_activity_log.py) against the
#              stays alone on ACTIVITY_SIZE (target: ≤ 2×)
#
# Builds nothing: expects build/ctreport and build/ctreport-gen. Environment:
#   CTREPORT, CTREPORT_GEN   the binaries (default build/ctreport, build/ctreport-gen)
#   RUNS (5)  YEAR (2024)  SEED (42)  PYTHON (/usr/bin/python3)  NODE (node)
#   REGEN=1                  regenerate the data files even if present
#   BATCH_SIZE (1m)  XLSX_SIZE (1m)  RENDER_SIZE (1m)  XLSX_PEER_RUNS (1: pandas.read_excel
#   takes minutes on a million rows)
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


BATCH_SIZE=${BATCH_SIZE:-1m}
XLSX_SIZE=${XLSX_SIZE:-1m}
RENDER_SIZE=${RENDER_SIZE:-1m}
XLSX_PEER_RUNS=${XLSX_PEER_RUNS:-1}
ACTIVITY_SIZE=${ACTIVITY_SIZE:-1m}
ACTIVITY_ROWS=${ACTIVITY_ROWS:-500000}
SITES=${SITES:-500}

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
sizes=(); modes=()
if [ $# -eq 0 ]; then sizes=(10k 100k); fi
for arg in "$@"; do
  case "$arg" in
    linear|batch|threads|sites|xlsx|render|activities) modes+=("$arg") ;;
    *) [[ ${arg,,} =~ ^[0-9]+[km]?$ ]] || die "'$arg': expected a size like 10k, 100k, 1m or a mode (linear, batch, threads, sites, xlsx, render, activities)"
       sizes+=("$arg") ;;
  esac
done

# A value from a JSON file, by dotted path (python3, else node).
json_get() {
  local file=$1 path=$2
  if "$PYTHON" -c '' >/dev/null 2>&1; then
    "$PYTHON" -c 'import json,sys
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
declare -A median_of min_of rss_of
result_rows=()
mode_rows=()
target_rows=()

# Generates bench/out/stays-SIZE.EXT (csv or xlsx) unless it exists; sets file to its path.
generate() {
  local size=$1 ext=$2 n
  n=$(count_of "$size")
  file=$out/stays-$size.$ext
  if [ ! -s "$file" ] || [ "${REGEN:-0}" = 1 ]; then
    log "generating $file ($n stays)"
    local t0=$EPOCHREALTIME
    "$CTREPORT_GEN" --stays "$n" --from 2015 --to "$YEAR" --seed "$SEED" --format "$ext" --quiet -o "$file" >&2 \
      || die "ctreport-gen failed for $size $ext"
    local t1=$EPOCHREALTIME
    local mb
    mb=$(awk -v b="$(stat -c %s "$file")" 'BEGIN {printf "%.1f", b/1048576}')
    gen_rows+=("| $size $ext | $n | $mb | $(awk -v a="$t0" -v b="$t1" 'BEGIN {printf "%.2f", b-a}') |")
  fi
}

# Runs a command RUNS times (or $2 times) as a whole process. KEY names the result:
# min_of, median_of (s) and rss_of (MB) are set; on failure, FAILURE says why.
# EXPECT, if set, is a file the command must write (removed before each run).
measure() {
  local key=$1 runs=$2; shift 2
  : > "$tmp/times"; : > "$tmp/rss"
  FAILURE=""
  log "$key: $runs runs of: $*"
  for ((run = 1; run <= runs; run++)); do
    [ -n "${EXPECT:-}" ] && rm -f "$EXPECT"
    local t0=$EPOCHREALTIME status
    set +e
    "$TIME" -f %M -o "$tmp/time.out" "$@" > "$tmp/stdout" 2> "$tmp/stderr"
    status=$?
    set -e
    local t1=$EPOCHREALTIME
    if [ $status -ne 0 ]; then
      FAILURE="failed (exit $status): $(head -n 1 "$tmp/stderr" | cut -c1-120 | tr '|' '/')"
      break
    fi
    if [ -n "${EXPECT:-}" ] && [ ! -s "$EXPECT" ]; then FAILURE="failed: no $EXPECT written"; break; fi
    awk -v a="$t0" -v b="$t1" 'BEGIN {printf "%.4f\n", b-a}' >> "$tmp/times"
    tail -n 1 "$tmp/time.out" >> "$tmp/rss"
  done
  if [ -n "$FAILURE" ]; then
    log "$key: $FAILURE"
    [ -s "$tmp/stderr" ] && sed -n '1,5p' "$tmp/stderr" >&2
    return 1
  fi
  local t_min t_median rss_max
  read -r t_min t_median _ < <(stats < "$tmp/times")
  read -r _ _ rss_max < <(stats < "$tmp/rss")
  min_of[$key]=$t_min; median_of[$key]=$t_median
  rss_of[$key]=$(awk -v k="$rss_max" 'BEGIN {printf "%.0f", k/1024}')
}

# a / b with D decimals, or n/a.
div() { if [ -z "${1:-}" ] || [ -z "${2:-}" ]; then echo "n/a"; else awk -v a="$1" -v b="$2" -v d="${3:-2}" 'BEGIN {printf "%.*f", d, a/b}'; fi; }
# yes/no from an awk condition on a and b.
met() { if [ -z "${2:-}" ] || [ -z "${3:-}" ]; then echo "n/a"; else awk -v a="$2" -v b="$3" "BEGIN {print ($1) ? \"yes\" : \"**no**\"}"; fi; }
# A row of the modes' table from a measured key.
mode_row() { mode_rows+=("| $1 | $2 | $(printf '%.3f' "${min_of[$3]}") | $(printf '%.3f' "${median_of[$3]}") | ${rss_of[$3]} |"); }

for size in "${sizes[@]}"; do
  generate "$size" csv
  for tool in ctreport pandas duckdb; do
    reason=$(missing_reason "$tool")
    if [ -n "$reason" ]; then
      result_rows+=("| $tool | $size | $reason | | | | |")
      log "$tool $size: $reason"
      continue
    fi
    dir=$out/ctreport-$size
    cmd=$(tool_command "$tool" "$file" "$dir")
    EXPECT=""; [ "$tool" = ctreport ] && EXPECT=$dir/figures-$YEAR.json
    # shellcheck disable=SC2086  # the command is split on purpose (paths have no spaces)
    if ! measure "$tool/$size" "$RUNS" $cmd; then
      result_rows+=("| $tool | $size | $FAILURE | | | | |")
      continue
    fi
    if [ "$tool" = ctreport ]; then
      check="$(json_get "$dir/figures-$YEAR.json" people.present) / $(json_get "$dir/figures-$YEAR.json" occupancy.bed_days)"
    else
      cp "$tmp/stdout" "$out/$tool-$size.json"
      check="$(json_get "$out/$tool-$size.json" people_present) / $(json_get "$out/$tool-$size.json" bed_days)"
    fi
    result_rows+=("| $tool | $size | $(printf '%.3f' "${min_of[$tool/$size]}") | $(printf '%.3f' "${median_of[$tool/$size]}") | ${rss_of[$tool/$size]} | RATIO:$tool/$size | $check |")
  done
  if [ "$size" = 1m ]; then
    c=${median_of[ctreport/1m]:-}; d=${median_of[duckdb/1m]:-}; p=${median_of[pandas/1m]:-}
    target_rows+=("| 1M stays, one year, JSON: ≤ 0.40 s | median $(printf '%.3f' "$c") s | $(met 'a <= b' "$c" 0.40) |")
    target_rows+=("| 1M stays, one year, JSON: ≤ ¼ DuckDB | ctreport/DuckDB = $(div "$c" "$d") | $(met 'a <= 0.25 * b' "$c" "$d") |")
    target_rows+=("| 1M stays, one year, JSON: ≤ ⅒ pandas | ctreport/pandas = $(div "$c" "$p" 3) | $(met 'a <= 0.1 * b' "$c" "$p") |")
    target_rows+=("| 1M stays, one year, JSON: ≤ 100 MB | ${rss_of[ctreport/1m]:-n/a} MB | $(met 'a <= b' "${rss_of[ctreport/1m]:-}" 100) |")
  fi
done

[ ${#modes[@]} -gt 0 ] && [ -n "$(missing_reason ctreport)" ] && die "ctreport not found at $CTREPORT"
for mode in "${modes[@]}"; do
  case "$mode" in
    linear)
      for size in 1m 5m 10m; do
        generate "$size" csv
        EXPECT=$out/linear-$size/figures-$YEAR.json
        measure "linear/$size" "$RUNS" "$CTREPORT" "$YEAR" "$file" --format json -o "$out/linear-$size" --quiet || die "linear $size: $FAILURE"
        mode_row "linear: ctreport $YEAR, json" "$size" "linear/$size"
      done
      r=$(div "${median_of[linear/5m]}" "${median_of[linear/1m]}")
      target_rows+=("| 5M stays linear within 10 % of 1M | 5M/1M = $r (≤ 5.5) | $(met 'a <= 5.5 * b' "${median_of[linear/5m]}" "${median_of[linear/1m]}") |")
      r=$(div "${median_of[linear/10m]}" "${median_of[linear/1m]}")
      target_rows+=("| 10M stays linear within 10 % of 1M | 10M/1M = $r (≤ 11) | $(met 'a <= 11 * b' "${median_of[linear/10m]}" "${median_of[linear/1m]}") |")
      target_rows+=("| 10M stays in one run ≤ 600 MB | ${rss_of[linear/10m]} MB | $(met 'a <= b' "${rss_of[linear/10m]}" 600) |")
      ;;
    batch)
      generate "$BATCH_SIZE" csv
      EXPECT=$out/batch-one/figures-$YEAR.json
      measure batch/one "$RUNS" "$CTREPORT" "$YEAR" "$file" --format json -o "$out/batch-one" --quiet || die "batch: $FAILURE"
      mode_row "batch: ctreport $YEAR, json" "$BATCH_SIZE" batch/one
      EXPECT=$out/batch-ten/figures-$YEAR.json
      measure batch/ten "$RUNS" "$CTREPORT" "2015..$YEAR" "$file" --format json -o "$out/batch-ten" --quiet || die "batch: $FAILURE"
      mode_row "batch: ctreport 2015..$YEAR, json" "$BATCH_SIZE" batch/ten
      target_rows+=("| ten years in one batch ≤ 1.5× one year | 2015..$YEAR / $YEAR = $(div "${median_of[batch/ten]}" "${median_of[batch/one]}") ($BATCH_SIZE) | $(met 'a <= 1.5 * b' "${median_of[batch/ten]}" "${median_of[batch/one]}") |")
      target_rows+=("| ten years in one batch ≤ 100 MB | ${rss_of[batch/ten]} MB ($BATCH_SIZE) | $(met 'a <= b' "${rss_of[batch/ten]}" 100) |")
      ;;
    sites)
      # One file of SITES establishments with a site column, with and without --by site.
      file=$out/sites-$SITES.csv
      if [ ! -s "$file" ] || [ "${REGEN:-0}" = 1 ]; then
        "$CTREPORT_GEN" --establishments "$SITES" --from 2015 --to "$YEAR" --seed "$SEED" --site-column --quiet -o "$file" >&2 \
          || die "ctreport-gen failed for $SITES sites"
      fi
      EXPECT=$out/sites-without/figures-$YEAR.json
      measure sites/without "$RUNS" "$CTREPORT" "$YEAR" "$file" --format json -o "$out/sites-without" --quiet || die "sites: $FAILURE"
      mode_row "sites: ctreport $YEAR, json, $SITES sites in one file" "$SITES sites" sites/without
      EXPECT=$out/sites-by/figures-$YEAR.json
      measure sites/by "$RUNS" "$CTREPORT" "$YEAR" "$file" --format json --by site -o "$out/sites-by" --quiet || die "sites: $FAILURE"
      mode_row "sites: ctreport $YEAR, json, --by site ($SITES reports more)" "$SITES sites" sites/by
      target_rows+=("| --by site over $SITES establishments ≤ 1.5× the run without | by/without = $(div "${median_of[sites/by]}" "${median_of[sites/without]}") | $(met 'a <= 1.5 * b' "${median_of[sites/by]}" "${median_of[sites/without]}") |")
      ;;
    threads)
      # The same batch on one thread and on two: the same bytes, and the time each takes.
      generate "$BATCH_SIZE" csv
      for t in 1 2; do
        EXPECT=$out/threads-$t/figures-$YEAR.json
        measure "threads/$t" "$RUNS" "$CTREPORT" "2015..$YEAR" "$file" --format json --threads "$t" -o "$out/threads-$t" --quiet \
          || die "threads: $FAILURE"
        mode_row "threads: ctreport 2015..$YEAR, json, --threads $t" "$BATCH_SIZE" "threads/$t"
      done
      # One year alike: the file read in parts on two threads (input/parted_read).
      for t in 1 2; do
        EXPECT=$out/threads-year-$t/figures-$YEAR.json
        measure "threads-year/$t" "$RUNS" "$CTREPORT" "$YEAR" "$file" --format json --threads "$t" -o "$out/threads-year-$t" \
          --quiet || die "threads: $FAILURE"
        mode_row "threads: ctreport $YEAR, json, --threads $t" "$BATCH_SIZE" "threads-year/$t"
      done
      same=yes
      for f in "$out"/threads-1/figures-*.json; do cmp -s "$f" "$out/threads-2/${f##*/}" || same="**no** (${f##*/} differs)"; done
      cmp -s "$out/threads-year-1/figures-$YEAR.json" "$out/threads-year-2/figures-$YEAR.json" || same="**no** (one year differs)"
      target_rows+=("| figures.json of every year byte-identical with --threads 1 and 2 | $(($(ls "$out"/threads-1/figures-*.json | wc -l) + 1)) files compared | $same |")
      target_rows+=("| two threads faster than one | --threads 2 / --threads 1 = $(div "${median_of[threads/2]}" "${median_of[threads/1]}") ten years, $(div "${median_of[threads-year/2]}" "${median_of[threads-year/1]}") one year ($BATCH_SIZE) | $(met 'a < b' "${median_of[threads/2]}" "${median_of[threads/1]}") |")
      ;;
    xlsx)
      generate "$XLSX_SIZE" xlsx
      EXPECT=$out/xlsx/figures-$YEAR.json
      measure xlsx/ctreport "$RUNS" "$CTREPORT" "$YEAR" "$file" --format json -o "$out/xlsx" --quiet || die "xlsx: $FAILURE"
      mode_row "xlsx: ctreport $YEAR, json" "$XLSX_SIZE" xlsx/ctreport
      reason=$(missing_reason pandas)
      if [ -z "$reason" ] && ! "$PYTHON" -c 'import openpyxl' >/dev/null 2>&1; then reason="missing: apt-get install -y python3-openpyxl"; fi
      if [ -n "$reason" ]; then
        mode_rows+=("| xlsx: pandas.read_excel | $XLSX_SIZE | $reason | | |")
      else
        EXPECT=""
        if measure xlsx/pandas "$XLSX_PEER_RUNS" "$PYTHON" "$peers/pandas_figures.py" "$file" "$YEAR"; then
          cp "$tmp/stdout" "$out/pandas-xlsx-$XLSX_SIZE.json"
          mode_row "xlsx: pandas.read_excel (pandas_figures.py)" "$XLSX_SIZE" xlsx/pandas
          a=$(json_get "$out/xlsx/figures-$YEAR.json" occupancy.bed_days); b=$(json_get "$out/pandas-xlsx-$XLSX_SIZE.json" bed_days)
          [ "$a" = "$b" ] || log "xlsx: bed-days differ: ctreport $a, pandas $b"
        else
          mode_rows+=("| xlsx: pandas.read_excel | $XLSX_SIZE | $FAILURE | | |")
        fi
      fi
      # Its CSV twin (same seed, same stays), one year.
      xlsx_file=$file
      generate "$XLSX_SIZE" csv
      EXPECT=$out/xlsx-twin/figures-$YEAR.json
      measure xlsx/csv "$RUNS" "$CTREPORT" "$YEAR" "$file" --format json -o "$out/xlsx-twin" --quiet || die "xlsx: $FAILURE"
      mode_row "xlsx: ctreport $YEAR, json, its CSV twin" "$XLSX_SIZE" xlsx/csv
      cmp -s "$out/xlsx/figures-$YEAR.json" "$out/xlsx-twin/figures-$YEAR.json" || log "xlsx: figures differ from the CSV twin's (expected: the method note names the source)"
      target_rows+=("| XLSX $XLSX_SIZE rows ≤ 3× its CSV twin | xlsx/csv = $(div "${median_of[xlsx/ctreport]}" "${median_of[xlsx/csv]}") | $(met 'a <= 3 * b' "${median_of[xlsx/ctreport]}" "${median_of[xlsx/csv]}") |")
      file=$xlsx_file
      target_rows+=("| XLSX $XLSX_SIZE rows ≥ 10× faster than pandas.read_excel | pandas/ctreport = $(div "${median_of[xlsx/pandas]:-}" "${median_of[xlsx/ctreport]}" 1) | $(met 'a >= 10 * b' "${median_of[xlsx/pandas]:-}" "${median_of[xlsx/ctreport]}") |")
      ;;
    activities)
      generate "$ACTIVITY_SIZE" csv
      log_file=$out/activities-$ACTIVITY_ROWS.csv
      if [ ! -f "$log_file" ] || [ -n "${REGEN:-}" ]; then
        "$PYTHON" "$here/bench/gen_activity_log.py" "$file" "$ACTIVITY_ROWS" "$YEAR" "$log_file" "$SEED" >&2 \
          || die "bench/gen_activity_log.py failed"
      fi
      EXPECT=$out/activities-without/figures-$YEAR.json
      measure activities/without "$RUNS" "$CTREPORT" "$YEAR" "$file" --format json -o "$out/activities-without" --quiet || die "activities: $FAILURE"
      mode_row "activities: ctreport $YEAR, json, stays alone" "$ACTIVITY_SIZE" activities/without
      EXPECT=$out/activities-with/figures-$YEAR.json
      measure activities/with "$RUNS" "$CTREPORT" "$YEAR" "$file" --activities "$log_file" --format json -o "$out/activities-with" --quiet || die "activities: $FAILURE"
      mode_row "activities: ctreport $YEAR, json, --activities $ACTIVITY_ROWS rows" "$ACTIVITY_SIZE" activities/with
      target_rows+=("| a $ACTIVITY_ROWS-row activity log ≤ 2× the stays alone | with/without = $(div "${median_of[activities/with]}" "${median_of[activities/without]}") ($ACTIVITY_SIZE) | $(met 'a <= 2 * b' "${median_of[activities/with]}" "${median_of[activities/without]}") |")
      ;;
    render)
      generate "$RENDER_SIZE" csv
      # --compare YEAR: no other year is computed for the reports' comparison columns,
      # so the two runs differ only by rendering.
      EXPECT=$out/render-json/figures-$YEAR.json
      measure render/json "$RUNS" "$CTREPORT" "$YEAR" "$file" --format json --compare "$YEAR" -o "$out/render-json" --quiet || die "render: $FAILURE"
      mode_row "render: ctreport $YEAR, json" "$RENDER_SIZE" render/json
      EXPECT=$out/render-all/rapport-$YEAR.xlsx
      measure render/all "$RUNS" "$CTREPORT" "$YEAR" "$file" --format md,tex,xlsx,json --compare "$YEAR" -o "$out/render-all" --quiet || die "render: $FAILURE"
      mode_row "render: ctreport $YEAR, md,tex,xlsx,json" "$RENDER_SIZE" render/all
      # ctreport's own timing of rendering and writing, from --verbose (median of RUNS
      # runs each): the whole-process difference is within the noise of a shared machine.
      own() {
        for ((run = 1; run <= RUNS; run++)); do
          rm -rf "$out/render-v"
          "$CTREPORT" "$YEAR" "$file" --format "$1" --compare "$YEAR" -o "$out/render-v" --verbose 2>&1 >/dev/null \
            | sed -n 's/.*render+write \([0-9.]*\) ms.*/\1/p'
        done | stats | cut -d' ' -f2
      }
      own_json=$(own json); own_all=$(own md,tex,xlsx,json)
      d=$(awk -v a="${median_of[render/all]}" -v b="${median_of[render/json]}" 'BEGIN {printf "%+.0f", (a-b)*1000}')
      added=$(awk -v a="$own_all" -v b="$own_json" 'BEGIN {printf "%.0f", a-b}')
      target_rows+=("| rendering all formats adds < 50 ms | render+write (--verbose, medians) $own_json ms for json, $own_all ms for all: +$added ms; whole process $d ms | $(met 'a - b < 50' "$own_all" "$own_json") |")
      ;;
  esac
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
    echo "| generated | stays | MB | ctreport-gen s |"
    echo "| --- | ---: | ---: | ---: |"
    printf '%s\n' "${gen_rows[@]}"
    echo
  fi
  if [ ${#result_rows[@]} -gt 0 ]; then
    echo "| tool | size | min s | median s | peak MB | ratio to ctreport | people present / bed-days |"
    echo "| --- | --- | ---: | ---: | ---: | ---: | ---: |"
    for row in "${result_rows[@]}"; do
      if [[ $row =~ RATIO:([a-z]+/[0-9a-zA-Z]+) ]]; then
        key=${BASH_REMATCH[1]}
        row=${row/RATIO:$key/$(ratio "$key")}
      fi
      echo "$row"
    done
    echo
  fi
  if [ ${#mode_rows[@]} -gt 0 ]; then
    echo "| run | size | min s | median s | peak MB |"
    echo "| --- | --- | ---: | ---: | ---: |"
    printf '%s\n' "${mode_rows[@]}"
    echo
  fi
  if [ ${#target_rows[@]} -gt 0 ]; then
    echo "| target | measured (medians) | met |"
    echo "| --- | --- | --- |"
    printf '%s\n' "${target_rows[@]}"
  fi
} | tee "$out/results.md"
