#!/usr/bin/env bash
# One document as a cold process: `typst compile` of vanban's own template,
# data and fonts for the reference example, beside `vanban render` of the
# same input. Needs the Typst CLI 0.15 and hyperfine:
#   cargo install typst-cli --version 0.15.1 --locked
#   apt-get install hyperfine
# Usage: bash benches/typst-compare.sh [WORKDIR]   (TYPST=path/to/typst)
set -euo pipefail
cd "$(dirname "$0")/.."
typst=${TYPST:-typst}
work=${1:-/tmp/vanban-typst}
rm -rf "$work"
mkdir -p "$work/project"

cargo build --release --quiet
bin=$PWD/target/release/vanban
ref=examples/ket-luan-thuong-truc-huyen-uy-2020-11.toml

# The built-in templates read their data as /data.json, which for typst
# compile is the file at the project's root.
cp templates/*.typ "$work/project/"
"$bin" data "$ref" >"$work/project/data.json" 2>/dev/null
# Same fonts as vanban: only fonts/ (Liberation Serif), nothing else looked
# up; and, for reference, typst's default of also scanning system fonts.
only="--font-path fonts --ignore-system-fonts --ignore-embedded-fonts"
compile="$typst compile --root $work/project"
$compile $only "$work/project/ket-luan.typ" "$work/typst.pdf"
"$bin" render "$ref" -o "$work/vanban.pdf" 2>/dev/null
echo "PDF sizes: typst $(stat -c %s "$work/typst.pdf") B, vanban $(stat -c %s "$work/vanban.pdf") B"

hyperfine -N --warmup 5 --runs 60 --export-json "$work/compare.json" \
  -n "typst compile, same fonts only" "$compile $only $work/project/ket-luan.typ $work/typst.pdf" \
  -n "typst compile, default font search" "$compile --font-path fonts $work/project/ket-luan.typ $work/typst.pdf" \
  -n "vanban render" "$bin render $ref -o $work/vanban.pdf"
