#!/bin/sh
# Build /work/data/flat_dev_wp: the flattened twin of html_dev3's WordPress comment pages and its
# Stack Overflow page (a development set for the text reader's framed engines; tuned on).
# usage: benchmarks/flat_dev_wp/build.sh [HTML_DEV3] [OUT]   (run from the repository root)
# Needs the tools venv /work/data/.venv-flatten (inscriptis, html2text) and lynx, w3m.
set -eu
src=${1:-/work/data/html_dev3}
out=${2:-/work/data/flat_dev_wp}
tmp=$(mktemp -d)
mkdir -p "$tmp/marked"
for name in 01_wordpress 02_wordpress 03_wordpress 04_wordpress 05_wordpress 06_wordpress \
    07_wordpress 08_wordpress 09_stackexchange; do
    ln -s "$src/$name.truth.json" "$tmp/"
    ln -s "$src/marked/$name.html" "$tmp/marked/"
done
/work/data/.venv-flatten/bin/python benchmarks/make_real_flat.py "$tmp" "$out" \
    --tools inscriptis,html2text,lynx,w3m
python3 benchmarks/flat_dev_wp/align_list_starts.py "$out"
rm -r "$tmp"
