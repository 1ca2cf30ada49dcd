#!/usr/bin/env bash
# End-to-end benchmarks of the release binary: one document as a cold
# process, and batches of 1,000 and 10,000 documents with their peak memory.
# Needs hyperfine and GNU time (Debian: apt-get install hyperfine time).
# Usage: bash benches/run.sh [WORKDIR]
set -euo pipefail
cd "$(dirname "$0")/.."
work=${1:-/tmp/vanban-bench}
mkdir -p "$work"

cargo build --release --quiet
bin=$PWD/target/release/vanban
ref=examples/ket-luan-thuong-truc-huyen-uy-2020-11.toml

echo "== one document, cold process (render to PDF on disk)"
hyperfine -N --warmup 5 --runs 50 --export-json "$work/cold.json" \
  "$bin render $ref -o $work/one.pdf"

if command -v "${TYPST:-typst}" >/dev/null; then
  echo "== typst compile of the same template, data and fonts, for comparison"
  bash benches/typst-compare.sh "$work/typst"
fi

for n in 1000 10000; do
  rm -rf "$work/in-$n" "$work/out-$n"
  python3 benches/generate.py "$n" "$work/in-$n" >/dev/null
  echo "== batch of $n documents, -j 2"
  hyperfine --runs 3 --prepare "rm -rf $work/out-$n" --export-json "$work/batch-$n.json" \
    "$bin batch $work/in-$n -o $work/out-$n -j 2 --quiet"
  echo "== peak memory of the batch of $n"
  rm -rf "$work/out-$n"
  /usr/bin/time -f "max RSS %M KB, %e s" "$bin" batch "$work/in-$n" -o "$work/out-$n" -j 2 --quiet
done

echo "== size of the reference PDF"
"$bin" render "$ref" -o "$work/ref.pdf" 2>/dev/null
stat -c "%s bytes" "$work/ref.pdf"
