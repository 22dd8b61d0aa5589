#!/usr/bin/env bash
# Builds and runs ctreport's libFuzzer harnesses (tests/fuzz/, docs/fuzzing.md).
#   scripts/fuzz.sh build                 build the harnesses in build-fuzz/ (clang, ASan, UBSan)
#   scripts/fuzz.sh smoke [SECONDS]       each harness SECONDS (30) from the committed seeds; fails on any
#                                         crash, timeout or out-of-memory (what `scripts/setup.sh test` runs)
#   scripts/fuzz.sh long [SECONDS]        each harness SECONDS (600), with a corpus kept in build-fuzz/corpus/
#   scripts/fuzz.sh run NAME [ARGS...]    one harness (csv, xlsx, template...) with libFuzzer's own arguments,
#                                         e.g. a crashing input to replay it
# Environment: CTREPORT_FUZZ_BUILD_DIR (build-fuzz), FUZZ_JOBS (harnesses run at once: the number of
# cores), FUZZ_TARGETS (names to run, e.g. "csv config"), FUZZ_KEEP_GOING=1 (long runs go on after a
# crash, in libFuzzer's fork mode, and collect every crashing input).
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=${CTREPORT_FUZZ_BUILD_DIR:-$here/build-fuzz}
jobs=${FUZZ_JOBS:-$(nproc 2>/dev/null || echo 1)}
mode=${1:-smoke}
fuzz_dir=$here/tests/fuzz

usage() {
  sed -n '2,12p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//' >&2
  exit 2
}

all_targets() {
  local f
  for f in "$fuzz_dir"/fuzz_*.cpp; do
    f=$(basename "$f" .cpp)
    [ "$f" = fuzz_support ] || echo "${f#fuzz_}"
  done
}

build_fuzzers() {
  if ! command -v clang++ >/dev/null 2>&1; then
    echo "ctreport fuzz: clang++ is needed (apt-get install clang libclang-rt-14-dev)" >&2
    exit 2
  fi
  # -O1 -g without NDEBUG: quick to build, readable stacks, assertions on.
  CXX=clang++ cmake -S "$here" -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -g" -DCTREPORT_FUZZ=ON -DCTREPORT_TESTS=OFF >/dev/null
  cmake --build "$build" -j "${CTREPORT_BUILD_JOBS:-$jobs}" --target fuzz_all
}

export ASAN_OPTIONS=${ASAN_OPTIONS:-abort_on_error=1:detect_stack_use_after_return=1:symbolize=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}

# The dictionary of a harness: its own, xml.dict for the XLSX parts, csv.dict for csv_parts.
dict_of() {
  if [ -f "$fuzz_dir/dict/$1.dict" ]; then echo "-dict=$fuzz_dir/dict/$1.dict"
  elif [[ $1 == xlsx_* || $1 == xml_* ]]; then echo "-dict=$fuzz_dir/dict/xml.dict"
  elif [[ $1 == csv_* ]]; then echo "-dict=$fuzz_dir/dict/csv.dict"; fi
}

# The committed seeds of a harness: its own, else those of the harness its
# name starts with (csv_parts reads what csv reads).
seeds_of() {
  if [ -d "$fuzz_dir/corpus/$1" ]; then echo "$fuzz_dir/corpus/$1"
  elif [ -d "$fuzz_dir/corpus/${1%%_*}" ]; then echo "$fuzz_dir/corpus/${1%%_*}"; fi
}

# One harness: run_one NAME SECONDS CORPUS_DIR [extra libFuzzer flags]; its output goes to the log.
run_one() {
  local name=$1 seconds=$2 corpus=$3
  shift 3
  local dict=() seeds=()
  dict=($(dict_of "$name"))
  seeds=($(seeds_of "$name"))
  mkdir -p "$corpus" "$build/artifacts/$name"
  "$build/fuzz_$name" -max_total_time="$seconds" -timeout="${FUZZ_TIMEOUT:-10}" -rss_limit_mb=2048 \
    -max_len="${FUZZ_MAX_LEN:-65536}" -print_final_stats=1 -artifact_prefix="$build/artifacts/$name/" \
    "${dict[@]}" "$@" "$corpus" "${seeds[@]}" >"$build/logs/$name.log" 2>&1
}

# Inputs a harness kept in its artifacts folder during its last run (crashes, timeouts,
# out-of-memory, leaks): in fork mode (FUZZ_KEEP_GOING) the run itself goes on and succeeds.
findings() {
  find "$build/artifacts/$1" -maxdepth 1 -type f -newer "$build/logs/$1.start" \( -name 'crash-*' -o -name 'timeout-*' \
    -o -name 'oom-*' -o -name 'leak-*' \) 2>/dev/null | wc -l
}

