#!/usr/bin/env bash
# One-command set-up for ctreport on Debian 12.
#   scripts/setup.sh example   install what is missing, build, render the bundled example
#   scripts/setup.sh test      install what is missing, build, run the whole test suite, then
#                              the fuzz smoke run (scripts/fuzz.sh smoke; CTREPORT_FUZZ_SMOKE=0 skips it)
#   scripts/setup.sh sanitize  the whole test suite built with ASan and UBSan, in build-sanitize/
#   scripts/setup.sh tsan      the whole test suite built with ThreadSanitizer (clang), in build-tsan/
# With CTREPORT_WITH_LATEX=1, the optional LaTeX packages for PDF reports too; with
# CTREPORT_WITH_DOCX=1, pandoc for the Word and LibreOffice reports (docx, odt).
# Packages tagged [test] (clang and its runtimes) are installed for test and sanitize,
# and those tagged [docx] (pandoc, about 20 s) for test, so that CI tests those formats.
# Packages come from scripts/debian-packages.txt (the project's single list).
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
mode=${1:-example}
build=${CTREPORT_BUILD_DIR:-$here/build}
jobs=$(nproc 2>/dev/null || echo 2)

install_missing() {
  local wanted=() missing=()
  mapfile -t wanted < <(grep -v '^\s*#' "$here/scripts/debian-packages.txt" | grep -v '^\[' | sed '/^\s*$/d')
  if [ "$mode" = test ] || [ "$mode" = sanitize ] || [ "$mode" = tsan ]; then
    mapfile -t -O "${#wanted[@]}" wanted < <(sed -n 's/^\[test\] *//p' "$here/scripts/debian-packages.txt")
  fi
  if [ "${CTREPORT_WITH_DOCX:-0}" = 1 ] || [ "$mode" = test ]; then
    mapfile -t -O "${#wanted[@]}" wanted < <(sed -n 's/^\[docx\] *//p' "$here/scripts/debian-packages.txt")
  fi
  if [ "${CTREPORT_WITH_LATEX:-0}" = 1 ]; then
    mapfile -t -O "${#wanted[@]}" wanted < <(sed -n 's/^\[latex\] *//p' "$here/scripts/debian-packages.txt")
  fi
  for p in "${wanted[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
  done
  if ((${#missing[@]})); then
    echo "ctreport setup: installing ${missing[*]}"
    local sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    $sudo apt-get update -q
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q --no-install-recommends "${missing[@]}"
  fi
}

build_project() {
  cmake -S "$here" -B "$build" -DCMAKE_BUILD_TYPE=Release >/dev/null
  cmake --build "$build" -j "$jobs"
}

case "$mode" in
  example)
    install_missing
    build_project
    out="$here/examples/rapport"
    formats=md,tex,xlsx,json
    if command -v pdflatex >/dev/null 2>&1; then formats=$formats,pdf; fi
    if command -v pandoc >/dev/null 2>&1; then formats=$formats,docx,odt; fi
    # With the team's activity log (written by scripts/gen_activities.py) and
    # the follow-up after exit (written by scripts/gen_followup.py).
    "$build/ctreport" 2022..2024 "$here/examples/sejours-2022-2024.csv" -o "$out" --format "$formats" \
      --activities "$here/examples/activites-2022-2024.csv" --followup "$here/examples/suivi-2022-2024.csv"
    tmp=$(mktemp -d)
    # A network of two establishments: each one's figures of 2024, merged and compared with 2023's.
    "$build/ctreport" 2023..2024 "$here/examples/sejours-2022-2024.csv" -o "$tmp/tilleuls" --format json --quiet
    "$build/ctreport" 2023..2024 "$here/examples/le-moulin/sejours-2022-2024.csv" -o "$tmp/moulin" --format json --quiet
    "$build/ctreport" merge "$tmp/tilleuls/figures-2024.json" "$tmp/moulin/figures-2024.json" \
      "$tmp/tilleuls/figures-2023.json" "$tmp/moulin/figures-2023.json" \
      -o "$here/examples/reseau-2024" --name "Réseau des CT de la Loire et du Rhône" --quiet
    rm -rf "$tmp"
    echo "ctreport setup: example reports written to $out/ and $here/examples/reseau-2024/"
    ;;
  test)
    install_missing
    build_project
    cd "$build"
    ctest --output-on-failure -j "$jobs"
    if ! command -v pdflatex >/dev/null 2>&1; then
      echo "ctreport setup: PDF compilation not tested: no LaTeX here (CTREPORT_WITH_LATEX=1 bash scripts/setup.sh test installs it)"
    fi
    if ! command -v soffice >/dev/null 2>&1; then
      echo "ctreport setup: docx and odt not converted to PDF in the tests: no LibreOffice (soffice) here"
    fi
    if [ "${CTREPORT_FUZZ_SMOKE:-1}" = 0 ]; then
      echo "ctreport setup: fuzz smoke run skipped (CTREPORT_FUZZ_SMOKE=0)"
    elif command -v clang++ >/dev/null 2>&1; then
      # 10 s per harness keeps the whole of .ci/run under its 15 minutes on a slow day (docs/fuzzing.md).
      bash "$here/scripts/fuzz.sh" smoke "${CTREPORT_FUZZ_SMOKE_SECONDS:-10}"
    else
      echo "ctreport setup: fuzz smoke run skipped: no clang here (see docs/fuzzing.md)"
    fi
    ;;
  sanitize)
    # The whole suite under AddressSanitizer and UndefinedBehaviorSanitizer (docs/fuzzing.md).
    install_missing
    sbuild=${CTREPORT_SANITIZE_BUILD_DIR:-$here/build-sanitize}
    cmake -S "$here" -B "$sbuild" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -g" \
      -DCTREPORT_SANITIZE=ON >/dev/null
    cmake --build "$sbuild" -j "$jobs"
    cd "$sbuild"
    ASAN_OPTIONS=${ASAN_OPTIONS:-abort_on_error=1:detect_stack_use_after_return=1} \
      UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1} ctest --output-on-failure -j "$jobs"
    ;;
  tsan)
    # The whole suite under ThreadSanitizer (clang), for the readers and tasks on several threads.
    install_missing
    tbuild=${CTREPORT_TSAN_BUILD_DIR:-$here/build-tsan}
    cmake -S "$here" -B "$tbuild" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -g" \
      -DCMAKE_C_COMPILER=clang -DCMAKE_CXX_COMPILER=clang++ -DCTREPORT_SANITIZE=ON -DCTREPORT_SANITIZERS=thread >/dev/null
    cmake --build "$tbuild" -j "$jobs"
    cd "$tbuild"
    TSAN_OPTIONS=${TSAN_OPTIONS:-halt_on_error=1:second_deadlock_stack=1} ctest --output-on-failure -j "$jobs"
    ;;
  *)
    echo "usage: scripts/setup.sh [example|test|sanitize|tsan]" >&2
    exit 2
    ;;
esac
