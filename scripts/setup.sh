#!/usr/bin/env bash
# One-command set-up for ctreport on Debian 12.
#   scripts/setup.sh example   install what is missing, build, render the bundled example
#   scripts/setup.sh test      install what is missing, build, run the whole test suite
# With CTREPORT_WITH_LATEX=1, the optional LaTeX packages for PDF reports too.
# Packages come from scripts/debian-packages.txt (the project's single list).
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
mode=${1:-example}
build=${CTREPORT_BUILD_DIR:-$here/build}
jobs=$(nproc 2>/dev/null || echo 2)

install_missing() {
  local wanted=() missing=()
  mapfile -t wanted < <(grep -v '^\s*#' "$here/scripts/debian-packages.txt" | grep -v '^\[' | sed '/^\s*$/d')
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
    if command -v pdflatex >/dev/null 2>&1; then formats=md,tex,pdf,xlsx,json; fi
    "$build/ctreport" 2022..2024 "$here/examples/sejours-2022-2024.csv" -o "$out" --format "$formats"
    # A network of two establishments: each one's figures, merged.
    tmp=$(mktemp -d)
    "$build/ctreport" 2024 "$here/examples/sejours-2022-2024.csv" -o "$tmp/tilleuls" --format json --quiet
    "$build/ctreport" 2024 "$here/examples/le-moulin/sejours-2022-2024.csv" -o "$tmp/moulin" --format json --quiet
    "$build/ctreport" merge "$tmp/tilleuls/figures-2024.json" "$tmp/moulin/figures-2024.json" \
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
    ;;
  *)
    echo "usage: scripts/setup.sh [example|test]" >&2
    exit 2
    ;;
esac