# The figures of a finished run, from libFuzzer's log: runs, execs/s, cov, ft, corpus, findings.
summary() {
  local log=$build/logs/$1.log
  local line runs execs cov ft corp
  line=$(grep -E '^#[0-9]+.*cov: ' "$log" | tail -1 || true)
  runs=$(grep -oE '^stat::number_of_executed_units: [0-9]+' "$log" | awk '{print $2}' | tail -1)
  [ -n "$runs" ] || runs=$(echo "$line" | grep -oE '^#[0-9]+' | tr -d '#')
  execs=$(grep -oE '^stat::average_exec_per_sec: [0-9]+' "$log" | awk '{print $2}' | tail -1)
  [ -n "$execs" ] || execs=$(echo "$line" | grep -oE 'exec/s:? [0-9]+' | awk '{print $2}')
  cov=$(echo "$line" | grep -oE 'cov: [0-9]+' | awk '{print $2}')
  ft=$(echo "$line" | grep -oE 'ft: [0-9]+' | awk '{print $2}')
  corp=$(echo "$line" | grep -oE 'corp: [0-9]+' | awk '{print $2}')
  local found
  found=$(findings "$1")
  printf '%10s execs %7s execs/s  cov %-6s ft %-6s corpus %-6s findings %s\n' "${runs:-?}" "${execs:-?}" "${cov:-?}" \
    "${ft:-?}" "${corp:-?}" "$found"
}

# Runs the harnesses, FUZZ_JOBS at a time; fails when any of them did.
run_all() {
  local seconds=$1 kind=$2
  shift 2
  mkdir -p "$build/logs"
  local targets=(${FUZZ_TARGETS:-$(all_targets)}) failed=()
  for name in "${targets[@]}"; do
    [ -x "$build/fuzz_$name" ] || { echo "ctreport fuzz: no harness fuzz_$name in $build" >&2; exit 2; }
  done
  echo "ctreport fuzz: ${kind} run, ${seconds} s per harness, ${jobs} at a time: ${targets[*]}"
  for name in "${targets[@]}"; do
    local corpus
    if [ "$kind" = smoke ]; then
      corpus=$build/smoke-corpus/$name
      rm -rf "$corpus"
    else
      corpus=$build/corpus/$name
    fi
    rm -f "$build/logs/$name.status"
    touch "$build/logs/$name.start"
    (
      status=0
      run_one "$name" "$seconds" "$corpus" "$@" || status=$?
      echo "$status" >"$build/logs/$name.status"
    ) &
    while [ "$(jobs -rp | wc -l)" -ge "$jobs" ]; do wait -n || true; done
  done
  wait
  for name in "${targets[@]}"; do
    local status
    status=$(cat "$build/logs/$name.status" 2>/dev/null || echo 1)
    if [ "$status" -eq 0 ] && [ "$(findings "$name")" -eq 0 ]; then
      printf 'ok      %-14s %s\n' "$name" "$(summary "$name")"
    else
      failed+=("$name")
      printf 'FAILED  %-14s %s\n' "$name" "$(summary "$name")"
      grep -E -A25 'ERROR: libFuzzer|ERROR: AddressSanitizer|ERROR: LeakSanitizer|runtime error:|uncaught exception' \
        "$build/logs/$name.log" | head -40 | sed 's/^/    /' || true
      echo "    log: $build/logs/$name.log; inputs: $build/artifacts/$name/"
    fi
  done
  if ((${#failed[@]})); then
    echo "ctreport fuzz: findings in ${failed[*]} (replay: scripts/fuzz.sh run NAME INPUT)" >&2
  fi
  echo "fuzz: $((${#targets[@]} - ${#failed[@]})) passed, ${#failed[@]} failed"
  ((${#failed[@]} == 0))
}

case "$mode" in
  build)
    build_fuzzers
    ;;
  smoke)
    build_fuzzers
    run_all "${2:-${FUZZ_SECONDS:-30}}" smoke
    ;;
  long)
    build_fuzzers
    if [ "${FUZZ_KEEP_GOING:-0}" = 1 ]; then
      run_all "${2:-600}" long -fork=1 -ignore_crashes=1 -ignore_timeouts=1 -ignore_ooms=1
    else
      run_all "${2:-600}" long
    fi
    ;;
  run)
    [ $# -ge 2 ] || usage
    name=$2
    shift 2
    [ -x "$build/fuzz_$name" ] || build_fuzzers
    dict=($(dict_of "$name"))
    exec "$build/fuzz_$name" "${dict[@]}" "$@"
    ;;
  *)
    usage
    ;;
esac
